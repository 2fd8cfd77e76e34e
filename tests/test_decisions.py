"""Answers to requests through ``ppid decide``: the letters, the refusals, the status board, the register.

Real workspace, real LibreOffice, real CLI. Cases are registered on 6 April 2026 from the sample forms
(received 16-25 March 2026), then answered one way each.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import drop, make_workspace, pdf_text, ppid, ppid_json, set_config

FORMS = ["permohonan-2021-tabel2.docx", "permohonan-paragraf.docx", "permohonan-checkbox.docx",
         "permohonan-ktp-gambar.docx", "permohonan-isian-lama.docx", "permohonan-dengan-lampiran.docx"]
REGISTERED_ON = "2026-04-06"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("jawaban") / "ruang-kerja")
    drop(workspace, *FORMS)
    ppid(workspace, "process", "--today", REGISTERED_ON)
    cases = sorted(ppid_json(workspace, "cases"), key=lambda c: c["nomor"])
    assert len(cases) == len(FORMS)
    return workspace, cases


def new_request(workspace: Path, name: str, n: int) -> Path:
    """Another applicant's request, as a desk would receive it (not one sent before)."""
    blank = write_blank_forms(workspace / "var" / f"kosong-{n}")[0]
    form = workspace / "inbox" / name
    form.write_bytes(blank.read_bytes())
    fill_request_docx(form, {"nama": f"Pemohon Baru {n}", "nik": f"51710101019000{n:02d}", "alamat": f"Jl. Kamboja {n}, Denpasar",
                             "telepon": f"0812345600{n:02d}", "rincian_informasi": f"Data program kerja {n} tahun 2025",
                             "tujuan": "Penelitian"}, {"cara_memperoleh": [1], "cara_salinan": [4]},
                      place_date="Denpasar, 2 April 2026")
    return form


def decide(workspace: Path, number: str, *args: str, today: str = REGISTERED_ON, check: bool = True):
    return ppid(workspace, "decide", number, *args, "--today", today, check=check)


def letter(workspace: Path, number: str, stem: str) -> str:
    case = ppid_json(workspace, "show", number)
    return pdf_text(workspace / "archive" / case["folder_arsip"] / f"{stem}.pdf")


def test_information_given_gives_a_written_notice_part_a_with_costs_in_words(desk):
    workspace, cases = desk
    number = cases[0]["nomor"]
    decide(workspace, number, "--keputusan", "diberikan", "--bentuk", "softcopy", "--bentuk", "hardcopy",
           "--halaman", "30", "--tarif", "500", "--biaya-kirim", "10000", "--waktu", "3")
    text = letter(workspace, number, "05-pemberitahuan-tertulis")
    assert number in text and "PEMBERITAHUAN TERTULIS" in text.upper()
    assert "Rp15.000,00 (lima belas ribu rupiah)" in text
    assert "Rp25.000,00 (dua puluh lima ribu rupiah)" in text
    assert "3 (tiga) hari kerja" in text
    assert ppid_json(workspace, "show", number)["status"] == "dijawab"


def test_rejection_gives_a_decree_with_basis_consequence_and_the_right_to_object(desk):
    workspace, cases = desk
    number = cases[1]["nomor"]
    decide(workspace, number, "--keputusan", "ditolak", "--pasal17", "h angka 2",
           "--konsekuensi", "Membuka rekam medis pasien melanggar rahasia pribadi.")
    text = letter(workspace, number, "05-sk-penolakan")
    assert number in text
    assert "INFORMASI YANG DIKECUALIKAN" in text and "PERMOHONAN INFORMASI DITOLAK" in text
    assert "Pasal 17 huruf h angka 2" in text
    assert "rekam medis" in text
    assert "30 (tiga puluh) hari kerja" in text


def test_not_held_gives_part_b_naming_the_body_that_holds_it(desk):
    workspace, cases = desk
    number = cases[2]["nomor"]
    decide(workspace, number, "--keputusan", "tidak-dikuasai", "--dikuasai-oleh", "Kantor Wilayah BPN Provinsi Bali")
    text = letter(workspace, number, "05-pemberitahuan-tertulis")
    assert "belum dikuasai" in text and "Kantor Wilayah BPN Provinsi Bali" in text
    assert "Rp" not in text.split("belum dikuasai")[1][:200]  # no cost table in part B


