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
from pipeline.core.config import LawSettings
from pipeline.core.deadlines import deadlines_for
from pipeline.core.vocab import OBJECTION_DECISIONS, REQUEST_DECISIONS
from pipeline.intake.answers import Decision, DecisionRefused, answer_fields, decision_from_fields
from pipeline.jobs.context import Context
from pipeline.jobs.drafts import convert_drafts, draft_letters
from pipeline.jobs.filing import FilingFailed, add_to_case, archive_source_file, record_prefix
from pipeline.jobs.results import Job, Outcome, Refusal
from pipeline.kinds.request import REQUEST
from pipeline.render import letters
from pipeline.render.letters import LetterSpec, laws_not_in_force
from pipeline.store import paths
from pipeline.store.archive import Staging
from pipeline.store.db import Case
from pipeline.store.events import OPEN_STATUSES

# -- the checks ------------------------------------------------------------------------------------------


def check_decision(decision: Decision, case: Case | None, history: list[dict], *, today: date,
                   laws: LawSettings | None = None) -> list[str]:
    """Everything that makes this answer unfit for this case, as sentences for the officer."""
    if case is None:
        return [f"Perkara nomor {decision.nomor} tidak ditemukan."]
    what = "keberatan" if case.kind == "keberatan" else "permohonan"
    expected = OBJECTION_DECISIONS if case.kind == "keberatan" else REQUEST_DECISIONS
    if decision.keputusan not in expected:
        return [f"Keputusan '{decision.keputusan}' tidak berlaku untuk {what} {case.number}. Pilihan: {', '.join(expected)}."]
    if case.status not in OPEN_STATUSES:
        return [f"{what.capitalize()} {case.number} tidak dapat dijawab lagi: statusnya {case.status}."]
    problems = []
    if decision.tanggal and decision.tanggal < case.received:
        problems.append(f"Tanggal keputusan sebelum {what} diterima ({bahasa.tanggal(case.received)}).")
    problems += _DETAIL_CHECKS[decision.keputusan](decision, case, history)
    if decision.keputusan == "ditolak" and laws is not None:
        problems += laws_not_in_force(decision.dasar_lain, laws)
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
    if d.pasal17 == "j" and not d.dasar_lain:
        problems.append("Pasal 17 huruf j (informasi yang tidak boleh diungkapkan berdasarkan undang-undang) memerlukan "
                        "pasal undang-undang lain yang melarangnya: isi --dasar-lain, mis. 'Pasal … UU …/…'.")
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


def letters_for(decision: Decision) -> tuple[LetterSpec, ...]:
    """The letter the decision needs, first; an objection's Tanggapan goes to the Atasan PPID with the PPID's
    covering nota dinas (SOP 003, third procedure, step 4)."""
    if decision.keputusan in OBJECTION_DECISIONS:
        return letters.OBJECTION_ANSWER, letters.ANSWER_NOTE
    if decision.keputusan == "ditolak":
        return (letters.REJECTION,)
    if decision.keputusan == "perpanjangan":
        return (letters.EXTENSION,)
    return (letters.WRITTEN_NOTICE,)


def file_decision(ctx: Context, decision: Decision, *, sheet: Job | None = None, source_ref: dict | None = None) -> list[str]:
    """Check, draft, convert and file the answer into its case; return the documents' IDs.

    ``sheet`` is the answer sheet dropped into the inbox: it is filed with the letter (a workbook of many
    answers is archived once and linked by ``source_ref``). The caller holds the work lock. Raises
    :class:`DecisionRefused` with the reasons when the answer does not fit the case, :class:`FilingFailed`
    when it could not be filed.
    """
    case = ctx.db.case_by_number(decision.nomor)
    history = ctx.db.events(case.id) if case else []
    reasons = check_decision(decision, case, history, today=ctx.today(), laws=ctx.config.laws)
    if reasons:
        raise DecisionRefused(reasons)
    specs = letters_for(decision)
    new_due = extended_due(ctx, case) if decision.keputusan == "perpanjangan" else None
    drafted = []

    def build(staging: Staging) -> None:
        if sheet is not None:
            staging.add_bytes(paths.answer_sheet_file(specs[0].key, sheet.path.suffix), sheet.data, "answer_sheet",
                              original_name=sheet.source.original_name)
        extra = {}
        if case.kind == "keberatan":
            request = ctx.db.case_by_number(case.data.get("nomor_permohonan") or "")
            extra = {"objection": letters.objection_context(ctx.config, case, request)}
        drafted.extend(draft_letters(ctx, staging, case, specs, request=case.data,
                                     answer=letters.answer_context(decision, case, ctx.config, new_due), **extra))
        convert_drafts(ctx, staging, case, drafted)
        record_decision(staging, decision, case, new_due, drafted[0].doc_id, source_ref)

    add_to_case(ctx, case, token=f"jawaban-{case.id}-{specs[0].key}", build=build)
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


