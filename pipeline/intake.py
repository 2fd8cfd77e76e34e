"""The inbox: which files are candidates, when a file is ready, and watching for new ones.

A file is taken only after its size and mtime have stayed the same for ``stable_seconds``; a file that is
still growing is watched again and never given up. Office lock files, partial downloads, hidden files and
the pipeline's own subfolders are ignored. Native events (inotify) are used where they work; SMB/NFS
shares send none, so ``mode = "polling"`` uses watchdog's PollingObserver, and a periodic rescan catches
anything an observer missed.
"""

from __future__ import annotations

import fnmatch
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from .config import WatchSettings
from .reading import form_of_attachment, looks_like_attachment

log = logging.getLogger(__name__)

ORPHAN_ATTACHMENT_GRACE = 10.0

IGNORED_PATTERNS = (
    "~$*", "~WRL*.tmp", ".~lock.*#", "*.tmp", "*.part", "*.crdownload", "*.partial", "*.download",
    "Thumbs.db", "desktop.ini", ".DS_Store", "._*", ".*",
    "*.ALASAN.txt",
)


def is_ignored(name: str) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in IGNORED_PATTERNS)


def candidates(inbox: Path, skip: set[Path]) -> list[Path]:
    """Entries of the inbox the pipeline should look at, oldest first.

    Folders and symlinks are returned too (they are set aside with a reason rather than silently left),
    except the pipeline's own subfolders (``skip``).
    """
    entries = []
    try:
        listing = list(inbox.iterdir())
    except FileNotFoundError:
        return []
    for entry in listing:
        if is_ignored(entry.name) or entry.resolve() in skip:
            continue
        if form_of_attachment(entry) is not None:  # travels with its form (form.ktp.jpg)
            continue
        entries.append(entry)

    def mtime(p: Path) -> float:
        try:
            return p.lstat().st_mtime
        except FileNotFoundError:
            return 0.0

    return sorted(entries, key=lambda p: (mtime(p), p.name))


@dataclass
class StabilityTracker:
    """Remembers (size, mtime) per path; a path is ready once unchanged for ``stable_seconds``."""

    stable_seconds: float
    clock: callable = time.monotonic
    _seen: dict[Path, tuple[tuple[int, int], float]] = field(default_factory=dict)

    def ready(self, path: Path) -> bool:
        """Stable long enough; an attachment without its form waits longer (the form may still be coming)."""
        hold = ORPHAN_ATTACHMENT_GRACE if looks_like_attachment(path) else 0.0
        try:
            st = path.lstat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return False
        signature = (st.st_size, st.st_mtime_ns)
        now = self.clock()
        previous = self._seen.get(path)
        if previous is None or previous[0] != signature:
            self._seen[path] = (signature, now)
            return self.stable_seconds + hold <= 0
        return now - previous[1] >= self.stable_seconds + hold

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def waiting(self) -> list[Path]:
        return list(self._seen)


class _Nudge(FileSystemEventHandler):
    def __init__(self, wake: threading.Event):
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.wake.set()


class InboxWatcher:
    """Calls ``handle(path)`` once per ready file until ``stop`` is set.

    Events only wake the loop; the loop itself decides what is ready, so duplicate or lost events change
    nothing. ``in_flight`` keeps a file from being handed over twice while it is being processed.
    """

    def __init__(self, inbox: Path, settings: WatchSettings, skip: set[Path], handle, on_idle=None):
        self.inbox = inbox
        self.on_idle = on_idle  # called once the inbox is quiet after some work (e.g. write the registers)
        self.settings = settings
        self.skip = {p.resolve() for p in skip}
        self.handle = handle
        self.tracker = StabilityTracker(settings.stable_seconds)
        self.in_flight: set[Path] = set()
        self.wake = threading.Event()
        self.stop = threading.Event()

    def _observer(self):
        if self.settings.mode == "polling":
            return PollingObserver(timeout=self.settings.poll_seconds)
        return Observer()

    def run(self) -> None:
        observer = self._observer()
        observer.schedule(_Nudge(self.wake), str(self.inbox), recursive=False)
        observer.start()
        log.info("Memantau %s (mode %s)", self.inbox, self.settings.mode)
        last_rescan = 0.0
        busy = False
        try:
            while not self.stop.is_set():
                now = time.monotonic()
                self.wake.clear()
                rescan_due = now - last_rescan >= self.settings.rescan_seconds
                busy = self.pass_once() > 0 or busy
                if busy and not self.tracker.waiting() and self.on_idle:
                    self.on_idle()
                    busy = False
                if rescan_due:
                    last_rescan = now
                # While files are settling, look again soon; otherwise sleep until an event or rescan.
                wait = 0.25 if self.tracker.waiting() else min(self.settings.rescan_seconds, 5.0)
                self.wake.wait(wait)
        finally:
            observer.stop()
            observer.join(timeout=5)

    def pass_once(self) -> int:
        handled = 0
        for path in candidates(self.inbox, self.skip):
            if self.stop.is_set():
                break
            if path in self.in_flight or not self.tracker.ready(path):
                continue
            self.in_flight.add(path)
            try:
                self.handle(path)
                handled += 1
            finally:
                self.in_flight.discard(path)
                self.tracker.forget(path)
        return handled
