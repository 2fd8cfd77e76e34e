"""Blank official input forms, laid out the way pipeline.intake.reading reads best.

`write_blank_forms(dest)` writes a Word and an Excel version of two forms:
- the request form (Formulir Permohonan Informasi Publik): the Word one for applicants (one request per
  file), the Excel one for the service desk (one request per row). Labels follow the post-2021 form
  (Perki 1/2021) plus Pekerjaan, which the registers still carry;
- the answer sheet (Lembar Jawaban PPID Pelaksana): the PPID Pelaksana (OPD) holding the information
  answers one request per Word file, or several per Excel sheet (one per row). Its fields are what the
  PPID's letter needs (Pemberitahuan Tertulis, SK Penolakan, Surat Perpanjangan; UU KIP Pasal 22);
- the objection form (Formulir Pengajuan Keberatan; UU KIP Pasal 35, Perki 1/2021): section A (the
  applicant and, when filed by a proxy, the proxy), B the reasons a-g, C the case (kasus posisi), D the
  date of the answer (filled by the officer). The Word one has a ☐ box before each reason; the Excel one
  (one objection per row) takes the reasons as letters in one cell, e.g. "a, c".

And two Excel lists (SOP 003 second procedure, SOP 000), read by `pipeline.intake.reading` and checked by
`pipeline.intake.lists`:
- the Daftar Informasi Publik (DIP) an OPD (PPID Pelaksana) sends to the PPID: title rows with a cell for
  the OPD's name and the year, the seven DIP columns of Perki 1/2021, and the group rows A. Berkala,
  B. Serta Merta, C. Setiap Saat with empty rows under each: an item belongs to the group above it;
- the Daftar Informasi yang Dikecualikan (DIK) proposal: the consequence-test columns (informasi, dasar
  hukum Pasal 17 huruf a-j UU KIP or another law, konsekuensi bila dibuka / bila ditutup, jangka waktu,
  unit). Both carry a Petunjuk sheet.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.core.vocab import (
    ALASAN_KEBERATAN,
    CARA_MEMPEROLEH,
    DECISION_OPTION,
    DEFAULT_PAPER,
    INFORMATION_FORMS,
    PAPERS,
    PASAL17_CLAUSE,
)
from pipeline.intake import lists as daftar
from pipeline.render import xlsx

__all__ = [
    "REQUEST_DOCX_NAME",
    "REQUEST_XLSX_NAME",
    "REQUEST_TITLE",
    "REQUEST_FIELDS",
    "CARA_MEMPEROLEH_OPTIONS",
    "CARA_SALINAN_OPTIONS",
    "ANSWER_DOCX_NAME",
    "ANSWER_XLSX_NAME",
    "ANSWER_TITLE",
    "ANSWER_FIELDS",
    "KEPUTUSAN_OPTIONS",
    "KEPUTUSAN_KEYS",
    "BENTUK_OPTIONS",
    "BENTUK_KEYS",
    "OBJECTION_DOCX_NAME",
    "OBJECTION_XLSX_NAME",
    "OBJECTION_TITLE",
    "OBJECTION_FIELDS",
    "OBJECTION_XLSX_FIELDS",
    "ALASAN_OPTIONS",
    "ALASAN_KEYS",
    "DIP_XLSX_NAME",
    "DIK_XLSX_NAME",
    "DIP_TITLE",
    "DIK_TITLE",
    "DIP_SHEET_NAME",
    "DIK_SHEET_NAME",
    "DIP_FIELDS",
    "DIK_FIELDS",
    "write_blank_forms",
    "fill_list_xlsx",
    "fill_request_docx",
    "fill_request_xlsx",
    "fill_answer_docx",
    "fill_answer_xlsx",
    "fill_objection_docx",
    "fill_objection_xlsx",
]

REQUEST_DOCX_NAME = "formulir-permohonan-informasi.docx"
REQUEST_XLSX_NAME = "formulir-permohonan-informasi.xlsx"
REQUEST_TITLE = "FORMULIR PERMOHONAN INFORMASI PUBLIK"

# Option texts as printed (Perki 1/2021 lists Email last; offices that add WhatsApp append it here).
CARA_MEMPEROLEH_OPTIONS = list(CARA_MEMPEROLEH.values())
CARA_SALINAN_OPTIONS = ["Mengambil langsung", "Kurir", "Pos", "Faksimili", "Email"]


class _Field:
    def __init__(self, key: str, label: str, hint: str = "", help_text: str = "", xlsx_width: int = 22,
                 xlsx_label: str = ""):
        self.key = key  # canonical key read back by pipeline.intake.reading
        self.label = label
        self.hint = hint  # printed in brackets after the label; the reader ignores brackets
        self.help_text = help_text  # explanation on the Excel "Petunjuk" sheet
        self.xlsx_width = xlsx_width
        # The Excel header when it differs from the Word label: under "Identitas Kuasa Pemohon" the Word
        # form just says "Nama", a column must say "Nama Kuasa Pemohon".
        self.xlsx_label = xlsx_label

    @property
    def printed_label(self) -> str:
        return f"{self.label} ({self.hint})" if self.hint else self.label


REQUEST_FIELDS: list[_Field] = [
    _Field("nomor_pendaftaran", "Nomor Pendaftaran", "diisi petugas",
           "Diisi petugas PPID; pemohon mengosongkan kolom ini.", 18),
    _Field("nama", "Nama Lengkap", "", "Nama lengkap pemohon sesuai KTP, atau nama badan hukum.", 28),
    _Field("nik", "NIK", "16 digit, sesuai KTP",
           "Nomor Induk Kependudukan 16 digit. Kolom ini berformat teks agar digit tidak berubah; "
           "jangan diubah menjadi angka.", 20),
    _Field("nomor_sk", "Nomor SK Badan Hukum", "bila pemohon badan hukum",
           "Hanya bila pemohon adalah badan hukum: nomor SK pengesahan badan hukum.", 22),
    _Field("alamat", "Alamat", "", "Alamat lengkap: jalan, nomor, desa/kelurahan, kecamatan, kabupaten/kota.", 36),
    _Field("pekerjaan", "Pekerjaan", "", "Pekerjaan pemohon, misalnya mahasiswa, wiraswasta, PNS, wartawan.", 18),
    _Field("telepon", "Nomor Telepon/HP", "", "Nomor telepon atau HP yang dapat dihubungi, diawali 0 atau +62.", 18),
    _Field("email", "Alamat E-mail", "", "Alamat e-mail untuk pemberitahuan dan pengiriman salinan.", 28),
    _Field("rincian_informasi", "Rincian Informasi yang Dibutuhkan", "tambahkan kertas bila perlu",
           "Informasi atau dokumen yang diminta, serinci mungkin (judul, tahun, unit kerja).", 45),
    _Field("tujuan", "Tujuan Penggunaan Informasi", "", "Untuk apa informasi itu akan digunakan.", 36),
    _Field("opd_tujuan", "PPID Pelaksana/OPD yang Menguasai Informasi", "bila diketahui",
           "Boleh dikosongkan. Perangkat daerah yang diperkirakan menguasai informasi.", 30),
    _Field("nama_kuasa", "Nama Kuasa Pemohon", "bila diwakili; lampirkan surat kuasa khusus",
           "Hanya bila permohonan diajukan melalui kuasa; lampirkan surat kuasa khusus bermeterai.", 24),
    _Field("cara_memperoleh", "Cara Memperoleh Informasi", "",
           "Pilih dari daftar: " + "; ".join(CARA_MEMPEROLEH_OPTIONS) + ".", 40),
    _Field("cara_salinan", "Cara Mendapatkan Salinan Informasi", "",
           "Pilih dari daftar: " + "; ".join(CARA_SALINAN_OPTIONS) + ".", 26),
]  # fmt: skip

_CHOICE_OPTIONS = {"cara_memperoleh": CARA_MEMPEROLEH_OPTIONS, "cara_salinan": CARA_SALINAN_OPTIONS}
_XLSX_EXTRA = [
    _Field("tempat", "Tempat", "", "Kota tempat permohonan diajukan, misalnya Denpasar.", 14),
    _Field("tanggal", "Tanggal", "", "Tanggal permohonan, misalnya 16 Maret 2026.", 16),
]
_TEXT_COLUMNS = {"nik", "nomor_sk", "telepon"}  # kept as text so Excel drops no digits or leading zeros
_XLSX_ROWS_PREPARED = 500

# -- the answer sheet ----------------------------------------------------------------------------------

ANSWER_DOCX_NAME = "lembar-jawaban-permohonan.docx"
ANSWER_XLSX_NAME = "lembar-jawaban-permohonan.xlsx"
ANSWER_TITLE = "LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK"
ANSWER_SHEET_NAME = "Lembar Jawaban"
_ANSWER_INSTRUCTION = "Diisi oleh PPID Pelaksana; centang satu keputusan dan isi bagian yang sesuai."

# Printed options and the keys pipeline.intake.reading returns for them, in the same order.
KEPUTUSAN_OPTIONS = list(DECISION_OPTION.values())
KEPUTUSAN_KEYS = list(DECISION_OPTION)
BENTUK_OPTIONS = ["Softcopy (berkas elektronik)", "Hardcopy (cetak)"]
BENTUK_KEYS = list(INFORMATION_FORMS)
# Excel offers one value per cell: the list adds both forms together.
_BENTUK_XLSX_OPTIONS = BENTUK_OPTIONS + ["Softcopy dan hardcopy"]

# Sub-headings (str) and fields of the Word answer sheet, in table order.
_ANSWER_LAYOUT: list[str | _Field] = [
    "A. Permohonan",
    _Field("nomor_pendaftaran", "Nomor Pendaftaran Permohonan", "",
           "Nomor pendaftaran yang tertulis pada surat penerusan dari PPID, misalnya 001/PPID/IV/2026.", 20),
    "B. Keputusan",
    _Field("keputusan", "Keputusan", "",
           "Pilih satu dari daftar: " + "; ".join(KEPUTUSAN_OPTIONS) + ".", 40),
    _Field("pejabat", "Nama pejabat yang menjawab", "",
           "Nama pejabat PPID Pelaksana yang menjawab (boleh kosong).", 26),
    "C. Bila informasi diberikan (seluruhnya atau sebagian)",
    _Field("dikuasai_oleh", "Informasi dikuasai oleh", "bila Badan Publik lain",
           "Hanya bila informasi dikuasai Badan Publik lain: nama Badan Publik itu. Kosongkan bila dikuasai "
           "PPID Pelaksana sendiri.", 28),
    _Field("bentuk", "Bentuk informasi yang tersedia", "",
           "Pilih dari daftar: softcopy, hardcopy, atau keduanya.", 22),
    _Field("halaman", "Jumlah halaman", "", "Jumlah halaman yang disalin (angka).", 12),
    _Field("tarif", "Biaya penyalinan per halaman", "Rp",
           "Biaya penyalinan per halaman dalam rupiah (angka; 0 bila gratis).", 14),
    _Field("biaya_kirim", "Biaya pengiriman", "Rp", "Biaya pengiriman dalam rupiah (angka; 0 bila tidak ada).", 14),
    _Field("biaya_lain", "Biaya lain", "Rp", "Biaya lain dalam rupiah (angka; 0 bila tidak ada).", 14),
    _Field("waktu_hari", "Waktu penyediaan", "hari kerja", "Berapa hari kerja informasi dapat disediakan.", 14),
    _Field("penghitaman", "Penjelasan bagian yang dihitamkan/dikaburkan", "",
           "Bila diberikan sebagian: bagian mana yang dihitamkan atau dikaburkan dan mengapa.", 36),
    "D. Bila ditolak (informasi dikecualikan)",
    _Field("pasal17", "Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka", "",
           "Huruf a sampai j dan, bila ada, angka; misalnya \"b angka 2\".", 18),
    _Field("dasar_lain", "Dasar hukum lain", "pasal dan undang-undang",
           "Bila dasar pengecualiannya undang-undang lain: pasal dan undang-undangnya.", 30),
    _Field("konsekuensi", "Konsekuensi bila informasi dibuka", "uji konsekuensi",
           "Hasil uji konsekuensi: akibat yang timbul bila informasi dibuka.", 40),
    "E. Bila belum dikuasai/didokumentasikan",
    _Field("kapan_tersedia", "Kapan informasi akan tersedia/didokumentasikan", "",
           "Perkiraan waktu informasi dikuasai atau didokumentasikan.", 26),
    "F. Bila perlu perpanjangan waktu",
    _Field("alasan", "Alasan perpanjangan", "", "Alasan perpanjangan waktu (paling lama 7 hari kerja).", 36),
]  # fmt: skip
ANSWER_FIELDS: list[_Field] = [item for item in _ANSWER_LAYOUT if isinstance(item, _Field)]
_ANSWER_XLSX_EXTRA = [_Field("tanggal", "Tanggal", "", "Tanggal jawaban, misalnya 20 April 2026.", 16)]
_ANSWER_CHOICES = {"keputusan": KEPUTUSAN_OPTIONS, "bentuk": BENTUK_OPTIONS}
_ANSWER_XLSX_CHOICES = {"keputusan": KEPUTUSAN_OPTIONS, "bentuk": _BENTUK_XLSX_OPTIONS}
_ANSWER_TALL_ROWS = {"penghitaman": 1.5, "konsekuensi": 2.0, "alasan": 1.5, "dasar_lain": 1.2}
_ANSWER_TEXT_COLUMNS = {"nomor_pendaftaran", "pasal17"}

# -- the objection form ---------------------------------------------------------------------------------

OBJECTION_DOCX_NAME = "formulir-keberatan.docx"
OBJECTION_XLSX_NAME = "formulir-keberatan.xlsx"
OBJECTION_TITLE = "FORMULIR PENGAJUAN KEBERATAN"
OBJECTION_SHEET_NAME = "Pengajuan Keberatan"

# UU KIP Pasal 35(1) a-g, printed as "a. Permohonan informasi ditolak"; the reader returns the letters.
ALASAN_KEYS = list(ALASAN_KEBERATAN)
ALASAN_OPTIONS = [f"{letter}. {text}" for letter, text in ALASAN_KEBERATAN.items()]

_ALASAN_XLSX_HELP = (
    "Huruf alasan keberatan (UU KIP Pasal 35 ayat 1), satu atau lebih dipisah koma, misalnya \"a, c\": "
    + "; ".join(ALASAN_OPTIONS) + "."
)
# Sub-headings (str, or (text, hint)) and fields of the Word objection form, in table order.
_OBJECTION_LAYOUT: list[str | tuple[str, str] | _Field] = [
    "A. Informasi Pengaju Keberatan",
    _Field("nomor_registrasi_keberatan", "Nomor Registrasi Keberatan", "diisi petugas",
           "Diisi petugas PPID; pengaju keberatan mengosongkan kolom ini.", 20),
    _Field("nomor_pendaftaran", "Nomor Pendaftaran Permohonan Informasi", "boleh kosong bila alasan hanya b",
           "Nomor pendaftaran permohonan informasi yang diajukan keberatan, misalnya 001/PPID/IV/2026. Boleh "
           "kosong hanya bila alasannya semata-mata b (informasi berkala tidak disediakan).", 20),
    _Field("tujuan", "Tujuan Penggunaan Informasi", "", "Untuk apa informasi itu akan digunakan.", 36),
    "Identitas Pemohon",
    _Field("nama", "Nama Lengkap", "", "Nama lengkap pemohon (pengaju keberatan) sesuai KTP.", 28),
    _Field("alamat", "Alamat", "", "Alamat lengkap: jalan, nomor, desa/kelurahan, kecamatan, kabupaten/kota.", 36),
    _Field("pekerjaan", "Pekerjaan", "", "Pekerjaan pemohon.", 18),
    _Field("telepon", "Nomor Telepon/HP", "", "Nomor telepon atau HP yang dapat dihubungi, diawali 0 atau +62.", 18),
    _Field("email", "Alamat E-mail", "", "Alamat e-mail untuk pemberitahuan dan tanggapan.", 28),
    _Field("nik", "NIK", "16 digit, sesuai KTP",
           "Nomor Induk Kependudukan 16 digit. Kolom ini berformat teks agar digit tidak berubah.", 20),
    ("Identitas Kuasa Pemohon", "bila diajukan melalui kuasa; lampirkan surat kuasa khusus"),
    _Field("nama_kuasa", "Nama", "", "Hanya bila keberatan diajukan melalui kuasa: nama kuasa pemohon. "
           "Lampirkan surat kuasa khusus bermeterai.", 24, xlsx_label="Nama Kuasa Pemohon (bila ada)"),
    _Field("alamat_kuasa", "Alamat", "", "Alamat kuasa pemohon.", 30, xlsx_label="Alamat Kuasa Pemohon"),
    _Field("telepon_kuasa", "Nomor Telepon/HP", "", "Nomor telepon atau HP kuasa pemohon.", 18,
           xlsx_label="Nomor Telepon Kuasa Pemohon"),
    _Field("alasan", "B. Alasan Pengajuan Keberatan", "pilih satu atau lebih", _ALASAN_XLSX_HELP, 22,
           xlsx_label="Alasan Pengajuan Keberatan (huruf a-g, misalnya: a, c)"),
    _Field("kasus_posisi", "C. Kasus Posisi", "uraikan kejadiannya; tambahkan kertas bila perlu",
           "Uraian singkat kejadian: kapan permohonan diajukan, apa tanggapan yang diterima, dan mengapa "
           "keberatan diajukan.", 50, xlsx_label="Kasus Posisi"),
    _Field("tanggal_tanggapan", "D. Hari/Tanggal Tanggapan atas Keberatan akan Diberikan", "diisi petugas"),
]  # fmt: skip
OBJECTION_FIELDS: list[_Field] = [item for item in _OBJECTION_LAYOUT if isinstance(item, _Field)]
_OBJECTION_XLSX_EXTRA = [
    _Field("tempat", "Tempat", "", "Kota tempat keberatan diajukan, misalnya Denpasar.", 14),
    _Field("tanggal", "Tanggal", "", "Tanggal pengajuan keberatan, misalnya 8 April 2026.", 16),
]
# Excel columns: the Word form's fields under their column headers (the officer's answer date is left out:
# the pipeline computes it), then the place and date.
OBJECTION_XLSX_FIELDS: list[_Field] = [
    _Field(f.key, f.xlsx_label or f.label.split(". ", 1)[-1], "" if f.xlsx_label else f.hint, f.help_text,
           f.xlsx_width)
    for f in OBJECTION_FIELDS
    if f.key != "tanggal_tanggapan"
] + _OBJECTION_XLSX_EXTRA
_OBJECTION_CHOICES = {"alasan": ALASAN_OPTIONS}
_OBJECTION_TALL_ROWS = {"tujuan": 1.5, "alamat": 1.5, "alamat_kuasa": 1.2, "kasus_posisi": 5.0}
_OBJECTION_TEXT_COLUMNS = {"nomor_registrasi_keberatan", "nomor_pendaftaran", "nik", "telepon", "telepon_kuasa"}
_OBJECTION_HINT = (
    f"Beri tanda ☑ pada kotak {'☐'} di depan setiap alasan keberatan yang sesuai (boleh lebih dari satu), "
    "atau coret alasan yang tidak dipilih. Kolom bertanda \"diisi petugas\" dikosongkan."
)

_BOX = "☐"
_CHOICE_HINT = (
    f"Untuk pilihan, ganti kotak {_BOX} di depan pilihan Anda dengan ☑ atau X, "
    "atau coret pilihan yang tidak dipilih."
)


def write_blank_forms(dest: Path, paper: str = DEFAULT_PAPER) -> list[Path]:
    """Write the blank forms into `dest` (created if needed), on ``paper`` (``[paper] size``: "F4" or "A4"), and
    return their paths: request docx, request xlsx, answer docx, answer xlsx, objection docx, objection xlsx,
    DIP xlsx, DIK xlsx."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    docx_path = dest / REQUEST_DOCX_NAME
    xlsx_path = dest / REQUEST_XLSX_NAME
    answer_docx = dest / ANSWER_DOCX_NAME
    answer_xlsx = dest / ANSWER_XLSX_NAME
    objection_docx = dest / OBJECTION_DOCX_NAME
    objection_xlsx = dest / OBJECTION_XLSX_NAME
    _write_request_docx(paper=paper, path=docx_path)
    _write_request_xlsx(xlsx_path)
    _write_answer_docx(paper=paper, path=answer_docx)
    _write_answer_xlsx(answer_xlsx)
    _write_objection_docx(paper=paper, path=objection_docx)
    _write_objection_xlsx(objection_xlsx)
    dip_xlsx = dest / DIP_XLSX_NAME
    dik_xlsx = dest / DIK_XLSX_NAME
    _write_dip_xlsx(paper=paper, path=dip_xlsx)
    _write_dik_xlsx(paper=paper, path=dik_xlsx)
    return [docx_path, xlsx_path, answer_docx, answer_xlsx, objection_docx, objection_xlsx, dip_xlsx, dik_xlsx]


