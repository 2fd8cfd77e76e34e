"""Reading an Excel (.xlsx) workbook into a FormDocument.

A sheet is one of: a list with a header row (one request, objection or answer per row; a DIP or DIK, one item
per row), or a form laid out vertically (label in one column, value in the next). The header may sit under
title rows and span two rows (a merged group over its columns, e.g. "Cara Memperoleh Informasi" over one tick
column per option). Instruction sheets and example rows ("Contoh") are skipped with a note; a form
service's "Timestamp" column is the date received.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time

import openpyxl
from openpyxl.utils import get_column_letter

from pipeline.core import bahasa
from pipeline.intake.reading.choices import OPTION_PATTERNS, is_marker_only, option_label, read_choice
from pipeline.intake.reading.columns import (
    TICK_CELL,
    ColumnListReader,
    column_list_kind,
    group_text,
    is_example_row,
    list_column_groups,
)
from pipeline.intake.reading.container import MSG_BROKEN, MSG_NOT_FORM
from pipeline.intake.reading.docx import Break, Row
from pipeline.intake.reading.entries import FieldScanner
from pipeline.intake.reading.kinds import kind_from_labels, kind_from_title
from pipeline.intake.reading.model import FormDocument, FormRecord, UnreadableForm
from pipeline.intake.reading.records import flag_unread, record_from_entries, settle_applicant, store_field
from pipeline.intake.reading.text import (
    ANSWER_PROFILE,
    DEFAULT_PROFILE,
    WS,
    Para,
    Profile,
    clean_line,
    label_key,
    normalise_text,
    profile_for,
)

_HEADER_SEARCH_ROWS = 15
# Sheets that explain how to fill the form, or hold the drop-down lists: never forms themselves.
_INSTRUCTION_SHEET = re.compile(
    r"petunjuk|cara\s*(?:pengisian|mengisi)|panduan|instruksi|keterangan|contoh|referensi|pilihan|daftar\s*isian"
    r"|^list|lookup|master|validasi|sheet\s*info|readme",
    re.IGNORECASE,
)
# A form service's time stamp (Google Forms "Timestamp" / "Cap waktu", Microsoft Forms "Start time").
_TIMESTAMP = re.compile(r"^(?:timestamp|time\s*stamp|cap\s*waktu|stempel\s*waktu|penanda\s*waktu|start\s*time"
                        r"|completion\s*time|waktu\s*(?:mulai|selesai|pengisian|kirim|submit)|submitted\s*at)$",
                        re.IGNORECASE)


# A DIP kept one sheet per category: the sheet's name is the group of its rows.
_CATEGORY_SHEET = re.compile(r"berkala|serta\s*-?\s*merta|setiap\s*saat|^\s*[ABC]\s*[.)]?(?:\s|$)", re.IGNORECASE)


@dataclass
class _Column:
    key: str | None  # canonical key; for a tick grid the choice key
    label: str  # as printed (both header levels)
    option: str | None = None  # a tick column of a grid: the option it stands for
    timestamp: bool = False


def read_xlsx(data: bytes) -> FormDocument:
    workbook = _load_workbook(data)
    documents: list[tuple[str, FormDocument]] = []
    notes: list[str] = []
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                continue
            grid = _grid(sheet)
            if not any(any(value is not None and str(value).strip() for value in row) for row in grid):
                continue
            if _INSTRUCTION_SHEET.search(sheet.title) and len(workbook.worksheets) > 1:
                notes.append(f"Lembar '{sheet.title}' berisi petunjuk atau contoh pengisian dan tidak dibaca.")
                continue
            document = _read_sheet(sheet.title, grid, _merged(sheet), len(workbook.worksheets) > 1)
            if document is not None:
                documents.append((sheet.title, document))
    finally:
        workbook.close()
    if not documents:
        raise UnreadableForm(MSG_NOT_FORM)
    kinds = {document.kind for _, document in documents}
    if len(kinds) > 1:
        names = ", ".join(f"'{title}'" for title, _ in documents)
        raise UnreadableForm(
            f"Buku kerja ini memuat jenis formulir yang berbeda pada lembar {names}; kirimkan setiap jenis sebagai "
            "berkas .xlsx tersendiri."
        )
    first = documents[0][1]
    for _, document in documents[1:]:
        first.records.extend(document.records)
        first.notes.extend(document.notes)
        first.title = first.title or document.title
    first.notes[:0] = notes
    return first


def _load_workbook(data: bytes):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and similar noise
            return openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True, keep_vba=False)
    except UnreadableForm:
        raise
    except Exception:  # openpyxl raises many types (KeyError, ValueError, TypeError...) on damaged files
        raise UnreadableForm(MSG_BROKEN) from None


def _grid(sheet) -> list[list]:
    """Cell values by position: grid[r][c] is Excel row r+1, column c+1."""
    rows = [list(values) for values in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
    width = max((len(row) for row in rows), default=0)
    while rows and not any(v is not None and str(v).strip() for v in rows[-1]):
        rows.pop()
    return [row + [None] * (width - len(row)) for row in rows]


def _merged(sheet) -> list[tuple[int, int, int, int]]:
    """Merged ranges as 0-based (first row, first column, last row, last column)."""
    return [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in sheet.merged_cells.ranges]


def _header_texts(grid: list[list], merged, r: int) -> list[str]:
    """Row r as header texts, a merged cell's text repeated over every column it spans."""
    texts = [_cell_to_text(value) for value in grid[r]]
    for top, left, bottom, right in merged:
        if top <= r <= bottom and left < right or (top < r <= bottom):
            text = _cell_to_text(grid[top][left])
            for c in range(left, right + 1):
                if c < len(texts) and not texts[c]:
                    texts[c] = text
    return texts


