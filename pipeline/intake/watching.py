"""The inbox: which files are candidates, when a file is ready, and watching for new ones.

A file is taken only after its size and mtime have stayed the same for ``stable_seconds``; a file that is
still growing is watched again and never given up. Office lock files, partial downloads, hidden files and
the pipeline's own subfolders are ignored. Native events (inotify) are used where they work; SMB/NFS
shares send none, so ``mode = "polling"`` uses watchdog's PollingObserver, and a periodic rescan catches
anything an observer missed.
"""

from __future__ import annotations

import errno
import fcntl
import fnmatch
import logging
import os
import re
import stat
import threading
import time
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from pipeline.core.config import WatchSettings
from pipeline.core.names import masked_name
from pipeline.intake.reading import looks_like_attachment

log = logging.getLogger(__name__)

ORPHAN_ATTACHMENT_GRACE = 10.0
READY, SETTLING, INCOMPLETE = "siap", "berubah", "belum lengkap"
IDLE_RETRY_SECONDS = 5.0
INCOMPLETE_RETRY_SECONDS = 1.0
WAIT_RETRY_SECONDS = 30.0      # a file that had to wait (a full disk) is tried again after this

IGNORED_PATTERNS = (
    "~$*", "~WRL*.tmp", ".~lock.*#", "*.tmp", "*.part", "*.crdownload", "*.partial", "*.download",
    "Thumbs.db", "desktop.ini", ".DS_Store", "._*", ".*",
    "*.ALASAN.txt",
)


_IGNORED = re.compile("|".join(fnmatch.translate(pattern.lower()) for pattern in IGNORED_PATTERNS))
_FORM_SUFFIXES = (".docx", ".xlsx")


def is_ignored(name: str) -> bool:
    return _IGNORED.match(name.lower()) is not None


def candidates(inbox: Path, skip: set[Path]) -> list[Path]:
    """Entries of the inbox the pipeline should look at, oldest first (see ``InboxListing``)."""
    return InboxListing(inbox, skip).current()


class InboxListing:
    """The inbox's candidates, oldest first, kept from one pass of the watcher to the next.

    Folders and symlinks are candidates too (they are set aside with a reason rather than silently
    left), except the pipeline's own subfolders (``skip``). An attachment whose form is there
    (``x.ktp.jpg`` beside ``x.docx``) travels with its form. The watcher lists the inbox after every
    finished file; with a backlog of 2 000 files, looking at every entry each time (ignore rules,
    lstat, a path object) cost a fifth of a core, so only entries new since the last pass are.
    """

    def __init__(self, inbox: Path, skip: set[Path]):
        self.inbox = inbox
        # By name: only the inbox's own children can be listed.
        self.own = {p.name for p in (q.resolve() for q in skip) if p.parent == inbox.resolve()}
        self._known: dict[str, _Entry | None] = {}     # None: ignored
        self._ordered: list[_Entry] = []

    def current(self) -> list[Path]:
        try:
            with os.scandir(self.inbox) as listing:
                entries = {entry.name: entry for entry in listing}
        except FileNotFoundError:
            entries = {}
        gone, new = self._known.keys() - entries.keys(), entries.keys() - self._known.keys()
        for name in gone:
            del self._known[name]
        for name in new:
            self._known[name] = None if is_ignored(name) or name in self.own else _Entry.of(entries[name])
        if new:
            self._ordered = sorted((entry for entry in self._known.values() if entry), key=lambda e: (e.mtime, e.name))
        elif gone:
            self._ordered = [entry for entry in self._ordered if entry.name not in gone]
        # An attachment travels with the form of exactly its stem (``X.ktp.jpg`` is not ``x.docx``'s).
        forms = {stem for stem, suffix in (os.path.splitext(name) for name in entries) if suffix.lower() in _FORM_SUFFIXES}
        return [entry.path for entry in self._ordered if entry.form_stem is None or entry.form_stem not in forms]


