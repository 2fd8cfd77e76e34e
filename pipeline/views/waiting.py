"""The daily sheet in each signer's folder: what waits for a signature, oldest first, with the deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.core.vocab import DEFAULT_PAPER
from pipeline.jobs.context import Context
from pipeline.jobs.desk import SIGNER_TITLES, signer_folder, waiting_drafts
from pipeline.render import letters, xlsx
from pipeline.render.xlsx import DATE_FORMAT, DAY_DATE_FORMAT, OVERDUE_FILL, OVERDUE_FONT

# The waiting sheet in a signer's folder
# ---------------------------------------------------------------------------------------------

@dataclass
class WaitingItem:
    """A draft waiting in a signer's folder."""
    doc_id: str
    title: str                       # jenis naskah, e.g. "Pemberitahuan Tertulis"
    case_number: str
    created: date
    due: date | None                 # the case's deadline
    working_days_left: int | None    # negative once the deadline has passed
    file_name: str


SHEET_TITLE = "DAFTAR NASKAH MENUNGGU TANDA TANGAN — {signer_title}"

_COLUMNS = [  # (header, width in characters)
    ("No", 5),
    ("ID dokumen", 18),
    ("Jenis naskah", 34),
    ("Nomor perkara", 22),
    ("Dibuat", 17),
    ("Tenggat perkara", 17),
    ("Sisa hari kerja", 10),
    ("Berkas", 60),
]
_HEADER_ROW = 4
_FIRST_ROW = _HEADER_ROW + 1


def write_waiting_sheet(path: Path, items: list[WaitingItem], *, signer_title: str, today: date,
                        paper: str = DEFAULT_PAPER) -> None:
    """Write the signer's daily list of drafts waiting for a signature, oldest first, to ``path`` (atomically),
    printed on ``paper`` (``[paper] size``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Menunggu"
    _write_heading(ws, signer_title, today)
    _write_header_row(ws)
    ordered = sorted(items, key=lambda item: (item.created, item.doc_id))
    for no, item in enumerate(ordered, start=1):
        _write_item(ws, _FIRST_ROW + no - 1, no, item, today)
    if not ordered:
        ws.cell(_FIRST_ROW, 1, "Tidak ada naskah yang menunggu tanda tangan.")
    _set_layout(ws, last_row=_FIRST_ROW + max(len(ordered), 1) - 1, paper=paper)
    wb.properties.title = SHEET_TITLE.format(signer_title=signer_title)
    wb.properties.creator = "ppid-pipeline"
    xlsx.save_workbook(wb, Path(path))


def is_overdue(item: WaitingItem, today: date) -> bool:
    """Past the case's deadline: by working days when known, else by the calendar."""
    if item.working_days_left is not None:
        return item.working_days_left < 0
    return item.due is not None and item.due < today


def _write_heading(ws: Worksheet, signer_title: str, today: date) -> None:
    last_col = get_column_letter(len(_COLUMNS))
    ws["A1"] = SHEET_TITLE.format(signer_title=signer_title)
    ws["A1"].font = xlsx.HEADING
    ws.merge_cells(f"A1:{last_col}1")
    ws["A2"] = today
    ws["A2"].number_format = DAY_DATE_FORMAT
    ws["A2"].alignment = xlsx.ONE_LINE
    ws.merge_cells(f"A2:{last_col}2")


def _write_header_row(ws: Worksheet) -> None:
    for col, (header, width) in enumerate(_COLUMNS, start=1):
        cell = ws.cell(_HEADER_ROW, col, header)
        cell.font, cell.fill, cell.border, cell.alignment = xlsx.BOLD, xlsx.HEADER_FILL, xlsx.LIGHT_BORDER, xlsx.CENTRED
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[_HEADER_ROW].height = 30    # two lines: LibreOffice does not fit heights on opening


def _write_item(ws: Worksheet, row: int, no: int, item: WaitingItem, today: date) -> None:
    values = [no, item.doc_id, item.title, item.case_number, item.created, item.due,
              item.working_days_left, item.file_name]
    overdue = is_overdue(item, today)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.border, cell.alignment = xlsx.LIGHT_BORDER, xlsx.TOP
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if overdue:
            cell.fill = OVERDUE_FILL
    if overdue:
        ws.cell(row, 7).font = OVERDUE_FONT


def _set_layout(ws: Worksheet, *, last_row: int, paper: str) -> None:
    ws.freeze_panes = ws.cell(_FIRST_ROW, 1)
    ws.print_area = f"A1:{get_column_letter(len(_COLUMNS))}{last_row}"
    xlsx.set_page(ws, paper=paper, repeat_rows=f"{_HEADER_ROW}:{_HEADER_ROW}")


SHEET_PREFIX = "daftar-tunggu-"
_SPECS = {spec.key: spec for spec in letters.ALL_LETTERS}


def refresh_waiting_sheet(ctx: Context, signer: str) -> Path:
    """Today's sheet of what waits for this signer, oldest first; earlier days' sheets are replaced."""
    folder = signer_folder(ctx, signer)
    today = ctx.today()
    items = []
    for doc_id, files in waiting_drafts(folder).items():
        found = ctx.db.letter_by_doc_id(doc_id)
        if found is None:
            continue
        case, key, _, created = found
        spec = _SPECS.get(key)
        left = ctx.calendar.working_days_between(today, case.due) if case.due else None
        pdf = next((f.name for f in files if f.suffix == ".pdf"), files[0].name)
        items.append(WaitingItem(doc_id=doc_id, title=spec.title if spec else key, case_number=case.number,
                                 created=datetime.fromisoformat(created).date(), due=case.due,
                                 working_days_left=left, file_name=pdf))
    items.sort(key=lambda item: (item.created, item.doc_id))
    for old in folder.glob(f"{SHEET_PREFIX}*.xlsx"):
        old.unlink(missing_ok=True)
    sheet = folder / f"{SHEET_PREFIX}{today.isoformat()}.xlsx"
    write_waiting_sheet(sheet, items, signer_title=SIGNER_TITLES.get(signer, signer.upper()), today=today,
                        paper=ctx.config.paper.size)
    return sheet
