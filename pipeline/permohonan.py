"""Requests for public information (permohonan): from a read form to filed, numbered cases.

SOP 003, steps 1-3: a complete form gets a registration number and its due date, the original and the
ID copy are archived, and the receipt and the PPID's letter to the PPID Pelaksana are drafted. An
incomplete form gets no number ("kurang lengkap"): it is set aside with a notice to the applicant.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path

from . import letters
from .archive import ArchiveError, Staging, read_event_log
from .conversion import ConversionError
from .db import VOID, Case, Source
from .drafts import convert_drafts, draft_letters, mirror_events, place_for_signature
from .numbering import folder_for, format_number, safe_name
from .process import Context, FileOutcome, archive_source_file, finish_source, keep_aside, set_aside
from .reading import FormDocument, FormRecord
from .setaside import masked_name
from .status import status_from_events
from .validation import validate_request

log = logging.getLogger(__name__)

KIND = "permohonan"


def handle(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    """Every complete request of the file becomes a case; the rest is kept aside with reasons."""
    good, bad = validate_records(ctx, document)
    if not good:
        return set_aside(ctx, path, source, incomplete_reasons(bad), outcome, notices=incomplete_notices(bad))
    source_ref = archive_source_file(ctx, path, source) if document.layout.startswith("xlsx") else None
    failures = [reason for record, request in good
                if (reason := file_request(ctx, path, source, record, request, source_ref, outcome))]
    if bad or failures:
        extra = [f"Permohonan lain pada berkas ini sudah didaftarkan: {', '.join(outcome.filed)}.", ""] if outcome.filed else None
        keep_aside(ctx, path, source, incomplete_reasons(bad) + failures, outcome, notices=incomplete_notices(bad), extra=extra)
    return finish_source(ctx, path, source, outcome)


def validate_records(ctx: Context, document: FormDocument) -> tuple[list[tuple[FormRecord, dict]], list[tuple[FormRecord, list[str]]]]:
    good, bad = [], []
    for record in document.records:
        request, problems = validate_request(record, ctx.today())
        if problems:
            bad.append((record, problems))
        else:
            good.append((record, _jsonable(asdict(request))))
    return good, bad


def incomplete_reasons(bad: list[tuple[FormRecord, list[str]]]) -> list[str]:
    return [f"{_row_prefix(record)}Formulir kurang lengkap — " + " ".join(problems) for record, problems in bad]


def incomplete_notices(bad: list[tuple[FormRecord, list[str]]]) -> list[tuple[str, list[str], dict]]:
    """One 'kurang lengkap' notice per incomplete request: (name suffix, problems, what is known)."""
    return [(f"baris-{record.row}" if record.row else "", problems,
             {"applicant": {"nama": record.fields.get("nama", ""), "alamat": record.fields.get("alamat", "")}})
            for record, problems in bad]


def _row_prefix(record: FormRecord) -> str:
    return f"Baris {record.row}: " if record.row else ""


def file_request(ctx: Context, path: Path, source: Source, record: FormRecord, request: dict,
                 source_ref: dict | None, outcome: FileOutcome) -> str | None:
    """Number, date, draft, convert and archive one request.

    Returns None when the case is filed, else the reason it could not be: its number is then recorded
    as void with that reason, and the caller keeps the original aside.
    """
    case = open_request_case(ctx, source, record, request)
    if case.status == VOID:
        return case.void_reason
    folder = case_folder(ctx, case)
    if not case.is_filed and ctx.archive.is_complete(folder):  # renamed into place just before a crash
        ctx.db.mark_filed(case.id, folder, status_from_events(read_event_log(ctx.archive.folder(folder))))
        case = ctx.db.case_by_number(case.number)
    if case.is_filed:
        outcome.filed.append(case.number)
        return None
    case = plan(ctx, case, folder)
    staging = ctx.archive.begin(folder, token=f"case-{case.id}")
    try:
        record_receipt(staging, case, source)
        store_original(staging, path, source, source_ref)
        store_attachments(staging, record)
        drafts = draft_letters(ctx, staging, case, letters.REQUEST_LETTERS, request=request)
        convert_drafts(ctx, staging, case, drafts)
        staging.log("filed", folder=folder)
        forward = next(d for d in drafts if d.spec is letters.FORWARD)
        staging.log("forwarded", kepada=ctx.config.forward.default_holder if not request.get("opd_tujuan") else request["opd_tujuan"],
                    dokumen=forward.doc_id)
        staging.commit(manifest_header(case, source, source_ref))
    except (ConversionError, ArchiveError, OSError) as exc:
        shutil.rmtree(staging.root, ignore_errors=True)
        reason = f"{_row_prefix(record)}Nomor {case.number} dibatalkan karena perkara tidak dapat diselesaikan: {exc}"
        ctx.db.void_case(case.id, reason)
        log.error("Perkara %s dibatalkan: %s", case.number, exc)
        return reason
    ctx.db.mark_filed(case.id, folder, status_from_events(staging.events))
    mirror_events(ctx, case, staging)
    place_for_signature(ctx, case, ctx.archive.folder(folder), drafts)
    outcome.filed.append(case.number)
    log.info("Perkara %s diarsipkan di %s", case.number, folder)
    return None


def open_request_case(ctx: Context, source: Source, record: FormRecord, request: dict) -> Case:
    """The case of this form (or row), numbered in the same transaction that creates it."""
    registered = ctx.today()
    received = date.fromisoformat(request["tanggal_form"]) if request.get("tanggal_form") else registered
    pattern = ctx.config.numbering.permohonan
    return ctx.db.open_case(
        kind=KIND, register=KIND, year=registered.year,
        number_for=lambda seq: format_number(pattern, seq=seq, on=registered),
        received=received, applicant_name=request["applicant"]["nama"],
        data={**request, "terdaftar": registered.isoformat()},
        source_id=source.id, source_row=record.row or 0,
    )


def case_folder(ctx: Context, case: Case) -> str:
    """The dated folder follows the registration date (kept in the case data), like the number."""
    registered = date.fromisoformat(case.data.get("terdaftar") or case.received.isoformat())
    return folder_for(ctx.config.paths.folder_pattern, number=case.number, kind=case.kind, seq=case.seq, on=registered)


def plan(ctx: Context, case: Case, folder: str) -> Case:
    """The due dates under today's calendar, stored with the case (which keeps them) with its folder."""
    d = ctx.config.deadlines
    case.due = ctx.calendar.add_working_days(case.received, d.notice_days)
    case.forward_due = ctx.calendar.add_working_days(case.received, d.forward_target_days)
    case.folder = folder
    ctx.db.plan_case(case.id, folder=folder, due=case.due, forward_due=case.forward_due)
    return case


