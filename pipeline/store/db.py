"""The SQLite database: dropped files (sources), cases, their numbers, letters and events.

The archive tree is the record; this database is its index and the keeper of counters. Numbers are
allocated in the same transaction that creates the case row, so a number is never handed out twice and
never silently skipped: a case that cannot be completed keeps its number with status ``batal`` and a
reason.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

import orjson  # decodes case data about twice as fast as json: status and registers read every case

from pipeline.core.numbering import doc_id as format_doc_id
from pipeline.core.numbering import seq_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    received_at   TEXT NOT NULL,
    -- processing -> filed -> done (inbox file removed); setting_aside -> set_aside
    state         TEXT NOT NULL,
    archive_path  TEXT,
    note          TEXT
);
CREATE INDEX IF NOT EXISTS sources_sha ON sources(sha256, state);

CREATE TABLE IF NOT EXISTS counters (
    register TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (register, year)
);

CREATE TABLE IF NOT EXISTS cases (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    register       TEXT NOT NULL,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    number         TEXT NOT NULL UNIQUE,
    received       TEXT NOT NULL,
    due            TEXT,
    forward_due    TEXT,
    status         TEXT NOT NULL,
    folder         TEXT,
    applicant_name TEXT NOT NULL DEFAULT '',
    data           TEXT NOT NULL DEFAULT '{}',
    source_id      INTEGER REFERENCES sources(id),
    source_row     INTEGER NOT NULL DEFAULT 0,
    void_reason    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (register, year, seq),
    UNIQUE (source_id, source_row)
);
CREATE INDEX IF NOT EXISTS cases_status ON cases(status);
-- a form's fingerprint and its applicant's (pipeline.jobs.filing: resubmissions are recognised)
CREATE INDEX IF NOT EXISTS cases_same_form ON cases(json_extract(data, '$.sidik.isi'));
CREATE INDEX IF NOT EXISTS cases_same_applicant ON cases(json_extract(data, '$.sidik.pemohon'));
-- a year's register in order, with what it shows of each row's state, from the index alone
CREATE INDEX IF NOT EXISTS cases_register_rows ON cases(kind, year, seq, status);
DROP INDEX IF EXISTS cases_kind_year;

CREATE TABLE IF NOT EXISTS letters (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    letter     TEXT NOT NULL,
    number     TEXT,
    doc_id     TEXT UNIQUE,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, letter)
);

CREATE TABLE IF NOT EXISTS events (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at      TEXT NOT NULL,
    event   TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS events_case ON events(case_id);

-- Cases whose archive folder is being changed, and what is owed once it has: ``sync`` (the database follows
-- the folder), ``filed`` (the kind's follow-up of a new case), ``signed:<doc id>:<letter>`` (a signed copy's
-- follow-up). The row goes when all is done, so a kill in between is finished at the next start.
CREATE TABLE IF NOT EXISTS pending (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    owed    TEXT NOT NULL DEFAULT 'sync'
);

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every change to a case (its row or a new event) gives it the next revision, so the views
-- (pipeline.views) rewrite only what changed since they were last written.
CREATE TABLE IF NOT EXISTS case_revs (
    case_id INTEGER PRIMARY KEY,
    rev     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS case_revs_rev ON case_revs(rev);
CREATE TRIGGER IF NOT EXISTS case_inserted AFTER INSERT ON cases BEGIN
    INSERT OR REPLACE INTO case_revs VALUES (NEW.id, (SELECT IFNULL(MAX(rev), 0) + 1 FROM case_revs));
END;
CREATE TRIGGER IF NOT EXISTS case_updated AFTER UPDATE ON cases BEGIN
    INSERT OR REPLACE INTO case_revs VALUES (NEW.id, (SELECT IFNULL(MAX(rev), 0) + 1 FROM case_revs));
END;
CREATE TRIGGER IF NOT EXISTS case_event_added AFTER INSERT ON events BEGIN
    INSERT OR REPLACE INTO case_revs VALUES (NEW.case_id, (SELECT IFNULL(MAX(rev), 0) + 1 FROM case_revs));
END;
"""

# Case status while its folder is being built, and once given up; a filed case's status follows its
# event log (pipeline.store.events).
STAGING = "disiapkan"
VOID = "batal"


@dataclass
class Source:
    id: int
    sha256: str
    original_name: str
    size: int
    received_at: str
    state: str
    archive_path: str | None = None
    dropped_at: str | None = None      # when the file appeared in the inbox (its inode change time), ISO


