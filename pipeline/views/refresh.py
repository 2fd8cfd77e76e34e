"""The views of the archive: the Buku Register of each year and the archive's ``index.html``.

Each is a whole file an officer or an archivist opens, replaced atomically, but built from pieces
kept between rewrites (pipeline.views.viewcache): only the pieces of the cases changed since (the
database's case revisions) are built again. Batched: written after a pass, and while watching when
idle, at most every ``VIEWS_MIN_INTERVAL`` seconds.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from pipeline.core import bahasa, incidents, vocab
from pipeline.core.names import masked_name
from pipeline.jobs.context import Context
from pipeline.render import letters, xlsx
from pipeline.store import db, paths
from pipeline.store.db import STAGING, Database
from pipeline.views import index as browser
from pipeline.views import registers
from pipeline.views.index import archive_link, compact_row, row_json, sort_key, write_rows
from pipeline.views.viewcache import ROWS_PER_CHUNK, ViewCache
from pipeline.views.waiting import refresh_waiting_sheet
from pipeline.views.zipparts import Part, deflate_part

log = logging.getLogger(__name__)

REGISTER_KINDS = ("permohonan", "keberatan")


VIEWS_MIN_INTERVAL = 10.0


def refresh_views(ctx: Context, *, force: bool = True) -> bool:
    """Write the views the database has moved past (the registers of every year with a changed case,
    index.html) and the signers' daily waiting sheets; True when a write is still owed.

    What to write follows from the case revisions, not from what this run did, so a run killed before
    its views were written has them written by the next one. Unforced (the watcher when idle), at
    most every ``VIEWS_MIN_INTERVAL`` seconds: every rewrite still writes whole files (~55 MB at
    100 000 cases).
    """
    with _view_cache(ctx) as cache:
        written = cache.views_revision()
    revision = ctx.db.revision()
    if revision == written and not ctx.stale_desks:
        return False
    if not force and time.monotonic() - ctx.views_written < VIEWS_MIN_INTERVAL:
        return True
    signers, ctx.stale_desks = sorted(ctx.stale_desks), set()
    try:
        for signer in signers:
            refresh_waiting_sheet(ctx, signer)
        if revision != written:
            # An objection's row shows its request's details too, but those never change after registration.
            for year in ctx.db.years_changed(written):
                for kind in REGISTER_KINDS:
                    write_register(ctx, kind, year)
            write_archive_index(ctx)
            with _view_cache(ctx) as cache:
                cache.set_views_revision(revision)
    except OSError as exc:
        if not incidents.out_of_space(exc):
            raise
        ctx.stale_desks |= set(signers)       # owed: written when there is room again
        log.error("Ruang penyimpanan penuh: register, halaman arsip dan daftar tunggu belum ditulis ulang")
        return True
    ctx.views_written = time.monotonic()
    return False


_DOCUMENT_KIND = {"softcopy_pdfa": "pdfa", "hardcopy_pdf": "cetak", "signed_original": "ttd", "original": "asli"}


# The titles the page's documents refer to by position: fixed, since kept rows refer to them.
INDEX_TITLES = [spec.title for spec in letters.ALL_LETTERS] + ["Formulir asli", "Dokumen"]
_LETTER_TITLE = {spec.key: i for i, spec in enumerate(letters.ALL_LETTERS)}
_FORM_TITLE, _OTHER_TITLE = len(INDEX_TITLES) - 2, len(INDEX_TITLES) - 1


def write_archive_index(ctx: Context) -> Path:
    """The archive's ``index.html``: every case with its folder and PDFs, searchable from a shared drive.

    Each case's row is kept (pipeline.views.viewcache) and built again only when the case changed: with
    100 000 cases, reading every manifest and building every row cost ~5 s a rewrite.
    """
    with _view_cache(ctx) as cache:
        since = cache.index_revision(_signature(repr(INDEX_TITLES), __file__, browser.__file__))
        changed, upto = ctx.db.changed_cases(since)
        rows, dropped = [], []
        for case in changed:
            if case.status == STAGING:
                dropped.append(case.id)
            else:
                rows.append((case.id, sort_key(case.received.isoformat(), case.number), row_json(_index_row(ctx, case))))
        cache.update_index(rows, dropped, upto)
        kept = cache.index_rows()
    return write_rows(ctx.archive.root, kept, INDEX_TITLES, agency=f"PPID {ctx.config.agency.name.title()}", generated=datetime.now())


def _index_row(ctx: Context, case) -> list:
    """A case's row of the page's data (``browser`` module docstring), its documents from its manifest."""
    manifest = _manifest(ctx, case.folder)
    documents = []
    for entry in _shown_documents(manifest):
        kind = _DOCUMENT_KIND[entry["role"]]
        title = _LETTER_TITLE.get(entry.get("letter"), _FORM_TITLE if kind == "asli" else _OTHER_TITLE)
        documents.append([title, archive_link(entry["path"]), kind])   # manifest paths are relative to the folder
    source = (manifest.get("sumber") or {}).get("path")
    if source and not any(kind == "asli" for _, _, kind in documents):
        documents.append([_FORM_TITLE, "/" + archive_link(source), "asli"])   # a workbook row: the workbook
    notes = [case.void_reason] if case.void_reason else []
    notes += [case.data["didaftarkan_terlambat"]] if case.data.get("didaftarkan_terlambat") else []
    return compact_row(case.number, case.kind, _applicant(case), case.received, case.due, case.status, case.folder,
                       documents, notes, information=case.data.get("rincian_informasi") or "", opd=_opd(case),
                       original=masked_name((manifest.get("berkas_asal") or {}).get("original_name") or ""),
                       flags=browser.LATE_REGISTRATION if case.data.get("didaftarkan_terlambat") else 0)


def _applicant(case) -> str:
    """The applicant as the letters name it: an organisation c.q. its person in charge."""
    applicant = case.data.get("applicant") or {}
    person = applicant.get("penanggung_jawab") if applicant.get("organisasi") else None
    return f"{case.applicant_name} c.q. {person}" if person else case.applicant_name


def _opd(case) -> str:
    """The OPD the request goes to (named on the form, or holding it by the DIP), or whose list it is."""
    proposal = case.data.get("klasifikasi") or {}
    if proposal.get("kind") == "terbuka" and proposal.get("opd"):
        return str(proposal["opd"])
    return str(case.data.get("opd_tujuan") or case.data.get("opd") or "")


def _manifest(ctx: Context, folder: str | None) -> dict:
    """The case's manifest; empty while the folder is not filed (or unreadable: ``ppid verify`` reports that)."""
    if not folder:
        return {}
    try:
        manifest = ctx.archive.manifest(folder)
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _shown_documents(manifest: dict) -> list[dict]:
    """The manifest's documents the page links to."""
    files = manifest.get("files")
    return [f for f in files if isinstance(f, dict) and f.get("role") in _DOCUMENT_KIND] if isinstance(files, list) else []


