"""Integrity check of the dated archive: every file against its manifest, every event log, the tree itself.

The walk finds case folders by their ``manifest.json`` at any depth (the folder pattern is configurable)
and queues each listed file for hashing; sha256 runs in a thread pool, since hashlib releases the GIL
on large buffers, so threads hash in parallel at the speed of the disk. Fast mode compares sizes only.

Problems are grouped by kind for the archivist (Indonesian text); paths are relative to the archive
root. Nothing from inside the files goes into the report, only names, sizes and line numbers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pipeline.store.archive import chain_breaks, log_head
from pipeline.store.paths import (
    EVENT_LOG,
    MANIFEST,
    REGISTER_PREFIX,
    ROOT_DIRS,
    ROOT_FILES,
    SOURCE_DIR,
    STAGING_DIR,
    VOID_DIR,
)

BERUBAH = "BERUBAH"
HILANG = "HILANG"
UKURAN = "UKURAN"
TAK_TERBACA = "TAK TERBACA"
TAK_TERDAFTAR = "TAK TERDAFTAR"
LOG_RUSAK = "LOG RUSAK"
MANIFEST_RUSAK = "MANIFEST RUSAK"
TANPA_MANIFEST = "FOLDER TANPA MANIFEST"
SISA_STAGING = "SISA STAGING"
SISA_SEMENTARA = "SISA SEMENTARA"
PERKARA_HILANG = "PERKARA HILANG"
MANIFEST_DIUBAH = "MANIFEST DIUBAH"
LOG_DIUBAH = "LOG DIUBAH"
TAK_DIKENAL = "FOLDER TAK DIKENAL"

KIND_TITLES = {
    BERUBAH: "isi berkas tidak sama dengan sidik sha256 di manifest",
    HILANG: "berkas tercantum di manifest tetapi tidak ada",
    UKURAN: "ukuran berkas tidak sama dengan manifest",
    TAK_TERBACA: "berkas ada tetapi tidak dapat dibaca",
    TAK_TERDAFTAR: "berkas atau folder yang tidak dikenal",
    LOG_RUSAK: "catatan peristiwa (events.jsonl) rusak",
    MANIFEST_RUSAK: "manifest.json tidak dapat dibaca",
    TANPA_MANIFEST: "folder perkara tanpa manifest (penulisan tidak selesai)",
    SISA_STAGING: "sisa pekerjaan di .staging",
    SISA_SEMENTARA: "berkas sementara sisa penulisan",
    PERKARA_HILANG: "folder perkara yang tercatat di database tidak ada (dihapus atau dipindah)",
    MANIFEST_DIUBAH: "manifest.json tidak sama dengan yang tercatat di database (diubah)",
    LOG_DIUBAH: "events.jsonl tidak sama dengan yang tercatat di database (baris ditambah atau diubah)",
    TAK_DIKENAL: "folder perkara yang tidak tercatat di database (dipindah atau ditambahkan)",
}
KIND_ORDER = list(KIND_TITLES)

YEAR_RE = re.compile(r"^\d{4}$")
REGISTER_RE = re.compile(rf"^{re.escape(REGISTER_PREFIX)}.+\.xlsx$")
TEMP_RE = re.compile(r"^\..+\.tmp(-\d+)?$")  # write_atomic's ".name.tmp-PID", the register's ".register-*.xlsx.tmp"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
DEFAULT_CASE_DEPTH = 3  # <tahun>/<bulan>/<nomor>
CHUNK = 4 << 20  # large reads: fewer syscalls, and hashlib drops the GIL for the whole buffer
MAX_LOG_ISSUES = 5  # per log; a log broken on every line needs one look, not a thousand lines


@dataclass(frozen=True)
class Problem:
    kind: str
    path: str
    detail: str = ""

    def as_json(self) -> dict:
        return {"kind": self.kind, "path": self.path, "detail": self.detail}


@dataclass
class VerifyReport:
    root: str
    fast: bool
    workers: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    folders: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Warnings (leftovers of interrupted work) do not make the archive unsound."""
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        return dict(Counter(p.kind for p in self.problems + self.warnings))

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict:
        return {
            "root": self.root, "fast": self.fast, "workers": self.workers, "ok": self.ok,
            "folders": self.folders, "files": self.files, "bytes": self.bytes,
            "seconds": round(self.seconds, 3), "mb_per_s": round(self.mb_per_s, 1), "counts": self.counts,
            "problems": [p.as_json() for p in self.problems], "warnings": [p.as_json() for p in self.warnings],
        }


