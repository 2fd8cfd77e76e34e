"""Signing round trip: the QR code printed on a draft, reading it back from a scan, the waiting sheet.

Every drafted letter carries a document ID (``DOK-2026-000123``, see ``db.letter_number``). Drafts that
need a wet signature are printed with a QR code of that ID in the footer; the signed page comes back as
a scan (PDF or image, ~200 dpi, grey, slightly skewed, JPEG-compressed) or as a digitally signed PDF, and
is matched to its draft by the QR code, the PDF's text layer, or the ID in the file name.

The signer's folder also gets a daily xlsx sheet of what is still waiting, oldest first.
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import pypdfium2 as pdfium
import segno
import zxingcpp
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image, ImageSequence

from .archive import write_atomic

log = logging.getLogger(__name__)

DOC_ID_PATTERN = re.compile(r"DOK-\d{4}-\d{6}")
# Not glued to more digits: "DOK-2026-0001234" is not a document ID.
_BOUNDED_DOC_ID = re.compile(r"(?<![0-9A-Za-z])DOK-\d{4}-\d{6}(?!\d)", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# The QR code printed on a draft
# ---------------------------------------------------------------------------------------------

QR_MIN_DPI = 300          # the PNG is rendered at the smallest whole pixels-per-module giving >= this
QR_QUIET_ZONE = 4         # modules of white border, as the QR standard asks; part of size_mm


def qr_png(doc_id: str, *, size_mm: float = 18) -> bytes:
    """A PNG QR code (error correction Q) holding exactly ``doc_id``, ``size_mm`` wide including its quiet zone.

    A document ID is alphanumeric-mode data, so the symbol is version 1 (21 modules, 29 with the quiet
    zone): 0.62 mm a module at 18 mm, about 5 pixels a module on a 200-dpi scan. The module scale is
    the smallest whole number of pixels reaching ``QR_MIN_DPI`` (8 px a module, ~327 dpi at 18 mm) and
    the PNG's pHYs chunk carries the exact dpi, so the picture prints at ``size_mm``.
    """
    if not DOC_ID_PATTERN.fullmatch(doc_id):
        raise ValueError(f"not a document ID: {doc_id!r}")
    if size_mm <= 0:
        raise ValueError("size_mm must be positive")
    qr = segno.make_qr(doc_id, error="q", boost_error=False)
    modules = qr.symbol_size(scale=1, border=QR_QUIET_ZONE)[0]
    scale = math.ceil(QR_MIN_DPI * size_mm / 25.4 / modules)
    dpi = round(modules * scale / (size_mm / 25.4))
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=QR_QUIET_ZONE, dpi=dpi)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Document IDs from file names and scans
# ---------------------------------------------------------------------------------------------

MAX_PAGES = 20                 # a signed letter is a few pages; anything longer is only read this far
RENDER_DPI = 200               # scans arrive at ~200 dpi: rendering higher adds no detail, only time
MAX_PAGE_PIXELS = 16_000_000   # per rasterised page or image (F4 at 300 dpi is ~10 Mpx); larger is downscaled
MAX_IMAGE_PIXELS = 120_000_000 # refuse outright above this: a decompression bomb, not a scan


def doc_id_from_name(filename: str | Path) -> str | None:
    """The first document ID in a file name (any case, normalised to upper case), or None."""
    match = _BOUNDED_DOC_ID.search(Path(filename).name)
    return match.group(0).upper() if match else None


def find_doc_ids(path: Path) -> list[str]:
    """The distinct document IDs in a PDF or an image (jpg/png/tiff), in page order; [] if none or unreadable.

    PDF pages are tried first by their text layer (a digitally signed PDF is text, and reading it costs
    nothing), then by decoding QR codes on the page rendered at ``RENDER_DPI``. Images are decoded
    frame by frame (multi-page TIFF). At most ``MAX_PAGES`` pages are read.
    """
    path = Path(path)
    try:
        pages = _pdf_page_ids(path) if _is_pdf(path) else _image_page_ids(path)
        return _distinct(doc_id for page in pages for doc_id in page)
    except Exception as exc:  # noqa: BLE001 - inbox files are untrusted: a broken one is "no ID", never a crash
        log.warning("Tidak dapat membaca kode dokumen dari %s: %s", path.name, exc)
        return []


def _is_pdf(path: Path) -> bool:
    # By content, not by suffix: scanners and people misname files. The header may follow some junk.
    with open(path, "rb") as fh:
        return b"%PDF-" in fh.read(1024)


def _pdf_page_ids(path: Path) -> Iterator[list[str]]:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            try:
                yield _ids_in_text(_page_text(page)) or _ids_in_image(_render_page(page))
            finally:
                page.close()
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


def _render_page(page: pdfium.PdfPage) -> Image.Image:
    width_pt, height_pt = page.get_size()
    scale = RENDER_DPI / 72
    pixels = width_pt * height_pt * scale * scale
    if pixels > MAX_PAGE_PIXELS:       # huge page sizes (posters, broken MediaBox) are rendered smaller
        scale *= math.sqrt(MAX_PAGE_PIXELS / pixels)
    bitmap = page.render(scale=scale, grayscale=True)
    return bitmap.to_pil()


def _image_page_ids(path: Path) -> Iterator[list[str]]:
    with Image.open(path) as img:
        if img.width * img.height > MAX_IMAGE_PIXELS:
            raise ValueError(f"image too large: {img.width}x{img.height}")
        _shrink_jpeg_while_decoding(img)
        for index, frame in enumerate(ImageSequence.Iterator(img)):
            if index >= MAX_PAGES:
                break
            yield _ids_in_image(_grey_and_bounded(frame))


def _shrink_jpeg_while_decoding(img: Image.Image) -> None:
    # A JPEG can be decoded grey at 1/2, 1/4 or 1/8 size for almost nothing: a 600-dpi scan never
    # has to exist in memory at full size.
    pixels = img.width * img.height
    if img.format == "JPEG" and pixels > MAX_PAGE_PIXELS:
        factor = math.sqrt(MAX_PAGE_PIXELS / pixels)
        img.draft("L", (int(img.width * factor), int(img.height * factor)))


def _grey_and_bounded(frame: Image.Image) -> Image.Image:
    grey = frame.convert("L")
    pixels = grey.width * grey.height
    if pixels > MAX_PAGE_PIXELS:
        factor = math.sqrt(MAX_PAGE_PIXELS / pixels)
        grey = grey.resize((max(1, int(grey.width * factor)), max(1, int(grey.height * factor))), Image.LANCZOS)
    return grey


def _ids_in_text(text: str) -> list[str]:
    return _distinct(m.group(0).upper() for m in _BOUNDED_DOC_ID.finditer(text))


def _ids_in_image(image: Image.Image) -> list[str]:
    """Document IDs of the QR codes on one page image, top to bottom."""
    barcodes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    barcodes.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return _distinct(doc_id for b in barcodes for doc_id in _ids_in_text(b.text))


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------
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
DATE_FORMAT = "[$-421]d mmmm yyyy;@"              # 16 Maret 2026 (LCID 0x0421 = id-ID)
DAY_DATE_FORMAT = "[$-421]dddd, d mmmm yyyy;@"    # Senin, 16 Maret 2026

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

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
OVERDUE_FILL = PatternFill("solid", fgColor="F4CCCC")   # light red: the case's deadline has passed


def write_waiting_sheet(path: Path, items: list[WaitingItem], *, signer_title: str, today: date) -> None:
    """Write the signer's daily list of drafts waiting for a signature, oldest first, to ``path`` (atomically)."""
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
    _set_layout(ws, last_row=_FIRST_ROW + max(len(ordered), 1) - 1)
    wb.properties.title = SHEET_TITLE.format(signer_title=signer_title)
    wb.properties.creator = "ppid-pipeline"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(Path(path), buffer.getvalue(), overwrite=True)