def write_register(ctx: Context, kind: str, year: int, out: Path | None = None) -> Path:
    """The Buku Register Permohonan or Keberatan of ``year`` (voided numbers included), in the archive by default.

    The rows are kept deflated in chunks (pipeline.views.viewcache); only the chunks whose cases changed are
    built again, the others go into the file as they are. Many chunks to build (a first write, a
    changed layout) are built in two halves, the second in a worker process.
    """
    path = out or paths.register_file(ctx.archive.root, kind, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _view_cache(ctx) as cache:
        for _attempt in range(3):   # a case filed meanwhile moves the rows: take a fresh look
            chunks = ctx.db.register_chunks(kind, year, ROWS_PER_CHUNK)
            frame = registers.register_frame(kind, sum(rows for rows, *_ in chunks), year=year,
                                             agency_name=ctx.config.agency.name, paper=ctx.config.paper.size)
            keys = _chunk_keys(ctx, frame, chunks)
            kept = cache.chunk_keys(kind, year)
            todo = [_ChunkJob(i, i * ROWS_PER_CHUNK, first, last, rows)
                    for i, ((rows, first, last, _), key) in enumerate(zip(chunks, keys)) if kept.get(i) != key]
            built = _build_chunks(ctx, frame, kind, year, todo)
            if all(rows == job.rows for job, (rows, _) in zip(todo, built)):
                break
        cache.store_chunks(kind, year, [(job.index, keys[job.index], part) for job, (_, part) in zip(todo, built)],
                           len(chunks))
        registers.save_register(path, frame, cache.chunks(kind, year))
    return path


PARALLEL_MIN_ROWS = 20_000


@dataclass(frozen=True)
class _ChunkJob:
    index: int
    offset: int                     # the register row of its first case (0 = the first body row)
    first_seq: int
    last_seq: int
    rows: int                       # as the chunk's key says; built from other rows, it is built again


def _chunk_keys(ctx: Context, frame: registers.RegisterFrame, chunks: list[tuple[int, int, int, int]]) -> list[str]:
    """What each chunk's rows are built from: its cases (and their newest revision), its place, the layout."""
    layout = _signature(repr(frame.styles), _atasan(ctx), str(ROWS_PER_CHUNK), registers.__file__, xlsx.__file__,
                        vocab.__file__, bahasa.__file__, db.__file__, __file__)
    return [f"{layout}:{rows}:{first}:{last}:{rev}" for rows, first, last, rev in chunks]


def _build_chunks(ctx: Context, frame: registers.RegisterFrame, kind: str, year: int,
                  todo: list[_ChunkJob]) -> list[tuple[int, Part]]:
    """(rows built, deflated row XML) of each chunk in ``todo``; many rows: half in a worker process."""
    job = _BuildJob(ctx.config.paths.database, frame, kind, year, tuple(todo), _atasan(ctx))
    if sum(j.rows for j in todo) < PARALLEL_MIN_ROWS:
        return _build(job, ctx.db)
    half = _halves(todo)
    # This process builds the first half while a worker (two cores: the converter shares them) builds the second.
    with ProcessPoolExecutor(1, mp_context=_workers_context()) as pool:
        second = pool.submit(_build, replace(job, chunks=half[1]))
        return _build(replace(job, chunks=half[0]), ctx.db) + second.result()


@dataclass(frozen=True)
class _BuildJob:
    database: Path
    frame: registers.RegisterFrame
    kind: str
    year: int
    chunks: tuple[_ChunkJob, ...]
    atasan: str


def _halves(todo: list[_ChunkJob]) -> tuple[tuple[_ChunkJob, ...], tuple[_ChunkJob, ...]]:
    total, running = sum(j.rows for j in todo), 0
    for i, job in enumerate(todo):
        running += job.rows
        if running * 2 >= total:
            return tuple(todo[:i + 1]), tuple(todo[i + 1:])
    return tuple(todo), ()


def _build(job: _BuildJob, database: Database | None = None) -> list[tuple[int, Part]]:
    """The chunks of ``job``; in a worker process it opens the database itself."""
    cases_db = database or Database(job.database)
    try:
        built = []
        for chunk in job.chunks:
            cases = cases_db.register_cases(job.kind, job.year, chunk.first_seq, chunk.last_seq)
            if job.kind == "permohonan":
                rows = [registers.request_row(c) for c in cases]
            else:
                rows = [registers.objection_row(c, cases_db.case_by_number(c.data.get("nomor_permohonan") or ""),
                                                job.atasan) for c in cases]
            xml = registers.body_xml(job.frame, rows, chunk.offset)
            built.append((len(rows), deflate_part(xml.encode("utf-8"))))
        return built
    finally:
        if database is None:
            cases_db.close()


def _atasan(ctx: Context) -> str:
    atasan = ctx.config.signers.atasan_ppid
    return f"{atasan.name}, {atasan.signed_as}"


def _view_cache(ctx: Context) -> ViewCache:
    return ViewCache(ctx.config.paths.database.parent / "views.sqlite3", ctx.db.id)


@functools.lru_cache(maxsize=64)
def _signature(*parts: str) -> str:
    """A digest of what shapes a view's kept pieces; a part that names a source file stands for its text."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(Path(part).read_bytes() if part.endswith(".py") else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _workers_context():
    # forkserver, not fork: the watcher has threads (LibreOffice bridges, watchdog) that a fork would copy mid-step.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.views.refresh"])
    return context
