"""Write the sample forms in tests/forms/ (run: .venv/bin/python tests/forms/make_forms.py).

The samples imitate Word and Excel files as other offices and applicants make them, built directly
with python-docx / openpyxl and raw WordprocessingML where python-docx has no API (content controls,
legacy form fields, text boxes, symbol-font ticks). They deliberately do NOT use pipeline.render.blankforms:
the reader must cope with forms the pipeline did not write.

All people, numbers and addresses are invented. NIKs follow the real structure (province, regency,
district, birth date with +40 on the day for women, serial) so validation can check them.
The output is deterministic (timestamps are pinned), so re-running the script leaves the committed
files unchanged. tests/forms/README.md lists each file and its expected outcome.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2026, 3, 16, 8, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
V_NS = "urn:schemas-microsoft-com:vml"
NS_DECL = f'xmlns:w="{W_NS}" xmlns:w14="{W14_NS}" xmlns:v="{V_NS}"'


# --------------------------------------------------------------------------------------------------
# Small builders
# --------------------------------------------------------------------------------------------------


def new_document(font: str = "Times New Roman", size: int = 12):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(0)
    props = document.core_properties
    props.author = "Pemohon"
    props.last_modified_by = "Pemohon"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return document


def centred(document, text: str, bold: bool = True, size: int | None = None):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def set_cell(cell, *lines: str) -> None:
    """Write one paragraph per line into a cell (the first reuses the cell's empty paragraph)."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line)


def form_table(document, rows: list[tuple], columns: int):
    """rows: (label, value-lines...) ; columns 3 = label | : | value, 2 = label | ": value"."""
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    for label, *values in rows:
        cells = table.add_row().cells
        set_cell(cells[0], label)
        if columns == 3:
            cells[1].text = ":"
            set_cell(cells[2], *values)
        else:
            if values:
                set_cell(cells[1], ": " + values[0], *values[1:])
            else:
                cells[1].text = ":"
    return table


def signature_block(document, place_date: str, left: str, right: str, left_name: str, right_name: str) -> None:
    date_line = document.add_paragraph(place_date)
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.space_before = Pt(12)
    table = document.add_table(rows=1, cols=2)
    for cell, caption, name in zip(table.rows[0].cells, (left, right), (left_name, right_name)):
        set_cell(cell, caption, "", "", "", f"( {name} )")
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def append_xml(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def checkbox_sdt(checked: bool, ident: int) -> str:
    """A Word 2010+ check box content control (Developer > Check Box Content Control)."""
    glyph = "☒" if checked else "☐"
    return (
        f'<w:sdt {NS_DECL}><w:sdtPr><w:id w:val="{ident}"/>'
        f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
        f'w:hint="eastAsia"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>'
    )


def text_sdt(text: str, tag: str, ident: int, placeholder: bool = False) -> str:
    """A plain-text content control; with placeholder=True it still shows Word's prompt."""
    shown = "Klik atau ketuk di sini untuk memasukkan teks." if placeholder else text
    colour = '<w:rPr><w:color w:val="808080"/></w:rPr>' if placeholder else ""
    return (
        f'<w:sdt {NS_DECL}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{ident}"/>'
        f'{"<w:showingPlcHdr/>" if placeholder else ""}<w:text/></w:sdtPr>'
        f'<w:sdtContent><w:r>{colour}<w:t xml:space="preserve">{shown}</w:t></w:r></w:sdtContent></w:sdt>'
    )


def block_sdt(lines: list[str], tag: str, ident: int) -> str:
    """A rich-text content control holding several paragraphs (placed directly in a cell)."""
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in lines)
    return (
        f'<w:sdt {NS_DECL}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{ident}"/>'
        f"<w:richText/></w:sdtPr><w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>"
    )


def legacy_checkbox(checked: bool, name: str) -> list[str]:
    """Runs of a pre-2010 form field check box (Legacy Tools > Check Box Form Field)."""
    state = '<w:checked/>' if checked else ""
    return [
        f'<w:r {NS_DECL}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox>'
        "</w:ffData></w:fldChar></w:r>",
        f'<w:r {NS_DECL}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>',
        f'<w:r {NS_DECL}><w:fldChar w:fldCharType="end"/></w:r>',
    ]


def legacy_text_field(text: str, name: str) -> list[str]:
    """Runs of a pre-2010 text form field (FORMTEXT) with its typed result."""
    return [
        f'<w:r {NS_DECL}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
        '<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>',
        f'<w:r {NS_DECL}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>',
        f'<w:r {NS_DECL}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {NS_DECL}><w:t xml:space="preserve">{text}</w:t></w:r>',
        f'<w:r {NS_DECL}><w:fldChar w:fldCharType="end"/></w:r>',
    ]


def vml_text_box(text: str) -> str:
    """A run holding a floating VML text box (what older Word versions write for Insert > Text Box)."""
    return (
        f'<w:r {NS_DECL}><w:pict><v:rect style="position:absolute;margin-left:320pt;margin-top:-6pt;'
        'width:160pt;height:30pt;z-index:1" strokeweight="0.75pt"><v:textbox><w:txbxContent>'
        f'<w:p><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:rect></w:pict></w:r>"
    )


def wingdings_box(checked: bool) -> str:
    """A tick inserted with Insert > Symbol, font Wingdings (F0FE = ticked box, F0A8 = empty box)."""
    return f'<w:r {NS_DECL}><w:sym w:font="Wingdings" w:char="{"F0FE" if checked else "F0A8"}"/></w:r>'


def image_bytes(kind: str) -> bytes:
    """A tiny valid picture: a mock ID card (JPEG) or an office logo (PNG)."""
    from PIL import Image, ImageDraw  # Pillow is already in the virtualenv (a pikepdf dependency)

    if kind == "ktp":
        picture = Image.new("RGB", (172, 108), (170, 205, 235))
        draw = ImageDraw.Draw(picture)
        draw.rectangle((6, 6, 165, 101), outline=(40, 70, 120))
        draw.text((12, 10), "PROVINSI BALI", fill=(20, 20, 60))
        draw.text((12, 26), "CONTOH KTP", fill=(20, 20, 60))
        draw.text((12, 42), "BUKAN DATA ASLI", fill=(120, 20, 20))
        draw.rectangle((118, 30, 158, 90), fill=(225, 225, 225))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=60)
        return buffer.getvalue()
    picture = Image.new("RGB", (48, 48), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((4, 4, 44, 44), outline=(200, 150, 0), width=3)
    draw.text((14, 17), "PPID", fill=(0, 0, 120))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def tiny_pdf() -> bytes:
    """A one-page PDF standing for a scanned power of attorney (surat kuasa)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Surat Kuasa Khusus (contoh)"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def save(document, name: str) -> Path:
    path = HERE / name
    document.save(str(path))
    return path


def save_lean(document, name: str) -> Path:
    """Save without word/stylesWithEffects.xml, the Word 2010 copy of the styles that Word 2013 and later
    no longer write: the file is as valid and 13 KB smaller (the committed samples must stay small)."""
    path = save(document, name)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts.pop("word/stylesWithEffects.xml", None)
    parts["[Content_Types].xml"] = re.sub(
        rb'<Override PartName="/word/stylesWithEffects.xml"[^>]*/>', b"", parts["[Content_Types].xml"]
    )
    rels = "word/_rels/document.xml.rels"
    parts[rels] = re.sub(rb'<Relationship [^>]*Target="stylesWithEffects.xml"[^>]*/>', b"", parts[rels])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name_in_zip, data in parts.items():
            target.writestr(name_in_zip, data)
    return path


# --------------------------------------------------------------------------------------------------
# Request forms (permohonan)
# --------------------------------------------------------------------------------------------------


def permohonan_2010_tabel3() -> Path:
    """The Perki 1/2010 form: one telephone/e-mail field, 'Ringkasan', ticks √ and X after options."""
    document = new_document()
    centred(document, "FORMULIR PERMOHONAN INFORMASI", size=14)
    centred(document, "PPID Provinsi Bali", bold=False)
    document.add_paragraph()
    table = form_table(
        document,
        [
            ("No. Pendaftaran (diisi petugas)*", "........................................"),
            ("Nama", "I Made Wirawan"),
            ("Alamat", "Jl. Tukad Badung No. 12, Renon, Denpasar Selatan, Kota Denpasar"),
            ("Pekerjaan", "Mahasiswa"),
            ("Nomor Telepon/E-mail", "0812-3876-5432 / made.wirawan@gmail.com"),
            (
                "Ringkasan Informasi yang Dibutuhkan (tambahkan kertas bila perlu)",
                "Dokumen Rencana Kerja dan Anggaran (RKA) Dinas Pekerjaan Umum dan Penataan Ruang "
                "Provinsi Bali Tahun Anggaran 2025,",
                "khususnya kegiatan pemeliharaan jalan provinsi.",
            ),
            (
                "Tujuan Penggunaan Informasi",
                "Bahan penulisan skripsi pada Program Studi Ilmu Administrasi Negara, Universitas Udayana.",
            ),
            (
                "Cara Memperoleh Informasi**",
                "1. Melihat/membaca/mendengarkan/mencatat***",
                "2. Mendapatkan salinan informasi (hardcopy/softcopy)***   √",
            ),
            (
                "Cara Mendapatkan Salinan Informasi****",
                "1. Mengambil Langsung",
                "2. Kurir",
                "3. Pos",
                "4. Faksimili",
                "5. E-mail     X",
            ),
        ],
        columns=3,
    )
    table.columns[0].width = Cm(6)
    signature_block(
        document, "Denpasar, 16 Maret 2026",
        "Petugas Pelayanan Informasi (Penerima Permohonan)", "Pemohon Informasi",
        "Ni Komang Sariasih", "I Made Wirawan",
    )  # fmt: skip
    for line in (
        "Keterangan:",
        "* Diisi oleh petugas berdasarkan nomor registrasi permohonan Informasi Publik",
        "** Pilih salah satu dengan memberi tanda (√)",
        "*** Coret yang tidak perlu",
        "**** Pilih salah satu dengan memberi tanda (√)",
    ):
        document.add_paragraph(line).runs[0].font.size = Pt(9)
    return save(document, "permohonan-2010-tabel3.docx")


def permohonan_2021_tabel2() -> Path:
    """Post-2021 labels in a two-column table with numbering, hints, NIK and ☑ ticks."""
    document = new_document(font="Arial", size=11)
    centred(document, "FORMULIR PERMINTAAN INFORMASI PUBLIK", size=13)
    centred(document, "Pejabat Pengelola Informasi dan Dokumentasi Provinsi Bali", bold=False)
    document.add_paragraph()
    form_table(
        document,
        [
            ("1. Nomor Pendaftaran (diisi petugas)",),
            ("2. Nama", "Ni Luh Putu Ayu Lestari"),
            ("3. NIK (Nomor Induk Kependudukan)", "5171036311900001"),
            ("4. Alamat", "Jl. Gatot Subroto Barat No. 88", "Kel. Padangsambian Kaja, Kec. Denpasar Barat"),
            ("5. Kontak",),
            ("a. Nomor Telepon", "081338765210"),
            ("b. Alamat E-mail", "ayu.lestari@yahoo.co.id"),
            (
                "6. Rincian Informasi yang Dibutuhkan (tambahkan kertas bila perlu)",
                "1. Data jumlah penerima Beasiswa Bali Mandara tahun 2024 per kabupaten/kota;",
                "2. Petunjuk teknis penyaluran beasiswa tahun 2024.",
            ),
            ("7. Tujuan Penggunaan Informasi", "Bahan kajian Lembaga Swadaya Masyarakat bidang pendidikan."),
            (
                "8. Cara Memperoleh Informasi",
                "☐ Melihat/membaca/mendengarkan/mencatat",
                "☑ Mendapatkan salinan informasi (hardcopy/softcopy)",
            ),
            (
                "9. Cara Mendapatkan Salinan Informasi",
                "☐ Mengambil langsung    ☐ Kurir    ☐ Pos    ☐ Faksimili    ☑ E-mail",
            ),
            ("10. Nama Kuasa Pemohon (bila ada)", "-"),
        ],
        columns=2,
    )
    signature_block(
        document, "Denpasar, 2 April 2026",
        "Petugas Pelayanan Informasi", "Pemohon Informasi", "I Gusti Ayu Mas Sri", "Ni Luh Putu Ayu Lestari",
    )  # fmt: skip
    return save(document, "permohonan-2021-tabel2.docx")


def permohonan_paragraf() -> Path:
    """'Label : value' paragraphs; choices made by striking through what does not apply."""
    document = new_document()
    centred(document, "PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    document.add_paragraph("Yang bertanda tangan di bawah ini:")
    for label, value in (
        ("Nama", "Ketut Suardana"),
        ("NIK", "5103020201780004"),
        ("Alamat", "Jl. Raya Kuta No. 5, Kuta, Kabupaten Badung"),
        ("Pekerjaan", "Wiraswasta"),
        ("Nomor HP", "0878-6123-4455"),
        ("Email", "ketut.suardana@gmail.com"),
    ):
        document.add_paragraph(f"{label}\t\t: {value}")
    document.add_paragraph()
    document.add_paragraph("dengan ini mengajukan permohonan informasi sebagai berikut:")
    document.add_paragraph(
        "Informasi yang dibutuhkan\t: Salinan Keputusan Gubernur Bali tentang penetapan lokasi "
        "pembangunan Pusat Kebudayaan Bali di Kabupaten Klungkung."
    )
    document.add_paragraph("Tujuan penggunaan informasi\t: Bahan pertimbangan kelompok subak di sekitar lokasi.")

    choice = document.add_paragraph("Cara memperoleh informasi*\t: ")
    choice.add_run("Melihat/membaca/mendengarkan/mencatat").font.strike = True
    choice.add_run(" / ")
    choice.add_run("Mendapatkan salinan informasi (hardcopy/softcopy)")

    document.add_paragraph("Cara mendapatkan salinan informasi*\t:")
    options = document.add_paragraph("\t")
    options.add_run("Mengambil langsung")
    for index, option in enumerate(("Kurir", "Pos", "Faksimili", "Email")):
        options.add_run(" / ")
        run = options.add_run(option)
        if index == 2:
            run.font.double_strike = True  # some people pick double strike-through
        else:
            run.font.strike = True
    document.add_paragraph("* coret yang tidak perlu").runs[0].font.size = Pt(9)
    document.add_paragraph()
    document.add_paragraph("Mangupura, 18 Maret 2026").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("Pemohon,").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()
    document.add_paragraph("Ketut Suardana").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, "permohonan-paragraf.docx")


def permohonan_checkbox() -> Path:
    """A fillable Word form: check box and text content controls, a text box for the officer."""
    document = new_document(font="Calibri", size=11)
    box_anchor = document.add_paragraph()
    append_xml(box_anchor, vml_text_box("No. Pendaftaran (diisi petugas): 045/PPID/III/2026"))
    centred(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", size=14)
    document.add_paragraph()
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    ident = 100

    def row(label: str):
        cells = table.add_row().cells
        set_cell(cells[0], label)
        cells[1].text = ":"
        return cells[2]

    for label, tag, value, placeholder in (
        ("Nama Pemohon", "nama", "Gede Arya Pratama", False),
        ("Nomor Induk Kependudukan", "nik", "5104011104000005", False),
        ("Alamat", "alamat", "Br. Tegal, Desa Batubulan, Kec. Sukawati, Kabupaten Gianyar", False),
        ("Pekerjaan", "pekerjaan", "", True),
        ("Nomor HP", "hp", "0819-3300-1122", False),
        ("Alamat E-mail", "email", "gede.arya@outlook.com", False),
    ):
        ident += 1
        append_xml(row(label).paragraphs[0], text_sdt(value, tag, ident, placeholder))

    cell = row("Rincian Informasi yang Dibutuhkan")
    cell.paragraphs[0]._p.addprevious(
        parse_xml(
            block_sdt(
                [
                    "Laporan realisasi Bantuan Keuangan Khusus (BKK) Provinsi Bali untuk desa adat "
                    "di Kabupaten Gianyar tahun 2025.",
                    "Termasuk daftar desa adat penerima dan besaran dana.",
                ],
                "rincian",
                200,
            )
        )
    )
    ident = 300
    cell = row("Tujuan Penggunaan Informasi")
    append_xml(cell.paragraphs[0], text_sdt("Bahan diskusi paruman desa adat.", "tujuan", ident))

    for label, options, ticked in (
        ("Cara Memperoleh Informasi", ["Melihat/membaca/mendengarkan/mencatat",
                                       "Mendapatkan salinan informasi (hardcopy/softcopy)"], {1}),
        ("Cara Mendapatkan Salinan Informasi", ["Mengambil langsung", "Kurir", "Pos", "Faksimili", "Email",
                                                "WhatsApp"], {4, 5}),
    ):  # fmt: skip
        cell = row(label)
        for index, option in enumerate(options):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            ident += 1
            append_xml(paragraph, checkbox_sdt(index in ticked, ident))
            paragraph.add_run(" " + option)
    signature_block(
        document, "Gianyar, 23 Maret 2026",
        "Petugas Pelayanan Informasi", "Pemohon Informasi", "Made Dwi Antari", "Gede Arya Pratama",
    )  # fmt: skip
    return save(document, "permohonan-checkbox.docx")


def permohonan_ktp_gambar() -> Path:
    """A logo above the title (not an ID), Wingdings ticks, and the ID card pasted below the form."""
    document = new_document()
    logo = document.add_paragraph()
    logo.alignment = WD_ALIGN_PARAGRAPH.CENTER
    logo.add_run().add_picture(io.BytesIO(image_bytes("logo")), width=Cm(1.5))
    centred(document, "PEMERINTAH PROVINSI BALI", size=12)
    centred(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    table = form_table(
        document,
        [
            ("Nama Lengkap", "Ni Kadek Sri Wahyuni"),
            ("NIK", "5102047006950002"),
            ("Alamat", "Jl. Pahlawan No. 19, Kelurahan Delod Peken, Kecamatan Tabanan, Kabupaten Tabanan"),
            ("Pekerjaan", "Pegawai swasta"),
            ("Nomor Telepon", "0361-811234"),
            ("E-mail", "kadeksri.wahyuni@gmail.com"),
            ("Rincian Informasi yang Dibutuhkan", "Peta rencana tata ruang kawasan suci Pura Tanah Lot."),
            ("Tujuan Penggunaan Informasi", "Mengetahui batas kawasan sebelum membangun rumah."),
            ("Cara Memperoleh Informasi",),
            ("Cara Mendapatkan Salinan Informasi",),
        ],
        columns=3,
    )
    choice_rows = {
        "Cara Memperoleh Informasi": (["Melihat/membaca/mendengarkan/mencatat",
                                       "Mendapatkan salinan informasi (hardcopy/softcopy)"], 0),
        "Cara Mendapatkan Salinan Informasi": (["Mengambil langsung", "Kurir", "Pos", "Faksimili", "Email"], 0),
    }  # fmt: skip
    for table_row in table.rows:
        label = table_row.cells[0].text
        if label in choice_rows:
            options, ticked = choice_rows[label]
            cell = table_row.cells[2]
            for index, option in enumerate(options):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                append_xml(paragraph, wingdings_box(index == ticked))
                paragraph.add_run(" " + option)
    signature_block(
        document, "Tabanan, 19 Maret 2026",
        "Petugas Pelayanan Informasi", "Pemohon Informasi", "I Ketut Arsana", "Ni Kadek Sri Wahyuni",
    )  # fmt: skip
    document.add_paragraph()
    document.add_paragraph("Lampiran: fotokopi KTP pemohon")
    document.add_paragraph().add_run().add_picture(io.BytesIO(image_bytes("ktp")), width=Cm(8))
    return save(document, "permohonan-ktp-gambar.docx")


def permohonan_dengan_lampiran() -> list[Path]:
    """A request filed by a proxy; the ID copy and the power of attorney come as separate files."""
    document = new_document()
    centred(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    form_table(
        document,
        [
            ("Nomor Pendaftaran (diisi petugas)",),
            ("Nama", "Anak Agung Ngurah Oka"),
            ("NIK", "5171040912690001"),
            ("Alamat", "Jl. Veteran No. 33, Dauh Puri Kaja, Denpasar Utara"),
            ("Pekerjaan", "Pensiunan"),
            ("Nomor Telepon/HP", "0812-3900-4411"),
            ("Alamat E-mail", "gungoka.69@gmail.com"),
            ("Nama Kuasa Pemohon", "I Wayan Sudarsana, S.H."),
            ("Rincian Informasi yang Dibutuhkan",
             "Salinan sertifikat hak pakai atas tanah Pemerintah Provinsi Bali di Jl. Veteran Denpasar."),
            ("Tujuan Penggunaan Informasi", "Penyelesaian sengketa batas tanah warisan keluarga."),
            ("Cara Memperoleh Informasi", "[ ] Melihat/membaca/mendengarkan/mencatat",
             "[x] Mendapatkan salinan informasi (hardcopy/softcopy)"),
            ("Cara Mendapatkan Salinan Informasi", "[x] Mengambil langsung", "[ ] Kurir", "[ ] Pos",
             "[ ] Faksimili", "[ ] Email"),
        ],
        columns=3,
    )  # fmt: skip
    signature_block(
        document, "Denpasar, 24 Maret 2026",
        "Petugas Pelayanan Informasi", "Kuasa Pemohon", "Ni Komang Sariasih", "I Wayan Sudarsana, S.H.",
    )  # fmt: skip
    form = save(document, "permohonan-dengan-lampiran.docx")
    ktp = HERE / "permohonan-dengan-lampiran.ktp.jpg"
    ktp.write_bytes(image_bytes("ktp"))
    kuasa = HERE / "permohonan-dengan-lampiran.kuasa.pdf"
    kuasa.write_bytes(tiny_pdf())
    return [form, ktp, kuasa]


def permohonan_isian_lama() -> Path:
    """A protected form made with legacy form fields (FORMTEXT values, FORMCHECKBOX boxes)."""
    document = new_document(font="Arial", size=11)
    centred(document, "FORMULIR PERMOHONAN INFORMASI", size=13)
    document.add_paragraph()
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    counter = iter(range(1, 100))
    for label, value in (
        ("Nama", "Ni Wayan Sri Astuti"),
        ("NIK", "5101015908870003"),
        ("Alamat", "Jl. Sudirman No. 45, Negara, Kabupaten Jembrana"),
        ("Pekerjaan", "Bidan"),
        ("Nomor Telepon/E-mail", "0365-41234 / sriastuti.bidan@gmail.com"),
        ("Rincian Informasi yang Dibutuhkan", "Jumlah kasus stunting per kecamatan di Kabupaten Jembrana tahun 2025."),
        ("Tujuan Penggunaan Informasi", "Perencanaan kegiatan posyandu."),
    ):
        cells = table.add_row().cells
        set_cell(cells[0], label)
        cells[1].text = ":"
        for xml in legacy_text_field(value, f"Teks{next(counter)}"):
            append_xml(cells[2].paragraphs[0], xml)
    for label, options, ticked in (
        ("Cara Memperoleh Informasi", ["Melihat/membaca/mendengarkan/mencatat",
                                       "Mendapatkan salinan informasi (hardcopy/softcopy)"], 1),
        ("Cara Mendapatkan Salinan Informasi", ["Mengambil langsung", "Kurir", "Pos", "Faksimili", "Email"], 2),
    ):  # fmt: skip
        cells = table.add_row().cells
        set_cell(cells[0], label)
        cells[1].text = ":"
        for index, option in enumerate(options):
            paragraph = cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph()
            for xml in legacy_checkbox(index == ticked, f"Kotak{next(counter)}"):
                append_xml(paragraph, xml)
            paragraph.add_run(" " + option)
    signature_block(
        document, "Negara, 25 Maret 2026",
        "Petugas Pelayanan Informasi", "Pemohon Informasi", "Putu Ariani", "Ni Wayan Sri Astuti",
    )  # fmt: skip
    return save(document, "permohonan-isian-lama.docx")


def permohonan_banyak_xlsx() -> Path:
    """Several requests typed by the service desk; the header uses other spellings and order."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rekap Permohonan"
    sheet.append([
        "No", "Tanggal", "Nama Lengkap", "No. KTP/NIK", "Alamat", "Pekerjaan", "No Telp", "E-mail",
        "Informasi yang Diminta", "Tujuan Penggunaan", "Cara Memperoleh", "Cara Mendapatkan Salinan",
    ])  # fmt: skip
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows = [
        [1, date(2026, 3, 16), "Komang Ayu Dewi", "5105026502880003", "Jl. Flamboyan No. 7, Semarapura, Klungkung",
         "Guru", "081246781234", "komang.ayu@gmail.com",
         "Data SMA/SMK negeri di Kabupaten Klungkung tahun 2025", "Bahan penyusunan proposal penelitian",
         "Mendapatkan salinan informasi (hardcopy/softcopy)", "Email"],
        # NIK and telephone typed as numbers: the integer NIK survives, the phone lost its leading 0.
        [2, "16 Maret 2026", "Putu Eka Saputra", 5108030110830006, "Jl. Ngurah Rai No. 21, Singaraja, Buleleng",
         "Wartawan", 87861234567, "putueka.saputra@gmail.com",
         "Realisasi anggaran penanganan sampah plastik Provinsi Bali tahun 2025", "Bahan liputan berita",
         "melihat", "Mengambil langsung"],
        [3, "17 Maret 2026", "I Nyoman Sudiarta", "5106011407750002", "Br. Kawan, Desa Kayubihi, Bangli",
         "Petani", "0813-3745-9988", None,
         "Daftar penerima bantuan bibit kopi tahun 2025 di Kabupaten Bangli", "Pengecekan data kelompok tani",
         "softcopy", "WA"],
        [None] * 12,
        [4, "18 Maret 2026", "Ni Made Sukerti", "5171014505820004", "Jl. Pulau Kawe No. 3, Denpasar Barat",
         "Ibu rumah tangga", "085737001122", "madesukerti@gmail.com",
         "Jadwal dan persyaratan pendaftaran bantuan bedah rumah tahun 2026", "Untuk mengajukan bantuan",
         "Melihat/membaca/mendengarkan/mencatat", "Mengambil langsung"],
        [5, "18 Maret 2026", "Wayan Gede Astawa", None, "Jl. Danau Tamblingan No. 40, Sanur, Denpasar Selatan",
         "Karyawan swasta", "081999887766", "wg.astawa@gmail.com",
         "Izin lingkungan hotel di kawasan Sanur", "",
         "Mendapatkan salinan informasi (hardcopy/softcopy)", "Pos"],
    ]  # fmt: skip
    for values in rows:
        sheet.append(values)
    sheet["B2"].number_format = "d mmmm yyyy"
    for letter, width in zip("ABCDEFGHIJKL", (5, 16, 24, 20, 40, 16, 16, 26, 50, 34, 40, 24)):
        sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "Petugas PPID"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    path = HERE / "permohonan-banyak.xlsx"
    workbook.save(str(path))
    return path


# --------------------------------------------------------------------------------------------------
# Answer sheets (lembar jawaban PPID Pelaksana); they answer requests 001, 002 and 003/PPID/IV/2026
# --------------------------------------------------------------------------------------------------

KEPUTUSAN = [
    "Informasi dapat diberikan seluruhnya",
    "Informasi dapat diberikan sebagian",
    "Permohonan ditolak (informasi dikecualikan)",
    "Informasi belum/tidak dikuasai",
    "Informasi belum didokumentasikan",
    "Perlu perpanjangan waktu",
]


def jawaban_diberikan() -> Path:
    """A 2-column table with numbered labels, values after ": ", ☑/☐ boxes, the OPD letterhead above the
    title. Sections that do not apply are left "-"; the signature names the PPID Pelaksana."""
    document = new_document(font="Arial", size=11)
    centred(document, "PEMERINTAH PROVINSI BALI", size=12)
    centred(document, "DINAS KESEHATAN", size=12)
    centred(document, "LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK", size=12)
    document.add_paragraph()
    form_table(
        document,
        [
            ("1. Nomor Pendaftaran Permohonan", "001/PPID/IV/2026"),
            ("2. Keputusan", *(("☑ " if index == 0 else "☐ ") + text for index, text in enumerate(KEPUTUSAN))),
            ("3. Informasi dikuasai oleh (bila Badan Publik lain)", "-"),
            ("4. Bentuk informasi yang tersedia", "☑ Softcopy      ☐ Hardcopy"),
            ("5. Jumlah halaman", "14"),
            ("6. Biaya penyalinan per halaman (Rp)", "0"),
            ("7. Biaya pengiriman (Rp)", "0"),
            ("8. Biaya lain (Rp)", "-"),
            ("9. Waktu penyediaan (hari kerja)", "2"),
            ("10. Penjelasan bagian yang dihitamkan/dikaburkan", "-"),
            ("11. Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka", "-"),
            ("12. Dasar hukum lain (pasal dan undang-undang)", "-"),
            ("13. Konsekuensi bila informasi dibuka (uji konsekuensi)", "-"),
            ("14. Kapan informasi akan tersedia/didokumentasikan", "-"),
            ("15. Alasan perpanjangan", "-"),
            ("16. Nama pejabat yang menjawab", "dr. Ni Made Ayu Suryani, M.Kes."),
        ],
        columns=2,
    )
    date_line = document.add_paragraph("Denpasar, 20 April 2026")
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.paragraph_format.space_before = Pt(12)
    for line in ("PPID Pelaksana Dinas Kesehatan,", "", "", "dr. Ni Made Ayu Suryani, M.Kes.",
                 "NIP 19780314 200501 2 007"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, "jawaban-diberikan.docx")


def jawaban_ditolak() -> Path:
    """'Label<TAB>: value' paragraphs under lettered headings; the decision is made by striking out every
    option but one (the options sit one per paragraph under "Keputusan"), the form list is left unmarked,
    the Pasal 17 label has a colon of its own, and the consequence runs over two paragraphs."""
    document = new_document()
    centred(document, "LEMBAR JAWABAN PPID PELAKSANA", size=13)
    centred(document, "ATAS PERMOHONAN INFORMASI PUBLIK", size=13)
    centred(document, "Rumah Sakit Umum Daerah Bali Mandara", bold=False)
    document.add_paragraph()
    document.add_paragraph().add_run("A. PERMOHONAN").bold = True
    document.add_paragraph("Nomor Pendaftaran Permohonan\t: 002/PPID/IV/2026")
    document.add_paragraph().add_run("B. KEPUTUSAN").bold = True
    document.add_paragraph("Keputusan*\t:")
    for index, text in enumerate(KEPUTUSAN):
        option = document.add_paragraph("\t")
        option.add_run(text).font.strike = index != 2
    document.add_paragraph("Bentuk informasi yang tersedia\t: Softcopy / Hardcopy")
    document.add_paragraph().add_run("C. BILA DITOLAK (INFORMASI DIKECUALIKAN)").bold = True
    document.add_paragraph("Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka\t: h angka 2")
    document.add_paragraph("Dasar hukum lain (pasal dan undang-undang)\t: -")
    document.add_paragraph(
        "Konsekuensi bila informasi dibuka (uji konsekuensi)\t: Rekam medis memuat riwayat, kondisi, dan "
        "pengobatan pasien; membukanya mengungkap rahasia pribadi pasien."
    )
    document.add_paragraph(
        "Pasien dapat dirugikan secara sosial dan ekonomi, dan kepercayaan pada rumah sakit menurun."
    )
    document.add_paragraph()
    document.add_paragraph("* coret yang tidak perlu").runs[0].font.size = Pt(9)
    document.add_paragraph("Denpasar, 21 April 2026").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in ("PPID Pelaksana RSUD Bali Mandara,", "", "", "dr. I Gusti Ngurah Putra Wijaya",
                 "NIP 19750812 200312 1 004"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, "jawaban-ditolak.docx")


def jawaban_perpanjangan() -> Path:
    """A 3-column table with "Nomor Registrasi Permohonan", options numbered 1.-6. with an X written after
    the chosen one, the reason over two paragraphs, and a "Tanggal" row instead of a date line."""
    document = new_document()
    centred(document, "PEMERINTAH PROVINSI BALI", size=12)
    centred(document, "DINAS PEKERJAAN UMUM, PENATAAN RUANG, PERUMAHAN DAN KAWASAN PERMUKIMAN", size=11)
    document.add_paragraph()
    centred(document, "LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK", size=12)
    document.add_paragraph()
    form_table(
        document,
        [
            ("Nomor Registrasi Permohonan", "003/PPID/IV/2026"),
            ("Keputusan", *(f"{index + 1}. {text}" + ("    X" if index == 5 else "")
                            for index, text in enumerate(KEPUTUSAN))),
            ("Bentuk informasi yang tersedia", "Softcopy / Hardcopy"),
            ("Alasan perpanjangan",
             "Dokumen yang diminta tersimpan di UPTD Pengelolaan Jalan wilayah Buleleng dan Karangasem,",
             "dan masih dihimpun serta dipilah dari arsip tahun anggaran 2024 dan 2025."),
            ("Kapan informasi akan tersedia/didokumentasikan",),
            ("Nama pejabat yang menjawab", "Ir. I Ketut Darmawan, M.T."),
            ("Tanggal", "22 April 2026"),
        ],
        columns=3,
    )  # fmt: skip
    document.add_paragraph()
    document.add_paragraph("PPID Pelaksana,").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, "jawaban-perpanjangan.docx")