# --------------------------------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------------------------------


def _write_request_docx(path: Path, paper: str = DEFAULT_PAPER) -> None:
    document = Document()
    _set_page(document, paper)
    _heading(document)
    _field_table(document)
    _closing(document)
    document.core_properties.title = REQUEST_TITLE.title()
    document.core_properties.author = "PPID"
    document.save(str(path))


def _set_page(document, paper: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(side) for side in PAPERS[paper].millimetres)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)


def _title(document, text: str, size: int) -> None:
    """The form's title: centred, bold (the reader knows a form by it)."""
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def _fill_rows(path: Path, sheet_name: str, fields: list, rows: list[dict]) -> None:
    """One record per row below the header, each value in its field's column (a list written "a, c")."""
    workbook = load_workbook(path)
    sheet = workbook[sheet_name]
    column_of = {f.key: index for index, f in enumerate(fields, start=1)}
    for row_number, values in enumerate(rows, start=2):
        for key, value in values.items():
            written = ", ".join(value) if isinstance(value, list) else value
            sheet.cell(row=row_number, column=column_of[key], value=written)
    workbook.save(path)


def _heading(document) -> None:
    _title(document, REQUEST_TITLE, 14)
    subtitle = document.add_paragraph("Pejabat Pengelola Informasi dan Dokumentasi (PPID)")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hint = document.add_paragraph()
    hint.paragraph_format.space_before = Pt(8)
    hint.paragraph_format.space_after = Pt(6)
    hint_run = hint.add_run(_CHOICE_HINT)
    hint_run.italic = True
    hint_run.font.size = Pt(9)


