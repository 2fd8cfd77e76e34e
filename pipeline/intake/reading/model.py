"""Public types of the reader: what ``read_form`` returns or raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnreadableForm(Exception):
    """The file cannot be read as a form; str(exc) is an Indonesian reason for the officer."""


@dataclass
class Attachment:
    name: str  # e.g. "ktp.jpg" (never derived from personal data)
    data: bytes
    role: str  # "identitas" (ID copy) | "surat_kuasa" | "lampiran"


@dataclass
class FormRecord:
    fields: dict[str, str]  # canonical key -> stripped text; missing/blank keys absent
    choices: dict[str, list[str]]  # canonical choice key -> ticked option keys, in form order
    row: int | None = None  # xlsx: Excel row number (header is row 1); docx: None
    attachments: list[Attachment] = field(default_factory=list)
    # Reader remarks (Indonesian), e.g. ambiguous ticks. Validation returns every note to the applicant
    # as a problem, so a note is only written when a person must look; notes never quote personal data.
    notes: list[str] = field(default_factory=list)


@dataclass
class FormDocument:
    kind: str  # "permohonan" | "keberatan" | "jawaban" | "dip" | "dik"
    layout: str  # "docx-table" | "docx-paragraph" | "xlsx-rows" (informational)
    records: list[FormRecord]
    # DIP/DIK lists only: the non-empty title lines above the list, as written (others: empty).
    title: list[str] = field(default_factory=list)
