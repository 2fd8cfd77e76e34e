"""The one filing transaction: every new case, whatever its kind, and every addition to a filed case.

:func:`file_case` files a new case from its :class:`~pipeline.jobs.kind.Kind`:

1. open the case and take its number in the same transaction (a restart gets the same number back);
2. plan it: the received date, the kind's deadlines under today's calendar, what the kind adds, its folder;
3. build the folder in staging: the receipt events, the original byte for byte (or a link to the workbook
   archived once), attachments, the kind's own files, the letters (docx, PDF/A, print PDF);
4. rename the folder into the archive; the database follows the folder (pipeline.store.ledger);
5. hand the drafts to their signers, and let the kind follow up.

A failure in 3-4 voids the number with the reason, in the database and in ``<year>/batal/``; nothing
half-built reaches the archive. :func:`add_to_case` adds files and events to a filed case (an answer and its
letter, a signed copy) the same way: staged, moved in, the database following, the drafts to the desk.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import Callable

from pipeline.core import bahasa, incidents
from pipeline.core.crashpoints import crash
from pipeline.core.deadlines import deadlines_for
from pipeline.core.files import ArchiveError
from pipeline.core.names import masked_name
from pipeline.core.numbering import format_number
from pipeline.intake.reading import Attachment, FormRecord
from pipeline.jobs.context import Context
from pipeline.jobs.desk import place_for_signature, remove_from_desk
from pipeline.jobs.drafts import convert_drafts, draft_letters
from pipeline.jobs.kind import Kind
from pipeline.jobs.results import Job, Outcome, Refusal
from pipeline.render.conversion import ConversionError
from pipeline.store import ledger, paths
from pipeline.store.archive import Staging
from pipeline.store.db import VOID, Case, Source

log = logging.getLogger(__name__)

FILING_ERRORS = (ConversionError, ArchiveError, OSError)


class FilingFailed(Exception):
    """An addition to a filed case could not be made; ``reason`` is plain Indonesian with the incident code.
    ``waiting``: a full disk, the file waits in the inbox."""

    def __init__(self, reason: str, *, waiting: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.waiting = waiting

    def outcome(self) -> Outcome:
        return Outcome.wait(self.reason) if self.waiting else Outcome.refusal(self.reason)


# -- forms: one case per complete form -----------------------------------------------------------------------


def file_forms(ctx: Context, kind: Kind, job: Job) -> Outcome:
    """Every complete form (or workbook row) of the file becomes a case; the rest is refused with its reasons
    and, where the kind says so, a notice for whoever must complete it."""
    if not job.document.records:
        return Outcome.refusal("Berkas ini tidak berisi satu pun formulir yang terisi (hanya judul kolom atau baris "
                               "kosong).")
    outcome, good = Outcome(notes=list(job.document.notes)), []
    for record in job.document.records:
        data, problems = kind.validate(ctx, record)
        if record.unplaced:   # filled but not all read: for the officer, never a "kurang lengkap" to the applicant
            outcome.refused.append(Refusal(f"{record_prefix(record)}Perlu diperiksa petugas — "
                                           + " ".join(record.unplaced + problems)))
        elif problems:
            outcome.refused.append(Refusal(f"{record_prefix(record)}Formulir kurang lengkap — " + " ".join(problems),
                                           kind.notice(record, problems)))
        else:
            good.append((record, {**data, **how_it_was_read(record)}))
    several = job.document.layout.startswith("xlsx") or len(job.document.records) > 1
    good = [(record, data) for record, data in good if not sent_before(ctx, kind, job, record, data, several, outcome)]
    source_ref = archive_source_file(ctx, job) if good and kind.source_once and several else None
    for record, data in good:
        outcome.add(file_case(ctx, kind, data, source=job.source, row=record_row(record),
                              original=None if source_ref else job, source_ref=source_ref,
                              attachments=record.attachments, prefix=record_prefix(record)))
    return outcome


RECENT_DAYS = 30


def sent_before(ctx: Context, kind: Kind, job: Job, record: FormRecord, data: dict, several: bool,
                outcome: Outcome) -> bool:
    """True when this form is already registered (the same applicant, content and form date): a workbook's row
    is skipped, a single form refused, naming the case. A new form of the same applicant registered lately is
    filed and flagged for the officer (``kemungkinan_duplikat``). ``data`` gains the fingerprints."""
    if kind.sameness is None:
        return False
    data["sidik"] = kind.sameness(data)
    row = record_row(record)
    earlier = [c for c in ctx.db.cases_with_fingerprint(kind.name, data["sidik"]["isi"])
               if (c.source_id, c.source_row) != (job.source.id, row)]
    if earlier:
        numbers = ", ".join(c.number for c in earlier)
        if several:
            outcome.skipped.append(f"{record_prefix(record)}sudah terdaftar sebagai {numbers}; tidak didaftarkan lagi.")
        else:
            outcome.refused.append(Refusal(
                f"Formulir ini sama dengan perkara {numbers} yang sudah terdaftar (pemohon, isi dan tanggal formulir "
                "sama); tidak didaftarkan dua kali. Bila ini permohonan baru, tuliskan rincian yang berbeda."))
        return True
    since = ctx.today().toordinal() - RECENT_DAYS
    recent = [c for c in ctx.db.cases_of_applicant(kind.name, data["sidik"]["pemohon"])
              if registered_on(c).toordinal() >= since and (c.source_id, c.source_row) != (job.source.id, row)]
    if recent:
        data["kemungkinan_duplikat"] = [c.number for c in recent]
    return False


def record_prefix(record: FormRecord) -> str:
    """How a reason names one form of a file of several: its workbook row, or its place in the document."""
    return record.where()


def record_row(record: FormRecord) -> int:
    """The form's place in its file, unique per file (a workbook row, or the form's number in a document)."""
    return record.row or record.part or 0


def how_it_was_read(record: FormRecord) -> dict:
    """Where each value was read, and the values read by a weaker rule: kept with the case (``ppid show``)."""
    reading = {key: value for key, value in (("sumber", record.sources), ("catatan", record.weak)) if value}
    return {"pembacaan": reading} if reading else {}


# -- a new case ------------------------------------------------------------------------------------------------


def file_case(ctx: Context, kind: Kind, data: dict, *, source: Source | None, row: int = 0, original: Job | None = None,
              source_ref: dict | None = None, attachments: list[Attachment] = (), prefix: str = "") -> Outcome:
    """File one case of ``kind``: its number in the outcome, or the reason it could not be filed (the number
    is then void with that reason)."""
    case = open_case(ctx, kind, source, row, data)
    crash("setelah-nomor")
    if case.status == VOID:
        return Outcome.refusal(case.void_reason)
    folder = kind.folder(ctx.config, case)
    if case.is_filed or ctx.archive.is_complete(folder):   # filed already, or renamed into place before a kill
        return finish_filing(ctx, kind, case, folder)
    case, logged = plan_case(ctx, kind, case, folder)
    crash("setelah-rencana")
    staging = ctx.archive.begin(folder, token=f"case-{case.id}")
    try:
        record_receipt(staging, case, source, logged)
        if original is not None:   # the dropped file, byte for byte as it was recognised
            staging.add_bytes(paths.original_file(original.path.suffix), original.data, "original",
                              original_name=source.original_name)
        store_attachments(staging, attachments)
        kind.stage_files(ctx, case, staging)
        drafts = draft_letters(ctx, staging, case, kind.letters(ctx, case), on=registered_on(case),
                               **kind.letter_args(ctx, case))
        convert_drafts(ctx, staging, case, drafts)
        staging.log("filed", folder=folder)
        for event, detail in kind.filed_events(ctx, case, drafts):
            staging.log(event, **detail)
        crash("sebelum-rename")
        ctx.db.begin_change(case.id, FOLLOW_UP)
        staging.commit(manifest_header(case, source, source_ref))
        crash("setelah-rename")
    except FILING_ERRORS as exc:
        shutil.rmtree(staging.root, ignore_errors=True)
        if incidents.out_of_space(exc):   # the number waits, unvoided, for the file's next turn
            log.error("Ruang penyimpanan penuh saat mengarsipkan perkara %s; berkas menunggu", case.number)
            return Outcome.wait(incidents.OUT_OF_SPACE)
        code = incidents.report(log, f"Perkara {case.number} tidak dapat diarsipkan", exc)
        reason = (f"{prefix}Nomor {case.number} dibatalkan karena perkara tidak dapat diselesaikan "
                  f"({incidents.plain_cause(exc)}; kode kejadian {code}).")
        void_case(ctx, case, reason)
        return Outcome.refusal(reason)
    return finish_filing(ctx, kind, case, folder)


FOLLOW_UP = "filed"
"""Owed (``pending``) between the rename of a new case's folder and the end of its follow-up."""


