"""The pieces the views are rewritten from: deflated parts stitched into a zip, and case revisions.

The views themselves (register and index.html rebuilt from kept pieces, equal to a build from nothing)
are checked on a real workspace in test_decisions.py.
"""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
import zlib
from datetime import date

from pipeline.store.db import Database
from pipeline.views.zipparts import crc32_combine, deflate_part, zip_bytes


def test_crc_of_joined_parts_is_combined_from_the_parts():
    rng = random.Random(14)
    for length in [0, 1, 2, 3, 7, 8, 255, 256, 4096, 65_537, *(rng.randint(0, 300_000) for _ in range(40))]:
        first, second = rng.randbytes(rng.randint(0, 5000)), rng.randbytes(length)
        assert crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second)) == zlib.crc32(first + second)


def test_parts_deflated_apart_read_back_as_one_entry_byte_for_byte():
    rng = random.Random(2026)
    pieces = [("".join(rng.choice("<row>Denpasar 0123 ") for _ in range(rng.randint(0, 40_000)))).encode()
              for _ in range(9)]
    package = zip_bytes([("[Content_Types].xml", [deflate_part(b"<Types/>")]),
                         ("xl/worksheets/sheet1.xml", [deflate_part(p) for p in pieces]),
                         ("kosong.txt", [])])
    with zipfile.ZipFile(io.BytesIO(package)) as read:
        assert read.testzip() is None
        assert read.namelist() == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "kosong.txt"]
        assert read.read("xl/worksheets/sheet1.xml") == b"".join(pieces)
        assert read.read("kosong.txt") == b""


def new_case(db: Database, n: int):
    source = db.add_source(f"{n:064x}", f"formulir-{n}.docx", 1000, "processing")
    return db.open_case(kind="permohonan", register="permohonan", year=2026, number_for=lambda s: f"{s:03d}/PPID/IV/2026",
                        received=date(2026, 4, 6), applicant_name=f"Pemohon {n}", data={}, source_id=source.id, source_row=0)


def test_every_change_to_a_case_gives_it_a_newer_revision(tmp_path):
    db = Database(tmp_path / "ppid.sqlite3")
    first, second = new_case(db, 1), new_case(db, 2)
    _, start = db.changed_cases(0)

    at = "2026-04-06T09:00:00+08:00"
    db.set_history(first.id, [{"at": at, "event": "filed"}, {"at": at, "event": "forwarded"}], status="diteruskan",
                   due=None, forward_due=None, data={}, folder="2026/04/001")
    changed, after_update = db.changed_cases(start)
    assert [c.number for c in changed] == [first.number] and after_update > start

    db.set_history(second.id, [{"at": at, "event": "forwarded", "kepada": "Dinas Kesehatan"}], status="disiapkan",
                   due=None, forward_due=None, data={})
    changed, after_event = db.changed_cases(after_update)
    assert [c.number for c in changed] == [second.number] and after_event > after_update
    assert db.changed_cases(after_event) == ([], after_event)

    # the register's chunks: the filed case only (the other is still being filed), at its newest revision
    assert db.register_chunks("permohonan", 2026, 500) == [(1, 1, 1, after_update)]


def test_a_database_from_before_revisions_gets_them_and_a_new_identity(tmp_path):
    path = tmp_path / "ppid.sqlite3"
    db = Database(path)
    case = new_case(db, 1)
    db.close()
    with sqlite3.connect(path) as old:   # as a database written before revisions were kept
        old.executescript("DROP TRIGGER case_inserted; DROP TRIGGER case_updated; DROP TRIGGER case_event_added; "
                          "DELETE FROM case_revs; DELETE FROM meta WHERE key = 'database_id';")
    reopened = Database(path)
    changed, _ = reopened.changed_cases(0)
    assert [c.id for c in changed] == [case.id]
    assert reopened.id and reopened.id != db.id
