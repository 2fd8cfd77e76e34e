"""The story of one dropped file, as the SOP tells it: read it, file what is complete, set the rest aside.

::

    process_file(ctx, path)
      1. take the file (a folder or a symlink is moved aside, never followed)
      2. know its bytes: already filed (duplicate), half done by a killed run (resume), or new
      3. hand it to its handler: a signed copy to the desk's, a form to its kind's (request, objection,
         answer sheet, DIP list, DIK proposal); an unreadable file is refused with the reason
      4. conclude: nothing filed -> the file is set aside with its reasons and notices; partly filed -> a
         copy is kept aside for the refused part; then, and only then, the inbox file is removed

Crash safety comes from that order: the original stays in the inbox until its cases are renamed into the
archive and committed in the database, and every step can be repeated, so a restart finishes what was cut
off with the same numbers. Handlers return a typed :class:`~pipeline.jobs.results.Outcome`; only this
module sets a file aside or removes it from the inbox.
"""

from __future__ import annotations

import hashlib
import os
import stat
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core import incidents
from pipeline.core.config import Config
from pipeline.core.names import masked_name
from pipeline.core.workdays import load_calendar
from pipeline.intake.reading import UnreadableForm, read_form
from pipeline.jobs.context import Context
from pipeline.jobs.recovery import recover_interrupted
from pipeline.jobs.results import FileOutcome, Job, Outcome, Refusal
from pipeline.jobs.setaside import keep_aside, set_aside_after_error, set_aside_entry
from pipeline.jobs.sources import add_source, claim_source, finish_source, mark_setting_aside
from pipeline.kinds import signed
from pipeline.kinds.registry import HANDLERS, kind_of, recompute_due_dates
from pipeline.render import letters
from pipeline.render.templates import check_template, template_path
from pipeline.store.archive import Archive
from pipeline.store.db import Database
from pipeline.store.ledger import check_caught_up
from pipeline.store.locks import WorkLock, check_local_disk
from pipeline.views.results import write_result

FORM_NAMES = {
    "keberatan": "Formulir Pengajuan Keberatan",
    "jawaban": "Lembar Jawaban Permohonan",
    "dip": "Daftar Informasi Publik",
    "dik": "Daftar Informasi yang Dikecualikan",
}


@contextmanager
def open_context(config: Config, *, today: Callable[[], date] = date.today, command: str = "",
                 on_wait: Callable[[str], None] | None = None) -> Iterator[Context]:
    """Open the database and archive, check the templates, and finish what an earlier run left undone.

    ``command`` names this run in the work lock; ``on_wait(holder)`` is told when another run holds it."""
    for spec in letters.ALL_LETTERS:
        check_template(template_path(config.paths.templates, spec.template), letters.sample_context(config, spec))
    var = config.paths.database.parent
    check_local_disk(var)
    ctx = Context(config=config, db=Database(config.paths.database), archive=Archive(config.paths.archive),
                  calendar=load_calendar(config.deadlines), work_lock=WorkLock(var, command, on_wait), today=today)
    try:
        with ctx.working():
            check_caught_up(ctx.archive, ctx.db)
            recover_interrupted(ctx, kind_of)
            recompute_due_dates(ctx)
        yield ctx
    finally:
        ctx.close()


def reload_calendar(ctx: Context) -> None:
    """An edited holiday file is picked up between files; open cases follow it, each by its kind's rule."""
    if ctx.reload_calendar():
        with ctx.working():
            recompute_due_dates(ctx)


# -- the story of one file -------------------------------------------------------------------------------------


def process_file(ctx: Context, path: Path) -> FileOutcome:
    """One dropped file, under the workspace's work lock; what became of it is written for the desk at once."""
    with ctx.working():
        outcome = _decided(ctx, path)
        write_result(ctx, outcome)
        return outcome


def _decided(ctx: Context, path: Path) -> FileOutcome:
    try:
        return _process_file(ctx, path)
    except Exception as exc:  # an unforeseen file or a bug: keep the original aside, keep running
        if incidents.out_of_space(exc):
            return FileOutcome(name=masked_name(path.name), waiting=incidents.OUT_OF_SPACE)
        return set_aside_after_error(ctx, path, exc)


