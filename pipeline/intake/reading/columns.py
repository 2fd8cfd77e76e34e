"""Column lists: DIP and DIK (a header row of columns, one item per row).
"""

from __future__ import annotations

import re

from pipeline.intake.reading.choices import MARK_RE
from pipeline.intake.reading.docx import Row
from pipeline.intake.reading.model import FormRecord
from pipeline.intake.reading.text import TICK_CHARS, cell_text, clean_line, normalise_label, normalise_text

_COLUMN_RULES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    kind: [(key, re.compile(pattern)) for key, pattern in rules]
    for kind, rules in {
        "dik": [
            ("no", r"^(?:nomor|nomor urut)$"),
            ("dasar_hukum", r"dasar hukum|pasal"),
            ("konsekuensi_dibuka", r"dibuka"),
            ("konsekuensi_ditutup", r"ditutup|kepentingan publik"),
            ("jangka_waktu", r"jangka waktu|masa pengecualian|lama pengecualian"),
            ("pejabat", r"pejabat|unit|satuan kerja|\bopd\b"),
            ("keterangan", r"keterangan"),
            ("informasi", r"informasi"),
        ],
        "dip": [
            ("no", r"^(?:nomor|nomor urut)$"),
            ("retensi", r"retensi|penyimpanan"),
            ("penanggung_jawab", r"penanggung\s*jawab"),
            ("waktu_tempat", r"waktu dan tempat|waktu pembuatan|tempat pembuatan"),
            ("bentuk_informasi", r"bentuk|format"),
            ("penguasa_informasi", r"pejabat|unit|satuan kerja|menguasai"),
            ("keterangan", r"keterangan"),
            ("kategori", r"kategori|klasifikasi|jenis informasi|sifat informasi"),
            ("opd", r"ppid pelaksana|perangkat daerah|\bopd\b|badan publik"),
            ("ringkasan_isi", r"ringkasan|informasi"),
        ],
    }.items()
}
_DIK_HEADER_MARKS = [r"dikecualikan", r"konsekuensi", r"dasar hukum", r"jangka waktu pengecualian"]
_DIP_HEADER_MARKS = [
    r"ringkasan isi", r"retensi|jangka waktu penyimpanan", r"penanggung\s*jawab", r"menguasai informasi",
    r"waktu dan tempat", r"bentuk|format",
]  # fmt: skip


def column_list_kind(header: list[str]) -> str | None:
    """DIK or DIP when a header row carries at least two of the columns typical of the list."""
    labels = " | ".join(normalise_label(cell) for cell in header if cell)
    if sum(bool(re.search(mark, labels)) for mark in _DIK_HEADER_MARKS) >= 2:
        return "dik"
    if sum(bool(re.search(mark, labels)) for mark in _DIP_HEADER_MARKS) >= 2:
        return "dip"
    return None


def column_keys(kind: str, header: list[str]) -> list[str | None]:
    keys: list[str | None] = []
    for cell in header:
        label = normalise_label(cell)
        key = next((k for k, pattern in _COLUMN_RULES[kind] if label and pattern.search(label)), None)
        keys.append(key if key not in keys else None)
    return keys


# A cell that only marks its column ("√", "x", "v", "1", "Ya"): a tick in a grid of option columns.
TICK_CELL = re.compile(rf"^(?:[{TICK_CHARS}xXvV]|ya|yes|1|true|benar|dipilih)$", re.IGNORECASE)


def list_column_groups(kind: str, parent: list[str], child: list[str]) -> list[tuple[str, list[int]]]:
    groups: list[tuple[str, list[int]]] = []
    for c, (top, sub) in enumerate(zip(parent, child)):
        combined = f"{top} {sub}".strip() if sub and sub != top else top
        own_key = column_keys(kind, [combined])[0] if sub and sub != top else None
        shared = groups and top and groups[-1][0] == top and sub and sub != top
        if shared and (own_key is None or own_key == column_keys(kind, [top])[0]):
            groups[-1][1].append(c)
        elif sub and sub != top and own_key is not None and own_key != column_keys(kind, [top])[0]:
            groups.append((combined, [c]))
        else:
            groups.append((top if sub and sub != top else combined, [c]))
    return groups


def group_text(cells: list[tuple[str, str]]) -> str:
    if len(cells) == 1:
        return cells[0][1]
    parts = [(sub if TICK_CELL.match(text) or MARK_RE.fullmatch(text.strip()) else text) for sub, text in cells if text]
    return ", ".join(part for part in parts if part)


# Rows that are not items: an example row ("Contoh"), notes and signatures under the list.
EXAMPLE_ROW = re.compile(r"^\(?\s*(?:contoh|misal(?:nya)?|example)\b", re.IGNORECASE)
NOTE_ROW = re.compile(
    r"^(?:keterangan|catatan|ket\s*[.:]|note|sumber\s*:|\*|mengetahui|disahkan|ditetapkan|dibuat\s+oleh"
    r"|kepala\b|ppid\b|atasan\b|nip\b|[a-z .'-]{2,40},\s*\d{1,2}\s+\w+\s+\d{4})",
    re.IGNORECASE,
)


