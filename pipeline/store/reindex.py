"""Rebuild the database from the archive tree alone: the tree is the record, the database its index.

Every case folder's ``manifest.json`` gives the case as it was filed; its ``events.jsonl`` gives what
happened since (answers, extensions, recomputed due dates, objections, signed copies), replayed in order.
Voided numbers come from ``<tahun>/batal/*.json``. Counters are the highest serial seen per register and
year (voids included), so the next case gets the next number; letter numbers and document IDs continue
after the highest found.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.config import Config
from pipeline.core.files import sha256_file
from pipeline.core.numbering import seq_of
from pipeline.store.archive import Archive, chain_breaks, log_head, read_event_log
from pipeline.store.db import VOID, Database
from pipeline.store.events import CaseState, replay
from pipeline.store.paths import EVENT_LOG, MANIFEST, STAGING_DIR, VOID_DIR


@dataclass
class ReindexReport:
    cases: int = 0
    voids: int = 0
    sources: int = 0
    letters: int = 0
    events: int = 0


def reindex(config: Config) -> ReindexReport:
    """Build a fresh database beside the old one from the tree, then put it in place."""
    target = config.paths.database
    fresh = target.with_name(target.name + ".reindex")
    for leftover in (fresh, fresh.with_name(fresh.name + "-wal"), fresh.with_name(fresh.name + "-shm")):
        leftover.unlink(missing_ok=True)
    db = Database(fresh)
    try:
        report = load_tree(db, config)
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(fresh, target)
    archive = Archive(config.paths.archive)
    numbers = Database(target)
    try:   # the archive's numbers, as the tree just read holds them
        archive.write_numbers(numbers.highest_numbers())
    finally:
        numbers.close()
    return report


def load_tree(db: Database, config: Config) -> ReindexReport:
    report = ReindexReport()
    root = config.paths.archive
    folders = sorted(p.parent for p in root.rglob(MANIFEST) if STAGING_DIR not in p.relative_to(root).parts)
    refuse_broken_chains(root, folders)
    manifests = [(folder, json.loads((folder / MANIFEST).read_text(encoding="utf-8"))) for folder in folders]
    voids = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(root.glob(f"*/{VOID_DIR}/*.json"))]
    with db.transaction() as c:
        sources = insert_sources(c, manifests, voids, report)
        cases = [(m, folder) for folder, m in manifests if m.get("jenis") != "sumber"]
        rows = [case_row(m, folder.relative_to(root).as_posix(), read_event_log(folder)) for m, folder in cases]
        for row, (_, folder) in zip(rows, cases):
            row["manifest_sha"], row["log_head"] = sha256_file(folder / MANIFEST), log_head(folder)
        filed = {row["number"] for row in rows}   # a filed case voided later keeps its folder: its log tells it
        rows += [void_row(v) for v in voids if v["nomor"] not in filed]
        used: set[tuple[int | None, int]] = set()
        for row in sorted(rows, key=lambda r: (r["register"], r["year"], r["seq"])):
            insert_case(c, row, sources, used, report)
        set_counters(c, config)
    return report


class ReindexRefused(Exception):
    """The archive's logs were tampered with or damaged; the message (Indonesian) names where."""


def refuse_broken_chains(root: Path, folders: list[Path]) -> None:
    """A log whose chain is broken (a line edited, inserted or removed) is not replayed into the database."""
    broken = []
    for folder in folders:
        log = folder / EVENT_LOG
        if log.is_file() and (breaks := chain_breaks(log.read_bytes())):
            broken.append(f"{folder.relative_to(root).as_posix()}/{EVENT_LOG} baris {', '.join(map(str, breaks))}")
    if broken:
        raise ReindexRefused("Database tidak dibangun ulang: catatan peristiwa berikut rusak atau diubah, rantainya "
                             "putus — " + "; ".join(broken[:10]) + (" …" if len(broken) > 10 else "") +
                             ". Pulihkan folder itu dari cadangan (lihat panduan kantor), lalu jalankan lagi.")


def insert_sources(c, manifests, voids, report: ReindexReport) -> dict[str, int]:
    """One source row per distinct original (a workbook of many rows is one source)."""
    ids: dict[str, int] = {}
    origins = [m.get("berkas_asal") or {} for _, m in manifests] + [v.get("berkas_asal") or {} for v in voids]
    for origin in origins:
        sha = origin.get("sha256")
        if not sha or sha in ids:
            continue
        cur = c.execute("INSERT INTO sources (sha256, original_name, size, received_at, state) VALUES (?,?,?,?,?)",
                        (sha, origin.get("original_name") or "", 0, "", "done"))
        ids[sha] = cur.lastrowid
        report.sources += 1
    return ids