def _spans(merged, r: int) -> list[tuple[int, int]]:
    return [(left, right) for top, left, bottom, right in merged if top == r and right > left]


def _where(r: int, c: int) -> str:
    return f"sel {get_column_letter(c + 1)}{r + 1}"


def _read_sheet(title: str, grid: list[list], merged, several_sheets: bool) -> FormDocument | None:
    if _is_vertical(grid):
        return _read_vertical(title, grid)
    answer = _read_rows(title, grid, merged, ANSWER_PROFILE)
    if answer is not None:
        return answer
    category_sheet = several_sheets and _CATEGORY_SHEET.search(title)
    return _read_rows(title, grid, merged, DEFAULT_PROFILE, sheet_group=title if category_sheet else None)


def _known_labels(texts: list[str], profile: Profile) -> set[str]:
    keys = {label_key(text, profile) for text in texts if text} - {None, "_ignore"}
    if any(_TIMESTAMP.match(text.strip()) for text in texts if text):
        keys.add("tanggal")
    return keys


def _find_header_row(grid: list[list], merged, profile: Profile) -> int | None:
    """The first row naming at least two known fields (title rows above it are allowed)."""
    for r in range(min(_HEADER_SEARCH_ROWS, len(grid))):
        texts = _header_texts(grid, merged, r)
        if len(_known_labels(texts, profile)) >= 2 or (profile is DEFAULT_PROFILE and column_list_kind(texts)):
            return r
    return None


def _is_sub_header(parent: list[str], child: list[str], merged, parent_row: int, profile: Profile) -> bool:
    """The row under a header is its second level when its cells sit under merged groups of the header, or
    are labels and options themselves (never data: data rows hold names and numbers)."""
    filled = [c for c, text in enumerate(child) if text and text != parent[c]]
    if len(filled) < 2:
        return False
    spans = _spans(merged, parent_row)
    effective = _filled_forward(parent, child)
    known = 0
    for c in filled:
        under_span = any(left <= c <= right for left, right in spans)
        # an option under a group written once: its own header cell is empty (a data row's answer has one)
        group_key = label_key(effective[c], profile) if effective[c] and not parent[c] else None
        is_option = group_key in OPTION_PATTERNS and _option_of(group_key, child[c]) is not None
        if under_span or is_option or (not parent[c] and label_key(child[c], profile)):
            known += 1
    return known >= 2 and known * 5 >= len(filled) * 3


