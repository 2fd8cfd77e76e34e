"""The job's story: one dropped file becomes numbered, archived cases with their letters, or is set aside.

``process_file`` reads top to bottom as what happens to a file. Crash safety comes from the order:
the original stays in the inbox until its cases are renamed into the archive and committed in the
database; every step can be repeated, so a restart finishes what was cut off with the same numbers.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterator

from . import letters
from .archive import STAGING_DIR, Archive, copy_atomic, read_event_log, sha256_file, write_atomic
from .config import Config
from .conversion import ConversionError, ConverterPool, PdfMetadata
from .db import VOID, Database, Source
from .deadlines import WorkCalendar, load_calendar
from .letters import LetterMeta, LetterSpec
from .numbering import safe_name
from .reading import FormDocument, UnreadableForm, read_form, sibling_attachments
from .rendering import check_template, render_docx
from .status import is_open, status_from_events
from .setaside import REASON_SUFFIX, keep_copy, masked_name, readable_name, reason_text, set_aside_path

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
    answered: list[str] = field(default_factory=list)    # case numbers whose answer was filed
    signed: list[str] = field(default_factory=list)      # signed copies filed back
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

    _converter_lock: threading.Lock = field(default_factory=threading.Lock)
    views_written: float = 0.0
    """When the views were last written (monotonic): the watcher writes them at most every few seconds."""
    stale_desks: set[str] = field(default_factory=set)
    """Signers whose daily waiting sheet must be written again (batched like the registers)."""
    _byte_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _byte_locks_guard: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def same_bytes_in_turn(self, sha: str) -> Iterator[None]:
        """Files with identical bytes are handled one after the other, never side by side: the second
        then sees the first as filed (a duplicate) or set aside, never as a crash leftover."""
        with self._byte_locks_guard:
            lock = self._byte_locks.setdefault(sha, threading.Lock())
        with lock:
            yield

    @property
    def converter(self) -> ConverterPool:
        # Started on first use (listing cases must not start LibreOffice), by one thread only.
        with self._converter_lock:
            if self._converter is None:
                pool = ConverterPool(self.config.libreoffice)
                pool.start()
                self._converter = pool
        return self._converter

    @contextmanager
    def workspace_lock(self, mode: int = fcntl.LOCK_SH) -> Iterator[None]:
        """Shared while filing or deciding, exclusive while recovering.

        ``ppid watch`` (often a service, filing several files at once) and ``ppid decide`` typed at a desk
        may run together: both hold the lock shared. Start-up recovery discards staging leftovers, so it
        waits until nobody else is working (exclusive).
        """
        lock_path = self.config.paths.database.with_suffix(".lock")
        with open(lock_path, "a") as handle:
            fcntl.flock(handle, mode)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def reload_calendar(self) -> None:
        """Pick up an edited holiday file without a restart (the watcher calls this between files)."""
        calendar = load_calendar(self.config.deadlines)
        if calendar.fingerprint() != self.calendar.fingerprint():
            self.calendar = calendar
            with self.workspace_lock():
                recompute_due_dates(self)

    def template(self, spec: LetterSpec) -> Path:
        return template_path(self.config, spec)

    def close(self) -> None:
        if self._converter is not None:
            self._converter.stop()
            self._converter = None
        self.db.close()


BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates_docx"


def template_path(config: Config, spec: LetterSpec) -> Path:
    """The workspace's own template, or the bundled one when the workspace predates that letter."""
    own = config.paths.templates / spec.template
    return own if own.exists() or not (BUNDLED_TEMPLATES / spec.template).exists() else BUNDLED_TEMPLATES / spec.template


@contextmanager
def open_context(config: Config, *, today: Callable[[], date] = date.today) -> Iterator[Context]:
    """Open the database and archive, check the templates, and finish what an earlier run left undone."""
    for spec in letters.ALL_LETTERS:
        check_template(template_path(config, spec), letters.sample_context(config, spec))
    ctx = Context(config=config, db=Database(config.paths.database), archive=Archive(config.paths.archive),
                  calendar=load_calendar(config.deadlines), today=today)
    try:
        with ctx.workspace_lock(fcntl.LOCK_EX):
            recover_interrupted(ctx)
            recompute_due_dates(ctx)
        yield ctx
    finally:
        ctx.close()


