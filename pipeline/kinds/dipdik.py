"""DIP and DIK in the pipeline: submissions filed, the SK drafts, publication, and the lists in force.

SOP 003 second procedure and SOP 000. Each OPD's DIP list (xlsx) is validated; a good one is filed under
its OPD with its own number (a corrected resubmission replaces the OPD's earlier list for that year; both
stay in the archive) and the consolidated recap with the SK DIP draft is rebuilt for the configured
signer. A list with problems gets a correction note for its OPD (docx + PDF: row, column, what is wrong)
beside the set-aside file instead. The DIK proposal of the PPID Utama with the Tim Pertimbangan, once
valid, becomes the SK DIK draft with its consequence-test table. When a signed SK comes back (the desk's
signed-copy loop), the DIP is published (xlsx, csv, html under ``archive/publikasi/<year>/``) and the
signed lists become the ones new requests are classified against.
"""

from __future__ import annotations

import dataclasses
import logging
import tempfile
import threading
from dataclasses import asdict
from datetime import date
from pathlib import Path

from pipeline.core.files import write_atomic
from pipeline.core.numbering import format_number, safe_name
from pipeline.intake.lists import DikEntry, DipEntry, RowProblem, opd_of, validate_dik, validate_dip
from pipeline.intake.reading import FormDocument
from pipeline.jobs.context import Context
from pipeline.jobs.desk import place_for_signature, remove_from_desk
from pipeline.jobs.drafts import convert_drafts, draft_letters, mirror_events
from pipeline.jobs.filing import CaseKind, Plan, file_case
from pipeline.jobs.results import FileOutcome
from pipeline.jobs.setaside import set_aside
from pipeline.jobs.sources import finish_source
from pipeline.kinds.classification import DEFAULT_SYNONYMS, Classifier
from pipeline.render import letters
from pipeline.render.conversion import ConversionError, PdfMetadata
from pipeline.render.letters import LetterMeta, LetterSpec
from pipeline.render.lists import daftar_context, write_publication, write_recap_xlsx
from pipeline.render.templates import render_docx
from pipeline.store.db import Case, Source
from pipeline.store.events import REPLACED, VOID, status_from_events

log = logging.getLogger(__name__)

DIP, DIK, SK_DIP = "dip", "dik", "sk_dip"
PUBLICATION_DIR = "publikasi"
RECAP_NUMBER = "{seq:03d}/REKAP-DIP/{tahun}"

SK_DIP_LETTER, SK_DIK_LETTER, CORRECTION_NOTE = letters.SK_DIP, letters.SK_DIK, letters.DIP_CORRECTION


def signed_by(ctx: Context, spec: LetterSpec) -> LetterSpec:
    """Who signs the SK DIP / SK DIK differs by province: the configured signer."""
    signer = {"sk_dip": ctx.config.decrees.dip_signer, "sk_dik": ctx.config.decrees.dik_signer}.get(spec.key, spec.signer)
    return dataclasses.replace(spec, signer=signer)


def year_of(ctx: Context) -> int:
    return ctx.today().year


def problem_lines(problems) -> list[str]:
    return [(f"Baris {p.row}, kolom \"{p.column}\": " if p.row else f"Kolom \"{p.column}\": ") + p.message for p in problems]


# -- DIP submissions --------------------------------------------------------------------------------