def _filled_forward(parent: list[str], child: list[str]) -> list[str]:
    """A group header written once over its sub-columns without merging ("Cara Memperoleh" | "" over "Melihat" |
    "Salinan"): the empty header cells belong to the group on their left."""
    effective = list(parent)
    for c in range(1, len(effective)):
        if not effective[c] and child[c] and child[c - 1] and effective[c - 1] and child[c - 1] != effective[c - 1]:
            effective[c] = effective[c - 1]
    return effective


def _option_of(choice_key: str, text: str) -> str | None:
    letter = text.strip(" .)(").lower()
    if choice_key == "alasan" and len(letter) == 1 and letter in "abcdefg":
        return letter  # the objection reasons' columns headed "a" ... "g"
    matches = [option for option, pattern in OPTION_PATTERNS[choice_key] if pattern.search(text)]
    return matches[0] if len(set(matches)) == 1 else None


def _header(grid: list[list], merged, header_at: int, profile: Profile) -> tuple[list[str], list[str], int]:
    """(parent texts, child texts, first data row): a one-row header has no child texts."""
    parent = _header_texts(grid, merged, header_at)
    if header_at > 0 and _spans(merged, header_at - 1):
        above = _header_texts(grid, merged, header_at - 1)
        group_columns = [c for left, right in _spans(merged, header_at - 1) for c in range(left, right + 1)]
        if sum(1 for c in group_columns if c < len(parent) and parent[c]) >= 2 and len(
            [t for t in above if t]) < len(above):
            return above, parent, header_at + 1
    if header_at + 1 < len(grid):
        child = _header_texts(grid, merged, header_at + 1)
        if _is_sub_header(parent, child, merged, header_at, profile):
            return _filled_forward(parent, child), child, header_at + 2
    return parent, [""] * len(parent), header_at + 1


def _columns(parent: list[str], child: list[str], profile: Profile) -> list[_Column]:
    columns: list[_Column] = []
    for top, sub in zip(parent, child):
        top, sub = top.strip(), sub.strip()
        if not sub or sub == top:
            columns.append(_single_level_column(top, profile))
            continue
        top_key = label_key(top, profile) if top else None
        if top_key in OPTION_PATTERNS and (option := _option_of(top_key, sub)):
            columns.append(_Column(top_key, top, option=option))
            continue
        key = label_key(sub, profile) or (label_key(f"{top} {sub}", profile) if top else None)
        columns.append(_Column(key, f"{top} {sub}".strip() if top and not label_key(sub, profile) else sub,
                               timestamp=bool(_TIMESTAMP.match(sub))))
    return columns


_BRACKETED_OPTION = re.compile(r"^(?P<label>[^\[\]]+)\[(?P<option>[^\[\]]+)\]\s*$")


def _single_level_column(text: str, profile: Profile) -> _Column:
    """A one-level header: a field ("Nama"), a form service's grid column "Cara memperoleh [Melihat]", or an option
    heading its own tick column ("Kurir", "Pos") when it names no field."""
    key = label_key(text, profile) if text else None
    bracketed = _BRACKETED_OPTION.match(text)
    if bracketed and key in OPTION_PATTERNS and (option := _option_of(key, bracketed["option"])):
        return _Column(key, bracketed["label"].strip(), option=option)
    if key is None and text:
        owners = [(choice, option) for choice in sorted(profile.choice_keys)
                  if choice in OPTION_PATTERNS and (option := _option_of(choice, text)) and _only_option(choice, text)]
        if len(owners) == 1:
            return _Column(owners[0][0], text, option=owners[0][1])
    return _Column(key, text, timestamp=bool(_TIMESTAMP.match(text)))


_OPTION_FILLER = {"via", "melalui", "dengan", "secara", "dikirim", "informasi", "salinan", "mendapatkan", "memperoleh"}


def _only_option(choice_key: str, text: str) -> bool:
    """The header is the option itself ("Kurir", "Via Pos"), not a field that mentions it ("Kode Pos")."""
    rest = text
    for _, pattern in OPTION_PATTERNS[choice_key]:
        rest = pattern.sub(" ", rest)
    return all(word in _OPTION_FILLER for word in re.findall(r"[a-z]+", rest.lower()))