def jawaban_tanpa_nomor() -> Path:
    """A fillable answer sheet (check box content controls) whose request number was left blank."""
    document = new_document(font="Calibri", size=11)
    centred(document, "LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph("Diisi oleh PPID Pelaksana; centang satu keputusan dan isi bagian yang sesuai.")
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"

    def row(label: str):
        cells = table.add_row().cells
        set_cell(cells[0], label)
        cells[1].text = ":"
        return cells[2]

    row("Nomor Pendaftaran Permohonan").paragraphs[0].add_run("..............................")
    ident = 400
    for label, options, ticked in (
        ("Keputusan", KEPUTUSAN, {4}),
        ("Bentuk informasi yang tersedia", ["Softcopy", "Hardcopy"], set()),
    ):
        cell = row(label)
        for index, option in enumerate(options):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            ident += 1
            append_xml(paragraph, checkbox_sdt(index in ticked, ident))
            paragraph.add_run(" " + option)
    set_cell(row("Kapan informasi akan tersedia/didokumentasikan"),
             "Akhir Mei 2026, setelah rekapitulasi dari sembilan kabupaten/kota selesai.")
    set_cell(row("Nama pejabat yang menjawab"), "Drs. I Wayan Suarjana")
    signature_block(
        document, "Denpasar, 23 April 2026", "", "PPID Pelaksana Dinas Sosial,", "", "Drs. I Wayan Suarjana"
    )
    return save(document, "jawaban-tanpa-nomor.docx")


def jawaban_banyak_xlsx() -> Path:
    """One answer per row under a title row: other spellings in the header, a "No" column, numbers typed
    as numbers, a date cell, and decisions written as the printed option, a short word, or a key."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rekap Jawaban"
    sheet.append(["LEMBAR JAWABAN PPID PELAKSANA ATAS PERMOHONAN INFORMASI PUBLIK"])
    sheet.append([
        "No", "Nomor Registrasi Permohonan", "Keputusan", "Bentuk Informasi", "Dikuasai oleh Badan Publik lain",
        "Jml Halaman", "Tarif per lembar (Rp)", "Ongkos Kirim (Rp)", "Biaya Lain-lain (Rp)",
        "Waktu Penyediaan (hari kerja)", "Bagian yang Dihitamkan", "Pasal 17 UU KIP", "Dasar Hukum Lain",
        "Uji Konsekuensi", "Alasan Perpanjangan", "Perkiraan Tanggal Tersedia", "Tanggal Jawaban",
        "Pejabat yang Menjawab",
    ])  # fmt: skip
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    rows = [
        [1, "001/PPID/IV/2026", "Informasi dapat diberikan sebagian", "softcopy, hardcopy", None, 24, 500, 15000,
         0, 5, "Nama dan alamat penerima bantuan dihitamkan (data pribadi).", None, None, None, None, None,
         date(2026, 4, 20), "Ni Luh Gede Sriani, S.E."],
        [2, "002/PPID/IV/2026", "ditolak", None, None, None, None, None, None, None, None, "b", None,
         "Membuka dokumen penawaran sebelum pemenang ditetapkan merugikan persaingan usaha yang sehat.",
         None, None, date(2026, 4, 21), "I Made Karya, S.T."],
        [3, "003/PPID/IV/2026", "perpanjangan", None, None, None, None, None, None, None, None, None, None, None,
         "Data masih dihimpun dari sembilan kabupaten/kota.", None, date(2026, 4, 22), None],
    ]  # fmt: skip
    for values in rows:
        sheet.append(values)
    for row_number in (3, 4, 5):
        sheet.cell(row=row_number, column=17).number_format = "d mmmm yyyy"
    workbook.properties.creator = "PPID Pelaksana"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    path = HERE / "jawaban-banyak.xlsx"
    workbook.save(str(path))
    return path


# --------------------------------------------------------------------------------------------------
# Problem files
# --------------------------------------------------------------------------------------------------


def salah_nik() -> Path:
    """Complete and well ticked, but the NIK has 15 digits."""
    document = new_document()
    centred(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    form_table(
        document,
        [
            ("Nama", "I Putu Agus Mahendra"),
            ("NIK", "517101150885003"),
            ("Alamat", "Jl. Tukad Pakerisan No. 8, Panjer, Denpasar Selatan"),
            ("Pekerjaan", "Konsultan"),
            ("Nomor Telepon", "081805551234"),
            ("Alamat E-mail", "agus.mahendra@gmail.com"),
            ("Rincian Informasi yang Dibutuhkan", "Daftar paket pengadaan jasa konsultansi Dinas PUPR tahun 2026."),
            ("Tujuan Penggunaan Informasi", "Persiapan mengikuti tender."),
            ("Cara Memperoleh Informasi", "☐ Melihat/membaca/mendengarkan/mencatat",
             "☑ Mendapatkan salinan informasi (hardcopy/softcopy)"),
            ("Cara Mendapatkan Salinan Informasi", "☐ Mengambil langsung", "☐ Kurir", "☐ Pos", "☐ Faksimili",
             "☑ Email"),
        ],
        columns=3,
    )  # fmt: skip
    signature_block(document, "Denpasar, 19 Maret 2026", "Petugas Pelayanan Informasi", "Pemohon Informasi",
                    "Ni Komang Sariasih", "I Putu Agus Mahendra")  # fmt: skip
    return save(document, "salah-nik.docx")


def tidak_lengkap() -> Path:
    """Address and purpose left empty, no option ticked."""
    document = new_document()
    centred(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    form_table(
        document,
        [
            ("Nama", "Kadek Dwi Rahayu"),
            ("NIK", "5103054212970001"),
            ("Alamat",),
            ("Nomor Telepon", "087761239876"),
            ("Alamat E-mail", "dwirahayu97@gmail.com"),
            ("Rincian Informasi yang Dibutuhkan",
             "Daftar hotel yang memiliki izin usaha pariwisata di Kabupaten Badung."),
            ("Tujuan Penggunaan Informasi",),
            ("Cara Memperoleh Informasi", "☐ Melihat/membaca/mendengarkan/mencatat",
             "☐ Mendapatkan salinan informasi (hardcopy/softcopy)"),
            ("Cara Mendapatkan Salinan Informasi", "☐ Mengambil langsung", "☐ Kurir", "☐ Pos", "☐ Faksimili",
             "☐ Email"),
        ],
        columns=3,
    )  # fmt: skip
    document.add_paragraph()
    document.add_paragraph("Pemohon Informasi").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, "tidak-lengkap.docx")


def bukan_formulir() -> Path:
    """An ordinary office letter (an invitation): it has 'Tempat' and 'Hari/Tanggal', but is no form."""
    document = new_document()
    centred(document, "PEMERINTAH PROVINSI BALI")
    centred(document, "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK")
    centred(document, "Jalan D.I. Panjaitan No. 7 Niti Mandala Renon, Denpasar", bold=False, size=10)
    document.add_paragraph()
    document.add_paragraph("Denpasar, 10 Maret 2026").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in (
        "Nomor\t: 000.1.5/412/IKP/Diskominfos",
        "Sifat\t: Biasa",
        "Lampiran\t: -",
        "Hal\t: Undangan Rapat Koordinasi",
        "",
        "Yth. Kepala Perangkat Daerah se-Provinsi Bali",
        "di -",
        "Tempat",
        "",
        "Dalam rangka persiapan penilaian keterbukaan informasi publik tahun 2026, bersama ini kami "
        "mengundang Bapak/Ibu untuk hadir pada:",
        "Hari/Tanggal\t: Kamis, 19 Maret 2026",
        "Pukul\t: 09.00 WITA s.d. selesai",
        "Tempat\t: Ruang Rapat Praja Sabha, Kantor Gubernur Bali",
        "Acara\t: Rapat koordinasi PPID Pelaksana",
        "",
        "Demikian disampaikan, atas perhatian dan kehadirannya kami ucapkan terima kasih.",
        "",
        "Kepala Dinas,",
        "",
        "",
        "Dr. I Gede Sudarma, S.Kom., M.T.",
        "NIP 19730412 199803 1 005",
    ):
        document.add_paragraph(line)
    return save(document, "bukan-formulir.docx")


def keberatan() -> Path:
    """Formulir Pengajuan Keberatan: section A fields, reasons a-g ticked in a table, case text."""
    document = new_document()
    centred(document, "FORMULIR PENGAJUAN KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK", size=12)
    document.add_paragraph()
    document.add_paragraph().add_run("A. INFORMASI PENGAJU KEBERATAN").bold = True
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for label, value in (
        ("Nomor Registrasi Keberatan (diisi petugas)*", ""),
        ("Nomor Pendaftaran Permohonan Informasi", "045/PPID/III/2026"),
        ("Tujuan Penggunaan Informasi", "Bahan penulisan skripsi pada Program Studi Ilmu Administrasi Negara."),
        ("Identitas Pemohon", None),
        ("Nama", "I Made Wirawan"),
        ("Alamat", "Jl. Tukad Badung No. 12, Renon, Denpasar Selatan"),
        ("Pekerjaan", "Mahasiswa"),
        ("Nomor Telepon/E-mail", "0812-3876-5432 / made.wirawan@gmail.com"),
        ("NIK", "5171011508850003"),
        ("Identitas Kuasa Pemohon**", None),
        ("Nama", "-"),
        ("Alamat", "-"),
        ("Nomor Telepon", "-"),
    ):
        cells = table.add_row().cells
        if value is None:
            merged = cells[0].merge(cells[2])
            merged.text = label
            merged.paragraphs[0].runs[0].bold = True
            continue
        set_cell(cells[0], label)
        cells[1].text = ":"
        if value:
            set_cell(cells[2], value)
    document.add_paragraph()
    document.add_paragraph().add_run("B. ALASAN PENGAJUAN KEBERATAN***").bold = True
    reasons = document.add_table(rows=0, cols=2)
    reasons.style = "Table Grid"
    for letter, text, ticked in (
        ("a", "Permohonan Informasi ditolak", False),
        ("b", "Informasi berkala tidak disediakan", False),
        ("c", "Permintaan informasi tidak ditanggapi", True),
        ("d", "Permintaan informasi ditanggapi tidak sebagaimana yang diminta", False),
        ("e", "Permintaan informasi tidak dipenuhi", False),
        ("f", "Biaya yang dikenakan tidak wajar", False),
        ("g", "Informasi disampaikan melebihi jangka waktu yang ditentukan", True),
    ):
        cells = reasons.add_row().cells
        cells[0].text = "☑" if ticked else "☐"
        cells[1].text = f"{letter}. {text}"
        cells[0].width, cells[1].width = Cm(1), Cm(15)
    document.add_paragraph()
    document.add_paragraph().add_run("C. KASUS POSISI").bold = True
    document.add_paragraph("(tambahkan kertas bila perlu)")
    document.add_paragraph(
        "Saya mengajukan permohonan informasi pada tanggal 16 Maret 2026 dengan nomor pendaftaran "
        "045/PPID/III/2026. Sampai dengan batas waktu 10 hari kerja belum ada pemberitahuan tertulis."
    )
    document.add_paragraph("Informasi tersebut saya perlukan untuk menyelesaikan skripsi pada semester ini.")
    document.add_paragraph()
    document.add_paragraph("D. HARI/TANGGAL TANGGAPAN ATAS KEBERATAN AKAN DIBERIKAN : (diisi petugas)*")
    document.add_paragraph()
    document.add_paragraph(
        "Demikian keberatan ini saya sampaikan, atas perhatian dan tanggapannya saya ucapkan terima kasih."
    )
    signature_block(
        document, "Denpasar, 20 April 2026",
        "Mengetahui, Petugas Informasi (Penerima Keberatan)", "Pengaju Keberatan",
        "Ni Komang Sariasih", "I Made Wirawan",
    )  # fmt: skip
    for line in (
        "* Diisi oleh petugas",
        "** Diisi bila keberatan diajukan melalui kuasa",
        "*** Pilih satu atau lebih dengan memberi tanda (√)",
    ):
        document.add_paragraph(line).runs[0].font.size = Pt(9)
    return save(document, "keberatan.docx")


# --------------------------------------------------------------------------------------------------
# Objection forms (keberatan) against requests 001 and 002/PPID/IV/2026, filed on 8 April 2026
# --------------------------------------------------------------------------------------------------

ALASAN = [
    ("a", "Permohonan informasi ditolak"),
    ("b", "Informasi berkala tidak disediakan"),
    ("c", "Permintaan informasi tidak ditanggapi"),
    ("d", "Permintaan informasi ditanggapi tidak sebagaimana yang diminta"),
    ("e", "Permintaan informasi tidak dipenuhi"),
    ("f", "Biaya yang dikenakan tidak wajar"),
    ("g", "Informasi disampaikan melebihi jangka waktu yang ditentukan"),
]
OBJECTION_DATE = "Denpasar, 8 April 2026"


def objection_footnotes(document, *lines: str) -> None:
    for line in lines:
        document.add_paragraph(line).runs[0].font.size = Pt(9)


def keberatan_tabel() -> Path:
    """One 3-column table for the whole form: sub-headings in the label column only, the reasons as
    paragraphs "☑ a. ..." in one value cell (a and c ticked), the proxy rows left empty."""
    document = new_document(font="Arial", size=11)
    centred(document, "FORMULIR PENGAJUAN KEBERATAN", size=13)
    centred(document, "Pejabat Pengelola Informasi dan Dokumentasi Provinsi Bali", bold=False)
    document.add_paragraph()
    document.add_paragraph().add_run("A. INFORMASI PENGAJU KEBERATAN").bold = True
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    rows: list[tuple] = [
        ("Nomor Registrasi Keberatan (diisi petugas)",),
        ("Nomor Pendaftaran Permohonan Informasi", "001/PPID/IV/2026"),
        ("Tujuan Penggunaan Informasi", "Bahan penelitian tentang keterbukaan anggaran kesehatan daerah."),
        ("Identitas Pemohon", None),
        ("Nama", "Ni Putu Dewi Anggreni"),
        ("Alamat", "Jl. Tukad Yeh Aya No. 21, Panjer, Denpasar Selatan"),
        ("Pekerjaan", "Peneliti"),
        ("Nomor Telepon", "0813-3811-2468"),
        ("E-mail", "dewi.anggreni@gmail.com"),
        ("NIK", "5171044705920002"),
        ("Identitas Kuasa Pemohon (bila ada)", None),
        ("Nama",),
        ("Alamat",),
        ("Nomor Telepon",),
        ("B. Alasan Pengajuan Keberatan", *(("☑ " if letter in "ac" else "☐ ") + f"{letter}. {text}"
                                            for letter, text in ALASAN)),
        ("C. Kasus Posisi",
         "Permohonan saya nomor 001/PPID/IV/2026 meminta rincian belanja program penanganan stunting dan "
         "laporan realisasinya.",
         "Rincian belanja ditolak tanpa surat keputusan penolakan, sedangkan laporan realisasinya tidak "
         "ditanggapi sama sekali."),
        ("D. Hari/Tanggal Tanggapan atas Keberatan akan Diberikan (diisi petugas)",),
    ]  # fmt: skip
    for label, *values in rows:
        cells = table.add_row().cells
        set_cell(cells[0], label)
        if values == [None]:
            cells[0].paragraphs[0].runs[0].bold = True  # a sub-heading in the label column only
            continue
        cells[1].text = ":"
        set_cell(cells[2], *values)
    table.columns[0].width = Cm(6)
    signature_block(document, OBJECTION_DATE, "Petugas Informasi (Penerima Keberatan)", "Pengaju Keberatan",
                    "Ni Komang Sariasih", "Ni Putu Dewi Anggreni")  # fmt: skip
    return save_lean(document, "keberatan-tabel.docx")


def keberatan_paragraf() -> Path:
    """'Label<TAB>: value' paragraphs; the reasons are chosen by striking out all but d and f; the
    telephone and e-mail share one line; the proxy lines hold "-"."""
    document = new_document()
    centred(document, "FORMULIR PENGAJUAN KEBERATAN", size=13)
    centred(document, "ATAS PERMOHONAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    document.add_paragraph().add_run("A. INFORMASI PENGAJU KEBERATAN").bold = True
    for line in (
        "Nomor Registrasi Keberatan*\t: ........................",
        "Nomor Pendaftaran Permohonan\t: 002/PPID/IV/2026",
        "Tujuan Penggunaan Informasi\t: Bahan advokasi kelompok nelayan tentang izin reklamasi pantai.",
        "Identitas Pemohon",
        "Nama\t\t: Komang Adi Wiguna",
        "Alamat\t\t: Br. Pande, Desa Kedonganan, Kecamatan Kuta, Kabupaten Badung",
        "Pekerjaan\t\t: Nelayan",
        "Nomor Telepon/E-mail\t: 0878-6200-1357 / adiwiguna88@gmail.com",
        "NIK\t\t: 5103051203880005",
        "Identitas Kuasa Pemohon**",
        "Nama\t\t: -",
        "Alamat\t\t: -",
        "Nomor Telepon\t: -",
    ):
        document.add_paragraph(line)
    document.add_paragraph()
    document.add_paragraph().add_run("B. ALASAN PENGAJUAN KEBERATAN***").bold = True
    for letter, text in ALASAN:
        paragraph = document.add_paragraph("\t")
        paragraph.add_run(f"{letter}. {text}").font.strike = letter not in "df"
    document.add_paragraph()
    document.add_paragraph(
        "C. Kasus Posisi\t: Salinan izin reklamasi yang saya terima hanya halaman pertama, bukan dokumen "
        "lengkap beserta lampiran peta yang saya minta."
    )
    document.add_paragraph(
        "Untuk salinan itu saya juga dikenakan biaya Rp 5.000 per lembar, jauh di atas biaya fotokopi biasa."
    )
    document.add_paragraph()
    document.add_paragraph("D. Hari/Tanggal Tanggapan atas Keberatan akan Diberikan*\t: (diisi petugas)")
    document.add_paragraph()
    document.add_paragraph(OBJECTION_DATE).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("Pengaju Keberatan,").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()
    document.add_paragraph("Komang Adi Wiguna").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    objection_footnotes(document, "* Diisi oleh petugas", "** Diisi bila keberatan diajukan melalui kuasa",
                        "*** Coret yang tidak perlu")  # fmt: skip
    return save_lean(document, "keberatan-paragraf.docx")


def keberatan_kuasa() -> list[Path]:
    """Filed by a proxy: a 2-column table with ": value" cells, upper-case sub-heading rows spanning the
    table, "[x]"/"[ ]" boxes (reason e); the power of attorney comes as the sibling file .kuasa.pdf."""
    document = new_document()
    centred(document, "FORMULIR PENGAJUAN KEBERATAN INFORMASI PUBLIK", size=13)
    document.add_paragraph()
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    rows: list[tuple] = [
        ("A. INFORMASI PENGAJU KEBERATAN", None),
        ("Nomor Registrasi Keberatan (diisi petugas)",),
        ("Nomor Pendaftaran Permohonan", "001/PPID/IV/2026"),
        ("Tujuan Penggunaan Informasi", "Pengurusan hak atas tanah warisan keluarga."),
        ("IDENTITAS PEMOHON", None),
        ("Nama", "Ni Made Sulastri"),
        ("Alamat", "Br. Gelulung, Desa Sukawati, Kecamatan Sukawati, Kabupaten Gianyar"),
        ("Pekerjaan", "Pedagang"),
        ("Nomor Telepon", "0812-4690-3311"),
        ("Alamat E-mail", "madesulastri70@gmail.com"),
        ("NIK", "5104025010700003"),
        ("IDENTITAS KUASA PEMOHON", None),
        ("Nama", "I Ketut Widnyana, S.H."),
        ("Alamat", "Jl. Raya Puputan No. 142, Renon, Denpasar Timur"),
        ("Nomor Telepon", "0361-225577"),
        ("B. ALASAN PENGAJUAN KEBERATAN", *(("[x] " if letter == "e" else "[ ] ") + f"{letter}. {text}"
                                            for letter, text in ALASAN)),
        ("C. KASUS POSISI",
         "Pemberitahuan tertulis menyatakan salinan peta bidang tanah akan diberikan, tetapi sampai hari ini "
         "salinan tersebut tidak pernah diserahkan kepada pemohon."),
        ("D. HARI/TANGGAL TANGGAPAN ATAS KEBERATAN AKAN DIBERIKAN (diisi petugas)",),
    ]  # fmt: skip
    for label, *values in rows:
        cells = table.add_row().cells
        if values == [None]:
            merged = cells[0].merge(cells[1])
            merged.text = label
            merged.paragraphs[0].runs[0].bold = True
            continue
        set_cell(cells[0], label)
        if values:
            set_cell(cells[1], ": " + values[0], *values[1:])
        else:
            cells[1].text = ":"
    signature_block(document, OBJECTION_DATE, "Petugas Informasi (Penerima Keberatan)",
                    "Kuasa Pengaju Keberatan", "Ni Komang Sariasih", "I Ketut Widnyana, S.H.")  # fmt: skip
    form = save_lean(document, "keberatan-kuasa.docx")
    kuasa = HERE / "keberatan-kuasa.kuasa.pdf"
    kuasa.write_bytes(tiny_pdf())
    return [form, kuasa]


def keberatan_berkala() -> Path:
    """A fillable form (check box content controls) with only reason b ticked and no request number:
    periodic information needs no earlier request."""
    document = new_document(font="Calibri", size=11)
    centred(document, "FORMULIR PENGAJUAN KEBERATAN", size=14)
    document.add_paragraph()
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"

    def row(label: str, *lines: str):
        cells = table.add_row().cells
        set_cell(cells[0], label)
        cells[1].text = ":"
        set_cell(cells[2], *lines)
        return cells[2]

    row("Nomor Registrasi Keberatan (diisi petugas)")
    row("Nomor Pendaftaran Permohonan Informasi", "-")
    row("Tujuan Penggunaan Informasi", "Pengawasan pengelolaan keuangan daerah oleh masyarakat.")
    for label, value in (
        ("Nama", "Gede Surya Darmawan"),
        ("Alamat", "Jl. Pramuka No. 9, Kelurahan Banyuasri, Kecamatan Buleleng, Kabupaten Buleleng"),
        ("Pekerjaan", "Wartawan"),
        ("Nomor HP", "0819-1650-7788"),
        ("E-mail", "surya.darmawan@outlook.com"),
        ("NIK", "5108031706950001"),
    ):
        row(label, value)
    cell = row("Alasan Pengajuan Keberatan")
    ident = 500
    for index, (letter, text) in enumerate(ALASAN):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        ident += 1
        append_xml(paragraph, checkbox_sdt(letter == "b", ident))
        paragraph.add_run(f" {letter}. {text}")
    row("Kasus Posisi",
        "Laporan keuangan Pemerintah Provinsi Bali tahun anggaran 2025 belum diumumkan di laman PPID, "
        "padahal laporan itu termasuk informasi yang wajib diumumkan secara berkala.")  # fmt: skip
    row("Hari/Tanggal Tanggapan atas Keberatan (diisi petugas)")
    signature_block(document, OBJECTION_DATE, "Petugas Informasi", "Pengaju Keberatan", "Made Dwi Antari",
                    "Gede Surya Darmawan")  # fmt: skip
    return save_lean(document, "keberatan-berkala.docx")


def keberatan_tanpa_nik() -> Path:
    """Complete and well ticked (Wingdings symbols, reason c), except that the NIK row is empty."""
    document = new_document()
    centred(document, "FORMULIR PENGAJUAN KEBERATAN", size=13)
    document.add_paragraph()
    table = form_table(
        document,
        [
            ("Nomor Pendaftaran Permohonan", "002/PPID/IV/2026"),
            ("Tujuan Penggunaan Informasi", "Bahan tugas akhir perkuliahan."),
            ("Nama", "Luh Putu Sri Handayani"),
            ("NIK",),
            ("Alamat", "Jl. Raya Sesetan No. 77, Sesetan, Denpasar Selatan"),
            ("Pekerjaan", "Mahasiswa"),
            ("Nomor Telepon", "081999120034"),
            ("Alamat E-mail", "srihandayani.luh@gmail.com"),
            ("Alasan Pengajuan Keberatan",),
            ("Kasus Posisi", "Permohonan informasi saya tidak ditanggapi sampai batas waktu 10 hari kerja."),
        ],
        columns=3,
    )
    for table_row in table.rows:
        if table_row.cells[0].text == "Alasan Pengajuan Keberatan":
            cell = table_row.cells[2]
            for index, (letter, text) in enumerate(ALASAN):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                append_xml(paragraph, wingdings_box(letter == "c"))
                paragraph.add_run(f" {letter}. {text}")
    signature_block(document, OBJECTION_DATE, "Petugas Informasi", "Pengaju Keberatan", "Ni Komang Sariasih",
                    "Luh Putu Sri Handayani")  # fmt: skip
    return save_lean(document, "keberatan-tanpa-nik.docx")


def keberatan_nomor_asing() -> Path:
    """A request number the register does not hold (999/PPID/IV/2026). The reasons are a table of their
    own under the "B." heading: letter | reason | tick column, with √ after reason g."""
    document = new_document()
    centred(document, "FORMULIR PENGAJUAN KEBERATAN", size=13)
    document.add_paragraph()
    document.add_paragraph().add_run("A. INFORMASI PENGAJU KEBERATAN").bold = True
    form_table(
        document,
        [
            ("Nomor Registrasi Keberatan (diisi petugas)",),
            ("Nomor Pendaftaran Permohonan Informasi", "999/PPID/IV/2026"),
            ("Tujuan Penggunaan Informasi", "Penyusunan laporan kegiatan koperasi desa."),
            ("Nama", "I Nyoman Artawan"),
            ("Alamat", "Br. Kawan, Kelurahan Bebalang, Kecamatan Bangli, Kabupaten Bangli"),
            ("Pekerjaan", "Pengurus koperasi"),
            ("Nomor Telepon/E-mail", "0813-5310-2288 / nyoman.artawan@gmail.com"),
            ("NIK", "5106012208800004"),
        ],
        columns=3,
    )
    document.add_paragraph()
    document.add_paragraph().add_run("B. ALASAN PENGAJUAN KEBERATAN*").bold = True
    reasons = document.add_table(rows=0, cols=3)
    reasons.style = "Table Grid"
    for letter, text in ALASAN:
        cells = reasons.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = f"{letter}.", text, "√" if letter == "g" else ""
        cells[0].width, cells[1].width, cells[2].width = Cm(1), Cm(14), Cm(1)
    document.add_paragraph()
    document.add_paragraph().add_run("C. KASUS POSISI").bold = True
    document.add_paragraph(
        "Pemberitahuan tertulis atas permohonan saya baru diterima setelah lewat 17 hari kerja, "
        "melebihi jangka waktu yang ditentukan undang-undang."
    )
    document.add_paragraph()
    signature_block(document, OBJECTION_DATE, "Petugas Informasi (Penerima Keberatan)", "Pengaju Keberatan",
                    "Ni Komang Sariasih", "I Nyoman Artawan")  # fmt: skip
    objection_footnotes(document, "* Beri tanda (√) pada satu atau lebih alasan")
    return save_lean(document, "keberatan-nomor-asing.docx")


def keberatan_banyak_xlsx() -> Path:
    """The service desk's list of objections under a title row: one for 002/PPID/IV/2026 with reason g
    written as its letter, one with only reason b written as the printed text and no request number."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rekap Keberatan"
    sheet.append(["REKAP PENGAJUAN KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK"])
    sheet.append([])
    sheet.append([
        "No", "Tanggal", "Tempat", "No. Pendaftaran Permohonan", "Nama Pengaju Keberatan", "NIK", "Alamat",
        "Pekerjaan", "No. HP", "E-mail", "Tujuan Penggunaan Informasi", "Alasan Keberatan", "Kasus Posisi",
    ])  # fmt: skip
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    rows = [
        [1, date(2026, 4, 8), "Denpasar", "002/PPID/IV/2026", "Kadek Ari Susanti", "5171026609930002",
         "Jl. Gunung Agung Gg. VII No. 4, Pemecutan Kaja, Denpasar Utara", "Mahasiswa", "085739112233",
         "arisusanti93@gmail.com", "Bahan skripsi tentang tata kelola reklamasi.", "g",
         "Jawaban atas permohonan saya baru diterima 14 hari kerja setelah permohonan dicatat.\n"
         "Tidak ada pemberitahuan perpanjangan waktu sebelumnya."],
        [2, "8 April 2026", "Denpasar", None, "I Wayan Budiarsa", "5107011011750003",
         "Br. Dangin Sema, Desa Bebandem, Kecamatan Bebandem, Kabupaten Karangasem", "Petani", "087762004455",
         None, "Mengetahui penggunaan dana bantuan keuangan khusus di desa.",
         "b. Informasi berkala tidak disediakan",
         "Ringkasan laporan realisasi bantuan keuangan khusus tahun 2025 tidak diumumkan di laman PPID."],
    ]  # fmt: skip
    for values in rows:
        sheet.append(values)
    sheet["B4"].number_format = "d mmmm yyyy"
    for letter, width in zip("ABCDEFGHIJKLM", (5, 16, 12, 20, 24, 20, 44, 14, 16, 26, 36, 16, 60)):
        sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "Petugas PPID"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    path = HERE / "keberatan-banyak.xlsx"
    workbook.save(str(path))
    return path


def dik_docx() -> Path:
    """A DIK (Daftar Informasi yang Dikecualikan) as offices publish it: title and a column table."""
    document = new_document(size=10)
    centred(document, "DAFTAR INFORMASI YANG DIKECUALIKAN", size=12)
    centred(document, "PPID PROVINSI BALI TAHUN 2026")
    document.add_paragraph()
    table = document.add_table(rows=0, cols=6)
    table.style = "Table Grid"
    for values in (
        ("No", "Informasi yang Dikecualikan", "Dasar Hukum Pengecualian", "Konsekuensi bila Dibuka",
         "Konsekuensi bila Ditutup", "Jangka Waktu Pengecualian"),
        ("1", "2", "3", "4", "5", "6"),
        ("1.", "Dokumen penawaran peserta tender yang sedang berlangsung",
         "Pasal 17 huruf b UU 14/2008", "Mengganggu persaingan usaha yang sehat",
         "Proses pengadaan berjalan adil", "Sampai penetapan pemenang"),
        ("2.", "Rekam medis pasien RSUD Bali Mandara", "Pasal 17 huruf h UU 14/2008; UU 17/2023",
         "Mengungkap rahasia pribadi pasien", "Hak privasi pasien terlindungi", "Selama pasien hidup"),
    ):  # fmt: skip
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    return save(document, "dik.docx")


def dip_xlsx() -> Path:
    """A DIP (Daftar Informasi Publik) sheet: title rows, header, group rows A/B/C, items."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "DIP 2026"
    sheet.append(["DAFTAR INFORMASI PUBLIK DINAS KESEHATAN PROVINSI BALI TAHUN 2026"])
    sheet.append([])
    sheet.append([
        "No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
        "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
        "Bentuk/Format Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip",
    ])  # fmt: skip
    for values in (
        ["A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala"],
        [1, "Laporan keuangan tahun 2025", "Sekretariat", "Kepala Subbagian Keuangan", "2026, Denpasar",
         "Cetak dan elektronik", "10 tahun"],
        ["B. Informasi yang Wajib Diumumkan Secara Serta Merta"],
        [2, "Informasi kejadian luar biasa penyakit menular", "Bidang P2P", "Kepala Bidang P2P",
         "Sewaktu-waktu, Denpasar", "Elektronik", "5 tahun"],
        ["C. Informasi yang Wajib Tersedia Setiap Saat"],
        [3, "Daftar Informasi Publik", "PPID Pelaksana", "Sekretaris Dinas", "2026, Denpasar", "Elektronik",
         "Selama berlaku"],
    ):  # fmt: skip
        sheet.append(values)
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    path = HERE / "dip.xlsx"
    workbook.save(str(path))
    return path


# -- DIP and DIK lists as OPDs send them (SOP 003 second procedure; SOP 000) ------------------------------

DIP_HEADER = [
    "No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
    "Bentuk Informasi yang Tersedia (Cetak/Elektronik)", "Jangka Waktu Penyimpanan atau Retensi Arsip",
]  # fmt: skip
DIK_HEADER = [
    "No", "Informasi yang Dikecualikan", "Dasar Hukum Pengecualian", "Konsekuensi apabila Dibuka",
    "Konsekuensi apabila Ditutup", "Jangka Waktu Pengecualian", "Pejabat/Unit yang Menguasai",
]  # fmt: skip


def list_sheet(title: str, header_row: int, header: list[str], widths: tuple[int, ...]):
    """A workbook whose first sheet has a bold, wrapped header row and set column widths."""
    from openpyxl.styles import Alignment

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for column, (text, width) in enumerate(zip(header, widths), start=1):
        cell = sheet.cell(row=header_row, column=column, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    workbook.properties.creator = "PPID Pelaksana"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    return workbook, sheet


def put_rows(sheet, first_row: int, rows: list[list]) -> None:
    from openpyxl.styles import Alignment

    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                cell = sheet.cell(row=first_row + offset, column=column, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def save_workbook(workbook, name: str) -> Path:
    path = HERE / name
    workbook.save(str(path))
    return path


def dip_dinkes_xlsx() -> Path:
    """Dinas Kesehatan's DIP: the OPD on a labelled title row ("PPID Pelaksana : …"), a "Kategori
    Informasi" column written in several ways (Berkala, berkala, Serta-merta, C), no group rows."""
    header = DIP_HEADER[:1] + ["Kategori Informasi"] + DIP_HEADER[1:]
    workbook, sheet = list_sheet("DIP Dinkes 2026", 5, header, (5, 14, 40, 24, 24, 20, 16, 16))
    sheet["A1"] = "DAFTAR INFORMASI PUBLIK"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells("A1:H1")
    sheet["A2"], sheet["B2"], sheet["C2"] = "PPID Pelaksana", ":", "Dinas Kesehatan Provinsi Bali"
    sheet["A3"], sheet["B3"], sheet["C3"] = "Tahun", ":", 2026
    put_rows(sheet, 6, [
        [1, "Berkala", "Profil Dinas Kesehatan Provinsi Bali: kedudukan, tugas dan fungsi, struktur organisasi",
         "Subbagian Umum dan Kepegawaian", "Sekretaris Dinas", "2026, Denpasar", "Cetak dan elektronik",
         "Selama berlaku"],
        [2, "berkala", "Laporan Keuangan Dinas Kesehatan Tahun Anggaran 2025 (LRA, Neraca, CaLK)",
         "Subbagian Keuangan", "Kepala Subbagian Keuangan", "Maret 2026, Denpasar", "Cetak dan elektronik",
         "10 tahun"],
        [3, "Berkala", "Rencana Strategis Dinas Kesehatan Provinsi Bali Tahun 2024-2026", "Subbagian Program",
         "Kepala Subbagian Program", "2024, Denpasar", "Elektronik", "5 tahun"],
        [4, "Serta Merta", "Informasi kejadian luar biasa (KLB) penyakit menular dan peringatan dini wabah",
         "Bidang Pencegahan dan Pengendalian Penyakit", "Kepala Bidang P2P", "Sewaktu-waktu, Denpasar",
         "Elektronik", "5 tahun"],
        [5, "Serta-merta", "Informasi kesiapsiagaan fasilitas pelayanan kesehatan saat bencana",
         "Bidang Pelayanan Kesehatan", "Kepala Bidang Pelayanan Kesehatan", "Sewaktu-waktu, Denpasar",
         "Elektronik", "5 tahun"],
        [6, "Setiap Saat", "Daftar Informasi Publik Dinas Kesehatan Provinsi Bali", "PPID Pelaksana",
         "Sekretaris Dinas", "2026, Denpasar", "Cetak dan elektronik", "Selama berlaku"],
        [7, "C", "Data jumlah tenaga kesehatan per kabupaten/kota", "Bidang Sumber Daya Kesehatan",
         "Kepala Bidang SDK", "Desember 2025, Denpasar", "Elektronik", "5 tahun"],
    ])  # fmt: skip
    return save_workbook(workbook, "dip-dinkes.xlsx")


def dip_dishub_xlsx() -> Path:
    """Dinas Perhubungan's DIP: three centred title rows (the OPD on the second), the "(1) … (7)" column
    numbers, group rows A/B/C in cells merged across the table, numbering restarted per group, and blank
    rows between the groups."""
    from openpyxl.styles import Alignment, Border, Side

    workbook, sheet = list_sheet("Sheet1", 5, DIP_HEADER, (5, 40, 24, 24, 20, 16, 16))
    for row, text in ((1, "DAFTAR INFORMASI PUBLIK (DIP)"), (2, "DINAS PERHUBUNGAN PROVINSI BALI"), (3, "TAHUN 2026")):
        sheet.cell(row=row, column=1, value=text).font = Font(bold=True, size=12)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    put_rows(sheet, 6, [[f"({n})" for n in range(1, 8)]])
    groups = {
        7: "A. INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA",
        11: "B. INFORMASI YANG WAJIB DIUMUMKAN SECARA SERTA MERTA",
        14: "C. INFORMASI YANG WAJIB TERSEDIA SETIAP SAAT",
    }
    for row, text in groups.items():
        sheet.cell(row=row, column=1, value=text).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    put_rows(sheet, 8, [
        [1, "Data angkutan umum dan trayek bus antarkota dalam provinsi", "Bidang Angkutan Jalan",
         "Kepala Bidang Angkutan Jalan", "Semester I dan II 2025, Denpasar", "Cetak dan elektronik", "5 tahun"],
        [2, "Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas Perhubungan Tahun 2025", "Subbagian Program",
         "Sekretaris Dinas", "Februari 2026, Denpasar", "Elektronik", "5 tahun"],
    ])  # fmt: skip
    put_rows(sheet, 12, [
        [1, "Informasi penutupan jalan, pengalihan arus lalu lintas dan gangguan penyeberangan Gilimanuk-Ketapang",
         "Bidang Lalu Lintas", "Kepala Bidang Lalu Lintas", "Sewaktu-waktu, Denpasar", "Elektronik", "2 tahun"],
    ])  # fmt: skip
    put_rows(sheet, 15, [
        [1, "Standar pelayanan pengujian kendaraan bermotor", "UPTD Pengujian Kendaraan Bermotor",
         "Kepala UPTD", "2025, Denpasar", "Cetak dan elektronik", "Selama berlaku"],
        [2, "Daftar Informasi Publik Dinas Perhubungan Provinsi Bali", "PPID Pelaksana", "Sekretaris Dinas",
         "2026, Denpasar", "Elektronik", "Selama berlaku"],
    ])  # fmt: skip
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=5, max_row=17, max_col=7):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    return save_workbook(workbook, "dip-dishub.xlsx")


