"""docx -> PDF/A-2b (archive) + plain PDF (print) through a pool of headless LibreOffice instances.

Each worker is one LibreOffice (own profile, own port) driven over UNO from the calling thread; a
worker converts one document at a time, so N workers convert N documents in parallel. Measured here:
pyuno releases the GIL during remote calls, so plain threads in one process scale (1 worker 8.8,
2 workers 17 letters/s with both PDFs) and no helper subprocess is needed.

Failure policy: bad input is rejected before LibreOffice sees it; a document LibreOffice refuses is
reported at once; a dead, disconnected or timed-out instance is killed, respawned and the document
retried once on the fresh instance. Outputs are written to a temporary name, verified, fsynced and
renamed, so a final path never holds a partial or plain-instead-of-PDF/A file.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import queue
import shutil
import tempfile
import threading
import time
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from pipeline._exec.libreoffice import (
    PDFA_FILTER_DATA,
    PORT_RELEASE_SECONDS,
    PRINT_FILTER_DATA,
    DocumentRejected,
    InstanceFailed,
    SofficeInstance,
    StartFailed,
    kill_orphans,
    port_is_free,
    soffice_version,
    wait_for_port,
)
from pipeline.core.config import LibreOfficeSettings

START_TIMEOUT_SECONDS = 30.0
MAX_SLOTS_SCANNED = 32  # profile/port slots tried when another pool already holds the first ones
ACQUIRE_POLL_SECONDS = 0.5


class ConversionError(Exception):
    """A conversion problem; ``str(exc)`` is an Indonesian sentence for the officer."""


@dataclass(frozen=True)
class PdfMetadata:
    title: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    author: str = ""

    def document_properties(self) -> dict:
        """As LibreOffice's XDocumentProperties attributes (exported to the PDF Info and XMP)."""
        return {"Title": self.title, "Subject": self.subject, "Keywords": list(self.keywords), "Author": self.author}


# ---- input and output checks -----------------------------------------------------------------

def check_docx(docx: Path) -> None:
    """Reject what LibreOffice should never see: missing, empty or non-docx files (fast, no soffice)."""
    name = docx.name
    if not docx.is_file():
        raise ConversionError(f"Konversi ke PDF gagal: berkas {name} tidak ditemukan.")
    if docx.stat().st_size == 0:
        raise ConversionError(f"Konversi ke PDF gagal: berkas {name} kosong.")
    try:
        with zipfile.ZipFile(docx) as archive:
            has_body = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        has_body = False
    if not has_body:
        raise ConversionError(f"Konversi ke PDF gagal: berkas {name} bukan dokumen Word (.docx) yang sah.")


def _temp_name(final: Path) -> Path:
    # Same folder as the final file so the rename is atomic (same file system).
    return final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.tmp")