def is_overdue(item: WaitingItem, today: date) -> bool:
    """Past the case's deadline: by working days when known, else by the calendar."""
    if item.working_days_left is not None:
        return item.working_days_left < 0
    return item.due is not None and item.due < today


def _write_heading(ws: Worksheet, signer_title: str, today: date) -> None:
    last_col = get_column_letter(len(_COLUMNS))
    ws["A1"] = SHEET_TITLE.format(signer_title=signer_title)
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells(f"A1:{last_col}1")
    ws["A2"] = today
    ws["A2"].number_format = DAY_DATE_FORMAT
    ws["A2"].alignment = Alignment(horizontal="left")
    ws.merge_cells(f"A2:{last_col}2")


def _write_header_row(ws: Worksheet) -> None:
    for col, (header, width) in enumerate(_COLUMNS, start=1):
        cell = ws.cell(_HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[_HEADER_ROW].height = 30    # two lines: LibreOffice does not fit heights on opening


def _write_item(ws: Worksheet, row: int, no: int, item: WaitingItem, today: date) -> None:
    values = [no, item.doc_id, item.title, item.case_number, item.created, item.due,
              item.working_days_left, item.file_name]
    overdue = is_overdue(item, today)
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.border = _BORDER
        cell.alignment = Alignment(vertical="top")
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if overdue:
            cell.fill = OVERDUE_FILL
    if overdue:
        ws.cell(row, 7).font = Font(bold=True, color="9C0006")


def _set_layout(ws: Worksheet, *, last_row: int) -> None:
    ws.freeze_panes = ws.cell(_FIRST_ROW, 1)
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"       # header repeated on every printed page
    ws.print_area = f"A1:{get_column_letter(len(_COLUMNS))}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
