"""Shared helpers: a real workspace made by ``ppid init`` and the real CLI run as a subprocess."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

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


@pytest.fixture(autouse=True)
def _no_leftover_libreoffice(request):
    """A test that kills the pipeline (kill -9, crash points) leaves its LibreOffice workers running; in an
    office the next run kills them (render/conversion), but a test's workspace is never started again."""
    root = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if root is None:
        return
    from pipeline._exec.libreoffice import kill_orphans  # loads the UNO bridge: only when needed

    for profile in root.glob("**/var/libreoffice/worker-*"):
        kill_orphans(profile)


# -- signing a draft as a signer would ---------------------------------------------------------------------------
# Found independently of the pipeline's own code: the signer's name is looked up with poppler's pdftotext, the
# pages are rasterised with pdftoppm, and the pen is drawn with Pillow.

PEN_GREY = 70            # blue ballpoint seen by a greyscale scanner
PAPER_GREY = 236         # scanner glass and paper are never white


def signature_boxes(pdf: Path, name: str) -> dict[int, list[tuple[float, float, float, float]]]:
    """The blank space above each occurrence of ``name`` that has one, per page (1-based), in PDF points
    from the top-left corner: (left, top, right, bottom). An occurrence in running text has no blank space
    above it and is skipped."""
    import html
    import xml.etree.ElementTree as ET

    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out).replace(' xmlns="http://www.w3.org/1999/xhtml"', ""))
    tokens = name.split()
    boxes: dict[int, list] = {}
    for number, page in enumerate(root.iter("page"), start=1):
        words = [(html.unescape(w.text or ""), *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter("word")]
        for i in range(len(words) - len(tokens) + 1):
            if [w[0] for w in words[i:i + len(tokens)]] != tokens:
                continue
            run = words[i:i + len(tokens)]
            left, top, right = min(w[1] for w in run), min(w[2] for w in run), max(w[3] for w in run)
            above = [w for w in words if w[4] <= top + 1 and w[1] < right + 20 and w[3] > left - 20]
            ceiling = max((w[4] for w in above), default=0.0)
            if top - ceiling > 30:   # a signature space, not the name in a table or in the text
                centre = (left + right) / 2
                half = max((right - left) / 2, 60)
                boxes.setdefault(number, []).append((centre - half, ceiling + 2, centre + half, top - 1))
    return boxes


def _scribble(draw, box: tuple[float, float, float, float], scale: float, seed: int, width_mm: float,
              grey: int) -> None:
    """A pen signature: a looping stroke across the box and a flourish under it, as one hand would."""
    import math
    import random

    rnd = random.Random(seed)
    left, top, right, bottom = (v * scale for v in box)
    width, height = right - left, bottom - top
    x0, x1 = left + width * 0.18, left + width * 0.82
    loops = rnd.randint(3, 5)
    points = []
    for step in range(240):
        t = step / 239
        x = x0 + (x1 - x0) * t + width * 0.05 * math.cos(2 * math.pi * loops * t)
        y = top + height * (0.55 + 0.28 * math.sin(2 * math.pi * loops * t + rnd.random()) - 0.15 * t)
        points.append((x, y))
    pen = max(1, round(width_mm / 25.4 * scale * 72))
    draw.line(points, fill=grey, width=pen, joint="curve")
    draw.line([(x0 - width * 0.05, top + height * 0.85), (x1 + width * 0.08, top + height * 0.7)],
              fill=grey, width=pen)


def scan_pages(pdf: Path, dpi: int = 200) -> list:
    """The pages of a PDF as a greyscale scanner sees them, before any ink."""
    from PIL import Image

    prefix = pdf.parent / f".scan-{pdf.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True, timeout=120)
    files = sorted(pdf.parent.glob(f"{prefix.name}*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    pages = [Image.open(p).convert("L") for p in files]
    for p in files:
        p.unlink()
    return pages


def signed_scan(pdf: Path, out: Path, signer: str | None, *, dpi: int = 200, angle: float = 0.7, quality: int = 70,
                pages: list[int] | None = None, note: bool = False, pen_mm: float = 0.5, pen_grey: int = PEN_GREY,
                paper: int = PAPER_GREY, dust: int = 0, seed: int = 1) -> Path:
    """Print ``pdf``, sign it with a pen in the blank space above ``signer``'s name (None: leave it unsigned),
    and scan it: ``dpi`` greyscale, on grey paper, a little soft, turned by ``angle`` degrees, JPEG at
    ``quality``; the pen draws ``pen_mm`` wide, ``pen_grey`` dark; ``paper`` is the paper's grey, ``dust`` specks
    are scattered over the page. ``pages`` (1-based) picks the pages scanned (default all); ``note`` writes a note in the
    margin. Saved as a PDF of JPEG pages, or as one JPEG when ``out`` ends in .jpg."""
    import random

    from PIL import ImageDraw, ImageFilter

    scale = dpi / 72
    boxes = signature_boxes(pdf, signer) if signer else {}
    assert signer is None or boxes, f"no signature space above {signer!r} in {pdf.name}"
    scanned = []
    for number, page in enumerate(scan_pages(pdf, dpi), start=1):
        if pages and number not in pages:
            continue
        draw = ImageDraw.Draw(page)
        for i, box in enumerate(boxes.get(number, [])):
            _scribble(draw, box, scale, seed + number * 10 + i, pen_mm, pen_grey)
        if note:   # an officer's note in the left margin: ink, but not a signature
            x, y = 12 * scale, page.height * 0.45
            draw.line([(x, y), (x + 25 * scale, y - 8 * scale), (x + 8 * scale, y + 30 * scale),
                       (x + 30 * scale, y + 60 * scale)], fill=PEN_GREY, width=max(1, round(0.5 / 25.4 * dpi)),
                      joint="curve")
        rnd = random.Random(seed + number)
        for _ in range(dust):   # specks of dust and toner, 0.1-0.4 mm
            x, y, r = rnd.uniform(0, page.width), rnd.uniform(0, page.height), rnd.uniform(0.05, 0.2) * dpi / 25.4
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rnd.randint(40, 140))
        page = page.filter(ImageFilter.GaussianBlur(0.5 * dpi / 200))
        page = page.point(lambda v: 25 + v * (paper - 25) // 255)
        if angle:
            page = page.rotate(angle, resample=3, expand=True, fillcolor=paper)
        scanned.append(page)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() in (".jpg", ".jpeg"):
        scanned[0].save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        jpegs = []
        for page in scanned:   # JPEG-compress each page first: a scanner's PDF holds JPEG images
            buffer = io.BytesIO()
            page.save(buffer, "JPEG", quality=quality)
            jpegs.append(Image.open(io.BytesIO(buffer.getvalue())))
        jpegs[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=jpegs[1:])
    return out


def signer_name(workspace: Path, signer: str) -> str:
    """The name printed under a signer's signature space, as the workspace's config.toml gives it."""
    import tomllib

    return tomllib.loads((workspace / "config.toml").read_text(encoding="utf-8"))["signers"][signer]["name"]


def sign_draft(workspace: Path, signer: str, pattern: str, work: Path, name: str, **scan) -> Path:
    """The signer takes the print PDF matching ``pattern`` from their folder, signs it with a pen and scans it
    (see :func:`signed_scan`); the scan, named ``name``, is dropped into the inbox. Returns the scan."""
    draft = next((workspace / "siap-tanda-tangan" / signer).glob(pattern))
    made = signed_scan(draft, work / name, signer_name(workspace, signer), **scan)
    shutil.copyfile(made, workspace / "inbox" / name)
    return made
