"""Forms as people fill them, filed (issue 12, the filing side): two applicants' forms in one document become two
cases; a form the reader could not fully place goes to the officer without a notice to the applicant; an
organisation is the applicant and its letters go to it "c.q." its person in charge; a value read by a weaker
rule (here a circle drawn around an option) is noted on the case, and `ppid show --sumber` says where each value was read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import FORMS, make_workspace, pdf_text, ppid, ppid_json

CORPUS = FORMS / "corpus"
DROPPED = ["req-dua-formulir.docx", "req-kotak-teks-terlepas.docx", "req-organisasi-yayasan.docx",
           "req-pilihan-dilingkari.docx"]


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("isian") / "ruang-kerja")
    for name in DROPPED:
        shutil.copyfile(CORPUS / name, workspace / "inbox" / name)
    result = ppid(workspace, "process", "--today", "2026-11-04")
    return workspace, result


def cases_from(workspace: Path, name: str) -> list[dict]:
    return [c for c in ppid_json(workspace, "cases")
            if (ppid_json(workspace, "show", c["nomor"])["riwayat"][0].get("berkas") == name)]


def test_two_applicants_forms_in_one_document_become_two_cases(filed):
    workspace, _ = filed
    names = sorted(c["pemohon"] for c in cases_from(workspace, "req-dua-formulir.docx"))
    assert names == ["Made Dwi Putra", "Ni Wayan Sri Lestari"]
    for case in cases_from(workspace, "req-dua-formulir.docx"):   # the shared file is archived once, linked
        manifest = (workspace / "archive" / case["folder_arsip"] / "manifest.json").read_text()
        assert '"sumber"' in manifest and '"role": "original"' not in manifest


def test_a_form_not_fully_read_goes_to_the_officer_without_a_notice(filed):
    workspace, result = filed
    aside = workspace / "inbox" / "_disisihkan"
    reason = next(aside.glob("*req-kotak-teks-terlepas.docx.ALASAN.txt")).read_text()
    assert "Perlu diperiksa petugas" in reason
    assert not list(aside.glob("*req-kotak-teks-terlepas.docx*.pemberitahuan.*"))


def test_an_organisation_is_the_applicant_and_its_letters_go_to_it_cq_its_person(filed):
    workspace, _ = filed
    case = cases_from(workspace, "req-organisasi-yayasan.docx")[0]
    assert case["pemohon"] == "Yayasan Lingkungan Lestari Bali"
    shown = ppid(workspace, "show", case["nomor"]).stdout
    assert "Penanggung jawab  : I Made Suartana (Ketua)" in shown
    register = workspace / "register.xlsx"
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(register))
    cells = [c for row in load_workbook(register).active.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("Yayasan Lingkungan Lestari Bali" in c and "I Made Suartana" in c and "AHU-0012345" in c for c in cells)
    ppid(workspace, "decide", case["nomor"], "--keputusan", "tidak-dikuasai", "--dikuasai-oleh", "Dinas Lingkungan Hidup",
         "--today", "2026-11-05")
    notice = pdf_text(workspace / "archive" / case["folder_arsip"] / "05-pemberitahuan-tertulis.pdf")
    assert "Yayasan Lingkungan Lestari Bali c.q. I Made Suartana" in notice


def test_a_choice_read_from_a_drawn_circle_is_noted_and_every_value_says_where_it_was_read(filed):
    workspace, _ = filed
    case = cases_from(workspace, "req-pilihan-dilingkari.docx")[0]
    shown = ppid(workspace, "show", case["nomor"], "--sumber").stdout
    assert "Dibaca dengan aturan lemah" in shown
    assert "rincian_informasi" in shown and "Tempat isian dibaca" in shown
