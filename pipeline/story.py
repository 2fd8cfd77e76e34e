"""The job's story: one dropped file becomes numbered, archived cases with their letters, or is set aside.

``process_file`` reads top to bottom as what happens to a file. Crash safety comes from the order:
the original stays in the inbox until its cases are renamed into the archive and committed in the
database; every step can be repeated, so a restart finishes what was cut off with the same numbers.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.config import Config
from pipeline.core.files import sha256_file
from pipeline.core.names import masked_name
from pipeline.core.workdays import load_calendar
from pipeline.intake.reading import UnreadableForm, read_form
from pipeline.jobs.context import Context
from pipeline.jobs.recovery import recompute_due_dates, recover_interrupted
from pipeline.jobs.results import FileOutcome
from pipeline.jobs.setaside import (
    set_aside,
    set_aside_after_error,
    set_aside_duplicate,
    set_aside_entry,
    unsupported_reason,
)
from pipeline.jobs.sources import claim_source, finish_source
from pipeline.kinds import answer, dipdik, objection, request, signed
from pipeline.render import letters
from pipeline.render.templates import check_template, template_path
from pipeline.store.archive import Archive
from pipeline.store.db import Database


@contextmanager
def open_context(config: Config, *, today: Callable[[], date] = date.today) -> Iterator[Context]:
    """Open the database and archive, check the templates, and finish what an earlier run left undone."""
    for spec in letters.ALL_LETTERS:
        check_template(template_path(config.paths.templates, spec.template), letters.sample_context(config, spec))
    ctx = Context(config=config, db=Database(config.paths.database), archive=Archive(config.paths.archive),
                  calendar=load_calendar(config.deadlines), today=today)
    try:
        with ctx.workspace_lock(fcntl.LOCK_EX):
            recover_interrupted(ctx)
            recompute_due_dates(ctx)
        yield ctx
    finally:
        ctx.close()


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
    if signed.is_scan(path):
        return signed.handle_scan(ctx, path, source, outcome)
    try:
        document = read_form(path)
    except UnreadableForm as exc:
        return set_aside(ctx, path, source, [str(exc)], outcome)
    handler = handler_for(document.kind)
    if handler is None:
        return set_aside(ctx, path, source, [unsupported_reason(document)], outcome)
    return handler(ctx, path, source, document, outcome)


def handler_for(kind: str):
    """The stage that files a form of this kind."""
    return {request.KIND: request.handle, objection.KIND: objection.handle, answer.KIND: answer.handle,
            dipdik.DIP: dipdik.handle_dip, dipdik.DIK: dipdik.handle_dik}.get(kind)
