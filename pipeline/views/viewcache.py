"""What the views keep between rewrites: ``var/views.sqlite3``.

The Buku Register and the archive's index.html are rewritten whole (a file an officer opens must be
complete), but with 100 000 cases building them from the cases costs seconds, while a pass changes a
few cases. So the pieces are kept: each register's rows deflated in runs of ``ROWS_PER_CHUNK``, each
case's row of the index page as JSON. A view rebuilds only the pieces whose cases changed (the
database's case revisions) and stitches the rest as kept.

Nothing here is a record: the file may be deleted at any time and is rebuilt from the database. It
belongs to one database (``Database.id``): a rebuilt database (``ppid reindex``) starts it afresh.
One writer of views at a time (the watcher, an officer's ``ppid register``): an open cache holds an
exclusive lock on ``views.sqlite3.lock``, so kept pieces always come from one build.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from pipeline.views.zipparts import Part

ROWS_PER_CHUNK = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS register_chunks (
    kind  TEXT NOT NULL,
    year  INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    key   TEXT NOT NULL,          -- what the rows were built from: changes when any of its cases does
    crc   INTEGER NOT NULL,
    size  INTEGER NOT NULL,
    data  BLOB NOT NULL,          -- the rows' sheet XML, deflated (pipeline.views.zipparts.Part)
    PRIMARY KEY (kind, year, chunk)
);
CREATE TABLE IF NOT EXISTS index_rows (
    case_id  INTEGER PRIMARY KEY,
    sort_key TEXT NOT NULL,       -- newest first is descending order
    row      BLOB NOT NULL        -- the case's row of the page's data (pipeline.views.index), JSON
);
CREATE INDEX IF NOT EXISTS index_rows_order ON index_rows(sort_key);
"""


class ViewCache:
    def __init__(self, path: Path, database_id: str):
        self._lock = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o640)
        fcntl.flock(self._lock, fcntl.LOCK_EX)
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")    # a cache: losing the last write costs a rebuild
        self._conn.executescript(_SCHEMA)
        if self._state("database") != database_id:
            self._reset(database=database_id)

    def close(self) -> None:
        self._conn.close()
        os.close(self._lock)

    def __enter__(self) -> ViewCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _state(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _reset(self, **state: str) -> None:
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            for table in ("state", "register_chunks", "index_rows"):
                self._conn.execute(f"DELETE FROM {table}")
            self._conn.executemany("INSERT INTO state VALUES (?, ?)", state.items())

    def views_revision(self) -> int:
        """The case revision every view file was last written up to."""
        return int(self._state("views_revision") or 0)

    def set_views_revision(self, revision: int) -> None:
        self._conn.execute("INSERT OR REPLACE INTO state VALUES ('views_revision', ?)", (str(revision),))

    # -- the registers -------------------------------------------------------------------------

    def chunk_keys(self, kind: str, year: int) -> dict[int, str]:
        rows = self._conn.execute("SELECT chunk, key FROM register_chunks WHERE kind = ? AND year = ?", (kind, year))
        return dict(rows.fetchall())

    def store_chunks(self, kind: str, year: int, chunks: Iterable[tuple[int, str, Part]], count: int) -> None:
        """Keep the rebuilt chunks; forget those past the register's ``count`` chunks."""
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany("INSERT OR REPLACE INTO register_chunks VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   [(kind, year, i, key, p.crc, p.size, p.data) for i, key, p in chunks])
            self._conn.execute("DELETE FROM register_chunks WHERE kind = ? AND year = ? AND chunk >= ?", (kind, year, count))

    def chunks(self, kind: str, year: int) -> list[Part]:
        rows = self._conn.execute("SELECT data, crc, size FROM register_chunks WHERE kind = ? AND year = ? ORDER BY chunk",
                                  (kind, year))
        return [Part(*row) for row in rows]

    # -- the index page ------------------------------------------------------------------------

    def index_revision(self, signature: str) -> int:
        """The case revision the kept rows are built up to; 0 (rebuild all) when the rows' form changed."""
        if self._state("index_signature") != signature:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute("DELETE FROM index_rows")
                self._conn.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)",
                                       [("index_signature", signature), ("index_revision", "0")])
        return int(self._state("index_revision") or 0)

    def update_index(self, rows: Iterable[tuple[int, str, bytes]], dropped: Iterable[int], upto: int) -> None:
        """Replace the rows of the changed cases; the kept rows are now built up to revision ``upto``."""
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany("INSERT OR REPLACE INTO index_rows VALUES (?, ?, ?)", rows)
            self._conn.executemany("DELETE FROM index_rows WHERE case_id = ?", ((i,) for i in dropped))
            self._conn.execute("INSERT OR REPLACE INTO state VALUES ('index_revision', ?)", (str(upto),))

    def index_rows(self) -> list[bytes]:
        """Every kept row, newest case first."""
        return [row for row, in self._conn.execute("SELECT row FROM index_rows ORDER BY sort_key DESC")]
