"""What became of each dropped file, for the desk officer who dropped it: ``<results>/`` on the share.

Written the moment a file is decided (pipeline.story calls ``write_result`` at the end of ``process_file``),
so the officer at the counter sees it without the server's console::

    inbox/_hasil/
      hasil-2026-12-04.html                         the day's sheet: every file dropped that day, newest first
      2026-12-04/
        formulir budi.docx (hasil 14.30.05).html    the file's note: time, outcome, what to print
        001-PPID-XII-2026 tanda terima (formulir budi).pdf   the receipt to print, by number and file name

The note says the number and applicant of each case filed (or the answer recorded, the signed copy filed),
or the reasons the file was set aside with links to its reason file and the notice for the applicant, or why
it waits in the inbox. Names are the dropped file's own with digit runs masked (pipeline.core.names: no NIK
or phone number in a name). The day's records are kept in ``var/hasil/<date>.jsonl`` (a local disk: the sheet
is rewritten from them); the share holds only what the desk reads.
"""

from __future__ import annotations

import logging
import os
import threading
import zoneinfo
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

import orjson

from pipeline.core import incidents
from pipeline.core.bahasa import hari_tanggal, nama_zona, tanggal
from pipeline.core.files import write_atomic
from pipeline.core.numbering import safe_name
from pipeline.core.vocab import KIND_LABEL
from pipeline.intake.setaside import REASON_SUFFIX
from pipeline.jobs.context import Context
from pipeline.jobs.results import FileOutcome
from pipeline.render import letters, pages

log = logging.getLogger(__name__)

RECEIPTS = {letters.RECEIPT.key: "tanda terima", letters.OBJECTION_RECEIPT.key: "tanda terima keberatan"}
NOTICE_SUFFIXES = {spec.notice_suffix: spec.title for spec in letters.ALL_LETTERS if spec.notice_suffix}
SHEET_PREFIX = "hasil-"
MAX_NAME = 90   # characters of the dropped file's name kept in the names written here

# The watcher's workers decide files side by side: one writes the day's records and sheet at a time.
_writing = threading.Lock()


@dataclass
class Filed:
    number: str
    applicant: str
    kind: str
    due: str | None


@dataclass
class Link:
    label: str
    href: str             # relative to the folder of the page that shows it


@dataclass
class Result:
    at: str                                  # ISO time, local
    name: str                                # the dropped file's name, masked
    outcome: str                             # a RESULT_LABEL key
    filed: list[Filed] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    prints: list[Link] = field(default_factory=list)   # relative to the day's folder
    note: str = ""                                     # the note, relative to the results folder


RESULT_LABEL = {
    "terdaftar": "Terdaftar",
    "sebagian": "Sebagian terdaftar, sebagian disisihkan",
    "dijawab": "Jawaban dicatat",
    "ditandatangani": "Salinan bertanda tangan diarsipkan",
    "disisihkan": "Disisihkan",
    "menunggu": "Menunggu di folder masuk",
}


def write_result(ctx: Context, outcome: FileOutcome, *, at: datetime | None = None) -> Path | None:
    """The file's note, its receipts to print and the day's sheet; None for a file another run took meanwhile.
    A failure here is logged and never stops the file's story (the case is filed whatever the share does)."""
    if not (outcome.filed or outcome.answered or outcome.signed or outcome.set_aside or outcome.waiting):
        return None
    at = at or datetime.now(zoneinfo.ZoneInfo(ctx.config.display.timezone))
    try:
        with _writing:
            return _write(ctx, outcome, at)
    except Exception as exc:   # a full or unreachable share: the log says so, the story goes on
        if incidents.out_of_space(exc):
            log.error("Ruang penyimpanan penuh: hasil berkas %s belum ditulis", outcome.name)
        else:
            incidents.report(log, f"Hasil berkas {outcome.name} tidak dapat ditulis", exc)
        return None


def _write(ctx: Context, outcome: FileOutcome, at: datetime) -> Path:
    root = ctx.config.paths.results
    day_folder = root / at.date().isoformat()
    day_folder.mkdir(parents=True, exist_ok=True)
    result = Result(at=at.isoformat(timespec="seconds"), name=outcome.name, outcome=_outcome_key(outcome),
                    filed=[_filed(ctx, number) for number in outcome.filed], answered=list(outcome.answered),
                    signed=list(outcome.signed), reasons=list(outcome.set_aside or ([outcome.waiting] if outcome.waiting else [])),
                    notes=list(outcome.notes))
    result.prints = [*_receipts(ctx, outcome, day_folder), *_set_aside_links(outcome, day_folder)]
    note = _unique(day_folder / f"{_short(outcome.name)} (hasil {at:%H.%M.%S}).html")
    result.note = note.relative_to(root).as_posix()
    write_atomic(note, render_note(result, zone_label=_zone(at)).encode("utf-8"), overwrite=True, durable=False)
    records = _records_file(ctx, at)
    with open(records, "ab") as fh:
        fh.write(orjson.dumps(asdict(result)) + b"\n")
    write_day_sheet(root, at, read_records(records))
    return note


