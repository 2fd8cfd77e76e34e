"""The file as a container: size limits, zip safety, refusal messages, safe XML parsing.

Everything here runs before any XML parser sees the content.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from lxml import etree

from pipeline.intake.reading.model import UnreadableForm

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
MSG_OLD_WORD = (
    "Berkas berformat Word lama (.doc, Word 97-2003); buka di Word atau LibreOffice Writer lalu simpan ulang "
    "sebagai .docx."
)
MSG_OLD_EXCEL = (
    "Berkas berformat Excel lama (.xls, Excel 97-2003); buka di Excel atau LibreOffice Calc lalu simpan ulang "
    "sebagai .xlsx."
)
MSG_CSV = (
    "Berkas ini berupa teks berpemisah (CSV), bukan buku kerja Excel; buka di Excel atau LibreOffice Calc lalu "
    "simpan ulang sebagai .xlsx."
)
MSG_TEXT = (
    "Berkas ini berupa teks biasa, bukan dokumen Word atau Excel; ketik ulang isiannya pada formulir .docx."
)
MSG_HTML = (
    "Berkas ini berupa halaman web (HTML) yang diberi nama seperti dokumen Word/Excel; buka di Word atau "
    "LibreOffice lalu simpan ulang sebagai .docx (atau .xlsx untuk daftar)."
)
MSG_MHT = (
    "Berkas ini berupa halaman web arsip (MHT/MHTML), bukan dokumen .docx; buka di Word atau LibreOffice lalu "
    "simpan ulang sebagai .docx."
)
MSG_XML_2003 = (
    "Berkas ini berupa dokumen XML Word/Excel 2003, bukan .docx/.xlsx; buka di Word, Excel atau LibreOffice lalu "
    "simpan ulang sebagai .docx (atau .xlsx)."
)
MSG_ODT = (
    "Berkas ini berupa dokumen OpenDocument Text (.odt, LibreOffice Writer); buka di LibreOffice atau Word lalu "
    "simpan ulang sebagai .docx (Simpan Sebagai, jenis Word 2007-365)."
)
MSG_ODS = (
    "Berkas ini berupa lembar kerja OpenDocument (.ods, LibreOffice Calc); buka di LibreOffice atau Excel lalu "
    "simpan ulang sebagai .xlsx (Simpan Sebagai, jenis Excel 2007-365)."
)
MSG_ODF = (
    "Berkas ini berupa dokumen OpenDocument (LibreOffice) yang bukan teks atau lembar kerja; kirimkan formulir "
    "sebagai .docx atau .xlsx."
)
MSG_IMAGE = (
    "Berkas ini berupa gambar ({what}), bukan formulir yang dapat dibaca mesin; ketik ulang isiannya pada "
    "formulir .docx, atau catat isian formulir ini secara manual."
)
MSG_PICTURE = (
    "Formulir di dalam dokumen Word ini berupa gambar (foto atau hasil pindaian), sehingga isiannya tidak dapat "
    "dibaca mesin; ketik ulang pada formulir .docx, atau catat isiannya secara manual."
)
MSG_NOT_FORM = (
    "Berkas ini bukan formulir yang dikenali: tidak ditemukan judul atau isian formulir permohonan "
    "informasi, keberatan, Daftar Informasi Publik, Daftar Informasi yang Dikecualikan, "
    "atau lembar jawaban."
)
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm", ".xltm", ".xlam"}


def read_file_bytes(path: Path) -> bytes:
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


def refuse_macro_suffix(path: Path) -> None:
    if path.suffix.lower() in _MACRO_SUFFIXES:
        raise UnreadableForm(MSG_MACRO)


def refuse_other_formats(data: bytes) -> None:
    """Give a specific reason for the usual non-OOXML files people send instead of a form."""
    if data.startswith(_OLE2_MAGIC):
        # Office wraps a password-protected .docx/.xlsx in an OLE2 file holding "EncryptedPackage";
        # any other OLE2 file is a legacy .doc/.xls.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableForm(MSG_PASSWORD)
        if "WordDocument".encode("utf-16-le") in data:
            raise UnreadableForm(MSG_OLD_WORD)
        if any(name.encode("utf-16-le") in data for name in ("Workbook", "Book")):
            raise UnreadableForm(MSG_OLD_EXCEL)
        raise UnreadableForm(MSG_LEGACY)
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        raise UnreadableForm(MSG_PDF)
    if head.startswith(b"{\\rtf"):
        raise UnreadableForm(MSG_RTF)
    for magic, what in _IMAGE_MAGIC:
        if data.startswith(magic):
            raise UnreadableForm(MSG_IMAGE.format(what=what))
    if not data.startswith(b"PK"):
        reason = _text_format_reason(data)
        if reason:
            raise UnreadableForm(reason)


_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "foto/pindaian JPEG"), (b"\x89PNG", "gambar PNG"), (b"GIF8", "gambar GIF"),
    (b"II*\x00", "pindaian TIFF"), (b"MM\x00*", "pindaian TIFF"), (b"BM", "gambar BMP"),
)  # fmt: skip


def _decoded(data: bytes) -> str | None:
    """The start of the file as text, when it is text (UTF-8/16 or a legacy 8-bit encoding without NULs)."""
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return sample.decode("utf-16", errors="ignore")
    if b"\x00" in sample:
        return None
    text = sample.decode("utf-8", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text) // 20 or text.count("\ufffd") > len(text) // 10:
        return None
    return text


def _text_format_reason(data: bytes) -> str | None:
    """HTML, MHT, Word/Excel 2003 XML, CSV or plain text saved under an Office name."""
    text = _decoded(data)
    if text is None:
        return None
    lower = text.lstrip("\ufeff \r\n\t").lower()
    if lower.startswith("mime-version") or "multipart/related" in lower[:2000]:
        return MSG_MHT
    if "urn:schemas-microsoft-com:office:word" in lower and "<w:worddocument" in lower:
        return MSG_XML_2003
    if lower.startswith("<?xml") and ("urn:schemas-microsoft-com:office:spreadsheet" in lower
                                      or "<w:worddocument" in lower):
        return MSG_XML_2003
    if re.search(r"<html|<!doctype html|<body|<table|<p[ >]", lower[:4000]):
        return MSG_HTML
    lines = [line for line in text.splitlines() if line.strip()][:10]
    if lines and any(_separated(line) for line in lines[:2]) and sum(_separated(line) for line in lines) >= len(lines) / 2:
        return MSG_CSV
    if lines:
        return MSG_TEXT
    return None


def _separated(line: str) -> bool:
    return any(line.count(separator) >= 1 for separator in (";", "\t")) or line.count(",") >= 2


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError):
        raise UnreadableForm(MSG_BROKEN) from None


_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": MSG_ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": MSG_ODS,
}


def refuse_opendocument(package: zipfile.ZipFile) -> None:
    """An .odt/.ods (LibreOffice's own format, sometimes renamed .docx) is readable, just not by us."""
    if "mimetype" not in package.namelist():
        return
    mimetype = read_part(package, "mimetype").strip()
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnreadableForm(_ODF_MIMETYPES.get(mimetype.split(b"-template")[0], MSG_ODF))


def check_zip_safety(package: zipfile.ZipFile) -> None:
    infos = package.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableForm(MSG_BOMB)
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnreadableForm(MSG_PASSWORD)
    _refuse_zip_bomb(infos)
    names = {info.filename for info in infos}
    if any(PurePosixPath(name).name.lower() == "vbaproject.bin" for name in names):
        raise UnreadableForm(MSG_MACRO)
    if "[Content_Types].xml" in names and b"macroEnabled" in read_part(package, "[Content_Types].xml"):
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
    for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


def _refuse_dtd_declarations(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """OOXML never needs a DTD; refusing any keeps entity tricks away from every parser used later
    (openpyxl parses worksheets with the standard library's expat, not with our safe lxml parser).
    Markup inside text is always escaped in OOXML, so a plain byte search has no false alarms. Every part is
    searched, whatever its name says it is: a parser may be handed a part named otherwise."""
    for info in infos:
        if info.is_dir():
            continue
        content = read_part(package, info.filename)
        if any(marker in content for marker in _DTD_MARKERS):
            raise UnreadableForm(MSG_DTD)


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
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


def parse_part(package: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(read_part(package, name), parser=_SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise UnreadableForm(MSG_BROKEN) from None


_OFFICE_DOCUMENT_REL = "/officeDocument"


def main_part(package: zipfile.ZipFile) -> str:
    """The main part named by _rels/.rels (word/document.xml or xl/workbook.xml in practice)."""
    names = set(package.namelist())
    if "_rels/.rels" in names:
        for rel in parse_part(package, "_rels/.rels"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT_REL) and rel.get("TargetMode") != "External":
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    for fallback in ("word/document.xml", "xl/workbook.xml"):
        if fallback in names:
            return fallback
    raise UnreadableForm(MSG_NOT_OFFICE)


def is_word_part(name: str) -> bool:
    return name.startswith("word/")


def is_excel_part(name: str) -> bool:
    return name.startswith("xl/")


def relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """rId -> package path of internal targets of one part (external links are never followed)."""
    part_path = PurePosixPath(part)
    rels_name = str(part_path.parent / "_rels" / (part_path.name + ".rels"))
    if rels_name not in package.namelist():
        return {}
    targets: dict[str, str] = {}
    for rel in parse_part(package, rels_name):
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
