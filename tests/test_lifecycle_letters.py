"""A request and an objection through every letter issue 15 asked for, with the real CLI and LibreOffice.

The request of 16 March 2026 (registered 6 April) is answered with costs (the notice states how to pay), its
information handed over (``ppid serahkan``: the receipt, the register's handover and payment columns); another
is rejected under Pasal 17 huruf j (the other law's article written in full; a law no longer in force refused).
An objection for "not answered" gets its receipt, the Atasan PPID's nota to the PPID, the PPID's letter to the PPID
Pelaksana; its Tanggapan upholds no decision, and goes to the Atasan PPID with the PPID's covering nota; the
Sekretariat Daerah numbers what the Sekretaris Daerah signs (``ppid nomor``). A dispute is recorded (``ppid
sengketa``) and the provisional yearly report counts it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.render.blankforms import fill_objection_docx, write_blank_forms
from pipeline.store.paths import report_folder

from .conftest import drop, make_workspace, pdf_text, ppid, ppid_json

REGISTERED = "2026-04-06"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("siklus") / "ruang-kerja")
    for name in ("permohonan-2021-tabel2.docx", "permohonan-paragraf.docx", "permohonan-checkbox.docx"):
        drop(workspace, name)
        ppid(workspace, "process", "--today", REGISTERED)
    numbers = sorted(c["nomor"] for c in ppid_json(workspace, "cases"))
    assert numbers == ["001/PPID/IV/2026", "002/PPID/IV/2026", "003/PPID/IV/2026"]
    return workspace


def folder(workspace: Path, number: str) -> Path:
    return workspace / "archive" / ppid_json(workspace, "show", number)["folder_arsip"]


def test_notice_states_costs_and_how_to_pay_and_the_handover_is_recorded(desk):
    workspace = desk
    ppid(workspace, "decide", "001/PPID/IV/2026", "--keputusan", "diberikan", "--bentuk", "hardcopy", "--halaman",
         "1200", "--tarif", "500", "--waktu", "3", "--today", "2026-04-07")
    notice = pdf_text(folder(workspace, "001/PPID/IV/2026") / "05-pemberitahuan-tertulis.pdf")
    assert "A. Informasi dapat diberikan seluruhnya" in notice
    assert "Rp500,00 × 1.200 halaman = Rp600.000,00" in notice
    assert "Cara pembayaran" in notice and "Tunai di meja layanan informasi" in notice

    early = ppid(workspace, "serahkan", "001/PPID/IV/2026", "--tanggal", "2026-04-06", "--cara-bayar", "tunai",
                 "--today", "2026-04-08", check=False)
    assert early.returncode == 1 and "sebelum tanggal keputusan" in early.stderr
    unpaid = ppid(workspace, "serahkan", "001/PPID/IV/2026", "--today", "2026-04-08", check=False)
    assert unpaid.returncode == 1 and "Cara pembayaran belum dipilih" in unpaid.stderr
    done = ppid(workspace, "serahkan", "001/PPID/IV/2026", "--tanggal", "8 April 2026", "--cara-bayar", "tunai",
                "--today", "2026-04-08")
    assert "Penyerahan informasi atas 001/PPID/IV/2026 dicatat" in done.stdout

    receipt = pdf_text(folder(workspace, "001/PPID/IV/2026") / "06-tanda-terima-penyerahan.pdf")
    for expected in ("TANDA TERIMA PENYERAHAN INFORMASI PUBLIK", "Rabu, 8 April 2026", "Rp600.000,00 (enam ratus ribu "
                     "rupiah)", "Tunai di meja layanan informasi", "Petugas Penerima"):
        assert expected in receipt, expected
    assert list((workspace / "siap-tanda-tangan" / "desk").glob("DOK-*_06-tanda-terima-penyerahan.cetak.pdf"))
    shown = ppid_json(workspace, "show", "001/PPID/IV/2026")
    assert shown["data"]["penyerahan"]["tanggal"] == "2026-04-08"
    assert [e["event"] for e in shown["riwayat"]].count("handed_over") == 1

    again = ppid(workspace, "serahkan", "001/PPID/IV/2026", "--cara-bayar", "tunai", "--today", "2026-04-09",
                 check=False)
    assert again.returncode == 1 and "sudah dicatat" in again.stderr
    not_decided = ppid(workspace, "serahkan", "003/PPID/IV/2026", "--today", "2026-04-09", check=False)
    assert not_decided.returncode == 1 and "belum diputuskan dapat diberikan" in not_decided.stderr


def test_register_shows_the_handover_day_and_what_was_paid(desk, tmp_path):
    workspace = desk
    out = tmp_path / "register.xlsx"
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(out))
    sheet = load_workbook(out).active
    headers = [sheet.cell(5, column).value or sheet.cell(4, column).value for column in range(1, sheet.max_column + 1)]
    row = next(r for r in sheet.iter_rows(min_row=7, values_only=True) if r[1] == "001/PPID/IV/2026")
    handed = row[headers.index("Pemberian informasi")]
    assert handed.date().isoformat() == "2026-04-08"
    assert row[headers.index("Biaya dan Cara Pembayaran")] == "Rp600.000,00; tunai"
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and setup.fitToWidth == 1 and sheet.print_title_rows == "$4:$6"


def test_rejection_under_pasal_17_j_names_the_other_law_in_force(desk):
    workspace = desk
    number = "002/PPID/IV/2026"
    missing = ppid(workspace, "decide", number, "--keputusan", "ditolak", "--pasal17", "j", "--konsekuensi", "X",
                   "--today", "2026-04-08", check=False)
    assert missing.returncode == 1 and "Pasal 17 huruf j" in missing.stderr and "--dasar-lain" in missing.stderr
    revoked = ppid(workspace, "decide", number, "--keputusan", "ditolak", "--pasal17", "j", "--dasar-lain",
                   "Pasal 57 UU 36/2009", "--konsekuensi", "X", "--today", "2026-04-08", check=False)
    assert revoked.returncode == 1 and "UU 36/2009 tidak berlaku lagi" in revoked.stderr and "UU 17/2023" in revoked.stderr
    ppid(workspace, "decide", number, "--keputusan", "ditolak", "--pasal17", "j", "--dasar-lain",
         "Pasal 65 ayat (2) UU No. 27 Tahun 2022", "--konsekuensi", "Membuka data pribadi tanpa persetujuan subjeknya.",
         "--today", "2026-04-08")
    text = pdf_text(folder(workspace, number) / "05-sk-penolakan.pdf")
    assert ("Pasal 17 huruf j Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik juncto Pasal 65 "
            "ayat (2) Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi") in text
    assert "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI PEMERINTAH PROVINSI BALI" in text
    assert "NOMOR 001/KEP/PPID/2026" in text          # the decree series, apart from the letters
    assert "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Pemerintah Provinsi Bali memutuskan" in text


@pytest.fixture(scope="module")
def objection(desk, tmp_path_factory):
    """An objection to 003 for reasons c and g (not answered, answered late): no PPID decision to uphold."""
    workspace = desk
    blank = [p for p in write_blank_forms(tmp_path_factory.mktemp("kosong")) if p.name == "formulir-keberatan.docx"][0]
    form = workspace / "inbox" / "keberatan-tidak-ditanggapi.docx"
    form.write_bytes(blank.read_bytes())
    fill_objection_docx(form, {"nomor_pendaftaran": "003/PPID/IV/2026", "tujuan": "Penelitian", "nama": "Made Arsana",
                               "nik": "5171010101900031", "alamat": "Jl. Kenanga 3, Denpasar", "telepon": "081234500031",
                               "kasus_posisi": "Permohonan saya tidak ditanggapi."}, ["c", "g"],
                        place_date="Denpasar, 27 April 2026")
    ppid(workspace, "process", "--today", "2026-04-27")
    case = next(c for c in ppid_json(workspace, "cases") if c["jenis"] == "keberatan")
    return workspace, case["nomor"]


def test_an_objection_gets_the_atasan_nota_and_the_ppid_letter_to_the_pelaksana(objection):
    workspace, number = objection
    where = folder(workspace, number)
    nota = pdf_text(where / "03-nota-atasan-ppid.pdf")
    assert "SEKRETARIAT DAERAH" in nota            # the Sekretaris Daerah's letterhead
    assert "Yth. Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID" in nota
    assert "." * 30 in nota.replace(" ", "")     # its number is the Sekretariat Daerah's to give
    letter = pdf_text(where / "04-surat-keberatan-ppid-pelaksana.pdf")
    assert "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" in letter and "000.9.2/" in letter
    assert number in letter and "Permintaan informasi tidak ditanggapi" in letter
    assert list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_04-surat-keberatan-ppid-pelaksana.docx"))


def test_tanggapan_for_an_unanswered_request_upholds_no_decision_and_goes_with_the_ppid_nota(objection):
    workspace, number = objection
    result = ppid(workspace, "decide", number, "--keputusan", "keberatan-ditolak", "--alasan",
                  "Permohonan telah dijawab dengan surat tanggal 9 April 2026.", "--today", "2026-04-29")
    assert "Tenggat tanggapan atas keberatan" in result.stdout and "pemberitahuan" not in result.stdout
    answer = pdf_text(folder(workspace, number) / "05-tanggapan-keberatan.pdf")
    assert "Keberatan ditolak" in answer and "dikuatkan" not in answer
    nota = pdf_text(folder(workspace, number) / "05-nota-tanggapan.pdf")
    assert "NOTA DINAS" in nota and "Yth. Sekretaris Daerah Provinsi Bali selaku Atasan PPID" in nota
    assert "Keberatan ditolak" in nota
    assert list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_05-nota-tanggapan.docx"))
    assert list((workspace / "siap-tanda-tangan" / "atasan_ppid").glob("DOK-*_05-tanggapan-keberatan.docx"))


def test_the_number_the_sekretariat_gives_is_recorded_once(objection):
    workspace, number = objection
    shown = ppid_json(workspace, "show", number)
    rendered = [e for e in shown["riwayat"] if e["event"] == "rendered"][-1]
    tanggapan = rendered["dokumen"][rendered["surat"].index("tanggapan_keberatan")]
    ppid(workspace, "nomor", tanggapan, "000.9.2/512/Setda")
    assert ppid_json(workspace, "show", number)["data"]["nomor_surat"][tanggapan] == "000.9.2/512/Setda"
    again = ppid(workspace, "nomor", tanggapan, "000.9.2/513/Setda", check=False)
    assert again.returncode == 1 and "sudah dicatat" in again.stderr
    own = rendered["dokumen"][rendered["surat"].index("nota_tanggapan")]
    numbered = ppid(workspace, "nomor", own, "000.9.2/99/IKP/Diskominfos", check=False)
    assert numbered.returncode == 1 and "sudah bernomor" in numbered.stderr


def test_a_dispute_and_its_outcome_are_counted_by_the_provisional_report(objection):
    workspace, number = objection
    early = ppid(workspace, "sengketa", number, "--putusan", "mediasi", "--today", "2026-05-20", check=False)
    assert early.returncode == 1 and "belum dicatat" in early.stderr
    ppid(workspace, "sengketa", number, "--tanggal", "2026-05-12", "--register", "012/REG-PSI/V/2026",
         "--today", "2026-05-20")
    ppid(workspace, "sengketa", number, "--putusan", "mediasi", "--tanggal", "2026-06-15", "--today", "2026-06-20")
    assert ppid_json(workspace, "show", number)["data"]["sengketa"]["putusan"] == "mediasi"
    ppid(workspace, "laporan", "--tahun", "2026", "--today", "2026-06-30")
    text = pdf_text(report_folder(workspace / "archive", 2026) / "laporan-layanan-informasi-2026.pdf")
    for expected in ("LAPORAN SEMENTARA", "VI. Sengketa Informasi", "Selesai melalui mediasi",
                     "Mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari "
                     "persaingan usaha tidak sehat", "Pembina Utama Muda", "VIII. Kendala", "IX. Rekomendasi",
                     "Bagian ini belum diisi"):
        assert expected in text, expected
