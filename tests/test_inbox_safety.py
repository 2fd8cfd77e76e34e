"""Trust nothing in the inbox (issue 14): a file replaced while it is filed is not deleted unprocessed, the bytes
filed are the bytes that were recognised, and a kill between hiding a finished file and removing it loses
nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.jobs.sources import TAKEN_PREFIX, remove_if_unchanged
from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import ROOT, make_workspace, ppid, ppid_json


def form(tmp_path: Path, target: Path, n: int) -> bytes:
    blank = write_blank_forms(tmp_path / f"kosong-{n}")[0]
    shutil.copyfile(blank, target)
    fill_request_docx(target, {"nama": f"Pemohon Ganti {n}", "nik": f"51710101019001{n:02d}", "alamat": f"Jl. Nangka {n}",
                               "telepon": f"0812345601{n:02d}", "rincian_informasi": f"Data irigasi {n} tahun 2025",
                               "tujuan": "Penelitian"}, {"cara_memperoleh": [1], "cara_salinan": [4]},
                      place_date="Denpasar, 1 Desember 2026")
    return target.read_bytes()


def test_a_file_replaced_after_it_was_read_is_left_for_the_next_pass(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "formulir.docx"
    path.write_bytes(b"versi pertama")
    handled = hashlib.sha256(b"versi pertama").hexdigest()
    path.write_bytes(b"versi kedua, disalin ulang oleh petugas")
    assert not remove_if_unchanged(path, handled)
    assert path.read_bytes() == b"versi kedua, disalin ulang oleh petugas"
    assert [p.name for p in inbox.iterdir()] == ["formulir.docx"]
    assert remove_if_unchanged(path, hashlib.sha256(path.read_bytes()).hexdigest())
    assert list(inbox.iterdir()) == []


def test_a_form_replaced_under_the_same_name_while_it_is_filed_is_filed_too(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    inbox = workspace / "inbox"
    first = form(tmp_path, tmp_path / "satu.docx", 1)
    second = form(tmp_path, tmp_path / "dua.docx", 2)
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    watcher = subprocess.Popen([sys.executable, "-m", "pipeline", "watch"], cwd=workspace, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        (inbox / "formulir.docx").write_bytes(first)
        staging = workspace / "archive" / ".staging"
        deadline = time.monotonic() + 60
        while not (staging.is_dir() and any(staging.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.02)
        tmp = inbox / ".formulir.docx.part"             # replaced the way a copy tool does: write, then rename
        tmp.write_bytes(second)
        os.replace(tmp, inbox / "formulir.docx")
        deadline = time.monotonic() + 90
        while len(ppid_json(workspace, "cases")) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(timeout=60)
    cases = ppid_json(workspace, "cases")
    originals = set()
    for case in cases:
        manifest = json.loads((workspace / "archive" / case["folder_arsip"] / "manifest.json").read_text())
        originals |= {e["sha256"] for e in manifest["files"] if e["role"] == "original"}
    assert originals == {hashlib.sha256(first).hexdigest(), hashlib.sha256(second).hexdigest()}
    assert [p.name for p in inbox.iterdir() if p.name not in ("_disisihkan", "_hasil")] == []


def test_a_kill_between_hiding_and_removing_a_finished_file_loses_nothing(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    inbox = workspace / "inbox"
    data = form(tmp_path, inbox / "selesai.docx", 3)
    ppid(workspace, "process", "--today", "2026-12-04")
    assert len(ppid_json(workspace, "cases")) == 1
    # As a kill leaves it: the filed form hidden, not yet removed; and a file nobody handled, hidden the same way.
    (inbox / f"{TAKEN_PREFIX}000000000001-selesai.docx").write_bytes(data)
    (inbox / f"{TAKEN_PREFIX}000000000002-belum.docx").write_bytes(b"belum pernah diproses")
    ppid(workspace, "process", "--today", "2026-12-04")
    assert not (inbox / f"{TAKEN_PREFIX}000000000001-selesai.docx").exists()
    kept = [p for folder in (inbox, inbox / "_disisihkan") for p in folder.iterdir()
            if p.is_file() and p.read_bytes() == b"belum pernah diproses"]
    assert [p.name.endswith("belum.docx") for p in kept] == [True]      # put back, then handled as any file
    assert len(ppid_json(workspace, "cases")) == 1


def test_a_lost_or_corrupt_database_stops_numbering_until_reindex(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    inbox = workspace / "inbox"
    form(tmp_path, inbox / "pertama.docx", 4)
    ppid(workspace, "process", "--today", "2026-12-04")
    first = ppid_json(workspace, "cases")[0]["nomor"]
    for db_file in (workspace / "var").glob("ppid.sqlite3*"):
        db_file.unlink()

    kedua = form(tmp_path, inbox / "kedua.docx", 5)
    refused = ppid(workspace, "process", "--today", "2026-12-04", check=False)
    assert refused.returncode == 1 and "ppid reindex" in refused.stderr and "Traceback" not in refused.stderr
    assert (inbox / "kedua.docx").read_bytes() == kedua                      # nothing taken, nothing numbered

    (workspace / "var" / "ppid.sqlite3").write_bytes(b"bukan database " * 1000)
    corrupt = ppid(workspace, "process", "--today", "2026-12-04", check=False)
    assert corrupt.returncode != 0 and "rusak" in corrupt.stderr and "Traceback" not in corrupt.stderr
    assert "rusak" in ppid(workspace, "cases", check=False).stderr

    (workspace / "var" / "ppid.sqlite3").unlink()
    ppid(workspace, "reindex", "--ya")
    ppid(workspace, "process", "--today", "2026-12-04")
    numbers = sorted(c["nomor"] for c in ppid_json(workspace, "cases"))
    assert numbers == [first, first.replace("001/", "002/")]


def _mount_tmpfs(path: Path, size: str) -> bool:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="a small filesystem can only be mounted by root")
def test_a_full_disk_voids_nothing_and_the_forms_wait_in_the_inbox(tmp_path):
    """A real full disk: the archive on a tmpfs of 700 KB (room for about two cases), then made larger."""
    workspace = make_workspace(tmp_path / "ruang-kerja")
    archive = workspace / "archive"
    if not _mount_tmpfs(archive, "700k"):
        pytest.skip("tmpfs cannot be mounted here")
    try:
        inbox = workspace / "inbox"
        sent = {form(tmp_path, inbox / f"penuh-{i}.docx", 20 + i) for i in range(5)}
        first = ppid(workspace, "process", "--today", "2026-12-04", check=False)
        assert "Traceback" not in first.stderr
        assert "Ruang penyimpanan penuh" in first.stdout
        cases = ppid_json(workspace, "cases")
        assert [c for c in cases if c["status"] == "batal"] == []
        filed = [c for c in cases if c["status"] != "disiapkan"]
        assert 0 < len(filed) < 5
        # Every form is in the archive or still in the inbox; both while its follow-up (the signers' desks, the
        # archive's number record) waits for room: its file is removed only once all of it is done.
        waiting = {hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir() if p.suffix == ".docx"}
        archived = {e["sha256"] for c in filed for e in json.loads(
            (archive / c["folder_arsip"] / "manifest.json").read_text())["files"] if e["role"] == "original"}
        assert waiting | archived == {hashlib.sha256(data).hexdigest() for data in sent}
        assert len(archived) == len(filed)
        hidden = [p for p in archive.rglob(".*.tmp")] + [p for p in (inbox / "_disisihkan").rglob("*")
                                                         if (inbox / "_disisihkan").exists()]
        assert hidden == []                                       # no half-written copies anywhere

        subprocess.run(["mount", "-o", "remount,size=64m", str(archive)], check=True)
        ppid(workspace, "process", "--today", "2026-12-04")
        cases = ppid_json(workspace, "cases")
        assert sorted(int(c["nomor"].split("/")[0]) for c in cases) == [1, 2, 3, 4, 5]
        assert {c["status"] for c in cases} == {"diteruskan"}
        archived = set()
        for case in cases:
            manifest = json.loads((archive / case["folder_arsip"] / "manifest.json").read_text())
            archived |= {e["sha256"] for e in manifest["files"] if e["role"] == "original"}
        assert archived == {hashlib.sha256(data).hexdigest() for data in sent}
        assert "arsip utuh" in ppid(workspace, "verify").stdout
    finally:
        subprocess.run(["umount", "-l", str(archive)], capture_output=True)


def test_attachments_go_with_the_form_of_exactly_their_name_and_never_through_a_symlink(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    inbox = workspace / "inbox"
    form(tmp_path, inbox / "PERMOHONAN.docx", 30)
    form(tmp_path, inbox / "permohonan.docx", 31)
    (inbox / "permohonan.ktp.jpg").write_bytes(b"\xff\xd8\xff\xe0 KTP pemohon 31 \xff\xd9")
    secret = tmp_path / "rahasia-layanan.jpg"
    secret.write_bytes(b"\xff\xd8 berkas layanan yang tidak boleh keluar \xff\xd9")
    secret.chmod(0o600)
    os.symlink(secret, inbox / "PERMOHONAN.ktp.jpg")
    ppid(workspace, "process", "--today", "2026-12-04")
    attached = {}
    for case in ppid_json(workspace, "cases"):
        manifest = json.loads((workspace / "archive" / case["folder_arsip"] / "manifest.json").read_text())
        attached[case["pemohon"]] = [e["path"] for e in manifest["files"] if e["role"] == "identitas"]
    assert attached == {"Pemohon Ganti 30": [], "Pemohon Ganti 31": ["01-identitas-1.jpg"]}
    everything = [p for p in (workspace / "archive").rglob("*") if p.is_file()]
    assert not any(b"tidak boleh keluar" in p.read_bytes() for p in everything)
    aside = workspace / "inbox" / "_disisihkan"
    assert not any(p.is_file() and not p.is_symlink() and b"tidak boleh keluar" in p.read_bytes()
                   for p in aside.iterdir())
