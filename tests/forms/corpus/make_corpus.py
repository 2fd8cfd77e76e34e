"""Write the reading corpus in tests/forms/corpus/ (run: .venv/bin/python tests/forms/corpus/make_corpus.py).

Forms written the ways issue 12 lists, each with its expected record in ``corpus/expected.json``:
request forms, objections, answer sheets, DIP and DIK lists; made with python-docx/lxml and openpyxl, and
with LibreOffice itself (``soffice --headless --convert-to``) from HTML and flat OpenDocument files, as
offices make them. Never with the pipeline's own code: the reader must read what it did not write.
``bench/reading.py`` reads every file and compares it with its expected record.

Expected record: ``fields`` (exact values of the keys given), ``choices`` (exact), ``outcome``:
"filed" (complete, nothing for the officer), "notice" (incomplete: the applicant is told), "officer" (the
reader found values it could not place: set aside for the officer, no notice), "refused" (an answer or a
list row the checks refuse); ``weak`` True when a value is read by a weaker rule. An unreadable file has
``reason`` words its refusal must hold. All people, numbers and addresses are invented.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt
from openpyxl import Workbook

OUT = Path(__file__).resolve().parent
HERE = OUT.parent  # tests/forms: the earlier samples (a mock ID picture is reused)
FIXED_TIME = datetime(2026, 11, 2, 9, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)

MANIFEST: list[dict] = []

# --------------------------------------------------------------------------------------------------------
# People and requests (invented; NIKs follow the real structure: region, birth date (+40 for women), serial)
# --------------------------------------------------------------------------------------------------------

PEOPLE = [
    dict(nama="I Komang Adi Wiranata", nik="5171031204880003", alamat="Jl. Gatot Subroto Barat No. 12, Denpasar",
         pekerjaan="Wiraswasta", telepon="081338112233", email="komang.adi@contoh.id"),
    dict(nama="Ni Wayan Sri Lestari", nik="5103044508910002", alamat="Br. Dinas Kelod, Mengwi, Badung",
         pekerjaan="Guru", telepon="085737001122", email="sri.lestari@contoh.id"),
    dict(nama="Made Dwi Putra", nik="5108021707930001", alamat="Jl. Udayana No. 3, Singaraja",
         pekerjaan="Mahasiswa", telepon="087861234567", email="dwiputra@contoh.id"),
    dict(nama="Ni Luh Putu Ayu", nik="5106015902950004", alamat="Jl. Raya Ubud No. 44, Gianyar",
         pekerjaan="Jurnalis", telepon="081999887766", email="ayu.jurnalis@contoh.id"),
    dict(nama="Gede Arya Pramana", nik="5171022305900002", alamat="Jl. Hayam Wuruk No. 101, Denpasar",
         pekerjaan="Peneliti", telepon="082144556677", email="arya.pramana@contoh.id"),
]
RINCIAN = [
    "Salinan dokumen anggaran kegiatan perbaikan jalan provinsi tahun 2025",
    "Data jumlah penerima beasiswa Bali Mandara per kabupaten tahun 2025",
    "Laporan hasil pengawasan kualitas air sungai Tukad Badung tahun 2025",
    "Daftar izin usaha pariwisata yang terbit di Kabupaten Badung tahun 2025",
    "Rencana kerja dinas tahun anggaran 2026",
]
TUJUAN = ["Bahan penelitian skripsi", "Bahan pemberitaan", "Kajian kebijakan publik", "Pengawasan masyarakat",
          "Bahan diskusi warga"]

CM = {"melihat": "Melihat/membaca/mendengarkan/mencatat", "salinan": "Mendapatkan salinan informasi (hardcopy/softcopy)"}
CS = {"mengambil_langsung": "Mengambil langsung", "kurir": "Kurir", "pos": "Pos", "faksimili": "Faksimili",
      "email": "E-mail"}
ALASAN = {
    "a": "Permohonan informasi ditolak", "b": "Informasi berkala tidak disediakan",
    "c": "Permintaan informasi tidak ditanggapi", "d": "Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "Permintaan informasi tidak dipenuhi", "f": "Biaya yang dikenakan tidak wajar",
    "g": "Informasi disampaikan melebihi jangka waktu yang ditentukan",
}
KEPUTUSAN = {
    "diberikan": "Informasi dapat diberikan seluruhnya", "sebagian": "Informasi dapat diberikan sebagian",
    "ditolak": "Permohonan ditolak (informasi dikecualikan)", "tidak-dikuasai": "Informasi belum dikuasai",
    "belum-didokumentasikan": "Informasi belum didokumentasikan", "perpanjangan": "Perpanjangan waktu",
}


def person_fields(i: int, keys=("nama", "nik", "alamat", "telepon", "email")) -> dict:
    return {k: PEOPLE[i][k] for k in keys}


def expect(file: str, kind: str, records: list[dict] | None = None, reason: str | None = None, how: str = "",
           doc_notes: str | None = None) -> None:
    MANIFEST.append({"file": file, "kind": kind, "how": how, "records": records or [], "reason": reason,
                     "doc_notes": doc_notes})


def rec(fields: dict, choices: dict | None = None, outcome: str = "filed", weak: bool = False) -> dict:
    return {"fields": fields, "choices": choices or {}, "outcome": outcome, "weak": weak}


# --------------------------------------------------------------------------------------------------------
# Word builders
# --------------------------------------------------------------------------------------------------------


def new_doc():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    props = document.core_properties
    props.author = props.last_modified_by = "Pemohon"
    props.created = props.modified = FIXED_TIME
    return document


def title(document, *lines: str) -> None:
    for line in lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True


def table(document, rows: list[list[str]], cols: int | None = None):
    cols = cols or max(len(r) for r in rows)
    t = document.add_table(rows=0, cols=cols)
    t.style = "Table Grid"
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row):
            lines = text.split("\n")
            cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(line)
    return t


def para_xml(document, xml_runs: str):
    paragraph = document.add_paragraph()
    for run in xml_runs:
        paragraph._p.append(parse_xml(run))
    return paragraph


def run(text: str, props: str = "") -> str:
    return f'<w:r {NS}><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def sym(font: str, char: str) -> str:
    return f'<w:r {NS}><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def date_line(document, text: str) -> None:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def signatures(document, who: str = "Pemohon Informasi") -> None:
    t = document.add_table(rows=1, cols=2)
    t.rows[0].cells[0].paragraphs[0].add_run("Petugas Pelayanan Informasi")
    t.rows[0].cells[1].paragraphs[0].add_run(who)


def save(document, name: str, numbering: bool = False) -> None:
    if numbering:
        _save_with_numbering(document, OUT / name)
    else:
        document.save(OUT / name)


def request_rows(i: int, cm: str = "salinan", cs: str = "email", box=("☑", "☐")) -> list[list[str]]:
    p = PEOPLE[i]
    on, off = box
    return [
        ["Nama", ":", p["nama"]], ["NIK", ":", p["nik"]], ["Alamat", ":", p["alamat"]],
        ["Pekerjaan", ":", p["pekerjaan"]], ["Nomor Telepon", ":", p["telepon"]], ["E-mail", ":", p["email"]],
        ["Rincian Informasi yang Dibutuhkan", ":", RINCIAN[i]], ["Tujuan Penggunaan Informasi", ":", TUJUAN[i]],
        ["Cara Memperoleh Informasi", ":", "\n".join(f"{on if k == cm else off} {v}" for k, v in CM.items())],
        ["Cara Mendapatkan Salinan Informasi", ":", "\n".join(f"{on if k == cs else off} {v}" for k, v in CS.items())],
    ]


def request_expect(i: int, cm="salinan", cs="email", tanggal="2 November 2026", tempat="Denpasar", **extra) -> dict:
    fields = {**person_fields(i), "rincian_informasi": RINCIAN[i], "tujuan": TUJUAN[i], "tanggal": tanggal}
    if tempat:
        fields["tempat"] = tempat
    fields.update(extra)
    return fields


def simple_request(name: str, i: int, date_text: str, expected_date: str, how: str) -> None:
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table(document, request_rows(i))
    date_line(document, date_text)
    signatures(document)
    save(document, name)
    expect(name, "permohonan", [rec(request_expect(i, tanggal=expected_date, tempat=date_text.split(",")[0]),
                                    {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how=how)


# --------------------------------------------------------------------------------------------------------
# Requests in Word
# --------------------------------------------------------------------------------------------------------


def requests_docx() -> None:
    for n, (text, parsed, how) in enumerate([
        ("Denpasar, 10 Nov. 2026", "10 Nov. 2026", "month abbreviated with a dot"),
        ("Badung, 10 Nop 2026", "10 Nop 2026", "old spelling Nop"),
        ("Denpasar, 18-Nov-2026", "18-Nov-2026", "18-Nov-2026"),
        ("Gianyar, 18-11-2026", "18-11-2026", "numeric day first"),
        ("Singaraja, 3 Agt. 2026", "3 Agt. 2026", "Agt."),
        ("Tabanan, Senin, 7 Sept 2026", "7 Sept 2026", "day name and Sept"),
        ("Denpasar, 9 Okt 2026", "9 Okt 2026", "Okt"),
    ], 1):
        simple_request(f"req-tanggal-{n}.docx", n % 5, text, parsed, f"date line: {how}")

    # a 4-column table: two label/value pairs per row
    p = PEOPLE[0]
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI")
    table(document, [
        ["Nama", p["nama"], "Pekerjaan", p["pekerjaan"]],
        ["NIK", p["nik"], "No. Telp/HP", p["telepon"]],
        ["Alamat", p["alamat"], "E-mail", p["email"]],
        ["Rincian Informasi", RINCIAN[0], "", ""],
        ["Tujuan Penggunaan", TUJUAN[0], "", ""],
        ["Cara Memperoleh Informasi", "☐ Melihat/membaca", "☑ Mendapatkan salinan", ""],
        ["Cara Mendapatkan Salinan", "☐ Mengambil langsung", "☐ Pos", "☑ E-mail"],
    ])
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-tabel-4-kolom.docx")
    expect("req-tabel-4-kolom.docx", "permohonan", [rec(request_expect(0, pekerjaan=p["pekerjaan"]),
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how="Nama | v | Pekerjaan | v rows")

    # organisation with SK AHU and a person in charge
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK", "(Badan Hukum / Organisasi)")
    rows = [
        ["Nama Badan Hukum/Organisasi", ":", "Yayasan Lingkungan Lestari Bali"],
        ["Nomor SK Kemenkumham/AHU", ":", "AHU-0012345.AH.01.04.Tahun 2019"],
        ["Nama Penanggung Jawab", ":", "I Made Suartana"],
        ["Jabatan", ":", "Ketua"],
        ["Alamat", ":", "Jl. Tukad Pakerisan No. 7, Denpasar"],
        ["Nomor Telepon", ":", "0361223344"], ["E-mail", ":", "sekretariat@lestaribali.or.id"],
        ["Rincian Informasi yang Dibutuhkan", ":", RINCIAN[2]], ["Tujuan Penggunaan Informasi", ":", TUJUAN[3]],
        ["Cara Memperoleh Informasi", ":", "☐ Melihat/membaca/mendengarkan/mencatat\n☑ Mendapatkan salinan informasi"],
        ["Cara Mendapatkan Salinan Informasi", ":", "☐ Mengambil langsung\n☑ Kurir\n☐ Pos\n☐ Faksimili\n☐ E-mail"],
    ]
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-organisasi-yayasan.docx")
    org = {"nama": "Yayasan Lingkungan Lestari Bali", "nomor_sk": "AHU-0012345.AH.01.04.Tahun 2019",
           "penanggung_jawab": "I Made Suartana", "jabatan": "Ketua", "jenis_pemohon": "organisasi",
           "alamat": "Jl. Tukad Pakerisan No. 7, Denpasar", "telepon": "0361223344",
           "email": "sekretariat@lestaribali.or.id", "rincian_informasi": RINCIAN[2], "tujuan": TUJUAN[3],
           "tanggal": "2 November 2026", "tempat": "Denpasar"}
    expect("req-organisasi-yayasan.docx", "permohonan", [rec(org, {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]})],
           how="organisation: name, SK AHU number, person in charge")

    # organisation as a paragraph form: "Nama Lembaga" + "Nama Penanggung Jawab", NIK of the person
    document = new_doc()
    title(document, "FORMULIR PERMINTAAN INFORMASI PUBLIK")
    for line in [
        "Jenis Pemohon\t: ☐ Perorangan   ☑ Badan Hukum/Organisasi",
        "Nama Lembaga\t: Perkumpulan Jurnalis Warga Bali",
        "Nama Penanggung Jawab\t: Ni Luh Putu Ayu",
        f"NIK Penanggung Jawab\t: {PEOPLE[3]['nik']}",
        "Alamat\t: Jl. Raya Ubud No. 44, Gianyar",
        "Nomor Telepon/E-mail\t: 081999887766 / redaksi@jurnaliswarga.id",
        f"Rincian Informasi\t: {RINCIAN[3]}",
        f"Tujuan Penggunaan Informasi\t: {TUJUAN[1]}",
        "Cara Memperoleh Informasi\t: ☑ Melihat/membaca/mendengarkan/mencatat  ☐ Mendapatkan salinan",
        "Cara Mendapatkan Salinan\t: ☐ Mengambil langsung ☐ Kurir ☐ Pos ☐ Faksimili ☑ E-mail",
    ]:
        document.add_paragraph(line)
    date_line(document, "Gianyar, 2 November 2026")
    save(document, "req-organisasi-paragraf.docx")
    expect("req-organisasi-paragraf.docx", "permohonan", [rec(
        {"nama": "Perkumpulan Jurnalis Warga Bali", "penanggung_jawab": "Ni Luh Putu Ayu", "nik": PEOPLE[3]["nik"],
         "jenis_pemohon": "organisasi", "alamat": "Jl. Raya Ubud No. 44, Gianyar",
         "telepon_email": "081999887766 / redaksi@jurnaliswarga.id", "rincian_informasi": RINCIAN[3],
         "tujuan": TUJUAN[1], "tanggal": "2 November 2026", "tempat": "Gianyar"},
        {"jenis_pemohon": ["organisasi"], "cara_memperoleh": ["melihat"], "cara_salinan": ["email"]})],
        how="organisation in paragraphs, jenis pemohon ticked")

    # two forms in one document
    document = new_doc()
    for i in (1, 2):
        title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
        table(document, request_rows(i, cm="melihat" if i == 1 else "salinan", cs="pos"))
        date_line(document, "Denpasar, 2 November 2026")
        signatures(document)
        document.add_page_break()
    save(document, "req-dua-formulir.docx")
    expect("req-dua-formulir.docx", "permohonan", [
        rec(request_expect(1), {"cara_memperoleh": ["melihat"], "cara_salinan": ["pos"]}),
        rec(request_expect(2), {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]})],
        how="two applicants' forms in one docx")

    # both options of the pick-one choice ticked
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(3)
    rows[8][2] = "☑ " + CM["melihat"] + "\n☑ " + CM["salinan"]
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-dua-centang.docx")
    expect("req-dua-centang.docx", "permohonan", [rec(request_expect(3), {"cara_salinan": ["email"]}, outcome="notice")],
           how="both options of a pick-one choice ticked: never guessed")

    # request whose purpose mentions "keberatan"
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI")
    rows = request_rows(4)
    rows[7][2] = "Sebagai dasar pengajuan keberatan atas izin usaha di lingkungan kami"
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-tujuan-keberatan.docx")
    expect("req-tujuan-keberatan.docx", "permohonan", [rec(request_expect(4, tujuan=rows[7][2]),
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how="purpose mentions keberatan")

    # WhatsApp paste: direction marks, zero-width spaces and NBSP
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(0)
    rows[4][2] = "\u202a+62 813\u00a03811\u20112233\u202c"
    rows[1][2] = "5171\u200b0312\u200b0488\u00a00003"
    rows[0][2] = "\u200e" + PEOPLE[0]["nama"] + "\u200f"
    table(document, rows)
    date_line(document, "Denpasar,\u00a02\u00a0November\u00a02026")
    save(document, "req-whatsapp-tanda-tak-terlihat.docx")
    expect("req-whatsapp-tanda-tak-terlihat.docx", "permohonan", [rec(
        request_expect(0, telepon="+62 813 3811-2233", nik="517103120488 0003"),
        {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how="invisible Unicode from WhatsApp")

    # "Cara Mengirimkan Informasi"
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(1, cs="pos")
    rows[9][0] = "Cara Mengirimkan Informasi"
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-cara-mengirimkan.docx")
    expect("req-cara-mengirimkan.docx", "permohonan", [rec(request_expect(1), {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]})],
           how="label Cara Mengirimkan Informasi")

    # choices marked by highlight / bold / underline / bullet glyph / drawn circle
    for name, props, how in [
        ("req-pilihan-stabilo.docx", '<w:highlight w:val="yellow"/>', "chosen option highlighted"),
        ("req-pilihan-tebal.docx", "<w:b/>", "chosen option in bold"),
        ("req-pilihan-garis-bawah.docx", '<w:u w:val="single"/>', "chosen option underlined"),
    ]:
        document = new_doc()
        title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
        rows = request_rows(2)[:8]
        table(document, rows)
        document.add_paragraph("Cara Memperoleh Informasi:")
        for key, label in CM.items():
            para_xml(document, [run("- "), run(label, props if key == "salinan" else "")])
        document.add_paragraph("Cara Mendapatkan Salinan Informasi:")
        for key, label in CS.items():
            para_xml(document, [run("- "), run(label, props if key == "kurir" else "")])
        date_line(document, "Denpasar, 2 November 2026")
        save(document, name)
        expect(name, "permohonan", [rec(request_expect(2), {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]},
                                        weak=True)], how=how)

    # a drawn circle around the chosen option
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table(document, request_rows(3)[:8])
    document.add_paragraph("Cara Memperoleh Informasi:")
    for key, label in CM.items():
        runs = [run(label)]
        if key == "melihat":
            runs.append(ellipse_run(7))
        para_xml(document, runs)
    document.add_paragraph("Cara Mendapatkan Salinan Informasi:")
    for key, label in CS.items():
        runs = [run(label)]
        if key == "mengambil_langsung":
            runs.append(ellipse_run(8))
        para_xml(document, runs)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-pilihan-dilingkari.docx")
    expect("req-pilihan-dilingkari.docx", "permohonan", [rec(request_expect(3),
           {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]}, weak=True)],
           how="a circle drawn around the chosen option")

    # legacy drop-down form fields
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table(document, request_rows(4)[:8])
    para_xml(document, [run("Cara Memperoleh Informasi: ")] + dropdown(["Melihat/membaca", "Mendapatkan salinan"], 1, "cara1"))
    para_xml(document, [run("Cara Mendapatkan Salinan: ")] + dropdown(["Mengambil langsung", "Kurir", "Pos", "Faksimili", "E-mail"], 2, "cara2"))
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-dropdown-lama.docx")
    expect("req-dropdown-lama.docx", "permohonan", [rec(request_expect(4), {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]})],
           how="legacy FORMDROPDOWN fields")

    # content controls: text with titles, drop-down list, date picker, check boxes
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    p = PEOPLE[1]
    for label, key in [("Nama", "nama"), ("NIK", "nik"), ("Alamat", "alamat"), ("Nomor Telepon", "telepon"),
                       ("E-mail", "email")]:
        para_xml(document, [run(f"{label}\t: "), sdt_text(p[key], label)])
    para_xml(document, [run("Rincian Informasi yang Dibutuhkan\t: "), sdt_text(RINCIAN[1], "Rincian")])
    para_xml(document, [run("Tujuan Penggunaan Informasi\t: "), sdt_text(TUJUAN[1], "Tujuan")])
    para_xml(document, [run("Cara Memperoleh Informasi\t: "), sdt_dropdown("Melihat/membaca/mendengarkan/mencatat", "Cara memperoleh")])
    para_xml(document, [run("Cara Mendapatkan Salinan\t: "), sdt_checkbox(False), run(" Mengambil langsung "),
                        sdt_checkbox(False), run(" Kurir "), sdt_checkbox(False), run(" Pos "), sdt_checkbox(True), run(" E-mail")])
    para_xml(document, [run("Denpasar, "), sdt_date("2 November 2026", "2026-11-02")])
    save(document, "req-kontrol-isian.docx")
    expect("req-kontrol-isian.docx", "permohonan", [rec(request_expect(1), {"cara_memperoleh": ["melihat"], "cara_salinan": ["email"]})],
           how="content controls: text, drop-down, check box, date")

    # values typed in text boxes on the dotted lines
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    p = PEOPLE[2]
    values = [("Nama", p["nama"]), ("NIK", p["nik"]), ("Alamat", p["alamat"]), ("Nomor Telepon", p["telepon"]),
              ("E-mail", p["email"]), ("Rincian Informasi yang Dibutuhkan", RINCIAN[2]),
              ("Tujuan Penggunaan Informasi", TUJUAN[2])]
    for n, (label, value) in enumerate(values):
        box = vml_box(value) if n % 2 else drawing_box(value, 20 + n)
        para_xml(document, [run(f"{label} : ........................................"), box])
    document.add_paragraph("Cara Memperoleh Informasi : ☐ Melihat/membaca/mendengarkan/mencatat ☑ Mendapatkan salinan")
    document.add_paragraph("Cara Mendapatkan Salinan : ☐ Mengambil langsung ☐ Kurir ☐ Pos ☐ Faksimili ☑ E-mail")
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-kotak-teks.docx")
    expect("req-kotak-teks.docx", "permohonan", [rec(request_expect(2), {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]},
           weak=True)], how="answers typed in text boxes over the dotted lines")

    # text boxes all anchored to the title: the reader cannot place them
    document = new_doc()
    boxes = [drawing_box(value, 40 + n) for n, (_, value) in enumerate(values[:5])]
    para_xml(document, [run("FORMULIR PERMOHONAN INFORMASI PUBLIK", "<w:b/>")] + boxes)
    for label, _ in values:
        document.add_paragraph(f"{label} : ........................................")
    document.add_paragraph("Cara Memperoleh Informasi : ☐ Melihat ☑ Mendapatkan salinan")
    document.add_paragraph("Cara Mendapatkan Salinan : ☐ Mengambil langsung ☐ Kurir ☐ Pos ☐ Faksimili ☑ E-mail")
    save(document, "req-kotak-teks-terlepas.docx")
    expect("req-kotak-teks-terlepas.docx", "permohonan", [rec({}, {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]},
           outcome="officer")], how="text boxes the reader cannot place: for the officer, no notice")

    # tracked changes and a comment
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    p = PEOPLE[3]
    para_xml(document, [run("Nama: "), f'<w:del {NS} w:id="1" w:author="Petugas" w:date="2026-11-02T09:00:00Z"><w:r><w:delText>Ni Luh Ayu</w:delText></w:r></w:del>',
                        f'<w:ins {NS} w:id="2" w:author="Petugas" w:date="2026-11-02T09:00:00Z"><w:r><w:t>{p["nama"]}</w:t></w:r></w:ins>',
                        f'<w:commentRangeStart {NS} w:id="5"/>', f'<w:commentRangeEnd {NS} w:id="5"/>'])
    for line in [f"NIK: {p['nik']}", f"Alamat: {p['alamat']}", f"Telepon: {p['telepon']}", f"E-mail: {p['email']}",
                 f"Rincian informasi yang dibutuhkan: {RINCIAN[3]}", f"Tujuan penggunaan informasi: {TUJUAN[3]}",
                 "Cara memperoleh informasi: [ ] Melihat/membaca [x] Mendapatkan salinan",
                 "Cara mendapatkan salinan: [ ] Mengambil langsung [x] Kurir [ ] Pos [ ] Faksimili [ ] E-mail"]:
        document.add_paragraph(line)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-perubahan-terlacak.docx")
    expect("req-perubahan-terlacak.docx", "permohonan", [rec(request_expect(3), {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]})],
           how="tracked changes: the accepted text")

    # title in the page header, values in a nested table
    document = new_doc()
    header = document.sections[0].header
    header.paragraphs[0].text = "FORMULIR PERMOHONAN INFORMASI PUBLIK"
    outer = document.add_table(rows=1, cols=2)
    outer.style = "Table Grid"
    outer.rows[0].cells[0].paragraphs[0].add_run("Data Pemohon")
    inner = outer.rows[0].cells[1].add_table(rows=0, cols=2)
    for label, _, value in request_rows(4):
        cells = inner.add_row().cells
        cells[0].paragraphs[0].add_run(label)
        lines = value.split("\n")
        cells[1].paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            cells[1].add_paragraph(line)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-judul-di-header-tabel-bersarang.docx")
    expect("req-judul-di-header-tabel-bersarang.docx", "permohonan", [rec(request_expect(4),
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how="title in the page header, nested table")

    # Wingdings 2 ticks and a list bullet that is the tick
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table(document, request_rows(0)[:8])
    document.add_paragraph("Cara Memperoleh Informasi (pilih salah satu):")
    for key, label in CM.items():
        para_xml(document, [sym("Wingdings 2", "F052" if key == "melihat" else "F0A3"), run(" " + label)])
    document.add_paragraph("Cara Mendapatkan Salinan Informasi:")
    for key, label in CS.items():
        para_xml(document, [sym("Wingdings 2", "F052" if key == "faksimili" else "F0A3"), run(" " + label)])
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-wingdings2.docx")
    expect("req-wingdings2.docx", "permohonan", [rec(request_expect(0), {"cara_memperoleh": ["melihat"], "cara_salinan": ["faksimili"]})],
           how="Wingdings 2 tick symbols")

    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    table(document, request_rows(1)[:8])
    document.add_paragraph("Cara Memperoleh Informasi:")
    for key, label in CM.items():
        bullet_paragraph(document, label, 2 if key == "salinan" else 1)
    document.add_paragraph("Cara Mendapatkan Salinan Informasi:")
    for key, label in CS.items():
        bullet_paragraph(document, label, 2 if key == "email" else 1)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-bullet-centang.docx", numbering=True)
    expect("req-bullet-centang.docx", "permohonan", [rec(request_expect(1), {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]},
           weak=True)], how="chosen option marked only by its list bullet glyph")

    # strike out what does not apply, with the 2021 wording
    document = new_doc()
    title(document, "FORMULIR PERMINTAAN INFORMASI PUBLIK")
    table(document, request_rows(2)[:8])
    para_xml(document, [run("Cara Memperoleh Informasi*: "), run(CM["melihat"], "<w:strike/>"), run(" / "), run(CM["salinan"])])
    para_xml(document, [run("Cara Mendapatkan Salinan*: "), run("Mengambil langsung / Kurir / ", "<w:strike/>"), run("Pos"),
                        run(" / Faksimili / E-mail", "<w:dstrike/>")])
    document.add_paragraph("* coret yang tidak perlu")
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-coret.docx")
    expect("req-coret.docx", "permohonan", [rec(request_expect(2), {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]})],
           how="strike out what does not apply")

    # a form that is one scanned picture
    document = new_doc()
    picture = HERE / "permohonan-dengan-lampiran.ktp.jpg"
    document.add_picture(str(picture))
    save(document, "req-pindaian-gambar.docx")
    expect("req-pindaian-gambar.docx", "permohonan", reason="gambar", how="a scanned picture pasted in Word")

    # an incomplete form: the applicant gets a notice
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(3)
    rows[2][2] = ""
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-tanpa-alamat.docx")
    fields = request_expect(3)
    del fields["alamat"]
    expect("req-tanpa-alamat.docx", "permohonan", [rec(fields, {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]},
           outcome="notice")], how="address left empty: notice to the applicant")


def ellipse_run(ident: int) -> str:
    return (f'<w:r {NS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{ident}" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="1800000" cy="250000"/><wp:wrapNone/><wp:docPr id="{ident}" name="Oval {ident}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="250000"/></a:xfrm>'
            '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def drawing_box(text: str, ident: int) -> str:
    return (f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            f'distL="0" distR="0" simplePos="0" relativeHeight="{ident}" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>1500000'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-20000</wp:posOffset>'
            f'</wp:positionV><wp:extent cx="3000000" cy="230000"/><wp:wrapNone/><wp:docPr id="{ident}" name="Text Box {ident}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="230000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:txbx><w:txbxContent>'
            f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            '<v:rect style="position:absolute;width:236pt;height:18pt"><v:textbox><w:txbxContent>'
            f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect>'
            '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def vml_box(text: str) -> str:
    return (f'<w:r {NS}><w:pict><v:rect style="position:absolute;margin-left:120pt;width:236pt;height:18pt" '
            'stroked="f"><v:textbox><w:txbxContent>'
            f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></w:r>')


def dropdown(entries: list[str], chosen: int, name: str) -> list[str]:
    items = "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
    return [f'<w:r {NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:ddList><w:result w:val="{chosen}"/>{items}</w:ddList></w:ffData></w:fldChar></w:r>',
            f'<w:r {NS}><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>',
            f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>']


def sdt_text(text: str, alias: str) -> str:
    return (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias}"/><w:text/></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>')


def sdt_dropdown(text: str, alias: str) -> str:
    return (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{alias}"/><w:dropDownList>'
            '<w:listItem w:displayText="Melihat/membaca/mendengarkan/mencatat" w:value="1"/>'
            '<w:listItem w:displayText="Mendapatkan salinan informasi" w:value="2"/></w:dropDownList></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>')


def sdt_checkbox(checked: bool) -> str:
    return (f'<w:sdt {NS}><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')


def sdt_date(text: str, iso: str) -> str:
    return (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="Tanggal"/><w:date w:fullDate="{iso}T00:00:00Z">'
            '<w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="id-ID"/></w:date></w:sdtPr>'
            f'<w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>')


def bullet_paragraph(document, text: str, num_id: int) -> None:
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    paragraph.add_run(text)


_NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
<w:lvlText w:val="\uf0a8"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
<w:lvlText w:val="\uf0fe"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>'''


def _save_with_numbering(document, path: Path) -> None:
    """python-docx's default template has no numbering part: add one (and its relationship) after saving."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml" and b"numbering+xml" not in data:
                data = data.replace(b"</Types>", b'<Override PartName="/word/numbering.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
            if item.filename == "word/_rels/document.xml.rels" and b"numbering.xml" not in data:
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdNum1" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                                    b"</Relationships>")
            if item.filename == "word/numbering.xml":
                continue
            target.writestr(item, data)
        target.writestr("word/numbering.xml", _NUMBERING.encode())



# --------------------------------------------------------------------------------------------------------
# Objections and answer sheets in Word
# --------------------------------------------------------------------------------------------------------


def objection_rows(i: int, nomor: str, ticked: set[str]) -> list[list[str]]:
    p = PEOPLE[i]
    return [
        ["Nomor Pendaftaran Permohonan", ":", nomor], ["Tujuan Penggunaan Informasi", ":", TUJUAN[i]],
        ["Identitas Pemohon", "", ""],
        ["Nama", ":", p["nama"]], ["NIK", ":", p["nik"]], ["Alamat", ":", p["alamat"]],
        ["Pekerjaan", ":", p["pekerjaan"]], ["Nomor Telepon", ":", p["telepon"]], ["E-mail", ":", p["email"]],
        ["Alasan Pengajuan Keberatan", ":", "\n".join(f"{'☑' if k in ticked else '☐'} {k}. {v}" for k, v in ALASAN.items())],
        ["Kasus Posisi", ":", "Permohonan saya tanggal 1 Oktober 2026 belum dijawab sampai sekarang."],
    ]


def objection_expect(i: int, nomor: str | None, **extra) -> dict:
    fields = {**person_fields(i), "tujuan": TUJUAN[i],
              "kasus_posisi": "Permohonan saya tanggal 1 Oktober 2026 belum dijawab sampai sekarang.",
              "tanggal": "5 November 2026", "tempat": "Denpasar"}
    if nomor:
        fields["nomor_pendaftaran"] = nomor
    fields.update(extra)
    return fields


def objections_docx() -> None:
    # an organisation objects
    document = new_doc()
    title(document, "FORMULIR PENGAJUAN KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK")
    rows = objection_rows(0, "012/PPID/X/2026", {"c"})
    rows[3:5] = [["Nama Organisasi", ":", "Forum Peduli Anggaran Bali"], ["Nama Penanggung Jawab", ":", PEOPLE[0]["nama"]],
                 ["Nomor SK Badan Hukum", ":", "AHU-0007788.AH.01.07.Tahun 2021"]]
    table(document, rows)
    date_line(document, "Denpasar, 5 November 2026")
    signatures(document, "Pengaju Keberatan")
    save(document, "keb-organisasi.docx")
    fields = objection_expect(0, "012/PPID/X/2026", nama="Forum Peduli Anggaran Bali", penanggung_jawab=PEOPLE[0]["nama"],
                              nomor_sk="AHU-0007788.AH.01.07.Tahun 2021", jenis_pemohon="organisasi")
    del fields["nik"]
    expect("keb-organisasi.docx", "keberatan", [rec(fields, {"alasan": ["c"]})], how="an organisation as objector")

    # a proxy, paragraphs, reasons struck out
    document = new_doc()
    title(document, "FORMULIR PENGAJUAN KEBERATAN")
    p = PEOPLE[1]
    for line in ["A. INFORMASI PENGAJU KEBERATAN", "Nomor Pendaftaran Permohonan\t: No. Reg: 014/PPID/X/2026",
                 f"Tujuan Penggunaan Informasi\t: {TUJUAN[1]}", "Identitas Pemohon",
                 f"Nama\t: {p['nama']}", f"NIK\t: {p['nik']}", f"Alamat\t: {p['alamat']}", f"Pekerjaan\t: {p['pekerjaan']}",
                 f"Nomor Telepon\t: {p['telepon']}", "Identitas Kuasa Pemohon", "Nama\t: I Nyoman Sudiarta, S.H.",
                 "Alamat\t: Jl. Cok Agung Tresna No. 5, Denpasar", "Nomor Telepon\t: 081237770011",
                 "B. ALASAN PENGAJUAN KEBERATAN"]:
        document.add_paragraph(line)
    for key, label in ALASAN.items():
        para_xml(document, [run(f"{key}. {label}", "" if key == "e" else "<w:strike/>")])
    document.add_paragraph("C. KASUS POSISI")
    document.add_paragraph("Informasi yang diberikan tidak lengkap, hanya sebagian halaman.")
    date_line(document, "Denpasar, 5 Nop. 2026")
    save(document, "keb-kuasa-paragraf.docx")
    (OUT / "keb-kuasa-paragraf.kuasa.pdf").write_bytes(b"%PDF-1.4\n% surat kuasa khusus (contoh)\n%%EOF\n")
    expect("keb-kuasa-paragraf.docx", "keberatan", [rec(
        {"nomor_pendaftaran": "014/PPID/X/2026", "tujuan": TUJUAN[1], "nama": p["nama"], "nik": p["nik"],
         "alamat": p["alamat"], "telepon": p["telepon"], "nama_kuasa": "I Nyoman Sudiarta, S.H.",
         "alamat_kuasa": "Jl. Cok Agung Tresna No. 5, Denpasar", "telepon_kuasa": "081237770011",
         "kasus_posisi": "Informasi yang diberikan tidak lengkap, hanya sebagian halaman.", "tanggal": "5 Nop. 2026",
         "tempat": "Denpasar"}, {"alasan": ["e"]})], how="proxy, reasons struck out, No. Reg:")

    # reasons marked by highlighting; purpose mentions "permohonan"
    document = new_doc()
    title(document, "FORMULIR KEBERATAN ATAS PELAYANAN INFORMASI PUBLIK")
    rows = objection_rows(2, "020/PPID/X/2026", set())[:9]
    table(document, rows)
    document.add_paragraph("Alasan Pengajuan Keberatan:")
    for key, label in ALASAN.items():
        para_xml(document, [run(f"{key}. "), run(label, '<w:highlight w:val="green"/>' if key in "ag" else "")])
    document.add_paragraph("Kasus Posisi: Permohonan saya tanggal 1 Oktober 2026 belum dijawab sampai sekarang.")
    date_line(document, "Denpasar, 5 November 2026")
    save(document, "keb-alasan-stabilo.docx")
    expect("keb-alasan-stabilo.docx", "keberatan", [rec(objection_expect(2, "020/PPID/X/2026", pekerjaan=PEOPLE[2]["pekerjaan"]),
           {"alasan": ["a", "g"]}, weak=True)], how="reasons highlighted")

    # check box content controls, reason b only, no request number
    document = new_doc()
    title(document, "FORMULIR PENGAJUAN KEBERATAN")
    rows = objection_rows(3, "-", set())[:9]
    table(document, rows)
    document.add_paragraph("Alasan Pengajuan Keberatan:")
    for key, label in ALASAN.items():
        para_xml(document, [sdt_checkbox(key == "b"), run(f" {key}. {label}")])
    document.add_paragraph("Kasus Posisi: Permohonan saya tanggal 1 Oktober 2026 belum dijawab sampai sekarang.")
    date_line(document, "Denpasar, 05-11-2026")
    save(document, "keb-kontrol-berkala.docx")
    expect("keb-kontrol-berkala.docx", "keberatan", [rec(objection_expect(3, None, pekerjaan=PEOPLE[3]["pekerjaan"], tanggal="05-11-2026"),
           {"alasan": ["b"]})], how="check box controls, reason b without a request")


def answer_doc(name: str, rows: list[list[str]], heading: str = "LEMBAR JAWABAN PPID PELAKSANA") -> None:
    document = new_doc()
    title(document, "DINAS KESEHATAN PROVINSI BALI", heading)
    table(document, rows)
    date_line(document, "Denpasar, 6 November 2026")
    document.add_paragraph("PPID Pelaksana Dinas Kesehatan,")
    save(document, name)


def decisions(ticked: set[str]) -> str:
    return "\n".join(f"{'☑' if k in ticked else '☐'} {v}" for k, v in KEPUTUSAN.items())


def answers_docx() -> None:
    answer_doc("jwb-rupiah-lembar.docx", [
        ["Nomor Pendaftaran", ":", "No. Reg: 001/PPID/XI/2026"], ["Keputusan", ":", decisions({"diberikan"})],
        ["Bentuk informasi", ":", "☑ Softcopy  ☐ Hardcopy"], ["Jumlah halaman", ":", "12 lembar"],
        ["Biaya penyalinan per halaman", ":", "Rp 500,-"], ["Biaya pengiriman", ":", "Rp 15.000,-"],
        ["Waktu penyediaan", ":", "7 (tujuh) hari kerja"], ["Nama pejabat yang menjawab", ":", "dr. Ketut Suarjaya"],
    ])
    expect("jwb-rupiah-lembar.docx", "jawaban", [rec(
        {"nomor_pendaftaran": "001/PPID/XI/2026", "halaman": "12 lembar", "tarif": "Rp 500,-",
         "biaya_kirim": "Rp 15.000,-", "waktu_hari": "7 (tujuh) hari kerja", "pejabat": "dr. Ketut Suarjaya",
         "tanggal": "6 November 2026", "tempat": "Denpasar"},
        {"keputusan": ["diberikan"], "bentuk": ["softcopy"]})],
        how="amounts Rp …,-, lembar, hari kerja, No. Reg:",
    )
    answer_doc("jwb-pasal-singkat.docx", [
        ["Nomor Registrasi Permohonan", ":", "002/PPID/XI/2026"], ["Keputusan", ":", decisions({"ditolak"})],
        ["Dasar pengecualian", ":", "Ps. 17 hrf. b ang. 2 UU KIP"],
        ["Konsekuensi bila informasi dibuka", ":", "Mengganggu proses penyidikan yang sedang berjalan."],
    ])
    expect("jwb-pasal-singkat.docx", "jawaban", [rec(
        {"nomor_pendaftaran": "002/PPID/XI/2026", "pasal17": "Ps. 17 hrf. b ang. 2 UU KIP",
         "konsekuensi": "Mengganggu proses penyidikan yang sedang berjalan.", "tanggal": "6 November 2026",
         "tempat": "Denpasar"}, {"keputusan": ["ditolak"]})], how="Pasal 17 abbreviated")
    answer_doc("jwb-dua-keputusan.docx", [
        ["Nomor Pendaftaran", ":", "003/PPID/XI/2026"], ["Keputusan", ":", decisions({"diberikan", "ditolak"})],
        ["Bentuk informasi", ":", "☑ Softcopy  ☐ Hardcopy"], ["Waktu penyediaan", ":", "5 hari kerja"],
    ])
    expect("jwb-dua-keputusan.docx", "jawaban", [rec({"nomor_pendaftaran": "003/PPID/XI/2026", "tanggal": "6 November 2026",
                                                      "tempat": "Denpasar"}, {"bentuk": ["softcopy"]},
           outcome="refused")], how="two decisions ticked: refused naming both")
    answer_doc("jwb-kata-kata.docx", [
        ["No. Pendaftaran Permohonan", ":", "004 / PPID / XI / 2026"], ["Keputusan", ":", decisions({"sebagian"})],
        ["Bentuk informasi", ":", "☐ Softcopy  ☑ Hardcopy"], ["Jumlah halaman", ":", "dua puluh"],
        ["Tarif per lembar", ":", "lima ratus rupiah"], ["Biaya pengiriman", ":", "gratis"],
        ["Waktu penyediaan (hari kerja)", ":", "10 hari kerja"],
        ["Penjelasan bagian yang dihitamkan", ":", "Nomor rekening pihak ketiga dihitamkan."],
    ], heading="JAWABAN ATAS PERMOHONAN INFORMASI")
    expect("jwb-kata-kata.docx", "jawaban", [rec(
        {"nomor_pendaftaran": "004/PPID/XI/2026", "halaman": "dua puluh", "tarif": "lima ratus rupiah",
         "biaya_kirim": "gratis", "waktu_hari": "10 hari kerja", "penghitaman": "Nomor rekening pihak ketiga dihitamkan.",
         "tanggal": "6 November 2026", "tempat": "Denpasar"},
        {"keputusan": ["sebagian"], "bentuk": ["hardcopy"]})], how="amounts in words, gratis")


# --------------------------------------------------------------------------------------------------------
# DIP and DIK in Word
# --------------------------------------------------------------------------------------------------------

DIP_ITEMS = [
    ("berkala", "Laporan keuangan dinas tahun 2025", "Sekretariat", "Kepala Sub Bagian Keuangan", "Januari 2026, Denpasar", "Cetak dan elektronik", "5 tahun"),
    ("berkala", "Rencana strategis dinas 2023-2026", "Bidang Perencanaan", "Kepala Bidang Perencanaan", "2023, Denpasar", "Elektronik", "Permanen"),
    ("serta_merta", "Informasi peringatan dini bencana banjir", "Bidang Kedaruratan", "Kepala Pelaksana", "Setiap kejadian, Denpasar", "Elektronik", "1 tahun"),
    ("setiap_saat", "Daftar Informasi Publik", "PPID Pelaksana", "Sekretaris Dinas", "2026, Denpasar", "Cetak", "Selama berlaku"),
]
DIP_HEAD = ["No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
            "Penanggung Jawab Pembuatan atau Penerbitan Informasi", "Waktu dan Tempat Pembuatan Informasi",
            "Bentuk/Format Informasi yang Tersedia", "Jangka Waktu Penyimpanan atau Retensi Arsip"]
GROUPS = {"berkala": "A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala",
          "serta_merta": "B. Informasi yang Wajib Diumumkan Secara Serta Merta",
          "setiap_saat": "C. Informasi yang Wajib Tersedia Setiap Saat"}


def dip_fields(item, group: str | None = None) -> dict:
    _, ringkasan, unit, pj, waktu, bentuk, retensi = item
    fields = {"ringkasan_isi": ringkasan, "penguasa_informasi": unit, "penanggung_jawab": pj, "waktu_tempat": waktu,
              "bentuk_informasi": bentuk, "retensi": retensi}
    if group:
        fields["kelompok"] = group
    return fields


DIK_ITEMS = [
    ("Dokumen penyelidikan dugaan korupsi pengadaan alat kesehatan", "Ps. 17 hrf. a UU 14/2008",
     "Menghambat proses penegakan hukum", "Kepercayaan publik terjaga setelah perkara selesai", "Sampai putusan berkekuatan hukum tetap"),
    ("Rekam medis pasien rumah sakit daerah", "Pasal 17 huruf h angka 2 UU KIP jo. Pasal 57 UU 17/2023",
     "Mengungkap rahasia pribadi pasien", "Tidak ada kepentingan publik yang lebih besar", "Selamanya"),
    ("Dokumen penawaran harga rahasia peserta tender", "Psl 17 (b)", "Mengganggu persaingan usaha yang sehat",
     "Tender berjalan adil", "Sampai kontrak ditandatangani"),
]
DIK_HEAD_TOP = ["No", "Informasi yang Dikecualikan", "Dasar Hukum Pengecualian", "Konsekuensi", "", "Jangka Waktu Pengecualian"]
DIK_HEAD_SUB = ["", "", "", "Bila Dibuka", "Bila Ditutup", ""]


def dik_fields(item) -> dict:
    informasi, dasar, dibuka, ditutup, jangka = item
    return {"informasi": informasi, "dasar_hukum": dasar, "konsekuensi_dibuka": dibuka, "konsekuensi_ditutup": ditutup,
            "jangka_waktu": jangka}


def lists_docx() -> None:
    document = new_doc()
    title(document, "DAFTAR INFORMASI PUBLIK", "DINAS SOSIAL PROVINSI BALI", "TAHUN 2026")
    rows = [DIP_HEAD, [str(n) for n in range(1, 8)]]
    current = None
    for n, item in enumerate(DIP_ITEMS, 1):
        if item[0] != current:
            current = item[0]
            rows.append([GROUPS[current]] + [""] * 6)
        rows.append([str(n), *item[1:]])
    rows.append(["Keterangan: daftar ini diperbarui setiap tahun."] + [""] * 6)
    t = table(document, rows)
    for row in t.rows:
        if row.cells[0].text.startswith(("A.", "B.", "C.", "Keterangan")):
            row.cells[0].merge(row.cells[6])
    save(document, "dip-baris-kelompok.docx")
    expect("dip-baris-kelompok.docx", "dip", [rec(dip_fields(item, GROUPS[item[0]])) for item in DIP_ITEMS],
           how="DIP in Word with group rows and a notes row")


# --------------------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------------------


def workbook():
    book = Workbook()
    book.properties.creator = "Petugas"
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def save_book(book, name: str) -> None:
    book.save(OUT / name)


def requests_xlsx() -> None:
    # Google Forms export: Timestamp, question headers, "Email Address", checkboxes as "a, b"
    book = workbook()
    sheet = book.active
    sheet.title = "Form Responses 1"
    sheet.append(["Timestamp", "Email Address", "Nama Lengkap", "Nomor Induk Kependudukan (NIK)", "Alamat",
                  "Nomor HP/WhatsApp", "Rincian informasi yang dibutuhkan", "Tujuan penggunaan informasi",
                  "Cara memperoleh informasi", "Cara mendapatkan salinan informasi"])
    for i, (stamp, cm, cs) in enumerate([(datetime(2026, 11, 2, 10, 32, 5), "Melihat/membaca/mendengarkan/mencatat", "E-mail"),
                                         (datetime(2026, 11, 3, 14, 1, 0), "Mendapatkan salinan informasi (hardcopy/softcopy)", "Kurir")]):
        p = PEOPLE[i]
        sheet.append([stamp, p["email"], p["nama"], p["nik"], p["alamat"], p["telepon"], RINCIAN[i], TUJUAN[i], cm, cs])
    save_book(book, "xlsx-google-forms.xlsx")
    expect("xlsx-google-forms.xlsx", "permohonan", [
        rec({**person_fields(0), "rincian_informasi": RINCIAN[0], "tujuan": TUJUAN[0], "tanggal": "2 November 2026"},
            {"cara_memperoleh": ["melihat"], "cara_salinan": ["email"]}, weak=True),
        rec({**person_fields(1), "rincian_informasi": RINCIAN[1], "tujuan": TUJUAN[1], "tanggal": "3 November 2026"},
            {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]}, weak=True)], how="Google Forms export with Timestamp")

    # a CSV export opened and saved as xlsx: the stamp is text, month first (US locale)
    book = workbook()
    sheet = book.active
    sheet.append(["Cap waktu", "Nama", "NIK", "Alamat", "No. Telepon", "Email", "Informasi yang diminta",
                  "Tujuan", "Cara Memperoleh", "Cara Mendapatkan Salinan"])
    for i, stamp in [(2, "11/18/2026 9:15:00"), (3, "11/4/2026 16:20:41")]:
        p = PEOPLE[i]
        sheet.append([stamp, p["nama"], p["nik"], p["alamat"], p["telepon"], p["email"], RINCIAN[i], TUJUAN[i],
                      "Mendapatkan salinan", "Pos"])
    save_book(book, "xlsx-cap-waktu-teks.xlsx")
    expect("xlsx-cap-waktu-teks.xlsx", "permohonan", [
        rec({**person_fields(2), "rincian_informasi": RINCIAN[2], "tujuan": TUJUAN[2], "tanggal": "18 November 2026"},
            {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}, weak=True),
        rec({**person_fields(3), "rincian_informasi": RINCIAN[3], "tujuan": TUJUAN[3], "tanggal": "4 November 2026"},
            {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]}, weak=True)],
        how="time stamp as text, month first, told by the column")

    # title rows, a two-level merged header with one tick column per option, an example row, notes
    book = workbook()
    sheet = book.active
    sheet.title = "Rekap Permohonan"
    sheet.append(["REKAP PERMOHONAN INFORMASI PUBLIK"])
    sheet.append(["PPID PROVINSI BALI - NOVEMBER 2026"])
    sheet.append([])
    top = ["No", "Identitas Pemohon", "", "", "", "", "Rincian Informasi", "Tujuan Penggunaan",
           "Cara Memperoleh Informasi", "", "Cara Mendapatkan Salinan", "", "", "", ""]
    sub = ["", "Nama", "NIK", "Alamat", "No. HP", "E-mail", "", "", "Melihat", "Salinan", "Ambil Langsung", "Kurir",
           "Pos", "Faksimili", "Email"]
    sheet.append(top)
    sheet.append(sub)
    for rng in ["B4:F4", "I4:J4", "K4:O4", "A4:A5", "G4:G5", "H4:H5", "A1:O1", "A2:O2"]:
        sheet.merge_cells(rng)
    sheet.append(["Contoh", "I Made Contoh", "5171010101900001", "Jl. Contoh No. 1", "081200000000", "contoh@contoh.id",
                  "Contoh informasi", "Contoh tujuan", "√", "", "", "", "", "", "√"])
    for n, (i, cm, cs) in enumerate([(0, 9, 14), (4, 8, 10)], 1):
        p = PEOPLE[i]
        row = [n, p["nama"], p["nik"], p["alamat"], p["telepon"], p["email"], RINCIAN[i], TUJUAN[i]] + [""] * 7
        row[cm] = "√"
        row[cs] = "v"
        sheet.append(row)
    sheet.append([])
    sheet.append(["Keterangan: beri tanda √ pada kolom pilihan."])
    instructions = book.create_sheet("Petunjuk Pengisian")
    instructions.append(["1. Satu baris untuk satu permohonan."])
    save_book(book, "xlsx-judul-header-bertingkat.xlsx")
    expect("xlsx-judul-header-bertingkat.xlsx", "permohonan", [
        rec({**person_fields(0), "rincian_informasi": RINCIAN[0], "tujuan": TUJUAN[0]},
            {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}, outcome="filed"),
        rec({**person_fields(4), "rincian_informasi": RINCIAN[4], "tujuan": TUJUAN[4]},
            {"cara_memperoleh": ["melihat"], "cara_salinan": ["mengambil_langsung"]})],
        how="title rows, two-level merged header, tick grid, example row, instruction sheet", doc_notes="contoh")

    # vertical form: label in A, value in B
    book = workbook()
    sheet = book.active
    sheet.title = "Formulir"
    p = PEOPLE[1]
    for row in [["FORMULIR PERMOHONAN INFORMASI PUBLIK"], [], ["Nama", p["nama"]], ["NIK", p["nik"]],
                ["Alamat", p["alamat"]], ["Pekerjaan", p["pekerjaan"]], ["Nomor Telepon", p["telepon"]],
                ["E-mail", p["email"]], ["Rincian Informasi yang Dibutuhkan", RINCIAN[1]],
                ["Tujuan Penggunaan Informasi", TUJUAN[1]], ["Cara Memperoleh Informasi", "Melihat/membaca", ""],
                ["", "Mendapatkan salinan", "√"], ["Cara Mendapatkan Salinan", "Mengambil langsung", ""],
                ["", "Kurir", ""], ["", "Pos", ""], ["", "E-mail", "√"], ["Tanggal", datetime(2026, 11, 2)]]:
        sheet.append(row)
    save_book(book, "xlsx-formulir-vertikal.xlsx")
    expect("xlsx-formulir-vertikal.xlsx", "permohonan", [rec(
        {**person_fields(1), "rincian_informasi": RINCIAN[1], "tujuan": TUJUAN[1], "tanggal": "2 November 2026"},
        {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]})], how="form laid out vertically")

    # organisations in a list; a phone with invisible marks; an Excel date serial as text
    book = workbook()
    sheet = book.active
    sheet.append(["Nama Organisasi", "Nama Penanggung Jawab", "Nomor SK Kemenkumham", "Alamat", "Telepon", "Email",
                  "Informasi yang Dibutuhkan", "Tujuan Penggunaan", "Cara Memperoleh", "Cara Mendapatkan Salinan", "Tanggal"])
    sheet.append(["Yayasan Pendidikan Tri Hita", "Gede Arya Pramana", "AHU-0033221.AH.01.04.Tahun 2018",
                  "Jl. Hayam Wuruk No. 101, Denpasar", "\u202a0361 234567\u202c", "yayasan@trihita.or.id", RINCIAN[4], TUJUAN[4],
                  "melihat", "email", 46328])
    save_book(book, "xlsx-organisasi.xlsx")
    expect("xlsx-organisasi.xlsx", "permohonan", [rec(
        {"nama": "Yayasan Pendidikan Tri Hita", "penanggung_jawab": "Gede Arya Pramana", "jenis_pemohon": "organisasi",
         "nomor_sk": "AHU-0033221.AH.01.04.Tahun 2018", "alamat": "Jl. Hayam Wuruk No. 101, Denpasar",
         "telepon": "0361 234567", "email": "yayasan@trihita.or.id", "rincian_informasi": RINCIAN[4], "tujuan": TUJUAN[4],
         "tanggal": "46328"}, {"cara_memperoleh": ["melihat"], "cara_salinan": ["email"]})],
        how="organisation columns, Excel serial date")


