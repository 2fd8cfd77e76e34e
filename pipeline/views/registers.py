"""The Buku Register (Perki 1/2010 layout, Perki 1/2021 contents) as xlsx workbooks.

Pure: rows of plain data in, one workbook out; no database access. The caller collects the rows
(in register order) and chooses the path; nothing in the file name is derived here.

openpyxl builds the frame (title, header, styles, page setup); the body rows are written as sheet XML
into it, since openpyxl's own cells cost about a minute for a register of 100 000 cases. The frame and
the body are made apart (``register_frame``, ``body_xml``, ``save_register``): a long register's rows
are built in chunks, deflated, and kept between rewrites (pipeline.views).

Layout of both registers (one sheet, "Register {year}"):

* rows 1-2: title block, merged across the table, bold, centred;
  row 3: blank (the objection register puts the legend of reasons a-g there);
* rows 4-5: the two-level header as printed in the Perki register: grouped columns share a merged
  top cell, single columns are merged over both rows;
* row 6: the column numbers (1, 2, 3 ...), as printed registers have; it is the header's last row
  and carries the autofilter buttons, so filtering and sorting never touch the header texts;
* row 7 onwards: one row per registration number, voided numbers included.

Dates are real dates with an Indonesian number format (pipeline.render.xlsx, which styles every cell), so
Excel and LibreOffice show "Senin, 16 Maret 2026" / "16 Maret 2026" while the cell still sorts and
filters as a date. Text is never interpreted: a value starting with "=" stays text, not a formula.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.core.bahasa import rupiah as _rupiah
from pipeline.core.bahasa import tanggal as _tanggal
from pipeline.core.files import write_atomic
from pipeline.core.vocab import (
    ALASAN_KEBERATAN,  # UU KIP Pasal 35(1), as printed on the objection form
    CARA_MEMPEROLEH_SHORT,
    DECISION_HELD,
    DECISION_SHORT,
    OBJECTION_OUTCOME_LABEL,
)
from pipeline.render import xlsx
from pipeline.render.xlsx import DATE_FORMAT, DAY_DATE_FORMAT, capacity, clean_text, lines_within, set_text
from pipeline.views.zipparts import Part, deflate_part, zip_bytes

__all__ = [
    "RequestRegisterRow",
    "ObjectionRegisterRow",
    "write_request_register",
    "write_objection_register",
    "RegisterFrame",
    "register_frame",
    "body_xml",
    "save_register",
    "REQUEST_TITLE",
    "OBJECTION_TITLE",
    "ALASAN_KEBERATAN",
    "TERLAMBAT_TEXT",
    "DATE_FORMAT",
    "DAY_DATE_FORMAT",
    "CHECK",
]

REQUEST_TITLE = "BUKU REGISTER PERMOHONAN INFORMASI PUBLIK"
OBJECTION_TITLE = "BUKU REGISTER KEBERATAN INFORMASI PUBLIK"
TERLAMBAT_TEXT = "Diajukan melewati 30 hari kerja"
CHECK = "\u221a"   # √, the tick of printed registers


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

@dataclass
class RequestRegisterRow:
    """One line of the Buku Register Permohonan."""
    no: int                        # serial number in the register (the case's seq)
    nomor: str                     # registration number, e.g. "001/PPID/III/2026"
    tanggal: date                  # date received
    nama: str
    alamat: str
    kontak: str
    pekerjaan: str
    informasi: str                 # information requested
    tujuan: str
    status_dikuasai: str           # "Ya" / "Tidak" / "" (di bawah penguasaan)
    belum_didokumentasikan: str    # "Ya" / ""
    bentuk: str                    # "Softcopy", "Hardcopy", "Softcopy, Hardcopy", ""
    jenis_permohonan: str          # "Melihat/mengetahui", "Meminta salinan", or both
    keputusan: str                 # "Diberikan seluruhnya" / "Diberikan sebagian" / "Ditolak" / ""
    alasan_penolakan: str
    tanggal_pemberitahuan: date | None
    tanggal_pemberian: date | None
    biaya: str                     # "Rp15.000,00; tunai" etc.
    batal: str | None = None       # void reason: the number exists but its case was voided
    keterangan: str = ""           # free remarks (extension, linked objection ...)


@dataclass
class ObjectionRegisterRow:
    """One line of the Buku Register Keberatan."""
    no: int
    nomor: str
    tanggal: date
    nama: str
    alamat: str
    pekerjaan: str
    telepon: str
    email: str
    nomor_permohonan: str
    informasi: str
    tujuan: str
    alasan: list[str]              # letters a-g ticked
    keputusan_atasan: str
    tanggal_tanggapan: date | None
    atasan: str                    # "Nama, Jabatan"
    tanggapan_pemohon: str
    batal: str | None = None
    terlambat: bool = False        # filed more than 30 working days after its cause
    keterangan: str = ""


# ---------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------

Kind = Literal["no", "text", "date", "day_date", "mark", "short"]


@dataclass(frozen=True)
class _Column:
    header: str                    # the printed header (the lower one when grouped)
    width: float                   # Excel column width (characters of the default font)
    kind: Kind = "text"
    group: str | None = None       # top header shared by consecutive columns
    keep_when_void: bool = False   # shown on a voided number's row


# Widths are kept narrow, every long value wraps (a date column holds its longest date, "Selasa, 29 September
# 2026", on one line): the register prints one page wide on landscape F4 at a scale that leaves its 10-point body
# text legible (about 0.6: 6 points on paper, where the earlier 9-point register printed at 4.4).
_REQUEST_COLUMNS: list[_Column] = [
    _Column("No", 4.5, "no", keep_when_void=True),
    _Column("Nomor Pendaftaran", 17, keep_when_void=True),
    _Column("Tanggal", 17.5, "date", keep_when_void=True),
    _Column("Nama", 14),
    _Column("Alamat", 15),
    _Column("Nomor Kontak", 12),
    _Column("Pekerjaan", 11),
    _Column("Informasi yang Diminta", 20),
    _Column("Tujuan Penggunaan Informasi", 14),
    _Column("Di bawah penguasaan (Ya/Tidak)", 10.5, "short", group="Status Informasi"),
    _Column("Belum didokumentasikan", 12, "short", group="Status Informasi"),
    _Column("Bentuk Informasi yang Dikuasai (Softcopy/ Hardcopy)", 10, "short"),
    _Column("Melihat/ mengetahui", 9, "mark", group="Jenis Permohonan"),
    _Column("Meminta salinan", 8, "mark", group="Jenis Permohonan"),
    _Column("Keputusan (Diberikan seluruhnya/ sebagian/ Ditolak)", 11, "short"),
    _Column("Alasan Penolakan", 14),
    _Column("Pemberitahuan tertulis", 23, "day_date", group="Hari dan Tanggal"),
    _Column("Pemberian informasi", 23, "day_date", group="Hari dan Tanggal"),
    _Column("Biaya dan Cara Pembayaran", 13),
    _Column("Keterangan", 14),
]

_OBJECTION_COLUMNS: list[_Column] = [
    _Column("No", 4.5, "no", keep_when_void=True),
    _Column("Nomor Registrasi Keberatan", 20, keep_when_void=True),
    _Column("Tanggal", 17.5, "date", keep_when_void=True),
    _Column("Nama", 14),
    _Column("Alamat", 15),
    _Column("Pekerjaan", 10),
    _Column("Telepon", 11),
    _Column("Pos-el", 14),
    _Column("Nomor Pendaftaran Permohonan", 17),
    _Column("Informasi yang Diminta", 18),
    _Column("Tujuan Penggunaan Informasi", 14),
    *(_Column(letter, 3.6, "mark", group="Alasan Keberatan") for letter in ALASAN_KEBERATAN),
    _Column("Keputusan Atasan PPID", 14),
    _Column("Hari dan Tanggal Tanggapan", 23, "day_date"),
    _Column("Nama dan Posisi Atasan PPID", 16),
    _Column("Tanggapan Pemohon", 13),
    _Column("Keterangan", 14),
]

# Row numbers of the sheet layout.
_TITLE_ROW, _SUBTITLE_ROW, _NOTE_ROW = 1, 2, 3
_HEAD_TOP, _HEAD_SUB, _NUMBER_ROW = 4, 5, 6
_FIRST_DATA_ROW = 7

# The register's own fonts (the rest: pipeline.render.xlsx)
_F_LEGEND = xlsx.book_font(8, italic=True)
_F_VOID = xlsx.book_font(10, italic=True, color="595959")
_F_LATE_NOTE = xlsx.book_font(9, bold=True, color="C00000")

_F_BODY = xlsx.book_font(10)   # the body text: 10 points, legible once fitted to the page's width
_LINE_HEIGHT_PT = 13.0   # one line of 10-point text
_BODY_CHARS_PER_UNIT = 1.05
_MAX_ROW_HEIGHT_PT = 409  # Excel's limit


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def write_request_register(path: Path, rows: list[RequestRegisterRow], *, year: int, agency_name: str,
                           paper: str = "F4") -> None:
    """Write the Buku Register Permohonan Informasi Publik of ``year`` to ``path`` (atomically).

    Rows are written in the order given (the register order). ``paper`` is "F4" (Folio) or "A4",
    as ``[paper] size`` in config.toml.
    """
    _write_whole("permohonan", Path(path), rows, year=year, agency_name=agency_name, paper=paper)


def write_objection_register(path: Path, rows: list[ObjectionRegisterRow], *, year: int, agency_name: str,
                             paper: str = "F4") -> None:
    """Write the Buku Register Keberatan Informasi Publik of ``year`` to ``path`` (atomically).

    Reasons a-g are seven narrow columns under "Alasan Keberatan", ticked with "√"; row 3 carries
    their legend. A late objection says so in its Keterangan and is highlighted.
    """
    _write_whole("keberatan", Path(path), rows, year=year, agency_name=agency_name, paper=paper)


@dataclass(frozen=True)
class RegisterFrame:
    """A register without its body rows: the saved workbook and the style index of every body cell.

    Lets a long register be written in parts (``body_xml`` over chunks of the rows, even in other
    processes, kept between rewrites) and put together by ``save_register``.
    """
    kind: str
    workbook: bytes
    styles: dict
    body_rows: int


def register_frame(kind: str, body_rows: int, *, year: int, agency_name: str, paper: str = "F4") -> RegisterFrame:
    """Title block, header, widths, panes, filter and page setup of a register of ``body_rows`` rows."""
    layout = _LAYOUTS[kind]
    wb = _build(layout.title, layout.columns, body_rows, year=year, agency_name=agency_name, paper=paper,
                note=layout.note)
    styles = _body_style_ids(wb.active, layout.columns)   # registered before saving: styles.xml holds them
    return RegisterFrame(kind, xlsx.workbook_bytes(wb), styles, body_rows)


def body_xml(frame: RegisterFrame, rows: Sequence, first: int = 0) -> str:
    """The ``<row>`` elements of ``rows``, the register's rows from index ``first`` (0 = the first body row)."""
    layout = _LAYOUTS[frame.kind]
    lines = [layout.cells(r) for r in rows]
    return _body_rows_xml(layout.columns, lines, frame.styles, first_row=_FIRST_DATA_ROW + first)


