"""The views of the archive, rewritten whole as cases change: the Buku Register of each year and the
archive's ``index.html``. Batched: the pipeline marks years stale while filing, and the views are written
after a pass (at most once a minute while watching, since a year's register is rewritten whole).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from . import letters, registers
from .archive import MANIFEST, Archive, write_atomic
from .db import STAGING, Database
from .desk import refresh_waiting_sheet
from .process import Context


REGISTER_KINDS = ("permohonan", "keberatan")


REGISTER_MIN_INTERVAL = 60.0


def refresh_registers(ctx: Context, *, force: bool = True) -> bool:
    """Write the Buku Register of every year that changed (and the signers' daily waiting sheets);
    True when a write is still owed.

    Unforced (the watcher between bursts), at most once a minute: a year's register is rewritten whole,
    which costs seconds when it holds many thousands of cases.
    """
    if not ctx.stale_registers and not ctx.stale_desks:
        return False
    if not force and time.monotonic() - ctx.registers_written < REGISTER_MIN_INTERVAL:
        return True
    signers, ctx.stale_desks = sorted(ctx.stale_desks), set()
    for signer in signers:
        refresh_waiting_sheet(ctx, signer)
    years, ctx.stale_registers = sorted(ctx.stale_registers), set()
    for year in years:
        for kind in REGISTER_KINDS:
            write_register(ctx, kind, year)
    write_archive_index(ctx)
    ctx.registers_written = time.monotonic()
    return False


_DOCUMENT_KIND = {"softcopy_pdfa": "pdfa", "hardcopy_pdf": "cetak", "signed_original": "ttd", "original": "asli"}


def write_archive_index(ctx: Context) -> Path:
    """The archive's ``index.html``: every case with its folder and PDFs, searchable from a shared drive.

    Rows are built straight in the page's compact form (``browser`` module docstring): with 100 000
    cases and their 750 000 documents, every intermediate object costs about a second.
    """
    from .browser import archive_link, natural_key, write_rows  # only needed here

    letter_titles = {spec.key: spec.title for spec in letters.ALL_LETTERS}
    filed = _FiledDocuments(ctx.archive, ctx.config.paths.database.parent / "indeks-arsip.json")
    titles: dict[str, int] = {}
    rows = []
    for case in ctx.db.cases(with_data=False):
        if case.status == STAGING:
            continue
        documents = []
        for role, letter, path in filed.of(case.folder) if case.folder else ():
            kind = _DOCUMENT_KIND[role]
            title = letter_titles.get(letter, "Formulir asli" if kind == "asli" else path)
            documents.append([titles.setdefault(title, len(titles)), archive_link(path), kind])
        rows.append([case.number, case.kind, case.applicant_name, case.received.isoformat(),
                     case.due.isoformat() if case.due else None, case.status, archive_link(case.folder), documents])
    filed.save()
    rows.sort(key=lambda row: (row[3], natural_key(row[0])), reverse=True)   # newest first
    return write_rows(ctx.archive.root, rows, list(titles), agency=f"PPID {ctx.config.agency.name.title()}",
                      generated=datetime.now())


class _FiledDocuments:
    """The shown documents of each filed case folder, read from its manifest only when that changed.

    Kept in var/ by the manifest's mtime and size: with 100 000 cases, reading every manifest took
    most of the ~16 s an index rewrite cost; a stat per folder is enough to know which changed.
    """

    def __init__(self, archive: Archive, cache_path: Path):
        self.archive = archive
        self.root = str(archive.root)
        self.path = cache_path
        self.changed = False
        try:
            self.entries: dict[str, list] = orjson.loads(cache_path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            self.entries = {}

    def of(self, folder: str) -> list[list[str]]:
        """(role, letter, path) of a folder's shown documents; none while the folder is not complete."""
        manifest = os.path.join(self.root, folder, MANIFEST)
        try:
            info = os.stat(manifest)
        except OSError:
            return []                                  # no manifest: not filed (yet)
        stamp = [info.st_mtime_ns, info.st_size]
        entry = self.entries.get(folder)
        if entry is None or entry[0] != stamp:
            try:
                files = self.archive.manifest(folder)["files"]
            except (OSError, ValueError, KeyError, TypeError):
                return []                              # unreadable: `ppid verify` reports it
            entry = [stamp, [[f["role"], f.get("letter") or "", f["path"]] for f in files if f["role"] in _DOCUMENT_KIND]]
            self.entries[folder] = entry
            self.changed = True
        return entry[1]

    def save(self) -> None:
        if self.changed:
            write_atomic(self.path, orjson.dumps(self.entries), overwrite=True)


def write_register(ctx: Context, kind: str, year: int, out: Path | None = None) -> Path:
    """The Buku Register Permohonan or Keberatan of ``year`` (voided numbers included), in the archive by default.

    A long register is built in two slices, the second in a worker process: reading 100 000 cases and
    writing their rows takes ~6 s in one process, beyond what an officer waits for an export.
    """
    path = out or ctx.archive.root / str(year) / f"buku-register-{kind}-{year}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):   # a case filed meanwhile changes the row count: take a fresh snapshot
        seqs = ctx.db.register_seqs(kind, year)
        frame, parts = _register_parts(ctx, kind, year, seqs)
        if sum(count for count, _ in parts) == len(seqs):
            break
    registers.save_register(path, frame, (xml for _, xml in parts))
    return path


def _register_parts(ctx: Context, kind: str, year: int, seqs: list[int]):
    """The register's frame and its body in slices: [(rows, UTF-8 row XML), ...] in order."""
    frame = registers.register_frame(kind, len(seqs), year=year, agency_name=ctx.config.agency.name,
                                     paper=ctx.config.paper.size)
    # Two slices at most: the machines this runs on have two cores, and the converter shares them.
    slices = _slices(seqs, min(os.cpu_count() or 1, 2) if len(seqs) >= PARALLEL_MIN_ROWS else 1)
    jobs = [_SliceJob(ctx.config.paths.database, frame, kind, year, first, last, offset, _atasan(ctx))
            for first, last, offset in slices]
    if len(jobs) > 1:
        # This process builds the first slice while the workers build the others.
        with ProcessPoolExecutor(len(jobs) - 1, mp_context=_workers_context()) as pool:
            others = [pool.submit(_slice_xml, job) for job in jobs[1:]]
            parts = [_slice_xml(jobs[0], ctx.db), *(future.result() for future in others)]
    else:
        parts = [_slice_xml(jobs[0], ctx.db)]
    return frame, parts


PARALLEL_MIN_ROWS = 20_000


@dataclass(frozen=True)
class _SliceJob:
    database: Path
    frame: registers.RegisterFrame
    kind: str
    year: int
    first_seq: int
    last_seq: int
    offset: int                     # index of the slice's first row in the register
    atasan: str


def _slices(seqs: list[int], parts: int) -> list[tuple[int, int, int]]:
    """(first seq, last seq, row offset) of ``parts`` equal slices of the register."""
    if not seqs:
        return [(0, 0, 0)]
    size = -(-len(seqs) // parts)
    return [(seqs[i], seqs[min(i + size, len(seqs)) - 1], i) for i in range(0, len(seqs), size)]


def _slice_xml(job: _SliceJob, db: Database | None = None) -> tuple[int, bytes]:
    """(rows, their XML) of one slice; in a worker process it opens the database itself."""
    own = db is None
    db = db or Database(job.database)
    try:
        cases = db.register_cases(job.kind, job.year, job.first_seq, job.last_seq) if job.last_seq else []
        if job.kind == "permohonan":
            rows = [registers.request_row(c) for c in cases]
        else:
            rows = [registers.objection_row(c, db.case_by_number(c.data.get("nomor_permohonan") or ""), job.atasan)
                    for c in cases]
        return len(rows), registers.body_xml(job.frame, rows, job.offset).encode("utf-8")
    finally:
        if own:
            db.close()


def _atasan(ctx: Context) -> str:
    atasan = ctx.config.signers.atasan_ppid
    return f"{atasan.name}, {atasan.position}"


def _workers_context():
    # forkserver, not fork: the watcher has threads (LibreOffice bridges, watchdog) that a fork would copy mid-step.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.views"])
    return context
