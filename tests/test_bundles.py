"""Printed case bundles for real: a case folder with real PDFs (F4 letters of 1 and 3 pages, an A4 signed
scan, an A3 landscape surat kuasa), a JPEG KTP and PDF/A softcopies; the bundle and the day's batch are read
back with pypdf, rendered with pdfium and their QR decoded with zxing-cpp."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from pipeline.views.bundles import BundleCase, BundleError, build_case_bundle, build_daily_batch

F4_MM = (215, 330)
F4_PT = (215 * 72 / 25.4, 330 * 72 / 25.4)   # 609.4 x 935.4
NUMBER = "001/PPID/III/2026"
CASE = BundleCase(number=NUMBER, kind="permohonan", applicant="Ni Kadek Ayu Suartini", received=date(2026, 3, 16),
                  due=date(2026, 3, 30), status="diteruskan", registered=date(2026, 3, 16))
PRINTED = date(2026, 3, 17)
EXPECTED_TITLES = [
    "Tanda Bukti Penerimaan Permohonan Informasi Publik",
    "Surat PPID kepada PPID Pelaksana",
    "Tanda Bukti Penerimaan Permohonan Informasi Publik (bertanda tangan)",
    "Salinan Identitas",
    "Surat Kuasa",
]


# -- making a case folder ----------------------------------------------------------------------------

def _pdf(path: Path, pagesize: tuple[float, float], pages: int, marker: str) -> None:
    """A PDF whose pages carry black corner squares (to see where the page lands) and a marker text."""
    canvas = Canvas(str(path), pagesize=pagesize)
    width, height = pagesize
    for number in range(1, pages + 1):
        for x, y in ((0, 0), (width - 8 * mm, 0), (0, height - 8 * mm), (width - 8 * mm, height - 8 * mm)):
            canvas.rect(x, y, 8 * mm, 8 * mm, stroke=0, fill=1)
        canvas.setFont("Helvetica", 12)
        canvas.drawString(30 * mm, height - 40 * mm, f"{marker} halaman {number}")
        canvas.showPage()
    canvas.save()


def _ktp_jpeg(path: Path) -> None:
    img = Image.new("RGB", (856, 540), (190, 215, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, 836, 520), outline=(30, 60, 120), width=6)
    draw.text((60, 60), "PROVINSI BALI  KARTU TANDA PENDUDUK", fill=(0, 0, 0))
    draw.rectangle((620, 150, 800, 400), fill=(120, 120, 120))
    img.save(path, "JPEG", quality=90)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_manifest(folder: Path, number: str, kind: str, entries: list[tuple[str, str, dict]]) -> None:
    files = [{"path": name, "role": role, "sha256": _sha256(folder / name), "size": (folder / name).stat().st_size,
              "created": "2026-03-16T09:00:00+08:00", **extra} for name, role, extra in entries]
    manifest = {"nomor": number, "jenis": kind, "diterima": "2026-03-16", "tenggat": "2026-03-30",
                "data": {"applicant": {"nama": "Ni Kadek Ayu Suartini"}}, "files": files}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def make_case(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "01-formulir-asli.docx").write_bytes(b"PK\x03\x04 not printed")
    _ktp_jpeg(folder / "01-identitas-1.jpg")
    _pdf(folder / "01-surat_kuasa-2.pdf", landscape(A3), 1, "SURAT KUASA")
    _pdf(folder / "02-tanda-terima.cetak.pdf", F4_PT, 1, "TANDA TERIMA CETAK")
    _pdf(folder / "02-tanda-terima.pdf", F4_PT, 1, "SALINAN PDFA")
    _pdf(folder / "03-surat-ppid-pelaksana.cetak.pdf", F4_PT, 3, "SURAT PELAKSANA CETAK")
    _pdf(folder / "03-surat-ppid-pelaksana.pdf", F4_PT, 3, "SALINAN PDFA")
    _pdf(folder / "02-tanda-terima.ditandatangani.pdf", A4, 1, "PINDAIAN BERTANDA TANGAN")
    _write_manifest(folder, NUMBER, "permohonan", [
        ("01-formulir-asli.docx", "original", {}),
        ("01-identitas-1.jpg", "identitas", {}),
        ("01-surat_kuasa-2.pdf", "surat_kuasa", {}),
        ("03-surat-ppid-pelaksana.pdf", "softcopy_pdfa", {"letter": "surat_ppid_pelaksana"}),  # listed out of order
        ("03-surat-ppid-pelaksana.cetak.pdf", "hardcopy_pdf", {"letter": "surat_ppid_pelaksana"}),
        ("02-tanda-terima.pdf", "softcopy_pdfa", {"letter": "tanda_terima_permohonan"}),
        ("02-tanda-terima.cetak.pdf", "hardcopy_pdf", {"letter": "tanda_terima_permohonan"}),
        ("02-tanda-terima.ditandatangani.pdf", "signed_original", {"letter": "tanda_terima_permohonan"}),
    ])
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundle")
    folder = make_case(root / "archive" / "2026" / "03" / "001-PPID-III-2026")
    softcopies = {name: _sha256(folder / name) for name in ("02-tanda-terima.pdf", "03-surat-ppid-pelaksana.pdf")}
    result = build_case_bundle(folder, case=CASE, paper_mm=F4_MM, out=root / "cetak" / "berkas-001.pdf",
                               printed_on=PRINTED)
    return folder, softcopies, result, PdfReader(result.path)


def _texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _render(path: Path, index: int, dpi: int) -> Image.Image:
    pdf = pdfium.PdfDocument(path)
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def _black_box_mm(path: Path, index: int, dpi: int = 72) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) margins in mm of the pure black marks on a page (the footer is grey)."""
    img = _render(path, index, dpi)
    left, top, right, bottom = img.point(lambda v: 255 if v < 20 else 0).getbbox()
    px = 25.4 / dpi
    return left * px, top * px, (img.width - right) * px, (img.height - bottom) * px


