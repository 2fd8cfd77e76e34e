"""The Word templates in templates_docx/ render with strict variables and say what they must say.

Run ``.venv/bin/python tools/make_templates.py`` after changing the builder; these tests read the
committed .docx files.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, nodes

from pipeline.core.config import AgencySettings, Signer
from pipeline.intake import lists as daftar_mod
from pipeline.intake.lists import CATEGORIES, DipEntry, RowProblem
from pipeline.intake.reading import read_form
from pipeline.render import letters
from pipeline.render.letters import italicised, signer_block
from pipeline.render.lists import daftar_context

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates_docx"
README = TEMPLATES / "README.md"
NAMES = ["tanda_terima_permohonan", "surat_ppid_pelaksana", "pemberitahuan_kurang_lengkap",
         "pemberitahuan_tertulis", "sk_penolakan", "surat_perpanjangan",
         "tanda_terima_keberatan", "nota_atasan_keberatan", "tanggapan_keberatan",
         "sk_dip", "sk_dik", "koreksi_dip", "tanda_terima_penyerahan", "surat_keberatan_pelaksana",
         "nota_tanggapan", "nota_dip", "pengantar_dip"]

PPID = Signer(name="Dr. I Made Sudarsana, S.Sos., M.Si.", nip="19680531 199703 1 002", rank="Pembina Utama Muda (IV/c)",
              position="Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID")
DESK = Signer(name="Ni Luh Putu Ayu Lestari, S.I.Kom.", nip="19950214 202012 2 003", rank="Penata Muda (III/a)",
              position="Pengelola Layanan Informasi Publik")
ATASAN_SIGNER = Signer(name="Ir. Ni Made Sukerti, M.T.", nip="19680315 199303 2 004", rank="Pembina Utama Madya (IV/d)",
                       position="Sekretaris Daerah Provinsi Bali selaku Atasan PPID")


def no_signer() -> dict:
    """The ``penyetuju`` group when no approval block is printed."""
    return {key: [] if isinstance(value, list) else "" for key, value in signer_block(ATASAN_SIGNER).items()}


def sample_context() -> dict:
    """A complete context as the pipeline builds it (Province of Bali, request of 16 March 2026:
    cuti bersama 18, 20, 23, 24 March and Good Friday 3 April make the notice due 7 April)."""
    return {
        "instansi": letters.agency_block(AgencySettings()),
        "surat": {
            "nomor": "000.9.2/15/IKP/Diskominfos",
            "tanggal": "17 Maret 2026",
            "tempat_tanggal": "Denpasar, 17 Maret 2026",
            "sifat": "Segera",
            "lampiran": "1 (satu) berkas",
            "hal": "Permohonan Informasi Publik Nomor Pendaftaran 001/PPID/III/2026",
            "tembusan": ["Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
                         "Pertinggal"],
            "konsep": "",
        },
        # dokumen.qr is an image (docxtpl InlineImage) in the pipeline; "" prints nothing.
        # render(..., qr=True) puts a real one in.
        "dokumen": {"id": "2026-001-PPL-01", "judul": "Surat kepada PPID Pelaksana", "qr": ""},
        "kasus": {
            "nomor": "001/PPID/III/2026",
            "jenis": "permohonan",
            "tanggal_diterima": "16 Maret 2026",
            "hari_tanggal_diterima": "Senin, 16 Maret 2026",
            "tenggat": "7 April 2026",
            "hari_tenggat": "Selasa, 7 April 2026",
            "tenggat_hari": "10 (sepuluh) hari kerja",
            "perpanjangan_hari": "7 (tujuh) hari kerja",
            "target_jawaban": "30 Maret 2026",
            "hari_target_jawaban": "Senin, 30 Maret 2026",
            "target_hari": "5 (lima) hari kerja",
        },
        "pemohon": {
            "nama": "I Komang Adi Wiranata",
            "alamat": "Jalan Gatot Subroto Barat Nomor 88, Desa Padangsambian Kaja, "
                      "Kecamatan Denpasar Barat, Kota Denpasar",
            "identitas": "5171031203900004",
            "pekerjaan": "Mahasiswa",
            "telepon": "0812-3456-7890",
            "email": "komang.wiranata@example.com",
            "kontak": "0812-3456-7890 / komang.wiranata@example.com",
            "nama_kuasa": "",
            "organisasi": False,
            "penanggung_jawab": "",
            "jabatan": "",
            "tujuan_surat": "I Komang Adi Wiranata",
        },
        "permohonan": {
            "rincian": "Data jumlah kunjungan wisatawan mancanegara per kabupaten/kota di Provinsi "
                       "Bali Tahun 2024 dan 2025 serta dokumen Rencana Strategis Dinas Pariwisata "
                       "Provinsi Bali Tahun 2024-2026",
            "tujuan": "Bahan penyusunan skripsi tentang pariwisata berkelanjutan & tata kelola data",
            "cara_memperoleh": italicised("Mendapatkan salinan informasi (softcopy)"),
            "cara_salinan": "Email",
        },
        "tujuan": {"nama": "Kepala Dinas Pariwisata Provinsi Bali selaku PPID Pelaksana",
                   "tempat": "Denpasar"},
        "penandatangan": signer_block(PPID),
        "penerima": signer_block(DESK),
        "ppid": {**signer_block(PPID), "unit": "Dinas Komunikasi, Informatika dan Statistik"},
        "atasan": signer_block(ATASAN_SIGNER),
        "penyetuju": no_signer(),
        "penyerahan": {
            "tanggal": "6 April 2026", "hari_tanggal": "Senin, 6 April 2026", "bentuk": italicised("hardcopy"),
            "cara": "Mengambil langsung", "halaman": "30",
            "biaya_salin": "Rp500,00 × 30 halaman = Rp15.000,00 (lima belas ribu rupiah)",
            "biaya_kirim": "Rp0,00 (nol rupiah)", "biaya_lain": "Rp0,00 (nol rupiah)",
            "jumlah": "Rp15.000,00 (lima belas ribu rupiah)",
            "cara_bayar": "tunai di meja layanan informasi, dengan tanda terima pembayaran yang terinci",
            "catatan": "",
        },
        "berkas": {"tanggal_diterima": "16 Maret 2026",
                   "hari_tanggal_diterima": "Senin, 16 Maret 2026"},
        "kekurangan": [
            "Kolom NIK belum diisi atau tidak terdiri atas 16 angka.",
            "Fotokopi KTP Pemohon Informasi belum dilampirkan.",
            "Cara mendapatkan salinan informasi belum dipilih.",
        ],
        # one context for every letter: part A of the written notice, plus the fields of the
        # rejection decree and the extension (the pipeline fills only what the decision needs)
        "jawaban": {
            "keputusan": "diberikan",
            "keputusan_teks": "Informasi dapat diberikan seluruhnya",
            "bagian": "A",
            "dikuasai_oleh": "Dinas Pariwisata Provinsi Bali",
            "bentuk": italicised("softcopy (berkas XLSX) dan hardcopy (fotokopi Rencana Strategis)"),
            "bagian_judul": "Informasi dapat diberikan seluruhnya",
            "berbayar": True,
            "cara_bayar": "Tunai di meja layanan informasi, dengan tanda terima pembayaran yang terinci",
            "biaya_salin": "Rp500,00 × 30 halaman = Rp15.000,00 (lima belas ribu rupiah)",
            "biaya_kirim": "Rp0,00 (nol rupiah)",
            "biaya_lain": "Rp0,00 (nol rupiah)",
            "biaya_total": "Rp15.000,00 (lima belas ribu rupiah)",
            "waktu": "3 (tiga) hari kerja",
            "penghitaman": "",
            "alasan_tidak": "",
            "kapan_tersedia": "",
            "dasar": "Pasal 17 huruf b Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
                     "Informasi Publik",
            "konsekuensi": "Data kunjungan per usaha akomodasi yang disampaikan pelaku usaha "
                           "kepada Pemerintah Provinsi Bali merupakan data usaha yang bersifat "
                           "rahasia; membukanya dapat merugikan perlindungan dari persaingan usaha "
                           "tidak sehat & kepercayaan pelaku usaha dalam menyampaikan data.",
            "keberatan_hari": "30 (tiga puluh) hari kerja",
            "alasan_perpanjangan": "Informasi yang dimohon berupa data tahun 2025 masih dalam "
                                   "proses rekapitulasi dan verifikasi oleh Dinas Pariwisata "
                                   "Provinsi Bali selaku PPID Pelaksana.",
            "tenggat_semula": "7 April 2026",
            "hari_tenggat_semula": "Selasa, 7 April 2026",
            "tenggat_baru": "16 April 2026",
            "hari_tenggat_baru": "Kamis, 16 April 2026",
            "perpanjangan_hari": "7 (tujuh) hari kerja",
            "tanggal": "2 April 2026",
            "hari_tanggal": "Kamis, 2 April 2026",
            "alasan_keputusan": "Atasan PPID menguatkan Keputusan PPID Nomor "
                                "000.9.2/21/IKP/Diskominfos karena data kunjungan per usaha "
                                "akomodasi merupakan rahasia usaha sebagaimana dimaksud dalam "
                                "Pasal 17 huruf b Undang-Undang Nomor 14 Tahun 2008; data "
                                "agregat per kabupaten/kota telah tersedia di laman PPID.",
            "komisi_hari": "14 (empat belas) hari kerja",
        },
        # objection of 13 April 2026 (registration = day 0): SOP targets 5 + 2 + 1 working days,
        # the Atasan PPID's answer 30 working days later (Labour Day, Ascension and Idul Adha
        # with their cuti bersama, and 1 June fall in between)
        "keberatan": {
            "nomor_permohonan": "001/PPID/III/2026",
            "tujuan": "Bahan penyusunan skripsi tentang pariwisata berkelanjutan",
            "alasan": ["a. Permohonan informasi ditolak",
                       "g. Informasi disampaikan melebihi jangka waktu yang ditentukan"],
            "kasus_posisi": "Permohonan data kunjungan wisatawan mancanegara per kabupaten/kota "
                            "ditolak dengan Keputusan PPID tanggal 2 April 2026. Pemohon "
                            "berpendapat data agregat tidak memuat rahasia usaha & wajib dibuka.",
            "kuasa_nama": "",
            "kuasa_alamat": "",
            "kuasa_telepon": "",
            "tanggal_tanggapan": "2 Juni 2026",
            "hari_tanggal_tanggapan": "Selasa, 2 Juni 2026",
            "tanggal_tanggapan_terbilang": "dua Juni dua ribu dua puluh enam",
            "tanggapan_hari": "30 (tiga puluh) hari kerja",
            "target_koordinasi": "20 April 2026",
            "hari_target_koordinasi": "Senin, 20 April 2026",
            "koordinasi_hari": "5 (lima) hari kerja",
            "target_draf": "22 April 2026",
            "hari_target_draf": "Rabu, 22 April 2026",
            "draf_hari": "2 (dua) hari kerja",
            "target_kirim": "23 April 2026",
            "hari_target_kirim": "Kamis, 23 April 2026",
            "kirim_hari": "1 (satu) hari kerja",
            "terlambat": "",
            "kepada": "Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID",
            "komisi_informasi": "Provinsi Bali",
            "atas_keputusan": True,
            "rincian_permohonan": "Data jumlah kunjungan wisatawan mancanegara per kabupaten/kota Tahun 2025",
            "tanggal_permohonan": "16 Maret 2026",
            "pelaksana": "PPID Pelaksana Dinas Pariwisata Provinsi Bali",
        },
        # the DIP / DIK lists (pipeline.intake.lists.daftar_context): two OPDs, categories A and C
        "daftar": {
            "tahun": "2026",
            "opd": "Badan Pendapatan Daerah Provinsi Bali",
            "entri": [dict(SAMPLE_ENTRY, no="1"),
                      dict(SAMPLE_ENTRY, no="2", ringkasan="Laporan Keuangan Tahun 2025 & CaLK",
                           opd="Dinas Kesehatan Provinsi Bali"),
                      dict(SAMPLE_ENTRY, no="3", kategori="Setiap Saat",
                           ringkasan="Daftar Informasi Publik Dinas Kesehatan",
                           opd="Dinas Kesehatan Provinsi Bali", retensi="Selama berlaku")],
            "kelompok": [
                {"judul": "A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala",
                 "opd_list": [{"opd": "Badan Pendapatan Daerah Provinsi Bali",
                               "entri": [dict(SAMPLE_ENTRY, no="1")]},
                              {"opd": "Dinas Kesehatan Provinsi Bali",
                               "entri": [dict(SAMPLE_ENTRY, no="2", ringkasan="Laporan Keuangan Tahun 2025 & CaLK",
                                              opd="Dinas Kesehatan Provinsi Bali")]}]},
                {"judul": "C. Informasi yang Wajib Tersedia Setiap Saat",
                 "opd_list": [{"opd": "Dinas Kesehatan Provinsi Bali",
                               "entri": [dict(SAMPLE_ENTRY, no="3", kategori="Setiap Saat",
                                              ringkasan="Daftar Informasi Publik Dinas Kesehatan",
                                              opd="Dinas Kesehatan Provinsi Bali", retensi="Selama berlaku")]}]},
            ],
            "dik": [
                {"no": "1", "informasi": "Dokumen penawaran peserta tender yang sedang berlangsung",
                 "dasar": "Pasal 17 huruf b Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
                 "konsekuensi_dibuka": "Mengganggu persaingan usaha yang sehat.",
                 "konsekuensi_ditutup": "Proses pengadaan berjalan adil & kompetitif.",
                 "jangka_waktu": "Sampai penetapan pemenang", "unit": "Biro Pengadaan Barang/Jasa"},
                {"no": "2", "informasi": "Hasil pemeriksaan kesehatan calon PPPK",
                 "dasar": "Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan",
                 "konsekuensi_dibuka": "Mengungkap kondisi kesehatan pribadi peserta.",
                 "konsekuensi_ditutup": "Rahasia kondisi kesehatan pribadi terlindungi.",
                 "jangka_waktu": "5 tahun", "unit": "Badan Kepegawaian Daerah"},
            ],
            "masalah": [
                {"baris": "5", "kolom": "Jangka Waktu Penyimpanan atau Retensi Arsip",
                 "pesan": "Jangka waktu penyimpanan atau retensi arsip belum diisi."},
                {"baris": "-", "kolom": "PPID Pelaksana/OPD",
                 "pesan": "Nama PPID Pelaksana/OPD yang menyampaikan daftar tidak ditemukan."},
            ],
            "nomor_pengajuan": "000.9/112/Bapenda",
            "tanggal_pengajuan": "9 Maret 2026",
            "penetap": "Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
            "oleh_atasan": True,
            "jumlah_informasi": "3",
            "jumlah_opd": "2",
            "nomor_sk": "000.9.2/123/Setda",
            "tanggal_sk": "20 April 2026",
        },
    }


SAMPLE_ENTRY = {
    "no": "1", "kategori": "Berkala", "ringkasan": "Laporan Realisasi Pendapatan Daerah Tahun 2025",
    "penguasa": "Bidang Perencanaan dan Pengembangan", "penanggung_jawab": "Kepala Bidang Perencanaan",
    "waktu_tempat": "Januari 2026, Denpasar", "bentuk": "Cetak dan elektronik", "retensi": "10 tahun",
    "opd": "Badan Pendapatan Daerah Provinsi Bali",
}


def qr_png() -> bytes:
    """A QR code PNG of the sample document ID (segno, as the pipeline; a plain PNG without it)."""
    try:
        import segno
    except ImportError:                       # 21 x 21 grey pixels, written by hand
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        raw = b"".join(b"\x00" + b"\x80" * 21 for _ in range(21))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 21, 21, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    buffer = io.BytesIO()
    segno.make_qr("2026-001-PPL-01", error="q").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def render(name: str, context: dict, *, qr: bool = False) -> Document:
    """Render a template strictly; ``qr=True`` sets ``dokumen.qr`` to an InlineImage as the
    pipeline does (16 mm wide)."""
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    if qr:
        context = copy.deepcopy(context)
        context["dokumen"]["qr"] = InlineImage(template, io.BytesIO(qr_png()), width=Mm(16))
    template.render(context, jinja_env=Environment(undefined=StrictUndefined), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    buffer.seek(0)
    return Document(buffer)


def _cell_paragraphs(table):
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:          # merged cells repeat
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield paragraph
            for inner in cell.tables:
                yield from _cell_paragraphs(inner)


def lines(document: Document) -> list[str]:
    """Every paragraph of the body, in document order, table cells included."""
    out = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is child)
            out.extend(p.text for p in _cell_paragraphs(table))
    return out


def text(document: Document) -> str:
    return "\n".join(lines(document))


def footer_text(document: Document) -> str:
    footer = document.sections[0].footer
    paragraphs = list(footer.paragraphs)
    for table in footer.tables:
        paragraphs.extend(_cell_paragraphs(table))
    return "\n".join(p.text for p in paragraphs)


# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_renders_strictly_with_letterhead_and_footer(name):
    document = render(name, sample_context())
    body = text(document)
    assert "{{" not in body and "{%" not in body and "}}" not in body
    assert "PEMERINTAH PROVINSI BALI" in body
    assert "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" in body
    assert "Jalan D.I. Panjaitan Nomor 7, Niti Mandala Renon, Telp. (0361) 229740" in body
    assert "Laman: ppid.baliprov.go.id  Pos-el: ppid@baliprov.go.id" in body
    assert "DENPASAR" in lines(document)
    assert "2026-001-PPL-01" in footer_text(document)
    assert "Halaman" in footer_text(document)
    # letterhead, values and signature leave no empty paragraph before the end of the text
    assert "" not in [line.strip() for line in lines(document)[:6]]


def test_letterhead_uses_configured_kop_lines():
    context = sample_context()
    kop = ["PEMERINTAH PROVINSI BALI", "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
           "Jalan D.I. Panjaitan No. 7 Renon, Denpasar 80235"]
    context["instansi"] = letters.agency_block(AgencySettings(letterhead=kop))
    document = render("surat_ppid_pelaksana", context)
    first = lines(document)[:3]
    assert first == kop
    assert "DENPASAR" not in lines(document)      # the built-in lines are replaced


def test_letterhead_leaves_out_what_an_issuer_does_not_have():
    from pipeline.core.config import IssuerSettings

    context = sample_context()
    context["instansi"] = letters.agency_block(IssuerSettings(government="PEMERINTAH PROVINSI BALI",
                                                              name="SEKRETARIAT DAERAH", city="Denpasar"))
    all_lines = lines(render("nota_atasan_keberatan", context))
    assert all_lines[:4] == ["PEMERINTAH PROVINSI BALI", "SEKRETARIAT DAERAH", "DENPASAR", "NOTA DINAS"]


def test_tanda_terima():
    document = render("tanda_terima_permohonan", sample_context())
    body = text(document)
    assert "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK" in body
    for expected in ("001/PPID/III/2026", "I Komang Adi Wiranata", "5171031203900004",
                     "Senin, 16 Maret 2026", "Selasa, 7 April 2026",
                     "Selasa, 7 April 2026, yaitu 10 (sepuluh) hari kerja sejak permohonan diterima",
                     "7 (tujuh) hari kerja", "Mahasiswa",
                     "0812-3456-7890 / komang.wiranata@example.com",
                     "tata kelola data",                  # '&' escaped and kept
                     "Denpasar, 17 Maret 2026", "Pemohon Informasi,", "Petugas Penerima,",
                     "Ni Luh Putu Ayu Lestari, S.I.Kom.", "Penata Muda (III/a)",
                     "NIP. 19950214 202012 2 003", "Catatan:"):
        assert expected in body, expected
    assert "& tata kelola data" in body
    assert "Nama Kuasa Pemohon" not in body      # {%tr if %} row dropped without a proxy
    assert "(10 (" not in body                   # no parentheses inside parentheses
    assert "Penanggung Jawab" not in body        # a person, not an organisation


def test_tanda_terima_optional_rows_and_officer_lines():
    context = sample_context()
    context["pemohon"]["nama_kuasa"] = "Kadek Dwi Pratama"
    context["pemohon"]["pekerjaan"] = ""
    context["penerima"].update(pangkat="", nip="")
    document = render("tanda_terima_permohonan", context)
    body = text(document)
    assert "Nama Kuasa Pemohon" in body and "Kadek Dwi Pratama" in body
    assert "Kuasa Pemohon Informasi," in lines(document)          # the proxy signs the receipt
    assert lines(document).count("Kadek Dwi Pratama") == 2       # named in the table and under the signature
    assert "Pekerjaan" not in body
    assert "NIP." not in body
    assert "Penata Muda" not in body
    officer = lines(document)[lines(document).index("Ni Luh Putu Ayu Lestari, S.I.Kom."):]
    assert officer[1].startswith("Catatan:")       # no empty lines left where rank and NIP were


def test_surat_ppid_pelaksana():
    document = render("surat_ppid_pelaksana", sample_context())
    body = text(document)
    for expected in ("Denpasar, 17 Maret 2026", "000.9.2/15/IKP/Diskominfos", "Segera",
                     "1 (satu) berkas", "Yth.\tKepala Dinas Pariwisata Provinsi Bali selaku PPID Pelaksana",
                     "di -", "001/PPID/III/2026", "Senin, 16 Maret 2026", "I Komang Adi Wiranata",
                     ", pekerjaan Mahasiswa", "Pasal 22", "Selasa, 7 April 2026",
                     "10 (sepuluh) hari kerja", "Senin, 30 Maret 2026", "5 (lima) hari kerja",
                     "Rencana Strategis Dinas Pariwisata", "Email",
                     "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
                     "Dr. I Made Sudarsana, S.Sos., M.Si.", "Pembina Utama Muda (IV/c)",
                     "NIP. 19680531 199703 1 002", "Tembusan:",
                     "1.\tSekretaris Daerah Provinsi Bali selaku Atasan PPID", "2.\tPertinggal"):
        assert expected in body, expected
    # the holder gets the request, not the applicant's personal data
    for private in ("5171031203900004", "0812-3456-7890", "komang.wiranata@example.com",
                    "Padangsambian"):
        assert private not in body, private


def test_surat_without_awalan_has_no_delegation_line():
    document = render("surat_ppid_pelaksana", sample_context())
    all_lines = lines(document)
    closing = all_lines.index("4.\tDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")
    # the signature block follows the closing directly: position line first, no blank or "a.n." line
    assert all_lines[closing + 1].startswith("Kepala Dinas Komunikasi")
    assert all_lines[closing + 1].endswith("selaku PPID,")
    assert not any(line.strip() in ("", "a.n.") or line.startswith("a.n.")
                   for line in all_lines[closing + 1:])


def test_surat_with_awalan_and_without_optional_parts():
    context = sample_context()
    context["penandatangan"] = signer_block(Signer(
        name="Ni Made Sri Wahyuni, S.E., M.M.", nip="19720817 199803 2 005", rank="Pembina Tingkat I (IV/b)",
        position="Sekretaris", delegation="a.n.",
        on_behalf_of="Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali"))
    context["pemohon"]["pekerjaan"] = ""
    context["surat"]["tembusan"] = []
    document = render("surat_ppid_pelaksana", context)
    all_lines = lines(document)
    body = "\n".join(all_lines)
    i = all_lines.index("a.n. Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali")
    assert all_lines[i + 1] == "Sekretaris,"
    assert all_lines[i + 2] == "Ni Made Sri Wahyuni, S.E., M.M."
    assert "pekerjaan" not in body
    assert "Tembusan" not in body
    assert all_lines[-1] == "NIP. 19720817 199803 2 005"


def test_surat_single_tembusan_is_not_numbered():
    context = sample_context()
    context["surat"]["tembusan"] = ["Sekretaris Daerah Provinsi Bali selaku Atasan PPID"]
    all_lines = lines(render("surat_ppid_pelaksana", context))
    assert all_lines[-2:] == ["Tembusan:", "Sekretaris Daerah Provinsi Bali selaku Atasan PPID"]


def test_pemberitahuan_kurang_lengkap():
    document = render("pemberitahuan_kurang_lengkap", sample_context())
    all_lines = lines(document)
    body = "\n".join(all_lines)
    for expected in ("PEMBERITAHUAN KELENGKAPAN PERMOHONAN INFORMASI PUBLIK",
                     "Yth.\tSaudara/i I Komang Adi Wiranata", "Senin, 16 Maret 2026",
                     "1.\tKolom NIK belum diisi atau tidak terdiri atas 16 angka.",
                     "2.\tFotokopi KTP Pemohon Informasi belum dilampirkan.",
                     "3.\tCara mendapatkan salinan informasi belum dipilih.",
                     "fotokopi identitas", "belum diberikan nomor pendaftaran",
                     "paling lambat 10 (sepuluh) hari kerja sejak diterimanya permintaan informasi.",
                     "Denpasar, 17 Maret 2026", "Petugas Penerima,",
                     "Ni Luh Putu Ayu Lestari, S.I.Kom.", "NIP. 19950214 202012 2 003"):
        assert expected in body, expected
    assert "001/PPID/III/2026" not in body          # no registration number yet
    # Pasal 22 ayat 7 counts from receipt of the request: the notice claims nothing else
    assert "baru mulai dihitung" not in body and "formulir permohonan yang lengkap kami terima" not in body


def test_pemberitahuan_without_name():
    context = sample_context()
    context["pemohon"]["nama"] = context["pemohon"]["tujuan_surat"] = ""
    context["kekurangan"] = ["Nama Pemohon Informasi belum diisi."]
    document = render("pemberitahuan_kurang_lengkap", context)
    body = text(document)
    assert "Yth.\tSaudara/i Pemohon Informasi" in body
    assert "1.\tNama Pemohon Informasi belum diisi." in body
    assert "2.\t" not in body


# --------------------------------------------------------------------------------------------
# answers: written notice (part A / part B), rejection decree, extension

PART_A = ("Penguasaan informasi", "Bentuk fisik yang tersedia", "Biaya yang dibutuhkan",
          "Penyalinan", "Pengiriman", "Lain-lain", "Jumlah", "Waktu penyediaan")


def answer_context(**jawaban) -> dict:
    context = sample_context()
    context["surat"].update(sifat="Biasa", lampiran="-", tembusan=[],
                            hal="Pemberitahuan Tertulis atas Permohonan Informasi Publik")
    context["jawaban"].update(jawaban)
    return context


def part_b(**jawaban) -> dict:
    values = dict(keputusan="tidak-dikuasai", keputusan_teks="Informasi yang diminta belum dikuasai",
                  bagian="B", bagian_judul="Informasi tidak dapat diberikan karena:",
                  alasan_tidak="Informasi yang diminta belum dikuasai", berbayar=False, cara_bayar="",
                  dikuasai_oleh="Badan Pusat Statistik Provinsi Bali",
                  kapan_tersedia="", bentuk="", biaya_salin="", biaya_kirim="", biaya_lain="",
                  biaya_total="", waktu="")
    values.update(jawaban)
    return answer_context(**values)


def test_pemberitahuan_tertulis_part_a():
    document = render("pemberitahuan_tertulis", answer_context())
    all_lines = lines(document)
    body = "\n".join(all_lines)
    for expected in ("Pemberitahuan Tertulis atas Permohonan Informasi Publik", "Biasa",
                     "Yth.\tI Komang Adi Wiranata", "Desa Padangsambian Kaja",
                     "Berdasarkan permohonan informasi pada tanggal 16 Maret 2026 dengan nomor "
                     "pendaftaran 001/PPID/III/2026, kami menyampaikan kepada Saudara/i:",
                     "0812-3456-7890 / komang.wiranata@example.com", "Rencana Strategis",
                     "A.\tInformasi dapat diberikan seluruhnya", "Dinas Pariwisata Provinsi Bali",
                     "softcopy (berkas XLSX)", "Cara pembayaran",
                     "Tunai di meja layanan informasi, dengan tanda terima pembayaran yang terinci",
                     "Rp500,00 × 30 halaman = Rp15.000,00 (lima belas ribu rupiah)",
                     "Rp0,00 (nol rupiah)", "Rp15.000,00 (lima belas ribu rupiah)",
                     "3 (tiga) hari kerja", "Denpasar, 17 Maret 2026",
                     "Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID,",
                     "Dr. I Made Sudarsana, S.Sos., M.Si.", "NIP. 19680531 199703 1 002"):
        assert expected in body, expected
    for label in PART_A:
        assert any(line.split("\t")[-1] == label for line in all_lines), label
    # part B and the optional explanation are left out, without empty lines
    assert "tidak dapat diberikan" not in body
    assert "Penjelasan penghitaman" not in body
    assert "Tembusan" not in body
    assert "B.\t" not in body
    # no empty paragraph is left by the tags: the only empty lines are the two cells beside the
    # "Biaya yang dibutuhkan" heading row
    i = all_lines.index("3.\tBiaya yang dibutuhkan")
    assert [n for n, line in enumerate(all_lines) if not line.strip()] == [i + 1, i + 2]
    assert all_lines[-1] == "NIP. 19680531 199703 1 002"
    # the personal data go to the applicant only: the NIK is not needed
    assert "5171031203900004" not in body


def test_pemberitahuan_tertulis_part_a_with_penghitaman():
    context = answer_context(keputusan="sebagian", keputusan_teks="Informasi dapat diberikan sebagian",
                             bagian_judul="Informasi dapat diberikan sebagian",
                             penghitaman="Nama pengelola usaha akomodasi dihitamkan (data pribadi).")
    all_lines = lines(render("pemberitahuan_tertulis", context))
    assert "A.\tInformasi dapat diberikan sebagian" in all_lines
    i = all_lines.index("5.\tPenjelasan penghitaman/ pengaburan informasi")
    assert all_lines[i + 1:i + 3] == [":", "Nama pengelola usaha akomodasi dihitamkan (data pribadi)."]


def test_pemberitahuan_tertulis_free_of_charge_has_no_payment_line():
    context = answer_context(berbayar=False, cara_bayar="", biaya_salin="Rp0,00 (nol rupiah)",
                             biaya_total="Rp0,00 (nol rupiah)")
    assert "Cara pembayaran" not in text(render("pemberitahuan_tertulis", context))


@pytest.mark.parametrize("alasan", ["Informasi yang diminta belum dikuasai",
                                    "Informasi yang diminta belum didokumentasikan"])
def test_pemberitahuan_tertulis_part_b(alasan):
    context = part_b(alasan_tidak=alasan, kapan_tersedia="Senin, 4 Mei 2026")
    all_lines = lines(render("pemberitahuan_tertulis", context))
    body = "\n".join(all_lines)
    i = all_lines.index("B.\tInformasi tidak dapat diberikan karena:")
    assert all_lines[i + 1: i + 4] == [
        alasan,
        "Informasi tersebut dikuasai oleh Badan Pusat Statistik Provinsi Bali.",
        "Penyediaan informasi yang belum didokumentasikan dilakukan paling lambat pada Senin, 4 Mei 2026.",
    ]
    for label in PART_A:
        assert not any(line.split("\t")[-1] == label for line in all_lines), label
    assert "Informasi dapat diberikan" not in body
    assert "Penjelasan penghitaman" not in body


def test_pemberitahuan_tertulis_part_b_optional_sentences():
    context = part_b(dikuasai_oleh="", kapan_tersedia="")
    all_lines = lines(render("pemberitahuan_tertulis", context))
    i = all_lines.index("B.\tInformasi tidak dapat diberikan karena:")
    assert all_lines[i + 1] == "Informasi yang diminta belum dikuasai"
    assert all_lines[i + 2].startswith("Demikian disampaikan")
    assert "dikuasai oleh" not in "\n".join(all_lines)
    assert "tersedia pada" not in "\n".join(all_lines)


def test_sk_penolakan():
    context = sample_context()
    context["jawaban"].update(keputusan="ditolak", keputusan_teks="Permohonan informasi ditolak",
                              bagian="")
    all_lines = lines(render("sk_penolakan", context))
    body = "\n".join(all_lines)
    title = ["KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", "PEMERINTAH PROVINSI BALI",
             "NOMOR 000.9.2/15/IKP/Diskominfos", "TENTANG", "PENOLAKAN PERMOHONAN INFORMASI PUBLIK"]
    i = all_lines.index(title[0])
    assert all_lines[i:i + 5] == title
    for expected in ("001/PPID/III/2026", "I Komang Adi Wiranata", "Desa Padangsambian Kaja",
                     "0812-3456-7890 / komang.wiranata@example.com", "Rencana Strategis",
                     "Pejabat Pengelola Informasi dan Dokumentasi (PPID) Pemerintah Provinsi Bali memutuskan bahwa "
                     "informasi yang dimohon adalah:",
                     "INFORMASI YANG DIKECUALIKAN",
                     "Pengecualian informasi didasarkan pada alasan:",
                     "Pasal 17 huruf b Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
                     "Informasi Publik",
                     "membuka informasi tersebut dapat menimbulkan konsekuensi sebagai berikut:",
                     "persaingan usaha tidak sehat & kepercayaan",   # '&' escaped and kept
                     "PERMOHONAN INFORMASI DITOLAK",
                     "mengajukan keberatan kepada Atasan PPID selambat-lambatnya "
                     "30 (tiga puluh) hari kerja sejak menerima Surat Keputusan ini.",
                     "Denpasar, 17 Maret 2026", "Dr. I Made Sudarsana, S.Sos., M.Si."):
        assert expected in body, expected
    assert "INFORMASI YANG DIKECUALIKAN" in all_lines      # a line of its own (bold, centred)
    assert "PERMOHONAN INFORMASI DITOLAK" in all_lines
    assert "5171031203900004" not in body


def test_sk_penolakan_other_law_and_delegation():
    context = sample_context()
    basis = ("Pasal 17 huruf j Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik juncto Pasal 65 ayat (2) "
             "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi")
    context["jawaban"]["dasar"] = basis
    context["penandatangan"] = signer_block(Signer(name="Ni Made Sri Wahyuni, S.E., M.M.", delegation="Plh.",
                                                   position="Kepala Dinas Komunikasi, Informatika dan Statistik "
                                                            "Provinsi Bali selaku PPID"))
    context["surat"]["tembusan"] = ["Sekretaris Daerah Provinsi Bali selaku Atasan PPID"]
    all_lines = lines(render("sk_penolakan", context))
    assert basis in all_lines
    # Plh. and the office it acts in on one line, the title unchanged
    assert "Plh. Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID," in all_lines
    assert "Plh." not in all_lines
    assert all_lines[-2:] == ["Tembusan:", "Sekretaris Daerah Provinsi Bali selaku Atasan PPID"]


def test_surat_perpanjangan():
    context = sample_context()
    context["surat"].update(hal="Pemberitahuan Perpanjangan Jangka Waktu", lampiran="-")
    context["jawaban"].update(keputusan="perpanjangan", keputusan_teks="Perpanjangan jangka waktu",
                              bagian="")
    all_lines = lines(render("surat_perpanjangan", context))
    body = "\n".join(all_lines)
    for expected in ("Pemberitahuan Perpanjangan Jangka Waktu", "Yth.\tI Komang Adi Wiranata",
                     "001/PPID/III/2026", "Senin, 16 Maret 2026", "Rencana Strategis",
                     "Selasa, 7 April 2026", "10 (sepuluh) hari kerja",
                     "Informasi yang dimohon berupa data tahun 2025 masih dalam proses "
                     "rekapitulasi dan verifikasi oleh Dinas Pariwisata Provinsi Bali selaku PPID "
                     "Pelaksana.",
                     "Pasal 22 ayat (8) Undang-Undang Nomor 14 Tahun 2008",
                     "memperpanjang jangka waktu pemberitahuan tertulis selama 7 (tujuh) hari kerja",
                     "paling lambat pada hari Kamis, 16 April 2026.",
                     "Denpasar, 17 Maret 2026", "Dr. I Made Sudarsana, S.Sos., M.Si.",
                     "Tembusan:", "1.\tSekretaris Daerah Provinsi Bali selaku Atasan PPID"):
        assert expected in body, expected
    assert "5171031203900004" not in body


# --------------------------------------------------------------------------------------------
# the QR code of the document ID in every footer

IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def footer_images(document: Document) -> list[bytes]:
    part = document.sections[0].footer.part
    return [rel.target_part.blob for rel in part.rels.values() if rel.reltype == IMAGE_REL]


@pytest.mark.parametrize("name", NAMES)
def test_footer_carries_the_qr_code(name):
    document = render(name, sample_context(), qr=True)
    assert footer_images(document) == [qr_png()]
    footer = document.sections[0].footer
    row = footer.tables[0].rows[0]
    drawings = row.cells[0]._tc.findall(".//" + qn("w:drawing"))
    assert len(drawings) == 1                                  # the QR code, left ...
    assert row.cells[1].text == "2026-001-PPL-01"              # ... beside the document ID
    assert row.cells[2].text.startswith("Halaman")
    extent = drawings[0].find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
    assert int(extent.get("cx")) == Mm(16)
    assert len(footer.tables) == 1 and len(footer.tables[0].rows) == 1     # one line high
    # the body has no picture: the image went to the footer part
    assert not document.element.body.findall(".//" + qn("w:drawing"))


@pytest.mark.parametrize("name", ["surat_ppid_pelaksana", "tanda_terima_keberatan"])
def test_footer_without_qr_code(name):
    document = render(name, sample_context())
    assert footer_images(document) == []
    footer = document.sections[0].footer
    assert not footer._element.findall(".//" + qn("w:drawing"))
    assert "2026-001-PPL-01" in footer_text(document)


# --------------------------------------------------------------------------------------------
# objections: receipt, the Atasan PPID's nota dinas, the answer

ATASAN = signer_block(ATASAN_SIGNER)


def objection_context(**keberatan) -> dict:
    """The sample objection, registered Monday 13 April 2026 against the request 001/PPID/III/2026."""
    context = sample_context()
    context["kasus"].update(nomor="001/KEB/PPID/IV/2026", jenis="keberatan",
                            tanggal_diterima="13 April 2026",
                            hari_tanggal_diterima="Senin, 13 April 2026")
    context["surat"].update(tanggal="13 April 2026", tempat_tanggal="Denpasar, 13 April 2026",
                            lampiran="-", tembusan=[])
    context["dokumen"].update(id="2026-001-KEB-02")
    context["keberatan"].update(keberatan)
    return context


def test_tanda_terima_keberatan():
    document = render("tanda_terima_keberatan", objection_context())
    all_lines = lines(document)
    body = "\n".join(all_lines)
    for expected in ("TANDA BUKTI PENERIMAAN KEBERATAN", "Nomor Registrasi Keberatan",
                     "001/KEB/PPID/IV/2026", "Nomor Pendaftaran Permohonan", "001/PPID/III/2026",
                     "Senin, 13 April 2026", "Bahan penyusunan skripsi tentang pariwisata berkelanjutan",
                     "I Komang Adi Wiranata", "5171031203900004", "Desa Padangsambian Kaja",
                     "Mahasiswa", "0812-3456-7890 / komang.wiranata@example.com",
                     "rahasia usaha & wajib dibuka",          # '&' escaped and kept
                     "Hari/tanggal tanggapan atas keberatan akan diberikan: Selasa, 2 Juni 2026, "
                     "dua Juni dua ribu dua puluh enam, yaitu 30 (tiga puluh) hari kerja sejak keberatan diterima.",
                     "Pasal 36 ayat (2)", "Denpasar, 13 April 2026", "Pengaju Keberatan,",
                     "Petugas Penerima,", "Ni Luh Putu Ayu Lestari, S.I.Kom.",
                     "NIP. 19950214 202012 2 003", "Catatan:"):
        assert expected in body, expected
    i = all_lines.index("Alasan pengajuan keberatan:")
    assert all_lines[i + 1:i + 4] == ["a.\tPermohonan informasi ditolak",
                                      "g.\tInformasi disampaikan melebihi jangka waktu yang ditentukan",
                                      "Kasus posisi:"]
    assert "Identitas Kuasa Pemohon" not in body     # {%tr if %} rows dropped without a proxy
    assert all_lines.count("Alamat") == 1
    assert "terlambat" not in body.lower()
    # the objector signs on the left, under his own name
    assert all_lines.count("I Komang Adi Wiranata") == 2


def test_tanda_terima_keberatan_proxy_late_and_without_request():
    note = ("Keberatan ini diajukan lebih dari 30 (tiga puluh) hari kerja sejak alasan keberatan "
            "ditemukan (Pasal 36 ayat (1) Undang-Undang Nomor 14 Tahun 2008).")
    context = objection_context(nomor_permohonan="", kuasa_nama="Kadek Dwi Pratama, S.H.",
                                kuasa_alamat="Jalan Hayam Wuruk Nomor 12, Denpasar",
                                kuasa_telepon="0813-3700-1122", terlambat=note,
                                alasan=["b. Informasi berkala tidak disediakan"])
    context["pemohon"]["pekerjaan"] = ""
    all_lines = lines(render("tanda_terima_keberatan", context))
    body = "\n".join(all_lines)
    i = all_lines.index("Nomor Pendaftaran Permohonan")
    assert all_lines[i + 1:i + 3] == [":", "-"]
    i = all_lines.index("Identitas Kuasa Pemohon")
    assert all_lines[i + 3:i + 12] == ["Nama", ":", "Kadek Dwi Pratama, S.H.",
                                       "Alamat", ":", "Jalan Hayam Wuruk Nomor 12, Denpasar",
                                       "Nomor Telepon", ":", "0813-3700-1122"]
    assert note in all_lines
    assert "Pekerjaan" not in body
    assert "b.\tInformasi berkala tidak disediakan" in all_lines
    # the proxy files the objection and signs it
    j = all_lines.index("Pengaju Keberatan,")
    assert "Kadek Dwi Pratama, S.H." in all_lines[j:]


def test_alasan_without_letters_are_numbered():
    context = objection_context(alasan=["Biaya penggandaan yang dikenakan tidak wajar.",
                                        "Informasi diberikan tidak sesuai dengan yang diminta."])
    all_lines = lines(render("nota_atasan_keberatan", context))
    assert "1.\tBiaya penggandaan yang dikenakan tidak wajar." in all_lines
    assert "2.\tInformasi diberikan tidak sesuai dengan yang diminta." in all_lines


def nota_context(**keberatan) -> dict:
    context = objection_context(**keberatan)
    context["penandatangan"] = dict(ATASAN)
    context["surat"].update(nomor="000.9.2/31/IKP/Diskominfos", sifat="Segera",
                            hal="Penanganan Keberatan atas Permohonan Informasi Publik",
                            tembusan=["Pertinggal"])
    return context


def test_nota_atasan_keberatan():
    all_lines = lines(render("nota_atasan_keberatan", nota_context()))
    body = "\n".join(all_lines)
    i = all_lines.index("NOTA DINAS")
    head = all_lines[i + 1:i + 22]
    assert head == [
        "Kepada", ":", "Yth. Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID",
        "Dari", ":", "Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
        "Tanggal", ":", "13 April 2026",
        "Nomor", ":", "000.9.2/31/IKP/Diskominfos",
        "Sifat", ":", "Segera",
        "Lampiran", ":", "-",
        "Hal", ":", "Penanganan Keberatan atas Permohonan Informasi Publik"]
    for expected in ("Pada hari Senin, 13 April 2026 telah diterima keberatan dengan Nomor "
                     "Registrasi 001/KEB/PPID/IV/2026 yang diajukan oleh Saudara/i I Komang Adi "
                     "Wiranata atas permohonan informasi publik Nomor Pendaftaran "
                     "001/PPID/III/2026, dengan alasan keberatan:",
                     "a.\tPermohonan informasi ditolak",
                     "g.\tInformasi disampaikan melebihi jangka waktu yang ditentukan",
                     "Pasal 36 ayat (2) Undang-Undang Nomor 14 Tahun 2008",
                     "paling lambat pada hari Selasa, 2 Juni 2026, yaitu 30 (tiga puluh) hari kerja sejak "
                     "keberatan diterima.",
                     "paling lambat pada hari Senin, 20 April 2026, yaitu 5 (lima) hari kerja sejak "
                     "keberatan diterima,",
                     "paling lambat pada hari Rabu, 22 April 2026, yaitu 2 (dua) hari kerja",
                     "Demikian disampaikan untuk dilaksanakan.",
                     "Ir. Ni Made Sukerti, M.T.", "NIP. 19680315 199303 2 004"):
        assert expected in body, expected
    assert all_lines[-2:] == ["Tembusan:", "Pertinggal"]
    # an internal memo: none of the objector's personal data
    for private in ("5171031203900004", "0812-3456-7890", "komang.wiranata@example.com",
                    "Padangsambian", "Kasus posisi"):
        assert private not in body, private


def test_nota_without_request_number():
    body = text(render("nota_atasan_keberatan", nota_context(nomor_permohonan="")))
    assert "Wiranata, dengan alasan keberatan:" in body
    assert "Nomor Pendaftaran" not in body


def tanggapan_context(**jawaban) -> dict:
    context = objection_context()
    context["penandatangan"] = dict(ATASAN)
    context["surat"].update(nomor="000.9.2/40/IKP/Diskominfos", sifat="Biasa",
                            tanggal="22 April 2026", tempat_tanggal="Denpasar, 22 April 2026",
                            hal="Tanggapan atas Keberatan",
                            tembusan=["Kepala Dinas Komunikasi, Informatika dan Statistik "
                                      "Provinsi Bali selaku PPID", "Pertinggal"])
    context["jawaban"].update(keputusan="ditolak", keputusan_teks="Menguatkan Keputusan PPID",
                              bagian="", **jawaban)
    return context


def test_tanggapan_keberatan():
    all_lines = lines(render("tanggapan_keberatan", tanggapan_context()))
    body = "\n".join(all_lines)
    for expected in ("000.9.2/40/IKP/Diskominfos", "Tanggapan atas Keberatan",
                     "Yth.\tI Komang Adi Wiranata", "Desa Padangsambian Kaja",
                     "Menindaklanjuti keberatan yang Saudara/i ajukan dan telah kami terima "
                     "pada tanggal 13 April 2026 dengan Nomor Registrasi Keberatan "
                     "001/KEB/PPID/IV/2026 atas permohonan informasi publik Nomor Pendaftaran "
                     "001/PPID/III/2026, dengan alasan keberatan:",
                     "a.\tPermohonan informasi ditolak",
                     "Atasan PPID menguatkan Keputusan PPID Nomor 000.9.2/21/IKP/Diskominfos",
                     "Apabila Saudara/i tidak puas dengan tanggapan ini, Saudara/i dapat mengajukan "
                     "permohonan penyelesaian sengketa informasi publik kepada Komisi Informasi "
                     "Provinsi Bali paling lambat 14 (empat belas) hari kerja sejak tanggapan ini "
                     "diterima, sesuai Pasal 37 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
                     "Informasi Publik.",
                     "Denpasar, 22 April 2026",
                     "Sekretaris Daerah Provinsi Bali selaku Atasan PPID,",
                     "Ir. Ni Made Sukerti, M.T.", "NIP. 19680315 199303 2 004", "Tembusan:",
                     "1.\tKepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali selaku PPID",
                     "2.\tPertinggal"):
        assert expected in body, expected
    assert "Menguatkan Keputusan PPID" in all_lines            # a line of its own, in bold
    assert "5171031203900004" not in body


def test_tanggapan_decision_is_bold():
    document = render("tanggapan_keberatan", tanggapan_context())
    paragraph = next(p for p in document.paragraphs if p.text == "Menguatkan Keputusan PPID")
    assert paragraph.style.font.bold or all(run.bold for run in paragraph.runs)


# --------------------------------------------------------------------------------------------
# every variable a template uses is documented

def _template_source(name: str) -> str:
    """The Jinja source docxtpl builds from the template (body, headers and footers)."""
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    template.init_docx()
    source = template.patch_xml(template.get_xml())
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _rel, part in template.get_headers_footers(uri):
            source += template.patch_xml(template.xml_to_string(part._element))
    return source


def _dotted_names(source: str, top_level: set[str]) -> set[str]:
    """``kasus.nomor``-style names: attribute chains on undeclared top-level variables."""
    found = set()
    tree = Environment().parse(source)
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name in top_level:
            found.add(f"{node.node.name}.{node.attr}")
    for node in tree.find_all(nodes.Name):
        if node.name in top_level and node.ctx == "load":
            found.add(node.name)
    return found


def _documented_names() -> set[str]:
    """Names in the first column of the tables under the README's "## Variables" heading."""
    names = set()
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index("\n## Variables") + 1:]
    end = section.find("\n## ")
    if end >= 0:
        section = section[:end]
    for line in section.splitlines():
        match = re.match(r"\|\s*`([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)`\s*\|", line)
        if match:
            names.add(match.group(1))
    return names


