"""After a restart: finish or void what a killed run left behind; after a calendar change: due dates again."""

from __future__ import annotations

import logging
import shutil

from pipeline.core.files import sha256_file
from pipeline.core.numbering import safe_name
from pipeline.jobs.context import Context
from pipeline.store.archive import STAGING_DIR, read_event_log
from pipeline.store.db import VOID
from pipeline.store.events import is_open, status_from_events

log = logging.getLogger(__name__)



def recover_interrupted(ctx: Context) -> None:
    """Finish or void what a killed run left behind, so nothing stays half-filed.

    Staging folders are always rebuilt from scratch, so leftovers are discarded. A source whose inbox
    file is still there is resumed by the next pass with the same numbers; one whose file is gone is
    closed: its renamed folders are marked filed, anything else is voided with the reason.
    """
    for leftover in (ctx.archive.root / STAGING_DIR).iterdir():
        shutil.rmtree(leftover, ignore_errors=True)
    for source in ctx.db.unfinished_sources():
        inbox_file = ctx.config.paths.inbox / source.original_name
        if inbox_file.is_file() and sha256_file(inbox_file) == source.sha256:
            continue
        for case in ctx.db.cases_of_source(source.id):
            if case.is_filed or case.status == VOID:
                continue
            if case.folder and ctx.archive.is_complete(case.folder):
                ctx.db.mark_filed(case.id, case.folder, status_from_events(read_event_log(ctx.archive.folder(case.folder))))
            else:
                void_case(ctx, case, "Berkas asal hilang dari folder masuk sebelum perkara selesai diarsipkan.")
        ctx.db.set_source_state(source.id, "set_aside" if source.state == "setting_aside" else "done")


def void_case(ctx: Context, case, reason: str) -> None:
    """Keep the number, mark it void with the reason, in the database and in the archive tree."""
    ctx.db.void_case(case.id, reason)
    ctx.archive.record_void(case.year, safe_name(case.number), {
        "nomor": case.number, "jenis": case.kind, "register": case.register, "tahun": case.year, "urut": case.seq,
        "diterima": case.received.isoformat(), "pemohon": case.applicant_name, "alasan_batal": reason,
        "berkas_asal": {"sha256": ctx.db.source(case.source_id).sha256, "original_name": ctx.db.source(case.source_id).original_name}
        if case.source_id else None,
        "baris": case.source_row,
    })


def recompute_due_dates(ctx: Context) -> None:
    """When the calendar changed (holiday file, settings), open cases get due dates under the new one.

    Each case keeps the due date it was given until then; the change is written to its event log.
    """
    fingerprint = ctx.calendar.fingerprint()
    previous = ctx.db.meta("calendar_fingerprint")
    if previous == fingerprint:
        return
    if previous is not None:
        d = ctx.config.deadlines
        for case in ctx.db.cases():
            if not is_open(case) or not case.folder or case.due is None:
                continue
            due = ctx.calendar.add_working_days(case.received, d.notice_days)
            if "perpanjangan" in case.data:
                due = ctx.calendar.add_working_days(due, d.extension_days)
            forward_due = ctx.calendar.add_working_days(case.received, d.forward_target_days)
            if (due, forward_due) == (case.due, case.forward_due):
                continue
            detail = {"tenggat_lama": case.due.isoformat(), "tenggat_baru": due.isoformat(),
                      "target_lama": case.forward_due.isoformat() if case.forward_due else None,
                      "target_baru": forward_due.isoformat(), "sebab": "kalender hari libur berubah"}
            entry = ctx.archive.append_event(case.folder, "due_recomputed", **detail)
            ctx.db.add_event(case.id, "due_recomputed", detail, at=entry["at"])
            ctx.db.update_case(case.id, due=due, forward_due=forward_due)
            log.info("Tenggat perkara %s dihitung ulang: %s -> %s", case.number, case.due, due)
    ctx.db.set_meta("calendar_fingerprint", fingerprint)