def objections_xlsx() -> None:
    book = workbook()
    sheet = book.active
    sheet.title = "Keberatan"
    sheet.append(["REKAP PENGAJUAN KEBERATAN"])
    top = ["No", "No. Pendaftaran Permohonan", "Nama Pengaju", "NIK", "Alamat", "No. HP", "Tujuan Penggunaan",
           "Alasan Keberatan", "", "", "", "", "", "", "Kasus Posisi", "Nama Kuasa"]
    sub = ["", "", "", "", "", "", "", "a", "b", "c", "d", "e", "f", "g", "", ""]
    sheet.append(top)
    sheet.append(sub)
    sheet.merge_cells("H2:N2")
    sheet.merge_cells("A1:P1")
    rows = [(0, "021/PPID/X/2026", "c", ""), (4, "022/PPID/X/2026", "f", "")]
    for n, (i, nomor, reason, kuasa) in enumerate(rows, 1):
        p = PEOPLE[i]
        marks = ["√" if letter == reason else "" for letter in "abcdefg"]
        sheet.append([n, nomor, p["nama"], p["nik"], p["alamat"], p["telepon"], TUJUAN[i], *marks,
                      "Jawaban tidak sesuai permohonan.", kuasa])
    save_book(book, "keb-xlsx-centang-alasan.xlsx")
    expect("keb-xlsx-centang-alasan.xlsx", "keberatan", [
        rec({"nomor_pendaftaran": "021/PPID/X/2026", **person_fields(0, ("nama", "nik", "alamat", "telepon")),
             "tujuan": TUJUAN[0], "kasus_posisi": "Jawaban tidak sesuai permohonan."}, {"alasan": ["c"]}),
        rec({"nomor_pendaftaran": "022/PPID/X/2026", **person_fields(4, ("nama", "nik", "alamat", "telepon")),
             "tujuan": TUJUAN[4], "kasus_posisi": "Jawaban tidak sesuai permohonan."}, {"alasan": ["f"]})],
        how="objection list, one tick column per reason under a merged header")