@dataclass
class Case:
    """A case as plain data: what the register, the letters and the CLI show."""

    id: int
    kind: str
    register: str
    year: int
    seq: int
    number: str
    received: date
    due: date | None
    forward_due: date | None
    status: str
    folder: str | None
    applicant_name: str
    data: dict = field(default_factory=dict)
    source_id: int | None = None
    source_row: int = 0
    void_reason: str | None = None

    @property
    def is_filed(self) -> bool:
        return self.status not in (STAGING, VOID)

    def as_json(self) -> dict:
        return {
            "nomor": self.number,
            "jenis": self.kind,
            "pemohon": self.applicant_name,
            "diterima": self.received.isoformat(),
            "tenggat_pemberitahuan": self.due.isoformat() if self.due else None,
            "target_ppid_pelaksana": self.forward_due.isoformat() if self.forward_due else None,
            "status": self.status,
            "folder_arsip": self.folder,
            "alasan_batal": self.void_reason,
            "terdaftar": self.data.get("terdaftar"),
            "didaftarkan_terlambat": bool(self.data.get("didaftarkan_terlambat")),
        }


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@functools.lru_cache(maxsize=4096)   # a register reads 100 000 cases received on a few hundred days
def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


_COLUMNS_BUT_DATA = ", ".join(f"c.{name}" for name in (
    "id", "kind", "register", "year", "seq", "number", "received", "due", "forward_due", "status", "folder",
    "applicant_name", "source_id", "source_row", "void_reason"))


def _highest_in_series(c: sqlite3.Connection, pattern: str, year: int) -> int:
    """The highest serial of ``pattern`` among the letter numbers given in ``year`` (0 when none)."""
    rows = c.execute("SELECT number FROM letters WHERE number IS NOT NULL AND doc_id LIKE ?", (f"DOK-{year}-%",))
    return max((seq for (number,) in rows if (seq := seq_of(pattern, number)) is not None), default=0)


