"""The ``ppid`` group itself: the manual, the configuration, the log, and the workspace opened for a command.

Commands import what they use when they run: `ppid --help` and the read-only commands must not load
LibreOffice's UNO bridge or the document libraries.
"""

from __future__ import annotations

import logging
import sys
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import click

from pipeline import __version__
from pipeline.core.config import Config, ConfigError, load_config

# Where the repository keeps what ``ppid init`` copies: the embedded default workspace.
RESOURCE_ROOT = Path(__file__).resolve().parents[2]
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


def fail(message: str, code: int = 2) -> None:
    click.secho(f"Galat: {message}", fg="red", err=True)
    sys.exit(code)


def _setup_logging(config: Config, verbose: bool) -> None:
    log_dir = config.paths.database.parent
    log_dir.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [logging.FileHandler(log_dir / "ppid.log", encoding="utf-8")]
    if verbose:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=handlers, force=True)


class Workspace:
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
                fail(str(exc))
            _setup_logging(self._config, self.verbose)
        return self._config


@click.group(help=MANUAL, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", envvar="PPID_CONFIG", type=click.Path(dir_okay=False),
              help="Berkas konfigurasi (bawaan: ./config.toml, atau $PPID_CONFIG).")
@click.option("-v", "--verbose", is_flag=True, help="Tampilkan log kerja di layar.")
@click.version_option(__version__, prog_name="ppid")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    ctx.obj = Workspace(config_path, verbose)


@contextmanager
def open_workspace(obj: Workspace, today: date | None = None, *, runner: bool = False):
    """The processing context; a broken template, holiday file, database or LibreOffice stops with its message.

    ``runner``: this command takes in the inbox (``watch``, ``process``), and only one may run per workspace."""
    import sqlite3

    from pipeline.core.workdays import CalendarError
    from pipeline.render.conversion import ConversionError
    from pipeline.render.templates import TemplateError
    from pipeline.store.locks import RunnerLock, WorkspaceError
    from pipeline.story import open_context

    command = click.get_current_context().info_name or "ppid"
    with ExitStack() as stack:
        try:
            if runner:
                stack.callback(RunnerLock(obj.config.paths.database.parent, command).release)
            ctx = stack.enter_context(open_context(obj.config, command=command, on_wait=tell_waiting,
                                                   **({"today": lambda: today} if today else {})))
        except WorkspaceError as exc:
            fail(str(exc), code=1)
        except (TemplateError, CalendarError, ConversionError) as exc:
            fail(str(exc))
        except sqlite3.DatabaseError:
            fail_corrupt_database(obj)
        yield ctx


def open_database(obj: Workspace):
    """The database alone, for the commands that only read cases."""
    import sqlite3

    from pipeline.store.db import Database

    try:
        return Database(obj.config.paths.database)
    except sqlite3.DatabaseError:
        fail_corrupt_database(obj)


def fail_corrupt_database(obj: Workspace) -> None:
    fail(f"Database {obj.config.paths.database} rusak atau bukan database ppid. Arsip tetap utuh: pindahkan berkas "
         "database itu ke tempat lain, lalu jalankan `ppid reindex` untuk membangunnya kembali dari arsip.")


def tell_waiting(holder: str) -> None:
    click.echo(f"Menunggu {holder} selesai mengubah perkara…", err=True)
