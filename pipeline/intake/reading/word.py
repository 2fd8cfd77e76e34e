"""Reading a Word (.docx) file into a FormDocument: one record per form in the document.
"""

from __future__ import annotations

import re
import zipfile

from pipeline.intake.reading.attachments import embedded_images
from pipeline.intake.reading.columns import column_list_from_rows
from pipeline.intake.reading.container import MSG_BROKEN, MSG_NOT_FORM, MSG_PICTURE, parse_part
from pipeline.intake.reading.docx import W_BODY, Block, Bullets, DocxReader, Row, RunStyles, TextBox
from pipeline.intake.reading.entries import FieldScanner
from pipeline.intake.reading.kinds import TITLE_LINES, kind_from_labels, kind_from_title, title_lines
from pipeline.intake.reading.model import FormDocument, UnreadableForm
from pipeline.intake.reading.records import flag_unread, record_from_entries
from pipeline.intake.reading.text import ANSWER_PROFILE, REQUEST_LABELS, Para, cell_text, clean_line, profile_for


def read_docx(package: zipfile.ZipFile, main_part: str) -> FormDocument:
    root = parse_part(package, main_part)
    body = root.find(W_BODY)
    if body is None:
        raise UnreadableForm(MSG_BROKEN)
    reader = DocxReader(RunStyles(_optional_part(package, "word/styles.xml")),
                        Bullets(_optional_part(package, "word/numbering.xml")))
    blocks = _header_blocks(package, reader) + list(reader.blocks(body))
    title_kind = kind_from_title(title_lines(blocks))

    column_list = column_list_from_rows([block for block in blocks if isinstance(block, Row)])
    if column_list is not None and title_kind in (None, "dip", "dik"):
        kind, records, notes = column_list
        return FormDocument(kind=kind, layout="docx-table", records=records, title=_heading_lines(blocks),
                            notes=notes)

    if title_kind is None and _is_untitled_answer(blocks):
        title_kind = "jawaban"
    parts = _form_parts(blocks, title_kind)
    records, kinds, layouts = [], [], []
    for number, part in enumerate(parts, 1):
        scanner = FieldScanner(profile_for(title_kind)).scan(part)
        kind = kind_from_labels({entry.key for entry in scanner.entries}, title_kind)
        if kind is None and title_kind is None:
            # An answer sheet whose title was left off: it names a decision and the request it answers.
            answer = FieldScanner(ANSWER_PROFILE).scan(part)
            if {"keputusan", "nomor_pendaftaran"} <= {entry.key for entry in answer.entries}:
                scanner, kind = answer, "jawaban"
        if kind is None:
            if len(parts) > 1:
                raise UnreadableForm(_unreadable_part(number, len(parts)))
            raise UnreadableForm(_not_a_form(blocks))
        record = record_from_entries(scanner)
        flag_unread(record, kind, scanner.unread)
        record.attachments.extend(embedded_images(package, main_part, scanner.identity_images))
        if len(parts) > 1:
            record.part = number
        records.append(record)
        kinds.append(kind)
        from_rows = sum(entry.from_row for entry in scanner.entries)
        layouts.append("docx-table" if from_rows * 2 >= len(scanner.entries) else "docx-paragraph")
    if len(set(kinds)) > 1:
        raise UnreadableForm(
            f"Dokumen ini memuat {len(parts)} formulir dari jenis yang berbeda; kirimkan setiap formulir sebagai "
            "berkas .docx tersendiri."
        )
    return FormDocument(kind=kinds[0], layout=layouts[0], records=records)


def _is_untitled_answer(blocks: list[Block]) -> bool:
    """An answer sheet whose title was left off names the request it answers and a marked decision; a request
    or objection form never carries a decision, even when it repeats the request's own fields."""
    scanner = FieldScanner(ANSWER_PROFILE).scan(blocks)
    record = record_from_entries(scanner)
    return "nomor_pendaftaran" in record.fields and bool(record.choices.get("keputusan"))


def _optional_part(package: zipfile.ZipFile, name: str):
    return parse_part(package, name) if name in package.namelist() else None


