"""The views of the archive, rewritten whole as cases change: the Buku Register of each year and the
archive's ``index.html``. Batched: the pipeline marks years stale while filing, and the views are written
after a pass (at most once a minute while watching, since a year's register is rewritten whole).
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from . import letters, registers
from .db import STAGING
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
    """The archive's ``index.html``: every case with its folder and PDFs, searchable from a shared drive."""
    from .browser import write_index  # only needed here

    titles = {spec.key: spec.title for spec in letters.ALL_LETTERS}
    cases = []
    for case in ctx.db.cases():
        if case.status == STAGING:
            continue
        documents = []
        if case.folder and ctx.archive.is_complete(case.folder):
            for entry in ctx.archive.manifest(case.folder)["files"]:
                kind = _DOCUMENT_KIND.get(entry["role"])
                if kind:
                    title = titles.get(entry.get("letter"), "Formulir asli" if kind == "asli" else entry["path"])
                    documents.append({"judul": title, "path": f"{case.folder}/{entry['path']}", "jenis": kind})
        cases.append({"nomor": case.number, "jenis": case.kind, "pemohon": case.applicant_name,
                      "diterima": case.received.isoformat(), "tenggat": case.due.isoformat() if case.due else None,
                      "status": case.status, "folder": case.folder, "dokumen": documents})
    return write_index(ctx.archive.root, cases, agency=f"PPID {ctx.config.agency.name.title()}", generated=datetime.now())


def write_register(ctx: Context, kind: str, year: int, out: Path | None = None) -> Path:
    """The Buku Register Permohonan or Keberatan of ``year`` (voided numbers included), in the archive by default."""
    path = out or ctx.archive.root / str(year) / f"buku-register-{kind}-{year}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    cases = [c for c in ctx.db.cases(kind=kind, year=year) if c.status != STAGING]
    common = {"year": year, "agency_name": ctx.config.agency.name, "paper": ctx.config.paper.size}
    if kind == "permohonan":
        registers.write_request_register(path, [registers.request_row(c) for c in cases], **common)
    else:
        atasan = ctx.config.signers.atasan_ppid
        rows = [registers.objection_row(c, ctx.db.case_by_number(c.data.get("nomor_permohonan") or ""),
                                        f"{atasan.name}, {atasan.position}") for c in cases]
        registers.write_objection_register(path, rows, **common)
    return path
