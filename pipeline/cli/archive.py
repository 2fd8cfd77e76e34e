"""The archive for the administrator and the archivist: registers, reindex, verify, print bundles, the report."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from pipeline.cli.base import Workspace, busy, fail, main, not_found, open_workspace, progress, tell_waiting


@main.command()
@click.argument("jenis", type=click.Choice(["permohonan", "keberatan"]))
@click.option("--tahun", type=int, help="Tahun register (bawaan: tahun ini).")
@click.option("--out", type=click.Path(dir_okay=False), help="Tulis ke berkas ini (bawaan: di arsip).")
@click.pass_obj
def register(obj: Workspace, jenis: str, tahun: int | None, out: str | None) -> None:
    """Tulis Buku Register (xlsx) dari perkara: nomor yang batal ikut tercatat beserta alasannya."""
    from pipeline.views.refresh import write_register

    year = tahun or date.today().year
    with open_workspace(obj, letters=False) as ctx, busy(f"Menulis Buku Register {jenis.capitalize()} {year}"):
        path = write_register(ctx, jenis, year, Path(out).resolve() if out else None)
    click.echo(f"Buku Register {jenis.capitalize()} {year}: {path}")


@main.command()
@click.option("--ya", is_flag=True, help="Jangan bertanya dulu (database lama diganti).")
@click.pass_obj
def reindex(obj: Workspace, ya: bool) -> None:
    """Bangun ulang database dari pohon arsip saja (manifest.json, events.jsonl, catatan nomor batal).

    Dipakai bila database hilang atau rusak: daftar perkara, register, dan nomor berikutnya kembali
    seperti semula.
    """
    from pipeline.store.locks import RunnerLock, WorkLock, WorkspaceError
    from pipeline.store.reindex import ReindexRefused
    from pipeline.store.reindex import reindex as rebuild

    config = obj.config
    var = config.paths.database.parent
    if config.paths.database.exists() and not ya:
        click.confirm(f"Database {config.paths.database} akan diganti dengan hasil pembacaan arsip. Lanjutkan?", abort=True)
    try:   # the database is replaced: no watcher may hold it open, no command may be changing cases
        runner = RunnerLock(var, "reindex")
    except WorkspaceError as exc:
        fail(f"{exc} Hentikan dulu, lalu jalankan `ppid reindex` lagi.", code=1)
    try:
        with WorkLock(var, "reindex", on_wait=tell_waiting).held(), busy("Membaca arsip dan membangun database"):
            report = rebuild(config)
    except ReindexRefused as exc:
        fail(str(exc), code=1)
    finally:
        runner.release()
    click.echo(f"Database dibangun ulang: {report.cases} perkara, {report.voids} nomor batal, {report.letters} surat, "
               f"{report.events} kejadian, {report.sources} berkas asal.")


@main.command()
@click.option("--cepat", "--fast", "fast", is_flag=True, help="Hanya periksa ukuran berkas (tanpa sha256).")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def verify(obj: Workspace, fast: bool, as_json: bool) -> None:
    """Periksa keutuhan seluruh arsip: checksum terhadap manifest, berkas hilang atau tak terdaftar, log rusak.

    Keluar dengan kode 1 bila ada masalah.
    """
    from pipeline.store.verify import format_report, verify_archive

    with busy("Memeriksa arsip"):
        report = verify_archive(obj.config.paths.archive, fast=fast, database=obj.config.paths.database)
    click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2) if as_json else format_report(report))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.option("--tanggal", type=click.DateTime(["%Y-%m-%d"]), help="Hari yang dicetak (bawaan: hari ini).")
@click.argument("numbers", nargs=-1)
@click.pass_obj
def cetak(obj: Workspace, tanggal, numbers: tuple[str, ...]) -> None:
    """Buat berkas cetak: bundel per perkara (lembar sampul, tiap dokumen mulai di halaman ganjil)
    dan batch harian semua yang diarsipkan pada hari itu. Dengan NUMBERS: bundel perkara itu saja."""
    from pipeline.views.hardcopy import bundle_case, cases_filed_on, daily_batch

    day = tanggal.date() if tanggal else date.today()
    with open_workspace(obj, letters=False) as ctx:
        if numbers:
            for number in numbers:
                case = ctx.db.case_by_number(number)
                if case is None or not case.folder:
                    fail(not_found(number), code=1)
                click.echo(f"  {bundle_case(ctx, case, day)}")
            return
        cases = cases_filed_on(ctx, day)
        with progress(cases, "Menyusun bundel cetak") as shown_cases:
            bundles = [bundle_case(ctx, case, day) for case in shown_cases]
        batch = None
        if bundles:
            with busy("Menyusun batch harian"):
                batch = daily_batch(ctx, bundles, day)
    if batch is None:
        click.echo(f"Tidak ada dokumen yang diarsipkan pada {day.isoformat()}.")
        return
    click.echo(f"{len(bundles)} bundel perkara dan batch harian: {batch}")


@main.command()
@click.option("--tahun", type=int, required=True, help="Tahun laporan.")
@click.option("--semester", type=click.Choice(["1", "2"]), help="Hanya semester I (Jan-Jun) atau II (Jul-Des).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def laporan(obj: Workspace, tahun: int, semester: str | None, today) -> None:
    """Laporan layanan informasi publik, dihitung dari perkara: xlsx dengan grafik, dan PDF siap tanda tangan
    (dari templat templates_docx/laporan_layanan.docx, pada kertas [paper])."""
    from pipeline.core.files import write_atomic
    from pipeline.render.conversion import PdfMetadata
    from pipeline.render.templates import template_path
    from pipeline.store import paths
    from pipeline.views.report import REPORT_TEMPLATE, compute_report, report_docx, write_report_xlsx

    config = obj.config
    day = today.date() if today else date.today()
    with open_workspace(obj, day) as ctx, busy(f"Menyusun laporan {tahun}"):
        click.echo(f"Menghitung perkara tahun {tahun}…", err=True)
        report = compute_report(ctx.db.cases(), ctx.calendar, year=tahun, semester=int(semester) if semester else None,
                                deadlines=config.deadlines)
        folder = paths.report_folder(config.paths.archive, tahun)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"laporan-layanan-informasi-{tahun}" + (f"-semester-{semester}" if semester else "")
        click.echo("Menulis lembar kerja (xlsx) dan dokumen laporan…", err=True)
        write_report_xlsx(report, folder / f"{stem}.xlsx", agency=config.agency.name, paper=config.paper.size)
        docx = folder / f"{stem}.docx"
        template = template_path(config.paths.templates, REPORT_TEMPLATE)
        write_atomic(docx, report_docx(report, template, agency=config.agency, signer=config.signers.ppid,
                                       paper=config.paper, signed_on=day, texts=config.report), overwrite=True)
        click.echo("Mengubah laporan menjadi PDF…", err=True)
        ctx.converter.convert(docx, pdfa=folder / f"{stem}.pdf", printable=folder / f"{stem}.cetak.pdf",
                              metadata=PdfMetadata(title=f"Laporan Layanan Informasi Publik {tahun}", author=config.agency.name))
    click.echo(f"Laporan {report.period_title}: {report.permohonan} permohonan, {report.keberatan} keberatan.")
    for suffix in (".xlsx", ".pdf"):
        click.echo(f"  {folder / (stem + suffix)}")
