"""Issue 12: forms as people really fill them. The corpus in tests/forms/corpus (written by make_corpus.py,
partly by LibreOffice) read against its expected records, and the rules behind it checked one by one."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from openpyxl import Workbook

from bench import reading as bench
from pipeline.core.bahasa import parse_tanggal, parse_terbilang, terbilang
from pipeline.intake.answers import _parse_amount, answer_fields, decision_from_fields
from pipeline.intake.lists import parse_dasar, pasal17_of
from pipeline.intake.reading import FormRecord, UnreadableForm, read_form
from pipeline.intake.reading.text import normalise_text
from pipeline.intake.validation import validate_objection, validate_request

CORPUS = Path(__file__).resolve().parent / "forms" / "corpus"
ITEMS = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
TODAY = date(2026, 12, 31)


def read(name: str):
    return read_form(CORPUS / name)


# -- the corpus ----------------------------------------------------------------------------------------------


def test_corpus_has_at_least_sixty_forms_of_every_kind():
    kinds = {item["kind"] for item in ITEMS}
    assert len(ITEMS) >= 60
    assert {"permohonan", "keberatan", "jawaban", "dip", "dik"} <= kinds
    assert all((CORPUS / item["file"]).is_file() for item in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=[item["file"] for item in ITEMS])
def test_corpus_item_is_read_as_expected(item):
    right, silent, differences = bench.judge(item)
    assert silent == 0, differences
    assert right, differences


def test_earlier_samples_read_as_before_issue_12():
    same, total, changed = bench.compare_earlier(verbose=False)
    assert same == total, changed


# -- where values were read, weak rules, values for the officer ------------------------------------------------


def test_every_value_knows_where_it_was_read():
    for item in ITEMS:
        if item["reason"]:
            continue
        for record in read(item["file"]).records:
            assert set(record.sources) >= set(record.fields) | set(record.choices), item["file"]
    assert read("dip-satu-lembar-per-kategori.xlsx").records[0].sources["kelompok"] == "nama lembar 'Berkala'"
    record = read("req-tabel-4-kolom.docx").records[0]
    assert set(record.sources) >= set(record.fields) | set(record.choices)
    assert record.sources["nama"] == "tabel 1, baris 1, kolom 2"
    assert record.sources["pekerjaan"] == "tabel 1, baris 1, kolom 4"
    assert record.sources["tanggal"].startswith("paragraf ")
    controls = read("req-kontrol-isian.docx").records[0]
    assert controls.sources["nama"].endswith("kontrol isian 'Nama'")
    sheet = read("xlsx-google-forms.xlsx").records[0]
    assert sheet.sources["nama"] == "sel C2" and sheet.sources["tanggal"] == "sel A2"
    boxes = read("req-kotak-teks.docx").records[0]
    assert boxes.sources["nama"].startswith("kotak teks ")


def test_a_choice_marked_in_bold_is_read_and_noted_as_weak():
    record = read("req-pilihan-tebal.docx").records[0]
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]}
    assert any("cetak tebal" in note and "Mendapatkan salinan informasi" in note for note in record.weak)
    data, problems = validate_request(record, TODAY)
    assert problems == [] and data is not None  # a weak note does not stop filing


def test_text_boxes_the_reader_cannot_place_go_to_the_officer_not_back_to_the_applicant():
    record = read("req-kotak-teks-terlepas.docx").records[0]
    assert record.unplaced and all("kotak teks" in note.lower() for note in record.unplaced)
    assert "nama" not in record.fields
    # validation still lists what it misses; the kind handler sets the form aside for the officer instead
    _, problems = validate_request(record, TODAY)
    assert "Nama belum diisi." in problems


def test_filled_but_unknown_labels_are_reported_when_a_needed_field_is_missing(tmp_path):
    book = Workbook()
    book.active.append(["Nama", "NIK", "Alamat", "Email", "Apa yang ingin Anda ketahui", "Tujuan", "Cara Memperoleh",
                        "Cara Mendapatkan Salinan"])
    book.active.append(["Budi", "5171031204880003", "Denpasar", "budi@contoh.id", "Data anggaran 2025", "Penelitian",
                        "melihat", "email"])
    book.save(tmp_path / "daftar.xlsx")
    record = read_form(tmp_path / "daftar.xlsx").records[0]
    assert "rincian_informasi" not in record.fields
    assert record.unplaced == [
        "Isian rincian informasi tidak ditemukan, tetapi ada isian yang tidak dikenali: 'Apa yang ingin Anda ketahui' "
        "(sel E2). Periksa formulir aslinya; isian tersebut mungkin jawabannya."
    ]


# -- choices -------------------------------------------------------------------------------------------------


def test_two_marks_on_a_pick_one_choice_are_never_guessed_and_the_reason_names_them():
    record = read("req-dua-centang.docx").records[0]
    assert "cara_memperoleh" not in record.choices
    _, problems = validate_request(record, TODAY)
    named = [p for p in problems if "lebih dari satu pilihan" in p]
    assert len(named) == 1
    assert "'Melihat/membaca/mendengarkan/mencatat' dan 'Mendapatkan salinan informasi (hardcopy/softcopy)'" in named[0]
    assert not any("belum dipilih" in p and "memperoleh" in p for p in problems)


def test_two_decisions_on_an_answer_sheet_are_named_not_called_unchosen():
    record = read("jwb-dua-keputusan.docx").records[0]
    decision, problems = decision_from_fields(answer_fields(record), today=TODAY)
    assert decision is None
    assert any("'Informasi dapat diberikan seluruhnya' dan 'Permohonan informasi ditolak'" in p for p in problems)
    assert not any("belum dipilih" in p for p in problems)


@pytest.mark.parametrize(("name", "choices"), [
    ("req-pilihan-stabilo.docx", {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]}),
    ("req-pilihan-garis-bawah.docx", {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]}),
    ("req-pilihan-dilingkari.docx", {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]}),
    ("req-bullet-centang.docx", {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}),
    ("req-dropdown-lama.docx", {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}),
    ("req-wingdings2.docx", {"cara_memperoleh": ["melihat"], "cara_salinan": ["faksimili"]}),
    ("lo-req-coret.docx", {"cara_memperoleh": ["salinan"], "cara_salinan": ["faksimili"]}),
])  # fmt: skip
def test_choices_marked_every_way(name, choices):
    assert read(name).records[0].choices == choices


# -- organisations, several forms, kind ----------------------------------------------------------------------


def test_an_organisation_is_the_applicant_and_its_person_in_charge_a_field_of_its_own():
    record = read("req-organisasi-yayasan.docx").records[0]
    data, problems = validate_request(record, TODAY)
    assert problems == []
    applicant = data.applicant
    assert (applicant.nama, applicant.penanggung_jawab, applicant.nomor_sk, applicant.organisasi) == (
        "Yayasan Lingkungan Lestari Bali", "I Made Suartana", "AHU-0012345.AH.01.04.Tahun 2019", True)
    assert applicant.alamat_surat == "Yayasan Lingkungan Lestari Bali c.q. I Made Suartana"
    person, _ = validate_request(read("req-tabel-4-kolom.docx").records[0], TODAY)
    assert not person.applicant.organisasi and person.applicant.alamat_surat == "I Komang Adi Wiranata"


def test_an_organisation_without_its_person_in_charge_is_incomplete():
    record = read("req-organisasi-yayasan.docx").records[0]
    del record.fields["penanggung_jawab"]
    _, problems = validate_request(record, TODAY)
    assert problems == ["Nama penanggung jawab badan hukum/organisasi belum diisi."]


def test_an_organisation_objects():
    data, problems = validate_objection(read("keb-organisasi.docx").records[0], TODAY)
    assert problems == [] and data.applicant.organisasi and data.applicant.nama == "Forum Peduli Anggaran Bali"


def test_two_forms_in_one_document_are_two_records_numbered_by_part():
    document = read("req-dua-formulir.docx")
    assert [r.part for r in document.records] == [1, 2]
    assert [r.fields["nama"] for r in document.records] == ["Ni Wayan Sri Lestari", "Made Dwi Putra"]
    assert document.records[1].where() == "Formulir ke-2: "


def test_kind_comes_from_the_form_not_from_a_word_in_an_answer():
    document = read("req-tujuan-keberatan.docx")
    assert document.kind == "permohonan"
    assert "keberatan" in document.records[0].fields["tujuan"]


def test_example_rows_and_instruction_sheets_are_skipped_with_a_note():
    document = read("xlsx-judul-header-bertingkat.xlsx")
    assert [r.row for r in document.records] == [7, 8]
    assert "Baris 6 berisi contoh pengisian dan tidak dibaca sebagai formulir." in document.notes
    assert "Lembar 'Petunjuk Pengisian' berisi petunjuk atau contoh pengisian dan tidak dibaca." in document.notes


# -- text as it is seen, dates, amounts, legal bases -----------------------------------------------------------


def test_invisible_marks_are_dropped_before_any_check():
    assert normalise_text("\u202a+62\u00a0812\u20113811\u200b2233\u202c") == "+62 812-38112233"
    record = FormRecord(fields={"nama": "\u200eBudi\u200f", "nik": "5171\u200b031204880003", "alamat": "Denpasar",
                                "telepon": "\u202a0812 3456 7890\u202c", "rincian_informasi": "x", "tujuan": "y"},
                        choices={"cara_memperoleh": ["melihat"], "cara_salinan": ["email"]})
    data, problems = validate_request(record, TODAY)
    assert problems == []
    assert (data.applicant.nama, data.applicant.nik, data.applicant.telepon) == ("Budi", "5171031204880003", "081234567890")


@pytest.mark.parametrize(("text", "expected"), [
    ("10 Nov. 2026", date(2026, 11, 10)), ("10 Nop 2026", date(2026, 11, 10)), ("18-Nov-2026", date(2026, 11, 18)),
    ("3 Agt. 2026", date(2026, 8, 3)), ("3 Agu 2026", date(2026, 8, 3)), ("3 Ags 2026", date(2026, 8, 3)),
    ("7 Sept 2026", date(2026, 9, 7)), ("7 Sep. 2026", date(2026, 9, 7)), ("9 Okt 2026", date(2026, 10, 9)),
    ("1 Des 2026", date(2026, 12, 1)), ("2 Pebruari 2026", date(2026, 2, 2)), ("16 Mrt 2026", date(2026, 3, 16)),
    ("18-11-2026", date(2026, 11, 18)), ("18/11/26", date(2026, 11, 18)), ("Senin, 16 Maret 2026", date(2026, 3, 16)),
    ("46328", date(2026, 11, 2)), ("2026-11-18", date(2026, 11, 18)),
    ("11/18/2026", None),  # month first is never guessed
    ("31-02-2026", None),
])  # fmt: skip
def test_dates_as_indonesians_write_them(text, expected):
    assert parse_tanggal(text) == expected


def test_a_form_service_time_stamp_is_the_received_date_even_month_first():
    records = read("xlsx-cap-waktu-teks.xlsx").records
    assert [r.fields["tanggal"] for r in records] == ["18 November 2026", "4 November 2026"]
    assert all("cap waktu" in note for r in records for note in r.weak)


@pytest.mark.parametrize("n", [0, 7, 11, 15, 100, 115, 1000, 1001, 15000, 21500, 1001000, 2500000])
def test_number_words_read_back(n):
    assert parse_terbilang(terbilang(n)) == n


@pytest.mark.parametrize(("text", "value"), [
    ("Rp 15.000,-", 15000), ("Rp15.000,00", 15000), ("Rp. 1.000,- / lembar", 1000), ("12 lembar", 12),
    ("7 (tujuh) hari kerja", 7), ("lima belas ribu rupiah", 15000), ("gratis", 0), ("30 lbr", 30), ("15 hal.", 15),
])  # fmt: skip
def test_amounts_as_people_write_them(text, value):
    problems: list[str] = []
    assert _parse_amount(text, "Biaya", problems) == value and problems == []


@pytest.mark.parametrize(("text", "letter", "angka"), [
    ("Ps. 17 hrf. b ang. 2 UU KIP", "b", "2"), ("Psl 17 (b)", "b", ""), ("Pasal 17 huruf (c)", "c", ""),
    ("pasal 17 ayat (1) huruf c", "c", ""), ("UU 14/2008 Pasal 17 huruf h angka 2", "h", "2"), ("huruf e", "e", ""),
])  # fmt: skip
def test_legal_bases_in_every_common_abbreviation(text, letter, angka):
    assert pasal17_of(text) == (letter, angka)
    assert parse_dasar(text)[:2] == (letter, angka)


# -- reasons that say what to do -------------------------------------------------------------------------------


def _refusal(path: Path) -> str:
    with pytest.raises(UnreadableForm) as caught:
        read_form(path)
    return str(caught.value)


@pytest.mark.parametrize(("name", "words"), [
    ("fmt-csv-bernama.xlsx", ["CSV", "simpan ulang sebagai .xlsx"]),
    ("fmt-odt-bernama.docx", ["OpenDocument", ".odt", "simpan ulang sebagai .docx"]),
    ("fmt-ods-bernama.xlsx", ["OpenDocument", ".ods", "simpan ulang sebagai .xlsx"]),
    ("fmt-html-sebagai.doc", ["HTML", "simpan ulang sebagai .docx"]),
    ("fmt-mht-sebagai.doc", ["MHT", "simpan ulang sebagai .docx"]),
    ("fmt-word-lama.doc", ["Word lama", "simpan ulang sebagai .docx"]),
    ("fmt-excel-lama.xls", ["Excel lama", "simpan ulang sebagai .xlsx"]),
    ("fmt-teks-biasa.docx", ["teks biasa", "ketik ulang"]),
    ("fmt-foto.docx", ["gambar", "ketik ulang"]),
    ("req-pindaian-gambar.docx", ["gambar", "pindaian", "ketik ulang pada formulir .docx"]),
])  # fmt: skip
def test_reasons_name_the_format_and_the_remedy(name, words):
    reason = _refusal(CORPUS / name)
    assert all(word in reason for word in words), reason
    assert "rusak" not in reason


def test_a_readable_file_is_never_called_broken_but_random_bytes_are(tmp_path):
    broken = tmp_path / "acak.docx"
    broken.write_bytes(bytes(range(256)) * 8)
    assert "rusak" in _refusal(broken)
    odt = tmp_path / "formulir.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    odt.write_bytes(buffer.getvalue())
    assert "OpenDocument" in _refusal(odt)


def test_a_document_with_two_kinds_of_forms_is_refused_with_the_reason(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for line in ["Nama: Budi", "NIK: 5171031204880003", "Alamat: Denpasar", "Rincian informasi: data",
                 "Tujuan penggunaan informasi: penelitian", "Cara memperoleh informasi: melihat"]:
        document.add_paragraph(line)
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for line in ["Nama: Ani", "Alamat: Badung", "Telepon: 081234567890"]:
        document.add_paragraph(line)
    document.save(tmp_path / "dua.docx")
    # the second part is too little to be a form of its own: it stays with the first, and the two names are reported
    record, = read_form(tmp_path / "dua.docx").records
    assert any("'Nama' terisi dua kali" in note for note in record.unplaced)


@pytest.mark.parametrize(("line", "chosen"), [
    ("Melihat/membaca √  Mendapatkan salinan", ["melihat"]),     # the tick sits against the first option
    ("Melihat/membaca  √ Mendapatkan salinan", ["salinan"]),     # ... against the second
    ("Melihat/membaca √ Mendapatkan salinan", None),             # halfway: never guessed
])  # fmt: skip
def test_a_tick_between_two_options_goes_to_the_one_it_sits_against_or_to_the_officer(tmp_path, line, chosen):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for text in ["Nama: Budi", "Alamat: Denpasar", "Rincian informasi: data", f"Cara memperoleh informasi: {line}"]:
        document.add_paragraph(text)
    document.save(tmp_path / "f.docx")
    record = read_form(tmp_path / "f.docx").records[0]
    if chosen:
        assert record.choices == {"cara_memperoleh": chosen} and record.unplaced == []
    else:
        assert record.choices == {} and any("di antara dua pilihan" in note for note in record.unplaced)


def test_marks_in_the_row_under_side_by_side_options_belong_to_the_option_above(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for text in ["Nama: Budi", "Alamat: Denpasar", "Rincian informasi: data", "Cara memperoleh informasi:"]:
        document.add_paragraph(text)
    grid = document.add_table(rows=2, cols=2)
    for cell, text in zip(grid.rows[0].cells + grid.rows[1].cells, ["Melihat/membaca", "Mendapatkan salinan", "√", ""]):
        cell.text = text
    document.add_paragraph("Cara mendapatkan salinan:")
    grid = document.add_table(rows=2, cols=3)
    for cell, text in zip(grid.rows[0].cells + grid.rows[1].cells, ["Kurir", "Pos", "E-mail", "", "", "X"]):
        cell.text = text
    document.save(tmp_path / "grid.docx")
    record = read_form(tmp_path / "grid.docx").records[0]
    assert record.choices == {"cara_memperoleh": ["melihat"], "cara_salinan": ["email"]}


def test_a_table_row_deleted_with_tracked_changes_is_not_read(tmp_path):
    document = Document()
    document.add_paragraph("FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("Nama", "Budi"), ("Nama", "Nama lama dihapus"), ("Alamat", "Denpasar")]):
        row.cells[0].text, row.cells[1].text = label, value
    row_properties = table.rows[1]._tr.get_or_add_trPr()
    row_properties.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="9" w:author="x"/>'))
    for text in ["Rincian informasi: data", "Tujuan: penelitian"]:
        document.add_paragraph(text)
    document.save(tmp_path / "hapus.docx")
    record = read_form(tmp_path / "hapus.docx").records[0]
    assert record.fields["nama"] == "Budi" and record.unplaced == []


def test_workbook_tick_columns_headed_by_the_options_themselves(tmp_path):
    book = Workbook()
    book.active.append(["Nama", "NIK", "Alamat", "Kode Pos", "Telepon", "Rincian Informasi", "Tujuan", "Melihat",
                        "Mendapatkan salinan", "Kurir", "Pos", "Cara memperoleh informasi [Melihat]"])
    book.active.append(["Budi", "5171031204880003", "Denpasar", "80111", "081234567890", "Data", "Riset", "", "v", "",
                        "√", ""])
    book.save(tmp_path / "centang.xlsx")
    record = read_form(tmp_path / "centang.xlsx").records[0]
    assert record.choices == {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}
    assert record.unplaced == []  # "Kode Pos" is not the Pos option
