"""One writer per workspace: the locks beside the database, on the local disk.

- The **runner lock** (``ppid.runner``) is held by ``ppid watch`` and ``ppid process`` for as long as they run.
  A second one is refused at once, naming the first (PID, host, since when); so is ``ppid reindex`` while one
  runs (it replaces the database under it).
- The **work lock** (``ppid.lock``) is held while cases change: by the watcher while it has files in hand (its
  threads share it), by ``ppid decide``, ``ppid dip rekap`` and the like for their whole run. Another process
  waits for it, saying for whom it waits; work never interleaves.

Both are ``flock`` locks, released by the kernel when a process dies, so a killed run leaves nothing to clean.
``flock`` (like SQLite's locking) is not reliable over SMB or NFS: the database and the locks must be on a local
disk (:func:`network_filesystem`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

RUNNER_LOCK = "ppid.runner"
WORK_LOCK = "ppid.lock"
NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ceph", "glusterfs", "lustre", "9p", "davfs",
                       "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "ncpfs", "coda"}


class WorkspaceError(Exception):
    """The workspace cannot be used as it is; the message (Indonesian) says why and what to do."""


class WorkspaceBusy(WorkspaceError):
    """Another run holds the workspace; the message names it."""


def _describe(holder: str) -> str:
    """The holder written into a lock file ("<pid>\\t<host>\\t<since>\\t<command>") as a phrase."""
    parts = holder.strip().split("\t")
    if len(parts) < 4:
        return "proses lain"
    pid, host, since, command = parts[:4]
    try:
        since = datetime.fromisoformat(since).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        pass
    return f"`ppid {command}` (PID {pid} di {host}, sejak {since})"


def _stamp(fd: int, command: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\t{socket.gethostname()}\t{datetime.now().isoformat(timespec='seconds')}\t{command}\n"
              .encode(), 0)


def _holder(fd: int) -> str:
    return _describe(os.pread(fd, 512, 0).decode("utf-8", "replace"))


def _open(folder: Path, name: str) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    return os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o640)


class RunnerLock:
    """Held for the life of ``watch``/``process``; refused at once when another run holds it."""

    def __init__(self, folder: Path, command: str):
        self.fd = _open(folder, RUNNER_LOCK)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            holder = _holder(self.fd)
            os.close(self.fd)
            raise WorkspaceBusy(f"Ruang kerja ini sedang dipakai oleh {holder}. Hanya satu `ppid watch` atau "
                                "`ppid process` boleh berjalan pada satu ruang kerja.") from None
        _stamp(self.fd, command)

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class WorkLock:
    """Exclusive between processes, shared by the threads of one: the first thread in takes the ``flock``, the
    last one out releases it. ``on_wait(holder)`` is called once when another process holds it."""

    def __init__(self, folder: Path, command: str, on_wait: Callable[[str], None] | None = None):
        self.folder, self.command, self.on_wait = folder, command, on_wait
        self._guard = threading.Condition()
        self._holders = 0
        self._fd = -1

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._guard:
            if self._holders == 0:
                self._acquire()
            self._holders += 1
        try:
            yield
        finally:
            with self._guard:
                self._holders -= 1
                if self._holders == 0:
                    self._release()

    def _acquire(self) -> None:
        self._fd = _open(self.folder, WORK_LOCK)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if self.on_wait:
                self.on_wait(_holder(self._fd))
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        _stamp(self._fd, self.command)

    def _release(self) -> None:
        os.close(self._fd)      # closing the descriptor releases the flock
        self._fd = -1


def network_filesystem(path: Path, mountinfo: str | None = None) -> str | None:
    """The network filesystem type ``path`` lives on ("cifs", "nfs4"...), or None on a local disk.

    From ``/proc/self/mountinfo``: the mount with the longest mount point containing the path."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return None
    target = str(path.resolve())
    best, fstype = "", None
    for line in mountinfo.splitlines():
        fields = line.split(" - ", 1)
        if len(fields) != 2:
            continue
        mount_point = fields[0].split()[4].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fstype = mount_point, fields[1].split()[0]
    return fstype if fstype in NETWORK_FILESYSTEMS else None


def check_local_disk(folder: Path) -> None:
    """Refuse a database (and its locks) on a network filesystem."""
    fstype = network_filesystem(folder)
    if fstype:
        raise WorkspaceError(f"Database dan kunci ruang kerja ada di folder jaringan ({fstype}): {folder}. SQLite dan "
                             "penguncian berkas tidak aman di sana. Letakkan paths.database di disk lokal server; "
                             "hanya folder masuk dan folder siap tanda tangan yang boleh di folder bersama.")
