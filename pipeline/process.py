"""The job's story: one dropped file becomes numbered, archived cases with their letters, or is set aside.

``process_file`` reads top to bottom as what happens to a file. Crash safety comes from the order:
the original stays in the inbox until its cases are renamed into the archive and committed in the
database; every step can be repeated, so a restart finishes what was cut off with the same numbers.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Callable, Iterator

from . import __version__, letters
from .archive import STAGING_DIR, Archive, ArchiveError, Staging, sha256_file, write_atomic
from .config import Config
from .conversion import ConversionError, ConverterPool, PdfMetadata, check_pdfa
from .db import REGISTERED, VOID, Case, Database, Source
from .deadlines import WorkCalendar, load_calendar
from .letters import LetterMeta, LetterSpec
from .numbering import folder_for, format_number, safe_name
from .reading import FormDocument, FormRecord, UnreadableForm, read_form
from .rendering import check_template, render_docx
from .setaside import REASON_SUFFIX, keep_copy, masked_name, reason_text, set_aside_path
from .validation import validate_request

log = logging.getLogger(__name__)

FORM_NAMES = {
    "keberatan": "Formulir Pengajuan Keberatan",
    "jawaban": "Lembar Jawaban Permohonan",
    "dip": "Daftar Informasi Publik",
    "dik": "Daftar Informasi yang Dikecualikan",
}


@dataclass
class FileOutcome:
    """What happened to one dropped file, for the CLI summary."""

    name: str
    filed: list[str] = field(default_factory=list)       # case numbers
    set_aside: list[str] = field(default_factory=list)   # reasons
    note: str = ""


@dataclass
class Context:
    """Everything a step needs, opened once per run."""

    config: Config
    db: Database
    archive: Archive
    calendar: WorkCalendar
    today: Callable[[], date] = date.today
    _converter: ConverterPool | None = None

    @property
    def converter(self) -> ConverterPool:
        # Started on first use: listing cases must not start LibreOffice.
        if self._converter is None:
            self._converter = ConverterPool(self.config.libreoffice)
            self._converter.start()
        return self._converter

    def template(self, spec: LetterSpec) -> Path:
        return self.config.paths.templates / spec.template

    def close(self) -> None:
        if self._converter is not None:
            self._converter.stop()
            self._converter = None
        self.db.close()


@contextmanager
def open_context(config: Config, *, today: Callable[[], date] = date.today) -> Iterator[Context]:
    """Open the database and archive, check the templates, and finish what an earlier run left undone."""
    for spec in letters.ALL_LETTERS:
        check_template(config.paths.templates / spec.template, letters.sample_context(config, spec))
    ctx = Context(config=config, db=Database(config.paths.database), archive=Archive(config.paths.archive),
                  calendar=load_calendar(config.deadlines), today=today)
    try:
        recover_interrupted(ctx)
        yield ctx
    finally:
        ctx.close()


# -- the story of one file ---------------------------------------------------------------------------


def process_file(ctx: Context, path: Path) -> FileOutcome:
    outcome = FileOutcome(name=masked_name(path.name))
    if path.is_symlink() or not path.is_file():
        return set_aside_entry(ctx, path, outcome)
    source, action = claim_source(ctx, path)
    if action == "duplicate":
        return set_aside_duplicate(ctx, path, source, outcome)
    if action == "finish":
        return finish_source(ctx, path, source, outcome)
    try:
        document = read_form(path)
    except UnreadableForm as exc:
        return set_aside(ctx, path, source, [str(exc)], outcome)
    if document.kind != "permohonan":
        return set_aside(ctx, path, source, [unsupported_reason(document)], outcome)
    good, bad = validate_records(ctx, document)
    if not good:
        return set_aside_incomplete(ctx, path, source, document, bad, outcome)
    source_ref = archive_source(ctx, path, source) if len(document.records) > 1 or document.layout.startswith("xlsx") else None
    for record, request in good:
        file_request(ctx, path, source, record, request, source_ref, outcome)
    if bad:
        report_bad_rows(ctx, path, source, bad, outcome)
    return finish_source(ctx, path, source, outcome)


def claim_source(ctx: Context, path: Path) -> tuple[Source, str]:
    """Find or register the dropped bytes: ``new``, ``resume``, ``finish`` or ``duplicate``."""
    sha = sha256_file(path)
    earlier = ctx.db.sources_with_sha(sha)
    for source in earlier:
        if source.state in ("filed", "setting_aside"):
            return source, "finish"
    for source in earlier:
        if source.state in ("done", "filed") and any(c.status == REGISTERED for c in ctx.db.cases_of_source(source.id)):
            return source, "duplicate"
    for source in earlier:
        if source.state == "processing":
            return source, "resume"
    return ctx.db.add_source(sha, path.name, path.stat().st_size, "processing"), "new"


def validate_records(ctx: Context, document: FormDocument) -> tuple[list[tuple[FormRecord, dict]], list[tuple[FormRecord, list[str]]]]:
    good, bad = [], []
    for record in document.records:
        request, problems = validate_request(record, ctx.today())
        if problems:
            bad.append((record, problems))
        else:
            good.append((record, asdict(request)))
    return good, bad


def file_request(ctx: Context, path: Path, source: Source, record: FormRecord, request: dict,
                 source_ref: dict | None, outcome: FileOutcome) -> None:
    """Number, date, draft, convert and archive one request; on a conversion failure void the number."""
    case = open_request_case(ctx, source, record, request)
    if case.status == REGISTERED:
        outcome.filed.append(case.number)
        return
    folder = case_folder(ctx, case)
    if ctx.archive.is_complete(folder):  # renamed into place, but the commit was cut off
        ctx.db.mark_filed(case.id, folder)
        outcome.filed.append(case.number)
        return
    case = set_deadlines(ctx, case)
    try:
        staging = ctx.archive.begin(folder, token=f"case-{case.id}")
        record_receipt(staging, case, source)
        store_original(staging, path, source, record, source_ref)
        store_attachments(staging, record)
        drafts = draft_letters(ctx, staging, case, request)
        convert_letters(ctx, staging, case, drafts)
        staging.log("filed", folder=folder)
        staging.commit(manifest_header(case, source, source_ref))
    except (ConversionError, ArchiveError, OSError) as exc:
        reason = f"Nomor {case.number} dibatalkan: {exc}"
        ctx.db.void_case(case.id, reason)
        outcome.set_aside.append(reason)
        log.error("Perkara %s dibatalkan: %s", case.number, exc)
        return
    ctx.db.mark_filed(case.id, folder)
    mirror_events(ctx, case, staging)
    place_for_signature(ctx, case, folder, drafts)
    outcome.filed.append(case.number)
    log.info("Perkara %s diarsipkan di %s", case.number, folder)


def open_request_case(ctx: Context, source: Source, record: FormRecord, request: dict) -> Case:
    registered = ctx.today()
    received = request.get("tanggal_form") or registered
    pattern = ctx.config.numbering.permohonan
    return ctx.db.open_case(
        kind="permohonan", register="permohonan", year=registered.year,
        number_for=lambda seq: format_number(pattern, seq=seq, on=registered),
        received=received if isinstance(received, date) else registered,
        applicant_name=request["applicant"]["nama"], data={**_jsonable(request), "terdaftar": registered.isoformat()},
        source_id=source.id, source_row=record.row or 0,
    )


def case_folder(ctx: Context, case: Case) -> str:
    """The dated folder follows the registration date (kept in the case data), like the number."""
    registered = date.fromisoformat(case.data.get("terdaftar") or case.received.isoformat())
    return folder_for(ctx.config.paths.folder_pattern, number=case.number, kind=case.kind, seq=case.seq, on=registered)


def set_deadlines(ctx: Context, case: Case) -> Case:
    d = ctx.config.deadlines
    case.due = ctx.calendar.add_working_days(case.received, d.notice_days)
    case.forward_due = ctx.calendar.add_working_days(case.received, d.forward_target_days)
    ctx.db.set_case_dates(case.id, due=case.due, forward_due=case.forward_due)
    return case


def record_receipt(staging: Staging, case: Case, source: Source) -> None:
    staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256, tanggal_diterima=case.received.isoformat())
    staging.log("numbered", nomor=case.number, register=case.register, urut=case.seq)
    staging.log("deadlines", tenggat_pemberitahuan=case.due.isoformat(), target_ppid_pelaksana=case.forward_due.isoformat())


def store_original(staging: Staging, path: Path, source: Source, record: FormRecord, source_ref: dict | None) -> None:
    if source_ref is None:
        ext = path.suffix.lower() or ".bin"
        staging.add_copy(path, f"01-formulir-asli{ext}", "original", original_name=source.original_name)


def store_attachments(staging: Staging, record: FormRecord) -> None:
    for i, attachment in enumerate(record.attachments, 1):
        ext = Path(attachment.name).suffix.lower() or ".bin"
        staging.add_bytes(f"01-{safe_name(attachment.role)}-{i}{ext}", attachment.data, attachment.role)


def draft_letters(ctx: Context, staging: Staging, case: Case, request: dict) -> list[tuple[LetterSpec, Path, str]]:
    drafts = []
    for spec in letters.REQUEST_LETTERS:
        pattern = ctx.config.numbering.letter
        number, doc_id = ctx.db.letter_number(
            case.id, spec.key, year=case.year,
            number_for=(lambda seq: format_number(pattern, seq=seq, on=ctx.today())) if spec.numbered else None,
        )
        context = letters.letter_context(ctx.config, spec, LetterMeta(number or "", doc_id, ctx.today()), case=case, request=request)
        docx = staging.add_bytes(f"{spec.file_stem}.docx", render_docx(ctx.template(spec), context, ctx.config.paper), "draft_docx")
        staging.entries[-1].extra.update({"letter": spec.key, "doc_id": doc_id, **({"letter_number": number} if number else {})})
        drafts.append((spec, docx, doc_id))
    staging.log("rendered", surat=[spec.key for spec, _, _ in drafts])
    return drafts


def convert_letters(ctx: Context, staging: Staging, case: Case, drafts: list[tuple[LetterSpec, Path, str]]) -> None:
    """Convert the drafts in parallel (one LibreOffice per worker) into PDF/A and print PDFs."""

    def convert(draft):
        spec, docx, doc_id = draft
        pdfa, printable = docx.with_suffix(".pdf"), docx.with_name(f"{spec.file_stem}.cetak.pdf")
        meta = PdfMetadata(title=f"{spec.title} {case.number}", subject=case.number,
                           keywords=[case.number, doc_id, spec.key], author=ctx.config.agency.name)
        ctx.converter.convert(docx, pdfa=pdfa, printable=printable, metadata=meta)
        return spec, pdfa, printable, doc_id

    with ThreadPoolExecutor(max_workers=max(1, min(len(drafts), ctx.config.libreoffice.worker_count))) as pool:
        results = list(pool.map(convert, drafts))
    for spec, pdfa, printable, doc_id in results:
        staging.add_existing(pdfa, "softcopy_pdfa", letter=spec.key, doc_id=doc_id, pdfa_check=check_pdfa(pdfa))
        staging.add_existing(printable, "hardcopy_pdf", letter=spec.key, doc_id=doc_id)
    staging.log("converted", tools=tool_versions(ctx))


def manifest_header(case: Case, source: Source, source_ref: dict | None) -> dict:
    header = {
        "nomor": case.number,
        "jenis": case.kind,
        "register": case.register,
        "tahun": case.year,
        "urut": case.seq,
        "diterima": case.received.isoformat(),
        "tenggat_pemberitahuan": case.due.isoformat() if case.due else None,
        "target_ppid_pelaksana": case.forward_due.isoformat() if case.forward_due else None,
        "berkas_asal": {"original_name": source.original_name, "sha256": source.sha256, "baris": case.source_row or None},
        "data": case.data,
    }
    if source_ref:
        header["sumber"] = source_ref
    return header


def mirror_events(ctx: Context, case: Case, staging: Staging) -> None:
    for entry in staging.events:
        detail = {k: v for k, v in entry.items() if k not in ("at", "event")}
        ctx.db.add_event(case.id, entry["event"], detail, at=entry["at"])


def place_for_signature(ctx: Context, case: Case, folder: str, drafts: list[tuple[LetterSpec, Path, str]]) -> None:
    """Copy drafts that need a signature into their signer's folder (docx to edit, PDF to print)."""
    final = ctx.archive.folder(folder)
    for spec, docx, doc_id in drafts:
        if not spec.signer:
            continue
        desk = ctx.config.paths.ready_to_sign / spec.signer
        desk.mkdir(parents=True, exist_ok=True)
        for name in (docx.name, f"{spec.file_stem}.cetak.pdf"):
            target = desk / f"{doc_id}_{safe_name(case.number)}_{name}"
            if not target.exists():
                shutil.copyfile(final / name, target)


