"""The Buku Register workbooks, read back with openpyxl the way a user would see them."""

from __future__ import annotations

import csv
import os
import re
import shutil
import stat
import subprocess
import typing
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from pipeline.core.bahasa import hari_tanggal, tanggal
from pipeline.core.config import PaperSettings
from pipeline.core.vocab import PAPERS
from pipeline.views import registers
from pipeline.views.registers import (
    CHECK,
    DATE_FORMAT,
    DAY_DATE_FORMAT,
    OBJECTION_TITLE,
    REQUEST_TITLE,
    TERLAMBAT_TEXT,
    ObjectionRegisterRow,
    RequestRegisterRow,
    write_objection_register,
    write_request_register,
)

AGENCY = "PPID Provinsi Bali"
HEADER_TOP, HEADER_SUB, NUMBER_ROW, FIRST_DATA_ROW = 4, 5, 6, 7


def request_row(**changes) -> RequestRegisterRow:
    values = dict(
        no=1, nomor="001/PPID/III/2026", tanggal=date(2026, 3, 16), nama="I Made Sudarsana",
        alamat="Jl. Gatot Subroto Barat No. 12, Denpasar", kontak="081234567890", pekerjaan="Wiraswasta",
        informasi="Salinan DPA Dinas Kominfos Tahun Anggaran 2025 beserta lampirannya",
        tujuan="Penelitian skripsi", status_dikuasai="Ya", belum_didokumentasikan="", bentuk="Softcopy, Hardcopy",
        jenis_permohonan="Melihat/mengetahui, Meminta salinan", keputusan="Diberikan seluruhnya",
        alasan_penolakan="", tanggal_pemberitahuan=date(2026, 3, 27), tanggal_pemberian=date(2026, 3, 30),
        biaya="Rp15.000,00; tunai", keterangan="Diperpanjang s.d. 7 April 2026",
    )
    values.update(changes)
    return RequestRegisterRow(**values)


def objection_row(**changes) -> ObjectionRegisterRow:
    values = dict(
        no=1, nomor="001/KEB/PPID/IV/2026", tanggal=date(2026, 4, 20), nama="Ni Ketut Ayu Wulandari",
        alamat="Br. Dinas Tengah, Sukawati, Gianyar", pekerjaan="Mahasiswa", telepon="081234567890",
        email="ayu@example.id", nomor_permohonan="003/PPID/III/2026",
        informasi="Data jumlah menara telekomunikasi per kabupaten", tujuan="Bahan berita", alasan=["b", "d"],
        keputusan_atasan="Menguatkan keputusan PPID", tanggal_tanggapan=date(2026, 5, 29),
        atasan="Ir. Ni Made Sukerti, M.T., Sekretaris Daerah Provinsi Bali", tanggapan_pemohon="Menerima",
    )
    values.update(changes)
    return ObjectionRegisterRow(**values)


REQUEST_ROWS = [
    request_row(),
    request_row(no=2, nomor="002/PPID/III/2026", tanggal=date(2026, 3, 17), nama="Wayan Salah Input",
                batal="duplikat dari 001/PPID/III/2026"),
    request_row(no=3, nomor="003/PPID/IX/2026", tanggal=date(2026, 9, 29), nama="Ni Ketut Ayu Wulandari",
                status_dikuasai="Tidak", belum_didokumentasikan="Ya", bentuk="", jenis_permohonan="Meminta salinan",
                keputusan="Ditolak", alasan_penolakan="Dikecualikan, Pasal 17 huruf h UU 14/2008",
                tanggal_pemberitahuan=date(2026, 9, 29), tanggal_pemberian=None, biaya="", keterangan=""),
]

OBJECTION_ROWS = [
    objection_row(),
    objection_row(no=2, nomor="002/KEB/PPID/IV/2026", tanggal=date(2026, 4, 21), alasan=["a"], batal="salah input"),
    objection_row(no=3, nomor="003/KEB/PPID/V/2026", tanggal=date(2026, 5, 4), alasan=["c", "g"], terlambat=True,
                  keterangan="Berkas lengkap"),
]