def finish_filing(ctx: Context, kind: Kind, case: Case, folder: str) -> Outcome:
    """The folder is in the archive: the database follows it, the drafts go to their signers, the kind follows
    up. What is still owed is marked in the database (``pending``), so a restart after a kill finishes here."""
    owed = ctx.db.owed(case.id)
    case = ledger.resync(ctx.archive, ctx.db, case, folder)
    crash("setelah-database")
    place_for_signature(ctx, case)
    crash("setelah-meja")
    outcome = Outcome(filed=[case.number])
    ctx.archive.note_number(case.register, case.year, case.seq)
    if owed == FOLLOW_UP:
        log.info("Perkara %s diarsipkan di %s", case.number, folder)
        outcome.add(kind.on_filed(ctx, case) or Outcome())
    ctx.db.done_change(case.id)
    if case.data.get("didaftarkan_terlambat"):
        outcome.notes.append(f"{case.number}: {case.data['didaftarkan_terlambat']}")
    if case.data.get("kemungkinan_duplikat"):
        outcome.notes.append(f"{case.number}: kemungkinan duplikat dari {', '.join(case.data['kemungkinan_duplikat'])} "
                             "(pemohon yang sama); periksa sebelum diteruskan.")
    return outcome


def open_case(ctx: Context, kind: Kind, source: Source | None, row: int, data: dict) -> Case:
    """The case of this form (or row), numbered in the same transaction that creates it."""
    registered = ctx.today()
    pattern = kind.number_pattern(ctx.config)
    return ctx.db.open_case(
        kind=kind.name, register=kind.name, year=registered.year,
        number_for=lambda seq: format_number(pattern, seq=seq, on=registered),
        received=received_date(data, source, registered), applicant_name=(data.get("applicant") or {}).get("nama", ""),
        data={**data, "terdaftar": registered.isoformat()},
        source_id=source.id if source else None, source_row=row,
    )


