"""Hardcopy for the clerk: one print bundle per case and the daily batch, in filing order.

Bundles are built from the print PDFs in the case folder (the PDF/A softcopies stay untouched) and
written outside the archive, under ``<print_bundles>/<date>/``; the daily batch holds every case that
got a new document that day, in the order the documents were filed. A case with nothing to print gets no
bundle, and a recap replaced before its SK DIP was signed is never printed: its konsep was never a letter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.core.bahasa import hari_tanggal
from pipeline.core.numbering import safe_name
from pipeline.jobs.context import Context
from pipeline.jobs.desk import SIGNED_EVENTS
from pipeline.jobs.filing import registered_on
from pipeline.store.db import Case
from pipeline.store.events import REPLACED
from pipeline.views.bundles import BundleCase, build_case_bundle, build_daily_batch, printable_files

BATCH_TITLE = "Berkas Cetak Harian"


def bundle_case(ctx: Context, case: Case, day: date) -> Path:
    out = ctx.config.paths.print_bundles / day.isoformat() / f"{safe_name(case.number)}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    facts = BundleCase(number=case.number, kind=case.kind, applicant=case.applicant_name, received=case.received,
                       due=case.due, status=case.status, registered=registered_on(case))
    build_case_bundle(ctx.archive.folder(case.folder), case=facts, paper_mm=ctx.config.paper.millimetres, out=out,
                      printed_on=day)
    return out


def to_print(ctx: Context, case: Case) -> bool:
    """A case is printed when it has something to print, unless it was replaced before anything of it was signed
    (an OPD's list replaced by its correction stays: it was received)."""
    if not printable_files(ctx.archive.folder(case.folder)):
        return False
    if case.status != REPLACED:
        return True
    received = any(e["event"] == "received" and e.get("sha256") for e in ctx.db.events(case.id))
    return received or any(e["event"] in SIGNED_EVENTS for e in ctx.db.events(case.id))


def cases_filed_on(ctx: Context, day: date) -> list[Case]:
    """Cases to print that got a document on ``day``, in the order of their first filing that day."""
    return [c for c in ctx.db.cases_touched_on(day) if c.folder and c.is_filed and to_print(ctx, c)]


def daily_batch(ctx: Context, bundles: list[Path], day: date) -> Path:
    """The day's batch: every bundle of the day behind one listing, ready for the printer."""
    batch = ctx.config.paths.print_bundles / day.isoformat() / f"_batch-harian-{day.isoformat()}.pdf"
    build_daily_batch(bundles, out=batch, title=f"{BATCH_TITLE} {hari_tanggal(day)}", printed_on=day)
    return batch