@pytest.mark.parametrize("name", NAMES)
def test_every_variable_is_documented(name):
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    top_level = template.get_undeclared_template_variables()
    assert top_level, "no variables found: is the template empty?"
    documented = _documented_names()
    documented_roots = {n.split(".")[0] for n in documented}
    assert top_level <= documented_roots, sorted(top_level - documented_roots)
    used = _dotted_names(_template_source(name), top_level)
    attributes = {n for n in used if "." in n}
    assert attributes, "no attribute access found"
    missing = {n for n in attributes if n not in documented}
    assert not missing, f"{name}: not documented in templates_docx/README.md: {sorted(missing)}"


def test_sample_context_matches_readme():
    """The README table and the sample context describe the same variables."""
    documented = _documented_names()
    context_names = set()
    for key, value in sample_context().items():
        if isinstance(value, dict):
            context_names |= {f"{key}.{sub}" for sub in value}
        else:
            context_names.add(key)
    assert context_names <= documented, sorted(context_names - documented)
    leaves = {n for n in documented if "." in n} | {n for n in documented
                                                     if not any(d.startswith(n + ".") for d in documented)}
    assert leaves <= context_names, sorted(leaves - context_names)


def test_strict_rendering_refuses_a_missing_variable():
    context = copy.deepcopy(sample_context())
    del context["kasus"]["hari_tenggat"]
    with pytest.raises(Exception, match="hari_tenggat"):
        render("tanda_terima_permohonan", context)



