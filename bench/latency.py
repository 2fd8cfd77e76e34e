"""Benchmark: latency of one form on an idle, warm ``ppid watch``, against a cold ``ppid process``.

A real watcher runs on a fresh workspace (``ppid init``; ``watch.stable_seconds`` small, 0.2 s by default)
and is warmed by one form (LibreOffice started). Then, ``--runs`` times (distinct forms, one at a time,
the watcher idle before each): a form written beforehand outside the inbox gets its mtime set to now and
is renamed into the inbox. The clock starts when the file is stable (its mtime + stable_seconds: the
pipeline may not take it earlier) and stops when its case folder's ``manifest.json`` exists (the archive
is polled every 5 ms); the time until the inbox file is removed (after the database commit and the
ready-to-sign copies) is reported too. Median and p90 (nearest rank).

Baseline in the same run (after the watcher has stopped): ``ppid process`` on one form in a fresh process,
on a second workspace (own ports) whose LibreOffice profile was created by one untimed run: Python and
LibreOffice start-up included. Its clock starts at the launch (the form is already stable) and stops at
the manifest and at the process exit.

    .venv/bin/python bench/latency.py [--runs 10] [--stable-seconds 0.2] [--baseline-runs 3] [--base-port 2720] [--keep]

Exit status 0 when every form was filed (a missed target is reported, not fatal), 1 otherwise, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from burst import (  # noqa: E402
    PYTHON,
    ManifestCounter,
    Watcher,
    inbox_entries,
    loadavg,
    loadavg_list,
    make_workspace,
    ppid_env,
    run_in_bench_dir,
    set_aside_entries,
    set_aside_reasons,
    write_forms,
)

TARGET_S = 1.5


def p90(values: list[float]) -> float:
    """Nearest-rank 90th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def drop_one(form: Path, inbox: Path) -> float:
    """Stamp the form's mtime with now and rename it into the inbox; return that mtime (epoch seconds)."""
    now_ns = time.time_ns()
    os.utime(form, ns=(now_ns, now_ns))
    os.rename(form, inbox / form.name)
    return now_ns / 1e9


def wait_filed(counter: ManifestCounter, expected: int, inbox: Path, name: str, poll: float, timeout: float,
               watcher: Watcher | None = None) -> tuple[float, float]:
    """Epoch seconds when the ``expected``-th manifest appeared, and when ``name`` left the inbox."""
    t_manifest = t_gone = None
    deadline = time.monotonic() + timeout
    while t_manifest is None or t_gone is None:
        now = time.time()
        if t_manifest is None and counter.scan() >= expected:
            t_manifest = now
        if t_gone is None and not (inbox / name).exists():
            t_gone = now
        if time.monotonic() > deadline or set_aside_entries(inbox.parent):
            raise RuntimeError(f"{name} not filed within {timeout:.0f} s\n{set_aside_reasons(inbox.parent)}")
        if watcher is not None and not watcher.alive():
            raise RuntimeError(f"ppid watch exited ({watcher.proc.returncode}):\n{watcher.tail()}")
        time.sleep(poll)
    return t_manifest, t_gone


def cold_process(workspace: Path, counter: ManifestCounter, form: Path, poll: float) -> tuple[float, float]:
    """One form, then ``ppid process`` in a fresh process: seconds from launch to manifest and to exit."""
    os.rename(form, workspace / "inbox" / form.name)
    expected = counter.scan() + 1
    seen: dict[str, float] = {}

    def watch_archive(stop: threading.Event) -> None:
        while not stop.is_set():
            if counter.scan() >= expected:
                seen["manifest"] = time.perf_counter()
                return
            time.sleep(poll)

    stop = threading.Event()
    poller = threading.Thread(target=watch_archive, args=(stop,), daemon=True)
    start = time.perf_counter()
    poller.start()
    result = subprocess.run([PYTHON, "-m", "pipeline", "process"], cwd=workspace, env=ppid_env(workspace),
                            capture_output=True, text=True, timeout=300)
    end = time.perf_counter()
    stop.set()
    poller.join()
    if result.returncode != 0 or "manifest" not in seen or inbox_entries(workspace) or set_aside_entries(workspace):
        raise NotFiled(f"ppid process did not file {form.name}: exit {result.returncode}, "
                       f"{result.stdout.strip()} {result.stderr.strip()[-500:]}")
    return seen["manifest"] - start, end - start


