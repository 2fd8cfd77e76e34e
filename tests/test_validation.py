from dataclasses import dataclass, field
from datetime import date

import pytest

from pipeline.intake.validation import (
    RequestData,
    split_telepon_email,
    validate_email,
    validate_nik,
    validate_phone,
    validate_phones,
    validate_request,
)

try:
    from pipeline.intake.reading import FormRecord
except ImportError:   # reading.py is written in parallel; same fields as the contract
    @dataclass
    class FormRecord:
        fields: dict[str, str]
        choices: dict[str, list[str]]
        row: int | None = None
        attachments: list = field(default_factory=list)
        notes: list[str] = field(default_factory=list)


TODAY = date(2026, 3, 16)
NIK = "5171010101900001"     # region 517101, born 01-01-1990
NIK_FEMALE = "5171014503920002"   # day 05 + 40

COMPLETE_FIELDS = {
    "nama": "I Made Contoh",
    "nik": NIK,
    "alamat": "Jl. Contoh No. 1, Denpasar",
    "pekerjaan": "Wiraswasta",
    "telepon_email": "0812-3456-7890 / made@contoh.id",
    "rincian_informasi": "Salinan DPA Dinas Kominfos Tahun 2025",
    "tujuan": "Penelitian",
    "tanggal": "Denpasar, 16 Maret 2026",
}
COMPLETE_CHOICES = {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}


def record(fields=None, choices=None, drop=(), notes=()):
    merged = {**COMPLETE_FIELDS, **(fields or {})}
    for key in drop:
        merged.pop(key, None)
    ticks = {**COMPLETE_CHOICES, **(choices or {})}
    return FormRecord(fields=merged, choices=ticks, notes=list(notes))


def test_complete_form():
    data, problems = validate_request(record(), TODAY)
    assert problems == []
    assert isinstance(data, RequestData)
    assert data.applicant.nama == "I Made Contoh"
    assert data.applicant.nik == NIK
    assert data.applicant.telepon == "081234567890"
    assert data.applicant.email == "made@contoh.id"
    assert data.applicant.pekerjaan == "Wiraswasta"
    assert data.cara_memperoleh == ["salinan"]
    assert data.cara_salinan == ["email"]
    assert data.tanggal_form == date(2026, 3, 16)
    assert data.tempat == "Denpasar"
    assert data.opd_tujuan is None


def test_personal_data_not_in_repr():
    data, _ = validate_request(record(), TODAY)
    text = repr(data)
    assert NIK not in text and "made@contoh.id" not in text and "081234567890" not in text


@pytest.mark.parametrize(("drop", "fields", "choices", "problem"), [
    (("nama",), None, None, "Nama belum diisi."),
    (("alamat",), None, None, "Alamat belum diisi."),
    ((), {"alamat": " - "}, None, "Alamat belum diisi."),
    (("nik",), None, None, "NIK (atau nomor SK pengesahan badan hukum bagi badan hukum) belum diisi."),
    (("telepon_email",), None, None, "Nomor telepon/e-mail belum diisi (isi salah satu)."),
    (("rincian_informasi",), None, None, "Rincian informasi yang dibutuhkan belum diisi."),
    (("tujuan",), None, None, "Tujuan penggunaan informasi belum diisi."),
    ((), None, {"cara_memperoleh": []},
     "Cara memperoleh informasi belum dipilih (beri tanda ☑ pada salah satu pilihan)."),
    ((), None, {"cara_salinan": []},
     "Cara mendapatkan salinan informasi belum dipilih (beri tanda ☑ pada salah satu pilihan)."),
    ((), {"tanggal": "Denpasar, 20 Desember 2026"}, None,
     "Tanggal permohonan 20 Desember 2026 berada di masa depan."),
    ((), {"tanggal": "Denpasar, kemarin"}, None,
     'Tanggal permohonan tidak dapat dibaca (tertulis "kemarin"); tulis seperti 16 Maret 2026.'),
    ((), {"nik": "517101010190001"}, None, "NIK harus 16 angka (tertulis 15 angka)."),
    ((), {"telepon_email": "0812-3456"}, None,
     "Nomor telepon tidak valid: harus diawali +62, 62, atau 0 lalu diikuti 8 sampai 13 angka."),
    ((), {"telepon_email": "made@contoh"}, None,
     "Alamat e-mail tidak valid (contoh penulisan yang benar: nama@contoh.go.id)."),
    ((), None, {"cara_salinan": ["merpati"]},
     "Pilihan cara mendapatkan salinan informasi tidak dikenal: merpati."),
])
def test_single_problem(drop, fields, choices, problem):
    data, problems = validate_request(record(fields, choices, drop), TODAY)
    assert data is None
    assert problems == [problem]