# -- the story of one file ---------------------------------------------------------------------------


def process_file(ctx: Context, path: Path) -> FileOutcome:
    """One dropped file, under the workspace lock."""
    with ctx.workspace_lock():
        try:
            return _process_file(ctx, path)
        except Exception as exc:  # an unforeseen file or a bug: keep the original aside, keep running
            return set_aside_after_error(ctx, path, exc)


def _process_file(ctx: Context, path: Path) -> FileOutcome:
    if not os.path.lexists(path):  # taken by another run meanwhile
        return FileOutcome(name=masked_name(path.name))
    outcome = FileOutcome(name=masked_name(path.name))
    if path.is_symlink() or not path.is_file():
        return set_aside_entry(ctx, path, outcome)
    sha = sha256_file(path)
    with ctx.same_bytes_in_turn(sha):
        return _process_regular_file(ctx, path, sha, outcome)


def _process_regular_file(ctx: Context, path: Path, sha: str, outcome: FileOutcome) -> FileOutcome:
    """Read the dropped file, hand it to the handler of its form kind, or set it aside with the reason."""
    source, action = claim_source(ctx, path, sha)
    if action == "duplicate":
        return set_aside_duplicate(ctx, path, source, outcome)
    if action == "finish":
        return finish_source(ctx, path, source, outcome)
    from . import desk  # the desk builds on this module

    if desk.is_scan(path):
        return desk.handle_scan(ctx, path, source, outcome)
    try:
        document = read_form(path)
    except UnreadableForm as exc:
        return set_aside(ctx, path, source, [str(exc)], outcome)
    handler = handler_for(document.kind)
    if handler is None:
        return set_aside(ctx, path, source, [unsupported_reason(document)], outcome)
    return handler(ctx, path, source, document, outcome)


def handler_for(kind: str):
    """The stage that files a form of this kind (imported here: handlers build on this module)."""
    from . import decisions, dipdik, keberatan, permohonan

    return {permohonan.KIND: permohonan.handle, keberatan.KIND: keberatan.handle, decisions.KIND: decisions.handle,
            dipdik.DIP: dipdik.handle_dip, dipdik.DIK: dipdik.handle_dik}.get(kind)


def claim_source(ctx: Context, path: Path, sha: str) -> tuple[Source, str]:
    """Find or register the dropped bytes: ``new``, ``resume``, ``finish`` or ``duplicate``.

    ``finish``: an earlier run filed or set aside these bytes but was cut off before removing the inbox
    file. ``duplicate``: the same bytes already became a case. ``resume``: an earlier run was cut off
    while filing; the same numbers are reused.
    """
    earlier = ctx.db.sources_with_sha(sha)
    for source in earlier:
        if source.state in ("filed", "setting_aside"):
            return source, "finish"
    for source in earlier:
        if source.state in ("done", "filed") and any(c.is_filed for c in ctx.db.cases_of_source(source.id)):
            return source, "duplicate"
    for source in earlier:
        if source.state == "processing":
            return source, "resume"
    return ctx.db.add_source(sha, readable_name(path.name), path.stat().st_size, "processing"), "new"


def finish_source(ctx: Context, path: Path, source: Source, outcome: FileOutcome) -> FileOutcome:
    """Everything from this file is filed or kept aside: only now is the inbox file removed."""
    current = ctx.db.source(source.id)
    final = "set_aside" if current.state == "setting_aside" else "done"
    if current.state == "processing":
        ctx.db.set_source_state(source.id, "filed")
    for sibling in attachments_of(path):
        sibling.unlink(missing_ok=True)
    path.unlink(missing_ok=True)
    ctx.db.set_source_state(source.id, final)
    if not outcome.filed and final == "done":
        outcome.filed = [c.number for c in ctx.db.cases_of_source(source.id) if c.is_filed]
    return outcome


