"""Objections (keberatan): registered, numbered, linked to their requests, answered by the Atasan PPID.

Two requests are registered on 6 April 2026 (001 and 002/PPID/IV/2026); the objection forms written
independently of the pipeline (tests/forms/keberatan-*) arrive on 8 April.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.render.blankforms import fill_objection_docx, write_blank_forms

from .conftest import FORMS, drop, make_workspace, pdf_text, ppid, ppid_json

VALID = ["keberatan-tabel.docx", "keberatan-paragraf.docx", "keberatan-kuasa.docx", "keberatan-berkala.docx",
         "keberatan-banyak.xlsx"]
INVALID = {"keberatan-tanpa-nik.docx": "NIK", "keberatan-nomor-asing.docx": "999/PPID/IV/2026 tidak ditemukan"}


@pytest.fixture(scope="module")
def atasan(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("keberatan") / "ruang-kerja")
    for name in ("permohonan-2021-tabel2.docx", "permohonan-paragraf.docx"):  # one at a time: 001, then 002
        drop(workspace, name)
        ppid(workspace, "process", "--today", "2026-04-06")
    drop(workspace, *VALID, *INVALID)
    result = ppid(workspace, "process", "--today", "2026-04-08")
    return workspace, result


def objections(workspace: Path) -> list[dict]:
    return [c for c in ppid_json(workspace, "cases") if c["jenis"] == "keberatan"]


def manifest(workspace: Path, case: dict) -> dict:
    return json.loads((workspace / "archive" / case["folder_arsip"] / "manifest.json").read_text())


def by_original(workspace: Path, name: str) -> list[dict]:
    return [c for c in objections(workspace) if manifest(workspace, c)["berkas_asal"]["original_name"] == name]


def test_objections_get_their_own_register_and_contiguous_numbers(atasan):
    workspace, _ = atasan
    numbers = sorted(c["nomor"] for c in objections(workspace))
    assert numbers == [f"{i:03d}/KEB/PPID/IV/2026" for i in range(1, 7)]  # 4 docx + 2 workbook rows
    requests = sorted(c["nomor"] for c in ppid_json(workspace, "cases") if c["jenis"] == "permohonan")
    assert requests == ["001/PPID/IV/2026", "002/PPID/IV/2026"]


def test_answer_is_due_thirty_working_days_after_registration_with_internal_targets(atasan):
    workspace, _ = atasan
    case = by_original(workspace, "keberatan-tabel.docx")[0]
    assert case["diterima"] == "2026-04-08"
    assert case["tenggat_pemberitahuan"] == "2026-05-25"   # 1, 14 and 15 May are not working days
    data = ppid_json(workspace, "show", case["nomor"])["data"]
    assert data["target_internal"] == {"koordinasi": "2026-04-15", "draf_jawaban": "2026-04-17", "pengiriman": "2026-04-20"}
    assert data["alasan"] == ["a", "c"]


def test_receipt_gives_the_answer_date_in_words_and_the_note_goes_to_the_atasan(atasan):
    workspace, _ = atasan
    case = by_original(workspace, "keberatan-tabel.docx")[0]
    folder = workspace / "archive" / case["folder_arsip"]
    receipt = pdf_text(folder / "02-tanda-terima-keberatan.pdf")
    assert case["nomor"] in receipt and "001/PPID/IV/2026" in receipt
    assert "25 Mei 2026" in receipt and "dua puluh lima Mei dua ribu dua puluh enam" in receipt
    assert "30 (tiga puluh) hari kerja" in receipt
    note = pdf_text(folder / "03-nota-atasan-ppid.pdf")
    assert "15 April 2026" in note and "5 (lima) hari kerja" in note
    atasan_desk = workspace / "siap-tanda-tangan" / "atasan_ppid"
    assert list(atasan_desk.glob(f"DOK-*_{case['folder_arsip'].rsplit('/', 1)[1]}_03-nota-atasan-ppid.cetak.pdf"))


def test_objection_is_linked_to_its_request_both_ways(atasan):
    workspace, _ = atasan
    linked = {c["nomor"] for c in by_original(workspace, "keberatan-tabel.docx") + by_original(workspace, "keberatan-kuasa.docx")}
    request = ppid_json(workspace, "show", "001/PPID/IV/2026")
    assert set(request["data"]["keberatan"]) == linked
    log = (workspace / "archive" / request["folder_arsip"] / "events.jsonl").read_text().splitlines()
    assert {json.loads(line).get("keberatan") for line in log if '"objected"' in line} == linked


def test_proxy_filing_keeps_the_power_of_attorney(atasan):
    workspace, _ = atasan
    case = by_original(workspace, "keberatan-kuasa.docx")[0]
    files = {e["role"]: e for e in manifest(workspace, case)["files"]}
    assert (workspace / "archive" / case["folder_arsip"] / files["surat_kuasa"]["path"]).read_bytes() == \
        (FORMS / "keberatan-kuasa.kuasa.pdf").read_bytes()


def test_reason_b_needs_no_request(atasan):
    workspace, _ = atasan
    case = by_original(workspace, "keberatan-berkala.docx")[0]
    data = ppid_json(workspace, "show", case["nomor"])["data"]
    assert data["alasan"] == ["b"] and not data["nomor_permohonan"]


def test_bad_objections_are_set_aside_with_reasons(atasan):
    workspace, _ = atasan
    aside = workspace / "inbox" / "_disisihkan"
    for name, words in INVALID.items():
        copy = next(aside.glob(f"*_{name}"))
        assert copy.read_bytes() == (FORMS / name).read_bytes()
        assert words in copy.with_name(copy.name + ".ALASAN.txt").read_text()


def test_late_objection_is_registered_and_flagged(atasan, tmp_path):
    workspace, _ = atasan
    blank = [p for p in write_blank_forms(tmp_path) if p.name == "formulir-keberatan.docx"][0]
    form = workspace / "inbox" / "keberatan-terlambat.docx"
    shutil.copyfile(blank, form)
    fill_objection_docx(form, {"nomor_pendaftaran": "002/PPID/IV/2026", "tujuan": "Penelitian", "nama": "Made Arsana",
                               "alamat": "Jl. Hayam Wuruk 10, Denpasar", "telepon": "081234560001",
                               "nik": "5171010101900011", "kasus_posisi": "Permohonan saya tidak pernah dijawab."},
                        ["c"], place_date="Denpasar, 1 Juli 2026")
    ppid(workspace, "process", "--today", "2026-07-01")
    case = by_original(workspace, "keberatan-terlambat.docx")[0]
    assert case["nomor"] == "007/KEB/PPID/VII/2026"
    assert "melewati 30 (tiga puluh) hari kerja" in ppid_json(workspace, "show", case["nomor"])["data"]["terlambat"]
    receipt = pdf_text(workspace / "archive" / case["folder_arsip"] / "02-tanda-terima-keberatan.pdf")
    assert "melewati" in receipt


def test_atasan_decision_gives_the_answer_with_the_komisi_informasi_route(atasan):
    workspace, _ = atasan
    case = by_original(workspace, "keberatan-paragraf.docx")[0]
    refused = ppid(workspace, "decide", case["nomor"], "--keputusan", "diberikan", "--today", "2026-04-20", check=False)
    assert refused.returncode == 1 and "tidak berlaku untuk keberatan" in refused.stderr
    ppid(workspace, "decide", case["nomor"], "--keputusan", "keberatan-diterima", "--alasan",
         "Informasi anggaran termasuk informasi yang wajib tersedia setiap saat.", "--today", "2026-04-20")
    text = pdf_text(workspace / "archive" / case["folder_arsip"] / "05-tanggapan-keberatan.pdf")
    assert "Keberatan diterima" in text and "wajib tersedia setiap saat" in text
    assert "Komisi Informasi" in text and "14 (empat belas) hari kerja" in text
    assert ppid_json(workspace, "show", case["nomor"])["status"] == "dijawab"


def test_objection_register_matches_the_cases(atasan, tmp_path):
    workspace, _ = atasan
    out = tmp_path / "keberatan.xlsx"
    ppid(workspace, "register", "keberatan", "--tahun", "2026", "--out", str(out))
    rows = [r for r in load_workbook(out).active.iter_rows(min_row=7, values_only=True) if r[1]]
    assert sorted(r[1] for r in rows) == sorted(c["nomor"] for c in objections(workspace))
    late = next(r for r in rows if r[1] == "007/KEB/PPID/VII/2026")
    assert any(isinstance(v, str) and "melewati 30 hari kerja" in v for v in late)
    request_register = tmp_path / "permohonan.xlsx"
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(request_register))
    first = next(r for r in load_workbook(request_register).active.iter_rows(min_row=7, values_only=True) if r[1] == "001/PPID/IV/2026")
    assert any(isinstance(v, str) and "Keberatan:" in v for v in first)
