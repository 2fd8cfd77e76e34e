"""The DIP recap."""

from __future__ import annotations

from datetime import date

import click

from pipeline.cli.base import Workspace, fail, main, open_workspace


@main.group()
def dip() -> None:
    """Daftar Informasi Publik: rekap daftar dari PPID Pelaksana, konsep SK DIP, dan pengajuannya."""


@dip.command("rekap")
@click.option("--tahun", type=int, help="Tahun DIP (bawaan: tahun ini).")
@click.pass_obj
def dip_rekap(obj: Workspace, tahun: int | None) -> None:
    """Bangun ulang rekap DIP dari daftar OPD yang diterima, dengan konsep SK DIP untuk dikoreksi PPID."""
    from pipeline.kinds.dip import accepted_lists, rebuild_recap
    from pipeline.views.refresh import refresh_views

    year = tahun or date.today().year
    with open_workspace(obj) as ctx:
        with ctx.working():
            outcome = rebuild_recap(ctx, year)
        lists = accepted_lists(ctx, year)
        case = ctx.db.case_by_number(outcome.filed[0]) if outcome.filed else None
        refresh_views(ctx)
    if not lists:
        fail(f"Belum ada daftar DIP dari PPID Pelaksana yang diterima untuk tahun {year}.", code=1)
    if case is None:
        fail(f"Rekap DIP {year} tidak dapat dibuat: {'; '.join(r.reason for r in outcome.refused)}", code=1)
    click.echo(f"Rekap DIP {year}: {len(case.data['entri'])} informasi dari {len(lists)} OPD — {case.number}")
    click.echo(f"Konsep SK DIP menunggu koreksi PPID (ajukan dengan `ppid dip ajukan`); folder arsip: {case.folder}")