def test_every_problem_is_reported_in_form_order():
    empty = FormRecord(fields={}, choices={}, notes=["Pilihan cara salinan tidak jelas: dua tanda."])
    data, problems = validate_request(empty, TODAY)
    assert data is None
    assert problems == [
        "Nama belum diisi.",
        "NIK (atau nomor SK pengesahan badan hukum bagi badan hukum) belum diisi.",
        "Alamat belum diisi.",
        "Nomor telepon/e-mail belum diisi (isi salah satu).",
        "Rincian informasi yang dibutuhkan belum diisi.",
        "Tujuan penggunaan informasi belum diisi.",
        "Cara memperoleh informasi belum dipilih (beri tanda ☑ pada salah satu pilihan).",
        "Cara mendapatkan salinan informasi belum dipilih (beri tanda ☑ pada salah satu pilihan).",
        "Pilihan cara salinan tidak jelas: dua tanda.",
    ]


def test_reader_notes_are_problems():
    data, problems = validate_request(record(notes=["Tanda pada cara memperoleh informasi tidak jelas."]),
                                      TODAY)
    assert data is None
    assert problems == ["Tanda pada cara memperoleh informasi tidak jelas."]


def test_legal_entity_uses_sk_number_instead_of_nik():
    data, problems = validate_request(
        record({"nomor_sk": "AHU-0012345.AH.01.07 Tahun 2020"}, drop=("nik",)), TODAY)
    assert problems == []
    assert data.applicant.nik is None
    assert data.applicant.nomor_sk == "AHU-0012345.AH.01.07 Tahun 2020"


def test_separate_phone_and_email_fields():
    fields = {"telepon": "+62 361 234567", "email": "Made@Contoh.ID"}
    data, problems = validate_request(record(fields, drop=("telepon_email",)), TODAY)
    assert problems == []
    assert data.applicant.telepon == "0361234567"
    assert data.applicant.email == "Made@contoh.id"


def test_phone_or_email_alone_is_enough():
    data, problems = validate_request(record({"telepon_email": "made@contoh.id"}), TODAY)
    assert problems == [] and data.applicant.telepon is None
    data, problems = validate_request(record({"telepon_email": "HP: 0812 3456 7890"}), TODAY)
    assert problems == [] and data.applicant.email is None


def test_form_dated_today_and_optional_fields():
    fields = {"tanggal": "16-03-2026", "tempat": "Denpasar", "opd_tujuan": "Dinas Kesehatan",
              "nama_kuasa": "Ni Luh Kuasa"}
    data, problems = validate_request(record(fields), TODAY)
    assert problems == []
    assert data.tempat == "Denpasar"
    assert data.opd_tujuan == "Dinas Kesehatan"
    assert data.applicant.nama_kuasa == "Ni Luh Kuasa"


@pytest.mark.parametrize(("text", "normalized"), [
    (NIK, NIK),
    ("5171 0101 0190 0001", NIK),
    ("5171.0101.0190.0001", NIK),
    (NIK_FEMALE, NIK_FEMALE),                  # women: day + 40
    ("5171-0101-0190-0001", NIK),
])
def test_valid_niks(text, normalized):
    assert validate_nik(text) == (normalized, None)