# --------------------------------------------------------------------------------------------
# the DIP and DIK decrees and the correction note (pipeline.intake.lists builds the ``daftar`` group)

FORMS = ROOT / "tests" / "forms"
KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"


def dip_entries() -> list[DipEntry]:
    """Entries of three OPDs in arrival order; the decree orders them A, B, C and by OPD."""
    def entry(category, ringkasan, opd, row):
        return DipEntry(category, ringkasan, "Subbagian Umum", "Sekretaris Dinas", "2026, Denpasar",
                        "Cetak dan elektronik", "5 tahun", opd, row)
    return [
        entry("setiap_saat", "Daftar Informasi Publik Dinas Perhubungan", "Dinas Perhubungan Provinsi Bali", 15),
        entry("berkala", "Data angkutan umum & trayek bus AKDP", "Dinas Perhubungan Provinsi Bali", 8),
        entry("berkala", "Laporan Keuangan Dinas Kesehatan Tahun 2025", "Dinas Kesehatan Provinsi Bali", 7),
        entry("serta_merta", "Informasi kejadian luar biasa penyakit menular", "Dinas Kesehatan Provinsi Bali", 9),
        entry("berkala", "Profil Dinas Kesehatan", "Dinas Kesehatan Provinsi Bali", 6),
    ]


