"""ConverterPool against the real LibreOffice (no mocks): PDF/A + print output, bad input, crash recovery."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt
from pypdf import PdfReader

from pipeline.core.config import LibreOfficeSettings
from pipeline.render.conversion import ConversionError, ConverterPool, PdfMetadata, check_pdfa

F4_POINTS = (215 / 25.4 * 72, 330 / 25.4 * 72)  # 609.45 x 935.43
# LibreOffice snaps a near-standard page on docx import (F4 -> 215.19 x 330.2 mm): allow ~0.5 mm.
PAGE_TOLERANCE_PT = 1.5
pytestmark = pytest.mark.timeout(120)  # a hung LibreOffice must fail the run, not block it
METADATA = PdfMetadata(title="Pemberitahuan Tertulis", subject="Permohonan Informasi Publik",
                       keywords=["PPID", "Bali"], author="PPID Provinsi Bali")


def make_letter(path: Path, marker: str = "Denpasar") -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Arial", Pt(12)
    doc.add_paragraph("PEMERINTAH PROVINSI BALI").runs[0].bold = True
    doc.add_paragraph(f"{marker}, 7 Maret 2026")
    doc.add_paragraph("Hal: Pemberitahuan Tertulis atas Permohonan Informasi Publik")
    for n in range(1, 4):
        doc.add_paragraph(f"{n}. Menindaklanjuti permohonan informasi Saudara, kami sampaikan jawaban PPID.")
    table = doc.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, (a, b) in zip(table.rows, [("No.", "Rincian"), ("1", "Laporan keuangan"), ("2", "Kontrak jalan")]):
        row.cells[0].text, row.cells[1].text = a, b
    doc.save(path)
    return path


def outputs(folder: Path, stem: str) -> dict:
    return {"pdfa": folder / f"{stem}.pdfa.pdf", "printable": folder / f"{stem}.cetak.pdf"}


def process_gone(pid: int) -> bool:
    """Exited (a zombie waiting for init to reap it holds no port, profile or memory)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def our_soffice_pids(profile_root: Path) -> list[int]:
    """soffice processes started with a profile under ``profile_root`` (other engineers may run their own)."""
    marker = profile_root.resolve().as_uri().encode()
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if marker in cmdline and b"soffice" in cmdline:
                pids.append(int(entry))
    return pids


@pytest.fixture(scope="module")
def profile_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lo-profiles")


@pytest.fixture(scope="module")
def pool(profile_root):
    settings = LibreOfficeSettings(workers=2, timeout_seconds=30, profile_dir=profile_root,
                                   base_port=20000 + (os.getpid() % 300) * 10)
    with ConverterPool(settings) as running:
        yield running
    deadline = time.monotonic() + 5
    while our_soffice_pids(profile_root) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert our_soffice_pids(profile_root) == [], "soffice left running after stop()"
    assert not list(profile_root.glob("worker-*/.lock")), "stale profile lock left behind"


@pytest.fixture
def letter(tmp_path) -> Path:
    return make_letter(tmp_path / "surat.docx")


def test_pdfa_and_print_pdf(pool, letter, tmp_path):
    out = outputs(tmp_path / "keluar", "surat")
    pool.convert(letter, **out, metadata=METADATA)

    report = check_pdfa(out["pdfa"])
    assert report["ok"], report
    assert (report["part"], report["conformance"], report["fonts_embedded"]) == (2, "B", True)
    assert report["output_intent"] and not report["encrypted"] and not report["javascript"]
    reader = PdfReader(out["pdfa"])
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Pemberitahuan Tertulis" in text and "Menindaklanjuti permohonan informasi" in text
    assert reader.metadata.title == METADATA.title and reader.metadata.author == METADATA.author

    printable = check_pdfa(out["printable"])
    assert printable["part"] is None and not printable["ok"]
    width, height = (float(v) for v in PdfReader(out["printable"]).pages[0].mediabox[2:])
    assert abs(width - F4_POINTS[0]) < PAGE_TOLERANCE_PT and abs(height - F4_POINTS[1]) < PAGE_TOLERANCE_PT
    assert sorted(p.name for p in out["pdfa"].parent.iterdir()) == ["surat.cetak.pdf", "surat.pdfa.pdf"]


@pytest.mark.parametrize("content", [b"", os.urandom(4096), b"PK\x03\x04 bukan zip", "Surat biasa.\n".encode()],
                         ids=["empty", "random", "fake-zip", "text"])