def _read_rows(title: str, grid: list[list], merged, profile: Profile,
               sheet_group: str | None = None) -> FormDocument | None:
    header_at = _find_header_row(grid, merged, profile)
    if header_at is None:
        return None
    parent, child, first_data = _header(grid, merged, header_at, profile)
    above = [clean_line(" ".join(_cell_to_text(v) for v in row if v is not None)) for row in grid[:header_at]]
    title_lines = [line for line in above if line]
    title_kind = kind_from_title([title.lower()] + [line.lower() for line in title_lines])
    if profile is DEFAULT_PROFILE:
        combined = [f"{p} {c}".strip() if c and c != p else p for p, c in zip(parent, child)]
        list_kind = column_list_kind(combined) or column_list_kind(parent)
        if list_kind is not None:
            return _read_column_list(list_kind, parent, child, grid, first_data, title_lines, sheet_group)
    columns = _columns(parent, child, profile)
    keys = {column.key for column in columns if column.key} | {"tanggal" for c in columns if c.timestamp}
    if profile is ANSWER_PROFILE:
        if title_kind != "jawaban":
            common = _known_labels(parent + child, DEFAULT_PROFILE)
            if title_kind is not None or "keputusan" not in keys or kind_from_labels(common, None) is not None:
                return None
        kind = "jawaban"
    else:
        kind = kind_from_labels(keys, title_kind)
        if kind is None:
            return None
    notes: list[str] = []
    order = _timestamp_order(grid[first_data:], columns)
    records = []
    for r in range(first_data, len(grid)):
        record = _record_from_row(columns, grid[r], r, profile, notes, order, kind)
        if record is not None:
            records.append(record)
    return FormDocument(kind=kind, layout="xlsx-rows", records=records, notes=notes)


def _read_column_list(kind: str, parent: list[str], child: list[str], grid: list[list], first_data: int,
                      title_lines: list[str], sheet_group: str | None) -> FormDocument:
    """A DIP or DIK: one item per row; with one sheet per category the sheet's name is the group. Columns
    under one merged header ("Bentuk Informasi" over "Cetak | Elektronik", "Konsekuensi" over "Bila Dibuka |
    Bila Ditutup") are one field when their sub-headers name no column of their own: ticks give the ticked
    sub-headers, text is joined."""
    groups = list_column_groups(kind, parent, child)
    header = [text for text, _ in groups]
    group = sheet_group if kind == "dip" else None
    reader = ColumnListReader(kind, header, group=group, group_where=f"nama lembar '{group}'" if group else "")
    records = []
    for r in range(first_data, len(grid)):
        cells = [group_text([(child[c], _cell_to_text(grid[r][c])) for c in columns]) for _, columns in groups]
        where = [_where(r, columns[0]) for _, columns in groups]
        record = reader.record(cells, r + 1, where)
        if record is not None:
            records.append(record)
    return FormDocument(kind=kind, layout="xlsx-rows", records=records, title=title_lines, notes=reader.notes)