def _grid_table(document, widths: tuple) -> object:
    """An empty bordered label | : | value table, centred, with fixed column widths."""
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    return table


def _field_table(document) -> None:
    widths = (Cm(5.6), Cm(0.6), Cm(10.8))  # 17 cm: A4 width less the 2 cm margins
    table = _grid_table(document, widths)
    for form_field in REQUEST_FIELDS:
        row = table.add_row()
        row.height, row.height_rule = Cm(0.8), WD_ROW_HEIGHT_RULE.AT_LEAST  # room to write by hand
        cells = row.cells
        _label_cell(cells[0], form_field)
        cells[1].text = ":"
        options = _CHOICE_OPTIONS.get(form_field.key)
        if options:
            _option_paragraphs(cells[2], options)
        elif form_field.key in ("rincian_informasi", "tujuan", "alamat"):
            row.height = Cm(2.5 if form_field.key == "rincian_informasi" else 1.5)
        for cell, width in zip(cells, widths):
            cell.width = width


def _label_cell(cell, form_field: _Field) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(form_field.label)
    if form_field.hint:
        hint = paragraph.add_run(f" ({form_field.hint})")
        hint.italic = True
        hint.font.size = Pt(8)


def _option_paragraphs(cell, options: list[str]) -> None:
    for index, option in enumerate(options):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        box = paragraph.add_run(_BOX)
        box.font.name = "Segoe UI Symbol"
        paragraph.add_run(" " + option)


