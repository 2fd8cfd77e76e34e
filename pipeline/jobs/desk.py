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
from pipeline.jobs.drafts import Draft
from pipeline.store.db import Case

SIGNER_TITLES = {"ppid": "PPID", "atasan_ppid": "ATASAN PPID", "desk": "KEPALA MEJA PELAYANAN"}


def place_for_signature(ctx: Context, case: Case, case_folder: Path, drafts: list[Draft]) -> None:
    """Copy drafts that need a signature into their signer's folder: docx to edit, PDF to print."""
    touched = set()
    for draft in drafts:
        if not draft.spec.signer:
            continue
        folder = signer_folder(ctx, draft.spec.signer)
        for path in (draft.docx, draft.printable):
            target = folder / f"{draft.doc_id}_{safe_name(case.number)}_{path.name}"
            if not target.exists():
                shutil.copyfile(case_folder / path.name, target)
                os.chmod(target, FILE_MODE)  # drafts hold personal data: not world-readable
        touched.add(draft.spec.signer)
    ctx.stale_desks |= touched  # the daily sheets are rewritten with the registers, after the pass


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