@pytest.fixture()
def request_book(tmp_path):
    path = tmp_path / "register-permohonan-2026.xlsx"
    write_request_register(path, REQUEST_ROWS, year=2026, agency_name=AGENCY)
    return openpyxl.load_workbook(path)


@pytest.fixture()
def objection_book(tmp_path):
    path = tmp_path / "register-keberatan-2026.xlsx"
    write_objection_register(path, OBJECTION_ROWS, year=2026, agency_name=AGENCY)
    return openpyxl.load_workbook(path)


def merges(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def columns_by_header(ws) -> dict[str, int]:
    """Leaf header text -> column number (the lower header of a group, else the merged top one)."""
    found = {}
    for col in range(1, ws.max_column + 1):
        text = ws.cell(HEADER_SUB, col).value or ws.cell(HEADER_TOP, col).value
        found[text] = col
    return found


def data_row(ws, index: int) -> dict[str, object]:
    """The index-th register line as {header: value}."""
    row = FIRST_DATA_ROW + index
    return {header: ws.cell(row, col).value for header, col in columns_by_header(ws).items()}


def as_date(value) -> date:
    assert isinstance(value, datetime), value
    return value.date()


# ---------------------------------------------------------------------------------------------
# Request register
# ---------------------------------------------------------------------------------------------

def test_request_title_block(request_book):
    ws = request_book.active
    assert ws.title == "Register 2026"
    assert ws["A1"].value == REQUEST_TITLE == "BUKU REGISTER PERMOHONAN INFORMASI PUBLIK"
    assert ws["A2"].value == "PPID PROVINSI BALI TAHUN 2026"
    last = openpyxl.utils.get_column_letter(ws.max_column)
    assert {f"A1:{last}1", f"A2:{last}2"} <= merges(ws)
    for ref in ("A1", "A2"):
        assert ws[ref].font.b
        assert ws[ref].alignment.horizontal == "center"


def test_request_header_texts_and_merges(request_book):
    ws = request_book.active
    # single columns: merged over both header rows
    for ref, text in {"A4": "No", "B4": "Nomor Pendaftaran", "C4": "Tanggal", "D4": "Nama", "E4": "Alamat",
                      "F4": "Nomor Kontak", "G4": "Pekerjaan", "H4": "Informasi yang Diminta",
                      "I4": "Tujuan Penggunaan Informasi", "P4": "Alasan Penolakan",
                      "S4": "Biaya dan Cara Pembayaran", "T4": "Keterangan"}.items():
        assert ws[ref].value == text
        assert f"{ref}:{ref[0]}5" in merges(ws)
    # grouped columns: one merged top cell over their own lower headers
    assert ws["J4"].value == "Status Informasi" and "J4:K4" in merges(ws)
    assert ws["J5"].value == "Di bawah penguasaan (Ya/Tidak)"
    assert ws["K5"].value == "Belum didokumentasikan"
    assert ws["M4"].value == "Jenis Permohonan" and "M4:N4" in merges(ws)
    assert (ws["M5"].value, ws["N5"].value) == ("Melihat/ mengetahui", "Meminta salinan")
    assert ws["Q4"].value == "Hari dan Tanggal" and "Q4:R4" in merges(ws)
    assert (ws["Q5"].value, ws["R5"].value) == ("Pemberitahuan tertulis", "Pemberian informasi")
    assert ws["L4"].value.startswith("Bentuk Informasi yang Dikuasai")
    assert ws["O4"].value.startswith("Keputusan")
    assert ws.max_column == 20
    for row in (HEADER_TOP, HEADER_SUB):
        for col in range(1, 21):
            cell = ws.cell(row, col)
            if cell.value is not None:                 # the visible cell of a merge, or a lower header
                assert cell.font.b and cell.alignment.wrap_text and cell.alignment.horizontal == "center"
                assert cell.border.left.style == cell.border.top.style == "thin"
            assert cell.border.bottom.style == "thin" or row == HEADER_TOP
    # header rows are tall enough for the wrapped texts of the narrow columns
    assert ws.row_dimensions[HEADER_TOP].height >= 15
    assert ws.row_dimensions[HEADER_TOP].height + ws.row_dimensions[HEADER_SUB].height >= 48


def test_request_number_row(request_book):
    ws = request_book.active
    assert [ws.cell(NUMBER_ROW, c).value for c in range(1, ws.max_column + 1)] == list(range(1, 21))
    assert ws.cell(NUMBER_ROW, 1).alignment.horizontal == "center"


def test_request_data_row(request_book):
    ws = request_book.active
    row = data_row(ws, 0)
    assert row["No"] == 1
    assert row["Nomor Pendaftaran"] == "001/PPID/III/2026"
    assert row["Nama"] == "I Made Sudarsana"
    assert row["Nomor Kontak"] == "081234567890"          # text, leading zero kept
    assert row["Di bawah penguasaan (Ya/Tidak)"] == "Ya"
    assert row["Belum didokumentasikan"] is None
    assert row["Melihat/ mengetahui"] == CHECK and row["Meminta salinan"] == CHECK
    assert row["Keputusan (Diberikan seluruhnya/ sebagian/ Ditolak)"] == "Diberikan seluruhnya"
    assert row["Biaya dan Cara Pembayaran"] == "Rp15.000,00; tunai"
    assert row["Keterangan"] == "Diperpanjang s.d. 7 April 2026"
    # dates are real dates shown in Indonesian: "16 Maret 2026", "Jumat, 27 Maret 2026"
    cols = columns_by_header(ws)
    received = ws.cell(FIRST_DATA_ROW, cols["Tanggal"])
    assert as_date(received.value) == date(2026, 3, 16)
    assert received.number_format == DATE_FORMAT == "[$-421]d mmmm yyyy;@"
    notice = ws.cell(FIRST_DATA_ROW, cols["Pemberitahuan tertulis"])
    assert as_date(notice.value) == date(2026, 3, 27)
    assert notice.number_format == DAY_DATE_FORMAT == "[$-421]dddd, d mmmm yyyy;@"
    # body: wrapped, top-aligned, bordered, not filled
    name = ws.cell(FIRST_DATA_ROW, cols["Nama"])
    assert name.alignment.wrap_text and name.alignment.vertical == "top"
    assert name.border.bottom.style == "thin" and name.fill.fill_type is None


def test_request_rejected_row_and_missing_date(request_book):
    row = data_row(request_book.active, 2)
    assert row["Keputusan (Diberikan seluruhnya/ sebagian/ Ditolak)"] == "Ditolak"
    assert row["Alasan Penolakan"] == "Dikecualikan, Pasal 17 huruf h UU 14/2008"
    assert row["Melihat/ mengetahui"] is None and row["Meminta salinan"] == CHECK
    assert row["Pemberian informasi"] is None
    assert as_date(row["Tanggal"]) == date(2026, 9, 29)


def test_request_void_row(request_book):
    ws = request_book.active
    row = data_row(ws, 1)
    assert row["No"] == 2
    assert row["Nomor Pendaftaran"] == "002/PPID/III/2026"
    assert as_date(row["Tanggal"]) == date(2026, 3, 17)
    assert row["Nama"] == "BATAL: duplikat dari 001/PPID/III/2026"     # the name itself is gone
    others = {k: v for k, v in row.items() if k not in ("No", "Nomor Pendaftaran", "Tanggal", "Nama")}
    assert all(v is None for v in others.values()), others
    for col in range(1, ws.max_column + 1):
        cell = ws.cell(FIRST_DATA_ROW + 1, col)
        assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("E7E6E6")
        assert cell.font.i


def test_request_sheet_setup(request_book):
    ws = request_book.active
    assert ws.freeze_panes == "B7"
    assert ws.auto_filter.ref == f"A{NUMBER_ROW}:T{FIRST_DATA_ROW + len(REQUEST_ROWS) - 1}"
    widths = {col: ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width
              for col in range(1, ws.max_column + 1)}
    assert all(w and w > 0 for w in widths.values()), widths
    cols = columns_by_header(ws)
    assert widths[cols["No"]] < widths[cols["Nama"]] < widths[cols["Informasi yang Diminta"]]
    # real dates do not wrap: their columns must hold the longest date ("Selasa, 29 September 2026");
    # a width unit is the "0" of the default font, about an average letter of 10-point Arial
    assert widths[cols["Tanggal"]] >= 0.92 * len(tanggal(date(2026, 9, 29)))
    assert widths[cols["Pemberitahuan tertulis"]] >= 0.92 * len(hari_tanggal(date(2026, 9, 29)))
    # narrow enough that, fitted to the width of landscape F4, 10-point text prints at about 6 points
    assert sum(widths.values()) <= 280
    # body rows get a height that fits their wrapped text
    assert ws.row_dimensions[FIRST_DATA_ROW].height > ws.row_dimensions[FIRST_DATA_ROW + 1].height


def test_request_print_setup(request_book):
    ws = request_book.active
    assert ws.print_title_rows == "$4:$6"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 14                  # Folio 8.5 x 13 in = F4
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.right.text


def test_a4_paper_and_unknown_paper(tmp_path):
    path = tmp_path / "r.xlsx"
    write_request_register(path, [request_row()], year=2026, agency_name=AGENCY, paper="A4")
    assert int(openpyxl.load_workbook(path).active.page_setup.paperSize) == 9
    with pytest.raises(ValueError):
        write_request_register(path, [request_row()], year=2026, agency_name=AGENCY, paper="B5")
    write_request_register(path, [request_row()], year=2026, agency_name=AGENCY, paper="Folio")
    assert int(openpyxl.load_workbook(path).active.page_setup.paperSize) == 14


def test_the_configurable_papers_are_the_known_sizes():
    assert set(typing.get_args(typing.get_type_hints(PaperSettings)["size"])) == set(PAPERS)
    assert PaperSettings("A4").millimetres == PAPERS["A4"].millimetres == (210, 297)


def test_empty_register_has_header_and_filter(tmp_path):
    path = tmp_path / "r.xlsx"
    write_request_register(path, [], year=2027, agency_name=AGENCY)
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Register 2027" and ws["A2"].value.endswith("TAHUN 2027")
    assert ws.auto_filter.ref == "A6:T6"
    assert ws.max_row == NUMBER_ROW


def test_text_is_never_a_formula_and_control_characters_are_cleaned(tmp_path):
    path = tmp_path / "r.xlsx"
    write_request_register(path, [request_row(nama='=HYPERLINK("http://x","klik")',
                                              informasi="baris satu\x0bbaris dua\x01")],
                           year=2026, agency_name=AGENCY)
    ws = openpyxl.load_workbook(path).active
    row = data_row(ws, 0)
    cols = columns_by_header(ws)
    assert ws.cell(FIRST_DATA_ROW, cols["Nama"]).data_type == "s"
    assert row["Nama"] == '=HYPERLINK("http://x","klik")'
    assert row["Informasi yang Diminta"] == "baris satu\nbaris dua"


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("", 10, 1), ("Ya", 10, 1), ("Di bawah penguasaan (Ya/Tidak)", 12, 3), ("x y\nz", 10, 2), ("a" * 25, 10, 3)])
def test_wrapped_lines_estimate(text, width, lines):
    assert registers._wrapped_lines(text, width) == lines