@dataclass(frozen=True)
class HashJob:
    rel: str
    path: str
    sha256: str
    size: int


# -- the walk ----------------------------------------------------------------------------------------


@dataclass
class Walk:
    """What the walk found: problems so far, files to hash, and manifest-less folders to judge at the end."""

    root: Path
    fast: bool
    report: VerifyReport
    jobs: list[HashJob] = field(default_factory=list)
    case_depths: set[int] = field(default_factory=set)
    case_folders: set[str] = field(default_factory=set)
    orphans: list[tuple[str, int, list[str]]] = field(default_factory=list)

    def problem(self, kind: str, rel: str, detail: str = "") -> None:
        self.report.problems.append(Problem(kind, rel, detail))

    def warning(self, kind: str, rel: str, detail: str = "") -> None:
        self.report.warnings.append(Problem(kind, rel, detail))


def _rel(*parts: str) -> str:
    return "/".join(p for p in parts if p)


def _scan(path: Path) -> tuple[list[os.DirEntry], list[os.DirEntry], list[os.DirEntry]]:
    """Files, folders and anything else (symlinks, sockets) of a folder; symlinks are never followed."""
    files, dirs, other = [], [], []
    with os.scandir(path) as it:
        for entry in sorted(it, key=lambda e: e.name):
            if entry.is_symlink():
                other.append(entry)
            elif entry.is_file(follow_symlinks=False):
                files.append(entry)
            elif entry.is_dir(follow_symlinks=False):
                dirs.append(entry)
            else:
                other.append(entry)
    return files, dirs, other


def _unknown(walk: Walk, rel: str, name: str, *, is_dir: bool = False) -> None:
    """An entry nothing in the archive explains; temporary-file leftovers are only a warning."""
    if not is_dir and TEMP_RE.match(name):
        walk.warning(SISA_SEMENTARA, rel, "sisa penulisan yang terputus; aman dihapus bila pipeline tidak berjalan")
    else:
        walk.problem(TAK_TERDAFTAR, rel, "folder tidak dikenal" if is_dir else "berkas tidak dikenal")


def _unknown_others(walk: Walk, parent: str, others: list[os.DirEntry]) -> None:
    for entry in others:
        detail = "tautan simbolik (tidak diikuti)" if entry.is_symlink() else "bukan berkas biasa"
        walk.problem(TAK_TERDAFTAR, _rel(parent, entry.name), detail)


def walk_root(walk: Walk) -> None:
    files, dirs, others = _scan(walk.root)
    for entry in files:
        if entry.name not in ROOT_FILES:
            _unknown(walk, entry.name, entry.name)
    _unknown_others(walk, "", others)
    for entry in dirs:
        if entry.name == STAGING_DIR:
            check_staging(walk, Path(entry.path))
        elif entry.name not in ROOT_DIRS:
            walk_folder(walk, Path(entry.path), (entry.name,))


def check_staging(walk: Walk, path: Path) -> None:
    """Staging must be empty when nothing runs; a leftover is an interrupted case, rebuilt from scratch next time."""
    for name in sorted(os.listdir(path)):
        walk.warning(SISA_STAGING, _rel(STAGING_DIR, name),
                     "sisa pekerjaan yang terputus; aman dihapus bila pipeline tidak berjalan")


def walk_folder(walk: Walk, path: Path, parts: tuple[str, ...]) -> None:
    rel = _rel(*parts)
    try:
        files, dirs, others = _scan(path)
    except OSError as exc:  # one unreadable folder must not hide the rest of the archive
        walk.problem(TAK_TERBACA, rel, _os_error(exc))
        return
    names = {e.name for e in files}
    if MANIFEST in names:
        check_case(walk, path, rel, files, dirs, others)
        if not _is_source_folder(parts):
            walk.case_depths.add(len(parts))
        return
    _unknown_others(walk, rel, others)
    plain = [e.name for e in files if not _is_known_file(parts, e.name)]
    if EVENT_LOG in names or (plain and _is_source_folder(parts)):
        walk.problem(TANPA_MANIFEST, rel, _orphan_detail(len(files)))
    elif plain:
        walk.orphans.append((rel, len(parts), plain))  # judged once the case depth is known
    for entry in dirs:
        if len(parts) == 1 and YEAR_RE.match(parts[0]) and entry.name == VOID_DIR:
            check_void_folder(walk, Path(entry.path), _rel(rel, entry.name))
        else:
            walk_folder(walk, Path(entry.path), (*parts, entry.name))


