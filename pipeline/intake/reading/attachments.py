"""Attachments: pictures embedded in the form and files sent beside it (``form.ktp.jpg``).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from pipeline.intake.reading.container import MAX_SIBLING_BYTES, read_part, relationships
from pipeline.intake.reading.model import Attachment, FormDocument


def embedded_images(package: zipfile.ZipFile, main_part: str, rel_ids: list[str]) -> list[Attachment]:
    targets = relationships(package, main_part)
    attachments: list[Attachment] = []
    seen: set[str] = set()
    for rel_id in rel_ids:
        target = targets.get(rel_id)
        if not target or target in seen or target not in package.namelist():
            continue
        seen.add(target)
        suffix = PurePosixPath(target).suffix.lower() or ".bin"
        name = f"identitas-{len(attachments) + 1}{suffix}"
        attachments.append(Attachment(name=name, data=read_part(package, target), role="identitas"))
    return attachments


_SIBLING_ROLES = {
    "ktp": "identitas", "identitas": "identitas", "nik": "identitas", "kk": "identitas",
    "kuasa": "surat_kuasa", "surat-kuasa": "surat_kuasa", "surat_kuasa": "surat_kuasa", "suratkuasa": "surat_kuasa",
    "lampiran": "lampiran",
}  # fmt: skip
_SIBLING_SUFFIXES = {".jpg", ".jpeg", ".png", ".pdf"}


def sibling_attachments(path: Path) -> list[tuple[Path, str, str]]:
    """Files sent along with ``path``: ``form.ktp.jpg``, ``form.kuasa.pdf`` -> (file, role, "ktp.jpg").

    The form's exact name (``Permohonan.docx`` and ``permohonan.docx`` are two applicants' forms), and only
    regular files: a symlink dropped as an attachment is never followed."""
    prefix = path.stem + "."
    try:
        with os.scandir(path.parent) as entries:   # names only: the inbox may hold a backlog of thousands
            names = sorted(e.name for e in entries if e.name.startswith(prefix) and e.name != path.name
                           and e.is_file(follow_symlinks=False))
    except OSError:
        return []
    found = []
    for name in names:
        candidate = path.parent / name
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


def attach_sibling_files(document: FormDocument, path: Path) -> None:
    """form.docx + form.ktp.jpg / form.kuasa.pdf / form.lampiran.pdf sent along with the form."""
    if len(document.records) != 1:
        return
    record = document.records[0]
    for candidate, role, name in sibling_attachments(path):
        try:
            with open(candidate, "rb", opener=lambda file, flags: os.open(file, flags | os.O_NOFOLLOW)) as fh:
                if os.fstat(fh.fileno()).st_size > MAX_SIBLING_BYTES:
                    record.notes.append(f"Lampiran {name} terlalu besar (lebih dari 20 MB) dan tidak dibaca.")
                    continue
                data = fh.read()
        except OSError:
            record.notes.append(f"Lampiran {name} tidak dapat dibaca.")
            continue
        record.attachments.append(Attachment(name=name, data=data, role=role))
