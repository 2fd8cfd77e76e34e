"""DIP and DIK from the OPDs' lists to signed decrees, publication, and requests classified against them.

The lists are the independent samples in tests/forms (dip-*, dik-*); the DIK proposal citing laws in force is
filled in here (the sample dik-usulan.xlsx cites two laws no longer in force, and is refused for it). Each accepted
list rebuilds the recap with the SK DIP's konsep for the PPID; ``ppid dip ajukan`` submits it to the Atasan PPID.
Signed decrees come back as 200-dpi scans matched by their QR code; the SK DIP, numbered by the Sekretariat Daerah,
is published once its number is recorded. Then new requests for listed information get the SOP's proposal.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline.render.blankforms import DIK_XLSX_NAME, fill_list_xlsx, fill_request_docx, write_blank_forms

from .conftest import FORMS, drop, make_workspace, pdf_text, ppid, ppid_json, sign_draft

DINKES = ["Laporan Keuangan Dinas Kesehatan Tahun Anggaran 2025", "Data jumlah tenaga kesehatan per kabupaten/kota"]
DISHUB = ["Data angkutan umum dan trayek bus antarkota dalam provinsi", "Standar pelayanan pengujian kendaraan bermotor"]
BAPENDA = ["Laporan Realisasi Pendapatan Daerah Tahun 2025", "Standar pelayanan Samsat dan daftar lokasi Samsat Keliling"]


def cases_of(workspace: Path, kind: str) -> list[dict]:
    return [c for c in ppid_json(workspace, "cases") if c["jenis"] == kind]


def sk_text(workspace: Path, recap: dict, stem: str = "02-konsep-sk-dip") -> str:
    return pdf_text(workspace / "archive" / recap["folder_arsip"] / f"{stem}.pdf")


DIK_ROWS = [
    {"informasi": "Dokumen penawaran peserta tender pengadaan barang/jasa yang sedang berlangsung",
     "dasar_hukum": "Pasal 17 huruf b UU 14/2008", "konsekuensi_dibuka": "Mengungkap harga dan strategi peserta.",
     "konsekuensi_ditutup": "Proses pemilihan penyedia berjalan adil.", "jangka_waktu": "Sampai penetapan pemenang",
     "pejabat": "Biro Pengadaan Barang/Jasa"},
    {"informasi": "Rekam medis pasien RSUD Bali Mandara", "dasar_hukum": "17 h angka 2",
     "konsekuensi_dibuka": "Mengungkap riwayat kesehatan pasien.", "konsekuensi_ditutup": "Hak privasi pasien terlindungi.",
     "jangka_waktu": "Selama pasien hidup", "pejabat": "RSUD Bali Mandara"},
    {"informasi": "Data wajib pajak kendaraan bermotor per nama pemilik",
     "dasar_hukum": "Pasal 17 huruf j UU 14/2008 jo. Pasal 65 ayat (2) UU 27/2022",
     "konsekuensi_dibuka": "Mengungkap data pribadi pemilik kendaraan.",
     "konsekuensi_ditutup": "Data pribadi wajib pajak terlindungi.", "jangka_waktu": "Selama wajib pajak terdaftar",
     "pejabat": "Badan Pendapatan Daerah"},
    {"informasi": "Hasil pemeriksaan kesehatan calon Pegawai Pemerintah dengan Perjanjian Kerja",
     "dasar_hukum": "17 h angka 2", "konsekuensi_dibuka": "Mengungkap kondisi kesehatan pribadi peserta seleksi.",
     "konsekuensi_ditutup": "Rahasia kondisi kesehatan pribadi terlindungi.",
     "jangka_waktu": "5 tahun sejak pengumuman hasil seleksi", "pejabat": "Badan Kepegawaian Daerah"},
]


def valid_dik(path: Path, scratch: Path) -> Path:
    """A DIK proposal whose bases cite laws in force, filled in the blank form."""
    blank = [p for p in write_blank_forms(scratch) if p.name == DIK_XLSX_NAME][0]
    path.write_bytes(blank.read_bytes())
    fill_list_xlsx(path, "PPID Utama Pemerintah Provinsi Bali", 2026, DIK_ROWS)
    return path


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("dipdik") / "ruang-kerja")
    valid_dik(workspace / "inbox" / "dik-usulan-berlaku.xlsx", tmp_path_factory.mktemp("kosong"))
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
    # a konsep for the PPID's correction: no number, nothing on the Atasan PPID's desk yet
    assert "KONSEP" in text and "." * 30 in text.replace(" ", "")
    assert list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_02-konsep-sk-dip.cetak.pdf"))
    assert not list((workspace / "siap-tanda-tangan" / "atasan_ppid").glob("DOK-*sk-dip*"))


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
    # The superseded konsep left the PPID's desk; only the new one waits.
    assert len(list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_02-konsep-sk-dip.docx"))) == 1
    # a rebuild of the same lists files nothing new
    recaps = len(cases_of(workspace, "sk_dip"))
    again = ppid(workspace, "dip", "rekap", "--tahun", after["nomor"].rsplit("/", 1)[1])
    assert after["nomor"] in again.stdout
    assert len(cases_of(workspace, "sk_dip")) == recaps


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
    # the other law written in full, as in the SK Penolakan; the classification as Perki 1/2017 Pasal 4 asks
    assert ("juncto Pasal 65 ayat (2) Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"
            in text.replace("Undang- Undang", "Undang-Undang"))     # a line broken at the hyphen
    assert "Pasal 4 Peraturan Komisi Informasi Nomor 1 Tahun 2017" in text and "jenis klasifikasi" in text
    assert "I Gede Wirawan Putra" in text                      # the deciding PPID official
    reasons = next((workspace / "inbox" / "_disisihkan").glob("*dik-salah.xlsx.ALASAN.txt")).read_text()
    assert "Konsekuensi" in reasons and "huruf" in reasons and "Jangka waktu" in reasons


def test_a_dik_citing_laws_no_longer_in_force_is_refused(lists):
    reasons = next((lists / "inbox" / "_disisihkan").glob("*_dik-usulan.xlsx.ALASAN.txt")).read_text()
    assert "UU 28/2009 tidak berlaku lagi" in reasons and "UU 1/2022" in reasons
    assert "UU 36/2009 tidak berlaku lagi" in reasons and "UU 17/2023" in reasons


def test_the_recap_is_submitted_with_the_ppid_nota_and_the_sk_numbered_by_its_issuer(lists):
    workspace = lists
    recap = current_recap(workspace)
    year = recap["nomor"].rsplit("/", 1)[1]
    result = ppid(workspace, "dip", "ajukan", "--tahun", year)
    assert recap["nomor"] in result.stdout
    again = ppid(workspace, "dip", "ajukan", "--tahun", year, check=False)
    assert again.returncode == 1 and "sudah diajukan" in again.stderr
    nota = sk_text(workspace, recap, "03-nota-dip")
    assert "NOTA DINAS" in nota and "Yth. Sekretaris Daerah Provinsi Bali selaku Atasan PPID" in nota
    assert "informasi dari 3 PPID Pelaksana" in nota
    decree = sk_text(workspace, recap, "03-sk-dip")
    assert "KONSEP" not in decree and "SEKRETARIAT DAERAH" in decree
    assert list((workspace / "siap-tanda-tangan" / "atasan_ppid").glob("DOK-*_03-sk-dip.cetak.pdf"))
    assert list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_03-nota-dip.cetak.pdf"))
    assert not list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*konsep-sk-dip*"))


def sign(workspace: Path, pattern: str, tmp_path: Path, name: str) -> None:
    sign_draft(workspace, "atasan_ppid", pattern, tmp_path, name)


def test_signed_decrees_publish_the_dip_and_put_the_lists_in_force(lists, tmp_path):
    workspace = lists
    sign(workspace, "DOK-*_03-sk-dip.cetak.pdf", tmp_path, "pindai-sk-1.pdf")
    sign(workspace, "DOK-*_02-sk-dik.cetak.pdf", tmp_path, "pindai-sk-2.pdf")
    result = ppid(workspace, "process")
    assert "2 salinan bertanda tangan diarsipkan" in result.stdout
    year = cases_of(workspace, "sk_dip")[0]["nomor"].rsplit("/", 1)[1]
    published = workspace / "archive" / "publikasi" / year
    # the Sekretariat Daerah numbers the SK DIP: nothing is published under a number not yet known
    assert not (published / f"dip-{year}.csv").exists()
    recap = next(c for c in cases_of(workspace, "sk_dip") if c["status"] == "selesai")
    submitted = ppid_json(workspace, "show", recap["nomor"])["data"]["diajukan"]["dokumen"][1]
    ppid(workspace, "nomor", submitted, "188.4/77/KEP/Setda/2026")
    assert "188.4/77/KEP/Setda/2026" in (published / f"dip-{year}.html").read_text()
    cover = pdf_text(workspace / "archive" / recap["folder_arsip"] / "04-pengantar-dip.pdf")
    assert "Nomor 188.4/77/KEP/Setda/2026" in cover and "PPID Pelaksana di Lingkungan Pemerintah Provinsi Bali" in cover
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


def test_the_daily_batch_prints_no_replaced_konsep_and_names_every_kind(lists, tmp_path):
    workspace = lists
    from datetime import date

    from pipeline.core.bahasa import hari_tanggal

    result = ppid(workspace, "cetak")
    batch = next((workspace / "cetak").glob("*/_batch-harian-*.pdf"))
    listing = pdf_text(batch)
    assert f"Berkas Cetak Harian {hari_tanggal(date.today())}" in listing
    replaced = [c["nomor"] for c in cases_of(workspace, "sk_dip") if c["status"] == "diganti"]
    assert replaced and not any(number in listing for number in replaced)    # never printed as "Diganti"
    recap = next(c for c in cases_of(workspace, "sk_dip") if c["status"] == "selesai")
    cover = pdf_text(next((workspace / "cetak").glob(f"*/{recap['nomor'].replace('/', '-')}.pdf")))
    assert "Rekapitulasi dan Keputusan tentang Daftar Informasi Publik" in cover
    assert "Sk_dip" not in cover and "sk_dip" not in cover.split("DAFTAR DOKUMEN")[0]
    assert "bundel perkara" in result.stdout
