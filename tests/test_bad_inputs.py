"""A corpus of bad inputs, generated here, dropped into a watched inbox together with good forms.

Each bad file is set aside with an Indonesian reason and kept byte for byte; lock files and files still
being written are left alone until they are complete; the watcher keeps filing the good forms around
them (real watchdog events, a real ``ppid watch`` process).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook
from PIL import Image

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import FORMS, ROOT, make_workspace, ppid, ppid_json, set_config

GOOD = {"nama": "I Made Sutama", "nik": "5171011203850002", "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
        "telepon": "081234567890", "rincian_informasi": "DPA Dinas Kesehatan 2026", "tujuan": "Penelitian"}
TICKS = {"cara_memperoleh": [1], "cara_salinan": [4]}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def filled(blank: Path, values: dict, ticks: dict = TICKS, date_line: str = "Denpasar, 16 Maret 2026") -> bytes:
    """A request form filled by code: the blank form with these values, as bytes."""
    tmp = blank.with_name(f"isi-{sha(repr((values, ticks, date_line)).encode())[:10]}.docx")
    shutil.copyfile(blank, tmp)
    fill_request_docx(tmp, values, ticks, place_date=date_line)
    return tmp.read_bytes()


def zip_with(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def docx_parts(good: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        return {name: z.read(name) for name in z.namelist()}


def ole2(stream_name: str) -> bytes:
    """The start of an OLE2 compound file (what Office writes for a password-protected docx/xlsx or a .doc)."""
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + stream_name.encode("utf-16-le") + b"\0" * 2048


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def letter_docx() -> bytes:
    document = Document()
    document.add_paragraph("Undangan rapat koordinasi")
    document.add_paragraph("Dengan hormat, kami mengundang Bapak/Ibu hadir pada rapat besok pukul 09.00.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bad_corpus(blank: Path) -> dict[str, tuple[bytes, str]]:
    """file name -> (bytes, a word its reason file must hold). At least 40 kinds."""
    good = filled(blank, GOOD)
    parts = docx_parts(good)
    body = parts["word/document.xml"]
    missing = {key: {k: v for k, v in GOOD.items() if k != key} for key in ("nama", "nik", "alamat", "rincian_informasi", "tujuan")}
    corpus = {
        "terpotong.docx": (good[: len(good) // 2], "rusak"),
        "zip-rusak.docx": (good[:2000] + os.urandom(3000) + good[5000:], "rusak"),
        "terkunci.docx": (ole2("EncryptedPackage"), "sandi"),
        "terkunci.xlsx": (ole2("EncryptedPackage"), "sandi"),
        "dokumen-lama.doc": (ole2("WordDocument"), "Word"),
        "makro.docm": (zip_with({**parts, "word/vbaProject.bin": b"VBA"}), "makro"),
        "makro.xlsm": (zip_with({"xl/workbook.xml": b"<workbook/>", "xl/vbaProject.bin": b"VBA"}), "makro"),
        "makro-tersembunyi.docx": (zip_with({**parts, "word/vbaProject.bin": b"VBA"}), "makro"),
        "bom-zip.docx": (zip_with({**parts, "word/media/besar.bin": b"\0" * 80_000_000}), "terlalu besar"),
        "xxe.docx": (zip_with({**parts, "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body.split(b"?>", 1)[1]}), "tidak"),
        "billion-laughs.docx": (zip_with({**parts, "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + body.split(b"?>", 1)[1]}), "tidak"),
        "kosong.docx": (b"", "kosong"),
        "kosong.xlsx": (b"", "kosong"),
        "gambar.docx": (Image.new("RGB", (10, 10)).tobytes() + b"\x89PNG", "rusak"),
        "teks-biasa.docx": ("Nama: Budi\nAlamat: Denpasar\n".encode(), "teks biasa"),  # issue 12: the format named
        "csv-menyamar.xlsx": (b"Nama;NIK\nBudi;123\n", "CSV"),
        "zip-kosong.docx": (zip_with({"readme.txt": b"halo"}), "bukan"),
        "surat-biasa.docx": (letter_docx(), "bukan formulir"),
        "hanya-judul.xlsx": (xlsx_bytes([["Nama", "NIK", "Alamat", "Rincian Informasi", "Tujuan", "Cara Memperoleh Informasi"]]), "tidak"),
        "semua-baris-salah.xlsx": (xlsx_bytes([["Nama", "NIK", "Alamat", "Rincian Informasi", "Tujuan", "Cara Memperoleh Informasi",
                                               "Cara Mendapatkan Salinan"], ["Budi", "123", "", "x", "", "melihat", "email"]]), "Baris 2"),
        "tanpa-nama.docx": (filled(blank, missing["nama"]), "Nama"),
        "tanpa-nik.docx": (filled(blank, missing["nik"]), "NIK"),
        "tanpa-alamat.docx": (filled(blank, missing["alamat"]), "Alamat"),
        "tanpa-kontak.docx": (filled(blank, {k: v for k, v in GOOD.items() if k != "telepon"}), "telepon"),
        "tanpa-rincian.docx": (filled(blank, missing["rincian_informasi"]), "Rincian"),
        "tanpa-tujuan.docx": (filled(blank, missing["tujuan"]), "Tujuan"),
        "tanpa-cara-memperoleh.docx": (filled(blank, GOOD, {"cara_salinan": [4]}), "memperoleh"),
        "tanpa-cara-salinan.docx": (filled(blank, GOOD, {"cara_memperoleh": [1]}), "salinan"),
        "nik-pendek.docx": (filled(blank, {**GOOD, "nik": "517101120385000"}), "16 angka"),
        "nik-31-februari.docx": (filled(blank, {**GOOD, "nik": "5171013102850002"}), "NIK"),
        "nik-huruf.docx": (filled(blank, {**GOOD, "nik": "51710112O3850002"}), "NIK"),
        "email-salah.docx": (filled(blank, {k: v for k, v in {**GOOD, "email": "budi@@contoh"}.items() if k != "telepon"}), "e-mail"),
        "telepon-salah.docx": (filled(blank, {**GOOD, "telepon": "12345"}), "telepon"),
        "rincian-terlalu-panjang.docx": (filled(blank, {**GOOD, "rincian_informasi": "Data anggaran 2025 " * 2000}),
                                         "terlalu panjang"),
        "tanggal-masa-depan.docx": (filled(blank, GOOD, date_line="Denpasar, 16 Maret 2099"), "masa depan"),
        "tanggal-ngawur.docx": (filled(blank, GOOD, date_line="Denpasar, 45 Maret 2026"), "Tanggal"),
        "keberatan-tanpa-permohonan.docx": ((FORMS / "keberatan-nomor-asing.docx").read_bytes(), "tidak ditemukan"),
        "jawaban-perkara-asing.docx": ((FORMS / "jawaban-diberikan.docx").read_bytes(), "tidak ditemukan"),
        "jawaban-tanpa-nomor.docx": ((FORMS / "jawaban-tanpa-nomor.docx").read_bytes(), "Nomor pendaftaran"),
        "pindaian-tanpa-qr.pdf": (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF", "tidak cocok"),
        "foto-tanpa-qr.jpg": (_jpeg(), "tidak cocok"),
        "nama sangat panjang " + "x" * 220 + ".docx": (b"bukan docx", "teks biasa"),
        "Permohonan Ni Luh Ayu (revisi) ✓ №2.docx": (b"\0" * 100, "rusak"),
    }
    return corpus


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (800, 1100), 240).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("korpus")
    workspace = make_workspace(tmp / "ruang-kerja")
    set_config(workspace, "watch", "stable_seconds", "1.5")  # longer than the pauses of the slow copy below
    blank = write_blank_forms(tmp / "kosong")[0]
    inbox = workspace / "inbox"
    # The good forms: one to be duplicated later, and others interleaved with the bad ones.
    goods = {f"baik-{i}.docx": filled(blank, {**GOOD, "nama": f"Pemohon Baik {i}", "nik": f"51710112038500{i + 10:02d}"})
             for i in range(4)}
    corpus = bad_corpus(blank)
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    watcher = subprocess.Popen([sys.executable, "-m", "pipeline", "watch"], cwd=workspace, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(2)
        for name, data in goods.items():
            (inbox / name).write_bytes(data)
        wait_until(lambda: len(ppid_json(workspace, "cases")) == len(goods), 120)
        corpus["duplikat.docx"] = (goods["baik-0.docx"], "sama persis")
        for name, (data, _) in corpus.items():
            (inbox / name).write_bytes(data)
        # Things that must be left alone: lock files, and a form still being written.
        (inbox / "~$baik-9.docx").write_bytes(b"lock")
        (inbox / ".~lock.baik-9.docx#").write_bytes(b"lock")
        (inbox / "Thumbs.db").write_bytes(b"x")
        (inbox / "folder-salah-taruh").mkdir()
        os.symlink(FORMS / "permohonan-paragraf.docx", inbox / "tautan.docx")
        growing = filled(blank, {**GOOD, "nama": "Pemohon Lambat", "nik": "5171011203850099"})
        with open(inbox / "sedang-disalin.docx", "wb") as fh:
            for start in range(0, len(growing), 4096):  # a slow copy over a share: 4 KB every 0.3 s
                fh.write(growing[start:start + 4096])
                fh.flush()
                time.sleep(0.3)
        expected_left = {"~$baik-9.docx", ".~lock.baik-9.docx#", "Thumbs.db", "_disisihkan", "_hasil"}
        wait_until(lambda: {p.name for p in inbox.iterdir()} == expected_left, 240)
    finally:
        watcher.send_signal(signal.SIGTERM)
        output, _ = watcher.communicate(timeout=60)
    return workspace, corpus, goods, watcher.returncode, output


def wait_until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def test_corpus_has_at_least_forty_kinds(run):
    _, corpus, _, _, _ = run
    assert len(corpus) >= 40


def test_every_bad_file_is_set_aside_byte_identical_with_an_indonesian_reason(run):
    workspace, corpus, _, _, _ = run
    aside = workspace / "inbox" / "_disisihkan"
    copies = {p for p in aside.iterdir() if not p.name.endswith((".ALASAN.txt", ".pemberitahuan.docx", ".pemberitahuan.pdf"))}
    for name, (data, words) in corpus.items():
        matches = [p for p in copies if p.is_file() and not p.is_symlink() and p.read_bytes() == data
                   and (p.name.endswith("_" + name) or "~" in p.name)]
        assert matches, f"{name} was not set aside intact"
        reason = matches[0].with_name(matches[0].name + ".ALASAN.txt").read_text(encoding="utf-8")
        assert "BERKAS DISISIHKAN" in reason and "Alasan:" in reason
        assert words.lower() in reason.lower(), (name, reason)


def test_folders_and_symlinks_are_moved_aside_not_followed(run):
    workspace, _, _, _, _ = run
    aside = workspace / "inbox" / "_disisihkan"
    link = next(p for p in aside.iterdir() if p.name.endswith("_tautan.docx"))
    assert link.is_symlink()
    assert (FORMS / "permohonan-paragraf.docx").is_file()  # the target was not touched
    assert any(p.is_dir() and p.name.endswith("_folder-salah-taruh") for p in aside.iterdir())


def test_good_forms_were_filed_around_the_bad_ones(run):
    workspace, _, goods, returncode, output = run
    names = {c["pemohon"] for c in ppid_json(workspace, "cases")}
    assert {f"Pemohon Baik {i}" for i in range(len(goods))} <= names
    assert "Pemohon Lambat" in names              # the file copied slowly was taken once complete
    assert returncode == 0 and "Pemantauan dihentikan" in output


def test_lock_and_temporary_files_are_left_alone(run):
    workspace, _, _, _, _ = run
    assert (workspace / "inbox" / "~$baik-9.docx").read_bytes() == b"lock"
    assert (workspace / "inbox" / "Thumbs.db").read_bytes() == b"x"


def test_no_personal_data_in_names_or_logs_and_archive_not_world_readable(run):
    workspace, _, _, _, _ = run
    niks = {ppid_json(workspace, "show", c["nomor"])["data"]["applicant"]["nik"] for c in ppid_json(workspace, "cases")}
    phones = {"081234567890"}
    log = (workspace / "var" / "ppid.log").read_text()
    for path in workspace.rglob("*"):
        relative = str(path.relative_to(workspace))
        assert not any(secret in relative for secret in niks | phones), relative
        if "archive" in path.parts and path.is_file() and not path.is_symlink():
            assert path.stat().st_mode & 0o004 == 0, f"world-readable: {relative}"
    assert not any(secret in log for secret in niks | phones)


def test_names_in_a_legacy_encoding_or_with_a_line_break_are_handled_like_any_other(tmp_path):
    """An old client on the share writes names in Windows-1252: bytes that are not UTF-8."""
    workspace = make_workspace(tmp_path / "ruang-kerja")
    blank = write_blank_forms(tmp_path / "kosong")[0]
    inbox = os.fsencode(workspace / "inbox")
    with open(inbox + b"/permohonan Pe\xf1a.docx", "wb") as fh:                 # "Peña" in Windows-1252
        fh.write(filled(blank, {**GOOD, "nama": "Pemohon Lama", "nik": "5171011203850077"}))
    with open(inbox + b"/rusak \xe9t\xe9.docx", "wb") as fh:
        fh.write(b"bukan docx")
    with open(inbox + b"/baris\nbaru.docx", "wb") as fh:
        fh.write(b"juga bukan docx")
    result = ppid(workspace, "process")
    assert "1 perkara terdaftar, 2 berkas disisihkan" in result.stdout
    assert [c["pemohon"] for c in ppid_json(workspace, "cases")] == ["Pemohon Lama"]
    assert sorted(os.listdir(inbox)) == [b"_disisihkan", b"_hasil"]
    aside = workspace / "inbox" / "_disisihkan"
    kept = {p.read_bytes(): p for p in aside.iterdir() if not p.name.endswith(".ALASAN.txt")}
    assert set(kept) == {b"bukan docx", b"juga bukan docx"}            # the originals, byte for byte
    for copy in kept.values():
        assert "\n" not in copy.name and copy.name == copy.name.encode("utf-8").decode("utf-8")
        reason = copy.with_name(copy.name + ".ALASAN.txt").read_text(encoding="utf-8")
        assert "teks biasa" in reason and "\ufffd" in reason  # plain text is named, not called broken (issue 12)
    log = (workspace / "var" / "ppid.log").read_text(encoding="utf-8")
    assert "Logging error" not in result.stderr and all(line[:4].isdigit() for line in log.splitlines())
