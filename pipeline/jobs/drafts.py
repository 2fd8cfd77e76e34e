"""Drafting a case's letters: number them, render the templates, convert them.

Shared by every kind of case: a letter is a :class:`~pipeline.render.letters.LetterSpec`, rendered into a
staging folder, converted in parallel by the LibreOffice pool into a PDF/A softcopy and a print PDF
(pipeline.jobs.desk then hands it to its signer).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from importlib import metadata as importlib_metadata
from pathlib import Path

from pipeline import __version__
from pipeline.core.numbering import format_number
from pipeline.jobs.context import Context
from pipeline.render import letters
from pipeline.render.conversion import PdfMetadata, check_pdfa
from pipeline.render.letters import LetterMeta, LetterSpec
from pipeline.render.templates import render_docx
from pipeline.store.archive import Staging
from pipeline.store.db import Case
from pipeline.store.ledger import record


@dataclass(frozen=True)
class Draft:
    spec: LetterSpec
    docx: Path
    doc_id: str
    number: str

    @property
    def pdfa(self) -> Path:
        return self.docx.with_suffix(".pdf")

    @property
    def printable(self) -> Path:
        return self.docx.with_name(f"{self.spec.file_stem}.cetak.pdf")


def draft_letters(ctx: Context, staging: Staging, case: Case, specs: tuple[LetterSpec, ...], *, on: date | None = None,
                  **context_args) -> list[Draft]:
    """Render each letter into the staging folder with its (kept-on-restart) number and document ID, dated
    ``on`` (a new case's letters carry its registration day, whatever the clock says meanwhile)."""
    on = on or ctx.today()
    drafts = []
    for spec in specs:
        number, doc_id = allocate_letter_number(ctx, case, spec, on)
        meta = LetterMeta(number or "", doc_id, on)
        context = letters.letter_context(ctx.config, spec, meta, case=case, **context_args)
        docx = staging.add_bytes(f"{spec.file_stem}.docx", render_docx(ctx.template(spec), context, ctx.config.paper), "draft_docx")
        staging.entries[-1].extra.update({"letter": spec.key, "doc_id": doc_id, **({"letter_number": number} if number else {})})
        drafts.append(Draft(spec, docx, doc_id, number or ""))
    staging.log("rendered", surat=[d.spec.key for d in drafts], dokumen=[d.doc_id for d in drafts])
    return drafts


def allocate_letter_number(ctx: Context, case: Case, spec: LetterSpec, on: date) -> tuple[str | None, str]:
    """The letter's (number, document ID), given once and kept on restarts. The number comes from the series of
    the office that issues the letter (pipeline.render.letters.series_for); a series without a pattern is numbered
    by that office when the letter is signed, so the draft has none."""
    series = letters.series_for(ctx.config, spec)
    if series is None or not series.pattern:
        return ctx.db.letter_number(case.id, spec.key, year=on.year)
    return ctx.db.letter_number(case.id, spec.key, year=on.year, register=series.register, pattern=series.pattern,
                                number_for=lambda seq: format_number(series.pattern, seq=seq, on=on))


def convert_drafts(ctx: Context, staging: Staging, case: Case, drafts: list[Draft]) -> None:
    """Convert the drafts in parallel (one LibreOffice per worker) and record both PDFs in the manifest."""

    def convert(draft: Draft) -> Draft:
        meta = PdfMetadata(title=f"{draft.spec.title} {case.number}", subject=case.number,
                           keywords=[case.number, draft.doc_id, draft.spec.key], author=ctx.config.agency.name)
        ctx.converter.convert(draft.docx, pdfa=draft.pdfa, printable=draft.printable, metadata=meta)
        return draft

    workers = max(1, min(len(drafts), ctx.config.libreoffice.worker_count))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        converted = list(pool.map(convert, drafts))
    for draft in converted:
        staging.add_existing(draft.pdfa, "softcopy_pdfa", letter=draft.spec.key, doc_id=draft.doc_id, pdfa_check=check_pdfa(draft.pdfa))
        staging.add_existing(draft.printable, "hardcopy_pdf", letter=draft.spec.key, doc_id=draft.doc_id)
    staging.log("converted", tools=tool_versions(ctx))


_TOOL_VERSIONS: dict | None = None


def tool_versions(ctx: Context) -> dict:
    """Versions of everything that shaped the files, for the event log."""
    global _TOOL_VERSIONS
    if _TOOL_VERSIONS is None:
        versions = {"ppid-pipeline": __version__}
        for package in ("docxtpl", "python-docx", "pikepdf", "holidays"):
            try:
                versions[package] = importlib_metadata.version(package)
            except importlib_metadata.PackageNotFoundError:
                pass
        versions["libreoffice"] = ctx.converter.version()
        _TOOL_VERSIONS = versions
    return _TOOL_VERSIONS


def record_issuer_number(ctx: Context, doc_id: str, number: str) -> tuple[Case, str]:
    """The number the issuing office gave a letter of a series it keeps itself (Pergub Bali 6/2020 Pasal 20: what
    the Sekretaris Daerah signs is numbered by the Sekretariat Daerah): a ``letter_numbered`` event in the case's
    log. Returns the case and the letter's key; raises ValueError with a sentence for the officer."""
    number = " ".join(number.split())
    found = ctx.db.letter_by_doc_id(doc_id)
    if found is None:
        raise ValueError(f"Dokumen {doc_id} tidak ditemukan.")
    case, key, given, _ = found
    spec = letters.SPECS[key]
    if given:
        raise ValueError(f"{spec.title} {doc_id} sudah bernomor {given}.")
    if not spec.numbered:
        raise ValueError(f"{spec.title} {doc_id} tidak diberi nomor surat (konsep, tanda terima atau pemberitahuan).")
    recorded = (case.data.get("nomor_surat") or {}).get(doc_id)
    if recorded:
        raise ValueError(f"Nomor {spec.title} {doc_id} sudah dicatat: {recorded}.")
    if len(number) < 3:
        raise ValueError("Tuliskan nomor surat selengkapnya, seperti tertera pada surat yang ditandatangani.")
    return record(ctx.archive, ctx.db, case, "letter_numbered", dokumen=doc_id, nomor=number), key
