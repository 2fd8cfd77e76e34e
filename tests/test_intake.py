"""The inbox rules: what is ignored, when a file counts as ready, and real watchdog events."""

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.core.config import WatchSettings
from pipeline.intake.watching import (
    INCOMPLETE,
    READY,
    InboxWatcher,
    StabilityTracker,
    candidates,
    is_ignored,
    open_for_writing,
)


@pytest.mark.parametrize("name", [
    "~$rmulir.docx", "~WRL0005.tmp", ".~lock.formulir.docx#", "unduhan.tmp", "berkas.part",
    "berkas.docx.crdownload", "Thumbs.db", "desktop.ini", ".DS_Store", "._formulir.docx", ".tersembunyi.docx",
    "THUMBS.DB", "x.docx.ALASAN.txt",
])
def test_lock_and_temporary_files_are_ignored(name):
    assert is_ignored(name)


@pytest.mark.parametrize("name", ["formulir.docx", "permohonan 16 maret.xlsx", "scan.pdf", "form.ktp.jpg"])
def test_forms_are_not_ignored(name):
    assert not is_ignored(name)


def test_candidates_skip_own_folders_and_sort_oldest_first(tmp_path):
    (tmp_path / "_disisihkan").mkdir()
    (tmp_path / "baru.docx").write_bytes(b"b")
    (tmp_path / "lama.docx").write_bytes(b"a")
    os.utime(tmp_path / "lama.docx", (1, 1))
    (tmp_path / "~$baru.docx").write_bytes(b"lock")
    found = candidates(tmp_path, {(tmp_path / "_disisihkan").resolve()})
    assert [p.name for p in found] == ["lama.docx", "baru.docx"]


def test_a_growing_file_is_never_ready_until_it_stops_growing(tmp_path):
    now = [0.0]
    tracker = StabilityTracker(2.0, clock=lambda: now[0])
    path = tmp_path / "besar.docx"
    path.write_bytes(b"x")
    assert not tracker.ready(path)
    for step in range(10):  # keeps growing for 20 s: never ready, never given up
        now[0] += 2.5
        with open(path, "ab") as fh:
            fh.write(b"more")
        assert not tracker.ready(path)
    now[0] += 1.0
    assert not tracker.ready(path)   # unchanged for 1 s only
    now[0] += 1.5
    assert tracker.ready(path)       # unchanged for 2.5 s


def _run_watcher(inbox: Path, mode: str, handled: list[str]):
    settings = WatchSettings(mode=mode, stable_seconds=0.3, poll_seconds=0.2, rescan_seconds=3600)
    def handle(path: Path):
        handled.append(path.name)
        path.unlink()
    watcher = InboxWatcher(inbox, settings, set(), handle)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    return watcher, thread


@pytest.mark.parametrize("mode", ["native", "polling"])
def test_watcher_takes_each_dropped_file_once(tmp_path, mode):
    """Real watchdog observers (inotify and polling), real files; the rescan is disabled (1 h)."""
    handled: list[str] = []
    watcher, thread = _run_watcher(tmp_path, mode, handled)
    try:
        time.sleep(0.5)
        for i in range(3):
            with zipfile.ZipFile(tmp_path / f"formulir-{i}.docx", "w") as package:   # whole: its directory is there
                package.writestr("word/document.xml", bytes([65 + i]) * 100)
        (tmp_path / "~$formulir-0.docx").write_bytes(b"lock")
        deadline = time.monotonic() + 15
        while len(handled) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.6)
    finally:
        watcher.stop.set()
        watcher.wake.set()
        thread.join(10)
    assert sorted(handled) == ["formulir-0.docx", "formulir-1.docx", "formulir-2.docx"]
    assert not thread.is_alive()


def _docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", (text * 2000).encode())
    return buffer.getvalue()


def test_a_slow_copy_is_taken_only_when_whole(tmp_path):
    """A copy over a slow link: chunks with pauses far longer than the stability window. The zip's central
    directory comes last, so the file is taken only then, byte for byte."""
    whole = _docx_bytes("formulir permohonan ")
    taken: list[bytes] = []
    settings = WatchSettings(mode="native", stable_seconds=0.2, poll_seconds=0.2, rescan_seconds=3600,
                             incomplete_seconds=60)
    watcher = InboxWatcher(tmp_path, settings, set(), lambda path: (taken.append(path.read_bytes()), path.unlink()))
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        target = tmp_path / "lambat.docx"
        step = len(whole) // 4 + 1
        for start in range(0, len(whole), step):
            with open(target, "ab") as fh:
                fh.write(whole[start:start + step])
            time.sleep(1.0)                       # five times the stability window
            if start + step < len(whole):
                assert taken == [], "taken half-written"
        deadline = time.monotonic() + 10
        while not taken and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        watcher.stop.set()
        watcher.wake.set()
        thread.join(10)
    assert taken == [whole]


def test_a_file_still_open_for_writing_waits(tmp_path):
    target = tmp_path / "terbuka.docx"
    writer = open(target, "wb")
    writer.write(_docx_bytes("isi "))
    writer.flush()
    tracker = StabilityTracker(stable_seconds=0, incomplete_seconds=3600)
    try:
        assert open_for_writing(target)
        assert tracker.state(target) == INCOMPLETE
    finally:
        writer.close()
    assert not open_for_writing(target)
    assert tracker.state(target) == READY