_SHEET = "xl/worksheets/sheet1.xml"


def save_register(path: Path, frame: RegisterFrame, body: Sequence[Part]) -> None:
    """The frame with its body rows (``body_xml`` deflated, in order) spliced into its sheet, written atomically."""
    last_cell = f"{get_column_letter(len(_LAYOUTS[frame.kind].columns))}{_NUMBER_ROW + frame.body_rows}"
    entries = []
    with zipfile.ZipFile(io.BytesIO(frame.workbook)) as package:
        for name in package.namelist():
            text = package.read(name)
            if name != _SHEET:
                entries.append((name, [deflate_part(text)]))
                continue
            head, tail = text.split(b"</sheetData>", 1)
            head = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last_cell}"/>'.encode(), head, count=1)
            entries.append((name, [deflate_part(head), *body, deflate_part(b"</sheetData>" + tail)]))
    write_atomic(Path(path), zip_bytes(entries), overwrite=True)


def _write_whole(kind: str, path: Path, rows: Sequence, *, year: int, agency_name: str, paper: str) -> None:
    frame = register_frame(kind, len(rows), year=year, agency_name=agency_name, paper=paper)
    save_register(path, frame, [deflate_part(body_xml(frame, rows).encode("utf-8"))])


# ---------------------------------------------------------------------------------------------
# Rows to cells
# ---------------------------------------------------------------------------------------------

