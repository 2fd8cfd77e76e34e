"""The Daftar Informasi yang Dikecualikan: the proposal of the PPID Utama with the Tim Pertimbangan becomes the
SK DIK draft with its consequence-test table (SOP 000); once signed, the DIK is the list new requests are
classified against.

Each exception's basis is written in full the same way as in the SK Penolakan (pipeline.render.letters.legal_basis:
Pasal 17 huruf j names the other law's article, every law with its title); a proposal citing a law no longer in
force (``[laws] replaced``) is refused. The SK DIK states the classification as Perki 1/2017 Pasal 4 asks."""

from __future__ import annotations

from dataclasses import asdict, replace

from pipeline.intake.lists import DikEntry, validate_dik
from pipeline.jobs.context import Context
from pipeline.jobs.filing import file_case, record_row
from pipeline.jobs.kind import Kind
from pipeline.jobs.results import Job, Outcome
from pipeline.kinds.dip import forwarded_to_signer, problem_lines
from pipeline.render import letters
from pipeline.render.lists import daftar_context
from pipeline.store import paths
from pipeline.store.db import Case

FORM = "dik"


def handle(ctx: Context, job: Job) -> Outcome:
    entries, problems = validate_dik(job.document.records)
    lines = problem_lines(problems) + laws_not_in_force(ctx, entries)
    if lines or not entries:
        return Outcome.refusal(*(lines or ["Usulan DIK tidak berisi satu pun informasi."]))
    data = {"applicant": {"nama": "PPID Utama dan Tim Pertimbangan"}, "tahun": ctx.today().year,
            "dik": [asdict(e) for e in entries]}
    return file_case(ctx, DIK_PROPOSAL, data, source=job.source, row=record_row(job.document.records[0]),
                     original=job)


def laws_not_in_force(ctx: Context, entries: list[DikEntry]) -> list[str]:
    """A reason for each proposed exception whose basis cites a law no longer in force."""
    return [f"Baris {e.row}, kolom \"Dasar Hukum\": {reason}" if e.row else reason
            for e in entries for reason in letters.laws_not_in_force(f"{e.dasar_lain} {e.dasar_teks}", ctx.config.laws)]


def spelled_out(ctx: Context, entry: DikEntry) -> DikEntry:
    """The entry with its basis written as the SK Penolakan writes it."""
    if not (entry.pasal17 or entry.dasar_lain):
        return entry
    return replace(entry, dasar_teks=letters.legal_basis(entry.pasal17, entry.angka, entry.dasar_lain, ctx.config.laws))


def letter_args(ctx: Context, case: Case) -> dict:
    dik = [spelled_out(ctx, DikEntry(**e)) for e in case.data["dik"]]
    return {"daftar": daftar_context(year=case.data["tahun"], dik=dik)}


DIK_PROPOSAL = Kind(
    name="dik",
    label="Usulan dan Keputusan tentang Daftar Informasi yang Dikecualikan",
    number_pattern=lambda config: config.numbering.dik,
    folder=lambda config, case: paths.dik_folder(case.year, case.number),
    letters=lambda ctx, case: (letters.SK_DIK,),
    letter_args=letter_args,
    assess=lambda ctx, case: ({}, {"informasi": len(case.data["dik"])}),
    filed_events=forwarded_to_signer,
)
