"""Dropped files as sources: the same bytes are recognised, and an inbox file is removed only when everything
from it is filed or kept aside.

A source's state: ``processing`` (being handled) -> ``filed`` -> ``done`` (inbox file removed), or
``setting_aside`` -> ``set_aside``. A restart finds a source left ``processing`` and resumes it with the
same numbers; one left ``filed``/``setting_aside`` only needs its inbox file removed.
"""

from __future__ import annotations

import logging
import os
import uuid
from datetime import datetime
from pathlib import Path

from pipeline.core.crashpoints import crash
from pipeline.core.files import sha256_file
from pipeline.core.names import masked_name, readable_name
from pipeline.intake.reading import sibling_attachments
from pipeline.jobs.context import Context
from pipeline.jobs.results import Job
from pipeline.store.db import Source

log = logging.getLogger(__name__)


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
    """Everything from this file is filed or kept aside: only now is the inbox file removed — and only if it
    still holds the bytes that were handled (a file replaced meanwhile stays, to be taken as a new one).
    Returns the numbers of the cases the file gave."""
    current = ctx.db.source(job.source.id)
    final = "set_aside" if current.state == "setting_aside" else "done"
    if current.state == "processing":
        ctx.db.set_source_state(job.source.id, "filed")
    if remove_if_unchanged(job.path, job.source.sha256):
        for sibling in attachments_of(job.path):
            sibling.unlink(missing_ok=True)
    ctx.db.set_source_state(job.source.id, final)
    return [c.number for c in ctx.db.cases_of_source(job.source.id) if c.is_filed]


TAKEN_PREFIX = ".ppid-diambil-"


def remove_if_unchanged(path: Path, sha256: str) -> bool:
    """Remove the inbox file if it still holds these bytes. It is first moved to a hidden name (a copy arriving
    under its name meanwhile is a new file, untouched), checked there, and put back if it changed."""
    taken = path.with_name(f"{TAKEN_PREFIX}{uuid.uuid4().hex[:12]}-{_short(path.name)}")
    try:
        os.rename(path, taken)
    except FileNotFoundError:
        return True               # already gone (another run finished it)
    crash("setelah-sembunyi")
    if sha256_file(taken) == sha256:
        taken.unlink()
        return True
    log.warning("Berkas %s berubah selama diproses; dibiarkan di folder masuk untuk diproses lagi",
                masked_name(path.name))
    put_back(taken, path)
    return False


def put_back(taken: Path, path: Path) -> None:
    """A hidden taken file back under its own name, or beside it when a new copy holds that name now."""
    target = path
    while target.exists():
        target = target.with_name(f"{path.stem}-{uuid.uuid4().hex[:4]}{path.suffix}")
    os.rename(taken, target)


def recover_taken_files(ctx: Context) -> None:
    """A kill between hiding an inbox file and removing it: its bytes are removed when they were handled,
    otherwise the file is put back."""
    for taken in ctx.config.paths.inbox.glob(f"{TAKEN_PREFIX}*"):
        sha = sha256_file(taken)
        if any(s.state in ("done", "set_aside", "filed", "setting_aside") for s in ctx.db.sources_with_sha(sha)):
            taken.unlink()
        else:
            put_back(taken, taken.with_name(taken.name[len(TAKEN_PREFIX) + 13:]))


def _short(name: str) -> str:
    """A name short enough to carry the hidden prefix within the 255 bytes a file name may have."""
    while len(name.encode("utf-8", "surrogateescape")) > 200:
        name = name[:-1]
    return name


def attachments_of(path: Path) -> list[Path]:
    """Files dropped beside a Word form with its stem (``form.ktp.jpg``): they share its fate."""
    return [p for p, _, _ in sibling_attachments(path)] if path.suffix.lower() == ".docx" else []
