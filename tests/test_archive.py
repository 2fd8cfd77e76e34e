"""The archive as archivists use it: print bundles, fixity, the yearly report, from the real CLI.

A newcomer's ``ppid demo`` fills a fresh workspace; everything below is checked on that archive.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import zxingcpp
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from .conftest import make_workspace, pdf_text, ppid, ppid_json


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("arsip") / "ruang-kerja")
    ppid(workspace, "demo")
    cases = ppid_json(workspace, "cases")
    assert len(cases) == 4
    return workspace, cases


def test_clean_archive_verifies(archive):
    workspace, _ = archive
    result = ppid(workspace, "verify")
    assert "arsip utuh" in result.stdout


def test_print_bundles_start_each_document_on_an_odd_page_with_a_footer_everywhere(archive, tmp_path):
    workspace, cases = archive
    day = date.today().isoformat()
    ppid(workspace, "cetak", "--tanggal", day)
    folder = workspace / "cetak" / day
    case = cases[0]
    bundle = folder / f"{case['folder_arsip'].rsplit('/', 1)[1]}.pdf"
    reader = PdfReader(bundle)
    pages = [page.extract_text() or "" for page in reader.pages]
    assert len(pages) % 2 == 0
    for number, text in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in text and case["nomor"] in text
    # Each letter's first page sits on an odd page of the bundle.
    for stem in ("TANDA BUKTI PENERIMAAN", "Permohonan Informasi Publik"):
        first = next(i for i, text in enumerate(pages, 1) if stem in text and i > 1)
        assert first % 2 == 1
    # The cover's QR code is the case number.
    import subprocess

    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", str(bundle), str(tmp_path / "sampul")], check=True)
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "sampul.png"))]
    assert case["nomor"] in decoded
    batch = next(folder.glob("_batch-harian-*.pdf"))
    assert len(PdfReader(batch).pages) >= sum(len(PdfReader(p).pages) for p in folder.glob("[0-9]*.pdf"))


def test_yearly_report_figures_match_the_cases(archive):
    workspace, cases = archive
    year = date.today().year
    ppid(workspace, "laporan", "--tahun", str(year))
    folder = workspace / "archive" / "laporan" / str(year)
    summary = load_workbook(folder / f"laporan-layanan-informasi-{year}.xlsx")["Ringkasan"]
    values = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row[0] and row[1] is not None}
    received = next(v for k, v in values.items() if isinstance(k, str) and "diterima" in k.lower() and "permohonan" in k.lower())
    assert received == len([c for c in cases if c["jenis"] == "permohonan"])
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in pdf_text(folder / f"laporan-layanan-informasi-{year}.pdf").upper()


def test_planted_damage_is_reported_and_exits_non_zero(archive):
    workspace, cases = archive
    folder = workspace / "archive" / cases[1]["folder_arsip"]
    pdf = folder / "02-tanda-terima.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0xFF
    pdf.write_bytes(bytes(data))                              # corruption
    (folder / "03-surat-ppid-pelaksana.cetak.pdf").unlink()   # deletion
    (folder / "catatan.txt").write_text("tambahan")           # an extra file
    result = ppid(workspace, "verify", check=False)
    assert result.returncode == 1
    for kind, name in (("BERUBAH", "02-tanda-terima.pdf"), ("HILANG", "03-surat-ppid-pelaksana.cetak.pdf"),
                       ("TAK TERDAFTAR", "catatan.txt")):
        assert kind in result.stdout and name in result.stdout
    fast = ppid(workspace, "verify", "--cepat", check=False)
    assert fast.returncode == 1 and "HILANG" in fast.stdout
    report = json.loads(ppid(workspace, "verify", "--json", check=False).stdout)
    assert report["ok"] is False


def test_archive_page_finds_a_case_by_part_of_a_name_in_chromium(archive):
    """The index.html the pipeline keeps, opened from the tree (file://) in real headless Chromium."""
    from .test_browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} tidak ada")
    from playwright.sync_api import sync_playwright

    workspace, cases = archive
    index = workspace / "archive" / "index.html"
    assert index.is_file()
    wanted = next(c for c in cases if "Pramesti" in c["pemohon"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(index.as_uri())
            page.wait_for_selector("body[data-siap='1']")
            page.get_by_label("Cari nomor").type("ayu pram")
            page.wait_for_function("() => document.getElementById('jumlah-angka').textContent === '1 perkara'")
            assert page.locator("#baris td.nomor").all_inner_texts() == [wanted["nomor"]]
            href = page.locator("#baris td.nomor a").get_attribute("href")
            assert (index.parent / href).resolve() == (workspace / "archive" / wanted["folder_arsip"]).resolve()
        finally:
            browser.close()