def _is_source_folder(parts: tuple[str, ...]) -> bool:
    """``<tahun>/sumber/<sha16>``: an archived workbook, checked like a case."""
    return len(parts) == 3 and YEAR_RE.match(parts[0]) is not None and parts[1] == SOURCE_DIR


def _is_known_file(parts: tuple[str, ...], name: str) -> bool:
    """The regenerated Buku Register sits in its year folder."""
    return len(parts) == 1 and YEAR_RE.match(parts[0]) is not None and REGISTER_RE.match(name) is not None


def _orphan_detail(count: int) -> str:
    return f"{count} berkas tanpa manifest.json (penulisan tidak selesai atau manifest terhapus)"


def check_void_folder(walk: Walk, path: Path, rel: str) -> None:
    """``<tahun>/batal/``: one JSON record per voided number, nothing else."""
    files, dirs, others = _scan(path)
    for entry in files:
        if not entry.name.endswith(".json"):
            _unknown(walk, _rel(rel, entry.name), entry.name)
    for entry in dirs:
        _unknown(walk, _rel(rel, entry.name), entry.name, is_dir=True)
    _unknown_others(walk, rel, others)


def resolve_orphans(walk: Walk) -> None:
    """A manifest-less folder at the depth of case folders is a half-written case; elsewhere, stray files."""
    depths = walk.case_depths or {DEFAULT_CASE_DEPTH}
    for rel, depth, names in walk.orphans:
        if depth in depths:
            walk.problem(TANPA_MANIFEST, rel, _orphan_detail(len(names)))
        else:
            for name in names:
                _unknown(walk, _rel(rel, name), name)


# -- one case folder ---------------------------------------------------------------------------------


def check_case(walk: Walk, path: Path, rel: str, files: list[os.DirEntry], dirs: list[os.DirEntry],
               others: list[os.DirEntry]) -> None:
    walk.report.folders += 1
    walk.case_folders.add(rel)
    entries = read_manifest(walk, path, rel)
    check_event_log(walk, path / EVENT_LOG, _rel(rel, EVENT_LOG))
    _unknown_others(walk, rel, others)
    for entry in dirs:
        walk.problem(TAK_TERDAFTAR, _rel(rel, entry.name), "folder di dalam folder perkara")
    if entries is None:
        return  # without a readable manifest nothing else in the folder can be judged
    listed = {e["path"] for e in entries}
    for entry in files:
        if entry.name not in listed and entry.name not in (MANIFEST, EVENT_LOG):
            _unknown(walk, _rel(rel, entry.name), entry.name)
    on_disk = {e.name: e for e in files}
    for item in entries:
        check_listed_file(walk, on_disk.get(item["path"]), rel, item)


