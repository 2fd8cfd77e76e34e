"""Benchmark: the pipeline with 100 000 cases already filed, against an empty workspace.

Building 100 000 real cases through LibreOffice would take hours, so they are synthesised straight into
a fresh workspace's SQLite database (the schema of pipeline/db.py; one transaction, executemany): request
cases numbered per register and year with realistic data (applicant name/NIK/address/phone, rincian,
tujuan, cara memperoleh), due dates from the workspace's own working-day calendar, ~1.5 % voided with a
reason, older cases mostly answered (``data["jawaban"]`` as ``ppid decide`` writes it, some extended,
most closed by a signed copy), recent ones still open; with their sources, letters (document IDs,
outgoing numbers), events and counters. All in the current year by default (``--years`` spreads them),
so the current year's register really holds 100 000 rows. Not synthesised: objections (the objection
register stays empty) and drafts waiting in the ready-to-sign folders (a desk backlog is burst.py's topic).

What reads the archive: ``ppid status`` and ``ppid register`` read only the database. ``ppid process``
ends by rewriting the archive's index.html, which reads the manifest.json of every filed case, so each
synthetic case also gets its folder with a realistic manifest.json and events.jsonl (the PDFs/docx they
list are not written: nothing measured opens them). ``--no-archive`` skips the folders.

Measured:
1. per-form cost: the same 20 forms (``--forms``) filed by one ``ppid process`` into an empty workspace
   and into the 100 000-case one (separate workspaces, own ports): seconds per form end to end (launch to
   exit: start-up, filing, register and index rewrite), to the last manifest, and between the first and
   the last manifest (filing alone); ratios 100k / empty.
   ``--repeat`` alternates empty/100k with fresh forms, after a warm-up round of one form each (not
   counted): it builds the views' kept pieces (var/views.sqlite3) that a workspace filled form by form
   would have had all along; its time is printed as the cold rewrite.
2. ``ppid status --json`` and ``ppid register permohonan --out FILE`` on the 100 000-case workspace
   (``--runs`` each, median), with the empty workspace's times for reference; and the export once more
   with the kept pieces deleted (the first export after ``ppid reindex``).

    .venv/bin/python bench/scale.py [--cases 100000] [--forms 20] [--repeat 3] [--runs 3] [--base-port 2740] [--keep]

Exit status 0 when every form was filed and every command succeeded (missed targets are reported),
1 otherwise, 130 on Ctrl-C. The temporary workspaces are removed unless ``--keep``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from burst import (  # noqa: E402
    AIMS,
    JOBS,
    PYTHON,
    STREETS,
    TOPICS,
    applicant_name,
    inbox_entries,
    loadavg,
    loadavg_list,
    make_workspace,
    nik,
    ppid_env,
    run_in_bench_dir,
    set_aside_entries,
    write_forms,
)

TARGET_RATIO = 1.2
TARGET_COMMAND_S = 5.0

OPD = ["Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Kesehatan", "Badan Pengelolaan Keuangan dan Aset Daerah",
       "Dinas Pendidikan, Kepemudaan dan Olahraga", "Dinas Lingkungan Hidup", "Biro Pengadaan Barang dan Jasa", None,
       None, None]
VOID_REASONS = [
    "Nomor {nomor} dibatalkan karena perkara tidak dapat diselesaikan: Konversi ke PDF gagal: LibreOffice tidak "
    "menjawab dalam 60 detik.",
    "Berkas asal hilang dari folder masuk sebelum perkara selesai diarsipkan.",
]
DECISIONS = ["diberikan"] * 55 + ["sebagian"] * 10 + ["ditolak"] * 8 + ["tidak-dikuasai"] * 17 + \
            ["belum-didokumentasikan"] * 5 + ["perpanjangan"] * 5
ANSWER_LETTER = {"diberikan": "pemberitahuan_tertulis", "sebagian": "pemberitahuan_tertulis",
                 "tidak-dikuasai": "pemberitahuan_tertulis", "belum-didokumentasikan": "pemberitahuan_tertulis",
                 "ditolak": "sk_penolakan"}
ANSWER_STEM = {"pemberitahuan_tertulis": "05-pemberitahuan-tertulis", "sk_penolakan": "05-sk-penolakan",
               "surat_perpanjangan": "04-surat-perpanjangan"}
TOOLS = {"ppid-pipeline": "0.1.0", "docxtpl": "0.20.2", "python-docx": "1.2.0", "pikepdf": "10.17.0",
         "holidays": "0.108", "libreoffice": "7.4.7.2"}


# ---- synthesis ---------------------------------------------------------------------------------------

def _ts(day: date, second: int) -> str:
    return f"{day.isoformat()}T{8 + second // 3600 % 8:02d}:{second // 60 % 60:02d}:{second % 60:02d}+00:00"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _answer(decision: str, number: str, on: date, rng: random.Random) -> dict:
    answer = {"nomor": number, "keputusan": decision, "dikuasai_oleh": "", "bentuk": [], "halaman": 0, "tarif": 0,
              "biaya_kirim": 0, "biaya_lain": 0, "waktu_hari": 0, "penghitaman": "", "pasal17": "", "angka": "",
              "dasar_lain": "", "konsekuensi": "", "alasan": "", "kapan_tersedia": "", "tanggal": on.isoformat()}
    if decision in ("diberikan", "sebagian"):
        answer.update(bentuk=[rng.choice(["softcopy", "hardcopy"])], halaman=rng.randint(0, 120),
                      tarif=rng.choice([0, 500, 1000]), waktu_hari=rng.randint(1, 7))
        if decision == "sebagian":
            answer["penghitaman"] = "Data pribadi (NIK dan alamat) pada lampiran dihitamkan."
    elif decision == "ditolak":
        answer.update(pasal17=rng.choice("abcdefghij"), angka=rng.choice(["", "1", "2"]),
                      konsekuensi="Membuka informasi dapat mengganggu proses penegakan hukum yang sedang berjalan.")
    elif decision == "tidak-dikuasai":
        answer["dikuasai_oleh"] = rng.choice(["Badan Pertanahan Nasional Kantor Wilayah Bali", "Pemerintah Kota Denpasar"])
    elif decision == "belum-didokumentasikan":
        answer["kapan_tersedia"] = "Akhir triwulan berjalan"
    return answer


def synthesise(workspace: Path, count: int, years: int, seed: int = 20261121, write_archive: bool = True) -> dict:
    """``count`` request cases straight into the workspace's database (and their archive folders)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from pipeline.core.config import load_config
    from pipeline.core.numbering import folder_for, format_number, safe_name
    from pipeline.core.workdays import load_calendar
    from pipeline.store.db import Database

    config = load_config(workspace / "config.toml")
    Database(config.paths.database).close()  # the schema, exactly as the pipeline creates it
    calendar = load_calendar(config.deadlines)
    d = config.deadlines
    rng = random.Random(seed)
    today = date.today()
    first_year = today.year - years + 1
    # registration days: the working days of each year up to yesterday, cases spread evenly over them
    days = []
    for year in range(first_year, today.year + 1):
        day = date(year, 1, 2)
        while day < today and day.year == year:
            if calendar.add_working_days(day - timedelta(days=1), 1) == day:
                days.append(day)
            day += timedelta(days=1)
    due_cache: dict[date, tuple[date, date]] = {}

    def dues(received: date) -> tuple[date, date]:
        if received not in due_cache:
            due_cache[received] = (calendar.add_working_days(received, d.notice_days),
                                   calendar.add_working_days(received, d.forward_target_days))
        return due_cache[received]

    sources, cases, letters, events = [], [], [], []
    seq_by_year: dict[int, int] = {}
    surat_by_year: dict[int, int] = {}
    letter_id = event_id = source_id = 0
    counts = {"void": 0, "open": 0, "answered": 0, "closed": 0, "extended": 0}
    archive_jobs = []
    for i in range(count):
        registered = days[i * len(days) // count]
        year = registered.year
        seq = seq_by_year[year] = seq_by_year.get(year, 0) + 1
        number = format_number(config.numbering.permohonan, seq=seq, on=registered)
        received = registered - timedelta(days=rng.choice([0, 0, 0, 1, 2]))
        name = applicant_name(i + 10_000)
        data = {"applicant": {"nama": name, "alamat": f"Jl. {STREETS[i % 7]} No. {i % 250 + 1}, Denpasar",
                              "nik": nik(i + 10_000), "nomor_sk": None, "pekerjaan": JOBS[i % len(JOBS)],
                              "telepon": f"0813{i:08d}", "email": f"warga{i}@contoh.id" if i % 3 else None,
                              "nama_kuasa": None},
                "rincian_informasi": TOPICS[i % len(TOPICS)].format(n=i + 1, y=2019 + i % 7),
                "tujuan": AIMS[i % len(AIMS)], "cara_memperoleh": ["salinan"] if i % 4 else ["melihat"],
                "cara_salinan": [["mengambil_langsung", "kurir", "pos", "faksimili", "email"][i % 5]] if i % 4 else [],
                "tanggal_form": received.isoformat(), "tempat": "Denpasar", "opd_tujuan": OPD[i % len(OPD)],
                "terdaftar": registered.isoformat()}
        source_id += 1
        case_source = source_id
        sha = _sha(f"sintetis-{i}")
        original = f"permohonan-{safe_name(name).lower()}.docx"
        sources.append((source_id, sha, original, 30_000 + i % 20_000, _ts(registered, i), "done", None, None))
        created = _ts(registered, i)
        age = calendar.working_days_between(registered, today)
        if rng.random() < 0.015:
            reason = rng.choice(VOID_REASONS).format(nomor=number)
            cases.append((i + 1, "permohonan", "permohonan", year, seq, number, received.isoformat(), None, None,
                          "batal", None, name, json.dumps(data, ensure_ascii=False), case_source, 0, reason, created, created))
            counts["void"] += 1
            continue
        folder = folder_for(config.paths.folder_pattern, number=number, kind="permohonan", seq=seq, on=registered)
        due, forward_due = dues(received)
        doc_ids, case_letters = [], []
        for key, numbered in (("tanda_terima_permohonan", False), ("surat_ppid_pelaksana", True)):
            letter_id += 1
            out_no = None
            if numbered:
                surat_by_year[year] = surat_by_year.get(year, 0) + 1
                out_no = format_number(config.numbering.letter, seq=surat_by_year[year], on=registered)
            doc_id = f"DOK-{year}-{letter_id:06d}"
            letters.append((letter_id, i + 1, key, out_no, doc_id, created))
            doc_ids.append(doc_id)
            case_letters.append((key, doc_id, out_no))
        log = [(created, "received", {"berkas": original, "sha256": sha, "tanggal_diterima": received.isoformat(),
                                      "baris": None}),
               (created, "numbered", {"nomor": number, "register": "permohonan", "urut": seq}),
               (created, "deadlines", {"tenggat_pemberitahuan": due.isoformat(),
                                       "target_ppid_pelaksana": forward_due.isoformat()}),
               (created, "rendered", {"surat": ["tanda_terima_permohonan", "surat_ppid_pelaksana"], "dokumen": doc_ids}),
               (created, "converted", {"tools": TOOLS}),
               (created, "filed", {"folder": folder}),
               (created, "forwarded", {"kepada": data["opd_tujuan"] or config.forward.default_holder,
                                       "dokumen": doc_ids[1]})]
        status = "diteruskan"
        p_answered = 0.93 if age > 12 else age / 20
        if rng.random() < p_answered:
            decision = rng.choice(DECISIONS)
            on = calendar.add_working_days(registered, min(max(1, age), rng.randint(2, 10)))
            when = _ts(on, i + 7)
            if decision == "perpanjangan":
                new_due = calendar.add_working_days(due, d.extension_days)
                letter_id += 1
                surat_by_year[year] = surat_by_year.get(year, 0) + 1
                doc_id = f"DOK-{year}-{letter_id:06d}"
                out_no = format_number(config.numbering.letter, seq=surat_by_year[year], on=on)
                letters.append((letter_id, i + 1, "surat_perpanjangan", out_no, doc_id, when))
                case_letters.append(("surat_perpanjangan", doc_id, out_no))
                log += [(when, "rendered", {"surat": ["surat_perpanjangan"], "dokumen": [doc_id]}),
                        (when, "converted", {"tools": TOOLS}),
                        (when, "extended", {"alasan": "Informasi tersebar di beberapa unit kerja.",
                                            "tenggat_semula": due.isoformat(), "tenggat_baru": new_due.isoformat(),
                                            "dokumen": doc_id})]
                data["perpanjangan"] = {"alasan": "Informasi tersebar di beberapa unit kerja.",
                                        "tenggat_semula": due.isoformat(), "tenggat_baru": new_due.isoformat()}
                due, status = new_due, "diperpanjang"
                counts["extended"] += 1
                decision = rng.choice(DECISIONS[:-5]) if age > 20 else None
                on = calendar.add_working_days(on, 3)
                when = _ts(on, i + 11)
            if decision:
                answer = _answer(decision, number, on, rng)
                key = ANSWER_LETTER[decision]
                letter_id += 1
                surat_by_year[year] = surat_by_year.get(year, 0) + 1
                doc_id = f"DOK-{year}-{letter_id:06d}"
                out_no = format_number(config.numbering.letter, seq=surat_by_year[year], on=on)
                letters.append((letter_id, i + 1, key, out_no, doc_id, when))
                case_letters.append((key, doc_id, out_no))
                log += [(when, "rendered", {"surat": [key], "dokumen": [doc_id]}),
                        (when, "converted", {"tools": TOOLS}),
                        (when, "answered", {"keputusan": decision, "dokumen": doc_id, "keputusan_rinci": answer})]
                data["jawaban"] = answer
                status = "dijawab"
                counts["answered"] += 1
                if age > 8 and rng.random() < 0.8:  # the signed notice came back: the case is closed
                    signed_on = calendar.add_working_days(on, 2)
                    stem = ANSWER_STEM[key]
                    source_id += 1
                    scan = f"scan-{signed_on.strftime('%Y%m%d')}-{i:06d}.pdf"
                    sources.append((source_id, _sha(f"ttd-{i}"), scan, 180_000 + i % 90_000, _ts(signed_on, i),
                                    "done", None, None))
                    log.append((_ts(signed_on, i + 13), "closed",
                                {"dokumen": doc_id, "surat": key, "berkas": f"{stem}.ditandatangani.pdf"}))
                    status = "selesai"
                    counts["closed"] += 1
        if status in ("diteruskan", "diperpanjang"):
            counts["open"] += 1
        for at, event, detail in log:
            event_id += 1
            events.append((event_id, i + 1, at, event, json.dumps(detail, ensure_ascii=False)))
        cases.append((i + 1, "permohonan", "permohonan", year, seq, number, received.isoformat(), due.isoformat(),
                      forward_due.isoformat(), status, folder, name, json.dumps(data, ensure_ascii=False), case_source, 0, None, created,
                      log[-1][0]))
        if write_archive:
            archive_jobs.append((folder, number, seq, year, received, due, forward_due, original, sha, data,
                                 case_letters, log, created))

    conn = sqlite3.connect(config.paths.database, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO sources (id, sha256, original_name, size, received_at, state, archive_path, note) "
                     "VALUES (?,?,?,?,?,?,?,?)", sources)
    conn.executemany("INSERT INTO cases (id, kind, register, year, seq, number, received, due, forward_due, status, "
                     "folder, applicant_name, data, source_id, source_row, void_reason, created_at, updated_at) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cases)
    conn.executemany("INSERT INTO letters VALUES (?,?,?,?,?,?)", letters)
    conn.executemany("INSERT INTO events VALUES (?,?,?,?,?)", events)
    conn.executemany("INSERT INTO counters VALUES (?,?,?)",
                     [("permohonan", y, n) for y, n in seq_by_year.items()] +
                     [("surat", y, n) for y, n in surat_by_year.items()])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()

    folders = 0
    for folder, number, seq, year, received, due, forward_due, original, sha, data, case_letters, log, created in archive_jobs:
        path = config.paths.archive / folder
        os.makedirs(path, exist_ok=True)
        files = [{"path": "01-formulir-asli.docx", "role": "original", "sha256": sha, "size": 38_000, "created": created,
                  "original_name": original}]
        for key, doc_id, out_no in case_letters:
            stem = {"tanda_terima_permohonan": "02-tanda-terima", "surat_ppid_pelaksana": "03-surat-ppid-pelaksana"}.get(key) \
                or ANSWER_STEM[key]
            extra = {"letter": key, "doc_id": doc_id, **({"letter_number": out_no} if out_no else {})}
            files += [{"path": f"{stem}.docx", "role": "draft_docx", "sha256": _sha(doc_id + "d"), "size": 41_000,
                       "created": created, **extra},
                      {"path": f"{stem}.pdf", "role": "softcopy_pdfa", "sha256": _sha(doc_id + "a"), "size": 52_000,
                       "created": created, "letter": key, "doc_id": doc_id,
                       "pdfa_check": {"part": 2, "conformance": "B", "output_intent": True, "fonts_embedded": True,
                                      "encrypted": False, "javascript": False, "ok": True}},
                      {"path": f"{stem}.cetak.pdf", "role": "hardcopy_pdf", "sha256": _sha(doc_id + "c"), "size": 50_000,
                       "created": created, "letter": key, "doc_id": doc_id}]
        for at, event, detail in log:
            if event == "closed":
                files.append({"path": detail["berkas"], "role": "signed_original", "sha256": _sha(at + number),
                              "size": 200_000, "created": at, "original_name": "scan.pdf", "letter": detail["surat"],
                              "doc_id": detail["dokumen"]})
        manifest = {"nomor": number, "jenis": "permohonan", "register": "permohonan", "tahun": year, "urut": seq,
                    "diterima": received.isoformat(), "tenggat": due.isoformat(), "target_internal": forward_due.isoformat(),
                    "berkas_asal": {"original_name": original, "sha256": sha, "baris": None}, "data": data, "files": files}
        with open(path / "manifest.json", "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=2)
        with open(path / "events.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"at": at, "event": event, **detail}, ensure_ascii=False) + "\n"
                          for at, event, detail in log)
        folders += 1
    return {**counts, "cases": count, "events": len(events), "letters": len(letters), "sources": len(sources),
            "folders": folders, "years": sorted(seq_by_year)}


# ---- measurements -------------------------------------------------------------------------------------

def next_manifests(workspace: Path, count: int) -> list[str]:
    """The manifest.json paths of the next ``count`` request cases registered today in ``workspace``.

    Watched instead of scanning the archive for new manifests: a scan of 100 000 case folders every
    20 ms took most of a core from the pipeline being measured (the 100k rounds looked ~20 % slower).
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from pipeline.core.config import load_config
    from pipeline.core.numbering import folder_for, format_number

    config = load_config(workspace / "config.toml")
    today = date.today()
    row = None
    if config.paths.database.exists():   # a fresh workspace has none until its first run
        with sqlite3.connect(config.paths.database) as conn:
            row = conn.execute("SELECT last_seq FROM counters WHERE register = 'permohonan' AND year = ?",
                               (today.year,)).fetchone()
    last = row[0] if row else 0
    paths = []
    for seq in range(last + 1, last + count + 1):
        number = format_number(config.numbering.permohonan, seq=seq, on=today)
        folder = folder_for(config.paths.folder_pattern, number=number, kind="permohonan", seq=seq, on=today)
        paths.append(str(config.paths.archive / folder / "manifest.json"))
    return paths


def process_run(workspace: Path, forms: list[Path], poll: float = 0.02) -> dict:
    """Copy the forms into the inbox, run one ``ppid process``: seconds to the first and last manifest and to exit."""
    import shutil

    expected = next_manifests(workspace, len(forms))
    for form in forms:
        shutil.copyfile(form, workspace / "inbox" / form.name)
    seen: dict[str, float] = {}

    def poll_archive(stop: threading.Event) -> None:
        waiting = list(expected)
        while True:   # a last look after the process exits, then stop
            waiting = [path for path in waiting if not os.path.exists(path)]
            now = time.perf_counter()
            if len(waiting) < len(expected):
                seen.setdefault("first", now)
            if not waiting:
                seen["last"] = now
                return
            if stop.is_set():
                return
            time.sleep(poll)

    stop = threading.Event()
    poller = threading.Thread(target=poll_archive, args=(stop,), daemon=True)
    poller.start()
    start = time.perf_counter()
    result = subprocess.run([PYTHON, "-m", "pipeline", "process"], cwd=workspace, env=ppid_env(workspace),
                            capture_output=True, text=True, timeout=3600)
    end = time.perf_counter()
    stop.set()
    poller.join()
    if result.returncode != 0 or "last" not in seen or inbox_entries(workspace) or set_aside_entries(workspace):
        raise RuntimeError(f"ppid process did not file the {len(forms)} forms in {workspace.name}: exit "
                           f"{result.returncode}, inbox {inbox_entries(workspace)[:3]}, aside "
                           f"{set_aside_entries(workspace)[:3]}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return {"wall_s": end - start, "first_manifest_s": seen["first"] - start, "last_manifest_s": seen["last"] - start,
            "tail_s": end - seen["last"]}


def timed(workspace: Path, *args: str, runs: int) -> tuple[list[float], str]:
    times, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([PYTHON, "-m", "pipeline", *args], cwd=workspace, env=ppid_env(workspace),
                                capture_output=True, text=True, timeout=3600)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"ppid {' '.join(args)} exited {result.returncode}\n{result.stderr[-2000:]}")
        out = result.stdout
    return times, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="synthetic cases (default 100000)")
    parser.add_argument("--years", type=int, default=1, help="spread them over this many years up to this one "
                        "(default 1: all in the current year, so its register holds them all)")
    parser.add_argument("--forms", type=int, default=20, help="forms filed per `ppid process` (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="empty/100k filing rounds, alternating (default 3)")
    parser.add_argument("--runs", type=int, default=3, help="runs of status and register (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="LibreOffice instances (default 2)")
    parser.add_argument("--base-port", type=int, default=2740, help="first LibreOffice port (default 2740; the "
                        "100k workspace uses base-port + 10)")
    parser.add_argument("--no-archive", action="store_true", help="do not create the synthetic cases' folders")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspaces")
    args = parser.parse_args(argv)
    return run_in_bench_dir("ppid-scale-", args.keep, lambda tmp, load_start: _scale(args, tmp, load_start))


def _scale(args, tmp: Path, load_start: list[float]) -> int:
    empty = make_workspace(tmp / "kosong", base_port=args.base_port, workers=args.workers)
    big = make_workspace(tmp / "besar", base_port=args.base_port + 10, workers=args.workers)
    start = time.perf_counter()
    made = synthesise(big, args.cases, args.years, write_archive=not args.no_archive)
    # Write back the ~500 MB just synthesised before measuring: the kernel flushing it during the
    # 100k rounds slowed them by 10-15 % in every stage alike (py-spy: rendering, not the database).
    os.sync()
    db_mb = (big / "var" / "ppid.sqlite3").stat().st_size / 1e6
    print(f"synthesised {made['cases']} cases in {time.perf_counter() - start:.1f} s (years {made['years']}): "
          f"{made['open']} open, {made['answered']} answered ({made['closed']} closed by a signed copy), "
          f"{made['extended']} extended, {made['void']} void; {made['events']} events, {made['letters']} letters, "
          f"{made['sources']} sources; database {db_mb:.0f} MB; {made['folders']} archive folders "
          f"(manifest.json + events.jsonl)", flush=True)

    forms = write_forms(tmp / "formulir", args.forms * args.repeat + 1)
    rounds = []
    print(f"\nfiling {args.forms} forms with one `ppid process` (same forms in both workspaces; "
          f"{args.workers} LibreOffice workers)", flush=True)
    print("  round  workspace  wall s  per form s  last manifest s  per form (to manifest) s  after last manifest s"
          "  load", flush=True)
    for name, ws in (("empty", empty), ("100k", big)):
        run = process_run(ws, forms[-1:])
        print(f"  warm-up  {name:>7}  {run['wall_s']:>6.2f}  (one form; views written from nothing: "
              f"{run['tail_s']:.2f} s after its manifest)", flush=True)
    for r in range(args.repeat):
        batch = forms[r * args.forms:(r + 1) * args.forms]
        for name, ws in (("empty", empty), ("100k", big)):
            run = process_run(ws, batch)
            rounds.append({"round": r + 1, "workspace": name, **{k: round(v, 3) for k, v in run.items()}})
            print(f"  {r + 1:>5}  {name:>9}  {run['wall_s']:>6.2f}  {run['wall_s'] / args.forms:>10.3f}  "
                  f"{run['last_manifest_s']:>15.2f}  {run['last_manifest_s'] / args.forms:>24.3f}  "
                  f"{run['tail_s']:>21.2f}  {loadavg()}", flush=True)

    def per_form(name: str, key: str) -> float:
        return statistics.mean(x[key] for x in rounds if x["workspace"] == name) / args.forms

    e2e_empty, e2e_big = per_form("empty", "wall_s"), per_form("100k", "wall_s")
    fil_empty, fil_big = per_form("empty", "last_manifest_s"), per_form("100k", "last_manifest_s")
    ratio = e2e_big / e2e_empty
    ratio_filing = fil_big / fil_empty

    def steady(name: str) -> float:  # between the first and the last manifest: filing alone, start-up excluded
        return statistics.mean((x["last_manifest_s"] - x["first_manifest_s"]) / (args.forms - 1)
                               for x in rounds if x["workspace"] == name)

    steady_empty, steady_big = (steady("empty"), steady("100k")) if args.forms > 1 else (float("nan"),) * 2
    ratio_steady = steady_big / steady_empty
    print(f"  per form, end to end: empty {e2e_empty:.3f} s, 100k {e2e_big:.3f} s -> ratio {ratio:.2f}x")
    print(f"  per form, to the last manifest (without the closing register/index rewrite): empty {fil_empty:.3f} s, "
          f"100k {fil_big:.3f} s -> ratio {ratio_filing:.2f}x")
    print(f"  per form, first to last manifest (steady filing, start-up excluded): empty {steady_empty:.3f} s, "
          f"100k {steady_big:.3f} s -> ratio {ratio_steady:.2f}x")

    print(f"\ncommands on the {made['cases'] + args.forms * args.repeat + 1}-case workspace ({args.runs} runs each; "
          f"neither reads the archive, only the database)", flush=True)
    status_big, out = timed(big, "status", "--json", runs=args.runs)
    board = json.loads(out)
    expected_open = made["open"] + args.forms * args.repeat + 1   # and the warm-up form
    if board["terbuka"] != expected_open:
        raise RuntimeError(f"status shows {board['terbuka']} open cases, expected {expected_open}")
    status_empty, _ = timed(empty, "status", "--json", runs=args.runs)
    print(f"  ppid status --json: {' / '.join(f'{t:.2f}' for t in status_big)} s, median "
          f"{statistics.median(status_big):.2f} s ({board['terbuka']} open, {board['terlambat']} overdue, "
          f"{len(out) / 1e6:.1f} MB of JSON); empty workspace {statistics.median(status_empty):.2f} s", flush=True)
    out_file = tmp / "register-permohonan.xlsx"
    register_big, _ = timed(big, "register", "permohonan", "--out", str(out_file), runs=args.runs)
    from openpyxl import load_workbook

    sheet = load_workbook(out_file, read_only=True).worksheets[0]
    rows = sheet.max_row
    register_empty, _ = timed(empty, "register", "permohonan", "--out", str(tmp / "register-kosong.xlsx"), runs=args.runs)
    print(f"  ppid register permohonan --out: {' / '.join(f'{t:.2f}' for t in register_big)} s, median "
          f"{statistics.median(register_big):.2f} s ({rows} sheet rows, {out_file.stat().st_size / 1e6:.1f} MB); "
          f"empty workspace {statistics.median(register_empty):.2f} s", flush=True)
    for kept in (big / "var").glob("views.sqlite3*"):
        kept.unlink()
    register_cold, _ = timed(big, "register", "permohonan", "--out", str(out_file), runs=1)
    print(f"  ppid register permohonan --out with the kept pieces deleted (as after `ppid reindex`): "
          f"{register_cold[0]:.2f} s", flush=True)

    s_med, r_med = statistics.median(status_big), statistics.median(register_big)
    print("\ntargets:")
    print(f"  per-form cost 100k / empty <= {TARGET_RATIO}x: end to end {ratio:.2f}x -> "
          f"{'met' if ratio <= TARGET_RATIO else 'MISSED'}; to the last manifest {ratio_filing:.2f}x -> "
          f"{'met' if ratio_filing <= TARGET_RATIO else 'MISSED'}; steady filing {ratio_steady:.2f}x -> "
          f"{'met' if ratio_steady <= TARGET_RATIO else 'MISSED'}")
    print(f"  ppid status --json <= {TARGET_COMMAND_S:.0f} s: {s_med:.2f} s -> {'met' if s_med <= TARGET_COMMAND_S else 'MISSED'}")
    print(f"  ppid register permohonan <= {TARGET_COMMAND_S:.0f} s: {r_med:.2f} s -> "
          f"{'met' if r_med <= TARGET_COMMAND_S else 'MISSED'}; without kept pieces {register_cold[0]:.2f} s -> "
          f"{'met' if register_cold[0] <= TARGET_COMMAND_S else 'MISSED'}")
    load_end = loadavg_list()
    print(f"load average: start {load_start}, end {load_end}")
    print(json.dumps({
        "bench": "scale", "cases": made["cases"], "years": made["years"], "open": made["open"],
        "forms": args.forms, "repeat": args.repeat, "rounds": rounds,
        "per_form_s_empty": round(e2e_empty, 3), "per_form_s_100k": round(e2e_big, 3), "ratio": round(ratio, 2),
        "per_form_to_manifest_s_empty": round(fil_empty, 3), "per_form_to_manifest_s_100k": round(fil_big, 3),
        "ratio_to_manifest": round(ratio_filing, 2), "per_form_steady_s_empty": round(steady_empty, 3),
        "per_form_steady_s_100k": round(steady_big, 3), "ratio_steady": round(ratio_steady, 2), "status_s": round(s_med, 2), "status_s_runs": [round(t, 2) for t in status_big],
        "register_s": round(r_med, 2), "register_s_runs": [round(t, 2) for t in register_big], "register_rows": rows, "register_s_cold": round(register_cold[0], 2),
        "status_s_empty": round(statistics.median(status_empty), 2),
        "register_s_empty": round(statistics.median(register_empty), 2), "archive_folders": made["folders"],
        "target_ratio_met": ratio <= TARGET_RATIO, "target_status_met": s_med <= TARGET_COMMAND_S,
        "target_register_met": r_med <= TARGET_COMMAND_S, "loadavg_start": load_start, "loadavg_end": load_end,
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