def _header_blocks(package: zipfile.ZipFile, reader: DocxReader) -> list[Block]:
    """Page headers come first: offices put the form's title or the letterhead there."""
    blocks: list[Block] = []
    for name in sorted(n for n in package.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        reader.area = "kepala halaman, "
        blocks.extend(reader.blocks(parse_part(package, name)))
    reader.area = ""
    reader.paragraphs = 0
    return blocks


def _not_a_form(blocks: list[Block]) -> str:
    """A picture or scan pasted into Word is not "bukan formulir": say what it is and what to do."""
    text = "".join(_block_text(block) for block in blocks)
    pictures = sum(len(block.images) for block in blocks if isinstance(block, Para))
    pictures += sum(len(p.images) for block in blocks if isinstance(block, Row) for cell in block.cells for p in cell)
    if pictures and len(re.sub(r"\W", "", text)) < 40:
        return MSG_PICTURE
    return MSG_NOT_FORM


def _block_text(block: Block) -> str:
    if isinstance(block, Para):
        return block.text
    if isinstance(block, Row):
        return " ".join(cell_text(cell) for cell in block.cells)
    if isinstance(block, TextBox):
        return " ".join(_block_text(inner) for inner in block.blocks)
    return ""


# A line that starts another form of the same kind ("FORMULIR PERMOHONAN INFORMASI PUBLIK" again); a receipt
# ("TANDA BUKTI PENERIMAAN ...") is part of its form, not a form of its own.
_RECEIPT = re.compile(r"tanda\s+(?:bukti|terima)|bukti\s+penerimaan|^catatan|^keterangan", re.IGNORECASE)
# A part is a form of its own only with what makes a request or an objection: who and what.
_FORM_CORE = {"permohonan": {"rincian_informasi", "tujuan", "cara_memperoleh", "cara_salinan"},
              "keberatan": {"alasan", "kasus_posisi", "tujuan"}}


def _form_parts(blocks: list[Block], title_kind: str | None) -> list[list[Block]]:
    """Split a document that holds several forms (the same title again further down) into one block list
    per form. A repeated title followed by too little to be a form stays part of the form above it."""
    if title_kind not in _FORM_CORE:
        return [blocks]
    starts: list[int] = []
    seen_fields = False
    for index, block in enumerate(blocks):
        line = clean_line(_block_text(block)) if isinstance(block, (Para, Row)) else ""
        if not line:
            continue
        if _is_form_title(line, title_kind) and (not starts or seen_fields):
            starts.append(index)
            seen_fields = False
        elif starts and ":" in line or isinstance(block, Row):
            seen_fields = True
    if len(starts) < 2:
        return _parts_by_applicant(blocks, title_kind)
    bounds = [0] + starts[1:] + [len(blocks)]
    parts = [blocks[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]
    merged: list[list[Block]] = []
    for part in parts:
        if merged and not _is_whole_form(part, title_kind):
            merged[-1].extend(part)
        else:
            merged.append(list(part))
    return merged


def _parts_by_applicant(blocks: list[Block], kind: str) -> list[list[Block]]:
    """Forms one after the other under a single title: a second applicant's "Nama" after a whole form starts
    the next one (each part must itself be a whole form, else the document stays one)."""
    entries = FieldScanner(profile_for(kind)).scan(blocks).entries
    starts = [entry.block for entry in entries if entry.key == "nama"]
    if len(starts) < 2:
        return [blocks]
    bounds = [0] + starts[1:] + [len(blocks)]
    parts = [blocks[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]
    if all(_is_whole_form(part, kind) for part in parts):
        return parts
    return [blocks]


def _is_form_title(line: str, kind: str) -> bool:
    if len(line.split()) > 15 or _RECEIPT.search(line) or ":" in line:
        return False
    return kind_from_title([line.lower()]) == kind


def _is_whole_form(part: list[Block], kind: str) -> bool:
    keys = {entry.key for entry in FieldScanner(profile_for(kind)).scan(part).entries}
    return len(keys & REQUEST_LABELS) >= 3 and len(keys & _FORM_CORE[kind]) >= 2


def _unreadable_part(number: int, total: int) -> str:
    return (f"Dokumen ini memuat {total} formulir, tetapi formulir ke-{number} tidak dapat dibaca sebagai "
            "formulir; pisahkan setiap formulir menjadi berkas .docx tersendiri.")


def _heading_lines(blocks: list[Block]) -> list[str]:
    """The paragraphs above the first table of a list, as written (not lower-cased)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Row) or len(lines) >= TITLE_LINES:
            break
        if isinstance(block, Para) and (text := clean_line(block.text)):
            lines.append(text)
    return lines



