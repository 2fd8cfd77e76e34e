"""Reading a signed copy back: the document IDs on its pages (QR code, text layer) or in its file name.

A signed page comes back as a scan (PDF or image, ~200 dpi, grey, slightly skewed, JPEG-compressed) or as a
digitally signed PDF; it is matched to its draft by the QR code, the PDF's text layer, or the ID in the name.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageOps, ImageSequence

from pipeline.core.names import masked_name

log = logging.getLogger(__name__)

# PDFium is not thread-safe (two threads in it at once crash the process), and the inbox is handled by
# several threads: every PDFium call of the pipeline (documents, pages, text pages, bitmaps) holds this lock.
PDFIUM_LOCK = threading.RLock()

T = TypeVar("T")

# Not glued to more digits: "DOK-2026-0001234" is not a document ID.
_BOUNDED_DOC_ID = re.compile(r"(?<![0-9A-Za-z])DOK-\d{4}-\d{6}(?!\d)", re.IGNORECASE)

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
        pages = _pdf_page_ids(path) if is_pdf(path) else _image_page_ids(path)
        return _distinct(doc_id for page in pages for doc_id in page)
    except Exception as exc:  # noqa: BLE001 - inbox files are untrusted: a broken one is "no ID", never a crash
        # The name may hold a NIK or a phone number, and so may the message (Pillow quotes the path): both masked.
        log.warning("Tidak dapat membaca kode dokumen dari %s: %s", masked_name(path.name), masked_name(str(exc)))
        return []


def docx_doc_ids(path: Path) -> list[str]:
    """The document IDs printed in the footers of a Word document: a letter drafted by the pipeline carries
    its own there (a form never does). [] for anything else, or when unreadable."""
    try:
        with zipfile.ZipFile(path) as docx:
            names = [n for n in docx.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)]
            # A footer is a few kB; a bigger one is not ours (and never read whole).
            text = " ".join(docx.read(n).decode("utf-8", "replace") for n in names
                            if docx.getinfo(n).file_size < 1_000_000)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return []
    return _ids_in_text(re.sub(r"<[^>]+>", "", text))


def page_images(path: Path, max_pages: int = MAX_PAGES) -> Iterator[Image.Image]:
    """The pages of a PDF (rendered at ``RENDER_DPI``) or an image (frame by frame), greyscale, bounded in
    size, at most ``max_pages``. Raises on a file that cannot be read: the caller says what that means."""
    path = Path(path)
    if is_pdf(path):
        yield from each_pdf_page(path, _render_page, max_pages)
        return
    with Image.open(path) as img:
        if img.width * img.height > MAX_IMAGE_PIXELS:
            raise ValueError(f"image too large: {img.width}x{img.height}")
        _shrink_jpeg_while_decoding(img)
        for index, frame in enumerate(ImageSequence.Iterator(img)):
            if index >= max_pages:
                break
            yield _grey_and_bounded(frame)


def each_pdf_page(path: Path, work: Callable[[pdfium.PdfPage], T], max_pages: int = MAX_PAGES) -> Iterator[T]:
    """``work(page)`` for each page of a PDF, made holding the PDFium lock; the results are yielded outside it,
    so what the caller does with them (QR decoding, image comparison) runs in parallel with other files."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
    try:
        with PDFIUM_LOCK:
            count = min(len(pdf), max_pages)
        for index in range(count):
            with PDFIUM_LOCK:
                page = pdf[index]
                try:
                    result = work(page)
                finally:
                    page.close()
            yield result
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def render_grey(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """A page rendered greyscale at ``scale`` pixels per point, as an image of its own (the bitmap is freed
    here, under the caller's PDFium lock, not later by the garbage collector in whatever thread)."""
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")   # a copy: the bitmap's buffer is freed below
    finally:
        bitmap.close()


@dataclass(frozen=True)
class QrCode:
    text: str
    corners: tuple[tuple[float, float], ...]   # top-left, top-right, bottom-right, bottom-left, in the code's
                                               # own orientation, in pixels of the page image


def qr_codes(image: Image.Image, doc_id: str | None = None) -> list[QrCode]:
    """The QR codes on a page image carrying a document ID (``doc_id`` only, when given), top to bottom.

    A 75-dpi scan draws the footer's 12 mm code with ~2 pixels per module, which the decoder misses for some
    codes: an image without a code is read again at twice the size (the corners are given back in the
    image's own pixels), then with its contrast stretched."""
    for attempt, factor in ((image, 1), (_upscaled(image), 2), (ImageOps.autocontrast(image, cutoff=1), 1)):
        if attempt is None:
            continue
        barcodes = zxingcpp.read_barcodes(attempt, formats=zxingcpp.BarcodeFormat.QRCode)
        codes = [QrCode(b.text, tuple((p.x / factor, p.y / factor) for p in (
                     b.position.top_left, b.position.top_right, b.position.bottom_right, b.position.bottom_left)))
                 for b in barcodes if _ids_in_text(b.text)]
        if codes:
            codes.sort(key=lambda c: (c.corners[0][1], c.corners[0][0]))
            return [c for c in codes if doc_id is None or doc_id.upper() in _ids_in_text(c.text)]
    return []


def _upscaled(image: Image.Image) -> Image.Image | None:
    # Only low-resolution pages need it (a 150-dpi F4 page is ~1300 px wide); larger ones gain nothing.
    if image.width * image.height > 4_000_000:
        return None
    return image.resize((image.width * 2, image.height * 2), Image.BICUBIC)


def is_pdf(path: Path) -> bool:
    # By content, not by suffix: scanners and people misname files. The header may follow some junk.
    with open(path, "rb") as fh:
        return b"%PDF-" in fh.read(1024)


def _pdf_page_ids(path: Path) -> Iterator[list[str]]:
    def read(page: pdfium.PdfPage) -> tuple[list[str], Image.Image | None]:
        ids = _ids_in_text(_page_text(page))
        return ids, (None if ids else _render_page(page))

    for ids, image in each_pdf_page(path, read):
        yield ids or _ids_in_image(image)


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
    return render_grey(page, scale)


def _image_page_ids(path: Path) -> Iterator[list[str]]:
    for image in page_images(path):
        yield _ids_in_image(image)


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
    return _distinct(doc_id for b in qr_codes(image) for doc_id in _ids_in_text(b.text))


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------
