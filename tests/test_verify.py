"""verify_archive on a real archive built by hand: clean, then one planted fault at a time."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.store.archive import Archive
from pipeline.store.verify import (
    BERUBAH,
    CHUNK,
    HILANG,
    LOG_RUSAK,
    MANIFEST_RUSAK,
    SISA_SEMENTARA,
    SISA_STAGING,
    TAK_TERBACA,
    TAK_TERDAFTAR,
    TANPA_MANIFEST,
    UKURAN,
    format_report,
    verify_archive,
)

CASE_A = "2026/03/001-PPID-III-2026"
CASE_B = "2026/03/002-PPID-III-2026"
CASE_C = "2026/04/001-KEB-IV-2026"
SOURCE = "2026/sumber/0123456789abcdef"


def pdf_bytes(title: str, pad: int = 20_000) -> bytes:
    """A small but real one-page PDF; the padding comment gives it a realistic size."""
    stream = f"BT /F1 12 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%" + b"x" * pad + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_case(root: Path, rel: str, files: dict[str, bytes], *, jenis: str = "permohonan",
               events: list[dict] | None = None) -> Path:
    """A case folder as the pipeline leaves it: the files, manifest.json, events.jsonl."""
    folder = root / rel
    folder.mkdir(parents=True)
    entries = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        entries.append({"path": name, "role": name.split(".")[0], "sha256": hashlib.sha256(data).hexdigest(),
                        "size": len(data), "created": "2026-03-16T09:00:00+08:00"})
    manifest = {"nomor": rel.rsplit("/", 1)[-1], "jenis": jenis, "files": entries}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    events = events or [{"at": "2026-03-16T09:00:00+08:00", "event": "received"},
                        {"at": "2026-03-16T09:00:05+08:00", "event": "registered"},
                        {"at": "2026-03-16T09:01:00+08:00", "event": "filed"}]
    (folder / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return folder


def write_register(path: Path) -> None:
    book = Workbook()
    book.active.append(["No", "Nomor pendaftaran", "Tanggal"])
    book.active.append([1, "001/PPID/III/2026", "2026-03-16"])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    write_case(root, CASE_A, {"formulir-asli.docx": b"PK\x03\x04" + os.urandom(30_000),
                              "tanda-terima.pdf": pdf_bytes("Tanda terima 001"),
                              "surat.pdf": pdf_bytes("Surat 001", pad=60_000)})
    # bigger than one read chunk, so a change past the first chunk must still be seen
    write_case(root, CASE_B, {"lampiran.bin": os.urandom(CHUNK + 123_457), "surat.pdf": pdf_bytes("Surat 002")})
    write_case(root, CASE_C, {"keberatan.pdf": pdf_bytes("Keberatan 001")}, jenis="keberatan")
    write_case(root, SOURCE, {"formulir-asli.xlsx": b"PK\x03\x04" + os.urandom(8_000)}, jenis="sumber")
    write_register(root / "2026" / "buku-register-permohonan-2026.xlsx")
    (root / "2026" / "batal").mkdir()
    (root / "2026" / "batal" / "003-PPID-III-2026.json").write_text('{"alasan": "salah input"}', encoding="utf-8")
    (root / "index.html").write_text("<html></html>", encoding="utf-8")
    (root / "laporan").mkdir()
    (root / "laporan" / "bulanan-2026-03.html").write_text("<html></html>", encoding="utf-8")
    (root / ".staging").mkdir()
    return root


def kinds_at(report) -> set[tuple[str, str]]:
    return {(p.kind, p.path) for p in report.problems}


def test_clean_archive_is_ok(archive: Path):
    report = verify_archive(archive, workers=2)
    assert report.ok, report.problems
    assert report.problems == [] and report.warnings == []
    assert report.folders == 4
    assert report.files == 7
    assert report.bytes == sum(f.stat().st_size for f in archive.rglob("*")
                               if f.is_file() and f.parent.joinpath("manifest.json").is_file()
                               and f.name not in ("manifest.json", "events.jsonl"))
    text = format_report(report)
    assert "4 folder, 7 berkas" in text and "tidak ada masalah" in text
    json.dumps(report.as_json())
    assert verify_archive(archive, fast=True).ok


def test_flipped_byte_is_changed_but_fast_mode_only_sees_sizes(archive: Path):
    pdf = archive / CASE_A / "surat.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    report = verify_archive(archive)
    assert kinds_at(report) == {(BERUBAH, f"{CASE_A}/surat.pdf")}
    assert verify_archive(archive, fast=True).ok


def test_change_beyond_first_chunk_is_seen(archive: Path):
    big = archive / CASE_B / "lampiran.bin"
    with open(big, "r+b") as fh:
        fh.seek(-1, os.SEEK_END)
        last = fh.read(1)
        fh.seek(-1, os.SEEK_END)
        fh.write(bytes([last[0] ^ 0xFF]))
    assert kinds_at(verify_archive(archive, workers=1)) == {(BERUBAH, f"{CASE_B}/lampiran.bin")}


def test_truncation_is_a_size_problem_in_both_modes(archive: Path):
    pdf = archive / CASE_C / "keberatan.pdf"
    pdf.write_bytes(pdf.read_bytes()[:-100])
    expected = {(UKURAN, f"{CASE_C}/keberatan.pdf")}
    assert kinds_at(verify_archive(archive, fast=True)) == expected
    assert kinds_at(verify_archive(archive)) == expected


def test_deleted_file_is_missing(archive: Path):
    (archive / CASE_A / "tanda-terima.pdf").unlink()
    assert kinds_at(verify_archive(archive)) == {(HILANG, f"{CASE_A}/tanda-terima.pdf")}
    assert kinds_at(verify_archive(archive, fast=True)) == {(HILANG, f"{CASE_A}/tanda-terima.pdf")}


def test_extra_file_in_case_folder_is_unlisted(archive: Path):
    (archive / CASE_B / "catatan.txt").write_text("tambahan", encoding="utf-8")
    (archive / CASE_B / "sub").mkdir()
    assert kinds_at(verify_archive(archive)) == {(TAK_TERDAFTAR, f"{CASE_B}/catatan.txt"),
                                                  (TAK_TERDAFTAR, f"{CASE_B}/sub")}


def test_broken_event_log_line(archive: Path):
    log = archive / CASE_A / "events.jsonl"
    with open(log, "a", encoding="utf-8") as fh:
        fh.write('{"at": "2026-03-17T10:00:00+08:00", "event": "sen')  # torn append
    report = verify_archive(archive)
    assert kinds_at(report) == {(LOG_RUSAK, f"{CASE_A}/events.jsonl")}
    assert "baris 4" in report.problems[0].detail


@pytest.mark.parametrize("events, words", [
    ([{"at": "2026-03-16T09:00:00+08:00", "event": "registered"}], "pertama bukan 'received'"),
    ([{"at": "2026-03-16T09:00:00+08:00", "event": "received"}, {"event": "filed"}], "tanpa 'at'"),
    ([{"at": "2026-03-16T09:00:00+08:00", "event": "received"},
      {"at": "2026-03-16T08:00:00+08:00", "event": "filed"}], "waktu mundur"),
    ([{"at": "2026-03-16T09:00:00+08:00", "event": "received"},
      {"at": "kemarin", "event": "filed"}], "tidak terbaca"),
    ([], "kosong"),
])
def test_event_log_faults(archive: Path, events: list[dict], words: str):
    (archive / CASE_C / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    report = verify_archive(archive, fast=True)
    assert kinds_at(report) == {(LOG_RUSAK, f"{CASE_C}/events.jsonl")}
    assert words in report.problems[0].detail


def test_missing_event_log(archive: Path):
    (archive / SOURCE / "events.jsonl").unlink()
    assert kinds_at(verify_archive(archive)) == {(LOG_RUSAK, f"{SOURCE}/events.jsonl")}


def test_folder_without_manifest(archive: Path):
    half = archive / "2026/04/002-PPID-IV-2026"
    half.mkdir()
    (half / "surat.pdf").write_bytes(pdf_bytes("Setengah"))
    (archive / SOURCE / "manifest.json").unlink()
    report = verify_archive(archive)
    assert kinds_at(report) == {(TANPA_MANIFEST, "2026/04/002-PPID-IV-2026"), (TANPA_MANIFEST, SOURCE)}


def test_folder_without_manifest_follows_the_configured_depth(tmp_path: Path):
    """With a ``{tahun}/{nomor}`` pattern, case folders sit two levels down."""
    root = tmp_path / "arsip"
    write_case(root, "2026/001-PPID-III-2026", {"surat.pdf": pdf_bytes("Surat")})
    (root / "2026/002-PPID-III-2026").mkdir()
    (root / "2026/002-PPID-III-2026/surat.pdf").write_bytes(pdf_bytes("Surat"))
    assert kinds_at(verify_archive(root)) == {(TANPA_MANIFEST, "2026/002-PPID-III-2026")}


def test_stray_files_and_folders_in_the_tree(archive: Path):
    (archive / "catatan-lama.txt").write_text("?", encoding="utf-8")
    (archive / ".gitkeep").write_bytes(b"")           # the repository's own archive/ (make run) ships with it
    (archive / "2026" / ".gitkeep").write_bytes(b"")  # ... at the root only
    (archive / "2026" / "salinan.xlsx").write_bytes(b"PK")
    (archive / "2026" / "batal" / "catatan.txt").write_text("?", encoding="utf-8")
    (archive / "2026" / "03" / "foto.jpg").write_bytes(b"\xff\xd8")
    (archive / "tautan").symlink_to(archive / CASE_A)
    assert kinds_at(verify_archive(archive)) == {
        (TAK_TERDAFTAR, "catatan-lama.txt"), (TAK_TERDAFTAR, "2026/salinan.xlsx"), (TAK_TERDAFTAR, "2026/.gitkeep"),
        (TAK_TERDAFTAR, "2026/batal/catatan.txt"), (TAK_TERDAFTAR, "2026/03/foto.jpg"),
        (TAK_TERDAFTAR, "tautan")}


def test_unreadable_manifest(archive: Path):
    (archive / CASE_B / "manifest.json").write_text('{"nomor": "002", "files": [', encoding="utf-8")
    assert kinds_at(verify_archive(archive)) == {(MANIFEST_RUSAK, f"{CASE_B}/manifest.json")}


def test_manifest_path_outside_the_folder_is_refused(archive: Path):
    manifest_path = archive / CASE_C / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"].append({**manifest["files"][0], "path": "../../03/001-PPID-III-2026/surat.pdf"})
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert kinds_at(verify_archive(archive)) == {(MANIFEST_RUSAK, f"{CASE_C}/manifest.json")}


def test_leftovers_are_warnings_not_errors(archive: Path):
    (archive / ".staging" / "case-17").mkdir()
    (archive / ".staging" / "case-17" / "surat.pdf").write_bytes(b"%PDF")
    (archive / CASE_A / ".surat.pdf.tmp-4242").write_bytes(b"%PDF")
    report = verify_archive(archive)
    assert report.ok
    assert {(w.kind, w.path) for w in report.warnings} == {
        (SISA_STAGING, ".staging/case-17"), (SISA_SEMENTARA, f"{CASE_A}/.surat.pdf.tmp-4242")}
    assert "Peringatan" in format_report(report)


def test_formatted_report_names_every_problem(archive: Path):
    pdf = archive / CASE_A / "surat.pdf"
    data = bytearray(pdf.read_bytes())
    data[100] ^= 0x20
    pdf.write_bytes(bytes(data))
    (archive / CASE_A / "tanda-terima.pdf").unlink()
    (archive / CASE_C / "keberatan.pdf").write_bytes(b"%PDF-1.7 terpotong")
    (archive / CASE_B / "catatan.txt").write_text("tambahan", encoding="utf-8")
    with open(archive / CASE_B / "events.jsonl", "a", encoding="utf-8") as fh:
        fh.write("bukan json\n")
    (archive / "2026/04/002-PPID-IV-2026").mkdir()
    (archive / "2026/04/002-PPID-IV-2026/surat.pdf").write_bytes(b"%PDF")
    (archive / "catatan-lama.txt").write_text("?", encoding="utf-8")
    (archive / SOURCE / "manifest.json").write_text("{", encoding="utf-8")

    report = verify_archive(archive)
    text = format_report(report)
    assert not report.ok
    assert len(report.problems) == 8
    lines = text.splitlines()
    assert lines[0].startswith("Pemeriksaan arsip penuh") and "MB/detik" in lines[0]
    assert "8 masalah" in lines[1]
    for kind, path in [(BERUBAH, f"{CASE_A}/surat.pdf"), (HILANG, f"{CASE_A}/tanda-terima.pdf"),
                       (UKURAN, f"{CASE_C}/keberatan.pdf"), (TAK_TERDAFTAR, f"{CASE_B}/catatan.txt"),
                       (LOG_RUSAK, f"{CASE_B}/events.jsonl"), (TANPA_MANIFEST, "2026/04/002-PPID-IV-2026"),
                       (TAK_TERDAFTAR, "catatan-lama.txt"), (MANIFEST_RUSAK, f"{SOURCE}/manifest.json")]:
        assert any(line.strip().startswith(kind) and path in line for line in lines), (kind, path, text)
    assert report.counts[TAK_TERDAFTAR] == 2
    assert json.loads(json.dumps(report.as_json()))["counts"][BERUBAH] == 1


def test_archive_written_by_the_pipeline_verifies(tmp_path: Path):
    """The real writer (staging, commit, addition, void record) leaves an archive that checks clean."""
    archive = Archive(tmp_path / "archive")
    staging = archive.begin("2026/03/001-PPID-III-2026", token="case-1")
    staging.log("received")
    staging.add_bytes("surat.pdf", pdf_bytes("Surat"), "letter")
    staging.log("filed")
    staging.commit({"nomor": "001/PPID/III/2026", "jenis": "permohonan"})
    addition = archive.begin_addition("2026/03/001-PPID-III-2026", token="case-1-add")
    addition.add_bytes("jawaban.pdf", pdf_bytes("Jawaban"), "answer")
    addition.log("answered")
    archive.commit_addition(addition)
    archive.append_event("2026/03/001-PPID-III-2026", "closed")
    if hasattr(archive, "record_void"):
        archive.record_void(2026, "002-PPID-III-2026", {"alasan": "ganda"})
    report = verify_archive(archive.root)
    assert report.ok and not report.warnings, format_report(report)
    assert (report.folders, report.files) == (1, 2)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_folder_does_not_stop_the_walk(archive: Path):
    locked = archive / "2026" / "04"
    locked.chmod(0)
    try:
        report = verify_archive(archive)
    finally:
        locked.chmod(0o755)
    assert kinds_at(report) == {(TAK_TERBACA, "2026/04")}
    assert report.folders == 3