def test_bad_input_rejected_quickly_and_pool_keeps_working(pool, tmp_path, content, letter):
    bad = tmp_path / "rusak.docx"
    bad.write_bytes(content)
    started = time.monotonic()
    with pytest.raises(ConversionError, match="Konversi ke PDF gagal"):
        pool.convert(bad, **outputs(tmp_path, "rusak"), metadata=METADATA)
    assert time.monotonic() - started < 1.0
    assert not list(tmp_path.glob("rusak*.pdf"))
    pool.convert(letter, **outputs(tmp_path, "baik"), metadata=METADATA)
    assert outputs(tmp_path, "baik")["pdfa"].read_bytes().startswith(b"%PDF")


def test_missing_docx_rejected(pool, tmp_path):
    with pytest.raises(ConversionError, match="tidak ditemukan"):
        pool.convert(tmp_path / "tidak-ada.docx", **outputs(tmp_path, "x"), metadata=METADATA)


def test_docx_with_broken_body_is_refused_by_libreoffice(pool, tmp_path, letter):
    import zipfile

    broken = tmp_path / "rusak-isi.docx"
    with zipfile.ZipFile(letter) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = b"\x00\xff bukan xml" if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    started = time.monotonic()
    try:
        pool.convert(broken, **outputs(tmp_path, "rusak-isi"), metadata=METADATA)
    except ConversionError:
        pass  # refused: fine; what matters is that it is quick and the pool survives
    else:  # LibreOffice may load an empty body: then the result must still be a valid PDF/A
        assert check_pdfa(outputs(tmp_path, "rusak-isi")["pdfa"])["ok"]
    assert time.monotonic() - started < 10
    pool.convert(letter, **outputs(tmp_path, "sesudah"), metadata=METADATA)


def test_killed_soffice_is_respawned(pool, letter, tmp_path):
    before = pool.status()
    for worker in before:  # a real fault: the whole process group dies
        os.killpg(worker["pgid"], signal.SIGKILL)
    for worker in before:
        deadline = time.monotonic() + 5
        while not process_gone(worker["office_pid"]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process_gone(worker["office_pid"]), "soffice.bin survived the group kill"

    pool.convert(letter, **outputs(tmp_path, "setelah-kill"), metadata=METADATA)
    assert check_pdfa(outputs(tmp_path, "setelah-kill")["pdfa"])["ok"]
    after = {w["slot"]: w for w in pool.status()}
    respawned = [w for w in before if after[w["slot"]]["office_pid"] != w["office_pid"]]
    assert respawned and all(after[w["slot"]]["running"] for w in respawned)


def test_two_threads_convert_in_parallel(pool, tmp_path):
    letters = [make_letter(tmp_path / f"surat-{i}.docx", marker=f"Kota{i}") for i in range(2)]
    errors: list[Exception] = []

    def convert(i: int) -> None:
        try:
            pool.convert(letters[i], **outputs(tmp_path, f"t{i}"), metadata=METADATA)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=convert, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    for i in range(2):
        text = PdfReader(outputs(tmp_path, f"t{i}")["pdfa"]).pages[0].extract_text()
        assert f"Kota{i}" in text


def test_timeout_kills_retries_once_then_fails(tmp_path, letter):
    settings = LibreOfficeSettings(workers=1, timeout_seconds=0.01, profile_dir=tmp_path / "profiles",
                                   base_port=23000 + (os.getpid() % 300) * 10)
    with ConverterPool(settings) as slow:
        started = time.monotonic()
        with pytest.raises(ConversionError, match="batas waktu"):
            slow.convert(letter, **outputs(tmp_path, "lambat"), metadata=METADATA)
        assert time.monotonic() - started < 20
        assert slow.status()[0]["restarts"] >= 1
    assert our_soffice_pids(tmp_path / "profiles") == []
    assert not list(tmp_path.glob("*lambat*"))


def test_recycle_after_n_conversions(tmp_path, letter):
    settings = LibreOfficeSettings(workers=1, recycle_after=1, profile_dir=tmp_path / "profiles",
                                   base_port=26000 + (os.getpid() % 300) * 10)
    with ConverterPool(settings) as pool:
        pool.convert(letter, **outputs(tmp_path, "a"), metadata=METADATA)
        first = pool.status()[0]["office_pid"]
        pool.convert(letter, **outputs(tmp_path, "b"), metadata=METADATA)
        assert pool.status()[0]["office_pid"] != first and pool.status()[0]["restarts"] == 1
    assert our_soffice_pids(tmp_path / "profiles") == []


def test_missing_program_fails_clearly(tmp_path):
    settings = LibreOfficeSettings(program="soffice-tidak-ada", workers=1, profile_dir=tmp_path / "p")
    with pytest.raises(ConversionError, match="tidak ditemukan"):
        ConverterPool(settings).start()


def test_check_pdfa_rejects_non_pdf(tmp_path):
    junk = tmp_path / "bukan.pdf"
    junk.write_bytes(b"bukan pdf")
    with pytest.raises(ConversionError):
        check_pdfa(junk)