def archive_source_file(ctx: Context, path: Path, source: Source) -> dict:
    """A workbook of many requests or answers is archived once; every case it touched links to it."""
    relative = f"{ctx.today().year}/sumber/{source.sha256[:16]}"
    name = f"formulir-asli{path.suffix.lower()}"
    if not ctx.archive.is_complete(relative):
        staging = ctx.archive.begin(relative, token=f"source-{source.id}")
        staging.add_copy(path, name, "original", original_name=source.original_name)
        staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256)
        staging.commit({"jenis": "sumber", "sha256": source.sha256, "original_name": source.original_name})
        ctx.db.set_source_state(source.id, "processing", archive_path=relative)
    return {"path": f"{relative}/{name}", "sha256": source.sha256}


def attachments_of(path: Path) -> list[Path]:
    """Files dropped beside a Word form with its stem (``form.ktp.jpg``): they share its fate."""
    return [p for p, _, _ in sibling_attachments(path)] if path.suffix.lower() == ".docx" else []


# -- setting aside ---------------------------------------------------------------------------------

Notice = tuple[str, list[str], dict]
"""A 'kurang lengkap' notice to write beside a set-aside copy: (name suffix, problems, applicant data)."""


def unsupported_reason(document: FormDocument) -> str:
    name = FORM_NAMES.get(document.kind, document.kind)
    return (f"Jenis formulir '{name}' belum didukung oleh versi pipeline ini. "
            "Berkas disimpan utuh dan dapat dimasukkan kembali setelah fitur tersebut tersedia.")


def set_aside(ctx: Context, path: Path, source: Source, reasons: list[str], outcome: FileOutcome,
              *, notices: list[Notice] | None = None) -> FileOutcome:
    """Nothing of this file is filed: keep it aside with its reasons, then clear it from the inbox."""
    ctx.db.set_source_state(source.id, "setting_aside", note="; ".join(reasons)[:500])
    keep_aside(ctx, path, source, reasons, outcome, notices=notices)
    return finish_source(ctx, path, source, outcome)


def keep_aside(ctx: Context, path: Path, source: Source, reasons: list[str], outcome: FileOutcome,
               *, notices: list[Notice] | None = None, extra: list[str] | None = None) -> Path:
    """Copy the file into the set-aside folder with its reason file (and notices); the inbox file stays."""
    copy = keep_copy(path, ctx.config.paths.set_aside, source.original_name, reasons, extra=extra)
    for sibling in attachments_of(path):  # the ID copy stays with its form
        copy_atomic(sibling, copy.with_name(f"{copy.name}.{sibling.name[len(path.stem) + 1:]}"))
    for suffix, problems, request in notices or []:
        write_incomplete_notice(ctx, copy, suffix, problems, request)
    outcome.set_aside.extend(reasons)
    log.warning("Berkas %s disisihkan: %s", masked_name(source.original_name), "; ".join(reasons))
    return copy


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
                                  metadata=PdfMetadata(title=spec.title, author=ctx.config.agency.name))
        except ConversionError as exc:  # the docx is there to print; the reason file stays the record
            log.error("Pemberitahuan kurang lengkap tidak dapat dijadikan PDF: %s", exc)


def set_aside_after_error(ctx: Context, path: Path, exc: Exception) -> FileOutcome:
    log.error("Kesalahan tak terduga pada berkas %s: %s", masked_name(path.name), type(exc).__name__)
    outcome = FileOutcome(name=masked_name(path.name))
    if not path.is_file():
        return outcome
    reason = (f"Terjadi kesalahan tak terduga saat memproses berkas ini ({type(exc).__name__}). Berkas disimpan utuh; "
              "laporkan kepada pengelola sistem beserta berkas ALASAN ini.")
    keep_copy(path, ctx.config.paths.set_aside, path.name, [reason])
    path.unlink(missing_ok=True)
    outcome.set_aside.append(reason)
    return outcome


def set_aside_duplicate(ctx: Context, path: Path, earlier: Source, outcome: FileOutcome) -> FileOutcome:
    numbers = [c.number for c in ctx.db.cases_of_source(earlier.id) if c.is_filed]
    source = ctx.db.add_source(earlier.sha256, readable_name(path.name), path.stat().st_size, "processing")
    reason = ("Berkas ini sama persis (byte demi byte) dengan berkas yang sudah didaftarkan sebagai perkara nomor "
              + ", ".join(numbers) + ". Tidak didaftarkan dua kali.")
    return set_aside(ctx, path, source, [reason], outcome)


