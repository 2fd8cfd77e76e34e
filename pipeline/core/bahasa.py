"""Indonesian formatting for letters and registers.

Numbers in words follow the statutory style used in official letters ("seribu", "satu juta seribu",
never "satu ribu"), dates use Indonesian month and day names without leading zeros
("7 Maret 2026"). Everything written here is lowercase except month and day names.
"""

from __future__ import annotations

import operator
import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "terbilang",
    "angka",
    "angka_terbilang",
    "hari_kerja",
    "rupiah",
    "nama_bulan",
    "nama_hari",
    "bulan_romawi",
    "tanggal",
    "hari_tanggal",
    "tanggal_terbilang",
    "format_nip",
    "parse_tanggal",
    "parse_terbilang",
    "MONTH_WORDS",
    "MONTH_PATTERN",
    "DAY_NAMES",
    "DAY_PATTERN",
    "excel_serial_date",
    "nama_zona",
    "waktu_lokal",
]

# ---------------------------------------------------------------------------------------------
# Numbers in words
# ---------------------------------------------------------------------------------------------

_DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
           "sepuluh", "sebelas"]
# Index = power of 1000. "ribu" with a group value of 1 becomes "seribu" (see terbilang).
_SCALES = ["", "ribu", "juta", "miliar", "triliun"]
_LIMIT = 1000 ** len(_SCALES)   # first number we cannot write: 1 000 000 000 000 000


def _below_hundred(n: int) -> str:
    if n < 12:
        return _DIGITS[n]
    if n < 20:
        return f"{_DIGITS[n - 10]} belas"
    tens, unit = divmod(n, 10)
    words = f"{_DIGITS[tens]} puluh"
    return f"{words} {_DIGITS[unit]}" if unit else words


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds == 1:
        parts.append("seratus")
    elif hundreds:
        parts.append(f"{_DIGITS[hundreds]} ratus")
    if rest:
        parts.append(_below_hundred(rest))
    return " ".join(parts)


def terbilang(n: int) -> str:
    """Write an integer in Indonesian words: 1_001_000 -> "satu juta seribu", 0 -> "nol".

    Works up to 999 999 999 999 999 (999 triliun ...); negative numbers get "minus".
    """
    if isinstance(n, bool):
        raise TypeError("terbilang() expects an integer, not a bool")
    n = operator.index(n)
    if n < 0:
        return f"minus {terbilang(-n)}"
    if n == 0:
        return "nol"
    if n >= _LIMIT:
        raise ValueError(f"terbilang() supports numbers below {_LIMIT:,}")
    parts = []
    for power in range(len(_SCALES) - 1, -1, -1):
        group = n // 1000 ** power % 1000
        if not group:
            continue
        if power == 1 and group == 1:
            parts.append("seribu")
        else:
            parts.append(f"{_below_thousand(group)} {_SCALES[power]}".rstrip())
    return " ".join(parts)


_WORD_VALUES = {word: value for value, word in enumerate(_DIGITS[:10])}
_WORD_VALUES.update({"se": 1, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "kosong": 0})
_WORD_SCALES = {"ribu": 1000, "juta": 1000 ** 2, "miliar": 1000 ** 3, "milyar": 1000 ** 3, "triliun": 1000 ** 4}


def parse_terbilang(text: str) -> int | None:
    """Indonesian number words back to a number: "lima belas ribu" -> 15000, "seratus dua puluh" -> 120;
    None when the text is anything else."""
    words = re.sub(r"[^a-z ]+", " ", (text or "").lower()).split()
    words = [w for w in words if w not in ("rupiah", "dan")]
    if not words:
        return None
    total = group = current = 0
    for word in words:
        if word in ("seratus", "seribu") or word in _WORD_VALUES:
            if word == "seratus":
                group += 100
            elif word == "seribu":
                total += (group + current or 1) * 1000 if (group or current) else 1000
                group = current = 0
            else:
                current += _WORD_VALUES[word]
        elif word == "belas":
            group += (current or 1) + 10
            current = 0
        elif word == "puluh":
            group += (current or 1) * 10
            current = 0
        elif word == "ratus":
            group += (current or 1) * 100
            current = 0
        elif word in _WORD_SCALES:
            total += (group + current or 1) * _WORD_SCALES[word]
            group = current = 0
        else:
            return None
    return total + group + current


