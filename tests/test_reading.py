"""Tests of pipeline.intake.reading on the committed samples (tests/forms/) and on generated edge cases."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from openpyxl import Workbook, load_workbook

from pipeline.intake.reading import Attachment, FormDocument, UnreadableForm, read_form
from pipeline.intake.reading import columns as reading_columns
from pipeline.intake.reading import text as reading_text
from pipeline.intake.validation import validate_objection
from pipeline.render.blankforms import (
    ALASAN_KEYS,
    ALASAN_OPTIONS,
    ANSWER_FIELDS,
    BENTUK_KEYS,
    BENTUK_OPTIONS,
    CARA_MEMPEROLEH_OPTIONS,
    CARA_SALINAN_OPTIONS,
    DIK_FIELDS,
    DIP_FIELDS,
    KEPUTUSAN_KEYS,
    KEPUTUSAN_OPTIONS,
    OBJECTION_FIELDS,
    OBJECTION_XLSX_FIELDS,
    REQUEST_FIELDS,
    fill_answer_docx,
    fill_answer_xlsx,
    fill_list_xlsx,
    fill_objection_docx,
    fill_objection_xlsx,
    fill_request_docx,
    write_blank_forms,
)

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "tests" / "forms"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read_one(name: str):
    document = read_form(FORMS / name)
    assert isinstance(document, FormDocument)
    assert len(document.records) == 1
    return document, document.records[0]


# --------------------------------------------------------------------------------------------------
# Request samples
# --------------------------------------------------------------------------------------------------


def test_2010_form_three_columns_with_ticks_after_options():
    document, record = read_one("permohonan-2010-tabel3.docx")
    assert (document.kind, document.layout, record.row) == ("permohonan", "docx-table", None)
    assert record.fields == {
        "nama": "I Made Wirawan",
        "alamat": "Jl. Tukad Badung No. 12, Renon, Denpasar Selatan, Kota Denpasar",
        "pekerjaan": "Mahasiswa",
        "telepon_email": "0812-3876-5432 / made.wirawan@gmail.com",
        "rincian_informasi": "Dokumen Rencana Kerja dan Anggaran (RKA) Dinas Pekerjaan Umum dan Penataan Ruang "
        "Provinsi Bali Tahun Anggaran 2025,\nkhususnya kegiatan pemeliharaan jalan provinsi.",
        "tujuan": "Bahan penulisan skripsi pada Program Studi Ilmu Administrasi Negara, Universitas Udayana.",
        "tempat": "Denpasar",
        "tanggal": "16 Maret 2026",
    }
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}
    assert record.notes == [] and record.attachments == []


def test_2021_form_two_columns_numbered_labels_and_checked_boxes():
    document, record = read_one("permohonan-2021-tabel2.docx")
    assert document.kind == "permohonan"
    assert record.fields == {
        "nama": "Ni Luh Putu Ayu Lestari",
        "nik": "5171036311900001",
        "alamat": "Jl. Gatot Subroto Barat No. 88\nKel. Padangsambian Kaja, Kec. Denpasar Barat",
        "telepon": "081338765210",
        "email": "ayu.lestari@yahoo.co.id",
        "rincian_informasi": "1. Data jumlah penerima Beasiswa Bali Mandara tahun 2024 per kabupaten/kota;\n"
        "2. Petunjuk teknis penyaluran beasiswa tahun 2024.",
        "tujuan": "Bahan kajian Lembaga Swadaya Masyarakat bidang pendidikan.",
        "tempat": "Denpasar",
        "tanggal": "2 April 2026",
    }
    assert "nama_kuasa" not in record.fields  # "-" means none
    assert "nomor_pendaftaran" not in record.fields  # left for the officer
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}


def test_paragraph_form_with_struck_out_options():
    document, record = read_one("permohonan-paragraf.docx")
    assert (document.kind, document.layout) == ("permohonan", "docx-paragraph")
    assert record.fields["nama"] == "Ketut Suardana"
    assert record.fields["nik"] == "5103020201780004"
    assert record.fields["telepon"] == "0878-6123-4455"
    assert record.fields["email"] == "ketut.suardana@gmail.com"
    assert record.fields["rincian_informasi"].startswith("Salinan Keputusan Gubernur Bali")
    assert (record.fields["tempat"], record.fields["tanggal"]) == ("Mangupura", "18 Maret 2026")
    # Melihat struck -> salinan; all but "Mengambil langsung" struck (one with double strike).
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["mengambil_langsung"]}
    assert record.notes == []


def test_fillable_form_with_content_controls_and_text_box():
    _, record = read_one("permohonan-checkbox.docx")
    assert record.fields["nomor_pendaftaran"] == "045/PPID/III/2026"  # from the text box
    assert record.fields["nama"] == "Gede Arya Pratama"
    assert record.fields["nik"] == "5104011104000005"
    assert "pekerjaan" not in record.fields  # the control still shows Word's prompt
    assert record.fields["rincian_informasi"].endswith("\nTermasuk daftar desa adat penerima dan besaran dana.")
    assert record.fields["tujuan"] == "Bahan diskusi paruman desa adat."
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email", "whatsapp"]}


def test_legacy_form_fields():
    _, record = read_one("permohonan-isian-lama.docx")
    assert record.fields["nama"] == "Ni Wayan Sri Astuti"
    assert record.fields["telepon_email"] == "0365-41234 / sriastuti.bidan@gmail.com"
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}


def test_embedded_id_picture_is_an_attachment_but_the_logo_is_not():
    _, record = read_one("permohonan-ktp-gambar.docx")
    assert record.choices == {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]}  # Wingdings
    assert [(a.name, a.role) for a in record.attachments] == [("identitas-1.jpg", "identitas")]
    assert record.attachments[0].data.startswith(b"\xff\xd8")


def test_sibling_files_are_attachments():
    _, record = read_one("permohonan-dengan-lampiran.docx")
    assert record.fields["nama_kuasa"] == "I Wayan Sudarsana, S.H."
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["mengambil_langsung"]}
    attachments = {a.name: a for a in record.attachments}
    assert set(attachments) == {"ktp.jpg", "kuasa.pdf"}
    assert attachments["ktp.jpg"].role == "identitas"
    assert attachments["ktp.jpg"].data == (FORMS / "permohonan-dengan-lampiran.ktp.jpg").read_bytes()
    assert attachments["kuasa.pdf"].role == "surat_kuasa"
    assert attachments["kuasa.pdf"].data.startswith(b"%PDF")


def test_workbook_rows_with_other_labels_and_a_blank_row():
    document = read_form(FORMS / "permohonan-banyak.xlsx")
    assert (document.kind, document.layout) == ("permohonan", "xlsx-rows")
    assert [record.row for record in document.records] == [2, 3, 4, 6, 7]
    first, second, third, fourth, fifth = document.records
    assert first.fields == {
        "tanggal": "16 Maret 2026",  # a date cell
        "nama": "Komang Ayu Dewi",
        "nik": "5105026502880003",
        "alamat": "Jl. Flamboyan No. 7, Semarapura, Klungkung",
        "pekerjaan": "Guru",
        "telepon": "081246781234",
        "email": "komang.ayu@gmail.com",
        "rincian_informasi": "Data SMA/SMK negeri di Kabupaten Klungkung tahun 2025",
        "tujuan": "Bahan penyusunan proposal penelitian",
    }
    assert first.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}
    assert second.fields["nik"] == "5108030110830006"  # an integer cell, recovered exactly
    assert second.fields["telepon"] == "087861234567"  # leading zero restored
    assert all(record.notes == [] for record in document.records)
    assert second.choices == {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]}
    assert third.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["whatsapp"]}
    assert "email" not in third.fields
    assert fourth.choices == {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]}
    assert "nik" not in fifth.fields and "tujuan" not in fifth.fields
    assert fifth.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}


def test_wrong_nik_is_read_as_written():
    _, record = read_one("salah-nik.docx")
    assert record.fields["nik"] == "517101150885003"  # validation, not the reader, rejects it


def test_incomplete_form_leaves_fields_and_choices_out():
    document, record = read_one("tidak-lengkap.docx")
    assert document.kind == "permohonan"
    assert "alamat" not in record.fields and "tujuan" not in record.fields
    assert record.fields["nama"] == "Kadek Dwi Rahayu"
    assert record.choices == {}
    assert record.notes == []  # validation reports the unticked choices itself


# --------------------------------------------------------------------------------------------------
# Other kinds
# --------------------------------------------------------------------------------------------------


def test_objection_form():
    document, record = read_one("keberatan.docx")
    assert document.kind == "keberatan"
    assert record.fields["nomor_pendaftaran"] == "045/PPID/III/2026"
    assert record.fields["tujuan"] == "Bahan penulisan skripsi pada Program Studi Ilmu Administrasi Negara."
    assert record.fields["nama"] == "I Made Wirawan"
    assert record.fields["nik"] == "5171011508850003"
    assert record.fields["telepon_email"] == "0812-3876-5432 / made.wirawan@gmail.com"
    assert record.fields["kasus_posisi"].startswith("Saya mengajukan permohonan informasi")
    assert record.fields["kasus_posisi"].count("\n") == 1
    assert (record.fields["tempat"], record.fields["tanggal"]) == ("Denpasar", "20 April 2026")
    assert "nama_kuasa" not in record.fields  # "-" in the proxy section
    assert record.choices == {"alasan": ["c", "g"]}


def test_dik_list_in_word():
    document = read_form(FORMS / "dik.docx")
    assert document.kind == "dik"
    assert [r.fields["informasi"] for r in document.records] == [
        "Dokumen penawaran peserta tender yang sedang berlangsung",
        "Rekam medis pasien RSUD Bali Mandara",
    ]
    assert document.records[1].fields["dasar_hukum"] == "Pasal 17 huruf h UU 14/2008; UU 17/2023"


def test_dip_list_in_excel_with_groups():
    document = read_form(FORMS / "dip.xlsx")
    assert (document.kind, document.layout) == ("dip", "xlsx-rows")
    assert [r.row for r in document.records] == [5, 7, 9]
    assert document.records[0].fields["ringkasan_isi"] == "Laporan keuangan tahun 2025"
    assert document.records[0].fields["retensi"] == "10 tahun"
    assert document.records[1].fields["kelompok"].startswith("B. Informasi yang Wajib Diumumkan Secara Serta Merta")


def test_list_titles_are_kept_as_written():
    assert read_form(FORMS / "dip.xlsx").title == ["DAFTAR INFORMASI PUBLIK DINAS KESEHATAN PROVINSI BALI TAHUN 2026"]
    assert read_form(FORMS / "dik.docx").title == ["DAFTAR INFORMASI YANG DIKECUALIKAN", "PPID PROVINSI BALI TAHUN 2026"]
    assert read_form(FORMS / "permohonan-banyak.xlsx").title == []  # only the DIP and DIK lists carry one


def test_dip_with_category_column_and_labelled_opd_row():
    document = read_form(FORMS / "dip-dinkes.xlsx")
    assert (document.kind, document.layout) == ("dip", "xlsx-rows")
    assert document.title == ["DAFTAR INFORMASI PUBLIK", "PPID Pelaksana : Dinas Kesehatan Provinsi Bali", "Tahun : 2026"]
    assert [r.row for r in document.records] == list(range(6, 13))
    assert [r.fields["kategori"] for r in document.records] == [
        "Berkala", "berkala", "Berkala", "Serta Merta", "Serta-merta", "Setiap Saat", "C",
    ]
    assert all("kelompok" not in r.fields for r in document.records)
    assert document.records[1].fields["ringkasan_isi"].startswith("Laporan Keuangan Dinas Kesehatan")


def test_dip_with_merged_group_rows_column_numbers_and_blank_rows():
    document = read_form(FORMS / "dip-dishub.xlsx")
    assert document.title == ["DAFTAR INFORMASI PUBLIK (DIP)", "DINAS PERHUBUNGAN PROVINSI BALI", "TAHUN 2026"]
    assert [(r.row, r.fields["kelompok"][:2]) for r in document.records] == [
        (8, "A."), (9, "A."), (12, "B."), (15, "C."), (16, "C."),
    ]
    assert document.records[2].fields["retensi"] == "2 tahun"


def test_dip_opd_and_category_columns_are_recognised():
    assert reading_columns.column_keys("dip", ["No", "Kategori Informasi", "Ringkasan Isi Informasi", "PPID Pelaksana/OPD",
                                        "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi", "Perangkat Daerah"]) == [
        "no", "kategori", "ringkasan_isi", "opd", "penguasa_informasi", None,
    ]  # fmt: skip
    assert reading_columns.column_keys("dip", ["Jenis Informasi", "OPD", "Bentuk/Format Informasi"]) == [
        "kategori", "opd", "bentuk_informasi",
    ]


def test_dik_proposal_in_excel():
    document = read_form(FORMS / "dik-usulan.xlsx")
    assert (document.kind, [r.row for r in document.records]) == ("dik", [5, 6, 7, 8])
    assert document.records[1].fields["dasar_hukum"] == "17 h angka 2"
    assert document.records[3].fields["pejabat"].startswith("Badan Kepegawaian")
    assert set(document.records[0].fields) == {
        "no", "informasi", "dasar_hukum", "konsekuensi_dibuka", "konsekuensi_ditutup", "jangka_waktu", "pejabat",
    }
    salah = read_form(FORMS / "dik-salah.xlsx")
    assert "konsekuensi_ditutup" not in salah.records[1].fields
    assert salah.records[3].fields["jangka_waktu"] == "-"  # the reader keeps it; pipeline.intake.lists counts it as empty


def test_answer_sheet_is_recognised(tmp_path):
    document = Document()
    document.add_paragraph("LEMBAR JAWABAN ATAS PERMOHONAN INFORMASI PUBLIK")
    document.add_paragraph("Nomor Pendaftaran : 045/PPID/III/2026")
    document.add_paragraph("Nama : I Made Wirawan")
    path = tmp_path / "jawaban.docx"
    document.save(path)
    document = read_form(path)
    assert document.kind == "jawaban"
    assert document.records[0].fields["nama"] == "I Made Wirawan"


# --------------------------------------------------------------------------------------------------
# Refusals
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("bukan-formulir.docx", "Berkas ini bukan formulir yang dikenali: "),
        ("kosong.docx", "Berkas kosong (0 byte)."),
        ("rusak.docx", "Berkas rusak atau bukan dokumen Word/Excel."),
        ("teks.xlsx", "Berkas ini berupa teks berpemisah (CSV), bukan buku kerja Excel"),
    ],
)
def test_bad_samples_are_refused_with_a_reason(name, reason):
    with pytest.raises(UnreadableForm) as caught:
        read_form(FORMS / name)
    assert str(caught.value).startswith(reason)


def write_zip(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def minimal_docx_parts(body_xml: str) -> dict[str, str]:
    return {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body>'
        "</w:document>",
    }


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableForm, match="tidak ditemukan"):
        read_form(tmp_path / "tidak-ada.docx")


def test_password_protected_and_legacy_office_files(tmp_path):
    ole_header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    encrypted = tmp_path / "terkunci.docx"
    encrypted.write_bytes(ole_header + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    with pytest.raises(UnreadableForm, match="kata sandi"):
        read_form(encrypted)
    legacy = tmp_path / "lama.doc"
    legacy.write_bytes(ole_header + "WordDocument".encode("utf-16-le") + bytes(512))
    with pytest.raises(UnreadableForm, match=r"Word lama \(\.doc"):
        read_form(legacy)


def test_pdf_is_refused_with_its_own_reason(tmp_path):
    pdf = tmp_path / "formulir.pdf"
    pdf.write_bytes((FORMS / "permohonan-dengan-lampiran.kuasa.pdf").read_bytes())
    with pytest.raises(UnreadableForm, match="PDF"):
        read_form(pdf)


def test_zip_that_is_not_an_office_document(tmp_path):
    path = write_zip(tmp_path / "arsip.docx", {"catatan.txt": "bukan dokumen"})
    with pytest.raises(UnreadableForm, match="bukan dokumen Word"):
        read_form(path)


def test_macro_enabled_files_are_refused(tmp_path):
    source = (FORMS / "salah-nik.docx").read_bytes()
    renamed = tmp_path / "formulir.docm"
    renamed.write_bytes(source)
    with pytest.raises(UnreadableForm, match="makro"):
        read_form(renamed)
    parts = minimal_docx_parts("<w:p/>")
    parts["word/vbaProject.bin"] = b"\x00" * 16
    with pytest.raises(UnreadableForm, match="makro"):
        read_form(write_zip(tmp_path / "makro.docx", parts))


def test_zip_bombs_are_refused_before_parsing(tmp_path):
    parts = minimal_docx_parts("<w:p/>")
    parts["word/media/besar.bin"] = b"\x00" * (51 * 1024 * 1024)  # over 50 MB
    with pytest.raises(UnreadableForm, match="terlalu besar setelah diekstrak"):
        read_form(write_zip(tmp_path / "bom.docx", parts))
    parts["word/media/besar.bin"] = b"\x00" * (5 * 1024 * 1024)  # small, but compresses > 100:1
    with pytest.raises(UnreadableForm, match="rasio kompresi"):
        read_form(write_zip(tmp_path / "rasio.docx", parts))


def test_xml_entities_are_refused(tmp_path):
    parts = minimal_docx_parts("")
    parts["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(UnreadableForm, match="DOCTYPE"):
        read_form(write_zip(tmp_path / "entitas.docx", parts))


@pytest.mark.parametrize(("part", "encoding"), [("customXml/item1.dat", "ascii"), ("word/document.xml", "utf-32-le"),
                                                ("docProps/custom.bin", "utf-32-be")])
def test_xml_entities_are_refused_in_any_part_and_encoding(tmp_path, part, encoding):
    """A parser may be handed a part whatever its name says, and XML may come in UTF-32: every part is searched."""
    parts = minimal_docx_parts("<w:p/>")
    declaration = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    parts[part] = declaration.encode(encoding)
    with pytest.raises(UnreadableForm, match="DOCTYPE"):
        read_form(write_zip(tmp_path / "entitas.docx", parts))


# --------------------------------------------------------------------------------------------------
# Choice marking variants (small documents built here)
# --------------------------------------------------------------------------------------------------


def request_docx(tmp_path: Path, memperoleh: list[str], salinan: list[str], name: str = "f.docx") -> Path:
    """A minimal paragraph form whose two choice values are given as paragraphs of text."""
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for line in ("Nama : Ni Made Sukerti", "NIK : 5171014505820004", "Alamat : Jl. Pulau Kawe No. 3",
                 "Rincian informasi yang dibutuhkan : Jadwal bantuan bedah rumah"):  # fmt: skip
        document.add_paragraph(line)
    document.add_paragraph("Cara memperoleh informasi :")
    for line in memperoleh:
        document.add_paragraph(line)
    document.add_paragraph("Cara mendapatkan salinan informasi :")
    for line in salinan:
        document.add_paragraph(line)
    path = tmp_path / name
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("memperoleh", "salinan", "expected"),
    [
        # X before options on one line, [x] in brackets, (x) after options
        (["X Melihat/membaca/mendengarkan/mencatat   Mendapatkan salinan informasi"],
         ["Mengambil langsung  Kurir  [x] Pos  Faksimili  Email"],
         {"cara_memperoleh": ["melihat"], "cara_salinan": ["pos"]}),
        (["Melihat/membaca/mendengarkan/mencatat ( )   Mendapatkan salinan informasi (x)"],
         ["Mengambil langsung ( ) Kurir ( ) Pos ( ) Faksimili (X) Email ( )"],
         {"cara_memperoleh": ["salinan"], "cara_salinan": ["faksimili"]}),
        # ticks after the option on their own lines
        (["a. Melihat/membaca/mendengarkan/mencatat ✓", "b. Mendapatkan salinan informasi"],
         ["1. Mengambil langsung", "2. Kurir ✔", "3. Pos"],
         {"cara_memperoleh": ["melihat"], "cara_salinan": ["kurir"]}),
        # a written answer instead of ticks
        (["softcopy"], ["e-mail"], {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}),
        (["Mendapatkan salinan"], ["mengambil langsung"],
         {"cara_memperoleh": ["salinan"], "cara_salinan": ["mengambil_langsung"]}),
        # options separated by tabs or in one line starting with an option that is also a label
        (["☐ Melihat/membaca/mendengarkan/mencatat\t☑ Mendapatkan salinan"], ["Email\tPos (x)"],
         {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}),
        # both ticked on a pick-one choice is never guessed (issue 12): no choice, a note naming both marks
        (["☒ Melihat/membaca/mendengarkan/mencatat", "☒ Mendapatkan salinan informasi (hardcopy/softcopy)"],
         ["☐ Pos", "☒ WhatsApp"], {"cara_salinan": ["whatsapp"]}),
    ],
)  # fmt: skip
def test_tick_styles(tmp_path, memperoleh, salinan, expected):
    record = read_form(request_docx(tmp_path, memperoleh, salinan)).records[0]
    assert record.choices == expected
    assert record.fields["nama"] == "Ni Made Sukerti"


def test_printed_list_without_any_mark_is_not_a_choice(tmp_path):
    record = read_form(
        request_docx(
            tmp_path,
            ["Melihat/membaca/mendengarkan/mencatat / Mendapatkan salinan informasi (hardcopy/softcopy)"],
            ["Mengambil langsung / Kurir / Pos / Faksimili / Email"],
        )
    ).records[0]
    assert record.choices == {}
    assert record.notes == []


def test_all_options_struck_gives_a_note(tmp_path):
    path = request_docx(tmp_path, [], ["Pos"])
    document = Document(path)
    target = next(p for p in document.paragraphs if p.text == "Cara memperoleh informasi :")
    options = target.insert_paragraph_before("")  # then move it below the label
    target._p.addnext(options._p)
    for index, text in enumerate(("Melihat/membaca/mendengarkan/mencatat", "Mendapatkan salinan informasi")):
        if index:
            options.add_run(" / ")
        options.add_run(text).font.strike = True
    document.save(path)
    record = read_form(path).records[0]
    assert "cara_memperoleh" not in record.choices
    assert record.choices == {"cara_salinan": ["pos"]}
    assert record.notes == ["Semua pilihan pada 'Cara memperoleh informasi' dicoret; sisakan pilihan yang dikehendaki."]


def test_strike_through_character_style(tmp_path):
    """Strike set by a character style ("Coret") rather than on the run itself."""
    from docx.enum.style import WD_STYLE_TYPE

    path = request_docx(tmp_path, [], ["Mengambil langsung"])
    document = Document(path)
    style = document.styles.add_style("Coret", WD_STYLE_TYPE.CHARACTER)
    style.font.strike = True
    target = next(p for p in document.paragraphs if p.text == "Cara memperoleh informasi :")
    target.add_run(" ")
    target.add_run("Melihat/membaca/mendengarkan/mencatat", style="Coret")
    target.add_run(" / Mendapatkan salinan informasi")
    document.save(path)
    record = read_form(path).records[0]
    assert record.choices["cara_memperoleh"] == ["salinan"]


def test_text_box_with_alternate_content_is_read_once(tmp_path):
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>Nomor Pendaftaran: 051/PPID/III/2026</w:t></w:r></w:p></w:txbxContent>"
    run = (
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="{mc}" xmlns:wps="{wps}" xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx>'
        f"</wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    path = request_docx(tmp_path, ["softcopy"], ["Pos"])
    document = Document(path)
    document.paragraphs[0]._p.append(parse_xml(run))
    document.save(path)
    record = read_form(path).records[0]
    assert record.fields["nomor_pendaftaran"] == "051/PPID/III/2026"


def test_paragraph_after_table_does_not_join_the_last_value(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI")
    table = document.add_table(rows=0, cols=3)
    for label, value in (
        ("Nama", "Putu Eka Saputra"), ("Alamat", "Singaraja"),
        ("Rincian informasi yang dibutuhkan", "Data sampah"), ("Tujuan penggunaan informasi", ""),
    ):  # fmt: skip
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    document.add_paragraph("Dengan ini saya menyatakan bahwa data di atas benar.")
    path = tmp_path / "f.docx"
    document.save(path)
    record = read_form(path).records[0]
    assert "tujuan" not in record.fields


# --------------------------------------------------------------------------------------------------
# Excel numbers
# --------------------------------------------------------------------------------------------------


def request_xlsx(path: Path, rows: list[list], header: list[str] | None = None, title: str | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header or ["Nama", "NIK", "Alamat", "Rincian Informasi", "No. HP"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_nik_that_lost_digits_gives_a_note_not_a_wrong_nik(tmp_path):
    path = request_xlsx(tmp_path / "f.xlsx", [["Putu Eka Saputra", "PLACEHOLDER", "Singaraja", "Data sampah", None]])
    # Excel shows a long number typed into a General cell as 5,10803E+15 and stores only what is left.
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('t="inlineStr"><is><t>PLACEHOLDER</t></is>', 't="n"><v>5.10803E+15</v>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    write_zip(path, parts)
    assert isinstance(load_workbook(path).active["B2"].value, float)
    record = read_form(path).records[0]
    assert "nik" not in record.fields
    assert any("digit terakhirnya hilang" in note for note in record.notes)


def test_numbers_become_text_without_decimal_zero(tmp_path):
    path = request_xlsx(
        tmp_path / "f.xlsx",
        [["Putu Eka Saputra", 5108030110830006, "Jl. Ngurah Rai No. 21", "Data sampah", 6281234567890]],
        title="REKAP PERMOHONAN INFORMASI PUBLIK",
    )
    document = read_form(path)
    record = document.records[0]
    assert record.row == 4  # title rows above the header keep Excel's numbering
    assert record.fields["nik"] == "5108030110830006"
    assert record.fields["telepon"] == "6281234567890"  # +62 numbers keep their form


# --------------------------------------------------------------------------------------------------
# The pipeline's own blank forms, filled in programmatically
# --------------------------------------------------------------------------------------------------

FILLED = {
    "nama": "Ni Luh Putu Ayu Lestari",
    "nik": "5171036311900001",
    "alamat": "Jl. Gatot Subroto Barat No. 88, Denpasar Barat",
    "pekerjaan": "Peneliti",
    "telepon": "081338765210",
    "email": "ayu.lestari@yahoo.co.id",
    "rincian_informasi": "Data penerima Beasiswa Bali Mandara tahun 2024 per kabupaten/kota",
    "tujuan": "Bahan kajian pendidikan",
    "opd_tujuan": "Dinas Pendidikan, Kepemudaan dan Olahraga",
}


@pytest.fixture()
def blank_forms(tmp_path):
    docx_path, xlsx_path, *_ = write_blank_forms(tmp_path / "kosong")
    return docx_path, xlsx_path


@pytest.fixture()
def blank_answer_forms(tmp_path):
    _, _, docx_path, xlsx_path, *_ = write_blank_forms(tmp_path / "kosong")
    return docx_path, xlsx_path


def test_blank_forms_are_written_and_read_as_empty_requests(blank_forms):
    docx_path, xlsx_path = blank_forms
    assert docx_path.name == "formulir-permohonan-informasi.docx"
    assert xlsx_path.name == "formulir-permohonan-informasi.xlsx"
    document = read_form(docx_path)
    assert (document.kind, document.layout) == ("permohonan", "docx-table")
    assert document.records[0].fields == {} and document.records[0].choices == {}
    assert read_form(xlsx_path).records == []


def test_blank_docx_filled_with_ticks_reads_back_exactly(blank_forms):
    docx_path, _ = blank_forms
    fill_request_docx(docx_path, FILLED, {"cara_memperoleh": [1], "cara_salinan": [4]})
    document = read_form(docx_path)
    record = document.records[0]
    assert record.fields == {**FILLED, "tempat": "Denpasar", "tanggal": "16 Maret 2026"}
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}
    assert record.notes == []


def test_blank_docx_filled_by_striking_out_reads_back_exactly(blank_forms):
    docx_path, _ = blank_forms
    values = {**FILLED, "nama_kuasa": "I Wayan Sudarsana, S.H.", "nomor_sk": "AHU-0012345.AH.01.07.2020"}
    fill_request_docx(docx_path, values, {"cara_memperoleh": [0], "cara_salinan": [0, 2]}, strike=True)
    record = read_form(docx_path).records[0]
    assert record.fields == {**values, "tempat": "Denpasar", "tanggal": "16 Maret 2026"}
    assert record.choices == {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung", "pos"]}


def test_blank_xlsx_filled_reads_back_exactly(blank_forms):
    _, xlsx_path = blank_forms
    workbook = load_workbook(xlsx_path)
    sheet = workbook["Permohonan"]
    assert sheet.freeze_panes == "A2"
    assert len(sheet.data_validations.dataValidation) == 2
    assert "Petunjuk" in workbook.sheetnames
    columns = {cell.value: cell.column for cell in sheet[1]}
    keys = [f.key for f in REQUEST_FIELDS] + ["tempat", "tanggal"]
    by_key = dict(zip(keys, sheet[1]))
    rows = [
        {**FILLED, "cara_memperoleh": CARA_MEMPEROLEH_OPTIONS[1], "cara_salinan": CARA_SALINAN_OPTIONS[4],
         "tempat": "Denpasar", "tanggal": "16 Maret 2026"},
        {"nama": "Putu Eka Saputra", "nik": "5108030110830006", "alamat": "Singaraja",
         "rincian_informasi": "Data sampah plastik", "tujuan": "Liputan",
         "cara_memperoleh": CARA_MEMPEROLEH_OPTIONS[0]},
    ]  # fmt: skip
    for row_number, values in ((2, rows[0]), (4, rows[1])):  # row 3 left blank
        for key, value in values.items():
            sheet.cell(row=row_number, column=by_key[key].column, value=value)
    assert len(columns) == len(keys)
    workbook.save(xlsx_path)

    document = read_form(xlsx_path)
    assert (document.kind, document.layout) == ("permohonan", "xlsx-rows")
    first, second = document.records
    assert (first.row, second.row) == (2, 4)
    assert first.fields == {k: v for k, v in rows[0].items() if not k.startswith("cara_")}
    assert first.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}
    assert second.choices == {"cara_memperoleh": ["melihat"]}
    assert first.notes == second.notes == []


def test_every_blank_label_maps_to_its_key():
    for form_field in REQUEST_FIELDS:
        assert reading_text.label_key(form_field.printed_label) == form_field.key, form_field.printed_label


# --------------------------------------------------------------------------------------------------
# Label rules
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Nama", "nama"), ("Nama Lengkap", "nama"), ("Nama Pemohon", "nama"),
        ("Nomor Telepon/E-mail", "telepon_email"), ("No. Telp", "telepon"), ("Nomor HP", "telepon"),
        ("Email", "email"), ("Alamat E-mail", "email"), ("NIK", "nik"), ("Nomor Induk Kependudukan", "nik"),
        ("No. KTP", "nik"), ("Nomor KTP/NIK", "nik"), ("Nomor SK badan hukum", "nomor_sk"),
        ("NIK/Nomor SK Badan Hukum", "nik_atau_sk"),
        ("Rincian Informasi yang Dibutuhkan", "rincian_informasi"),
        ("Ringkasan Informasi yang Dibutuhkan", "rincian_informasi"),
        ("Informasi yang dibutuhkan", "rincian_informasi"), ("Tujuan Penggunaan Informasi", "tujuan"),
        ("Cara Memperoleh Informasi", "cara_memperoleh"), ("Cara Mendapatkan Salinan Informasi", "cara_salinan"),
        ("Cara Mengirimkan Salinan", "cara_salinan"), ("1. Nama :", "nama"), ("a. Alamat", "alamat"),
        ("A. Pekerjaan", "pekerjaan"), ("No. Pendaftaran (diisi petugas)*", "nomor_pendaftaran"),
        ("Rincian informasi (tambahkan kertas bila perlu)", "rincian_informasi"),
        ("Tempat, tanggal", "tempat_tanggal"), ("Tanggal lahir", "_ignore"),
        ("Dengan ini saya mengajukan permohonan informasi sebagai berikut", None),
        ("Perihal", "_ignore"), ("Acara", None),
    ],
)  # fmt: skip
def test_label_synonyms(label, key):
    assert reading_text.label_key(label) == key


def test_nik_or_sk_combined_field_is_split_by_value(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for line in ("Nama : Yayasan Bali Lestari", "NIK/Nomor SK Badan Hukum : AHU-0012345.AH.01.04.2019",
                 "Alamat : Denpasar", "Rincian informasi yang dibutuhkan : Data hutan mangrove"):  # fmt: skip
        document.add_paragraph(line)
    path = tmp_path / "f.docx"
    document.save(path)
    record = read_form(path).records[0]
    assert record.fields["nomor_sk"] == "AHU-0012345.AH.01.04.2019" and "nik" not in record.fields


def test_committed_samples_stay_small():
    total = sum(p.stat().st_size for p in FORMS.iterdir() if p.is_file())
    assert total < 1_000_000


def test_options_in_rows_of_their_own(tmp_path):
    """Options one per row, with the tick in its own column before or after the option text."""
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table = document.add_table(rows=0, cols=3)
    for cells in (
        ("Nama", ":", "Gede Arya Pratama"), ("Alamat", ":", "Gianyar"),
        ("Rincian informasi yang dibutuhkan", ":", "Data BKK desa adat"),
        ("Cara memperoleh informasi", ":", ""), ("", "☐", "Melihat/membaca/mendengarkan/mencatat"),
        ("", "☑", "Mendapatkan salinan informasi (hardcopy/softcopy)"),
        ("Cara mendapatkan salinan informasi", ":", ""), ("Mengambil langsung", "", "☐"),
        ("Email", "", "☑"), ("Pos", "", ""),
        ("Email", ":", "gede.arya@outlook.com"),
    ):  # fmt: skip
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            cell.text = text
    path = tmp_path / "f.docx"
    document.save(path)
    record = read_form(path).records[0]
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}
    assert record.fields["email"] == "gede.arya@outlook.com"


def test_unknown_choice_text_gives_a_note_without_quoting_it(tmp_path):
    record = read_form(request_docx(tmp_path, ["softcopy"], ["Telegram ke 081234567890"])).records[0]
    assert "cara_salinan" not in record.choices
    assert record.notes == [
        "Isian 'Cara mendapatkan salinan informasi' tidak dikenali sebagai salah satu pilihan yang tersedia."
    ]


def test_numeric_nik_ending_in_zero_is_kept_with_a_note(tmp_path):
    path = request_xlsx(tmp_path / "f.xlsx", [["Putu Eka Saputra", 5108030110830010, "Singaraja", "Data sampah", None]])
    record = read_form(path).records[0]
    assert record.fields["nik"] == "5108030110830010"
    assert len(record.notes) == 1 and "15 digit" in record.notes[0] and "5108" not in record.notes[0]


# --------------------------------------------------------------------------------------------------
# Answer sheets (lembar jawaban PPID Pelaksana)
# --------------------------------------------------------------------------------------------------


def test_answer_sheet_two_columns_with_ticked_boxes():
    document, record = read_one("jawaban-diberikan.docx")
    assert (document.kind, document.layout) == ("jawaban", "docx-table")
    # "-" rows are absent; the letterhead, the signature caption ("PPID Pelaksana ...") and NIP add nothing.
    assert record.fields == {
        "nomor_pendaftaran": "001/PPID/IV/2026",
        "halaman": "14",
        "tarif": "0",
        "biaya_kirim": "0",
        "waktu_hari": "2",
        "pejabat": "dr. Ni Made Ayu Suryani, M.Kes.",
        "tempat": "Denpasar",
        "tanggal": "20 April 2026",
    }
    assert record.choices == {"keputusan": ["diberikan"], "bentuk": ["softcopy"]}
    assert record.notes == []


def test_answer_sheet_paragraphs_with_struck_out_decision():
    document, record = read_one("jawaban-ditolak.docx")
    assert (document.kind, document.layout) == ("jawaban", "docx-paragraph")
    assert record.fields == {
        "nomor_pendaftaran": "002/PPID/IV/2026",
        "pasal17": "h angka 2",  # the label "Dasar pengecualian: Pasal 17 ... angka" has a colon of its own
        "konsekuensi": "Rekam medis memuat riwayat, kondisi, dan pengobatan pasien; membukanya mengungkap "
        "rahasia pribadi pasien.\nPasien dapat dirugikan secara sosial dan ekonomi, dan kepercayaan pada "
        "rumah sakit menurun.",
        "tempat": "Denpasar",
        "tanggal": "21 April 2026",
    }
    # Every option but "Permohonan ditolak" is struck out; "Softcopy / Hardcopy" is the unmarked printed list.
    assert record.choices == {"keputusan": ["ditolak"]}
    assert record.notes == []


def test_answer_sheet_extension_with_numbered_options_and_a_date_row():
    document, record = read_one("jawaban-perpanjangan.docx")
    assert (document.kind, document.layout) == ("jawaban", "docx-table")
    assert record.fields == {
        "nomor_pendaftaran": "003/PPID/IV/2026",  # printed "Nomor Registrasi Permohonan"
        "alasan": "Dokumen yang diminta tersimpan di UPTD Pengelolaan Jalan wilayah Buleleng dan Karangasem,\n"
        "dan masih dihimpun serta dipilah dari arsip tahun anggaran 2024 dan 2025.",
        "pejabat": "Ir. I Ketut Darmawan, M.T.",
        "tanggal": "22 April 2026",
    }
    assert record.choices == {"keputusan": ["perpanjangan"]}
    assert record.notes == []  # "Alasan perpanjangan" is a text here, not the objection's a-g choice


def test_answer_sheet_without_request_number():
    document, record = read_one("jawaban-tanpa-nomor.docx")
    assert document.kind == "jawaban"
    assert "nomor_pendaftaran" not in record.fields
    assert record.fields == {
        "kapan_tersedia": "Akhir Mei 2026, setelah rekapitulasi dari sembilan kabupaten/kota selesai.",
        "pejabat": "Drs. I Wayan Suarjana",
        "tempat": "Denpasar",
        "tanggal": "23 April 2026",
    }
    assert record.choices == {"keputusan": ["belum-didokumentasikan"]}  # check box content controls
    assert record.notes == []


def test_answer_workbook_one_answer_per_row():
    document = read_form(FORMS / "jawaban-banyak.xlsx")
    assert (document.kind, document.layout) == ("jawaban", "xlsx-rows")
    assert [record.row for record in document.records] == [3, 4, 5]
    first, second, third = document.records
    assert first.fields == {
        "nomor_pendaftaran": "001/PPID/IV/2026",
        "halaman": "24",
        "tarif": "500",
        "biaya_kirim": "15000",
        "biaya_lain": "0",
        "waktu_hari": "5",
        "penghitaman": "Nama dan alamat penerima bantuan dihitamkan (data pribadi).",
        "tanggal": "20 April 2026",
        "pejabat": "Ni Luh Gede Sriani, S.E.",
    }
    assert first.choices == {"keputusan": ["sebagian"], "bentuk": ["softcopy", "hardcopy"]}
    assert second.fields == {
        "nomor_pendaftaran": "002/PPID/IV/2026",
        "pasal17": "b",
        "konsekuensi": "Membuka dokumen penawaran sebelum pemenang ditetapkan merugikan persaingan usaha yang sehat.",
        "tanggal": "21 April 2026",
        "pejabat": "I Made Karya, S.T.",
    }
    assert second.choices == {"keputusan": ["ditolak"]}
    assert third.fields == {
        "nomor_pendaftaran": "003/PPID/IV/2026",
        "alasan": "Data masih dihimpun dari sembilan kabupaten/kota.",
        "tanggal": "22 April 2026",
    }
    assert third.choices == {"keputusan": ["perpanjangan"]}
    assert all(record.notes == [] for record in document.records)


def answer_docx(tmp_path: Path, lines: list[str], title: str | None = "LEMBAR JAWABAN PPID PELAKSANA") -> Path:
    document = Document()
    if title:
        document.add_paragraph(title)
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "jawaban.docx"
    document.save(path)
    return path


def test_answer_labels_that_share_words_with_request_labels(tmp_path):
    path = answer_docx(tmp_path, [
        "Nomor Pendaftaran Permohonan : 002/PPID/IV/2026",
        "Keputusan : tidak dikuasai",
        "Informasi dikuasai oleh (bila Badan Publik lain) : Kantor Wilayah BPN Provinsi Bali",
        "Bentuk informasi yang tersedia : hardcopy",
        "Alasan perpanjangan : Arsip masih dipilah.",
        "Nama pejabat yang menjawab : I Made Karya",
    ])  # fmt: skip
    record = read_form(path).records[0]
    assert record.fields == {
        "nomor_pendaftaran": "002/PPID/IV/2026",
        "dikuasai_oleh": "Kantor Wilayah BPN Provinsi Bali",  # not the request's opd_tujuan
        "alasan": "Arsip masih dipilah.",  # a text, not the objection's a-g choice
        "pejabat": "I Made Karya",  # not the applicant's nama
    }
    assert record.choices == {"keputusan": ["tidak-dikuasai"], "bentuk": ["hardcopy"]}
    assert record.notes == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka : b angka 2", "b angka 2"),
        ("Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka\tj", "j"),
        ("Dasar pengecualian : Pasal 17 huruf b", "Pasal 17 huruf b"),  # a value, not more of the label
        ("Pasal 17 UU KIP : h angka 2", "h angka 2"),
    ],
)
def test_pasal_17_label_with_a_colon_inside(tmp_path, line, value):
    record = read_form(answer_docx(tmp_path, ["Nomor Pendaftaran : 002/PPID/IV/2026", line])).records[0]
    assert record.fields["pasal17"] == value


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ditolak", ["ditolak"]), ("diberikan", ["diberikan"]), ("sebagian", ["sebagian"]),
        ("Informasi dapat diberikan sebagian", ["sebagian"]), ("diberikan seluruhnya", ["diberikan"]),
        ("tidak-dikuasai", ["tidak-dikuasai"]), ("belum dikuasai", ["tidak-dikuasai"]),
        ("belum-didokumentasikan", ["belum-didokumentasikan"]), ("perpanjangan", ["perpanjangan"]),
        ("Permohonan ditolak (informasi dikecualikan)", ["ditolak"]),
    ],
)  # fmt: skip
def test_written_decision_maps_to_its_key(tmp_path, written, expected):
    record = read_form(answer_docx(tmp_path, ["Nomor Pendaftaran : 001/PPID/IV/2026", f"Keputusan : {written}"]))
    assert record.records[0].choices == {"keputusan": expected}
    assert record.records[0].notes == []


def test_unknown_decision_gives_a_note(tmp_path):
    path = answer_docx(tmp_path, ["Nomor Pendaftaran : 001/PPID/IV/2026", "Keputusan : masih dipertimbangkan"])
    record = read_form(path).records[0]
    assert record.choices == {}
    assert record.notes == ["Isian 'Keputusan' tidak dikenali sebagai salah satu pilihan yang tersedia."]


def test_answer_sheet_without_title_is_known_by_its_decision_and_number(tmp_path):
    path = answer_docx(tmp_path, ["Nomor Pendaftaran : 001/PPID/IV/2026", "Keputusan : ditolak"], title=None)
    document = read_form(path)
    assert document.kind == "jawaban"
    assert document.records[0].choices == {"keputusan": ["ditolak"]}
    with pytest.raises(UnreadableForm, match="bukan formulir"):
        read_form(answer_docx(tmp_path, ["Keputusan : ditolak"], title=None))  # a decision alone is no form


def test_answer_workbook_without_title_is_known_by_its_keputusan_column(tmp_path):
    path = request_xlsx(
        tmp_path / "f.xlsx", [["001/PPID/IV/2026", "diberikan", "softcopy", 3]],
        header=["Nomor Pendaftaran", "Keputusan", "Bentuk", "Jumlah halaman"],
    )  # fmt: skip
    document = read_form(path)
    assert document.kind == "jawaban"
    assert document.records[0].fields == {"nomor_pendaftaran": "001/PPID/IV/2026", "halaman": "3"}
    assert document.records[0].choices == {"keputusan": ["diberikan"], "bentuk": ["softcopy"]}


def test_request_register_with_a_keputusan_column_is_not_an_answer_sheet(tmp_path):
    header = ["No", "Tanggal", "Nama", "Alamat", "Informasi yang diminta", "Tujuan penggunaan", "Keputusan"]
    path = request_xlsx(tmp_path / "f.xlsx", [[1, "16 Maret 2026", "Putu", "Singaraja", "Data", "Kajian", "ditolak"]],
                        header=header)  # fmt: skip
    assert read_form(path).kind == "permohonan"


def test_blank_answer_forms_are_written_and_read_as_empty_answers(blank_answer_forms):
    docx_path, xlsx_path = blank_answer_forms
    assert docx_path.name == "lembar-jawaban-permohonan.docx"
    assert xlsx_path.name == "lembar-jawaban-permohonan.xlsx"
    document = read_form(docx_path)
    assert (document.kind, document.layout) == ("jawaban", "docx-table")
    assert document.records[0].fields == {} and document.records[0].choices == {}
    assert document.records[0].notes == []
    text = "\n".join(p.text for p in Document(docx_path).paragraphs)
    assert "LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK" in text
    assert "Diisi oleh PPID Pelaksana; centang satu keputusan" in text
    assert read_form(xlsx_path).kind == "jawaban" and read_form(xlsx_path).records == []


ANSWER = {
    "nomor_pendaftaran": "001/PPID/IV/2026",
    "pejabat": "dr. Ni Made Ayu Suryani, M.Kes.",
    "dikuasai_oleh": "Badan Pusat Statistik Provinsi Bali",
    "halaman": "12",
    "tarif": "500",
    "biaya_kirim": "10000",
    "biaya_lain": "Rp 2.000",
    "waktu_hari": "3",
    "penghitaman": "Nama dan NIK penerima dihitamkan.\nAlamat penerima dikaburkan.",
    "pasal17": "h angka 2",
    "dasar_lain": "Pasal 26 UU 27/2022",
    "konsekuensi": "Membuka data pribadi penerima.\nPenerima dapat dirugikan.",
    "kapan_tersedia": "Akhir Mei 2026",
    "alasan": "Data masih dihimpun dari sembilan kabupaten/kota.",
}


@pytest.mark.parametrize("strike", [False, True])
def test_blank_answer_docx_filled_reads_back_exactly(blank_answer_forms, strike):
    docx_path, _ = blank_answer_forms
    fill_answer_docx(docx_path, ANSWER, {"keputusan": [1], "bentuk": [0, 1]}, strike=strike)
    document = read_form(docx_path)
    record = document.records[0]
    assert (document.kind, document.layout) == ("jawaban", "docx-table")
    assert record.fields == {**ANSWER, "tempat": "Denpasar", "tanggal": "20 April 2026"}
    assert record.choices == {"keputusan": ["sebagian"], "bentuk": ["softcopy", "hardcopy"]}
    assert record.notes == []


@pytest.mark.parametrize("strike", [False, True])
@pytest.mark.parametrize("index", range(len(KEPUTUSAN_OPTIONS)))
def test_every_decision_of_the_blank_answer_docx(blank_answer_forms, index, strike):
    """Also shows that a sub-heading repeating an option ("C. Bila informasi diberikan") is not an option."""
    docx_path, _ = blank_answer_forms
    fill_answer_docx(docx_path, {"nomor_pendaftaran": "002/PPID/IV/2026"}, {"keputusan": [index], "bentuk": [1]},
                     strike=strike)  # fmt: skip
    record = read_form(docx_path).records[0]
    assert record.choices == {"keputusan": [KEPUTUSAN_KEYS[index]], "bentuk": ["hardcopy"]}
    assert record.notes == []


def test_blank_answer_xlsx_filled_reads_back_exactly(blank_answer_forms):
    _, xlsx_path = blank_answer_forms
    workbook = load_workbook(xlsx_path)
    sheet = workbook["Lembar Jawaban"]
    assert sheet.freeze_panes == "A2"
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 2
    assert all(option in validations[0].formula1 for option in KEPUTUSAN_OPTIONS)
    assert all(option in validations[1].formula1 for option in BENTUK_OPTIONS)
    assert "Petunjuk" in workbook.sheetnames
    assert [cell.value for cell in sheet[1]] == [f.printed_label for f in ANSWER_FIELDS] + ["Tanggal"]
    rows = [
        {**ANSWER, "keputusan": KEPUTUSAN_OPTIONS[1], "bentuk": "Softcopy dan hardcopy", "tanggal": "20 April 2026"},
        {},  # a blank row is skipped
        {"nomor_pendaftaran": "002/PPID/IV/2026", "keputusan": KEPUTUSAN_OPTIONS[2], "pasal17": "b",
         "konsekuensi": "Merugikan persaingan usaha yang sehat."},
        {"nomor_pendaftaran": "003/PPID/IV/2026", "keputusan": "perpanjangan", "alasan": "Arsip masih dipilah."},
    ]  # fmt: skip
    fill_answer_xlsx(xlsx_path, rows)
    document = read_form(xlsx_path)
    assert (document.kind, document.layout) == ("jawaban", "xlsx-rows")
    assert [record.row for record in document.records] == [2, 4, 5]
    first, second, third = document.records
    assert first.fields == {**ANSWER, "tanggal": "20 April 2026"}
    assert first.choices == {"keputusan": ["sebagian"], "bentuk": ["softcopy", "hardcopy"]}
    assert second.fields == {k: v for k, v in rows[2].items() if k != "keputusan"}
    assert second.choices == {"keputusan": ["ditolak"]}
    assert third.choices == {"keputusan": ["perpanjangan"]}
    assert all(record.notes == [] for record in document.records)


@pytest.mark.parametrize(("index", "key"), list(enumerate(BENTUK_KEYS)))
def test_blank_answer_xlsx_form_options(blank_answer_forms, index, key):
    _, xlsx_path = blank_answer_forms
    fill_answer_xlsx(xlsx_path, [{"nomor_pendaftaran": "001/PPID/IV/2026", "keputusan": KEPUTUSAN_OPTIONS[0],
                                  "bentuk": BENTUK_OPTIONS[index]}])  # fmt: skip
    assert read_form(xlsx_path).records[0].choices == {"keputusan": ["diberikan"], "bentuk": [key]}


def test_every_blank_answer_label_maps_to_its_key():
    for form_field in ANSWER_FIELDS:
        assert reading_text.label_key(form_field.printed_label, reading_text.ANSWER_PROFILE) == form_field.key, (
            form_field.printed_label
        )


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Nomor Registrasi Permohonan", "nomor_pendaftaran"), ("No. Pendaftaran", "nomor_pendaftaran"),
        ("Keputusan PPID Pelaksana", "keputusan"), ("Bentuk Informasi", "bentuk"),
        ("Dikuasai oleh Badan Publik lain", "dikuasai_oleh"), ("Jml Halaman", "halaman"),
        ("Tarif per lembar (Rp)", "tarif"), ("Ongkos Kirim (Rp)", "biaya_kirim"), ("Biaya Lain-lain", "biaya_lain"),
        ("Waktu Penyediaan", "waktu_hari"), ("Bagian yang Dihitamkan", "penghitaman"),
        ("Pasal 17 UU KIP", "pasal17"), ("Dasar Hukum Lain", "dasar_lain"), ("Uji Konsekuensi", "konsekuensi"),
        ("Perkiraan Tanggal Tersedia", "kapan_tersedia"), ("Tanggal Jawaban", "tanggal"),
        ("Pejabat yang Menjawab", "pejabat"), ("Nama", "nama"),
        ("LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK", "_ignore"),
        ("PPID Pelaksana Dinas Kesehatan", "_ignore"), ("NIP 19780314 200501 2 007", "_ignore"),
        ("Tanggal permohonan", "_ignore"), ("Informasi dapat diberikan seluruhnya", None),
        ("Perlu perpanjangan waktu", None), ("Informasi belum/tidak dikuasai", None),
    ],
)  # fmt: skip
def test_answer_label_synonyms(label, key):
    assert reading_text.label_key(label, reading_text.ANSWER_PROFILE) == key


def test_answer_rules_do_not_change_request_labels():
    # The same printed words keep their request meaning outside answer sheets.
    assert reading_text.label_key("Alasan perpanjangan") == "alasan"
    assert reading_text.label_key("Nama pejabat yang menjawab") == "nama"
    assert reading_text.label_key("PPID Pelaksana/OPD yang Menguasai Informasi") == "opd_tujuan"
    assert reading_text.label_key("Keputusan") is None



# --------------------------------------------------------------------------------------------------
# Objection forms (formulir pengajuan keberatan), filed on 8 April 2026 against requests 001 and 002
# --------------------------------------------------------------------------------------------------

OBJECTION_DAY = date(2026, 4, 8)
FILED = {"tempat": "Denpasar", "tanggal": "8 April 2026"}


def test_objection_three_column_table_with_ticked_reasons():
    document, record = read_one("keberatan-tabel.docx")
    assert (document.kind, document.layout) == ("keberatan", "docx-table")
    assert record.fields == {
        "nomor_pendaftaran": "001/PPID/IV/2026",
        "tujuan": "Bahan penelitian tentang keterbukaan anggaran kesehatan daerah.",
        "nama": "Ni Putu Dewi Anggreni",
        "alamat": "Jl. Tukad Yeh Aya No. 21, Panjer, Denpasar Selatan",
        "pekerjaan": "Peneliti",
        "telepon": "0813-3811-2468",
        "email": "dewi.anggreni@gmail.com",
        "nik": "5171044705920002",
        "kasus_posisi": "Permohonan saya nomor 001/PPID/IV/2026 meminta rincian belanja program penanganan "
        "stunting dan laporan realisasinya.\nRincian belanja ditolak tanpa surat keputusan penolakan, sedangkan "
        "laporan realisasinya tidak ditanggapi sama sekali.",
        **FILED,
    }  # the empty officer rows and the empty proxy rows give nothing
    assert record.choices == {"alasan": ["a", "c"]}
    assert record.notes == [] and record.attachments == []


def test_objection_paragraphs_with_struck_out_reasons():
    document, record = read_one("keberatan-paragraf.docx")
    assert (document.kind, document.layout) == ("keberatan", "docx-paragraph")
    assert record.fields == {
        "nomor_pendaftaran": "002/PPID/IV/2026",
        # "Identitas Pemohon" on the next line is a sub-heading, not a second line of the purpose
        "tujuan": "Bahan advokasi kelompok nelayan tentang izin reklamasi pantai.",
        "nama": "Komang Adi Wiguna",
        "alamat": "Br. Pande, Desa Kedonganan, Kecamatan Kuta, Kabupaten Badung",
        "pekerjaan": "Nelayan",
        "telepon_email": "0878-6200-1357 / adiwiguna88@gmail.com",
        "nik": "5103051203880005",
        "kasus_posisi": "Salinan izin reklamasi yang saya terima hanya halaman pertama, bukan dokumen lengkap "
        "beserta lampiran peta yang saya minta.\nUntuk salinan itu saya juga dikenakan biaya Rp 5.000 per lembar, "
        "jauh di atas biaya fotokopi biasa.",
        **FILED,
    }  # "Nama : -" in the proxy section means no proxy; the dotted officer line and "(diisi petugas)" are empty
    assert record.choices == {"alasan": ["d", "f"]}  # every other reason struck out
    assert record.notes == []


def test_objection_by_a_proxy_with_the_power_of_attorney_beside_it():
    document, record = read_one("keberatan-kuasa.docx")
    assert (document.kind, document.layout) == ("keberatan", "docx-table")
    assert record.fields == {
        "nomor_pendaftaran": "001/PPID/IV/2026",
        "tujuan": "Pengurusan hak atas tanah warisan keluarga.",
        "nama": "Ni Made Sulastri",
        "alamat": "Br. Gelulung, Desa Sukawati, Kecamatan Sukawati, Kabupaten Gianyar",
        "pekerjaan": "Pedagang",
        "telepon": "0812-4690-3311",
        "email": "madesulastri70@gmail.com",
        "nik": "5104025010700003",
        "nama_kuasa": "I Ketut Widnyana, S.H.",
        "alamat_kuasa": "Jl. Raya Puputan No. 142, Renon, Denpasar Timur",
        "telepon_kuasa": "0361-225577",
        "kasus_posisi": "Pemberitahuan tertulis menyatakan salinan peta bidang tanah akan diberikan, tetapi "
        "sampai hari ini salinan tersebut tidak pernah diserahkan kepada pemohon.",
        **FILED,
    }
    assert record.choices == {"alasan": ["e"]}
    assert [(a.name, a.role) for a in record.attachments] == [("kuasa.pdf", "surat_kuasa")]
    assert record.attachments[0].data == (FORMS / "keberatan-kuasa.kuasa.pdf").read_bytes()
    assert record.attachments[0].data.startswith(b"%PDF")
    assert record.notes == []


def test_objection_for_periodic_information_without_request_number():
    document, record = read_one("keberatan-berkala.docx")
    assert (document.kind, document.layout) == ("keberatan", "docx-table")
    assert record.fields == {
        "tujuan": "Pengawasan pengelolaan keuangan daerah oleh masyarakat.",
        "nama": "Gede Surya Darmawan",
        "alamat": "Jl. Pramuka No. 9, Kelurahan Banyuasri, Kecamatan Buleleng, Kabupaten Buleleng",
        "pekerjaan": "Wartawan",
        "telepon": "0819-1650-7788",
        "email": "surya.darmawan@outlook.com",
        "nik": "5108031706950001",
        "kasus_posisi": "Laporan keuangan Pemerintah Provinsi Bali tahun anggaran 2025 belum diumumkan di laman "
        "PPID, padahal laporan itu termasuk informasi yang wajib diumumkan secara berkala.",
        **FILED,
    }  # the request number is "-"
    assert record.choices == {"alasan": ["b"]}  # check box content controls
    assert record.notes == []


def test_objection_without_nik_is_read_without_it():
    _, record = read_one("keberatan-tanpa-nik.docx")
    assert "nik" not in record.fields
    assert record.fields["nomor_pendaftaran"] == "002/PPID/IV/2026"
    assert record.fields["nama"] == "Luh Putu Sri Handayani"
    assert record.choices == {"alasan": ["c"]}  # Wingdings boxes
    assert record.notes == []


def test_objection_with_a_request_number_the_register_does_not_hold():
    document, record = read_one("keberatan-nomor-asing.docx")
    assert document.kind == "keberatan"
    assert record.fields == {
        "nomor_pendaftaran": "999/PPID/IV/2026",
        "tujuan": "Penyusunan laporan kegiatan koperasi desa.",
        "nama": "I Nyoman Artawan",
        "alamat": "Br. Kawan, Kelurahan Bebalang, Kecamatan Bangli, Kabupaten Bangli",
        "pekerjaan": "Pengurus koperasi",
        "telepon_email": "0813-5310-2288 / nyoman.artawan@gmail.com",
        "nik": "5106012208800004",
        "kasus_posisi": "Pemberitahuan tertulis atas permohonan saya baru diterima setelah lewat 17 hari kerja, "
        "melebihi jangka waktu yang ditentukan undang-undang.",
        **FILED,
    }
    assert record.choices == {"alasan": ["g"]}  # √ in the tick column after reason g
    assert record.notes == []


def test_objection_workbook_one_objection_per_row():
    document = read_form(FORMS / "keberatan-banyak.xlsx")
    assert (document.kind, document.layout) == ("keberatan", "xlsx-rows")
    assert [record.row for record in document.records] == [4, 5]  # title and blank row above the header
    first, second = document.records
    assert first.fields == {
        "tanggal": "8 April 2026",  # a date cell
        "tempat": "Denpasar",
        "nomor_pendaftaran": "002/PPID/IV/2026",
        "nama": "Kadek Ari Susanti",
        "nik": "5171026609930002",
        "alamat": "Jl. Gunung Agung Gg. VII No. 4, Pemecutan Kaja, Denpasar Utara",
        "pekerjaan": "Mahasiswa",
        "telepon": "085739112233",
        "email": "arisusanti93@gmail.com",
        "tujuan": "Bahan skripsi tentang tata kelola reklamasi.",
        "kasus_posisi": "Jawaban atas permohonan saya baru diterima 14 hari kerja setelah permohonan dicatat.\n"
        "Tidak ada pemberitahuan perpanjangan waktu sebelumnya.",
    }
    assert first.choices == {"alasan": ["g"]}  # written as the letter
    assert "nomor_pendaftaran" not in second.fields and "email" not in second.fields
    assert second.fields["nama"] == "I Wayan Budiarsa"
    assert second.choices == {"alasan": ["b"]}  # written as the printed reason
    assert all(record.notes == [] for record in document.records)


@pytest.mark.parametrize(
    ("name", "row"),
    [("keberatan-tabel.docx", 0), ("keberatan-paragraf.docx", 0), ("keberatan-kuasa.docx", 0),
     ("keberatan-berkala.docx", 0), ("keberatan-nomor-asing.docx", 0), ("keberatan-banyak.xlsx", 0),
     ("keberatan-banyak.xlsx", 1)],
)  # fmt: skip
def test_valid_objection_samples_pass_validation(name, row):
    record = read_form(FORMS / name).records[row]
    data, problems = validate_objection(record, OBJECTION_DAY)
    assert problems == []
    assert data.tanggal_form == OBJECTION_DAY
    assert data.alasan == record.choices["alasan"]


def test_validated_objection_data():
    data, _ = validate_objection(read_one("keberatan-kuasa.docx")[1], OBJECTION_DAY)
    assert data.nomor_permohonan == "001/PPID/IV/2026"
    assert (data.kuasa.nama, data.kuasa.telepon) == ("I Ketut Widnyana, S.H.", "0361-225577")
    assert data.applicant.nama_kuasa == "I Ketut Widnyana, S.H."
    data, _ = validate_objection(read_one("keberatan-berkala.docx")[1], OBJECTION_DAY)
    assert (data.nomor_permohonan, data.alasan, data.kuasa) == (None, ["b"], None)
    data, _ = validate_objection(read_one("keberatan-nomor-asing.docx")[1], OBJECTION_DAY)
    # The validator does not know the register: the unknown number is checked when the form is filed.
    assert data.nomor_permohonan == "999/PPID/IV/2026"
    data, _ = validate_objection(read_one("keberatan-paragraf.docx")[1], OBJECTION_DAY)
    assert (data.applicant.telepon, data.applicant.email) == ("087862001357", "adiwiguna88@gmail.com")
    second = read_form(FORMS / "keberatan-banyak.xlsx").records[1]
    assert validate_objection(second, OBJECTION_DAY)[0].nomor_permohonan is None  # reason b alone


def test_objection_without_nik_is_invalid():
    _, record = read_one("keberatan-tanpa-nik.docx")
    assert validate_objection(record, OBJECTION_DAY) == (
        None, ["NIK (atau nomor SK pengesahan badan hukum bagi badan hukum) belum diisi."]
    )  # fmt: skip


def test_proxy_without_power_of_attorney_is_invalid(tmp_path):
    copy = tmp_path / "keberatan-kuasa.docx"
    copy.write_bytes((FORMS / "keberatan-kuasa.docx").read_bytes())  # the .kuasa.pdf stays behind
    record = read_form(copy).records[0]
    assert record.attachments == []
    _, problems = validate_objection(record, OBJECTION_DAY)
    assert len(problems) == 1 and "surat kuasa khusus belum dilampirkan" in problems[0]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("a, c", ["a", "c"]), ("c dan a", ["a", "c"]), ("A; D", ["a", "d"]), ("b.", ["b"]), ("huruf e", ["e"]),
        ("a/f/g", ["a", "f", "g"]), ("(c)", ["c"]), ("c, c", ["c"]), ("a,b,c,d,e,f,g", ALASAN_KEYS),
        ("Biaya yang dikenakan tidak wajar", ["f"]), ("g. Informasi disampaikan melebihi jangka waktu", ["g"]),
    ],
)  # fmt: skip
def test_objection_reasons_written_as_letters(tmp_path, written, expected):
    path = request_xlsx(tmp_path / "f.xlsx", [["Putu", "Singaraja", written, "Tidak ditanggapi."]],
                        header=["Nama", "Alamat", "Alasan Keberatan", "Kasus Posisi"])  # fmt: skip
    document = read_form(path)
    assert document.kind == "keberatan"
    assert document.records[0].choices == {"alasan": expected}
    assert document.records[0].notes == []


@pytest.mark.parametrize("written", ["h", "a, h", "x", "semua", "1, 3"])
def test_unknown_objection_reason_gives_a_note(tmp_path, written):
    path = request_xlsx(tmp_path / "f.xlsx", [["Putu", "Singaraja", written, "Tidak ditanggapi."]],
                        header=["Nama", "Alamat", "Alasan Keberatan", "Kasus Posisi"])  # fmt: skip
    record = read_form(path).records[0]
    assert record.choices == {}
    assert record.notes == ["Isian 'Alasan Keberatan' tidak dikenali sebagai salah satu pilihan yang tersedia."]


def test_objection_reason_letters_in_a_word_paragraph(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PENGAJUAN KEBERATAN")
    for line in ("Nomor Pendaftaran Permohonan : 001/PPID/IV/2026", "Nama : Putu Eka Saputra",
                 "Alamat : Singaraja", "Alasan Pengajuan Keberatan : a dan c", "Kasus Posisi : Ditolak."):  # fmt: skip
        document.add_paragraph(line)
    path = tmp_path / "k.docx"
    document.save(path)
    record = read_form(path).records[0]
    assert record.choices == {"alasan": ["a", "c"]} and record.notes == []


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Nama Kuasa Pemohon", "nama_kuasa"), ("Alamat Kuasa Pemohon", "alamat_kuasa"),
        ("Nomor Telepon Kuasa Pemohon", "telepon_kuasa"), ("No. HP Kuasa", "telepon_kuasa"),
        ("E-mail Kuasa", "email_kuasa"), ("Telepon/E-mail Kuasa", "telepon_kuasa"),
        ("Nomor Registrasi Keberatan (diisi petugas)", "nomor_registrasi_keberatan"),
        ("Nomor Pendaftaran Permohonan Informasi", "nomor_pendaftaran"), ("Kasus Posisi", "kasus_posisi"),
        ("Alasan Keberatan", "alasan"),
        ("D. Hari/Tanggal Tanggapan atas Keberatan akan Diberikan", "tanggal_tanggapan"),
        ("Nama Pengaju Keberatan", "nama"), ("Identitas Kuasa Pemohon", None), ("Alamat", "alamat"),
        ("Nomor Telepon", "telepon"),
    ],
)  # fmt: skip
def test_objection_label_synonyms(label, key):
    assert reading_text.label_key(label) == key


def test_proxy_label_rules_leave_answer_labels_alone():
    assert reading_text.label_key("Informasi dikuasai oleh (bila Badan Publik lain)", reading_text.ANSWER_PROFILE) == (
        "dikuasai_oleh"
    )
    assert reading_text.label_key("PPID Pelaksana/OPD yang Menguasai Informasi") == "opd_tujuan"


# -- the pipeline's own blank objection forms -----------------------------------------------------------

OBJECTION = {
    "nomor_registrasi_keberatan": "001/KEB/PPID/IV/2026",
    "nomor_pendaftaran": "001/PPID/IV/2026",
    "tujuan": "Bahan penelitian tentang keterbukaan anggaran kesehatan daerah.",
    "nama": "Ni Putu Dewi Anggreni",
    "alamat": "Jl. Tukad Yeh Aya No. 21\nPanjer, Denpasar Selatan",
    "pekerjaan": "Peneliti",
    "telepon": "0813-3811-2468",
    "email": "dewi.anggreni@gmail.com",
    "nik": "5171044705920002",
    "nama_kuasa": "I Ketut Widnyana, S.H.",
    "alamat_kuasa": "Jl. Raya Puputan No. 142, Renon, Denpasar Timur",
    "telepon_kuasa": "0361-225577",
    "kasus_posisi": "Rincian belanja ditolak tanpa surat keputusan penolakan.\nLaporan realisasinya tidak ditanggapi.",
    "tanggal_tanggapan": "20 Mei 2026",
}


@pytest.fixture(scope="module")
def written_blank_forms(tmp_path_factory):
    return write_blank_forms(tmp_path_factory.mktemp("kosong"))


@pytest.fixture()
def blank_objection_forms(written_blank_forms, tmp_path):
    """Fresh copies of the blank objection docx and xlsx (written once per module)."""
    copies = []
    for source in written_blank_forms[4:6]:
        copies.append(tmp_path / source.name)
        copies[-1].write_bytes(source.read_bytes())
    return tuple(copies)


def test_write_blank_forms_keeps_its_order_and_appends_the_objection_forms(tmp_path):
    names = [path.name for path in write_blank_forms(tmp_path)]
    assert names == [
        "formulir-permohonan-informasi.docx", "formulir-permohonan-informasi.xlsx",
        "lembar-jawaban-permohonan.docx", "lembar-jawaban-permohonan.xlsx",
        "formulir-keberatan.docx", "formulir-keberatan.xlsx",
        "daftar-informasi-publik.xlsx", "daftar-informasi-dikecualikan.xlsx",
    ]  # fmt: skip
    assert all((tmp_path / name).is_file() for name in names)


def test_blank_objection_forms_are_written_and_read_as_empty_objections(blank_objection_forms):
    docx_path, xlsx_path = blank_objection_forms
    document = read_form(docx_path)
    assert (document.kind, document.layout) == ("keberatan", "docx-table")
    assert document.records[0].fields == {} and document.records[0].choices == {}
    assert document.records[0].notes == []
    word = Document(docx_path)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "FORMULIR PENGAJUAN KEBERATAN" in text
    cells = "\n".join(cell.text for row in word.tables[0].rows for cell in row.cells)
    for printed in ("A. Informasi Pengaju Keberatan", "Nomor Registrasi Keberatan (diisi petugas)",
                    "Nomor Pendaftaran Permohonan Informasi", "Identitas Pemohon", "Identitas Kuasa Pemohon",
                    "NIK", "B. Alasan Pengajuan Keberatan", "C. Kasus Posisi",
                    "D. Hari/Tanggal Tanggapan atas Keberatan akan Diberikan"):  # fmt: skip
        assert printed in cells, printed
    assert all(f"☐ {option}" in cells for option in ALASAN_OPTIONS)
    signatures = "\n".join(cell.text for cell in word.tables[1].rows[0].cells)
    assert "Petugas Informasi" in signatures and "Pengaju Keberatan" in signatures
    empty = read_form(xlsx_path)
    assert (empty.kind, empty.records) == ("keberatan", [])


@pytest.mark.parametrize("strike", [False, True])
def test_blank_objection_docx_filled_reads_back_exactly(blank_objection_forms, strike):
    docx_path, _ = blank_objection_forms
    fill_objection_docx(docx_path, OBJECTION, ["a", "c"], strike=strike)
    document = read_form(docx_path)
    record = document.records[0]
    assert (document.kind, document.layout) == ("keberatan", "docx-table")
    assert record.fields == {**OBJECTION, **FILED}
    assert record.choices == {"alasan": ["a", "c"]}
    assert record.notes == []
    record.attachments.append(Attachment("kuasa.pdf", b"%PDF-1.4", "surat_kuasa"))
    data, problems = validate_objection(record, OBJECTION_DAY)
    assert problems == [] and data.kuasa.alamat == OBJECTION["alamat_kuasa"]


@pytest.mark.parametrize("strike", [False, True])
@pytest.mark.parametrize("reason", ALASAN_KEYS)
def test_every_reason_of_the_blank_objection_docx(blank_objection_forms, reason, strike):
    docx_path, _ = blank_objection_forms
    fill_objection_docx(docx_path, {"nama": "Putu Eka Saputra"}, [reason], strike=strike)
    record = read_form(docx_path).records[0]
    assert record.fields == {"nama": "Putu Eka Saputra", **FILED}
    assert record.choices == {"alasan": [reason]}
    assert record.notes == []


def test_blank_objection_docx_refuses_unknown_reasons(blank_objection_forms):
    with pytest.raises(ValueError):
        fill_objection_docx(blank_objection_forms[0], {}, ["h"])


def test_every_blank_objection_label_maps_to_its_key(blank_objection_forms):
    for form_field in OBJECTION_XLSX_FIELDS:
        assert reading_text.label_key(form_field.printed_label) == form_field.key, form_field.printed_label
    # Under "Identitas Kuasa Pemohon" the Word form prints plain labels; the section makes them the proxy's.
    docx_path, _ = blank_objection_forms
    labels = [row.cells[0].text for row in Document(docx_path).tables[0].rows]
    for form_field in OBJECTION_FIELDS:
        assert form_field.printed_label in labels


def test_blank_objection_xlsx_filled_reads_back_exactly(blank_objection_forms):
    _, xlsx_path = blank_objection_forms
    workbook = load_workbook(xlsx_path)
    sheet = workbook["Pengajuan Keberatan"]
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [f.printed_label for f in OBJECTION_XLSX_FIELDS]
    assert "Alasan Pengajuan Keberatan (huruf a-g, misalnya: a, c)" in [cell.value for cell in sheet[1]]
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 1 and validations[0].showInputMessage and "a, c" in validations[0].prompt
    guide = workbook["Petunjuk"]
    legend = {row[0]: row[1] for row in guide.iter_rows(values_only=True) if row[0] in ALASAN_KEYS}
    assert list(legend) == ALASAN_KEYS and legend["g"].startswith("Informasi disampaikan melebihi")
    workbook.close()
    values = {k: v for k, v in OBJECTION.items() if k != "tanggal_tanggapan"}
    rows = [
        {**values, "alasan": "a, c", **FILED},
        {},  # a blank row is skipped
        {"nama": "I Wayan Budiarsa", "nik": "5107011011750003", "alamat": "Bebandem, Karangasem",
         "telepon": "087762004455", "tujuan": "Pengawasan dana desa.", "alasan": ["b"],
         "kasus_posisi": "Laporan realisasi tidak diumumkan.", **FILED},
    ]  # fmt: skip
    fill_objection_xlsx(xlsx_path, rows)
    document = read_form(xlsx_path)
    assert (document.kind, document.layout) == ("keberatan", "xlsx-rows")
    first, second = document.records
    assert (first.row, second.row) == (2, 4)
    assert first.fields == {**values, **FILED}
    assert first.choices == {"alasan": ["a", "c"]}
    assert second.fields == {k: v for k, v in rows[2].items() if k != "alasan"}
    assert second.choices == {"alasan": ["b"]}
    assert first.notes == second.notes == []
    assert validate_objection(second, OBJECTION_DAY)[1] == []  # reason b needs no request number


# --------------------------------------------------------------------------------------------------
# The blank DIP and DIK lists
# --------------------------------------------------------------------------------------------------


def test_blank_dip_and_dik_lists_read_as_empty_lists(written_blank_forms):
    dip_path, dik_path = written_blank_forms[6:8]
    dip = read_form(dip_path)
    assert (dip.kind, dip.records) == ("dip", [])
    assert dip.title == ["DAFTAR INFORMASI PUBLIK", "PPID Pelaksana/OPD :", "Tahun :"]
    dik = read_form(dik_path)
    assert (dik.kind, dik.records) == ("dik", [])
    workbook = load_workbook(dip_path)
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[5]] == [f.printed_label for f in DIP_FIELDS]
    groups = [row[0].value for row in sheet.iter_rows(min_row=7) if row[0].value]
    assert groups == [
        "A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala",
        "B. Informasi yang Wajib Diumumkan Secara Serta Merta",
        "C. Informasi yang Wajib Tersedia Setiap Saat",
    ]
    assert sheet.freeze_panes == "A7"
    assert workbook.sheetnames == ["Daftar Informasi Publik", "Petunjuk"]
    guide = [row[0] for row in workbook["Petunjuk"].iter_rows(values_only=True) if row[0]]
    assert any("data pribadi" in str(line) for line in guide)
    assert [c.value for c in load_workbook(dik_path).worksheets[0][5]] == [f.printed_label for f in DIK_FIELDS]


def test_every_blank_list_label_maps_to_its_key():
    assert reading_columns.column_keys("dip", [f.printed_label for f in DIP_FIELDS]) == [f.key for f in DIP_FIELDS]
    assert reading_columns.column_keys("dik", [f.printed_label for f in DIK_FIELDS]) == [f.key for f in DIK_FIELDS]


DIP_ITEM = {
    "ringkasan_isi": "Data kunjungan wisatawan mancanegara per kabupaten/kota", "penguasa_informasi": "Bidang Destinasi",
    "penanggung_jawab": "Kepala Bidang Destinasi", "waktu_tempat": "Januari 2026, Denpasar",
    "bentuk_informasi": "Elektronik", "retensi": "5 tahun",
}  # fmt: skip


def test_blank_dip_filled_reads_back_under_its_groups(written_blank_forms, tmp_path):
    from pipeline.intake.lists import opd_of, validate_dip

    path = tmp_path / "dip.xlsx"
    path.write_bytes(written_blank_forms[6].read_bytes())
    fill_list_xlsx(path, "Dinas Pariwisata Provinsi Bali", 2026, {
        "berkala": [DIP_ITEM, {**DIP_ITEM, "ringkasan_isi": "Renstra Dinas Pariwisata 2024-2026", "no": 2}],
        "setiap_saat": [{**DIP_ITEM, "ringkasan_isi": "Daftar Informasi Publik Dinas Pariwisata"}],
    })  # fmt: skip
    document = read_form(path)
    assert [r.row for r in document.records] == [8, 9, 40]
    assert opd_of(document) == "Dinas Pariwisata Provinsi Bali"
    entries, problems = validate_dip(document.records, opd=opd_of(document))
    assert problems == []
    assert [(e.category, e.row) for e in entries] == [("berkala", 8), ("berkala", 9), ("setiap_saat", 40)]
    assert entries[0].ringkasan == DIP_ITEM["ringkasan_isi"]


def test_blank_dik_filled_reads_back(written_blank_forms, tmp_path):
    from pipeline.intake.lists import validate_dik

    path = tmp_path / "dik.xlsx"
    path.write_bytes(written_blank_forms[7].read_bytes())
    item = {"informasi": "Dokumen penawaran tender berjalan", "dasar_hukum": "Pasal 17 huruf b",
            "konsekuensi_dibuka": "Persaingan usaha terganggu.", "konsekuensi_ditutup": "Pengadaan adil.",
            "jangka_waktu": "Sampai penetapan pemenang", "pejabat": "Biro Pengadaan Barang/Jasa"}  # fmt: skip
    fill_list_xlsx(path, "PPID Utama", 2026, [item, {**item, "informasi": "Data lain", "dasar_hukum": "huruf k"}])
    entries, problems = validate_dik(read_form(path).records)
    assert [(e.row, e.pasal17, e.unit) for e in entries] == [(7, "b", "Biro Pengadaan Barang/Jasa")]
    assert [(p.row, p.column) for p in problems] == [(8, "Dasar Hukum Pengecualian")]