def decree_context(**daftar_kwargs) -> dict:
    context = sample_context()
    context["penandatangan"] = dict(ATASAN)
    context["surat"].update(nomor="000.9.2/123/Setda", tanggal="17 Maret 2026",
                            tempat_tanggal="Denpasar, 17 Maret 2026", hal="Daftar Informasi Publik")
    context["daftar"] = daftar_context(**{"year": 2026, **daftar_kwargs})
    return context


def unique_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def lampiran_structure(table) -> list:
    """[(category heading, [(opd, [(no, ringkasan, …, retensi), …]), …]), …] read from the table rows
    below its two header rows."""
    structure = []
    for row in table.rows[2:]:
        cells = unique_cells(row)
        texts = [c.text for c in cells]
        if len(cells) == 1 and texts[0] in CATEGORIES.values():
            structure.append((texts[0], []))
        elif len(cells) == 1:
            structure[-1][1].append((texts[0], []))
        else:
            structure[-1][1][-1][1].append(tuple(texts))
    return structure


def expected_structure(entries: list[DipEntry]) -> list:
    out = []
    for number, e in daftar_mod.ordered(entries):
        heading = CATEGORIES[e.category]
        if not out or out[-1][0] != heading:
            out.append((heading, []))
        if not out[-1][1] or out[-1][1][-1][0] != e.opd:
            out[-1][1].append((e.opd, []))
        out[-1][1][-1][1].append((str(number), e.ringkasan, e.penguasa, e.penanggung_jawab, e.waktu_tempat,
                                  e.bentuk, e.retensi))
    return out