def archive_source(ctx: Context, path: Path, source: Source) -> dict:
    """A workbook with many requests is archived once; every case it produced links to it."""
    relative = f"{ctx.today().year}/sumber/{source.sha256[:16]}"
    if not ctx.archive.is_complete(relative):
        staging = ctx.archive.begin(relative, token=f"source-{source.id}")
        staging.add_copy(path, f"formulir-asli{path.suffix.lower()}", "original", original_name=source.original_name)
        staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256)
        staging.commit({"jenis": "sumber", "sha256": source.sha256, "original_name": source.original_name})
        ctx.db.set_source_state(source.id, "processing", archive_path=relative)
    name = f"formulir-asli{path.suffix.lower()}"
    return {"path": f"{relative}/{name}", "sha256": source.sha256}


# -- setting aside ---------------------------------------------------------------------------------


def unsupported_reason(document: FormDocument) -> str:
    name = FORM_NAMES.get(document.kind, document.kind)
    return (f"Jenis formulir '{name}' belum didukung oleh versi pipeline ini. "
            "Berkas disimpan utuh dan dapat dimasukkan kembali setelah fitur tersebut tersedia.")


def set_aside(ctx: Context, path: Path, source: Source, reasons: list[str], outcome: FileOutcome,
              *, notices: list[tuple[str, list[str], dict]] | None = None) -> FileOutcome:
    ctx.db.set_source_state(source.id, "setting_aside", note="; ".join(reasons)[:500])
    copy = keep_copy(path, ctx.config.paths.set_aside, source.original_name, reasons)
    for suffix, problems, request in notices or []:
        write_incomplete_notice(ctx, copy, suffix, problems, request)
    outcome.set_aside.extend(reasons)
    log.warning("Berkas %s disisihkan: %s", masked_name(source.original_name), "; ".join(reasons))
    return finish_source(ctx, path, source, outcome)


