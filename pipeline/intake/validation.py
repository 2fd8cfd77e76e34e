"""Completeness checks of request and objection forms (Formulir Permohonan Informasi Publik,
Formulir Pengajuan Keberatan).

A form with any problem is returned to the applicant as "Kurang lengkap" (SOP 003), so each
problem is one Indonesian sentence naming the field as printed on the form. Problem sentences can
end up in shared files: they say what is wrong, never the personal data itself (NIK, phone, e-mail).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pipeline.core.bahasa import angka, parse_tanggal
from pipeline.core.bahasa import tanggal as format_tanggal
from pipeline.core.vocab import ALASAN_KEBERATAN, CARA_MEMPEROLEH, CARA_SALINAN
from pipeline.intake.reading.text import label_key

if TYPE_CHECKING:
    from pipeline.intake.reading import FormRecord

__all__ = [
    "Applicant",
    "RequestData",
    "validate_request",
    "validate_nik",
    "validate_email",
    "validate_phone",
    "validate_phones",
    "split_telepon_email",
    "ObjectionData",
    "Proxy",
    "validate_objection",
]

_TICK_HINT = "(beri tanda ☑ pada salah satu pilihan)"
_DAY_NAMES = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}


def addressee(nama: str, *, organisasi: bool, penanggung_jawab: str | None) -> str:
    """The addressee line: "Yayasan Bali Sadar c.q. I Made Suarta" for an organisation, else the name."""
    return f"{nama} c.q. {penanggung_jawab}" if organisasi and penanggung_jawab else nama


@dataclass
class Applicant:
    """Who applies. A person (``organisasi`` False), or an organisation: then ``nama`` is the organisation,
    ``penanggung_jawab`` the person acting for it (and ``jabatan`` their position), ``nomor_sk`` its SK
    Kemenkumham/AHU number; letters go to the organisation "c.q." the person in charge."""

    nama: str
    # personal data stays out of repr() so it does not leak into logs and tracebacks
    alamat: str = field(repr=False)
    nik: str | None = field(default=None, repr=False)
    nomor_sk: str | None = None
    pekerjaan: str | None = None
    telepon: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)
    nama_kuasa: str | None = None
    organisasi: bool = False
    penanggung_jawab: str | None = None
    jabatan: str | None = None

    @property
    def alamat_surat(self) -> str:
        return addressee(self.nama, organisasi=self.organisasi, penanggung_jawab=self.penanggung_jawab)


@dataclass
class RequestData:
    applicant: Applicant
    rincian_informasi: str
    tujuan: str
    cara_memperoleh: list[str]
    cara_salinan: list[str]
    tanggal_form: date | None
    tempat: str | None = None
    opd_tujuan: str | None = None


# ---------------------------------------------------------------------------------------------
# Field helpers (public: objections reuse them)
# ---------------------------------------------------------------------------------------------

_NIK_SEPARATORS = re.compile(r"[\s.\-\u00a0]+")


def _nik_date_problem(digits: str) -> str | None:
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > 40:          # women: birth day + 40
        day -= 40
    if not 1 <= day <= 31:
        return ("NIK tidak valid: angka ke-7 dan ke-8 (tanggal lahir) harus 01–31, "
                "atau 41–71 untuk perempuan.")
    if not 1 <= month <= 12:
        return "NIK tidak valid: angka ke-9 dan ke-10 (bulan lahir) harus 01–12."
    # the century is unknown; a two-digit year divisible by 4 is a leap year in 19xx and 20xx
    longest = 29 if month == 2 and year % 4 == 0 else calendar.monthrange(2001, month)[1]
    if day > longest:
        return ("NIK tidak valid: tanggal lahir (angka ke-7 dan ke-8) tidak ada "
                "pada bulan lahir (angka ke-9 dan ke-10).")
    return None


def validate_nik(text: str | None) -> tuple[str | None, str | None]:
    """(16-digit NIK, None) or (None, Indonesian problem). Spaces, dots and dashes inside the
    number are tolerated. Checks length, region code (digits 1-6 not all zero) and the birth date
    in digits 7-12 (day + 40 for women); the problem sentence never repeats the number."""
    raw = (text or "").strip()
    if not raw:
        return None, "NIK belum diisi."
    digits = _NIK_SEPARATORS.sub("", raw)
    if not (digits.isascii() and digits.isdigit()):
        return None, "NIK hanya boleh berisi angka."
    if len(digits) != 16:
        return None, f"NIK harus 16 angka (tertulis {len(digits)} angka)."
    if digits[:6] == "000000":
        return None, "NIK tidak valid: kode wilayah (angka ke-1 sampai ke-6) tidak boleh semuanya nol."
    problem = _nik_date_problem(digits)
    return (None, problem) if problem else (digits, None)


_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})")


def validate_email(text: str | None) -> tuple[str | None, str | None]:
    """(address with lowercase domain, None) or (None, Indonesian problem)."""
    raw = (text or "").strip().strip("<>").strip()
    if not raw:
        return None, "Alamat e-mail belum diisi."
    if raw.count("@") != 1:
        return None, "Alamat e-mail tidak valid: harus memuat tepat satu tanda @."
    match = _EMAIL.fullmatch(raw)
    if not match:
        return None, "Alamat e-mail tidak valid (contoh penulisan yang benar: nama@contoh.go.id)."
    return f"{match['local']}@{match['domain'].lower()}", None


_PHONE_SEPARATORS = re.compile(r"[\s\-.()\u00a0]+")
_PHONE = re.compile(r"(?:\+62|62|0)([1-9]\d{7,12})")
_TRUNK_ZERO = re.compile(r"^(\+?62)\s*\(0\)")
_PHONE_LIST = re.compile(r"\s*(?:[/,;]|\batau\b|\bdan\b)\s*", re.IGNORECASE)


def validate_phone(text: str | None) -> tuple[str | None, str | None]:
    """(number in national form "081234567890", None) or (None, Indonesian problem).

    Accepts +62, 62 or 0 followed by 8-13 digits; spaces, dashes, dots and brackets are ignored.
    """
    raw = (text or "").strip()
    if not raw:
        return None, "Nomor telepon belum diisi."
    # "+62 (0)812..." is a common way of writing the trunk zero that must be dropped
    compact = _PHONE_SEPARATORS.sub("", _TRUNK_ZERO.sub(r"\1", raw))
    match = _PHONE.fullmatch(compact)
    if not match:
        return None, ("Nomor telepon tidak valid: harus diawali +62, 62, atau 0 "
                      "lalu diikuti 8 sampai 13 angka.")
    return "0" + match[1], None


def validate_phones(text: str | None) -> tuple[str | None, str | None]:
    """Like validate_phone, for a field that may hold several numbers ("0812... / 0361...");
    the normalized numbers are joined with ", "."""
    numbers = []
    for part in filter(None, _PHONE_LIST.split((text or "").strip())):
        number, problem = validate_phone(part)
        if problem:
            return None, problem
        numbers.append(number)
    if not numbers:
        return validate_phone(None)
    return ", ".join(numbers), None


_EMAIL_TOKEN = re.compile(r"\S+@\S+")
_CONTACT_LABELS = re.compile(r"\b(?:nomor|no|telp|telepon|tlp|hp|wa|whatsapp|e-?mail)\b\.?\s*:?",
                             re.IGNORECASE)


def split_telepon_email(text: str) -> tuple[str | None, str | None]:
    """Split the combined "Nomor Telepon / E-mail" field into (phone text, e-mail text).

    The e-mail is the token holding "@"; what is left, minus labels and separators, is the phone.
    """
    email_match = _EMAIL_TOKEN.search(text)
    email = email_match[0].strip(",;/|") if email_match else None
    rest = _EMAIL_TOKEN.sub(" ", text) if email_match else text
    return _strip_labels(rest), email


def _strip_labels(text: str | None) -> str | None:
    """ "Telp/HP: 0812 ..." -> "0812 ..."; None when nothing is left."""
    rest = _CONTACT_LABELS.sub(" ", text or "")
    return re.sub(r"^[\s,;/|:]+|[\s,;/|:]+$", "", rest) or None


# ---------------------------------------------------------------------------------------------
# Request form
# ---------------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _text(fields: dict[str, str], key: str) -> str | None:
    """Field text, or None when blank or only placeholder marks ("-", "…", "____"). Invisible marks pasted
    with the text (WhatsApp's direction marks, zero-width spaces) are dropped before any check."""
    value = _ODD_SPACES.sub(" ", _INVISIBLE.sub("", fields.get(key) or "")).strip()
    return value if any(ch.isalnum() for ch in value) else None


def _applicant(fields: dict[str, str], nama: str, alamat: str, nik: str | None, nomor_sk: str | None,
               telepon: str | None, email: str | None, nama_kuasa: str | None) -> Applicant:
    return Applicant(nama=nama, alamat=alamat, nik=nik, nomor_sk=nomor_sk, pekerjaan=_text(fields, "pekerjaan"),
                     telepon=telepon, email=email, nama_kuasa=nama_kuasa, organisasi=_is_organisation(fields),
                     penanggung_jawab=_text(fields, "penanggung_jawab"), jabatan=_text(fields, "jabatan"))


def _is_organisation(fields: dict[str, str]) -> bool:
    return _text(fields, "jenis_pemohon") == "organisasi"


def _check_person_in_charge(fields: dict[str, str], problems: list[str]) -> None:
    if _is_organisation(fields) and _text(fields, "penanggung_jawab") is None:
        problems.append("Nama penanggung jawab badan hukum/organisasi belum diisi.")


# Longest text a form field may hold. A form is one or two pages; a field far beyond that is a paste
# gone wrong, and printed into every letter it would make them tens of pages (a 200 000-character
# "rincian" kept LibreOffice past its time limit twice, and the number was voided).
_MAX_CHARS = {"nama": 150, "nama_kuasa": 150, "pekerjaan": 150, "alamat": 500, "tujuan": 2000,
              "rincian_informasi": 5000, "kasus_posisi": 5000}
_DEFAULT_MAX_CHARS = 5000
_FIELD_LABELS = {"nama": "Nama", "nama_kuasa": "Nama kuasa", "pekerjaan": "Pekerjaan", "alamat": "Alamat",
                 "tujuan": "Tujuan penggunaan informasi", "rincian_informasi": "Rincian informasi",
                 "kasus_posisi": "Kasus posisi"}


def check_lengths(fields: dict[str, str], problems: list[str]) -> None:
    """Every field within its length (forms and answers alike: each goes into letters)."""
    for key, value in fields.items():
        limit = _MAX_CHARS.get(key, _DEFAULT_MAX_CHARS)
        if isinstance(value, str) and len(value.strip()) > limit:
            label = _FIELD_LABELS.get(key, key.replace("_", " ").capitalize())
            problems.append(f"{label} terlalu panjang ({angka(len(value.strip()))} karakter; paling banyak "
                            f"{angka(limit)}). Tuliskan ringkasannya di formulir dan lampirkan rinciannya sebagai "
                            "berkas terpisah.")


def _check_required(fields: dict[str, str], key: str, sentence: str, problems: list[str]) -> str | None:
    value = _text(fields, key)
    if value is None:
        problems.append(sentence)
    return value


def _check_identity(fields: dict[str, str], problems: list[str]) -> tuple[str | None, str | None]:
    nik_text, nomor_sk = _text(fields, "nik"), _text(fields, "nomor_sk")
    if nik_text is None and nomor_sk is None:
        problems.append("NIK (atau nomor SK pengesahan badan hukum bagi badan hukum) belum diisi.")
        return None, None
    if nik_text is None:
        return None, nomor_sk
    nik, problem = validate_nik(nik_text)
    if problem:
        problems.append(problem)
    return nik, nomor_sk


def _contact_texts(fields: dict[str, str]) -> tuple[str | None, str | None]:
    phone, email = _text(fields, "telepon"), _text(fields, "email")
    combined = _text(fields, "telepon_email")
    if combined:
        split_phone, split_email = split_telepon_email(combined)
        phone, email = phone or split_phone, email or split_email
    if phone and "@" in phone and not email:     # e-mail written in the phone box
        phone, email = split_telepon_email(phone)
    return _strip_labels(phone), email


def _check_contact(fields: dict[str, str], problems: list[str]) -> tuple[str | None, str | None]:
    phone_text, email_text = _contact_texts(fields)
    if phone_text is None and email_text is None:
        problems.append("Nomor telepon/e-mail belum diisi (isi salah satu).")
        return None, None
    phone = email = None
    if phone_text is not None:
        phone, problem = validate_phones(phone_text)
        if problem:
            problems.append(problem)
    if email_text is not None:
        email, problem = validate_email(email_text)
        if problem:
            problems.append(problem)
    return phone, email


def _check_choice(record: FormRecord, key: str, allowed: tuple[str, ...], label: str,
                  problems: list[str]) -> list[str]:
    ticked = list(record.choices.get(key) or [])
    unknown = [option for option in ticked if option not in allowed]
    if unknown:
        problems.append(f"Pilihan {label} tidak dikenal: {', '.join(unknown)}.")
    known = [option for option in ticked if option in allowed]
    if not known and not unknown and not _marked_twice(record, key):
        problems.append(f"{label[0].upper()}{label[1:]} belum dipilih {_TICK_HINT}.")
    return known


_TWO_MARKS = re.compile(r"^Isian '([^']+)' bertanda pada lebih dari satu pilihan")


def _marked_twice(record: FormRecord, key: str) -> bool:
    """The reader's note already says this choice has two marks: it is not "belum dipilih"."""
    return any((m := _TWO_MARKS.match(note)) and label_key(m.group(1)) == key for note in record.notes)


def _split_place(text: str) -> tuple[str | None, str]:
    """ "Denpasar, 16 Maret 2026" -> ("Denpasar", "16 Maret 2026"); a day name is not a place."""
    head, sep, tail = text.partition(",")
    head = head.strip()
    if sep and head and not any(ch.isdigit() for ch in head) and head.lower() not in _DAY_NAMES:
        return head, tail.strip()
    return None, text


def _check_date(fields: dict[str, str], today: date, problems: list[str]) -> tuple[date | None, str | None]:
    raw = _text(fields, "tanggal")
    if raw is None:  # not required: the request is then received on the day it reaches the desk
        return None, _text(fields, "tempat")
    place, date_text = _split_place(raw)
    when = parse_tanggal(date_text)
    if when is None:
        problems.append(f"Tanggal permohonan tidak dapat dibaca (tertulis \"{date_text}\"); "
                        f"tulis seperti 16 Maret 2026.")
    elif when > today:
        problems.append(f"Tanggal permohonan {format_tanggal(when)} berada di masa depan.")
        when = None
    return when, place


def validate_request(record: FormRecord, today: date) -> tuple[RequestData | None, list[str]]:
    """Check a request form; returns (data, []) when complete, else (None, problems).

    Problems come in form order, followed by the reader's own notes (e.g. ambiguous ticks).
    """
    fields, problems = record.fields, []
    nama = _check_required(fields, "nama", "Nama belum diisi.", problems)
    _check_person_in_charge(fields, problems)
    nik, nomor_sk = _check_identity(fields, problems)
    alamat = _check_required(fields, "alamat", "Alamat belum diisi.", problems)
    telepon, email = _check_contact(fields, problems)
    rincian = _check_required(fields, "rincian_informasi",
                              "Rincian informasi yang dibutuhkan belum diisi.", problems)
    tujuan = _check_required(fields, "tujuan", "Tujuan penggunaan informasi belum diisi.", problems)
    memperoleh = _check_choice(record, "cara_memperoleh", tuple(CARA_MEMPEROLEH),
                               "cara memperoleh informasi", problems)
    salinan = _check_choice(record, "cara_salinan", tuple(CARA_SALINAN),
                            "cara mendapatkan salinan informasi", problems)
    tanggal_form, place = _check_date(fields, today, problems)
    check_lengths(fields, problems)
    problems.extend(note for note in record.notes if note)
    if problems:
        return None, problems
    applicant = _applicant(fields, nama, alamat, nik, nomor_sk, telepon, email, _text(fields, "nama_kuasa"))
    data = RequestData(applicant=applicant, rincian_informasi=rincian, tujuan=tujuan,
                       cara_memperoleh=memperoleh, cara_salinan=salinan, tanggal_form=tanggal_form,
                       tempat=_text(fields, "tempat") or place, opd_tujuan=_text(fields, "opd_tujuan"))
    return data, problems


# ---------------------------------------------------------------------------------------------
# Objection form (Formulir Pengajuan Keberatan)
# ---------------------------------------------------------------------------------------------



@dataclass
class Proxy:
    nama: str
    alamat: str | None = field(default=None, repr=False)
    telepon: str | None = field(default=None, repr=False)


@dataclass
class ObjectionData:
    applicant: Applicant
    nomor_permohonan: str | None
    tujuan: str
    alasan: list[str]
    kasus_posisi: str
    kuasa: Proxy | None
    tanggal_form: date | None
    tempat: str | None = None


def validate_objection(record: FormRecord, today: date) -> tuple[ObjectionData | None, list[str]]:
    """Check an objection form; returns (data, []) when complete, else (None, problems).

    NIK is required (a legal entity's SK number is accepted too). The request number may be left out
    only when the sole reason is b (periodic information not provided: no earlier request needed). A
    proxy must attach the special power of attorney (surat kuasa khusus).
    """
    fields, problems = record.fields, []
    nama = _check_required(fields, "nama", "Nama pengaju keberatan belum diisi.", problems)
    _check_person_in_charge(fields, problems)
    nik, nomor_sk = _check_identity(fields, problems)
    alamat = _check_required(fields, "alamat", "Alamat belum diisi.", problems)
    telepon, email = _check_contact(fields, problems)
    tujuan = _check_required(fields, "tujuan", "Tujuan penggunaan informasi belum diisi.", problems)
    alasan = _check_choice(record, "alasan", tuple(ALASAN_KEBERATAN), "alasan pengajuan keberatan (a-g)", problems)
    nomor_permohonan = _text(fields, "nomor_pendaftaran")
    if nomor_permohonan is None and any(a != "b" for a in alasan):
        problems.append("Nomor pendaftaran permohonan belum diisi (hanya alasan b yang tidak memerlukan permohonan sebelumnya).")
    kasus = _check_required(fields, "kasus_posisi", "Kasus posisi belum diisi.", problems)
    kuasa = _check_proxy(record, problems)
    tanggal_form, place = _check_date(fields, today, problems)
    check_lengths(fields, problems)
    problems.extend(note for note in record.notes if note)
    if problems:
        return None, problems
    applicant = _applicant(fields, nama, alamat, nik, nomor_sk, telepon, email, kuasa.nama if kuasa else None)
    return ObjectionData(applicant=applicant, nomor_permohonan=nomor_permohonan, tujuan=tujuan, alasan=alasan,
                         kasus_posisi=kasus, kuasa=kuasa, tanggal_form=tanggal_form,
                         tempat=_text(fields, "tempat") or place), problems


def _check_proxy(record: FormRecord, problems: list[str]) -> Proxy | None:
    nama = _text(record.fields, "nama_kuasa")
    if nama is None:
        return None
    if not any(a.role == "surat_kuasa" for a in record.attachments):
        problems.append("Keberatan diajukan melalui kuasa, tetapi surat kuasa khusus belum dilampirkan "
                        "(letakkan berkasnya di samping formulir, misalnya formulir.kuasa.pdf).")
    return Proxy(nama=nama, alamat=_text(record.fields, "alamat_kuasa"), telepon=_text(record.fields, "telepon_kuasa"))
