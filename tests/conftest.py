"""Shared helpers: a real workspace made by ``ppid init`` and the real CLI run as a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "tests" / "forms"
# Each workspace's LibreOffice instances get their own ports; PPID_TEST_PORT_BASE lets two test runs on one
# machine (two checkouts) use ranges of their own.
_PORT_BASE = int(os.environ.get("PPID_TEST_PORT_BASE", "2400"))
_PORTS = iter(range(_PORT_BASE, _PORT_BASE + 500, 10))


def ppid(workspace: Path, *args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real ``ppid`` command on a workspace, as an officer would."""
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=workspace, env=env,
                            capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"ppid {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def ppid_json(workspace: Path, *args: str):
    return json.loads(ppid(workspace, *args, "--json").stdout)


def set_config(workspace: Path, section: str, key: str, value: str) -> None:
    """Change one key of a workspace's config.toml (value as TOML text)."""
    path = workspace / "config.toml"
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition(f"[{section}]\n")
    assert sep, section
    body, nxt, rest = tail.partition("\n[")
    lines = [line for line in body.split("\n") if not line.startswith(f"{key} ")]
    body = "\n".join([f"{key} = {value}", *lines])
    path.write_text(head + sep + body + nxt + rest, encoding="utf-8")


def make_workspace(path: Path) -> Path:
    """``ppid init`` plus settings that keep tests fast: files are taken at once, own ports."""
    subprocess.run([sys.executable, "-m", "pipeline", "init", "--contoh", str(path)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    set_config(path, "watch", "stable_seconds", "0.2")
    set_config(path, "watch", "incomplete_seconds", "2")   # the broken samples are taken soon
    set_config(path, "watch", "rescan_seconds", "5")
    set_config(path, "libreoffice", "workers", "2")
    set_config(path, "libreoffice", "base_port", str(next(_PORTS)))
    return path


def drop(workspace: Path, *names: str) -> list[Path]:
    """Copy sample forms (and their sibling attachments) into the workspace inbox."""
    copied = []
    for name in names:
        for source in sorted(FORMS.glob(Path(name).stem + ".*")):  # the form and form.ktp.jpg, form.kuasa.pdf
            target = workspace / "inbox" / source.name
            shutil.copyfile(source, target)
            copied.append(target)
    return copied


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture()
def workspace(tmp_path) -> Path:
    return make_workspace(tmp_path / "ruang-kerja")
