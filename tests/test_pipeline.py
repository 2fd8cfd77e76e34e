"""End to end: sample forms dropped into a fresh workspace become numbered, archived cases.

Everything is real: ``ppid init``, the ``ppid`` command in a subprocess, LibreOffice, SQLite, files.
One module-wide run over every sample form; each test checks what an officer or archivist would.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from pipeline.intake.reading import read_form
from pipeline.render.conversion import check_pdfa

from .conftest import FORMS, drop, make_workspace, pdf_text, ppid, ppid_json

TODAY = "2026-04-06"  # registration date of the run: numbers are NNN/PPID/IV/2026
VALID_DOCX = [
    "permohonan-2021-tabel2.docx",
    "permohonan-paragraf.docx",
    "permohonan-checkbox.docx",
    "permohonan-ktp-gambar.docx",
    "permohonan-dengan-lampiran.docx",
    "permohonan-isian-lama.docx",
]
WORKBOOK = "permohonan-banyak.xlsx"
WORKBOOK_VALID_ROWS = 4
INVALID = {  # file -> words its reason file must hold
    "permohonan-2010-tabel3.docx": "NIK",
    "salah-nik.docx": "NIK harus 16 angka",
    "tidak-lengkap.docx": "Alamat belum diisi",
    "bukan-formulir.docx": "bukan formulir",
    "kosong.docx": "kosong",
    "rusak.docx": "rusak",
    "teks.xlsx": "CSV",  # issue 12: a readable file is named by its format, never called "rusak"
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("e2e") / "ruang-kerja")
    drop(workspace, *VALID_DOCX, WORKBOOK, *INVALID)
    result = ppid(workspace, "process", "--today", TODAY)
    cases = ppid_json(workspace, "cases")
    return workspace, result, cases


def folder_of(workspace: Path, case: dict) -> Path:
    return workspace / "archive" / case["folder_arsip"]


def case_from(workspace: Path, cases: list[dict], original_name: str) -> dict:
    """The case filed from the dropped file of that name."""
    return next(c for c in cases if json.loads((folder_of(workspace, c) / "manifest.json").read_text())
                ["berkas_asal"]["original_name"] == original_name)


def test_process_exits_zero_with_a_one_line_summary(run):
    _, result, cases = run
    last = result.stdout.strip().splitlines()[-1]
    total = len(VALID_DOCX) + 1 + len(INVALID)
    assert last.startswith(f"Selesai: {total} berkas, {len(cases)} perkara terdaftar")


def test_every_valid_request_is_a_case_numbered_from_one_without_gaps(run):
    _, _, cases = run
    assert len(cases) == len(VALID_DOCX) + WORKBOOK_VALID_ROWS
    numbers = sorted(c["nomor"] for c in cases)
    assert numbers == [f"{i:03d}/PPID/IV/2026" for i in range(1, len(cases) + 1)]
    assert all(c["status"] == "diteruskan" for c in cases)


def test_inbox_is_empty_afterwards(run):
    workspace, _, _ = run
    left = [p.name for p in (workspace / "inbox").iterdir() if p.name not in ("_disisihkan", "_hasil")]
    assert left == []


def test_each_docx_original_is_archived_byte_for_byte_with_its_name_in_the_manifest(run):
    workspace, _, cases = run
    originals = {}
    for case in cases:
        manifest = json.loads((folder_of(workspace, case) / "manifest.json").read_text())
        for entry in manifest["files"]:
            if entry["role"] == "original":
                originals[entry["original_name"]] = folder_of(workspace, case) / entry["path"]
    assert sorted(originals) == sorted(VALID_DOCX)
    for name, archived in originals.items():
        assert sha(archived) == sha(FORMS / name)


def test_manifest_checksums_match_every_file(run):
    workspace, _, cases = run
    for case in cases:
        folder = folder_of(workspace, case)
        manifest = json.loads((folder / "manifest.json").read_text())
        listed = {e["path"] for e in manifest["files"]}
        assert listed | {"manifest.json", "events.jsonl"} == {p.name for p in folder.iterdir()}
        for entry in manifest["files"]:
            path = folder / entry["path"]
            assert sha(path) == entry["sha256"] and path.stat().st_size == entry["size"]


def test_letters_are_docx_pdfa_and_print_pdf_holding_number_name_and_due_date(run):
    workspace, _, cases = run
    for case in cases:
        folder = folder_of(workspace, case)
        due = date.fromisoformat(case["tenggat_pemberitahuan"])
        due_text = f"{due.day} {['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'][due.month - 1]} {due.year}"
        for stem in ("02-tanda-terima", "03-surat-ppid-pelaksana"):
            assert (folder / f"{stem}.docx").is_file()
            softcopy, hardcopy = folder / f"{stem}.pdf", folder / f"{stem}.cetak.pdf"
            check = check_pdfa(softcopy)
            assert check["ok"] and check["part"] == 2 and check["fonts_embedded"], check
            assert not check_pdfa(hardcopy)["ok"]  # the print PDF is a plain PDF
            for pdf in (softcopy, hardcopy):
                text = pdf_text(pdf)
                assert case["nomor"] in text
                assert case["pemohon"] in text
                assert due_text in text


def test_pdfs_are_on_f4_paper_with_metadata(run):
    workspace, _, cases = run
    pdf = folder_of(workspace, cases[0]) / "02-tanda-terima.pdf"
    with pikepdf.open(pdf) as doc:
        width, height = (float(v) for v in doc.pages[0].mediabox[2:])
        assert abs(width - 609.45) < 1.5 and abs(height - 935.43) < 1.5   # 215 x 330 mm
        meta = doc.open_metadata()
        assert cases[0]["nomor"] in str(meta.get("dc:title"))


def test_receipt_holds_the_nik_and_the_letter_to_the_holder_does_not(run):
    workspace, _, cases = run
    case = cases[0]
    data = ppid_json(workspace, "show", case["nomor"])["data"]
    nik = data["applicant"]["nik"]
    folder = folder_of(workspace, case)
    assert nik in pdf_text(folder / "02-tanda-terima.pdf")
    assert nik not in pdf_text(folder / "03-surat-ppid-pelaksana.pdf")


def test_due_dates_follow_the_working_day_calendar(run):
    _, _, cases = run
    by_received = {c["diterima"]: c["tenggat_pemberitahuan"] for c in cases}
    # Reference §4: received Monday 16 March 2026 -> due 7 April 2026 (cuti bersama excluded).
    assert by_received["2026-03-16"] == "2026-04-07"
    result = ppid_json(run[0], "tenggat", "2026-03-16")
    assert result["jatuh_tempo"] == "2026-04-07"


def test_workbook_is_archived_once_and_its_cases_link_to_it(run):
    workspace, _, cases = run
    sources = list((workspace / "archive").glob("*/sumber/*/formulir-asli.xlsx"))
    assert len(sources) == 1 and sha(sources[0]) == sha(FORMS / WORKBOOK)
    linked = []
    for case in cases:
        manifest = json.loads((folder_of(workspace, case) / "manifest.json").read_text())
        if "sumber" in manifest:
            assert (workspace / "archive" / manifest["sumber"]["path"]) == sources[0]
            assert manifest["sumber"]["sha256"] == sha(sources[0])
            linked.append(manifest["berkas_asal"]["baris"])
    assert sorted(linked) == [2, 3, 4, 6]


def test_bad_workbook_row_is_reported_with_its_row_number(run):
    workspace, _, _ = run
    reasons = [p.read_text() for p in (workspace / "inbox" / "_disisihkan").glob(f"*{WORKBOOK}.ALASAN.txt")]
    assert len(reasons) == 1
    assert "Baris 7" in reasons[0] and "NIK" in reasons[0]
    assert "Baris 2" not in reasons[0]


def test_invalid_files_are_set_aside_byte_identical_with_an_indonesian_reason(run):
    workspace, _, _ = run
    aside = workspace / "inbox" / "_disisihkan"
    for name, words in INVALID.items():
        copies = [p for p in aside.glob(f"*_{name}") if not p.name.endswith(".txt")]
        assert len(copies) == 1, name
        assert sha(copies[0]) == sha(FORMS / name)
        reason = copies[0].with_name(copies[0].name + ".ALASAN.txt").read_text(encoding="utf-8")
        assert "BERKAS DISISIHKAN" in reason and words in reason, (name, reason)


def test_incomplete_forms_get_a_notice_to_the_applicant(run):
    workspace, _, _ = run
    aside = workspace / "inbox" / "_disisihkan"
    for name in ("salah-nik.docx", "tidak-lengkap.docx"):
        notice = next(aside.glob(f"*_{name}.pemberitahuan.pdf"))
        assert (notice.with_suffix(".docx")).is_file()
        text = pdf_text(notice)
        assert "PEMBERITAHUAN KELENGKAPAN" in text and "belum diberikan nomor pendaftaran" in text


def test_attachments_travel_with_the_form(run):
    workspace, _, cases = run
    case = case_from(workspace, cases, "permohonan-dengan-lampiran.docx")
    manifest = json.loads((folder_of(workspace, case) / "manifest.json").read_text())
    by_role = {e["role"]: folder_of(workspace, case) / e["path"] for e in manifest["files"]}
    assert sha(by_role["identitas"]) == sha(FORMS / "permohonan-dengan-lampiran.ktp.jpg")
    assert sha(by_role["surat_kuasa"]) == sha(FORMS / "permohonan-dengan-lampiran.kuasa.pdf")


def test_embedded_id_picture_is_filed(run):
    workspace, _, cases = run
    expected = read_form(FORMS / "permohonan-ktp-gambar.docx").records[0].attachments[0].data
    found = [p for c in cases for p in folder_of(workspace, c).glob("01-identitas-*")]
    assert hashlib.sha256(expected).hexdigest() in {sha(p) for p in found}


def test_drafts_wait_in_the_signers_folders_named_by_document_id(run):
    workspace, _, cases = run
    ppid_desk = sorted(p for p in (workspace / "siap-tanda-tangan" / "ppid").iterdir() if p.name.startswith("DOK-"))
    assert len(ppid_desk) == 2 * len(cases)  # docx and print PDF of each letter to the PPID Pelaksana
    pattern = re.compile(r"^DOK-2026-\d{6}_\d{3}-PPID-IV-2026_03-surat-ppid-pelaksana(\.docx|\.cetak\.pdf)$")
    assert all(pattern.match(p.name) for p in ppid_desk), [p.name for p in ppid_desk]


def test_event_log_tells_the_story(run):
    workspace, _, cases = run
    events = [json.loads(line)["event"] for line in (folder_of(workspace, cases[0]) / "events.jsonl").read_text().splitlines()]
    assert events == ["received", "numbered", "deadlines", "rendered", "converted", "filed", "forwarded"]
    shown = ppid_json(workspace, "show", cases[0]["nomor"])
    assert [e["event"] for e in shown["riwayat"]] == events


def test_same_bytes_dropped_again_are_set_aside_naming_the_case(run):
    workspace, _, cases = run
    drop(workspace, "permohonan-paragraf.docx")
    result = ppid(workspace, "process", "--today", TODAY)
    assert "sama persis" in result.stdout
    assert len(ppid_json(workspace, "cases")) == len(cases)
    reason = next((workspace / "inbox" / "_disisihkan").glob("*permohonan-paragraf.docx.ALASAN.txt")).read_text()
    assert case_from(workspace, cases, "permohonan-paragraf.docx")["nomor"] in reason


def test_no_personal_data_in_names_or_log(run):
    workspace, _, cases = run
    niks = {ppid_json(workspace, "show", c["nomor"])["data"]["applicant"]["nik"] for c in cases}
    names = [str(p.relative_to(workspace)) for p in workspace.rglob("*")]
    log = (workspace / "var" / "ppid.log").read_text()
    for nik in niks:
        assert not any(nik in n for n in names)
        assert nik not in log
