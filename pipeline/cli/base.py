"""The ``ppid`` group itself: the manual, the configuration, the log, the permissions, and the workspace opened
for a command; what every command shares (Indonesian names, numbers and dates as people type them, yes/no in
Indonesian, text made safe for a terminal, progress).

Commands import what they use when they run: `ppid --help` and the read-only commands must not load
LibreOffice's UNO bridge or the document libraries.
"""

from __future__ import annotations

import functools
import grp
import logging
import os
import re
import sqlite3
import sys
import threading
import time
import zoneinfo
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from pathlib import Path

import click

from pipeline import __version__
from pipeline.core.bahasa import parse_tanggal, waktu_lokal
from pipeline.core.config import Config, ConfigError, config_file, load_config, placeholder_keys

# Where the repository keeps what ``ppid init`` copies: the embedded default workspace.
RESOURCE_ROOT = Path(__file__).resolve().parents[2]
PROGRESS_THRESHOLD = 3

MANUAL = """\
ppid — kantor belakang PPID saat sistem daring tidak berfungsi (UU 14/2008).

\b
Alur kerja harian:
  1. Petugas meletakkan formulir permohonan (docx/xlsx) ke folder masuk (inbox/).
  2. `ppid pantau` (atau `ppid proses` sekali jalan) membaca tiap formulir, memeriksa
     kelengkapannya, memberi nomor pendaftaran, menghitung tenggat dalam hari kerja,
     membuat tanda terima dan surat kepada PPID Pelaksana (docx, PDF/A, PDF cetak),
     lalu mengarsipkan semuanya di archive/<tahun>/<bulan>/<nomor>/.
  3. Hasil tiap berkas (nomor, atau alasan penolakannya) langsung tertulis di
     inbox/_hasil/ beserta tanda terima yang siap dicetak.
  4. Formulir yang kurang lengkap atau rusak disisihkan ke inbox/_disisihkan/ beserta
     berkas ALASAN dan surat pemberitahuan kepada pemohon; berkas asli tidak pernah hilang.
  5. Draf yang perlu ditandatangani ada di siap-tanda-tangan/<penandatangan>/.

\b
Setiap perintah punya nama Indonesia dan nama Inggris (proses = process, dst.).
Nomor perkara boleh ditulis 001/PPID/XII/2026, 1/PPID/XII/2026 atau 001-PPID-XII-2026;
tanggal 2026-12-04, 04-12-2026 atau "4 Desember 2026".
Konfigurasi: --config PATH, atau variabel PPID_CONFIG, atau ./config.toml.
Panduan kantor (Samba, layanan, cadangan): docs/panduan-kantor.md.
Mulai cepat:  ppid siapkan --contoh ruang-kerja && cd ruang-kerja && ppid contoh
"""

# English name -> Indonesian name. Commands registered under either name answer to both (a module that adds
# commands adds its pairs here: ``ALIASES["hand-over"] = "serahkan"``).
ALIASES = {
    "init": "siapkan",
    "process": "proses",
    "watch": "pantau",
    "forms": "formulir",
    "demo": "contoh",
    "cases": "perkara",
    "show": "tampil",
    "status": "papan",
    "decide": "putuskan",
    "verify": "verifikasi",
    "reindex": "indeks-ulang",
    "deadline": "tenggat",
    "report": "laporan",
    "print": "cetak",
    "void": "batal",
    "register": "buku-register",
}


# ---------------------------------------------------------------------------------------------
# Click in Indonesian
# ---------------------------------------------------------------------------------------------

_CLICK_WORDS = {
    "Usage:": "Pemakaian:",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Error: {message}": "Galat: {message}",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Pilihan belum diisi",
    "Missing parameter": "Isian belum diisi",
    "Missing command.": "Perintah belum ditulis.",
    "No such option {name!r}.": "Pilihan {name!r} tidak dikenal.",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Aborted!": "Dibatalkan.",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
}


