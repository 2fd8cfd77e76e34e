"""Answer sheets dropped into the inbox, and signed copies coming back from the signers' desks.

Three requests are registered on 15 April 2026 from the pipeline's own blank form filled in by code;
the PPID Pelaksana's answer sheets (written independently, tests/forms/jawaban-*) answer them on
23 April; the signed written notice comes back as a 200-dpi scan whose file name says nothing.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import FORMS, make_workspace, pdf_text, ppid, ppid_json, signed_scan, signer_name

APPLICANTS = [
    {"nama": "Ni Luh Putu Ayu Lestari", "nik": "5171036311900001", "alamat": "Jl. Gatot Subroto Barat No. 88, Denpasar",
     "telepon": "081338765210", "rincian_informasi": "Data penerima beasiswa 2025", "tujuan": "Kajian"},
    {"nama": "Ketut Suardana", "nik": "5103020507850003", "alamat": "Jl. Raya Kuta No. 5, Kuta",
     "telepon": "087861234455", "rincian_informasi": "Rekam medis rumah sakit daerah", "tujuan": "Liputan"},
    {"nama": "Gede Arya Pratama", "nik": "5108030110830006", "alamat": "Jl. Ngurah Rai No. 12, Singaraja",
     "email": "arya@example.id", "rincian_informasi": "Peta rawan bencana 2026", "tujuan": "Penelitian"},
]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("lembar-jawaban") / "ruang-kerja")
    blank = write_blank_forms(workspace / "kosong")[0]
    for i, values in enumerate(APPLICANTS, 1):
        form = workspace / "inbox" / f"permohonan-{i}.docx"
        shutil.copyfile(blank, form)
        fill_request_docx(form, values, {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date="Denpasar, 15 April 2026")
    ppid(workspace, "process", "--today", "2026-04-15")
    assert [c["nomor"] for c in ppid_json(workspace, "cases")] == ["001/PPID/IV/2026", "002/PPID/IV/2026", "003/PPID/IV/2026"]
    for name in ("jawaban-diberikan.docx", "jawaban-ditolak.docx", "jawaban-perpanjangan.docx", "jawaban-tanpa-nomor.docx"):
        shutil.copyfile(FORMS / name, workspace / "inbox" / name)
    result = ppid(workspace, "process", "--today", "2026-04-23")
    return workspace, result


def folder(workspace: Path, number: str) -> Path:
    return workspace / "archive" / ppid_json(workspace, "show", number)["folder_arsip"]


def test_each_answer_sheet_becomes_its_letter_in_the_case(desk):
    workspace, result = desk
    assert "3 jawaban dicatat" in result.stdout
    given = folder(workspace, "001/PPID/IV/2026")
    assert sha(given / "04-lembar-jawaban-pemberitahuan_tertulis.docx") == sha(FORMS / "jawaban-diberikan.docx")
    text = pdf_text(given / "05-pemberitahuan-tertulis.pdf")
    assert "001/PPID/IV/2026" in text and "Informasi dapat diberikan seluruhnya" in text
    rejected = pdf_text(folder(workspace, "002/PPID/IV/2026") / "05-sk-penolakan.pdf")
    assert "Pasal 17 huruf h" in rejected and "PERMOHONAN INFORMASI DITOLAK" in rejected
    statuses = {c["nomor"]: c["status"] for c in ppid_json(workspace, "cases")}
    assert statuses == {"001/PPID/IV/2026": "dijawab", "002/PPID/IV/2026": "dijawab", "003/PPID/IV/2026": "diperpanjang"}


def test_extension_sheet_moves_the_due_date(desk):
    workspace, _ = desk
    shown = ppid_json(workspace, "show", "003/PPID/IV/2026")
    # Received Wednesday 15 April 2026: due 29 April, +7 working days (1 May is Labour Day, 14 May Ascension) -> 11 May.
    assert shown["tenggat_pemberitahuan"] == "2026-05-11"
    assert [e for e in shown["riwayat"] if e["event"] == "extended"][0]["tenggat_semula"] == "2026-04-29"


def test_answer_without_a_request_number_is_set_aside(desk):
    workspace, _ = desk
    aside = workspace / "inbox" / "_disisihkan"
    copy = next(p for p in aside.glob("*_jawaban-tanpa-nomor.docx"))
    assert sha(copy) == sha(FORMS / "jawaban-tanpa-nomor.docx")
    reason = copy.with_name(copy.name + ".ALASAN.txt").read_text()
    assert "Nomor pendaftaran permohonan belum diisi" in reason


def test_signed_scan_is_matched_by_its_qr_code_alone_and_closes_the_case(desk, tmp_path):
    workspace, _ = desk
    ppid_desk = workspace / "siap-tanda-tangan" / "ppid"
    draft = next(ppid_desk.glob("DOK-*_001-PPID-IV-2026_05-pemberitahuan-tertulis.cetak.pdf"))
    doc_id = draft.name.split("_")[0]
    scan = tmp_path / "hasil-pindai-printer-lantai-2.pdf"   # the name says nothing
    signed_scan(draft, scan, signer_name(workspace, "ppid"), angle=1.5)   # signed with a pen, then scanned
    shutil.copyfile(scan, workspace / "inbox" / scan.name)
    result = ppid(workspace, "process", "--today", "2026-04-24")
    assert "1 salinan bertanda tangan diarsipkan" in result.stdout

    case_folder = folder(workspace, "001/PPID/IV/2026")
    assert sha(case_folder / "05-pemberitahuan-tertulis.ditandatangani.pdf") == sha(scan)
    assert (case_folder / "05-pemberitahuan-tertulis.pdf").is_file()           # the draft stays in the archive
    assert not list(ppid_desk.glob(f"{doc_id}_*"))                            # and leaves the signer's folder
    assert ppid_json(workspace, "show", "001/PPID/IV/2026")["status"] == "selesai"
    sheet = load_workbook(next(ppid_desk.glob("daftar-tunggu-*.xlsx"))).active
    listed = [cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    assert doc_id not in listed


def test_a_scan_matching_no_draft_is_set_aside(desk, tmp_path):
    workspace, _ = desk
    page = tmp_path / "foto-meja.jpg"
    Image.new("L", (1200, 1700), 235).save(page, "JPEG")
    shutil.copyfile(page, workspace / "inbox" / page.name)
    ppid(workspace, "process", "--today", "2026-04-24")
    reason = next((workspace / "inbox" / "_disisihkan").glob("*_foto-meja.jpg.ALASAN.txt")).read_text()
    assert "tidak cocok dengan draf" in reason


def test_waiting_sheet_lists_what_waits_oldest_first(desk):
    workspace, _ = desk
    ppid_desk = workspace / "siap-tanda-tangan" / "ppid"
    waiting = sorted({p.name.split("_")[0] for p in ppid_desk.glob("DOK-*")})
    sheet = load_workbook(next(ppid_desk.glob("daftar-tunggu-*.xlsx"))).active
    ids = [cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str) and re.fullmatch(r"DOK-\d{4}-\d{6}", cell)]
    assert sorted(ids) == waiting
    assert ids == sorted(ids)  # created in ID order: oldest first
