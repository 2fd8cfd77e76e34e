"""Setting a file aside: the original kept byte for byte, with an Indonesian reason file beside it.

Names in the set-aside folder start with the date and time so nothing is ever overwritten; digit runs that
look like a NIK or a phone number are masked in the name, because officers sometimes name files after the
applicant's ID.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pipeline.core.files import copy_atomic, write_atomic
from pipeline.core.names import masked_name

REASON_SUFFIX = ".ALASAN.txt"


MAX_NAME_BYTES = 150  # leaves room for ".ALASAN.txt", ".pemberitahuan.docx" and a counter within 255 bytes


def _shortened(name: str) -> str:
    """Cut a long name in the middle of its stem so the extension survives."""
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, ext[:10]) if dot and len(ext) <= 10 else (name, "")
    while len((stem + "~." + ext).encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return f"{stem}~.{ext}" if ext else f"{stem}~"


def set_aside_path(folder: Path, original_name: str, when: datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{when:%Y%m%d-%H%M%S}_{_shortened(masked_name(original_name))}"
    candidate, n = folder / base, 1
    while candidate.exists() or candidate.with_name(candidate.name + REASON_SUFFIX).exists():
        n += 1
        stem, dot, ext = base.rpartition(".")
        candidate = folder / (f"{stem}-{n}.{ext}" if dot else f"{base}-{n}")
    return candidate


def reason_text(original_name: str, reasons: list[str], *, when: datetime, extra: list[str] | None = None) -> str:
    lines = [
        "BERKAS DISISIHKAN — TIDAK DIPROSES",
        "",
        f"Berkas asal : {masked_name(original_name)}",
        f"Waktu       : {when:%d-%m-%Y %H:%M:%S}",
        "",
        "Alasan:",
        *[f"  {i}. {r}" for i, r in enumerate(reasons, 1)],
        "",
        *(extra or []),
        "Berkas asli disimpan utuh di folder ini. Perbaiki berkasnya lalu letakkan kembali ke folder masuk (inbox).",
        "",
    ]
    return "\n".join(lines)


def keep_copy(src: Path | bytes, folder: Path, original_name: str, reasons: list[str], *,
              when: datetime | None = None, extra: list[str] | None = None) -> Path:
    """Keep ``src`` (a file, or the bytes read from it) in the set-aside folder with its reason file; return
    the copy's path.

    The caller removes the inbox file afterwards (only once this returned), so a crash in between leaves
    the original in the inbox, never lost.
    """
    when = when or datetime.now()
    dest = set_aside_path(folder, original_name, when)
    if isinstance(src, bytes):
        write_atomic(dest, src)
    else:
        copy_atomic(src, dest)
    write_atomic(dest.with_name(dest.name + REASON_SUFFIX), reason_text(original_name, reasons, when=when, extra=extra).encode("utf-8"))
    return dest