@pytest.mark.parametrize(("args", "reason"), [
    (("--keputusan", "ditolak", "--pasal17", "k", "--konsekuensi", "x"), "huruf a sampai j"),
    (("--keputusan", "ditolak", "--pasal17", "b"), "Konsekuensi"),
    (("--keputusan", "sebagian", "--bentuk", "softcopy", "--waktu", "2"), "dihitamkan"),
    (("--keputusan", "belum-didokumentasikan",), "kapan informasi akan tersedia"),
    (("--keputusan", "diberikan", "--waktu", "2"), "Bentuk informasi"),
    (("--keputusan", "ditolak", "--pasal17", "b", "--konsekuensi", "Membuka informasi merugikan. " * 200),
     "Konsekuensi terlalu panjang"),
])
def test_incomplete_answers_are_refused_with_a_reason_and_change_nothing(desk, args, reason):
    workspace, cases = desk
    number = cases[3]["nomor"]
    result = decide(workspace, number, *args, check=False)
    assert result.returncode == 1
    assert reason in result.stderr
    assert ppid_json(workspace, "show", number)["status"] == "diteruskan"


def test_unknown_case_is_refused(desk):
    workspace, _ = desk
    result = decide(workspace, "999/PPID/IV/2026", "--keputusan", "tidak-dikuasai", check=False)
    assert result.returncode == 1 and "tidak ditemukan" in result.stderr


def test_extension_moves_the_due_date_by_seven_working_days_once(desk):
    workspace, cases = desk
    case = next(c for c in cases if c["diterima"] == "2026-03-25")  # Wednesday 25 March 2026
    assert case["tenggat_pemberitahuan"] == "2026-04-09"           # 10 working days, cuti bersama and Good Friday skipped
    decide(workspace, case["nomor"], "--keputusan", "perpanjangan", "--alasan", "Dokumen masih dihimpun dari tiga bidang.")
    shown = ppid_json(workspace, "show", case["nomor"])
    assert shown["tenggat_pemberitahuan"] == "2026-04-20" and shown["status"] == "diperpanjang"
    text = letter(workspace, case["nomor"], "04-surat-perpanjangan")
    assert "20 April 2026" in text and "9 April 2026" in text and "7 (tujuh) hari kerja" in text
    again = decide(workspace, case["nomor"], "--keputusan", "perpanjangan", "--alasan", "lagi", check=False)
    assert again.returncode == 1 and "hanya boleh satu kali" in again.stderr


def test_extension_after_the_deadline_is_refused(desk):
    workspace, cases = desk
    case = next(c for c in cases if c["nomor"] not in [x["nomor"] for x in cases[:3]] and c["diterima"] != "2026-03-16"
                and ppid_json(workspace, "show", c["nomor"])["status"] == "diteruskan")
    late = case["tenggat_pemberitahuan"].replace("2026-04-", "2026-05-")  # a month after its due date
    result = decide(workspace, case["nomor"], "--keputusan", "perpanjangan", "--alasan", "x", today=late, check=False)
    assert result.returncode == 1 and "sudah lewat" in result.stderr


def test_status_board_lists_open_cases_overdue_first(desk):
    workspace, _ = desk
    board = ppid_json(workspace, "status", "--today", "2026-04-09")
    cases = {c["nomor"]: c for c in ppid_json(workspace, "cases")}
    open_numbers = {n for n, c in cases.items() if c["status"] in ("diteruskan", "diperpanjang")}
    assert {row["nomor"] for row in board["perkara"]} == open_numbers
    overdue = {n for n in open_numbers if cases[n]["tenggat_pemberitahuan"] < "2026-04-09"}
    assert {row["nomor"] for row in board["perkara"] if row["terlambat"]} == overdue
    assert board["terlambat"] == len(overdue)
    flags = [row["terlambat"] for row in board["perkara"]]
    assert flags == sorted(flags, reverse=True)  # overdue ones on top
    for row in board["perkara"]:
        assert row["segera_jatuh_tempo"] == (not row["terlambat"] and row["sisa_hari_kerja"] <= 3)


