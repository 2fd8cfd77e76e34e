"""The ``ppid`` command: what a PPID desk officer and an administrator type.

Messages are in Indonesian; ``--help`` texts too, so the manual reads like the desk's own.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import sys
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import click

from pipeline import __version__
from pipeline.core.bahasa import hari_kerja, hari_tanggal
from pipeline.core.config import Config, ConfigError, load_config
from pipeline.core.files import write_atomic
from pipeline.core.vocab import DECISIONS, INFORMATION_FORMS
from pipeline.core.workdays import CalendarError
from pipeline.intake.watching import InboxWatcher, candidates
from pipeline.jobs.results import FileOutcome
from pipeline.render.conversion import ConversionError, PdfMetadata
from pipeline.render.templates import TemplateError
from pipeline.story import open_context, process_file
from pipeline.views.refresh import refresh_views, write_register

# Where the repository keeps what ``ppid init`` copies: the embedded default workspace.
RESOURCE_ROOT = Path(__file__).resolve().parent.parent
PROGRESS_THRESHOLD = 3

MANUAL = """\
ppid — kantor belakang PPID saat sistem daring tidak berfungsi (UU 14/2008).

\b
Alur kerja harian:
  1. Petugas meletakkan formulir permohonan (docx/xlsx) ke folder masuk (inbox/).
  2. `ppid watch` (atau `ppid process` sekali jalan) membaca tiap formulir, memeriksa
     kelengkapannya, memberi nomor pendaftaran, menghitung tenggat dalam hari kerja,
     membuat tanda terima dan surat kepada PPID Pelaksana (docx, PDF/A, PDF cetak),
     lalu mengarsipkan semuanya di archive/<tahun>/<bulan>/<nomor>/.
  3. Formulir yang kurang lengkap atau rusak disisihkan ke inbox/_disisihkan/ beserta
     berkas ALASAN dan surat pemberitahuan kepada pemohon; berkas asli tidak pernah hilang.
  4. Draf yang perlu ditandatangani ada di siap-tanda-tangan/<penandatangan>/.

\b
Konfigurasi: --config PATH, atau variabel PPID_CONFIG, atau ./config.toml.
Mulai cepat:  ppid init ruang-kerja && cd ruang-kerja && ppid demo
"""


def _fail(message: str, code: int = 2) -> None:
    click.secho(f"Galat: {message}", fg="red", err=True)
    sys.exit(code)


def _setup_logging(config: Config, verbose: bool) -> None:
    log_dir = config.paths.database.parent
    log_dir.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [logging.FileHandler(log_dir / "ppid.log", encoding="utf-8")]
    if verbose:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=handlers, force=True)


class _Obj:
    def __init__(self, config_path: str | None, verbose: bool):
        self.config_path = config_path
        self.verbose = verbose
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load_config(self.config_path)
            except ConfigError as exc:
                _fail(str(exc))
            _setup_logging(self._config, self.verbose)
        return self._config


@click.group(help=MANUAL, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", envvar="PPID_CONFIG", type=click.Path(dir_okay=False),
              help="Berkas konfigurasi (bawaan: ./config.toml, atau $PPID_CONFIG).")
@click.option("-v", "--verbose", is_flag=True, help="Tampilkan log kerja di layar.")
@click.version_option(__version__, prog_name="ppid")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    ctx.obj = _Obj(config_path, verbose)


@contextmanager
def _open(obj: _Obj, today: date | None = None):
    """The processing context; a broken template, holiday file or LibreOffice stops with its message."""
    try:
        with open_context(obj.config, **({"today": lambda: today} if today else {})) as ctx:
            yield ctx
    except (TemplateError, CalendarError, ConversionError) as exc:
        _fail(str(exc))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Buat ruang kerja baru: config.toml, inbox/, archive/, templat surat, berkas hari libur."""
    target = Path(directory)
    if (target / "config.toml").exists():
        _fail(f"{target / 'config.toml'} sudah ada; ruang kerja tidak ditimpa.")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RESOURCE_ROOT / "config.toml", target / "config.toml")
    shutil.copyfile(RESOURCE_ROOT / "holidays.toml", target / "holidays.toml")
    shutil.copytree(RESOURCE_ROOT / "templates_docx", target / "templates_docx", dirs_exist_ok=True)
    for sub in ("inbox", "archive"):
        (target / sub).mkdir(exist_ok=True)
    click.echo(f"Ruang kerja dibuat di {target.resolve()}")
    click.echo(f"Ubah {target / 'config.toml'} (instansi, penandatangan, kertas), lalu jalankan:")
    click.echo(f"  ppid --config {target / 'config.toml'} watch")


