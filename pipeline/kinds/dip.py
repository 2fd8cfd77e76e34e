"""The Daftar Informasi Publik: each OPD's list, the recap with the SK DIP draft, and the publication.

SOP 003, second procedure. Each OPD's DIP list (xlsx) is validated; a good one is filed under its OPD with its
own number (a corrected resubmission replaces the OPD's earlier list for that year; both stay in the archive)
and the consolidated recap is rebuilt — a case of its own, filed by the same transaction as every case — with
the SK DIP's konsep for the PPID's correction: never numbered, so a recap replaced by the next list uses up no
number. A list with problems is refused with a correction note for its OPD (row, column, what is wrong).
``ppid dip ajukan`` submits the recap: the PPID's nota dinas and the SK DIP go to their signers. When the signed
SK DIP comes back, the DIP is published (xlsx, csv, html under ``archive/publikasi/<year>/``), becomes the list new
requests are classified against, and its covering letter to the PPID Pelaksana is drafted.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict
from datetime import date

from pipeline.core import bahasa
from pipeline.intake.lists import DipEntry, RowProblem, opd_of, validate_dip
from pipeline.jobs.context import Context
from pipeline.jobs.desk import SIGNED_EVENTS, remove_from_desk
from pipeline.jobs.drafts import Draft, convert_drafts, draft_letters
from pipeline.jobs.filing import add_to_case, file_case, record_row
from pipeline.jobs.kind import Kind
from pipeline.jobs.results import Job, Notice, Outcome, Refusal
from pipeline.render import letters
from pipeline.render.lists import daftar_context, write_recap_xlsx
from pipeline.render.publication import write_publication
from pipeline.store import paths
from pipeline.store.archive import Staging
from pipeline.store.db import VOID, Case
from pipeline.store.events import CLOSED, REPLACED
from pipeline.store.ledger import record

log = logging.getLogger(__name__)

FORM = "dip"
RECAP_NUMBER = "{seq:03d}/REKAP-DIP/{tahun}"


def problem_lines(problems: list[RowProblem]) -> list[str]:
    return [(f"Baris {p.row}, kolom \"{p.column}\": " if p.row else f"Kolom \"{p.column}\": ") + p.message for p in problems]


# -- an OPD's list ---------------------------------------------------------------------------------------------


def handle(ctx: Context, job: Job) -> Outcome:
    """An OPD's list: filed under the OPD when valid, else refused with a correction note for the OPD."""
    opd = opd_of(job.document)
    entries, problems = validate_dip(job.document.records, opd=opd)
    if not opd:
        problems = [*problems, RowProblem(None, "PPID Pelaksana/OPD", (
            "Nama PPID Pelaksana/OPD pengirim daftar tidak ditemukan; tulis pada judul (mis. \"DAFTAR INFORMASI PUBLIK "
            "DINAS KESEHATAN TAHUN 2026\") atau kolom OPD."))]
    if problems or not entries:
        note = Notice(letters.DIP_CORRECTION.key, {
            "holder": f"PPID Pelaksana {opd or ''}",
            "daftar": daftar_context(year=ctx.today().year, opd=opd or "", problems=problems, tanggal_pengajuan=ctx.today())})
        reasons = problem_lines(problems) or ["Daftar tidak berisi satu pun informasi."]
        return Outcome(refused=[Refusal(reason, note if i == 0 else None) for i, reason in enumerate(reasons)])
    data = {"applicant": {"nama": opd}, "opd": opd, "tahun": ctx.today().year, "entri": [asdict(e) for e in entries]}
    return file_case(ctx, DIP_LIST, data, source=job.source, row=record_row(job.document.records[0]), original=job)


def replace_earlier_lists(ctx: Context, case: Case) -> Outcome:
    """A corrected resubmission replaces the OPD's earlier list for that year (both stay in the archive); then the
    recap is rebuilt from the lists now accepted."""
    for earlier in ctx.db.cases(kind=DIP_LIST.name, year=case.year):
        if earlier.id == case.id or earlier.status in (REPLACED, VOID) or not earlier.folder:
            continue
        if earlier.data.get("opd") == case.data.get("opd") and earlier.data.get("tahun") == case.data.get("tahun"):
            record(ctx.archive, ctx.db, earlier, "replaced", oleh=case.number)
    return rebuild_recap(ctx, case.year)


DIP_LIST = Kind(
    name="dip",
    label="Daftar Informasi Publik PPID Pelaksana",
    number_pattern=lambda config: config.numbering.dip,
    folder=lambda config, case: paths.dip_list_folder(case.year, case.data["opd"], case.number),
    assess=lambda ctx, case: ({}, {"opd": case.data["opd"], "entri": len(case.data["entri"])}),
    on_filed=replace_earlier_lists,
)


# -- the recap, its konsep, the submission, the SK DIP and its covering letter -----------------------------------


def accepted_lists(ctx: Context, year: int) -> list[Case]:
    return [c for c in ctx.db.cases(kind=DIP_LIST.name, year=year) if c.is_filed and c.status != REPLACED]


