"""Setting a dropped file aside: the copy with its reason file and notices, then the inbox cleared."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from pipeline.core.files import copy_atomic, write_atomic
from pipeline.core.names import masked_name, readable_name
from pipeline.intake.reading import FormDocument
from pipeline.intake.setaside import REASON_SUFFIX, keep_copy, reason_text, set_aside_path
from pipeline.jobs.context import Context
from pipeline.jobs.results import FileOutcome, Notice
from pipeline.jobs.sources import attachments_of, finish_source
from pipeline.render import letters
from pipeline.render.conversion import ConversionError, PdfMetadata
from pipeline.render.letters import LetterMeta
from pipeline.render.templates import render_docx
from pipeline.store.db import Source

log = logging.getLogger(__name__)


FORM_NAMES = {
    "keberatan": "Formulir Pengajuan Keberatan",
    "jawaban": "Lembar Jawaban Permohonan",
    "dip": "Daftar Informasi Publik",
    "dik": "Daftar Informasi yang Dikecualikan",
}


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