@main.command()
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Tanggal pendaftaran (untuk uji coba; bawaan: hari ini).")
@click.pass_obj
def process(obj: _Obj, today) -> None:
    """Proses semua berkas di folder masuk satu kali, lalu berhenti.

    Berkas yang masih sedang disalin ditunggu sampai ukurannya tidak berubah. Keluar dengan kode 0
    bila setiap berkas sudah diarsipkan atau disisihkan.
    """
    config = obj.config
    with _open(obj, today.date() if today else None) as ctx:
        outcomes = _drain_inbox(ctx, config)
        refresh_views(ctx)
    _print_summary(outcomes)


def _drain_inbox(ctx, config: Config) -> list[FileOutcome]:
    """Handle every file in the inbox (several at a time), waiting for files still being written."""
    outcomes: list[FileOutcome] = []
    pending = len(candidates(config.paths.inbox, _own_folders(config)))
    bar = click.progressbar(length=pending, label="Memproses", file=sys.stderr) if pending > PROGRESS_THRESHOLD else None

    def handle(path: Path) -> None:
        outcomes.append(process_file(ctx, path))
        if bar:
            bar.update(1)

    try:
        InboxWatcher(config.paths.inbox, config.watch, _own_folders(config), handle,
                     workers=config.libreoffice.worker_count).drain()
    finally:
        if bar:
            bar.render_finish()
    return outcomes


def _own_folders(config: Config) -> set[Path]:
    return {p.resolve() for p in (config.paths.set_aside, config.paths.archive, config.paths.ready_to_sign, config.paths.database.parent)}


def _print_summary(outcomes: list[FileOutcome]) -> None:
    cases = sum(len(o.filed) for o in outcomes)
    answers = sum(len(o.answered) for o in outcomes)
    signed = sum(len(o.signed) for o in outcomes)
    aside = sum(1 for o in outcomes if o.set_aside)
    for o in outcomes:
        if o.set_aside:
            click.echo(f"  disisihkan: {o.name}: {o.set_aside[0]}")
    answered = f"{answers} jawaban dicatat, " if answers else ""
    answered += f"{signed} salinan bertanda tangan diarsipkan, " if signed else ""
    click.echo(f"Selesai: {len(outcomes)} berkas, {cases} perkara terdaftar, {answered}{aside} berkas disisihkan.")


@main.command()
@click.pass_obj
def watch(obj: _Obj) -> None:
    """Pantau folder masuk terus-menerus sampai Ctrl-C atau SIGTERM.

    Berkas yang sedang diproses diselesaikan dulu sebelum berhenti, sehingga tidak ada perkara
    yang setengah diarsipkan. Untuk folder bersama (SMB/NFS) setel watch.mode = "polling".
    """
    config = obj.config
    with _open(obj) as ctx:
        def handle(path: Path) -> None:
            ctx.reload_calendar()
            outcome = process_file(ctx, path)
            if outcome.filed:
                click.echo(f"Terdaftar: {', '.join(outcome.filed)} ({outcome.name})")
            if outcome.answered:
                click.echo(f"Jawaban dicatat: {', '.join(outcome.answered)} ({outcome.name})")
            if outcome.signed:
                click.echo(f"Salinan bertanda tangan diarsipkan: {', '.join(outcome.signed)}")
            if outcome.set_aside:
                click.echo(f"Disisihkan: {outcome.name}: {outcome.set_aside[0]}")

        watcher = InboxWatcher(config.paths.inbox, config.watch, _own_folders(config), handle,
                               workers=config.libreoffice.worker_count, on_idle=lambda: refresh_views(ctx, force=False))

        def stop(signum, frame):
            click.echo("Berhenti setelah berkas yang sedang diproses selesai…")
            watcher.stop.set()
            watcher.wake.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        click.echo(f"Memantau {config.paths.inbox} (mode {config.watch.mode}). Tekan Ctrl-C untuk berhenti.")
        watcher.run()
        refresh_views(ctx)
    click.echo("Pemantauan dihentikan.")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--tahun", type=int, help="Hanya perkara tahun ini.")