def _closing(document) -> None:
    statement = document.add_paragraph(
        "Dengan ini saya menyatakan bahwa data di atas benar dan informasi yang diperoleh akan "
        "digunakan sesuai dengan ketentuan peraturan perundang-undangan."
    )
    statement.paragraph_format.space_before = Pt(8)
    place_date = document.add_paragraph("......................, ...................... 20......")
    place_date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    place_date.paragraph_format.space_before = Pt(10)
    _signature_table(document)
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(12)
    note_run = note.add_run(
        "Keterangan: lampirkan fotokopi KTP (atau SK badan hukum) dan, bila diwakili, surat kuasa khusus "
        "bermeterai. Pemohon menyimpan salinan formulir bernomor pendaftaran ini sebagai tanda bukti."
    )
    note_run.font.size = Pt(9)


_REQUEST_SIGNATURES = (("Petugas Pelayanan Informasi", "(Penerima Permohonan)"), ("Pemohon Informasi", ""))


def _keep_on_one_page(table, *before) -> None:
    """A signature block never breaks over two pages: the paragraphs before it keep with it, its row does not
    split, and each of its paragraphs keeps with the next."""
    for paragraph in before:
        paragraph.paragraph_format.keep_with_next = True
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _signature_table(document, captions: tuple[tuple[str, str], ...] = _REQUEST_SIGNATURES) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Cm(8.5)
    for cell, (caption, sub_caption) in zip(table.rows[0].cells, captions):
        cell.paragraphs[0].text = caption
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        second = cell.add_paragraph(sub_caption)
        second.alignment = WD_ALIGN_PARAGRAPH.CENTER
        second.paragraph_format.space_after = Pt(48)
        name_line = cell.add_paragraph("(.................................................)")
        name_line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        hint = cell.add_paragraph()
        hint.alignment = WD_ALIGN_PARAGRAPH.CENTER
        hint_run = hint.add_run("Nama dan tanda tangan")
        hint_run.italic = True
        hint_run.font.size = Pt(8)
    _keep_on_one_page(table, *document.paragraphs[-2:])


# --------------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------------


def _write_request_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Permohonan"
    columns = REQUEST_FIELDS + _XLSX_EXTRA
    _header_row(sheet, columns)
    _choice_validations(sheet, columns)
    _instructions_sheet(workbook.create_sheet("Petunjuk"), columns)
    workbook.properties.title = REQUEST_TITLE.title()
    workbook.properties.creator = "PPID"
    workbook.save(str(path))


def _header_row(sheet, columns: list[_Field], text_columns: set[str] = _TEXT_COLUMNS) -> None:
    for index, form_field in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=form_field.printed_label)
        cell.font, cell.fill, cell.alignment = xlsx.BOLD, xlsx.FORM_HEADER_FILL, xlsx.LEFT_MIDDLE
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = form_field.xlsx_width
        if form_field.key in text_columns:
            # The column style makes new cells text, so a 16-digit NIK keeps every digit.
            sheet.column_dimensions[letter].number_format = xlsx.TEXT_FORMAT
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "A2"


def _choice_validations(sheet, columns: list[_Field], choices: dict[str, list[str]] = _CHOICE_OPTIONS) -> None:
    for index, form_field in enumerate(columns, start=1):
        options = choices.get(form_field.key)
        if not options:
            continue
        letter = get_column_letter(index)
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(options) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Pilihan tidak dikenal",
            error="Pilih salah satu isian dari daftar.",
            showInputMessage=True,
            promptTitle=form_field.label[:32],
            prompt="Pilih dari daftar.",
        )
        validation.add(f"{letter}2:{letter}{_XLSX_ROWS_PREPARED + 1}")
        sheet.add_data_validation(validation)