def recaps(ctx: Context, year: int) -> list[Case]:
    """The year's recaps still in play (filed, not replaced or void), oldest first."""
    return [c for c in ctx.db.cases(kind=DIP_RECAP.name, year=year) if c.is_filed and c.status != REPLACED]


_RECAP_LOCK = threading.Lock()


def rebuild_recap(ctx: Context, year: int) -> Outcome:
    """The consolidated DIP of the accepted lists: the recap workbook and the SK DIP's konsep for the PPID's
    correction, in a case of its own. A recap of the very lists of the latest one is not made again: its konsep
    would only use up a case and a desk's attention."""
    with _RECAP_LOCK:  # two lists accepted at once: one recap after the other, the later one replacing
        lists = sorted(accepted_lists(ctx, year), key=lambda c: c.data["opd"])
        if not lists:
            return Outcome()
        numbers = [c.number for c in lists]
        latest = next(reversed(recaps(ctx, year)), None)
        if latest is not None and latest.data.get("daftar") == numbers:
            return Outcome(filed=[latest.number], notes=[f"Rekap DIP {year} tidak berubah: {latest.number} "
                                                         "memuat daftar yang sama."])
        entries = [e for case in lists for e in case.data["entri"]]
        data = {"applicant": {"nama": "Rekapitulasi DIP"}, "tahun": year, "daftar": numbers, "entri": entries}
        outcome = file_case(ctx, DIP_RECAP, data, source=None)   # no dropped file: a new case every time
        log.info("Rekap DIP %s: %d informasi dari %d OPD", year, len(entries), len(lists))
        return outcome


def stage_recap(ctx: Context, case: Case, staging: Staging) -> None:
    recap = staging.path(paths.recap_file(case.data["tahun"]))
    write_recap_xlsx([DipEntry(**e) for e in case.data["entri"]], recap, year=case.data["tahun"],
                     agency=ctx.config.agency.name, paper=ctx.config.paper.size)
    staging.add_existing(recap, "rekap")


def recap_daftar(ctx: Context, case: Case, *, sk_number: str = "", sk_date: date | None = None) -> dict:
    """The ``daftar`` group of the recap's letters: the list, who sets it, how much it holds, and the signed SK."""
    signer = ctx.config.decrees.dip_signer
    return {**daftar_context(year=case.data["tahun"], entries=[DipEntry(**e) for e in case.data["entri"]]),
            "penetap": getattr(ctx.config.signers, signer).office, "oleh_atasan": signer == "atasan_ppid",
            "jumlah_informasi": bahasa.angka(len(case.data["entri"])),
            "jumlah_opd": bahasa.angka(len(case.data.get("daftar", []))),
            "nomor_sk": sk_number, "tanggal_sk": bahasa.tanggal(sk_date) if sk_date else ""}


def unsigned_drafts(ctx: Context, case: Case) -> list[str]:
    """Document IDs of the case's drafts that no signed copy has come back for."""
    events = ctx.db.events(case.id)
    signed = {e.get("dokumen") for e in events if e["event"] in SIGNED_EVENTS}
    return [doc for e in events if e["event"] == "rendered" for doc in e.get("dokumen") or [] if doc not in signed]


def replace_recap(ctx: Context, case: Case, newer: Case, why: str) -> None:
    """``case`` is superseded by ``newer``: it says so in its log, and its unsigned drafts leave the desks."""
    record(ctx.archive, ctx.db, case, "replaced", sebab=why, oleh=newer.number)
    for doc_id in unsigned_drafts(ctx, case):
        remove_from_desk(ctx, doc_id)


def supersede_older_recaps(ctx: Context, case: Case) -> None:
    """A new recap is filed: an older one not yet submitted to the Atasan PPID is replaced (its konsep, never
    numbered, leaves the PPID's desk). One already submitted stays on the signer's desk until a newer recap is
    submitted in its place (``ppid dip ajukan``)."""
    for older in recaps(ctx, case.year):
        if older.id != case.id and older.status != CLOSED and not older.data.get("diajukan"):
            replace_recap(ctx, older, case, "rekap baru")


def forwarded_to_signer(ctx: Context, case: Case, drafts: list[Draft]) -> list[tuple[str, dict]]:
    return [("forwarded", {"kepada": letters.signer_for(ctx.config, drafts[0].spec), "dokumen": drafts[0].doc_id})]


class SubmitRefused(Exception):
    """The recap cannot be submitted; the message is a sentence for the officer."""