def received_date(data: dict, source: Source | None, registered: date) -> date:
    """The day the desk received the form: the date written on it when present and not after registration,
    otherwise the day the file was dropped into the inbox. Every deadline counts from it (UU 14/2008
    Pasal 22 ayat 7, Pasal 36 ayat 2)."""
    written = date.fromisoformat(data["tanggal_form"]) if data.get("tanggal_form") else None
    if written is not None and written <= registered:
        return written
    dropped = date.fromisoformat(source.dropped_at[:10]) if source and source.dropped_at else registered
    return min(dropped, registered)


def registered_on(case: Case) -> date:
    return date.fromisoformat(case.data.get("terdaftar") or case.received.isoformat())


def plan_case(ctx: Context, kind: Kind, case: Case, folder: str) -> tuple[Case, dict]:
    """Deadlines under today's calendar and what the kind adds, stored with the case before filing starts;
    returns the case and the ``deadlines`` event's detail."""
    data, logged = dict(case.data), {}
    late = late_registration(ctx, case)
    if late:
        data["didaftarkan_terlambat"] = late
    if kind.due is not None:
        deadlines = deadlines_for(kind.due, ctx.calendar, ctx.config.deadlines, case.received)
        case.due, case.forward_due = deadlines.due, deadlines.forward_due
        data["target_internal"] = deadlines.targets_iso()
        logged = {"tenggat": deadlines.due.isoformat(), "target_internal": deadlines.targets_iso()}
    case.data, case.folder = data, folder
    extra_data, extra_logged = kind.assess(ctx, case)
    case.data = {**data, **extra_data}
    ctx.db.plan_case(case.id, folder=folder, due=case.due, forward_due=case.forward_due, data=case.data)
    return case, {**logged, **extra_logged, **({"didaftarkan_terlambat": late} if late else {})}


def late_registration(ctx: Context, case: Case) -> str:
    """A sentence when the case was registered more working days after receipt than the desk allows, else ""."""
    registered = registered_on(case)
    days = ctx.calendar.working_days_between(case.received, registered)
    if days <= ctx.config.deadlines.late_registration_days:
        return ""
    return (f"Didaftarkan terlambat: diterima {bahasa.hari_tanggal(case.received)}, didaftarkan "
            f"{bahasa.hari_tanggal(registered)} ({days} hari kerja kemudian).")


def record_receipt(staging: Staging, case: Case, source: Source | None, logged: dict) -> None:
    if source is not None:
        staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256,
                    tanggal_diterima=case.received.isoformat(), baris=case.source_row or None)
    else:
        staging.log("received", tanggal_diterima=case.received.isoformat())
    staging.log("numbered", nomor=case.number, register=case.register, urut=case.seq)
    staging.log("deadlines", **logged)


def store_attachments(staging: Staging, attachments: list[Attachment]) -> None:
    for i, attachment in enumerate(attachments, 1):
        staging.add_bytes(paths.attachment_file(attachment.role, i, Path(attachment.name).suffix), attachment.data,
                          attachment.role)


def manifest_header(case: Case, source: Source | None, source_ref: dict | None) -> dict:
    header = {
        "nomor": case.number,
        "jenis": case.kind,
        "register": case.register,
        "tahun": case.year,
        "urut": case.seq,
        "diterima": case.received.isoformat(),
        "tenggat": case.due.isoformat() if case.due else None,
        "target_internal": case.forward_due.isoformat() if case.forward_due else None,
        "data": case.data,
    }
    if source is not None:
        header["berkas_asal"] = {"original_name": source.original_name, "sha256": source.sha256,
                                 "baris": case.source_row or None}
    if source_ref:
        header["sumber"] = source_ref
    return header