def test_register_rows_match_the_cases_including_a_voided_number(desk):
    workspace, _ = desk
    # A real fault: conversions that can never finish in time. The number is kept and voided.
    set_config(workspace, "libreoffice", "timeout_seconds", "0.01")
    new_request(workspace, "lagi.docx", 41)
    result = ppid(workspace, "process", "--today", REGISTERED_ON)
    set_config(workspace, "libreoffice", "timeout_seconds", "60")
    assert "dibatalkan" in result.stdout
    cases = ppid_json(workspace, "cases")
    void = [c for c in cases if c["status"] == "batal"]
    assert len(void) == 1 and void[0]["alasan_batal"]

    out = workspace / "register.xlsx"
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(out))
    sheet = load_workbook(out).active
    rows = [r for r in sheet.iter_rows(min_row=7, values_only=True) if r[1]]
    assert sorted(r[1] for r in rows) == sorted(c["nomor"] for c in cases)
    void_row = next(r for r in rows if r[1] == void[0]["nomor"])
    assert any(isinstance(v, str) and v.startswith("BATAL:") for v in void_row)
    answered = next(r for r in rows if r[1] == cases[0]["nomor"])
    assert "Diberikan seluruhnya" in answered
    assert (workspace / "archive" / "2026" / "buku-register-permohonan-2026.xlsx").is_file()


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None          # every entry's CRC checked
        return package.read("xl/worksheets/sheet1.xml")


def index_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="data-perkara">(.*?)</script>', text, re.S).group(1))


def register_numbers(path: Path) -> list[str]:
    return [row[1] for row in load_workbook(path).active.iter_rows(min_row=7, values_only=True)]


def forget_kept_views(workspace: Path) -> None:
    for kept in (workspace / "var").glob("views.sqlite3*"):
        kept.unlink()


@pytest.fixture()
def context(desk, monkeypatch):
    """The desk's workspace opened in this process, registers cut into chunks of two rows."""
    from pipeline.core.config import load_config
    from pipeline.story import open_context
    from pipeline.views import refresh as views

    monkeypatch.setattr(views, "ROWS_PER_CHUNK", 2)
    workspace, _ = desk
    with open_context(load_config(workspace / "config.toml"), today=lambda: date.fromisoformat(REGISTERED_ON)) as ctx:
        yield workspace, ctx


def test_a_long_register_is_built_in_halves_by_a_worker_process_into_the_same_sheet(context, monkeypatch, tmp_path):
    from pipeline.views import refresh as views

    workspace, ctx = context
    sheets = {}
    for label, threshold in (("whole", 10**9), ("halves", 1)):   # 1: even this short register is split
        monkeypatch.setattr(views, "PARALLEL_MIN_ROWS", threshold)
        forget_kept_views(workspace)
        sheets[label] = sheet_xml(views.write_register(ctx, "permohonan", 2026, tmp_path / f"{label}.xlsx"))
    assert sheets["halves"] == sheets["whole"]
    rows = [r for r in load_workbook(tmp_path / "halves.xlsx").active.iter_rows(min_row=7, values_only=True)]
    assert [r[1] for r in rows] == sorted((c.number for c in ctx.db.cases(kind="permohonan")),
                                          key=lambda n: int(n.split("/")[0]))