def answers_xlsx() -> None:
    book = workbook()
    sheet = book.active
    sheet.title = "Jawaban"
    sheet.append(["LEMBAR JAWABAN PPID PELAKSANA DINAS PUPR"])
    sheet.append(["Nomor Registrasi Permohonan", "Keputusan", "Bentuk Informasi", "Jml Halaman", "Tarif per lembar",
                  "Ongkos Kirim", "Waktu Penyediaan", "Dasar Pengecualian (Pasal 17 UU KIP)", "Uji Konsekuensi", "Tanggal Jawaban"])
    sheet.append(["No. Reg: 005/PPID/XI/2026", "diberikan seluruhnya", "hardcopy", "30 lbr", "Rp 1.000/lembar", "Rp 20.000,-",
                  "5 hari kerja", "", "", datetime(2026, 11, 6)])
    sheet.append(["006/PPID/XI/2026", "ditolak", "", "", "", "", "", "Pasal 17 huruf (c)", "Membahayakan pertahanan negara.",
                  "6 Nov 2026"])
    save_book(book, "jwb-xlsx-nilai-ditulis.xlsx")
    expect("jwb-xlsx-nilai-ditulis.xlsx", "jawaban", [
        rec({"nomor_pendaftaran": "005/PPID/XI/2026", "halaman": "30 lbr", "tarif": "Rp 1.000/lembar",
             "biaya_kirim": "Rp 20.000,-", "waktu_hari": "5 hari kerja", "tanggal": "6 November 2026"},
            {"keputusan": ["diberikan"], "bentuk": ["hardcopy"]}),
        rec({"nomor_pendaftaran": "006/PPID/XI/2026", "pasal17": "Pasal 17 huruf (c)",
             "konsekuensi": "Membahayakan pertahanan negara.", "tanggal": "6 Nov 2026"}, {"keputusan": ["ditolak"]})],
        how="answers list with amounts as written")


