"""What happens to a case after its letters: the information handed over, a number given by the issuing office,
the DIP submitted to the Atasan PPID, a dispute before the Komisi Informasi."""

from __future__ import annotations

from datetime import date

import click

from pipeline.cli.base import Workspace, fail, main, open_workspace
from pipeline.cli.dip import dip
from pipeline.core.vocab import CARA_SALINAN, DISPUTE_OPEN, DISPUTE_OUTCOMES, INFORMATION_FORMS


def _day(text: str, what: str) -> date | None:
    """A date as the officer types it (2026-04-06, 6 April 2026, 06/04/2026); None when empty."""
    from pipeline.core.bahasa import parse_tanggal

    if not text:
        return None
    day = parse_tanggal(text)
    if day is None:
        fail(f"{what} tidak dapat dibaca (tertulis \"{text}\"); tulis mis. 2026-04-06 atau 6 April 2026.")
    return day


def _amount(text: str, what: str) -> int | None:
    if text == "":
        return None
    digits = text.replace(".", "").replace("Rp", "").replace(" ", "").split(",")[0]
    if not digits.isdigit():
        fail(f"{what} harus berupa angka bulat (tertulis \"{text}\").")
    return int(digits)


@main.command()
@click.argument("number")
@click.option("--tanggal", default="", help="Tanggal penyerahan (bawaan: hari ini).")
@click.option("--bentuk", multiple=True, type=click.Choice(INFORMATION_FORMS),
              help="Bentuk informasi yang diserahkan (boleh diulang; bawaan: seperti pemberitahuan tertulis).")
@click.option("--cara", type=click.Choice(list(CARA_SALINAN)), help="Cara penyerahan (bawaan: pilihan pemohon).")
@click.option("--halaman", default="", help="Jumlah halaman yang disalin (bawaan: seperti pemberitahuan tertulis).")
@click.option("--tarif", default="", help="Biaya penyalinan per halaman, Rp (bawaan: seperti pemberitahuan tertulis).")
@click.option("--biaya-kirim", default="", help="Biaya pengiriman yang dibayar, Rp.")
@click.option("--biaya-lain", default="", help="Biaya lain yang dibayar, Rp.")
@click.option("--cara-bayar", default="", help="Cara pembayaran: salah satu [payment] methods di config.toml.")
@click.option("--catatan", default="", help="Keterangan pada tanda terima.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def serahkan(obj: Workspace, number: str, tanggal: str, bentuk: tuple, cara: str | None, halaman: str, tarif: str,
             biaya_kirim: str, biaya_lain: str, cara_bayar: str, catatan: str, today) -> None:
    """Catat penyerahan informasi atas permohonan NUMBER dan buat tanda terimanya.

    Tanggal penyerahan, bentuk, cara, biaya yang dibayar dan cara pembayarannya dicatat pada log perkara dan
    mengisi kolom "Hari dan tanggal pemberian informasi" serta "Biaya dan cara pembayaran" Buku Register. Tanda
    terima penyerahan (rincian biaya yang dibayar) diletakkan di folder siap tanda tangan meja layanan.
    """
    from pipeline.intake.answers import DecisionRefused
    from pipeline.jobs.filing import FilingFailed
    from pipeline.kinds.answer import handover_from_answer, record_handover
    from pipeline.views.refresh import refresh_views

    day = today.date() if today else date.today()
    with open_workspace(obj, day) as ctx:
        case = ctx.db.case_by_number(number)
        if case is None:
            fail(f"Permohonan nomor {number} tidak ditemukan.", code=1)
        handover = handover_from_answer(
            case, day=_day(tanggal, "Tanggal penyerahan") or day, form=list(bentuk), how=cara or "",
            pages=_amount(halaman, "Jumlah halaman"), rate=_amount(tarif, "Tarif per halaman"),
            delivery=_amount(biaya_kirim, "Biaya pengiriman"), other=_amount(biaya_lain, "Biaya lain"),
            method=cara_bayar, note=catatan)
        try:
            with ctx.working():
                doc_id = record_handover(ctx, number, handover)
        except DecisionRefused as exc:
            fail("Penyerahan tidak dapat dicatat: " + " ".join(exc.reasons), code=1)
        except FilingFailed as exc:
            fail(exc.reason, code=1)
        refresh_views(ctx)
    click.echo(f"Penyerahan informasi atas {number} dicatat ({handover['tanggal']}).")
    click.echo(f"Tanda terima penyerahan: {doc_id} (di folder perkara dan folder siap tanda tangan meja layanan).")