def test_unknown_jenis_wording_is_kept():
    line = registers._request_cells(request_row(jenis_permohonan="Mendengarkan rekaman"))
    assert "Mendengarkan rekaman" in line.values


# ---------------------------------------------------------------------------------------------
# Objection register
# ---------------------------------------------------------------------------------------------

def test_objection_title_and_header(objection_book):
    ws = objection_book.active
    assert ws.title == "Register 2026"
    assert ws["A1"].value == OBJECTION_TITLE == "BUKU REGISTER KEBERATAN INFORMASI PUBLIK"
    assert ws["A2"].value == "PPID PROVINSI BALI TAHUN 2026"
    assert "Pasal 35" in ws["A3"].value and "g. Informasi disampaikan melebihi" in ws["A3"].value
    cols = columns_by_header(ws)
    assert list(cols)[:11] == [
        "No", "Nomor Registrasi Keberatan", "Tanggal", "Nama", "Alamat", "Pekerjaan", "Telepon", "Pos-el",
        "Nomor Pendaftaran Permohonan", "Informasi yang Diminta", "Tujuan Penggunaan Informasi"]
    assert list(cols)[18:] == ["Keputusan Atasan PPID", "Hari dan Tanggal Tanggapan",
                               "Nama dan Posisi Atasan PPID", "Tanggapan Pemohon", "Keterangan"]
    # "Alasan Keberatan" over seven narrow columns a..g
    assert ws["L4"].value == "Alasan Keberatan" and "L4:R4" in merges(ws)
    assert [ws.cell(HEADER_SUB, c).value for c in range(12, 19)] == list("abcdefg")
    assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width < 5 for c in range(12, 19))
    assert "A4:A5" in merges(ws) and "S4:S5" in merges(ws)
    assert [ws.cell(NUMBER_ROW, c).value for c in range(1, ws.max_column + 1)] == list(range(1, 24))
    assert ws.freeze_panes == "B7"
    assert ws.auto_filter.ref == f"A6:W{FIRST_DATA_ROW + len(OBJECTION_ROWS) - 1}"
    assert ws.print_title_rows == "$4:$6"