def lists_xlsx() -> None:
    # one sheet per category
    book = workbook()
    first = True
    for key, sheet_name in [("berkala", "Berkala"), ("serta_merta", "Serta Merta"), ("setiap_saat", "Setiap Saat")]:
        sheet = book.active if first else book.create_sheet(sheet_name)
        sheet.title = sheet_name
        first = False
        sheet.append([f"DAFTAR INFORMASI PUBLIK DINAS PARIWISATA PROVINSI BALI - {sheet_name.upper()}"])
        sheet.append(DIP_HEAD)
        for n, item in enumerate([it for it in DIP_ITEMS if it[0] == key], 1):
            sheet.append([n, *item[1:]])
    save_book(book, "dip-satu-lembar-per-kategori.xlsx")
    expect("dip-satu-lembar-per-kategori.xlsx", "dip", [rec(dip_fields(item, {"berkala": "Berkala", "serta_merta": "Serta Merta",
           "setiap_saat": "Setiap Saat"}[item[0]])) for item in DIP_ITEMS], how="one sheet per category")

    # two-row header, a category column, an example row and notes
    book = workbook()
    sheet = book.active
    sheet.append(["DAFTAR INFORMASI PUBLIK"])
    sheet.append(["PPID Pelaksana", ":", "Dinas Pendidikan Provinsi Bali"])
    top = ["No", "Kategori", "Ringkasan Isi Informasi", "Pejabat/Unit yang Menguasai Informasi", "Penanggung Jawab",
           "Waktu dan Tempat Pembuatan", "", "Bentuk Informasi", "", "Retensi Arsip"]
    sub = ["", "", "", "", "", "Waktu", "Tempat", "Cetak", "Elektronik", ""]
    sheet.append(top)
    sheet.append(sub)
    for rng in ["F3:G3", "H3:I3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "J3:J4"]:
        sheet.merge_cells(rng)
    sheet.append(["Contoh", "Berkala", "Contoh: Laporan tahunan", "Sekretariat", "Sekretaris", "2026", "Denpasar", "√", "", "5 tahun"])
    sheet.append([1, "Berkala", "Laporan kinerja instansi pemerintah 2025", "Sub Bagian Program", "Kepala Sub Bagian Program",
                  "Maret 2026", "Denpasar", "√", "√", "5 tahun"])
    sheet.append([2, "Setiap Saat", "Daftar sekolah menengah negeri", "Bidang SMA", "Kepala Bidang SMA", "2026", "Denpasar", "", "√", "Selama berlaku"])
    sheet.append([])
    sheet.append(["Catatan: kolom bentuk diberi tanda √."])
    save_book(book, "dip-header-bertingkat.xlsx")
    expect("dip-header-bertingkat.xlsx", "dip", [
        rec({"kategori": "Berkala", "ringkasan_isi": "Laporan kinerja instansi pemerintah 2025", "penguasa_informasi": "Sub Bagian Program",
             "penanggung_jawab": "Kepala Sub Bagian Program", "retensi": "5 tahun", "waktu_tempat": "Maret 2026, Denpasar",
             "bentuk_informasi": "Cetak, Elektronik"}),
        rec({"kategori": "Setiap Saat", "ringkasan_isi": "Daftar sekolah menengah negeri", "penguasa_informasi": "Bidang SMA",
             "penanggung_jawab": "Kepala Bidang SMA", "retensi": "Selama berlaku", "waktu_tempat": "2026, Denpasar",
             "bentuk_informasi": "Elektronik"})],
        how="two-row merged header, example row, notes row", doc_notes="contoh")

    # DIK with the consequence columns under one merged header, abbreviated legal bases
    book = workbook()
    sheet = book.active
    sheet.append(["DAFTAR INFORMASI YANG DIKECUALIKAN"])
    sheet.append(["PEMERINTAH PROVINSI BALI TAHUN 2026"])
    sheet.append(DIK_HEAD_TOP)
    sheet.append(DIK_HEAD_SUB)
    sheet.merge_cells("D3:E3")
    for rng in ["A3:A4", "B3:B4", "C3:C4", "F3:F4"]:
        sheet.merge_cells(rng)
    for n, item in enumerate(DIK_ITEMS, 1):
        sheet.append([n, *item])
    sheet.append(["Ditetapkan di Denpasar, 10 November 2026"])
    save_book(book, "dik-header-bertingkat.xlsx")
    expect("dik-header-bertingkat.xlsx", "dik", [rec(dik_fields(item)) for item in DIK_ITEMS],
           how="DIK: Konsekuensi over Bila Dibuka | Bila Ditutup, abbreviated Pasal 17")


# --------------------------------------------------------------------------------------------------------
# More variants: forms one after another under one title, footnoted pick-one choices, text boxes under their
# label, questions of a form service, a Word DIK with a two-row header
# --------------------------------------------------------------------------------------------------------


def more_variants() -> None:
    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    for i in (3, 4):
        document.add_paragraph(f"Pemohon {i - 2}")
        table(document, request_rows(i, cs="kurir"))
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-dua-pemohon-satu-judul.docx")
    first = request_expect(3)
    del first["tanggal"], first["tempat"]
    expect("req-dua-pemohon-satu-judul.docx", "permohonan", [
        rec(first, {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]}),
        rec(request_expect(4), {"cara_memperoleh": ["salinan"], "cara_salinan": ["kurir"]})],
        how="two applicants under one title")

    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(0)
    rows[9][0] = "Cara Mendapatkan Salinan Informasi***"
    rows[9][2] = "☑ Mengambil langsung\n☐ Kurir\n☐ Pos\n☐ Faksimili\n☑ E-mail"
    table(document, rows)
    document.add_paragraph("*** Pilih salah satu dengan memberi tanda (√)")
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-catatan-kaki-salah-satu.docx")
    expect("req-catatan-kaki-salah-satu.docx", "permohonan", [rec(request_expect(0), {"cara_memperoleh": ["salinan"]},
           outcome="notice")], how="footnote says pick one; two ticked")

    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    p = PEOPLE[4]
    for n, (label, value) in enumerate([("Nama", p["nama"]), ("NIK", p["nik"]), ("Alamat", p["alamat"]),
                                        ("E-mail", p["email"]), ("Rincian Informasi", RINCIAN[4]),
                                        ("Tujuan Penggunaan Informasi", TUJUAN[4])]):
        document.add_paragraph(f"{label} :")
        para_xml(document, [run(""), drawing_box(value, 70 + n)])
    document.add_paragraph("Cara Memperoleh Informasi : ☐ Melihat ☑ Mendapatkan salinan")
    document.add_paragraph("Cara Mendapatkan Salinan : ☐ Mengambil langsung ☐ Kurir ☐ Pos ☐ Faksimili ☑ E-mail")
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-kotak-teks-baris-bawah.docx")
    fields = request_expect(4)
    del fields["telepon"]
    expect("req-kotak-teks-baris-bawah.docx", "permohonan", [rec(fields, {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]},
           weak=True)], how="text boxes on the empty line under their labels")

    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(1)
    rows[8][2] = "Melihat/membaca/mendengarkan/mencatat √  Mendapatkan salinan"
    rows[9][2] = "Mengambil langsung / Kurir / Pos √ / Faksimili / E-mail"
    table(document, rows)
    date_line(document, "Denpasar, 2 November 2026")
    save(document, "req-centang-di-antara.docx")
    expect("req-centang-di-antara.docx", "permohonan", [rec(request_expect(1), {"cara_memperoleh": ["melihat"], "cara_salinan": ["pos"]})],
           how="ticks written right after the chosen option on one line")

    document = new_doc()
    title(document, "FORMULIR PERMOHONAN INFORMASI PUBLIK")
    rows = request_rows(2)
    rows[8][2] = "Melihat/membaca/mendengarkan/mencatat √ Mendapatkan salinan"
    table(document, rows)
    save(document, "req-centang-tengah.docx")
    fields = request_expect(2)
    del fields["tanggal"], fields["tempat"]
    expect("req-centang-tengah.docx", "permohonan", [rec(fields, {"cara_salinan": ["email"]}, outcome="officer")],
           how="a tick halfway between two options: for the officer")

    book = workbook()
    sheet = book.active
    sheet.append(["Cap waktu", "Alamat email", "Nama lengkap", "NIK", "Alamat rumah", "Nomor WhatsApp",
                  "Informasi apa yang Anda butuhkan?", "Untuk apa informasi tersebut akan digunakan?",
                  "Bagaimana cara Anda memperoleh informasi?", "Bagaimana informasi dikirimkan kepada Anda?"])
    sheet.append(["18/11/2026 10:32:05", PEOPLE[3]["email"], PEOPLE[3]["nama"], PEOPLE[3]["nik"], PEOPLE[3]["alamat"],
                  PEOPLE[3]["telepon"], RINCIAN[3], TUJUAN[3], "Mendapatkan salinan informasi (hardcopy/softcopy)", "E-mail"])
    save_book(book, "xlsx-pertanyaan-layanan-formulir.xlsx")
    expect("xlsx-pertanyaan-layanan-formulir.xlsx", "permohonan", [rec(
        {**person_fields(3), "rincian_informasi": RINCIAN[3], "tujuan": TUJUAN[3], "tanggal": "18 November 2026"},
        {"cara_memperoleh": ["salinan"], "cara_salinan": ["email"]}, weak=True)], how="form-service questions as headers")

    document = new_doc()
    title(document, "DAFTAR INFORMASI YANG DIKECUALIKAN", "DINAS KESEHATAN PROVINSI BALI")
    t = table(document, [DIK_HEAD_TOP, DIK_HEAD_SUB] + [[str(n), *item] for n, item in enumerate(DIK_ITEMS, 1)]
              + [["Mengetahui,", "", "", "", "Denpasar, 10 November 2026", ""]])
    t.rows[0].cells[3].merge(t.rows[0].cells[4])
    for c in (0, 1, 2, 5):
        t.rows[0].cells[c].merge(t.rows[1].cells[c])
    save(document, "dik-word-header-bertingkat.docx")
    expect("dik-word-header-bertingkat.docx", "dik", [rec(dik_fields(item)) for item in DIK_ITEMS],
           how="Word DIK with Konsekuensi over Bila Dibuka | Bila Ditutup, signature row")

    answer_doc("jwb-tanpa-judul-kata.docx", [
        ["No. Reg", ":", "010/PPID/XI/2026"], ["Keputusan", ":", decisions({"belum-didokumentasikan"})],
        ["Kapan informasi akan tersedia", ":", "Januari 2027"],
    ], heading="")
    expect("jwb-tanpa-judul-kata.docx", "jawaban", [rec({"nomor_pendaftaran": "010/PPID/XI/2026", "kapan_tersedia": "Januari 2027",
           "tanggal": "6 November 2026", "tempat": "Denpasar"}, {"keputusan": ["belum-didokumentasikan"]})],
           how="answer sheet without its title, 'No. Reg' label")


