"""Filing a new case, whatever its kind: number, plan, stage, draft, convert, commit.

A :class:`CaseKind` says what differs between requests and objections (register and number pattern,
deadlines, letters, what to log and do once filed); :func:`file_case` is the one story they share:

1. open the case and take its number in the same transaction (a restart gets the same number back);
2. plan its folder and due dates under today's calendar;
3. build the folder in staging: receipt events, the original byte for byte, attachments, the letters
   (docx, PDF/A, print PDF);
4. rename the folder into the dated archive, then mark the case filed in the database;
5. hand the drafts to their signers.

A failure in 3-4 voids the number with the reason; nothing half-built reaches the archive.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.core.files import ArchiveError
from pipeline.core.names import masked_name
from pipeline.core.numbering import folder_for, format_number, safe_name
from pipeline.intake.reading import FormDocument, FormRecord
from pipeline.jobs.desk import place_for_signature
from pipeline.jobs.drafts import Draft, convert_drafts, draft_letters, mirror_events
from pipeline.jobs.recovery import void_case
from pipeline.jobs.setaside import keep_aside, set_aside
from pipeline.jobs.sources import finish_source
from pipeline.render.conversion import ConversionError
from pipeline.render.letters import LetterSpec
from pipeline.store.archive import Staging, read_event_log
from pipeline.store.db import VOID, Case, Source
from pipeline.store.events import status_from_events

if TYPE_CHECKING:
    from pipeline.jobs.context import Context
    from pipeline.jobs.results import FileOutcome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Plan:
    """What a kind of case is due by: the statutory due date, an internal target, and their log entry."""

    due: date
    forward_due: date | None
    logged: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)   # extra case data (e.g. internal targets, late flag)


@dataclass(frozen=True)
class CaseKind:
    kind: str
    number_pattern: Callable[[Context], str]
    letters: tuple[LetterSpec, ...] | Callable[[Context, Case], tuple[LetterSpec, ...]]
    plan: Callable[[Context, Case], Plan]
    letter_args: Callable[[Context, Case], dict]
    """Keyword arguments for :func:`pipeline.render.letters.letter_context` (``request=``, ``objection=``…)."""
    filed_events: Callable[[Context, Case, list[Draft]], list[tuple[str, dict]]] = lambda ctx, case, drafts: []
    """Events logged just before the folder is committed (e.g. ``forwarded`` with the letter's ID)."""
    on_filed: Callable[[Context, Case], None] = lambda ctx, case: None
    """Done after the case is filed (e.g. link an objection to its request)."""
    folder: Callable[[Context, Case], str] | None = None
    """Where in the archive, when not the configured dated pattern (e.g. DIP lists filed under their OPD)."""


Validator = Callable[["Context", FormRecord], tuple[dict | None, list[str]]]
Notices = Callable[[list[tuple[FormRecord, list[str]]]], list]


def file_forms(ctx: Context, kind: CaseKind, path: Path, source: Source, document: FormDocument, outcome: FileOutcome,
               *, validate: Validator, notices: Notices | None = None) -> FileOutcome:
    """Every complete form (or workbook row) of the file becomes a case; the rest is kept aside with reasons.

    ``validate`` returns the case data or the problems; ``notices`` makes the notices to applicants
    whose forms are incomplete.
    """
    good, bad = [], []
    for record in document.records:
        data, problems = validate(ctx, record)
        (bad.append((record, problems)) if problems else good.append((record, data)))
    reasons = [f"{_row_prefix(record)}Formulir kurang lengkap — " + " ".join(problems) for record, problems in bad]
    to_notify = notices(bad) if notices else None
    if not good:
        return set_aside(ctx, path, source, reasons, outcome, notices=to_notify)
    source_ref = archive_source_file(ctx, path, source) if document.layout.startswith("xlsx") else None
    failures = [reason for record, data in good
                if (reason := file_case(ctx, kind, path, source, record, data, source_ref, outcome))]
    if bad or failures:
        extra = [f"Formulir lain pada berkas ini sudah didaftarkan: {', '.join(outcome.filed)}.", ""] if outcome.filed else None
        keep_aside(ctx, path, source, reasons + failures, outcome, notices=to_notify, extra=extra)
    return finish_source(ctx, path, source, outcome)


def _row_prefix(record: FormRecord) -> str:
    return f"Baris {record.row}: " if record.row else ""


def file_case(ctx: Context, kind: CaseKind, path: Path, source: Source, record: FormRecord, data: dict,
              source_ref: dict | None, outcome: FileOutcome) -> str | None:
    """Returns None when the case is filed, else the reason it could not be (its number is then void)."""
    case = open_case(ctx, kind, source, record, data)
    if case.status == VOID:
        return case.void_reason
    folder = kind.folder(ctx, case) if kind.folder else case_folder(ctx, case)
    if not case.is_filed and ctx.archive.is_complete(folder):  # renamed into place just before a crash
        ctx.db.mark_filed(case.id, folder, status_from_events(read_event_log(ctx.archive.folder(folder))))
        case = ctx.db.case_by_number(case.number)
    if case.is_filed:
        outcome.filed.append(case.number)
        return None
    case, plan = plan_case(ctx, kind, case, folder)
    staging = ctx.archive.begin(folder, token=f"case-{case.id}")
    try:
        record_receipt(staging, case, source, plan)
        store_original(staging, path, source, source_ref)
        store_attachments(staging, record)
        specs = kind.letters(ctx, case) if callable(kind.letters) else kind.letters
        drafts = draft_letters(ctx, staging, case, specs, **kind.letter_args(ctx, case))
        convert_drafts(ctx, staging, case, drafts)
        staging.log("filed", folder=folder)
        for event, detail in kind.filed_events(ctx, case, drafts):
            staging.log(event, **detail)
        staging.commit(manifest_header(case, source, source_ref))
    except (ConversionError, ArchiveError, OSError) as exc:
        shutil.rmtree(staging.root, ignore_errors=True)
        reason = f"{_row_prefix(record)}Nomor {case.number} dibatalkan karena perkara tidak dapat diselesaikan: {exc}"
        void_case(ctx, case, reason)
        log.error("Perkara %s dibatalkan: %s", case.number, exc)
        return reason
    ctx.db.mark_filed(case.id, folder, status_from_events(staging.events))
    mirror_events(ctx, case, staging)
    place_for_signature(ctx, case, ctx.archive.folder(folder), drafts)
    kind.on_filed(ctx, case)
    outcome.filed.append(case.number)
    log.info("Perkara %s diarsipkan di %s", case.number, folder)
    return None


def open_case(ctx: Context, kind: CaseKind, source: Source, record: FormRecord, data: dict) -> Case:
    """The case of this form (or row), numbered in the same transaction that creates it."""
    registered = ctx.today()
    received = date.fromisoformat(data["tanggal_form"]) if data.get("tanggal_form") else registered
    pattern = kind.number_pattern(ctx)
    return ctx.db.open_case(
        kind=kind.kind, register=kind.kind, year=registered.year,
        number_for=lambda seq: format_number(pattern, seq=seq, on=registered),
        received=received, applicant_name=(data.get("applicant") or {}).get("nama", ""),
        data={**data, "terdaftar": registered.isoformat()},
        source_id=source.id, source_row=record.row or 0,
    )


def registered_on(case: Case) -> date:
    return date.fromisoformat(case.data.get("terdaftar") or case.received.isoformat())


def case_folder(ctx: Context, case: Case) -> str:
    """The dated folder follows the registration date (kept in the case data), like the number."""
    return folder_for(ctx.config.paths.folder_pattern, number=case.number, kind=case.kind, seq=case.seq, on=registered_on(case))


def plan_case(ctx: Context, kind: CaseKind, case: Case, folder: str) -> tuple[Case, Plan]:
    """Due dates under today's calendar, stored with the case (which keeps them) with its folder."""
    plan = kind.plan(ctx, case)
    case.due, case.forward_due, case.folder = plan.due, plan.forward_due, folder
    if plan.data:
        case.data = {**case.data, **plan.data}
        ctx.db.update_case(case.id, data=case.data)
    ctx.db.plan_case(case.id, folder=folder, due=case.due, forward_due=case.forward_due)
    return case, plan


def record_receipt(staging: Staging, case: Case, source: Source, plan: Plan) -> None:
    staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256,
                tanggal_diterima=case.received.isoformat(), baris=case.source_row or None)
    staging.log("numbered", nomor=case.number, register=case.register, urut=case.seq)
    staging.log("deadlines", **plan.logged)


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
        "tenggat": case.due.isoformat() if case.due else None,
        "target_internal": case.forward_due.isoformat() if case.forward_due else None,
        "berkas_asal": {"original_name": source.original_name, "sha256": source.sha256, "baris": case.source_row or None},
        "data": case.data,
    }
    if source_ref:
        header["sumber"] = source_ref
    return header


def jsonable(value):
    """Dates to ISO text, so validated form data can be stored as JSON."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def archive_source_file(ctx: Context, path: Path, source: Source) -> dict:
    """A workbook of many requests or answers is archived once; every case it touched links to it."""
    relative = f"{ctx.today().year}/sumber/{source.sha256[:16]}"
    name = f"formulir-asli{path.suffix.lower()}"
    if not ctx.archive.is_complete(relative):
        staging = ctx.archive.begin(relative, token=f"source-{source.id}")
        staging.add_copy(path, name, "original", original_name=source.original_name)
        staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256)
        staging.commit({"jenis": "sumber", "sha256": source.sha256, "original_name": source.original_name})
        ctx.db.set_source_state(source.id, "processing", archive_path=relative)
    return {"path": f"{relative}/{name}", "sha256": source.sha256}
