"""Column lists: DIP and DIK (a header row of columns, one item per row).
"""

from __future__ import annotations

import re

from pipeline.intake.reading.docx import Row
from pipeline.intake.reading.model import FormRecord
from pipeline.intake.reading.text import cell_text, clean_line, normalise_label, normalise_text


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

    def __init__(self, kind: str, header: list[str], group: str | None = None) -> None:
        self.kind = kind
        self.keys = column_keys(kind, header)
        self.group: str | None = group
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
        if len(filled) == 1 and NOTE_ROW.match(filled[0]):
            self.ended = True  # notes and signatures close the list
            return None
        if len(filled) == 1 and len(self.keys) >= 3:
            self.group = filled[0]
            return None
        fields = {key: value for key, value in zip(self.keys, cells) if key and value}
        sources = {key: place for key, value, place in zip(self.keys, cells, where or [""] * len(cells))
                   if key and value and place}
        if self.group:
            fields["kelompok"] = self.group
        return FormRecord(fields=fields, choices={}, row=row, sources=sources)


def column_list_from_rows(rows: list[Row]) -> tuple[str, list[FormRecord], list[str]] | None:
    reader: ColumnListReader | None = None
    records: list[FormRecord] = []
    for row in rows:
        cells = [clean_line(cell_text(cell)) for cell in row.cells]
        if reader is None:
            kind = column_list_kind(cells)
            if kind and sum(key is not None for key in column_keys(kind, cells)) >= 3:
                reader = ColumnListReader(kind, cells)
            continue
        where = [next((p.where for p in cell if p.where), "") for cell in row.cells]
        record = reader.record(cells, None, where)
        if record is not None:
            records.append(record)
    return (reader.kind, records, reader.notes) if reader else None
