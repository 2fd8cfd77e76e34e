"""The signing round trip for real: a letter with the QR in its footer goes through LibreOffice, is
"scanned" (200 dpi, grey, JPEG, rotated) and must be matched back by find_doc_ids; plus the waiting sheet."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook
from PIL import Image, ImageFilter

from pipeline.core.numbering import DOC_ID_PATTERN
from pipeline.intake.scans import doc_id_from_name, find_doc_ids
from pipeline.render.qr import qr_png
from pipeline.views.waiting import WaitingItem, write_waiting_sheet

DOC_ID = "DOK-2026-000123"
SCAN_DPI = 200

needs_office = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice and poppler-utils needed"
)


# -- fixtures: the printed letter and its scans ------------------------------------------------------

def _letter_docx(path: Path) -> None:
    """An F4 letter of two pages whose footer holds the QR code, 18 mm wide. The text never names the ID."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    doc.add_paragraph("PEMBERITAHUAN TERTULIS").runs[0].bold = True
    for _ in range(14):
        doc.add_paragraph(
            "Berdasarkan permohonan informasi publik yang Saudara sampaikan, bersama ini kami beritahukan "
            "bahwa informasi yang dimohon berada di bawah penguasaan kami dan dapat diberikan seluruhnya. "
            "Salinan informasi disampaikan dalam bentuk softcopy melalui surat elektronik. " * 2
        )
    footer = section.footer.paragraphs[0]
    footer.add_run("Halaman ini ditandai kode dokumen  ")
    footer.add_run().add_picture(io.BytesIO(qr_png(DOC_ID)), width=Mm(18))
    doc.save(path)


def _convert_to_pdf(docx: Path) -> Path:
    subprocess.run(
        ["soffice", "-env:UserInstallation=file:///tmp/lo-signing-test", "--headless",
         "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, timeout=120,
    )
    return docx.with_suffix(".pdf")


def _scan_first_page(pdf: Path) -> Image.Image:
    """Page 1 as a 200-dpi greyscale scanner would see it: slightly soft, on slightly grey paper."""
    prefix = pdf.parent / "page"
    subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)],
                   check=True, timeout=60)
    page = Image.open(next(pdf.parent.glob("page*.png"))).convert("L")
    return page.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 30 + v * 205 // 255)


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[str, Path]:
    """Scans with names that say nothing about the document."""
    work = tmp_path_factory.mktemp("letter")
    docx = work / "surat.docx"
    _letter_docx(docx)
    pdf = _convert_to_pdf(docx)
    page = _scan_first_page(pdf)

    out = tmp_path_factory.mktemp("inbox")
    files = {"lo_pdf": pdf, "jpeg": out / "scan0001.jpg", "rotated": out / "scan0002.jpg",
             "wrapped_pdf": out / "scan0003.pdf", "png": out / "scan0004.png"}
    page.save(files["jpeg"], "JPEG", quality=75)
    rotated = page.rotate(2, resample=Image.BICUBIC, expand=True, fillcolor=235)
    rotated.save(files["rotated"], "JPEG", quality=75)
    Image.open(files["rotated"]).save(files["wrapped_pdf"], "PDF", resolution=SCAN_DPI)
    page.rotate(-3, resample=Image.BICUBIC, expand=True, fillcolor=235).save(files["png"])
    return files


def _text_pdf(path: Path, text: str) -> None:
    """A one-page PDF whose only content is ``text`` in Helvetica: a text layer and no QR code."""
    stream = f"BT /F1 11 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


# -- the QR code ---------------------------------------------------------------------------------------

def test_qr_png_is_a_printable_square_png():
    img = Image.open(io.BytesIO(qr_png(DOC_ID, size_mm=18)))
    assert img.format == "PNG" and img.width == img.height
    dpi = img.info["dpi"][0]
    assert dpi >= 300
    assert img.width / dpi * 25.4 == pytest.approx(18, abs=0.1)


def test_qr_png_refuses_what_is_not_a_doc_id():
    with pytest.raises(ValueError):
        qr_png("DOK-26-1")


def test_the_qr_png_itself_decodes(tmp_path):
    path = tmp_path / "qr.png"
    path.write_bytes(qr_png(DOC_ID))
    assert find_doc_ids(path) == [DOC_ID]


# -- finding the document ID in scans --------------------------------------------------------------------

@needs_office
@pytest.mark.parametrize("kind", ["lo_pdf", "jpeg", "rotated", "wrapped_pdf", "png"])
def test_find_doc_ids_reads_the_qr_of_a_scanned_letter(scans, kind):
    path = scans[kind]
    assert doc_id_from_name(path.name) is None
    assert find_doc_ids(path) == [DOC_ID]


