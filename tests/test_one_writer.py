"""One writer per workspace (issue 13): a second `watch` or `process` is refused at once naming the first,
`reindex` is refused while one runs, and two watchers plus `process` started together on a burst, killed at
random and restarted, file every form exactly once with no void number."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.render.blankforms import write_blank_forms
from pipeline.store.locks import network_filesystem

from .conftest import ROOT, make_workspace, ppid, ppid_json
from .test_torture import sha, soffice_of, write_forms


def start(workspace: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=workspace, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_running(workspace: Path, proc: subprocess.Popen, timeout: float = 30) -> None:
    lock = workspace / "var" / "ppid.runner"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if lock.is_file() and str(proc.pid) in lock.read_text():
            return
        time.sleep(0.05)
    raise AssertionError("the watcher did not start")


def test_a_second_run_is_refused_naming_the_first_and_reindex_waits_for_none(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    first = start(workspace, "watch")
    try:
        wait_until_running(workspace, first)
        for args in (("watch",), ("process",), ("reindex", "--ya")):
            second = ppid(workspace, *args, check=False, timeout=60)
            assert second.returncode == 1, args
            assert f"PID {first.pid}" in second.stderr and "ppid watch" in second.stderr, second.stderr
            assert "Traceback" not in second.stderr
        assert (workspace / "var" / "ppid.sqlite3").is_file()
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=60)
    assert ppid(workspace, "process").returncode == 0          # the lock went with the process


@pytest.mark.slow
def test_two_watchers_and_process_on_a_burst_killed_at_random_file_every_form_once(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    blank = write_blank_forms(tmp_path / "kosong")[0]
    forms = write_forms(workspace / "inbox", blank, 20)
    rng = random.Random(20261204)
    for _ in range(6):
        runs = [start(workspace, "watch"), start(workspace, "watch"), start(workspace, "process")]
        deadline = time.monotonic() + 30
        while sum(p.poll() is not None for p in runs) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        refused = [p for p in runs if p.poll() == 1]
        running = [p for p in runs if p.poll() is None]
        assert len(refused) == 2 or (len(refused) == 1 and runs[2].poll() == 0), "two ran at once"
        for proc in refused:
            assert "sedang dipakai" in proc.stderr.read()
        time.sleep(rng.uniform(0.3, 3.0))
        for proc in running:
            proc.send_signal(signal.SIGKILL)   # no clean-up of any kind: the next start must cope
            proc.wait()
    ppid(workspace, "process")

    cases = ppid_json(workspace, "cases")
    assert [c for c in cases if c["status"] == "batal"] == []
    assert sorted(int(c["nomor"].split("/")[0]) for c in cases) == list(range(1, len(forms) + 1))
    originals = []
    for case in cases:
        manifest = json.loads((workspace / "archive" / case["folder_arsip"] / "manifest.json").read_text())
        originals += [e["sha256"] for e in manifest["files"] if e["role"] == "original"]
    assert sorted(originals) == sorted(forms), "a form was filed twice or not at all"
    assert [p.name for p in (workspace / "inbox").iterdir() if p.name not in ("_disisihkan", "_hasil")] == []
    assert not (workspace / "inbox" / "_disisihkan").exists() or not any(
        sha(p) in forms for p in (workspace / "inbox" / "_disisihkan").iterdir() if p.is_file())
    assert "arsip utuh" in ppid(workspace, "verify").stdout
    deadline = time.monotonic() + 10
    while soffice_of(workspace) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert soffice_of(workspace) == []


MOUNTINFO = """\
22 1 253:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
41 22 0:35 / /mnt/ppid-bersama rw,relatime shared:20 - cifs //fileserver/ppid rw,vers=3.1.1
42 22 0:36 / /srv/nfs\\040data rw,relatime shared:21 - nfs4 server:/export rw
"""


def test_a_database_on_a_network_share_is_recognised():
    """/proc/self/mountinfo lines as the kernel writes them for an SMB and an NFS mount (no share can be
    mounted in the test machine: the text stands for one)."""
    assert network_filesystem(Path("/mnt/ppid-bersama/var"), MOUNTINFO) == "cifs"
    assert network_filesystem(Path("/srv/nfs data/ppid.sqlite3"), MOUNTINFO) == "nfs4"
    assert network_filesystem(Path("/srv/ppid/var"), MOUNTINFO) is None
    assert network_filesystem(Path("/mnt/ppid-bersama-lain"), MOUNTINFO) is None