BAPENDA_HEADER = DIP_HEADER[:1] + ["Kategori"] + DIP_HEADER[1:]
BAPENDA_ROWS = {
    "realisasi": [1, "Berkala", "Laporan Realisasi Pendapatan Daerah Tahun 2025", "Bidang Perencanaan dan Pengembangan",
                  "Kepala Bidang Perencanaan dan Pengembangan", "Januari 2026, Denpasar", "Cetak dan elektronik",
                  "10 tahun"],
    "pkb": [2, "Berkala", "Target dan realisasi penerimaan Pajak Kendaraan Bermotor per kabupaten/kota",
            "Bidang Pajak Daerah", "Kepala Bidang Pajak Daerah", "Setiap triwulan, Denpasar", "Elektronik", None],
    "kanal": [3, "Terbuka", "Tata cara pembayaran pajak kendaraan bermotor melalui kanal digital",
              "Bidang Pajak Daerah", "Kepala Bidang Pajak Daerah", "2026, Denpasar", "Cetak dan elektronik",
              "Selama berlaku"],
    "pemutihan": [4, "Serta Merta", "Pengumuman program penghapusan sanksi administratif Pajak Kendaraan Bermotor",
                  "Bidang Pajak Daerah", "Kepala Badan", "Sewaktu-waktu, Denpasar", "Elektronik", "2 tahun"],
    "ganda": [5, "berkala", "Laporan realisasi pendapatan daerah tahun 2025.", "Bidang Perencanaan dan Pengembangan",
              "Kepala Bidang Perencanaan dan Pengembangan", "Januari 2026, Denpasar", "Elektronik", "10 tahun"],
    "samsat": [6, "Setiap Saat", "Standar pelayanan Samsat dan daftar lokasi Samsat Keliling", "UPTD Samsat",
               "Kepala UPTD", "2026, Denpasar", "Cetak dan elektronik", "Selama berlaku"],
}  # fmt: skip


