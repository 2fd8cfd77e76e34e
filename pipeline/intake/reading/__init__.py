"""Read filled-in PPID forms (Word .docx and Excel .xlsx) into plain records.

The reader recognises a form by what it says (title and field labels), never by its file name:
offices circulate many variants of the same forms (the 2010 and the post-2021 request form, tables
with two or three columns, "Label : value" paragraphs, fillable forms with content controls), and
applicants mark their choices by ticking, crossing or striking out options.

Everything an officer has to read is in Indonesian; code and comments are in English.

Modules: `model` (the public types), `container` (file and zip safety, limits, refusal reasons naming the
format), `text` (normalisation, label rules, reading profiles), `choices` (options, marks, reading a choice),
`docx` (the Word document model), `entries` (the field scanner), `records` (records from entries: values with
where they were read, the applicant settled, values for the officer), `kinds` (which form),
`columns` (DIP/DIK column lists), `word` and `xlsx` (a file into a FormDocument), `attachments`.

What every record carries besides `fields` and `choices` (issue 12):
- `sources`: for every field and choice key, where it was read, in Indonesian for the officer:
  "tabel 1, baris 3, kolom 2", "paragraf 14", "paragraf 5, kontrol isian 'Nama'", "kotak teks 2",
  "kepala halaman, paragraf 1", "sel C5".
- `weak`: notes on values read by a weaker rule (a choice marked by bold, underline, highlight or colour
  instead of a tick, by a tick bullet or a circle drawn around it; a value in a text box on its label's
  line; a date from a form service's time stamp). They do not stop filing; they are shown on the case.
- `unplaced`: notes on values the reader found but could not place (text boxes it cannot assign, one field
  filled twice with different values, filled lines under unknown labels while a needed field is missing, a
  drawn circle over several options). Such a record goes to the officer, never back to the applicant.
- `notes`: problems the sender must fix (two marks on a pick-one choice, named; all options struck; an
  answer that is no option). Validation returns them as problems.
- `part`: 1, 2, ... when one Word document holds several forms (None otherwise); `row` for a workbook row.
`FormDocument.notes`: document-level remarks (example rows "Contoh", instruction sheets, repeated header
rows skipped).

Applicant keys (requests and objections): `nama` is the applicant, a person or an organisation; for an
organisation also `penanggung_jawab` (the person acting for it, from "Nama Penanggung Jawab", "Ketua", or
the plain "Nama" when the organisation has its own row), `jabatan`, `nomor_sk` (SK Kemenkumham/AHU, akta)
and `jenis_pemohon` = "organisasi" ("perorangan" only when ticked so); choice `jenis_pemohon` when the
form asks. `tanggal` is the date as written (the place-and-date line, a "Tanggal" field, or a form
service's "Timestamp"/"Cap waktu" column written as "18 November 2026"), `tempat` the place.

Keys returned besides the request keys of docs/contracts.md (best effort until later issues settle them):
- keberatan: `nomor_registrasi_keberatan`, `kasus_posisi`, `tanggal_tanggapan`, and in the proxy section
  (or from columns such as "Alamat Kuasa Pemohon") `nama_kuasa`, `alamat_kuasa`, `telepon_kuasa`,
  `email_kuasa`; choice `alasan` with options "a".."g" (UU KIP Pasal 35(1)), marked on the printed
  reasons or written as letters ("a, c", the Excel form's way).
- dip: `no`, `ringkasan_isi`, `penguasa_informasi`, `penanggung_jawab`, `waktu_tempat`, `bentuk_informasi`,
  `retensi`, `keterangan`, and from columns some lists carry, `kategori` ("Kategori Informasi": berkala /
  serta merta / setiap saat) and `opd` ("PPID Pelaksana", "Perangkat Daerah", "OPD"); dik: `no`,
  `informasi`, `dasar_hukum`, `konsekuensi_dibuka`, `konsekuensi_ditutup`, `jangka_waktu`, `pejabat`,
  `keterangan`; both: `kelompok` (the group row above, e.g. "A. Informasi ... Berkala"). One record per
  item. `FormDocument.title` keeps the title lines above the list (rows above the Excel header, paragraphs
  before the Word table), as written, e.g. "DAFTAR INFORMASI PUBLIK DINAS PERHUBUNGAN PROVINSI BALI", so
  `pipeline.intake.lists.opd_of` can tell which OPD submitted the list.
- jawaban (the PPID Pelaksana's answer sheet, one answer per docx or per xlsx row): `nomor_pendaftaran`,
  `dikuasai_oleh`, `halaman`, `tarif`, `biaya_kirim`, `biaya_lain`, `waktu_hari`, `penghitaman`, `pasal17`,
  `dasar_lain`, `konsekuensi`, `alasan` (a text here: the reason for an extension), `kapan_tersedia`,
  `tanggal`, `pejabat`; choice `keputusan` with options `diberikan`, `sebagian`, `ditolak`,
  `tidak-dikuasai`, `belum-didokumentasikan`, `perpanjangan`, and choice `bentuk` with options
  `softcopy`, `hardcopy`. Its labels are read with their own rules (`_ANSWER_LABEL_RULES`), consulted
  before the common ones only on an answer sheet, so request and objection forms read as before.

Security: the files come from the public. The container is checked before any XML parser sees it
(size, zip bomb, password, macros, DTD declarations), XML is parsed with entity resolution and
network access disabled, and nothing is ever extracted to disk.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.intake.reading.attachments import attach_sibling_files, looks_like_attachment, sibling_attachments
from pipeline.intake.reading.container import (
    MSG_NOT_OFFICE,
    check_zip_safety,
    is_excel_part,
    is_word_part,
    main_part,
    open_zip,
    read_file_bytes,
    refuse_macro_suffix,
    refuse_opendocument,
    refuse_other_formats,
)
from pipeline.intake.reading.model import Attachment, FormDocument, FormRecord, UnreadableForm
from pipeline.intake.reading.word import read_docx
from pipeline.intake.reading.xlsx import read_xlsx

__all__ = [
    "read_form", "FormDocument", "FormRecord", "Attachment", "UnreadableForm", "sibling_attachments",
    "looks_like_attachment",
]


def read_form(path: Path) -> FormDocument:
    """Read one form file. Raises UnreadableForm with an Indonesian reason."""
    path = Path(path)
    data = read_file_bytes(path)
    refuse_macro_suffix(path)
    refuse_other_formats(data)
    package = open_zip(data)
    with package:
        check_zip_safety(package)
        refuse_opendocument(package)
        part = main_part(package)
        if is_word_part(part):
            document = read_docx(package, part)
            attach_sibling_files(document, path)
        elif is_excel_part(part):
            document = read_xlsx(data)
        else:
            raise UnreadableForm(MSG_NOT_OFFICE)
    return document