@dataclass
class _Line:
    values: list[Any]              # one value per column
    void: bool = False
    late: bool = False


def _void_text(reason: str) -> str:
    reason = (reason or "").strip()
    return f"BATAL: {reason}" if reason else "BATAL"


def _void_line(columns: Sequence[_Column], values: list[Any], reason: str) -> _Line:
    """Keep number and date, empty the rest, and say BATAL in the first cleared column (Nama)."""
    kept = [v if c.keep_when_void else None for c, v in zip(columns, values)]
    first_cleared = next(i for i, c in enumerate(columns) if not c.keep_when_void)
    kept[first_cleared] = _void_text(reason)
    return _Line(kept, void=True)


@functools.lru_cache(maxsize=256)    # the same few wordings, row after row
def _jenis_marks(jenis: str) -> tuple[str, str]:
    text = (jenis or "").strip()
    lowered = text.lower()
    melihat = "melihat" in lowered or "mengetahui" in lowered or "membaca" in lowered
    salinan = "salinan" in lowered
    if text and not (melihat or salinan):
        return text, ""          # unknown wording: show it rather than lose it
    return (CHECK if melihat else ""), (CHECK if salinan else "")


def _request_cells(r: RequestRegisterRow) -> _Line:
    melihat, salinan = _jenis_marks(r.jenis_permohonan)
    values = [
        r.no, r.nomor, r.tanggal, r.nama, r.alamat, r.kontak, r.pekerjaan, r.informasi, r.tujuan,
        r.status_dikuasai, r.belum_didokumentasikan, r.bentuk, melihat, salinan, r.keputusan,
        r.alasan_penolakan, r.tanggal_pemberitahuan, r.tanggal_pemberian, r.biaya, r.keterangan,
    ]
    if r.batal is not None:
        return _void_line(_REQUEST_COLUMNS, values, r.batal)
    return _Line(values)


