"""Objections (keberatan) to the Atasan PPID: from a read form to a filed, numbered case.

SOP 003, third procedure; UU KIP Pasal 35-36. An objection has its own register and number pattern;
the Atasan PPID's written answer is due 30 working days after registration, with the SOP's internal
targets (coordination 5 working days, the PPID's draft 2, sending 1). When it names a request, it is
linked to that request case (both folders' event logs say so); an unknown request number is a reason to
set the form aside. One filed more than 30 working days after its cause is still registered, and flagged.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import date
from pathlib import Path

from pipeline.core import bahasa
from pipeline.core.vocab import ALASAN_KEBERATAN
from pipeline.intake.reading import FormDocument, FormRecord
from pipeline.intake.validation import validate_objection
from pipeline.jobs.context import Context
from pipeline.jobs.filing import CaseKind, Plan, file_forms, jsonable, registered_on
from pipeline.jobs.results import FileOutcome
from pipeline.render import letters
from pipeline.store.db import Case, Source

log = logging.getLogger(__name__)

KIND = "keberatan"


def handle(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    return file_forms(ctx, OBJECTION, path, source, document, outcome, validate=validate)


def validate(ctx: Context, record: FormRecord) -> tuple[dict | None, list[str]]:
    objection, problems = validate_objection(record, ctx.today())
    if problems:
        return None, problems
    number = objection.nomor_permohonan
    if number:
        request = ctx.db.case_by_number(number)
        if request is None or request.kind != "permohonan" or not request.is_filed:
            return None, [f"Nomor pendaftaran permohonan {number} tidak ditemukan di Buku Register Permohonan."]
    return jsonable(asdict(objection)), []


def plan(ctx: Context, case: Case) -> Plan:
    """30 working days from registration, and the SOP's internal steps in between."""
    d, add = ctx.config.deadlines, ctx.calendar.add_working_days
    registered = registered_on(case)
    due = add(registered, d.objection_answer_days)
    coordination = add(registered, d.objection_coordination_days)
    draft = add(coordination, d.objection_draft_days)
    send = add(draft, d.objection_send_days)
    targets = {"koordinasi": coordination.isoformat(), "draf_jawaban": draft.isoformat(), "pengiriman": send.isoformat()}
    late = lateness(ctx, case)
    logged = {"tenggat_tanggapan": due.isoformat(), "target_internal": targets, **({"terlambat": late} if late else {})}
    return Plan(due, coordination, logged=logged, data={"target_internal": targets, "terlambat": late})


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


def objection_context(ctx: Context, case: Case) -> dict:
    """The ``keberatan`` group of the letter context."""
    d, data = ctx.config.deadlines, case.data
    targets = {k: date.fromisoformat(v) for k, v in (data.get("target_internal") or {}).items()}
    proxy = data.get("kuasa") or {}

    def dates(name: str, day: date | None) -> dict:
        return {name: bahasa.tanggal(day) if day else "", f"hari_{name}": bahasa.hari_tanggal(day) if day else ""}

    return {
        **letters.empty_objection(),
        "nomor_permohonan": data.get("nomor_permohonan") or "",
        "tujuan": data.get("tujuan") or "",
        "alasan": [f"{key}. {ALASAN_KEBERATAN[key]}" for key in data.get("alasan", [])],
        "kasus_posisi": data.get("kasus_posisi") or "",
        "kuasa_nama": proxy.get("nama") or "",
        "kuasa_alamat": proxy.get("alamat") or "",
        "kuasa_telepon": proxy.get("telepon") or "",
        "tanggal_tanggapan": bahasa.tanggal(case.due) if case.due else "",
        "hari_tanggal_tanggapan": bahasa.hari_tanggal(case.due) if case.due else "",
        "tanggal_tanggapan_terbilang": bahasa.tanggal_terbilang(case.due) if case.due else "",
        "tanggapan_hari": bahasa.hari_kerja(d.objection_answer_days),
        **dates("target_koordinasi", targets.get("koordinasi")),
        "koordinasi_hari": bahasa.hari_kerja(d.objection_coordination_days),
        **dates("target_draf", targets.get("draf_jawaban")),
        "draf_hari": bahasa.hari_kerja(d.objection_draft_days),
        **dates("target_kirim", targets.get("pengiriman")),
        "kirim_hari": bahasa.hari_kerja(d.objection_send_days),
        "terlambat": data.get("terlambat") or "",
        "kepada": ctx.config.signers.ppid.position,
        "komisi_informasi": ctx.config.agency.government.title().replace("Pemerintah ", ""),
    }


def link_to_request(ctx: Context, case: Case) -> None:
    """The request case learns of its objection: an event in its log, and the link in its data."""
    number = case.data.get("nomor_permohonan")
    request = ctx.db.case_by_number(number) if number else None
    if request is None or not request.folder:
        return
    if case.number in request.data.get("keberatan", []):
        return  # already linked (a restart)
    entry = ctx.archive.append_event(request.folder, "objected", keberatan=case.number, folder_keberatan=case.folder)
    ctx.db.add_event(request.id, "objected", {"keberatan": case.number, "folder_keberatan": case.folder}, at=entry["at"])
    ctx.db.update_case(request.id, data={**request.data, "keberatan": [*request.data.get("keberatan", []), case.number]})


OBJECTION = CaseKind(
    kind=KIND,
    number_pattern=lambda ctx: ctx.config.numbering.keberatan,
    letters=letters.OBJECTION_LETTERS,
    plan=plan,
    letter_args=lambda ctx, case: {"request": case.data, "objection": objection_context(ctx, case)},
    filed_events=lambda ctx, case, drafts: [("forwarded", {
        "kepada": ctx.config.signers.ppid.position,
        "dokumen": next(d.doc_id for d in drafts if d.spec is letters.ATASAN_NOTE)})],
    on_filed=link_to_request,
)