def _record_from_row(columns: list[_Column], values: list, r: int, profile: Profile, notes: list[str],
                     order: str | None, kind: str) -> FormRecord | None:
    texts = [_cell_to_text(value) for value in values]
    meaningful = [text for column, text in zip(columns, texts) if column.key != "_ignore" and text]
    if not meaningful:
        return None  # blank row, or a pre-numbered row with only its "No" filled in
    if is_example_row(texts):
        notes.append(f"Baris {r + 1} berisi contoh pengisian dan tidak dibaca sebagai formulir.")
        return None
    if _repeats_header(columns, texts, profile):
        notes.append(f"Baris {r + 1} berisi judul kolom, bukan isian, dan tidak dibaca.")
        return None
    record = FormRecord(fields={}, choices={}, row=r + 1)
    grids: dict[str, list[tuple[str, str, str]]] = {}
    stamps: list[tuple[_Column, object, int]] = []
    unread: list[tuple[str, str]] = []
    for c, (column, value, text) in enumerate(zip(columns, values, texts)):
        if column.key is None or column.key == "_ignore":
            if column.timestamp and text:
                stamps.append((column, value, c))
            elif column.key is None and column.label and text:
                unread.append((column.label, _where(r, c)))
            continue
        if column.option is not None:
            mark = "☑" if text and (TICK_CELL.match(text) or is_marker_only(text)) else "☐"
            grids.setdefault(column.key, []).append((mark, column.option, _where(r, c)))
            if text and mark == "☐":
                record.unplaced.append(f"Sel {_where(r, c)[4:]} pada kolom pilihan '{column.label}' berisi tulisan "
                                       "yang bukan tanda centang; periksa isian pilihan ini.")
        elif column.key in profile.choice_keys:
            if column.key in record.choices or not text:
                continue
            reading = read_choice(column.key, column.label, [Para(text, (False,) * len(text))], printed=False)
            _take_choice(record, column.key, reading, _where(r, c))
        else:
            store_field(record, column.key, _cell_field_text(column.key, value, column.label, record.notes),
                        where=_where(r, c), label=column.label)
    for key, marks in grids.items():
        lines = [Para(f"{mark} {option_label(key, option)}") for mark, option, _ in marks]
        reading = read_choice(key, next(c.label for c in columns if c.key == key), lines, printed=False)
        ticked = [where for mark, _, where in marks if mark == "☑"]
        _take_choice(record, key, reading, ", ".join(ticked))
    for column, value, c in stamps:
        if "tanggal" in record.fields:
            break
        _store_timestamp(record, column, value, order, _where(r, c))
    settle_applicant(record)
    flag_unread(record, kind, unread)
    return record


def _take_choice(record: FormRecord, key: str, reading, where: str) -> None:
    record.notes.extend(reading.notes)
    record.weak.extend(reading.weak)
    record.unplaced.extend(reading.unplaced)
    if reading.options and key not in record.choices:
        record.choices[key] = reading.options
        record.sources[key] = where


def _repeats_header(columns: list[_Column], texts: list[str], profile: Profile) -> bool:
    """A sub-header row under a header that was not recognised as its second level, or the header repeated."""
    filled = [(column, text) for column, text in zip(columns, texts) if text]
    if len(filled) < 2:
        return False
    return all(text.strip() == column.label.strip() or (label_key(text, profile) == column.key and column.key)
               or (column.key in OPTION_PATTERNS and _option_of(column.key, text) and len(text.split()) > 1
                   and text.strip().lower() in (column.label.lower(), ""))
               for column, text in filled)


# A numeric timestamp "11/18/2026 10:32:05" is month first (US export) when a day over 12 shows it.
_NUMERIC_STAMP = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})")


def _timestamp_order(rows: list[list], columns: list[_Column]) -> str | None:
    """ "dmy" or "mdy" when the column's own values show it, else None (day first is then assumed, noted)."""
    firsts, seconds = [], []
    for values in rows:
        for column, value in zip(columns, values):
            if column.timestamp and isinstance(value, str) and (m := _NUMERIC_STAMP.match(value)):
                firsts.append(int(m[1]))
                seconds.append(int(m[2]))
    if any(n > 12 for n in firsts) and not any(n > 12 for n in seconds):
        return "dmy"
    if any(n > 12 for n in seconds) and not any(n > 12 for n in firsts):
        return "mdy"
    return None


def _store_timestamp(record: FormRecord, column: _Column, value, order: str | None, where: str) -> None:
    """The form service's time stamp is the date the request was received."""
    how = ""
    if isinstance(value, (datetime, date)):
        when = value.date() if isinstance(value, datetime) else value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        when = bahasa.excel_serial_date(float(value))
    else:
        text = str(value).strip()
        match = _NUMERIC_STAMP.match(text)
        when = None
        if match:
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            year += 2000 if year < 100 else 0
            day, month = (second, first) if order == "mdy" else (first, second)
            try:
                when = date(year, month, day)
            except ValueError:
                when = None
            if when is not None and order is None and first <= 12 and second <= 12 and first != second:
                how = ("; urutan hari dan bulan tidak dapat dipastikan dari kolom ini, dibaca hari lebih dulu "
                       f"({bahasa.tanggal(when)})")
        else:
            when = bahasa.parse_tanggal(text)
    if when is None:
        record.unplaced.append(f"Cap waktu pada kolom '{column.label}' ({where}) tidak dapat dibaca sebagai tanggal; "
                               "isi tanggal diterima secara manual.")
        return
    store_field(record, "tanggal", bahasa.tanggal(when), where=where, label=column.label)
    record.weak.append(f"Tanggal diterima dibaca dari kolom cap waktu layanan formulir '{column.label}'{how}.")


