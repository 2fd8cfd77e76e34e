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
    # Where each field and choice key was read, for the officer ("tabel 1, baris 3, kolom 2", "sel C5").
    sources: dict[str, str] = field(default_factory=dict)
    # Values read by a weaker rule (a choice marked in bold instead of a tick, ...): shown on the case,
    # they do not stop filing.
    weak: list[str] = field(default_factory=list)
    # Values the reader found but could not place (text boxes it could not assign, two different values for
    # one field, ...). Such a record goes to the officer, never back to the applicant as "kurang lengkap".
    unplaced: list[str] = field(default_factory=list)
    # Several forms in one Word document: 1, 2, ... ("Formulir ke-2"); None when the file holds one form.
    part: int | None = None

    def where(self) -> str:
        """ "Baris 5: ", "Formulir ke-2: " or "", to start a reason about this record."""
        if self.row is not None:
            return f"Baris {self.row}: "
        if self.part is not None:
            return f"Formulir ke-{self.part}: "
        return ""


@dataclass
class FormDocument:
    kind: str  # "permohonan" | "keberatan" | "jawaban" | "dip" | "dik"
    layout: str  # "docx-table" | "docx-paragraph" | "xlsx-rows" | "xlsx-vertical" (informational)
    records: list[FormRecord]
    # DIP/DIK lists only: the non-empty title lines above the list, as written (others: empty).
    title: list[str] = field(default_factory=list)
    # Document-level remarks for the officer (Indonesian): example rows and instruction sheets skipped, ...
    notes: list[str] = field(default_factory=list)