def _reason_letters(alasan: Sequence[str]) -> set[str]:
    letters = set()
    for item in alasan or ():
        letter = str(item).strip().strip("().").strip().lower()
        if letter not in ALASAN_KEBERATAN:
            raise ValueError(f"alasan keberatan tidak dikenal: {item!r} (harus huruf a-g)")
        letters.add(letter)
    return letters


def _objection_cells(r: ObjectionRegisterRow) -> _Line:
    letters = _reason_letters(r.alasan)
    marks = [CHECK if letter in letters else "" for letter in ALASAN_KEBERATAN]
    keterangan = r.keterangan or ""
    if r.terlambat:
        keterangan = f"{TERLAMBAT_TEXT}; {keterangan}" if keterangan.strip() else TERLAMBAT_TEXT
    values = [
        r.no, r.nomor, r.tanggal, r.nama, r.alamat, r.pekerjaan, r.telepon, r.email,
        r.nomor_permohonan, r.informasi, r.tujuan, *marks, r.keputusan_atasan, r.tanggal_tanggapan,
        r.atasan, r.tanggapan_pemohon, keterangan,
    ]
    if r.batal is not None:
        return _void_line(_OBJECTION_COLUMNS, values, r.batal)
    return _Line(values, late=r.terlambat)


_OBJECTION_NOTE = "Alasan keberatan (Pasal 35 ayat (1) UU 14/2008): " + "; ".join(
    f"{letter}. {label}" for letter, label in ALASAN_KEBERATAN.items()) + "."


