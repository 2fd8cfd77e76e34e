"""Taking in the inbox: a new workspace, one pass, watching, the demo, the blank forms."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import click

from pipeline.cli.base import PROGRESS_THRESHOLD, RESOURCE_ROOT, Workspace, fail, main, open_workspace, shown
from pipeline.core.config import Config
from pipeline.core.names import masked_name


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--contoh", is_flag=True, help="Pakai kop surat dan penandatangan contoh (Diskominfos Bali) untuk peragaan.")
@click.option("--tanya", is_flag=True, help="Tanyakan kop surat dan penandatangan (bawaan bila dijalankan di terminal).")
def init(directory: str, contoh: bool, tanya: bool) -> None:
    """Buat ruang kerja baru: config.toml, inbox/, archive/, templat surat, berkas hari libur.

    Kop surat dan penandatangan ditanyakan (di terminal, atau dengan --tanya); yang tidak dijawab
    dibiarkan "[ISI: …]" dan `ppid proses` menolak mencetaknya ke surat sampai diisi. Dengan --contoh
    dipakai data contoh, hanya untuk mencoba.
    """
    from pipeline.cli.workspace import example_config, placeholder_config

    target = Path(directory)
    if (target / "config.toml").exists():
        fail(f"{target / 'config.toml'} sudah ada; ruang kerja tidak ditimpa.")
    example = (RESOURCE_ROOT / "config.toml").read_text(encoding="utf-8")
    if contoh:
        text = example_config(example)
    else:
        ask = tanya or (sys.stdin.isatty() and sys.stdout.isatty())
        text = placeholder_config(example, ask=_ask if ask else None)
    target.mkdir(parents=True, exist_ok=True)
    (target / "config.toml").write_text(text, encoding="utf-8")
    os.chmod(target / "config.toml", 0o640)
    shutil.copyfile(RESOURCE_ROOT / "holidays.toml", target / "holidays.toml")
    shutil.copytree(RESOURCE_ROOT / "templates_docx", target / "templates_docx", dirs_exist_ok=True)
    for sub in ("inbox", "archive"):
        (target / sub).mkdir(exist_ok=True)
        os.chmod(target / sub, 0o750)   # whatever the umask: the service's own until [permissions] group says otherwise
    click.echo(f"Ruang kerja dibuat di {target.resolve()}")
    if contoh:
        click.echo("Kop surat dan penandatangan CONTOH dipakai: hanya untuk mencoba, jangan untuk surat sungguhan.")
    else:
        from pipeline.core.config import load_config, placeholder_keys

        left = placeholder_keys(load_config(target / "config.toml"))
        if left:
            click.echo(f"Belum diisi di {target / 'config.toml'} (ganti teks \"[ISI: …]\"): {', '.join(left)}.")
            click.echo("Surat tidak dibuat sebelum kunci-kunci itu diisi.")
    click.echo("Lalu jalankan:")
    click.echo(f"  ppid --config {target / 'config.toml'} pantau")


def _ask(label: str) -> str:
    return click.prompt(f"{label} (kosongkan untuk diisi nanti)", default="", show_default=False).strip()


@main.command()
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Tanggal pendaftaran (untuk uji coba; bawaan: hari ini).")
@click.pass_obj
def process(obj: Workspace, today) -> None:
    """Proses semua berkas di folder masuk satu kali, lalu berhenti.

    Berkas yang masih sedang disalin ditunggu sampai ukurannya tidak berubah. Keluar dengan kode 0
    bila setiap berkas sudah diarsipkan atau disisihkan.
    """
    from pipeline.views.refresh import refresh_views

    config = obj.config
    with open_workspace(obj, today.date() if today else None, runner=True) as ctx:
        outcomes = _drain_inbox(ctx, config)
        refresh_views(ctx)
    _print_summary(outcomes, config)


def _drain_inbox(ctx, config: Config) -> list:
    """Handle every file in the inbox (several at a time), waiting for files still being written."""
    from pipeline.intake.watching import InboxWatcher, candidates
    from pipeline.story import process_file

    outcomes = []
    pending = len(candidates(config.paths.inbox, _own_folders(config)))
    bar = click.progressbar(length=pending, label="Memproses", file=sys.stderr) if pending > PROGRESS_THRESHOLD else None

    def handle(path: Path):
        outcome = process_file(ctx, path)
        outcomes.append(outcome)
        if bar:
            bar.update(1)
        return outcome

    watcher = InboxWatcher(config.paths.inbox, config.watch, _own_folders(config), handle,
                           workers=config.libreoffice.worker_count)
    try:
        watcher.drain()
    finally:
        if bar:
            bar.render_finish()
    for path in watcher.incomplete:
        click.echo(f"  dibiarkan di folder masuk: {shown(masked_name(path.name))}: berkas belum lengkap (mungkin masih "
                   "disalin); diproses setelah lengkap.")
    return outcomes


def _own_folders(config: Config) -> set[Path]:
    return {p.resolve() for p in (config.paths.set_aside, config.paths.results, config.paths.archive,
                                  config.paths.ready_to_sign, config.paths.database.parent)}


def _print_summary(outcomes: list, config: Config) -> None:
    cases = sum(len(o.filed) for o in outcomes)
    answers = sum(len(o.answered) for o in outcomes)
    signed = sum(len(o.signed) for o in outcomes)
    aside = sum(1 for o in outcomes if o.set_aside)
    for o in outcomes:
        if o.set_aside:
            click.echo(f"  disisihkan: {shown(o.name)}: {shown(o.set_aside[0])}")
        for note in o.notes:
            click.echo(f"  perhatian: {shown(note)}")
        if o.waiting:
            click.echo(f"  dibiarkan di folder masuk: {shown(o.name)}: {shown(o.waiting)}")
    answered = f"{answers} jawaban dicatat, " if answers else ""
    answered += f"{signed} salinan bertanda tangan diarsipkan, " if signed else ""
    if outcomes:
        click.echo(f"Hasil tiap berkas dan tanda terima untuk dicetak: {config.paths.results}")
    click.echo(f"Selesai: {len(outcomes)} berkas, {cases} perkara terdaftar, {answered}{aside} berkas disisihkan.")


@main.command()
@click.pass_obj
def watch(obj: Workspace) -> None:
    """Pantau folder masuk terus-menerus sampai Ctrl-C atau SIGTERM.

    Berkas yang sedang diproses diselesaikan dulu sebelum berhenti, sehingga tidak ada perkara
    yang setengah diarsipkan. Untuk folder bersama (SMB/NFS) setel watch.mode = "polling".
    """
    from pipeline.intake.watching import InboxWatcher
    from pipeline.story import process_file, reload_calendar
    from pipeline.views.refresh import refresh_views

    config = obj.config
    with open_workspace(obj, runner=True) as ctx:
        def handle(path: Path):
            reload_calendar(ctx)
            outcome = process_file(ctx, path)
            name = shown(outcome.name)
            if outcome.filed:
                click.echo(f"Terdaftar: {', '.join(outcome.filed)} ({name})")
            if outcome.answered:
                click.echo(f"Jawaban dicatat: {', '.join(outcome.answered)} ({name})")
            if outcome.signed:
                click.echo(f"Salinan bertanda tangan diarsipkan: {', '.join(outcome.signed)}")
            if outcome.set_aside:
                click.echo(f"Disisihkan: {name}: {shown(outcome.set_aside[0])}")
            for note in outcome.notes:
                click.echo(f"Perhatian: {shown(note)}")
            if outcome.waiting:
                click.echo(f"Menunggu: {name}: {shown(outcome.waiting)}")
            return outcome

        watcher = InboxWatcher(config.paths.inbox, config.watch, _own_folders(config), handle,
                               workers=config.libreoffice.worker_count, on_idle=lambda: refresh_views(ctx, force=False))

        def stop(signum, frame):
            click.echo("Berhenti setelah berkas yang sedang diproses selesai…")
            watcher.stop.set()
            watcher.wake.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        click.echo(f"Memantau {config.paths.inbox} (mode {config.watch.mode}). Hasil tiap berkas: {config.paths.results}. "
                   "Tekan Ctrl-C untuk berhenti.")
        watcher.run()
        refresh_views(ctx)
    click.echo("Pemantauan dihentikan.")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--kertas", type=click.Choice(["F4", "A4"]), default=None,
              help="Ukuran kertas (bawaan: [paper] size ruang kerja, atau F4 di luar ruang kerja).")
@click.pass_obj
def forms(obj: Workspace, directory: str, kertas: str | None) -> None:
    """Tulis formulir isian kosong resmi (docx dan xlsx) yang paling mudah dibaca pipeline."""
    from pipeline.core.vocab import DEFAULT_PAPER
    from pipeline.render.blankforms import write_blank_forms

    if kertas is None:
        kertas = obj.config.paper.size if obj.has_config() else DEFAULT_PAPER
    for path in write_blank_forms(Path(directory), kertas):
        click.echo(f"  {path}")


@main.command()
@click.pass_obj
def demo(obj: Workspace) -> None:
    """Contoh pertama: tulis beberapa formulir terisi ke folder masuk lalu proses semuanya."""
    from pipeline.render.demo import write_demo_forms
    from pipeline.views.refresh import refresh_views

    config = obj.config
    written = write_demo_forms(config.paths.inbox, paper=config.paper.size)
    click.echo(f"{len(written)} formulir contoh diletakkan di {config.paths.inbox}:")
    for path in written:
        click.echo(f"  {path.name}")
    with open_workspace(obj, runner=True) as ctx:
        outcomes = _drain_inbox(ctx, config)
        refresh_views(ctx)
    _print_summary(outcomes, config)
    click.echo(f"Lihat hasilnya: ppid perkara   (arsip: {config.paths.archive}; hasil tiap berkas: {config.paths.results})")
