"""Printed case bundles: a cover sheet plus every printable document of a case, ready to file.

The SOPs end with "store as hardcopy and softcopy": the clerk prints one bundle per case and files it.
A bundle is a cover sheet ("LEMBAR SAMPUL BERKAS": number, kind, applicant, dates, status, the list of
enclosed documents with their pages, a QR code of the case number), then, in filing order, the print
PDFs of the letters (``*.cetak.pdf``), the signed copies, and the ID copy / surat kuasa / attachments.
The PDF/A softcopies are never read into a bundle: they stay the untouched archival copy.

Printing is duplex, so every document starts on an odd page (a blank page is added after a document
with an odd page count) and no sheet carries two documents. Every page is put on the configured paper
(shrunk to fit and centred when it is larger, centred when smaller; a landscape page is turned to use
the portrait sheet) and gets a footer "<number> — Halaman x dari y".

This module reads only the case folder (manifest and files) and the facts the caller passes in: no
database. Bundles are written outside the archive by the caller; the archive itself is never changed.
"""

from __future__ import annotations

import io
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Callable, NamedTuple
from xml.sax.saxutils import escape

import segno
from PIL import Image, ImageOps, ImageSequence
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.core import incidents
from pipeline.core.bahasa import angka, tanggal
from pipeline.core.files import fsync_dir
from pipeline.core.vocab import STATUS_DESCRIPTION, STATUS_LABEL
from pipeline.kinds.registry import KINDS
from pipeline.render.letters import ALL_LETTERS
from pipeline.store.archive import MANIFEST

log = logging.getLogger(__name__)

__all__ = ["BundleCase", "BundleDocument", "BundleResult", "BundleError", "build_case_bundle", "build_daily_batch",
           "printable_files"]

SIZE_TOLERANCE_PT = 1.5          # a page this close to the paper size is used as it is
FOOTER_BASELINE = 5.5 * mm       # below the letters' own footer (which starts 7 mm up)
FOOTER_SIZE = 7.5
QR_SIZE = 30 * mm
IMAGE_DPI = 200                  # images are embedded at no more than this (smaller files, same print)
MIN_IMAGE_DPI = 150              # ... and never enlarged beyond this (a tiny scan stays small, not blurry)
BLANK_NOTE = "Halaman ini sengaja dikosongkan."

ATTACHMENT_TITLES = {"identitas": "Salinan Identitas", "surat_kuasa": "Surat Kuasa", "lampiran": "Lampiran"}


class BundleError(Exception):
    pass


@dataclass(frozen=True)
class BundleCase:
    """The facts printed on the cover; the caller takes them from its register."""

    number: str
    kind: str                    # "permohonan" | "keberatan"
    applicant: str
    received: date
    due: date | None
    status: str
    registered: date | None = None


class BundleDocument(NamedTuple):
    title: str
    first_page: int              # 1-based, always odd
    page_count: int              # pages the document occupies, blank padding included (always even)


@dataclass(frozen=True)
class BundleResult:
    path: Path
    pages: int
    documents: list[BundleDocument]


@dataclass
class _Document:
    """One document to enclose: its pages still at their own size."""

    title: str
    file_name: str
    pages: list[PageObject] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The case bundle
# ---------------------------------------------------------------------------------------------

def build_case_bundle(case_folder: Path, *, case: BundleCase, paper_mm: tuple[float, float], out: Path,
                      printed_on: date | None = None) -> BundleResult:
    """Write the printable bundle of one case to ``out`` (atomically) and say where each document is."""
    paper = (paper_mm[0] * mm, paper_mm[1] * mm)
    manifest = _read_manifest(case_folder)
    documents = [_load_document(case_folder, entry, title, paper) for entry, title in _filing_order(manifest)]
    cover = _fit_cover(case, documents, paper, printed_on or date.today())
    sections = [cover.pages, *(doc.pages for doc in documents)]
    writer, starts, blanks = _assemble(sections, paper)
    _stamp_footers(writer, lambda x, y: f"{case.number} — Halaman {x} dari {y}", blanks)
    writer.add_metadata({"/Title": f"Berkas perkara {case.number}", "/Subject": kind_title(case.kind),
                         "/PPIDNomor": case.number, "/PPIDPemohon": case.applicant})
    _write_atomic(writer, out)
    placed = [BundleDocument(doc.title, first, _padded(len(doc.pages))) for doc, first in zip(documents, starts[1:])]
    return BundleResult(out, len(writer.pages), placed)


