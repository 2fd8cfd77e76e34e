"""The archive's front page: ``archive/index.html``, a case browser that works from a shared drive.

Archivists open the archive over SMB in a browser, through ``file://``, with no server. A page opened
that way may not read other files (no fetch, no XHR), so everything lives in one self-contained file:
the cases are embedded as a JSON literal in a ``<script type="application/json">`` element, the CSS and
the script are inline, nothing is loaded from anywhere. A Content-Security-Policy with the hashes of
the page's own style and script forbids everything else, so a crafted name in the data could not run
code even if it escaped its JSON string (it cannot: every ``<`` is written as ``\\u003c``).

The page is a Jinja2 template (``html/index.html.j2``) with its stylesheet and script as package files
(``static/index.css``, ``static/index.js``); the month, kind and status names come in with it as JSON, from
pipeline.core.bahasa and pipeline.core.vocab. Links to case folders and PDFs are relative to the archive root,
so the page works wherever the share is mounted. The script filters in memory on each input (debounced) and renders at most 500 rows at a
time, which keeps 100 000 cases responsive.

Embedded data (compact, because 100 000 cases must stay a file a share can serve quickly)::

    {"dibuat": "2026-03-20",                      # generation date: due dates before it are overdue
     "judul": ["Tanda terima", ...],              # document titles, each once
     "perkara": [                                 # one array per case, newest first
        [nomor, jenis, pemohon, diterima, tenggat, status, folder,
         [[judul_index, path, jenis], ...], [catatan, ...],
         informasi, opd, berkas_asal, tanda], ...]}

A document ``path`` is relative to the case folder, or to the archive root when it starts with ``/``; the
original form is a document of kind ``asli`` (a workbook row's is the workbook under ``<year>/sumber/``).
``informasi`` is the requested information (cut at ``INFO_CHARS``), ``opd`` the OPD it goes to or holds it,
``berkas_asal`` the dropped file's name (digit runs masked), ``tanda`` flags (``LATE_REGISTRATION``).
The page never holds a NIK, a telephone number or an address: only what is listed here.

The script searches every word typed in a case's number (also as typed in any form: ``1/PPID/XII/2026``,
``001-PPID-XII-2026``), applicant, requested information, OPD, original file name, kind, status, notes and
dates (ISO, day-month-year, and "16 Maret 2026"). Its search text is built after the first rows are shown, in
slices, so the page is usable at once with 100 000 cases (``bench/index_page.py`` measures both).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import orjson
from markupsafe import Markup

from pipeline.core.bahasa import nama_bulan, tanggal
from pipeline.core.files import write_atomic
from pipeline.core.vocab import KIND_LABEL, STATUS_LABEL
from pipeline.render import pages
from pipeline.store import paths
from pipeline.store.events import OPEN_STATUSES

__all__ = ["write_index", "write_rows", "compact_row", "row_json", "sort_key"]



def write_index(archive_root: Path, cases: list[dict], *, agency: str, generated: datetime) -> Path:
    """Write ``archive_root/index.html`` (temporary file + rename) and return its path."""
    titles: dict[str, int] = {}
    rows = [row_json(case_row(case, titles)) for case in newest_first(cases)]
    return write_rows(archive_root, rows, list(titles), agency=agency, generated=generated)


def write_rows(archive_root: Path, rows: list[bytes], titles: list[str], *, agency: str, generated: datetime) -> Path:
    """``write_index`` for rows already compact (see the module docstring), as ``row_json``, newest first."""
    head = {"dibuat": generated.date().isoformat(), "judul": titles}
    data = embedded_json(head).encode("utf-8")[:-1] + b',"perkara":[' + b",".join(rows) + b"]}"
    before, after = render_page(agency=agency, generated=generated).split(DATA_SLOT)
    target = paths.index_page(Path(archive_root))
    write_atomic(target, before.encode("utf-8") + data + after.encode("utf-8"), overwrite=True)
    return target


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------

def newest_first(cases: list[dict]) -> list[dict]:
    """Latest received first; on the same day the higher number first, numbers compared as numbers."""
    return sorted(cases, key=lambda case: sort_key(iso_date(case.get("diterima")), case["nomor"]), reverse=True)


def sort_key(received: str | None, number: str) -> str:
    """A text that sorts as the page's rows do, oldest first: by date received, then by number with its
    digits compared as numbers (``2/PPID`` before ``10/PPID``). A text, so a database can keep the order."""
    parts = (("0" + part.zfill(20)) if part.isdigit() else "1" + part for part in re.split(r"(\d+)", number) if part)
    return (received or "") + "\x01" + "\x01".join(parts)   # \x01 ends a part: "PPID" before "PPIDA"


def iso_date(value: str | date | None) -> str | None:
    """``2026-03-16`` from an ISO date, an ISO timestamp or a ``date``; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value)[:10]
    date.fromisoformat(text)   # raises ValueError on anything that is not a date
    return text