def _process_file(ctx: Context, path: Path) -> FileOutcome:
    if not os.path.lexists(path):  # taken by another run meanwhile
        return FileOutcome(name=masked_name(path.name))
    try:
        data = read_regular_file(path)
    except FileNotFoundError:      # taken by another run meanwhile
        return FileOutcome(name=masked_name(path.name))
    if data is None:               # a folder, a symlink, a device: moved aside as it is, never followed
        return set_aside_entry(ctx, path)
    sha = hashlib.sha256(data).hexdigest()
    with ctx.same_bytes_in_turn(sha):
        source, action = claim_source(ctx, path, sha)
        job = Job(path, source, data)
        if action == "finish":
            return FileOutcome(name=masked_name(path.name), filed=finish_source(ctx, job))
        if action == "duplicate":
            return conclude(ctx, job, Outcome.refusal(duplicate_reason(ctx, source)), fresh_source=True)
        return conclude(ctx, job, handle(ctx, job))


def read_regular_file(path: Path) -> bytes | None:
    """The file's bytes, read once: what is hashed, read and archived are the same bytes whatever happens to
    the inbox file meanwhile. None for anything but a regular file (a symlink is never followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError:                # ELOOP: a symlink; EISDIR etc.
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def handle(ctx: Context, job: Job) -> Outcome:
    """The handler of what the file is: a signed copy, or a form of a known kind."""
    if signed.is_signed_copy(job.path):
        return signed.handle(ctx, job)
    try:
        job.document = read_form(job.path)
    except UnreadableForm as exc:
        return Outcome.refusal(str(exc))
    handler = HANDLERS.get(job.document.kind)
    if handler is None:
        return Outcome.refusal(unsupported_reason(job.document.kind))
    return handler(ctx, job)


def conclude(ctx: Context, job: Job, outcome: Outcome, *, fresh_source: bool = False) -> FileOutcome:
    """Set aside what was refused (the whole file when nothing was filed), then clear the inbox file. A file
    that must wait (a full disk) stays in the inbox as it is, its source ready to be resumed."""
    if outcome.waiting:
        return FileOutcome(name=masked_name(job.path.name), filed=outcome.filed, answered=outcome.answered,
                           notes=outcome.notes, waiting=outcome.waiting)
    if fresh_source:   # the same bytes as an earlier file: this drop gets a source row of its own
        job.source = add_source(ctx, job.path, job.source.sha256)
    if not outcome.done:   # what was sent before, or gave nothing at all, is kept aside too: never lost
        outcome.refused += [Refusal(skipped) for skipped in outcome.skipped]
        if not outcome.refused:
            outcome.refused.append(Refusal("Tidak ada yang dapat dicatat dari berkas ini; periksa isinya."))
    else:
        outcome.notes += outcome.skipped
    reasons = [refusal.reason for refusal in outcome.refused]
    aside = None
    if not outcome.done:
        mark_setting_aside(ctx, job, reasons)
        aside = keep_aside(ctx, job, outcome.refused)
    elif outcome.refused:
        aside = keep_aside(ctx, job, outcome.refused, extra=done_elsewhere(outcome))
    finish_source(ctx, job)
    return FileOutcome(name=masked_name(job.path.name), filed=outcome.filed, answered=outcome.answered,
                       signed=outcome.signed, set_aside=reasons, notes=outcome.notes, aside=aside)


def done_elsewhere(outcome: Outcome) -> list[str]:
    """What the reason file of a partly filed file says about the part that was filed."""
    lines = []
    if outcome.filed:
        lines.append(f"Formulir lain pada berkas ini sudah didaftarkan: {', '.join(outcome.filed)}.")
    if outcome.answered:
        lines.append(f"Jawaban lain pada berkas ini sudah dicatat: {', '.join(outcome.answered)}.")
    lines += [f"Dilewati: {skipped}" for skipped in outcome.skipped]
    return [*lines, ""] if lines else []


def duplicate_reason(ctx: Context, earlier) -> str:
    numbers = [c.number for c in ctx.db.cases_of_source(earlier.id) if c.is_filed]
    return ("Berkas ini sama persis (byte demi byte) dengan berkas yang sudah didaftarkan sebagai perkara nomor "
            + ", ".join(numbers) + ". Tidak didaftarkan dua kali.")


def unsupported_reason(kind: str) -> str:
    name = FORM_NAMES.get(kind, kind)
    return (f"Jenis formulir '{name}' belum didukung oleh versi pipeline ini. "
            "Berkas disimpan utuh dan dapat dimasukkan kembali setelah fitur tersebut tersedia.")
