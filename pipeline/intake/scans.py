"""Reading a signed copy back: the document IDs on its pages (QR code, text layer) or in its file name.

A signed page comes back as a scan (PDF or image, ~200 dpi, grey, slightly skewed, JPEG-compressed) or as a
digitally signed PDF; it is matched to its draft by the QR code, the PDF's text layer, or the ID in the name.
"""

from __future__ import annotations

import logging
import math
import re
import zipfile
from pathlib import Path
from typing import Iterable, Iterator

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageSequence

from pipeline.core.names import masked_name

log = logging.getLogger(__name__)

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
        # The name may hold a NIK or a phone number: the log gets it masked.
        log.warning("Tidak dapat membaca kode dokumen dari %s: %s", masked_name(path.name), exc)
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
        pdf = pdfium.PdfDocument(path)
        try:
            for index in range(min(len(pdf), max_pages)):
                page = pdf[index]
                try:
                    yield _render_page(page)
                finally:
                    page.close()
        finally:
            pdf.close()
        return
    with Image.open(path) as img:
        if img.width * img.height > MAX_IMAGE_PIXELS:
            raise ValueError(f"image too large: {img.width}x{img.height}")
        _shrink_jpeg_while_decoding(img)
        for index, frame in enumerate(ImageSequence.Iterator(img)):
            if index >= max_pages:
                break
            yield _grey_and_bounded(frame)


def qr_codes(image: Image.Image, doc_id: str | None = None) -> list:
    """The QR codes on a page image carrying a document ID (``doc_id`` only, when given), top to bottom, as
    zxing-cpp results: ``.text`` and ``.position`` (the four corners, in the code's own orientation)."""
    barcodes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    barcodes.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return [b for b in barcodes if (ids := _ids_in_text(b.text)) and (doc_id is None or doc_id.upper() in ids)]


def is_pdf(path: Path) -> bool:
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