@dataclass(frozen=True)
class _Entry:
    mtime: float                   # when first seen: the order files are taken in
    name: str
    path: Path
    form_stem: str | None          # an attachment's form (``x`` of ``x.ktp.jpg``)

    @classmethod
    def of(cls, entry: os.DirEntry) -> _Entry:
        stem = entry.name.rsplit(".", 2)[0] if looks_like_attachment(entry.name) else None
        return cls(_mtime(entry), entry.name, Path(entry.path), stem)


def _mtime(entry: os.DirEntry) -> float:
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except FileNotFoundError:
        return 0.0


@dataclass
class StabilityTracker:
    """Remembers (size, mtime) per path; a path is ready once unchanged for ``stable_seconds`` and complete as a
    document (:func:`looks_complete`). A file that stays incomplete is taken after ``incomplete_seconds`` without
    a change, so a truly broken one is still set aside with its reason."""

    stable_seconds: float
    incomplete_seconds: float = 300.0
    clock: callable = time.monotonic
    _seen: dict[Path, tuple[tuple[int, int], float]] = field(default_factory=dict)

    def ready(self, path: Path) -> bool:
        return self.state(path) == READY

    def state(self, path: Path) -> str:
        """READY: stable long enough and complete; SETTLING: still changing (or an attachment without its form,
        which waits longer: the form may still be coming); INCOMPLETE: stable but not whole yet."""
        hold = ORPHAN_ATTACHMENT_GRACE if looks_like_attachment(path.name) else 0.0
        try:
            st = path.lstat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return SETTLING
        signature = (st.st_size, st.st_mtime_ns)
        now = self.clock()
        previous = self._seen.get(path)
        if previous is None or previous[0] != signature:
            self._seen[path] = (signature, now)
            previous = (signature, now)
        unchanged = now - previous[1]
        if unchanged < self.stable_seconds + hold:
            return SETTLING
        return READY if unchanged >= self.incomplete_seconds or looks_complete(path) else INCOMPLETE

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)



def looks_complete(path: Path) -> bool:
    """Whether the file is whole as far as can be told: nobody has it open for writing (where the OS can tell),
    and a zip (docx/xlsx) has its central directory, a PDF its end marker, a JPEG or PNG its last chunk. A copy
    over a slow link pauses longer than any stability window; these marks are written last."""
    try:
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode):
            return True          # folders and symlinks are set aside as they are
        if open_for_writing(path):
            return False
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW)) as fh:
            head = fh.read(8)
            fh.seek(max(0, st.st_size - 1024))
            tail = fh.read()
    except OSError:
        return False
    if head.startswith(b"PK"):
        return zipfile.is_zipfile(path)
    if b"%PDF" in head:
        return b"%%EOF" in tail
    if head.startswith(b"\xff\xd8"):
        return b"\xff\xd9" in tail
    if head.startswith(b"\x89PNG"):
        return b"IEND" in tail
    return True


