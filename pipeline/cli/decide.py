"""Recording an answer typed at the desk."""

from __future__ import annotations

import sys
from datetime import date

import click

from pipeline.cli.base import Workspace, fail, main, open_workspace
from pipeline.core.bahasa import hari_tanggal
from pipeline.core.vocab import DECISIONS, INFORMATION_FORMS


@main.command()
@click.argument("number")
@click.option("--keputusan", required=True, type=click.Choice(DECISIONS), help="Keputusan atas permohonan atau keberatan.")
@click.option("--dikuasai-oleh", default="", help="Badan Publik lain yang menguasai informasi (kosong: kami).")
@click.option("--bentuk", multiple=True, type=click.Choice(INFORMATION_FORMS), help="Bentuk informasi yang tersedia (boleh diulang).")
@click.option("--halaman", default="", help="Jumlah halaman yang disalin.")
@click.option("--tarif", default="", help="Biaya penyalinan per halaman (Rp).")
@click.option("--biaya-kirim", default="", help="Biaya pengiriman (Rp).")
@click.option("--biaya-lain", default="", help="Biaya lain (Rp).")
@click.option("--waktu", "waktu_hari", default="", help="Waktu penyediaan informasi (hari kerja).")
@click.option("--penghitaman", default="", help="Penjelasan bagian informasi yang dihitamkan.")
@click.option("--pasal17", default="", help="Dasar penolakan: huruf Pasal 17 UU KIP (a-j), boleh dengan angka: 'b angka 2'.")
@click.option("--dasar-lain", default="", help="Pasal undang-undang lain yang melarang informasi dibuka (wajib dengan "
                                               "--pasal17 j), ditulis 'Pasal <nomor> UU <nomor>/<tahun>'; undang-undang "
                                               "yang sudah tidak berlaku ditolak.")
@click.option("--konsekuensi", default="", help="Konsekuensi bila informasi dibuka (hasil uji konsekuensi).")
@click.option("--alasan", default="", help="Alasan perpanjangan, atau alasan keputusan Atasan PPID atas keberatan.")
@click.option("--kapan-tersedia", default="", help="Kapan informasi yang belum didokumentasikan akan tersedia.")
@click.option("--tanggal", default="", help="Tanggal keputusan (bawaan: hari ini).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def decide(obj: Workspace, number: str, today, **options) -> None:
    """Catat jawaban atas permohonan atau keberatan NUMBER dan buat suratnya.

    \b
    diberikan / sebagian      -> Pemberitahuan Tertulis bagian A (perlu --bentuk dan --waktu)
    tidak-dikuasai            -> Pemberitahuan Tertulis bagian B
    belum-didokumentasikan    -> Pemberitahuan Tertulis bagian B (perlu --kapan-tersedia)
    ditolak                   -> SK Penolakan (perlu --pasal17 atau --dasar-lain, dan --konsekuensi)
    perpanjangan              -> Surat Perpanjangan, sekali, sebelum tenggat (perlu --alasan)
    keberatan-diterima/       -> Tanggapan atas Keberatan Atasan PPID dengan nota dinas PPID
      keberatan-ditolak          yang mengajukannya (perlu --alasan)

    Surat diarsipkan ke folder perkara dan diletakkan di folder siap tanda tangan penandatangannya.
    """
    from pipeline.intake.answers import DecisionRefused, decision_from_fields
    from pipeline.jobs.filing import FilingFailed
    from pipeline.kinds.answer import file_decision
    from pipeline.views.refresh import refresh_views

    day = today.date() if today else date.today()
    fields = {**{k: v for k, v in options.items() if k != "bentuk"}, "nomor_pendaftaran": number,
              "bentuk": ",".join(options["bentuk"])}
    decision, problems = decision_from_fields(fields, today=day)
    if problems:
        _refuse(problems)
    with open_workspace(obj, day) as ctx:
        try:
            with ctx.working():
                documents = file_decision(ctx, decision)
        except DecisionRefused as exc:
            _refuse(exc.reasons)
        except FilingFailed as exc:
            _refuse([exc.reason])
        case = ctx.db.case_by_number(number)
        refresh_views(ctx)
    click.echo(f"Keputusan '{decision.keputusan}' atas {number} dicatat; status: {case.status}.")
    click.echo(f"Surat dibuat: {', '.join(documents)} (di {case.folder} dan folder siap tanda tangan).")
    if case.due:
        deadline = "Tenggat tanggapan atas keberatan" if case.kind == "keberatan" else "Tenggat pemberitahuan tertulis"
        click.echo(f"{deadline}: {hari_tanggal(case.due)}")


def _refuse(reasons: list[str]) -> None:
    click.secho("Jawaban ditolak:", fg="red", err=True)
    for reason in reasons:
        click.echo(f"  - {reason}", err=True)
    sys.exit(1)


@main.command()
@click.argument("number")
@click.option("--alasan", required=True, help="Mengapa nomor ini dibatalkan (tercatat di arsip dan register).")
@click.option("--ya", is_flag=True, help="Jangan bertanya dulu.")
@click.pass_obj
def batal(obj: Workspace, number: str, alasan: str, ya: bool) -> None:
    """Batalkan perkara NUMBER yang terdaftar karena keliru.

    Nomornya tetap terpakai dan tercatat batal beserta alasannya (database, arsip <tahun>/batal/, Buku
    Register); drafnya ditarik dari folder siap tanda tangan; semua berkas yang sudah diarsipkan tetap ada.
    """
    from pipeline.jobs.filing import void_filed_case
    from pipeline.store.db import VOID
    from pipeline.views.refresh import refresh_views

    if len(alasan.strip()) < 5:
        fail("Tuliskan alasan pembatalan yang jelas (--alasan).")
    with open_workspace(obj) as ctx:
        case = ctx.db.case_by_number(number)
        if case is None:
            fail(f"Perkara nomor {number} tidak ditemukan.", code=1)
        if case.status == VOID:
            fail(f"Perkara {number} sudah batal: {case.void_reason}", code=1)
        if not ya:
            click.confirm(f"Perkara {number} ({case.applicant_name}, status {case.status}) akan dibatalkan. Lanjutkan?",
                          abort=True)
        with ctx.working():
            case = void_filed_case(ctx, ctx.db.case_by_number(number), alasan.strip())
        refresh_views(ctx)
    click.echo(f"Perkara {number} dibatalkan: {alasan.strip()}")
