"""pipeline.intake.lists: the DIP and DIK lists checked row by row, the recap and the published files.

The samples are the committed files in tests/forms/ (written by tests/forms/make_forms.py, not by the
pipeline's blank forms): every expected problem is pinned to its Excel row and printed column.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.intake import lists as daftar
from pipeline.intake.lists import (
    CATEGORIES,
    COL_DASAR,
    COL_DITUTUP,
    COL_JANGKA,
    COL_KATEGORI,
    COL_KELOMPOK,
    COL_OPD,
    COL_RETENSI,
    COL_RINGKASAN,
    DipEntry,
    RowProblem,
    category_of,
    opd_of,
    parse_dasar,
    validate_dik,
    validate_dip,
)
from pipeline.intake.reading import FormRecord, read_form
from pipeline.render.lists import daftar_context, write_recap_xlsx
from pipeline.render.publication import write_publication

FORMS = Path(__file__).resolve().parent / "forms"
DINKES = "Dinas Kesehatan Provinsi Bali"
DISHUB = "Dinas Perhubungan Provinsi Bali"
BAPENDA = "Badan Pendapatan Daerah Provinsi Bali"


def checked(name: str, fallback: str | None = None):
    document = read_form(FORMS / name)
    opd = opd_of(document, fallback)
    entries, problems = validate_dip(document.records, opd=opd)
    return document, opd, entries, problems


def record(row: int | None = None, **fields) -> FormRecord:
    return FormRecord(fields=fields, choices={}, row=row)


FULL = {
    "ringkasan_isi": "Laporan Keuangan Tahun 2025", "penguasa_informasi": "Subbagian Keuangan",
    "penanggung_jawab": "Kepala Subbagian Keuangan", "waktu_tempat": "2026, Denpasar",
    "bentuk_informasi": "Cetak dan elektronik", "retensi": "10 tahun",
}  # fmt: skip


@pytest.fixture(scope="module")
def all_entries() -> list[DipEntry]:
    """The valid lists of three OPDs, in the order they arrived (Dishub, Bapenda, Dinkes)."""
    entries: list[DipEntry] = []
    for name in ("dip-dishub.xlsx", "dip-bapenda-perbaikan.xlsx", "dip-dinkes.xlsx"):
        _, _, found, problems = checked(name)
        assert problems == []
        entries += found
    return entries


# --------------------------------------------------------------------------------------------------
# Categories
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A", "berkala"), ("a.", "berkala"), ("(B)", "serta_merta"), ("C", "setiap_saat"),
        ("berkala", "berkala"), ("Informasi Berkala", "berkala"), ("Serta-merta", "serta_merta"),
        ("SERTA MERTA", "serta_merta"), ("sertamerta", "serta_merta"), ("setiap saat", "setiap_saat"),
        ("Tersedia Setiap-Saat", "setiap_saat"),
        (CATEGORIES["berkala"], "berkala"), (CATEGORIES["serta_merta"], "serta_merta"),
        (CATEGORIES["setiap_saat"], "setiap_saat"),
        ("A. INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA", "berkala"),
        ("Terbuka", None), ("Dikecualikan", None), ("D", None), ("", None), (None, None),
        ("A. Informasi lainnya", None), ("berkala dan serta merta", None),
    ],
)  # fmt: skip
def test_category_of(text, expected):
    assert category_of(text) == expected


def test_categories_are_the_three_dip_groups():
    assert list(CATEGORIES) == ["berkala", "serta_merta", "setiap_saat"]
    assert [heading[:2] for heading in CATEGORIES.values()] == ["A.", "B.", "C."]


# --------------------------------------------------------------------------------------------------
# The DIP samples
# --------------------------------------------------------------------------------------------------


def test_dinkes_valid_with_a_category_column():
    document, opd, entries, problems = checked("dip-dinkes.xlsx")
    assert opd == DINKES  # from the title row "PPID Pelaksana : Dinas Kesehatan Provinsi Bali"
    assert problems == []
    assert [(e.row, e.category) for e in entries] == [
        (6, "berkala"), (7, "berkala"), (8, "berkala"), (9, "serta_merta"), (10, "serta_merta"),
        (11, "setiap_saat"), (12, "setiap_saat"),
    ]  # fmt: skip
    first = entries[1]
    assert first == DipEntry(
        category="berkala", ringkasan="Laporan Keuangan Dinas Kesehatan Tahun Anggaran 2025 (LRA, Neraca, CaLK)",
        penguasa="Subbagian Keuangan", penanggung_jawab="Kepala Subbagian Keuangan", waktu_tempat="Maret 2026, Denpasar",
        bentuk="Cetak dan elektronik", retensi="10 tahun", opd=DINKES, row=7,
    )  # fmt: skip


def test_dishub_valid_with_merged_group_rows_and_blank_rows():
    document, opd, entries, problems = checked("dip-dishub.xlsx")
    assert opd == DISHUB  # the second of three title rows
    assert problems == []
    assert [(e.row, e.category) for e in entries] == [
        (8, "berkala"), (9, "berkala"), (12, "serta_merta"), (15, "setiap_saat"), (16, "setiap_saat"),
    ]
    assert {e.opd for e in entries} == {DISHUB}


def test_bapenda_errors_each_with_its_row_and_column():
    _, opd, entries, problems = checked("dip-bapenda-salah.xlsx")
    assert opd == BAPENDA  # from the one-line title
    assert [(p.row, p.column) for p in problems] == [(5, COL_RETENSI), (6, COL_KATEGORI), (8, COL_RINGKASAN)]
    assert problems[0].message == "Jangka waktu penyimpanan atau retensi arsip belum diisi."
    assert problems[1].message == 'Kategori "Terbuka" tidak dikenal: isi Berkala, Serta Merta, atau Setiap Saat.'
    assert "baris 4" in problems[2].message and "Berkala" in problems[2].message
    assert [e.row for e in entries] == [4, 7, 9]  # the rows without problems


def test_bapenda_corrected_resubmission_is_valid():
    _, opd, entries, problems = checked("dip-bapenda-perbaikan.xlsx")
    assert opd == BAPENDA
    assert problems == []
    assert [(e.row, e.category) for e in entries] == [
        (4, "berkala"), (5, "berkala"), (6, "setiap_saat"), (7, "serta_merta"), (8, "setiap_saat"),
    ]
    assert entries[1].retensi == "5 tahun"


def test_old_dip_sample_validates_too():
    _, opd, entries, problems = checked("dip.xlsx")
    assert (opd, problems) == (DINKES, [])
    assert [e.category for e in entries] == ["berkala", "serta_merta", "setiap_saat"]


def test_every_missing_column_is_reported_in_its_column():
    _, problems = validate_dip([record(3, ringkasan_isi="Profil", kategori="Berkala")], opd="Dinas X")
    assert [(p.row, p.column) for p in problems] == [
        (3, daftar.COL_PENGUASA), (3, daftar.COL_PENANGGUNG_JAWAB), (3, daftar.COL_WAKTU_TEMPAT),
        (3, daftar.COL_BENTUK), (3, COL_RETENSI),
    ]  # fmt: skip


def test_dash_counts_as_empty_retention():
    entries, problems = validate_dip([record(4, **{**FULL, "retensi": "-"}, kategori="A")], opd="Dinas X")
    assert entries == [] and [(p.row, p.column) for p in problems] == [(4, COL_RETENSI)]


def test_missing_category_and_excepted_category():
    entries, problems = validate_dip(
        [record(2, **FULL), record(3, **{**FULL, "ringkasan_isi": "Rekam medis"}, kategori="Dikecualikan")],
        opd="Dinas X",
    )
    assert entries == []
    assert [(p.row, p.column) for p in problems] == [(2, COL_KATEGORI), (3, COL_KATEGORI)]
    assert "Daftar Informasi yang Dikecualikan" in problems[1].message


def test_unknown_group_heading_is_reported_once():
    heading = "D. Informasi Lainnya"
    records = [record(5, **FULL, kelompok=heading), record(6, **{**FULL, "ringkasan_isi": "Lain"}, kelompok=heading)]
    entries, problems = validate_dip(records, opd="Dinas X")
    assert entries == []
    assert [(p.row, p.column) for p in problems] == [(5, COL_KELOMPOK)]
    assert heading in problems[0].message


def test_category_column_wins_over_the_group_heading():
    entries, problems = validate_dip([record(5, **FULL, kategori="Setiap Saat", kelompok=CATEGORIES["berkala"])],
                                     opd="Dinas X")  # fmt: skip
    assert problems == [] and entries[0].category == "setiap_saat"


def test_same_summary_in_another_category_is_not_a_duplicate():
    entries, problems = validate_dip(
        [record(2, **FULL, kategori="Berkala"), record(3, **FULL, kategori="Setiap Saat")], opd="Dinas X"
    )
    assert problems == [] and len(entries) == 2


def test_list_without_opd_name():
    entries, problems = validate_dip([record(2, **FULL, kategori="A")], opd=None)
    assert problems == [RowProblem(None, COL_OPD, problems[0].message)]
    assert "PPID Pelaksana/OPD" in problems[0].message
    assert entries[0].opd == ""


def test_empty_list():
    empty = RowProblem(None, COL_RINGKASAN, "Daftar tidak memuat satu pun informasi.")
    assert validate_dip([], opd="Dinas X") == ([], [empty])


@pytest.mark.parametrize("text", ["Dihubungi 0812-3456-7890", "NIK 5171031203900004", "kadek.ari@gmail.com"])
def test_personal_data_is_refused(text):
    entries, problems = validate_dip([record(9, **{**FULL, "penanggung_jawab": text}, kategori="A")], opd="Dinas X")
    assert entries == [] and [(p.row, p.column) for p in problems] == [(9, daftar.COL_PENANGGUNG_JAWAB)]
    assert "data pribadi" in problems[0].message


def test_office_email_is_not_personal_data():
    entries, problems = validate_dip([record(9, **{**FULL, "waktu_tempat": "2026, ppid@baliprov.go.id"}, kategori="A")],
                                     opd="Dinas X")  # fmt: skip
    assert problems == [] and len(entries) == 1


# --------------------------------------------------------------------------------------------------
# Which OPD
# --------------------------------------------------------------------------------------------------


def test_opd_column_wins_and_is_used_per_row():
    records = [record(2, **FULL, kategori="A", opd="DINAS PARIWISATA PROVINSI BALI"),
               record(3, **{**FULL, "ringkasan_isi": "Lain"}, kategori="A")]  # fmt: skip
    assert opd_of(records, "Dinas X") == "Dinas Pariwisata Provinsi Bali"
    entries, problems = validate_dip(records, opd="Dinas X")
    assert problems == [] and [e.opd for e in entries] == ["Dinas Pariwisata Provinsi Bali", "Dinas X"]


def test_opd_fallback_and_title_forms():
    assert opd_of([record(2, **FULL)], "Dinas Sosial") == "Dinas Sosial"
    assert opd_of([record(2, **FULL)]) is None

    class Titled:
        def __init__(self, *title):
            self.records, self.title = [], list(title)

    assert opd_of(Titled("DAFTAR INFORMASI PUBLIK", "Nama PPID Pelaksana/OPD : DINAS KOMUNIKASI, INFORMATIKA DAN "
                         "STATISTIK PROVINSI BALI")) == "Dinas Komunikasi, Informatika dan Statistik Provinsi Bali"
    assert opd_of(Titled("DAFTAR INFORMASI PUBLIK PPID PELAKSANA RSUD BALI MANDARA TAHUN 2026")) == "RSUD Bali Mandara"
    assert opd_of(Titled("DAFTAR INFORMASI PUBLIK", "PPID Pelaksana/OPD :", "Tahun : 2026"), "x") == "x"  # blank form
    assert opd_of(Titled("Daftar Informasi Publik Biro Hukum Setda Provinsi Bali")) == "Biro Hukum Setda Provinsi Bali"


# --------------------------------------------------------------------------------------------------
# DIK
# --------------------------------------------------------------------------------------------------


def test_dik_proposal_is_valid_with_letters_b_h_j_and_another_law():
    document = read_form(FORMS / "dik-usulan.xlsx")
    entries, problems = validate_dik(document.records)
    assert problems == []
    assert [(e.row, e.pasal17, e.angka) for e in entries] == [(5, "b", ""), (6, "h", "2"), (7, "j", ""), (8, "", "")]
    kip = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
    assert entries[0].dasar_teks == f"Pasal 17 huruf b {kip}"
    assert entries[1].dasar_teks == f"Pasal 17 huruf h angka 2 {kip}"
    assert entries[2].dasar_lain == "Pasal 172 UU 28/2009 tentang Pajak Daerah dan Retribusi Daerah"
    assert entries[2].dasar_teks == (f"Pasal 17 huruf j {kip} juncto Pasal 172 Undang-Undang Nomor 28 Tahun 2009 "
                                     "tentang Pajak Daerah dan Retribusi Daerah")  # fmt: skip
    assert entries[3].dasar_lain == "Pasal 57 UU 36/2009 tentang Kesehatan"
    assert entries[3].dasar_teks == "Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan"
    assert entries[1].unit == "RSUD Bali Mandara"
    assert all(e.konsekuensi_dibuka and e.konsekuensi_ditutup and e.jangka_waktu for e in entries)


def test_dik_errors_each_with_its_row_and_column():
    entries, problems = validate_dik(read_form(FORMS / "dik-salah.xlsx").records)
    assert [(p.row, p.column) for p in problems] == [(5, COL_DITUTUP), (6, COL_DASAR), (7, COL_JANGKA)]
    assert 'huruf "k"' in problems[1].message and "a sampai j" in problems[1].message
    assert [e.row for e in entries] == [4]


@pytest.mark.parametrize(
    ("text", "letter", "angka", "lain"),
    [
        ("Pasal 17 huruf b", "b", "", ""), ("17 b angka 2", "b", "2", ""), ("huruf c", "c", "", ""),
        ("Pasal 17 huruf h angka 4 UU KIP", "h", "4", ""), ("Pasal 17 huruf (i) UU 14/2008", "i", "", ""),
        ("Pasal 57 UU 36/2009 tentang Kesehatan", "", "", "Pasal 57 UU 36/2009 tentang Kesehatan"),
        ("Pasal 17 huruf h UU 14/2008; UU 17/2023", "h", "", "UU 17/2023"),
        ("Pasal 17 ayat (1) UU 7/1992", "", "", "Pasal 17 ayat (1) UU 7/1992"),
    ],
)  # fmt: skip
def test_parse_dasar(text, letter, angka, lain):
    assert parse_dasar(text)[:3] == (letter, angka, lain)
    assert parse_dasar(text)[4] == ""


@pytest.mark.parametrize("text", ["Pasal 17 huruf k", "k", "Pasal 17 UU 14/2008", "rahasia dinas", "Pasal 17 huruf j"])
def test_parse_dasar_refuses(text):
    assert parse_dasar(text)[4]


def test_dik_missing_basis_and_consequence_when_opened():
    row = record(3, informasi="Data X", konsekuensi_ditutup="Terlindungi", jangka_waktu="5 tahun")
    entries, problems = validate_dik([row])
    assert entries == [] and [(p.row, p.column) for p in problems] == [(3, COL_DASAR), (3, daftar.COL_DIBUKA)]


# --------------------------------------------------------------------------------------------------
# Context for the templates
# --------------------------------------------------------------------------------------------------


def test_daftar_context_groups_by_category_then_opd(all_entries):
    context = daftar_context(year=2026, entries=all_entries)
    assert [k["judul"] for k in context["kelompok"]] == list(CATEGORIES.values())
    assert [[o["opd"] for o in k["opd_list"]] for k in context["kelompok"]] == [
        [BAPENDA, DINKES, DISHUB], [BAPENDA, DINKES, DISHUB], [BAPENDA, DINKES, DISHUB],
    ]
    numbers = [e["no"] for k in context["kelompok"] for o in k["opd_list"] for e in o["entri"]]
    assert numbers == [str(n) for n in range(1, len(all_entries) + 1)]
    assert [e["no"] for e in context["entri"]] == numbers
    assert context["entri"][0] == {
        "no": "1", "kategori": "Berkala", "ringkasan": "Laporan Realisasi Pendapatan Daerah Tahun 2025",
        "penguasa": "Bidang Perencanaan dan Pengembangan", "penanggung_jawab": "Kepala Bidang Perencanaan dan Pengembangan",
        "waktu_tempat": "Januari 2026, Denpasar", "bentuk": "Cetak dan elektronik", "retensi": "10 tahun", "opd": BAPENDA,
    }  # fmt: skip
    assert (context["tahun"], context["dik"], context["masalah"]) == ("2026", [], [])


def test_daftar_context_problems_and_dates():
    problems = [RowProblem(5, COL_RETENSI, "x"), RowProblem(None, COL_OPD, "y")]
    context = daftar_context(year=2026, opd=BAPENDA, problems=problems, tanggal_pengajuan=date(2026, 3, 9),
                             nomor_pengajuan="000.9/112/Bapenda")
    assert context["masalah"] == [{"baris": "5", "kolom": COL_RETENSI, "pesan": "x"},
                                  {"baris": "-", "kolom": COL_OPD, "pesan": "y"}]  # fmt: skip
    assert (context["tanggal_pengajuan"], context["nomor_pengajuan"], context["opd"]) == (
        "9 Maret 2026", "000.9/112/Bapenda", BAPENDA)
    assert context["kelompok"] == [] and context["entri"] == []


# --------------------------------------------------------------------------------------------------
# The recap
# --------------------------------------------------------------------------------------------------


def sheet_rows(path: Path) -> list[list]:
    workbook = load_workbook(path)
    rows = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    workbook.close()
    return rows


def test_recap_groups_by_category_then_opd_and_numbers_rows(all_entries, tmp_path):
    path = write_recap_xlsx(all_entries, tmp_path / "rekap-dip-2026.xlsx", year=2026, agency="Pemerintah Provinsi Bali")
    rows = sheet_rows(path)
    assert rows[0][0] == "REKAPITULASI DAFTAR INFORMASI PUBLIK"
    assert rows[1][0] == "PEMERINTAH PROVINSI BALI TAHUN 2026"
    assert rows[3] == ["No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
                       "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
                       "Bentuk/Format Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip",
                       "PPID Pelaksana/OPD"]  # fmt: skip
    assert rows[4] == list(range(1, 9))
    layout, category = [], None
    for values in rows[5:]:
        if values[0] in CATEGORIES.values():
            category = values[0]
            layout.append(("kelompok", category))
            assert values[1:] == [None] * 7
        else:
            layout.append((values[0], values[7]))
    headings = [item for item in layout if item[0] == "kelompok"]
    assert headings == [("kelompok", text) for text in CATEGORIES.values()]
    numbers = [item[0] for item in layout if item[0] != "kelompok"]
    assert numbers == list(range(1, len(all_entries) + 1))
    # within each category the OPDs come alphabetically, each OPD's rows together
    blocks, current = [], []
    for item in layout:
        if item[0] == "kelompok":
            current = []
            blocks.append(current)
        else:
            current.append(item[1])
    for opds in blocks:
        assert opds == sorted(opds, key=str.casefold)
    assert blocks[1] == [BAPENDA, DINKES, DINKES, DISHUB]  # serta merta: 1 + 2 + 1


def test_recap_sheet_layout(all_entries, tmp_path):
    path = write_recap_xlsx(all_entries, tmp_path / "rekap.xlsx", year=2026, agency="Pemerintah Provinsi Bali", paper="A4")
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == f"A5:H{5 + len(all_entries) + 3}"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.column_dimensions["B"].width == 40
    assert sheet["B7"].alignment.wrap_text
    assert "A1:H1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.row_dimensions[7].height >= 24  # wrapped text gets room
    with pytest.raises(ValueError):
        write_recap_xlsx(all_entries, tmp_path / "x.xlsx", year=2026, agency="X", paper="Letter")


def test_recap_reads_back_as_the_same_entries(all_entries, tmp_path):
    path = write_recap_xlsx(all_entries, tmp_path / "rekap.xlsx", year=2026, agency="Pemerintah Provinsi Bali")
    document = read_form(path)
    assert document.kind == "dip"
    entries, problems = validate_dip(document.records, opd=None)
    assert problems == []
    strip = lambda items: sorted((e.category, e.opd, e.ringkasan, e.retensi) for e in items)  # noqa: E731
    assert strip(entries) == strip(all_entries)


def test_recap_is_replaced_atomically(all_entries, tmp_path):
    path = tmp_path / "rekap.xlsx"
    write_recap_xlsx(all_entries, path, year=2026, agency="X")
    write_recap_xlsx(all_entries[:2], path, year=2026, agency="X")
    numbered = [r for r in sheet_rows(path)[5:] if isinstance(r[0], int)]
    assert len(numbered) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]  # no temporary file left


def test_formula_text_stays_text(tmp_path):
    entry = DipEntry("berkala", "=HYPERLINK(\"http://x\")", "a", "b", "c", "d", "e", "Dinas X", 2)
    path = write_recap_xlsx([entry], tmp_path / "r.xlsx", year=2026, agency="X")
    cell = load_workbook(path).active["B7"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


# --------------------------------------------------------------------------------------------------
# Publication
# --------------------------------------------------------------------------------------------------

SK = {"sk_number": "000.9.2/123/Setda", "sk_date": date(2026, 3, 17)}


def test_publication_files(all_entries, tmp_path):
    paths = write_publication(all_entries, tmp_path / "publikasi", year=2026, agency="Pemerintah Provinsi Bali", **SK)
    assert [p.name for p in paths] == ["dip-2026.xlsx", "dip-2026.csv", "dip-2026.html"]
    assert all(p.is_file() for p in paths)
    rows = sheet_rows(paths[0])
    assert rows[0][0] == "DAFTAR INFORMASI PUBLIK"
    assert rows[2][0] == "Ditetapkan dengan Keputusan Nomor 000.9.2/123/Setda tanggal 17 Maret 2026"


def test_publication_csv_opens_with_the_right_columns(all_entries, tmp_path):
    csv_path = write_publication(all_entries, tmp_path, year=2026, agency="Pemerintah Provinsi Bali", **SK)[1]
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["No", "Kategori", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
                       "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
                       "Bentuk/Format Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip",
                       "PPID Pelaksana/OPD"]  # fmt: skip
    body = rows[1:]
    assert len(body) == len(all_entries) and all(len(r) == 9 for r in body)
    assert [r[0] for r in body] == [str(n) for n in range(1, len(all_entries) + 1)]
    assert [r[1] for r in body] == sorted((r[1] for r in body), key=["Berkala", "Serta Merta", "Setiap Saat"].index)
    assert {r[2] for r in body} == {e.ringkasan for e in all_entries}
    assert "\r\n" in text


def test_publication_html_is_self_contained_and_holds_every_entry(all_entries, tmp_path):
    html_path = write_publication(all_entries, tmp_path, year=2026, agency="Pemerintah Provinsi Bali", **SK)[2]
    page = html_path.read_text(encoding="utf-8")
    import html as html_lib

    for entry in all_entries:
        assert html_lib.escape(entry.ringkasan) in page, entry.ringkasan
    assert "000.9.2/123/Setda" in page and "17 Maret 2026" in page
    positions = [page.index(html_lib.escape(heading)) for heading in CATEGORIES.values()]
    assert positions == sorted(positions)
    assert page.count('class="entri"') == len(all_entries)
    assert 'id="cari"' in page and "<script>" in page  # the search box works offline
    assert not re.search(r"<link\b|\bsrc=|https?://", page)  # no external asset
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_publication_carries_no_personal_data(tmp_path):
    entry = DipEntry("setiap_saat", "Kontak layanan <PPID> & pengaduan", "PPID", "Kepala Seksi, HP 0812-3456-7890",
                     "NIK 5171031203900004", "Elektronik", "5 tahun", "Dinas X", 2)  # fmt: skip
    paths = write_publication([entry], tmp_path, year=2026, agency="Dinas X", **SK)
    html_text = paths[2].read_text(encoding="utf-8")
    csv_text = paths[1].read_text(encoding="utf-8-sig")
    xlsx_text = " ".join(str(v) for row in sheet_rows(paths[0]) for v in row if v)
    for text in (html_text, csv_text, xlsx_text):
        assert "0812-3456-7890" not in text and "5171031203900004" not in text
        assert "[data pribadi]" in text
    assert "Kontak layanan &lt;PPID&gt; &amp; pengaduan" in html_text  # escaped, not markup


def test_publication_csv_neutralises_formulas(tmp_path):
    entry = DipEntry("berkala", "=1+1", "@x", "-2", "- 1+cmd|' /C calc'!A0", "  =HYPERLINK(1)", "5 tahun", "Dinas X", 2)
    csv_path = write_publication([entry], tmp_path, year=2026, agency="X", **SK)[1]
    row = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")), delimiter=";"))[1]
    # Excel runs all of these, a dash and spaces before the sign included: each starts with an apostrophe.
    assert row[2:7] == ["'=1+1", "'@x", "'-2", "'- 1+cmd|' /C calc'!A0", "'  =HYPERLINK(1)"]
