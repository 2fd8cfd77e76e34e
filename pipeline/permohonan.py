"""Requests for public information (permohonan): from a read form to filed, numbered cases.

SOP 003, steps 1-3: a complete form gets a registration number and its due date, the original and the
ID copy are archived, and the receipt and the PPID's letter to the PPID Pelaksana are drafted. An
incomplete form gets no number ("kurang lengkap"): it is set aside with a notice to the applicant.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from . import letters
from .db import Case, Source
from .drafts import Draft
from .filing import CaseKind, Plan, file_forms, jsonable
from .process import Context, FileOutcome, Notice
from .reading import FormDocument, FormRecord
from .validation import validate_request

log = logging.getLogger(__name__)

KIND = "permohonan"


def handle(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    return file_forms(ctx, REQUEST, path, source, document, outcome, validate=validate, notices=incomplete_notices)


def validate(ctx: Context, record: FormRecord) -> tuple[dict | None, list[str]]:
    request, problems = validate_request(record, ctx.today())
    return (None, problems) if problems else (jsonable(asdict(request)), [])


def incomplete_notices(bad: list[tuple[FormRecord, list[str]]]) -> list[Notice]:
    """One 'kurang lengkap' notice to the applicant per incomplete request: (name suffix, problems, what is known)."""
    return [(f"baris-{record.row}" if record.row else "", problems,
             {"applicant": {"nama": record.fields.get("nama", ""), "alamat": record.fields.get("alamat", "")}})
            for record, problems in bad]


def plan(ctx: Context, case: Case) -> Plan:
    d = ctx.config.deadlines
    due = ctx.calendar.add_working_days(case.received, d.notice_days)
    target = ctx.calendar.add_working_days(case.received, d.forward_target_days)
    return Plan(due, target, logged={"tenggat_pemberitahuan": due.isoformat(), "target_ppid_pelaksana": target.isoformat()})


def forwarded(ctx: Context, case: Case, drafts: list[Draft]) -> list[tuple[str, dict]]:
    """The letter to the PPID Pelaksana is drafted: the case now waits for the holder's answer."""
    letter = next(d for d in drafts if d.spec is letters.FORWARD)
    holder = case.data.get("opd_tujuan") or ctx.config.forward.default_holder
    return [("forwarded", {"kepada": holder, "dokumen": letter.doc_id})]


REQUEST = CaseKind(
    kind=KIND,
    number_pattern=lambda ctx: ctx.config.numbering.permohonan,
    letters=letters.REQUEST_LETTERS,
    plan=plan,
    letter_args=lambda ctx, case: {"request": case.data},
    filed_events=forwarded,
)