def read_manifest(walk: Walk, path: Path, rel: str) -> list[dict] | None:
    """The manifest's file entries, only those well formed; ``None`` when the manifest is unreadable."""
    where = _rel(rel, MANIFEST)
    try:
        manifest = json.loads((path / MANIFEST).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        walk.problem(MANIFEST_RUSAK, where, f"tidak dapat dibaca sebagai JSON ({type(exc).__name__})")
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        walk.problem(MANIFEST_RUSAK, where, "tidak memuat daftar 'files'")
        return None
    entries, seen = [], set()
    for index, item in enumerate(manifest["files"], start=1):
        reason = _entry_fault(item, seen)
        if reason:
            walk.problem(MANIFEST_RUSAK, where, f"entri ke-{index}: {reason}")
        else:
            seen.add(item["path"])
            entries.append(item)
    return entries


def _entry_fault(item, seen: set[str]) -> str:
    """Why a manifest entry cannot be checked; paths must be plain names inside the folder."""
    if not isinstance(item, dict):
        return "bukan objek"
    name = item.get("path")
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name in (".", ".."):
        return "'path' bukan nama berkas biasa"
    if name in (MANIFEST, EVENT_LOG):
        return f"'{name}' tidak boleh tercantum"
    if name in seen:
        return f"'{name}' tercantum dua kali"
    if not isinstance(item.get("sha256"), str) or not SHA256_RE.match(item["sha256"].lower()):
        return f"'{name}': 'sha256' tidak sah"
    if not isinstance(item.get("size"), int) or isinstance(item["size"], bool) or item["size"] < 0:
        return f"'{name}': 'size' tidak sah"
    return ""


def check_listed_file(walk: Walk, entry: os.DirEntry | None, rel: str, item: dict) -> None:
    """Existence and size here; the content is hashed later, in the pool."""
    where = _rel(rel, item["path"])
    if entry is None:
        walk.problem(HILANG, where, "tidak ada di folder perkara")
        return
    try:
        size = entry.stat(follow_symlinks=False).st_size
    except OSError as exc:
        walk.problem(TAK_TERBACA, where, _os_error(exc))
        return
    walk.report.files += 1
    if size != item["size"]:
        walk.problem(UKURAN, where, f"{size} bita, manifest mencatat {item['size']} bita")
        return
    walk.report.bytes += size
    if not walk.fast:
        walk.jobs.append(HashJob(where, entry.path, item["sha256"].lower(), size))


def _os_error(exc: OSError) -> str:
    return f"tidak dapat dibaca ({exc.strerror or type(exc).__name__})"


# -- event log -----------------------------------------------------------------------------------------


def check_event_log(walk: Walk, path: Path, rel: str) -> None:
    for issue in event_log_issues(path)[:MAX_LOG_ISSUES]:
        walk.problem(LOG_RUSAK, rel, issue)


def event_log_issues(path: Path) -> list[str]:
    """What is wrong with an append-only log: unreadable, bad lines, wrong first event, time going back."""
    if path.is_symlink() or not path.is_file():
        return ["events.jsonl tidak ada"]
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"tidak dapat dibaca ({type(exc).__name__})"]
    issues, events = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            event, issue = _parse_event(line)
            if issue:
                issues.append(f"baris {number}: {issue}")
            events.append((number, event))
    if not events:
        return ["log kosong: tidak ada peristiwa"]
    first_number, first = events[0]
    if first is not None and first[1] != "received":
        issues.append(f"baris {first_number}: peristiwa pertama bukan 'received'")
    issues.extend(_backward_times(events))
    issues.extend(f"baris {number}: rantai putus (baris ini atau baris sebelumnya diubah, disisipkan atau dihapus)"
                  for number in chain_breaks(text.encode("utf-8")))
    return issues


def _parse_event(line: str) -> tuple[tuple[datetime, str] | None, str]:
    """``(at, event)`` of one log line, or the reason it is not a valid event."""
    try:
        record = json.loads(line)
    except ValueError:
        return None, "bukan JSON yang sah"
    if not isinstance(record, dict) or not record.get("at") or not record.get("event"):
        return None, "tanpa 'at' atau 'event'"
    try:
        at = datetime.fromisoformat(str(record["at"]))
    except ValueError:
        return None, "waktu 'at' tidak terbaca"
    return (at if at.tzinfo else at.astimezone(), str(record["event"])), ""


def _backward_times(events: list[tuple[int, tuple[datetime, str] | None]]) -> list[str]:
    issues, previous = [], None
    for number, event in events:
        if event is None:
            continue
        if previous and event[0] < previous[1]:
            issues.append(f"baris {number}: waktu mundur dibanding baris {previous[0]}")
        previous = (number, event[0])
    return issues


# -- hashing -------------------------------------------------------------------------------------------

_buffers = threading.local()


def sha256_of(path: str) -> str:
    """sha256 read in large chunks into one reused buffer per thread (no per-chunk allocation)."""
    buffer = getattr(_buffers, "buffer", None)
    if buffer is None:
        buffer = _buffers.buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        if hasattr(os, "posix_fadvise"):  # a cold disk reads ahead harder for a sequential reader
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
        while count := fh.readinto(buffer):
            digest.update(view[:count])
    return digest.hexdigest()


def _hash_job(job: HashJob) -> tuple[HashJob, str | None, OSError | None]:
    try:
        return job, sha256_of(job.path), None
    except OSError as exc:
        return job, None, exc


