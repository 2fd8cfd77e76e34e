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
from pipeline.jobs.filing import finish_filing, void_case
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
    for case in ctx.db.pending_cases():
        if case.folder and ctx.archive.is_complete(case.folder):
            place_for_signature(ctx, resync(ctx.archive, ctx.db, case))
            log.info("Perkara %s disesuaikan dengan foldernya setelah proses terhenti", case.number)
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


def finish_or_void(ctx: Context, kind_of: Callable[[str], Kind], case: Case, reason: str) -> None:
    """A case a kill left being filed: finished when its folder reached the archive, else voided."""
    if case.folder and ctx.archive.is_complete(case.folder):
        finish_filing(ctx, kind_of(case.kind), case, case.folder)
    else:
        void_case(ctx, case, reason)
