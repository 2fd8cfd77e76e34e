"""The database follows the archive: every change to a filed case is written to its folder first, then the
database is brought to what the folder says (its manifest and event log, through the one reducer).

:func:`record` is the one way an event is written (archive log and database together); :func:`resync` is the
one way the database learns a case's state, used after filing, after an addition, at restart for changes a
kill cut short (the ``pending`` mark), and by ``ppid reindex`` for every case.
"""

from __future__ import annotations

from pipeline.store.archive import Archive, read_event_log
from pipeline.store.db import Case, Database
from pipeline.store.events import CaseState, replay


def record(archive: Archive, db: Database, case: Case, event: str, **detail) -> Case:
    """Append one event to the case's log in the archive and bring the database along."""
    db.begin_change(case.id)
    archive.append_event(case.folder, event, **detail)
    return resync(archive, db, case)


def resync(archive: Archive, db: Database, case: Case, folder: str | None = None) -> Case:
    """The database's row and history of ``case`` made equal to its archive folder (``folder`` when the case
    was only planned there)."""
    folder = folder or case.folder
    manifest = archive.manifest(folder)
    events = read_event_log(archive.folder(folder))
    state = replay(CaseState.as_filed(manifest), events)
    db.set_history(case.id, events, status=state.status, due=state.due, forward_due=state.forward_due,
                   data=state.data, folder=folder, void_reason=state.void_reason)
    return db.case_by_id(case.id)