@dataclass(frozen=True)
class _Layout:
    title: str
    columns: list[_Column]
    note: str                      # row 3: the objection register's legend of reasons
    cells: Callable[[Any], _Line]


_LAYOUTS = {
    "permohonan": _Layout(REQUEST_TITLE, _REQUEST_COLUMNS, "", _request_cells),
    "keberatan": _Layout(OBJECTION_TITLE, _OBJECTION_COLUMNS, _OBJECTION_NOTE, _objection_cells),
}


# ---------------------------------------------------------------------------------------------
# The workbook
# ---------------------------------------------------------------------------------------------

def _set_value(cell, value: Any) -> None:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        set_text(cell, value)
        return
    cell.value = value


def _wrapped_lines(text: str, width: float, *, chars_per_unit: float = 1.15) -> int:
    """How many lines ``text`` takes when wrapped in a column of ``width``; 1.15 characters a width unit is
    a cautious figure for 9-point Arial (bold for the header)."""
    return lines_within(text, capacity(width, chars_per_unit))


def _write_header(ws: Worksheet, columns: Sequence[_Column]) -> None:
    last = len(columns)
    # Everything in the header grid gets the header style first; merging then keeps the borders.
    for row in (_HEAD_TOP, _HEAD_SUB):
        for col in range(1, last + 1):
            cell = ws.cell(row, col)
            cell.font, cell.alignment, cell.border, cell.fill = xlsx.HEADER_FONT, xlsx.CENTRED, xlsx.BORDER, xlsx.HEADER_FILL

    top_lines, sub_lines, single_lines = 1, 1, 1
    col = 1
    while col <= last:
        column = columns[col - 1]
        if column.group is None:
            ws.cell(_HEAD_TOP, col).value = column.header
            ws.merge_cells(start_row=_HEAD_TOP, start_column=col, end_row=_HEAD_SUB, end_column=col)
            single_lines = max(single_lines, _wrapped_lines(column.header, column.width))
            col += 1
            continue
        end = col
        while end < last and columns[end].group == column.group:
            end += 1
        ws.cell(_HEAD_TOP, col).value = column.group
        if end > col:
            ws.merge_cells(start_row=_HEAD_TOP, start_column=col, end_row=_HEAD_TOP, end_column=end)
        group_width = sum(c.width for c in columns[col - 1:end])
        top_lines = max(top_lines, _wrapped_lines(column.group, group_width))
        for c in range(col, end + 1):
            ws.cell(_HEAD_SUB, c).value = columns[c - 1].header
            sub_lines = max(sub_lines, _wrapped_lines(columns[c - 1].header, columns[c - 1].width))
        col = end + 1

    top = top_lines * _LINE_HEIGHT_PT + 6
    sub = max(sub_lines * _LINE_HEIGHT_PT + 6, single_lines * _LINE_HEIGHT_PT + 12 - top)
    ws.row_dimensions[_HEAD_TOP].height = top
    ws.row_dimensions[_HEAD_SUB].height = sub

    for col in range(1, last + 1):
        cell = ws.cell(_NUMBER_ROW, col, col)
        cell.font, cell.border, cell.fill, cell.alignment = xlsx.NUMBER_FONT, xlsx.BORDER, xlsx.SHADE_FILL, xlsx.CENTRED
    ws.row_dimensions[_NUMBER_ROW].height = 13


_Variant = Literal["normal", "void", "late"]


def _style_body_cell(cell, column: _Column, variant: _Variant) -> None:
    cell.border = xlsx.BORDER
    if column.kind == "date":
        cell.number_format, cell.alignment = DATE_FORMAT, xlsx.ONE_LINE
    elif column.kind == "day_date":
        cell.number_format, cell.alignment = DAY_DATE_FORMAT, xlsx.ONE_LINE
    elif column.kind in ("no", "mark", "short"):
        cell.alignment = xlsx.TOP_CENTRE
    else:
        cell.alignment = xlsx.TOP_LEFT
    if variant == "void":
        cell.font, cell.fill = _F_VOID, xlsx.VOID_FILL
    elif variant == "late":
        cell.font, cell.fill = _F_BODY, xlsx.LATE_FILL
    else:
        cell.font = _F_BODY