def printable_files(case_folder: Path) -> list[str]:
    """The files a bundle of the case would enclose, in filing order (none: no bundle to print)."""
    return [entry["path"] for entry, _ in _filing_order(_read_manifest(case_folder))]


def _read_manifest(case_folder: Path) -> dict:
    path = case_folder / MANIFEST
    if not path.is_file():
        raise BundleError(f"Folder perkara tanpa {MANIFEST}: {case_folder}")
    return json.loads(path.read_text(encoding="utf-8"))


def _filing_order(manifest: dict) -> list[tuple[dict, str]]:
    """(manifest entry, title) in filing order: print PDFs, signed copies, then what the applicant sent."""
    files = manifest.get("files", [])

    def with_role(*roles: str) -> list[dict]:
        return sorted((f for f in files if f.get("role") in roles), key=lambda f: f["path"])

    order = [(f, _letter_title(f)) for f in with_role("hardcopy_pdf")]
    order += [(f, f"{_letter_title(f)} (bertanda tangan)") for f in with_role("signed_original")]
    for role, title in ATTACHMENT_TITLES.items():
        same_role = with_role(role)
        order += [(f, title if len(same_role) == 1 else f"{title} ({i})") for i, f in enumerate(same_role, 1)]
    return order


@cache
def _letter_titles() -> dict[str, str]:
    # By letter key (manifest "letter") and by file stem, for entries written before the key existed.
    return {**{spec.file_stem: spec.title for spec in ALL_LETTERS}, **{spec.key: spec.title for spec in ALL_LETTERS}}


def _letter_title(entry: dict) -> str:
    stem = entry["path"].split(".")[0]
    titles = _letter_titles()
    if title := titles.get(entry.get("letter", "")) or titles.get(stem):
        return title
    words = stem.split("-")
    words = words[1:] if words[0].isdigit() else words
    return " ".join(words).replace("_", " ").capitalize()


# -- documents --------------------------------------------------------------------------------------

def _load_document(case_folder: Path, entry: dict, title: str, paper: tuple[float, float]) -> _Document:
    """The document's pages; a file that cannot be read becomes one page saying so (the bundle still prints)."""
    path = case_folder / entry["path"]
    doc = _Document(title, path.name)
    try:
        doc.pages = _pdf_pages(path) if _is_pdf(path) else _image_pages(path, title, paper)
    except Exception as exc:  # noqa: BLE001 - archived uploads are untrusted: one bad file must not stop the bundle
        doc.title = f"{title} — tidak dapat dicetak"
        code = incidents.report(log, f"Berkas {path.name} tidak dapat dicetak dalam bundel", exc)
        doc.pages = _unprintable_page(title, path.name, f"{incidents.plain_cause(exc)} (kode kejadian {code})", paper)
    return doc


def _is_pdf(path: Path) -> bool:
    # By content, not by suffix: scanners and people misname files.
    with open(path, "rb") as fh:
        return b"%PDF-" in fh.read(1024)


def _pdf_pages(path: Path) -> list[PageObject]:
    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise BundleError("PDF dilindungi kata sandi")
    if not reader.pages:
        raise BundleError("PDF tanpa halaman")
    return list(reader.pages)