_REQUEST_INSTRUCTIONS = [
    "Petunjuk Pengisian Formulir Permohonan Informasi Publik (Excel)",
    "",
    "1. Satu baris pada lembar 'Permohonan' adalah satu permohonan; baris pertama (judul kolom) jangan diubah.",
    "2. Baris kosong dilewati. Urutan baris tidak berpengaruh; nomor baris dipakai sebagai rujukan.",
    "3. NIK, Nomor SK, dan nomor telepon ditulis sebagai teks agar tidak ada digit yang hilang.",
    "4. Kolom pilihan diisi dengan memilih dari daftar (klik sel, lalu panah di sisi kanan).",
    "5. Salinan KTP dan surat kuasa diserahkan terpisah kepada petugas.",
    "",
]
_ANSWER_INSTRUCTIONS = [
    "Petunjuk Pengisian Lembar Jawaban PPID Pelaksana (Excel)",
    "",
    f"1. Satu baris pada lembar '{ANSWER_SHEET_NAME}' adalah jawaban atas satu permohonan; baris pertama "
    "(judul kolom) jangan diubah.",
    "2. Tulis Nomor Pendaftaran Permohonan persis seperti pada surat penerusan dari PPID.",
    "3. Kolom Keputusan dan Bentuk informasi diisi dengan memilih dari daftar (klik sel, lalu panah di sisi kanan).",
    "4. Isi hanya kolom yang sesuai dengan keputusan: bila diberikan (seluruhnya atau sebagian) bentuk, biaya, "
    "dan waktu penyediaan; bila ditolak dasar pengecualian dan konsekuensinya; bila belum dikuasai atau belum "
    "didokumentasikan kapan informasi akan tersedia; bila perlu perpanjangan alasannya. Kolom lain dikosongkan.",
    "5. Biaya ditulis sebagai angka rupiah tanpa titik atau 'Rp' (0 bila tidak ada biaya).",
    "6. Baris kosong dilewati. Nomor baris dipakai sebagai rujukan bila ada jawaban yang tidak dapat dicatat.",
    "",
]


def _instructions_sheet(sheet, columns: list[_Field], general: list[str] = _REQUEST_INSTRUCTIONS) -> None:
    for text in general:
        sheet.append([text])
    sheet["A1"].font = xlsx.HEADING
    header_row = sheet.max_row + 1
    sheet.append(["Kolom", "Penjelasan"])
    for cell in sheet[header_row]:
        cell.font = xlsx.BOLD
    for form_field in columns:
        sheet.append([form_field.label, form_field.help_text])
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 100


# -- filling the blank forms (the demo, and tests that act as an applicant) ---------------------------


def fill_request_docx(path: Path, values: dict[str, str], ticks: dict[str, list[int]], *, strike: bool = False,
                      place_date: str = "Denpasar, 16 Maret 2026") -> None:
    """Fill a blank request form the way an applicant would: values typed, options ticked (☑) or,
    with ``strike``, the options that do not apply struck through."""
    document = Document(path)
    table = document.tables[0]
    for form_field, row in zip(REQUEST_FIELDS, table.rows):
        cell = row.cells[2]
        if form_field.key in values:
            cell.paragraphs[0].text = values[form_field.key]
        for index, paragraph in enumerate(cell.paragraphs if form_field.key in ticks else []):
            chosen = index in ticks[form_field.key]
            if strike and not chosen:
                for run in paragraph.runs:
                    run.font.strike = True
            elif chosen:
                paragraph.runs[0].text = "☑"
    next(p for p in document.paragraphs if p.text.startswith("......")).text = place_date
    document.save(path)


def fill_request_xlsx(path: Path, rows: list[dict[str, str]]) -> None:
    """One request per row below the header; keys as in REQUEST_FIELDS plus tempat and tanggal."""
    _fill_rows(path, "Permohonan", REQUEST_FIELDS + _XLSX_EXTRA, rows)


# -- the answer sheet: Word ------------------------------------------------------------------------------


def _write_answer_docx(path: Path, paper: str = DEFAULT_PAPER) -> None:
    document = Document()
    _set_page(document, paper)
    _title(document, ANSWER_TITLE, 13)
    hint = document.add_paragraph()
    hint.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hint.paragraph_format.space_before = Pt(4)
    hint.paragraph_format.space_after = Pt(8)
    hint_run = hint.add_run(_ANSWER_INSTRUCTION)
    hint_run.italic = True
    hint_run.font.size = Pt(9)
    _answer_table(document)
    place_date = document.add_paragraph("......................, ...................... 20......")
    place_date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    place_date.paragraph_format.space_before = Pt(10)
    _answer_signature(document)
    document.core_properties.title = ANSWER_TITLE.title()
    document.core_properties.author = "PPID"
    document.save(str(path))


def _answer_table(document) -> None:
    widths = (Cm(6.4), Cm(0.6), Cm(10.0))
    table = _grid_table(document, widths)
    for item in _ANSWER_LAYOUT:
        row = table.add_row()
        cells = row.cells
        for cell, width in zip(cells, widths):
            cell.width = width
        if isinstance(item, str):
            merged = cells[0].merge(cells[2])
            merged.paragraphs[0].add_run(item).bold = True
            continue
        row.height, row.height_rule = Cm(0.8), WD_ROW_HEIGHT_RULE.AT_LEAST
        _label_cell(cells[0], item)
        cells[1].text = ":"
        options = _ANSWER_CHOICES.get(item.key)
        if options:
            _option_paragraphs(cells[2], options)
        elif item.key in _ANSWER_TALL_ROWS:
            row.height = Cm(_ANSWER_TALL_ROWS[item.key])