def test_sk_dip_decree_text():
    document = render("sk_dip", decree_context(entries=dip_entries()))
    all_lines = lines(document)
    i = all_lines.index("KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID")
    assert all_lines[i:i + 6] == [
        "KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID", "NOMOR 000.9.2/123/Setda", "TENTANG",
        "DAFTAR INFORMASI PUBLIK", "DI LINGKUNGAN PEMERINTAH PROVINSI BALI TAHUN 2026",
        "SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID,",
    ]
    body = "\n".join(all_lines)
    for expected in ("Menimbang", "a.\tbahwa berdasarkan Pasal 9, Pasal 10, dan Pasal 11 " + KIP,
                     "Mengingat", "1.\t" + KIP + ";",
                     "2.\tPeraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan",
                     "3.\tPeraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik;",
                     "MEMUTUSKAN:", "Menetapkan", "KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID "
                     "TENTANG DAFTAR INFORMASI PUBLIK DI LINGKUNGAN PEMERINTAH PROVINSI BALI TAHUN 2026.",
                     "KESATU", "Menetapkan Daftar Informasi Publik di Lingkungan Pemerintah Provinsi Bali Tahun 2026 "
                     "sebagaimana tercantum dalam Lampiran", "KEDUA", "KETIGA", "KEEMPAT",
                     "Keputusan ini mulai berlaku pada tanggal ditetapkan.", "Ditetapkan di Denpasar",
                     "pada tanggal 17 Maret 2026", "Ir. Ni Made Sukerti, M.T.", "NIP. 19680315 199303 2 004",
                     "LAMPIRAN", "TENTANG", "DAFTAR INFORMASI PUBLIK DI LINGKUNGAN PEMERINTAH PROVINSI BALI TAHUN 2026"):
        assert expected in body, expected
    assert "KELIMA" not in body
    # the annex starts on a new page
    lampiran = next(p for p in document.paragraphs if p.text == "LAMPIRAN")
    assert lampiran.paragraph_format.page_break_before
    # signed twice: under the decree and under the annex
    assert all_lines.count("Ir. Ni Made Sukerti, M.T.") == 2