def angka(n: int) -> str:
    """Digits grouped with dots, Indonesian style: 15000 -> "15.000"."""
    n = operator.index(n)
    return f"{n:,}".replace(",", ".")


def angka_terbilang(n: int) -> str:
    """ "10 (sepuluh)" — number followed by its words, as in statutory text."""
    return f"{angka(n)} ({terbilang(n)})"


def hari_kerja(n: int) -> str:
    """ "10 (sepuluh) hari kerja"."""
    return f"{angka_terbilang(n)} hari kerja"


def rupiah(amount: int | Decimal) -> str:
    """ "Rp15.000,00 (lima belas ribu rupiah)"; sen are rounded half-up to two places and written
    in words when present: "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"."""
    if isinstance(amount, bool):
        raise TypeError("rupiah() expects a number, not a bool")
    # float goes through str() so 0.1 stays 0.1 instead of its binary expansion
    value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("rupiah() does not format negative amounts")
    whole = int(value)
    sen = int((value - whole) * 100)
    figures = f"Rp{angka(whole)},{sen:02d}"
    if whole and sen:
        words = f"{terbilang(whole)} rupiah {terbilang(sen)} sen"
    elif sen:
        words = f"{terbilang(sen)} sen"
    else:
        words = f"{terbilang(whole)} rupiah"
    return f"{figures} ({words})"


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _month_index(m: int) -> int:
    m = operator.index(m)
    if not 1 <= m <= 12:
        raise ValueError(f"month must be 1..12, got {m}")
    return m - 1


def nama_bulan(m: int) -> str:
    """3 -> "Maret"."""
    return _MONTHS[_month_index(m)]


def bulan_romawi(m: int) -> str:
    """3 -> "III" (month in letter numbers)."""
    return _ROMAN[_month_index(m)]


def nama_hari(d: date) -> str:
    """Indonesian day name: "Senin" ... "Minggu"."""
    return _DAYS[d.weekday()]


def tanggal(d: date) -> str:
    """ "7 Maret 2026" (no leading zero)."""
    return f"{d.day} {nama_bulan(d.month)} {d.year}"


def hari_tanggal(d: date) -> str:
    """ "Senin, 16 Maret 2026"."""
    return f"{nama_hari(d)}, {tanggal(d)}"


def tanggal_terbilang(d: date) -> str:
    """ "tujuh Maret dua ribu dua puluh enam" (dates written out, as in decrees and minutes)."""
    return f"{terbilang(d.day)} {nama_bulan(d.month)} {terbilang(d.year)}"


def format_nip(nip: str) -> str:
    """Civil servant number in print form: "196805311997031002" -> "19680531 199703 1 002".

    Birth date, appointment month, sex, serial. Anything that is not 18 digits (after removing
    whitespace) is returned exactly as given: better to print what was written than to guess.
    """
    digits = re.sub(r"\s+", "", nip or "")
    if len(digits) != 18 or not digits.isascii() or not digits.isdigit():
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