class Database:
    """One connection, serialised by a lock: the pipeline's writes are few and short."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        if "dropped_at" not in {row[1] for row in self._conn.execute("PRAGMA table_info(sources)")}:
            self._conn.execute("ALTER TABLE sources ADD COLUMN dropped_at TEXT")
        case_columns = {row[1] for row in self._conn.execute("PRAGMA table_info(cases)")}
        for column in ("manifest_sha", "log_head"):   # what the archive held when the case last changed
            if column not in case_columns:
                self._conn.execute(f"ALTER TABLE cases ADD COLUMN {column} TEXT")
        if "owed" not in {row[1] for row in self._conn.execute("PRAGMA table_info(pending)")}:
            self._conn.execute("ALTER TABLE pending ADD COLUMN owed TEXT NOT NULL DEFAULT 'sync'")
        self._lock = threading.RLock()
        self.id = self.meta("database_id") or self._begin_revisions()

    def _begin_revisions(self) -> str:
        """Name this database (the views' caches belong to one) and give cases older than the
        revision triggers a revision each."""
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO case_revs SELECT id, id FROM cases")
            c.execute("INSERT OR IGNORE INTO meta VALUES ('database_id', ?)", (uuid.uuid4().hex,))
            return c.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # -- sources -----------------------------------------------------------------------------

    def sources_with_sha(self, sha256: str) -> list[Source]:
        rows = self._query("SELECT * FROM sources WHERE sha256 = ? ORDER BY id", (sha256,))
        return [self._source(r) for r in rows]

    def add_source(self, sha256: str, original_name: str, size: int, state: str, *, dropped_at: str | None = None) -> Source:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO sources (sha256, original_name, size, received_at, state, dropped_at) VALUES (?,?,?,?,?,?)",
                (sha256, original_name, size, _now(), state, dropped_at),
            )
            return self._source(c.execute("SELECT * FROM sources WHERE id = ?", (cur.lastrowid,)).fetchone())

    def set_source_state(self, source_id: int, state: str, *, archive_path: str | None = None, note: str | None = None) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE sources SET state = ?, archive_path = COALESCE(?, archive_path), note = COALESCE(?, note) WHERE id = ?",
                (state, archive_path, note, source_id),
            )

    def source(self, source_id: int) -> Source:
        return self._source(self._query("SELECT * FROM sources WHERE id = ?", (source_id,))[0])

    def unfinished_sources(self) -> list[Source]:
        rows = self._query("SELECT * FROM sources WHERE state IN ('processing', 'filed', 'setting_aside') ORDER BY id")
        return [self._source(r) for r in rows]

    @staticmethod
    def _source(row: sqlite3.Row) -> Source:
        return Source(row["id"], row["sha256"], row["original_name"], row["size"], row["received_at"], row["state"],
                      row["archive_path"], row["dropped_at"])

    # -- cases and numbers ---------------------------------------------------------------------

    def open_case(
        self,
        *,
        kind: str,
        register: str,
        year: int,
        number_for,
        received: date,
        applicant_name: str,
        data: dict,
        source_id: int,
        source_row: int,
    ) -> Case:
        """Return the case of (source, row), creating it with the next number of the register.

        ``number_for(seq) -> str`` formats the number. Re-running for the same source and row returns
        the existing case, so a restart resumes the same number instead of taking a new one.
        """
        with self.transaction() as c:
            row = c.execute("SELECT * FROM cases WHERE source_id = ? AND source_row = ?", (source_id, source_row)).fetchone()
            if row:
                return self._case(row)
            seq = self._next_seq(c, register, year)
            now = _now()
            cur = c.execute(
                """INSERT INTO cases (kind, register, year, seq, number, received, status, applicant_name, data,
                                      source_id, source_row, created_at, updated_at)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (kind, register, year, seq, number_for(seq), received.isoformat(), STAGING, applicant_name,
                 json.dumps(data, ensure_ascii=False), source_id, source_row, now, now),
            )
            return self._case(c.execute("SELECT * FROM cases WHERE id = ?", (cur.lastrowid,)).fetchone())

    @staticmethod
    def _next_seq(c: sqlite3.Connection, register: str, year: int) -> int:
        c.execute("INSERT OR IGNORE INTO counters (register, year, last_seq) VALUES (?, ?, 0)", (register, year))
        c.execute("UPDATE counters SET last_seq = last_seq + 1 WHERE register = ? AND year = ?", (register, year))
        return c.execute("SELECT last_seq FROM counters WHERE register = ? AND year = ?", (register, year)).fetchone()[0]

    def plan_case(self, case_id: int, *, folder: str, due: date | None, forward_due: date | None, data: dict) -> None:
        """Record the folder the case is being filed into, its due dates and data (before filing starts)."""
        with self.transaction() as c:
            c.execute(
                "UPDATE cases SET folder = ?, due = ?, forward_due = ?, data = ?, updated_at = ? WHERE id = ?",
                (folder, due.isoformat() if due else None, forward_due.isoformat() if forward_due else None,
                 json.dumps(data, ensure_ascii=False), _now(), case_id),
            )

    def void_case(self, case_id: int, reason: str) -> None:
        """The number stays taken; the case has no folder and no deadlines (nothing was filed)."""
        with self.transaction() as c:
            c.execute("UPDATE cases SET status = ?, void_reason = ?, folder = NULL, due = NULL, forward_due = NULL, "
                      "updated_at = ? WHERE id = ?", (VOID, reason, _now(), case_id))

    def cases_of_source(self, source_id: int) -> list[Case]:
        return [self._case(r) for r in self._query("SELECT * FROM cases WHERE source_id = ? ORDER BY source_row", (source_id,))]

    def unfinished_cases_without_source(self) -> list[Case]:
        """Cases the pipeline opened itself (a DIP recap) that a killed run left being filed."""
        return [self._case(r) for r in self._query("SELECT * FROM cases WHERE status = ? AND source_id IS NULL", (STAGING,))]

    def cases_with_fingerprint(self, kind: str, fingerprint: str) -> list[Case]:
        """Cases of ``kind`` filed from the same form as one with this fingerprint (void ones left out)."""
        rows = self._query("SELECT * FROM cases WHERE json_extract(data, '$.sidik.isi') = ? AND kind = ? AND status != ? "
                           "ORDER BY id", (fingerprint, kind, VOID))
        return [self._case(r) for r in rows]

    def cases_of_applicant(self, kind: str, applicant: str) -> list[Case]:
        """Cases of ``kind`` of the same applicant (by the fingerprint of their identity), void ones left out."""
        rows = self._query("SELECT * FROM cases WHERE json_extract(data, '$.sidik.pemohon') = ? AND kind = ? "
                           "AND status != ? ORDER BY id", (applicant, kind, VOID))
        return [self._case(r) for r in rows]

    def case_by_id(self, case_id: int) -> Case:
        return self._case(self._query("SELECT * FROM cases WHERE id = ?", (case_id,))[0])

    def case_by_number(self, number: str) -> Case | None:
        rows = self._query("SELECT * FROM cases WHERE number = ?", (number,))
        return self._case(rows[0]) if rows else None

    def cases(self, *, kind: str | None = None, year: int | None = None) -> list[Case]:
        """Cases in register order."""
        sql, params = "SELECT * FROM cases WHERE 1=1", []
        if kind:
            sql, params = sql + " AND kind = ?", params + [kind]
        if year:
            sql, params = sql + " AND year = ?", params + [year]
        return [self._case(r) for r in self._query(sql + " ORDER BY register, year, seq", params)]

    def register_chunks(self, kind: str, year: int, size: int) -> list[tuple[int, int, int, int]]:
        """A year's register (cases still being filed left out) cut into runs of ``size`` rows:
        (rows, first seq, last seq, newest revision) of each run, in order.

        An objection's row shows its request's details, so the request's revision counts too.
        """
        linked = ("LEFT JOIN cases q ON q.number = json_extract(c.data, '$.nomor_permohonan') "
                  "LEFT JOIN case_revs qr ON qr.case_id = q.id") if kind == "keberatan" else ""
        rev = "MAX(r.rev, IFNULL(qr.rev, 0))" if linked else "r.rev"
        rows = self._query(
            f"""SELECT COUNT(*), MIN(seq), MAX(seq), MAX(rev) FROM (
                    SELECT (ROW_NUMBER() OVER (ORDER BY c.seq) - 1) / ? AS chunk, c.seq AS seq, {rev} AS rev
                    FROM cases c JOIN case_revs r ON r.case_id = c.id {linked}
                    WHERE c.kind = ? AND c.year = ? AND c.status != ?)
                GROUP BY chunk ORDER BY chunk""", (size, kind, year, STAGING))
        return [tuple(row) for row in rows]

    def highest_numbers(self) -> dict[str, int]:
        """The highest serial given per ``register/year`` (the outgoing letters' series left out): the counters,
        which are never behind the cases they numbered."""
        rows = self._query("SELECT register, year, last_seq FROM counters WHERE register != 'surat'")
        return {f"{register}/{year}": seq for register, year, seq in rows}

    def revision(self) -> int:
        """The newest case revision: the database's state as the views see it."""
        return self._query("SELECT IFNULL(MAX(rev), 0) FROM case_revs")[0][0]

    def years_changed(self, since: int) -> list[int]:
        rows = self._query("SELECT DISTINCT c.year FROM case_revs r JOIN cases c ON c.id = r.case_id WHERE r.rev > ? "
                           "ORDER BY c.year", (since,))
        return [row[0] for row in rows]

    def changed_cases(self, since: int) -> tuple[list[Case], int]:
        """Cases changed after revision ``since`` (of their form data only the flags the views show), and the
        newest revision."""
        rows = self._query(f"SELECT {_COLUMNS_BUT_DATA}, r.rev, json_extract(c.data, '$.didaftarkan_terlambat') AS late "
                           "FROM case_revs r JOIN cases c ON c.id = r.case_id WHERE r.rev > ?", (since,))
        cases = []
        for row in rows:
            case = self._case(row, with_data=False)
            if row["late"]:
                case.data = {"didaftarkan_terlambat": row["late"]}
            cases.append(case)
        return cases, max((r["rev"] for r in rows), default=since)

    def register_cases(self, kind: str, year: int, first_seq: int, last_seq: int) -> list[Case]:
        """A slice of a year's register: its cases with ``first_seq <= seq <= last_seq``, in order."""
        rows = self._query("SELECT * FROM cases WHERE kind = ? AND year = ? AND status != ? AND seq BETWEEN ? AND ? "
                           "ORDER BY seq", (kind, year, STAGING, first_seq, last_seq))
        return [self._case(r) for r in rows]

    @staticmethod
    def _case(row: sqlite3.Row, with_data: bool = True) -> Case:
        return Case(
            id=row["id"], kind=row["kind"], register=row["register"], year=row["year"], seq=row["seq"],
            number=row["number"], received=_date(row["received"]), due=_date(row["due"]),
            forward_due=_date(row["forward_due"]), status=row["status"], folder=row["folder"],
            applicant_name=row["applicant_name"], data=orjson.loads(row["data"]) if with_data else {}, source_id=row["source_id"],
            source_row=row["source_row"], void_reason=row["void_reason"],
        )

    # -- letters and events --------------------------------------------------------------------

    def letter_number(self, case_id: int, letter: str, *, year: int, number_for=None, register: str = "surat",
                      pattern: str = "") -> tuple[str | None, str]:
        """The (letter number, document ID) of a case's letter, allocated once and kept on restarts.

        ``register`` is the series' counter (per year). A counter that has no row yet starts from the highest number
        of ``pattern`` already given that year (read back from the letters' numbers): ``ppid reindex`` restores the
        agency's "surat" counter only, and no series may give a number twice after it."""
        with self.transaction() as c:
            row = c.execute("SELECT number, doc_id FROM letters WHERE case_id = ? AND letter = ?", (case_id, letter)).fetchone()
            if row:
                return row["number"], row["doc_id"]
            number = None
            if number_for:
                if pattern:
                    c.execute("INSERT OR IGNORE INTO counters (register, year, last_seq) VALUES (?, ?, ?)",
                              (register, year, _highest_in_series(c, pattern, year)))
                number = number_for(self._next_seq(c, register, year))
            cur = c.execute(
                "INSERT INTO letters (case_id, letter, number, created_at) VALUES (?,?,?,?)", (case_id, letter, number, _now())
            )
            doc_id = format_doc_id(year, cur.lastrowid)
            c.execute("UPDATE letters SET doc_id = ? WHERE id = ?", (doc_id, cur.lastrowid))
            return number, doc_id

    def letter_by_doc_id(self, doc_id: str) -> tuple[Case, str, str | None, str] | None:
        """(case, letter key, letter number, created) of a document ID, or None."""
        rows = self._query("SELECT case_id, letter, number, created_at FROM letters WHERE doc_id = ?", (doc_id,))
        if not rows:
            return None
        case = self._case(self._query("SELECT * FROM cases WHERE id = ?", (rows[0]["case_id"],))[0])
        return case, rows[0]["letter"], rows[0]["number"], rows[0]["created_at"]

    def begin_change(self, case_id: int, owed: str = "sync") -> None:
        """The case's archive folder is about to change; ``owed`` is what must follow (until :meth:`done_change`)."""
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO pending (case_id, owed) VALUES (?, ?)", (case_id, owed))

    def owed(self, case_id: int) -> str | None:
        rows = self._query("SELECT owed FROM pending WHERE case_id = ?", (case_id,))
        return rows[0]["owed"] if rows else None

    def done_change(self, case_id: int) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM pending WHERE case_id = ?", (case_id,))

    def pending_cases(self) -> list[tuple[Case, str]]:
        """Cases a kill left with their change unfinished, and what is owed for each."""
        rows = self._query("SELECT c.*, p.owed FROM cases c JOIN pending p ON p.case_id = c.id ORDER BY c.id")
        return [(self._case(r), r["owed"]) for r in rows]

    def set_history(self, case_id: int, events: list[dict], *, status: str, due: str | None, forward_due: str | None,
                    data: dict, folder: str | None = None, void_reason: str | None = None,
                    manifest_sha: str | None = None, log_head: str | None = None) -> None:
        """The case as its archive folder tells it: its events and the state they lead to, in one transaction."""
        with self.transaction() as c:
            known = [(r["at"], r["event"], r["detail"]) for r in
                     c.execute("SELECT at, event, detail FROM events WHERE case_id = ? ORDER BY id", (case_id,))]
            rows = [(e["at"], e["event"], json.dumps({k: v for k, v in e.items() if k not in ("at", "event")},
                                                     ensure_ascii=False)) for e in events]
            if rows[:len(known)] == known:
                new = rows[len(known):]        # the usual case: the log grew at its end
            else:
                c.execute("DELETE FROM events WHERE case_id = ?", (case_id,))
                new = rows
            c.executemany("INSERT INTO events (case_id, at, event, detail) VALUES (?,?,?,?)",
                          [(case_id, *row) for row in new])
            c.execute("UPDATE cases SET status = ?, due = ?, forward_due = ?, data = ?, folder = COALESCE(?, folder), "
                      "void_reason = ?, manifest_sha = ?, log_head = ?, updated_at = ? WHERE id = ?",
                      (status, due, forward_due, json.dumps(data, ensure_ascii=False), folder, void_reason,
                       manifest_sha, log_head, _now(), case_id))

    def cases_touched_on(self, day: date) -> list[Case]:
        """Cases with an event on ``day`` (local date), in the order of their first event that day."""
        rows = self._query(
            """SELECT cases.* FROM cases JOIN (SELECT case_id, MIN(at) AS first FROM events
                                            WHERE substr(at, 1, 10) = ? GROUP BY case_id) AS t ON t.case_id = cases.id
               ORDER BY t.first""", (day.isoformat(),))
        return [self._case(r) for r in rows]

    def events(self, case_id: int) -> list[dict]:
        rows = self._query("SELECT at, event, detail FROM events WHERE case_id = ? ORDER BY id", (case_id,))
        return [{"at": r["at"], "event": r["event"], **orjson.loads(r["detail"])} for r in rows]