def more_lists_and_answers() -> None:
    """Objections, answers and lists written other ways (issue 12, item 9)."""
    p = PEOPLE[1]
    document = new_doc()
    title(document, "FORMULIR PENGAJUAN KEBERATAN INFORMASI PUBLIK")
    for line in ["Nomor Registrasi Keberatan : (diisi petugas)",
                 "Nomor Pendaftaran Permohonan Informasi : No. Reg. 041/PPID/X/2026",
                 f"Tujuan Penggunaan Informasi : {TUJUAN[1]}", "IDENTITAS PEMOHON", f"Nama : {p['nama']}",
                 "Atas nama : Yayasan Bali Sadar", f"Alamat : {p['alamat']}", f"Pekerjaan : {p['pekerjaan']}",
                 f"Nomor Telepon/E-mail : {p['telepon']} / {p['email']}", f"Nomor Induk Kependudukan : {p['nik']}",
                 "ALASAN PENGAJUAN KEBERATAN"]:
        document.add_paragraph(line)
    for key, label in ALASAN.items():
        document.add_paragraph(f"{key}. {label} {'(√)' if key in 'bd' else '( )'}")
    document.add_paragraph("KASUS POSISI")
    document.add_paragraph("Sudah lewat sepuluh hari kerja belum ada jawaban dari PPID")
    document.add_paragraph("Denpasar, 5 Nop 2026")
    save(document, "keb-atas-nama-yayasan.docx")
    expect("keb-atas-nama-yayasan.docx", "keberatan", [rec(
        {"nomor_pendaftaran": "041/PPID/X/2026", "tujuan": TUJUAN[1], "nama": "Yayasan Bali Sadar",
         "penanggung_jawab": p["nama"], "jenis_pemohon": "organisasi", "nik": p["nik"], "alamat": p["alamat"],
         "telepon_email": f"{p['telepon']} / {p['email']}",
         "kasus_posisi": "Sudah lewat sepuluh hari kerja belum ada jawaban dari PPID", "tanggal": "5 Nop 2026",
         "tempat": "Denpasar"}, {"alasan": ["b", "d"]})], how="a person objecting on behalf of a foundation")

    book = workbook()
    sheet = book.active
    sheet.append(["No", "No. Pendaftaran", "Nama Pengaju Keberatan", "NIK", "Alamat", "Telepon", "Tujuan",
                  "Alasan Keberatan", "Kasus Posisi", "Nama Kuasa", "Alamat Kuasa", "Telepon Kuasa", "Tanggal"])
    sheet.append([1, "No. Reg: 042/PPID/X/2026", p["nama"], p["nik"], p["alamat"], p["telepon"], "Penelitian", "a, c",
                  "Tidak dijawab", "I Ketut Kuasa, S.H.", "Jl. Kuasa No. 1, Denpasar", "081200011122", "5-Nov-2026"])
    save_book(book, "keb-xlsx-kuasa-huruf.xlsx")
    expect("keb-xlsx-kuasa-huruf.xlsx", "keberatan", [rec(
        {"nomor_pendaftaran": "042/PPID/X/2026", "nama": p["nama"], "nik": p["nik"], "alamat": p["alamat"],
         "telepon": p["telepon"], "tujuan": "Penelitian", "kasus_posisi": "Tidak dijawab", "nama_kuasa": "I Ketut Kuasa, S.H.",
         "alamat_kuasa": "Jl. Kuasa No. 1, Denpasar", "telepon_kuasa": "081200011122", "tanggal": "5-Nov-2026"},
        {"alasan": ["a", "c"]}, outcome="notice")], how="a proxy in a list, reasons as letters (no surat kuasa: notice)")

    answer_doc("jwb-dasar-hukum.docx", [
        ["No.Reg", ":", "No.Reg - 011/PPID/XI/2026"], ["Keputusan", ":", decisions({"ditolak"})],
        ["Dasar hukum", ":", "Pasal 17 huruf b UU 14/2008"],
        ["Konsekuensi bila dibuka", ":", "Merugikan persaingan usaha yang sehat."],
    ], heading="JAWABAN PPID PELAKSANA")
    expect("jwb-dasar-hukum.docx", "jawaban", [rec(
        {"nomor_pendaftaran": "011/PPID/XI/2026", "dasar_lain": "Pasal 17 huruf b UU 14/2008",
         "konsekuensi": "Merugikan persaingan usaha yang sehat.", "tanggal": "6 November 2026", "tempat": "Denpasar"},
        {"keputusan": ["ditolak"]})], how="Pasal 17 under 'Dasar hukum', number with a dash")

    book = workbook()
    sheet = book.active
    sheet.title = "Lembar Jawaban"
    sheet.append(["Nomor Pendaftaran Permohonan", "Keputusan", "Bentuk Informasi", "Jumlah Halaman", "Biaya Penyalinan",
                  "Biaya Pengiriman", "Waktu Penyediaan"])
    sheet.append(["012/PPID/XI/2026", "Diberikan Seluruhnya", "softcopy dan hardcopy", "sepuluh", "Rp 1.000,-",
                  "-", "sepuluh hari kerja"])
    save_book(book, "jwb-xlsx-kata.xlsx")
    expect("jwb-xlsx-kata.xlsx", "jawaban", [rec(
        {"nomor_pendaftaran": "012/PPID/XI/2026", "halaman": "sepuluh", "tarif": "Rp 1.000,-", "biaya_kirim": "-",
         "waktu_hari": "sepuluh hari kerja"}, {"keputusan": ["diberikan"], "bentuk": ["softcopy", "hardcopy"]})],
        how="answers in a sheet named Lembar Jawaban, numbers in words")

    book = workbook()
    sheet = book.active
    sheet.append(["DAFTAR INFORMASI PUBLIK"])
    sheet.append(["DINAS KELAUTAN DAN PERIKANAN PROVINSI BALI"])
    sheet.append(DIP_HEAD)
    romans = {"berkala": "I. INFORMASI BERKALA", "serta_merta": "II. INFORMASI SERTA MERTA",
              "setiap_saat": "III. INFORMASI SETIAP SAAT"}
    current = None
    for n, item in enumerate(DIP_ITEMS, 1):
        if item[0] != current:
            current = item[0]
            sheet.append([romans[current]])
        sheet.append([n, *item[1:]])
    sheet.append([])
    sheet.append(["", "", "", "", "Denpasar, 3 November 2026"])
    sheet.append(["", "", "", "", "Kepala Dinas,"])
    save_book(book, "dip-romawi-tanda-tangan.xlsx")
    expect("dip-romawi-tanda-tangan.xlsx", "dip", [rec(dip_fields(item, romans[item[0]])) for item in DIP_ITEMS],
           how="group rows in roman numerals, signature rows under the list")

    document = new_doc()
    title(document, "DAFTAR INFORMASI PUBLIK BIRO HUKUM SETDA PROVINSI BALI")
    rows = [["No", "Kategori", *DIP_HEAD[1:]]]
    for n, item in enumerate(DIP_ITEMS, 1):
        rows.append([str(n), {"berkala": "A", "serta_merta": "B", "setiap_saat": "C"}[item[0]], *item[1:]])
    table(document, rows)
    save(document, "dip-word-kategori-huruf.docx")
    expect("dip-word-kategori-huruf.docx", "dip", [rec({**dip_fields(item), "kategori": {"berkala": "A", "serta_merta": "B",
           "setiap_saat": "C"}[item[0]]}) for item in DIP_ITEMS], how="DIP in Word, category column written A/B/C")

    book = workbook()
    sheet = book.active
    sheet.append(["USULAN DAFTAR INFORMASI YANG DIKECUALIKAN"])
    sheet.append(["No", "Informasi yang Dikecualikan", "Dasar Hukum", "Konsekuensi bila Dibuka", "Konsekuensi bila Ditutup",
                  "Jangka Waktu Pengecualian"])
    sheet.append([1, "Rekam medis pasien", "Pasal 17 huruf j UU 14/2008 jo. Pasal 57 UU 17/2023", "Rahasia pasien terbuka",
                  "Privasi terlindungi", "Selamanya"])
    sheet.append([2, "Dokumen strategi penyidikan", "Ps.17 hrf a", "Penyidikan terhambat", "Penegakan hukum berjalan",
                  "Sampai perkara selesai"])
    sheet.append(["Catatan: diusulkan oleh PPID Utama bersama Tim Pertimbangan."])
    save_book(book, "dik-usulan-singkatan.xlsx")
    expect("dik-usulan-singkatan.xlsx", "dik", [
        rec({"informasi": "Rekam medis pasien", "dasar_hukum": "Pasal 17 huruf j UU 14/2008 jo. Pasal 57 UU 17/2023",
             "konsekuensi_dibuka": "Rahasia pasien terbuka", "konsekuensi_ditutup": "Privasi terlindungi", "jangka_waktu": "Selamanya"}),
        rec({"informasi": "Dokumen strategi penyidikan", "dasar_hukum": "Ps.17 hrf a", "konsekuensi_dibuka": "Penyidikan terhambat",
             "konsekuensi_ditutup": "Penegakan hukum berjalan", "jangka_waktu": "Sampai perkara selesai"})],
        how="DIK proposal, Pasal 17 j with another law, 'Ps.17 hrf a', a notes row")