def _answer_signature(document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Cm(8.5)
    cell = table.rows[0].cells[1]
    lines = [
        ("PPID Pelaksana,", False),
        (".................................................", False),
        ("(nama Perangkat Daerah)", True),
        ("(.................................................)", False),
        ("NIP ..........................................", False),
    ]
    for index, (text, small) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        if small:
            run.italic = True
            run.font.size = Pt(8)
            paragraph.paragraph_format.space_after = Pt(48)  # room for the signature and stamp
    _keep_on_one_page(table, document.paragraphs[-1])


def fill_answer_docx(path: Path, values: dict[str, str], ticks: dict[str, list[int]], *, strike: bool = False,
                     place_date: str = "Denpasar, 20 April 2026") -> None:
    """Fill a blank answer sheet the way a PPID Pelaksana would: values typed, the decision and the form
    ticked (☑) or, with ``strike``, the options that do not apply struck through. ``ticks`` holds option
    indexes into KEPUTUSAN_OPTIONS / BENTUK_OPTIONS; a value with "\\n" becomes several lines."""
    document = Document(path)
    table = document.tables[0]
    for item, row in zip(_ANSWER_LAYOUT, table.rows):
        if isinstance(item, str):
            continue
        cell = row.cells[2]
        if item.key in values:
            cell.paragraphs[0].text = values[item.key]
        for index, paragraph in enumerate(cell.paragraphs if item.key in ticks else []):
            chosen = index in ticks[item.key]
            if strike and not chosen:
                for run in paragraph.runs:
                    run.font.strike = True
            elif chosen:
                paragraph.runs[0].text = "☑"
    next(p for p in document.paragraphs if p.text.startswith("......")).text = place_date
    document.save(path)


# -- the answer sheet: Excel -----------------------------------------------------------------------------


def _write_answer_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = ANSWER_SHEET_NAME
    columns = ANSWER_FIELDS + _ANSWER_XLSX_EXTRA
    _header_row(sheet, columns, _ANSWER_TEXT_COLUMNS)
    _choice_validations(sheet, columns, _ANSWER_XLSX_CHOICES)
    _instructions_sheet(workbook.create_sheet("Petunjuk"), columns, _ANSWER_INSTRUCTIONS)
    workbook.properties.title = ANSWER_TITLE.title()
    workbook.properties.creator = "PPID"
    workbook.save(str(path))


def fill_answer_xlsx(path: Path, rows: list[dict[str, str]]) -> None:
    """One answer per row below the header; keys as in ANSWER_FIELDS plus tanggal. The choices take
    the option text as printed in the list (or the option key)."""
    _fill_rows(path, ANSWER_SHEET_NAME, ANSWER_FIELDS + _ANSWER_XLSX_EXTRA, rows)


# -- the objection form: Word ----------------------------------------------------------------------------


def _write_objection_docx(path: Path, paper: str = DEFAULT_PAPER) -> None:
    document = Document()
    _set_page(document, paper)
    _title(document, OBJECTION_TITLE, 14)
    subtitle = document.add_paragraph("Pejabat Pengelola Informasi dan Dokumentasi (PPID)")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hint = document.add_paragraph()
    hint.paragraph_format.space_before = Pt(8)
    hint.paragraph_format.space_after = Pt(6)
    hint_run = hint.add_run(_OBJECTION_HINT)
    hint_run.italic = True
    hint_run.font.size = Pt(9)
    _objection_table(document)
    statement = document.add_paragraph(
        "Demikian keberatan ini saya ajukan dengan sebenarnya; data di atas benar dan informasi yang "
        "diperoleh akan digunakan sesuai dengan ketentuan peraturan perundang-undangan."
    )
    statement.paragraph_format.space_before = Pt(8)
    place_date = document.add_paragraph("......................, ...................... 20......")
    place_date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    place_date.paragraph_format.space_before = Pt(10)
    _signature_table(document, (("Petugas Informasi", "(Penerima Keberatan)"), ("Pengaju Keberatan", "")))
    note = document.add_paragraph()
    note.paragraph_format.space_before = Pt(12)
    note_run = note.add_run(
        "Keterangan: lampirkan fotokopi KTP pengaju keberatan dan, bila diajukan melalui kuasa, surat kuasa "
        "khusus bermeterai. Tanggapan atas keberatan diberikan paling lambat 30 hari kerja sejak keberatan "
        "diterima. Pengaju keberatan menyimpan salinan formulir bernomor registrasi ini sebagai tanda bukti."
    )
    note_run.font.size = Pt(9)
    document.core_properties.title = OBJECTION_TITLE.title()
    document.core_properties.author = "PPID"
    document.save(str(path))


def _objection_table(document) -> None:
    widths = (Cm(5.6), Cm(0.6), Cm(10.8))
    table = _grid_table(document, widths)
    for item in _OBJECTION_LAYOUT:
        row = table.add_row()
        cells = row.cells
        for cell, width in zip(cells, widths):
            cell.width = width
        if not isinstance(item, _Field):
            text, hint = item if isinstance(item, tuple) else (item, "")
            merged = cells[0].merge(cells[2])
            merged.paragraphs[0].add_run(text).bold = True
            if hint:
                hint_run = merged.paragraphs[0].add_run(f" ({hint})")
                hint_run.italic = True
                hint_run.font.size = Pt(8)
            continue
        row.height, row.height_rule = Cm(0.8), WD_ROW_HEIGHT_RULE.AT_LEAST
        _label_cell(cells[0], item)
        if item.key in ("alasan", "kasus_posisi", "tanggal_tanggapan"):
            cells[0].paragraphs[0].runs[0].bold = True  # the B, C and D section labels
        cells[1].text = ":"
        options = _OBJECTION_CHOICES.get(item.key)
        if options:
            _option_paragraphs(cells[2], options)
        elif item.key in _OBJECTION_TALL_ROWS:
            row.height = Cm(_OBJECTION_TALL_ROWS[item.key])


def fill_objection_docx(path: Path, values: dict[str, str], reasons: list[str], *, strike: bool = False,
                        place_date: str = "Denpasar, 8 April 2026") -> None:
    """Fill a blank objection form the way an applicant would: values typed (keys as in OBJECTION_FIELDS;
    a value with "\\n" becomes several lines), the reasons given as letters ("a".."g") ticked (☑) or, with
    ``strike``, the reasons not chosen struck through."""
    unknown = [reason for reason in reasons if reason not in ALASAN_KEYS]
    if unknown:
        raise ValueError(f"unknown objection reasons: {unknown}")
    chosen = {ALASAN_KEYS.index(reason) for reason in reasons}
    document = Document(path)
    table = document.tables[0]
    for item, row in zip(_OBJECTION_LAYOUT, table.rows):
        if not isinstance(item, _Field):
            continue
        cell = row.cells[2]
        if item.key in values:
            cell.paragraphs[0].text = values[item.key]
        if item.key != "alasan":
            continue
        for index, paragraph in enumerate(cell.paragraphs):
            if strike and index not in chosen:
                for run in paragraph.runs:
                    run.font.strike = True
            elif not strike and index in chosen:
                paragraph.runs[0].text = "☑"
    next(p for p in document.paragraphs if p.text.startswith("......")).text = place_date
    document.save(path)


# -- the objection form: Excel ---------------------------------------------------------------------------

_OBJECTION_INSTRUCTIONS = [
    "Petunjuk Pengisian Formulir Pengajuan Keberatan (Excel)",
    "",
    f"1. Satu baris pada lembar '{OBJECTION_SHEET_NAME}' adalah satu keberatan; baris pertama (judul kolom) "
    "jangan diubah.",
    "2. Nomor pendaftaran permohonan ditulis persis seperti pada tanda bukti permohonan, misalnya "
    "001/PPID/IV/2026; boleh kosong hanya bila alasannya semata-mata b.",
    "3. Kolom alasan diisi dengan huruf alasan a sampai g; lebih dari satu alasan dipisah koma, misalnya \"a, c\".",
    "4. NIK dan nomor telepon ditulis sebagai teks agar tidak ada digit yang hilang.",
    "5. Kolom kuasa diisi hanya bila keberatan diajukan melalui kuasa; surat kuasa khusus bermeterai dan "
    "fotokopi KTP diserahkan terpisah kepada petugas.",
    "6. Baris kosong dilewati. Nomor baris dipakai sebagai rujukan bila ada keberatan yang tidak dapat dicatat.",
    "",
]


def _write_objection_xlsx(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = OBJECTION_SHEET_NAME
    columns = OBJECTION_XLSX_FIELDS
    _header_row(sheet, columns, _OBJECTION_TEXT_COLUMNS)
    # Several reasons share one cell, so Excel's one-value list cannot be used: a prompt lists the letters.
    letter = get_column_letter(next(i for i, f in enumerate(columns, start=1) if f.key == "alasan"))
    prompt = DataValidation(
        allow_blank=True,
        showInputMessage=True,
        promptTitle="Alasan keberatan (a-g)",
        prompt=("Tulis huruf alasan, dipisah koma (misalnya: a, c). "
                + " ".join(f"{k}) {v}." for k, v in ALASAN_KEBERATAN.items()))[:255],
    )
    prompt.add(f"{letter}2:{letter}{_XLSX_ROWS_PREPARED + 1}")
    sheet.add_data_validation(prompt)
    for index, form_field in enumerate(columns, start=1):
        if form_field.key in ("kasus_posisi", "tujuan", "alamat"):
            sheet.column_dimensions[get_column_letter(index)].alignment = xlsx.TOP_WRAP
    instructions = workbook.create_sheet("Petunjuk")
    _instructions_sheet(instructions, columns, _OBJECTION_INSTRUCTIONS)
    instructions.append([])
    instructions.append(["Huruf", "Alasan pengajuan keberatan (UU KIP Pasal 35 ayat 1)"])
    for cell in instructions[instructions.max_row]:
        cell.font = xlsx.BOLD
    for key, text in ALASAN_KEBERATAN.items():
        instructions.append([key, text])
    workbook.properties.title = OBJECTION_TITLE.title()
    workbook.properties.creator = "PPID"
    workbook.save(str(path))


def fill_objection_xlsx(path: Path, rows: list[dict[str, str | list[str]]]) -> None:
    """One objection per row below the header; keys as in OBJECTION_XLSX_FIELDS. ``alasan`` takes the
    letters as written ("a, c") or a list of letters (written as "a, c")."""
    _fill_rows(path, OBJECTION_SHEET_NAME, OBJECTION_XLSX_FIELDS, rows)


# -- the DIP and DIK lists (Excel) ------------------------------------------------------------------------

DIP_XLSX_NAME = "daftar-informasi-publik.xlsx"
DIK_XLSX_NAME = "daftar-informasi-dikecualikan.xlsx"
DIP_TITLE = "DAFTAR INFORMASI PUBLIK"
DIK_TITLE = "DAFTAR INFORMASI YANG DIKECUALIKAN"
DIP_SHEET_NAME = "Daftar Informasi Publik"
DIK_SHEET_NAME = "Daftar Dikecualikan"
_LIST_OPD_LABEL = "PPID Pelaksana/OPD :"
_LIST_YEAR_LABEL = "Tahun :"
_LIST_OPD_ROW, _LIST_YEAR_ROW, _LIST_HEADER_ROW, _LIST_NUMBER_ROW = 2, 3, 5, 6
_DIP_ROWS_PER_GROUP = 15
_DIK_ROWS_PREPARED = 40

DIP_FIELDS: list[_Field] = [
    _Field("no", daftar.COL_NO, "", "Nomor urut; boleh dikosongkan (PPID menomori ulang seluruh daftar).", 5),
    _Field("ringkasan_isi", daftar.COL_RINGKASAN, "",
           "Ringkasan isi informasi, cukup jelas untuk dicari pemohon, misalnya \"Laporan Keuangan Tahun "
           "Anggaran 2025 (LRA, Neraca, CaLK)\". Jangan menulis data pribadi.", 44),
    _Field("penguasa_informasi", daftar.COL_PENGUASA, "",
           "Bidang/subbagian/UPTD yang menyimpan informasi, misalnya \"Subbagian Keuangan\".", 24),
    _Field("penanggung_jawab", daftar.COL_PENANGGUNG_JAWAB, "",
           "Jabatan yang bertanggung jawab membuat atau menerbitkan informasi (jabatan, bukan nama pribadi).", 24),
    _Field("waktu_tempat", daftar.COL_WAKTU_TEMPAT, "",
           "Kapan dan di mana informasi dibuat, misalnya \"Maret 2026, Denpasar\" atau \"Setiap semester\".", 20),
    _Field("bentuk_informasi", "Bentuk/Format Informasi yang Tersedia", "cetak/elektronik",
           "Cetak, elektronik, atau cetak dan elektronik.", 16),
    _Field("retensi", daftar.COL_RETENSI, "",
           "Berapa lama arsip disimpan (jadwal retensi arsip), misalnya \"10 tahun\" atau \"Selama berlaku\".", 18),
]  # fmt: skip
DIK_FIELDS: list[_Field] = [
    _Field("no", daftar.COL_NO, "", "Nomor urut.", 5),
    _Field("informasi", daftar.COL_INFORMASI, "", "Informasi atau dokumen yang diusulkan dikecualikan.", 32),
    _Field("dasar_hukum", daftar.COL_DASAR, "Pasal 17 huruf a-j UU 14/2008 atau undang-undang lain",
           "Pasal 17 huruf a sampai j UU 14/2008, dengan angka bila ada (misalnya \"Pasal 17 huruf h angka 2\"); "
           "untuk huruf j atau undang-undang lain sebutkan pasal dan undang-undang yang berlaku (ditulis \"Pasal "
           "<nomor> UU <nomor>/<tahun> tentang <judul>\"); undang-undang yang telah dicabut atau diganti ditolak.",
           28),
    _Field("konsekuensi_dibuka", daftar.COL_DIBUKA, "uji konsekuensi",
           "Hasil uji konsekuensi: akibat yang timbul bila informasi dibuka.", 34),
    _Field("konsekuensi_ditutup", daftar.COL_DITUTUP, "kepentingan publik yang lebih besar",
           "Pertimbangan kepentingan publik: mengapa menutup informasi melindungi kepentingan yang lebih besar.", 34),
    _Field("jangka_waktu", daftar.COL_JANGKA, "", "Berapa lama informasi dikecualikan, misalnya \"5 tahun\" "
           "atau \"Sampai penetapan pemenang\".", 18),
    _Field("pejabat", daftar.COL_UNIT, "", "Pejabat atau unit kerja yang menguasai informasi.", 22),
]  # fmt: skip

_DIP_INSTRUCTIONS = [
    "Petunjuk Pengisian Daftar Informasi Publik (DIP) PPID Pelaksana",
    "",
    f"1. Tulis nama PPID Pelaksana/OPD dan tahun pada sel berwarna di baris {_LIST_OPD_ROW} dan {_LIST_YEAR_ROW} "
    "lembar 'Daftar Informasi Publik'.",
    "2. Isi setiap informasi pada satu baris di bawah kelompok yang sesuai: A. berkala (diumumkan paling "
    "sedikit setiap 6 bulan), B. serta merta (mengancam hajat hidup orang banyak dan ketertiban umum), "
    "C. tersedia setiap saat (termasuk Daftar Informasi Publik ini). Judul kelompok dan judul kolom jangan diubah.",
    "3. Bila baris kosong kurang, sisipkan baris di bawah kelompok yang sama (klik kanan nomor baris, Insert).",
    "4. Semua kolom wajib diisi. Baris kosong dilewati; nomor baris dipakai sebagai rujukan koreksi dari PPID.",
    "5. Informasi yang dikecualikan tidak dimasukkan ke DIP; usulkan melalui Daftar Informasi yang Dikecualikan.",
    "6. DIP diumumkan: jangan menulis data pribadi (NIK, nomor HP, alamat rumah, e-mail pribadi).",
    "",
]
_DIK_INSTRUCTIONS = [
    "Petunjuk Pengisian Daftar Informasi yang Dikecualikan (hasil uji konsekuensi)",
    "",
    "1. Satu baris adalah satu informasi yang diusulkan dikecualikan; judul kolom jangan diubah.",
    "2. Setiap baris wajib memuat dasar hukum, konsekuensi bila dibuka, konsekuensi bila ditutup, dan jangka "
    "waktu pengecualian (Pasal 17 dan Pasal 19 UU 14/2008; Perki 1/2017).",
    "3. Pasal 17 UU 14/2008 hanya memiliki huruf a sampai j.",
    "4. Baris kosong dilewati; nomor baris dipakai sebagai rujukan koreksi.",
    "",
]



def _list_sheet_head(sheet, title: str, fields: list[_Field], paper: str) -> None:
    """Title, OPD and year rows (the values go in the coloured cells), header and column numbers."""
    last = len(fields)
    sheet.cell(row=1, column=1, value=title).font = xlsx.HEADING
    sheet.cell(row=1, column=1).alignment = xlsx.CENTRED
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    for row, label, prompt in (
        (_LIST_OPD_ROW, _LIST_OPD_LABEL, "Tulis nama PPID Pelaksana/OPD, misalnya Dinas Kesehatan Provinsi Bali."),
        (_LIST_YEAR_ROW, _LIST_YEAR_LABEL, "Tulis tahun daftar, misalnya 2026."),
    ):
        sheet.cell(row=row, column=1, value=label).font = xlsx.BOLD
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        value = sheet.cell(row=row, column=3)
        value.fill, value.border = xlsx.INPUT_FILL, xlsx.BORDER
        value.number_format = xlsx.TEXT_FORMAT
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=last)
        hint = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=label.rstrip(" :")[:32],
                              prompt=prompt)  # fmt: skip
        hint.add(f"C{row}")
        sheet.add_data_validation(hint)
    for column, form_field in enumerate(fields, start=1):
        cell = sheet.cell(row=_LIST_HEADER_ROW, column=column, value=form_field.printed_label)
        cell.font, cell.fill, cell.border, cell.alignment = xlsx.BOLD, xlsx.FORM_HEADER_FILL, xlsx.BORDER, xlsx.CENTRED
        number = sheet.cell(row=_LIST_NUMBER_ROW, column=column, value=f"({column})")
        number.font, number.border, number.alignment = xlsx.NUMBER_FONT, xlsx.BORDER, xlsx.CENTRED
        sheet.column_dimensions[get_column_letter(column)].width = form_field.xlsx_width
    sheet.row_dimensions[_LIST_HEADER_ROW].height = 60
    sheet.freeze_panes = f"A{_LIST_NUMBER_ROW + 1}"
    xlsx.set_page(sheet, paper=paper, repeat_rows=f"{_LIST_HEADER_ROW}:{_LIST_NUMBER_ROW}")