# -- handing the information over (SOP 003, request step 5; Perki 1/2010 Pasal 28) ------------------------------

HANDED_OVER = "handed_over"


def handover_from_answer(case: Case, *, day: date, form: list[str] | None = None, how: str = "",
                         pages: int | None = None, rate: int | None = None, delivery: int | None = None,
                         other: int | None = None, method: str = "", note: str = "") -> dict:
    """What was handed over, as the ``handed_over`` event records it: what the officer says, the rest as the
    written notice announced it (form, costs) and the applicant asked it (how the copy is received)."""
    answer = case.data.get("jawaban") or {}
    asked = case.data.get("cara_salinan") or []

    def given(value, key: str) -> int:
        return int(value if value is not None else (answer.get(key) or 0))

    return {"tanggal": day.isoformat(), "bentuk": list(form or answer.get("bentuk") or []),
            "cara": how or (asked[0] if asked else ""), "halaman": given(pages, "halaman"), "tarif": given(rate, "tarif"),
            "biaya_kirim": given(delivery, "biaya_kirim"), "biaya_lain": given(other, "biaya_lain"),
            "cara_bayar": method, "catatan": note}


def check_handover(ctx: Context, case: Case | None, number: str, handover: dict) -> list[str]:
    """Everything that keeps this handover from being recorded, as sentences for the officer."""
    if case is None or case.kind != "permohonan":
        return [f"Permohonan nomor {number} tidak ditemukan."]
    answer = case.data.get("jawaban") or {}
    if answer.get("keputusan") not in ("diberikan", "sebagian"):
        return [f"Permohonan {number} belum diputuskan dapat diberikan (ppid decide … --keputusan diberikan/sebagian); "
                "penyerahan informasi dicatat sesudahnya."]
    if case.data.get("penyerahan"):
        return [f"Penyerahan informasi atas permohonan {number} sudah dicatat pada "
                f"{bahasa.tanggal(date.fromisoformat(case.data['penyerahan']['tanggal']))}."]
    problems = []
    day = date.fromisoformat(handover["tanggal"])
    if answer.get("tanggal") and day < date.fromisoformat(answer["tanggal"]):
        problems.append(f"Tanggal penyerahan sebelum tanggal keputusan ({bahasa.tanggal(date.fromisoformat(answer['tanggal']))}).")
    if day > ctx.today():
        problems.append(f"Tanggal penyerahan {bahasa.tanggal(day)} berada di masa depan.")
    if not handover["bentuk"]:
        problems.append("Bentuk informasi yang diserahkan (softcopy/hardcopy) belum diisi.")
    if not handover["cara"]:
        problems.append("Cara penyerahan (mis. mengambil langsung, pos, email) belum diisi.")
    total = handover["halaman"] * handover["tarif"] + handover["biaya_kirim"] + handover["biaya_lain"]
    methods = ctx.config.payment.methods
    if total and handover["cara_bayar"] not in methods:
        problems.append(f"Cara pembayaran belum dipilih atau tidak dikenal; pilihan: {', '.join(methods)} "
                        "([payment] di config.toml).")
    if not total and handover["cara_bayar"]:
        problems.append("Tidak ada biaya yang dibayar: cara pembayaran tidak diisi.")
    return problems


def record_handover(ctx: Context, number: str, handover: dict) -> str:
    """Check and record the handover in the case's log, with its receipt (tanda terima penyerahan) drafted for the
    applicant's and the desk officer's signatures; returns the receipt's document ID. The caller holds the work
    lock. Raises :class:`DecisionRefused` with the reasons, :class:`FilingFailed` when it could not be filed."""
    case = ctx.db.case_by_number(number)
    problems = check_handover(ctx, case, number, handover)
    if problems:
        raise DecisionRefused(problems)
    drafted = []

    def build(staging: Staging) -> None:
        drafted.extend(draft_letters(ctx, staging, case, (letters.HANDOVER_RECEIPT,), on=date.fromisoformat(handover["tanggal"]),
                                     request=case.data, handover=letters.handover_context(ctx.config, handover)))
        convert_drafts(ctx, staging, case, drafted)
        staging.log(HANDED_OVER, **handover, dokumen=drafted[0].doc_id)

    add_to_case(ctx, case, token=f"penyerahan-{case.id}", build=build)
    return drafted[0].doc_id
