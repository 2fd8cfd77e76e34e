"""Benchmark: a burst of N request forms dropped at once into the inbox of a running ``ppid watch``.

Starts the real watcher on a fresh workspace (``ppid init``), warms it with one form (LibreOffice started)
and waits until it is idle; then renames N distinct, valid forms (written beforehand outside the inbox)
into the inbox in a tight loop and measures, from the first rename until every form is filed (its case
folder's ``manifest.json`` exists) and the inbox is empty:

* wall time, forms/s and letters/s (2 letters per form, each converted to PDF/A-2b + print PDF);
* memory of the pipeline (the watcher) plus its LibreOffice processes (every process whose command line
  holds the workspace's ``var/libreoffice``), sampled from /proc every 0.2 s: peak RSS sum (the target
  metric; shared pages counted once per process) and peak PSS sum (shared pages split), and the RSS when
  25/50/75/100 % of the burst is filed, with each quarter's throughput (flat = no growth with N).

Baseline in the same run (after the watcher has stopped, so nothing competes): the naive way for the
first ``--baseline`` forms, one ``soffice --convert-to pdf`` process per letter (own profile, created
once beforehand and not counted), on the very docx files the pipeline rendered into the archive. The
naive way does less work per letter (one plain PDF, no reading, numbering or archiving), so the ratio
is conservative.

    .venv/bin/python bench/burst.py [--forms 500] [--baseline 10] [--workers 2] [--base-port 2700] [--keep]

Exit status: 0 when every form was filed (targets missed are reported, not fatal), 1 when a form was not
filed (set aside, voided, left in the inbox, timeout or the watcher died), 130 on Ctrl-C. The temporary
workspace is removed (unless ``--keep``) and every soffice started under it is killed, also on Ctrl-C.

The other benchmarks (latency.py, scale.py) import the workspace helpers from this file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

TARGET_WALL_S_500 = 120.0
TARGET_RSS_MB = 700.0

FIRST = ["I Made", "Ni Luh", "I Wayan", "Ni Kadek", "I Ketut", "Ni Komang", "I Gede", "Ni Putu", "I Nyoman",
         "Ni Wayan", "Anak Agung", "Dewa Ayu", "Siti", "Muhammad", "Yohanes", "Maria", "Agus", "Dwi", "Eka", "Rina"]
MIDDLE = ["Adi", "Ayu", "Bagus", "Citra", "Dharma", "Indah", "Jaya", "Kusuma", "Mega", "Putra", "Ratna", "Sari",
          "Surya", "Tirta", "Wira", "Yoga", "Arya", "Budi", "Candra", "Dewi"]
LAST = ["Sutama", "Lestari", "Arsana", "Wahyuni", "Suardana", "Astuti", "Pratama", "Dewi", "Suarjana", "Sriani",
        "Wibawa", "Santika", "Mahendra", "Permana", "Purnama", "Widiastuti", "Saputra", "Rahayu", "Hidayat",
        "Nugroho"]
JOBS = ["Mahasiswa", "Wiraswasta", "Wartawan", "Peneliti", "Guru", "Petani", "Karyawan swasta", "Advokat"]
TOPICS = ["Dokumen kontrak pembangunan jalan provinsi ruas {n}", "Laporan realisasi anggaran kegiatan nomor {n}",
          "Daftar penerima beasiswa tahun {y} (berkas {n})", "Hasil uji emisi kendaraan dinas, laporan {n}",
          "Rencana kerja tahunan dinas tahun {y}, bagian {n}", "Data kunjungan wisatawan bulanan, tabel {n}",
          "Salinan izin lingkungan usaha nomor {n}", "Rekapitulasi pengaduan masyarakat tahun {y} ({n})"]
AIMS = ["Penelitian skripsi", "Pengawasan pelaksanaan proyek", "Bahan pemberitaan", "Advokasi kebijakan publik",
        "Kajian akademik", "Keperluan pribadi"]
STREETS = ["Teuku Umar", "Gatot Subroto", "Hayam Wuruk", "Diponegoro", "Gajah Mada", "Sudirman", "Imam Bonjol"]


# ---- workspace ------------------------------------------------------------------------------------

def ppid_env(workspace: Path) -> dict:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": path}


def ppid(workspace: Path, *args: str, timeout: float = 600, check: bool = True, stdout=subprocess.PIPE
         ) -> subprocess.CompletedProcess:
    """The real CLI on a workspace, as an officer would type it."""
    result = subprocess.run([PYTHON, "-m", "pipeline", *args], cwd=workspace, env=ppid_env(workspace),
                            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"ppid {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def set_config(workspace: Path, section: str, key: str, value: str) -> None:
    """Change one key of a workspace's config.toml (value as TOML text), as tests/conftest.py does."""
    path = workspace / "config.toml"
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition(f"[{section}]\n")
    if not sep:
        raise KeyError(section)
    body, nxt, rest = tail.partition("\n[")
    lines = [line for line in body.split("\n") if not line.startswith(f"{key} ")]
    path.write_text(head + sep + "\n".join([f"{key} = {value}", *lines]) + nxt + rest, encoding="utf-8")


