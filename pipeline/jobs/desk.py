"""The ready-to-sign desk: drafts waiting in each signer's folder.

Every draft that needs a signature waits in ``<ready_to_sign>/<signer>/`` as docx and print PDF, its
document ID leading the file name and printed as a QR code in its footer; a daily sheet in each folder lists
what waits (:mod:`pipeline.views.waiting`). When the signed copy is filed, the draft leaves the folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipeline.core.files import FILE_MODE
from pipeline.core.numbering import safe_name
from pipeline.intake.scans import doc_id_from_name
from pipeline.jobs.context import Context
from pipeline.render import letters
from pipeline.store.db import VOID, Case
from pipeline.store.events import REPLACED

SIGNED_EVENTS = ("signed", "closed", "published")

SIGNER_TITLES = {"ppid": "PPID", "atasan_ppid": "ATASAN PPID", "desk": "KEPALA MEJA PELAYANAN"}


def place_for_signature(ctx: Context, case: Case) -> None:
    """The drafts of the case's latest drafting that need a signature, in their signers' folders: docx to edit,
    PDF to print. Repeating it places only what is missing, so a restart after a kill completes it."""
    if case.status in (REPLACED, VOID) or not case.folder:
        return
    events = ctx.db.events(case.id)
    drafted = next((e.get("dokumen") or [] for e in reversed(events) if e["event"] == "rendered"), [])
    signed = {e.get("dokumen") for e in events if e["event"] in SIGNED_EVENTS}
    waiting = set(drafted) - signed
    folder = ctx.archive.folder(case.folder)
    for entry in ctx.archive.manifest(case.folder)["files"]:
        if entry.get("doc_id") not in waiting or entry["role"] not in ("draft_docx", "hardcopy_pdf"):
            continue
        signer = letters.signer_for(ctx.config, letters.SPECS[entry["letter"]])
        if signer is None:
            continue
        target = signer_folder(ctx, signer) / f"{entry['doc_id']}_{safe_name(case.number)}_{entry['path']}"
        if not target.exists():
            shutil.copyfile(folder / entry["path"], target)
            os.chmod(target, FILE_MODE)  # drafts hold personal data: not world-readable
        ctx.stale_desks.add(signer)   # the daily sheets are rewritten with the registers, after the pass


def signer_folder(ctx: Context, signer: str) -> Path:
    folder = ctx.config.paths.ready_to_sign / signer
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def waiting_drafts(folder: Path) -> dict[str, list[Path]]:
    """Files in a signer's folder grouped by the document ID that leads their names."""
    grouped: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        doc_id = doc_id_from_name(path.name)
        if doc_id and path.name.startswith(doc_id):
            grouped.setdefault(doc_id, []).append(path)
    return grouped


def remove_from_desk(ctx: Context, doc_id: str) -> None:
    """The draft leaves whichever signer's folder holds it (the signer of a decree is configurable)."""
    for signer in SIGNER_TITLES:
        folder = ctx.config.paths.ready_to_sign / signer
        drafts = waiting_drafts(folder).get(doc_id, []) if folder.is_dir() else []
        for path in drafts:
            path.unlink(missing_ok=True)
        if drafts:
            ctx.stale_desks.add(signer)