def set_aside_incomplete(ctx: Context, path: Path, source: Source, document: FormDocument,
                         bad: list[tuple[FormRecord, list[str]]], outcome: FileOutcome) -> FileOutcome:
    reasons, notices = [], []
    for record, problems in bad:
        where = f"Baris {record.row}: " if record.row else ""
        reasons.append(f"{where}Formulir kurang lengkap — " + " ".join(problems))
        notices.append((f"baris-{record.row}" if record.row else "", problems, partial_request(record)))
    return set_aside(ctx, path, source, reasons, outcome, notices=notices)


def report_bad_rows(ctx: Context, path: Path, source: Source, bad: list[tuple[FormRecord, list[str]]], outcome: FileOutcome) -> None:
    """Good rows of a workbook went through; keep a copy beside the reasons for the rows that did not."""
    reasons = [f"Baris {record.row}: Formulir kurang lengkap — " + " ".join(problems) for record, problems in bad]
    extra = ["Baris lain pada berkas ini sudah didaftarkan: " + ", ".join(outcome.filed) + ".", ""] if outcome.filed else None
    copy = keep_copy(path, ctx.config.paths.set_aside, source.original_name, reasons, extra=extra)
    for record, problems in bad:
        write_incomplete_notice(ctx, copy, f"baris-{record.row}", problems, partial_request(record))
    outcome.set_aside.extend(reasons)


