"""Read filled-in PPID forms (Word .docx and Excel .xlsx) into plain records.

The reader recognises a form by what it says (title and field labels), never by its file name:
offices circulate many variants of the same forms (the 2010 and the post-2021 request form, tables
with two or three columns, "Label : value" paragraphs, fillable forms with content controls), and
applicants mark their choices by ticking, crossing or striking out options.

Everything an officer has to read is in Indonesian; code and comments are in English.

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

import io
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from lxml import etree

__all__ = ["UnreadableForm", "Attachment", "FormRecord", "FormDocument", "read_form"]


# --------------------------------------------------------------------------------------------------
# Public types (docs/contracts.md)
# --------------------------------------------------------------------------------------------------


class UnreadableForm(Exception):
    """The file cannot be read as a form; str(exc) is an Indonesian reason for the officer."""


@dataclass
class Attachment:
    name: str  # e.g. "ktp.jpg" (never derived from personal data)
    data: bytes
    role: str  # "identitas" (ID copy) | "surat_kuasa" | "lampiran"


@dataclass
class FormRecord:
    fields: dict[str, str]  # canonical key -> stripped text; missing/blank keys absent
    choices: dict[str, list[str]]  # canonical choice key -> ticked option keys, in form order
    row: int | None = None  # xlsx: Excel row number (header is row 1); docx: None
    attachments: list[Attachment] = field(default_factory=list)
    # Reader remarks (Indonesian), e.g. ambiguous ticks. Validation returns every note to the applicant
    # as a problem, so a note is only written when a person must look; notes never quote personal data.
    notes: list[str] = field(default_factory=list)


@dataclass
class FormDocument:
    kind: str  # "permohonan" | "keberatan" | "jawaban" | "dip" | "dik"
    layout: str  # "docx-table" | "docx-paragraph" | "xlsx-rows" (informational)
    records: list[FormRecord]
    # DIP/DIK lists only: the non-empty title lines above the list, as written (others: empty).
    title: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Limits and messages
# --------------------------------------------------------------------------------------------------

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Tiny parts (an XML file full of repeated empty cells) legitimately compress more than 100:1;
# the ratio only matters once the content is big enough to hurt.
RATIO_CHECK_FLOOR_BYTES = 1024 * 1024
MAX_ZIP_ENTRIES = 5000
MAX_SIBLING_BYTES = 20 * 1024 * 1024

MSG_NOT_FOUND = "Berkas tidak ditemukan atau tidak dapat dibuka."
MSG_EMPTY = "Berkas kosong (0 byte)."
MSG_TOO_BIG = "Berkas terlalu besar (lebih dari 50 MB)."
MSG_BROKEN = "Berkas rusak atau bukan dokumen Word/Excel."
MSG_PASSWORD = "Berkas terkunci dengan kata sandi; simpan ulang tanpa kata sandi."
MSG_LEGACY = "Berkas berformat Word/Excel lama (.doc/.xls); simpan ulang sebagai .docx atau .xlsx."
MSG_MACRO = (
    "Berkas berisi makro (.docm/.xlsm/VBA) dan tidak diproses demi keamanan; "
    "simpan ulang sebagai .docx atau .xlsx biasa."
)
MSG_BOMB = (
    "Isi berkas terlalu besar setelah diekstrak (lebih dari 50 MB atau rasio kompresi tidak wajar); "
    "berkas tidak diproses demi keamanan."
)
MSG_DTD = (
    "Berkas berisi deklarasi XML (DOCTYPE/ENTITY) yang tidak lazim pada dokumen Word/Excel; "
    "berkas tidak diproses demi keamanan."
)
MSG_PDF = "Berkas PDF tidak dapat dibaca sebagai formulir; kirimkan formulir dalam bentuk .docx atau .xlsx."
MSG_RTF = "Berkas berformat RTF; simpan ulang sebagai .docx."
MSG_NOT_OFFICE = "Berkas ZIP ini bukan dokumen Word (.docx) atau Excel (.xlsx)."
MSG_NOT_FORM = (
    "Berkas ini bukan formulir yang dikenali: tidak ditemukan judul atau isian formulir permohonan "
    "informasi, keberatan, Daftar Informasi Publik, Daftar Informasi yang Dikecualikan, "
    "atau lembar jawaban."
)

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm", ".xltm", ".xlam"}


# --------------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------------


def read_form(path: Path) -> FormDocument:
    """Read one form file. Raises UnreadableForm with an Indonesian reason."""
    path = Path(path)
    data = _read_file_bytes(path)
    _refuse_macro_suffix(path)
    _refuse_other_formats(data)
    package = _open_zip(data)
    with package:
        _check_zip_safety(package)
        main_part = _main_part(package)
        if _is_word_part(main_part):
            document = _read_docx(package, main_part)
            _attach_sibling_files(document, path)
        elif _is_excel_part(main_part):
            document = _read_xlsx(data)
        else:
            raise UnreadableForm(MSG_NOT_OFFICE)
    return document


# --------------------------------------------------------------------------------------------------
# Container checks: everything here runs before any XML is parsed
# --------------------------------------------------------------------------------------------------


def _read_file_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnreadableForm(MSG_NOT_FOUND)
    except OSError:
        raise UnreadableForm(MSG_NOT_FOUND) from None
    if size == 0:
        raise UnreadableForm(MSG_EMPTY)
    if size > MAX_FILE_BYTES:
        raise UnreadableForm(MSG_TOO_BIG)
    try:
        return path.read_bytes()
    except OSError:
        raise UnreadableForm(MSG_NOT_FOUND) from None


def _refuse_macro_suffix(path: Path) -> None:
    if path.suffix.lower() in _MACRO_SUFFIXES:
        raise UnreadableForm(MSG_MACRO)


def _refuse_other_formats(data: bytes) -> None:
    """Give a specific reason for the usual non-OOXML files people send instead of a form."""
    if data.startswith(_OLE2_MAGIC):
        # Office wraps a password-protected .docx/.xlsx in an OLE2 file holding "EncryptedPackage";
        # any other OLE2 file is a legacy .doc/.xls.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableForm(MSG_PASSWORD)
        raise UnreadableForm(MSG_LEGACY)
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        raise UnreadableForm(MSG_PDF)
    if head.startswith(b"{\\rtf"):
        raise UnreadableForm(MSG_RTF)


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise UnreadableForm(MSG_BROKEN) from None


def _check_zip_safety(package: zipfile.ZipFile) -> None:
    infos = package.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableForm(MSG_BOMB)
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnreadableForm(MSG_PASSWORD)
    _refuse_zip_bomb(infos)
    names = {info.filename for info in infos}
    if any(PurePosixPath(name).name.lower() == "vbaproject.bin" for name in names):
        raise UnreadableForm(MSG_MACRO)
    if "[Content_Types].xml" in names and b"macroEnabled" in _read_part(package, "[Content_Types].xml"):
        raise UnreadableForm(MSG_MACRO)
    _refuse_dtd_declarations(package, infos)


def _refuse_zip_bomb(infos: list[zipfile.ZipInfo]) -> None:
    uncompressed = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos)
    if uncompressed > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableForm(MSG_BOMB)
    if uncompressed > RATIO_CHECK_FLOOR_BYTES and uncompressed > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise UnreadableForm(MSG_BOMB)


_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def _refuse_dtd_declarations(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """OOXML never needs a DTD; refusing any keeps entity tricks away from every parser used later
    (openpyxl parses worksheets with the standard library's expat, not with our safe lxml parser).
    Markup inside text is always escaped in OOXML, so a plain byte search has no false alarms."""
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        content = _read_part(package, info.filename)
        if any(marker in content for marker in _DTD_MARKERS):
            raise UnreadableForm(MSG_DTD)


def _read_part(package: zipfile.ZipFile, name: str) -> bytes:
    try:
        return package.read(name)
    except KeyError:
        raise UnreadableForm(MSG_BROKEN) from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError, RuntimeError):
        # A damaged stream or CRC (BadZipFile, zlib.error), an unknown compression method
        # (NotImplementedError) or an encrypted entry (RuntimeError).
        raise UnreadableForm(MSG_BROKEN) from None


_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def _parse_part(package: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(_read_part(package, name), parser=_SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise UnreadableForm(MSG_BROKEN) from None


_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT_REL = "/officeDocument"


def _main_part(package: zipfile.ZipFile) -> str:
    """The main part named by _rels/.rels (word/document.xml or xl/workbook.xml in practice)."""
    names = set(package.namelist())
    if "_rels/.rels" in names:
        for rel in _parse_part(package, "_rels/.rels"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT_REL) and rel.get("TargetMode") != "External":
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    for fallback in ("word/document.xml", "xl/workbook.xml"):
        if fallback in names:
            return fallback
    raise UnreadableForm(MSG_NOT_OFFICE)


def _is_word_part(name: str) -> bool:
    return name.startswith("word/")


def _is_excel_part(name: str) -> bool:
    return name.startswith("xl/")


def _relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """rId -> package path of internal targets of one part (external links are never followed)."""
    part_path = PurePosixPath(part)
    rels_name = str(part_path.parent / "_rels" / (part_path.name + ".rels"))
    if rels_name not in package.namelist():
        return {}
    targets: dict[str, str] = {}
    for rel in _parse_part(package, rels_name):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else _join_posix(part_path.parent, target)
        targets[rel.get("Id", "")] = resolved
    return targets


def _join_posix(base: PurePosixPath, target: str) -> str:
    parts: list[str] = [p for p in base.parts if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


# --------------------------------------------------------------------------------------------------
# Text normalisation shared by labels, options and values
# --------------------------------------------------------------------------------------------------

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LEADING_NUMBERING = re.compile(r"^\s*(?:(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\s*[.)]\s*)+")
_DOT_LEADERS = re.compile(r"\.{3,}|…+|_{3,}")
_WS = re.compile(r"[ \t\u00a0\u2002-\u200b]+")


def _normalise_label(text: str) -> str:
    """Lower-case a printed label and drop what varies between forms: numbering, hints in brackets,
    footnote stars, colons, dot leaders and spelling variants (No./Nomor, Telp/Telepon, E-mail/Email)."""
    label = _BRACKETED.sub(" ", text)
    label = _DOT_LEADERS.sub(" ", label).replace("*", " ").replace("\n", " ")
    label = _LEADING_NUMBERING.sub("", label)
    label = label.lower().replace("：", ":").replace(":", " ")
    label = re.sub(r"e\s*-\s*mail", "email", label)
    label = re.sub(r"\bno\b\.?", "nomor", label)
    label = re.sub(r"\b(?:telp|tlp|telpon|tel)\b\.?", "telepon", label)
    label = re.sub(r"\bhandphone\b|\bhand phone\b", "hp", label)
    label = _WS.sub(" ", label)
    return label.strip(" .,;-/")


_LABEL_RULES: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(pattern))
    for key, pattern in [
        # Officer-only and irrelevant labels first, so that their words do not trigger the rules below.
        (
            "_ignore",
            r"lahir|tanda tangan|paraf|diterima|penerimaan|fotokopi|fotocopy|^lampiran|^nomor$|^nomor urut$|^urut$"
            r"|^hal$|^perihal$",
        ),
        ("nomor_registrasi_keberatan", r"registrasi.*keberatan|keberatan.*registrasi"),
        ("tanggal_tanggapan", r"tanggapan"),
        ("tempat_tanggal", r"tempat.*tanggal"),
        ("tanggal", r"tanggal|^hari\b"),
        ("nomor_pendaftaran", r"pendaftaran|registrasi|nomor (?:permohonan|formulir|agenda)"),
        (
            "opd_tujuan",
            r"\bopd\b|ppid pelaksana|perangkat daerah|badan publik|ditujukan|menguasai informasi|pemilik informasi",
        ),
        ("nama_kuasa", r"\bnama\b.*\bkuasa\b|\bkuasa\b.*\bnama\b|^kuasa(?: pemohon)?$"),
        # The proxy's other columns in a list ("Alamat Kuasa Pemohon"); on a Word form they sit under the
        # "Identitas Kuasa Pemohon" heading as plain "Alamat"/"Nomor Telepon" (see _FieldScanner._start).
        ("alamat_kuasa", r"alamat.*\bkuasa\b|\bkuasa\b.*alamat"),
        (
            "telepon_kuasa",
            r"(?:telepon|\bhp\b|ponsel|whatsapp|\bwa\b).*\bkuasa\b"
            r"|\bkuasa\b.*(?:telepon|\bhp\b|ponsel|whatsapp|\bwa\b)",
        ),
        ("email_kuasa", r"(?:email|surel).*\bkuasa\b|\bkuasa\b.*(?:email|surel)"),
        (
            "nik_atau_sk",
            r"(?:\bnik\b|\bktp\b|kependudukan).*(?:\bsk\b|badan hukum)|(?:\bsk\b|badan hukum).*(?:\bnik\b|\bktp\b)",
        ),
        ("nomor_sk", r"\bsk\b|badan hukum|akta pendirian"),
        ("nik", r"\bnik\b|induk kependudukan|\bktp\b|kartu tanda penduduk|nomor identitas"),
        (
            "telepon_email",
            r"(?:telepon|\bhp\b|ponsel|\bwa\b|whatsapp).*(?:email|surel)|(?:email|surel).*(?:telepon|\bhp\b|ponsel)",
        ),
        ("email", r"email|surel|surat elektronik"),
        ("telepon", r"telepon|\bhp\b|ponsel|whatsapp|\bwa\b|kontak"),
        ("alamat", r"alamat|domisili"),
        ("pekerjaan", r"pekerjaan|profesi"),
        ("cara_salinan", r"cara.*(?:salinan|kirim|pengiriman|penyampaian)"),
        ("cara_memperoleh", r"cara.*(?:memperoleh|mendapatkan|mengakses|akses)"),
        ("tujuan", r"tujuan|kegunaan|maksud penggunaan"),
        (
            "rincian_informasi",
            r"informasi yang|(?:rincian|ringkasan|uraian|jenis|judul) informasi"
            r"|data yang (?:dibutuhkan|diminta|dimohon)|informasi (?:dibutuhkan|diminta|dimohon)",
        ),
        ("kasus_posisi", r"kasus posisi"),
        ("alasan", r"alasan"),
        ("tempat", r"^tempat"),
        ("nama", r"\bnama\b"),
    ]
]

_MAX_LABEL_CHARS = 80
_MAX_LABEL_WORDS = 10

# Labels whose presence makes a document look like a request form.
_REQUEST_LABELS = {
    "nama", "nik", "nomor_sk", "nik_atau_sk", "alamat", "pekerjaan", "telepon", "email", "telepon_email",
    "rincian_informasi", "tujuan", "cara_memperoleh", "cara_salinan",
}  # fmt: skip
_CHOICE_KEYS = {"cara_memperoleh", "cara_salinan", "alasan"}
# Values that may run over several paragraphs; other values are one line.
_MULTILINE_KEYS = {"alamat", "rincian_informasi", "tujuan", "kasus_posisi"}
# A labelled line with one of these keys closes the "kuasa" (proxy) section of an objection form.
_SECTION_RESET_KEYS = {"alasan", "kasus_posisi", "rincian_informasi", "cara_memperoleh", "cara_salinan", "tujuan"}


# The answer sheet (lembar jawaban) of a PPID Pelaksana. Its labels share words with the request's
# ("Informasi dikuasai oleh (bila Badan Publik lain)" is not the request's opd_tujuan, "Alasan perpanjangan"
# is a text, not the objection's a-g choice), so these rules are consulted first, and only on answer sheets.
_ANSWER_LABEL_RULES: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(pattern))
    for key, pattern in [
        (
            "_ignore",
            r"lembar jawaban|^diisi\b|tanda tangan|paraf|^ppid\b|^nip\b|stempel|^cap\b|^lampiran"
            r"|pejabat pengelola informasi|tanggal (?:permohonan|diterima|penerimaan|surat penerusan)"
            r"|^total\b|jumlah biaya|^nomor$|^nomor urut$",
        ),
        ("nomor_pendaftaran", r"pendaftaran|registrasi|nomor (?:permohonan|agenda)"),
        ("kapan_tersedia", r"kapan|akan (?:tersedia|didokumentasikan|dikuasai)|perkiraan (?:waktu|tanggal)"),
        ("tempat_tanggal", r"tempat.*tanggal"),
        ("tanggal", r"tanggal|^hari\b"),
        ("pejabat", r"nama pejabat|pejabat yang|yang menjawab|penjawab|^pejabat$"),
        ("alasan", r"alasan"),
        ("penghitaman", r"hitam|kabur|samar|penghitaman|pengaburan"),
        ("pasal17", r"pasal 17|dasar pengecualian|\bkip\b"),
        ("dasar_lain", r"dasar hukum|undang-undang|peraturan lain"),
        ("konsekuensi", r"konsekuensi"),
        ("dikuasai_oleh", r"dikuasai oleh|badan publik|menguasai informasi|penguasa informasi"),
        ("biaya_lain", r"biaya lain"),
        ("biaya_kirim", r"pengiriman|biaya kirim|ongkos kirim"),
        ("tarif", r"penyalinan|per halaman|per lembar|tarif|biaya (?:salin|fotokopi|penggandaan|cetak)"),
        ("halaman", r"halaman|jumlah lembar"),
        ("waktu_hari", r"waktu penyediaan|lama penyediaan|jangka waktu|hari kerja"),
        ("keputusan", r"keputusan|^jawaban\b|hasil jawaban"),
        ("bentuk", r"bentuk|format"),
    ]
]


@dataclass(frozen=True)
class _Profile:
    """How one kind of form is read: its own label rules (consulted before the common ones), which keys
    are choices, which values may span paragraphs, printed labels that go on after a colon, and whether
    lettered or upper-case lines are sub-headings (never bare labels, and the end of a choice)."""

    rules: tuple[tuple[str, re.Pattern[str]], ...] = ()
    choice_keys: frozenset[str] = frozenset(_CHOICE_KEYS)
    multiline_keys: frozenset[str] = frozenset(_MULTILINE_KEYS)
    label_tails: tuple[tuple[str, re.Pattern[str]], ...] = ()
    headings: bool = False


_DEFAULT_PROFILE = _Profile()
_ANSWER_PROFILE = _Profile(
    rules=tuple(_ANSWER_LABEL_RULES),
    choice_keys=frozenset({"keputusan", "bentuk", "cara_memperoleh", "cara_salinan"}),
    multiline_keys=frozenset(_MULTILINE_KEYS | {"penghitaman", "konsekuensi", "alasan", "dasar_lain"}),
    # "Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka" is one printed label with a colon inside.
    label_tails=(("pasal17", re.compile(r"pasal 17(?:[ ,/]+(?:uu|undang-undang|kip|huruf|dan|atau|angka|ayat))*")),),
    headings=True,
)
_PROFILES = {"jawaban": _ANSWER_PROFILE}


def _profile_for(kind: str | None) -> _Profile:
    return _PROFILES.get(kind or "", _DEFAULT_PROFILE)


def _label_key(text: str, profile: _Profile = _DEFAULT_PROFILE) -> str | None:
    """Canonical key for a printed label, or None when the text is not a known label."""
    label = _normalise_label(text)
    if not label or len(label) > _MAX_LABEL_CHARS or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    for key, pattern in (*profile.rules, *_LABEL_RULES):
        if pattern.search(label):
            return key
    return None


def _clean_line(text: str) -> str:
    text = _DOT_LEADERS.sub(" ", text.replace("\t", " "))
    return _WS.sub(" ", text).strip()


def _is_hint_only(text: str) -> bool:
    """A line that is only a printed hint such as "(tambahkan kertas bila perlu)"."""
    stripped = text.strip()
    return bool(stripped) and not _BRACKETED.sub("", stripped).strip(" .:*")


def _is_blank_value(text: str) -> bool:
    return not re.sub(r"[-–—.:\s]", "", text)


# --------------------------------------------------------------------------------------------------
# Choice options and tick marks
# --------------------------------------------------------------------------------------------------

_CHOICE_OPTIONS: dict[str, list[tuple[str, str]]] = {
    "cara_memperoleh": [
        ("melihat", r"melihat|membaca|mendengarkan|mencatat"),
        ("salinan", r"salinan|hard\s*-?\s*copy|soft\s*-?\s*copy|foto\s*-?\s*kopi|fotocopy"),
    ],
    "cara_salinan": [
        ("mengambil_langsung", r"mengambil\s+(?:sendiri|langsung)|ambil\s+langsung|diambil|langsung"),
        ("kurir", r"kurir|ekspedisi"),
        ("pos", r"\bpos\b"),
        ("faksimili", r"faksimil[ie]|facsimile|\bfax\b|\bfaks\b"),
        ("email", r"e\s*-?\s*mail|surel|surat elektronik"),
        ("whatsapp", r"whats\s*app|\bwa\b"),
    ],
    # UU KIP Pasal 35(1) a-g, as printed on objection forms.
    "alasan": [
        ("a", r"ditolak"),
        ("b", r"berkala"),
        ("c", r"tidak\s+ditanggapi"),
        ("d", r"tidak\s+sebagaimana"),
        ("e", r"tidak\s+dipenuhi"),
        ("f", r"biaya"),
        ("g", r"melebihi|jangka\s+waktu"),
    ],
    # Answer sheet: the PPID Pelaksana's decision (UU KIP Pasal 22(7)) and the form of the information.
    "keputusan": [
        ("sebagian", r"(?:diberikan\s+)?sebagian"),
        ("diberikan", r"(?:diberikan\s+)?seluruh(?:nya)?|\bdiberikan\b|dikabulkan"),
        ("ditolak", r"ditolak|penolakan|dikecualikan"),
        ("tidak-dikuasai", r"(?:belum|tidak)(?:\s*/\s*(?:belum|tidak))?[\s-]+(?:di)?kuasai|tidak\s+menguasai"),
        ("belum-didokumentasikan", r"(?:belum|tidak)[\s-]+didokumentasikan"),
        ("perpanjangan", r"perpanjang(?:an)?|diperpanjang"),
    ],
    "bentuk": [
        ("softcopy", r"soft\s*-?\s*copy|elektronik|digital"),
        ("hardcopy", r"hard\s*-?\s*copy|cetak|foto\s*-?\s*kopi|fotocopy"),
    ],
}
_OPTION_PATTERNS = {
    key: [(option, re.compile(pattern, re.IGNORECASE)) for option, pattern in options]
    for key, options in _CHOICE_OPTIONS.items()
}
# How many distinct options an unmarked value must list to be the printed list rather than an answer.
_PRINTED_LIST_MINIMUM = {"cara_memperoleh": 2, "cara_salinan": 3, "alasan": 3, "keputusan": 3, "bentuk": 2}

_TICK_CHARS = "☑☒✓✔√✗✘⊠■✅🗹"
_BOX_CHARS = "☐□❏◻○"
_MARK_RE = re.compile(
    rf"(?P<tick>[{_TICK_CHARS}]|[\[(]\s*[xXvV✓✔√]\s*[\])]|(?<![\w/])[xXvV](?![\w.]))"
    rf"|(?P<box>[{_BOX_CHARS}]|\[\s*\]|\(\s*\))"
)
# Printed instructions inside a choice value ("(beri tanda √)") must not count as a tick.
_INSTRUCTION_RE = re.compile(
    r"\([^()]*(?:tanda|coret|pilih|centang|lingkari|salah satu)[^()]*\)", re.IGNORECASE
)

# Symbol fonts: Word's "Insert symbol" stores a private-use code point plus the font name.
_SYMBOL_FONT_GLYPHS = {
    "wingdings": {0xFE: "☑", 0xFD: "☒", 0xFC: "✓", 0xFB: "✗", 0xA8: "☐", 0x6F: "☐", 0x78: "☒"},
    "wingdings 2": {0x52: "☑", 0x53: "☒", 0x54: "☒", 0x50: "✓", 0x4F: "✗", 0xA3: "☐", 0x2A: "☐"},
    "symbol": {0xD6: "√"},
}


def _symbol_glyph(font: str | None, code: int) -> str:
    glyphs = _SYMBOL_FONT_GLYPHS.get((font or "").strip().lower())
    if glyphs is None:
        return chr(code) if code < 0xE000 or code > 0xF8FF else ""
    return glyphs.get(code & 0xFF, "")


def _has_option(choice_key: str, text: str) -> bool:
    masked = _INSTRUCTION_RE.sub(" ", text)
    return any(pattern.search(masked) for _, pattern in _OPTION_PATTERNS[choice_key])


def _is_marker_only(text: str) -> bool:
    rest = _MARK_RE.sub("", _INSTRUCTION_RE.sub("", text))
    return text.strip() != "" and not re.sub(r"[\W_]", "", _LEADING_NUMBERING.sub("", rest))


# --------------------------------------------------------------------------------------------------
# Word document model: paragraphs with per-character strike flags
# --------------------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC, W_SDT = (_w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt"))
W_SDT_CONTENT, W_SDT_PR, W_BODY, W_TXBX = (_w(t) for t in ("sdtContent", "sdtPr", "body", "txbxContent"))
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
_FALSE_VALUES = {"0", "false", "off", "none"}
# Inline elements whose text is not visible: deletions (tracked changes), field codes, paragraph marks.
_INVISIBLE_INLINE = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr"), _w("instrText"), _w("delText"), MC_FALLBACK}
# Elements that only wrap rows, cells or blocks.
_WRAPPERS = {W_SDT, W_SDT_CONTENT, _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")}


@dataclass(frozen=True)
class _Para:
    """One paragraph (or one joined table row) of visible text."""

    text: str = ""
    struck: tuple[bool, ...] = ()  # one flag per character of text
    images: tuple[str, ...] = ()  # relationship ids of pictures anchored here

    def slice(self, start: int, end: int | None = None) -> _Para:
        return _Para(self.text[start:end], self.struck[start:end])

    @staticmethod
    def join(parts: Iterable[_Para], separator: str = "\t") -> _Para:
        text, struck, images = "", (), ()
        for index, part in enumerate(parts):
            if index:
                text += separator
                struck += (False,) * len(separator)
            text += part.text
            struck += part.struck
            images += part.images
        return _Para(text, struck, images)


class _ParagraphBuilder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.struck: list[bool] = []
        self.images: list[str] = []
        self.text_boxes: list[etree._Element] = []

    def add(self, text: str, struck: bool) -> None:
        self.chars.append(text)
        self.struck.extend([struck] * len(text))

    def build(self) -> _Para:
        return _Para("".join(self.chars), tuple(self.struck), tuple(self.images))


@dataclass
class _Row:
    cells: list[list[_Para]]


class _Break:
    """Marks the start or end of a table or text box: a value never continues across it."""


_BREAK = _Break()
_Block = _Para | _Row | _Break


def _on_off(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    value = element.get(_w("val"))
    return value is None or value.lower() not in _FALSE_VALUES


def _strike_of_rpr(rpr: etree._Element | None) -> bool | None:
    """True/False when run properties set strike or double strike, None when they say nothing."""
    if rpr is None:
        return None
    flags = [_on_off(rpr.find(_w("strike"))), _on_off(rpr.find(_w("dstrike")))]
    present = [flag for flag in flags if flag is not None]
    return any(present) if present else None


class _StrikeStyles:
    """Which paragraph and character styles strike their text (people define "Coret" styles)."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self._own: dict[str, bool | None] = {}
        self._based_on: dict[str, str] = {}
        if styles_root is None:
            return
        for style in styles_root.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            self._own[style_id] = _strike_of_rpr(style.find(_w("rPr")))
            based = style.find(_w("basedOn"))
            if based is not None:
                self._based_on[style_id] = based.get(_w("val"), "")

    def strikes(self, style_id: str | None) -> bool | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            own = self._own.get(style_id)
            if own is not None:
                return own
            style_id = self._based_on.get(style_id)
        return None


class _DocxReader:
    """Walks document.xml in order and yields paragraphs, table rows and breaks."""

    def __init__(self, styles: _StrikeStyles) -> None:
        self.styles = styles

    # ---- blocks ---------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[_Block]:
        for child in container:
            if child.tag == W_P:
                yield from self._paragraph_blocks(child)
            elif child.tag == W_TBL:
                yield from self._table_blocks(child)
            elif child.tag == W_SDT:
                if not self._shows_placeholder(child):
                    yield from self.blocks(_sdt_content(child))
            elif child.tag in _WRAPPERS:
                yield from self.blocks(child)
            elif child.tag == MC_ALTERNATE:
                yield from self.blocks(_alternate_choice(child))

    def _paragraph_blocks(self, p: etree._Element) -> Iterator[_Block]:
        para, boxes = self.paragraph(p)
        yield para
        for box in boxes:
            yield _BREAK
            yield from self.blocks(box)
            yield _BREAK

    def _table_blocks(self, table: etree._Element) -> Iterator[_Block]:
        rows = [list(_children(tr, W_TC)) for tr in _children(table, W_TR)]
        if rows and all(len(cells) == 1 for cells in rows):
            # A one-column table is a frame around ordinary content (a bordered form): read it like the body.
            for cells in rows:
                yield from self.blocks(cells[0])
            return
        yield _BREAK
        for cells in rows:
            yield _Row([self.cell_paragraphs(tc) for tc in cells])
        yield _BREAK

    def cell_paragraphs(self, tc: etree._Element) -> list[_Para]:
        """Paragraphs of a cell; a nested table contributes one joined line per row."""
        paragraphs: list[_Para] = []
        for block in self.blocks(tc):
            if isinstance(block, _Para):
                paragraphs.append(block)
            elif isinstance(block, _Row):
                paragraphs.append(_Para.join(_Para.join(cell, " ") for cell in block.cells))
        return paragraphs

    # ---- paragraphs -----------------------------------------------------------------------------

    def paragraph(self, p: etree._Element) -> tuple[_Para, list[etree._Element]]:
        builder = _ParagraphBuilder()
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        paragraph_strike = self.styles.strikes(style.get(_w("val")) if style is not None else None)
        self._inline(p, builder, bool(paragraph_strike))
        return builder.build(), builder.text_boxes

    def _inline(self, element: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _INVISIBLE_INLINE:
                continue
            if tag == W_R:
                self._run(child, builder, paragraph_strike)
            elif tag == W_SDT:
                self._inline_sdt(child, builder, paragraph_strike)
            elif tag == MC_ALTERNATE:
                self._inline(_alternate_choice(child), builder, paragraph_strike)
            else:  # hyperlinks, insertions, smart tags, simple fields: their runs are visible text
                self._inline(child, builder, paragraph_strike)

    def _inline_sdt(self, sdt: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        checked = _sdt_checkbox_state(sdt)
        if checked is not None:
            builder.add("☑" if checked else "☐", False)
        elif not self._shows_placeholder(sdt):
            self._inline(_sdt_content(sdt), builder, paragraph_strike)

    @staticmethod
    def _shows_placeholder(sdt: etree._Element) -> bool:
        """A content control still showing its prompt ("Klik di sini...") holds no answer."""
        return sdt.find(f"{W_SDT_PR}/{_w('showingPlcHdr')}") is not None

    def _run(self, run: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        rpr = run.find(_w("rPr"))
        struck = self._run_strike(rpr, paragraph_strike)
        font = _run_symbol_font(rpr)
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                if font:
                    text = "".join(_symbol_glyph(font, ord(ch)) for ch in text)
                builder.add(text, struck)
            elif tag in (_w("tab"), _w("ptab")):
                builder.add("\t", False)
            elif tag in (_w("br"), _w("cr")):
                builder.add("\n", False)
            elif tag == _w("noBreakHyphen"):
                builder.add("-", struck)
            elif tag == _w("sym"):
                builder.add(_symbol_glyph(child.get(_w("font")), _hex_code(child.get(_w("char")))), struck)
            elif tag == _w("fldChar"):
                checked = _legacy_checkbox_state(child)
                if checked is not None:
                    builder.add("☑" if checked else "☐", False)
            elif tag in (_w("drawing"), _w("pict"), _w("object"), MC_ALTERNATE):
                _collect_graphics(child, builder)

    def _run_strike(self, rpr: etree._Element | None, paragraph_strike: bool) -> bool:
        direct = _strike_of_rpr(rpr)
        if direct is not None:
            return direct
        if rpr is not None:
            run_style = rpr.find(_w("rStyle"))
            if run_style is not None:
                styled = self.styles.strikes(run_style.get(_w("val")))
                if styled is not None:
                    return styled
        return paragraph_strike


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with the tag, looking through content-control and custom-XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _sdt_content(sdt: etree._Element) -> etree._Element:
    content = sdt.find(W_SDT_CONTENT)
    return content if content is not None else etree.Element("empty")


def _alternate_choice(alternate: etree._Element) -> etree._Element:
    """Word writes a modern mc:Choice and an older mc:Fallback copy of the same content: read one."""
    choice = alternate.find(MC_CHOICE)
    if choice is None:
        choice = alternate.find(MC_FALLBACK)
    return choice if choice is not None else etree.Element("empty")


def _sdt_checkbox_state(sdt: etree._Element) -> bool | None:
    checkbox = sdt.find(f"{W_SDT_PR}/{{{W14}}}checkbox")
    if checkbox is None:
        return None
    checked = checkbox.find(f"{{{W14}}}checked")
    value = checked.get(f"{{{W14}}}val", "1") if checked is not None else "0"
    return value.lower() in ("1", "true", "on")


def _legacy_checkbox_state(fld_char: etree._Element) -> bool | None:
    """Pre-2010 form field check box (FORMCHECKBOX): w:checked overrides w:default."""
    if fld_char.get(_w("fldCharType")) != "begin":
        return None
    checkbox = fld_char.find(f"{_w('ffData')}/{_w('checkBox')}")
    if checkbox is None:
        return None
    checked = _on_off(checkbox.find(_w("checked")))
    if checked is not None:
        return checked
    return bool(_on_off(checkbox.find(_w("default"))))


def _hex_code(value: str | None) -> int:
    try:
        return int(value or "0", 16)
    except ValueError:
        return 0


def _run_symbol_font(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return None
    for attribute in ("ascii", "hAnsi", "cs"):
        name = (fonts.get(_w(attribute)) or "").strip().lower()
        if name in _SYMBOL_FONT_GLYPHS:
            return name
    return None


def _collect_graphics(element: etree._Element, builder: _ParagraphBuilder) -> None:
    """Pictures and text boxes inside a run, skipping the mc:Fallback duplicate of each."""
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == W_TXBX:
            builder.text_boxes.append(child)
            continue
        if child.tag == f"{{{A}}}blip":
            embed = child.get(f"{{{R}}}embed")
            if embed:
                builder.images.append(embed)
        elif child.tag == f"{{{V}}}imagedata":
            rel_id = child.get(f"{{{R}}}id")
            if rel_id:
                builder.images.append(rel_id)
        _collect_graphics(child, builder)


# --------------------------------------------------------------------------------------------------
# From paragraphs and rows to labelled entries
# --------------------------------------------------------------------------------------------------

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember"
)
_DATE_LINE = re.compile(
    rf"(?P<tempat>[A-Za-z][A-Za-z .'-]{{1,40}}?)\s*,\s*"
    rf"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\s*,?\s*)?(?:tanggal\s+)?"
    rf"(?P<tanggal>\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})\s*",
    re.IGNORECASE,
)
# Lines that end the field area: signatures, closing sentences and footnotes.
_TERMINATOR = re.compile(
    r"^(?:petugas|pemohon informasi|pengaju keberatan|penerima|mengetahui|yang (?:menerima|mengajukan|memohon)"
    r"|nama (?:dan|&) tanda tangan|demikian|keterangan\b|catatan\b|\*)",
    re.IGNORECASE,
)
_KUASA_SECTION = re.compile(r"(?:identitas|data)\s+kuasa|^kuasa\s+pemohon", re.IGNORECASE)
# Sub-headings of section A of the objection form, also when not written in capitals: one of them ends a
# value that may span lines ("Tujuan penggunaan informasi" comes right before "Identitas Pemohon").
_SECTION_A_HEADING = re.compile(
    r"^(?:identitas|data)\s+(?:kuasa\s+)?(?:pemohon|pengaju)\b|^informasi\s+pengaju\s+keberatan", re.IGNORECASE
)


@dataclass
class _Entry:
    key: str
    label: str  # as printed, for messages
    value: list[_Para]
    from_row: bool


def _looks_like_heading(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return True
    return bool(re.match(r"^\s*(?:[A-H]|[IVX]{1,4})\.\s", text))


def _label_colon_index(text: str) -> int | None:
    """Position of the colon that ends the label (one inside a bracketed hint does not count)."""
    depth = 0
    for index, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch in ":：" and depth == 0:
            return index
    return None


def _split_label(
    para: _Para, allow_bare_label: bool, profile: _Profile = _DEFAULT_PROFILE
) -> tuple[str, str, _Para] | None:
    """(key, printed label, value) for "Label : value", "Label<TAB>value" or a bare "Label"."""
    text = para.text
    for index in (_label_colon_index(text), _first_tab_after_text(text)):
        if index is not None:
            key = _label_key(text[:index], profile)
            if key:
                index = _label_tail_end(text, index, key, profile)
                return key, _clean_label(text[:index]), para.slice(index + 1)
    if allow_bare_label and not _lists_options(text, profile) and not (profile.headings and _looks_like_heading(text)):
        key = _label_key(text, profile)
        if key:
            return key, _clean_label(text), _Para()
    return None


def _label_tail_end(text: str, index: int, key: str, profile: _Profile) -> int:
    """Where a label that itself holds a colon ends: "Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan
    angka : b" ends at the second colon (or at the end of a label cell), not at the first."""
    tail = dict(profile.label_tails).get(key)
    if tail is None:
        return index
    rest = text[index + 1 :]
    stops = [stop for stop in (_label_colon_index(rest), _first_tab_after_text(rest)) if stop is not None]
    stop = min(stops) if stops else len(rest)
    if tail.fullmatch(_normalise_label(rest[:stop])):
        return index + 1 + stop
    return index


def _lists_options(text: str, profile: _Profile = _DEFAULT_PROFILE) -> bool:
    """ "Mengambil langsung / Kurir / Pos / Email" is a list of options, never a label."""
    masked = _INSTRUCTION_RE.sub(" ", text)
    return any(
        sum(bool(pattern.search(masked)) for _, pattern in _OPTION_PATTERNS[key]) >= 2
        for key in sorted(profile.choice_keys)
    )


def _first_tab_after_text(text: str) -> int | None:
    match = re.search(r"\S\s*\t", text)
    return match.end() - 1 if match else None


def _clean_label(text: str) -> str:
    label = _LEADING_NUMBERING.sub("", _clean_line(text.replace("*", " ")))
    return label.strip(" :")


class _FieldScanner:
    """Collects labelled entries from the stream of paragraphs and rows.

    A value is the rest of the labelled paragraph, the other cells of the labelled row, and the
    following lines that continue it: option lines of a choice field, or further paragraphs of a
    field that may span lines (address, requested information, purpose).
    """

    def __init__(self, profile: _Profile = _DEFAULT_PROFILE) -> None:
        self.profile = profile
        self.choice_keys = profile.choice_keys
        self.entries: list[_Entry] = []
        self.current: _Entry | None = None
        self.section: str | None = None
        self.date_line: tuple[str, str] | None = None
        self.identity_images: list[str] = []
        self.label_seen = False

    def scan(self, blocks: Iterable[_Block]) -> _FieldScanner:
        for block in blocks:
            if isinstance(block, _Break):
                if not self._waits_for_table():
                    self._close()
            elif isinstance(block, _Row):
                self._feed_row(block)
            else:
                self._take_images(block.images)
                self._feed_line(block, in_table=False)
        self._close()
        return self

    def _waits_for_table(self) -> bool:
        """A heading paragraph such as "B. Alasan Pengajuan Keberatan" whose options follow in a table."""
        current = self.current
        return current is not None and not current.from_row and not any(p.text.strip() for p in current.value)

    # ---- rows -----------------------------------------------------------------------------------

    def _feed_row(self, row: _Row) -> None:
        for cell in row.cells:
            for para in cell:
                self._take_images(para.images)
        cells = [cell for cell in _meaningful_cells(row.cells) if _cell_text(cell)]
        if not cells:
            return
        if len(cells) == 1:
            in_text_value = self.current is not None and self.current.key not in self.choice_keys
            if in_text_value and cells[0] is _first_filled(row.cells):
                # Text in the label column (or across the row) is a sub-heading such as
                # "Identitas Pemohon", not more of the previous value.
                self._close()
            for para in cells[0]:
                self._feed_line(para, in_table=True)
            return
        labelled = self._label_of_cell(cells[0])
        if labelled and not self._is_option_row(cells):
            key, label, value = labelled
            self._start(key, label, value + [para for cell in cells[1:] for para in cell], from_row=True)
            return
        self._feed_unlabelled_row(cells)

    def _label_of_cell(self, cell: list[_Para]) -> tuple[str, str, list[_Para]] | None:
        filled = [para for para in cell if para.text.strip()]
        split = _split_label(filled[0], allow_bare_label=True, profile=self.profile)
        if split is None:
            return None
        key, label, first_value = split
        return key, label, ([first_value] if first_value.text.strip() else []) + filled[1:]

    def _is_option_row(self, cells: list[list[_Para]]) -> bool:
        """ "Email | ☑" under a choice field is an option row, not the e-mail address field."""
        if self.current is None or self.current.key not in self.choice_keys:
            return False
        rest = " ".join(_cell_text(cell) for cell in cells[1:])
        return _has_option(self.current.key, _cell_text(cells[0])) and _is_option_value(self.current.key, rest)

    def _feed_unlabelled_row(self, cells: list[list[_Para]]) -> None:
        for cell in cells:
            for para in cell:
                if self._take_date_line(para.text):
                    self._close()
                    return
        if all(len(cell) <= 1 for cell in cells):
            lines = [_Para.join(cell[0] if cell else _Para() for cell in cells)]
        else:
            lines = [para for cell in cells for para in cell]
        for line in lines:
            self._continue_or_close(line, in_table=True)

    # ---- lines ----------------------------------------------------------------------------------

    def _feed_line(self, para: _Para, in_table: bool) -> None:
        text = para.text.strip()
        if not text:
            if not in_table and self.current is not None and self.current.key not in self.choice_keys:
                self._close()
            return
        if _is_hint_only(text):
            return
        if self._take_date_line(text) or _TERMINATOR.match(text):
            self._close()
            return
        split = _split_label(para, allow_bare_label=True, profile=self.profile)
        if split is not None and not self._is_option_line(*split):
            key, label, value = split
            self._start(key, label, [value] if value.text.strip() else [], from_row=in_table)
            return
        self._continue_or_close(para, in_table)

    def _is_option_line(self, key: str, label: str, value: _Para) -> bool:
        """ "Email", "☐ Email" or "Email : ☑" under "Cara mendapatkan salinan" is an option, not the
        e-mail field; the label of another choice field never is."""
        current = self.current
        if current is None or current.key not in self.choice_keys or key in self.choice_keys:
            return False
        return _has_option(current.key, label) and _is_option_value(current.key, value.text)

    def _continue_or_close(self, para: _Para, in_table: bool) -> None:
        current = self.current
        text = para.text.strip()
        if current is None:
            self._unlabelled_line(text)
            return
        if _is_hint_only(text):
            return
        if current.key in self.choice_keys:
            if not self._is_sub_heading(text) and (
                _has_option(current.key, text)
                or _is_marker_only(text)
                or _is_written_answer(current, para, self.profile)
            ):
                current.value.append(para)
                return
            self._close()
            self._feed_line(para, in_table)
            return
        if (
            current.key in self.profile.multiline_keys
            and not _looks_like_heading(text)
            and not _SECTION_A_HEADING.match(text)
        ):
            current.value.append(para)
            return
        self._close()
        self._unlabelled_line(text)

    def _is_sub_heading(self, text: str) -> bool:
        """On forms read with headings ("C. Bila informasi diberikan"), a heading ends the options above it
        even when it repeats an option's words; a line carrying a tick or box is still an option."""
        if not self.profile.headings or _MARK_RE.search(text):
            return False
        lettered = re.match(r"^\s*(?:[A-H]|[IVX]{1,4})\.\s", text) is not None
        return lettered or (_looks_like_heading(text) and not _has_option(self.current.key, text))

    def _unlabelled_line(self, text: str) -> None:
        """Headings between fields: only the proxy section of an objection form matters."""
        if _KUASA_SECTION.search(text):
            self.section = "kuasa"
        elif _looks_like_heading(text):
            self.section = None

    def _take_date_line(self, text: str) -> bool:
        match = _DATE_LINE.fullmatch(_clean_line(text))
        if match is None:
            return False
        if self.date_line is None:
            self.date_line = (_clean_line(match["tempat"]), _clean_line(match["tanggal"]))
        return True

    # ---- entries --------------------------------------------------------------------------------

    def _start(self, key: str, label: str, value: list[_Para], from_row: bool) -> None:
        self._close()
        if key in _SECTION_RESET_KEYS:
            self.section = None
        if self.section == "kuasa":
            key = {"nama": "nama_kuasa", "alamat": "alamat_kuasa", "telepon": "telepon_kuasa",
                   "telepon_email": "telepon_kuasa", "email": "email_kuasa"}.get(key, key)  # fmt: skip
        self.label_seen = True
        self.current = _Entry(key, label, list(value), from_row)

    def _close(self) -> None:
        if self.current is not None:
            self.entries.append(self.current)
            self.current = None

    def _take_images(self, rel_ids: Iterable[str]) -> None:
        # Pictures above the first field are the letterhead or logo, not the applicant's ID copy.
        if self.label_seen:
            self.identity_images.extend(rel_ids)


def _is_written_answer(entry: _Entry, para: _Para, profile: _Profile = _DEFAULT_PROFILE) -> bool:
    """The first line under an empty choice label is its answer even when it names no option
    ("Telegram"): the reader then says it is not one of the options instead of losing it."""
    if any(p.text.strip() for p in entry.value):
        return False
    return _split_label(para, allow_bare_label=True, profile=profile) is None and not _looks_like_heading(para.text)


def _is_option_value(choice_key: str, text: str) -> bool:
    """What follows an option word on its line: nothing, a tick or box, or more options."""
    return not text.strip() or _is_marker_only(text) or _has_option(choice_key, text)


def _first_filled(cells: list[list[_Para]]) -> list[_Para] | None:
    return next((cell for cell in cells if _cell_text(cell)), None)


def _cell_text(cell: list[_Para]) -> str:
    return " ".join(para.text.strip() for para in cell if para.text.strip())


_NUMBERING_CELL = re.compile(r"^(?:\d{1,2}\.?|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$")


def _meaningful_cells(cells: list[list[_Para]]) -> list[list[_Para]]:
    """Drop the colon column of "label | : | value" and a leading numbering column ("1." | label ...)."""
    kept = [cell for cell in cells if _cell_text(cell) not in (":", "：")]
    filled = [cell for cell in kept if _cell_text(cell)]
    if len(filled) >= 3 and _NUMBERING_CELL.match(_cell_text(filled[0])):
        kept.remove(filled[0])
    return kept


# --------------------------------------------------------------------------------------------------
# Values: text fields and choices
# --------------------------------------------------------------------------------------------------


def _entry_text(entry: _Entry, profile: _Profile = _DEFAULT_PROFILE) -> str:
    lines: list[str] = []
    for index, para in enumerate(entry.value):
        text = para.text
        if index == 0:
            text = re.sub(r"^\s*[:：]", "", text)
        for line in text.split("\n"):
            cleaned = _clean_line(line)
            if cleaned and not _is_hint_only(cleaned):
                lines.append(cleaned)
    if not lines:
        return ""
    separator = "\n" if entry.key in profile.multiline_keys or entry.key.startswith("alamat") else " "
    text = separator.join(lines)
    if _is_blank_value(text) or _is_marker_only(text):
        return ""
    return text


@dataclass
class _Occurrence:
    option: str
    start: int
    end: int
    struck: bool


def _read_choice(choice_key: str, label: str, paragraphs: list[_Para], printed: bool) -> tuple[list[str], list[str]]:
    """Ticked option keys of one choice field, and notes for the officer.

    `printed` says whether the value may be the printed option list itself (Word forms): then an
    unmarked list of all options means "not filled in" rather than "all chosen".
    """
    flat = _Para.join(paragraphs, "\n")
    text = _INSTRUCTION_RE.sub(lambda m: " " * len(m.group()), flat.text)
    if choice_key == "alasan":
        letters = _reason_letters(text)
        if letters:
            return letters, []
    occurrences = _find_occurrences(choice_key, text, flat.struck)
    ticks, boxes, loose_ticks = _assign_marks(text, occurrences)
    # An empty choice needs no note: validation already reports an unticked choice field.
    if not occurrences:
        if loose_ticks or not _is_blank_value(_MARK_RE.sub("", text)):
            return [], [f"Isian '{label}' tidak dikenali sebagai salah satu pilihan yang tersedia."]
        return [], []
    struck = [occ for occ in occurrences if occ.struck]
    if ticks:
        return _distinct(occ.option for occ in occurrences if id(occ) in ticks), []
    if struck:
        if len(struck) == len(occurrences):
            return [], [f"Semua pilihan pada '{label}' dicoret; sisakan pilihan yang dikehendaki."]
        return _distinct(occ.option for occ in occurrences if not occ.struck), []
    if boxes:
        return [], []
    chosen = _distinct(occ.option for occ in occurrences)
    if printed and len(chosen) >= _PRINTED_LIST_MINIMUM[choice_key]:
        return [], []  # the printed option list, left unmarked
    return chosen, []


_REASON_SEPARATORS = re.compile(r"[\s,;/&+]+|\bdan\b")
_REASON_LETTER = re.compile(r"\(?([a-g])[.)]?")


def _reason_letters(text: str) -> list[str]:
    """Objection reasons written as their letters ("a, c", "b dan d", "huruf e"), as on the Excel form,
    in form order; [] when the text is anything else."""
    words = [w for w in _REASON_SEPARATORS.split(text.strip().lower()) if w]
    if words[:1] == ["huruf"]:
        words = words[1:]
    matches = [_REASON_LETTER.fullmatch(word) for word in words]
    if not matches or not all(matches):
        return []
    return sorted({match.group(1) for match in matches})


def _distinct(options: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(options))


def _find_occurrences(choice_key: str, text: str, struck: tuple[bool, ...]) -> list[_Occurrence]:
    """Option mentions in form order; adjacent mentions of one option ("hardcopy/softcopy") merge."""
    matches: list[tuple[int, int, str]] = []
    for option, pattern in _OPTION_PATTERNS[choice_key]:
        matches.extend((m.start(), m.end(), option) for m in pattern.finditer(text))
    matches.sort(key=lambda m: (m[0], -m[1]))
    occurrences: list[_Occurrence] = []
    last_end = -1
    for start, end, option in matches:
        if start < last_end:
            continue
        fully_struck = all(struck[i] for i in range(start, end) if text[i].isalnum())
        previous = occurrences[-1] if occurrences else None
        if previous and previous.option == option and _joinable(text[previous.end : start]):
            previous.end, previous.struck = end, previous.struck and fully_struck
        else:
            occurrences.append(_Occurrence(option, start, end, fully_struck))
        last_end = end
    return occurrences


def _joinable(between: str) -> bool:
    return "\n" not in between and not _MARK_RE.search(between)


def _assign_marks(text: str, occurrences: list[_Occurrence]) -> tuple[set[int], set[int], int]:
    """Give every tick or empty box found between options to the option it belongs to.

    A mark on the same line as only one neighbouring option belongs to that option. Between two
    options on one line the form's style decides: marks before their options ("☑ Pos") or after
    them ("Pos (x)"), judged from the first and last options.
    Returns ids of ticked occurrences, ids of occurrences with an empty box, and unassigned ticks.
    """
    ticked: set[int] = set()
    boxed: set[int] = set()
    loose = 0
    bounds = [0] + [b for occ in occurrences for b in (occ.start, occ.end)] + [len(text)]
    marks_before = _marks_lead(text, occurrences)
    for gap in range(len(occurrences) + 1):
        gap_start, gap_end = bounds[2 * gap], bounds[2 * gap + 1]
        previous = occurrences[gap - 1] if gap > 0 else None
        following = occurrences[gap] if gap < len(occurrences) else None
        for mark in _MARK_RE.finditer(text, gap_start, gap_end):
            owner = _mark_owner(text, mark.start(), previous, following, marks_before)
            if owner is None:
                loose += mark.group("tick") is not None
            elif mark.group("tick"):
                ticked.add(id(owner))
            else:
                boxed.add(id(owner))
    return ticked, boxed, loose


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position)


def _marks_lead(text: str, occurrences: list[_Occurrence]) -> bool:
    if not occurrences:
        return True
    first, last = occurrences[0], occurrences[-1]
    line_start = text.rfind("\n", 0, first.start) + 1
    if _MARK_RE.search(text, line_start, first.start):
        return True
    line_end = text.find("\n", last.end)
    return not _MARK_RE.search(text, last.end, len(text) if line_end < 0 else line_end)


def _mark_owner(
    text: str, position: int, previous: _Occurrence | None, following: _Occurrence | None, marks_before: bool
) -> _Occurrence | None:
    line = _line_of(text, position)
    same_as_previous = previous is not None and _line_of(text, previous.end) == line
    same_as_following = following is not None and _line_of(text, following.start) == line
    if same_as_following and not same_as_previous:
        return following
    if same_as_previous and not same_as_following:
        return previous
    if marks_before:
        return following or previous
    return previous or following


# --------------------------------------------------------------------------------------------------
# Records from entries
# --------------------------------------------------------------------------------------------------


def _record_from_entries(scanner: _FieldScanner) -> FormRecord:
    record = FormRecord(fields={}, choices={})
    for entry in scanner.entries:
        if entry.key in scanner.choice_keys:
            _store_choice(record, entry)
        else:
            _store_field(record, entry.key, _entry_text(entry, scanner.profile))
    if scanner.date_line is not None:
        record.fields.setdefault("tempat", scanner.date_line[0])
        record.fields.setdefault("tanggal", scanner.date_line[1])
    return record


def _store_choice(record: FormRecord, entry: _Entry) -> None:
    if entry.key in record.choices:
        return
    options, notes = _read_choice(entry.key, entry.label, entry.value, printed=True)
    record.notes.extend(notes)
    if options:
        record.choices[entry.key] = options


def _store_field(record: FormRecord, key: str, text: str) -> None:
    """Store a value under its canonical key; the first filled occurrence of a field wins."""
    if not text or key == "_ignore":
        return
    if key == "nik_atau_sk":
        # "NIK/Nomor SK badan hukum": digits only is a NIK (right or wrong); letters or slashes an SK number.
        key = "nomor_sk" if re.search(r"[A-Za-z/]", text) else "nik"
    if key == "tempat_tanggal":
        match = _DATE_LINE.fullmatch(text)
        if match:
            record.fields.setdefault("tempat", _clean_line(match["tempat"]))
            record.fields.setdefault("tanggal", _clean_line(match["tanggal"]))
            return
        key = "tanggal"
    record.fields.setdefault(key, text)


# --------------------------------------------------------------------------------------------------
# Form kind
# --------------------------------------------------------------------------------------------------

_TITLE_LINES = 15
_TITLE_MAX_WORDS = 15


def _title_lines(blocks: Iterable[_Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Para):
            text = block.text
        elif isinstance(block, _Row):
            text = " ".join(_cell_text(cell) for cell in block.cells)
        else:
            continue
        text = _clean_line(text).lower()
        if text:
            lines.append(text)
        if len(lines) >= _TITLE_LINES:
            break
    return [line for line in lines if len(line.split()) <= _TITLE_MAX_WORDS]


def _kind_from_title(lines: list[str]) -> str | None:
    text = " | ".join(lines)
    if "keberatan" in text and re.search(r"formulir|pengajuan|pernyataan|permohonan keberatan", text):
        return "keberatan"
    if re.search(r"lembar jawaban|jawaban atas permohonan|pemberitahuan tertulis", text):
        return "jawaban"
    if "dikecualikan" in text:
        return "dik"
    if "daftar informasi publik" in text:
        return "dip"
    if re.search(r"(?:permohonan|permintaan) informasi", text):
        return "permohonan"
    return None


def _kind_from_labels(keys: set[str], title_kind: str | None) -> str | None:
    request_labels = keys & _REQUEST_LABELS
    if title_kind == "permohonan":
        return "permohonan" if len(request_labels) >= 2 else None
    if title_kind in ("keberatan", "jawaban"):
        return title_kind
    if {"alasan", "kasus_posisi"} & keys and len(request_labels) >= 2:
        return "keberatan"
    if len(request_labels) >= 3 and request_labels & {"rincian_informasi", "cara_memperoleh", "cara_salinan"}:
        return "permohonan"
    return None


# --------------------------------------------------------------------------------------------------
# Column lists: DIP and DIK (a header row of columns, one item per row)
# --------------------------------------------------------------------------------------------------

_COLUMN_RULES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    kind: [(key, re.compile(pattern)) for key, pattern in rules]
    for kind, rules in {
        "dik": [
            ("no", r"^(?:nomor|nomor urut)$"),
            ("dasar_hukum", r"dasar hukum|pasal"),
            ("konsekuensi_dibuka", r"dibuka"),
            ("konsekuensi_ditutup", r"ditutup|kepentingan publik"),
            ("jangka_waktu", r"jangka waktu|masa pengecualian|lama pengecualian"),
            ("pejabat", r"pejabat|unit|satuan kerja|\bopd\b"),
            ("keterangan", r"keterangan"),
            ("informasi", r"informasi"),
        ],
        "dip": [
            ("no", r"^(?:nomor|nomor urut)$"),
            ("retensi", r"retensi|penyimpanan"),
            ("penanggung_jawab", r"penanggung\s*jawab"),
            ("waktu_tempat", r"waktu dan tempat|waktu pembuatan|tempat pembuatan"),
            ("bentuk_informasi", r"bentuk|format"),
            ("penguasa_informasi", r"pejabat|unit|satuan kerja|menguasai"),
            ("keterangan", r"keterangan"),
            ("kategori", r"kategori|klasifikasi|jenis informasi|sifat informasi"),
            ("opd", r"ppid pelaksana|perangkat daerah|\bopd\b|badan publik"),
            ("ringkasan_isi", r"ringkasan|informasi"),
        ],
    }.items()
}


_DIK_HEADER_MARKS = [r"dikecualikan", r"konsekuensi", r"dasar hukum", r"jangka waktu pengecualian"]
_DIP_HEADER_MARKS = [
    r"ringkasan isi", r"retensi|jangka waktu penyimpanan", r"penanggung\s*jawab", r"menguasai informasi",
    r"waktu dan tempat", r"bentuk|format",
]  # fmt: skip


def _column_list_kind(header: list[str]) -> str | None:
    """DIK or DIP when a header row carries at least two of the columns typical of the list."""
    labels = " | ".join(_normalise_label(cell) for cell in header if cell)
    if sum(bool(re.search(mark, labels)) for mark in _DIK_HEADER_MARKS) >= 2:
        return "dik"
    if sum(bool(re.search(mark, labels)) for mark in _DIP_HEADER_MARKS) >= 2:
        return "dip"
    return None


def _column_keys(kind: str, header: list[str]) -> list[str | None]:
    keys: list[str | None] = []
    for cell in header:
        label = _normalise_label(cell)
        key = next((k for k, pattern in _COLUMN_RULES[kind] if label and pattern.search(label)), None)
        keys.append(key if key not in keys else None)
    return keys


class _ColumnListReader:
    """Rows under a DIP/DIK header; a row with a single filled cell ("A. Informasi Berkala") is a group."""

    def __init__(self, kind: str, header: list[str]) -> None:
        self.kind = kind
        self.keys = _column_keys(kind, header)
        self.group: str | None = None

    def record(self, cells: list[str], row: int | None) -> FormRecord | None:
        filled = [cell for cell in cells if cell]
        if not filled or all(re.fullmatch(r"\(?\d{1,2}\)?", cell) for cell in filled):
            return None  # blank row or the "1 | 2 | 3 ..." column numbering row under the header
        if len(filled) == 1 and len(self.keys) >= 3:
            self.group = _clean_line(filled[0])
            return None
        fields = {key: value for key, value in zip(self.keys, cells) if key and value}
        if self.group:
            fields["kelompok"] = self.group
        return FormRecord(fields=fields, choices={}, row=row)


def _column_list_from_rows(rows: list[_Row]) -> tuple[str, list[FormRecord]] | None:
    reader: _ColumnListReader | None = None
    records: list[FormRecord] = []
    for row in rows:
        cells = [_clean_line(_cell_text(cell)) for cell in row.cells]
        if reader is None:
            kind = _column_list_kind(cells)
            if kind and sum(key is not None for key in _column_keys(kind, cells)) >= 3:
                reader = _ColumnListReader(kind, cells)
            continue
        record = reader.record(cells, None)
        if record is not None:
            records.append(record)
    return (reader.kind, records) if reader else None


# --------------------------------------------------------------------------------------------------
# Word (.docx)
# --------------------------------------------------------------------------------------------------


def _read_docx(package: zipfile.ZipFile, main_part: str) -> FormDocument:
    root = _parse_part(package, main_part)
    body = root.find(W_BODY)
    if body is None:
        raise UnreadableForm(MSG_BROKEN)
    styles_name = "word/styles.xml"
    styles = _StrikeStyles(_parse_part(package, styles_name) if styles_name in package.namelist() else None)
    blocks = list(_DocxReader(styles).blocks(body))
    title_kind = _kind_from_title(_title_lines(blocks))

    column_list = _column_list_from_rows([block for block in blocks if isinstance(block, _Row)])
    if column_list is not None and title_kind in (None, "dip", "dik"):
        kind, records = column_list
        return FormDocument(kind=kind, layout="docx-table", records=records, title=_heading_lines(blocks))

    scanner = _FieldScanner(_profile_for(title_kind)).scan(blocks)
    kind = _kind_from_labels({entry.key for entry in scanner.entries}, title_kind)
    if kind is None and title_kind is None:
        # An answer sheet whose title was left off: it names a decision and the request it answers.
        answer = _FieldScanner(_ANSWER_PROFILE).scan(blocks)
        if {"keputusan", "nomor_pendaftaran"} <= {entry.key for entry in answer.entries}:
            scanner, kind = answer, "jawaban"
    if kind is None:
        raise UnreadableForm(MSG_NOT_FORM)
    record = _record_from_entries(scanner)
    record.attachments.extend(_embedded_images(package, main_part, scanner.identity_images))
    from_rows = sum(entry.from_row for entry in scanner.entries)
    layout = "docx-table" if from_rows * 2 >= len(scanner.entries) else "docx-paragraph"
    return FormDocument(kind=kind, layout=layout, records=[record])


def _heading_lines(blocks: list[_Block]) -> list[str]:
    """The paragraphs above the first table of a list, as written (not lower-cased)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Row) or len(lines) >= _TITLE_LINES:
            break
        if isinstance(block, _Para) and (text := _clean_line(block.text)):
            lines.append(text)
    return lines


def _embedded_images(package: zipfile.ZipFile, main_part: str, rel_ids: list[str]) -> list[Attachment]:
    targets = _relationships(package, main_part)
    attachments: list[Attachment] = []
    seen: set[str] = set()
    for rel_id in rel_ids:
        target = targets.get(rel_id)
        if not target or target in seen or target not in package.namelist():
            continue
        seen.add(target)
        suffix = PurePosixPath(target).suffix.lower() or ".bin"
        name = f"identitas-{len(attachments) + 1}{suffix}"
        attachments.append(Attachment(name=name, data=_read_part(package, target), role="identitas"))
    return attachments


_SIBLING_ROLES = {
    "ktp": "identitas", "identitas": "identitas", "nik": "identitas", "kk": "identitas",
    "kuasa": "surat_kuasa", "surat-kuasa": "surat_kuasa", "surat_kuasa": "surat_kuasa", "suratkuasa": "surat_kuasa",
    "lampiran": "lampiran",
}  # fmt: skip
_SIBLING_SUFFIXES = {".jpg", ".jpeg", ".png", ".pdf"}


def sibling_attachments(path: Path) -> list[tuple[Path, str, str]]:
    """Files sent along with ``path``: ``form.ktp.jpg``, ``form.kuasa.pdf`` -> (file, role, "ktp.jpg")."""
    prefix = path.stem.lower() + "."
    try:
        with os.scandir(path.parent) as entries:   # names only: the inbox may hold a backlog of thousands
            names = sorted(e.name for e in entries if e.name.lower().startswith(prefix) and e.name != path.name)
    except OSError:
        return []
    found = []
    for name in names:
        candidate = path.parent / name
        if not candidate.is_file():
            continue
        tag, _, suffix = name[len(prefix) :].lower().rpartition(".")
        role = _SIBLING_ROLES.get(tag) or _SIBLING_ROLES.get(re.sub(r"\d+$", "", tag))
        if role is not None and "." + suffix in _SIBLING_SUFFIXES:
            found.append((candidate, role, f"{tag}.{suffix}"))
    return found


def looks_like_attachment(name: str) -> bool:
    """``x.ktp.jpg``-style names: files that travel with a form of the same stem."""
    stem, _, suffix = name.lower().rpartition(".")
    tag = stem.rpartition(".")[2] if "." in stem else ""
    role = _SIBLING_ROLES.get(tag) or _SIBLING_ROLES.get(re.sub(r"\d+$", "", tag))
    return role is not None and "." + suffix in _SIBLING_SUFFIXES


def _attach_sibling_files(document: FormDocument, path: Path) -> None:
    """form.docx + form.ktp.jpg / form.kuasa.pdf / form.lampiran.pdf sent along with the form."""
    if len(document.records) != 1:
        return
    record = document.records[0]
    for candidate, role, name in sibling_attachments(path):
        try:
            if candidate.stat().st_size > MAX_SIBLING_BYTES:
                record.notes.append(f"Lampiran {name} terlalu besar (lebih dari 20 MB) dan tidak dibaca.")
                continue
            data = candidate.read_bytes()
        except OSError:
            record.notes.append(f"Lampiran {name} tidak dapat dibaca.")
            continue
        record.attachments.append(Attachment(name=name, data=data, role=role))


# --------------------------------------------------------------------------------------------------
# Excel (.xlsx)
# --------------------------------------------------------------------------------------------------

_HEADER_SEARCH_ROWS = 10
_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]  # fmt: skip


def _read_xlsx(data: bytes) -> FormDocument:
    workbook = _load_workbook(data)
    try:
        for sheet in workbook.worksheets:
            document = _read_sheet(sheet)
            if document is not None:
                return document
    finally:
        workbook.close()
    raise UnreadableForm(MSG_NOT_FORM)


def _load_workbook(data: bytes):
    import openpyxl  # imported here: only Excel forms need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and similar noise
            return openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True, keep_vba=False)
    except UnreadableForm:
        raise
    except Exception:  # openpyxl raises many types (KeyError, ValueError, TypeError...) on damaged files
        raise UnreadableForm(MSG_BROKEN) from None


def _read_sheet(sheet) -> FormDocument | None:
    rows = [(cells[0].row, list(cells)) for cells in sheet.iter_rows() if cells]
    answer = _read_answer_sheet(sheet.title, rows)
    if answer is not None:
        return answer
    header_at = _find_header_row(rows)
    if header_at is None:
        return None
    header_row, header_cells = rows[header_at]
    header = [_cell_to_text(cell.value) for cell in header_cells]
    title = [_clean_line(" ".join(_cell_to_text(c.value) for c in cells)).lower() for _, cells in rows[:header_at]]
    title_kind = _kind_from_title([sheet.title.lower()] + [line for line in title if line])
    list_kind = _column_list_kind(header)
    if list_kind is not None:
        reader = _ColumnListReader(list_kind, header)
        records = [
            record
            for row_number, cells in rows[header_at + 1 :]
            if (record := reader.record([_cell_to_text(cell.value) for cell in cells], row_number)) is not None
        ]
        heading = [_clean_line(" ".join(_cell_to_text(c.value) for c in cells if c.value is not None))
                   for _, cells in rows[:header_at]]
        return FormDocument(kind=list_kind, layout="xlsx-rows", records=records, title=[t for t in heading if t])
    keys = [_label_key(text) if text else None for text in header]
    kind = _kind_from_labels({key for key in keys if key}, title_kind)
    if kind is None:
        return None
    labels = dict(zip(keys, header))
    records = [
        record
        for row_number, cells in rows[header_at + 1 :]
        if (record := _record_from_cells(keys, labels, cells, row_number)) is not None
    ]
    return FormDocument(kind=kind, layout="xlsx-rows", records=records)


def _read_answer_sheet(sheet_title: str, rows: list[tuple[int, list]]) -> FormDocument | None:
    """Answer sheets, one answer per row: the title (sheet name or rows above the header) says
    "lembar jawaban", or, with no title, the header has a "Keputusan" column and is not a request list
    (a request register may also carry "Keputusan"). None for any other sheet."""
    header_at = _find_header_row(rows, _ANSWER_PROFILE)
    if header_at is None:
        return None
    header = [_cell_to_text(cell.value) for cell in rows[header_at][1]]
    title = [_clean_line(" ".join(_cell_to_text(c.value) for c in cells)).lower() for _, cells in rows[:header_at]]
    title_kind = _kind_from_title([sheet_title.lower()] + [line for line in title if line])
    keys = [_label_key(text, _ANSWER_PROFILE) if text else None for text in header]
    if title_kind != "jawaban":
        common = {_label_key(text) for text in header if text} - {None}
        if title_kind is not None or "keputusan" not in keys or _kind_from_labels(common, None) is not None:
            return None
    labels = dict(zip(keys, header))
    records = [
        record
        for row_number, cells in rows[header_at + 1 :]
        if (record := _record_from_cells(keys, labels, cells, row_number, _ANSWER_PROFILE)) is not None
    ]
    return FormDocument(kind="jawaban", layout="xlsx-rows", records=records)


def _find_header_row(rows: list[tuple[int, list]], profile: _Profile = _DEFAULT_PROFILE) -> int | None:
    """The first row naming at least two known fields (title rows above it are allowed)."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        texts = [_cell_to_text(cell.value) for cell in cells]
        known = {_label_key(text, profile) for text in texts if text} - {None, "_ignore"}
        if len(known) >= 2 or (profile is _DEFAULT_PROFILE and _column_list_kind(texts)):
            return index
    return None


def _record_from_cells(
    keys: list[str | None], labels: dict, cells: list, row_number: int, profile: _Profile = _DEFAULT_PROFILE
) -> FormRecord | None:
    values = [cell.value for cell in cells]
    meaningful = [value for key, value in zip(keys, values) if key != "_ignore" and _cell_to_text(value)]
    if not meaningful:
        return None  # blank row, or a pre-numbered row with only its "No" filled in
    record = FormRecord(fields={}, choices={}, row=row_number)
    for key, value in zip(keys, values):
        if key is None or key == "_ignore":
            continue
        if key in profile.choice_keys:
            text = _cell_to_text(value)
            options, notes = _read_choice(key, labels[key], [_Para(text, (False,) * len(text))], printed=False)
            record.notes.extend(notes)
            if options and key not in record.choices:
                record.choices[key] = options
        else:
            _store_field(record, key, _cell_field_text(key, value, labels[key], record.notes))
    return record


def _cell_field_text(key: str, value, label: str, notes: list[str]) -> str:
    if key in ("nik", "nik_atau_sk") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _numeric_nik(value, label, notes)
    if key in ("telepon", "telepon_email") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _numeric_phone(value)
    return _cell_to_text(value)


def _numeric_nik(value: int | float, label: str, notes: list[str]) -> str:
    """A NIK typed into a number cell. Excel keeps only 15 significant digits, so the 16th becomes 0;
    a NIK ending in 0000 cannot be real (the last four digits are a serial from 0001)."""
    if isinstance(value, float) and not value.is_integer():
        notes.append(f"Isian '{label}' berupa angka desimal, bukan NIK; tulis NIK sebagai teks.")
        return ""
    digits = str(int(value))
    if len(digits) >= 16 and digits.endswith("0000"):
        notes.append(
            f"Isian '{label}' tersimpan sebagai angka dan digit terakhirnya hilang; tulis NIK sebagai teks."
        )
        return ""
    if len(digits) >= 16 and digits.endswith("0"):
        # Excel turns the 16th digit of any number into 0: the NIK may be right or may have lost a digit.
        notes.append(
            f"Isian '{label}' tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga digit terakhir "
            "NIK mungkin berubah menjadi 0. Tulis NIK sebagai teks."
        )
    return digits


def _numeric_phone(value: int | float) -> str:
    """A phone number typed into a number cell loses its leading 0 ("0812..." becomes 812...).
    Indonesian numbers are written 0... or 62...; putting the 0 back is safe and needs no note."""
    digits = str(int(value)) if float(value).is_integer() else _cell_to_text(value)
    if re.fullmatch(r"[1-9]\d{7,12}", digits) and not digits.startswith("62"):
        return "0" + digits
    return digits


def _cell_to_text(value) -> str:
    """Cell value as text: integers without ".0", dates in Indonesian."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {_BULAN[value.month - 1]} {value.year}"
    if isinstance(value, time):
        return value.strftime("%H.%M")
    return _WS.sub(" ", str(value)).strip()
