"""The Daftar Informasi Publik (DIP) and the Daftar Informasi yang Dikecualikan (DIK) as data.

SOP 003, second procedure: each PPID Pelaksana (OPD) sends its DIP, the service officer makes a recap,
the PPID corrects it or sends corrections back to the OPD, the Atasan PPID signs the SK, and the list is
published once the online system works again. SOP 000: the PPID with the Tim Pertimbangan proposes the
DIK after the consequence test, the Atasan PPID approves it.

Pure: records from :func:`pipeline.intake.reading.read_form` in, entries and problems out; files are written
only where the caller says (no database, no archive layout).

* :func:`validate_dip` / :func:`validate_dik` check one submitted list, row by row. Each problem names
  the Excel row and the printed column, in Indonesian, so the correction note (``koreksi_dip.docx``)
  can list them for the OPD. Rows with a problem are left out of the entries.
* :func:`opd_of` tells which OPD submitted a list (an OPD column, or the title above the list).
* :func:`write_recap_xlsx` writes the consolidated DIP, :func:`write_publication` the files published
  after the SK (xlsx, csv for Indonesian Excel, one self-contained html page).
* :func:`daftar_context` builds the ``daftar`` group of the letter context (templates ``sk_dip``,
  ``sk_dik``, ``koreksi_dip``; see ``templates_docx/README.md``).

Order everywhere (recap, publication, SK lampiran): category A (berkala), B (serta merta), C (setiap
saat); within a category the OPDs alphabetically; within an OPD the order of submission. Rows are
numbered 1..n over the whole list, so a number means the same entry in every output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from pipeline.core.vocab import PASAL17_LETTERS, UU_KIP

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CATEGORY_LETTERS",
    "DIP_COLUMNS",
    "DIK_COLUMNS",
    "DipEntry",
    "DikEntry",
    "RowProblem",
    "category_of",
    "opd_of",
    "validate_dip",
    "validate_dik",
    "parse_dasar",
    "pasal17_of",
    "normalise_legal_basis",
    "ordered",
]

# --------------------------------------------------------------------------------------------------
# Categories and columns
# --------------------------------------------------------------------------------------------------

CATEGORIES = {
    "berkala": "A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala",
    "serta_merta": "B. Informasi yang Wajib Diumumkan Secara Serta Merta",
    "setiap_saat": "C. Informasi yang Wajib Tersedia Setiap Saat",
}
CATEGORY_LABELS = {"berkala": "Berkala", "serta_merta": "Serta Merta", "setiap_saat": "Setiap Saat"}
CATEGORY_LETTERS = {"berkala": "A", "serta_merta": "B", "setiap_saat": "C"}


# Printed column names (reference §6), used in the problems and in every file written here.
COL_NO = "No"
COL_KATEGORI = "Kategori Informasi"
COL_KELOMPOK = "Judul Kelompok (A/B/C)"
COL_RINGKASAN = "Ringkasan Isi Informasi"
COL_PENGUASA = "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi"
COL_PENANGGUNG_JAWAB = "Penanggung Jawab Pembuatan atau Penerbitan Informasi"
COL_WAKTU_TEMPAT = "Waktu dan Tempat Pembuatan Informasi"
COL_BENTUK = "Bentuk/Format Informasi yang Tersedia"
COL_RETENSI = "Jangka Waktu Penyimpanan atau Retensi Arsip"
COL_OPD = "PPID Pelaksana/OPD"

COL_INFORMASI = "Informasi yang Dikecualikan"
COL_DASAR = "Dasar Hukum Pengecualian"
COL_DIBUKA = "Konsekuensi bila Dibuka"
COL_DITUTUP = "Konsekuensi bila Ditutup"
COL_JANGKA = "Jangka Waktu Pengecualian"
COL_UNIT = "Pejabat/Unit yang Menguasai"

DIP_COLUMNS = [COL_NO, COL_RINGKASAN, COL_PENGUASA, COL_PENANGGUNG_JAWAB, COL_WAKTU_TEMPAT, COL_BENTUK,
               COL_RETENSI]  # fmt: skip
DIK_COLUMNS = [COL_NO, COL_INFORMASI, COL_DASAR, COL_DIBUKA, COL_DITUTUP, COL_JANGKA, COL_UNIT]

# reader key -> (column, what the officer is told when it is empty)
_DIP_REQUIRED = {
    "ringkasan_isi": (COL_RINGKASAN, "Ringkasan isi informasi belum diisi."),
    "penguasa_informasi": (COL_PENGUASA, "Pejabat/unit/satuan kerja yang menguasai informasi belum diisi."),
    "penanggung_jawab": (COL_PENANGGUNG_JAWAB, "Penanggung jawab pembuatan atau penerbitan informasi belum diisi."),
    "waktu_tempat": (COL_WAKTU_TEMPAT, "Waktu dan tempat pembuatan informasi belum diisi."),
    "bentuk_informasi": (COL_BENTUK, "Bentuk/format informasi yang tersedia (cetak/elektronik) belum diisi."),
    "retensi": (COL_RETENSI, "Jangka waktu penyimpanan atau retensi arsip belum diisi."),
}


@dataclass
class DipEntry:
    category: str  # "berkala" | "serta_merta" | "setiap_saat"
    ringkasan: str
    penguasa: str
    penanggung_jawab: str
    waktu_tempat: str
    bentuk: str
    retensi: str
    opd: str  # the PPID Pelaksana / OPD that submitted it
    row: int | None = None  # Excel row in the OPD's file


@dataclass
class DikEntry:
    informasi: str
    pasal17: str  # letter a-j of UU KIP Pasal 17, or ""
    angka: str  # number within that letter, or ""
    dasar_lain: str  # another law's article, as written (alone, or beside a Pasal 17 letter)
    dasar_teks: str  # the full legal basis, printed in the SK
    konsekuensi_dibuka: str
    konsekuensi_ditutup: str
    jangka_waktu: str
    unit: str
    row: int | None = None


@dataclass
class RowProblem:
    row: int | None  # Excel row; None for the list as a whole
    column: str  # the printed column name
    message: str  # Indonesian, for the OPD


# --------------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------------

_BLANK = re.compile(r"[\s\-–—.…_/]*")


def _value(fields: dict, key: str) -> str:
    """A field's text; "-", "…" and the like count as empty."""
    text = str(fields.get(key) or "").strip()
    return "" if _BLANK.fullmatch(text) else text


