"""Objections (keberatan) to the Atasan PPID: a read form becomes a filed, numbered case.

SOP 003, third procedure; UU KIP Pasal 35-36. An objection has its own register and number pattern; the Atasan
PPID's written answer is due 30 working days after the objection was received (Pasal 36 ayat 2: "sejak diterimanya
keberatan secara tertulis"), with the SOP's internal targets (coordination 5 working days, the PPID's draft 2,
sending 1). Its letters: the receipt, the Atasan PPID's nota dinas to the PPID, and the PPID's letter to the PPID
Pelaksana holding the information (SOP step 3). When it names a request, it is linked to that request case (both
folders' event logs say so); an unknown request number is a reason to refuse the form. One filed more than 30
working days after its cause is still registered, and flagged.
"""

from __future__ import annotations

from datetime import date

from pipeline.core import bahasa
from pipeline.core.deadlines import DueRule, Target
from pipeline.core.vocab import DISPUTE_OPEN, DISPUTE_OUTCOMES
from pipeline.intake.reading import FormRecord
from pipeline.intake.validation import validate_objection
from pipeline.jobs.context import Context
from pipeline.jobs.filing import file_forms, registered_on
from pipeline.jobs.kind import Kind, case_data, fingerprints
from pipeline.jobs.results import Job, Outcome
from pipeline.kinds.request import identity
from pipeline.render import letters
from pipeline.store import paths
from pipeline.store.db import Case
from pipeline.store.ledger import record

FORM = "keberatan"


def handle(ctx: Context, job: Job) -> Outcome:
    return file_forms(ctx, OBJECTION, job)


def validate(ctx: Context, record: FormRecord) -> tuple[dict | None, list[str]]:
    objection, problems = validate_objection(record, ctx.today())
    if problems:
        return None, problems
    number = objection.nomor_permohonan
    if number:
        request = ctx.db.case_by_number(number)
        if request is None or request.kind != "permohonan" or not request.is_filed:
            return None, [f"Nomor pendaftaran permohonan {number} tidak ditemukan di Buku Register Permohonan."]
    return case_data(objection), []


def sameness(data: dict) -> dict:
    """The same objector objecting to the same request for the same reasons, on a form of the same date."""
    return fingerprints(identity(data), data.get("nomor_permohonan"), " ".join(data.get("alasan") or []),
                        data.get("kasus_posisi"), data.get("tanggal_form"))


def assess(ctx: Context, case: Case) -> tuple[dict, dict]:
    """An objection filed late is registered anyway, and flagged."""
    late = lateness(ctx, case)
    return {"terlambat": late}, ({"terlambat": late} if late else {})


def lateness(ctx: Context, case: Case) -> str:
    """Why the objection is late, or "" — counted from the request's answer, or from its unanswered deadline."""
    number = case.data.get("nomor_permohonan")
    request = ctx.db.case_by_number(number) if number else None
    if request is None:
        return ""  # reason b alone: no earlier request to count from
    answered = (request.data.get("jawaban") or {}).get("tanggal")
    cause = date.fromisoformat(answered) if answered else request.due
    if cause is None:
        return ""
    limit = ctx.calendar.add_working_days(cause, ctx.config.deadlines.objection_filing_days)
    if case.received <= limit:
        return ""
    since = "jawaban atas permohonan" if answered else "berakhirnya jangka waktu pemberitahuan tertulis"
    return (f"Keberatan diajukan {bahasa.tanggal(case.received)}, melewati "
            f"{bahasa.hari_kerja(ctx.config.deadlines.objection_filing_days)} sejak {since} "
            f"({bahasa.tanggal(cause)}; batas {bahasa.tanggal(limit)}).")


def link_to_request(ctx: Context, case: Case) -> None:
    """The request case learns of its objection: an event in its log (its data follows from it)."""
    number = case.data.get("nomor_permohonan")
    request = ctx.db.case_by_number(number) if number else None
    if request is None or not request.folder or case.number in request.data.get("keberatan", []):
        return  # no request named, or already linked (a restart)
    record(ctx.archive, ctx.db, request, "objected", keberatan=case.number, folder_keberatan=case.folder)