def _body_style_ids(ws: Worksheet, columns: Sequence[_Column]) -> dict[_Variant, list[int]]:
    """The workbook's style index of every body cell, per column and row variant.

    Body rows are streamed as XML (openpyxl needs ~30 s for 100 000 styled rows); their styles are
    registered here through detached cells, so styles.xml still comes from openpyxl.
    """
    def style_id(column: _Column, variant: _Variant, **extra) -> int:
        cell = Cell(ws)
        _style_body_cell(cell, column, variant)
        for name, value in extra.items():
            setattr(cell, name, value)
        return cell.style_id

    ids: dict[_Variant, list[int]] = {v: [style_id(c, v) for c in columns] for v in ("normal", "void", "late")}
    ids["late"][-1] = style_id(columns[-1], "late", font=_F_LATE_NOTE)          # the "late" remark
    batal = next(i for i, c in enumerate(columns) if not c.keep_when_void)
    # "BATAL: ..." reads across the emptied row instead of wrapping in the Nama column.
    ids["void"][batal] = style_id(columns[batal], "void", alignment=xlsx.ONE_LINE)
    return ids


_EXCEL_EPOCH = date(1899, 12, 30)


def _text_xml(value: str) -> str:
    """An inline string's ``<is>`` content: kept as typed, never a formula."""
    space = ' xml:space="preserve"' if "\n" in value or value[0] == " " or value[-1] == " " else ""
    if "&" in value or "<" in value or ">" in value:
        value = xml_escape(value)
    return f"<is><t{space}>{value}</t></is>"


def _body_rows_xml(columns: Sequence[_Column], lines: Sequence[_Line], styles: dict[_Variant, list[int]],
                   first_row: int = _FIRST_DATA_ROW) -> str:
    """The body's ``<row>`` elements (one cell per column, empty ones styled)."""
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    capacities = [capacity(c.width, _BODY_CHARS_PER_UNIT) for c in columns]
    spans = f"1:{len(columns)}"
    out: list[str] = []
    append = out.append
    for offset, line in enumerate(lines):
        row = first_row + offset
        ids = styles["void" if line.void else "late" if line.late else "normal"]
        values = [clean_text(v) if v.__class__ is str else v for v in line.values]
        height = _LINE_HEIGHT_PT + 3 if line.void else _body_height(values, capacities)
        append(f'<row r="{row}" spans="{spans}" ht="{height:g}" customHeight="1">')
        for letter, style, value in zip(letters, ids, values):
            if value is None or value == "":
                append(f'<c r="{letter}{row}" s="{style}"/>')
            elif value.__class__ is str:
                append(f'<c r="{letter}{row}" s="{style}" t="inlineStr">{_text_xml(value)}</c>')
            elif isinstance(value, date):   # datetime included: a date cell shows the day only
                day = value.date() if isinstance(value, datetime) else value
                append(f'<c r="{letter}{row}" s="{style}"><v>{(day - _EXCEL_EPOCH).days}</v></c>')
            else:
                append(f'<c r="{letter}{row}" s="{style}"><v>{value}</v></c>')
        append("</row>")
    return "".join(out)


def _body_height(values: Sequence[Any], capacities: Sequence[int]) -> float:
    """Row height for the wrapped text of the row's (cleaned) values."""
    lines = 1
    for value, room in zip(values, capacities):
        # Most cells fit on one line: walk the words only when they might not.
        if value.__class__ is str and (len(value) > room or "\n" in value):
            lines = max(lines, lines_within(value, room))
    return min(_MAX_ROW_HEIGHT_PT, lines * _LINE_HEIGHT_PT + 3)