def _verify_pdf(path: Path, final: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(5)
    except OSError:
        head = b""
    if not head.startswith(b"%PDF"):
        raise ConversionError(f"Konversi ke PDF gagal: LibreOffice tidak menghasilkan PDF yang sah untuk {final.name}.")


def _commit(temp: Path, final: Path) -> None:
    """Copy the finished file beside its final name (the scratch folder may be on another disk), fsync, rename
    it over the final name, fsync the folder."""
    staged = _temp_name(final)
    try:
        shutil.copyfile(temp, staged)
        with open(staged, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(staged, final)
    finally:
        _discard(staged)
    folder = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _discard(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


# ---- PDF/A check --------------------------------------------------------------------------------

def check_pdfa(path: Path) -> dict:
    """Proxy check for PDF/A-2 (no validator available): XMP id, output intent, embedded fonts, no
    encryption, no JavaScript. ``ok`` needs part 2 with level B (A and U include B)."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return {"part": None, "conformance": None, "output_intent": False, "fonts_embedded": False,
                "encrypted": True, "javascript": False, "ok": False}
    except (pikepdf.PdfError, OSError) as exc:
        raise ConversionError(f"Berkas PDF {Path(path).name} tidak dapat dibaca: {exc}") from exc
    with pdf:
        part, conformance = _pdfa_id(pdf)
        result = {
            "part": part,
            "conformance": conformance,
            "output_intent": len(pdf.Root.get("/OutputIntents", [])) > 0,
            "fonts_embedded": _fonts_embedded(pdf),
            "encrypted": pdf.is_encrypted,
            "javascript": _has_javascript(pdf),
        }
    result["ok"] = (part == 2 and conformance in ("A", "B", "U") and result["output_intent"]
                    and result["fonts_embedded"] and not result["encrypted"] and not result["javascript"])
    return result


def _pdfa_id(pdf: pikepdf.Pdf) -> tuple[int | None, str | None]:
    meta = pdf.open_metadata()
    part, conformance = meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
    try:
        part = int(part) if part is not None else None
    except ValueError:
        part = None
    return part, (conformance.upper() if conformance else None)


def _fonts_embedded(pdf: pikepdf.Pdf) -> bool:
    seen: set[tuple[int, int]] = set()
    return all(_font_is_embedded(font) for page in pdf.pages for font in _fonts_in(page.obj, seen))


def _fonts_in(holder, seen: set) -> list:
    """Fonts of a page, form XObject or annotation appearance, recursing into nested forms."""
    resources = holder.get("/Resources")
    if resources is None:
        return []
    fonts = list(resources.get("/Font", {}).values())
    for xobject in resources.get("/XObject", {}).values():
        key = xobject.objgen
        if key != (0, 0) and key in seen:
            continue
        seen.add(key)
        if xobject.get("/Subtype") == "/Form":
            fonts.extend(_fonts_in(xobject, seen))
    return fonts


def _font_is_embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are drawn by PDF content streams inside the file
    if subtype == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _has_javascript(pdf: pikepdf.Pdf) -> bool:
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        return True
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and ("/JS" in obj or obj.get("/S") == "/JavaScript"):
            return True
    return False


# ---- the pool -----------------------------------------------------------------------------------

class _Worker:
    """One pool slot: a profile folder + port (held with a file lock) and its current instance."""

    def __init__(self, slot: int, program: str, profile_root: Path, port: int, lock_handles: tuple):
        self.slot = slot
        self.port = port
        self.instance = SofficeInstance(program, profile_root / f"worker-{slot}", port)
        self.conversions = 0
        self.restarts = 0
        self.closed = False
        self._lock_handles = lock_handles   # the slot's profile and its port

    def start(self) -> None:
        self.instance.start(START_TIMEOUT_SECONDS)
        self.conversions = 0

    def restart(self) -> None:
        self.instance.kill()
        self.restarts += 1
        self.start()

    def due_for_recycle(self, settings: LibreOfficeSettings) -> bool:
        if settings.recycle_after and self.conversions >= settings.recycle_after:
            return True
        return bool(settings.max_rss_mb) and self.instance.rss_mb() > settings.max_rss_mb

    def close(self) -> None:
        self.closed = True
        self.instance.stop()
        for handle in self._lock_handles:
            handle.close()  # releases the slot's and the port's flocks


class ConverterPool:
    """A fixed set of LibreOffice workers; ``convert`` is thread-safe and blocks while all are busy."""

    def __init__(self, settings: LibreOfficeSettings):
        self.settings = settings
        self._workers: list[_Worker] = []
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._running = False
        self._state_lock = threading.Lock()

    # ---- life cycle ----

    def __enter__(self) -> ConverterPool:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self) -> None:
        with self._state_lock:
            if self._running:
                return
            _remove_dead_scratch(Path(self.settings.profile_dir) / "scratch")
            reap_orphans(self.settings)
            workers = self._claim_slots(self.settings.worker_count)
            self._start_all(workers)
            self._workers = workers
            self._idle = queue.Queue()
            for worker in workers:
                self._idle.put(worker)
            self._running = True
            atexit.register(self.stop)  # soffice runs in its own session: never outlive a forgotten pool

    def version(self) -> str:
        """The LibreOffice version, for the event log (asked once)."""
        if not hasattr(self, "_version"):
            self._version = soffice_version(self.settings.program) or "unknown"
        return self._version

    def stop(self) -> None:
        """Stop every instance; conversions still running get ``timeout_seconds`` to finish."""
        with self._state_lock:
            if not self._running:
                return
            self._running = False
            atexit.unregister(self.stop)
            deadline = time.monotonic() + self.settings.timeout_seconds
            for _ in self._workers:
                try:
                    self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
            for worker in self._workers:
                worker.close()
            self._workers = []

    def status(self) -> list[dict]:
        """Per worker: slot, port, launcher pid (= process group), soffice.bin pid, conversions, RSS."""
        return [{"slot": w.slot, "port": w.port, "pgid": w.instance.pid, "office_pid": w.instance.office_pid,
                 "running": w.instance.is_running(), "conversions": w.conversions, "restarts": w.restarts,
                 "rss_mb": round(w.instance.rss_mb(), 1)} for w in self._workers]

    def _claim_slots(self, count: int) -> list[_Worker]:
        """Lock ``count`` free profile/port slots; a slot held by another pool (or process) is skipped."""
        root = Path(self.settings.profile_dir)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConversionError(f"Folder profil LibreOffice tidak dapat dibuat: {root} ({exc}).") from exc
        workers: list[_Worker] = []
        for slot in range(MAX_SLOTS_SCANNED):
            if len(workers) == count:
                break
            port = self.settings.base_port + slot
            handle = _try_lock(root / f"worker-{slot}.lock")
            if handle is None:
                continue
            if kill_orphans(root / f"worker-{slot}"):  # left by a killed run: we hold the slot, they are ours
                wait_for_port(port, PORT_RELEASE_SECONDS)
            # Another workspace on this machine may use the same ports: the port is held too, machine-wide.
            port_handle = _try_lock(_port_lock_path(port))
            if port_handle is None or not port_is_free(port):
                for held in (handle, port_handle):
                    if held is not None:
                        held.close()
                continue
            workers.append(_Worker(slot, self.settings.program, root, port, (handle, port_handle)))
        if len(workers) < count:
            for worker in workers:
                worker.close()
            raise ConversionError("Tidak ada slot profil/port LibreOffice yang bebas; periksa proses soffice lain.")
        return workers

    @staticmethod
    def _start_all(workers: list[_Worker]) -> None:
        # Start in parallel: each instance needs ~0.7 s before it accepts UNO calls.
        with ThreadPoolExecutor(max_workers=len(workers)) as executor:
            futures = [executor.submit(worker.start) for worker in workers]
        errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            for worker in workers:
                worker.close()
            raise ConversionError(f"LibreOffice tidak dapat dijalankan: {errors[0]}") from errors[0]

    # ---- converting ----

    def convert(self, docx: Path, *, pdfa: Path, printable: Path, metadata: PdfMetadata) -> None:
        """Write ``pdfa`` (PDF/A-2b) and ``printable`` (plain PDF) from ``docx``; raise ConversionError."""
        docx, pdfa, printable = Path(docx), Path(pdfa), Path(printable)
        check_docx(docx)
        worker = self._acquire()
        try:
            self._convert_on(worker, docx, pdfa, printable, metadata)
        finally:
            if not worker.closed:  # a worker closed by stop() must not reappear after a restart
                self._idle.put(worker)

    def _acquire(self) -> _Worker:
        while True:
            if not self._running:
                raise ConversionError("Konversi ke PDF gagal: layanan LibreOffice belum dijalankan.")
            try:
                return self._idle.get(timeout=ACQUIRE_POLL_SECONDS)
            except queue.Empty:
                continue

    def _convert_on(self, worker: _Worker, docx: Path, pdfa: Path, printable: Path, metadata: PdfMetadata) -> None:
        """LibreOffice reads and writes only in a scratch folder of the pool's, outside the archive: an instance
        killed mid-conversion leaves its temporary and lock files there, never in a case folder."""
        for final in (pdfa, printable):
            final.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self._scratch_folder(), prefix="konversi-") as scratch:
            source = Path(scratch) / docx.name
            shutil.copyfile(docx, source)
            temps = (Path(scratch) / "pdfa.pdf", Path(scratch) / "cetak.pdf")
            self._run_with_retry(worker, source, temps, metadata)
            _verify_pdf(temps[0], pdfa)
            _verify_pdf(temps[1], printable)
            self._verify_pdfa(temps[0], pdfa)
            _commit(temps[0], pdfa)
            _commit(temps[1], printable)

    def _scratch_folder(self) -> Path:
        """``<profile_dir>/scratch/<pid>``: this process's; those of processes that died are removed at start."""
        folder = Path(self.settings.profile_dir) / "scratch" / str(os.getpid())
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _run_with_retry(self, worker: _Worker, docx: Path, temps: tuple[Path, Path], metadata: PdfMetadata) -> None:
        targets = [(temps[0], PDFA_FILTER_DATA), (temps[1], PRINT_FILTER_DATA)]
        failure: InstanceFailed | None = None
        for _attempt in range(2):  # the second attempt always runs on a fresh instance
            self._make_ready(worker, force_restart=failure is not None)
            try:
                worker.instance.convert(docx, targets, metadata.document_properties(), self.settings.timeout_seconds)
                worker.conversions += 1
                return
            except DocumentRejected as exc:
                raise ConversionError(f"Konversi ke PDF gagal: {docx.name}: {exc}") from exc
            except InstanceFailed as exc:
                failure = exc
        worker.instance.kill()  # leave no half-dead instance behind; the next use respawns it
        raise ConversionError(f"Konversi ke PDF gagal: {docx.name}: {failure} (sudah dicoba ulang).") from failure

    def _make_ready(self, worker: _Worker, *, force_restart: bool) -> None:
        """Respawn a dead or failed instance; recycle one that converted enough or grew too big."""
        if not (force_restart or not worker.instance.is_running() or worker.due_for_recycle(self.settings)):
            return
        if not self._running or worker.closed:
            raise ConversionError("Konversi ke PDF gagal: layanan LibreOffice sedang dihentikan.")
        try:
            worker.restart()
        except StartFailed as exc:
            raise ConversionError(f"Konversi ke PDF gagal: LibreOffice tidak dapat dijalankan ulang: {exc}") from exc

    @staticmethod
    def _verify_pdfa(temp: Path, final: Path) -> None:
        # A wrong filter value silently yields a plain PDF: never archive one under the PDF/A name.
        report = check_pdfa(temp)
        if not report["ok"]:
            raise ConversionError(f"Konversi ke PDF gagal: {final.name} bukan PDF/A-2b yang sah ({report}).")


def _remove_dead_scratch(root: Path) -> None:
    """Scratch folders of processes that are gone (killed mid-conversion) are removed."""
    for folder in root.glob("*") if root.is_dir() else ():
        if folder.name.isdigit() and not Path(f"/proc/{folder.name}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def _port_lock_path(port: int) -> Path:
    """A lock file per port shared by every workspace on the machine (the system's temporary folder)."""
    folder = Path(tempfile.gettempdir()) / "ppid-libreoffice-port"
    folder.mkdir(exist_ok=True)
    try:
        os.chmod(folder, 0o1777)      # every service account may take a port (sticky: none removes another's)
    except PermissionError:
        pass
    return folder / f"{port}.lock"


def reap_orphans(settings: LibreOfficeSettings) -> int:
    """Kill the LibreOffice instances a killed run left in any slot no live pool holds (their slot lock went
    with the process). A runner calls this when it starts, so no orphan outlives the next run even when that
    run has nothing to convert. Returns how many were killed."""
    root = Path(settings.profile_dir)
    killed = 0
    for lock_file in sorted(root.glob("worker-*.lock")) if root.is_dir() else []:
        handle = _try_lock(lock_file)
        if handle is not None:
            with handle:
                killed += kill_orphans(lock_file.with_suffix(""))
    return killed


def _try_lock(path: Path):
    """An open handle holding an exclusive flock on ``path``, or None when another holder has it."""
    try:
        handle = open(path, "a+")
    except PermissionError:       # another account's lock file: theirs
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle
