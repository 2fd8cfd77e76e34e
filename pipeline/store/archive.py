"""The dated archive: case folders built in a staging folder and renamed into place.

A case folder holds the original form, attachments, the generated docx, PDF/A and print PDFs,
``manifest.json`` (per file: role, sha256, size, created) and ``events.jsonl``, an append-only log.
Every file is written to a temporary name, fsynced and renamed; the folder itself is built under
``<archive>/.staging`` on the same filesystem and renamed into its dated place in one step, so a
reader never sees half a case. Nothing in the archive is ever overwritten.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from pipeline.core.files import (
    DIR_MODE,
    FILE_MODE,
    ArchiveError,
    fsync_dir,
    now_iso,
    sha256_file,
    write_atomic,
)
from pipeline.store.paths import EVENT_LOG, MANIFEST, NUMBERS_FILE, STAGING_DIR, void_record


@dataclass
class ManifestEntry:
    path: str
    role: str
    sha256: str
    size: int
    created: str
    original_name: str | None = None
    extra: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        entry = {"path": self.path, "role": self.role, "sha256": self.sha256, "size": self.size, "created": self.created}
        if self.original_name is not None:
            entry["original_name"] = self.original_name
        return {**entry, **self.extra}


@dataclass
class Staging:
    """A case folder under construction. Building it again from scratch is always safe."""

    root: Path
    final: Path
    relative: str
    entries: list[ManifestEntry] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    def add_bytes(self, name: str, data: bytes, role: str, *, original_name: str | None = None) -> Path:
        path = self.root / name
        write_atomic(path, data)
        self._record(path, role, hashlib.sha256(data).hexdigest(), original_name)
        return path

    def add_existing(self, path: Path, role: str, **extra) -> None:
        """Record a file already written into the staging folder (e.g. by the converter)."""
        os.chmod(path, FILE_MODE)
        self._record(path, role, sha256_file(path), None)
        self.entries[-1].extra.update(extra)

    def path(self, name: str) -> Path:
        return self.root / name

    def log(self, event: str, **detail) -> dict:
        entry = {"at": now_iso(), "event": event, **detail}
        self.events.append(entry)
        return entry

    def _record(self, path: Path, role: str, digest: str, original_name: str | None) -> None:
        self.entries.append(ManifestEntry(path.name, role, digest, path.stat().st_size, now_iso(), original_name))

    def commit(self, header: dict) -> Path:
        """Write manifest and event log, fsync, and rename the folder into its dated place."""
        manifest = {**header, "files": [e.as_json() for e in self.entries]}
        write_atomic(self.root / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        write_atomic(self.root / EVENT_LOG, chained(b"", self.events))
        fsync_dir(self.root)
        self.final.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        if self.final.exists():
            raise ArchiveError(f"Folder arsip sudah ada dan tidak akan ditimpa: {self.relative}")
        os.rename(self.root, self.final)
        fsync_dir(self.final.parent)
        return self.final


def read_event_log(folder: Path) -> list[dict]:
    path = folder / EVENT_LOG
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# -- the event log's chain ------------------------------------------------------------------------------------
#
# Each line carries ``rantai``: the sha256 of the line before it (of b"" for the first). An edited, removed or
# inserted line breaks the chain at the line after it; the database keeps the last line's digest and the
# manifest's (pipeline.store.ledger), so a line appended by hand or a changed manifest shows against it.

CHAIN_KEY = "rantai"


def chained(previous: bytes, entries: list[dict]) -> bytes:
    """The log lines for ``entries``, each chained to the line before it (``previous``: the log's last line)."""
    lines = []
    for entry in entries:
        line = json.dumps({**entry, CHAIN_KEY: hashlib.sha256(previous).hexdigest()}, ensure_ascii=False).encode()
        lines.append(line + b"\n")
        previous = line
    return b"".join(lines)


def last_line(path: Path) -> bytes:
    lines = [line for line in path.read_bytes().splitlines() if line.strip()]
    return lines[-1] if lines else b""


def chain_breaks(data: bytes) -> list[int]:
    """Line numbers (from 1) where the chain is broken: a line whose ``rantai`` is not the digest of the line
    before it, or an unchained line after a chained one (a line inserted by hand). Logs written before the
    chain existed have no ``rantai`` at all and pass."""
    breaks, previous, chained_seen = [], b"", False
    for number, line in enumerate((line for line in data.splitlines() if line.strip()), start=1):
        try:
            link = json.loads(line).get(CHAIN_KEY)
        except (ValueError, AttributeError):
            link = None
        if link is None:
            if chained_seen:
                breaks.append(number)
        else:
            chained_seen = True
            if link != hashlib.sha256(previous).hexdigest():
                breaks.append(number)
        previous = line
    return breaks


def _write_chained(path: Path, entries: list[dict]) -> None:
    with open(path, "ab") as fh:
        fh.write(chained(last_line(path), entries))
        fh.flush()
        os.fsync(fh.fileno())


def log_head(folder: Path) -> str:
    """The digest of the log's last line: what the database keeps to see a line appended or changed."""
    path = folder / EVENT_LOG
    return hashlib.sha256(last_line(path)).hexdigest() if path.is_file() else ""


class Archive:
    def __init__(self, root: Path):
        self.root = root
        self._numbers_lock = threading.Lock()
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / STAGING_DIR).mkdir(exist_ok=True, mode=DIR_MODE)

    def folder(self, relative: str) -> Path:
        return self.root / relative

    def is_complete(self, relative: str) -> bool:
        """A folder counts as filed when its manifest is there (it is written last before the rename)."""
        return (self.root / relative / MANIFEST).is_file()

    def begin(self, relative: str, token: str) -> Staging:
        """A fresh staging folder for ``relative``; leftovers of an interrupted attempt are discarded."""
        root = self.root / STAGING_DIR / token
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(mode=DIR_MODE)
        return Staging(root=root, final=self.root / relative, relative=relative)

    def begin_addition(self, relative: str, token: str) -> Staging:
        """A staging folder for files to add to the filed case ``relative`` (see :meth:`commit_addition`)."""
        if not self.is_complete(relative):
            raise ArchiveError(f"Folder perkara belum ada di arsip: {relative}")
        return self.begin(relative, token)

    def commit_addition(self, staging: Staging) -> None:
        """Move the staged files into the case folder, then rewrite its manifest, then append the events.

        Files already listed in the manifest are never replaced. A file in the folder but not in the
        manifest is a leftover of an interrupted addition (never archived), so it may be replaced.
        The manifest is an index, replaced atomically; the event log only grows.
        """
        folder = staging.final
        guard = os.open(folder, os.O_RDONLY)  # the folder itself is the lock: one addition at a time
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)
            self._add_files(folder, staging)
        finally:
            os.close(guard)
        shutil.rmtree(staging.root, ignore_errors=True)

    def _add_files(self, folder: Path, staging: Staging) -> None:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        listed = {entry["path"] for entry in manifest["files"]}
        for entry in staging.entries:
            if entry.path in listed:
                raise ArchiveError(f"Berkas {entry.path} sudah diarsipkan dan tidak akan ditimpa.")
        for entry in staging.entries:
            os.replace(staging.root / entry.path, folder / entry.path)
        fsync_dir(folder)
        manifest["files"].extend(e.as_json() for e in staging.entries)
        write_atomic(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode(), overwrite=True)
        _write_chained(folder / EVENT_LOG, staging.events)   # the folder is locked by commit_addition

    def record_void(self, year: int, number: str, record: dict) -> Path:
        """A voided number is written into the archive too (``<year>/batal/``): the tree alone tells the
        whole register, gaps included, so a rebuilt database gives the next number right."""
        path = void_record(self.root, year, number)
        path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        write_atomic(path, json.dumps(record, ensure_ascii=False, indent=2).encode(), overwrite=True)
        return path

    def note_number(self, register: str, year: int, seq: int) -> None:
        """The archive holds a case (or a void record) with this number: keep the highest per register and year,
        so a database that falls behind the archive is noticed (pipeline.store.ledger.check_caught_up)."""
        with self._numbers_lock:
            numbers = self.numbers() or {}
            key = f"{register}/{year}"
            if numbers.get(key, 0) >= seq:
                return
            numbers[key] = seq
            self.write_numbers(numbers)

    def write_numbers(self, numbers: dict[str, int]) -> None:
        write_atomic(self.root / NUMBERS_FILE, json.dumps(numbers, sort_keys=True, indent=1).encode(), overwrite=True)

    def numbers(self) -> dict[str, int] | None:
        """The highest number per ``register/year`` the archive holds; None for an archive from before it was kept."""
        try:
            return json.loads((self.root / NUMBERS_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def holds_cases(self) -> bool:
        """Whether any case folder is in the archive (looked for in the usual depths only: this is quick)."""
        return any(STAGING_DIR not in found.parts for depth in ("*", "*/*", "*/*/*", "*/*/*/*")
                   for found in self.root.glob(f"{depth}/{MANIFEST}"))

    def manifest(self, relative: str) -> dict:
        with open(os.path.join(self.root, relative, MANIFEST), "rb") as fh:   # the index reads 100 000 of them
            return orjson.loads(fh.read())

    def append_event(self, relative: str, event: str, **detail) -> dict:
        """Append one line to a filed case's event log (the only file in the archive that grows)."""
        entry = {"at": now_iso(), "event": event, **detail}
        self._append(self.root / relative / EVENT_LOG, [entry])
        return entry

    @staticmethod
    def _append(path: Path, entries: list[dict]) -> None:
        """Lines appended to a log, chained to its last line; the folder is locked meanwhile (one writer)."""
        guard = os.open(path.parent, os.O_RDONLY)
        try:
            fcntl.flock(guard, fcntl.LOCK_EX)
            _write_chained(path, entries)
        finally:
            os.close(guard)