def _build(title: str, columns: Sequence[_Column], body_rows: int, *, year: int, agency_name: str,
           paper: str, note: str) -> Workbook:
    """Everything but the body rows: title block, header, widths, panes, filter, page setup."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Register {year}"
    last = len(columns)
    last_col = get_column_letter(last)

    for row, text, font, height in (
        (_TITLE_ROW, title, xlsx.TITLE_FONT, 20),
        (_SUBTITLE_ROW, " ".join(filter(None, [clean_text(agency_name or "").strip().upper(), f"TAHUN {year}"])),
         xlsx.SUBTITLE_FONT, 18),
    ):
        cell = ws.cell(row, 1)
        _set_value(cell, text)
        cell.font, cell.alignment = font, xlsx.CENTRED
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        ws.row_dimensions[row].height = height
    if note:
        cell = ws.cell(_NOTE_ROW, 1)
        _set_value(cell, note)
        cell.font, cell.alignment = _F_LEGEND, xlsx.LEFT_MIDDLE
        ws.merge_cells(start_row=_NOTE_ROW, start_column=1, end_row=_NOTE_ROW, end_column=last)
        ws.row_dimensions[_NOTE_ROW].height = 24
    else:
        ws.row_dimensions[_NOTE_ROW].height = 8

    _write_header(ws, columns)

    for col, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.width

    last_row = _NUMBER_ROW + body_rows
    ws.freeze_panes = f"B{_FIRST_DATA_ROW}"     # below the header, after "No" (a string: creates no cell)
    ws.auto_filter.ref = f"A{_NUMBER_ROW}:{last_col}{last_row}"
    xlsx.set_page(ws, paper=paper, repeat_rows=f"{_HEAD_TOP}:{_NUMBER_ROW}", footer=f"{title.title()} Tahun {year}")

    wb.properties.title = f"{title.title()} Tahun {year}"
    wb.properties.creator = "ppid-pipeline"
    return wb



# -- from cases to rows ------------------------------------------------------------------------------

_KEPUTUSAN_DECISIONS = ("diberikan", "sebagian", "ditolak")   # the Keputusan column's choices; the others have columns
_YES_NO = {True: "Ya", False: "Tidak"}


def request_row(case) -> RequestRegisterRow:
    """One register line from a request case (``pipeline.store.db.Case``): what it asked and how it was answered."""
    data = case.data or {}
    applicant = data.get("applicant", {})
    answer = data.get("jawaban") or {}
    decision = answer.get("keputusan", "")
    basis = _basis(answer) if decision == "ditolak" else ""
    extension = data.get("perpanjangan")
    notes = [f"Diperpanjang s.d. {_tanggal(date.fromisoformat(extension['tenggat_baru']))}: {extension['alasan']}"] if extension else []
    notes += [f"Keberatan: {', '.join(data['keberatan'])}"] if data.get("keberatan") else []
    notes += case_flags(data)
    handover = data.get("penyerahan") or {}
    return RequestRegisterRow(
        no=case.seq, nomor=case.number, tanggal=case.received,
        nama=applicant_name(applicant) or case.applicant_name, alamat=applicant.get("alamat") or "",
        kontak=" / ".join(v for v in (applicant.get("telepon"), applicant.get("email")) if v),
        pekerjaan=applicant.get("pekerjaan") or "", informasi=data.get("rincian_informasi") or "", tujuan=data.get("tujuan") or "",
        status_dikuasai=_YES_NO.get(DECISION_HELD.get(decision), ""),
        belum_didokumentasikan="Ya" if decision == "belum-didokumentasikan" else "",
        bentuk=", ".join(f.capitalize() for f in answer.get("bentuk", [])),
        jenis_permohonan=", ".join(CARA_MEMPEROLEH_SHORT.get(k, k) for k in data.get("cara_memperoleh", [])),
        keputusan=DECISION_SHORT[decision] if decision in _KEPUTUSAN_DECISIONS else "", alasan_penolakan=basis,
        tanggal_pemberitahuan=date.fromisoformat(answer["tanggal"]) if answer.get("tanggal") else None,
        tanggal_pemberian=date.fromisoformat(handover["tanggal"]) if handover.get("tanggal") else None,
        biaya=costs_text(answer, handover) if decision in ("diberikan", "sebagian") else "",
        batal=case.void_reason if case.status == "batal" else None,
        keterangan="; ".join(notes),
    )


def applicant_name(applicant: dict) -> str:
    """The register's name column: a person, or an organisation with its person in charge and SK number."""
    name = applicant.get("nama") or ""
    if not applicant.get("organisasi"):
        return name
    person = applicant.get("penanggung_jawab")
    person = f"{person} ({applicant['jabatan']})" if person and applicant.get("jabatan") else person
    details = [f"penanggung jawab: {person}" if person else "", f"SK: {applicant['nomor_sk']}" if applicant.get("nomor_sk") else ""]
    return "; ".join([name, *filter(None, details)])


