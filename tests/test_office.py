"""The office around the pipeline (issue 16), driven through the real ``ppid`` command as the desk, the archivist
and the administrator use it: the result of each dropped file on the share, permissions for a share group, the
Indonesian command line, ``ppid init``'s blanks, and the guide's backup and restore."""

from __future__ import annotations

import grp
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.render.blankforms import fill_request_docx, write_blank_forms

from .conftest import ROOT, drop, make_workspace, pdf_text, ppid, ppid_json, set_config

TODAY = "2026-12-04"
NIK = "5171011203850002"
PHONE = "081234567890"


def run_ppid(workspace: Path, *args: str, umask: int | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``ppid`` as the service or an officer starts it: with their umask, answering on stdin."""
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=workspace, env=env, capture_output=True,
                          text=True, timeout=300, input=stdin, umask=-1 if umask is None else umask)


def request_form(tmp_path: Path, target: Path, name: str, **values) -> Path:
    blank = next(p for p in write_blank_forms(tmp_path / "kosong") if p.name == "formulir-permohonan-informasi.docx")
    shutil.copyfile(blank, target)
    fields = {"nama": name, "nik": NIK, "alamat": "Jl. Gatot Subroto No. 5, Denpasar", "telepon": PHONE,
              "rincian_informasi": "DPA Dinas Kesehatan 2026", "tujuan": "Penelitian", **values}
    fill_request_docx(target, fields, {"cara_memperoleh": [1], "cara_salinan": [4]}, place_date="Denpasar, 1 Desember 2026")
    return target


def links(page: Path) -> dict[str, Path]:
    """The page's links by their text, resolved as a browser opening it from the share does."""
    text = page.read_text(encoding="utf-8")
    return {html.unescape(label): (page.parent / html.unescape(href)).resolve()
            for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', text)}


# ---------------------------------------------------------------------------------------------
# What the desk sees
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A form, a workbook of requests and an incomplete form dropped; one pass under umask 022."""
    tmp = tmp_path_factory.mktemp("meja")
    workspace = make_workspace(tmp / "ruang-kerja")
    request_form(tmp, workspace / "inbox" / f"formulir budi {NIK}.docx", "Budi Santoso")
    drop(workspace, "permohonan-banyak.xlsx", "tidak-lengkap.docx")
    blank_scan(workspace / "inbox" / f"ktp {NIK} {PHONE}.pdf")   # a scan without a code: set aside, its name logged
    result = run_ppid(workspace, "proses", "--today", TODAY, umask=0o022)
    assert result.returncode == 0, result.stdout + result.stderr
    return workspace, result


def blank_scan(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as fh:
        writer.write(fh)


def day_folder(workspace: Path) -> Path:
    folders = [p for p in (workspace / "inbox" / "_hasil").iterdir() if p.is_dir()]
    assert len(folders) == 1
    return folders[0]


def note_of(workspace: Path, stem: str) -> Path:
    return next(p for p in day_folder(workspace).glob("*.html") if p.name.startswith(stem))


def test_each_dropped_file_has_a_note_with_its_number_applicant_and_the_receipt_to_print(desk):
    workspace, result = desk
    assert f"Hasil tiap berkas dan tanda terima untuk dicetak: {workspace / 'inbox' / '_hasil'}" in result.stdout
    case = next(c for c in ppid_json(workspace, "perkara") if c["pemohon"] == "Budi Santoso")
    note = note_of(workspace, "formulir budi xxxxxxxx.docx (hasil ")
    assert NIK not in note.name
    text = html.unescape(note.read_text(encoding="utf-8"))
    assert "Terdaftar" in text and case["nomor"] in text and "Budi Santoso" in text
    assert re.search(r"pukul \d\d\.\d\d\.\d\d WITA", text)
    receipt = links(note)[f"Cetak tanda terima {case['nomor']}"]
    assert receipt.name == f"{case['nomor'].replace('/', '-')} tanda terima (formulir budi xxxxxxxx).pdf"
    assert receipt.is_file() and case["nomor"] in pdf_text(receipt) and "Budi Santoso" in pdf_text(receipt)


def test_a_workbook_note_lists_every_case_of_its_rows(desk):
    workspace, _ = desk
    numbers = [c["nomor"] for c in ppid_json(workspace, "perkara") if c["pemohon"] != "Budi Santoso"]
    text = note_of(workspace, "permohonan-banyak.xlsx (hasil ").read_text(encoding="utf-8")
    assert numbers and all(number in text for number in numbers)
    assert len(list(day_folder(workspace).glob("* tanda terima (permohonan-banyak).pdf"))) == len(numbers)


def test_a_set_aside_file_has_its_reasons_and_links_to_the_reason_file_and_the_notice(desk):
    workspace, _ = desk
    note = note_of(workspace, "tidak-lengkap.docx (hasil ")
    text = html.unescape(note.read_text(encoding="utf-8"))
    assert "Disisihkan" in text and "kurang lengkap" in text.lower()
    found = links(note)
    reason = found["Alasan disisihkan"]
    assert reason.is_file() and reason.parent == workspace / "inbox" / "_disisihkan" and reason.name.endswith(".ALASAN.txt")
    notice = next(path for label, path in found.items() if label.startswith("Cetak pemberitahuan"))
    assert notice.is_file() and notice.suffix == ".pdf"


def test_the_days_sheet_lists_every_file_newest_first_with_links(desk):
    workspace, _ = desk
    sheet = next((workspace / "inbox" / "_hasil").glob("hasil-*.html"))
    text = html.unescape(sheet.read_text(encoding="utf-8"))
    assert "4 berkas; terdaftar: 1; sebagian terdaftar, sebagian disisihkan: 1; disisihkan: 2" in text   # a bad workbook row
    targets = links(sheet)
    assert all(path.is_file() for path in targets.values()), targets
    assert {p.name for p in targets.values() if p.suffix == ".html"} == {p.name for p in day_folder(workspace).glob("*.html")}


def filing_day(workspace: Path) -> str:
    """The day the fixture's forms were filed (the wall clock's, not TODAY's: a run may cross midnight)."""
    log = next((workspace / "archive").glob("*/*/*/events.jsonl"))
    return json.loads(log.read_text(encoding="utf-8").splitlines()[0])["at"][:10]


def test_nothing_written_is_world_readable_under_umask_022(desk):
    workspace, _ = desk
    ppid(workspace, "cetak", "--tanggal", filing_day(workspace))
    checked = {"var/ppid.sqlite3", "var/ppid.log", "var/views.sqlite3", "archive/index.html"}
    seen = set()
    for path in workspace.rglob("*"):
        relative = path.relative_to(workspace).as_posix()
        if relative.startswith(("templates_docx", "holidays.toml", "config.toml")) or path.is_symlink():
            continue
        if path.parent == workspace / "inbox" and path.is_dir() is False:
            continue   # what officers dropped is theirs
        assert path.stat().st_mode & 0o007 == 0, f"readable by others: {relative} {oct(path.stat().st_mode)}"
        seen.add(relative)
    assert checked <= seen
    assert any(p.startswith("cetak/") and p.endswith(".pdf") for p in seen)           # print bundles
    assert any(p.startswith("inbox/_disisihkan/") and p.endswith(".pemberitahuan.pdf") for p in seen)
    assert any(p.startswith("inbox/_hasil/") for p in seen)


def test_no_nik_or_phone_in_the_log_even_from_a_file_name(desk):
    workspace, _ = desk
    log = (workspace / "var" / "ppid.log").read_text(encoding="utf-8")
    assert "Berkas ktp xxxxxxxx.pdf disisihkan" in log
    assert NIK not in log and PHONE not in log
    assert not any(NIK in p.name or PHONE in p.name for p in workspace.rglob("*"))


def test_the_archive_page_links_every_original_and_holds_no_nik(desk):
    workspace, _ = desk
    page = (workspace / "archive" / "index.html").read_text(encoding="utf-8")
    assert NIK not in page and PHONE not in page and "Gatot Subroto" not in page
    data = json.loads(re.search(r'id="data-perkara">(.*?)</script>', page, re.S).group(1))
    for row in data["perkara"]:
        originals = [d for d in row[7] if d[2] == "asli"]
        assert len(originals) == 1, row[0]
        path = originals[0][1]
        target = workspace / "archive" / (path[1:] if path.startswith("/") else f"{row[6]}/{path}")
        assert target.is_file(), target
    workbook_rows = [row for row in data["perkara"] if row[11] == "permohonan-banyak.xlsx"]
    assert workbook_rows and all(d[1].startswith("/") and "/sumber/" in d[1] for r in workbook_rows for d in r[7] if d[2] == "asli")


def test_a_share_group_gets_the_share_folders_setgid(tmp_path):
    group = next((g for g in ("users", "staff", "daemon") if _group_exists(g)), None)
    if group is None:
        pytest.skip("no spare group on this machine")
    workspace = make_workspace(tmp_path / "ruang-kerja")
    set_config(workspace, "permissions", "group", json.dumps(group))
    drop(workspace, "tidak-lengkap.docx")
    result = run_ppid(workspace, "proses", "--today", TODAY, umask=0o022)
    assert result.returncode == 0, result.stderr
    gid = grp.getgrnam(group).gr_gid
    for folder in ("inbox", "inbox/_hasil", "inbox/_disisihkan", "siap-tanda-tangan"):
        info = (workspace / folder).stat()
        assert info.st_gid == gid and info.st_mode & 0o7777 == 0o2770, (folder, oct(info.st_mode))
    written = [p for p in (workspace / "inbox" / "_hasil").rglob("*")] + list((workspace / "inbox" / "_disisihkan").iterdir())
    assert written and all(p.stat().st_gid == gid and p.stat().st_mode & 0o040 for p in written)
    assert all(p.stat().st_mode & 0o007 == 0 for p in written)


def test_an_unknown_share_group_is_named(tmp_path):
    workspace = make_workspace(tmp_path / "ruang-kerja")
    set_config(workspace, "permissions", "group", '"grup-yang-tidak-ada"')
    result = run_ppid(workspace, "perkara")
    assert result.returncode == 2 and "Grup 'grup-yang-tidak-ada'" in result.stderr and "groupadd" in result.stderr


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


# ---------------------------------------------------------------------------------------------
# The command line in Indonesian
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    workspace = make_workspace(tmp / "ruang-kerja")
    request_form(tmp, workspace / "inbox" / "budi.docx", "Budi Santoso")
    drop(workspace, "permohonan-2021-tabel2.docx")
    ppid(workspace, "proses", "--today", "04-12-2026")
    return workspace


def test_the_help_lists_each_command_by_both_names_and_each_name_works():
    from pipeline.cli.base import ALIASES

    shown = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True).stdout
    for english, indonesian in ALIASES.items():
        assert re.search(rf"^\s+{re.escape(indonesian)} \({re.escape(english)}\)", shown, re.M), indonesian
        for name in (english, indonesian):
            result = subprocess.run([sys.executable, "-m", "pipeline", name, "--help"], capture_output=True, text=True,
                                    env={**os.environ, "PYTHONPATH": str(ROOT)})
            assert result.returncode == 0 and "Pemakaian: " in result.stdout, name
    assert "Perintah (nama Indonesia, nama Inggris)" in shown and "Pilihan:" in shown
    wrong = subprocess.run([sys.executable, "-m", "pipeline", "prosess"], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert wrong.returncode == 2 and "Perintah 'prosess' tidak dikenal. Mungkin maksud Anda: process, proses" in wrong.stderr


def test_a_number_is_read_in_every_form_wherever_it_is_typed(filed, tmp_path):
    workspace = filed
    first = ppid_json(workspace, "perkara")[0]["nomor"]
    seq, *rest = first.split("/")
    forms = [first, "/".join([str(int(seq)), *rest]), first.replace("/", "-"), first.lower().replace("/", "-"),
             " / ".join(first.split("/"))]
    for typed in forms:
        assert ppid_json(workspace, "tampil", typed)["nomor"] == first, typed
    assert ppid(workspace, "cetak", forms[2], "--tanggal", "04-12-2026").stdout.strip().endswith(f"{first.replace('/', '-')}.pdf")
    missing = ppid(workspace, "tampil", "99/PPID/XII/2026", check=False)
    assert missing.returncode == 1 and "boleh ditulis 001/PPID/XII/2026, 1/PPID/XII/2026" in missing.stderr
    decided = ppid(workspace, "putuskan", forms[1], "--keputusan", "tidak-dikuasai", "--today", "4 Desember 2026")
    assert f"atas {first} dicatat" in decided.stdout


def test_dates_are_read_alike_everywhere_and_two_digit_years_refused(filed):
    workspace = filed
    iso = ppid(workspace, "papan", "--today", TODAY).stdout
    for typed in ("04-12-2026", "4/12/2026", "4 Desember 2026", "Jumat, 4 Desember 2026"):
        assert ppid(workspace, "status", "--today", typed).stdout == iso, typed
    assert "Jumat, 18 Desember 2026" in ppid(workspace, "tenggat", "04-12-2026").stdout
    for args in (("papan", "--today", "04-12-26"), ("tenggat", "4/12/26")):
        result = ppid(workspace, *args, check=False)
        assert result.returncode == 2 and "empat angka" in result.stderr and "Traceback" not in result.stderr
    for args in (("laporan", "--tahun", "26"), ("buku-register", "permohonan", "--tahun", "26"), ("perkara", "--tahun", "26")):
        result = ppid(workspace, *args, check=False)
        assert result.returncode == 2 and "'26' bukan tahun" in result.stderr, args
    assert not list((workspace / "archive").glob("**/laporan-layanan-informasi-26*"))


def test_confirmations_take_ya_and_tidak(filed):
    workspace = filed
    before = ppid_json(workspace, "perkara")
    for answer in ("tidak", "t", "n"):
        result = run_ppid(workspace, "indeks-ulang", stdin=f"{answer}\n")
        assert result.returncode == 1 and "[ya/TIDAK]" in result.stdout and "Dibatalkan." in result.stderr, answer
    result = run_ppid(workspace, "reindex", stdin="mungkin\nya\n")
    assert result.returncode == 0 and "Jawab 'ya' (y) atau 'tidak' (t)." in result.stdout
    assert "Database dibangun ulang" in result.stdout
    assert run_ppid(workspace, "reindex", stdin="y\n").returncode == 0
    assert ppid_json(workspace, "perkara") == before


def test_events_and_times_are_shown_in_indonesian_local_time(filed):
    workspace = filed
    number = ppid_json(workspace, "perkara")[-1]["nomor"]
    shown = ppid(workspace, "tampil", number).stdout
    assert "Riwayat (waktu Asia/Makassar):" in shown
    for label in ("berkas diterima", f"diberi nomor ({number})", "tenggat dihitung", "diarsipkan"):
        assert label in shown
    assert re.search(r"\d{1,2} \w+ 2026 \d\d\.\d\d WITA", shown) and "received" not in shown
    set_config(workspace, "display", "timezone", '"Asia/Jayapura"')
    assert " WIT " in ppid(workspace, "show", number).stdout
    set_config(workspace, "display", "timezone", '"Asia/Makassar"')


def test_control_and_bidi_characters_are_escaped_on_the_terminal(filed, tmp_path):
    """A form's name is cleaned when read; what an officer types (a void reason) is shown escaped."""
    from pipeline.cli.base import shown

    assert shown("Budi\r\u202eSantoso\x1b[2J\u2066") == "Budi\\x0d\\u202eSantoso\\x1b[2J\\u2066"
    workspace = make_workspace(tmp_path / "ruang-kerja")
    request_form(tmp_path, workspace / "inbox" / "budi.docx", "Budi Santoso")
    ppid(workspace, "proses", "--today", TODAY)
    number = ppid_json(workspace, "perkara")[0]["nomor"]
    ppid(workspace, "batal", number, "--alasan", "Salah ketik\r\u202enama pemohon", "--ya")
    for listing in (ppid(workspace, "perkara").stdout, ppid(workspace, "tampil", number).stdout):
        assert "\u202e" not in listing and "\r" not in listing
    assert "Status            : Batal (Salah ketik\\x0d\\u202enama pemohon)" in ppid(workspace, "tampil", number).stdout


def test_long_commands_say_they_are_working(filed):
    from pipeline.cli.base import busy, progress

    assert busy and progress   # the helpers every long command uses; their output, driven:
    workspace = filed
    result = ppid(workspace, "cetak", "--tanggal", filing_day(workspace))
    assert "bundel perkara dan batch harian" in result.stdout


# ---------------------------------------------------------------------------------------------
# ppid init
# ---------------------------------------------------------------------------------------------

def test_init_leaves_blanks_that_no_letter_is_printed_with(tmp_path):
    workspace = tmp_path / "kantor"
    made = subprocess.run([sys.executable, "-m", "pipeline", "siapkan", str(workspace)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL, check=True)
    assert "agency.name" in made.stdout and "signers.ppid.name" in made.stdout
    text = (workspace / "config.toml").read_text(encoding="utf-8")
    assert "Diskominfos" not in text and "Wirawan" not in text and "baliprov" not in text
    values = [line.split("#", 1)[0] for line in text.splitlines()]        # comments may cite the example
    assert not [v for v in values if "Bali" in v]
    assert "tembusan.tanggapan_keberatan" in made.stdout and "forward.dip_addressee" in made.stdout
    set_config(workspace, "libreoffice", "base_port", "6490")
    drop(workspace, "permohonan-2021-tabel2.docx")
    refused = run_ppid(workspace, "proses")
    assert refused.returncode == 2
    assert "Kop surat dan penandatangan belum diisi" in refused.stderr and "agency.government" in refused.stderr
    assert "signers.desk.position" in refused.stderr and "--contoh" in refused.stderr
    assert (workspace / "inbox" / "permohonan-2021-tabel2.docx").exists() and not ppid_json(workspace, "perkara")
    assert run_ppid(workspace, "papan").returncode == 0      # reading needs no letterhead


def test_init_asks_for_the_letterhead_and_signers(tmp_path):
    workspace = tmp_path / "kantor"
    from pipeline.cli.workspace import AGENCY_KEYS, OTHER_KEYS, SIGNER_KEYS, SIGNERS

    answers = [f"Jawaban {i}" for i in range(len(AGENCY_KEYS))]
    answers += ["Nama PPID", "196805311997031002", "Pembina", "Kepala Dinas"] + [""] * (len(SIGNER_KEYS) * (len(SIGNERS) - 1))
    answers += ["PPID Pelaksana di Lingkungan Pemerintah Kabupaten Badung"] * len(OTHER_KEYS)
    made = subprocess.run([sys.executable, "-m", "pipeline", "init", "--tanya", str(workspace)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, input="\n".join(answers) + "\n", check=True)
    from pipeline.core.config import load_config, placeholder_keys

    config = load_config(workspace / "config.toml")
    assert config.agency.government == "Jawaban 0" and config.signers.ppid.nip == "196805311997031002"
    assert config.forward.dip_addressee == "PPID Pelaksana di Lingkungan Pemerintah Kabupaten Badung"
    assert placeholder_keys(config) == [f"signers.{s}.{k}" for s in ("atasan_ppid", "desk") for k in ("name", "rank", "position")
                                        ] + ["tembusan.tanggapan_keberatan"]
    assert "signers.atasan_ppid.name" in made.stdout


def test_init_contoh_is_the_marked_example(tmp_path):
    workspace = tmp_path / "peragaan"
    made = ppid(ROOT, "siapkan", "--contoh", str(workspace))
    assert "CONTOH" in made.stdout
    text = (workspace / "config.toml").read_text(encoding="utf-8")
    assert "A DEMONSTRATION WORKSPACE" in text and "Diskominfos" in text


# ---------------------------------------------------------------------------------------------
# The guide's backup and restore, as written
# ---------------------------------------------------------------------------------------------

GUIDE = ROOT / "docs" / "panduan-kantor.md"


def guide_block(name: str) -> str:
    """The shell block of the guide marked ``<!-- uji: NAME -->``."""
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(rf"<!-- uji: {name} -->\s*```sh\n(.*?)```", text, re.S)
    assert match, name
    return match.group(1)


def run_block(block: str, workspace: Path, backups: Path) -> None:
    env = {**os.environ, "RUANG": str(workspace), "CADANGAN": str(backups), "PPID_CMD": f"{sys.executable} -m pipeline",
           "PYTHON": sys.executable, "PYTHONPATH": str(ROOT), "PPID_CONFIG": str(workspace / "config.toml")}
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", block], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_guides_backup_wipe_restore_gives_the_same_cases_and_a_clean_verify(desk, tmp_path):
    workspace, _ = desk
    before = ppid_json(workspace, "perkara")
    backups = tmp_path / "cadangan"
    run_block(guide_block("cadangan"), workspace, backups)
    for folder in ("archive", "var"):
        shutil.rmtree(workspace / folder)
    run_block(guide_block("pulihkan"), workspace, backups)
    assert ppid(workspace, "verifikasi").returncode == 0
    assert ppid_json(workspace, "perkara") == before
