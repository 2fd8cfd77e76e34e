"""The Word templates in templates_docx/ render with strict variables and say what they must say.

Run ``.venv/bin/python tools/make_templates.py`` after changing the builder; these tests read the
committed .docx files.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, nodes

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates_docx"
README = TEMPLATES / "README.md"
NAMES = ["tanda_terima_permohonan", "surat_ppid_pelaksana", "pemberitahuan_kurang_lengkap",
         "pemberitahuan_tertulis", "sk_penolakan", "surat_perpanjangan"]


def sample_context() -> dict:
    """A complete context as the pipeline builds it (Province of Bali, request of 16 March 2026:
    cuti bersama 18, 20, 23, 24 March and Good Friday 3 April make the notice due 7 April)."""
    return {
        "instansi": {
            "pemerintah": "PEMERINTAH PROVINSI BALI",
            "nama": "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
            "nama_singkat": "Diskominfos",
            "alamat": "Jalan D.I. Panjaitan Nomor 7, Niti Mandala Renon",
            "kota": "Denpasar",
            "telepon": "(0361) 229740",
            "email": "ppid@baliprov.go.id",
            "laman": "ppid.baliprov.go.id",
            "kop": [],
        },
        "surat": {
            "nomor": "000.9.2/15/IKP/Diskominfos",
            "tanggal": "17 Maret 2026",
            "tempat_tanggal": "Denpasar, 17 Maret 2026",
            "sifat": "Segera",
            "lampiran": "1 (satu) berkas",
            "hal": "Permohonan Informasi Publik Nomor Pendaftaran 001/PPID/III/2026",
            "tembusan": ["Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
                         "Pertinggal"],
        },
        "dokumen": {"id": "2026-001-PPL-01", "judul": "Surat kepada PPID Pelaksana"},
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
        },
        "permohonan": {
            "rincian": "Data jumlah kunjungan wisatawan mancanegara per kabupaten/kota di Provinsi "
                       "Bali Tahun 2024 dan 2025 serta dokumen Rencana Strategis Dinas Pariwisata "
                       "Provinsi Bali Tahun 2024-2026",
            "tujuan": "Bahan penyusunan skripsi tentang pariwisata berkelanjutan & tata kelola data",
            "cara_memperoleh": "Mendapatkan salinan informasi (softcopy)",
            "cara_salinan": "Email",
        },
        "tujuan": {"nama": "Kepala Dinas Pariwisata Provinsi Bali selaku PPID Pelaksana",
                   "tempat": "Denpasar"},
        "penandatangan": {
            "jabatan": "Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali "
                       "selaku PPID",
            "nama": "Dr. I Made Sudarsana, S.Sos., M.Si.",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "nip": "19680531 199703 1 002",
            "awalan": "",
            "atas_nama": "",
        },
        "penerima": {
            "jabatan": "Pengelola Layanan Informasi Publik",
            "nama": "Ni Luh Putu Ayu Lestari, S.I.Kom.",
            "pangkat": "Penata Muda (III/a)",
            "nip": "19950214 202012 2 003",
            "awalan": "",
            "atas_nama": "",
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
            "bentuk": "Softcopy (berkas XLSX) dan hardcopy (fotokopi Rencana Strategis)",
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
        },
    }


def render(name: str, context: dict) -> Document:
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
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
    context["instansi"]["kop"] = ["PEMERINTAH PROVINSI BALI", "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
                                  "Jalan D.I. Panjaitan No. 7 Renon, Denpasar 80235"]
    document = render("surat_ppid_pelaksana", context)
    first = lines(document)[:3]
    assert first == context["instansi"]["kop"]
    assert "DENPASAR" not in lines(document)      # the built-in lines are replaced


def test_tanda_terima():
    document = render("tanda_terima_permohonan", sample_context())
    body = text(document)
    assert "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK" in body
    for expected in ("001/PPID/III/2026", "I Komang Adi Wiranata", "5171031203900004",
                     "Senin, 16 Maret 2026", "Selasa, 7 April 2026",
                     "(10 (sepuluh) hari kerja sejak permohonan diterima)",
                     "7 (tujuh) hari kerja", "Mahasiswa",
                     "0812-3456-7890 / komang.wiranata@example.com",
                     "tata kelola data",                  # '&' escaped and kept
                     "Denpasar, 17 Maret 2026", "Pemohon Informasi,", "Petugas Penerima,",
                     "Ni Luh Putu Ayu Lestari, S.I.Kom.", "Penata Muda (III/a)",
                     "NIP. 19950214 202012 2 003", "Catatan:"):
        assert expected in body, expected
    assert "& tata kelola data" in body
    assert "Nama Kuasa Pemohon" not in body      # {%tr if %} row dropped without a proxy


def test_tanda_terima_optional_rows_and_officer_lines():
    context = sample_context()
    context["pemohon"]["nama_kuasa"] = "Kadek Dwi Pratama"
    context["pemohon"]["pekerjaan"] = ""
    context["penerima"].update(pangkat="", nip="")
    document = render("tanda_terima_permohonan", context)
    body = text(document)
    assert "Nama Kuasa Pemohon" in body and "Kadek Dwi Pratama" in body
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
                     "(pekerjaan: Mahasiswa)", "Pasal 22", "Selasa, 7 April 2026",
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
    context["penandatangan"].update(
        awalan="a.n.", atas_nama="Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali",
        jabatan="Sekretaris", nama="Ni Made Sri Wahyuni, S.E., M.M.",
        pangkat="Pembina Tingkat I (IV/b)", nip="19720817 199803 2 005")
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
                     "10 (sepuluh) hari kerja", "Denpasar, 17 Maret 2026", "Petugas Penerima,",
                     "Ni Luh Putu Ayu Lestari, S.I.Kom.", "NIP. 19950214 202012 2 003"):
        assert expected in body, expected
    assert "001/PPID/III/2026" not in body          # no registration number yet


def test_pemberitahuan_without_name():
    context = sample_context()
    context["pemohon"]["nama"] = ""
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
    values = dict(keputusan="tidak-dikuasai", keputusan_teks="Informasi tidak dapat diberikan",
                  bagian="B", alasan_tidak="Informasi yang diminta belum dikuasai",
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
                     "Informasi dapat diberikan seluruhnya", "Dinas Pariwisata Provinsi Bali",
                     "Softcopy (berkas XLSX)",
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
    # no empty paragraph is left by the tags: the only empty lines are the two cells beside the
    # "Biaya yang dibutuhkan" heading row
    i = all_lines.index("3.\tBiaya yang dibutuhkan")
    assert [n for n, line in enumerate(all_lines) if not line.strip()] == [i + 1, i + 2]
    assert all_lines[-1] == "NIP. 19680531 199703 1 002"
    # the personal data go to the applicant only: the NIK is not needed
    assert "5171031203900004" not in body


def test_pemberitahuan_tertulis_part_a_with_penghitaman():
    context = answer_context(keputusan="sebagian", keputusan_teks="Informasi dapat diberikan sebagian",
                             penghitaman="Nama pengelola usaha akomodasi dihitamkan (data pribadi).")
    body = text(render("pemberitahuan_tertulis", context))
    assert "Informasi dapat diberikan sebagian" in body
    assert ("Penjelasan penghitaman/pengaburan informasi yang dimohon: "
            "Nama pengelola usaha akomodasi dihitamkan (data pribadi).") in body


@pytest.mark.parametrize("alasan", ["Informasi yang diminta belum dikuasai",
                                    "Informasi yang diminta belum didokumentasikan"])
def test_pemberitahuan_tertulis_part_b(alasan):
    context = part_b(alasan_tidak=alasan, kapan_tersedia="Senin, 4 Mei 2026")
    all_lines = lines(render("pemberitahuan_tertulis", context))
    body = "\n".join(all_lines)
    i = all_lines.index("Informasi tidak dapat diberikan karena:")
    assert all_lines[i + 1: i + 4] == [
        alasan,
        "Informasi tersebut dikuasai oleh Badan Pusat Statistik Provinsi Bali.",
        "Informasi akan didokumentasikan/tersedia pada Senin, 4 Mei 2026.",
    ]
    for label in PART_A:
        assert not any(line.split("\t")[-1] == label for line in all_lines), label
    assert "Informasi dapat diberikan" not in body
    assert "Penjelasan penghitaman" not in body


def test_pemberitahuan_tertulis_part_b_optional_sentences():
    context = part_b(dikuasai_oleh="", kapan_tersedia="")
    all_lines = lines(render("pemberitahuan_tertulis", context))
    i = all_lines.index("Informasi tidak dapat diberikan karena:")
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
                     "PPID Diskominfos memutuskan bahwa informasi yang dimohon adalah:",
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
    context["jawaban"]["dasar"] = ("Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan")
    context["penandatangan"].update(awalan="Plh.", atas_nama="Pejabat Pengelola Informasi dan "
                                    "Dokumentasi", jabatan="Sekretaris")
    context["surat"]["tembusan"] = ["Sekretaris Daerah Provinsi Bali selaku Atasan PPID"]
    all_lines = lines(render("sk_penolakan", context))
    assert "Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan" in all_lines
    assert "Plh. Pejabat Pengelola Informasi dan Dokumentasi" in all_lines
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