def dip_bapenda_salah_xlsx() -> Path:
    """Bapenda's DIP with three mistakes: no retention on row 5, category "Terbuka" on row 6, and row 8
    repeating row 4 (same category, the summary in other case with a full stop). The OPD is named only
    in the one-line title."""
    workbook, sheet = list_sheet("DIP", 3, BAPENDA_HEADER, (5, 12, 40, 24, 24, 20, 16, 16))
    sheet["A1"] = "DAFTAR INFORMASI PUBLIK BADAN PENDAPATAN DAERAH PROVINSI BALI TAHUN 2026"
    sheet["A1"].font = Font(bold=True, size=12)
    put_rows(sheet, 4, [BAPENDA_ROWS[k] for k in ("realisasi", "pkb", "kanal", "pemutihan", "ganda", "samsat")])
    return save_workbook(workbook, "dip-bapenda-salah.xlsx")


def dip_bapenda_perbaikan_xlsx() -> Path:
    """The corrected resubmission: retention filled, "Setiap Saat" instead of "Terbuka", the repeated
    row removed and the rows renumbered."""
    workbook, sheet = list_sheet("DIP", 3, BAPENDA_HEADER, (5, 12, 40, 24, 24, 20, 16, 16))
    sheet["A1"] = "DAFTAR INFORMASI PUBLIK BADAN PENDAPATAN DAERAH PROVINSI BALI TAHUN 2026 (PERBAIKAN)"
    sheet["A1"].font = Font(bold=True, size=12)
    rows = [list(BAPENDA_ROWS[k]) for k in ("realisasi", "pkb", "kanal", "pemutihan", "samsat")]
    rows[1][7] = "5 tahun"
    rows[2][1] = "Setiap Saat"
    for number, row in enumerate(rows, start=1):
        row[0] = number
    put_rows(sheet, 4, rows)
    return save_workbook(workbook, "dip-bapenda-perbaikan.xlsx")


