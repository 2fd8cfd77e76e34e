"""Which form a document is: by its title and by the labels it carries.
"""

from __future__ import annotations

import re
from typing import Iterable

from pipeline.intake.reading.docx import Block, Row
from pipeline.intake.reading.text import Para, REQUEST_LABELS, cell_text, clean_line


TITLE_LINES = 15
_TITLE_MAX_WORDS = 15


def title_lines(blocks: Iterable[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            text = block.text
        elif isinstance(block, Row):
            text = " ".join(cell_text(cell) for cell in block.cells)
        else:
            continue
        text = clean_line(text).lower()
        if text:
            lines.append(text)
        if len(lines) >= TITLE_LINES:
            break
    return [line for line in lines if len(line.split()) <= _TITLE_MAX_WORDS]


def kind_from_title(lines: list[str]) -> str | None:
    text = " | ".join(lines)
    if "keberatan" in text and re.search(r"formulir|pengajuan|pernyataan|permohonan keberatan", text):
        return "keberatan"
    if re.search(r"lembar jawaban|jawaban atas permohonan|pemberitahuan tertulis", text):
        return "jawaban"
    if "dikecualikan" in text:
        return "dik"
    if "daftar informasi publik" in text:
        return "dip"
    if re.search(r"(?:permohonan|permintaan) informasi", text):
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