def handle_dip(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    """An OPD's list: filed under the OPD when valid, else set aside with a correction note for the OPD."""
    opd = opd_of(document)
    entries, problems = validate_dip(document.records, opd=opd)
    if not opd:
        problems = [*problems, _no_opd_problem()]
    if problems or not entries:
        reasons = problem_lines(problems) or ["Daftar tidak berisi satu pun informasi."]
        set_aside(ctx, path, source, reasons, outcome)
        write_correction_note(ctx, ctx.config.paths.set_aside, source, opd or "", problems)
        return outcome
    year = year_of(ctx)
    data = {"applicant": {"nama": opd}, "opd": opd, "tahun": year, "entri": [asdict(e) for e in entries]}
    reason = file_case(ctx, DIP_SUBMISSION, path, source, document.records[0], data, None, outcome)
    if reason:
        set_aside(ctx, path, source, [reason], outcome)
        return outcome
    finish_source(ctx, path, source, outcome)
    rebuild_recap(ctx, year)
    return outcome


def _no_opd_problem():
    return RowProblem(None, "PPID Pelaksana/OPD", "Nama PPID Pelaksana/OPD pengirim daftar tidak ditemukan; tulis pada judul "
                                                  "(mis. \"DAFTAR INFORMASI PUBLIK DINAS KESEHATAN TAHUN 2026\") atau kolom OPD.")


def write_correction_note(ctx: Context, folder: Path, source: Source, opd: str, problems) -> None:
    """The note to the OPD (docx + PDF) beside its set-aside list: row, column, what is wrong."""
    copy = sorted(folder.glob(f"*_{safe_name(Path(source.original_name).stem)}*{Path(source.original_name).suffix}"))
    stem = (copy[-1].name if copy else f"{date.today():%Y%m%d}_{safe_name(source.original_name)}") + ".koreksi"
    context = letters.letter_context(ctx.config, CORRECTION_NOTE, LetterMeta(drafted=ctx.today()), holder=f"PPID Pelaksana {opd}",
                                     daftar=daftar_context(year=year_of(ctx), opd=opd, problems=problems,
                                                           tanggal_pengajuan=ctx.today()))
    docx = folder / f"{stem}.docx"
    write_atomic(docx, render_docx(ctx.template(CORRECTION_NOTE), context, ctx.config.paper), overwrite=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        try:
            ctx.converter.convert(docx, pdfa=folder / f"{stem}.pdf", printable=Path(tmp) / "cetak.pdf",
                                  metadata=PdfMetadata(title=CORRECTION_NOTE.title, author=ctx.config.agency.name))
        except ConversionError as exc:
            log.error("Catatan koreksi DIP tidak dapat dijadikan PDF: %s", exc)


def replace_earlier_lists(ctx: Context, case: Case) -> None:
    """A corrected resubmission replaces the OPD's earlier list for that year (both stay in the archive)."""
    for earlier in ctx.db.cases(kind=DIP, year=case.year):
        if earlier.id == case.id or earlier.status in (REPLACED, VOID) or not earlier.folder:
            continue
        if earlier.data.get("opd") == case.data.get("opd") and earlier.data.get("tahun") == case.data.get("tahun"):
            entry = ctx.archive.append_event(earlier.folder, "replaced", oleh=case.number)
            ctx.db.add_event(earlier.id, "replaced", {"oleh": case.number}, at=entry["at"])
            ctx.db.update_case(earlier.id, status=REPLACED)


DIP_SUBMISSION = CaseKind(
    kind=DIP,
    number_pattern=lambda ctx: ctx.config.numbering.dip,
    letters=(),
    plan=lambda ctx, case: Plan(None, None, logged={"opd": case.data["opd"], "entri": len(case.data["entri"])}),
    letter_args=lambda ctx, case: {},
    on_filed=replace_earlier_lists,
    folder=lambda ctx, case: f"{case.year}/dip/{safe_name(case.data['opd'])}/{safe_name(case.number)}",
)


# -- the recap and the SK DIP ------------------------------------------------------------------------


def accepted_lists(ctx: Context, year: int) -> list[Case]:
    return [c for c in ctx.db.cases(kind=DIP, year=year) if c.is_filed and c.status != REPLACED]


_RECAP_LOCK = threading.Lock()


def rebuild_recap(ctx: Context, year: int) -> Case | None:
    """The consolidated DIP of the accepted lists: recap workbook and SK DIP draft, in a case of its own."""
    with _RECAP_LOCK:  # two lists accepted at once: one recap after the other, the later one replacing
        return _rebuild_recap(ctx, year)


def _rebuild_recap(ctx: Context, year: int) -> Case | None:
    lists = accepted_lists(ctx, year)
    if not lists:
        return None
    entries = [DipEntry(**e) for case in sorted(lists, key=lambda c: c.data["opd"]) for e in case.data["entri"]]
    supersede_unsigned_drafts(ctx, year)
    data = {"tahun": year, "daftar": [c.number for c in lists], "entri": [asdict(e) for e in entries], "terdaftar": ctx.today().isoformat()}
    case = ctx.db.open_case(kind=SK_DIP, register=SK_DIP, year=year, received=ctx.today(), applicant_name="Rekapitulasi DIP",
                            number_for=lambda seq: format_number(RECAP_NUMBER, seq=seq, on=ctx.today()),
                            data=data, source_id=None, source_row=0)  # no dropped file: a new case every time
    number, seq = case.number, case.seq
    folder = f"{year}/dip/rekap/{safe_name(number)}"
    ctx.db.plan_case(case.id, folder=folder, due=None, forward_due=None)
    case.folder = folder
    staging = ctx.archive.begin(folder, token=f"rekap-{case.id}")
    staging.log("received", daftar=data["daftar"], entri=len(entries))
    staging.log("numbered", nomor=number, register=SK_DIP, urut=seq)
    recap = staging.path(f"01-rekap-dip-{year}.xlsx")
    write_recap_xlsx(entries, recap, year=year, agency=ctx.config.agency.name, paper=ctx.config.paper.size)
    staging.add_existing(recap, "rekap")
    spec = signed_by(ctx, SK_DIP_LETTER)
    drafts = draft_letters(ctx, staging, case, (spec,), daftar=daftar_context(year=year, entries=entries))
    convert_drafts(ctx, staging, case, drafts)
    staging.log("filed", folder=folder)
    staging.log("forwarded", kepada=spec.signer, dokumen=drafts[0].doc_id)
    staging.commit({"nomor": number, "jenis": SK_DIP, "register": SK_DIP, "tahun": year, "urut": seq,
                    "diterima": ctx.today().isoformat(), "tenggat": None, "target_internal": None, "data": data})
    ctx.db.mark_filed(case.id, folder, status_from_events(staging.events))
    mirror_events(ctx, case, staging)
    place_for_signature(ctx, case, ctx.archive.folder(folder), drafts)
    log.info("Rekap DIP %s: %d informasi dari %d OPD", year, len(entries), len(lists))
    return ctx.db.case_by_number(number)


def supersede_unsigned_drafts(ctx: Context, year: int) -> None:
    """An older recap still waiting for its signature is replaced by the new one."""
    for older in ctx.db.cases(kind=SK_DIP, year=year):
        if not older.is_filed or older.status in (REPLACED, "selesai"):
            continue
        entry = ctx.archive.append_event(older.folder, "replaced", sebab="rekap baru")
        ctx.db.add_event(older.id, "replaced", {"sebab": "rekap baru"}, at=entry["at"])
        ctx.db.update_case(older.id, status=REPLACED)
        for row in ctx.db.events(older.id):
            if row["event"] == "forwarded" and row.get("dokumen"):
                remove_from_desk(ctx, row["dokumen"])


# -- DIK proposals ---------------------------------------------------------------------------------------


def handle_dik(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    entries, problems = validate_dik(document.records)
    if problems or not entries:
        return set_aside(ctx, path, source, problem_lines(problems) or ["Usulan DIK tidak berisi satu pun informasi."], outcome)
    data = {"applicant": {"nama": "PPID Utama dan Tim Pertimbangan"}, "tahun": year_of(ctx), "dik": [asdict(e) for e in entries]}
    reason = file_case(ctx, DIK_PROPOSAL, path, source, document.records[0], data, None, outcome)
    if reason:
        return set_aside(ctx, path, source, [reason], outcome)
    return finish_source(ctx, path, source, outcome)


DIK_PROPOSAL = CaseKind(
    kind=DIK,
    number_pattern=lambda ctx: ctx.config.numbering.dik,
    letters=(SK_DIK_LETTER,),
    plan=lambda ctx, case: Plan(None, None, logged={"informasi": len(case.data["dik"])}),
    letter_args=lambda ctx, case: {"daftar": daftar_context(year=case.data["tahun"], dik=[DikEntry(**e) for e in case.data["dik"]])},
    filed_events=lambda ctx, case, drafts: [("forwarded", {"kepada": ctx.config.decrees.dik_signer, "dokumen": drafts[0].doc_id})],
    folder=lambda ctx, case: f"{case.year}/dik/{safe_name(case.number)}",
)


# -- signed decrees ----------------------------------------------------------------------------------------


def on_decree_signed(ctx: Context, case: Case, key: str) -> None:
    """The signed SK DIP is published (xlsx, csv, html), ready to upload once the online system is back."""
    if key != "sk_dip":
        return
    year = case.data["tahun"]
    number = next((e.get("letter_number") for e in ctx.archive.manifest(case.folder)["files"] if e.get("letter") == "sk_dip"), "")
    folder = ctx.archive.root / PUBLICATION_DIR / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    written = write_publication([DipEntry(**e) for e in case.data["entri"]], folder, year=year, agency=ctx.config.agency.name,
                                sk_number=number or case.number, sk_date=ctx.today())
    entry = ctx.archive.append_event(case.folder, "publication", berkas=[p.name for p in written])
    ctx.db.add_event(case.id, "publication", {"berkas": [p.name for p in written]}, at=entry["at"])
    log.info("DIP %s diterbitkan: %s", year, ", ".join(p.name for p in written))


def lists_in_force(ctx: Context) -> tuple[list[dict], list[dict]]:
    """The entries of the latest signed SK DIP and SK DIK (empty lists when none is signed yet)."""
    def latest(kind: str) -> Case | None:
        signed = [c for c in ctx.db.cases(kind=kind) if c.status == "selesai"]
        return max(signed, key=lambda c: (c.year, c.seq), default=None)

    dip_case, dik_case = latest(SK_DIP), latest(DIK)
    dip = [dict(e, id=f"dip-{i}") for i, e in enumerate(dip_case.data["entri"], 1)] if dip_case else []
    dik = [dict(e, id=f"dik-{i}", dasar=e.get("dasar_teks", "")) for i, e in enumerate(dik_case.data["dik"], 1)] if dik_case else []
    return dip, dik


_CLASSIFIERS: dict[tuple, object] = {}


def classify_request(ctx: Context, text: str):
    """The SOP's step-3 proposal for a request: open (DIP), excepted (DIK) or not found; None without lists."""
    if not ctx.config.classification.enabled:
        return None
    dip, dik = lists_in_force(ctx)
    if not dip and not dik:
        return None
    key = (len(dip), len(dik), repr(dip[:1]), repr(dik[:1]), repr(sorted(ctx.config.classification.synonyms.items())))
    if key not in _CLASSIFIERS:
        _CLASSIFIERS.clear()
        _CLASSIFIERS[key] = Classifier(dip, dik, synonyms={**DEFAULT_SYNONYMS, **ctx.config.classification.synonyms})
    return _CLASSIFIERS[key].classify(text)
