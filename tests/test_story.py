"""One place for every decision (issue 11): each kind keeps its own deadline rule, every case goes through the
one filing transaction, the lists in force are never served stale, deadlines count from the day the form was
received, and `ppid reindex` gives back the same cases for a workspace holding every kind.

The lifecycle workspace below holds requests in every decision, objections decided both ways, OPD lists, a
DIK proposal, a recap that failed (a real fault: conversions that cannot finish in time), signed copies of
decrees and of a written notice, and a changed holiday file; the tests read it through the real CLI.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from pipeline.core.config import load_config
from pipeline.core.workdays import load_calendar
from pipeline.render.blankforms import fill_objection_docx, fill_request_docx, write_blank_forms

from .conftest import drop, make_workspace, ppid, ppid_json, set_config, sign_draft
from .test_dipdik import valid_dik

REQUESTS = ["permohonan-2021-tabel2.docx", "permohonan-paragraf.docx", "permohonan-checkbox.docx",
            "permohonan-ktp-gambar.docx", "permohonan-isian-lama.docx", "permohonan-dengan-lampiran.docx"]
DECISIONS = [
    ("--keputusan", "diberikan", "--bentuk", "softcopy", "--waktu", "3", "--halaman", "10", "--tarif", "500"),
    ("--keputusan", "sebagian", "--bentuk", "hardcopy", "--waktu", "5", "--penghitaman", "NIK pegawai dihitamkan."),
    ("--keputusan", "ditolak", "--pasal17", "h", "--konsekuensi", "Mengungkap rahasia pribadi pasien."),
    ("--keputusan", "tidak-dikuasai", "--dikuasai-oleh", "Badan Pusat Statistik Provinsi Bali"),
    ("--keputusan", "belum-didokumentasikan", "--kapan-tersedia", "akhir Juni 2026"),
    ("--keputusan", "perpanjangan", "--alasan", "Informasi masih dihimpun dari kabupaten."),
]
OBJECTIONS = ["keberatan-tabel.docx", "keberatan-paragraf.docx", "keberatan-berkala.docx"]


def cases_by_kind(workspace, kind: str) -> list[dict]:
    return sorted((c for c in ppid_json(workspace, "cases") if c["jenis"] == kind), key=lambda c: c["nomor"])


def everything_shown(workspace) -> dict[str, dict]:
    return {c["nomor"]: ppid_json(workspace, "show", c["nomor"]) for c in ppid_json(workspace, "cases")}


def sign(workspace, signer: str, pattern: str, tmp_path, name: str) -> None:
    sign_draft(workspace, signer, pattern, tmp_path, name)


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("alur")
    workspace = make_workspace(tmp / "ruang-kerja")
    drop(workspace, *REQUESTS)
    ppid(workspace, "process", "--today", "2026-04-06")
    requests = cases_by_kind(workspace, "permohonan")
    for case, args in zip(requests, DECISIONS):
        ppid(workspace, "decide", case["nomor"], *args, "--today", "2026-04-07")
    drop(workspace, *OBJECTIONS)
    ppid(workspace, "process", "--today", "2026-04-10")
    objections = cases_by_kind(workspace, "keberatan")
    ppid(workspace, "decide", objections[0]["nomor"], "--keputusan", "keberatan-diterima", "--alasan",
         "Informasi anggaran wajib tersedia setiap saat.", "--today", "2026-04-20")
    ppid(workspace, "decide", objections[1]["nomor"], "--keputusan", "keberatan-ditolak", "--alasan",
         "Informasi memuat data pribadi.", "--today", "2026-04-20")
    drop(workspace, "dip-dinkes.xlsx", "dip-dishub.xlsx")
    valid_dik(workspace / "inbox" / "dik-usulan-berlaku.xlsx", tmp / "kosong")
    ppid(workspace, "process", "--today", "2026-04-21")

    # A real fault while the recap is rebuilt for a new list: conversions that can never finish in time. (The
    # same lists again make no new recap at all.)
    set_config(workspace, "libreoffice", "timeout_seconds", "0.01")
    drop(workspace, "dip-bapenda-perbaikan.xlsx")
    failed = ppid(workspace, "process", "--today", "2026-04-21", check=False)
    set_config(workspace, "libreoffice", "timeout_seconds", "60")

    sign(workspace, "atasan_ppid", "DOK-*_02-sk-dik.cetak.pdf", tmp, "pindai-sk-dik.pdf")
    sign(workspace, "ppid", "DOK-*_05-pemberitahuan-tertulis.cetak.pdf", tmp, "pindai-pemberitahuan.pdf")
    ppid(workspace, "process", "--today", "2026-04-22")
    return workspace, failed


def test_a_recap_that_cannot_be_filed_is_voided_and_the_previous_one_stays_on_the_desk(lifecycle):
    workspace, failed = lifecycle
    assert "dibatalkan" in failed.stdout + failed.stderr
    recaps = cases_by_kind(workspace, "sk_dip")      # one per accepted list, the older replaced, then the failed one
    assert [c["status"] for c in recaps[-2:]] == ["diteruskan", "batal"]
    assert all(c["status"] == "diganti" for c in recaps[:-2])
    first, second = recaps[-2:]
    assert "tidak dapat diselesaikan" in second["alasan_batal"] and "kode kejadian" in second["alasan_batal"]
    assert "Error" not in second["alasan_batal"] and "/" not in second["alasan_batal"].split("(", 1)[1]
    record = workspace / "archive" / "2026" / "batal" / f"{second['nomor'].replace('/', '-')}.json"
    assert json.loads(record.read_text())["alasan_batal"] == second["alasan_batal"]
    waiting = list((workspace / "siap-tanda-tangan" / "ppid").glob("DOK-*_02-konsep-sk-dip.cetak.pdf"))
    assert len(waiting) == 1 and first["nomor"].replace("/", "-") in waiting[0].name


def test_a_changed_holiday_file_keeps_every_kind_on_its_own_rule(lifecycle):
    workspace, _ = lifecycle
    calendar_before = load_calendar(load_config(workspace / "config.toml").deadlines)
    objection = next(c for c in cases_by_kind(workspace, "keberatan") if c["status"] == "diteruskan")
    due = date.fromisoformat(objection["tenggat_pemberitahuan"])
    assert due == calendar_before.add_working_days(date.fromisoformat(objection["diterima"]), 30)
    day = due - timedelta(days=1)                     # a local decree makes the day before it a holiday
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    (workspace / "holidays.toml").write_text(
        f'[[libur]]\ntanggal = {day.isoformat()}\nnama = "Libur daerah"\ndasar = "Keputusan Gubernur Nomor 9 Tahun 2026"\n')
    ppid(workspace, "status", "--today", "2026-04-22")
    calendar = load_calendar(load_config(workspace / "config.toml").deadlines)
    shown = ppid_json(workspace, "show", objection["nomor"])
    received = date.fromisoformat(shown["diterima"])
    assert shown["tenggat_pemberitahuan"] == calendar.add_working_days(received, 30).isoformat()
    assert shown["tenggat_pemberitahuan"] > objection["tenggat_pemberitahuan"]
    coordination = calendar.add_working_days(received, 5)
    assert shown["data"]["target_internal"]["koordinasi"] == coordination.isoformat()
    recomputed = [e for e in shown["riwayat"] if e["event"] == "due_recomputed"]
    assert recomputed and recomputed[-1]["tenggat_baru"] == shown["tenggat_pemberitahuan"]
    extended = next(c for c in cases_by_kind(workspace, "permohonan") if c["status"] == "diperpanjang")
    assert extended["tenggat_pemberitahuan"] == calendar.add_working_days(
        calendar.add_working_days(date.fromisoformat(extended["diterima"]), 10), 7).isoformat()


def test_reindex_gives_the_same_cases_for_every_kind(lifecycle):
    workspace, _ = lifecycle
    before = ppid_json(workspace, "cases")
    kinds = {c["jenis"] for c in before}
    statuses = {c["status"] for c in before}
    assert kinds == {"permohonan", "keberatan", "dip", "dik", "sk_dip"}
    assert {"diteruskan", "dijawab", "diperpanjang", "selesai", "batal"} <= statuses
    shown = everything_shown(workspace)
    for db_file in (workspace / "var").glob("ppid.sqlite3*"):
        db_file.unlink()
    ppid(workspace, "reindex", "--ya")
    assert ppid_json(workspace, "cases") == before
    assert everything_shown(workspace) == shown


def test_deadlines_count_from_the_date_written_on_the_form_for_every_kind(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    calendar = load_calendar(load_config(workspace / "config.toml").deadlines)
    drop(workspace, "permohonan-paragraf.docx")                    # the form says "Denpasar, 18 Maret 2026"
    ppid(workspace, "process", "--today", "2026-03-19")
    request = ppid_json(workspace, "cases")[0]
    assert request["diterima"] == "2026-03-18" and request["terdaftar"] == "2026-03-19"
    assert request["tenggat_pemberitahuan"] == calendar.add_working_days(date(2026, 3, 18), 10).isoformat()
    assert not request["didaftarkan_terlambat"]

    blank = next(p for p in write_blank_forms(tmp_path / "kosong") if p.name == "formulir-keberatan.docx")
    form = workspace / "inbox" / "keberatan.docx"
    shutil.copyfile(blank, form)
    fill_objection_docx(form, {"nomor_pendaftaran": request["nomor"], "tujuan": "Penelitian", "nama": "Made Arsana",
                               "alamat": "Jl. Hayam Wuruk 10, Denpasar", "telepon": "081234560001",
                               "nik": "5171010101900011", "kasus_posisi": "Permohonan saya tidak dijawab."},
                        ["c"], place_date="Denpasar, 6 April 2026")
    ppid(workspace, "process", "--today", "2026-04-08")
    objection = next(c for c in ppid_json(workspace, "cases") if c["jenis"] == "keberatan")
    assert objection["diterima"] == "2026-04-06"
    assert objection["tenggat_pemberitahuan"] == calendar.add_working_days(date(2026, 4, 6), 30).isoformat()
    receipt = ppid_json(workspace, "show", objection["nomor"])
    assert receipt["data"]["terdaftar"] == "2026-04-08"


def test_a_form_without_a_date_counts_from_the_day_it_was_dropped_and_late_registration_is_flagged(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    blank = write_blank_forms(tmp_path / "kosong")[0]
    form = workspace / "inbox" / "tanpa-tanggal.docx"
    shutil.copyfile(blank, form)
    fill_request_docx(form, {"nama": "Ketut Sudarma", "nik": "5171010101900031", "alamat": "Jl. Sudirman 5, Denpasar",
                             "telepon": "081234500031", "rincian_informasi": "Data jumlah sekolah dasar per kecamatan",
                             "tujuan": "Penelitian"}, {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date="")
    dropped = date.today()
    registered = dropped + timedelta(days=14)     # the desk was closed for two weeks
    result = ppid(workspace, "process", "--today", registered.isoformat())
    case = ppid_json(workspace, "cases")[0]
    calendar = load_calendar(load_config(workspace / "config.toml").deadlines)
    assert case["diterima"] == dropped.isoformat()
    assert case["tenggat_pemberitahuan"] == calendar.add_working_days(dropped, 10).isoformat()
    assert case["didaftarkan_terlambat"]
    assert "didaftarkan terlambat" in result.stdout.lower()
    assert "didaftarkan terlambat" in ppid(workspace, "status", "--today", registered.isoformat()).stdout.lower()
    register = tmp_path / "register.xlsx"
    ppid(workspace, "register", "permohonan", "--tahun", str(registered.year), "--out", str(register))
    remarks = [c for r in load_workbook(register).active.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any(c.startswith("Didaftarkan terlambat") for c in remarks)
    page = (workspace / "archive" / "index.html").read_text()
    assert "Didaftarkan terlambat: diterima" in page


def dip_entry(ringkasan: str, opd: str) -> dict:
    return {"category": "setiap_saat", "ringkasan": ringkasan, "penguasa": f"Sekretariat {opd}",
            "penanggung_jawab": f"Kepala {opd}", "waktu_tempat": "2026, Denpasar", "bentuk": "Softcopy",
            "retensi": "5 tahun", "opd": opd, "row": None}


def signed_recap(ctx, entries: list[dict]) -> None:
    """A recap whose SK DIP came back signed, written as the filing transaction leaves it."""
    case = ctx.db.open_case(kind="sk_dip", register="sk_dip", year=2026, number_for=lambda s: f"{s:03d}/REKAP-DIP/2026",
                            received=date(2026, 4, 21), applicant_name="Rekapitulasi DIP",
                            data={"tahun": 2026, "entri": entries}, source_id=None, source_row=0)
    at = "2026-04-21T10:00:00+08:00"
    ctx.db.set_history(case.id, [{"at": at, "event": "filed"}, {"at": at, "event": "published"}], status="selesai",
                       due=None, forward_due=None, data={"tahun": 2026, "entri": entries}, folder=f"2026/dip/rekap/{case.seq}")


def test_the_proposal_follows_a_new_list_that_kept_its_length_and_first_entry(tmp_path):
    """The classifier built from the lists in force is kept between requests; a newly signed list with as many
    entries and the same first one is still a new list."""
    from pipeline.kinds.classification import classify_request
    from pipeline.story import open_context

    workspace = make_workspace(tmp_path / "ruang-kerja")
    first = [dip_entry("Data jumlah tenaga kesehatan per kabupaten/kota", "Dinas Kesehatan"),
             dip_entry("Data kasus demam berdarah dengue per kabupaten/kota", "Dinas Kesehatan")]
    second = [first[0], dip_entry("Data trayek angkutan umum antarkota dalam provinsi", "Dinas Perhubungan")]
    asked = "Mohon data jumlah kasus DBD di tiap kabupaten"
    with open_context(load_config(workspace / "config.toml")) as ctx:
        signed_recap(ctx, first)
        before = classify_request(ctx, asked)
        assert (before.kind, before.as_json()["opd"]) == ("terbuka", "Dinas Kesehatan")
        signed_recap(ctx, second)
        assert classify_request(ctx, asked).kind == "tidak_ditemukan"
