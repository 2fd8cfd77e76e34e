"""Offices send things again (issue 13): a corrected workbook files only its new rows, a form sent again with a
trailing space is refused naming its case, the same applicant's new request is filed and flagged, a case
registered by mistake is voided with `ppid batal`, and no record carries program text."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from openpyxl import load_workbook

from pipeline.render.blankforms import (
    CARA_MEMPEROLEH_OPTIONS,
    CARA_SALINAN_OPTIONS,
    fill_request_docx,
    fill_request_xlsx,
    write_blank_forms,
)

from .conftest import make_workspace, ppid, ppid_json, set_config

PROGRAM_TEXT = re.compile(r"Error\b|Errno|Traceback|Exception|\.py\b|/tmp/|/work/|0x[0-9a-f]{3,}|::")


def row(n: int, **changes) -> dict:
    values = {"nama": f"Pemohon Nomor {n}", "nik": f"51710101019000{n:02d}", "alamat": f"Jl. Gatot Subroto {n}, Denpasar",
              "telepon": f"08123450{n:04d}", "rincian_informasi": f"Data anggaran program {n} tahun 2025",
              "tujuan": "Penelitian", "cara_memperoleh": CARA_MEMPEROLEH_OPTIONS[1], "cara_salinan": CARA_SALINAN_OPTIONS[4],
              "tempat": "Denpasar", "tanggal": "1 Desember 2026"}
    return {**values, **changes}


@pytest.fixture()
def workspace(tmp_path):
    return make_workspace(tmp_path / "ruang-kerja")


def blank(tmp_path, name: str):
    return next(p for p in write_blank_forms(tmp_path / "kosong") if p.name == name)


def workbook(tmp_path, workspace, rows: list[dict], name: str):
    target = workspace / "inbox" / name
    shutil.copyfile(blank(tmp_path, "formulir-permohonan-informasi.xlsx"), target)
    fill_request_xlsx(target, rows)
    return target


def test_a_corrected_workbook_dropped_again_files_only_the_rows_not_yet_registered(workspace, tmp_path):
    rows = [row(1), row(2), row(3, alamat=""), row(4)]                       # row 4 of the sheet lacks an address
    workbook(tmp_path, workspace, rows, "daftar.xlsx")
    ppid(workspace, "process", "--today", "2026-12-04")
    assert len(ppid_json(workspace, "cases")) == 3
    reason = next((workspace / "inbox" / "_disisihkan").glob("*daftar.xlsx.ALASAN.txt")).read_text()
    assert "Baris 4" in reason and "Alamat" in reason

    rows[2] = row(3)                                                         # the officer corrects the address
    workbook(tmp_path, workspace, rows, "daftar-perbaikan.xlsx")
    result = ppid(workspace, "process", "--today", "2026-12-04")
    cases = ppid_json(workspace, "cases")
    assert len(cases) == 4, "only the corrected row is new"
    for skipped in ("Baris 2", "Baris 3", "Baris 5"):
        assert f"{skipped}: sudah terdaftar sebagai" in result.stdout
    assert not list((workspace / "inbox").glob("*.xlsx"))

    workbook(tmp_path, workspace, rows, "daftar-lagi.xlsx")                 # the same rows once more: nothing new
    result = ppid(workspace, "process", "--today", "2026-12-04")
    assert len(ppid_json(workspace, "cases")) == 4
    reason = next((workspace / "inbox" / "_disisihkan").glob("*daftar-lagi.xlsx.ALASAN.txt")).read_text()
    assert reason.count("sudah terdaftar sebagai") == 4


def fill(tmp_path, workspace, name: str, values: dict, place_date: str = "Denpasar, 1 Desember 2026"):
    target = workspace / "inbox" / name
    shutil.copyfile(blank(tmp_path, "formulir-permohonan-informasi.docx"), target)
    fill_request_docx(target, values, {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date=place_date)
    return target


def test_the_same_request_sent_again_is_refused_and_a_new_one_is_flagged(workspace, tmp_path):
    values = {key: value for key, value in row(7).items() if key not in ("cara_memperoleh", "cara_salinan", "tempat", "tanggal")}
    fill(tmp_path, workspace, "asli.docx", values)
    ppid(workspace, "process", "--today", "2026-12-04")
    first = ppid_json(workspace, "cases")[0]["nomor"]

    fill(tmp_path, workspace, "spasi.docx", {**values, "rincian_informasi": values["rincian_informasi"] + "  ",
                                             "alamat": values["alamat"].upper()})
    ppid(workspace, "process", "--today", "2026-12-04")
    assert len(ppid_json(workspace, "cases")) == 1
    reason = next((workspace / "inbox" / "_disisihkan").glob("*spasi.docx.ALASAN.txt")).read_text()
    assert f"sama dengan perkara {first}" in reason

    fill(tmp_path, workspace, "baru.docx", {**values, "rincian_informasi": "Daftar penerima beasiswa tahun 2026"})
    result = ppid(workspace, "process", "--today", "2026-12-04")
    cases = ppid_json(workspace, "cases")
    assert len(cases) == 2
    second = next(c for c in cases if c["nomor"] != first)
    assert f"kemungkinan duplikat dari {first}" in result.stdout
    assert ppid_json(workspace, "show", second["nomor"])["data"]["kemungkinan_duplikat"] == [first]


def test_a_case_registered_by_mistake_is_voided_and_stays_void_with_its_reason(workspace, tmp_path):
    values = {key: value for key, value in row(8).items() if key not in ("cara_memperoleh", "cara_salinan", "tempat", "tanggal")}
    fill(tmp_path, workspace, "keliru.docx", values)
    ppid(workspace, "process", "--today", "2026-12-04")
    case = ppid_json(workspace, "cases")[0]
    desk = workspace / "siap-tanda-tangan"
    assert list(desk.glob("*/DOK-*"))
    folder = workspace / "archive" / case["folder_arsip"]
    files_before = sorted(p.name for p in folder.iterdir())

    refused = ppid(workspace, "batal", case["nomor"], "--alasan", "x", "--ya", check=False)
    assert refused.returncode == 2
    ppid(workspace, "batal", case["nomor"], "--alasan", "Formulir dobel, didaftarkan keliru oleh petugas", "--ya")
    shown = ppid_json(workspace, "show", case["nomor"])
    assert shown["status"] == "batal" and shown["alasan_batal"] == "Formulir dobel, didaftarkan keliru oleh petugas"
    assert sorted(p.name for p in folder.iterdir()) == files_before           # the archive keeps what was filed
    assert not list(desk.glob("*/DOK-*")), "its drafts left the signers' desks"
    record = json.loads((workspace / "archive" / "2026" / "batal" / f"{case['nomor'].replace('/', '-')}.json").read_text())
    assert record["alasan_batal"] == shown["alasan_batal"] and record["folder"] == case["folder_arsip"]
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(tmp_path / "register.xlsx"))
    cells = [c for r in load_workbook(tmp_path / "register.xlsx").active.iter_rows(values_only=True) for c in r if c]
    assert any(isinstance(c, str) and c.startswith("BATAL:") and "dobel" in c for c in cells)
    assert "arsip utuh" in ppid(workspace, "verify").stdout

    for db_file in (workspace / "var").glob("ppid.sqlite3*"):
        db_file.unlink()
    ppid(workspace, "reindex", "--ya")
    assert ppid_json(workspace, "show", case["nomor"]) == shown


def test_reasons_void_reasons_and_registers_carry_no_program_text(workspace, tmp_path):
    values = {key: value for key, value in row(9).items() if key not in ("cara_memperoleh", "cara_salinan", "tempat", "tanggal")}
    fill(tmp_path, workspace, "gagal.docx", values)
    (workspace / "inbox" / "rusak.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    set_config(workspace, "libreoffice", "timeout_seconds", "0.01")       # a real fault: conversions never finish
    ppid(workspace, "process", "--today", "2026-12-04")
    set_config(workspace, "libreoffice", "timeout_seconds", "60")
    void = ppid_json(workspace, "cases")[0]
    assert void["status"] == "batal" and "kode kejadian" in void["alasan_batal"]
    texts = [p.read_text() for p in (workspace / "inbox" / "_disisihkan").glob("*.ALASAN.txt")]
    texts.append(void["alasan_batal"])
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(tmp_path / "register.xlsx"))
    texts += [str(c) for r in load_workbook(tmp_path / "register.xlsx").active.iter_rows(values_only=True) for c in r if c]
    leaks = [t for t in texts if PROGRAM_TEXT.search(t)]
    assert not leaks, leaks
    code = re.search(r"kode kejadian ([0-9A-F]{8})", void["alasan_batal"]).group(1)
    assert code in (workspace / "var" / "ppid.log").read_text()               # the details are in the log
