"""Setting a dropped file aside: the copy with its reason file and the notices for whoever must act.

Only the story (pipeline.story) calls these, once a handler has said what it could not file. The copy and its
reason file are written first; the inbox file is removed only afterwards (pipeline.jobs.sources), so a kill in
between leaves the original in the inbox, never lost.
"""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from pipeline.core import incidents
from pipeline.core.files import copy_atomic, write_atomic
from pipeline.core.names import masked_name
from pipeline.intake.setaside import REASON_SUFFIX, keep_copy, reason_text, set_aside_path
from pipeline.jobs.context import Context
from pipeline.jobs.results import FileOutcome, Job, Notice, Refusal
from pipeline.jobs.sources import attachments_of
from pipeline.render import letters
from pipeline.render.conversion import ConversionError, PdfMetadata
from pipeline.render.letters import LetterMeta
from pipeline.render.templates import render_docx

log = logging.getLogger(__name__)


def keep_aside(ctx: Context, job: Job, refusals: list[Refusal], *, extra: list[str] | None = None) -> Path:
    """Copy the file into the set-aside folder with its reason file and notices; the inbox file stays."""
    reasons = [refusal.reason for refusal in refusals]
    copy = keep_copy(job.data, ctx.config.paths.set_aside, job.source.original_name, reasons, extra=extra)
    for sibling in attachments_of(job.path):  # the ID copy stays with its form
        copy_atomic(sibling, copy.with_name(f"{copy.name}.{sibling.name[len(job.path.stem) + 1:]}"))
    for notice in (refusal.notice for refusal in refusals if refusal.notice):
        write_notice(ctx, copy, notice)
    log.warning("Berkas %s disisihkan: %s", masked_name(job.source.original_name), "; ".join(reasons))
    return copy


def write_notice(ctx: Context, beside: Path, notice: Notice) -> None:
    """A notice (docx + PDF) next to the set-aside copy, ready to print: the 'kurang lengkap' notice to the
    applicant, or the correction note to an OPD."""
    spec = letters.SPECS[notice.letter]
    stem = beside.name + (f".{notice.suffix}" if notice.suffix else "") + f".{spec.notice_suffix}"
    context = letters.letter_context(ctx.config, spec, LetterMeta(drafted=ctx.today()), **notice.args)
    docx = beside.with_name(stem + ".docx")
    write_atomic(docx, render_docx(ctx.template(spec), context, ctx.config.paper), overwrite=True)
    with tempfile.TemporaryDirectory(dir=beside.parent) as tmp:
        try:
            ctx.converter.convert(docx, pdfa=beside.with_name(stem + ".pdf"), printable=Path(tmp) / "cetak.pdf",
                                  metadata=PdfMetadata(title=spec.title, author=ctx.config.agency.name))
        except ConversionError as exc:  # the docx is there to print; the reason file stays the record
            incidents.report(log, f"{spec.title} tidak dapat dijadikan PDF", exc)


def set_aside_after_error(ctx: Context, path: Path, exc: Exception) -> FileOutcome:
    """A bug or an unforeseen file: the original aside with a plain reason; the details in the log."""
    code = incidents.report(log, f"Kesalahan tak terduga pada berkas {masked_name(path.name)}", exc)
    outcome = FileOutcome(name=masked_name(path.name))
    if not path.is_file():
        return outcome
    reason = (f"Terjadi kesalahan tak terduga saat memproses berkas ini (kode kejadian {code}). Berkas disimpan "
              "utuh; laporkan kepada pengelola sistem beserta berkas ALASAN ini.")
    keep_copy(path, ctx.config.paths.set_aside, path.name, [reason])
    path.unlink(missing_ok=True)
    outcome.set_aside.append(reason)
    return outcome


def set_aside_entry(ctx: Context, path: Path) -> FileOutcome:
    """A folder, a symlink or a special file dropped into the inbox: moved aside as it is, never followed."""
    what = "tautan (symlink)" if path.is_symlink() else "folder" if path.is_dir() else "berkas khusus (bukan berkas biasa)"
    reason = f"Yang diletakkan di folder masuk adalah {what}, bukan berkas formulir. Letakkan berkas formulirnya langsung."
    when = datetime.now()
    dest = set_aside_path(ctx.config.paths.set_aside, path.name, when)
    os.rename(path, dest)
    write_atomic(dest.with_name(dest.name + REASON_SUFFIX), reason_text(path.name, [reason], when=when).encode())
    return FileOutcome(name=masked_name(path.name), set_aside=[reason])