def make_workspace(path: Path, *, base_port: int, workers: int = 2, stable_seconds: float = 0.2,
                   rescan_seconds: float = 5) -> Path:
    """``ppid init`` plus the benchmark's settings (own LibreOffice ports, fast stability)."""
    subprocess.run([PYTHON, "-m", "pipeline", "init", "--contoh", str(path)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    set_config(path, "watch", "stable_seconds", repr(float(stable_seconds)))
    set_config(path, "watch", "rescan_seconds", repr(float(rescan_seconds)))
    set_config(path, "libreoffice", "workers", str(workers))
    set_config(path, "libreoffice", "base_port", str(base_port))
    return path


def applicant_name(i: int) -> str:
    """Distinct, realistic names for i < 8000 (a suffix beyond)."""
    name = f"{FIRST[i % 20]} {MIDDLE[(i // 20) % 20]} {LAST[(i // 400) % 20]}"
    return name if i < 8000 else f"{name} {i // 8000 + 1}"


def nik(i: int) -> str:
    """A distinct 16-digit NIK: Denpasar region code, a birth date (DDMMYY), a serial."""
    day, month, year = i % 28 + 1, (i // 28) % 12 + 1, 60 + (i // 336) % 40
    return f"517101{day:02d}{month:02d}{year:02d}{i % 10000:04d}"


def write_forms(dest: Path, count: int, *, start: int = 0, prefix: str = "formulir") -> list[Path]:
    """``count`` distinct, valid request forms (unique NIK and name) filled into the blank Word form."""
    from pipeline.core.bahasa import tanggal
    from pipeline.render.blankforms import fill_request_docx, write_blank_forms

    dest.mkdir(parents=True, exist_ok=True)
    blank = write_blank_forms(dest / ".kosong")[0]
    place_date = f"Denpasar, {tanggal(date.today())}"
    forms = []
    for i in range(start, start + count):
        values = {"nama": applicant_name(i), "nik": nik(i), "alamat": f"Jl. {STREETS[i % 7]} No. {i % 250 + 1}, Denpasar",
                  "pekerjaan": JOBS[i % len(JOBS)], "telepon": f"0812{i:08d}",
                  "email": f"pemohon{i}@contoh.id" if i % 3 else "",
                  "rincian_informasi": TOPICS[i % len(TOPICS)].format(n=i + 1, y=2019 + i % 7),
                  "tujuan": AIMS[i % len(AIMS)]}
        form = dest / f"{prefix}-{i:05d}.docx"
        shutil.copyfile(blank, form)
        fill_request_docx(form, values, {"cara_memperoleh": [1], "cara_salinan": [i % 5]}, place_date=place_date)
        forms.append(form)
    shutil.rmtree(dest / ".kosong", ignore_errors=True)
    return forms


def inbox_entries(workspace: Path) -> list[str]:
    """What is still in the inbox (the pipeline's own set-aside and results folders and hidden temp files excepted)."""
    return [e.name for e in os.scandir(workspace / "inbox")
            if e.name not in ("_disisihkan", "_hasil") and not e.name.startswith(".")]


def set_aside_entries(workspace: Path) -> list[str]:
    folder = workspace / "inbox" / "_disisihkan"
    return sorted(e.name for e in os.scandir(folder)) if folder.is_dir() else []


def set_aside_reasons(workspace: Path, limit: int = 3) -> str:
    """The reason files of set-aside forms (for a failure report)."""
    folder = workspace / "inbox" / "_disisihkan"
    texts = [f"--- {p.name}\n{p.read_text(errors='replace').strip()}" for p in sorted(folder.glob("*.ALASAN.txt"))[:limit]]
    return "\n".join(texts)


class ManifestCounter:
    """Case folders of the archive (``<tahun>/<bulan>/<nomor>``) whose manifest.json exists, found incrementally."""

    def __init__(self, archive: Path):
        self.archive = archive
        self.done: set[str] = set()
        self.first_seen: dict[str, float] = {}

    def scan(self) -> int:
        now = time.perf_counter()
        try:
            years = [e for e in os.scandir(self.archive) if e.is_dir() and e.name.isdigit()]
        except FileNotFoundError:
            return 0
        for year in years:
            for month in os.scandir(year.path):
                if not (month.is_dir() and month.name.isdigit()):
                    continue
                for case in os.scandir(month.path):
                    rel = f"{year.name}/{month.name}/{case.name}"
                    if rel not in self.done and os.path.exists(os.path.join(case.path, "manifest.json")):
                        self.done.add(rel)
                        self.first_seen[rel] = now
        return len(self.done)


# ---- processes -------------------------------------------------------------------------------------

def pids_with(marker: str) -> list[int]:
    """Processes whose command line contains ``marker`` (this process excepted)."""
    needle, own, pids = marker.encode(), os.getpid(), []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) != own:
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                    if needle in fh.read():
                        pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def kill_pids(pids: list[int]) -> int:
    killed = 0
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
            killed += 1
        except ProcessLookupError:
            pass
    return killed


def loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def loadavg_list() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


class Watcher:
    """``ppid watch`` on a workspace, in its own session (Ctrl-C reaches the benchmark, which stops it)."""

    def __init__(self, workspace: Path, log: Path):
        self.workspace = workspace
        self.log_path = log
        self._log = open(log, "wb")
        self.proc = subprocess.Popen([PYTHON, "-m", "pipeline", "watch"], cwd=workspace, env=ppid_env(workspace),
                                     stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid = self.proc.pid
        self.marker = str(workspace / "var" / "libreoffice")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def pids(self) -> list[int]:
        """The watcher and its LibreOffice processes (launcher and soffice.bin)."""
        return [self.pid, *pids_with(self.marker)] if self.alive() else pids_with(self.marker)

    def cpu_total(self) -> float:
        return sum(c for c in map(cpu_seconds, self.pids()) if c is not None)

    def wait_idle(self, quiet: float = 1.0, timeout: float = 120.0, threshold: float = 0.03) -> float:
        """Wait until the watcher and its LibreOffice used < threshold CPU-seconds per second for ``quiet`` s."""
        start = time.perf_counter()
        last, since = self.cpu_total(), time.perf_counter()
        while time.perf_counter() - start < timeout:
            time.sleep(0.25)
            if not self.alive():
                raise RuntimeError(f"ppid watch exited ({self.proc.returncode}); log: {self.tail()}")
            now, cpu = time.perf_counter(), self.cpu_total()
            if cpu - last > threshold * (now - since) + 0.02:
                last, since = cpu, now
            elif now - since >= quiet:
                return now - start
        raise RuntimeError("ppid watch did not become idle")

    def stop(self, timeout: float = 120.0) -> int | None:
        """SIGTERM (finishes the files in hand, writes the registers), then SIGKILL the group if need be."""
        if self.proc.poll() is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.pid, signal.SIGKILL)
                self.proc.wait()
            except ProcessLookupError:
                pass
        self._log.close()
        return self.proc.returncode

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@contextmanager
def bench_dir(prefix: str, keep: bool):
    """A temporary folder for the run; at the end (Ctrl-C and SIGTERM included) every process started under
    it is killed (their command lines name it: profile dirs, config) and it is removed unless ``keep``."""
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield tmp
    finally:
        leftovers = pids_with(str(tmp))
        if leftovers:
            time.sleep(0.5)  # a stopping watcher's LibreOffice may still be on its way out
            killed = kill_pids(pids_with(str(tmp)))
            if killed:
                print(f"cleanup: killed {killed} leftover process(es) started under {tmp}", flush=True)
        if keep:
            print(f"workspace kept: {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


def run_in_bench_dir(prefix: str, keep: bool, body) -> int:
    """The common frame of a bench's main(): print the load, run ``body(tmp, load_start)`` in a
    bench_dir, and map Ctrl-C to 130 and a RuntimeError (the run failed) to 1."""
    load_start = loadavg_list()
    print(f"load average at start: {loadavg()} ({os.cpu_count()} cores)", flush=True)
    try:
        with bench_dir(prefix, keep) as tmp:
            return body(tmp, load_start)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        return 130
    except RuntimeError as exc:
        print(f"FAILED: {exc}", flush=True)
        return 1


def run_naive(docx_files: list[Path], out: Path, profile: Path, program: str = "soffice") -> float:
    """One ``soffice --convert-to pdf`` process per file (cold start each); returns the seconds taken.

    The profile is created by one conversion beforehand (a one-time cost, not counted)."""

    def convert(docx: Path, outdir: Path) -> None:
        proc = subprocess.Popen([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                                 "--infilter=MS Word 2007 XML", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=120)
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise

    out.mkdir(parents=True, exist_ok=True)
    convert(docx_files[0], out / "profil")
    start = time.perf_counter()
    for docx in docx_files:
        convert(docx, out)
    elapsed = time.perf_counter() - start
    bad = [d.name for d in docx_files if not (out / f"{d.stem}.pdf").is_file()
           or (out / f"{d.stem}.pdf").read_bytes()[:4] != b"%PDF"]
    if bad:
        raise RuntimeError(f"naive baseline: no PDF for {bad}")
    return elapsed


# ---- the burst ------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=500, help="forms in the burst (default 500)")
    parser.add_argument("--baseline", type=int, default=10, help="forms converted the naive way (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="LibreOffice instances of the watcher (default 2)")
    parser.add_argument("--base-port", type=int, default=2700, help="first LibreOffice port (default 2700)")
    parser.add_argument("--stable-seconds", type=float, default=0.2, help="watch.stable_seconds (default 0.2)")
    parser.add_argument("--sample", type=float, default=0.2, help="sampling interval in seconds (default 0.2)")
    parser.add_argument("--timeout", type=float, default=3600, help="give up after this many seconds of burst")
    parser.add_argument("--no-warmup", action="store_true", help="drop the burst on a watcher that has not "
                        "converted anything yet (LibreOffice start-up then counts)")
    parser.add_argument("--py-spy", metavar="FILE", help="profile the watcher during the burst with py-spy "
                        "(--nonblocking, collapsed stacks written to FILE; figures then include its overhead)")
    parser.add_argument("--py-spy-bin", default="py-spy", help="the py-spy program (default: py-spy on PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    args = parser.parse_args(argv)
    if args.forms < 1:
        parser.error("--forms must be at least 1")

    return run_in_bench_dir("ppid-burst-", args.keep, lambda tmp, load_start: _burst(args, tmp, load_start))


def _recycle_after(workspace: Path) -> str:
    import tomllib

    with open(workspace / "config.toml", "rb") as fh:
        return str(tomllib.load(fh).get("libreoffice", {}).get("recycle_after", "?"))


def _burst(args, tmp: Path, load_start: list[float]) -> int:
    workspace = make_workspace(tmp / "ruang-kerja", base_port=args.base_port, workers=args.workers,
                               stable_seconds=args.stable_seconds)
    t0 = time.perf_counter()
    staged = write_forms(tmp / "siap", args.forms)
    warm_forms = [] if args.no_warmup else write_forms(tmp / "pemanasan", 1, start=args.forms, prefix="pemanasan")
    print(f"wrote {len(staged)} distinct forms (+{len(warm_forms)} warm-up) in {time.perf_counter() - t0:.1f} s",
          flush=True)

    watcher = Watcher(workspace, tmp / "watch.log")
    counter = ManifestCounter(workspace / "archive")
    failure = None
    profiler = None
    try:
        watcher.wait_idle(quiet=1.0)
        if warm_forms:
            t_warm = time.perf_counter()
            os.rename(warm_forms[0], workspace / "inbox" / warm_forms[0].name)
            while counter.scan() < 1 or inbox_entries(workspace):
                if not watcher.alive() or time.perf_counter() - t_warm > 120 or set_aside_entries(workspace):
                    raise RuntimeError(f"warm-up form not filed\n{set_aside_reasons(workspace)}\n"
                                       f"watch log:\n{watcher.tail()}")
                time.sleep(0.05)
            print(f"warm-up form filed in {time.perf_counter() - t_warm:.2f} s (LibreOffice start included)", flush=True)
        idle_s = watcher.wait_idle(quiet=1.5)
        print(f"watcher idle (waited {idle_s:.1f} s); load average before the burst: {loadavg()}", flush=True)
        before = counter.scan()
        target = before + args.forms

        # -- the burst: every form renamed into the inbox in a tight loop --------------------------
        cpu_seen: dict[int, float] = {}
        samples: list[tuple[float, int, int, int, int]] = []   # (t, filed, rss kB, pss kB, watcher rss kB)
        marks = {25: None, 50: None, 75: None, 100: None}
        inbox = workspace / "inbox"
        if args.py_spy:
            profiler = subprocess.Popen([args.py_spy_bin, "record", "--nonblocking", "--threads",
                                         "--format", "raw", "--rate", "50", "-o", str(Path(args.py_spy).resolve()),
                                         "-p", str(watcher.pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
            time.sleep(1.0)
        cpu_start = {pid: c for pid in watcher.pids() if (c := cpu_seconds(pid)) is not None}
        t_start = time.perf_counter()
        for form in staged:
            os.rename(form, inbox / form.name)
        t_dropped = time.perf_counter() - t_start
        t_done = None
        t_all_manifests = None
        while True:
            now = time.perf_counter() - t_start
            pids = watcher.pids()
            rss = sum(rss_kb(p) for p in pids)
            pss = sum(pss_kb(p) for p in pids)
            for pid in pids:
                cpu = cpu_seconds(pid)
                if cpu is not None:
                    cpu_seen[pid] = cpu
            filed = counter.scan() - before
            samples.append((now, filed, rss, pss, rss_kb(watcher.pid)))
            for pct in marks:
                if marks[pct] is None and filed * 100 >= pct * args.forms:
                    marks[pct] = (now, filed, rss, pss, samples[-1][4])
            if filed >= args.forms and t_all_manifests is None:
                t_all_manifests = now
            left = inbox_entries(workspace)
            aside = set_aside_entries(workspace)
            if filed >= args.forms and not left:
                t_done = now
                break
            if aside and filed + len([a for a in aside if not a.endswith(".ALASAN.txt")]) >= args.forms and not left:
                failure = f"{len(aside)} set-aside file(s): {aside[:4]}"
                break
            if not watcher.alive():
                failure = f"ppid watch exited ({watcher.proc.returncode}) with {filed}/{args.forms} filed"
                break
            if now > args.timeout:
                failure = f"timeout after {now:.0f} s with {filed}/{args.forms} filed, {len(left)} in the inbox"
                break
            time.sleep(max(0.0, args.sample - (time.perf_counter() - t_start - now)))
        # a few more samples while the watcher settles (register write after the burst)
        settle_end = time.perf_counter() + 2.0
        while time.perf_counter() < settle_end and watcher.alive():
            pids = watcher.pids()
            samples.append((time.perf_counter() - t_start, samples[-1][1], sum(rss_kb(p) for p in pids),
                            sum(pss_kb(p) for p in pids), rss_kb(watcher.pid)))
            time.sleep(args.sample)
        load_end = loadavg_list()
        print(f"load average at the end of the burst: {loadavg()}", flush=True)
    finally:
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
            try:
                profiler.wait(timeout=30)
            except subprocess.TimeoutExpired:
                profiler.kill()
                profiler.wait()
        stopped = time.perf_counter()
        code = watcher.stop()
        stop_s = time.perf_counter() - stopped
    if failure is None and code not in (0, None):
        failure = f"ppid watch exited {code} when stopped"
    if failure:
        print(f"FAILED: {failure}\n{set_aside_reasons(workspace)}\nwatch log tail:\n{watcher.tail()}", flush=True)
        return 1

    # -- check: every form is a filed case, nothing set aside, inbox empty ----------------------------
    cases = json.loads(ppid(workspace, "cases", "--json").stdout)
    good = [c for c in cases if c["status"] not in ("batal", "disiapkan") and c["folder_arsip"]]
    problems = []
    if len(good) != target:
        problems.append(f"{len(good)} filed cases in the database, expected {target}")
    if inbox_entries(workspace):
        problems.append(f"inbox not empty: {inbox_entries(workspace)[:5]}")
    if set_aside_entries(workspace):
        problems.append(f"set aside: {set_aside_entries(workspace)[:5]}")
    # (a failed check is reported after the figures: a form both filed and set aside still was timed)

    # -- figures ---------------------------------------------------------------------------------------
    n = args.forms
    wall = t_done
    forms_per_s = n / wall
    letters_per_s = 2 * n / wall
    peak = max(samples, key=lambda s: s[2])
    peak_pss = max(s[3] for s in samples)
    burst_samples = [s for s in samples if s[0] <= wall]
    cpu_python = cpu_seen.get(watcher.pid, 0.0) - cpu_start.get(watcher.pid, 0.0)
    cpu_office = sum(c - cpu_start.get(pid, 0.0) for pid, c in cpu_seen.items() if pid != watcher.pid)
    print(f"\nburst: {n} forms renamed into the inbox in {t_dropped * 1000:.0f} ms; "
          f"stable_seconds {args.stable_seconds}, {args.workers} LibreOffice workers, "
          f"{'warm' if warm_forms else 'cold'} watcher")
    print(f"  all {n} manifests at {t_all_manifests:.1f} s; inbox empty at {wall:.1f} s  ->  wall {wall:.1f} s")
    print(f"  throughput: {forms_per_s:.2f} forms/s, {letters_per_s:.2f} letters/s "
          f"({2 * letters_per_s:.2f} PDFs/s: PDF/A-2b + print PDF per letter)")
    print(f"  CPU during the burst: watcher (Python) {cpu_python:.0f} s = {cpu_python / wall:.2f} cores, "
          f"LibreOffice {cpu_office:.0f} s = {cpu_office / wall:.2f} cores, of {os.cpu_count()} "
          f"(sampled every {args.sample} s; an instance recycled between samples loses its last slice)")
    print(f"  memory: peak RSS sum {peak[2] / 1024:.0f} MB at {peak[0]:.1f} s "
          f"({peak[1]} filed) = watcher {peak[4] / 1024:.0f} MB + LibreOffice {(peak[2] - peak[4]) / 1024:.0f} MB; "
          f"peak PSS sum {peak_pss / 1024:.0f} MB; {len(burst_samples)} samples")
    print(f"  watcher RSS: {samples[0][4] / 1024:.0f} MB at the drop, {max(s[4] for s in samples) / 1024:.0f} MB peak, "
          f"{samples[-1][4] / 1024:.0f} MB at the end; LibreOffice RSS sum peak "
          f"{max(s[2] - s[4] for s in samples) / 1024:.0f} MB (instances recycled every "
          f"{_recycle_after(workspace)} conversions)")
    print("  progress   time s   filed   RSS MB   PSS MB   watcher RSS MB   forms/s in that quarter")
    prev_t, prev_f = 0.0, 0
    quarters = {}
    for pct, (t, filed, rss, pss, rss_watcher) in marks.items():
        window = [s[2] for s in samples if prev_t <= s[0] <= t] or [rss]
        rate = (filed - prev_f) / (t - prev_t) if t > prev_t else float("nan")
        quarters[pct] = {"t_s": round(t, 2), "filed": filed, "rss_mb": round(rss / 1024), "pss_mb": round(pss / 1024),
                         "peak_rss_mb_in_quarter": round(max(window) / 1024), "forms_per_s": round(rate, 2),
                         "watcher_rss_mb": round(rss_watcher / 1024)}
        print(f"  {pct:>6}%  {t:>8.1f}  {filed:>6}  {rss / 1024:>7.0f}  {pss / 1024:>7.0f}  {rss_watcher / 1024:>15.0f}"
              f"   {rate:.2f}"
              f"   (peak RSS in quarter {max(window) / 1024:.0f} MB)")
        prev_t, prev_f = t, filed
    growth = quarters[100]["peak_rss_mb_in_quarter"] / max(1, quarters[25]["peak_rss_mb_in_quarter"])
    print(f"  RSS growth, peak of last quarter / peak of first quarter: {growth:.2f}x; "
          f"throughput last quarter / first quarter: "
          f"{quarters[100]['forms_per_s'] / max(1e-9, quarters[25]['forms_per_s']):.2f}x")
    print(f"  watcher stop (SIGTERM, register write, LibreOffice stop): {stop_s:.1f} s")

    # -- naive baseline on the first forms' own letters -------------------------------------------------
    folders = sorted(counter.done)[: max(0, min(args.baseline, n))]
    docx = [workspace / "archive" / f / name for f in folders for name in ("02-tanda-terima.docx", "03-surat-ppid-pelaksana.docx")]
    naive_forms_per_s = ratio = None
    if docx:
        copies = tmp / "naive" / "in"
        copies.mkdir(parents=True)
        inputs = []
        for i, path in enumerate(docx):  # distinct names: every case has the same two file names
            inputs.append(copies / f"{i // 2:03d}-{path.name}")
            shutil.copyfile(path, inputs[-1])
        print(f"\nnaive baseline: {len(inputs)} letters of {len(folders)} forms, one `soffice --convert-to pdf` "
              f"process each (plain PDF only), load average {loadavg()}", flush=True)
        naive_s = run_naive(inputs, tmp / "naive" / "out", tmp / "naive" / "profile")
        naive_forms_per_s = len(folders) / naive_s
        print(f"  {naive_s:.1f} s: {naive_forms_per_s:.3f} forms/s, {len(inputs) / naive_s:.2f} letters/s")
        ratio = forms_per_s / naive_forms_per_s
        print(f"  ratio pipeline burst / naive: {ratio:.1f}x forms/s (the pipeline also writes PDF/A + print PDF, "
              f"reads, numbers and archives)")

    # -- targets ---------------------------------------------------------------------------------------
    print("\ntargets:")
    if n == 500:
        print(f"  500 forms <= {TARGET_WALL_S_500:.0f} s wall: {wall:.1f} s -> "
              f"{'met' if wall <= TARGET_WALL_S_500 else 'MISSED'}")
    else:
        print(f"  500 forms <= {TARGET_WALL_S_500:.0f} s wall: not measured by this run ({n} forms; "
              f"{wall:.1f} s = {wall / n * 500:.0f} s per 500 at this run's rate)")
    print(f"  peak RSS <= {TARGET_RSS_MB:.0f} MB: {peak[2] / 1024:.0f} MB -> "
          f"{'met' if peak[2] / 1024 <= TARGET_RSS_MB else 'MISSED'}")
    print(f"  RSS flat over the burst (25/50/75/100 %): "
          f"{' / '.join(str(q['rss_mb']) for q in quarters.values())} MB at the marks, "
          f"{' / '.join(str(q['peak_rss_mb_in_quarter']) for q in quarters.values())} MB quarter peaks")
    print(f"load average: start {load_start}, end of burst {load_end}, now {loadavg()}")
    print(json.dumps({
        "bench": "burst", "forms": n, "wall_s": round(wall, 2), "forms_per_s": round(forms_per_s, 3),
        "letters_per_s": round(letters_per_s, 3), "peak_rss_mb": round(peak[2] / 1024),
        "peak_pss_mb": round(peak_pss / 1024), "peak_rss_watcher_mb": round(max(s[4] for s in samples) / 1024),
        "peak_rss_libreoffice_mb": round(max(s[2] - s[4] for s in samples) / 1024), "rss_mb_at": {str(k): v["rss_mb"] for k, v in quarters.items()},
        "quarters": quarters, "naive_forms": len(folders), "naive_forms_per_s": round(naive_forms_per_s, 4)
        if naive_forms_per_s else None, "ratio": round(ratio, 2) if ratio else None, "workers": args.workers,
        "stable_seconds": args.stable_seconds, "warm": bool(warm_forms),
        "cpu_cores_python": round(cpu_python / wall, 2), "cpu_cores_libreoffice": round(cpu_office / wall, 2),
        "target_wall_met": (wall <= TARGET_WALL_S_500) if n == 500 else None,
        "target_rss_met": peak[2] / 1024 <= TARGET_RSS_MB, "loadavg_start": load_start, "loadavg_end": load_end,
        "failed": problems or None,
    }), flush=True)
    if problems:
        errors = [line for line in (workspace / "var" / "ppid.log").read_text(errors="replace").splitlines()
                  if " ERROR " in line or " WARNING " in line]
        print("FAILED: " + "; ".join(problems), file=sys.stderr, flush=True)
        print(set_aside_reasons(workspace), file=sys.stderr, flush=True)
        print("ppid.log errors/warnings:\n" + "\n".join(errors[:10]), file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