# -- the case bundle ---------------------------------------------------------------------------------

def test_documents_in_filing_order_each_on_odd_pages(built):
    _, _, result, reader = built
    assert [d.title for d in result.documents] == EXPECTED_TITLES
    assert [(d.first_page, d.page_count) for d in result.documents] == [(3, 2), (5, 4), (9, 2), (11, 2), (13, 2)]
    assert all(d.first_page % 2 == 1 and d.page_count % 2 == 0 for d in result.documents)
    assert result.pages == len(reader.pages) == 14
    texts = _texts(reader)
    assert "TANDA TERIMA CETAK halaman 1" in texts[2]
    assert [f"SURAT PELAKSANA CETAK halaman {n}" in texts[3 + n] for n in (1, 2, 3)] == [True] * 3
    assert "PINDAIAN BERTANDA TANGAN" in texts[8] and "SURAT KUASA" in texts[12]


def test_every_page_has_the_bundle_footer(built):
    _, _, result, reader = built
    for number, text in enumerate(_texts(reader), 1):
        assert f"{NUMBER} — Halaman {number} dari {result.pages}" in text


def test_padding_pages_say_they_are_blank(built):
    _, _, _, reader = built
    texts = _texts(reader)
    for index in (1, 7, 9, 11, 13):    # 0-based: after the cover and after each 1- or 3-page document
        assert "sengaja dikosongkan" in texts[index]
    assert "sengaja dikosongkan" not in texts[2]


def test_every_page_is_f4(built):
    _, _, _, reader = built
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(F4_PT[0], abs=1.5)
        assert float(page.mediabox.height) == pytest.approx(F4_PT[1], abs=1.5)
        assert float(page.mediabox.left) == 0 and float(page.mediabox.bottom) == 0


def test_cover_qr_holds_exactly_the_case_number(built):
    _, _, result, _ = built
    found = zxingcpp.read_barcodes(_render(result.path, 0, 150))
    assert [b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode] == [NUMBER]