def _indonesian_click() -> None:
    """Click's own words (headings, usage errors) in Indonesian: its modules look each message up through
    their module-level ``_``, which is gettext's; ours answers from the table above and falls back to it."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.termui

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.termui):
        if getattr(module, "_", None) is not None and not getattr(module._, "ppid", False):
            original = module._
            translate = functools.partial(lambda original, message: _CLICK_WORDS.get(message) or original(message),
                                          original)
            translate.ppid = True
            module._ = translate


_indonesian_click()


class PpidGroup(click.Group):
    """A group whose commands answer to their English and Indonesian names, listed side by side in the help;
    whose NUMBER arguments are read in any form an officer types; whose dates and years are read alike."""

    def get_command(self, ctx: click.Context, cmd_name: str):
        name = cmd_name.lower()
        found = super().get_command(ctx, name)
        if found is None:
            english = {indo: eng for eng, indo in ALIASES.items()}
            found = super().get_command(ctx, english.get(name) or ALIASES.get(name, name))
        return found

    def resolve_command(self, ctx: click.Context, args: list[str]):
        command = self.get_command(ctx, args[0])
        if command is None and not args[0].startswith("-") and not ctx.resilient_parsing:
            known = sorted({n for name in self.list_commands(ctx) for n in (name, ALIASES.get(name, name))})
            close = [n for n in known if n.startswith(args[0][:3].lower())]
            hint = f" Mungkin maksud Anda: {', '.join(close)}." if close else ""
            ctx.fail(f"Perintah {args[0]!r} tidak dikenal.{hint} Daftar perintah: ppid --help")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            other = ALIASES.get(name) or {indo: eng for eng, indo in ALIASES.items()}.get(name)
            label = f"{other} ({name})" if other and other in ALIASES.values() else (f"{name} ({other})" if other else name)
            rows.append((label, command.get_short_help_str(formatter.width - 6 - 28)))
        if rows:
            with formatter.section("Perintah (nama Indonesia, nama Inggris)"):
                formatter.write_dl(sorted(rows))

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        read_as_typed(cmd)
        super().add_command(cmd, name)

    def group(self, *args, **kwargs):
        kwargs.setdefault("cls", PpidGroup)
        return super().group(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# Dates, years and case numbers as typed
# ---------------------------------------------------------------------------------------------

class TanggalType(click.ParamType):
    """A date typed as officers write it (2026-12-04, 04-12-2026, 4/12/2026, "4 Desember 2026"), with a
    four-digit year; given to the command as a ``datetime`` (like click.DateTime)."""

    name = "tanggal"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        day = parse_tanggal(text)
        if day is None:
            self.fail(f"tanggal {text!r} tidak dapat dibaca. Tulis seperti 2026-12-04, 04-12-2026 atau "
                      "\"4 Desember 2026\".", param, ctx)
        if not re.search(r"(?<!\d)\d{4}(?!\d)", text):
            self.fail(f"tahun pada {text!r} harus ditulis empat angka (mis. 04-12-2026, bukan 04-12-26): "
                      "tahun dua angka bisa berarti abad yang lain.", param, ctx)
        return datetime(day.year, day.month, day.day)


class TahunType(click.ParamType):
    """A year as four digits: "26" is refused with the reason instead of making an empty year 26."""

    name = "tahun"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}", text) or not 2000 <= int(text) <= 2099:
            self.fail(f"{text!r} bukan tahun. Tulis tahun empat angka, mis. 2026 (tahun dua angka seperti "
                      "'26' tidak diterima karena bisa berarti abad yang lain).", param, ctx)
        return int(text)


TANGGAL = TanggalType()
TAHUN = TahunType()
NUMBER_PARAMS = ("number", "numbers")


def read_as_typed(command: click.Command) -> None:
    """Dates, years and case numbers of a command (of any module) read as officers type them."""
    for param in command.params:
        if isinstance(param.type, click.DateTime):
            param.type = TANGGAL
        elif param.name == "tahun" and param.type is click.INT:
            param.type = TAHUN
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            read_as_typed(sub)
    elif command.callback and any(p.name in NUMBER_PARAMS for p in command.params):
        command.callback = _with_case_numbers(command.callback)


def _with_case_numbers(callback):
    @functools.wraps(callback)
    def wrapper(*args, **kwargs):
        workspace = click.get_current_context().find_object(Workspace)
        if workspace is not None:
            if kwargs.get("number"):
                kwargs["number"] = workspace.case_number(kwargs["number"])
            if kwargs.get("numbers"):
                kwargs["numbers"] = tuple(workspace.case_number(n) for n in kwargs["numbers"])
        return callback(*args, **kwargs)
    return wrapper


def number_key(text: str) -> tuple[str, ...]:
    """What a case number says, however typed: ``1-ppid-xii-2026`` and ``001/PPID/XII/2026`` give the same."""
    parts = re.split(r"[\s/\\\-_.]+", text.strip().upper())
    return tuple(str(int(p)) if p.isdigit() else p for p in parts if p)


def matching_numbers(database: Path, typed: str) -> list[str]:
    """The registered numbers that say what ``typed`` says (read-only: the command itself opens the database)."""
    if not database.exists():
        return []
    key = number_key(typed)
    years = [p for p in key if len(p) == 4 and p.isdigit()]
    try:
        with sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=30) as conn:
            sql, params = "SELECT number FROM cases", ()
            if years:
                sql, params = sql + " WHERE year = ?", (int(years[-1]),)
            numbers = [row[0] for row in conn.execute(sql, params)]
    except sqlite3.Error:
        return []   # the command opens it and says what is wrong
    return [n for n in numbers if number_key(n) == key]


def not_found(number: str) -> str:
    return (f"Perkara nomor {number} tidak ditemukan. Periksa nomornya (boleh ditulis 001/PPID/XII/2026, "
            "1/PPID/XII/2026 atau 001-PPID-XII-2026); daftar perkara: ppid perkara.")


# ---------------------------------------------------------------------------------------------
# Answers, text and progress at the terminal
# ---------------------------------------------------------------------------------------------

YES, NO = ("ya", "y", "yes"), ("tidak", "t", "no", "n", "tdk")


def confirm(text: str, default: bool = False, abort: bool = False, prompt_suffix: str = ": ", show_default: bool = True,
            err: bool = False) -> bool:
    """click.confirm in Indonesian: ya/y or tidak/t (yes/no also understood)."""
    hint = f" [{'YA/tidak' if default else 'ya/TIDAK'}]" if show_default else ""
    while True:
        try:
            answer = click.prompt(f"{text}{hint}", default="", show_default=False, prompt_suffix=prompt_suffix,
                                  err=err).strip().lower()
        except (KeyboardInterrupt, EOFError, click.Abort):
            raise click.Abort() from None
        if answer in YES or (not answer and default):
            return True
        if answer in NO or not answer:
            if abort:
                raise click.Abort()
            return False
        click.echo("Jawab 'ya' (y) atau 'tidak' (t).", err=err)


# Every command asks through click.confirm (those of other modules too): the desk answers in Indonesian.
click.confirm = confirm

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown(text) -> str:
    """Text safe to print on a terminal: control and bidi characters written as escapes (a name with a carriage
    return or U+202E cannot rewrite or reverse the line)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xff else f"\\x{ord(m.group()):02x}",
                       str(text if text is not None else ""))


