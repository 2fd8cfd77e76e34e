"""Requests for public information (permohonan): from a read form to filed, numbered cases.

SOP 003, steps 1-3: a complete form gets a registration number and its due date, the original and the
ID copy are archived, and the receipt and the PPID's letter to the PPID Pelaksana are drafted. An
incomplete form gets no number ("kurang lengkap"): it is set aside with a notice to the applicant.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from pipeline.intake.answers import Decision
from pipeline.intake.reading import FormDocument, FormRecord
from pipeline.intake.validation import validate_request
from pipeline.jobs.context import Context
from pipeline.jobs.drafts import Draft
from pipeline.jobs.filing import CaseKind, Plan, file_forms, jsonable
from pipeline.jobs.results import FileOutcome, Notice
from pipeline.kinds.answer import answer_context
from pipeline.kinds.dipdik import classify_request
from pipeline.render import letters
from pipeline.render.letters import LetterSpec
from pipeline.store.db import Case, Source

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
    """Due dates, and the SOP's step-3 proposal: is the information open (DIP) or excepted (DIK)?"""
    d = ctx.config.deadlines
    due = ctx.calendar.add_working_days(case.received, d.notice_days)
    target = ctx.calendar.add_working_days(case.received, d.forward_target_days)
    logged = {"tenggat_pemberitahuan": due.isoformat(), "target_ppid_pelaksana": target.isoformat()}
    proposal = classify_request(ctx, f"{case.data.get('rincian_informasi', '')}")
    if proposal is None:
        return Plan(due, target, logged=logged)
    logged["klasifikasi"] = {"usulan": proposal.kind, "skor": round(proposal.score, 3)}
    return Plan(due, target, logged=logged, data={"klasifikasi": proposal.as_json()})


def holder(ctx: Context, case: Case) -> str:
    """Who the letter goes to: the OPD holding the DIP entry, else the OPD named on the form, else the default."""
    proposal = case.data.get("klasifikasi") or {}
    if proposal.get("kind") == "terbuka" and proposal.get("opd"):
        return f"PPID Pelaksana {proposal['opd']}"
    return case.data.get("opd_tujuan") or ctx.config.forward.default_holder


def request_letters(ctx: Context, case: Case) -> tuple[LetterSpec, ...]:
    """Receipt and letter to the holder; with information listed as excepted, also a rejection draft."""
    excepted = (case.data.get("klasifikasi") or {}).get("kind") == "dikecualikan"
    return letters.REQUEST_LETTERS + ((letters.PROPOSED_REJECTION,) if excepted else ())


def letter_args(ctx: Context, case: Case) -> dict:
    args = {"request": case.data, "holder": holder(ctx, case)}
    proposal = case.data.get("klasifikasi") or {}
    if proposal.get("kind") == "dikecualikan":
        entry = proposal.get("entry") or {}
        draft = Decision(nomor=case.number, keputusan="ditolak", pasal17=entry.get("pasal17", ""), angka=entry.get("angka", ""),
                         dasar_lain=entry.get("dasar_lain", "") or entry.get("dasar", ""),
                         konsekuensi=entry.get("konsekuensi_dibuka", ""), tanggal=ctx.today())
        args["answer"] = answer_context(draft, case, ctx.config, None)
    return args


def forwarded(ctx: Context, case: Case, drafts: list[Draft]) -> list[tuple[str, dict]]:
    """The letter to the PPID Pelaksana is drafted: the case now waits for the holder's answer."""
    letter = next(d for d in drafts if d.spec is letters.FORWARD)
    return [("forwarded", {"kepada": holder(ctx, case), "dokumen": letter.doc_id})]


REQUEST = CaseKind(
    kind=KIND,
    number_pattern=lambda ctx: ctx.config.numbering.permohonan,
    letters=request_letters,
    plan=plan,
    letter_args=letter_args,
    filed_events=forwarded,
)