def _image_pages(path: Path, title: str, paper: tuple[float, float]) -> list[PageObject]:
    """Each frame of an image (a multi-page TIFF scan has several) on its own page, with a caption."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=paper)
    with Image.open(path) as img:
        for frame in ImageSequence.Iterator(img):
            _draw_image_page(canvas, paper, _printable(frame), f"{title} — {path.name}")
            canvas.showPage()
    canvas.save()
    return list(PdfReader(buf).pages)


def _printable(frame: Image.Image) -> Image.Image:
    # Phone photos carry their orientation in EXIF; transparency would print black.
    frame = ImageOps.exif_transpose(frame)
    if frame.mode in ("RGBA", "LA", "P"):
        frame = frame.convert("RGBA")
        white = Image.new("RGBA", frame.size, "white")
        frame = Image.alpha_composite(white, frame)
    return frame.convert("L" if frame.mode in ("1", "L", "I;16", "I") else "RGB")


def _draw_image_page(canvas: Canvas, paper: tuple[float, float], image: Image.Image, caption: str) -> None:
    width, height = paper
    margin = 18 * mm
    font = _fonts()
    canvas.setFont(font.regular, 9)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(margin, height - margin, _clip(caption, font.regular, 9, width - 2 * margin))
    box_w, box_h = width - 2 * margin, height - 2 * margin - 8 * mm
    scale = min(box_w / image.width, box_h / image.height, 72 / MIN_IMAGE_DPI)
    w, h = image.width * scale, image.height * scale
    canvas.drawImage(ImageReader(_as_jpeg(image, w)), (width - w) / 2, height - margin - 6 * mm - h, w, h)


def _as_jpeg(image: Image.Image, placed_width_pt: float) -> io.BytesIO:
    limit = max(1, round(placed_width_pt / 72 * IMAGE_DPI))
    if image.width > limit:
        image = image.resize((limit, max(1, round(image.height * limit / image.width))), Image.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    buf.seek(0)
    return buf


def _unprintable_page(title: str, name: str, cause: str, paper: tuple[float, float]) -> list[PageObject]:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=paper)
    font = _fonts()
    y = paper[1] - 40 * mm
    for text, size, face in ((title, 13, font.bold), ("Berkas ini tidak dapat dicetak.", 11, font.regular),
                             (f"Berkas: {name}", 10, font.regular), (f"Sebab: {cause}", 10, font.regular),
                             ("Lihat salinan elektroniknya di folder arsip perkara.", 10, font.regular)):
        canvas.setFont(face, size)
        canvas.drawString(25 * mm, y, _clip(text, face, size, 160 * mm))
        y -= size * 1.8
    canvas.showPage()
    canvas.save()
    return list(PdfReader(buf).pages)


# -- the cover --------------------------------------------------------------------------------------

def _fit_cover(case: BundleCase, documents: list[_Document], paper: tuple[float, float], printed: date) -> _Document:
    """The cover lists pages that depend on its own length: render until the page count settles."""
    cover_pages = 1
    for _ in range(4):
        counts = [cover_pages, *(len(d.pages) for d in documents)]
        starts = _section_starts(counts)
        rows = [(d.title, d.file_name, first, len(d.pages)) for d, first in zip(documents, starts[1:])]
        pages = _cover_pages(case, rows, sum(map(_padded, counts)), paper, printed)
        if len(pages) == cover_pages:
            return _Document("Lembar sampul berkas", "", pages)
        cover_pages = len(pages)
    raise BundleError("Lembar sampul tidak dapat disusun")  # pragma: no cover - page count always settles


def _cover_pages(case: BundleCase, rows: list[tuple[str, str, int, int]], total: int,
                 paper: tuple[float, float], printed: date) -> list[PageObject]:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=paper, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=20 * mm, title=f"Lembar sampul {case.number}")
    width = doc.width - 12  # the frame's own padding, 6 pt each side
    story = [_cover_header(case, width), Spacer(1, 5 * mm), _facts_table(case, total, width), Spacer(1, 9 * mm),
             Paragraph("DAFTAR DOKUMEN", _style("heading")), Spacer(1, 2 * mm), _contents_table(rows, width),
             Spacer(1, 3 * mm),
             Paragraph("Setiap dokumen dimulai pada halaman ganjil (cetak bolak-balik); halaman kosong di antaranya "
                       "disengaja.", _style("note")),
             Spacer(1, 10 * mm), Paragraph(f"Dicetak {tanggal(printed)}", _style("printed"))]
    doc.build(story)
    return list(PdfReader(buf).pages)


def _cover_header(case: BundleCase, width: float) -> Table:
    font = _fonts()
    left = width - QR_SIZE - 6 * mm
    size = min(30.0, left / pdfmetrics.stringWidth(case.number, font.bold, 1))  # long numbers shrink, never wrap
    number = ParagraphStyle("number", fontName=font.bold, fontSize=size, leading=size * 1.15)
    text = [Paragraph("LEMBAR SAMPUL BERKAS", _style("title")),
            Paragraph(escape(kind_title(case.kind)), _style("kind")),
            Spacer(1, 7 * mm), Paragraph("NOMOR", _style("label")), Paragraph(escape(case.number), number)]
    table = Table([[text, _Qr(case.number, QR_SIZE)]], colWidths=[width - QR_SIZE - 2 * mm, QR_SIZE + 2 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm), ("LINEBELOW", (0, 0), (-1, 0), 1.6, colors.black),
    ]))
    return table


def kind_title(kind: str) -> str:
    """The case's kind as a cover names it: a title, never the pipeline's code ("sk_dip")."""
    return KINDS[kind].label if kind in KINDS else "Berkas"


def status_text(kind: str, status: str) -> str:
    """The case's status as a fact; "diteruskan" says to whom only for a request (to its PPID Pelaksana)."""
    described = (STATUS_DESCRIPTION if kind == "permohonan"
                 else {**STATUS_LABEL, "diganti": STATUS_DESCRIPTION["diganti"]})
    return described.get(status, STATUS_DESCRIPTION.get(status, "-"))


