"""The answer to a request: the decision, its checks, its letter, and the case's new state.

A decision arrives from an answer sheet dropped into the inbox or from ``ppid decide``; both give the same
raw fields to :func:`decision_from_fields` and go through the same :func:`check_decision`, so a bad answer
is refused with the same reasons either way. :func:`file_decision` drafts the letter the law requires
(written notice part A or B, rejection decree, extension notice), files it into the case folder and
moves the case on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.core import bahasa
from pipeline.core.vocab import DECISION_TEXT, OBJECTION_DECISIONS, REQUEST_DECISIONS
from pipeline.intake.answers import Decision, DecisionRefused, answer_fields, decision_from_fields
from pipeline.intake.reading import FormDocument
from pipeline.jobs.context import Context
from pipeline.jobs.desk import place_for_signature
from pipeline.jobs.drafts import convert_drafts, draft_letters, mirror_events
from pipeline.jobs.filing import archive_source_file
from pipeline.jobs.results import FileOutcome
from pipeline.jobs.setaside import keep_aside, set_aside
from pipeline.jobs.sources import finish_source
from pipeline.kinds.objection import objection_context
from pipeline.render import letters
from pipeline.render.letters import LetterSpec
from pipeline.store.archive import Staging
from pipeline.store.db import Case, Source
from pipeline.store.events import OPEN_STATUSES, status_from_events

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


def answer_context(decision: Decision, case: Case, config, new_due: date | None) -> dict:
    """The ``jawaban`` group of the letter context, every value already written out."""
    d = decision
    part = "A" if d.keputusan in ("diberikan", "sebagian") else "B" if d.keputusan in ("tidak-dikuasai", "belum-didokumentasikan") else ""
    # The official notice form's wording: "Kami" or "Badan Publik lain, yaitu …".
    holder = f"Badan Publik lain, yaitu {d.dikuasai_oleh}" if d.dikuasai_oleh else ("Kami" if part == "A" else "")
    return {
        **letters.empty_answer(),
        "keputusan": d.keputusan,
        "keputusan_teks": DECISION_TEXT[d.keputusan],
        "bagian": part,
        "dikuasai_oleh": holder,
        "bentuk": ", ".join(f.capitalize() for f in d.bentuk),
        "biaya_salin": (f"{bahasa.rupiah(d.tarif).split(' (')[0]} × {d.halaman} halaman = {bahasa.rupiah(d.copy_cost)}"
                        if d.halaman and d.tarif else bahasa.rupiah(0)),
        "biaya_kirim": bahasa.rupiah(d.biaya_kirim),
        "biaya_lain": bahasa.rupiah(d.biaya_lain),
        "biaya_total": bahasa.rupiah(d.total_cost),
        "waktu": bahasa.hari_kerja(d.waktu_hari) if d.waktu_hari else "",
        "penghitaman": d.penghitaman,
        "alasan_tidak": DECISION_TEXT[d.keputusan] if part == "B" else "",
        "kapan_tersedia": d.kapan_tersedia,
        "dasar": d.basis_text(),
        "konsekuensi": d.konsekuensi,
        "keberatan_hari": bahasa.hari_kerja(config.deadlines.objection_filing_days),
        "alasan_perpanjangan": d.alasan,
        "tenggat_semula": bahasa.tanggal(case.due) if case.due else "",
        "hari_tenggat_semula": bahasa.hari_tanggal(case.due) if case.due else "",
        "tenggat_baru": bahasa.tanggal(new_due) if new_due else "",
        "hari_tenggat_baru": bahasa.hari_tanggal(new_due) if new_due else "",
        "perpanjangan_hari": bahasa.hari_kerja(config.deadlines.extension_days),
        "tanggal": bahasa.tanggal(d.tanggal) if d.tanggal else "",
        "hari_tanggal": bahasa.hari_tanggal(d.tanggal) if d.tanggal else "",
        "alasan_keputusan": d.alasan if d.keputusan in OBJECTION_DECISIONS else "",
        "komisi_hari": bahasa.hari_kerja(config.deadlines.dispute_days),
    }


def file_decision(ctx: Context, decision: Decision, *, sheet: Path | None = None, sheet_name: str | None = None,
                  source_ref: dict | None = None) -> list[str]:
    """Check, draft, convert and file the answer into its case; return the documents' IDs.

    ``sheet`` is the answer sheet the decision came from: it is filed with the letter (a workbook of many
    answers is archived once and linked by ``source_ref``). The caller holds the workspace lock. Raises
    :class:`DecisionRefused` with the reasons when the answer does not fit the case.
    """
    case = ctx.db.case_by_number(decision.nomor)
    history = ctx.db.events(case.id) if case else []
    reasons = check_decision(decision, case, history, today=ctx.today())
    if reasons:
        raise DecisionRefused(reasons)
    spec = letter_for(decision)
    new_due = ctx.calendar.add_working_days(case.due, ctx.config.deadlines.extension_days) if decision.keputusan == "perpanjangan" else None
    staging = ctx.archive.begin_addition(case.folder, token=f"jawaban-{case.id}-{spec.key}")
    if sheet is not None:
        staging.add_copy(sheet, f"04-lembar-jawaban-{spec.key}{sheet.suffix.lower()}", "answer_sheet", original_name=sheet_name or sheet.name)
    extra = {"objection": objection_context(ctx, case)} if case.kind == "keberatan" else {}
    drafts = draft_letters(ctx, staging, case, (spec,), request=case.data,
                           answer=answer_context(decision, case, ctx.config, new_due), **extra)
    convert_drafts(ctx, staging, case, drafts)
    record_decision(staging, decision, case, new_due, drafts[0].doc_id, source_ref)
    ctx.archive.commit_addition(staging)
    update_case(ctx, case, decision, new_due, staging)
    place_for_signature(ctx, case, ctx.archive.folder(case.folder), drafts)
    return [d.doc_id for d in drafts]


def record_decision(staging: Staging, decision: Decision, case: Case, new_due: date | None, doc_id: str,
                    source_ref: dict | None) -> None:
    link = {"sumber": source_ref} if source_ref else {}
    if decision.keputusan == "perpanjangan":
        staging.log("extended", alasan=decision.alasan, tenggat_semula=case.due.isoformat(),
                    tenggat_baru=new_due.isoformat(), dokumen=doc_id, **link)
    else:
        staging.log("answered", keputusan=decision.keputusan, dokumen=doc_id, keputusan_rinci=decision.as_json(), **link)


def update_case(ctx: Context, case: Case, decision: Decision, new_due: date | None, staging: Staging) -> None:
    """The database follows the case folder: decision data, new due date, status from the event log."""
    data = dict(case.data)
    if new_due:
        data["perpanjangan"] = {"alasan": decision.alasan, "tenggat_semula": case.due.isoformat(), "tenggat_baru": new_due.isoformat()}
    else:
        data["jawaban"] = decision.as_json()
    mirror_events(ctx, case, staging)
    status = status_from_events(ctx.db.events(case.id))
    ctx.db.update_case(case.id, data=data, due=new_due or case.due, status=status)



# -- answer sheets dropped into the inbox --------------------------------------------------------------

KIND = "jawaban"


def handle(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    """Each answer on the sheet is filed into its case; refused answers are kept aside with reasons."""
    source_ref = archive_source_file(ctx, path, source) if len(document.records) > 1 else None
    reasons = []
    for record in document.records:
        prefix = f"Baris {record.row}: " if record.row else ""
        decision, problems = decision_from_fields(answer_fields(record), today=ctx.today())
        try:
            if problems:
                raise DecisionRefused(problems)
            file_decision(ctx, decision, sheet=None if source_ref else path, sheet_name=source.original_name,
                          source_ref=source_ref)
            outcome.answered.append(decision.nomor)
        except DecisionRefused as exc:
            reasons.append(prefix + "Jawaban tidak dapat dicatat — " + " ".join(exc.reasons))
    if not outcome.answered:
        return set_aside(ctx, path, source, reasons or ["Lembar jawaban tidak berisi jawaban."], outcome)
    if reasons:
        keep_aside(ctx, path, source, reasons, outcome)
    return finish_source(ctx, path, source, outcome)