# ---- a form laid out vertically: label in one column, value in the next ---------------------------------------


def _is_vertical(grid: list[list]) -> bool:
    """Labels down the first filled column with their values beside them, and no row of column headers."""
    labelled_rows, widest = 0, 0
    for r, row in enumerate(grid[:80]):
        texts = [_cell_to_text(value) for value in row]
        filled = [text for text in texts if text]
        if not filled:
            continue
        if r < _HEADER_SEARCH_ROWS and column_list_kind(texts):
            return False
        keys = {label_key(text) for text in filled} - {None, "_ignore"}
        widest = max(widest, len(keys))
        if len(filled) >= 2 and len(filled[0].split()) <= 8 and label_key(filled[0]) not in (None, "_ignore"):
            labelled_rows += 1
    return labelled_rows >= 4 and widest <= 2


def _read_vertical(title: str, grid: list[list]) -> FormDocument | None:
    blocks = []
    for r, row in enumerate(grid):
        cells = [[Para(_cell_to_text(value), where=_where(r, c))] if _cell_to_text(value) else []
                 for c, value in enumerate(row)]
        if any(cells):
            blocks.append(Row(cells))
        else:
            blocks.append(Break())
    lines = []
    for row in grid[:15]:
        line = clean_line(" ".join(_cell_to_text(v) for v in row if v is not None))
        if line and label_key(line.split(":")[0]) not in (None, "_ignore"):
            break
        if line:
            lines.append(line.lower())
    title_kind = kind_from_title([title.lower()] + lines)
    scanner = FieldScanner(profile_for(title_kind)).scan(blocks)
    kind = kind_from_labels({entry.key for entry in scanner.entries}, title_kind)
    if kind is None:
        return None
    record = record_from_entries(scanner)
    flag_unread(record, kind, scanner.unread)
    return FormDocument(kind=kind, layout="xlsx-vertical", records=[record])


def _cell_field_text(key: str, value, label: str, notes: list[str]) -> str:
    if key in ("nik", "nik_atau_sk") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _numeric_nik(value, label, notes)
    if key in ("telepon", "telepon_email") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _numeric_phone(value)
    return _cell_to_text(value)


def _numeric_nik(value: int | float, label: str, notes: list[str]) -> str:
    """A NIK typed into a number cell. Excel keeps only 15 significant digits, so the 16th becomes 0;
    a NIK ending in 0000 cannot be real (the last four digits are a serial from 0001)."""
    if isinstance(value, float) and not value.is_integer():
        notes.append(f"Isian '{label}' berupa angka desimal, bukan NIK; tulis NIK sebagai teks.")
        return ""
    digits = str(int(value))
    if len(digits) >= 16 and digits.endswith("0000"):
        notes.append(
            f"Isian '{label}' tersimpan sebagai angka dan digit terakhirnya hilang; tulis NIK sebagai teks."
        )
        return ""
    if len(digits) >= 16 and digits.endswith("0"):
        # Excel turns the 16th digit of any number into 0: the NIK may be right or may have lost a digit.
        notes.append(
            f"Isian '{label}' tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga digit terakhir "
            "NIK mungkin berubah menjadi 0. Tulis NIK sebagai teks."
        )
    return digits


def _numeric_phone(value: int | float) -> str:
    """A phone number typed into a number cell loses its leading 0 ("0812..." becomes 812...).
    Indonesian numbers are written 0... or 62...; putting the 0 back is safe and needs no note."""
    digits = str(int(value)) if float(value).is_integer() else _cell_to_text(value)
    if re.fullmatch(r"[1-9]\d{7,12}", digits) and not digits.startswith("62"):
        return "0" + digits
    return digits


def _cell_to_text(value) -> str:
    """Cell value as text: integers without ".0", dates in Indonesian."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return bahasa.tanggal(value)
    if isinstance(value, time):
        return value.strftime("%H.%M")
    return WS.sub(" ", normalise_text(str(value))).strip()