def test_find_doc_ids_reads_the_text_layer_of_a_digital_pdf(tmp_path):
    path = tmp_path / "ditandatangani.pdf"
    _text_pdf(path, "Kode dokumen: DOK-2026-000777 - ditandatangani secara elektronik")
    assert find_doc_ids(path) == ["DOK-2026-000777"]


def test_find_doc_ids_of_an_image_without_qr_is_empty(tmp_path):
    path = tmp_path / "kosong.jpg"
    Image.new("L", (1700, 2600), 240).save(path, quality=75)
    assert find_doc_ids(path) == []


@pytest.mark.parametrize("content", [b"%PDF-1.7\nthis is no pdf at all", b"not an image", b""])
def test_find_doc_ids_of_an_unreadable_file_is_empty(tmp_path, content):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(content)
    assert find_doc_ids(path) == []
    assert find_doc_ids(tmp_path / "tidak-ada.jpg") == []


def test_doc_id_from_name():
    assert doc_id_from_name("scan DOK-2026-000123 ttd.pdf") == "DOK-2026-000123"
    assert doc_id_from_name("DOK-2026-000045_001-PPID-III-2026_pemberitahuan.cetak.pdf") == "DOK-2026-000045"
    assert doc_id_from_name("dok-2026-000123.jpg") == "DOK-2026-000123"
    assert doc_id_from_name("DOK-2026-0001234.pdf") is None
    assert doc_id_from_name("scan 2026-000123.pdf") is None
    assert DOC_ID_PATTERN.fullmatch("DOK-2026-000123")


# -- the waiting sheet -----------------------------------------------------------------------------------

def test_waiting_sheet_lists_oldest_first_and_highlights_overdue(tmp_path):
    today = date(2026, 3, 20)
    items = [
        WaitingItem("DOK-2026-000030", "Pemberitahuan Tertulis", "003/PPID/III/2026", date(2026, 3, 18),
                    date(2026, 3, 31), 7, "DOK-2026-000030_003-PPID-III-2026_pemberitahuan.docx"),
        WaitingItem("DOK-2026-000010", "Keputusan Penolakan", "001/PPID/III/2026", date(2026, 3, 2),
                    date(2026, 3, 16), -4, "DOK-2026-000010_001-PPID-III-2026_penolakan.docx"),
        WaitingItem("DOK-2026-000020", "Surat Penerusan", "002/PPID/III/2026", date(2026, 3, 10),
                    None, None, "DOK-2026-000020_002-PPID-III-2026_penerusan.docx"),
    ]
    path = tmp_path / "menunggu.xlsx"
    write_waiting_sheet(path, items, signer_title="PPID", today=today)

    ws = load_workbook(path).active
    assert ws["A1"].value == "DAFTAR NASKAH MENUNGGU TANDA TANGAN — PPID"
    assert ws["A2"].value.date() == today
    header = [c.value for c in ws[4]]
    assert header[:3] == ["No", "ID dokumen", "Jenis naskah"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_row=7)]
    assert [r[1] for r in rows] == ["DOK-2026-000010", "DOK-2026-000020", "DOK-2026-000030"]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][4].date() == date(2026, 3, 2) and rows[0][5].date() == date(2026, 3, 16)
    assert rows[0][6] == -4 and rows[1][5] is None and rows[1][6] is None
    assert ws["F5"].number_format.startswith("[$-421]d mmmm yyyy")
    assert ws["E7"].number_format.startswith("[$-421]d mmmm yyyy")

    def fill(cell):
        return ws[cell].fill.fgColor.rgb if ws[cell].fill.fill_type == "solid" else None

    assert fill("B5") and fill("B5") == fill("H5")          # overdue row highlighted across
    assert fill("B6") is None and fill("B7") is None
    assert ws.freeze_panes == "A5"
    assert ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions["H"].width >= 40


def test_waiting_sheet_without_items_replaces_yesterdays(tmp_path):
    path = tmp_path / "menunggu.xlsx"
    write_waiting_sheet(path, [], signer_title="Atasan PPID", today=date(2026, 3, 20))
    write_waiting_sheet(path, [], signer_title="Atasan PPID", today=date(2026, 3, 23))
    ws = load_workbook(path).active
    assert ws["A2"].value.date() == date(2026, 3, 23)
    assert "Tidak ada" in ws["A5"].value
    assert [p.name for p in tmp_path.iterdir()] == ["menunggu.xlsx"]


def test_waiting_sheet_prints_on_the_configured_paper(tmp_path):
    write_waiting_sheet(tmp_path / "f4.xlsx", [], signer_title="PPID", today=date(2026, 3, 20))
    write_waiting_sheet(tmp_path / "a4.xlsx", [], signer_title="PPID", today=date(2026, 3, 20), paper="A4")
    assert int(load_workbook(tmp_path / "f4.xlsx").active.page_setup.paperSize) == 14   # Folio = F4
    ws = load_workbook(tmp_path / "a4.xlsx").active
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows == "$4:$4"