# Who a case comes from, as its cover names them.
_FROM = {"permohonan": "Pemohon", "keberatan": "Pengaju keberatan", "dip": "PPID Pelaksana", "dik": "Pengusul"}


def _facts_table(case: BundleCase, total: int, width: float) -> Table:
    facts = [(_FROM[case.kind], case.applicant or "-")] if case.kind in _FROM else []
    facts += [("Jenis berkas", kind_title(case.kind)),
              ("Tanggal diterima" if case.kind in _FROM else "Tanggal dibuat", tanggal(case.received))]
    if case.registered and case.kind in _FROM:
        facts.append(("Tanggal registrasi", tanggal(case.registered)))
    facts += [("Tenggat", tanggal(case.due))] if case.due else []
    facts += [("Status", status_text(case.kind, case.status)),
              ("Jumlah halaman", f"{angka(total)} halaman, termasuk lembar sampul")]
    data = [[Paragraph(label, _style("label_cell")), Paragraph(escape(value), _style("value"))]
            for label, value in facts]
    table = Table(data, colWidths=[45 * mm, width - 45 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]))
    return table


def _contents_table(rows: list[tuple[str, str, int, int]], width: float) -> Table:
    data = [[Paragraph(f"{i}.", _style("cell")),
             [Paragraph(escape(title), _style("cell")), Paragraph(escape(file_name), _style("file"))],
             *_page_cells(first, count)]
            for i, (title, file_name, first, count) in enumerate(rows, 1)]
    if not rows:
        data.append(["", Paragraph("Belum ada dokumen yang dapat dicetak.", _style("cell")), "", ""])
    return _list_table(("No.", "Dokumen", "Halaman", "Jumlah"), data, width)