# --------------------------------------------------------------------------------------------------------
# Made by LibreOffice: HTML and flat OpenDocument written here, converted with soffice
# --------------------------------------------------------------------------------------------------------


def html_page(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Formulir</title></head><body>{body}</body></html>'


def html_table(rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1">{cells}</table>'


def lo_sources(work: Path) -> dict[str, tuple[str, str]]:
    """file name written -> (target file name, soffice target format)."""
    jobs = {}
    p = PEOPLE
    # a request as an HTML table
    body = "<h3 style='text-align:center'>FORMULIR PERMOHONAN INFORMASI PUBLIK</h3>" + html_table(request_rows(2, cm="melihat", cs="kurir"))
    body += "<p style='text-align:right'>Denpasar, 2 November 2026</p>"
    (work / "lo-req-html.html").write_text(html_page(body), encoding="utf-8")
    jobs["lo-req-html.html"] = ("lo-req-html.docx", "docx")
    expect("lo-req-html.docx", "permohonan", [rec(request_expect(2), {"cara_memperoleh": ["melihat"], "cara_salinan": ["kurir"]})],
           how="HTML table converted by LibreOffice")
    # a request in HTML with struck-out options
    rows = request_rows(3)[:8]
    body = "<p><b>FORMULIR PERMINTAAN INFORMASI PUBLIK</b></p>" + "".join(f"<p>{r[0]}: {r[2]}</p>" for r in rows)
    body += f"<p>Cara Memperoleh Informasi*: <s>{CM['melihat']}</s> / {CM['salinan']}</p>"
    body += "<p>Cara Mendapatkan Salinan*: <s>Mengambil langsung / Kurir / Pos</s> / Faksimili <s>/ E-mail</s></p>"
    body += "<p>* coret yang tidak perlu</p><p>Denpasar, 2 Nopember 2026</p>"
    (work / "lo-req-coret.html").write_text(html_page(body), encoding="utf-8")
    jobs["lo-req-coret.html"] = ("lo-req-coret.docx", "docx")
    expect("lo-req-coret.docx", "permohonan", [rec(request_expect(3, tanggal="2 Nopember 2026"),
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["faksimili"]})], how="HTML with strike-through, by LibreOffice")
    # a request as flat ODT with tabs
    lines = [f"{r[0]}\t: {r[2]}" for r in request_rows(0)[:8]]
    lines += ["Cara Memperoleh Informasi\t: [ ] Melihat/membaca  [X] Mendapatkan salinan",
              "Cara Mendapatkan Salinan\t: [ ] Mengambil langsung  [ ] Kurir  [X] Pos  [ ] Faksimili  [ ] E-mail",
              "Denpasar, 18/11/2026"]
    (work / "lo-req-fodt.fodt").write_text(fodt(["FORMULIR PERMOHONAN INFORMASI PUBLIK", ""] + lines), encoding="utf-8")
    jobs["lo-req-fodt.fodt"] = ("lo-req-fodt.docx", "docx")
    expect("lo-req-fodt.docx", "permohonan", [rec(request_expect(0, tanggal="18/11/2026"),
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["pos"]})], how="flat ODT converted by LibreOffice")
    # an objection as HTML
    body = "<p><b>FORMULIR PENGAJUAN KEBERATAN</b></p>" + html_table(objection_rows(1, "031/PPID/X/2026", {"a", "d"}))
    body += "<p>Denpasar, 5 November 2026</p>"
    (work / "lo-keb-html.html").write_text(html_page(body), encoding="utf-8")
    jobs["lo-keb-html.html"] = ("lo-keb-html.docx", "docx")
    expect("lo-keb-html.docx", "keberatan", [rec(objection_expect(1, "031/PPID/X/2026", pekerjaan=p[1]["pekerjaan"]),
           {"alasan": ["a", "d"]})], how="objection as HTML, by LibreOffice")
    # an answer sheet as HTML
    body = "<p><b>LEMBAR JAWABAN PPID PELAKSANA</b></p>" + html_table([
        ["Nomor Pendaftaran Permohonan", ":", "007/PPID/XI/2026"], ["Keputusan", ":", decisions({"tidak-dikuasai"})],
        ["Informasi dikuasai oleh", ":", "Badan Pusat Statistik Provinsi Bali"]]) + "<p>Denpasar, 6 November 2026</p>"
    (work / "lo-jwb-html.html").write_text(html_page(body), encoding="utf-8")
    jobs["lo-jwb-html.html"] = ("lo-jwb-html.docx", "docx")
    expect("lo-jwb-html.docx", "jawaban", [rec({"nomor_pendaftaran": "007/PPID/XI/2026",
           "dikuasai_oleh": "Badan Pusat Statistik Provinsi Bali", "tanggal": "6 November 2026", "tempat": "Denpasar"},
           {"keputusan": ["tidak-dikuasai"]})], how="answer sheet as HTML, by LibreOffice")
    # a DIP table as HTML
    rows = [DIP_HEAD]
    current = None
    for n, item in enumerate(DIP_ITEMS, 1):
        if item[0] != current:
            current = item[0]
            rows.append([GROUPS[current]])
        rows.append([str(n), *item[1:]])
    cells = "".join("<tr>" + ("".join(f"<td>{c}</td>" for c in row) if len(row) > 1 else f'<td colspan="7">{row[0]}</td>')
                    + "</tr>" for row in rows)
    body = "<p><b>DAFTAR INFORMASI PUBLIK</b></p><p><b>BADAN KEPEGAWAIAN DAERAH PROVINSI BALI</b></p>"
    body += f'<table border="1">{cells}</table>'
    (work / "lo-dip-html.html").write_text(html_page(body), encoding="utf-8")
    jobs["lo-dip-html.html"] = ("lo-dip-html.docx", "docx")
    expect("lo-dip-html.docx", "dip", [rec(dip_fields(item, GROUPS[item[0]])) for item in DIP_ITEMS],
           how="DIP table as HTML, by LibreOffice")
    # a request list and a DIK as flat ODS
    header = ["Nama", "NIK", "Alamat", "Telepon", "Email", "Rincian Informasi", "Tujuan", "Cara Memperoleh", "Cara Salinan"]
    data = [[p[i]["nama"], p[i]["nik"], p[i]["alamat"], p[i]["telepon"], p[i]["email"], RINCIAN[i], TUJUAN[i],
             "Mendapatkan salinan", "Mengambil langsung"] for i in (1, 3)]
    (work / "lo-req-fods.fods").write_text(fods([["DAFTAR PERMOHONAN INFORMASI PUBLIK"], [], header, *data]), encoding="utf-8")
    jobs["lo-req-fods.fods"] = ("lo-req-fods.xlsx", "xlsx")
    expect("lo-req-fods.xlsx", "permohonan", [rec({**person_fields(i), "rincian_informasi": RINCIAN[i], "tujuan": TUJUAN[i]},
           {"cara_memperoleh": ["salinan"], "cara_salinan": ["mengambil_langsung"]}) for i in (1, 3)],
           how="request list as flat ODS, by LibreOffice")
    dik_rows = [["DAFTAR INFORMASI YANG DIKECUALIKAN"], ["No", "Informasi yang Dikecualikan", "Dasar Hukum",
                "Konsekuensi bila Dibuka", "Konsekuensi bila Ditutup", "Jangka Waktu Pengecualian"]]
    dik_rows += [[str(n), *item] for n, item in enumerate(DIK_ITEMS, 1)]
    (work / "lo-dik-fods.fods").write_text(fods(dik_rows), encoding="utf-8")
    jobs["lo-dik-fods.fods"] = ("lo-dik-fods.xlsx", "xlsx")
    expect("lo-dik-fods.xlsx", "dik", [rec(dik_fields(item)) for item in DIK_ITEMS], how="DIK as flat ODS, by LibreOffice")
    # formats people send instead of .docx/.xlsx
    (work / "fmt-odt.fodt").write_text(fodt(["FORMULIR PERMOHONAN INFORMASI PUBLIK"] + lines), encoding="utf-8")
    jobs["fmt-odt.fodt"] = ("fmt-odt-bernama.docx", "odt")
    expect("fmt-odt-bernama.docx", "permohonan", reason="OpenDocument", how=".odt renamed .docx")
    (work / "fmt-ods.fods").write_text(fods([header, *data]), encoding="utf-8")
    jobs["fmt-ods.fods"] = ("fmt-ods-bernama.xlsx", "ods")
    expect("fmt-ods-bernama.xlsx", "permohonan", reason="OpenDocument", how=".ods renamed .xlsx")
    (work / "fmt-doc.fodt").write_text(fodt(["FORMULIR PERMOHONAN INFORMASI PUBLIK"] + lines), encoding="utf-8")
    jobs["fmt-doc.fodt"] = ("fmt-word-lama.doc", "doc")
    expect("fmt-word-lama.doc", "permohonan", reason="Word lama", how="old Word .doc by LibreOffice")
    (work / "fmt-xls.fods").write_text(fods([header, *data]), encoding="utf-8")
    jobs["fmt-xls.fods"] = ("fmt-excel-lama.xls", "xls")
    expect("fmt-excel-lama.xls", "permohonan", reason="Excel lama", how="old Excel .xls by LibreOffice")
    return jobs


