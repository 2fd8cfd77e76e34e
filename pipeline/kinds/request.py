"""Requests for public information (permohonan): a read form becomes a filed, numbered case.

SOP 003, steps 1-3: a complete form gets a registration number and its due date (10 working days from
receipt, once extendable by 7: UU 14/2008 Pasal 22 ayat 7-8), the original and the ID copy are archived, and the
receipt and the PPID's letter to the PPID Pelaksana are drafted; the SOP's step-3 proposal (open under the
DIP, excepted under the DIK) is made from the lists in force. An incomplete form gets no number ("kurang
lengkap"): it is refused with a notice to the applicant.
"""

from __future__ import annotations

from pipeline.core.deadlines import DueRule, Target
from pipeline.intake.answers import Decision
from pipeline.intake.reading import FormRecord
from pipeline.intake.validation import validate_request
from pipeline.jobs.context import Context
from pipeline.jobs.drafts import Draft
from pipeline.jobs.filing import file_forms, registered_on
from pipeline.jobs.kind import Kind, case_data, fingerprints
from pipeline.jobs.results import Job, Notice, Outcome
from pipeline.kinds.classification import classify_request
from pipeline.render import letters
from pipeline.render.letters import LetterSpec
from pipeline.store import paths
from pipeline.store.db import Case

FORM = "permohonan"


def handle(ctx: Context, job: Job) -> Outcome:
    return file_forms(ctx, REQUEST, job)


def validate(ctx: Context, record: FormRecord) -> tuple[dict | None, list[str]]:
    request, problems = validate_request(record, ctx.today())
    return (None, problems) if problems else (case_data(request), [])


def incomplete_notice(record: FormRecord, problems: list[str]) -> Notice:
    """The 'kurang lengkap' notice to the applicant: what is missing, addressed with what the form says."""
    suffix = f"baris-{record.row}" if record.row else (f"formulir-{record.part}" if getattr(record, "part", None) else "")
    applicant = {"nama": record.fields.get("nama", ""), "alamat": record.fields.get("alamat", "")}
    return Notice(letters.INCOMPLETE_NOTICE.key, {"request": {"applicant": applicant}, "problems": problems}, suffix)


def assess(ctx: Context, case: Case) -> tuple[dict, dict]:
    """The SOP's step-3 proposal: is the information open (DIP) or excepted (DIK)?"""
    proposal = classify_request(ctx, f"{case.data.get('rincian_informasi', '')}")
    if proposal is None:
        return {}, {}
    return {"klasifikasi": proposal.as_json()}, {"klasifikasi": {"usulan": proposal.kind, "skor": round(proposal.score, 3)}}


def sameness(data: dict) -> dict:
    """The same applicant asking the same thing on a form of the same date is the same request."""
    return fingerprints(identity(data), data.get("rincian_informasi"), data.get("tanggal_form"))


def identity(data: dict) -> str:
    applicant = data.get("applicant") or {}
    return applicant.get("nik") or applicant.get("nomor_sk") or applicant.get("nama") or ""


def holder(ctx: Context, case: Case) -> str:
    """Who the letter goes to: the OPD holding the DIP entry, else the OPD named on the form, else the default."""
    return letters.holder_of(ctx.config, case)


def is_excepted(case: Case) -> bool:
    return (case.data.get("klasifikasi") or {}).get("kind") == "dikecualikan"


def request_letters(ctx: Context, case: Case) -> tuple[LetterSpec, ...]:
    """Receipt and letter to the holder; with information listed as excepted, also a rejection proposal: a konsep,
    never numbered, until the PPID decides (``ppid decide … --keputusan ditolak``)."""
    return letters.REQUEST_LETTERS + ((letters.PROPOSED_REJECTION,) if is_excepted(case) else ())


def letter_args(ctx: Context, case: Case) -> dict:
    args = {"request": case.data, "holder": holder(ctx, case)}
    if is_excepted(case):
        entry = case.data["klasifikasi"].get("entry") or {}
        draft = Decision(nomor=case.number, keputusan="ditolak", pasal17=entry.get("pasal17", ""), angka=entry.get("angka", ""),
                         dasar_lain=entry.get("dasar_lain", "") or entry.get("dasar", ""),
                         konsekuensi=entry.get("konsekuensi_dibuka", ""), tanggal=registered_on(case))
        args["answer"] = letters.answer_context(draft, case, ctx.config, None)
    return args


def forwarded(ctx: Context, case: Case, drafts: list[Draft]) -> list[tuple[str, dict]]:
    """The letter to the PPID Pelaksana is drafted: the case now waits for the holder's answer."""
    letter = next(d for d in drafts if d.spec is letters.FORWARD)
    return [("forwarded", {"kepada": holder(ctx, case), "dokumen": letter.doc_id})]


REQUEST = Kind(
    name="permohonan",
    label="Permohonan Informasi Publik",
    number_pattern=lambda config: config.numbering.permohonan,
    folder=lambda config, case: paths.dated_case_folder(config.paths.folder_pattern, number=case.number, kind=case.kind,
                                                        seq=case.seq, registered=registered_on(case)),
    due=DueRule("notice_days", extension="extension_days", targets=(Target("ppid_pelaksana", "forward_target_days"),)),
    letters=request_letters,
    letter_args=letter_args,
    assess=assess,
    filed_events=forwarded,
    validate=validate,
    notice=incomplete_notice,
    source_once=True,
    sameness=sameness,
)
