"""The database follows the archive: every change to a filed case is written to its folder first, then the
database is brought to what the folder says (its manifest and event log, through the one reducer).

:func:`record` is the one way an event is written (archive log and database together); :func:`resync` is the
one way the database learns a case's state, used after filing, after an addition, at restart for changes a
kill cut short (the ``pending`` mark), and by ``ppid reindex`` for every case.
"""

from __future__ import annotations

from pipeline.core.files import sha256_file
from pipeline.store.archive import Archive, log_head, read_event_log
from pipeline.store.db import Case, Database
from pipeline.store.events import CaseState, replay
from pipeline.store.locks import WorkspaceError
from pipeline.store.paths import MANIFEST


def check_caught_up(archive: Archive, db: Database) -> None:
    """Refuse to number anything when the database is behind the archive (lost, replaced by an old copy, or
    rebuilt while a watcher ran): a new case would take a number the archive already holds."""
    held = archive.numbers()
    known = db.highest_numbers()
    if held is None:   # an archive from before the numbers were kept: start keeping them
        if archive.holds_cases() and not known:
            raise WorkspaceError(_behind_message("database kosong, sedangkan arsip berisi perkara"))
        archive.write_numbers(known)
        return
    behind = [f"{key.replace('/', ' ')}: arsip sampai nomor urut {seq}, database {known.get(key, 0)}"
              for key, seq in sorted(held.items()) if known.get(key, 0) < seq]
    if behind:
        raise WorkspaceError(_behind_message("; ".join(behind)))


def _behind_message(detail: str) -> str:
    return (f"Database tertinggal dari arsip ({detail}). Nomor baru tidak diberikan agar tidak terpakai dua kali. "
            "Jalankan `ppid reindex` untuk membangun ulang database dari arsip, lalu ulangi.")


def record(archive: Archive, db: Database, case: Case, event: str, **detail) -> Case:
    """Append one event to the case's log in the archive and bring the database along."""
    db.begin_change(case.id)
    archive.append_event(case.folder, event, **detail)
    case = resync(archive, db, case)
    db.done_change(case.id)
    return case


def resync(archive: Archive, db: Database, case: Case, folder: str | None = None) -> Case:
    """The database's row and history of ``case`` made equal to its archive folder (``folder`` when the case
    was only planned there)."""
    folder = folder or case.folder
    manifest = archive.manifest(folder)
    events = read_event_log(archive.folder(folder))
    state = replay(CaseState.as_filed(manifest), events)
    db.set_history(case.id, events, status=state.status, due=state.due, forward_due=state.forward_due,
                   data=state.data, folder=folder, void_reason=state.void_reason,
                   manifest_sha=sha256_file(archive.folder(folder) / MANIFEST), log_head=log_head(archive.folder(folder)))
    return db.case_by_id(case.id)