@main.command()
@click.argument("document")
@click.argument("letter_number")
@click.pass_obj
def nomor(obj: Workspace, document: str, letter_number: str) -> None:
    """Catat NOMOR surat yang diberikan instansi penerbitnya kepada dokumen DOCUMENT (DOK-…).

    Untuk seri nomor yang dipegang instansi penerbit sendiri (mis. surat dan keputusan yang ditandatangani
    Sekretaris Daerah, dinomori Sekretariat Daerah): draf dibuat tanpa nomor, nomornya dicatat di sini. SK DIP
    yang sudah ditandatangani diterbitkan setelah nomornya tercatat.
    """
    from pipeline.jobs.desk import SIGNED_EVENTS
    from pipeline.jobs.drafts import record_issuer_number
    from pipeline.kinds.registry import kind_of
    from pipeline.views.refresh import refresh_views

    with open_workspace(obj) as ctx:
        try:
            with ctx.working():
                case, key = record_issuer_number(ctx, document.strip(), letter_number)
                if any(e.get("dokumen") == document.strip() for e in ctx.db.events(case.id) if e["event"] in SIGNED_EVENTS):
                    kind_of(case.kind).on_signed(ctx, case, key)     # e.g. the signed SK DIP is published now
        except ValueError as exc:
            fail(str(exc), code=1)
        refresh_views(ctx)
    click.echo(f"Nomor {' '.join(letter_number.split())} dicatat untuk {document} (perkara {case.number}).")


@main.command()
@click.argument("number")
@click.option("--tanggal", default="", help="Tanggal sengketa diajukan ke Komisi Informasi, atau tanggal putusannya "
                                            "bersama --putusan (bawaan: hari ini).")
@click.option("--register", default="", help="Nomor register sengketa di Komisi Informasi.")
@click.option("--putusan", type=click.Choice([k for k in DISPUTE_OUTCOMES if k != DISPUTE_OPEN]),
              help="Hasil penyelesaian sengketa (dicatat setelah pengajuannya).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
@click.pass_obj
def sengketa(obj: Workspace, number: str, tanggal: str, register: str, putusan: str | None, today) -> None:
    """Catat sengketa informasi atas permohonan atau keberatan NUMBER ke Komisi Informasi, atau hasilnya.

    \b
    ppid sengketa 001/KEB/PPID/IV/2026 --tanggal 2026-06-10 --register 012/REG-PSI/VI/2026
    ppid sengketa 001/KEB/PPID/IV/2026 --putusan mediasi --tanggal 2026-07-20

    Laporan layanan informasi publik menghitung sengketa dan hasilnya dari catatan ini.
    """
    from pipeline.kinds.objection import record_dispute
    from pipeline.views.refresh import refresh_views

    day = today.date() if today else date.today()
    when = _day(tanggal, "Tanggal") or day
    with open_workspace(obj, day) as ctx:
        try:
            with ctx.working():
                if putusan:
                    record_dispute(ctx, number, outcome=putusan, decided=when)
                else:
                    record_dispute(ctx, number, filed=when, register=register)
        except ValueError as exc:
            fail(str(exc), code=1)
        refresh_views(ctx)
    if putusan:
        click.echo(f"Putusan sengketa atas {number} dicatat: {DISPUTE_OUTCOMES[putusan]}.")
    else:
        click.echo(f"Sengketa atas {number} ke Komisi Informasi dicatat{f' (register {register})' if register else ''}.")


@dip.command("ajukan")
@click.option("--tahun", type=int, help="Tahun DIP (bawaan: tahun ini).")
@click.pass_obj
def dip_ajukan(obj: Workspace, tahun: int | None) -> None:
    """Ajukan rekap DIP yang telah dikoreksi PPID kepada Atasan PPID: nota dinas PPID dan SK DIP untuk ditandatangani."""
    from pipeline.jobs.filing import FilingFailed
    from pipeline.kinds.dip import SubmitRefused, submit_recap
    from pipeline.views.refresh import refresh_views

    year = tahun or date.today().year
    with open_workspace(obj) as ctx:
        try:
            with ctx.working():
                case = submit_recap(ctx, year)
        except SubmitRefused as exc:
            fail(str(exc), code=1)
        except FilingFailed as exc:
            fail(exc.reason, code=1)
        refresh_views(ctx)
    click.echo(f"Rekap DIP {year} ({case.number}) diajukan kepada Atasan PPID: nota dinas PPID dan SK DIP menunggu "
               "tanda tangan di folder siap tanda tangan.")