def set_aside_entry(ctx: Context, path: Path, outcome: FileOutcome) -> FileOutcome:
    """A folder or a symlink dropped into the inbox: moved aside as it is, never followed."""
    what = "tautan (symlink)" if path.is_symlink() else "folder"
    reason = f"Yang diletakkan di folder masuk adalah {what}, bukan berkas formulir. Letakkan berkas formulirnya langsung."
    when = datetime.now()
    dest = set_aside_path(ctx.config.paths.set_aside, path.name, when)
    os.rename(path, dest)
    write_atomic(dest.with_name(dest.name + REASON_SUFFIX), reason_text(path.name, [reason], when=when).encode())
    outcome.set_aside.append(reason)
    return outcome


# -- restart -----------------------------------------------------------------------------------------


def recover_interrupted(ctx: Context) -> None:
    """Finish or void what a killed run left behind, so nothing stays half-filed.

    Staging folders are always rebuilt from scratch, so leftovers are discarded. A source whose inbox
    file is still there is resumed by the next pass with the same numbers; one whose file is gone is
    closed: its renamed folders are marked filed, anything else is voided with the reason.
    """
    for leftover in (ctx.archive.root / STAGING_DIR).iterdir():
        shutil.rmtree(leftover, ignore_errors=True)
    for source in ctx.db.unfinished_sources():
        inbox_file = ctx.config.paths.inbox / source.original_name
        if inbox_file.is_file() and sha256_file(inbox_file) == source.sha256:
            continue
        for case in ctx.db.cases_of_source(source.id):
            if case.is_filed or case.status == VOID:
                continue
            if case.folder and ctx.archive.is_complete(case.folder):
                ctx.db.mark_filed(case.id, case.folder, status_from_events(read_event_log(ctx.archive.folder(case.folder))))
            else:
                void_case(ctx, case, "Berkas asal hilang dari folder masuk sebelum perkara selesai diarsipkan.")
        ctx.db.set_source_state(source.id, "set_aside" if source.state == "setting_aside" else "done")


def void_case(ctx: Context, case, reason: str) -> None:
    """Keep the number, mark it void with the reason, in the database and in the archive tree."""
    ctx.db.void_case(case.id, reason)
    ctx.archive.record_void(case.year, safe_name(case.number), {
        "nomor": case.number, "jenis": case.kind, "register": case.register, "tahun": case.year, "urut": case.seq,
        "diterima": case.received.isoformat(), "pemohon": case.applicant_name, "alasan_batal": reason,
        "berkas_asal": {"sha256": ctx.db.source(case.source_id).sha256, "original_name": ctx.db.source(case.source_id).original_name}
        if case.source_id else None,
        "baris": case.source_row,
    })


def recompute_due_dates(ctx: Context) -> None:
    """When the calendar changed (holiday file, settings), open cases get due dates under the new one.

    Each case keeps the due date it was given until then; the change is written to its event log.
    """
    fingerprint = ctx.calendar.fingerprint()
    previous = ctx.db.meta("calendar_fingerprint")
    if previous == fingerprint:
        return
    if previous is not None:
        d = ctx.config.deadlines
        for case in ctx.db.cases():
            if not is_open(case) or not case.folder or case.due is None:
                continue
            due = ctx.calendar.add_working_days(case.received, d.notice_days)
            if "perpanjangan" in case.data:
                due = ctx.calendar.add_working_days(due, d.extension_days)
            forward_due = ctx.calendar.add_working_days(case.received, d.forward_target_days)
            if (due, forward_due) == (case.due, case.forward_due):
                continue
            detail = {"tenggat_lama": case.due.isoformat(), "tenggat_baru": due.isoformat(),
                      "target_lama": case.forward_due.isoformat() if case.forward_due else None,
                      "target_baru": forward_due.isoformat(), "sebab": "kalender hari libur berubah"}
            entry = ctx.archive.append_event(case.folder, "due_recomputed", **detail)
            ctx.db.add_event(case.id, "due_recomputed", detail, at=entry["at"])
            ctx.db.update_case(case.id, due=due, forward_due=forward_due)
            log.info("Tenggat perkara %s dihitung ulang: %s -> %s", case.number, case.due, due)
    ctx.db.set_meta("calendar_fingerprint", fingerprint)