def hash_all(walk: Walk, workers: int) -> None:
    """Largest files first, so no thread is left hashing one big file at the end while the others idle."""
    jobs = sorted(walk.jobs, key=lambda j: j.size, reverse=True)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="verify") as pool:
        for job, digest, error in pool.map(_hash_job, jobs):
            if error is not None:
                walk.problem(TAK_TERBACA, job.rel, _os_error(error))
            elif digest != job.sha256:
                walk.problem(BERUBAH, job.rel, "sidik sha256 tidak cocok dengan manifest")


# -- entry points --------------------------------------------------------------------------------------


def check_against_database(walk: Walk, database: Path) -> None:
    """The archive against the database's record of it: every case folder where the database has it, its
    manifest and the last line of its log as they were when last filed; no case folder the database does not
    know (a folder renamed, moved in or copied)."""
    db = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT number, folder, manifest_sha, log_head FROM cases WHERE folder IS NOT NULL "
                          "AND status != 'disiapkan'").fetchall()
    except sqlite3.DatabaseError:
        return    # a database from before these were kept, or none usable: ``ppid reindex`` sets them
    finally:
        db.close()
    known = set()
    for number, folder, manifest_sha, head in rows:
        known.add(folder)
        path = walk.root / folder
        if not (path / MANIFEST).is_file():
            walk.problem(PERKARA_HILANG, folder, f"perkara {number}")
            continue
        if manifest_sha and sha256_of(str(path / MANIFEST)) != manifest_sha:
            walk.problem(MANIFEST_DIUBAH, _rel(folder, MANIFEST), f"perkara {number}")
        if head and log_head(path) != head:
            walk.problem(LOG_DIUBAH, _rel(folder, EVENT_LOG), f"perkara {number}")
    for folder in sorted(walk.case_folders - known):
        if not _is_source_folder(tuple(folder.split("/"))):
            walk.problem(TAK_DIKENAL, folder)


def verify_archive(root: Path, *, fast: bool = False, workers: int | None = None,
                   database: Path | None = None) -> VerifyReport:
    """Check the whole archive under ``root``; ``fast`` compares sizes instead of hashing contents; with the
    ``database``, also against what it recorded of each case."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"Folder arsip tidak ditemukan: {root}")
    workers = max(1, workers or os.cpu_count() or 1)
    started = time.perf_counter()
    report = VerifyReport(root=str(root), fast=fast, workers=workers)
    walk = Walk(root=root, fast=fast, report=report)
    walk_root(walk)
    resolve_orphans(walk)
    if database is not None and database.is_file():
        check_against_database(walk, database)
    if not fast:
        hash_all(walk, workers)
    report.seconds = time.perf_counter() - started
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    report.problems.sort(key=lambda p: (order.get(p.kind, len(order)), p.path))
    report.warnings.sort(key=lambda p: (order.get(p.kind, len(order)), p.path))
    return report


def _size(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}".replace(".", ",")
    return f"{count} bita"


def _summary(report: VerifyReport) -> str:
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    if report.fast:  # nothing was read, so a throughput would mean nothing
        return (f"Pemeriksaan arsip cepat (ukuran saja): {report.folders} folder, {report.files} berkas, "
                f"{_size(report.bytes)} dalam {seconds} detik.")
    return (f"Pemeriksaan arsip penuh (sha256, {report.workers} utas): {report.folders} folder, "
            f"{report.files} berkas, {_size(report.bytes)} dalam {seconds} detik ({report.mb_per_s:.0f} MB/detik).")


def _grouped(problems: list[Problem]) -> list[str]:
    lines = []
    for kind in sorted({p.kind for p in problems}, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99):
        group = [p for p in problems if p.kind == kind]
        lines.append(f"{kind} — {KIND_TITLES.get(kind, '')} ({len(group)}):")
        lines.extend(f"  {kind}  {p.path}" + (f" — {p.detail}" if p.detail else "") for p in group)
    return lines


def format_report(report: VerifyReport) -> str:
    """The report as an archivist reads it: the summary, the verdict, then one line per problem by kind."""
    lines = [_summary(report)]
    if report.ok:
        lines.append("Hasil: arsip utuh, tidak ada masalah.")
    else:
        lines.append(f"Hasil: {len(report.problems)} masalah ditemukan.")
        lines.extend(_grouped(report.problems))
    if report.warnings:
        lines.append(f"Peringatan ({len(report.warnings)}), bukan kerusakan:")
        lines.extend(_grouped(report.warnings))
    return "\n".join(lines)
