"""The DIP as published once the SK DIP is signed (and the online system works again): an xlsx, a csv for
Indonesian Excel and one self-contained html page, with the DIP columns, the category of each entry and the
SK's number and date. No personal data: NIKs, mobile numbers and private e-mail addresses are masked as a last
safeguard (pipeline.intake.lists checks the lists for them first).

The page is a Jinja2 template (``html/dip.html.j2``, autoescaped) with its stylesheet and search script
as package files (``static/dip.css``, ``static/dip.js``) put inline: it opens from anywhere, with nothing else.
Entries are numbered as in the recap and the SK's lampiran (pipeline.render.lists).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Sequence

from pipeline.core import bahasa
from pipeline.core.files import write_atomic
from pipeline.core.vocab import DEFAULT_PAPER, UU_KIP
from pipeline.intake.lists import CATEGORIES, CATEGORY_LABELS, DipEntry, _grouped, _redact, ordered
from pipeline.render import lists, pages, xlsx

PUBLICATION_TITLE = "DAFTAR INFORMASI PUBLIK"


def write_publication(entries: Sequence[DipEntry], folder: Path, *, year: int, agency: str, sk_number: str,
                      sk_date: date | str, paper: str = DEFAULT_PAPER) -> list[Path]:  # fmt: skip
    """Write ``dip-{year}.xlsx`` (the recap's layout with the SK line), ``dip-{year}.csv`` (UTF-8 with BOM,
    semicolons: opens in Indonesian Excel as columns) and ``dip-{year}.html`` (the page: a search box, the
    table grouped by category) into ``folder``, each atomically; returns [xlsx, csv, html]."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sk_line = _sk_line(sk_number, sk_date)
    xlsx_path, csv_path, html_path = (folder / f"dip-{year}.{ext}" for ext in ("xlsx", "csv", "html"))
    workbook = lists.dip_workbook(entries, title=PUBLICATION_TITLE, year=year, agency=agency, note=sk_line,
                                  paper=paper, redact=True)  # fmt: skip
    xlsx.save_workbook(workbook, xlsx_path)
    write_atomic(csv_path, _csv_bytes(entries), overwrite=True)
    write_atomic(html_path, _page(entries, year=year, agency=agency, sk_line=sk_line).encode("utf-8"),
                 overwrite=True)  # fmt: skip
    return [xlsx_path, csv_path, html_path]


def _sk_line(sk_number: str, sk_date: date | str) -> str:
    when = bahasa.tanggal(sk_date) if isinstance(sk_date, date) else str(sk_date or "")
    parts = [f"Nomor {sk_number}" if sk_number else "", f"tanggal {when}" if when else ""]
    text = " ".join(p for p in parts if p)
    return f"Ditetapkan dengan Keputusan {text}" if text else ""


# -- the page ----------------------------------------------------------------------------------------------


def _page(entries: Sequence[DipEntry], *, year, agency: str, sk_line: str) -> str:
    columns = lists.DIP_COLUMNS
    groups = [{"heading": CATEGORIES[category],
               "entries": [{"number": number, "cells": [_redact(getattr(e, attr)).split("\n") for _h, _w, attr in columns[1:]]}
                           for _opd, items in opds for number, e in items]}
              for category, opds in _grouped(entries)]   # a cell's lines, <br> between them
    return pages.render_page(
        __package__, "dip.html.j2",
        title=f"Daftar Informasi Publik {agency} Tahun {year}".replace("  ", " "),
        agency=agency or "", year=str(year), sk_line=sk_line, uu_kip=UU_KIP,
        headers=[header for header, _w, _a in columns], groups=groups, total=len(entries),
        css=pages.asset(__package__, "dip.css"), script=pages.asset(__package__, "dip.js"),
    )


# -- the csv -----------------------------------------------------------------------------------------------

def _csv_bytes(entries: Sequence[DipEntry]) -> bytes:
    """The DIP's columns with the category after the number, one entry a line."""
    columns = lists.DIP_COLUMNS
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([columns[0][0], "Kategori", *(header for header, _w, _a in columns[1:])])
    for number, e in ordered(entries):
        writer.writerow([number, CATEGORY_LABELS[e.category],
                         *(_csv_safe(_redact(getattr(e, attr))) for _h, _w, attr in columns[1:])])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_safe(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ (also after leading spaces, and "- 1+cmd|…" too) as a
    formula: such text gets a leading apostrophe."""
    text = " ".join(xlsx.clean_text(text).split("\n"))
    if text.lstrip(" \t\r")[:1] in ("=", "+", "-", "@") or text[:1] in ("\t", "\r"):
        return "'" + text
    return text