# Month words in Indonesian (full, abbreviated, old spellings) and English; defined once, here: the readers
# build their patterns from MONTH_WORDS.
MONTH_WORDS: dict[str, int] = {}
for _number, _names in enumerate([
    ("januari", "jan", "january", "djanuari"),
    ("februari", "pebruari", "feb", "peb", "febr", "pebr", "february"),
    ("maret", "mar", "mrt", "march"),
    ("april", "apr", "apl"),
    ("mei", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("agustus", "agu", "agt", "ags", "agus", "agust", "aug", "august"),
    ("september", "sep", "sept", "spt"),
    ("oktober", "okt", "oct", "october"),
    ("november", "nopember", "nov", "nop", "novemb"),
    ("desember", "des", "dec", "december", "dsb"),
], start=1):
    for _name in _names:
        MONTH_WORDS[_name] = _number
MONTH_WORDS.pop("dsb")  # "dsb." is "dan sebagainya", never December
MONTH_PATTERN = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
"""Alternation of every month word (longest first), for readers that look for dates inside a line."""
DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
DAY_PATTERN = r"senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"

_ISO = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_NAMED_DMY = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s\-./]*([^\W\d_]+)\.?[\s\-./,]*(\d{4}|\d{2})(?!\d)")
_NAMED_MDY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_EXCEL_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
# Excel's 1900 date system; the plausible window keeps a bare year such as "2026" from being
# read as a serial number (serial 20000 = 1954, 80000 = 2119).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MIN, _EXCEL_MAX = 20000, 80000


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000   # two-digit years on forms are this century
    try:
        return date(year, month, day)
    except ValueError:
        return None


def excel_serial_date(serial: float) -> date | None:
    """The date of an Excel serial number (1900 system), or None outside the plausible window."""
    return _from_excel_serial(serial)


def _from_excel_serial(serial: float) -> date | None:
    if not _EXCEL_MIN <= serial < _EXCEL_MAX:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _parse_text(text: str) -> date | None:
    if _EXCEL_SERIAL.fullmatch(text):
        return _from_excel_serial(float(text))
    if m := _ISO.search(text):
        return _make_date(int(m[1]), int(m[3]), int(m[4]))
    if m := _NUMERIC_DMY.search(text):
        return _make_date(int(m[4]), int(m[3]), int(m[1]))
    for m in _NAMED_DMY.finditer(text):
        if month := MONTH_WORDS.get(m[2].lower()):
            return _make_date(int(m[3]), month, int(m[1]))
    for m in _NAMED_MDY.finditer(text):
        if month := MONTH_WORDS.get(m[1].lower()):
            return _make_date(int(m[3]), month, int(m[2]))
    return None


def parse_tanggal(text: str | date | int | float | None) -> date | None:
    """Read a date as written on a form; None when there is no (valid) date.

    Understands "16 Maret 2026", "Denpasar, 16 Maret 2026", "Senin, 16 Maret 2026",
    "16 Mar 2026", "16-Mar-26", "March 16, 2026", "16-03-2026", "16/03/2026", "16.03.2026",
    "2026-03-16" (also with a time after it), Excel serial numbers (46097) and date objects.
    Numeric dates are read day first, as written in Indonesia. Impossible dates (31-02-2026) give
    None rather than a guess.
    """
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if isinstance(text, (int, float)):
        return _from_excel_serial(float(text))
    return _parse_text(str(text).strip())


# ---------------------------------------------------------------------------------------------
# Local time
# ---------------------------------------------------------------------------------------------

# Indonesia's three zones by their UTC offset; another zone is shown by its offset ("UTC+05.30").
_ZONE_NAMES = {7: "WIB", 8: "WITA", 9: "WIT"}


def nama_zona(moment: datetime) -> str:
    """ "WITA" for a time at UTC+8 (WIB +7, WIT +9); any other offset as "UTC+05.30"."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60 == 0 and minutes // 60 in _ZONE_NAMES:
        return _ZONE_NAMES[minutes // 60]
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}.{abs(minutes) % 60:02d}"


def waktu_lokal(moment: datetime | str, zone) -> str:
    """ "16 Maret 2026 14.30 WITA": a stored time (ISO text or datetime, with its offset; a naive one is taken
    as the machine's local time) shown in ``zone`` (a ``zoneinfo.ZoneInfo``), Indonesian style."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    local = moment.astimezone(zone)
    return f"{tanggal(local.date())} {local:%H.%M} {nama_zona(local)}"
