"""Signed copies coming back: a scan or a digitally signed PDF, matched to its draft by the QR code or the
document ID in its name, checked for a signature, filed into the case as the signed original; the case
moves on (a signed written notice, decree or Tanggapan closes it) and its kind follows up (a signed SK DIP
is published).

A copy must carry a signature (``intake/signatures.py``): the pipeline's own draft dropped back (its docx,
PDF/A or print PDF, byte for byte) is refused, a scan needs pen ink in the signer's signature space that the
draft does not have, and a digitally signed PDF needs a valid signature from a certificate the office trusts
(``[signatures] trust_roots``). The signed event records how it was signed (``tanda_tangan``)."""

from __future__ import annotations

import logging
import tempfile
from datetime import datetime
from pathlib import Path

from pipeline.intake.scans import doc_id_from_name, docx_doc_ids, find_doc_ids
from pipeline.intake.signatures import DRAFT_BYTES_REASON, SignatureCheck, check_signed_copy
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
DRAFT_ROLES = ("draft_docx", "softcopy_pdfa", "hardcopy_pdf")


def is_signed_copy(path: Path) -> bool:
    """Whether the file is for this handler: a scan or a PDF, or a letter drafted by the pipeline coming back
    as a Word document (its footer carries its document ID; a form never does)."""
    suffix = path.suffix.lower()
    return suffix in SCAN_SUFFIXES or (suffix == ".docx" and bool(docx_doc_ids(path)))


def handle(ctx: Context, job: Job) -> Outcome:
    """File a signed copy into its case, or refuse it: it matches no waiting draft, or carries no signature."""
    docx = job.path.suffix.lower() == ".docx"
    found_ids = docx_doc_ids(job.path) if docx else find_doc_ids(job.path)
    doc_ids = found_ids or ([doc_id] if (doc_id := doc_id_from_name(job.path.name)) else [])
    matches = [(doc_id, found) for doc_id in doc_ids if (found := ctx.db.letter_by_doc_id(doc_id))]
    if not matches:
        return Outcome.refusal("Berkas ini tidak cocok dengan draf mana pun yang menunggu tanda tangan: tidak ada kode QR "
                               "atau ID dokumen (DOK-tttt-nnnnnn) yang dikenal pada halaman maupun nama berkasnya. Bila "
                               "ini foto atau pindaian formulir, ketik ulang isiannya pada formulir .docx (ppid forms).")
    if len({found[0].id for _, found in matches}) > 1:
        return Outcome.refusal("Berkas ini memuat kode QR dari lebih dari satu perkara; pindai tiap surat dalam berkas "
                               "terpisah.")
    doc_id, (case, key, _, _) = matches[0]
    drafts = _drafts_of(ctx, case)
    if any(entry["sha256"] == job.source.sha256 for entry in drafts):
        return Outcome.refusal(DRAFT_BYTES_REASON)
    if any(e.get("dokumen") == doc_id for e in ctx.db.events(case.id) if e["event"] in SIGNED_EVENTS):
        return Outcome.refusal(f"Salinan bertanda tangan untuk dokumen {doc_id} (perkara {case.number}) sudah "
                               "diarsipkan sebelumnya.")
    if docx:
        return Outcome.refusal("Draf dalam bentuk Word tidak dapat diarsipkan sebagai salinan bertanda tangan. Cetak "
                               "draf (berkas .cetak.pdf), tanda tangani, lalu pindai dan letakkan hasil pindaiannya di "
                               "inbox; atau kirim PDF yang ditandatangani secara digital.")
    check = check_signature(ctx, job, case, key, doc_id, drafts)
    if not check.ok:
        return Outcome.refusal(check.reason)
    try:
        file_signed_copy(ctx, job, case, key, doc_id, check)
    except FilingFailed as exc:
        return exc.outcome()
    return Outcome(signed=[f"{case.number} ({doc_id})"])


def _drafts_of(ctx: Context, case: Case) -> list[dict]:
    """The manifest entries of every draft the pipeline made for the case (docx, PDF/A, print PDF)."""
    return [e for e in ctx.archive.manifest(case.folder)["files"] if e.get("role") in DRAFT_ROLES]


def check_signature(ctx: Context, job: Job, case: Case, key: str, doc_id: str, drafts: list[dict]) -> SignatureCheck:
    """Whether the copy is signed by the letter's signer: ink on the draft's print, or a trusted digital
    signature. The draft compared is the print PDF the signer was given (the PDF/A when there is none)."""
    mine = {e["role"]: e for e in drafts if e.get("doc_id") == doc_id}
    entry = mine.get("hardcopy_pdf") or mine.get("softcopy_pdfa")
    if entry is None:
        return SignatureCheck(False, f"Draf cetak dokumen {doc_id} tidak ditemukan di arsip perkara {case.number}, "
                                     "sehingga tanda tangannya tidak dapat diperiksa. Jalankan 'ppid verify'.")
    spec = letters.SPECS[key]
    signer = getattr(ctx.config.signers, letters.signer_for(ctx.config, spec) or "ppid")
    # The bytes that were recognised are the bytes checked (and filed), whatever the inbox file does meanwhile.
    with tempfile.NamedTemporaryFile(dir=ctx.config.paths.database.parent, suffix=job.path.suffix) as copy:
        copy.write(job.data)
        copy.flush()
        return check_signed_copy(Path(copy.name), ctx.archive.root / case.folder / entry["path"], [signer.name],
                                 list(ctx.config.signatures.trust_roots), doc_id=doc_id,
                                 drafted_at=_parse_time(entry.get("created")))


def _parse_time(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def file_signed_copy(ctx: Context, job: Job, case: Case, key: str, doc_id: str, check: SignatureCheck) -> None:
    spec = letters.SPECS[key]
    name = paths.signed_copy_file(spec.file_stem, job.path.suffix)
    how = {"jenis": check.kind, **(check.signer or {}), **check.evidence}

    def build(staging: Staging) -> None:
        staging.add_bytes(name, job.data, "signed_original", original_name=job.source.original_name)
        staging.entries[-1].extra.update({"letter": key, "doc_id": doc_id})
        staging.log(spec.signed_event, dokumen=doc_id, surat=key, berkas=name, tanda_tangan=how)

    case = add_to_case(ctx, case, token=f"ttd-{doc_id}", build=build, owed=signed_follow_up(doc_id, key))
    follow_up_signature(ctx, kind_of(case.kind), case, doc_id, key)
    log.info("Salinan bertanda tangan %s (%s) diarsipkan pada perkara %s", doc_id, check.kind, case.number)
