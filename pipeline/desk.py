"""The ready-to-sign desk: drafts waiting in each signer's folder, and signed copies filed back.

Every draft that needs a signature waits in ``<ready_to_sign>/<signer>/`` as docx and print PDF, its
document ID leading the file name and printed as a QR code in its footer. A daily sheet in each folder
lists what waits, oldest first, with the case deadlines. A signed copy dropped into the inbox (a scan as
PDF or image, or a digitally signed PDF) is matched by the QR code on its pages or by the document ID in
its file name, filed into the case as the signed original (the draft stays in the archive), removed from
the signer's folder, and the case moves on.
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

from . import letters
from .archive import FILE_MODE
from .db import Case, Source
from .drafts import Draft
from .numbering import safe_name
from .process import Context, FileOutcome, finish_source, set_aside
from .signing import WaitingItem, doc_id_from_name, find_doc_ids, write_waiting_sheet
from .status import status_from_events

log = logging.getLogger(__name__)

SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SHEET_PREFIX = "daftar-tunggu-"
SIGNER_TITLES = {"ppid": "PPID", "atasan_ppid": "ATASAN PPID", "desk": "KEPALA MEJA PELAYANAN"}
_SPECS = {spec.key: spec for spec in letters.ALL_LETTERS}


def is_scan(path: Path) -> bool:
    return path.suffix.lower() in SCAN_SUFFIXES


# -- drafts waiting ----------------------------------------------------------------------------------


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


def refresh_waiting_sheet(ctx: Context, signer: str) -> Path:
    """Today's sheet of what waits for this signer, oldest first; earlier days' sheets are replaced."""
    folder = signer_folder(ctx, signer)
    today = ctx.today()
    items = []
    for doc_id, files in waiting_drafts(folder).items():
        found = ctx.db.letter_by_doc_id(doc_id)
        if found is None:
            continue
        case, key, _, created = found
        spec = _SPECS.get(key)
        left = ctx.calendar.working_days_between(today, case.due) if case.due else None
        pdf = next((f.name for f in files if f.suffix == ".pdf"), files[0].name)
        items.append(WaitingItem(doc_id=doc_id, title=spec.title if spec else key, case_number=case.number,
                                 created=datetime.fromisoformat(created).date(), due=case.due,
                                 working_days_left=left, file_name=pdf))
    items.sort(key=lambda item: (item.created, item.doc_id))
    for old in folder.glob(f"{SHEET_PREFIX}*.xlsx"):
        old.unlink(missing_ok=True)
    sheet = folder / f"{SHEET_PREFIX}{today.isoformat()}.xlsx"
    write_waiting_sheet(sheet, items, signer_title=SIGNER_TITLES.get(signer, signer.upper()), today=today)
    return sheet


# -- signed copies coming back ---------------------------------------------------------------------------


def handle_scan(ctx: Context, path: Path, source: Source, outcome: FileOutcome) -> FileOutcome:
    """File a signed copy into its case, or set it aside when it matches no waiting draft."""
    doc_ids = find_doc_ids(path) or ([doc_id] if (doc_id := doc_id_from_name(path.name)) else [])
    matches = [(doc_id, found) for doc_id in doc_ids if (found := ctx.db.letter_by_doc_id(doc_id))]
    if not matches:
        reason = ("Berkas ini tidak cocok dengan draf mana pun yang menunggu tanda tangan: tidak ada kode QR atau "
                  "ID dokumen (DOK-tttt-nnnnnn) yang dikenal pada halaman maupun nama berkasnya.")
        return set_aside(ctx, path, source, [reason], outcome)
    if len({found[0].id for _, found in matches}) > 1:
        return set_aside(ctx, path, source, ["Berkas ini memuat kode QR dari lebih dari satu perkara; pindai tiap surat "
                                            "dalam berkas terpisah."], outcome)
    doc_id, (case, key, _, _) = matches[0]
    if any(e.get("dokumen") == doc_id for e in ctx.db.events(case.id) if e["event"] in ("signed", "closed")):
        return set_aside(ctx, path, source, [f"Salinan bertanda tangan untuk dokumen {doc_id} (perkara {case.number}) "
                                            "sudah diarsipkan sebelumnya."], outcome)
    file_signed_copy(ctx, path, source, case, key, doc_id)
    outcome.signed.append(f"{case.number} ({doc_id})")
    return finish_source(ctx, path, source, outcome)


def file_signed_copy(ctx: Context, path: Path, source: Source, case: Case, key: str, doc_id: str) -> None:
    spec = _SPECS[key]
    staging = ctx.archive.begin_addition(case.folder, token=f"ttd-{doc_id}")
    name = f"{spec.file_stem}.ditandatangani{path.suffix.lower()}"
    staging.add_copy(path, name, "signed_original", original_name=source.original_name)
    staging.entries[-1].extra.update({"letter": key, "doc_id": doc_id})
    staging.log(spec.signed_event, dokumen=doc_id, surat=key, berkas=name)
    ctx.archive.commit_addition(staging)
    for entry in staging.events:
        ctx.db.add_event(case.id, entry["event"], {k: v for k, v in entry.items() if k not in ("at", "event")}, at=entry["at"])
    ctx.db.update_case(case.id, status=status_from_events(ctx.db.events(case.id)))
    remove_from_desk(ctx, doc_id)
    if key in ("sk_dip", "sk_dik"):
        from .dipdik import on_decree_signed  # builds on the desk

        on_decree_signed(ctx, ctx.db.case_by_number(case.number), key)
    log.info("Salinan bertanda tangan %s diarsipkan pada perkara %s", doc_id, case.number)


def remove_from_desk(ctx: Context, doc_id: str) -> None:
    """The draft leaves whichever signer's folder holds it (the signer of a decree is configurable)."""
    for signer in SIGNER_TITLES:
        folder = ctx.config.paths.ready_to_sign / signer
        drafts = waiting_drafts(folder).get(doc_id, []) if folder.is_dir() else []
        for path in drafts:
            path.unlink(missing_ok=True)
        if drafts:
            ctx.stale_desks.add(signer)