@contextmanager
def busy(label: str, *, every: float = 5.0):
    """For a step with no count to show: after ``PROGRESS_THRESHOLD`` seconds, says it is still working, with
    the time so far, every few seconds (stderr), so a long verify or reindex is not taken for a hang."""
    done = threading.Event()
    started = time.monotonic()

    def tick():
        wait = PROGRESS_THRESHOLD
        while not done.wait(wait):
            click.echo(f"{label}… {int(time.monotonic() - started)} detik", err=True)
            wait = every

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if time.monotonic() - started >= PROGRESS_THRESHOLD:
            click.echo(f"{label}: selesai dalam {time.monotonic() - started:.0f} detik.", err=True)


def progress(items: list, label: str):
    """A progress bar on stderr over ``items`` when there are more than a few; else the items as they are."""
    if len(items) <= PROGRESS_THRESHOLD:
        return _plain(items)
    return click.progressbar(items, label=label, file=sys.stderr, show_pos=True)


@contextmanager
def _plain(items):
    yield items


# ---------------------------------------------------------------------------------------------
# The group, the log, the permissions
# ---------------------------------------------------------------------------------------------

def fail(message: str, code: int = 2) -> None:
    click.secho(f"Galat: {message}", fg="red", err=True)
    sys.exit(code)


# Digit runs of a NIK (16 digits) or a telephone number, however grouped: no log line carries one.
_PERSONAL_DIGITS = re.compile(r"(?<!\d)\d{10,}(?!\d)"                                   # NIK, phone as one run
                              r"|(?<!\d)\d{4}[ .-]\d{4}[ .-]\d{4}[ .-]\d{4}(?!\d)"          # NIK in fours
                              r"|(?<![\d+])(?:\+62[ .-]?|0)[1-9]\d{1,3}[ .-]?\d{3,4}[ .-]?\d{3,5}(?!\d)")   # phone


def private(text: str) -> str:
    """A log text without a NIK or phone number (``[angka disamarkan]``): file names, paths and exception
    messages can carry them. Dates, times, case numbers and document IDs are kept."""
    return _PERSONAL_DIGITS.sub("[angka disamarkan]", text)


class PrivateFormatter(logging.Formatter):
    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = private(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:
        return private(super().formatException(ei))


LOG_NAME = "ppid.log"


def _setup_logging(config: Config, verbose: bool) -> None:
    log_dir = config.paths.database.parent
    log_dir.mkdir(parents=True, exist_ok=True)
    formatter = PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.FileHandler(log_dir / LOG_NAME, encoding="utf-8")]
    if verbose:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)
    try:
        os.chmod(log_dir / LOG_NAME, 0o640)   # a log made under an earlier, wider umask
    except OSError:
        pass                                  # another user's log: it keeps the mode its owner gave it


def share_folders(config: Config) -> list[Path]:
    """The folders the desk reaches over the share: they go to ``[permissions] group`` (setgid)."""
    return [config.paths.inbox, config.paths.results, config.paths.set_aside, config.paths.ready_to_sign]