@pytest.mark.parametrize(("text", "problem"), [
    ("", "NIK belum diisi."),
    ("517101010190001", "NIK harus 16 angka (tertulis 15 angka)."),
    ("51710101019000012", "NIK harus 16 angka (tertulis 17 angka)."),
    ("5171O10101900001", "NIK hanya boleh berisi angka."),
    ("0000000101900001", "NIK tidak valid: kode wilayah (angka ke-1 sampai ke-6) tidak boleh semuanya nol."),
    ("5171013201900001", "NIK tidak valid: angka ke-7 dan ke-8 (tanggal lahir) harus 01–31, "
                         "atau 41–71 untuk perempuan."),
    ("5171010001900001", "NIK tidak valid: angka ke-7 dan ke-8 (tanggal lahir) harus 01–31, "
                         "atau 41–71 untuk perempuan."),
    ("5171017201900001", "NIK tidak valid: angka ke-7 dan ke-8 (tanggal lahir) harus 01–31, "
                         "atau 41–71 untuk perempuan."),
    ("5171010113900001", "NIK tidak valid: angka ke-9 dan ke-10 (bulan lahir) harus 01–12."),
    ("5171010100900001", "NIK tidak valid: angka ke-9 dan ke-10 (bulan lahir) harus 01–12."),
    ("5171013102900001", "NIK tidak valid: tanggal lahir (angka ke-7 dan ke-8) tidak ada "
                         "pada bulan lahir (angka ke-9 dan ke-10)."),     # 31 February
    ("5171017102900001", "NIK tidak valid: tanggal lahir (angka ke-7 dan ke-8) tidak ada "
                         "pada bulan lahir (angka ke-9 dan ke-10)."),     # 31 February, female
    ("5171012902910001", "NIK tidak valid: tanggal lahir (angka ke-7 dan ke-8) tidak ada "
                         "pada bulan lahir (angka ke-9 dan ke-10)."),     # 29 Feb 1991
    ("5171013104900001", "NIK tidak valid: tanggal lahir (angka ke-7 dan ke-8) tidak ada "
                         "pada bulan lahir (angka ke-9 dan ke-10)."),     # 31 April
])
def test_invalid_niks(text, problem):
    normalized, found = validate_nik(text)
    assert normalized is None
    assert found == problem
    assert text not in found or not text


@pytest.mark.parametrize("text", ["5171012902920001", "5171016902000001", "5171017101900001"])
def test_nik_edge_dates(text):
    # 29 Feb in a leap year (92, 00), female 31 January (71)
    assert validate_nik(text) == (text, None)


def test_nik_problem_in_request_never_shows_the_number():
    bad = "5171013102900001"
    _, problems = validate_request(record({"nik": bad}), TODAY)
    assert len(problems) == 1 and bad not in problems[0] and "517101" not in problems[0]


@pytest.mark.parametrize(("text", "normalized"), [
    ("081234567890", "081234567890"),
    ("0812-3456-7890", "081234567890"),
    ("+62 812 3456 7890", "081234567890"),
    ("62812345678", "0812345678"),
    ("+62 (0)812-3456-7890", "081234567890"),
    ("(0361) 234567", "0361234567"),
])
def test_valid_phones(text, normalized):
    assert validate_phone(text) == (normalized, None)


@pytest.mark.parametrize("text", ["0812345", "12345678901", "+1 555 123 4567", "0812345678901234",
                                  "+62 0812 3456 7890", "08123abc456"])
def test_invalid_phones(text):
    normalized, problem = validate_phone(text)
    assert normalized is None and problem.startswith("Nomor telepon tidak valid")


def test_several_phones():
    assert validate_phones("0361 234567 / 0812-3456-7890") == ("0361234567, 081234567890", None)
    assert validate_phones("0361 234567 atau 12")[0] is None


@pytest.mark.parametrize(("text", "normalized"), [
    ("made@contoh.id", "made@contoh.id"),
    ("Made.Contoh+ppid@Mail.Baliprov.GO.ID", "Made.Contoh+ppid@mail.baliprov.go.id"),
    ("<made@contoh.id>", "made@contoh.id"),
])
def test_valid_emails(text, normalized):
    assert validate_email(text) == (normalized, None)


@pytest.mark.parametrize("text", ["made@contoh", "made.contoh.id", "made@@contoh.id", "made@contoh..id",
                                  ".made@contoh.id", "made @contoh.id", "made@-contoh.id"])
def test_invalid_emails(text):
    normalized, problem = validate_email(text)
    assert normalized is None and problem.startswith("Alamat e-mail tidak valid")


@pytest.mark.parametrize(("text", "parts"), [
    ("0812-3456-7890 / made@contoh.id", ("0812-3456-7890", "made@contoh.id")),
    ("made@contoh.id, 0812 3456 7890", ("0812 3456 7890", "made@contoh.id")),
    ("Telp: 0361 234567; E-mail: made@contoh.id", ("0361 234567", "made@contoh.id")),
    ("made@contoh.id", (None, "made@contoh.id")),
    ("No. HP 081234567890", ("081234567890", None)),
])
def test_split_telepon_email(text, parts):
    assert split_telepon_email(text) == parts


def test_missing_form_date_is_not_a_problem():
    data, problems = validate_request(record(drop=("tanggal",)), TODAY)
    assert problems == []
    assert data.tanggal_form is None
