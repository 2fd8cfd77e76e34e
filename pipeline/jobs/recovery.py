"""After a restart: finish what a killed run left behind, so nothing stays half-filed.

Staging folders are always rebuilt from scratch, so leftovers are discarded. A case whose folder was changed
but whose database row had not caught up (the ``pending`` mark) is brought in line with its folder. A source
whose inbox file is still there is resumed by the next pass with the same numbers; one whose file is gone is
closed: a case renamed into the archive is finished (database, signers' desks, the kind's follow-up), anything
else is voided with the reason.
"""

from __future__ import annotations

import logging
import shutil
from typing import Callable

from pipeline.core.files import sha256_file
from pipeline.jobs.context import Context
from pipeline.jobs.desk import place_for_signature
from pipeline.jobs.filing import FOLLOW_UP, finish_filing, follow_up_signature, void_case
from pipeline.jobs.kind import Kind
from pipeline.jobs.sources import recover_taken_files
from pipeline.store.db import VOID, Case
from pipeline.store.ledger import resync
from pipeline.store.paths import STAGING_DIR

log = logging.getLogger(__name__)


def recover_interrupted(ctx: Context, kind_of: Callable[[str], Kind]) -> None:
    for leftover in (ctx.archive.root / STAGING_DIR).iterdir():
        shutil.rmtree(leftover, ignore_errors=True)
    recover_taken_files(ctx)
    for case, owed in ctx.db.pending_cases():
        finish_change(ctx, kind_of(case.kind), case, owed)
    for source in ctx.db.unfinished_sources():
        inbox_file = ctx.config.paths.inbox / source.original_name
        if inbox_file.is_file() and sha256_file(inbox_file) == source.sha256:
            continue
        for case in ctx.db.cases_of_source(source.id):
            if not case.is_filed and case.status != VOID:
                finish_or_void(ctx, kind_of, case, "Berkas asal hilang dari folder masuk sebelum perkara selesai "
                                                   "diarsipkan.")
        ctx.db.set_source_state(source.id, "set_aside" if source.state == "setting_aside" else "done")
    for case in ctx.db.unfinished_cases_without_source():
        finish_or_void(ctx, kind_of, case, "Perkara tidak selesai diarsipkan karena proses terhenti; buat ulang "
                                           "(misalnya ppid dip rekap).")


def finish_change(ctx: Context, kind: Kind, case: Case, owed: str) -> None:
    """A change a kill cut short: the database follows the folder, the desks are completed, and what was owed
    (a new case's follow-up, a signed copy's) is done. A case whose folder never reached the archive is left to
    its source (resumed with its number, or voided below)."""
    if case.status == VOID:
        ctx.db.done_change(case.id)
        return
    if not (case.folder and ctx.archive.is_complete(case.folder)):
        return
    log.info("Perkara %s diselesaikan setelah proses terhenti (%s)", case.number, owed)
    if owed == FOLLOW_UP:
        finish_filing(ctx, kind, case, case.folder)
        return
    case = resync(ctx.archive, ctx.db, case)
    place_for_signature(ctx, case)
    if owed.startswith("signed:"):
        _, doc_id, letter = owed.split(":", 2)
        follow_up_signature(ctx, kind, case, doc_id, letter)
    ctx.db.done_change(case.id)


def finish_or_void(ctx: Context, kind_of: Callable[[str], Kind], case: Case, reason: str) -> None:
    """A case a kill left being filed: finished when its folder reached the archive, else voided."""
    if case.folder and ctx.archive.is_complete(case.folder):
        finish_filing(ctx, kind_of(case.kind), case, case.folder)
    else:
        void_case(ctx, case, reason)
