"""How the workbooks look, defined once: fonts, borders, fills, alignments, number formats, the print setup,
and saving.

Every workbook the pipeline writes takes its styles from here: the Buku Register (pipeline.views.registers),
the DIP recap and its publication (pipeline.render.lists, pipeline.render.publication), the yearly report
(pipeline.views.report), the signers' waiting sheets (pipeline.views.waiting) and the blank forms
(pipeline.render.blankforms). The printed books (registers, DIP recap) are set in Arial (Liberation Sans in
LibreOffice has the same metrics, so row heights computed from text lengths hold); the report, the waiting
sheets and the blank forms keep the spreadsheet's default font for their text.

The registers' body rows are kept between rewrites, built with these styles (pipeline.views.refresh): a change
here rebuilds them, since this file is part of what they are built from.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.core import vocab
from pipeline.core.files import write_atomic

# -- number formats ------------------------------------------------------------------------------------------
# [$-421] = Indonesian (LCID 0x0421): Excel and LibreOffice show day and month names in Indonesian while the
# cell stays a real date that sorts and filters as one.

DATE_FORMAT = "[$-421]d mmmm yyyy;@"              # 16 Maret 2026
DAY_DATE_FORMAT = "[$-421]dddd, d mmmm yyyy;@"    # Senin, 16 Maret 2026
COUNT_FORMAT = "[$-421]#,##0"                      # 1.234: counts with the thousands separator
DECIMAL_FORMAT = "[$-421]0.0"                     # 7,4
TEXT_FORMAT = "@"                                 # what is typed stays text: a NIK keeps all 16 digits

# -- fonts ---------------------------------------------------------------------------------------------------

FONT_NAME = "Arial"


def book_font(size: float, **style) -> Font:
    """Arial at ``size`` points, the printed books' font; ``style``: bold, italic, color."""
    return Font(name=FONT_NAME, size=size, **style)


TITLE_FONT = book_font(14, bold=True)
SUBTITLE_FONT = book_font(12, bold=True)
HEADER_FONT = book_font(9, bold=True)
BODY_FONT = book_font(9)
NUMBER_FONT = book_font(8, italic=True)          # the "1 2 3 ..." row under a header
BOLD = Font(bold=True)                           # in the default font
HEADING = Font(bold=True, size=13)               # a sheet's title, in the default font

# -- borders and fills ---------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
_GREY = Side(style="thin", color="808080")
LIGHT_BORDER = Border(left=_GREY, right=_GREY, top=_GREY, bottom=_GREY)   # a list read on screen


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


HEADER_FILL = _fill("D9D9D9")        # column headers of the printed books and the waiting sheets
FORM_HEADER_FILL = _fill("D9E1F2")   # column headers of the report and of the blank forms
SHADE_FILL = _fill("F2F2F2")         # column-number rows, the report's section rows
GROUP_FILL = _fill("DDEBF7")         # the DIP recap's category rows
FORM_GROUP_FILL = _fill("E2EFDA")    # the blank DIP form's category rows
INPUT_FILL = _fill("FFF2CC")         # a cell a blank form asks to fill in
VOID_FILL = _fill("E7E6E6")          # a voided number's row
LATE_FILL = _fill("FFE699")          # a late objection's row
OVERDUE_FILL = _fill("F4CCCC")       # a draft whose case is past its deadline
OVERDUE_FONT = Font(bold=True, color="9C0006")   # ... and its working days left

# -- alignments ----------------------------------------------------------------------------------------------

CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)        # titles, headers, numbers
LEFT_MIDDLE = Alignment(horizontal="left", vertical="center", wrap_text=True)      # notes, group rows
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)            # body text
TOP_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)        # short values, ticks
TOP_RIGHT = Alignment(horizontal="right", vertical="top")                          # figures
TOP = Alignment(vertical="top")                      # general: text left, numbers and dates right
TOP_WRAP = Alignment(vertical="top", wrap_text=True)  # the same, wrapped (rows sized by the writer)
ONE_LINE = Alignment(horizontal="left", vertical="top", wrap_text=False)           # dates: never wrapped

# -- text in cells -------------------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """``value`` as a cell can hold it: Word's manual line and page breaks (\x0b, \x0c) and carriage returns
    become new lines; other control characters cannot be stored in xlsx at all and are dropped."""
    if value.isprintable():
        return value                              # nearly every value: nothing to clean
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def set_text(cell, value: str) -> None:
    """Put ``value`` in ``cell`` as text, never a formula, whatever the applicant or the OPD typed; an empty
    value leaves the cell empty."""
    value = clean_text(value)
    if value:
        cell.value = value
        cell.data_type = "s"


def capacity(width: float, chars_per_unit: float) -> int:
    """Characters that fit on one line of a column ``width`` wide, for a font ``chars_per_unit`` characters
    per width unit (a cautious figure: rather a line too many than a clipped one)."""
    return max(1, int(width * chars_per_unit) - 1)


def lines_within(text: str, capacity: int) -> int:
    """How many lines ``text`` takes wrapped at word boundaries in lines of ``capacity`` characters (an estimate).

    LibreOffice does not fit row heights to wrapped text when it opens an xlsx (nor does Excel for merged
    cells), so the writers set the heights from this.
    """
    lines = 0
    for paragraph in text.split("\n"):
        count, line = 1, 0                        # lines used by this paragraph, characters on the last
        for word in paragraph.split():
            size = len(word)
            if line and line + 1 + size <= capacity:
                line += 1 + size
                continue
            if line:
                count, line = count + 1, 0
            while size > capacity:                # a word longer than the column breaks anywhere
                count, size = count + 1, size - capacity
            line = size
        lines += count
    return lines


# -- print setup and saving ----------------------------------------------------------------------------------


def set_page(ws: Worksheet, *, paper: str, landscape: bool = True, repeat_rows: str | None = None,
             footer: str | None = None) -> None:
    """Print ``ws`` on ``paper`` ("F4", "A4": ``[paper] size``) one page wide and as many pages down as it
    takes, centred with narrow margins; ``repeat_rows`` ("4:6") on top of every page; ``footer`` at the bottom
    left with "Halaman x dari y" at the right."""
    ws.page_setup.paperSize = vocab.paper(paper).xlsx_code
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0                       # as many pages down as needed
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if repeat_rows:
        ws.print_title_rows = repeat_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if footer:
        ws.oddFooter.left.text = footer
        ws.oddFooter.left.size = 8
        ws.oddFooter.right.text = "Halaman &P dari &N"
        ws.oddFooter.right.size = 8


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Write ``workbook`` to ``path`` atomically: a view is rewritten whole and never seen half written."""
    write_atomic(Path(path), workbook_bytes(workbook), overwrite=True)