def test_views_rebuilt_from_kept_pieces_equal_views_built_from_nothing(context, tmp_path):
    """After a decision only the decided case's chunk of the register is built again, and the register
    and index.html are exactly what a build from the cases alone gives."""
    from pipeline.intake.answers import decision_from_fields
    from pipeline.kinds.answer import file_decision
    from pipeline.views import refresh as views
    from pipeline.views.viewcache import ViewCache

    workspace, ctx = context
    register = views.write_register(ctx, "permohonan", 2026)
    views.write_archive_index(ctx)
    with ViewCache(workspace / "var" / "views.sqlite3", ctx.db.id) as cache:
        kept_before = cache.chunk_keys("permohonan", 2026)

    rows = [c for c in ctx.db.cases(kind="permohonan", year=2026) if c.status != "disiapkan"]
    case = next(c for c in reversed(rows) if c.status == "diteruskan")
    decision, problems = decision_from_fields({"nomor_pendaftaran": case.number, "keputusan": "belum-didokumentasikan",
                                               "kapan_tersedia": "Akhir Juni 2026"}, today=date(2026, 4, 6))
    assert not problems
    def register_line() -> tuple:
        return next(r for r in load_workbook(register).active.iter_rows(min_row=7, values_only=True) if r[1] == case.number)

    assert "Ya" not in register_line()
    with ctx.working():
        file_decision(ctx, decision)
    register = views.write_register(ctx, "permohonan", 2026)
    index = views.write_archive_index(ctx)

    with ViewCache(workspace / "var" / "views.sqlite3", ctx.db.id) as cache:
        kept_after = cache.chunk_keys("permohonan", 2026)
    assert {i for i in kept_after if kept_before.get(i) != kept_after[i]} == {rows.index(case) // 2}
    assert "Ya" in register_line()                # "Belum didokumentasikan": Ya
    shown = next(r for r in index_data(index)["perkara"] if r[0] == case.number)
    titles = index_data(index)["judul"]
    assert "Pemberitahuan Tertulis" in [titles[t] for t, _, kind in shown[7] if kind == "pdfa"]

    incremental = sheet_xml(register), index_data(index)
    forget_kept_views(workspace)
    scratch_register = views.write_register(ctx, "permohonan", 2026, tmp_path / "dari-awal.xlsx")
    assert sheet_xml(scratch_register) == incremental[0]
    assert index_data(views.write_archive_index(ctx)) == incremental[1]


def test_views_a_killed_run_left_unwritten_are_written_by_the_next_run(context):
    from pipeline.story import process_file

    workspace, ctx = context
    form = new_request(workspace, "baru-sekali.docx", 42)
    outcome = process_file(ctx, form)   # filed; the run ends here, as if killed before writing its views
    number = outcome.filed[0]
    register = workspace / "archive" / "2026" / "buku-register-permohonan-2026.xlsx"
    assert number not in register_numbers(register)

    ppid(workspace, "process", "--today", REGISTERED_ON)   # an empty inbox: only what was left undone
    assert number in register_numbers(register)
    assert number in [row[0] for row in index_data(workspace / "archive" / "index.html")["perkara"]]


def test_changed_holiday_file_recomputes_open_due_dates_and_logs_it(desk):
    workspace, _ = desk
    open_case = next(c for c in ppid_json(workspace, "cases") if c["status"] == "diteruskan")
    due = open_case["tenggat_pemberitahuan"]
    # A local decree makes the working day before the due date a holiday.
    from datetime import date, timedelta
    day = date.fromisoformat(due) - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    (workspace / "holidays.toml").write_text(
        f'[[libur]]\ntanggal = {day.isoformat()}\nnama = "Libur daerah"\ndasar = "Keputusan Gubernur Nomor 1 Tahun 2026"\n')
    ppid(workspace, "status", "--today", REGISTERED_ON)
    shown = ppid_json(workspace, "show", open_case["nomor"])
    assert shown["tenggat_pemberitahuan"] > due
    log = (workspace / "archive" / shown["folder_arsip"] / "events.jsonl").read_text().splitlines()
    last = json.loads(log[-1])
    assert last["event"] == "due_recomputed" and last["tenggat_lama"] == due


def register_cells(path: Path) -> list[tuple]:
    return [row for row in load_workbook(path).active.iter_rows(values_only=True)]


def test_reindex_after_losing_the_database_gives_the_same_cases_registers_and_next_number(desk, tmp_path):
    workspace, _ = desk
    before = ppid_json(workspace, "cases")
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(tmp_path / "sebelum.xlsx"))
    for db_file in (workspace / "var").glob("ppid.sqlite3*"):
        db_file.unlink()
    result = ppid(workspace, "reindex", "--ya")
    assert f"{len([c for c in before if c['status'] != 'batal'])} perkara" in result.stdout
    assert ppid_json(workspace, "cases") == before
    ppid(workspace, "register", "permohonan", "--tahun", "2026", "--out", str(tmp_path / "sesudah.xlsx"))
    assert register_cells(tmp_path / "sesudah.xlsx") == register_cells(tmp_path / "sebelum.xlsx")

    new_request(workspace, "baru.docx", 43)
    ppid(workspace, "process", "--today", REGISTERED_ON)
    numbers = sorted(c["nomor"] for c in ppid_json(workspace, "cases"))
    assert numbers[-1] == f"{len(before) + 1:03d}/PPID/IV/2026"