def open_for_writing(path: Path) -> bool:
    """True when another process has the file open for writing. A read lease cannot be taken then (Linux); where
    leases are not available (network shares, files of another owner) this cannot be told: False."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return False
    except OSError as exc:
        return exc.errno in (errno.EAGAIN, errno.EBUSY)
    finally:
        os.close(fd)


class _Nudge(FileSystemEventHandler):
    def __init__(self, wake: threading.Event):
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.wake.set()


class InboxWatcher:
    """Hands each ready file once to ``handle(path)``, ``workers`` files at a time.

    Events only wake the loop; the loop itself decides what is ready, so duplicate or lost events change
    nothing, and the inbox is scanned again at least every ``rescan_seconds``. ``in_flight`` keeps a file
    from being handed over twice while it is processed; ``handled`` remembers files already handed over
    (by size, mtime and inode), so a file that could not be removed is not processed again unless it changes.
    ``handle`` may return a result with a true ``waiting`` (a full disk): the file is tried again after
    ``WAIT_RETRY_SECONDS`` (one pass leaves it in ``waiting``). On stop, files in hand are finished first: no
    case is left half-filed.
    """

    def __init__(self, inbox: Path, settings: WatchSettings, skip: set[Path], handle, *, workers: int = 1, on_idle=None):
        self.inbox = inbox
        self.settings = settings
        self.listing = InboxListing(inbox, {p.resolve() for p in skip})
        self.handle = handle
        self.workers = max(1, workers)
        self.on_idle = on_idle  # called when the inbox is quiet after some work; True = call again later
        self.tracker = StabilityTracker(settings.stable_seconds, settings.incomplete_seconds)
        self.in_flight: dict[Path, Future] = {}
        self.handled: dict[Path, tuple[int, int]] = {}
        self.incomplete: list[Path] = []
        self.submitted: dict[Path, tuple[int, int, int] | None] = {}
        self.retry_at: dict[Path, float] = {}
        self.waiting: list[Path] = []
        self.wake = threading.Event()
        self.stop = threading.Event()

    def run(self) -> None:
        """Watch until ``stop`` is set."""
        observer = PollingObserver(timeout=self.settings.poll_seconds) if self.settings.mode == "polling" else Observer()
        observer.schedule(_Nudge(self.wake), str(self.inbox), recursive=False)
        observer.start()
        log.info("Memantau %s (mode %s)", self.inbox, self.settings.mode)
        try:
            self._loop(until_empty=False)
        finally:
            observer.stop()
            observer.join(timeout=5)

    def drain(self) -> None:
        """Handle everything in the inbox, waiting for files still being written, then return."""
        self._loop(until_empty=True)

    def _loop(self, *, until_empty: bool) -> None:
        busy = True   # so the first quiet moment calls ``on_idle`` too (views a stopped run left unwritten)
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="berkas") as pool:
            while not self.stop.is_set():
                self.wake.clear()
                settling, incomplete = self._submit_ready(pool)
                busy = self._collect_finished() or busy
                if busy and not settling and not self.in_flight and self.on_idle:
                    busy = bool(self.on_idle())  # True: more to do later (e.g. a register write deferred)
                # One pass (``ppid process``) leaves a file that is stable but not whole in the inbox.
                self.incomplete = incomplete
                if until_empty and not settling and not self.in_flight:
                    break
                # All slots busy: nothing can start until one is free, and that sets ``wake``.
                full = len(self.in_flight) >= self.workers
                self.wake.wait(self.settings.rescan_seconds if full else 0.05 if settling or self.in_flight
                               else INCOMPLETE_RETRY_SECONDS if incomplete
                               else IDLE_RETRY_SECONDS if busy else self.settings.rescan_seconds)
            for future in list(self.in_flight.values()):  # stopping: finish what is in hand
                future.exception()
            self._collect_finished()

    def _submit_ready(self, pool: ThreadPoolExecutor) -> tuple[list[Path], list[Path]]:
        """Start every file that is ready; return the files still changing (or waiting for a free slot) and the
        files that are stable but not whole."""
        settling, incomplete = [], []
        now = time.monotonic()
        for path in self.listing.current():
            if path in self.in_flight or (path in self.handled and self.handled[path] == _signature(path)):
                continue
            if self.retry_at.get(path, 0) > now:
                continue
            if len(self.in_flight) >= self.workers:
                settling.append(path)
                continue
            state = self.tracker.state(path)
            if state == READY:
                future = pool.submit(self.handle, path)
                future.add_done_callback(lambda _future: self.wake.set())   # a free slot: look again
                self.in_flight[path] = future
                self.submitted[path] = _signature(path)
            else:
                (incomplete if state == INCOMPLETE else settling).append(path)
        return settling, incomplete

    def _collect_finished(self) -> bool:
        finished = [path for path, future in self.in_flight.items() if future.done()]
        for path in finished:
            future = self.in_flight.pop(path)
            self.tracker.forget(path)
            signature = _signature(path)
            # Still there and the same file: it could not be removed, so not again unless it changes. A file
            # replaced under the same name while it was handled is another file: it is looked at again.
            submitted = self.submitted.pop(path, None)
            if future.exception() is not None:
                log.error("Berkas %s gagal diproses: %r", masked_name(path.name), future.exception())
            elif getattr(future.result(), "waiting", ""):   # e.g. a full disk: tried again later, as it is
                self.retry_at[path] = time.monotonic() + WAIT_RETRY_SECONDS
                self.waiting.append(path)
                continue
            if signature is not None and signature == submitted:
                self.handled[path] = signature
        return bool(finished)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino
