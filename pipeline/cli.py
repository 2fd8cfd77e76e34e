"""The ``ppid`` command: what a PPID desk officer and an administrator type.

Messages are in Indonesian; ``--help`` texts too, so the manual reads like the desk's own.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import sys
import time
from datetime import date
from pathlib import Path

import click

from . import __version__
from .config import Config, ConfigError, load_config
from .conversion import ConversionError
from .deadlines import CalendarError
from .intake import InboxWatcher, StabilityTracker, candidates
from .process import FileOutcome, open_context, process_file
from .rendering import TemplateError

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


def _open(obj: _Obj, today: date | None = None):
    try:
        return open_context(obj.config, **({"today": lambda: today} if today else {}))
    except (TemplateError, CalendarError) as exc:
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
    _print_summary(outcomes)


def _drain_inbox(ctx, config: Config) -> list[FileOutcome]:
    """Handle every file in the inbox, waiting for files that are still being written."""
    skip = _own_folders(config)
    tracker = StabilityTracker(config.watch.stable_seconds)
    outcomes: list[FileOutcome] = []
    done: set[Path] = set()
    pending = [p for p in candidates(config.paths.inbox, skip)]
    bar = click.progressbar(length=len(pending), label="Memproses", file=sys.stderr) if len(pending) > PROGRESS_THRESHOLD else None
    try:
        while True:
            waiting = [p for p in candidates(config.paths.inbox, skip) if p not in done]
            if not waiting:
                break
            ready = [p for p in waiting if tracker.ready(p)]
            for path in ready:
                outcomes.append(process_file(ctx, path))
                done.add(path)
                if bar:
                    bar.update(1)
            if not ready:
                time.sleep(0.25)
    finally:
        if bar:
            bar.render_finish()
    return outcomes


def _own_folders(config: Config) -> set[Path]:
    return {p.resolve() for p in (config.paths.set_aside, config.paths.archive, config.paths.ready_to_sign, config.paths.database.parent)}


def _print_summary(outcomes: list[FileOutcome]) -> None:
    cases = sum(len(o.filed) for o in outcomes)
    aside = sum(1 for o in outcomes if o.set_aside)
    for o in outcomes:
        if o.set_aside:
            click.echo(f"  disisihkan: {o.name}: {o.set_aside[0]}")
    click.echo(f"Selesai: {len(outcomes)} berkas, {cases} perkara terdaftar, {aside} berkas disisihkan.")


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
            outcome = process_file(ctx, path)
            if outcome.filed:
                click.echo(f"Terdaftar: {', '.join(outcome.filed)} ({outcome.name})")
            if outcome.set_aside:
                click.echo(f"Disisihkan: {outcome.name}: {outcome.set_aside[0]}")

        watcher = InboxWatcher(config.paths.inbox, config.watch, _own_folders(config), handle)

        def stop(signum, frame):
            click.echo("Berhenti setelah berkas yang sedang diproses selesai…")
            watcher.stop.set()
            watcher.wake.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        click.echo(f"Memantau {config.paths.inbox} (mode {config.watch.mode}). Tekan Ctrl-C untuk berhenti.")
        watcher.run()
    click.echo("Pemantauan dihentikan.")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--tahun", type=int, help="Hanya perkara tahun ini.")
@click.pass_obj
def cases(obj: _Obj, as_json: bool, tahun: int | None) -> None:
    """Daftar perkara: nomor, jenis, pemohon, tanggal diterima, tenggat, status, folder arsip."""
    from .db import Database

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
    from .bahasa import hari_tanggal
    from .db import Database

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
    click.echo("Riwayat:")
    for e in events:
        click.echo(f"  {e['at']}  {e['event']}")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def forms(directory: str) -> None:
    """Tulis formulir isian kosong resmi (docx dan xlsx) yang paling mudah dibaca pipeline."""
    from .blankforms import write_blank_forms

    for path in write_blank_forms(Path(directory)):
        click.echo(f"  {path}")


@main.command()
@click.pass_obj
def demo(obj: _Obj) -> None:
    """Contoh pertama: tulis beberapa formulir terisi ke folder masuk lalu proses semuanya."""
    from .demo import write_demo_forms

    config = obj.config
    written = write_demo_forms(config.paths.inbox)
    click.echo(f"{len(written)} formulir contoh diletakkan di {config.paths.inbox}:")
    for path in written:
        click.echo(f"  {path.name}")
    with _open(obj) as ctx:
        outcomes = _drain_inbox(ctx, config)
    _print_summary(outcomes)
    click.echo(f"Lihat hasilnya: ppid cases   (arsip: {config.paths.archive})")


def run() -> None:  # pragma: no cover - console entry for `python -m pipeline`
    try:
        main()
    except ConversionError as exc:
        _fail(str(exc))