def _outcome_key(outcome: FileOutcome) -> str:
    if outcome.waiting:
        return "menunggu"
    if outcome.set_aside and (outcome.filed or outcome.answered or outcome.signed):
        return "sebagian"
    if outcome.set_aside:
        return "disisihkan"
    if outcome.filed:
        return "terdaftar"
    return "dijawab" if outcome.answered else "ditandatangani"


def _filed(ctx: Context, number: str) -> Filed:
    case = ctx.db.case_by_number(number)
    if case is None:
        return Filed(number, "", "", None)
    return Filed(number, case.applicant_name, KIND_LABEL.get(case.kind, case.kind),
                 case.due.isoformat() if case.due else None)


def _receipts(ctx: Context, outcome: FileOutcome, day_folder: Path) -> list[Link]:
    """Each new case's receipt (print PDF) copied beside the note, named by number and the dropped file."""
    links = []
    for number in outcome.filed:
        case = ctx.db.case_by_number(number)
        if case is None or not case.folder:
            continue
        folder = ctx.archive.folder(case.folder)
        for entry in ctx.archive.manifest(case.folder)["files"]:
            label = RECEIPTS.get(entry.get("letter"))
            if label is None or entry["role"] != "hardcopy_pdf":
                continue
            target = day_folder / f"{safe_name(number)} {label} ({_short(Path(outcome.name).stem)}).pdf"
            if not target.exists():   # a copy for the desk's printer: the archive keeps the checked one
                write_atomic(target, (folder / entry["path"]).read_bytes(), durable=False)
            links.append(Link(f"Cetak {label} {number}", target.name))
    return links


def _set_aside_links(outcome: FileOutcome, day_folder: Path) -> list[Link]:
    """The reason file and the notices written beside the set-aside copy, as links from the day's folder."""
    if outcome.aside is None:
        return []
    copy = Path(outcome.aside)
    links = [Link("Alasan disisihkan", _relative(copy.with_name(copy.name + REASON_SUFFIX), day_folder))]
    for path in sorted(copy.parent.glob(_glob_escape(copy.name) + ".*.pdf")):
        suffix = path.name[len(copy.name) + 1:-4].rsplit(".", 1)[-1]
        if suffix in NOTICE_SUFFIXES:
            links.append(Link(f"Cetak {NOTICE_SUFFIXES[suffix].lower()}", _relative(path, day_folder)))
    return links


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def _short(name: str) -> str:
    """The dropped file's (masked) name, fit for a file name on a Windows share."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in name).strip(" .") or "berkas"
    return cleaned if len(cleaned) <= MAX_NAME else cleaned[:MAX_NAME - 1] + "~"


def _unique(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _zone(at: datetime) -> str:
    return nama_zona(at)


def _records_file(ctx: Context, at: datetime) -> Path:
    folder = ctx.config.paths.database.parent / "hasil"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{at.date().isoformat()}.jsonl"


def read_records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------------------------

def _page(template: str, **values) -> str:
    css = pages.asset(__package__, "hasil.css")
    return pages.render_page(__package__, template, css=css, csp=f"default-src 'none'; style-src {pages.csp_hash(css)}",
                             labels=RESULT_LABEL, tanggal=_tanggal, **values)


def _tanggal(iso: str | None) -> str:
    return tanggal(date.fromisoformat(iso)) if iso else "-"


def render_note(result: Result, *, zone_label: str) -> str:
    at = datetime.fromisoformat(result.at)
    return _page("hasil-berkas.html.j2", r=result, when=f"{hari_tanggal(at.date())} pukul {at:%H.%M.%S} {zone_label}")


def write_day_sheet(root: Path, at: datetime, records: list[dict]) -> Path:
    """The day's sheet from its records, newest first."""
    rows = sorted(records, key=lambda r: r["at"], reverse=True)
    counts = {key: sum(1 for r in rows if r["outcome"] == key) for key in RESULT_LABEL}
    page = _page("hasil-harian.html.j2", rows=rows, counts=counts, day=hari_tanggal(at.date()),
                 day_folder=at.date().isoformat(), zone_label=_zone(at))
    target = root / f"{SHEET_PREFIX}{at.date().isoformat()}.html"
    write_atomic(target, page.encode("utf-8"), overwrite=True, durable=False)
    return target