def void_case(ctx: Context, case: Case, reason: str) -> None:
    """Keep the number, mark it void with the reason, in the database and in the archive tree."""
    ctx.db.void_case(case.id, reason)
    record_void(ctx, case, reason)
    ctx.db.done_change(case.id)


def void_filed_case(ctx: Context, case: Case, reason: str) -> Case:
    """A case registered by mistake (``ppid batal``): its number stays void with the reason, in its own log, in
    ``<year>/batal/`` and in the registers; its drafts leave the signers' desks; the archive keeps what was filed."""
    case = ledger.record(ctx.archive, ctx.db, case, "voided", alasan=reason)
    record_void(ctx, case, reason)
    for entry in ctx.db.events(case.id):
        if entry["event"] == "rendered":
            for doc_id in entry.get("dokumen") or []:
                remove_from_desk(ctx, doc_id)
    log.info("Perkara %s dibatalkan oleh petugas", case.number)
    return case


def record_void(ctx: Context, case: Case, reason: str) -> None:
    ctx.archive.note_number(case.register, case.year, case.seq)
    source = ctx.db.source(case.source_id) if case.source_id else None
    ctx.archive.record_void(case.year, case.number, {
        "nomor": case.number, "jenis": case.kind, "register": case.register, "tahun": case.year, "urut": case.seq,
        "diterima": case.received.isoformat(), "pemohon": case.applicant_name, "alasan_batal": reason,
        "berkas_asal": {"sha256": source.sha256, "original_name": source.original_name} if source else None,
        "baris": case.source_row, "data": case.data, "folder": case.folder,
    })


def archive_source_file(ctx: Context, job: Job) -> dict:
    """A file of many forms is archived once, in its own folder; every case it gave links to it."""
    source = job.source
    relative = paths.source_folder(ctx.today().year, source.sha256)
    name = paths.source_file(job.path.suffix)
    if not ctx.archive.is_complete(relative):
        staging = ctx.archive.begin(relative, token=f"source-{source.id}")
        staging.add_bytes(name, job.data, "original", original_name=source.original_name)
        staging.log("received", berkas=masked_name(source.original_name), sha256=source.sha256)
        staging.commit({"jenis": "sumber", "sha256": source.sha256, "original_name": source.original_name})
        ctx.db.set_source_state(source.id, "processing", archive_path=relative)
    return {"path": f"{relative}/{name}", "sha256": source.sha256}


# -- additions to a filed case -------------------------------------------------------------------------------------


def signed_follow_up(doc_id: str, letter: str) -> str:
    """What a signed copy leaves owed until its draft left the desk and its kind followed up."""
    return f"signed:{doc_id}:{letter}"


def follow_up_signature(ctx: Context, kind: Kind, case: Case, doc_id: str, letter: str) -> None:
    """The signed copy is filed: its draft leaves the signer's desk, the kind follows up (a signed SK DIP is
    published). Repeated after a kill (pipeline.jobs.recovery, the ``signed:`` mark); the steps are idempotent."""
    crash("ttd-setelah-arsip")
    remove_from_desk(ctx, doc_id)
    crash("ttd-sebelum-tindak-lanjut")
    kind.on_signed(ctx, case, letter)
    ctx.db.done_change(case.id)


def add_to_case(ctx: Context, case: Case, *, token: str, build: Callable[[Staging], None],
                owed: str = "sync") -> Case:
    """Stage what ``build`` adds (files, drafts, events), move it into the case folder, and bring the database
    and the signers' desks along. Raises :class:`FilingFailed` with a plain reason; nothing is half-added.
    ``owed``: a follow-up the caller still has to do, kept marked until it calls ``ctx.db.done_change``."""
    staging = ctx.archive.begin_addition(case.folder, token=token)
    try:
        build(staging)
        crash("tambahan-sebelum-pindah")
        ctx.db.begin_change(case.id, owed)
        ctx.archive.commit_addition(staging)
        crash("tambahan-setelah-pindah")
    except FILING_ERRORS as exc:
        shutil.rmtree(staging.root, ignore_errors=True)
        if incidents.out_of_space(exc):
            raise FilingFailed(incidents.OUT_OF_SPACE, waiting=True) from exc
        code = incidents.report(log, f"Tambahan pada perkara {case.number} tidak dapat diarsipkan", exc)
        raise FilingFailed(f"Berkas tidak dapat diarsipkan pada perkara {case.number} "
                           f"({incidents.plain_cause(exc)}; kode kejadian {code}).") from exc
    case = ledger.resync(ctx.archive, ctx.db, case)
    place_for_signature(ctx, case)
    if owed == "sync":
        ctx.db.done_change(case.id)
    return case