def is_example_row(cells: list[str]) -> bool:
    """A sample row as in the blank templates offices hand out: "Contoh" in its first filled cells."""
    filled = [cell for cell in cells if cell]
    return any(EXAMPLE_ROW.match(cell) for cell in filled[:2])


class ColumnListReader:
    """Rows under a DIP/DIK header; a row with a single filled cell ("A. Informasi Berkala") is a group,
    an example row ("Contoh") and the notes under the list ("Keterangan: ...") are skipped with a note."""

    def __init__(self, kind: str, header: list[str], group: str | None = None, group_where: str = "") -> None:
        self.kind = kind
        self.keys = column_keys(kind, header)
        self.group: str | None = group
        self.group_where = group_where  # where the group was read (its row, or the sheet's name)
        self.notes: list[str] = []
        self.ended = False

    def record(self, cells: list[str], row: int | None, where: list[str] | None = None) -> FormRecord | None:
        cells = [clean_line(normalise_text(cell)) for cell in cells]
        filled = [cell for cell in cells if cell]
        if self.ended or not filled or all(re.fullmatch(r"\(?\d{1,2}\)?", cell) for cell in filled):
            return None  # blank row or the "1 | 2 | 3 ..." column numbering row under the header
        at = f"Baris {row}" if row is not None else "Satu baris"
        if is_example_row(cells):
            self.notes.append(f"{at} berisi contoh pengisian dan tidak dibaca sebagai informasi.")
            return None
        if len(filled) <= 3 and all(NOTE_ROW.match(cell) for cell in filled):
            self.ended = True  # notes and signatures close the list
            return None
        if len(filled) == 1 and len(self.keys) >= 3:
            self.group = filled[0]
            places = [place for cell, place in zip(cells, where or []) if cell]
            self.group_where = places[0] if places else ""
            return None
        fields = {key: value for key, value in zip(self.keys, cells) if key and value}
        sources = {key: place for key, value, place in zip(self.keys, cells, where or [""] * len(cells))
                   if key and value and place}
        if self.group:
            fields["kelompok"] = self.group
            if self.group_where:
                sources["kelompok"] = self.group_where
        return FormRecord(fields=fields, choices={}, row=row, sources=sources)


def column_list_from_rows(rows: list[Row]) -> tuple[str, list[FormRecord], list[str]] | None:
    """A DIP or DIK as a Word table: the header row (with a second level when its cells span several columns),
    then one item per row."""
    reader: ColumnListReader | None = None
    records: list[FormRecord] = []
    parent: list[str] = []
    groups: list[tuple[str, list[int]]] = []
    child: list[str] = []
    skip_sub = False
    for index, row in enumerate(rows):
        cells, where = _on_grid(row, repeat=reader is None)
        if reader is None:
            kind = column_list_kind(cells) or ""
            if kind and sum(key is not None for key in column_keys(kind, cells)) >= 3:
                parent = cells
                child = [""] * len(cells)
                if any(span > 1 for span in row.spans or []) and index + 1 < len(rows):
                    following, _ = _on_grid(rows[index + 1])
                    if _is_sub_header_row(following):
                        child = following + [""] * (len(cells) - len(following))
                groups = list_column_groups(kind, parent, child)
                reader = ColumnListReader(kind, [text for text, _ in groups])
                skip_sub = any(child)
            continue
        if skip_sub:
            skip_sub = False
            continue
        values = [group_text([(child[c], cells[c] if c < len(cells) else "") for c in columns]) for _, columns in groups]
        places = [where[columns[0]] if columns[0] < len(where) else "" for _, columns in groups]
        record = reader.record(values, None, places)
        if record is not None:
            records.append(record)
    return (reader.kind, records, reader.notes) if reader else None


def _on_grid(row: Row, repeat: bool = False) -> tuple[list[str], list[str]]:
    """Cell texts and places by grid column; a cell spanning two columns fills both in a header (``repeat``),
    only its first elsewhere (a group row "A. Informasi Berkala" across the table stays one filled cell)."""
    cells, where = [], []
    for index, cell in enumerate(row.cells):
        span = row.spans[index] if row.spans and index < len(row.spans) else 1
        text = clean_line(cell_text(cell))
        place = next((p.where for p in cell if p.where), "")
        cells.extend([text] + [text if repeat else ""] * (span - 1))
        where.extend([place] * span)
    return cells, where


def _is_sub_header_row(cells: list[str]) -> bool:
    """ "| | | Bila Dibuka | Bila Ditutup |": a few short words under a spanning header, no item."""
    filled = [cell for cell in cells if cell]
    return 2 <= len(filled) < len(cells) and all(len(cell.split()) <= 4 and not re.search(r"\d", cell) for cell in filled)
