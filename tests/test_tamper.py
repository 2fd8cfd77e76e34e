"""A tamper-evident archive (issue 14): each case's log is hash-chained and the database keeps the digests of its
manifest and of its log's last line, so `ppid verify` reports a deleted, renamed or swapped file, an edited
name, a forged or inserted event; `ppid reindex` refuses a broken chain with the reason."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from .conftest import drop, make_workspace, ppid, ppid_json

FORMS = ["permohonan-2021-tabel2.docx", "permohonan-paragraf.docx", "permohonan-checkbox.docx",
         "permohonan-ktp-gambar.docx", "permohonan-isian-lama.docx", "permohonan-dengan-lampiran.docx"]


@pytest.fixture(scope="module")
def tampered(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("rusak") / "ruang-kerja")
    drop(workspace, *FORMS)
    ppid(workspace, "process", "--today", "2026-04-06")
    assert "arsip utuh" in ppid(workspace, "verify").stdout
    cases = sorted(ppid_json(workspace, "cases"), key=lambda c: c["nomor"])
    folder = {c["nomor"]: workspace / "archive" / c["folder_arsip"] for c in cases}
    numbers = [c["nomor"] for c in cases]

    log = folder[numbers[0]] / "events.jsonl"                  # a forged "closed" line typed at the end
    log.write_text(log.read_text() + json.dumps({"at": "2026-04-07T09:00:00+08:00", "event": "closed"}) + "\n")

    log = folder[numbers[1]] / "events.jsonl"                  # the same, with the chain computed correctly
    last = log.read_bytes().splitlines()[-1]
    forged = {"at": "2026-04-07T09:00:00+08:00", "event": "closed", "rantai": hashlib.sha256(last).hexdigest()}
    log.write_text(log.read_text() + json.dumps(forged) + "\n")

    manifest = folder[numbers[2]] / "manifest.json"           # an edited applicant name
    data = json.loads(manifest.read_text())
    data["data"]["applicant"]["nama"] = "Nama Lain"
    manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2))

    moved = folder[numbers[3]].with_name(folder[numbers[3]].name + "-lama")   # a renamed folder
    folder[numbers[3]].rename(moved)
    shutil.rmtree(folder[numbers[4]])                                       # a deleted folder
    shutil.copyfile(folder[numbers[0]] / "02-tanda-terima.pdf", folder[numbers[5]] / "02-tanda-terima.pdf")  # swapped
    result = ppid(workspace, "verify", "--json", check=False)
    return workspace, numbers, folder, moved, result


def problems(result) -> list[dict]:
    return json.loads(result.stdout)["problems"]


def test_verify_fails_and_names_every_kind_of_tampering(tampered):
    workspace, numbers, folder, moved, result = tampered
    assert result.returncode == 1
    found = {(p["kind"], p["path"]) for p in problems(result)}
    rel = {n: f.relative_to(workspace / "archive").as_posix() for n, f in folder.items()}
    assert ("LOG RUSAK", f"{rel[numbers[0]]}/events.jsonl") in found             # the chain breaks at the typed line
    assert ("LOG DIUBAH", f"{rel[numbers[1]]}/events.jsonl") in found            # a correct chain, not the database's
    assert ("MANIFEST DIUBAH", f"{rel[numbers[2]]}/manifest.json") in found
    assert ("PERKARA HILANG", rel[numbers[3]]) in found
    assert ("FOLDER TAK DIKENAL", moved.relative_to(workspace / "archive").as_posix()) in found
    assert ("PERKARA HILANG", rel[numbers[4]]) in found
    swapped = f"{rel[numbers[5]]}/02-tanda-terima.pdf"
    assert ("BERUBAH", swapped) in found or ("UKURAN", swapped) in found      # another case's letter


def test_reindex_refuses_a_broken_chain_and_keeps_the_database(tampered):
    workspace, numbers, folder, _, _ = tampered
    before = (workspace / "var" / "ppid.sqlite3").read_bytes()
    refused = ppid(workspace, "reindex", "--ya", check=False)
    assert refused.returncode == 1
    assert "rantainya putus" in refused.stderr and "events.jsonl baris" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (workspace / "var" / "ppid.sqlite3").read_bytes() == before
    assert ppid_json(workspace, "show", numbers[0])["status"] == "diteruskan"   # the forged "closed" is not adopted