def test_cover_shows_the_case_and_lists_the_documents(built):
    _, _, _, reader = built
    cover = _texts(reader)[0]
    for expected in ("LEMBAR SAMPUL BERKAS", NUMBER, "Permohonan Informasi Publik", "Ni Kadek Ayu Suartini",
                     "16 Maret 2026", "30 Maret 2026", "Diteruskan", "Dicetak 17 Maret 2026", "14 halaman",
                     "02-tanda-terima.cetak.pdf", "01-identitas-1.jpg", *EXPECTED_TITLES):
        assert expected in cover, expected
    assert re.search(r"Surat PPID kepada PPID Pelaksana .*5–7 3 hlm\.", cover)
    assert "SALINAN PDFA" not in cover and ".cetak.pdf" in cover


def test_a4_page_keeps_its_size_centred_on_f4(built):
    _, _, result, _ = built
    left, top, right, bottom = _black_box_mm(result.path, 8)     # the A4 signed scan
    assert right - left == pytest.approx(0, abs=1) and top - bottom == pytest.approx(0, abs=1)
    assert 215 - left - right == pytest.approx(210, abs=1.5) and 330 - top - bottom == pytest.approx(297, abs=1.5)


def test_larger_landscape_page_is_turned_and_shrunk_whole(built):
    _, _, result, _ = built
    left, top, right, bottom = _black_box_mm(result.path, 12)    # the A3 landscape surat kuasa
    assert left == pytest.approx(0, abs=1) and right == pytest.approx(0, abs=1)   # full width, nothing cut
    assert top == pytest.approx(bottom, abs=1) and 330 - top - bottom == pytest.approx(420 * 215 / 297, abs=2)


