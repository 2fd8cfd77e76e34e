"""Looking at cases: the list, one case, the status board, a deadline counted."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from pipeline.cli.base import TANGGAL, Workspace, fail, main, not_found, open_database, open_workspace, shown
from pipeline.core.bahasa import hari_kerja, hari_tanggal
from pipeline.core.vocab import DECISION_LABEL, KIND_LABEL, STATUS_LABEL


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--tahun", type=int, help="Hanya perkara tahun ini.")
@click.pass_obj
def cases(obj: Workspace, as_json: bool, tahun: int | None) -> None:
    """Daftar perkara: nomor, jenis, pemohon, tanggal diterima, tenggat, status, folder arsip."""

    db = open_database(obj)
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
        click.echo(f"{shown(c.number):<24} {c.kind:<11} {shown(c.applicant_name)[:24]:<24} {c.received.isoformat():<10} "
                   f"{(c.due.isoformat() if c.due else '-'):<10} {c.status:<10} {shown(c.folder or (c.void_reason or '-'))}")


@main.command()
@click.argument("number")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--sumber", is_flag=True, help="Tampilkan di bagian formulir mana tiap isian dibaca.")
@click.pass_obj
def show(obj: Workspace, number: str, as_json: bool, sumber: bool) -> None:
    """Rincian satu perkara beserta riwayat kejadiannya (dengan --sumber: di mana tiap isian dibaca)."""

    db = open_database(obj)
    case = db.case_by_number(number)
    if case is None:
        db.close()
        fail(not_found(number), code=1)
    events = db.events(case.id)
    db.close()
    if as_json:
        click.echo(json.dumps({**case.as_json(), "data": case.data, "riwayat": events}, ensure_ascii=False, indent=2))
        return
    req = case.data
    click.echo(f"Nomor pendaftaran : {case.number}")
    click.echo(f"Jenis             : {KIND_LABEL.get(case.kind, case.kind)}")
    click.echo(f"Pemohon           : {shown(case.applicant_name)}")
    click.echo(f"Diterima          : {hari_tanggal(case.received)}")
    if case.due:
        click.echo(f"Tenggat pemberitahuan tertulis : {hari_tanggal(case.due)}")
    if case.forward_due:
        click.echo(f"Target jawaban PPID Pelaksana  : {hari_tanggal(case.forward_due)}")
    click.echo(f"Status            : {STATUS_LABEL.get(case.status, case.status)}"
               + (f" ({shown(case.void_reason)})" if case.void_reason else ""))
    click.echo(f"Folder arsip      : {shown(case.folder or '-')}")
    if req.get("rincian_informasi"):
        click.echo(f"Informasi diminta : {shown(req['rincian_informasi'])}")
    if req.get("klasifikasi"):
        click.echo(f"Usulan (DIP/DIK)  : {shown(req['klasifikasi'].get('summary') or req['klasifikasi'].get('kind'))}")
    applicant = req.get("applicant") or {}
    if applicant.get("organisasi"):
        click.echo(f"Penanggung jawab  : {shown(applicant.get('penanggung_jawab') or '-')}"
                   + (f" ({shown(applicant['jabatan'])})" if applicant.get("jabatan") else ""))
    for flag in ("didaftarkan_terlambat", "terlambat"):
        if req.get(flag):
            click.echo(f"Perhatian         : {shown(req[flag])}")
    if req.get("kemungkinan_duplikat"):
        click.echo(f"Perhatian         : kemungkinan duplikat dari {', '.join(req['kemungkinan_duplikat'])}")
    reading = req.get("pembacaan") or {}
    for note in reading.get("catatan", []):
        click.echo(f"Dibaca dengan aturan lemah: {shown(note)}")
    if sumber:
        click.echo("Tempat isian dibaca:")
        for key, where in sorted((reading.get("sumber") or {}).items()):
            click.echo(f"  {key:<20} {shown(where)}")
    click.echo(f"Riwayat (waktu {obj.config.display.timezone}):")
    for e in events:
        click.echo(f"  {obj.local_time(e['at']):<30} {event_line(e)}")


# What each event of the case's log (docs/architecture.md, Events) says, for the officer.
EVENT_LABEL = {
    "received": "berkas diterima",
    "numbered": "diberi nomor",
    "deadlines": "tenggat dihitung",
    "rendered": "surat disusun",
    "converted": "surat dijadikan PDF",
    "filed": "diarsipkan",
    "forwarded": "diteruskan kepada PPID Pelaksana",
    "answered": "dijawab",
    "extended": "diperpanjang",
    "due_recomputed": "tenggat dihitung ulang",
    "objected": "diajukan keberatan",
    "signed": "salinan bertanda tangan diarsipkan",
    "closed": "selesai",
    "published": "diterbitkan",
    "publication": "DIP dipublikasikan",
    "replaced": "diganti",
    "voided": "dibatalkan",
}


def event_line(event: dict) -> str:
    """The event in Indonesian, with what it names (a document, a decision, a reason, a new due date)."""
    label = EVENT_LABEL.get(event["event"], event["event"].replace("_", " "))
    details = []
    if event.get("nomor") and event["event"] == "numbered":
        details.append(event["nomor"])
    if event.get("keputusan"):
        details.append(DECISION_LABEL.get(event["keputusan"], event["keputusan"]))
    if event.get("tenggat_baru"):
        details.append(f"tenggat baru {hari_tanggal(date.fromisoformat(event['tenggat_baru']))}")
    if event.get("keberatan"):
        details.append(f"keberatan {event['keberatan']}")
    if isinstance(event.get("dokumen"), str):
        details.append(event["dokumen"])
    if event.get("alasan"):
        details.append(f"alasan: {event['alasan']}")
    if event.get("oleh"):
        details.append(f"oleh {event['oleh']}")
    return shown(label + (f" ({'; '.join(str(d) for d in details)})" if details else ""))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Hitung seolah-olah hari ini tanggal ini.")
@click.pass_obj
def status(obj: Workspace, as_json: bool, today) -> None:
    """Papan status: perkara terbuka, sisa hari kerja, yang terlambat di atas."""
    from pipeline.views.board import board

    day = today.date() if today else date.today()
    with open_workspace(obj, day, letters=False) as ctx:
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
        late = "  (didaftarkan terlambat)" if c.data.get("didaftarkan_terlambat") else ""
        click.echo(f"{mark}{shown(c.number):<24} {c.kind:<11} {shown(c.applicant_name)[:22]:<22} {c.received.isoformat():<10} "
                   f"{c.due.isoformat():<10} {r.working_days_left:>5}  {c.status}{late}")
    click.echo(f"Terbuka: {len(rows)}; jatuh tempo dalam 3 hari kerja: {soon}; terlambat: {overdue}.  (!! terlambat, * segera)")


@main.command()
@click.argument("tanggal")
@click.option("--hari", default=10, show_default=True, type=click.IntRange(0, 400), help="Jumlah hari kerja.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.pass_obj
def tenggat(obj: Workspace, tanggal: str, hari: int, as_json: bool) -> None:
    """Hitung tanggal N hari kerja setelah TANGGAL, dengan kalender yang dipakai perkara.

    TANGGAL boleh ditulis 2026-03-16, 16-03-2026 atau "16 Maret 2026".
    """
    from pipeline.core.workdays import CalendarError, load_calendar

    try:
        start = TANGGAL.convert(tanggal, None, None).date()
    except click.BadParameter as exc:
        fail(exc.message)
    try:
        calendar = load_calendar(obj.config.deadlines)
    except CalendarError as exc:
        fail(str(exc))
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
