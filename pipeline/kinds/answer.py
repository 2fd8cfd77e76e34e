"""The answer to a request: the decision, its checks, its letter, and the case's new state.

A decision arrives from an answer sheet dropped into the inbox or from ``ppid decide``; both give the same
raw fields to :func:`decision_from_fields` and go through the same :func:`check_decision`, so a bad answer
is refused with the same reasons either way. :func:`file_decision` drafts the letter the law requires
(written notice part A or B, rejection decree, extension notice), files it into the case folder and
moves the case on.
"""

from __future__ import annotations

from datetime import date

from pipeline.core import bahasa
from pipeline.core.deadlines import deadlines_for
from pipeline.core.vocab import OBJECTION_DECISIONS, REQUEST_DECISIONS
from pipeline.intake.answers import Decision, DecisionRefused, answer_fields, decision_from_fields
from pipeline.jobs.context import Context
from pipeline.jobs.drafts import convert_drafts, draft_letters
from pipeline.jobs.filing import FilingFailed, add_to_case, archive_source_file, record_prefix
from pipeline.jobs.results import Job, Outcome, Refusal
from pipeline.kinds.request import REQUEST
from pipeline.render import letters
from pipeline.render.letters import LetterSpec
from pipeline.store import paths
from pipeline.store.archive import Staging
from pipeline.store.db import Case
from pipeline.store.events import OPEN_STATUSES

# -- the checks ------------------------------------------------------------------------------------------


def check_decision(decision: Decision, case: Case | None, history: list[dict], *, today: date) -> list[str]:
    """Everything that makes this answer unfit for this case, as sentences for the officer."""
    if case is None:
        return [f"Perkara nomor {decision.nomor} tidak ditemukan."]
    expected = OBJECTION_DECISIONS if case.kind == "keberatan" else REQUEST_DECISIONS
    if decision.keputusan not in expected:
        what = "keberatan" if case.kind == "keberatan" else "permohonan"
        return [f"Keputusan '{decision.keputusan}' tidak berlaku untuk {what} {case.number}. Pilihan: {', '.join(expected)}."]
    if case.status not in OPEN_STATUSES:
        return [f"Permohonan {case.number} tidak dapat dijawab lagi: statusnya {case.status}."]
    problems = []
    if decision.tanggal and decision.tanggal < case.received:
        problems.append(f"Tanggal keputusan sebelum permohonan diterima ({bahasa.tanggal(case.received)}).")
    problems += _DETAIL_CHECKS[decision.keputusan](decision, case, history)
    return problems