@click.pass_obj
def cases(obj: _Obj, as_json: bool, tahun: int | None) -> None:
    """Daftar perkara: nomor, jenis, pemohon, tanggal diterima, tenggat, status, folder arsip."""
    from pipeline.store.db import Database

    db = Database(obj.config.paths.database)
    rows = db.cases(year=tahun)
    db.close()
    if as_json:
        click.echo(json.dumps([c.as_json() for c in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Belum ada perkara.")
        return
    click.echo(f"{'Nomor':<24} {'Jenis':<11} {'Pemohon':<24} {'Diterima':<10} {'Tenggat':<10} {'Status':<10} Folder")
    for c in rows:
        click.echo(f"{c.number:<24} {c.kind:<11} {c.applicant_name[:24]:<24} {c.received.isoformat():<10} "
                   f"{(c.due.isoformat() if c.due else '-'):<10} {c.status:<10} {c.folder or (c.void_reason or '-')}")


@main.command()
@click.argument("number")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def show(obj: _Obj, number: str, as_json: bool) -> None:
    """Rincian satu perkara beserta riwayat kejadiannya."""
    from pipeline.store.db import Database

    db = Database(obj.config.paths.database)
    case = db.case_by_number(number)
    if case is None:
        db.close()
        _fail(f"Perkara nomor {number} tidak ditemukan.", code=1)
    events = db.events(case.id)
    db.close()
    if as_json:
        click.echo(json.dumps({**case.as_json(), "data": case.data, "riwayat": events}, ensure_ascii=False, indent=2))
        return
    req = case.data
    click.echo(f"Nomor pendaftaran : {case.number}")
    click.echo(f"Jenis             : {case.kind}")
    click.echo(f"Pemohon           : {case.applicant_name}")
    click.echo(f"Diterima          : {hari_tanggal(case.received)}")
    if case.due:
        click.echo(f"Tenggat pemberitahuan tertulis : {hari_tanggal(case.due)}")
    if case.forward_due:
        click.echo(f"Target jawaban PPID Pelaksana  : {hari_tanggal(case.forward_due)}")
    click.echo(f"Status            : {case.status}" + (f" ({case.void_reason})" if case.void_reason else ""))
    click.echo(f"Folder arsip      : {case.folder or '-'}")
    if req.get("rincian_informasi"):
        click.echo(f"Informasi diminta : {req['rincian_informasi']}")
    if req.get("klasifikasi"):
        click.echo(f"Usulan (DIP/DIK)  : {req['klasifikasi'].get('summary') or req['klasifikasi'].get('kind')}")
    click.echo("Riwayat:")
    for e in events:
        click.echo(f"  {e['at']}  {e['event']}")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def forms(directory: str) -> None:
    """Tulis formulir isian kosong resmi (docx dan xlsx) yang paling mudah dibaca pipeline."""
    from pipeline.render.blankforms import write_blank_forms

    for path in write_blank_forms(Path(directory)):
        click.echo(f"  {path}")


@main.command()
@click.pass_obj
def demo(obj: _Obj) -> None:
    """Contoh pertama: tulis beberapa formulir terisi ke folder masuk lalu proses semuanya."""
    from pipeline.render.demo import write_demo_forms

    config = obj.config
    written = write_demo_forms(config.paths.inbox)
    click.echo(f"{len(written)} formulir contoh diletakkan di {config.paths.inbox}:")
    for path in written:
        click.echo(f"  {path.name}")
    with _open(obj) as ctx:
        outcomes = _drain_inbox(ctx, config)
        refresh_views(ctx)
    _print_summary(outcomes)
    click.echo(f"Lihat hasilnya: ppid cases   (arsip: {config.paths.archive})")


@main.command()
@click.argument("number")
@click.option("--keputusan", required=True, type=click.Choice(DECISIONS), help="Keputusan atas permohonan.")
@click.option("--dikuasai-oleh", default="", help="Badan Publik lain yang menguasai informasi (kosong: kami).")
@click.option("--bentuk", multiple=True, type=click.Choice(INFORMATION_FORMS), help="Bentuk informasi yang tersedia (boleh diulang).")
@click.option("--halaman", default="", help="Jumlah halaman yang disalin.")
@click.option("--tarif", default="", help="Biaya penyalinan per halaman (Rp).")
@click.option("--biaya-kirim", default="", help="Biaya pengiriman (Rp).")
@click.option("--biaya-lain", default="", help="Biaya lain (Rp).")
@click.option("--waktu", "waktu_hari", default="", help="Waktu penyediaan informasi (hari kerja).")
@click.option("--penghitaman", default="", help="Penjelasan bagian informasi yang dihitamkan.")
@click.option("--pasal17", default="", help="Dasar penolakan: huruf Pasal 17 UU KIP (a-j), boleh dengan angka: 'b angka 2'.")
@click.option("--dasar-lain", default="", help="Dasar penolakan dari undang-undang lain, mis. 'Pasal 57 UU 36/2009'.")
@click.option("--konsekuensi", default="", help="Konsekuensi bila informasi dibuka (hasil uji konsekuensi).")
@click.option("--alasan", default="", help="Alasan perpanjangan.")
@click.option("--kapan-tersedia", default="", help="Kapan informasi yang belum didokumentasikan akan tersedia.")
@click.option("--tanggal", default="", help="Tanggal keputusan (bawaan: hari ini).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def decide(obj: _Obj, number: str, today, **options) -> None:
    """Catat jawaban atas permohonan NUMBER dan buat suratnya.

    \b
    diberikan / sebagian      -> Pemberitahuan Tertulis bagian A (perlu --bentuk dan --waktu)
    tidak-dikuasai            -> Pemberitahuan Tertulis bagian B
    belum-didokumentasikan    -> Pemberitahuan Tertulis bagian B (perlu --kapan-tersedia)
    ditolak                   -> SK Penolakan (perlu --pasal17 atau --dasar-lain, dan --konsekuensi)
    perpanjangan              -> Surat Perpanjangan, sekali, sebelum tenggat (perlu --alasan)

    Surat diarsipkan ke folder perkara dan diletakkan di folder siap tanda tangan PPID.
    """
    from pipeline.intake.answers import DecisionRefused, decision_from_fields
    from pipeline.kinds.answer import file_decision

    day = today.date() if today else date.today()
    fields = {**{k: v for k, v in options.items() if k != "bentuk"}, "nomor_pendaftaran": number,
              "bentuk": ",".join(options["bentuk"])}
    decision, problems = decision_from_fields(fields, today=day)
    if problems:
        _refuse(problems)
    with _open(obj, day) as ctx:
        try:
            with ctx.workspace_lock():
                documents = file_decision(ctx, decision)
        except DecisionRefused as exc:
            _refuse(exc.reasons)
        case = ctx.db.case_by_number(number)
        refresh_views(ctx)
    click.echo(f"Keputusan '{decision.keputusan}' atas {number} dicatat; status: {case.status}.")
    click.echo(f"Surat dibuat: {', '.join(documents)} (di {case.folder} dan folder siap tanda tangan).")
    if case.due:
        click.echo(f"Tenggat pemberitahuan tertulis: {hari_tanggal(case.due)}")


def _refuse(reasons: list[str]) -> None:
    click.secho("Jawaban ditolak:", fg="red", err=True)
    for reason in reasons:
        click.echo(f"  - {reason}", err=True)
    sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Hitung seolah-olah hari ini tanggal ini.")
@click.pass_obj
def status(obj: _Obj, as_json: bool, today) -> None:
    """Papan status: perkara terbuka, sisa hari kerja, yang terlambat di atas."""
    from pipeline.views.board import board

    day = today.date() if today else date.today()
    with _open(obj, day) as ctx:
        rows = board(ctx.db.cases(), ctx.calendar, day)
    overdue = sum(r.overdue for r in rows)
    soon = sum(r.due_soon for r in rows)
    if as_json:
        click.echo(json.dumps({"tanggal": day.isoformat(), "terbuka": len(rows), "segera": soon, "terlambat": overdue,
                               "perkara": [r.as_json() for r in rows]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'':2}{'Nomor':<24} {'Jenis':<11} {'Pemohon':<22} {'Diterima':<10} {'Tenggat':<10} {'Sisa':>5}  Status")
    for r in rows:
        mark = "!!" if r.overdue else (" *" if r.due_soon else "  ")
        c = r.case
        click.echo(f"{mark}{c.number:<24} {c.kind:<11} {c.applicant_name[:22]:<22} {c.received.isoformat():<10} "
                   f"{c.due.isoformat():<10} {r.working_days_left:>5}  {c.status}")
    click.echo(f"Terbuka: {len(rows)}; jatuh tempo dalam 3 hari kerja: {soon}; terlambat: {overdue}.  (!! terlambat, * segera)")


@main.command()
@click.argument("tanggal")
@click.option("--hari", default=10, show_default=True, type=click.IntRange(0, 400), help="Jumlah hari kerja.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def tenggat(obj: _Obj, tanggal: str, hari: int, as_json: bool) -> None:
    """Hitung tanggal N hari kerja setelah TANGGAL, dengan kalender yang dipakai perkara.

    TANGGAL boleh ditulis 2026-03-16, 16-03-2026 atau "16 Maret 2026".
    """
    from pipeline.core.bahasa import parse_tanggal
    from pipeline.core.workdays import load_calendar

    start = parse_tanggal(tanggal)
    if start is None:
        _fail(f"Tanggal tidak dapat dibaca: {tanggal!r}. Tulis seperti 2026-03-16 atau \"16 Maret 2026\".")
    try:
        calendar = load_calendar(obj.config.deadlines)
    except CalendarError as exc:
        _fail(str(exc))
    due = calendar.add_working_days(start, hari)
    skipped = calendar.holidays_between(start + timedelta(days=1), due) if due > start else []
    if as_json:
        click.echo(json.dumps({"mulai": start.isoformat(), "hari_kerja": hari, "jatuh_tempo": due.isoformat(),
                               "hari_ke_nol": obj.config.deadlines.day_zero,
                               "dilewati": [{"tanggal": d.isoformat(), "nama": n} for d, n in skipped]},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"Mulai       : {hari_tanggal(start)}")
    click.echo(f"Jatuh tempo : {hari_tanggal(due)} ({hari_kerja(hari)})")
    if skipped:
        click.echo("Hari libur dan cuti bersama yang dilewati:")
        for d, name in skipped:
            click.echo(f"  {hari_tanggal(d):<28} {name}")
    else:
        click.echo("Tidak ada hari libur pada hari kerja di rentang ini.")


@main.command()
@click.argument("jenis", type=click.Choice(["permohonan", "keberatan"]))
@click.option("--tahun", type=int, help="Tahun register (bawaan: tahun ini).")
@click.option("--out", type=click.Path(dir_okay=False), help="Tulis ke berkas ini (bawaan: di arsip).")
@click.pass_obj
def register(obj: _Obj, jenis: str, tahun: int | None, out: str | None) -> None:
    """Tulis Buku Register (xlsx) dari perkara: nomor yang batal ikut tercatat beserta alasannya."""
    year = tahun or date.today().year
    with _open(obj) as ctx:
        path = write_register(ctx, jenis, year, Path(out).resolve() if out else None)
    click.echo(f"Buku Register {jenis.capitalize()} {year}: {path}")


@main.command()
@click.option("--ya", is_flag=True, help="Jangan bertanya dulu (database lama diganti).")
@click.pass_obj
def reindex(obj: _Obj, ya: bool) -> None:
    """Bangun ulang database dari pohon arsip saja (manifest.json, events.jsonl, catatan nomor batal).

    Dipakai bila database hilang atau rusak: daftar perkara, register, dan nomor berikutnya kembali
    seperti semula.
    """
    from pipeline.store.reindex import reindex as rebuild

    config = obj.config
    if config.paths.database.exists() and not ya:
        click.confirm(f"Database {config.paths.database} akan diganti dengan hasil pembacaan arsip. Lanjutkan?", abort=True)
    report = rebuild(config)
    click.echo(f"Database dibangun ulang: {report.cases} perkara, {report.voids} nomor batal, {report.letters} surat, "
               f"{report.events} kejadian, {report.sources} berkas asal.")


@main.command()
@click.option("--cepat", "--fast", "fast", is_flag=True, help="Hanya periksa ukuran berkas (tanpa sha256).")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def verify(obj: _Obj, fast: bool, as_json: bool) -> None:
    """Periksa keutuhan seluruh arsip: checksum terhadap manifest, berkas hilang atau tak terdaftar, log rusak.

    Keluar dengan kode 1 bila ada masalah.
    """
    from pipeline.store.verify import format_report, verify_archive

    report = verify_archive(obj.config.paths.archive, fast=fast)
    click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2) if as_json else format_report(report))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.option("--tanggal", type=click.DateTime(["%Y-%m-%d"]), help="Hari yang dicetak (bawaan: hari ini).")
@click.argument("numbers", nargs=-1)
@click.pass_obj
def cetak(obj: _Obj, tanggal, numbers: tuple[str, ...]) -> None:
    """Buat berkas cetak: bundel per perkara (lembar sampul, tiap dokumen mulai di halaman ganjil)
    dan batch harian semua yang diarsipkan pada hari itu. Dengan NUMBERS: bundel perkara itu saja."""
    from pipeline.views.hardcopy import bundle_case, print_day

    day = tanggal.date() if tanggal else date.today()
    with _open(obj) as ctx:
        if numbers:
            for number in numbers:
                case = ctx.db.case_by_number(number)
                if case is None or not case.folder:
                    _fail(f"Perkara nomor {number} tidak ditemukan di arsip.", code=1)
                click.echo(f"  {bundle_case(ctx, case, day)}")
            return
        bundles, batch = print_day(ctx, day)
    if batch is None:
        click.echo(f"Tidak ada dokumen yang diarsipkan pada {day.isoformat()}.")
        return
    click.echo(f"{len(bundles)} bundel perkara dan batch harian: {batch}")


@main.command()
@click.option("--tahun", type=int, required=True, help="Tahun laporan.")
@click.option("--semester", type=click.Choice(["1", "2"]), help="Hanya semester I (Jan-Jun) atau II (Jul-Des).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def laporan(obj: _Obj, tahun: int, semester: str | None, today) -> None:
    """Laporan layanan informasi publik, dihitung dari perkara: xlsx dengan grafik, dan PDF siap tanda tangan
    (dari templat templates_docx/laporan_layanan.docx, pada kertas [paper])."""
    from pipeline.render.templates import template_path
    from pipeline.views.report import REPORT_TEMPLATE, compute_report, report_docx, write_report_xlsx

    config = obj.config
    day = today.date() if today else date.today()
    with _open(obj, day) as ctx:
        report = compute_report(ctx.db.cases(), ctx.calendar, year=tahun, semester=int(semester) if semester else None,
                                notice_days=config.deadlines.notice_days, extension_days=config.deadlines.extension_days)
        folder = config.paths.archive / "laporan" / str(tahun)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"laporan-layanan-informasi-{tahun}" + (f"-semester-{semester}" if semester else "")
        write_report_xlsx(report, folder / f"{stem}.xlsx", agency=config.agency.name, paper=config.paper.size)
        docx = folder / f"{stem}.docx"
        template = template_path(config.paths.templates, REPORT_TEMPLATE)
        write_atomic(docx, report_docx(report, template, agency=config.agency, signer=config.signers.ppid,
                                       paper=config.paper, signed_on=day), overwrite=True)
        ctx.converter.convert(docx, pdfa=folder / f"{stem}.pdf", printable=folder / f"{stem}.cetak.pdf",
                              metadata=PdfMetadata(title=f"Laporan Layanan Informasi Publik {tahun}", author=config.agency.name))
    click.echo(f"Laporan {report.period_title}: {report.permohonan} permohonan, {report.keberatan} keberatan.")
    for suffix in (".xlsx", ".pdf"):
        click.echo(f"  {folder / (stem + suffix)}")


@main.group()
def dip() -> None:
    """Daftar Informasi Publik: rekap daftar dari PPID Pelaksana dan draf SK DIP."""


@dip.command("rekap")
@click.option("--tahun", type=int, help="Tahun DIP (bawaan: tahun ini).")
@click.pass_obj
def dip_rekap(obj: _Obj, tahun: int | None) -> None:
    """Bangun ulang rekap DIP dari daftar OPD yang diterima, dan draf SK DIP untuk ditandatangani."""
    from pipeline.kinds.dipdik import accepted_lists, rebuild_recap

    year = tahun or date.today().year
    with _open(obj) as ctx:
        with ctx.workspace_lock():
            case = rebuild_recap(ctx, year)
        lists = accepted_lists(ctx, year)
        refresh_views(ctx)
    if case is None:
        _fail(f"Belum ada daftar DIP dari PPID Pelaksana yang diterima untuk tahun {year}.", code=1)
    click.echo(f"Rekap DIP {year}: {len(case.data['entri'])} informasi dari {len(lists)} OPD — {case.number}")
    click.echo(f"Draf SK DIP menunggu tanda tangan; folder arsip: {case.folder}")


def run() -> None:  # pragma: no cover - console entry for `python -m pipeline`
    try:
        main()
    except ConversionError as exc:
        _fail(str(exc))