def _list_table(columns: tuple[str, ...], rows: list[list], width: float) -> Table:
    """The numbered list of the cover and of the day's batch; the heading repeats on every page."""
    head = [Paragraph(text, _style("th" if i < 2 else "th_right")) for i, text in enumerate(columns)]
    table = Table([head, *rows], colWidths=[10 * mm, width - 48 * mm, 20 * mm, 18 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _page_cells(first: int, count: int) -> list[Paragraph]:
    """ "5–7", "3 hlm." (the pages with content; the padding page after it is not counted)."""
    pages = angka(first) if count == 1 else f"{angka(first)}–{angka(first + count - 1)}"
    return [Paragraph(pages, _style("cell_right")), Paragraph(f"{angka(count)} hlm.", _style("cell_right"))]


class _Qr(Flowable):
    """The case number as a vector QR code (crisp at any printer resolution). ``size`` is the symbol itself;
    the quiet zone is the white space the layout leaves around it (page margin, header padding)."""

    def __init__(self, text: str, size: float):
        super().__init__()
        self.matrix = [list(row) for row in segno.make(text, micro=False, error="m").matrix_iter(scale=1, border=0)]
        self.width = self.height = size

    def draw(self) -> None:
        module = self.width / len(self.matrix)
        self.canv.setFillColor(colors.black)
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:
                    self.canv.rect(c * module, self.height - (r + 1) * module, module, module, stroke=0, fill=1)


# -- assembling -------------------------------------------------------------------------------------

def _padded(count: int) -> int:
    return count + count % 2


def _section_starts(counts: list[int]) -> list[int]:
    """First page (1-based) of each section when every section is padded to an even length."""
    starts, page = [], 1
    for count in counts:
        starts.append(page)
        page += _padded(count)
    return starts


def _assemble(sections: list[list[PageObject]], paper: tuple[float, float]) -> tuple[PdfWriter, list[int], set[int]]:
    """All sections on the paper, each padded to an even length; returns the writer, the first page of each
    section (1-based) and the 0-based indices of the padding pages."""
    writer, starts, blanks = PdfWriter(), [], set()
    for pages in sections:
        starts.append(len(writer.pages) + 1)
        for page in pages:
            _place(writer, page, paper)
        if len(pages) % 2:
            blanks.add(len(writer.pages))
            writer.add_blank_page(*paper)
    return writer, starts, blanks


def _place(writer: PdfWriter, page: PageObject, paper: tuple[float, float]) -> None:
    """Add ``page`` as it is when it already has the paper size, else drawn onto a fresh sheet, centred."""
    if page.rotation:
        page.transfer_rotation_to_content()
    box = page.cropbox
    if _is_paper(box, paper):
        writer.add_page(page)
        return
    sheet = writer.add_blank_page(*paper)
    sheet.merge_transformed_page(page, _fit_transform(box, paper))


def _is_paper(box, paper: tuple[float, float]) -> bool:
    return (float(box.left) == 0 and float(box.bottom) == 0
            and abs(float(box.width) - paper[0]) <= SIZE_TOLERANCE_PT
            and abs(float(box.height) - paper[1]) <= SIZE_TOLERANCE_PT)


def _fit_transform(box, paper: tuple[float, float]) -> Transformation:
    """Move ``box`` onto the paper: turned a quarter when landscape on portrait paper, shrunk only when it
    is larger than the paper (never enlarged: an A4 letter keeps its true size on F4), centred."""
    width, height = float(box.width), float(box.height)
    move = Transformation().translate(-float(box.left), -float(box.bottom))
    if (width > height) != (paper[0] > paper[1]):
        # Top to the left (the binding edge): the reader turns the file clockwise to read it.
        move = move.rotate(90).translate(height, 0)
        width, height = height, width
    scale = min(paper[0] / width, paper[1] / height, 1.0)
    return move.scale(scale).translate((paper[0] - width * scale) / 2, (paper[1] - height * scale) / 2)


def _stamp_footers(writer: PdfWriter, footer: Callable[[int, int], str], blanks: set[int]) -> None:
    """One overlay document (one font for all pages) merged page by page: footer, and a note on padding pages."""
    total = len(writer.pages)
    buf = io.BytesIO()
    canvas = Canvas(buf)
    font = _fonts()
    for index, page in enumerate(writer.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        canvas.setPageSize((width, height))
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.setFont(font.regular, FOOTER_SIZE)
        canvas.drawCentredString(width / 2, FOOTER_BASELINE, footer(index + 1, total))
        if index in blanks:
            canvas.setFillColor(colors.HexColor("#777777"))
            canvas.setFont(font.regular, 9)
            canvas.drawCentredString(width / 2, height / 2, BLANK_NOTE)
        canvas.showPage()
    canvas.save()
    for page, overlay in zip(writer.pages, PdfReader(buf).pages):
        page.merge_page(overlay)


def _write_atomic(writer: PdfWriter, out: Path) -> None:
    """Temporary name in the same folder, fsync, rename: a reader (or the printer queue) never sees half a PDF."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            writer.write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(out.parent)


# ---------------------------------------------------------------------------------------------
# The day's batch
# ---------------------------------------------------------------------------------------------

def build_daily_batch(bundles: list[Path], *, out: Path, title: str, printed_on: date | None = None) -> int:
    """One PDF of the day's bundles in the clerk's filing order, after a list of them; each bundle starts on
    an odd page. Returns the page count."""
    if not bundles:
        raise BundleError("Tidak ada berkas untuk dicetak.")
    readers = [PdfReader(path) for path in bundles]
    first = readers[0].pages[0].mediabox
    paper = (float(first.width), float(first.height))
    listing = _fit_listing(bundles, readers, title, paper, printed_on or date.today())
    writer, _, blanks = _assemble([listing, *(list(r.pages) for r in readers)], paper)
    _note_blank_pages(writer, blanks)
    writer.add_metadata({"/Title": title})
    _write_atomic(writer, out)
    return len(writer.pages)


def _fit_listing(bundles: list[Path], readers: list[PdfReader], title: str, paper: tuple[float, float],
                 printed: date) -> list[PageObject]:
    listing_pages = 1
    for _ in range(4):
        counts = [listing_pages, *(len(r.pages) for r in readers)]
        starts = _section_starts(counts)
        rows = [(_bundle_label(path, reader), first, len(reader.pages))
                for path, reader, first in zip(bundles, readers, starts[1:])]
        pages = _listing_pages(title, rows, sum(map(_padded, counts)), paper, printed)
        if len(pages) == listing_pages:
            return pages
        listing_pages = len(pages)
    raise BundleError("Daftar berkas tidak dapat disusun")  # pragma: no cover


def _bundle_label(path: Path, reader: PdfReader) -> tuple[str, str]:
    """(case number, applicant) from the bundle's metadata; the file name for a PDF made elsewhere."""
    meta = reader.metadata or {}
    return str(meta.get("/PPIDNomor") or path.stem), str(meta.get("/PPIDPemohon") or "")


def _listing_pages(title: str, rows: list[tuple[tuple[str, str], int, int]], total: int,
                   paper: tuple[float, float], printed: date) -> list[PageObject]:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=paper, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=20 * mm, title=title)
    width = doc.width - 12
    data = [[Paragraph(f"{i}.", _style("cell")),
             [Paragraph(escape(number), _style("cell_bold")), Paragraph(escape(applicant), _style("file"))],
             *_page_cells(first, count)]
            for i, ((number, applicant), first, count) in enumerate(rows, 1)]
    table = _list_table(("No.", "Nomor perkara / pemohon", "Halaman", "Jumlah"), data, width)
    doc.build([Paragraph("DAFTAR BERKAS", _style("title")), Paragraph(escape(title), _style("kind")),
               Spacer(1, 6 * mm), table, Spacer(1, 4 * mm),
               Paragraph(f"{angka(len(rows))} berkas, {angka(total)} halaman termasuk daftar ini. Setiap berkas dimulai pada "
                         "halaman ganjil (cetak bolak-balik).", _style("note")),
               Spacer(1, 8 * mm), Paragraph(f"Dicetak {tanggal(printed)}", _style("printed"))])
    return list(PdfReader(buf).pages)


def _note_blank_pages(writer: PdfWriter, blanks: set[int]) -> None:
    if not blanks:
        return
    buf = io.BytesIO()
    canvas = Canvas(buf)
    font = _fonts()
    for index in sorted(blanks):
        box = writer.pages[index].mediabox
        canvas.setPageSize((float(box.width), float(box.height)))
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.setFont(font.regular, 9)
        canvas.drawCentredString(float(box.width) / 2, float(box.height) / 2, BLANK_NOTE)
        canvas.showPage()
    canvas.save()
    for index, overlay in zip(sorted(blanks), PdfReader(buf).pages):
        writer.pages[index].merge_page(overlay)


# ---------------------------------------------------------------------------------------------
# Fonts and styles
# ---------------------------------------------------------------------------------------------

class _Fonts(NamedTuple):
    regular: str
    bold: str


_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "C:/Windows/Fonts", "/Library/Fonts",
              "/System/Library/Fonts/Supplemental", str(Path.home() / ".fonts"))
# Arial or its metric twin first, like the letters; any Unicode TrueType font beats the built-in
# Helvetica, which cannot print names outside Latin-1.
_FONT_FILES = (("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("arial.ttf", "arialbd.ttf"),
               ("Arial.ttf", "Arial Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))


@cache
def _fonts() -> _Fonts:
    for regular, bold in _FONT_FILES:
        found = [_find_font(regular), _find_font(bold)]
        if all(found):
            pdfmetrics.registerFont(TTFont("Bundle-Regular", str(found[0])))
            pdfmetrics.registerFont(TTFont("Bundle-Bold", str(found[1])))
            return _Fonts("Bundle-Regular", "Bundle-Bold")
    return _Fonts("Helvetica", "Helvetica-Bold")


def _find_font(name: str) -> Path | None:
    for folder in map(Path, _FONT_DIRS):
        if folder.is_dir():
            for path in folder.rglob(name):
                return path
    return None


@cache
def _style(name: str) -> ParagraphStyle:
    font = _fonts()
    grey = colors.HexColor("#555555")
    styles = {
        "title": dict(fontName=font.bold, fontSize=19, leading=23),
        "kind": dict(fontName=font.regular, fontSize=12, leading=15, textColor=grey),
        "label": dict(fontName=font.bold, fontSize=8.5, leading=10, textColor=grey),
        "heading": dict(fontName=font.bold, fontSize=11, leading=14),
        "label_cell": dict(fontName=font.regular, fontSize=10, leading=13, textColor=grey),
        "value": dict(fontName=font.bold, fontSize=11, leading=13.5),
        "th": dict(fontName=font.bold, fontSize=9, leading=11),
        "th_right": dict(fontName=font.bold, fontSize=9, leading=11, alignment=TA_RIGHT),
        "cell": dict(fontName=font.regular, fontSize=10, leading=12.5),
        "cell_bold": dict(fontName=font.bold, fontSize=10, leading=12.5),
        "cell_right": dict(fontName=font.regular, fontSize=10, leading=12.5, alignment=TA_RIGHT),
        "file": dict(fontName=font.regular, fontSize=7.5, leading=9.5, textColor=grey),
        "note": dict(fontName=font.regular, fontSize=8, leading=10, textColor=grey),
        "printed": dict(fontName=font.regular, fontSize=9, leading=11, alignment=TA_LEFT),
    }
    return ParagraphStyle(name, **styles[name])


def _clip(text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line text to ``width`` with an ellipsis (captions must not run off the page)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