def submit_recap(ctx: Context, year: int) -> Case:
    """SOP 003, second procedure: the PPID submits the corrected recap to the Atasan PPID: the PPID's nota dinas
    and the SK DIP (now numbered, when its series is the pipeline's) go to their desks, the konsep leaves the
    PPID's. An earlier submitted recap still unsigned is replaced. The caller holds the work lock."""
    current = next(reversed(recaps(ctx, year)), None)
    if current is None:
        raise SubmitRefused(f"Belum ada rekap DIP tahun {year}: daftar DIP dari PPID Pelaksana belum diterima.")
    if current.status == CLOSED:
        raise SubmitRefused(f"Rekap DIP {current.number} sudah ditetapkan; tidak perlu diajukan lagi.")
    if current.data.get("diajukan"):
        raise SubmitRefused(f"Rekap DIP {current.number} sudah diajukan kepada Atasan PPID.")
    konsep = unsigned_drafts(ctx, current)
    daftar = recap_daftar(ctx, current)

    def build(staging: Staging) -> None:
        drafts = draft_letters(ctx, staging, current, (letters.DIP_NOTE, letters.SK_DIP), daftar=daftar,
                               attachment="1 (satu) berkas")
        convert_drafts(ctx, staging, current, drafts)
        staging.log("submitted", dokumen=[d.doc_id for d in drafts], kepada=ctx.config.signers.atasan_ppid.office)
        staging.log("forwarded", kepada=letters.signer_for(ctx.config, letters.SK_DIP), dokumen=drafts[1].doc_id)

    current = add_to_case(ctx, current, token=f"ajukan-{current.id}", build=build)
    for doc_id in konsep:
        remove_from_desk(ctx, doc_id)
    for older in recaps(ctx, year):
        if older.id != current.id and older.status != CLOSED:
            replace_recap(ctx, older, current, "rekap yang diajukan kemudian")
    return ctx.db.case_by_id(current.id)


def sk_number(ctx: Context, case: Case) -> str:
    """The signed SK DIP's number: given by the pipeline, or recorded from its issuer (``ppid nomor``); "" unknown."""
    entry = next((e for e in ctx.archive.manifest(case.folder)["files"]
                  if e.get("letter") == letters.SK_DIP.key and e.get("role") == "draft_docx"), None)
    if entry is None:
        return ""
    return entry.get("letter_number") or (case.data.get("nomor_surat") or {}).get(entry["doc_id"], "")


def publish(ctx: Context, case: Case, letter: str) -> None:
    """The signed SK DIP: the DIP is published (xlsx, csv, html), ready to upload once the online system is back, and
    its covering letter to the PPID Pelaksana is drafted. An SK DIP its issuer numbers waits for its number
    (``ppid nomor``): the publication must not print a wrong one."""
    if letter != letters.SK_DIP.key or any(e["event"] == "publication" for e in ctx.db.events(case.id)):
        return   # not the SK DIP, or published already (a restart repeats the follow-up)
    number = sk_number(ctx, case)
    if not number:
        log.warning("SK DIP %s ditandatangani tanpa nomor tercatat: catat nomornya dengan ppid nomor", case.number)
        return
    year = case.data["tahun"]
    signed_on = signature_day(ctx, case)
    folder = paths.publication_folder(ctx.archive.root, year)
    folder.mkdir(parents=True, exist_ok=True)
    written = write_publication([DipEntry(**e) for e in case.data["entri"]], folder, year=year,
                                agency=ctx.config.agency.name, sk_number=number, sk_date=signed_on)
    record(ctx.archive, ctx.db, case, "publication", berkas=[p.name for p in written])
    log.info("DIP %s diterbitkan: %s", year, ", ".join(p.name for p in written))
    draft_cover_letter(ctx, ctx.db.case_by_id(case.id), number, signed_on)


def signature_day(ctx: Context, case: Case) -> date:
    """The day the signed SK DIP was filed (its number may be recorded later): the date the publication states."""
    filed = [e["at"] for e in ctx.db.events(case.id) if e["event"] == "published"]
    return date.fromisoformat(filed[-1][:10]) if filed else ctx.today()


def draft_cover_letter(ctx: Context, case: Case, number: str, signed_on: date) -> None:
    """The DIP's covering letter (surat pengantar, SOP 003) to the PPID Pelaksana, once (a restart finds it drafted)."""
    if any(e.get("letter") == letters.DIP_COVER.key for e in ctx.archive.manifest(case.folder)["files"]):
        return
    daftar = recap_daftar(ctx, case, sk_number=number, sk_date=signed_on)

    def build(staging: Staging) -> None:
        drafts = draft_letters(ctx, staging, case, (letters.DIP_COVER,), daftar=daftar,
                               holder=ctx.config.forward.dip_addressee, attachment="1 (satu) berkas")
        convert_drafts(ctx, staging, case, drafts)

    add_to_case(ctx, case, token=f"pengantar-{case.id}", build=build)


DIP_RECAP = Kind(
    name="sk_dip",
    label="Rekapitulasi dan Keputusan tentang Daftar Informasi Publik",
    number_pattern=lambda config: RECAP_NUMBER,
    folder=lambda config, case: paths.dip_recap_folder(case.year, case.number),
    letters=lambda ctx, case: (letters.SK_DIP_DRAFT,),
    letter_args=lambda ctx, case: {"daftar": recap_daftar(ctx, case)},
    assess=lambda ctx, case: ({}, {"daftar": case.data["daftar"], "entri": len(case.data["entri"])}),
    stage_files=stage_recap,
    filed_events=forwarded_to_signer,
    on_filed=supersede_older_recaps,
    on_signed=publish,
)
