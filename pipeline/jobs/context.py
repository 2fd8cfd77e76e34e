"""The job context: everything a step needs, opened once per run (config, database, archive, calendar,
the LibreOffice pool started on first use, the workspace's work lock)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.config import Config
from pipeline.core.workdays import WorkCalendar, load_calendar
from pipeline.render.conversion import ConverterPool
from pipeline.render.letters import LetterSpec
from pipeline.render.templates import template_path
from pipeline.store.archive import Archive
from pipeline.store.db import Database
from pipeline.store.locks import WorkLock


@dataclass
class Context:
    """Everything a step needs, opened once per run."""

    config: Config
    db: Database
    archive: Archive
    calendar: WorkCalendar
    work_lock: WorkLock
    today: Callable[[], date] = date.today
    _converter: ConverterPool | None = None

    _converter_lock: threading.Lock = field(default_factory=threading.Lock)
    views_written: float = 0.0
    """When the views were last written (monotonic): the watcher writes them at most every few seconds."""
    stale_desks: set[str] = field(default_factory=set)
    """Signers whose daily waiting sheet must be written again (batched like the registers)."""
    _byte_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _byte_locks_guard: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def same_bytes_in_turn(self, sha: str) -> Iterator[None]:
        """Files with identical bytes are handled one after the other, never side by side: the second
        then sees the first as filed (a duplicate) or set aside, never as a crash leftover."""
        with self._byte_locks_guard:
            lock = self._byte_locks.setdefault(sha, threading.Lock())
        with lock:
            yield

    @property
    def converter(self) -> ConverterPool:
        # Started on first use (listing cases must not start LibreOffice), by one thread only.
        with self._converter_lock:
            if self._converter is None:
                pool = ConverterPool(self.config.libreoffice)
                pool.start()
                self._converter = pool
        return self._converter

    @contextmanager
    def working(self) -> Iterator[None]:
        """Cases change only under the workspace's work lock (pipeline.store.locks): the watcher's threads share
        it; another process waits until it is free, so work never interleaves."""
        with self.work_lock.held():
            yield

    def reload_calendar(self) -> bool:
        """Pick up an edited holiday file without a restart (the watcher calls this between files);
        True when the calendar changed."""
        calendar = load_calendar(self.config.deadlines)
        if calendar.fingerprint() == self.calendar.fingerprint():
            return False
        self.calendar = calendar
        return True

    def template(self, spec: LetterSpec) -> Path:
        return template_path(self.config.paths.templates, spec.template)

    def close(self) -> None:
        if self._converter is not None:
            self._converter.stop()
            self._converter = None
        self.db.close()
