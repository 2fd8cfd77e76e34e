"""The one wrapper around the external LibreOffice program.

A ``SofficeInstance`` is one headless ``soffice`` (own profile folder, own TCP port, own process
group) plus one UNO bridge to it. It converts one document at a time; ``pipeline.render.conversion``
serialises access and decides when to respawn or recycle.

Why the details matter (see shared/domain/libreoffice-notes.md):
- two instances sharing a profile: the second exits silently -> one profile folder per instance;
- the launcher (``soffice`` -> ``oosplash``) is not ``soffice.bin``; killing only the launcher orphans
  ``soffice.bin`` with the port and the profile -> start in a new session and kill the whole group;
- without a forced import filter, garbage "converts" (slowly) -> always force "MS Word 2007 XML";
- a string ``SelectPdfVersion`` silently yields a plain PDF -> pass an integer and verify the output;
- loading the UNO bridge costs ~0.4 s -> it is loaded when the first instance starts, so ``ppid --help``
  and the commands that convert nothing never load it.
"""

from __future__ import annotations

import os
import shutil
import signal
import functools
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

WORD_FILTER = "MS Word 2007 XML"
PDF_FILTER = "writer_pdf_Export"
CONNECT_POLL_SECONDS = 0.05
STOP_GRACE_SECONDS = 3.0
PORT_RELEASE_SECONDS = 5.0  # a killed instance's socket lingers briefly in the kernel
BRIDGE_GONE_SECONDS = 2.0   # a bridge whose peer was killed disposes itself within milliseconds

# PDF/A-2b: SelectPdfVersion must be an integer (2); tagged PDF helps accessibility checkers.
PDFA_FILTER_DATA = {"SelectPdfVersion": 2, "UseTaggedPDF": True, "Quality": 100, "ReduceImageResolution": False}
# Print copy: plain PDF, full image quality, no downsampling.
PRINT_FILTER_DATA = {"SelectPdfVersion": 0, "UseTaggedPDF": False, "Quality": 100, "ReduceImageResolution": False}


class SofficeError(Exception):
    """Base class; ``str(exc)`` is an Indonesian sentence."""


class StartFailed(SofficeError):
    """soffice is missing, exited during start, or never accepted a UNO connection."""


class InstanceFailed(SofficeError):
    """The instance died, lost its connection or hit the time limit: it must be respawned."""


class DocumentRejected(SofficeError):
    """The instance is healthy but could not load or store this document (retrying will not help)."""


@functools.cache
def _uno() -> SimpleNamespace:
    """LibreOffice's Python bridge and the UNO names this wrapper uses, loaded on first use."""
    import uno
    import unohelper
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.lang import DisposedException, XEventListener
    from com.sun.star.uno import Exception as UnoException

    class BridgeGone(unohelper.Base, XEventListener):
        """Told by the bridge when it is disposed (called on the bridge's own thread)."""

        def __init__(self):
            self.gone = threading.Event()

        def disposing(self, source) -> None:
            self.gone.set()

    return SimpleNamespace(uno=uno, PropertyValue=PropertyValue, NoConnectException=NoConnectException,
                           DisposedException=DisposedException, UnoException=UnoException, BridgeGone=BridgeGone)


_local_context_lock = threading.Lock()
_local_context = None


def local_context():
    """The process-wide local UNO context (bootstrapped once, thread-safe)."""
    global _local_context
    with _local_context_lock:
        if _local_context is None:
            _local_context = _uno().uno.getComponentContext()
        return _local_context


