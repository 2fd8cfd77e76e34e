"""Reading a Word (.docx) file into a FormDocument.
"""

from __future__ import annotations

import zipfile

from pipeline.intake.reading.attachments import embedded_images
from pipeline.intake.reading.columns import column_list_from_rows
from pipeline.intake.reading.container import MSG_BROKEN, MSG_NOT_FORM, parse_part
from pipeline.intake.reading.docx import Block, DocxReader, Row, StrikeStyles, W_BODY
from pipeline.intake.reading.entries import FieldScanner, record_from_entries
from pipeline.intake.reading.kinds import TITLE_LINES, kind_from_labels, kind_from_title, title_lines
from pipeline.intake.reading.model import FormDocument, UnreadableForm
from pipeline.intake.reading.text import ANSWER_PROFILE, Para, clean_line, profile_for


def read_docx(package: zipfile.ZipFile, main_part: str) -> FormDocument:
    root = parse_part(package, main_part)
    body = root.find(W_BODY)
    if body is None:
        raise UnreadableForm(MSG_BROKEN)
    styles_name = "word/styles.xml"
    styles = StrikeStyles(parse_part(package, styles_name) if styles_name in package.namelist() else None)
    blocks = list(DocxReader(styles).blocks(body))
    title_kind = kind_from_title(title_lines(blocks))

    column_list = column_list_from_rows([block for block in blocks if isinstance(block, Row)])
    if column_list is not None and title_kind in (None, "dip", "dik"):
        kind, records = column_list
        return FormDocument(kind=kind, layout="docx-table", records=records, title=_heading_lines(blocks))

    scanner = FieldScanner(profile_for(title_kind)).scan(blocks)
    kind = kind_from_labels({entry.key for entry in scanner.entries}, title_kind)
    if kind is None and title_kind is None:
        # An answer sheet whose title was left off: it names a decision and the request it answers.
        answer = FieldScanner(ANSWER_PROFILE).scan(blocks)
        if {"keputusan", "nomor_pendaftaran"} <= {entry.key for entry in answer.entries}:
            scanner, kind = answer, "jawaban"
    if kind is None:
        raise UnreadableForm(MSG_NOT_FORM)
    record = record_from_entries(scanner)
    record.attachments.extend(embedded_images(package, main_part, scanner.identity_images))
    from_rows = sum(entry.from_row for entry in scanner.entries)
    layout = "docx-table" if from_rows * 2 >= len(scanner.entries) else "docx-paragraph"
    return FormDocument(kind=kind, layout=layout, records=[record])


def _heading_lines(blocks: list[Block]) -> list[str]:
    """The paragraphs above the first table of a list, as written (not lower-cased)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Row) or len(lines) >= TITLE_LINES:
            break
        if isinstance(block, Para) and (text := clean_line(block.text)):
            lines.append(text)
    return lines