def test_sk_dip_lampiran_holds_exactly_the_given_entries():
    entries = dip_entries()
    document = render("sk_dip", decree_context(entries=entries))
    table = document.tables[-1]
    headers = [c.text for c in table.rows[0].cells]
    assert headers[0] == "No" and headers[1] == "Ringkasan Isi Informasi" and len(headers) == 7
    assert [c.text for c in table.rows[1].cells] == [f"({n})" for n in range(1, 8)]
    for row in table.rows[:2]:                       # repeated on every page
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    structure = lampiran_structure(table)
    assert structure == expected_structure(entries)
    assert [heading[:2] for heading, _ in structure] == ["A.", "B.", "C."]
    assert [opd for opd, _ in structure[0][1]] == ["Dinas Kesehatan Provinsi Bali", "Dinas Perhubungan Provinsi Bali"]
    assert [row[0] for _, opds in structure for _, rows in opds for row in rows] == ["1", "2", "3", "4", "5"]
    assert "Data angkutan umum & trayek bus AKDP" in text(document)   # '&' escaped and kept


def test_sk_dip_lampiran_from_the_samples():
    entries = []
    for name in ("dip-dinkes.xlsx", "dip-dishub.xlsx", "dip-bapenda-perbaikan.xlsx"):
        document = read_form(FORMS / name)
        found, problems = daftar_mod.validate_dip(document.records, opd=daftar_mod.opd_of(document))
        assert problems == []
        entries += found
    document = render("sk_dip", decree_context(entries=entries))
    assert lampiran_structure(document.tables[-1]) == expected_structure(entries)
    assert sum(len(rows) for _, opds in lampiran_structure(document.tables[-1]) for _, rows in opds) == 17


