"""Files written safely: through a temporary name, fsynced, renamed; copies checked by their sha256.

Every file the pipeline writes goes through here, so a crash never leaves half a file under its real
name and nothing is replaced unless the caller says so.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from datetime import datetime
from pathlib import Path

FILE_MODE = 0o640
DIR_MODE = 0o750


class ArchiveError(Exception):
    pass


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary(path: Path) -> Path:
    """A hidden name beside ``path``, unique per writer (threads of one process included)."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, rename; refuse to replace a file.

    ``durable=False`` skips the fsync, for views written again from records (a reader still never sees a half
    file: the rename is atomic)."""
    if path.exists() and not overwrite:
        raise ArchiveError(f"Berkas sudah ada dan tidak akan ditimpa: {path}")
    tmp = _temporary(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)   # a full disk leaves no hidden half file behind


def copy_atomic(src: Path, dest: Path) -> str:
    """Copy byte for byte through a temporary file; return the sha256, checked against the source."""
    if dest.exists():
        raise ArchiveError(f"Berkas sudah ada dan tidak akan ditimpa: {dest}")
    tmp = _temporary(dest)
    digest = hashlib.sha256()
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            for chunk in iter(lambda: fin.read(1 << 20), b""):
                digest.update(chunk)
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())
        os.chmod(tmp, FILE_MODE)
        if sha256_file(tmp) != digest.hexdigest():
            raise ArchiveError(f"Salinan tidak sama dengan aslinya: {src.name}")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)   # a full disk leaves no hidden half file behind
    return digest.hexdigest()