def letter_args(ctx: Context, case: Case) -> dict:
    """The receipt, the Atasan PPID's nota and the PPID's letter to the PPID Pelaksana read the objection and the
    request it names (what was asked, when, and who holds it)."""
    number = case.data.get("nomor_permohonan")
    request = ctx.db.case_by_number(number) if number else None
    return {"request": case.data, "objection": letters.objection_context(ctx.config, case, request)}


OBJECTION = Kind(
    name="keberatan",
    label="Keberatan atas Permohonan Informasi Publik",
    number_pattern=lambda config: config.numbering.keberatan,
    folder=lambda config, case: paths.dated_case_folder(config.paths.folder_pattern, number=case.number, kind=case.kind,
                                                        seq=case.seq, registered=registered_on(case)),
    due=DueRule("objection_answer_days", targets=(
        Target("koordinasi", "objection_coordination_days"),
        Target("draf_jawaban", "objection_draft_days", after="koordinasi"),
        Target("pengiriman", "objection_send_days", after="draf_jawaban"),
    )),
    letters=lambda ctx, case: letters.OBJECTION_LETTERS,
    letter_args=letter_args,
    assess=assess,
    filed_events=lambda ctx, case, drafts: [("forwarded", {
        "kepada": ctx.config.signers.ppid.office,
        "dokumen": next(d.doc_id for d in drafts if d.spec is letters.ATASAN_NOTE)})],
    on_filed=link_to_request,
    validate=validate,
    source_once=True,
    sameness=sameness,
)


# -- disputes before the Komisi Informasi (UU KIP Pasal 37-38): recorded for the yearly report ------------------


def record_dispute(ctx: Context, number: str, *, filed: date | None = None, register: str = "",
                   outcome: str = "", decided: date | None = None) -> Case:
    """A dispute taken to the Komisi Informasi over a request or an objection (``filed``, with the Komisi's
    register number), or its outcome (``outcome``, ``decided``): an event in the case's log. Raises ValueError with
    a sentence for the officer. The caller holds the work lock."""
    case = ctx.db.case_by_number(number)
    if case is None or case.kind not in ("permohonan", "keberatan") or not case.is_filed:
        raise ValueError(f"Permohonan atau keberatan nomor {number} tidak ditemukan.")
    day = filed or decided or ctx.today()
    if day > ctx.today():
        raise ValueError(f"Tanggal {bahasa.tanggal(day)} berada di masa depan.")
    if day < case.received:
        raise ValueError(f"Tanggal {bahasa.tanggal(day)} sebelum perkara diterima ({bahasa.tanggal(case.received)}).")
    dispute = case.data.get("sengketa")
    if outcome:
        if outcome not in DISPUTE_OUTCOMES or outcome == DISPUTE_OPEN:
            raise ValueError(f"Putusan sengketa tidak dikenal: {outcome!r}. Pilihan: "
                             f"{', '.join(k for k in DISPUTE_OUTCOMES if k != DISPUTE_OPEN)}.")
        if not dispute:
            raise ValueError(f"Sengketa atas {number} belum dicatat; catat dulu pengajuannya (ppid sengketa {number} "
                             "--tanggal … --register …).")
        if day < date.fromisoformat(dispute["tanggal"]):
            raise ValueError("Tanggal putusan sebelum tanggal pengajuan sengketa.")
        return record(ctx.archive, ctx.db, case, "dispute_decided", tanggal=day.isoformat(), putusan=outcome)
    if dispute:
        raise ValueError(f"Sengketa atas {number} sudah dicatat (register {dispute.get('nomor') or '-'}); untuk "
                         "mencatat putusannya gunakan --putusan.")
    return record(ctx.archive, ctx.db, case, "dispute_filed", tanggal=day.isoformat(), nomor=register)