def test_sk_dip_without_entries_and_with_delegation():
    context = decree_context()
    context["penandatangan"] = signer_block(Signer(name="Ir. Ni Made Sukerti, M.T.", delegation="a.n.",
                                                   on_behalf_of="Gubernur Bali", position="Sekretaris Daerah"))
    document = render("sk_dip", context)
    all_lines = lines(document)
    assert "KEPUTUSAN GUBERNUR BALI" in all_lines and "GUBERNUR BALI," in all_lines
    assert "a.n. GUBERNUR BALI" in all_lines and "SEKRETARIS DAERAH," in all_lines
    assert len(document.tables[-1].rows) == 2      # the header only


def test_sk_dik_renders_every_consequence_test_row():
    dik, problems = daftar_mod.validate_dik(read_form(FORMS / "dik-usulan.xlsx").records)
    assert problems == []
    document = render("sk_dik", decree_context(dik=dik))
    all_lines = lines(document)
    i = all_lines.index("KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID")
    assert all_lines[i + 2:i + 5] == ["TENTANG", "PENETAPAN DAFTAR INFORMASI YANG DIKECUALIKAN",
                                      "DI LINGKUNGAN PEMERINTAH PROVINSI BALI"]
    body = "\n".join(all_lines)
    for expected in ("bahwa berdasarkan Pasal 17 " + KIP, "Pasal 19", "Tim Pertimbangan", "uji konsekuensi",
                     "Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik;",
                     "MEMUTUSKAN:", "KELIMA", "(Hasil Uji Konsekuensi PPID bersama Tim Pertimbangan)"):
        assert expected in body, expected
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "No", "Informasi yang Dikecualikan", "Dasar Hukum Pengecualian", "Konsekuensi bila Dibuka",
        "Konsekuensi bila Ditutup", "Jangka Waktu Pengecualian", "Pejabat/Unit yang Menguasai",
    ]
    rows = [tuple(c.text for c in row.cells) for row in table.rows[2:]]
    assert rows == [(str(n), e.informasi, e.dasar_teks, e.konsekuensi_dibuka, e.konsekuensi_ditutup, e.jangka_waktu,
                     e.unit) for n, e in enumerate(dik, start=1)]
    assert rows[2][2].startswith("Pasal 17 huruf j " + KIP + " juncto Pasal 172")


