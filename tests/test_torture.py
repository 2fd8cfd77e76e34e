"""Crash torture: ``kill -9`` the watcher at random moments during a burst, restarting it each time.

Afterwards every form is filed exactly once, numbers are contiguous and unique (voids recorded with
their reasons), no half-written case folder exists, no inbox original was lost, and no LibreOffice is
left behind. The kill schedule is seeded, so a failure can be replayed.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import ROOT, make_workspace, ppid, ppid_json

FORMS = 80
KILLS = 30
FIRST_NAMES = ["I Made", "Ni Luh", "I Wayan", "Ni Kadek", "I Ketut", "Ni Komang", "I Gede", "Ni Putu", "I Nyoman", "Ni Wayan"]
LAST_NAMES = ["Sutama", "Lestari", "Arsana", "Wahyuni", "Suardana", "Astuti", "Pratama", "Dewi", "Suarjana", "Sriani"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_forms(inbox: Path, blank: Path, count: int) -> dict[str, str]:
    """``count`` distinct valid request forms; returns sha256 -> file name."""
    written = {}
    for i in range(count):
        day, month = i % 28 + 1, i % 12 + 1
        nik = f"517101{day:02d}{month:02d}{80 + i % 20:02d}{i + 1:04d}"
        values = {"nama": f"{FIRST_NAMES[i % 10]} {LAST_NAMES[(i // 10) % 10]} {i}", "nik": nik,
                  "alamat": f"Jl. Teuku Umar No. {i + 1}, Denpasar", "telepon": f"0812{i:08d}",
                  "rincian_informasi": f"Data anggaran kegiatan nomor {i} tahun 2025", "tujuan": "Penelitian"}
        form = inbox / f"formulir-{i:03d}.docx"
        shutil.copyfile(blank, form)
        fill_request_docx(form, values, {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date="Denpasar, 16 November 2026")
        written[sha(form)] = form.name
    return written


def watcher(workspace: Path) -> subprocess.Popen:
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "watch"], cwd=workspace, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def soffice_of(workspace: Path) -> list[int]:
    marker = str(workspace / "var" / "libreoffice").encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


@pytest.mark.slow
def test_kill_9_during_a_burst_loses_nothing_and_files_everything_once(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    blank = write_blank_forms(tmp_path / "kosong")[0]
    forms = write_forms(workspace / "inbox", blank, FORMS)
    rng = random.Random(20261121)

    kills = 0
    while kills < KILLS:
        proc = watcher(workspace)
        time.sleep(rng.uniform(0.3, 2.0))
        proc.send_signal(signal.SIGKILL)   # no clean-up of any kind: the pipeline must cope on restart
        proc.wait()
        kills += 1
    ppid(workspace, "process")             # a clean restart finishes what was cut off

    inbox_left = [p.name for p in (workspace / "inbox").iterdir() if p.name not in ("_disisihkan", "_hasil")]
    assert inbox_left == []
    cases = ppid_json(workspace, "cases")
    filed = [c for c in cases if c["status"] != "batal"]
    void = [c for c in cases if c["status"] == "batal"]
    assert all(c["alasan_batal"] for c in void)

    # Numbers: contiguous from 1, unique, every one accounted for.
    seqs = sorted(int(c["nomor"].split("/")[0]) for c in cases)
    assert seqs == list(range(1, len(cases) + 1))

    # Every form filed exactly once (by the bytes of the archived original), or kept aside: never lost.
    originals = []
    for case in filed:
        folder = workspace / "archive" / case["folder_arsip"]
        manifest = json.loads((folder / "manifest.json").read_text())
        originals += [e["sha256"] for e in manifest["files"] if e["role"] == "original"]
    aside = workspace / "inbox" / "_disisihkan"
    kept_aside = {sha(p) for p in aside.glob("*.docx") if ".pemberitahuan." not in p.name} if aside.exists() else set()
    assert len(originals) == len(set(originals)), "a form was filed twice"
    assert set(originals) | kept_aside >= set(forms), "a form was lost"
    assert set(originals) == set(forms), f"forms not filed: {[forms[s] for s in set(forms) - set(originals)]}"

    # No half-written case folder; the whole archive verifies.
    for manifest_dir in (workspace / "archive").glob("*/*/*"):
        if manifest_dir.is_dir() and manifest_dir.parent.name not in ("sumber", "batal"):
            assert (manifest_dir / "manifest.json").is_file(), manifest_dir
    assert not any((workspace / "archive" / ".staging").iterdir())
    assert "arsip utuh" in ppid(workspace, "verify").stdout

    # No LibreOffice left running for this workspace.
    deadline = time.monotonic() + 10
    while soffice_of(workspace) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert soffice_of(workspace) == []
