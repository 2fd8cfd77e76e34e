"""The Daftar Informasi Publik: each OPD's list, the recap with the SK DIP draft, and the publication.

SOP 003, second procedure. Each OPD's DIP list (xlsx) is validated; a good one is filed under its OPD with its
own number (a corrected resubmission replaces the OPD's earlier list for that year; both stay in the archive)
and the consolidated recap with the SK DIP draft is rebuilt — a case of its own, filed by the same transaction
as every case. A list with problems is refused with a correction note for its OPD (row, column, what is
wrong). When the signed SK DIP comes back, the DIP is published (xlsx, csv, html under
``archive/publikasi/<year>/``) and becomes the list new requests are classified against.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict

from pipeline.intake.lists import DipEntry, RowProblem, opd_of, validate_dip
from pipeline.jobs.context import Context
from pipeline.jobs.desk import remove_from_desk
from pipeline.jobs.drafts import Draft
from pipeline.jobs.filing import file_case, record_row
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


# -- the recap and the SK DIP ----------------------------------------------------------------------------------


def accepted_lists(ctx: Context, year: int) -> list[Case]:
    return [c for c in ctx.db.cases(kind=DIP_LIST.name, year=year) if c.is_filed and c.status != REPLACED]


_RECAP_LOCK = threading.Lock()


def rebuild_recap(ctx: Context, year: int) -> Outcome:
    """The consolidated DIP of the accepted lists: recap workbook and SK DIP draft, in a case of its own."""
    with _RECAP_LOCK:  # two lists accepted at once: one recap after the other, the later one replacing
        lists = sorted(accepted_lists(ctx, year), key=lambda c: c.data["opd"])
        if not lists:
            return Outcome()
        entries = [e for case in lists for e in case.data["entri"]]
        data = {"applicant": {"nama": "Rekapitulasi DIP"}, "tahun": year, "daftar": [c.number for c in lists],
                "entri": entries}
        outcome = file_case(ctx, DIP_RECAP, data, source=None)   # no dropped file: a new case every time
        log.info("Rekap DIP %s: %d informasi dari %d OPD", year, len(entries), len(lists))
        return outcome


def stage_recap(ctx: Context, case: Case, staging: Staging) -> None:
    recap = staging.path(paths.recap_file(case.data["tahun"]))
    write_recap_xlsx([DipEntry(**e) for e in case.data["entri"]], recap, year=case.data["tahun"],
                     agency=ctx.config.agency.name, paper=ctx.config.paper.size)
    staging.add_existing(recap, "rekap")


def supersede_older_recaps(ctx: Context, case: Case) -> None:
    """The new recap is filed: an older one still waiting for its signature is replaced and leaves the desk."""
    for older in ctx.db.cases(kind=DIP_RECAP.name, year=case.year):
        if older.id == case.id or not older.is_filed or older.status in (REPLACED, CLOSED):
            continue
        record(ctx.archive, ctx.db, older, "replaced", sebab="rekap baru", oleh=case.number)
        for row in ctx.db.events(older.id):
            if row["event"] == "forwarded" and row.get("dokumen"):
                remove_from_desk(ctx, row["dokumen"])


def forwarded_to_signer(ctx: Context, case: Case, drafts: list[Draft]) -> list[tuple[str, dict]]:
    return [("forwarded", {"kepada": letters.signer_for(ctx.config, drafts[0].spec), "dokumen": drafts[0].doc_id})]


def publish(ctx: Context, case: Case, letter: str) -> None:
    """The signed SK DIP: the DIP is published (xlsx, csv, html), ready to upload once the online system is back."""
    if letter != letters.SK_DIP.key or any(e["event"] == "publication" for e in ctx.db.events(case.id)):
        return   # not the SK DIP, or published already (a restart repeats the follow-up)
    year = case.data["tahun"]
    number = next((e.get("letter_number") for e in ctx.archive.manifest(case.folder)["files"]
                   if e.get("letter") == letters.SK_DIP.key), "")
    folder = paths.publication_folder(ctx.archive.root, year)
    folder.mkdir(parents=True, exist_ok=True)
    written = write_publication([DipEntry(**e) for e in case.data["entri"]], folder, year=year,
                                agency=ctx.config.agency.name, sk_number=number or case.number, sk_date=ctx.today())
    record(ctx.archive, ctx.db, case, "publication", berkas=[p.name for p in written])
    log.info("DIP %s diterbitkan: %s", year, ", ".join(p.name for p in written))


DIP_RECAP = Kind(
    name="sk_dip",
    label="Rekapitulasi DIP dan SK DIP",
    number_pattern=lambda config: RECAP_NUMBER,
    folder=lambda config, case: paths.dip_recap_folder(case.year, case.number),
    letters=lambda ctx, case: (letters.SK_DIP,),
    letter_args=lambda ctx, case: {"daftar": daftar_context(year=case.data["tahun"],
                                                            entries=[DipEntry(**e) for e in case.data["entri"]])},
    assess=lambda ctx, case: ({}, {"daftar": case.data["daftar"], "entri": len(case.data["entri"])}),
    stage_files=stage_recap,
    filed_events=forwarded_to_signer,
    on_filed=supersede_older_recaps,
    on_signed=publish,
)