def test_koreksi_dip_lists_each_problem():
    document_in = read_form(FORMS / "dip-bapenda-salah.xlsx")
    opd = daftar_mod.opd_of(document_in)
    _, problems = daftar_mod.validate_dip(document_in.records, opd=opd)
    context = decree_context(opd=opd, problems=problems, nomor_pengajuan="000.9/112/Bapenda",
                             tanggal_pengajuan=date(2026, 3, 9))
    context["penandatangan"].update(sample_context()["penandatangan"])
    context["tujuan"] = {"nama": "Kepala Badan Pendapatan Daerah Provinsi Bali selaku PPID Pelaksana",
                         "tempat": "Denpasar"}
    context["surat"]["hal"] = "Perbaikan Daftar Informasi Publik"
    document = render("koreksi_dip", context)
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Baris", "Kolom", "Masalah"]
    rows = [tuple(c.text for c in row.cells) for row in table.rows[1:]]
    assert rows == [(str(p.row), p.column, p.message) for p in problems]
    assert [r[0] for r in rows] == ["5", "6", "8"]
    body = text(document)
    for expected in ("Yth.\tKepala Badan Pendapatan Daerah Provinsi Bali selaku PPID Pelaksana",
                     "Daftar Informasi Publik (DIP) Badan Pendapatan Daerah Provinsi Bali Tahun 2026 dengan surat "
                     "Nomor 000.9/112/Bapenda yang kami terima pada tanggal 9 Maret 2026",
                     "Perbaikan Daftar Informasi Publik", "menyampaikan kembali", "Dr. I Made Sudarsana, S.Sos., M.Si."):
        assert expected in body, expected


def test_koreksi_dip_without_letter_number_or_date():
    context = decree_context(opd="Dinas Sosial Provinsi Bali",
                             problems=[RowProblem(None, "PPID Pelaksana/OPD", "Nama OPD tidak ditemukan.")])
    body = text(render("koreksi_dip", context))
    assert "Dinas Sosial Provinsi Bali Tahun 2026, bersama ini kami sampaikan" in body
    assert "dengan surat Nomor" not in body and "kami terima pada tanggal" not in body
    assert "-\nPPID Pelaksana/OPD\nNama OPD tidak ditemukan." in body


@pytest.mark.parametrize("name", NAMES)
def test_rendered_letter_keeps_only_the_styles_it_uses(name):
    from pipeline.core.config import PaperSettings
    from pipeline.render.templates import render_docx

    data = render_docx(TEMPLATES / f"{name}.docx", sample_context(), PaperSettings())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = set(package.namelist())
        xml = "".join(package.read(n).decode("utf-8") for n in parts
                      if n.startswith("word/") and n.endswith(".xml") and n != "word/styles.xml")
    assert "word/stylesWithEffects.xml" not in parts and "docProps/thumbnail.jpeg" not in parts
    document = Document(io.BytesIO(data))
    defined = {style.style_id for style in document.styles}
    referenced = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', xml))
    assert referenced and referenced <= defined
    assert len(defined) < len(Document(TEMPLATES / f"{name}.docx").styles) / 4
    assert lines(document) == lines(render(name, sample_context()))   # same text, paragraph for paragraph


# --------------------------------------------------------------------------------------------
# issue 15: foreign words in italics, in the template's text and in values

def italic_words(document: Document) -> set[str]:
    return {run.text.strip().lower() for paragraph in _all_paragraphs(document) for run in paragraph.runs
            if run.italic and run.text.strip()}


def _all_paragraphs(document: Document):
    yield from document.paragraphs
    for table in document.tables:
        yield from _cell_paragraphs(table)


def test_foreign_words_are_printed_in_italics():
    from pipeline.core.config import load_config
    from pipeline.render.templates import render_docx
    from tests.letter_samples import context_args

    config = load_config(ROOT / "config.toml")
    for key, words in (("surat_ppid_pelaksana", {"softcopy", "hardcopy"}), ("pemberitahuan_tertulis", {"softcopy",
                        "hardcopy"}), ("tanda_terima_permohonan", {"hardcopy/softcopy"} | {"hardcopy", "softcopy"})):
        spec = letters.SPECS[key]
        context = letters.letter_context(config, spec, letters.LetterMeta("1", "DOK-2026-000001"),
                                         **context_args(config, spec))
        document = Document(io.BytesIO(render_docx(TEMPLATES / spec.template, context, config.paper)))
        found = italic_words(document)
        assert found & words, (key, found)
        body = text(document)
        for word in ("softcopy", "hardcopy"):
            if word in body:
                assert any(word in w for w in found), (key, word)


def test_a_value_with_foreign_words_becomes_runs_with_them_in_italics():
    rich = italicised("Mendapatkan salinan informasi (hardcopy/softcopy) melalui e-mail")
    xml = str(rich)
    assert xml.count("<w:i/>") == 3 and "Mendapatkan salinan informasi (" in xml
