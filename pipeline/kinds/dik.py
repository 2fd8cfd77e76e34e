"""The Daftar Informasi yang Dikecualikan: the proposal of the PPID Utama with the Tim Pertimbangan becomes the
SK DIK draft with its consequence-test table (SOP 000); once signed, the DIK is the list new requests are
classified against."""

from __future__ import annotations

from dataclasses import asdict

from pipeline.intake.lists import DikEntry, validate_dik
from pipeline.jobs.context import Context
from pipeline.jobs.filing import file_case, record_row
from pipeline.jobs.kind import Kind
from pipeline.jobs.results import Job, Outcome
from pipeline.kinds.dip import forwarded_to_signer, problem_lines
from pipeline.render import letters
from pipeline.render.lists import daftar_context
from pipeline.store import paths

FORM = "dik"


def handle(ctx: Context, job: Job) -> Outcome:
    entries, problems = validate_dik(job.document.records)
    if problems or not entries:
        return Outcome.refusal(*(problem_lines(problems) or ["Usulan DIK tidak berisi satu pun informasi."]))
    data = {"applicant": {"nama": "PPID Utama dan Tim Pertimbangan"}, "tahun": ctx.today().year,
            "dik": [asdict(e) for e in entries]}
    return file_case(ctx, DIK_PROPOSAL, data, source=job.source, row=record_row(job.document.records[0]),
                     original=job)


DIK_PROPOSAL = Kind(
    name="dik",
    label="Usulan Daftar Informasi yang Dikecualikan dan SK DIK",
    number_pattern=lambda config: config.numbering.dik,
    folder=lambda config, case: paths.dik_folder(case.year, case.number),
    letters=lambda ctx, case: (letters.SK_DIK,),
    letter_args=lambda ctx, case: {"daftar": daftar_context(year=case.data["tahun"],
                                                            dik=[DikEntry(**e) for e in case.data["dik"]])},
    assess=lambda ctx, case: ({}, {"informasi": len(case.data["dik"])}),
    filed_events=forwarded_to_signer,
)
