"""Drafting a case's letters: number them, render the templates, convert them.

Shared by every kind of case: a letter is a :class:`~pipeline.render.letters.LetterSpec`, rendered into a
staging folder, converted in parallel by the LibreOffice pool into a PDF/A softcopy and a print PDF
(pipeline.jobs.desk then hands it to its signer).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

from pipeline import __version__
from pipeline.core.numbering import doc_id as format_doc_id
from pipeline.core.numbering import format_number, seq_of
from pipeline.jobs.context import Context
from pipeline.render import letters
from pipeline.render.conversion import PdfMetadata, check_pdfa
from pipeline.render.letters import LetterMeta, LetterSpec
from pipeline.render.templates import render_docx
from pipeline.store.archive import Staging
from pipeline.store.db import Case, Database
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
    number_for = (lambda seq: format_number(series.pattern, seq=seq, on=on)) if series and series.pattern else None
    if series is None or series.register == letters.LETTER or number_for is None:
        return ctx.db.letter_number(case.id, spec.key, year=on.year, number_for=number_for)
    return letter_number_in_series(ctx.db, case.id, spec.key, year=on.year, series=series, number_for=number_for)


def letter_number_in_series(db: Database, case_id: int, letter: str, *, year: int, series: letters.Series,
                            number_for) -> tuple[str, str]:
    """``Database.letter_number`` on a series of its own (a decree series, another office's series).

    Its counter row is started from the highest number of the series already given (read back from the letters'
    numbers), so a database rebuilt from the archive (``ppid reindex`` restores the agency's "surat" counter only)
    never gives a number twice."""
    with db.transaction() as c:
        row = c.execute("SELECT number, doc_id FROM letters WHERE case_id = ? AND letter = ?", (case_id, letter)).fetchone()
        if row:
            return row["number"], row["doc_id"]
        if c.execute("SELECT 1 FROM counters WHERE register = ? AND year = ?", (series.register, year)).fetchone() is None:
            c.execute("INSERT INTO counters (register, year, last_seq) VALUES (?, ?, ?)",
                      (series.register, year, highest_in_series(c, series.pattern, year)))
        c.execute("UPDATE counters SET last_seq = last_seq + 1 WHERE register = ? AND year = ?", (series.register, year))
        seq = c.execute("SELECT last_seq FROM counters WHERE register = ? AND year = ?", (series.register, year)).fetchone()[0]
        number = number_for(seq)
        cur = c.execute("INSERT INTO letters (case_id, letter, number, created_at) VALUES (?,?,?,?)",
                        (case_id, letter, number, datetime.now().astimezone().isoformat(timespec="seconds")))
        doc_id = format_doc_id(year, cur.lastrowid)
        c.execute("UPDATE letters SET doc_id = ? WHERE id = ?", (doc_id, cur.lastrowid))
        return number, doc_id


def highest_in_series(c, pattern: str, year: int) -> int:
    """The highest serial of ``pattern`` among the numbers given in ``year`` (0 when none)."""
    rows = c.execute("SELECT number FROM letters WHERE number IS NOT NULL AND doc_id LIKE ?", (f"DOK-{year}-%",))
    return max((seq for (number,) in rows if (seq := seq_of(pattern, number)) is not None), default=0)


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