def apply_permissions(config: Config) -> None:
    """The process umask from ``[permissions]`` whatever the service was started with, so every file and
    folder written (database, log, caches, bundles, letters, LibreOffice's output) is 0640/0750 at most;
    with a share group, the share folders are given to it, group-writable and setgid so what is written
    in them stays the group's."""
    os.umask(config.permissions.umask)
    if not config.permissions.group:
        return
    try:
        gid = grp.getgrnam(config.permissions.group).gr_gid
    except KeyError:
        fail(f"Grup '{config.permissions.group}' ([permissions] group) tidak ada di server ini. Buat dulu: "
             f"groupadd {config.permissions.group} (lihat docs/panduan-kantor.md).")
    for folder in share_folders(config):
        folder.mkdir(parents=True, exist_ok=True)
        info = folder.stat()
        try:
            if info.st_gid != gid:
                os.chown(folder, -1, gid)
            if info.st_mode & 0o7777 != 0o2770:
                os.chmod(folder, 0o2770)
        except PermissionError:
            fail(f"Folder {folder} tidak dapat diberikan kepada grup '{config.permissions.group}': pengguna "
                 "layanan harus pemilik folder dan anggota grup itu (usermod -aG GRUP PENGGUNA).")


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
            apply_permissions(self._config)
            _setup_logging(self._config, self.verbose)
        return self._config

    def has_config(self) -> bool:
        """Whether a configuration file is there to load (commands that also work outside a workspace)."""
        return config_file(self.config_path).is_file()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.config.display.timezone)

    def local_time(self, moment) -> str:
        """ "4 Desember 2026 14.30 WITA", in the configured ``[display] timezone``."""
        return waktu_lokal(moment, self.zone)

    def case_number(self, typed: str) -> str:
        """The registered number ``typed`` stands for (001-PPID-XII-2026, 1/PPID/XII/2026), or ``typed``."""
        found = matching_numbers(self.config.paths.database, typed)
        if typed in found or len(found) != 1:
            return typed.strip()
        return found[0]


@click.group(cls=PpidGroup, help=MANUAL, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", envvar="PPID_CONFIG", type=click.Path(dir_okay=False),
              help="Berkas konfigurasi (bawaan: ./config.toml, atau $PPID_CONFIG).")
@click.option("-v", "--verbose", is_flag=True, help="Tampilkan log kerja di layar.")
@click.version_option(__version__, prog_name="ppid")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: bool) -> None:
    ctx.obj = Workspace(config_path, verbose)


@contextmanager
def open_workspace(obj: Workspace, today: date | None = None, *, runner: bool = False, letters: bool = True):
    """The processing context; a broken template, holiday file, database or LibreOffice stops with its message.

    ``runner``: this command takes in the inbox (``watch``, ``process``), and only one may run per workspace.
    ``letters``: it may draft letters, so the letterhead and signers must be filled in (not ``ppid init``'s
    placeholders)."""
    import sqlite3

    from pipeline.core.workdays import CalendarError
    from pipeline.render.conversion import ConversionError, reap_orphans
    from pipeline.render.templates import TemplateError
    from pipeline.store.locks import RunnerLock, WorkspaceError
    from pipeline.story import open_context

    if letters:
        refuse_placeholders(obj.config)
    command = click.get_current_context().info_name or "ppid"
    with ExitStack() as stack:
        try:
            if runner:
                stack.callback(RunnerLock(obj.config.paths.database.parent, command).release)
                reap_orphans(obj.config.libreoffice)   # a killed predecessor's LibreOffice, even with nothing to do
            ctx = stack.enter_context(open_context(obj.config, command=command, on_wait=tell_waiting,
                                                   **({"today": lambda: today} if today else {})))
        except WorkspaceError as exc:
            fail(str(exc), code=1)
        except (TemplateError, CalendarError, ConversionError) as exc:
            fail(str(exc))
        except sqlite3.DatabaseError:
            fail_corrupt_database(obj)
        yield ctx


def refuse_placeholders(config: Config) -> None:
    """No letter goes out with ``ppid init``'s "[ISI: …]" in its letterhead or signature block."""
    keys = placeholder_keys(config)
    if keys:
        fail(f"Kop surat dan penandatangan belum diisi di {config.source}: {', '.join(keys)}. Isi kunci-kunci itu "
             "dengan data instansi Anda (ganti teks \"[ISI: …]\"), lalu jalankan lagi. Untuk sekadar mencoba dengan "
             "data contoh: ppid siapkan --contoh FOLDER-BARU.")


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
         "database itu ke tempat lain, lalu jalankan `ppid indeks-ulang` (reindex) untuk membangunnya kembali dari arsip.")


def tell_waiting(holder: str) -> None:
    click.echo(f"Menunggu {holder} selesai mengubah perkara…", err=True)