def _list_body_rows(sheet, first: int, count: int, columns: int) -> None:
    for row in range(first, first + count):
        for column in range(1, columns + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border, cell.alignment = xlsx.BORDER, xlsx.TOP_WRAP


def _write_dip_xlsx(path: Path, paper: str = DEFAULT_PAPER) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DIP_SHEET_NAME
    _list_sheet_head(sheet, DIP_TITLE, DIP_FIELDS, paper)
    last = len(DIP_FIELDS)
    row = _LIST_NUMBER_ROW + 1
    for heading in daftar.CATEGORIES.values():
        cell = sheet.cell(row=row, column=1, value=heading)
        cell.font, cell.fill = xlsx.BOLD, xlsx.FORM_GROUP_FILL
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        _list_body_rows(sheet, row + 1, _DIP_ROWS_PER_GROUP, last)
        row += 1 + _DIP_ROWS_PER_GROUP
    bentuk = DataValidation(type="list", formula1='"Cetak,Elektronik,Cetak dan elektronik"', allow_blank=True,
                            showErrorMessage=False, showInputMessage=True, promptTitle="Bentuk informasi",
                            prompt="Pilih dari daftar atau tulis sendiri.")  # fmt: skip
    letter = get_column_letter(next(i for i, f in enumerate(DIP_FIELDS, start=1) if f.key == "bentuk_informasi"))
    bentuk.add(f"{letter}{_LIST_NUMBER_ROW + 1}:{letter}{row + 200}")
    sheet.add_data_validation(bentuk)
    _instructions_sheet(workbook.create_sheet("Petunjuk"), DIP_FIELDS, _DIP_INSTRUCTIONS)
    workbook.properties.title = DIP_TITLE.title()
    workbook.properties.creator = "PPID"
    workbook.save(str(path))


def _write_dik_xlsx(path: Path, paper: str = DEFAULT_PAPER) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DIK_SHEET_NAME
    _list_sheet_head(sheet, DIK_TITLE, DIK_FIELDS, paper)
    _list_body_rows(sheet, _LIST_NUMBER_ROW + 1, _DIK_ROWS_PREPARED, len(DIK_FIELDS))
    instructions = workbook.create_sheet("Petunjuk")
    _instructions_sheet(instructions, DIK_FIELDS, _DIK_INSTRUCTIONS)
    instructions.append([])
    instructions.append(["Huruf", "Pasal 17 UU 14/2008: informasi yang bila dibuka dapat ..."])
    for cell in instructions[instructions.max_row]:
        cell.font = xlsx.BOLD
    for letter, text in PASAL17_CLAUSE.items():
        instructions.append([letter, text])
    workbook.properties.title = DIK_TITLE.title()
    workbook.properties.creator = "PPID"
    workbook.save(str(path))




def fill_list_xlsx(path: Path, opd: str, year: int | str,
                   rows: dict[str, list[dict[str, str]]] | list[dict[str, str]]) -> None:
    """Fill a blank DIP or DIK list as an OPD would. For the DIP ``rows`` maps a category key
    ("berkala", "serta_merta", "setiap_saat") to the items of that group; for the DIK it is a list of
    items. Item keys as in DIP_FIELDS / DIK_FIELDS."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.cell(row=_LIST_OPD_ROW, column=3, value=opd)
    sheet.cell(row=_LIST_YEAR_ROW, column=3, value=str(year))
    if isinstance(rows, dict):
        fields = DIP_FIELDS
        column_of = {f.key: index for index, f in enumerate(fields, start=1)}
        group_row = _LIST_NUMBER_ROW + 1
        for key in daftar.CATEGORIES:
            items = rows.get(key, [])
            if len(items) > _DIP_ROWS_PER_GROUP:
                raise ValueError("terlalu banyak baris untuk satu kelompok")
            for offset, values in enumerate(items, start=1):
                for name, value in values.items():
                    sheet.cell(row=group_row + offset, column=column_of[name], value=value)
            group_row += 1 + _DIP_ROWS_PER_GROUP
    else:
        column_of = {f.key: index for index, f in enumerate(DIK_FIELDS, start=1)}
        for offset, values in enumerate(rows, start=_LIST_NUMBER_ROW + 1):
            for name, value in values.items():
                sheet.cell(row=offset, column=column_of[name], value=value)
    workbook.save(path)