class NotFiled(RuntimeError):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="forms, one at a time (default 10)")
    parser.add_argument("--stable-seconds", type=float, default=0.2, help="watch.stable_seconds (default 0.2)")
    parser.add_argument("--baseline-runs", type=int, default=3, help="cold `ppid process` runs (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="LibreOffice instances (default 2)")
    parser.add_argument("--base-port", type=int, default=2720, help="first LibreOffice port (default 2720; "
                        "the baseline workspace uses base-port + 10)")
    parser.add_argument("--poll", type=float, default=0.005, help="archive polling interval (default 0.005 s)")
    parser.add_argument("--gap", type=float, default=1.0, help="extra idle seconds between forms (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspaces")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return run_in_bench_dir("ppid-latency-", args.keep, lambda tmp, load_start: _latency(args, tmp, load_start))


def _latency(args, tmp: Path, load_start: list[float]) -> int:
    workspace = make_workspace(tmp / "ruang-kerja", base_port=args.base_port, workers=args.workers,
                               stable_seconds=args.stable_seconds)
    forms = write_forms(tmp / "siap", args.runs + 1)
    inbox = workspace / "inbox"
    counter = ManifestCounter(workspace / "archive")
    watcher = Watcher(workspace, tmp / "watch.log")
    filed, cleared = [], []
    try:
        watcher.wait_idle(quiet=1.0)
        t_drop = drop_one(forms[0], inbox)
        t_manifest, _ = wait_filed(counter, 1, inbox, forms[0].name, args.poll, 120, watcher)
        print(f"warm-up form filed {t_manifest - t_drop:.2f} s after the drop (LibreOffice start included)", flush=True)
        print(f"stable_seconds = {args.stable_seconds}; {args.workers} LibreOffice workers; archive polled every "
              f"{args.poll * 1000:.0f} ms", flush=True)
        print("  run   stable->manifest s   stable->inbox cleared s   load", flush=True)
        for i, form in enumerate(forms[1:], 1):
            watcher.wait_idle(quiet=1.0)
            time.sleep(args.gap)
            t_drop = drop_one(form, inbox)
            t_stable = t_drop + args.stable_seconds
            t_manifest, t_gone = wait_filed(counter, i + 1, inbox, form.name, args.poll, 120, watcher)
            filed.append(t_manifest - t_stable)
            cleared.append(t_gone - t_stable)
            print(f"  {i:>3}   {filed[-1]:>18.3f}   {cleared[-1]:>23.3f}   {loadavg()}", flush=True)
    finally:
        code = watcher.stop()
    if set_aside_entries(workspace) or inbox_entries(workspace):
        raise RuntimeError(f"not filed: aside {set_aside_entries(workspace)}, inbox {inbox_entries(workspace)}")
    if code not in (0, None):
        raise RuntimeError(f"ppid watch exited {code}:\n{watcher.tail()}")

    # -- baseline: a cold `ppid process` per form ---------------------------------------------------------
    cold_ws = make_workspace(tmp / "ruang-kerja-dingin", base_port=args.base_port + 10, workers=args.workers,
                             stable_seconds=args.stable_seconds)
    cold_forms = write_forms(tmp / "siap-dingin", args.baseline_runs + 1, start=1000)
    cold_counter = ManifestCounter(cold_ws / "archive")
    failures = []
    try:
        first_manifest, first_exit = cold_process(cold_ws, cold_counter, cold_forms[0], args.poll)
        first = f"{first_manifest:.2f} s to manifest, {first_exit:.2f} s to exit"
    except NotFiled as exc:
        failures.append(str(exc))
        first = "FAILED"
        _clear_aside(cold_ws)
    print(f"\nbaseline: cold `ppid process`, one form per fresh process (first run, creating the LibreOffice "
          f"profile, untimed: {first})", flush=True)
    print("  run   launch->manifest s   launch->exit s   load", flush=True)
    cold_manifest, cold_exit = [], []
    for i, form in enumerate(cold_forms[1:], 1):
        time.sleep(args.gap)
        try:
            m, e = cold_process(cold_ws, cold_counter, form, args.poll)
        except NotFiled as exc:  # reported, and the run exits 1 after the figures
            failures.append(str(exc))
            print(f"  {i:>3}   FAILED: {exc}", flush=True)
            _clear_aside(cold_ws)
            continue
        cold_manifest.append(m)
        cold_exit.append(e)
        print(f"  {i:>3}   {m:>18.3f}   {e:>14.3f}   {loadavg()}", flush=True)

    med, q90 = statistics.median(filed), p90(filed)
    med_clear = statistics.median(cleared)
    cold_med = statistics.median(cold_manifest) if cold_manifest else None
    print(f"\nwatcher, stable -> manifest: median {med:.3f} s, p90 {q90:.3f} s, min {min(filed):.3f} s, "
          f"max {max(filed):.3f} s ({len(filed)} forms)")
    print(f"watcher, stable -> inbox cleared: median {med_clear:.3f} s, p90 {p90(cleared):.3f} s")
    ratio = None
    if cold_med is not None:
        ratio = cold_med / med
        print(f"cold ppid process, launch -> manifest: median {cold_med:.3f} s (to exit: median "
              f"{statistics.median(cold_exit):.3f} s)")
        print(f"ratio cold process / warm watcher (median to manifest): {ratio:.1f}x")
    print(f"target <= {TARGET_S} s: median {med:.3f} s -> {'met' if med <= TARGET_S else 'MISSED'}; "
          f"p90 {q90:.3f} s -> {'met' if q90 <= TARGET_S else 'MISSED'}")
    load_end = loadavg_list()
    print(f"load average: start {load_start}, end {load_end}")
    print(json.dumps({
        "bench": "latency", "runs": len(filed), "stable_seconds": args.stable_seconds,
        "median_s": round(med, 3), "p90_s": round(q90, 3), "min_s": round(min(filed), 3), "max_s": round(max(filed), 3),
        "median_cleared_s": round(med_clear, 3), "samples_s": [round(x, 3) for x in filed],
        "cold_process_median_manifest_s": round(cold_med, 3) if cold_med is not None else None,
        "cold_process_median_exit_s": round(statistics.median(cold_exit), 3) if cold_exit else None,
        "ratio": round(ratio, 2) if ratio else None, "target_s": TARGET_S,
        "target_met_median": med <= TARGET_S, "target_met_p90": q90 <= TARGET_S, "workers": args.workers,
        "loadavg_start": load_start, "loadavg_end": load_end, "failed": failures or None,
    }), flush=True)
    if failures:
        print(f"FAILED: {len(failures)} cold `ppid process` run(s) did not file their form:\n  " + "\n  ".join(failures),
              file=sys.stderr, flush=True)
        return 1
    return 0


def _clear_aside(workspace: Path) -> None:
    """Move a failed run's set-aside files out of the way (kept beside the workspace) so the next run is judged alone."""
    folder = workspace / "inbox" / "_disisihkan"
    if folder.is_dir():
        folder.rename(workspace.parent / f"disisihkan-{time.time_ns()}")


if __name__ == "__main__":
    sys.exit(main())