def _norm(text: str) -> str:
    """Text compared for duplicates: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def category_of(text: str | None) -> str | None:
    """"berkala" | "serta_merta" | "setiap_saat" from what an OPD writes: "A", "b.", "Berkala",
    "Serta-merta", "setiap saat", "Informasi Tersedia Setiap Saat", the group headings; None when it
    names no category, more than one, or the excepted information (not part of the DIP)."""
    if text is None:
        return None
    words = " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).casefold()).split())
    if not words or "dikecualikan" in words:
        return None
    found = set()
    if re.search(r"\bberkala\b", words):
        found.add("berkala")
    if re.search(r"\bserta ?merta\b", words):
        found.add("serta_merta")
    if re.search(r"\bsetiap ?saat\b", words):
        found.add("setiap_saat")
    if len(found) == 1:
        return found.pop()
    if not found and len(words) == 1:
        return {"a": "berkala", "b": "serta_merta", "c": "setiap_saat"}.get(words)
    return None


# Personal data must not reach a published list (UU 27/2022): NIK, mobile numbers, private e-mail.
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_MOBILE = re.compile(r"(?<![\d+])(?:\+62|62|0)8\d{2}[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[a-z]{2,}", re.IGNORECASE)


def _private_emails(text: str) -> list[str]:
    return [m.group(0) for m in _EMAIL.finditer(text) if not m.group(0).lower().endswith(".go.id")]


def _has_personal_data(text: str) -> bool:
    return bool(_NIK.search(text) or _MOBILE.search(text) or _private_emails(text))


def _redact(text: str) -> str:
    text = _NIK.sub("[data pribadi]", text)
    text = _MOBILE.sub("[data pribadi]", text)
    for email in _private_emails(text):
        text = text.replace(email, "[data pribadi]")
    return text


_ACRONYMS = {
    "PPID", "OPD", "RSUD", "RSJ", "RSIA", "UPTD", "UPT", "BPBD", "DPRD", "BPKAD", "BKPSDM", "ESDM", "PUPR",
    "UMKM", "PKP", "SMA", "SMK", "SLB", "KB", "DIP", "DIK", "PMD", "PTSP", "PMPTSP", "KIP", "RI", "II", "III",
}  # fmt: skip
_SMALL_WORDS = {"dan", "di", "ke", "dari", "serta", "atau", "yang", "untuk", "pada", "selaku", "atas", "dengan"}


def _tidy_name(name: str) -> str:
    """"DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" -> "Dinas Komunikasi, Informatika dan Statistik";
    a name already in mixed case is kept as written."""
    name = " ".join(name.split()).strip(" .:;,-–—_…")
    if not name or any(ch.islower() for ch in name):
        return name
    words = []
    for index, word in enumerate(name.split()):
        core = re.sub(r"[^0-9A-Za-z]", "", word)
        if core in _ACRONYMS or any(ch.isdigit() for ch in core) or (word.startswith("(") and word.endswith(")")):
            words.append(word)
        elif index and core.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.lower().split("-")))
    return " ".join(words)


# --------------------------------------------------------------------------------------------------
# Which OPD sent the list
# --------------------------------------------------------------------------------------------------

_OPD_LABEL = re.compile(r"ppid\s+pelaksana|perangkat\s+daerah|\bopd\b|badan\s+publik|unit\s+kerja|satuan\s+kerja", re.I)
_LIST_TITLE = re.compile(r"daftar\s+informasi\s+(?:publik|yang\s+dikecualikan)\s*(?:\((?:dip|dik)\))?\s*(.*)", re.I)
_OPD_WORDS = re.compile(
    r"^(?:ppid\s+pelaksana\s+)?(?:dinas|badan|biro|sekretariat|inspektorat|satuan|rumah\s+sakit|rsud|uptd|upt|"
    r"kantor|bagian|kecamatan|kelurahan|satpol)\b",
    re.I,
)


def _name_from_title_rest(rest: str) -> str:
    rest = re.split(r"\btahun\b|\bperiode\b", rest, maxsplit=1, flags=re.I)[0]
    rest = re.sub(r"^\s*(?:ppid\s+pelaksana|di\s+lingkungan|pada)\s+", "", rest, flags=re.I)
    return _tidy_name(rest)


def opd_of(document_or_records, fallback_name: str | None = None) -> str | None:
    """The OPD (PPID Pelaksana) that submitted a DIP/DIK: the most frequent value of an OPD column, else
    a title line "PPID Pelaksana/OPD : Dinas …", else the title "DAFTAR INFORMASI PUBLIK DINAS … TAHUN
    2026" (or a line naming a Dinas/Badan/Biro … right under it), else ``fallback_name``.

    Takes a :class:`pipeline.intake.reading.FormDocument` (its ``records`` and ``title``) or a list of records.
    """
    records = getattr(document_or_records, "records", None)
    if records is None:
        records = list(document_or_records or [])
    title = list(getattr(document_or_records, "title", []) or [])
    names = [_tidy_name(_value(r.fields, "opd")) for r in records if _value(r.fields, "opd")]
    if names:
        return Counter(names).most_common(1)[0][0]
    for line in title:
        label, colon, value = line.partition(":")
        if colon and _OPD_LABEL.search(label) and not _BLANK.fullmatch(value):
            return _tidy_name(value)
    for index, line in enumerate(title):
        match = _LIST_TITLE.search(line)
        if not match:
            continue
        name = _name_from_title_rest(match.group(1))
        if name:
            return name
        for following in title[index + 1 :]:
            if _OPD_WORDS.search(following):
                return _name_from_title_rest(following)
        break
    return fallback_name


# --------------------------------------------------------------------------------------------------
# DIP
# --------------------------------------------------------------------------------------------------


def validate_dip(records: Sequence, *, opd: str | None) -> tuple[list[DipEntry], list[RowProblem]]:
    """Check one OPD's DIP (records of kind "dip" from :func:`pipeline.intake.reading.read_form`).

    Every row needs the six columns of the DIP filled (ringkasan isi, pejabat/unit yang menguasai,
    penanggung jawab, waktu dan tempat, bentuk, retensi), a category (a "Kategori" column or the A/B/C
    group heading above it), no personal data (the DIP is published) and must not repeat an earlier row
    of the same category. ``opd`` is the submitting OPD (:func:`opd_of`); an OPD column overrides it per
    row. Returns the entries of the rows without problems, and every problem in row order.
    """
    entries: list[DipEntry] = []
    problems: list[RowProblem] = []
    if not records:
        problems.append(RowProblem(None, COL_RINGKASAN, "Daftar tidak memuat satu pun informasi."))
    if records and not (opd or "").strip() and not all(_value(r.fields, "opd") for r in records):
        problems.append(RowProblem(
            None, COL_OPD,
            "Nama PPID Pelaksana/OPD yang menyampaikan daftar tidak ditemukan; tulis pada baris judul, "
            "misalnya \"PPID Pelaksana/OPD: Dinas Kesehatan Provinsi Bali\".",
        ))  # fmt: skip
    seen: dict[tuple[str, str], int | None] = {}
    unknown_headings: set[str] = set()
    for record in records:
        fields, row = record.fields, record.row
        found: list[RowProblem] = []
        values = {key: _value(fields, key) for key in _DIP_REQUIRED}
        for key, (column, message) in _DIP_REQUIRED.items():
            if not values[key]:
                found.append(RowProblem(row, column, message))
        category = _dip_category(fields, row, found, unknown_headings)
        for key, (column, _message) in _DIP_REQUIRED.items():
            if values[key] and _has_personal_data(values[key]):
                found.append(RowProblem(
                    row, column,
                    "Isian memuat data pribadi (NIK, nomor telepon seluler atau alamat e-mail pribadi); "
                    "Daftar Informasi Publik diumumkan, hapus data pribadi tersebut.",
                ))  # fmt: skip
        if category and values["ringkasan_isi"]:
            key = (category, _norm(values["ringkasan_isi"]))
            if key in seen:
                where = f"baris {seen[key]}" if seen[key] is not None else "daftar ini"
                found.append(RowProblem(
                    row, COL_RINGKASAN,
                    f"Informasi ini sudah tercantum pada {where} dengan kategori yang sama "
                    f"({CATEGORY_LABELS[category]}); hapus salah satu.",
                ))  # fmt: skip
            else:
                seen[key] = row
        problems.extend(found)
        if not found and category:
            entries.append(DipEntry(
                category=category, ringkasan=values["ringkasan_isi"], penguasa=values["penguasa_informasi"],
                penanggung_jawab=values["penanggung_jawab"], waktu_tempat=values["waktu_tempat"],
                bentuk=values["bentuk_informasi"], retensi=values["retensi"],
                opd=_tidy_name(_value(fields, "opd")) or (opd or "").strip(), row=row,
            ))  # fmt: skip
    return entries, problems


def _dip_category(fields: dict, row: int | None, found: list[RowProblem], unknown_headings: set[str]) -> str | None:
    written = _value(fields, "kategori")
    if written:
        category = category_of(written)
        if category is None:
            found.append(RowProblem(row, COL_KATEGORI, _unknown_category_message(written)))
        return category
    heading = _value(fields, "kelompok")
    if heading:
        category = category_of(heading)
        if category is None and heading not in unknown_headings:
            unknown_headings.add(heading)
            found.append(RowProblem(
                row, COL_KELOMPOK,
                f"Judul kelompok \"{heading}\" di atas baris ini bukan kategori Daftar Informasi Publik; "
                "gunakan A. Berkala, B. Serta Merta, atau C. Setiap Saat (berlaku juga untuk baris di bawahnya).",
            ))  # fmt: skip
        return category
    found.append(RowProblem(
        row, COL_KATEGORI,
        "Kategori informasi belum diisi: tulis Berkala, Serta Merta, atau Setiap Saat, atau letakkan baris "
        "di bawah judul kelompok A, B, atau C.",
    ))  # fmt: skip
    return None


def _unknown_category_message(written: str) -> str:
    if "dikecualikan" in written.casefold():
        return (
            "Informasi yang dikecualikan tidak dimuat dalam Daftar Informasi Publik; usulkan melalui "
            "Daftar Informasi yang Dikecualikan (uji konsekuensi)."
        )
    return f"Kategori \"{written}\" tidak dikenal: isi Berkala, Serta Merta, atau Setiap Saat."


def _opd_key(name: str) -> str:
    return name.casefold()


def ordered(entries: Iterable[DipEntry]) -> list[tuple[int, DipEntry]]:
    """Entries in list order (category A, B, C; OPD alphabetically; as submitted), numbered from 1."""
    rank = {key: index for index, key in enumerate(CATEGORIES)}
    indexed = list(enumerate(entries))
    indexed.sort(key=lambda item: (rank.get(item[1].category, len(rank)), _opd_key(item[1].opd), item[0]))
    return [(number, entry) for number, (_, entry) in enumerate(indexed, start=1)]


def _grouped(entries: Iterable[DipEntry]) -> list[tuple[str, list[tuple[str, list[tuple[int, DipEntry]]]]]]:
    """[(category, [(opd, [(no, entry), ...]), ...]), ...] in list order; empty categories left out."""
    groups: list[tuple[str, list[tuple[str, list[tuple[int, DipEntry]]]]]] = []
    for number, entry in ordered(entries):
        if not groups or groups[-1][0] != entry.category:
            groups.append((entry.category, []))
        opds = groups[-1][1]
        if not opds or _opd_key(opds[-1][0]) != _opd_key(entry.opd):
            opds.append((entry.opd, []))
        opds[-1][1].append((number, entry))
    return groups


# --------------------------------------------------------------------------------------------------
# DIK
# --------------------------------------------------------------------------------------------------

_PASAL17 = re.compile(
    r"(?<![\w/.])(?:pasal\s*)?17\s*(?:ayat\s*\(?1\)?\s*)?(?:huruf\s*)?\(?([a-z])\)?(?![a-z])\.?"
    r"(?:\s*(?:angka|ayat)\s*\(?(\d+)\)?)?",
    re.I,
)
_ONLY_LETTER = re.compile(r"(?:huruf\s*)?\(?([a-z])\)?\.?(?:\s*(?:angka|ayat)\s*\(?(\d+)\)?)?", re.I)
_PASAL17_WITHOUT_LETTER = re.compile(r"\bpasal\s*17(?!\d)(?!\s*ayat)", re.I)
_UU_KIP_MENTION = re.compile(
    r"(?:undang[\s-]*undang|\buu)\s*(?:republik\s+indonesia\s*)?(?:nomor|no\.?)?\s*14\s*(?:tahun|/)\s*2008"
    r"(?:\s*tentang\s*keterbukaan\s*informasi\s*publik)?|\buu\s*kip\b|\bkip\b",
    re.I,
)
_LAW = re.compile(r"\bpasal\b|\bundang|\buu\b|\bperaturan\b|\bpp\b|\bperpres\b|\bperda\b|\bpergub\b|\bpermen", re.I)
_CONNECTORS = re.compile(r"^[\s;,.:]*(?:(?:jo|juncto|dan|serta)\b\.?)?[\s;,.:]*", re.I)


# Abbreviations of "Pasal 17 huruf b angka 2" as people write them: "Ps. 17 hrf. b", "Psl 17 (b) ang. 2",
# "pasal 17 huruf (b) butir 2", "Pasal 17 b UU KIP".
_ABBREVIATIONS = [
    (re.compile(r"\b(?:psl|ps|pas)\b\.?", re.I), "Pasal"),
    (re.compile(r"\b(?:hrf|hrft|hur|huf)\b\.?", re.I), "huruf"),
    (re.compile(r"\b(?:angk|ang|agk|butir|poin|point|nomor|no)\b\.?(?=\s*\(?\d)", re.I), "angka"),
]


def normalise_legal_basis(text: str) -> str:
    """Abbreviations written out, so "Ps. 17 hrf. b ang. 2" reads like "Pasal 17 huruf b angka 2"."""
    for pattern, word in _ABBREVIATIONS:
        text = pattern.sub(word, text)
    return " ".join(text.split())


def pasal17_of(text: str) -> tuple[str, str]:
    """(letter, angka) of UU KIP Pasal 17 in a legal basis as written, or ("", "") when it names none."""
    text = normalise_legal_basis(text)
    only = _ONLY_LETTER.fullmatch(text.strip())
    if only:
        return only.group(1).lower(), only.group(2) or ""
    match = _PASAL17.search(text)
    if match:
        return match.group(1).lower(), match.group(2) or ""
    return "", ""


def _expand_law_names(text: str) -> str:
    """"UU 36/2009" -> "Undang-Undang Nomor 36 Tahun 2009"; "PP 61/2010" likewise."""
    text = re.sub(r"\bUU\s*(?:RI\s*)?(?:No\.?|Nomor)?\s*(\d+)\s*(?:/|Tahun)\s*(\d{4})",
                  r"Undang-Undang Nomor \1 Tahun \2", text, flags=re.I)  # fmt: skip
    text = re.sub(r"\bPP\s*(?:No\.?|Nomor)?\s*(\d+)\s*(?:/|Tahun)\s*(\d{4})",
                  r"Peraturan Pemerintah Nomor \1 Tahun \2", text, flags=re.I)  # fmt: skip
    return text


def parse_dasar(text: str) -> tuple[str, str, str, str, str]:
    """The legal basis of an exception as written -> (pasal17, angka, dasar_lain, dasar_teks, error).

    "Pasal 17 huruf b UU 14/2008" -> ("b", "", "", "Pasal 17 huruf b Undang-Undang Nomor 14 …", "");
    "17 h angka 2" -> ("h", "2", …); "Pasal 57 UU 36/2009 tentang Kesehatan" -> ("", "", "Pasal 57 UU
    36/2009 tentang Kesehatan", "Pasal 57 Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan", "");
    "Pasal 17 huruf k" -> error (Pasal 17 has letters a to j only). ``error`` is "" or an Indonesian
    sentence."""
    original = normalise_legal_basis(text or "")
    if not original:
        return "", "", "", "", ""
    letter = angka = ""
    remainder = original
    only = _ONLY_LETTER.fullmatch(original)
    match = _PASAL17.search(original)
    if only:
        letter, angka, remainder = only.group(1).lower(), only.group(2) or "", ""
    elif match:
        letter, angka = match.group(1).lower(), match.group(2) or ""
        remainder = original[: match.start()] + " " + original[match.end() :]
    if letter and letter not in PASAL17_LETTERS:
        return "", "", "", "", (
            f"Pasal 17 Undang-Undang Nomor 14 Tahun 2008 hanya memiliki huruf a sampai j (tertulis huruf "
            f"\"{letter}\")."
        )
    if not letter and _PASAL17_WITHOUT_LETTER.search(original) and not _LAW.search(
        _UU_KIP_MENTION.sub(" ", _PASAL17_WITHOUT_LETTER.sub(" ", original))
    ):
        return "", "", "", "", "Huruf Pasal 17 Undang-Undang Nomor 14 Tahun 2008 (a sampai j) belum ditulis."
    if letter:
        other = _CONNECTORS.sub("", _UU_KIP_MENTION.sub(" ", remainder)).strip(" ;,.:")
        other = " ".join(other.split())
        other = other if re.search(r"[A-Za-z]{2}", other) else ""
        if letter == "j" and not other:
            return "", "", "", "", (
                "Pasal 17 huruf j memerlukan undang-undang lain yang melarang informasi dibuka: sebutkan "
                "pasal dan undang-undangnya."
            )
        number = f" angka {angka}" if angka else ""
        teks = f"Pasal 17 huruf {letter}{number} {UU_KIP}"
        if other:
            teks += f" juncto {_expand_law_names(other)}"
        return letter, angka, other, teks, ""
    if not _LAW.search(original):
        return "", "", "", "", (
            f"Dasar hukum \"{original}\" tidak menyebut Pasal 17 huruf a-j Undang-Undang Nomor 14 Tahun 2008 "
            "atau pasal undang-undang lain."
        )
    return "", "", original, _expand_law_names(original), ""


def validate_dik(records: Sequence) -> tuple[list[DikEntry], list[RowProblem]]:
    """Check a DIK proposal (records of kind "dik"): the information, a legal basis (Pasal 17 huruf a-j
    UU KIP, optionally with angka, or another law's article), both consequence texts of the consequence
    test (bila dibuka, bila ditutup) and the period of exception are required; no row may repeat an
    earlier one. Returns the entries of the rows without problems, and every problem in row order."""
    entries: list[DikEntry] = []
    problems: list[RowProblem] = []
    if not records:
        problems.append(RowProblem(None, COL_INFORMASI, "Daftar tidak memuat satu pun informasi."))
    seen: dict[str, int | None] = {}
    for record in records:
        fields, row = record.fields, record.row
        found: list[RowProblem] = []
        informasi = _value(fields, "informasi")
        if not informasi:
            found.append(RowProblem(row, COL_INFORMASI, "Informasi yang dikecualikan belum diisi."))
        written = _value(fields, "dasar_hukum")
        pasal17, angka, dasar_lain, dasar_teks, error = parse_dasar(written)
        if not written:
            found.append(RowProblem(
                row, COL_DASAR,
                "Dasar hukum pengecualian belum diisi: Pasal 17 huruf a-j Undang-Undang Nomor 14 Tahun 2008, "
                "atau pasal undang-undang lain.",
            ))  # fmt: skip
        elif error:
            found.append(RowProblem(row, COL_DASAR, error))
        dibuka, ditutup = _value(fields, "konsekuensi_dibuka"), _value(fields, "konsekuensi_ditutup")
        if not dibuka:
            found.append(RowProblem(
                row, COL_DIBUKA, "Konsekuensi bila informasi dibuka (hasil uji konsekuensi) belum diisi."
            ))
        if not ditutup:
            found.append(RowProblem(
                row, COL_DITUTUP,
                "Konsekuensi bila informasi ditutup (pertimbangan kepentingan publik) belum diisi.",
            ))  # fmt: skip
        jangka = _value(fields, "jangka_waktu")
        if not jangka:
            found.append(RowProblem(row, COL_JANGKA, "Jangka waktu pengecualian belum diisi."))
        if informasi:
            key = _norm(informasi)
            if key in seen:
                where = f"baris {seen[key]}" if seen[key] is not None else "daftar ini"
                found.append(RowProblem(row, COL_INFORMASI, f"Informasi ini sudah tercantum pada {where}."))
            else:
                seen[key] = row
        problems.extend(found)
        if not found:
            entries.append(DikEntry(
                informasi=informasi, pasal17=pasal17, angka=angka, dasar_lain=dasar_lain, dasar_teks=dasar_teks,
                konsekuensi_dibuka=dibuka, konsekuensi_ditutup=ditutup, jangka_waktu=jangka,
                unit=_value(fields, "pejabat"), row=row,
            ))  # fmt: skip
    return entries, problems