def test_objection_row_with_reasons_b_and_d(objection_book):
    ws = objection_book.active
    row = data_row(ws, 0)
    assert row["Nama"] == "Ni Ketut Ayu Wulandari"
    assert row["Nomor Pendaftaran Permohonan"] == "003/PPID/III/2026"
    assert {letter: row[letter] for letter in "abcdefg"} == {
        "a": None, "b": CHECK, "c": None, "d": CHECK, "e": None, "f": None, "g": None}
    assert as_date(row["Tanggal"]) == date(2026, 4, 20)
    cols = columns_by_header(ws)
    answered = ws.cell(FIRST_DATA_ROW, cols["Hari dan Tanggal Tanggapan"])
    assert as_date(answered.value) == date(2026, 5, 29) and answered.number_format == DAY_DATE_FORMAT
    assert row["Nama dan Posisi Atasan PPID"] == "Ir. Ni Made Sukerti, M.T., Sekretaris Daerah Provinsi Bali"
    assert row["Keterangan"] is None
    assert ws.cell(FIRST_DATA_ROW, cols["b"]).alignment.horizontal == "center"
    assert ws.cell(FIRST_DATA_ROW, 1).fill.fill_type is None        # on time: not highlighted


def test_objection_late_flag(objection_book):
    ws = objection_book.active
    row = data_row(ws, 2)
    assert row["Keterangan"] == f"{TERLAMBAT_TEXT}; Berkas lengkap"
    assert TERLAMBAT_TEXT == "Diajukan melewati 30 hari kerja"
    assert (row["c"], row["g"]) == (CHECK, CHECK)
    for col in range(1, ws.max_column + 1):
        fill = ws.cell(FIRST_DATA_ROW + 2, col).fill
        assert fill.fill_type == "solid" and fill.fgColor.rgb.endswith("FFE699")
    assert ws.cell(FIRST_DATA_ROW + 2, ws.max_column).font.b


