"""Blank official input forms, laid out the way pipeline.reading reads best.

`write_blank_forms(dest)` writes a Word and an Excel version of the request form
(Formulir Permohonan Informasi Publik): the Word one for applicants (one request per file),
the Excel one for the service desk (one request per row). Labels follow the post-2021 form
(Perki 1/2021) plus Pekerjaan, which the registers still carry.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

__all__ = [
    "REQUEST_DOCX_NAME",
    "REQUEST_XLSX_NAME",
    "REQUEST_TITLE",
    "REQUEST_FIELDS",
    "CARA_MEMPEROLEH_OPTIONS",
    "CARA_SALINAN_OPTIONS",
    "write_blank_forms",
]

REQUEST_DOCX_NAME = "formulir-permohonan-informasi.docx"
REQUEST_XLSX_NAME = "formulir-permohonan-informasi.xlsx"
REQUEST_TITLE = "FORMULIR PERMOHONAN INFORMASI PUBLIK"

# Option texts as printed (Perki 1/2021 lists Email last; offices that add WhatsApp append it here).
CARA_MEMPEROLEH_OPTIONS = [
    "Melihat/membaca/mendengarkan/mencatat",
    "Mendapatkan salinan informasi (hardcopy/softcopy)",
]
CARA_SALINAN_OPTIONS = ["Mengambil langsung", "Kurir", "Pos", "Faksimili", "Email"]


class _Field:
    def __init__(self, key: str, label: str, hint: str = "", help_text: str = "", xlsx_width: int = 22):
        self.key = key  # canonical key read back by pipeline.reading
        self.label = label
        self.hint = hint  # printed in brackets after the label; the reader ignores brackets
        self.help_text = help_text  # explanation on the Excel "Petunjuk" sheet
        self.xlsx_width = xlsx_width

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

_BOX = "☐"
_CHOICE_HINT = (
    f"Untuk pilihan, ganti kotak {_BOX} di depan pilihan Anda dengan ☑ atau X, "
    "atau coret pilihan yang tidak dipilih."
)


def write_blank_forms(dest: Path) -> list[Path]:
    """Write the blank request forms into `dest` (created if needed) and return their paths."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    docx_path = dest / REQUEST_DOCX_NAME
    xlsx_path = dest / REQUEST_XLSX_NAME
    _write_request_docx(docx_path)
    _write_request_xlsx(xlsx_path)
    return [docx_path, xlsx_path]


# --------------------------------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------------------------------


def _write_request_docx(path: Path) -> None:
    document = Document()
    _set_page(document)
    _heading(document)
    _field_table(document)
    _closing(document)
    document.core_properties.title = REQUEST_TITLE.title()
    document.core_properties.author = "PPID"
    document.save(str(path))


def _set_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)


def _heading(document) -> None:
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(REQUEST_TITLE)
    run.bold = True
    run.font.size = Pt(14)
    subtitle = document.add_paragraph("Pejabat Pengelola Informasi dan Dokumentasi (PPID)")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hint = document.add_paragraph()
    hint.paragraph_format.space_before = Pt(8)
    hint.paragraph_format.space_after = Pt(6)
    hint_run = hint.add_run(_CHOICE_HINT)
    hint_run.italic = True
    hint_run.font.size = Pt(9)


def _field_table(document) -> None:
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Cm(5.6), Cm(0.6), Cm(10.8))  # 17 cm: A4 width less the 2 cm margins
    for column, width in zip(table.columns, widths):
        column.width = width
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


def _signature_table(document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Cm(8.5)
    captions = (
        ("Petugas Pelayanan Informasi", "(Penerima Permohonan)"),
        ("Pemohon Informasi", ""),
    )
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


def _header_row(sheet, columns: list[_Field]) -> None:
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="D9E1F2")
    wrap = Alignment(wrap_text=True, vertical="center")
    for index, form_field in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=form_field.printed_label)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = form_field.xlsx_width
        if form_field.key in _TEXT_COLUMNS:
            # The column style makes new cells text, so a 16-digit NIK keeps every digit.
            sheet.column_dimensions[letter].number_format = "@"
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "A2"


def _choice_validations(sheet, columns: list[_Field]) -> None:
    for index, form_field in enumerate(columns, start=1):
        options = _CHOICE_OPTIONS.get(form_field.key)
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


def _instructions_sheet(sheet, columns: list[_Field]) -> None:
    general = [
        "Petunjuk Pengisian Formulir Permohonan Informasi Publik (Excel)",
        "",
        "1. Satu baris pada lembar 'Permohonan' adalah satu permohonan; baris pertama (judul kolom) jangan diubah.",
        "2. Baris kosong dilewati. Urutan baris tidak berpengaruh; nomor baris dipakai sebagai rujukan.",
        "3. NIK, Nomor SK, dan nomor telepon ditulis sebagai teks agar tidak ada digit yang hilang.",
        "4. Kolom pilihan diisi dengan memilih dari daftar (klik sel, lalu panah di sisi kanan).",
        "5. Salinan KTP dan surat kuasa diserahkan terpisah kepada petugas.",
        "",
    ]
    for text in general:
        sheet.append([text])
    sheet["A1"].font = Font(bold=True, size=13)
    header_row = sheet.max_row + 1
    sheet.append(["Kolom", "Penjelasan"])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
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
    workbook = load_workbook(path)
    sheet = workbook["Permohonan"]
    column_of = {f.key: index for index, f in enumerate(REQUEST_FIELDS + _XLSX_EXTRA, start=1)}
    for row_number, values in enumerate(rows, start=2):
        for key, value in values.items():
            sheet.cell(row=row_number, column=column_of[key], value=value)
    workbook.save(path)