def test_ktp_image_is_placed_on_a_page(built):
    _, _, _, reader = built
    page = reader.pages[10]
    images = [x for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    assert "Salinan Identitas — 01-identitas-1.jpg" in _texts(reader)[10]


def test_pdfa_softcopies_are_untouched_and_left_out(built):
    folder, softcopies, _, reader = built
    assert {name: _sha256(folder / name) for name in softcopies} == softcopies
    assert not any("SALINAN PDFA" in text for text in _texts(reader))


def test_output_written_atomically_and_can_be_rebuilt(built, tmp_path):
    folder, _, result, _ = built
    assert [p.name for p in result.path.parent.iterdir()] == [result.path.name]
    again = build_case_bundle(folder, case=CASE, paper_mm=(210, 297), out=result.path.with_name("a4.pdf"))
    assert again.pages == 14
    page = PdfReader(again.path).pages[4]
    assert float(page.mediabox.width) == pytest.approx(595.3, abs=1.5)


def test_many_documents_make_a_longer_cover_and_all_still_start_odd(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    entries = []
    for i in range(1, 61):
        name = f"01-lampiran-{i:02d}.pdf"
        _pdf(folder / name, A4, 1 + i % 2, f"LAMPIRAN {i}")
        entries.append((name, "lampiran", {}))
    _write_manifest(folder, "007/PPID/III/2026", "permohonan", entries)
    case = BundleCase("007/PPID/III/2026", "permohonan", "Budi", date(2026, 3, 2), None, "diterima")
    result = build_case_bundle(folder, case=case, paper_mm=F4_MM, out=tmp_path / "b.pdf")
    texts = _texts(PdfReader(result.path))
    assert result.documents[0].first_page == 5             # a cover of three pages, padded to four
    assert all(d.first_page % 2 == 1 and d.page_count % 2 == 0 for d in result.documents)
    for i, doc in enumerate(result.documents, 1):
        assert doc.title == f"Lampiran ({i})"
        assert f"LAMPIRAN {i} halaman 1" in texts[doc.first_page - 1]
    assert "Lampiran (60)" in texts[2] and "sengaja dikosongkan" in texts[3]


def test_unreadable_attachment_gets_a_page_saying_so(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "01-identitas-1.jpg").write_bytes(b"not an image at all")
    _write_manifest(folder, NUMBER, "permohonan", [("01-identitas-1.jpg", "identitas", {})])
    result = build_case_bundle(folder, case=CASE, paper_mm=F4_MM, out=tmp_path / "b.pdf")
    assert result.documents[0].title == "Salinan Identitas — tidak dapat dicetak"
    page = _texts(PdfReader(result.path))[2]
    assert "tidak dapat dicetak" in page and "kode kejadian" in page
    assert "Error" not in page and "identify" not in page      # the program's words stay in the log


def test_missing_manifest_is_an_error(tmp_path):
    with pytest.raises(BundleError):
        build_case_bundle(tmp_path, case=CASE, paper_mm=F4_MM, out=tmp_path / "b.pdf")


# -- the day's batch ---------------------------------------------------------------------------------

def _objection_bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "keberatan"
    folder.mkdir()
    _pdf(folder / "02-tanda-terima-keberatan.cetak.pdf", F4_PT, 2, "TANDA TERIMA KEBERATAN")
    scan = Image.new("L", (1400, 2200), 250)
    ImageDraw.Draw(scan).rectangle((100, 100, 1300, 300), fill=20)
    scan.save(folder / "02-tanda-terima-keberatan.ditandatangani.png")
    _write_manifest(folder, "003/KEB/PPID/III/2026", "keberatan", [
        ("02-tanda-terima-keberatan.cetak.pdf", "hardcopy_pdf", {"letter": "tanda_terima_keberatan"}),
        ("02-tanda-terima-keberatan.ditandatangani.png", "signed_original", {"letter": "tanda_terima_keberatan"}),
    ])
    case = BundleCase("003/KEB/PPID/III/2026", "keberatan", "Made Wirawan", date(2026, 3, 16), date(2026, 4, 28),
                      "diterima")
    return build_case_bundle(folder, case=case, paper_mm=F4_MM, out=tmp_path / "keberatan.pdf").path


def test_daily_batch_holds_every_bundle_on_odd_pages(built, tmp_path):
    _, _, first, _ = built
    second = _objection_bundle(tmp_path)
    out = tmp_path / "harian.pdf"
    pages = build_daily_batch([second, first.path], out=out, title="Berkas cetak 17 Maret 2026")
    reader = PdfReader(out)
    texts = _texts(reader)
    assert pages == len(reader.pages) == 2 + len(PdfReader(second).pages) + first.pages
    starts = [i for i, text in enumerate(texts, 1) if re.search(r"— Halaman 1 dari \d+", text)]
    assert starts == [3, 3 + len(PdfReader(second).pages)]
    assert all(start % 2 == 1 for start in starts)
    listing = texts[0]
    assert listing.index("003/KEB/PPID/III/2026") < listing.index(NUMBER)
    assert "Made Wirawan" in listing and "Berkas cetak 17 Maret 2026" in listing
    assert "sengaja dikosongkan" in texts[1]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_daily_batch_needs_bundles(tmp_path):
    with pytest.raises(BundleError):
        build_daily_batch([], out=tmp_path / "x.pdf", title="kosong")


def test_daily_batch_pads_a_bundle_of_odd_length(built, tmp_path):
    _, _, first, _ = built
    odd = tmp_path / "lain.pdf"
    _pdf(odd, F4_PT, 3, "BERKAS LAIN")
    pages = build_daily_batch([odd, first.path], out=tmp_path / "harian.pdf", title="Campuran")
    texts = _texts(PdfReader(tmp_path / "harian.pdf"))
    assert pages == 2 + 4 + first.pages
    assert "BERKAS LAIN halaman 1" in texts[2] and "sengaja dikosongkan" in texts[5]
    assert f"{NUMBER} — Halaman 1 dari {first.pages}" in texts[6]      # page 7: odd
    assert "lain" in texts[0]                                          # a PDF made elsewhere: listed by file name
