"""Every kind, found by name; and what asks all of them: recomputing due dates when the calendar changed."""

from __future__ import annotations

import logging
from typing import Callable

from pipeline.core.deadlines import deadlines_for
from pipeline.jobs.context import Context
from pipeline.jobs.kind import Kind
from pipeline.jobs.results import Job, Outcome
from pipeline.kinds import answer, dik, dip, objection, request
from pipeline.store.events import is_open
from pipeline.store.ledger import record

log = logging.getLogger(__name__)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    request.REQUEST, objection.OBJECTION, dip.DIP_LIST, dip.DIP_RECAP, dik.DIK_PROPOSAL)}

HANDLERS: dict[str, Callable[[Context, Job], Outcome]] = {
    request.FORM: request.handle,
    objection.FORM: objection.handle,
    answer.FORM: answer.handle,
    dip.FORM: dip.handle,
    dik.FORM: dik.handle,
}
"""The handler of each form the reader recognises (pipeline.intake.reading ``FormDocument.kind``)."""


def kind_of(name: str) -> Kind:
    return KINDS[name]


def recompute_due_dates(ctx: Context) -> None:
    """When the calendar changed (holiday file, settings), open cases get due dates under the new one, each by
    its own kind's rule. Each case keeps the due date it was given until then; the change is in its log."""
    fingerprint = ctx.calendar.fingerprint()
    previous = ctx.db.meta("calendar_fingerprint")
    if previous == fingerprint:
        return
    if previous is not None:
        for case in ctx.db.cases():
            rule = KINDS[case.kind].due if case.kind in KINDS else None
            if rule is None or not is_open(case) or not case.folder or case.due is None:
                continue
            new = deadlines_for(rule, ctx.calendar, ctx.config.deadlines, case.received,
                                extended="perpanjangan" in case.data)
            if (new.due, new.forward_due) == (case.due, case.forward_due) and \
                    new.targets_iso() == case.data.get("target_internal", new.targets_iso()):
                continue
            record(ctx.archive, ctx.db, case, "due_recomputed", sebab="kalender hari libur berubah",
                   tenggat_lama=case.due.isoformat(), tenggat_baru=new.due.isoformat(),
                   target_lama=case.forward_due.isoformat() if case.forward_due else None,
                   target_baru=new.forward_due.isoformat() if new.forward_due else None,
                   target_internal_baru=new.targets_iso())
            log.info("Tenggat perkara %s dihitung ulang: %s -> %s", case.number, case.due, new.due)
    ctx.db.set_meta("calendar_fingerprint", fingerprint)