def archive_link(path: str | None) -> str | None:
    """A path relative to the archive root, checked: POSIX, not absolute, never ``..``."""
    if path is None or path == "":
        return None
    if "\\" in path or path.startswith("/") or (".." in path and ".." in path.split("/")):
        raise ValueError(f"Tautan arsip harus relatif terhadap akar arsip: {path!r}")
    if "//" in path or "/./" in path or path.startswith("./") or path.endswith(("/", "/.")) or path == ".":
        return "/".join(part for part in path.split("/") if part not in ("", "."))
    return path   # the usual case, checked without splitting (an index lists every document of every case)


def document_link(path: str, folder: str | None) -> str:
    """The document's path relative to its case folder, or ``/`` + its path from the archive root."""
    link = archive_link(path) or ""
    if folder and link.startswith(folder + "/"):
        return link[len(folder) + 1:]
    return "/" + link


def document_entry(doc: dict, folder: str | None, titles: dict[str, int]) -> list:
    title = doc.get("judul") or doc["path"].rsplit("/", 1)[-1]
    return [titles.setdefault(title, len(titles)), document_link(doc["path"], folder), doc.get("jenis") or ""]


def case_row(case: dict, titles: dict[str, int]) -> list:
    """``compact_row`` of a case given as a dict (``ppid cases --json`` fields and its documents)."""
    folder = archive_link(case.get("folder"))
    return compact_row(case["nomor"], case.get("jenis"), case.get("pemohon"), case.get("diterima"), case.get("tenggat"),
                       case.get("status"), folder, [document_entry(doc, folder, titles) for doc in case.get("dokumen") or []],
                       case.get("catatan") or (), information=case.get("informasi") or "", opd=case.get("opd") or "",
                       original=case.get("berkas_asal") or "", flags=LATE_REGISTRATION if case.get("terlambat") else 0)


INFO_CHARS = 240       # of the requested information: enough to find it, the whole in the case folder
LATE_REGISTRATION = 1   # a ``tanda`` flag: registered more working days after receipt than allowed


def compact_row(number: str, kind: str | None, applicant: str | None, received, due, status: str | None,
                folder: str | None, documents: list[list], notes: list[str] = (), *, information: str = "",
                opd: str = "", original: str = "", flags: int = 0) -> list:
    """One case as the compact array the page's script reads (see the module docstring); ``documents``
    already compact: [title index, path, kind]; ``notes`` for the archivist (a void reason, a late registration)."""
    return [str(number), kind or "", applicant or "", iso_date(received), iso_date(due), status or "",
            archive_link(folder), documents, list(notes), _cut(information), opd or "", original or "", flags]


def _cut(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= INFO_CHARS else text[:INFO_CHARS - 1] + "\u2026"


def embedded_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<`` at all, so no ``</script>`` or ``<!--``."""
    return row_json(value).decode("utf-8")


def row_json(row) -> bytes:
    """``embedded_json`` as UTF-8: one row of the page's data, kept between rewrites (pipeline.views.viewcache)."""
    return orjson.dumps(row).replace(b"<", b"\\u003c")   # compact; ~10x json.dumps on 100 000 cases


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

DATA_SLOT = "<@data@>"   # where the data goes; escaped text cannot hold it ("<" becomes "&lt;")


def generated_label(generated: datetime) -> str:
    """ "16 Maret 2026 pukul 14.30" (Indonesian writes the time with a dot)."""
    return f"{tanggal(generated.date())} pukul {generated:%H.%M}"


def page_vocabulary() -> dict:
    """The names the page's script shows: months, case kinds and statuses; which statuses are still open."""
    return {"bulan": [nama_bulan(month) for month in range(1, 13)], "jenis": KIND_LABEL, "status": STATUS_LABEL,
            "berjalan": list(OPEN_STATUSES), "tanda_terlambat": LATE_REGISTRATION}


def content_security_policy(css: str, script: str) -> str:
    """Only this page's own style and script; no connections, no other files, no forms sent anywhere."""
    return (f"default-src 'none'; style-src {pages.csp_hash(css)}; script-src {pages.csp_hash(script)}; "
            "form-action 'none'; base-uri 'none'")


def render_page(*, agency: str, generated: datetime) -> str:
    """The page with ``DATA_SLOT`` where the data goes (``write_rows`` puts it in as bytes: tens of MB)."""
    css, script = pages.asset(__package__, "index.css"), pages.asset(__package__, "index.js")
    page = pages.render_page(
        __package__, "index.html.j2",
        csp=Markup(content_security_policy(css, script)),   # our own text: no quotes, no markup
        agency=agency,
        generated_iso=generated.isoformat(timespec="minutes"),
        generated=generated_label(generated),
        generated_date=tanggal(generated.date()),
        kinds=KIND_LABEL,
        statuses=STATUS_LABEL,
        vocabulary=page_vocabulary(),
        data=Markup(DATA_SLOT),
        css=css,
        script=script,
    )
    if page.count(DATA_SLOT) != 1:
        raise ValueError(f"html/index.html.j2 must hold the data slot once, not {page.count(DATA_SLOT)} times")
    return page
