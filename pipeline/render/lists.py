"""The DIP and DIK in documents: the ``daftar`` group of the letter context and the DIP workbook (the recap
for the PPID's correction and the SK; pipeline.render.publication publishes it after the SK DIP).

Order everywhere (recap, publication, SK lampiran): category A (berkala), B (serta merta), C (setiap
saat); within a category the OPDs alphabetically; within an OPD the order of submission. Rows are
numbered 1..n over the whole list, so a number means the same entry in every output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from pipeline.core import bahasa
from pipeline.core.vocab import DEFAULT_PAPER
from pipeline.intake.lists import (
    CATEGORIES,
    CATEGORY_LABELS,
    COL_BENTUK,
    COL_NO,
    COL_OPD,
    COL_PENANGGUNG_JAWAB,
    COL_PENGUASA,
    COL_RETENSI,
    COL_RINGKASAN,
    COL_WAKTU_TEMPAT,
    DikEntry,
    DipEntry,
    RowProblem,
    _grouped,
    _redact,
    ordered,
)
from pipeline.render import xlsx

# --------------------------------------------------------------------------------------------------
# The letter context
# --------------------------------------------------------------------------------------------------


def _entry_dict(number: int, entry: DipEntry) -> dict:
    return {
        "no": str(number),
        "kategori": CATEGORY_LABELS.get(entry.category, entry.category),
        "ringkasan": entry.ringkasan,
        "penguasa": entry.penguasa,
        "penanggung_jawab": entry.penanggung_jawab,
        "waktu_tempat": entry.waktu_tempat,
        "bentuk": entry.bentuk,
        "retensi": entry.retensi,
        "opd": entry.opd,
    }


def daftar_context(
    *,
    year: int | str,
    opd: str = "",
    entries: Iterable[DipEntry] = (),
    dik: Iterable[DikEntry] = (),
    problems: Iterable[RowProblem] = (),
    nomor_pengajuan: str = "",
    tanggal_pengajuan: date | str = "",
) -> dict:
    """The ``daftar`` group of the letter context (documented in templates_docx/README.md)."""
    entries = list(entries)
    kelompok = [
        {
            "judul": CATEGORIES[category],
            "opd_list": [{"opd": name, "entri": [_entry_dict(n, e) for n, e in items]} for name, items in opds],
        }
        for category, opds in _grouped(entries)
    ]
    when = bahasa.tanggal(tanggal_pengajuan) if isinstance(tanggal_pengajuan, date) else str(tanggal_pengajuan or "")
    return {
        "tahun": str(year),
        "opd": opd or "",
        "entri": [_entry_dict(n, e) for n, e in ordered(entries)],
        "kelompok": kelompok,
        "dik": [
            {
                "no": str(number),
                "informasi": e.informasi,
                "dasar": e.dasar_teks,
                "konsekuensi_dibuka": e.konsekuensi_dibuka,
                "konsekuensi_ditutup": e.konsekuensi_ditutup,
                "jangka_waktu": e.jangka_waktu,
                "unit": e.unit,
            }
            for number, e in enumerate(dik, start=1)
        ],
        "masalah": [
            {"baris": str(p.row) if p.row is not None else "-", "kolom": p.column, "pesan": p.message}
            for p in problems
        ],
        "nomor_pengajuan": nomor_pengajuan or "",
        "tanggal_pengajuan": when,
    }


# --------------------------------------------------------------------------------------------------
# The DIP workbook: the recap, and the published list
# --------------------------------------------------------------------------------------------------

RECAP_TITLE = "REKAPITULASI DAFTAR INFORMASI PUBLIK"

# (header, width, attribute) of the DIP columns: §6 plus the OPD.
DIP_COLUMNS = [
    (COL_NO, 5, None),
    (COL_RINGKASAN, 40, "ringkasan"),
    (COL_PENGUASA, 22, "penguasa"),
    (COL_PENANGGUNG_JAWAB, 22, "penanggung_jawab"),
    (COL_WAKTU_TEMPAT, 18, "waktu_tempat"),
    (COL_BENTUK, 15, "bentuk"),
    (COL_RETENSI, 15, "retensi"),
    (COL_OPD, 24, "opd"),
]
_TITLE_ROW, _SUBTITLE_ROW, _NOTE_ROW, _HEAD_ROW, _NUMBER_ROW = 1, 2, 3, 4, 5
_FIRST_ROW = 6
_LINE_PT = 12.0
_CHARS_PER_UNIT = 1.2    # 9-point Arial, cautiously


def dip_workbook(entries: Sequence[DipEntry], *, title: str, year, agency: str, note: str, paper: str,
                 redact: bool) -> Workbook:  # fmt: skip
    """The DIP as one sheet: title rows (``note`` under them), the columns' header and numbers, then per
    category a heading row and its entries numbered 1..n, printed landscape on ``paper``; ``redact``
    masks personal data (what is published)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"DIP {year}"
    _title_rows(sheet, title=title, year=year, agency=agency, note=note)
    _header_rows(sheet)
    row = _FIRST_ROW
    for category, opds in _grouped(entries):
        _category_row(sheet, row, CATEGORIES[category])
        row += 1
        for _opd, items in opds:
            for number, entry in items:
                _entry_row(sheet, row, number, entry, redact=redact)
                row += 1
    sheet.freeze_panes = sheet.cell(_FIRST_ROW, 1)
    sheet.auto_filter.ref = f"A{_NUMBER_ROW}:{get_column_letter(len(DIP_COLUMNS))}{max(row - 1, _NUMBER_ROW)}"
    xlsx.set_page(sheet, paper=paper, repeat_rows=f"{_HEAD_ROW}:{_NUMBER_ROW}", footer=f"{title.title()} Tahun {year}")
    workbook.properties.title = f"{title.title()} Tahun {year}"
    workbook.properties.creator = "ppid-pipeline"
    return workbook


