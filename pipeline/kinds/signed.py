"""Signed copies coming back: a scan or a digitally signed PDF, matched to its draft by the QR code or the
document ID in its name, filed into the case as the signed original; the case moves on (a signed written
notice, decree or Tanggapan closes it) and its kind follows up (a signed SK DIP is published)."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.intake.scans import doc_id_from_name, find_doc_ids
from pipeline.jobs.context import Context
from pipeline.jobs.desk import SIGNED_EVENTS
from pipeline.jobs.filing import FilingFailed, add_to_case, follow_up_signature, signed_follow_up
from pipeline.jobs.results import Job, Outcome
from pipeline.kinds.registry import kind_of
from pipeline.render import letters
from pipeline.store import paths
from pipeline.store.archive import Staging
from pipeline.store.db import Case

log = logging.getLogger(__name__)

SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def is_scan(path: Path) -> bool:
    return path.suffix.lower() in SCAN_SUFFIXES


def handle(ctx: Context, job: Job) -> Outcome:
    """File a signed copy into its case, or refuse it when it matches no waiting draft."""
    doc_ids = find_doc_ids(job.path) or ([doc_id] if (doc_id := doc_id_from_name(job.path.name)) else [])
    matches = [(doc_id, found) for doc_id in doc_ids if (found := ctx.db.letter_by_doc_id(doc_id))]
    if not matches:
        return Outcome.refusal("Berkas ini tidak cocok dengan draf mana pun yang menunggu tanda tangan: tidak ada kode QR "
                               "atau ID dokumen (DOK-tttt-nnnnnn) yang dikenal pada halaman maupun nama berkasnya. Bila "
                               "ini foto atau pindaian formulir, ketik ulang isiannya pada formulir .docx (ppid forms).")
    if len({found[0].id for _, found in matches}) > 1:
        return Outcome.refusal("Berkas ini memuat kode QR dari lebih dari satu perkara; pindai tiap surat dalam berkas "
                               "terpisah.")
    doc_id, (case, key, _, _) = matches[0]
    if any(e.get("dokumen") == doc_id for e in ctx.db.events(case.id) if e["event"] in SIGNED_EVENTS):
        return Outcome.refusal(f"Salinan bertanda tangan untuk dokumen {doc_id} (perkara {case.number}) sudah "
                               "diarsipkan sebelumnya.")
    try:
        file_signed_copy(ctx, job, case, key, doc_id)
    except FilingFailed as exc:
        return exc.outcome()
    return Outcome(signed=[f"{case.number} ({doc_id})"])


def file_signed_copy(ctx: Context, job: Job, case: Case, key: str, doc_id: str) -> None:
    spec = letters.SPECS[key]
    name = paths.signed_copy_file(spec.file_stem, job.path.suffix)

    def build(staging: Staging) -> None:
        staging.add_bytes(name, job.data, "signed_original", original_name=job.source.original_name)
        staging.entries[-1].extra.update({"letter": key, "doc_id": doc_id})
        staging.log(spec.signed_event, dokumen=doc_id, surat=key, berkas=name)

    case = add_to_case(ctx, case, token=f"ttd-{doc_id}", build=build, owed=signed_follow_up(doc_id, key))
    follow_up_signature(ctx, kind_of(case.kind), case, doc_id, key)
    log.info("Salinan bertanda tangan %s diarsipkan pada perkara %s", doc_id, case.number)