def _check_given(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if not d.bentuk:
        problems.append("Bentuk informasi yang tersedia (softcopy/hardcopy) belum diisi.")
    if d.waktu_hari <= 0:
        problems.append("Waktu penyediaan informasi (dalam hari kerja) belum diisi.")
    if d.tarif and not d.halaman:
        problems.append("Biaya penyalinan per halaman diisi, tetapi jumlah halamannya belum.")
    if d.keputusan == "sebagian" and not d.penghitaman:
        problems.append("Untuk informasi yang diberikan sebagian, penjelasan bagian yang dihitamkan belum diisi.")
    return problems


def _check_rejected(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if not d.pasal17 and not d.dasar_lain:
        problems.append("Dasar hukum penolakan belum diisi (Pasal 17 huruf a-j UU KIP, atau pasal undang-undang lain).")
    if not d.konsekuensi:
        problems.append("Konsekuensi bila informasi dibuka (hasil uji konsekuensi) belum diisi.")
    return problems


def _check_not_held(d: Decision, case: Case, history: list[dict]) -> list[str]:
    if d.keputusan == "belum-didokumentasikan" and not d.kapan_tersedia:
        return ["Untuk informasi yang belum didokumentasikan, isi kapan informasi akan tersedia."]
    return []


def _check_extension(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if any(e["event"] == "extended" for e in history):
        problems.append(f"Permohonan {case.number} sudah pernah diperpanjang; perpanjangan hanya boleh satu kali.")
    elif d.tanggal and case.due and d.tanggal > case.due:
        problems.append(f"Perpanjangan harus diberikan sebelum jangka waktu {bahasa.tanggal(case.due)} berakhir; "
                        f"tanggal keputusan {bahasa.tanggal(d.tanggal)} sudah lewat.")
    if not d.alasan:
        problems.append("Alasan perpanjangan belum diisi.")
    return problems


def _check_objection(d: Decision, case: Case, history: list[dict]) -> list[str]:
    return [] if d.alasan else ["Alasan keputusan Atasan PPID atas keberatan belum diisi."]


_DETAIL_CHECKS = {
    "keberatan-diterima": _check_objection,
    "keberatan-ditolak": _check_objection,
    "diberikan": _check_given,
    "sebagian": _check_given,
    "ditolak": _check_rejected,
    "tidak-dikuasai": _check_not_held,
    "belum-didokumentasikan": _check_not_held,
    "perpanjangan": _check_extension,
}


# -- filing ------------------------------------------------------------------------------------------------


def letter_for(decision: Decision) -> LetterSpec:
    if decision.keputusan in OBJECTION_DECISIONS:
        return letters.OBJECTION_ANSWER
    if decision.keputusan == "ditolak":
        return letters.REJECTION
    if decision.keputusan == "perpanjangan":
        return letters.EXTENSION
    return letters.WRITTEN_NOTICE


def file_decision(ctx: Context, decision: Decision, *, sheet: Job | None = None, source_ref: dict | None = None) -> list[str]:
    """Check, draft, convert and file the answer into its case; return the documents' IDs.

    ``sheet`` is the answer sheet dropped into the inbox: it is filed with the letter (a workbook of many
    answers is archived once and linked by ``source_ref``). The caller holds the work lock. Raises
    :class:`DecisionRefused` with the reasons when the answer does not fit the case, :class:`FilingFailed`
    when it could not be filed.
    """
    case = ctx.db.case_by_number(decision.nomor)
    history = ctx.db.events(case.id) if case else []
    reasons = check_decision(decision, case, history, today=ctx.today())
    if reasons:
        raise DecisionRefused(reasons)
    spec = letter_for(decision)
    new_due = extended_due(ctx, case) if decision.keputusan == "perpanjangan" else None
    drafted = []

    def build(staging: Staging) -> None:
        if sheet is not None:
            staging.add_bytes(paths.answer_sheet_file(spec.key, sheet.path.suffix), sheet.data, "answer_sheet",
                              original_name=sheet.source.original_name)
        extra = {"objection": letters.objection_context(ctx.config, case)} if case.kind == "keberatan" else {}
        drafted.extend(draft_letters(ctx, staging, case, (spec,), request=case.data,
                                     answer=letters.answer_context(decision, case, ctx.config, new_due), **extra))
        convert_drafts(ctx, staging, case, drafted)
        record_decision(staging, decision, case, new_due, drafted[0].doc_id, source_ref)

    add_to_case(ctx, case, token=f"jawaban-{case.id}-{spec.key}", build=build)
    return [d.doc_id for d in drafted]


def extended_due(ctx: Context, case: Case) -> date:
    """The due date after the one extension, by the request's rule."""
    return deadlines_for(REQUEST.due, ctx.calendar, ctx.config.deadlines, case.received, extended=True).due


def record_decision(staging: Staging, decision: Decision, case: Case, new_due: date | None, doc_id: str,
                    source_ref: dict | None) -> None:
    """The decision in the case's log; the case's state follows from it (pipeline.store.events)."""
    link = {"sumber": source_ref} if source_ref else {}
    if decision.keputusan == "perpanjangan":
        staging.log("extended", alasan=decision.alasan, tenggat_semula=case.due.isoformat(),
                    tenggat_baru=new_due.isoformat(), dokumen=doc_id, **link)
    else:
        staging.log("answered", keputusan=decision.keputusan, dokumen=doc_id, keputusan_rinci=decision.as_json(), **link)


# -- answer sheets dropped into the inbox --------------------------------------------------------------

FORM = "jawaban"


def handle(ctx: Context, job: Job) -> Outcome:
    """Each answer on the sheet is filed into its case; refused answers come back with their reasons."""
    records = job.document.records
    source_ref = archive_source_file(ctx, job) if len(records) > 1 else None
    outcome = Outcome()
    for record in records:
        prefix = record_prefix(record)
        decision, problems = decision_from_fields(answer_fields(record), today=ctx.today())
        try:
            if problems:
                raise DecisionRefused(problems)
            file_decision(ctx, decision, sheet=None if source_ref else job, source_ref=source_ref)
            outcome.answered.append(decision.nomor)
        except DecisionRefused as exc:
            outcome.refused.append(Refusal(prefix + "Jawaban tidak dapat dicatat — " + " ".join(exc.reasons)))
        except FilingFailed as exc:
            if exc.waiting:
                return exc.outcome()        # a full disk: the whole sheet waits (filed answers are kept)
            outcome.refused.append(Refusal(prefix + exc.reason))
    if not outcome.done and not outcome.refused:
        outcome.refused.append(Refusal("Lembar jawaban tidak berisi jawaban."))
    return outcome