def _title_rows(sheet, *, title: str, year, agency: str, note: str) -> None:
    subtitle = " ".join(filter(None, [xlsx.clean_text(agency or "").strip().upper(), f"TAHUN {year}"]))
    for row, text, font, height in (
        (_TITLE_ROW, title, xlsx.TITLE_FONT, 20),
        (_SUBTITLE_ROW, subtitle, xlsx.SUBTITLE_FONT, 18),
        (_NOTE_ROW, note, xlsx.book_font(9, italic=True), 16 if note else 8),
    ):
        cell = sheet.cell(row, 1)
        xlsx.set_text(cell, text)
        cell.font, cell.alignment = font, xlsx.CENTRED
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(DIP_COLUMNS))
        sheet.row_dimensions[row].height = height


def _header_rows(sheet) -> None:
    """The column headers, and the column numbers under them."""
    head_lines = 1
    for col, (header, width, _attr) in enumerate(DIP_COLUMNS, start=1):
        cell = sheet.cell(_HEAD_ROW, col, header)
        cell.font, cell.fill, cell.border, cell.alignment = xlsx.HEADER_FONT, xlsx.HEADER_FILL, xlsx.BORDER, xlsx.CENTRED
        number = sheet.cell(_NUMBER_ROW, col, col)
        number.font, number.fill, number.border, number.alignment = (xlsx.NUMBER_FONT, xlsx.SHADE_FILL, xlsx.BORDER,
                                                                     xlsx.CENTRED)
        sheet.column_dimensions[get_column_letter(col)].width = width
        head_lines = max(head_lines, xlsx.lines_within(header, xlsx.capacity(width * 0.9, _CHARS_PER_UNIT)))
    sheet.row_dimensions[_HEAD_ROW].height = head_lines * _LINE_PT + 8
    sheet.row_dimensions[_NUMBER_ROW].height = 13


def _category_row(sheet, row: int, heading: str) -> None:
    cell = sheet.cell(row, 1, heading)
    cell.font, cell.alignment = xlsx.book_font(10, bold=True), xlsx.LEFT_MIDDLE
    for col in range(1, len(DIP_COLUMNS) + 1):
        sheet.cell(row, col).border = xlsx.BORDER
        sheet.cell(row, col).fill = xlsx.GROUP_FILL
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(DIP_COLUMNS))
    sheet.row_dimensions[row].height = 18


def _entry_row(sheet, row: int, number: int, entry: DipEntry, *, redact: bool) -> None:
    lines = 1
    for col, (_header, width, attr) in enumerate(DIP_COLUMNS, start=1):
        cell = sheet.cell(row, col)
        cell.border, cell.font = xlsx.BORDER, xlsx.BODY_FONT
        if attr is None:
            cell.value, cell.alignment = number, xlsx.TOP_CENTRE
            continue
        text = getattr(entry, attr) or ""
        text = xlsx.clean_text(_redact(text) if redact else text)
        xlsx.set_text(cell, text)
        cell.alignment = xlsx.TOP_LEFT
        lines = max(lines, xlsx.lines_within(text, xlsx.capacity(width, _CHARS_PER_UNIT)))
    sheet.row_dimensions[row].height = min(409, lines * _LINE_PT + 3)


def write_recap_xlsx(entries: Sequence[DipEntry], path: Path, *, year: int, agency: str,
                     paper: str = DEFAULT_PAPER) -> Path:
    """The consolidated DIP (rekapitulasi) for the PPID's correction and the SK: title rows, the §6
    columns plus the OPD, section rows A/B/C, entries numbered 1..n ordered by OPD within each category,
    wrapped text, frozen header, filter, landscape print on ``paper`` ("F4" or "A4"). Written atomically
    (an existing recap is replaced). The file reads back with :func:`pipeline.intake.reading.read_form`."""
    path = Path(path)
    workbook = dip_workbook(entries, title=RECAP_TITLE, year=year, agency=agency, note="", paper=paper,
                            redact=False)  # fmt: skip
    xlsx.save_workbook(workbook, path)
    return path
