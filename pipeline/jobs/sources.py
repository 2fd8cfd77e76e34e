"""Dropped files as sources: the same bytes are recognised, and an inbox file is removed only when everything
from it is filed or kept aside."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.names import readable_name
from pipeline.intake.reading import sibling_attachments
from pipeline.jobs.context import Context
from pipeline.jobs.results import FileOutcome
from pipeline.store.db import Source


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


def attachments_of(path: Path) -> list[Path]:
    """Files dropped beside a Word form with its stem (``form.ktp.jpg``): they share its fate."""
    return [p for p, _, _ in sibling_attachments(path)] if path.suffix.lower() == ".docx" else []
