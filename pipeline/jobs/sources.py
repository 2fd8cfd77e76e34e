"""Dropped files as sources: the same bytes are recognised, and an inbox file is removed only when everything
from it is filed or kept aside.

A source's state: ``processing`` (being handled) -> ``filed`` -> ``done`` (inbox file removed), or
``setting_aside`` -> ``set_aside``. A restart finds a source left ``processing`` and resumes it with the
same numbers; one left ``filed``/``setting_aside`` only needs its inbox file removed.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from pipeline.core.names import readable_name
from pipeline.intake.reading import sibling_attachments
from pipeline.jobs.context import Context
from pipeline.jobs.results import Job
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
    return add_source(ctx, path, sha), "new"


def add_source(ctx: Context, path: Path, sha: str) -> Source:
    return ctx.db.add_source(sha, readable_name(path.name), path.stat().st_size, "processing",
                             dropped_at=dropped_at(path))


def dropped_at(path: Path) -> str:
    """When the file appeared in the inbox: its inode change time (a copy into the folder sets it; a copied
    file's modification time is often the original's), never later than now."""
    changed = os.stat(path, follow_symlinks=False).st_ctime
    return datetime.fromtimestamp(min(changed, datetime.now().timestamp())).astimezone().isoformat(timespec="seconds")


def mark_setting_aside(ctx: Context, job: Job, reasons: list[str]) -> None:
    ctx.db.set_source_state(job.source.id, "setting_aside", note="; ".join(reasons)[:500])


def finish_source(ctx: Context, job: Job) -> list[str]:
    """Everything from this file is filed or kept aside: only now is the inbox file removed. Returns the numbers
    of the cases the file gave."""
    current = ctx.db.source(job.source.id)
    final = "set_aside" if current.state == "setting_aside" else "done"
    if current.state == "processing":
        ctx.db.set_source_state(job.source.id, "filed")
    for sibling in attachments_of(job.path):
        sibling.unlink(missing_ok=True)
    job.path.unlink(missing_ok=True)
    ctx.db.set_source_state(job.source.id, final)
    return [c.number for c in ctx.db.cases_of_source(job.source.id) if c.is_filed]


def attachments_of(path: Path) -> list[Path]:
    """Files dropped beside a Word form with its stem (``form.ktp.jpg``): they share its fate."""
    return [p for p, _, _ in sibling_attachments(path)] if path.suffix.lower() == ".docx" else []