def port_is_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:port (so a fresh soffice can take it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for_port(port: int, timeout: float) -> bool:
    """Wait until the port is free; the kernel can hold it a moment after its owner was killed."""
    deadline = time.monotonic() + timeout
    while not port_is_free(port):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _props(**values) -> tuple:
    # Serialised like the connection below: pyuno's first struct of a kind introspects the local context, and two
    # threads doing it at once fail with "no introspection nor name container!" (seen on 2 cores, a case voided).
    with _local_context_lock:
        return tuple(_uno().PropertyValue(Name=name, Value=value) for name, value in values.items())


def _filter_data(values: dict):
    # FilterData must arrive as a typed sequence of PropertyValue, not a bare tuple.
    properties = _props(**values)
    with _local_context_lock:
        return _uno().uno.Any("[]com.sun.star.beans.PropertyValue", properties)


class SofficeInstance:
    """One headless LibreOffice process and its UNO bridge."""

    def __init__(self, program: str, profile_dir: Path, port: int):
        self.program = program
        self.profile_dir = Path(profile_dir).resolve()
        self.port = port
        self._proc: subprocess.Popen | None = None
        self._bridge = None
        self._bridge_gone: threading.Event | None = None
        self._desktop = None
        self._office_pid: int | None = None
        self._timed_out = threading.Event()

    # ---- life cycle -------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """Pid of the launcher, which is also the process group id."""
        return self._proc.pid if self._proc else None

    @property
    def office_pid(self) -> int | None:
        """Pid of ``soffice.bin`` (the process doing the work)."""
        return self._office_pid

    def start(self, start_timeout: float = 30.0) -> None:
        self._prepare_profile()
        self._spawn()
        deadline = time.monotonic() + start_timeout
        try:
            self._connect(deadline)
            self._office_pid = self._find_office_pid()
            self._wait_ready(deadline)
        except BaseException:
            self.kill()
            raise

    def stop(self) -> None:
        """Ask LibreOffice to quit, then kill whatever is left of the group and clean the profile lock."""
        if self._proc is None:
            return
        self._terminate_desktop()
        self.kill()

    def kill(self) -> None:
        """Kill soffice.bin and the rest of its process group, reap them, let go of the bridge."""
        proc = self._proc
        if proc is not None:
            # soffice.bin first: its parent (oosplash) then reaps it and exits, so no zombie is
            # left for init to collect.
            self._kill_office()
            _wait_quietly(proc, 1.0)
            self._kill_group()  # whatever is left of the group (launcher, helpers)
            _wait_quietly(proc, STOP_GRACE_SECONDS)
            self._kill_office()  # an orphaned soffice.bin, if the launcher died first
            self._wait_office_gone()
        self._release_bridge()
        self._proc = None
        self._office_pid = None
        self._remove_stale_lock()

    def is_running(self) -> bool:
        if self._proc is None or self._proc.poll() is not None:
            return False
        return self._office_pid is None or _pid_alive(self._office_pid)

    def health_check(self) -> None:
        """Trivial remote calls that also prove we talk to *our* instance (not a stranger on the port)."""
        try:
            ctx = self._bridge.getInstance("StarOffice.ComponentContext")
            smgr = ctx.ServiceManager
            user_dir = smgr.createInstanceWithContext("com.sun.star.util.PathSubstitution", ctx).substituteVariables(
                "$(user)", True)
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            desktop.getComponents()
        except (_uno().UnoException, AttributeError) as exc:
            # AttributeError: pyuno's answer for a service not registered yet (office still booting).
            raise InstanceFailed(f"LibreOffice tidak menjawab pemeriksaan kesehatan: {exc}") from exc
        if not user_dir.startswith(self.profile_dir.as_uri()):
            raise StartFailed(f"Port {self.port} dipakai instance LibreOffice lain ({user_dir}).")
        self._desktop = desktop

    def rss_mb(self) -> float:
        """Resident memory of soffice.bin in MiB (0 when unknown)."""
        if self._office_pid is None:
            return 0.0
        try:
            with open(f"/proc/{self._office_pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    # ---- conversion -------------------------------------------------------------------------

    def convert(self, source: Path, targets: list[tuple[Path, dict]], properties: dict, timeout: float) -> None:
        """Load ``source`` once, set document properties, store each (path, filter data) target, close.

        Raises DocumentRejected (instance fine) or InstanceFailed (instance killed/lost; respawn it).
        """
        if not self.is_running():
            raise InstanceFailed("Proses LibreOffice tidak berjalan.")
        with self._watchdog(timeout):
            try:
                document = self._load(source)
                try:
                    self._set_properties(document, properties)
                    for target, filter_data in targets:
                        self._store_pdf(document, target, filter_data)
                finally:
                    self._close(document)
            except _uno().UnoException as exc:
                raise self._classify(exc) from exc
            except AttributeError as exc:
                # A freshly started instance can answer a load with None (seen under load on 2 cores):
                # treat it as a failed instance, so the pool respawns it and retries the document once.
                raise InstanceFailed(f"LibreOffice tidak memuat dokumen: {exc}") from exc

    def _load(self, source: Path):
        args = _props(
            Hidden=True,
            ReadOnly=True,
            FilterName=WORD_FILTER,  # never let LibreOffice guess the format of garbage
            UpdateDocMode=0,  # NO_UPDATE: no link/field refresh (would re-stamp dates)
            MacroExecutionMode=0,  # NEVER_EXECUTE
        )
        document = self._desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, args)
        if document is None:
            raise DocumentRejected("LibreOffice tidak dapat membuka dokumen.")
        return document

    @staticmethod
    def _set_properties(document, properties: dict) -> None:
        info = document.getDocumentProperties()
        for name, value in properties.items():
            setattr(info, name, tuple(value) if isinstance(value, (list, tuple)) else value)

    @staticmethod
    def _store_pdf(document, target: Path, filter_data: dict) -> None:
        args = _props(FilterName=PDF_FILTER, Overwrite=True, FilterData=_filter_data(filter_data))
        document.storeToURL(Path(target).resolve().as_uri(), args)

    @staticmethod
    def _close(document) -> None:
        try:
            document.close(True)
        except _uno().UnoException:
            try:
                document.dispose()
            except _uno().UnoException:
                pass

    def _classify(self, exc: Exception) -> SofficeError:
        if self._timed_out.is_set():
            return InstanceFailed("Konversi melebihi batas waktu; LibreOffice dihentikan.")
        if isinstance(exc, _uno().DisposedException) or not self.is_running():
            return InstanceFailed(f"Koneksi ke LibreOffice terputus: {_uno_message(exc)}")
        return DocumentRejected(f"LibreOffice menolak dokumen: {_uno_message(exc)}")

    @contextmanager
    def _watchdog(self, timeout: float):
        # A blocked UNO call cannot be interrupted; killing the group makes it fail promptly.
        self._timed_out.clear()
        timer = threading.Timer(timeout, self._on_timeout)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
        if self._timed_out.is_set():
            raise InstanceFailed("Konversi melebihi batas waktu; LibreOffice dihentikan.")

    def _on_timeout(self) -> None:
        self._timed_out.set()
        self._kill_now()

    def _kill_now(self) -> None:
        # Called from a timer thread while a UNO call blocks: the dead peer makes that call fail.
        self._kill_office()
        if self._office_pid is None:
            self._kill_group()

    # ---- process plumbing -------------------------------------------------------------------

    def _prepare_profile(self) -> None:
        try:
            self.profile_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StartFailed(f"Folder profil LibreOffice tidak dapat dibuat: {self.profile_dir} ({exc})") from exc
        # An unwritable profile makes soffice hang forever instead of failing.
        if not os.access(self.profile_dir, os.W_OK | os.X_OK):
            raise StartFailed(f"Folder profil LibreOffice tidak dapat ditulisi: {self.profile_dir}")
        self._remove_stale_lock()

    def _command(self) -> list[str]:
        return [
            self.program,
            f"-env:UserInstallation={self.profile_dir.as_uri()}",
            f"--accept=socket,host=127.0.0.1,port={self.port},tcpNoDelay=1;urp;StarOffice.ComponentContext",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--invisible",
            "--headless",
        ]

    def _spawn(self) -> None:
        if shutil.which(self.program) is None:
            raise StartFailed(f"Program LibreOffice tidak ditemukan: '{self.program}'. Pasang paket libreoffice-writer.")
        if not wait_for_port(self.port, PORT_RELEASE_SECONDS):
            raise StartFailed(f"Port {self.port} untuk LibreOffice sudah dipakai proses lain.")
        self._timed_out.clear()
        log = open(self.profile_dir / "soffice.log", "ab")
        try:
            self._proc = subprocess.Popen(
                self._command(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,  # own process group: killpg reaches soffice.bin too
                close_fds=True,
            )
        except OSError as exc:
            raise StartFailed(f"LibreOffice tidak dapat dijalankan: {exc}") from exc
        finally:
            log.close()

    def _connect(self, deadline: float) -> None:
        ctx = local_context()
        # Serialised: pyuno's first introspection of an interface races between two starting workers
        # (seen as AttributeError 'createInstanceWithContext' and 'addEventListener' under load).
        with _local_context_lock:
            smgr = ctx.ServiceManager
            connector = smgr.createInstanceWithContext("com.sun.star.connection.Connector", ctx)
            factory = smgr.createInstanceWithContext("com.sun.star.bridge.BridgeFactory", ctx)
        while True:
            try:
                with _local_context_lock:
                    connection = connector.connect(f"socket,host=127.0.0.1,port={self.port},tcpNoDelay=1")
                break
            except _uno().NoConnectException:
                if self._proc.poll() is not None:
                    raise StartFailed(f"LibreOffice berhenti saat mulai (kode keluar {self._proc.returncode}).") from None
                if time.monotonic() > deadline:
                    raise StartFailed("LibreOffice tidak siap menerima koneksi dalam batas waktu.") from None
                time.sleep(CONNECT_POLL_SECONDS)
        # An anonymous bridge per instance: disposable on its own, independent of other workers.
        listener = _uno().BridgeGone()
        with _local_context_lock:   # first calls of an interface, as above
            self._bridge = factory.createBridge("", "urp", connection, None)
            self._bridge.addEventListener(listener)
        self._bridge_gone = listener.gone

    def _wait_ready(self, deadline: float) -> None:
        # soffice accepts the connection before all its services are registered: poll the health check.
        while True:
            try:
                self.health_check()
                return
            except InstanceFailed as exc:
                if self._proc.poll() is not None:
                    raise StartFailed(f"LibreOffice berhenti saat mulai (kode keluar {self._proc.returncode}).") from exc
                if time.monotonic() > deadline:
                    raise StartFailed(f"LibreOffice tidak siap dalam batas waktu: {exc}") from exc
                time.sleep(CONNECT_POLL_SECONDS)

    def _find_office_pid(self) -> int | None:
        pgid = self._proc.pid
        for pid in _pids_in_group(pgid):
            if _comm(pid) == "soffice.bin":
                return pid
        return None

    def _terminate_desktop(self) -> None:
        if self._desktop is None or not self.is_running():
            return
        timer = threading.Timer(STOP_GRACE_SECONDS, self._kill_now)
        timer.daemon = True
        timer.start()
        try:
            self._desktop.terminate()
        except _uno().UnoException:
            pass  # the bridge goes away while LibreOffice exits; expected
        finally:
            timer.cancel()
        try:
            self._proc.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass

    def _release_bridge(self) -> None:
        # A bridge whose peer died disposes itself (its reader thread sees the socket close); disposing
        # it from here at the same moment is the likely cause of a segfault seen once in pyuno's C++
        # bridge (libgcc3_uno.so, after a timeout kill). So wait for that; dispose only a bridge still standing.
        bridge, gone = self._bridge, self._bridge_gone
        self._bridge = self._bridge_gone = self._desktop = None
        if bridge is None or (gone is not None and gone.wait(BRIDGE_GONE_SECONDS)):
            return
        try:
            bridge.dispose()
        except _uno().UnoException:
            pass

    def _kill_group(self) -> None:
        proc = self._proc
        # Only while the launcher is unreaped: until then its pid (= our group id) cannot be reused.
        if proc is None or proc.returncode is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def _kill_office(self) -> None:
        pid = self._office_pid
        # Check identity (name and group) so a recycled pid is never killed by mistake.
        if pid is None or self._proc is None or _comm(pid) != "soffice.bin" or _pgrp(pid) != self._proc.pid:
            return
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def _wait_office_gone(self) -> None:
        # soffice.bin is reparented when oosplash dies first; wait until the kernel drops it.
        pid = self._office_pid
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while pid is not None and _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def _remove_stale_lock(self) -> None:
        lock = self.profile_dir / ".lock"
        if self.is_running():
            return
        try:
            lock.unlink()
        except FileNotFoundError:
            pass


def _uno_message(exc: Exception) -> str:
    message = getattr(exc, "Message", "") or str(exc)
    return message.strip().splitlines()[0] if message.strip() else type(exc).__name__


def _pid_alive(pid: int) -> bool:
    """Alive and not a zombie."""
    fields = _stat_fields(pid)
    return bool(fields) and fields[0] not in ("Z", "X")


def _wait_quietly(proc: subprocess.Popen, timeout: float) -> None:
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass


def _stat_fields(pid: int) -> list[str]:
    """Fields of /proc/<pid>/stat after "(comm)": state, ppid, pgrp, ... (empty when gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _pgrp(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[2]) if fields else None


def _pids_in_group(pgid: int) -> list[int]:
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit() and _pgrp(int(entry)) == pgid]


def _comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="ascii", errors="replace") as comm:
            return comm.read().strip()
    except OSError:
        return ""


def soffice_version(program: str) -> str:
    """``LibreOffice 7.4.7.2 40(Build:2)`` -> ``7.4.7.2``; empty when it cannot be asked."""
    try:
        out = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    parts = out.split()
    return parts[1] if len(parts) > 1 else out.strip()


def kill_orphans(profile_dir: Path) -> int:
    """Kill LibreOffice processes left running with this profile by a pipeline that was killed (kill -9
    leaves soffice alive in its own session, holding the port and the profile). Returns how many."""
    marker = f"-env:UserInstallation={profile_dir.as_uri()}".encode()
    killed = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker in cmdline.split(b"\0"):
            try:
                os.kill(int(entry.name), signal.SIGKILL)
                killed += 1
            except ProcessLookupError:
                pass
    return killed
