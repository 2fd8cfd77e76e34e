"""Signed copies coming back: a scan or a digitally signed PDF, matched to its draft by the QR code or the
document ID in its name, filed into the case as the signed original; the case moves on."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.intake.scans import doc_id_from_name, find_doc_ids
from pipeline.jobs.context import Context
from pipeline.jobs.desk import remove_from_desk
from pipeline.jobs.results import FileOutcome
from pipeline.jobs.setaside import set_aside
from pipeline.jobs.sources import finish_source
from pipeline.kinds.dipdik import on_decree_signed
from pipeline.render import letters
from pipeline.store.db import Case, Source
from pipeline.store.events import status_from_events

log = logging.getLogger(__name__)

SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}
_SPECS = {spec.key: spec for spec in letters.ALL_LETTERS}


def is_scan(path: Path) -> bool:
    return path.suffix.lower() in SCAN_SUFFIXES


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
        on_decree_signed(ctx, ctx.db.case_by_number(case.number), key)
    log.info("Salinan bertanda tangan %s diarsipkan pada perkara %s", doc_id, case.number)