def dik_usulan_xlsx() -> Path:
    """The PPID Utama's DIK proposal after the consequence test with the Tim Pertimbangan: four rows, the
    basis written as "Pasal 17 huruf b UU 14/2008", "17 h angka 2", Pasal 17 huruf j with another law,
    and another law alone (Pasal 57 UU 36/2009)."""
    workbook, sheet = list_sheet("Usulan DIK", 4, DIK_HEADER, (5, 34, 26, 34, 34, 18, 22))
    sheet["A1"] = "USULAN DAFTAR INFORMASI YANG DIKECUALIKAN"
    sheet["A2"] = "PPID UTAMA PEMERINTAH PROVINSI BALI TAHUN 2026"
    sheet["A1"].font = sheet["A2"].font = Font(bold=True, size=12)
    sheet["A3"] = "Hasil uji konsekuensi PPID bersama Tim Pertimbangan"
    put_rows(sheet, 5, [
        [1, "Dokumen penawaran peserta tender pengadaan barang/jasa yang sedang berlangsung",
         "Pasal 17 huruf b UU 14/2008",
         "Membuka dokumen penawaran sebelum penetapan pemenang mengungkap harga dan strategi peserta, sehingga "
         "mengganggu persaingan usaha yang sehat.",
         "Proses pemilihan penyedia berjalan adil dan kompetitif; hasil pemilihan tetap diumumkan.",
         "Sampai penetapan pemenang", "Biro Pengadaan Barang/Jasa"],
        [2, "Rekam medis pasien RSUD Bali Mandara", "17 h angka 2",
         "Mengungkap riwayat, kondisi, perawatan dan pengobatan kesehatan pasien.",
         "Hak privasi pasien terlindungi; data agregat layanan tetap diumumkan.", "Selama pasien hidup",
         "RSUD Bali Mandara"],
        [3, "Data wajib pajak kendaraan bermotor per nama pemilik",
         "Pasal 17 huruf j UU 14/2008 jo. Pasal 172 UU 28/2009 tentang Pajak Daerah dan Retribusi Daerah",
         "Melanggar kewajiban merahasiakan data wajib pajak dan membuka data pribadi pemilik kendaraan.",
         "Kepercayaan wajib pajak terjaga; realisasi penerimaan tetap diumumkan secara agregat.",
         "Selama wajib pajak terdaftar", "Badan Pendapatan Daerah"],
        [4, "Hasil pemeriksaan kesehatan calon Pegawai Pemerintah dengan Perjanjian Kerja",
         "Pasal 57 UU 36/2009 tentang Kesehatan",
         "Mengungkap kondisi kesehatan pribadi peserta seleksi.",
         "Rahasia kondisi kesehatan pribadi terlindungi; daftar peserta yang memenuhi syarat tetap diumumkan.",
         "5 tahun sejak pengumuman hasil seleksi", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
    ])  # fmt: skip
    return save_workbook(workbook, "dik-usulan.xlsx")


def dik_salah_xlsx() -> Path:
    """A DIK proposal with three mistakes: row 5 lacks the consequence if closed, row 6 names "Pasal 17
    huruf k" (the Act stops at j), row 7 has "-" as its period. Row 4 is fine."""
    workbook, sheet = list_sheet("DIK", 3, DIK_HEADER, (5, 34, 26, 34, 34, 18, 22))
    sheet["A1"] = "DAFTAR INFORMASI YANG DIKECUALIKAN"
    sheet["A1"].font = Font(bold=True, size=12)
    put_rows(sheet, 4, [
        [1, "Rencana pengamanan objek vital daerah", "Pasal 17 huruf c UU 14/2008",
         "Membahayakan pertahanan dan keamanan objek vital.", "Objek vital terlindungi.", "5 tahun",
         "Badan Kesatuan Bangsa dan Politik"],
        [2, "Catatan rapat Tim Pertimbangan tentang uji konsekuensi", "Pasal 17 huruf i UU 14/2008",
         "Memorandum internal yang sifatnya dirahasiakan terbuka sebelum keputusan ditetapkan.", None,
         "Sampai keputusan ditetapkan", "PPID Utama"],
        [3, "Laporan hasil audit investigasi yang sedang berjalan", "Pasal 17 huruf k UU 14/2008",
         "Mengganggu proses audit.", "Audit berjalan tanpa gangguan.", "Sampai audit selesai", "Inspektorat"],
        [4, "Data rekening penerima hibah perorangan", "Pasal 17 huruf h angka 3 UU 14/2008",
         "Mengungkap kondisi keuangan dan rekening bank seseorang.", "Data pribadi penerima terlindungi.", "-",
         "Badan Pengelola Keuangan dan Aset Daerah"],
    ])  # fmt: skip
    return save_workbook(workbook, "dik-salah.xlsx")


def broken_files() -> list[Path]:
    empty = HERE / "kosong.docx"
    empty.write_bytes(b"")
    damaged = HERE / "rusak.docx"
    noise = random.Random(14_2008)  # fixed seed: the same "damaged" bytes on every run
    damaged.write_bytes(bytes(noise.randrange(256) for _ in range(2048)))
    text = HERE / "teks.xlsx"
    text.write_text(
        "Nama;NIK;Alamat\nI Made Wirawan;5171011508850003;Jl. Tukad Badung No. 12\n", encoding="utf-8"
    )
    return [empty, damaged, text]


# --------------------------------------------------------------------------------------------------


def pin_zip_timestamps(path: Path) -> None:
    """Rewrite a .docx/.xlsx with fixed timestamps (zip entries and the "modified" property, which
    openpyxl always sets to now) so re-running the script changes no bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    fixed_stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    pinned = rb"\g<1>" + fixed_stamp + rb"\g<2>"
    entries = [
        (info, modified.sub(pinned, data) if info.filename == "docProps/core.xml" else data)
        for info, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 16, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)


def main() -> int:
    written: list[Path] = []
    for make in (
        permohonan_2010_tabel3, permohonan_2021_tabel2, permohonan_paragraf, permohonan_checkbox,
        permohonan_ktp_gambar, permohonan_dengan_lampiran, permohonan_isian_lama, permohonan_banyak_xlsx,
        salah_nik, tidak_lengkap, bukan_formulir, keberatan, keberatan_tabel, keberatan_paragraf, keberatan_kuasa,
        keberatan_berkala, keberatan_tanpa_nik, keberatan_nomor_asing, keberatan_banyak_xlsx, dik_docx, dip_xlsx,
        dip_dinkes_xlsx, dip_dishub_xlsx, dip_bapenda_salah_xlsx, dip_bapenda_perbaikan_xlsx, dik_usulan_xlsx,
        dik_salah_xlsx, broken_files,
        jawaban_diberikan, jawaban_ditolak, jawaban_perpanjangan, jawaban_tanpa_nomor, jawaban_banyak_xlsx,
    ):  # fmt: skip
        result = make()
        written.extend(result if isinstance(result, list) else [result])
    for path in written:
        if path.suffix in (".docx", ".xlsx") and zipfile.is_zipfile(path):
            pin_zip_timestamps(path)
        print(f"{path.stat().st_size:>7}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