def partial_request(record: FormRecord) -> dict:
    return {"applicant": {"nama": record.fields.get("nama", ""), "alamat": record.fields.get("alamat", "")}}


def write_incomplete_notice(ctx: Context, beside: Path, suffix: str, problems: list[str], request: dict) -> None:
    """The 'kurang lengkap' notice to the applicant (docx + PDF), ready to print, next to the set-aside copy."""
    spec = letters.INCOMPLETE_NOTICE
    stem = beside.name + (f".{suffix}" if suffix else "") + ".pemberitahuan"
    context = letters.letter_context(ctx.config, spec, LetterMeta(drafted=ctx.today()), request=request,
                                     problems=problems, received=ctx.today())
    docx = beside.with_name(stem + ".docx")
    write_atomic(docx, render_docx(ctx.template(spec), context, ctx.config.paper))
    with tempfile.TemporaryDirectory(dir=beside.parent) as tmp:
        try:
            ctx.converter.convert(docx, pdfa=beside.with_name(stem + ".pdf"), printable=Path(tmp) / "cetak.pdf",
                                  metadata=PdfMetadata(title=spec.title, subject="", keywords=[], author=ctx.config.agency.name))
        except ConversionError as exc:  # the docx is there to print; the reason file stays the record
            log.error("Pemberitahuan kurang lengkap tidak dapat dijadikan PDF: %s", exc)