def case_flags(data: dict) -> list[str]:
    """What the desk flagged on a case when it was filed: registered late, possibly sent twice."""
    flags = [data["didaftarkan_terlambat"]] if data.get("didaftarkan_terlambat") else []
    if data.get("kemungkinan_duplikat"):
        flags.append(f"Kemungkinan duplikat dari {', '.join(data['kemungkinan_duplikat'])}")
    return flags


def costs_text(answer: dict, handover: dict) -> str:
    """The register's "Biaya dan Cara Pembayaran": what was paid and how once the information is handed over
    (``ppid serahkan``), else the costs the written notice announced, to be paid."""
    def total(record: dict) -> int:
        return (int(record.get("halaman") or 0) * int(record.get("tarif") or 0) + int(record.get("biaya_kirim") or 0)
                + int(record.get("biaya_lain") or 0))

    if handover:
        paid = total(handover)
        return f"{_rupiah_figure(paid)}; {handover.get('cara_bayar') or '-'}" if paid else "Tidak dikenakan biaya"
    announced = total(answer)
    return f"{_rupiah_figure(announced)} (belum dibayar)" if announced else "Tidak dikenakan biaya"


def _rupiah_figure(amount: int) -> str:
    """ "Rp15.000,00": the figure without the words, for a table cell."""
    return _rupiah(amount).split(" (")[0]


def _basis(answer: dict) -> str:
    """The register's "Alasan Penolakan": the basis short, the other law's article with Pasal 17 huruf j, and the
    consequence."""
    other = answer.get("dasar_lain") or ""
    if answer.get("pasal17"):
        angka = f" angka {answer['angka']}" if answer.get("angka") else ""
        joined = f" jo. {other}" if other else ""
        return f"Pasal 17 huruf {answer['pasal17']}{angka} UU 14/2008{joined}. {answer.get('konsekuensi', '')}".strip()
    return f"{other}. {answer.get('konsekuensi', '')}".strip(". ")


def objection_row(case, request, atasan: str) -> ObjectionRegisterRow:
    """One register line from an objection case; ``request`` is the linked request case, if any."""
    data = case.data or {}
    applicant = data.get("applicant", {})
    answer = data.get("jawaban") or {}
    decision = answer.get("keputusan", "")
    proxy = data.get("kuasa") or {}
    notes = [f"Kuasa: {proxy['nama']}"] if proxy.get("nama") else []
    notes += case_flags(data)
    return ObjectionRegisterRow(
        no=case.seq, nomor=case.number, tanggal=case.received,
        nama=applicant_name(applicant) or case.applicant_name, alamat=applicant.get("alamat") or "",
        pekerjaan=applicant.get("pekerjaan") or "", telepon=applicant.get("telepon") or "", email=applicant.get("email") or "",
        nomor_permohonan=data.get("nomor_permohonan") or "",
        informasi=(request.data.get("rincian_informasi") or "") if request else "",
        tujuan=data.get("tujuan") or "", alasan=list(data.get("alasan", [])),
        keputusan_atasan=OBJECTION_OUTCOME_LABEL.get(decision, ""),
        tanggal_tanggapan=date.fromisoformat(answer["tanggal"]) if answer.get("tanggal") else None,
        atasan=atasan if decision else "", tanggapan_pemohon="",
        batal=case.void_reason if case.status == "batal" else None,
        terlambat=bool(data.get("terlambat")), keterangan="; ".join(notes),
    )