def case_row(manifest: dict, folder: str, events: list[dict]) -> dict:
    """The case as the database keeps it: the manifest as filed, then its event log replayed by the one reducer."""
    state = replay(CaseState.as_filed(manifest), events)
    origin = manifest.get("berkas_asal") or {}
    return {
        "kind": manifest["jenis"], "register": manifest.get("register", manifest["jenis"]), "year": manifest["tahun"],
        "seq": manifest["urut"], "number": manifest["nomor"], "received": manifest["diterima"], "due": state.due,
        "forward_due": state.forward_due, "status": state.status, "folder": folder,
        "applicant_name": (state.data.get("applicant") or {}).get("nama", ""), "data": state.data,
        "sha256": origin.get("sha256"), "row": origin.get("baris") or 0, "void_reason": state.void_reason,
        "events": events,
        "letters": [f for f in manifest.get("files", []) if f.get("doc_id") and f.get("role") == "draft_docx"],
    }


def void_row(record: dict) -> dict:
    origin = record.get("berkas_asal") or {}
    return {
        "kind": record["jenis"], "register": record.get("register", record["jenis"]), "year": record["tahun"],
        "seq": record["urut"], "number": record["nomor"], "received": record["diterima"], "due": None,
        "forward_due": None, "status": VOID, "folder": None, "applicant_name": record.get("pemohon", ""),
        "data": record.get("data") or {},
        "sha256": origin.get("sha256"), "row": record.get("baris") or 0, "void_reason": record["alasan_batal"],
        "events": [], "letters": [],
    }


def insert_case(c, row: dict, sources: dict[str, int], used: set, report: ReindexReport) -> None:
    source_id = sources.get(row["sha256"])
    source_row = row["row"]
    if (source_id, source_row) in used:  # the same bytes dropped again after a void: keep the pair unique
        source_row = -len(used) - 1
    used.add((source_id, source_row))
    created = row["events"][0]["at"] if row["events"] else row["received"]
    cur = c.execute(
        """INSERT INTO cases (kind, register, year, seq, number, received, due, forward_due, status, folder,
                              applicant_name, data, source_id, source_row, void_reason, created_at, updated_at,
                              manifest_sha, log_head)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (row["kind"], row["register"], row["year"], row["seq"], row["number"], row["received"], row["due"],
         row["forward_due"], row["status"], row["folder"], row["applicant_name"], json.dumps(row["data"], ensure_ascii=False),
         source_id, source_row, row["void_reason"], created, created, row.get("manifest_sha"), row.get("log_head")),
    )
    case_id = cur.lastrowid
    for event in row["events"]:
        detail = {k: v for k, v in event.items() if k not in ("at", "event")}
        c.execute("INSERT INTO events (case_id, at, event, detail) VALUES (?,?,?,?)",
                  (case_id, event["at"], event["event"], json.dumps(detail, ensure_ascii=False)))
        report.events += 1
    for entry in row["letters"]:
        letter_id = int(entry["doc_id"].rsplit("-", 1)[1])  # DOK-<year>-<id>: ids continue after the highest
        c.execute("INSERT INTO letters (id, case_id, letter, number, doc_id, created_at) VALUES (?,?,?,?,?,?)",
                  (letter_id, case_id, entry["letter"], entry.get("letter_number"), entry["doc_id"], entry["created"]))
        report.letters += 1
    if row["status"] == VOID:
        report.voids += 1
    else:
        report.cases += 1


def set_counters(c, config: Config) -> None:
    """Per register and year, the highest serial in use; outgoing letters parsed from their numbers."""
    c.execute("INSERT INTO counters (register, year, last_seq) SELECT register, year, MAX(seq) FROM cases GROUP BY register, year")
    pattern = config.numbering.letter
    highest: dict[int, int] = {}
    for number, doc_id in c.execute("SELECT number, doc_id FROM letters WHERE number IS NOT NULL").fetchall():
        seq = seq_of(pattern, number)
        year = int(doc_id.split("-")[1])  # DOK-<year of allocation>-<id>
        if seq is not None:
            highest[year] = max(highest.get(year, 0), seq)
    for year, seq in highest.items():
        c.execute("INSERT INTO counters (register, year, last_seq) VALUES ('surat', ?, ?)", (year, seq))