def set_aside_duplicate(ctx: Context, path: Path, earlier: Source, outcome: FileOutcome) -> FileOutcome:
    numbers = [c.number for c in ctx.db.cases_of_source(earlier.id) if c.status == REGISTERED]
    source = ctx.db.add_source(earlier.sha256, path.name, path.stat().st_size, "processing")
    reason = ("Berkas ini sama persis (byte demi byte) dengan berkas yang sudah didaftarkan sebagai perkara nomor "
              + ", ".join(numbers) + ". Tidak didaftarkan dua kali.")
    return set_aside(ctx, path, source, [reason], outcome)


def set_aside_entry(ctx: Context, path: Path, outcome: FileOutcome) -> FileOutcome:
    """A folder or a symlink dropped into the inbox: moved aside as is, never followed."""
    what = "tautan (symlink)" if path.is_symlink() else "folder"
    reason = f"Yang diletakkan di folder masuk adalah {what}, bukan berkas formulir. Letakkan berkas formulirnya langsung."
    folder = ctx.config.paths.set_aside
    folder.mkdir(parents=True, exist_ok=True)
    when = datetime.now()
    dest = set_aside_path(folder, path.name, when)
    os.rename(path, dest)
    write_atomic(dest.with_name(dest.name + REASON_SUFFIX), reason_text(path.name, [reason], when=when).encode())
    outcome.set_aside.append(reason)
    return outcome


def finish_source(ctx: Context, path: Path, source: Source, outcome: FileOutcome) -> FileOutcome:
    """Everything from this file is filed or kept aside: only now the inbox file is removed."""
    current = ctx.db.source(source.id)
    final = "set_aside" if current.state == "setting_aside" else "done"
    if current.state == "processing":
        ctx.db.set_source_state(source.id, "filed")
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    ctx.db.set_source_state(source.id, final)
    if not outcome.filed and final == "done":
        outcome.filed = [c.number for c in ctx.db.cases_of_source(source.id) if c.status == REGISTERED]
    return outcome


# -- restart -----------------------------------------------------------------------------------------


def recover_interrupted(ctx: Context) -> None:
    """Finish or void what a killed run left behind; nothing is half-filed afterwards."""
    staging_root = ctx.archive.root / STAGING_DIR
    for leftover in staging_root.iterdir():
        shutil.rmtree(leftover, ignore_errors=True)
    inbox = ctx.config.paths.inbox
    for source in ctx.db.unfinished_sources():
        inbox_file = inbox / source.original_name
        still_there = inbox_file.is_file() and sha256_file(inbox_file) == source.sha256
        if still_there:
            continue  # the next pass resumes it with the same numbers
        if source.state == "processing":
            for case in ctx.db.cases_of_source(source.id):
                if case.status not in (REGISTERED, VOID):
                    if ctx.archive.is_complete(case_folder(ctx, case)):
                        ctx.db.mark_filed(case.id, case_folder(ctx, case))
                    else:
                        ctx.db.void_case(case.id, "Berkas asal hilang dari folder masuk sebelum selesai diarsipkan.")
        ctx.db.set_source_state(source.id, "set_aside" if source.state == "setting_aside" else "done")


_TOOL_VERSIONS: dict | None = None


def tool_versions(ctx: Context) -> dict:
    global _TOOL_VERSIONS
    if _TOOL_VERSIONS is None:
        versions = {"ppid-pipeline": __version__}
        for package in ("docxtpl", "python-docx", "pikepdf", "holidays"):
            try:
                versions[package] = importlib_metadata.version(package)
            except importlib_metadata.PackageNotFoundError:
                pass
        versions["libreoffice"] = getattr(ctx.converter, "version", "") or "unknown"
        _TOOL_VERSIONS = versions
    return _TOOL_VERSIONS


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