def fodt(lines: list[str]) -> str:
    def para(line: str) -> str:
        parts = line.replace("&", "&amp;").replace("<", "&lt;").split("\t")
        return "<text:p>" + "<text:tab/>".join(parts) + "</text:p>"
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
            + "".join(para(line) for line in lines) + "</office:text></office:body></office:document>")


def fods(rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        value = str(value).replace("&", "&amp;").replace("<", "&lt;")
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + ("".join(cell(v) for v in row) or "<table:table-cell/>") + "</table:table-row>"
                   for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
            f'<table:table table:name="Sheet1">{body}</table:table></office:spreadsheet></office:body></office:document>')


_FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML", "odt": "odt", "ods": "ods",
            "doc": "doc:MS Word 97", "xls": "xls:MS Excel 97"}


def libreoffice_forms() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to write the corpus")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs = lo_sources(work)
        profile = f"-env:UserInstallation=file://{work}/profile"
        for source, (target, fmt) in jobs.items():
            command = [soffice, profile, "--headless", "--norestore", "--convert-to", _FILTERS[fmt], "--outdir",
                       str(work / "out")]
            if source.endswith(".html"):
                command.insert(3, "--infilter=HTML (StarWriter)")
            subprocess.run(command + [str(work / source)], check=True, capture_output=True, timeout=180)
            produced = work / "out" / (Path(source).stem + "." + fmt)
            shutil.copyfile(produced, OUT / target)


