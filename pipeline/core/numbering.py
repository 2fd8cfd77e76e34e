"""Registration and letter numbers from the configured patterns, and their safe folder names."""

from __future__ import annotations

import re
import string
import unicodedata
from datetime import date

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
EMPTY_FIELD = "_"
# Every drafted document's ID (``DOK-2026-000123``): in its footer as a QR code, leading its file names.
DOC_ID_PATTERN = re.compile(r"DOK-\d{4}-\d{6}")


def doc_id(year: int, serial: int) -> str:
    return f"DOK-{year}-{serial:06d}"


def format_number(pattern: str, *, seq: int, on: date, kode: str = "") -> str:
    """``{seq:03d}/PPID/{bulan_romawi}/{tahun}`` with seq 7 on 16 March 2026 -> ``007/PPID/III/2026``."""
    return pattern.format(seq=seq, tahun=on.year, bulan=f"{on.month:02d}", bulan_romawi=_ROMAN[on.month - 1], kode=kode)


def safe_name(text: str, *, max_length: int = 80) -> str:
    """A file or folder name safe on Windows/SMB shares: ``001/PPID/III/2026`` -> ``001-PPID-III-2026``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[\\/:*?\"<>|\s]+", "-", text)
    text = re.sub(r"[^A-Za-z0-9._-]", "", text)
    text = re.sub(r"-{2,}", "-", text).strip("-.")
    return text[:max_length] or EMPTY_FIELD


def folder_for(pattern: str, *, number: str, kind: str, seq: int, on: date) -> str:
    """The case folder relative to the archive root, from the validated pattern (no absolute path, no ``..``)."""
    values = {
        "tahun": str(on.year),
        "bulan": f"{on.month:02d}",
        "nomor": safe_name(number),
        "jenis": safe_name(kind),
        "seq": f"{seq:05d}",
    }
    parts = [safe_name(part.format(**values)) if part.format(**values).strip() else EMPTY_FIELD for part in pattern.split("/")]
    return "/".join(p if p not in (".", "..") else EMPTY_FIELD for p in parts)


def seq_of(pattern: str, number: str) -> int | None:
    """The serial a number was made with: ``seq_of("000.9.2/{seq}/IKP", "000.9.2/15/IKP") == 15``."""
    regex = ""
    for literal, name, _, _ in string.Formatter().parse(pattern):
        regex += re.escape(literal)
        if name is not None:
            regex += r"(?P<seq>\d+)" if name == "seq" and "(?P<seq>" not in regex else r".*?"
    match = re.fullmatch(regex, number)
    return int(match.group("seq")) if match else None
