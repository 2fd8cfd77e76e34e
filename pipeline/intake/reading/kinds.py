"""Which form a document is: by its title and by the labels it carries.
"""

from __future__ import annotations

import re
from typing import Iterable

from pipeline.intake.reading.docx import Block, Row
from pipeline.intake.reading.text import REQUEST_LABELS, Para, cell_text, clean_line, label_key

TITLE_LINES = 15
_TITLE_MAX_WORDS = 15


def title_lines(blocks: Iterable[Block]) -> list[str]:
    """The lines that may hold the form's title: the first lines of the document, leaving out filled-in
    fields ("Tujuan: ... keberatan ..." is an answer, not the title) and stopping at the first choice list."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            text = block.text
            if _is_filled_field(text):
                continue
        elif isinstance(block, Row):
            filled = [cell_text(cell) for cell in block.cells if cell_text(cell)]
            if len(filled) >= 2 and label_key(filled[0]) not in (None, "_ignore"):
                continue
            text = " ".join(filled)
        else:
            continue
        text = clean_line(text).lower()
        if text:
            lines.append(text)
        if len(lines) >= TITLE_LINES:
            break
    return [line for line in lines if len(line.split()) <= _TITLE_MAX_WORDS]


def _is_filled_field(text: str) -> bool:
    label, colon, value = text.partition(":")
    if not colon:
        label, tab, value = text.strip().partition("\t")
        colon = tab
    return bool(colon) and bool(value.strip(" .:_…\t")) and label_key(label) not in (None, "_ignore")


def kind_from_title(lines: list[str]) -> str | None:
    text = " | ".join(lines)
    if "keberatan" in text and re.search(r"formulir|pengajuan|pernyataan|permohonan keberatan|surat keberatan"
                                         r"|keberatan atas|^keberatan|\| keberatan", text):
        return "keberatan"
    if re.search(r"lembar jawaban|jawaban atas permohonan|pemberitahuan tertulis|jawaban ppid|formulir jawaban"
                 r"|jawaban permohonan|tanggapan atas permohonan", text):
        return "jawaban"
    if "dikecualikan" in text:
        return "dik"
    if "daftar informasi publik" in text:
        return "dip"
    if re.search(r"(?:permohonan|permintaan) (?:informasi|data|salinan)", text):
        return "permohonan"
    return None


def kind_from_labels(keys: set[str], title_kind: str | None) -> str | None:
    request_labels = keys & REQUEST_LABELS
    if title_kind == "permohonan":
        return "permohonan" if len(request_labels) >= 2 else None
    if title_kind in ("keberatan", "jawaban"):
        return title_kind
    if {"alasan", "kasus_posisi"} & keys and len(request_labels) >= 2:
        return "keberatan"
    if len(request_labels) >= 3 and request_labels & {"rincian_informasi", "cara_memperoleh", "cara_salinan"}:
        return "permohonan"
    return None