def other_formats() -> None:
    lines = ["Nama;NIK;Alamat;Rincian Informasi;Tujuan", f"{PEOPLE[0]['nama']};{PEOPLE[0]['nik']};Denpasar;Data;Penelitian"]
    (OUT / "fmt-csv-bernama.xlsx").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expect("fmt-csv-bernama.xlsx", "permohonan", reason="CSV", how="CSV named .xlsx")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Nama", "NIK", "Alamat"])
    writer.writerow([PEOPLE[1]["nama"], PEOPLE[1]["nik"], PEOPLE[1]["alamat"]])
    (OUT / "fmt-csv.csv").write_text(buffer.getvalue(), encoding="utf-8")
    expect("fmt-csv.csv", "permohonan", reason="CSV", how="a .csv")
    body = "<p><b>FORMULIR PERMOHONAN INFORMASI PUBLIK</b></p>" + html_table(request_rows(4))
    (OUT / "fmt-html-sebagai.doc").write_text(html_page(body), encoding="utf-8")
    expect("fmt-html-sebagai.doc", "permohonan", reason="HTML", how="a web page saved as .doc")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"batas\"\r\n\r\n--batas\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n" + html_page(body) + "\r\n--batas--\r\n")
    (OUT / "fmt-mht-sebagai.doc").write_text(mht, encoding="utf-8")
    expect("fmt-mht-sebagai.doc", "permohonan", reason="MHT", how="a single-file web page saved as .doc")
    (OUT / "fmt-teks-biasa.docx").write_text("Nama: Budi\nAlamat: Denpasar\nInformasi: data anggaran\n", encoding="utf-8")
    expect("fmt-teks-biasa.docx", "permohonan", reason="teks biasa", how="plain text named .docx")
    (OUT / "fmt-foto.docx").write_bytes((HERE / "permohonan-dengan-lampiran.ktp.jpg").read_bytes())
    expect("fmt-foto.docx", "permohonan", reason="gambar", how="a photo named .docx")


def main() -> None:
    for old in OUT.iterdir():  # everything but this script is written anew
        if old.is_file() and old.suffix != ".py":
            old.unlink()
    requests_docx()
    objections_docx()
    answers_docx()
    lists_docx()
    requests_xlsx()
    objections_xlsx()
    answers_xlsx()
    lists_xlsx()
    more_variants()
    more_lists_and_answers()
    other_formats()
    libreoffice_forms()
    (OUT / "expected.json").write_text(json.dumps(MANIFEST, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(MANIFEST)} forms in {OUT}")


if __name__ == "__main__":
    main()