def record_receipt(staging: Staging, case: Case, source: Source) -> None:
    staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256,
                tanggal_diterima=case.received.isoformat(), baris=case.source_row or None)
    staging.log("numbered", nomor=case.number, register=case.register, urut=case.seq)
    staging.log("deadlines", tenggat_pemberitahuan=case.due.isoformat(), target_ppid_pelaksana=case.forward_due.isoformat())


def store_original(staging: Staging, path: Path, source: Source, source_ref: dict | None) -> None:
    """The form itself, byte for byte; a workbook's rows link to its one archived copy instead."""
    if source_ref is None:
        staging.add_copy(path, f"01-formulir-asli{path.suffix.lower() or '.bin'}", "original", original_name=source.original_name)


def store_attachments(staging: Staging, record: FormRecord) -> None:
    for i, attachment in enumerate(record.attachments, 1):
        ext = Path(attachment.name).suffix.lower() or ".bin"
        staging.add_bytes(f"01-{safe_name(attachment.role)}-{i}{ext}", attachment.data, attachment.role)


def manifest_header(case: Case, source: Source, source_ref: dict | None) -> dict:
    header = {
        "nomor": case.number,
        "jenis": case.kind,
        "register": case.register,
        "tahun": case.year,
        "urut": case.seq,
        "diterima": case.received.isoformat(),
        "tenggat_pemberitahuan": case.due.isoformat() if case.due else None,
        "target_ppid_pelaksana": case.forward_due.isoformat() if case.forward_due else None,
        "berkas_asal": {"original_name": source.original_name, "sha256": source.sha256, "baris": case.source_row or None},
        "data": case.data,
    }
    if source_ref:
        header["sumber"] = source_ref
    return header


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
