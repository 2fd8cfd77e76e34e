"""A kill at each step of filing and of filing a signed copy (issue 14): the next start finishes every step —
the case is filed once under its number, the database's history equals the folder's log, the drafts are on
the signers' desks, the inbox is clear, nothing is voided and the archive verifies.

The kill is injected deterministically: ``PPID_CRASHPOINT`` names the step (pipeline.core.crashpoints) and the
process ends there with ``os._exit``, exactly as ``kill -9`` would leave it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, drop, make_workspace, ppid, ppid_json, sign_draft

FILING_POINTS = ["setelah-nomor", "setelah-rencana", "sebelum-rename", "setelah-rename", "setelah-database",
                 "setelah-meja", "setelah-sembunyi"]
SIGNING_POINTS = ["tambahan-sebelum-pindah", "tambahan-setelah-pindah", "ttd-setelah-arsip", "ttd-sebelum-tindak-lanjut",
                  "setelah-sembunyi"]


def killed_run(workspace: Path, point: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT),
           "PPID_CRASHPOINT": point}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=workspace, env=env, capture_output=True,
                          text=True, timeout=300)


def assert_whole(workspace: Path, case: dict) -> dict:
    """The case as its folder tells it, in the database too; nothing left over anywhere."""
    folder = workspace / "archive" / case["folder_arsip"]
    log = [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines()]
    shown = ppid_json(workspace, "show", case["nomor"])
    assert [e["event"] for e in shown["riwayat"]] == [e["event"] for e in log]
    assert not any((workspace / "archive" / ".staging").iterdir())
    assert not [p for p in folder.iterdir() if p.name.startswith((".", "lu")) or p.suffix == ".tmp"]
    assert [p.name for p in (workspace / "inbox").iterdir() if p.name not in ("_disisihkan", "_hasil")] == []
    assert "arsip utuh" in ppid(workspace, "verify").stdout
    return shown


@pytest.mark.parametrize("point", FILING_POINTS)
def test_a_kill_at_each_step_of_filing_is_finished_by_the_next_start(tmp_path, point):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    drop(workspace, "permohonan-paragraf.docx")
    killed = killed_run(workspace, point, "process", "--today", "2026-03-20")
    assert killed.returncode == 137, killed.stderr
    ppid(workspace, "process", "--today", "2026-03-20")
    cases = ppid_json(workspace, "cases")
    assert [(c["nomor"], c["status"]) for c in cases] == [("001/PPID/III/2026", "diteruskan")]
    assert_whole(workspace, cases[0])
    desks = workspace / "siap-tanda-tangan"
    assert len(list((desks / "desk").glob("DOK-*_02-tanda-terima.docx"))) == 1
    assert len(list((desks / "ppid").glob("DOK-*_03-surat-ppid-pelaksana.cetak.pdf"))) == 1


@pytest.mark.parametrize("point", SIGNING_POINTS)
def test_a_kill_at_each_step_of_filing_a_signed_copy_is_finished_by_the_next_start(tmp_path, point):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    drop(workspace, "permohonan-paragraf.docx")
    ppid(workspace, "process", "--today", "2026-03-20")
    ppid(workspace, "decide", "001/PPID/III/2026", "--keputusan", "diberikan", "--bentuk", "softcopy", "--waktu", "3",
         "--today", "2026-03-23")
    sign_draft(workspace, "ppid", "DOK-*_05-pemberitahuan-tertulis.cetak.pdf", tmp_path, "pindaian.pdf")
    killed = killed_run(workspace, point, "process", "--today", "2026-03-24")
    assert killed.returncode == 137, killed.stderr
    ppid(workspace, "process", "--today", "2026-03-24")
    case = ppid_json(workspace, "cases")[0]
    assert case["status"] == "selesai"
    shown = assert_whole(workspace, case)
    assert [e["event"] for e in shown["riwayat"]].count("closed") == 1
    assert not list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_05-pemberitahuan-tertulis*"))