def test_objection_void_row(objection_book):
    ws = objection_book.active
    row = data_row(ws, 1)
    assert (row["No"], row["Nomor Registrasi Keberatan"]) == (2, "002/KEB/PPID/IV/2026")
    assert as_date(row["Tanggal"]) == date(2026, 4, 21)
    assert row["Nama"] == "BATAL: salah input"
    assert row["a"] is None                     # a voided objection ticks nothing
    rest = [v for k, v in row.items() if k not in ("No", "Nomor Registrasi Keberatan", "Tanggal", "Nama")]
    assert rest == [None] * len(rest)
    assert ws.cell(FIRST_DATA_ROW + 1, 5).fill.fgColor.rgb.endswith("E7E6E6")
    assert ws.cell(FIRST_DATA_ROW + 1, 5).font.i


def test_late_without_remarks_and_reason_spelling(tmp_path):
    path = tmp_path / "k.xlsx"
    write_objection_register(path, [objection_row(terlambat=True, alasan=["B.", " (d) "])], year=2026,
                             agency_name=AGENCY)
    row = data_row(openpyxl.load_workbook(path).active, 0)
    assert row["Keterangan"] == TERLAMBAT_TEXT
    assert (row["b"], row["d"]) == (CHECK, CHECK)


def test_unknown_reason_letter_is_refused(tmp_path):
    with pytest.raises(ValueError, match="h"):
        write_objection_register(tmp_path / "k.xlsx", [objection_row(alasan=["h"])], year=2026,
                                 agency_name=AGENCY)
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def test_write_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "register.xlsx"
    write_request_register(path, [request_row()], year=2026, agency_name=AGENCY)
    write_request_register(path, REQUEST_ROWS, year=2026, agency_name=AGENCY)
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]
    assert openpyxl.load_workbook(path).active.max_row == FIRST_DATA_ROW + len(REQUEST_ROWS) - 1
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_failed_write_keeps_the_old_register(tmp_path, monkeypatch):
    path = tmp_path / "register.xlsx"
    write_request_register(path, [request_row()], year=2026, agency_name=AGENCY)
    before = path.read_bytes()

    def broken_save(self, target):
        target.write(b"PK\x03\x04half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_request_register(path, REQUEST_ROWS, year=2026, agency_name=AGENCY)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]


# ---------------------------------------------------------------------------------------------
# What LibreOffice shows (skipped where LibreOffice Calc is not installed)
# ---------------------------------------------------------------------------------------------

def _calc_available() -> bool:
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    return (Path(soffice).resolve().parent / "libscfiltlo.so").exists()


@pytest.mark.skipif(not _calc_available(), reason="LibreOffice Calc is not installed")
def test_libreoffice_shows_indonesian_dates(tmp_path):
    path = tmp_path / "register.xlsx"
    write_request_register(path, REQUEST_ROWS, year=2026, agency_name=AGENCY)
    out = tmp_path / "out"
    # token 9 = true: save cell contents as shown (formatted), as the user sees them
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    rows = list(csv.reader((out / "register.csv").open(encoding="utf-8")))
    first = rows[FIRST_DATA_ROW - 1]
    assert first[2] == "16 Maret 2026"
    assert first[16] == "Jumat, 27 Maret 2026" and first[17] == "Senin, 30 Maret 2026"
    assert rows[FIRST_DATA_ROW][3] == "BATAL: duplikat dari 001/PPID/III/2026"
    assert rows[FIRST_DATA_ROW + 1][16] == "Selasa, 29 September 2026"

    # printed: one page wide, and no date too wide for its column (it would print as "###")
    if not shutil.which("pdftotext"):
        return
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "pdf", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    text = subprocess.run(["pdftotext", "-layout", str(out / "register.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "###" not in text
    assert "Selasa, 29 September 2026" in text and "PPID PROVINSI BALI TAHUN 2026" in text


@pytest.mark.parametrize("write, rows", [(write_request_register, REQUEST_ROWS),
                                         (write_objection_register, OBJECTION_ROWS)])
def test_each_sheet_row_is_written_once_in_order(tmp_path, write, rows):
    # Excel and LibreOffice keep the first of two <row> elements with one number: a stray empty
    # row 7 hid the first case's height (its text was drawn over the next row).
    path = tmp_path / "register.xlsx"
    write(path, rows, year=2026, agency_name=AGENCY)
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    numbers = [int(n) for n in re.findall(r'<row r="(\d+)"', sheet)]
    assert numbers == sorted(set(numbers)) and numbers[-1] == 6 + len(rows)
