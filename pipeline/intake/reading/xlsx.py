"""Reading an Excel (.xlsx) workbook into a FormDocument.
"""

from __future__ import annotations

import io
import re
import warnings
from datetime import date, datetime, time

from pipeline.intake.reading.choices import read_choice
from pipeline.intake.reading.columns import ColumnListReader, column_list_kind
from pipeline.intake.reading.container import MSG_BROKEN, MSG_NOT_FORM
from pipeline.intake.reading.entries import store_field
from pipeline.intake.reading.kinds import kind_from_labels, kind_from_title
from pipeline.intake.reading.model import FormDocument, FormRecord, UnreadableForm
from pipeline.intake.reading.text import ANSWER_PROFILE, DEFAULT_PROFILE, Para, Profile, WS, clean_line, label_key


_HEADER_SEARCH_ROWS = 10
_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]  # fmt: skip


def read_xlsx(data: bytes) -> FormDocument:
    workbook = _load_workbook(data)
    try:
        for sheet in workbook.worksheets:
            document = _read_sheet(sheet)
            if document is not None:
                return document
    finally:
        workbook.close()
    raise UnreadableForm(MSG_NOT_FORM)


def _load_workbook(data: bytes):
    import openpyxl  # imported here: only Excel forms need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and similar noise
            return openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True, keep_vba=False)
    except UnreadableForm:
        raise
    except Exception:  # openpyxl raises many types (KeyError, ValueError, TypeError...) on damaged files
        raise UnreadableForm(MSG_BROKEN) from None


def _read_sheet(sheet) -> FormDocument | None:
    rows = [(cells[0].row, list(cells)) for cells in sheet.iter_rows() if cells]
    answer = _read_answer_sheet(sheet.title, rows)
    if answer is not None:
        return answer
    header_at = _find_header_row(rows)
    if header_at is None:
        return None
    header_row, header_cells = rows[header_at]
    header = [_cell_to_text(cell.value) for cell in header_cells]
    title = [clean_line(" ".join(_cell_to_text(c.value) for c in cells)).lower() for _, cells in rows[:header_at]]
    title_kind = kind_from_title([sheet.title.lower()] + [line for line in title if line])
    list_kind = column_list_kind(header)
    if list_kind is not None:
        reader = ColumnListReader(list_kind, header)
        records = [
            record
            for row_number, cells in rows[header_at + 1 :]
            if (record := reader.record([_cell_to_text(cell.value) for cell in cells], row_number)) is not None
        ]
        heading = [clean_line(" ".join(_cell_to_text(c.value) for c in cells if c.value is not None))
                   for _, cells in rows[:header_at]]
        return FormDocument(kind=list_kind, layout="xlsx-rows", records=records, title=[t for t in heading if t])
    keys = [label_key(text) if text else None for text in header]
    kind = kind_from_labels({key for key in keys if key}, title_kind)
    if kind is None:
        return None
    labels = dict(zip(keys, header))
    records = [
        record
        for row_number, cells in rows[header_at + 1 :]
        if (record := _record_from_cells(keys, labels, cells, row_number)) is not None
    ]
    return FormDocument(kind=kind, layout="xlsx-rows", records=records)


def _read_answer_sheet(sheet_title: str, rows: list[tuple[int, list]]) -> FormDocument | None:
    """Answer sheets, one answer per row: the title (sheet name or rows above the header) says
    "lembar jawaban", or, with no title, the header has a "Keputusan" column and is not a request list
    (a request register may also carry "Keputusan"). None for any other sheet."""
    header_at = _find_header_row(rows, ANSWER_PROFILE)
    if header_at is None:
        return None
    header = [_cell_to_text(cell.value) for cell in rows[header_at][1]]
    title = [clean_line(" ".join(_cell_to_text(c.value) for c in cells)).lower() for _, cells in rows[:header_at]]
    title_kind = kind_from_title([sheet_title.lower()] + [line for line in title if line])
    keys = [label_key(text, ANSWER_PROFILE) if text else None for text in header]
    if title_kind != "jawaban":
        common = {label_key(text) for text in header if text} - {None}
        if title_kind is not None or "keputusan" not in keys or kind_from_labels(common, None) is not None:
            return None
    labels = dict(zip(keys, header))
    records = [
        record
        for row_number, cells in rows[header_at + 1 :]
        if (record := _record_from_cells(keys, labels, cells, row_number, ANSWER_PROFILE)) is not None
    ]
    return FormDocument(kind="jawaban", layout="xlsx-rows", records=records)


def _find_header_row(rows: list[tuple[int, list]], profile: Profile = DEFAULT_PROFILE) -> int | None:
    """The first row naming at least two known fields (title rows above it are allowed)."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        texts = [_cell_to_text(cell.value) for cell in cells]
        known = {label_key(text, profile) for text in texts if text} - {None, "_ignore"}
        if len(known) >= 2 or (profile is DEFAULT_PROFILE and column_list_kind(texts)):
            return index
    return None


def _record_from_cells(
    keys: list[str | None], labels: dict, cells: list, row_number: int, profile: Profile = DEFAULT_PROFILE
) -> FormRecord | None:
    values = [cell.value for cell in cells]
    meaningful = [value for key, value in zip(keys, values) if key != "_ignore" and _cell_to_text(value)]
    if not meaningful:
        return None  # blank row, or a pre-numbered row with only its "No" filled in
    record = FormRecord(fields={}, choices={}, row=row_number)
    for key, value in zip(keys, values):
        if key is None or key == "_ignore":
            continue
        if key in profile.choice_keys:
            text = _cell_to_text(value)
            options, notes = read_choice(key, labels[key], [Para(text, (False,) * len(text))], printed=False)
            record.notes.extend(notes)
            if options and key not in record.choices:
                record.choices[key] = options
        else:
            store_field(record, key, _cell_field_text(key, value, labels[key], record.notes))
    return record


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
        return f"{value.day} {_BULAN[value.month - 1]} {value.year}"
    if isinstance(value, time):
        return value.strftime("%H.%M")
    return WS.sub(" ", str(value)).strip()
