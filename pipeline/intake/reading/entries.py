"""From paragraphs, rows and text boxes to labelled entries: the field scanner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from pipeline.core.bahasa import DAY_PATTERN, MONTH_PATTERN
from pipeline.intake.reading.choices import INSTRUCTION_RE, MARK_RE, OPTION_PATTERNS, has_option, is_marker_only
from pipeline.intake.reading.docx import Block, Break, Row, TextBox
from pipeline.intake.reading.text import (
    BRACKETED,
    DEFAULT_PROFILE,
    LEADING_NUMBERING,
    SECTION_RESET_KEYS,
    Para,
    Profile,
    cell_text,
    clean_line,
    is_blank_value,
    is_hint_only,
    label_key,
    normalise_label,
)

# "Denpasar, 10 Nov. 2026", "Mangupura, Senin, 18-Nov-2026", "Badung, 18/11/2026": place and date of signing.
DATE_LINE = re.compile(
    rf"(?P<tempat>[A-Za-z][A-Za-z .'-]{{1,40}}?)\s*,\s*"
    rf"(?:(?:{DAY_PATTERN})\s*,?\s*)?(?:tanggal\s+|tgl\.?\s*)?"
    rf"(?P<tanggal>\d{{1,2}}[\s./-]*(?:{MONTH_PATTERN})\.?[\s./,-]*\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})\s*",
    re.IGNORECASE,
)
# Lines that end the field area: signatures, closing sentences and footnotes.
_TERMINATOR = re.compile(
    r"^(?:petugas|pemohon informasi|pengaju keberatan|penerima|mengetahui|yang (?:menerima|mengajukan|memohon)"
    r"|nama (?:dan|&) tanda tangan|demikian|keterangan\b|catatan\b|\*)",
    re.IGNORECASE,
)
# "** Pilih salah satu dengan memberi tanda (√)": the choices whose label ends with ** take one option.
_PICK_ONE_FOOTNOTE = re.compile(r"^(\*+)\)?\s*(?:pilih|centang|beri tanda)?.*salah\s+satu", re.IGNORECASE)
_KUASA_SECTION = re.compile(r"(?:identitas|data)\s+kuasa|^kuasa\s+pemohon", re.IGNORECASE)
# Sub-headings of section A of the objection form, also when not written in capitals: one of them ends a
# value that may span lines ("Tujuan penggunaan informasi" comes right before "Identitas Pemohon").
_SECTION_A_HEADING = re.compile(
    r"^(?:identitas|data)\s+(?:kuasa\s+)?(?:pemohon|pengaju)\b|^informasi\s+pengaju\s+keberatan", re.IGNORECASE
)


@dataclass
class Entry:
    key: str
    label: str  # as printed, for messages
    value: list[Para]
    from_row: bool
    label_where: str = ""  # where the label was read
    block: int = 0  # index of the block it started in (to split a document holding several forms)
    stars: int = 0  # footnote stars after the printed label ("Cara Memperoleh Informasi**")
    weak: str = ""  # a note when the value was placed by a weaker rule (a text box on the label's line)

    @property
    def where(self) -> str:
        """Where the value was read (else its label)."""
        return next((para.where for para in self.value if para.text.strip() and para.where), self.label_where)


def _looks_like_heading(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return True
    return bool(re.match(r"^\s*(?:[A-H]|[IVX]{1,4})\.\s", text))


def _label_colon_index(text: str) -> int | None:
    """Position of the colon that ends the label (one inside a bracketed hint does not count)."""
    depth = 0
    for index, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch in ":：" and depth == 0:
            return index
    return None


def _split_label(
    para: Para, allow_bare_label: bool, profile: Profile = DEFAULT_PROFILE
) -> tuple[str, str, Para] | None:
    """(key, printed label, value) for "Label : value", "Label<TAB>value" or a bare "Label"."""
    text = para.text
    for index in (_label_colon_index(text), _first_tab_after_text(text)):
        if index is not None:
            key = label_key(text[:index], profile)
            if key:
                index = _label_tail_end(text, index, key, profile)
                return key, _clean_label(text[:index]), para.slice(index + 1)
    if allow_bare_label and not _lists_options(text, profile) and not (profile.headings and _looks_like_heading(text)) \
            and not _is_sentence(text):
        key = label_key(text, profile)
        if key:
            return key, _clean_label(text), Para()
    return None


def _stars_of(text: str) -> int:
    """Footnote stars on a printed label ("Cara Memperoleh Informasi**"), 0 when none."""
    label = re.split(r"[:：\t]", text, maxsplit=1)[0]
    runs = re.findall(r"\*+", label)
    return max((len(run) for run in runs), default=0)


def _is_sentence(text: str) -> bool:
    """A line of prose ("Informasi yang diberikan tidak lengkap.") is never a bare label."""
    words = BRACKETED.sub(" ", text).split()
    return len(words) >= 8 or (len(words) >= 3 and text.rstrip().endswith("."))


def _label_tail_end(text: str, index: int, key: str, profile: Profile) -> int:
    """Where a label that itself holds a colon ends: "Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan
    angka : b" ends at the second colon (or at the end of a label cell), not at the first."""
    tail = dict(profile.label_tails).get(key)
    if tail is None:
        return index
    rest = text[index + 1 :]
    stops = [stop for stop in (_label_colon_index(rest), _first_tab_after_text(rest)) if stop is not None]
    stop = min(stops) if stops else len(rest)
    if tail.fullmatch(normalise_label(rest[:stop])):
        return index + 1 + stop
    return index


def _lists_options(text: str, profile: Profile = DEFAULT_PROFILE) -> bool:
    """ "Mengambil langsung / Kurir / Pos / Email" is a list of options, never a label."""
    masked = INSTRUCTION_RE.sub(" ", text)
    return any(
        sum(bool(pattern.search(masked)) for _, pattern in OPTION_PATTERNS[key]) >= 2
        for key in sorted(profile.choice_keys)
    )


def _first_tab_after_text(text: str) -> int | None:
    match = re.search(r"\S\s*\t", text)
    return match.end() - 1 if match else None


def _clean_label(text: str) -> str:
    label = LEADING_NUMBERING.sub("", clean_line(text.replace("*", " ")))
    return label.strip(" :")


class FieldScanner:
    """Collects labelled entries from the stream of paragraphs and rows.

    A value is the rest of the labelled paragraph, the other cells of the labelled row, and the
    following lines that continue it: option lines of a choice field, or further paragraphs of a
    field that may span lines (address, requested information, purpose).
    """

    def __init__(self, profile: Profile = DEFAULT_PROFILE) -> None:
        self.profile = profile
        self.choice_keys = profile.choice_keys
        self.entries: list[Entry] = []
        self.current: Entry | None = None
        self.section: str | None = None
        self.date_line: tuple[str, str, str] | None = None  # place, date, where
        self.identity_images: list[str] = []
        self.label_seen = False
        self.unplaced: list[str] = []
        self.unread: list[tuple[str, str]] = []  # ("Label as printed", where) of filled lines with no known label
        self.pick_one_stars: set[int] = set()  # footnotes "** Pilih salah satu ...": labels with ** take one option
        self.block_index = 0
        self._stars = 0  # footnote stars of the label being started
        self._pending_options: list[str] | None = None  # a row of options waiting for its row of marks
        self._anchor: Para | None = None  # the last paragraph fed, for text boxes anchored to it
        self._closed_by_blank: tuple[Para, Entry] | None = None

    def scan(self, blocks: Iterable[Block]) -> FieldScanner:
        for self.block_index, block in enumerate(blocks):
            if isinstance(block, Break):
                if not self._waits_for_table():
                    self._close()
            elif isinstance(block, Row):
                self._feed_row(block)
            elif isinstance(block, TextBox):
                self._feed_box(block)
            else:
                self._take_images(block.images)
                self._anchor = block
                self._feed_line(block, in_table=False)
        self._close()
        return self

    # ---- text boxes -----------------------------------------------------------------------------

    def _feed_box(self, box: TextBox) -> None:
        """A text box holding labels is read like the body. One holding only a value belongs to the empty
        field on the line it is anchored to; any other text is reported, never dropped or guessed."""
        paras = [block for block in box.blocks if isinstance(block, Para) and block.text.strip()]
        rows = [block for block in box.blocks if isinstance(block, Row)]
        if not paras and not rows:
            return
        if rows or any(_split_label(para, allow_bare_label=False, profile=self.profile) for para in paras) \
                or self._is_title_box(paras):
            self._close()
            self.scan_inner(box.blocks)
            return
        current = self.current
        anchored_here = box.anchor is self._anchor and (
            (current is not None and box.anchor.text.strip() != "" and current.label_where == box.anchor.where)
            or (current is not None and not box.anchor.text.strip())
        )
        if current is None and self._closed_by_blank and self._closed_by_blank[0] is box.anchor:
            current = self._closed_by_blank[1]  # the box sits on the empty line under its label
            anchored_here = True
        if current is not None and anchored_here and not _entry_has_text(current):
            current.value = list(paras)
            current.weak = (f"Isian '{current.label}' dibaca dari {box.where} yang diletakkan pada baris isiannya; "
                            "cocokkan dengan formulir aslinya.")
            return
        if current is not None and current.key in self.choice_keys and all(
            has_option(current.key, para.text) or is_marker_only(para.text) for para in paras
        ):
            current.value.extend(paras)
            return
        self.unplaced.append(
            f"{box.where[0].upper()}{box.where[1:]} berisi tulisan yang tidak dapat dipastikan milik isian mana; "
            "periksa formulir aslinya dan catat isian tersebut."
        )

    def _is_title_box(self, paras: list[Para]) -> bool:
        return any(_TITLE_BOX.search(para.text) for para in paras)

    def scan_inner(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Break):
                self._close()
            elif isinstance(block, Row):
                self._feed_row(block)
            elif isinstance(block, Para):
                self._take_images(block.images)
                self._feed_line(block, in_table=False)
        self._close()

    def _waits_for_table(self) -> bool:
        """A heading paragraph such as "B. Alasan Pengajuan Keberatan" whose options follow in a table."""
        current = self.current
        return current is not None and not current.from_row and not any(p.text.strip() for p in current.value)

    # ---- rows -----------------------------------------------------------------------------------

    def _feed_row(self, row: Row) -> None:
        for cell in row.cells:
            for para in cell:
                self._take_images(para.images)
        if self._option_grid(row):
            return
        cells = [cell for cell in _meaningful_cells(row.cells) if cell_text(cell)]
        if not cells:
            return
        if len(cells) == 1:
            in_text_value = self.current is not None and self.current.key not in self.choice_keys
            if in_text_value and cells[0] is _first_filled(row.cells):
                # Text in the label column (or across the row) is a sub-heading such as
                # "Identitas Pemohon", not more of the previous value.
                self._close()
            for para in cells[0]:
                self._feed_line(para, in_table=True)
            return
        labelled = self._label_of_cell(cells[0])
        if labelled and not self._is_option_row(cells):
            key, label, value = labelled
            self._stars = _stars_of(cell_text(cells[0]))
            where = _cell_where(cells[0])
            pending = list(value)
            for cell in cells[1:]:
                pair = self._pair_label(key, cell) if len(cells) >= 3 else None
                if pair is None:
                    pending.extend(cell)
                    continue
                # "Nama | value | Pekerjaan | value": a second label in the row starts a field of its own.
                self._start(key, label, pending, from_row=True, where=where)
                key, label, pending, where = pair[0], pair[1], [], _cell_where(cell)
            self._start(key, label, pending, from_row=True, where=where)
            return
        self._feed_unlabelled_row(cells)

    def _pair_label(self, key: str, cell: list[Para]) -> tuple[str, str] | None:
        """A cell further along a labelled row that is itself a bare label ("Pekerjaan"), not an option of
        the row's own choice field and not a tick."""
        filled = [para for para in cell if para.text.strip()]
        if len(filled) != 1 or MARK_RE.search(filled[0].text) or not _looks_like_pair_label(filled[0].text):
            return None
        if key in self.choice_keys and has_option(key, filled[0].text):
            return None
        split = _split_label(filled[0], allow_bare_label=True, profile=self.profile)
        if split is None or split[2].text.strip():
            return None
        return split[0], split[1]

    def _option_grid(self, row: Row) -> bool:
        """Options side by side in one row and their marks in the row under it ("Melihat | Salinan" over
        "√ | "): each mark belongs to the option above it, which joining the row into one line would lose."""
        current = self.current
        texts = [cell_text(cell) for cell in row.cells]
        pending, self._pending_options = self._pending_options, None
        if current is None or current.key not in self.choice_keys:
            return False
        if pending is not None:
            if len(texts) == len(pending) and any(texts) and all(not t or is_marker_only(t) for t in texts):
                for option, mark in zip(pending, texts):
                    if option:
                        current.value.append(Para(f"{'☑' if MARK_RE.search(mark) and not _is_box(mark) else '☐'} "
                                                  f"{option}", where=row.cells[0][0].where if row.cells[0] else ""))
                return True
            current.value.append(Para("\t".join(pending)))  # not a grid after all: the options as one line
        filled = [t for t in texts if t]
        if len(filled) >= 2 and all(has_option(current.key, t) and not MARK_RE.search(t) for t in filled):
            self._pending_options = texts
            return True
        return False

    def _label_of_cell(self, cell: list[Para]) -> tuple[str, str, list[Para]] | None:
        filled = [para for para in cell if para.text.strip()]
        split = _split_label(filled[0], allow_bare_label=True, profile=self.profile)
        if split is None:
            return None
        key, label, first_value = split
        return key, label, ([first_value] if first_value.text.strip() else []) + filled[1:]

    def _is_option_row(self, cells: list[list[Para]]) -> bool:
        """ "Email | ☑" under a choice field is an option row, not the e-mail address field."""
        if self.current is None or self.current.key not in self.choice_keys:
            return False
        rest = " ".join(cell_text(cell) for cell in cells[1:])
        return has_option(self.current.key, cell_text(cells[0])) and _is_option_value(self.current.key, rest)

    def _feed_unlabelled_row(self, cells: list[list[Para]]) -> None:
        for cell in cells:
            for para in cell:
                if self._take_date_line(para.text, para.where):
                    self._close()
                    return
        if all(len(cell) <= 1 for cell in cells):
            lines = [Para.join(cell[0] if cell else Para() for cell in cells)]
        else:
            lines = [para for cell in cells for para in cell]
        for line in lines:
            # "Label<TAB>value" lines inside a cell (a nested table, a frame) start fields of their own
            if _split_label(line, allow_bare_label=False, profile=self.profile) is not None:
                self._feed_line(line, in_table=True)
            else:
                self._continue_or_close(line, in_table=True)

    # ---- lines ----------------------------------------------------------------------------------

    def _feed_line(self, para: Para, in_table: bool) -> None:
        text = para.text.strip()
        if not text:
            if not in_table and self.current is not None and self.current.key not in self.choice_keys:
                self._closed_by_blank = (para, self.current)  # a text box anchored here may hold its value
                self._close()
            return
        if is_hint_only(text):
            return
        if self._take_date_line(text, para.where) or _TERMINATOR.match(text):
            footnote = _PICK_ONE_FOOTNOTE.match(text)
            if footnote:
                self.pick_one_stars.add(len(footnote.group(1)))
            self._close()
            return
        split = _split_label(para, allow_bare_label=True, profile=self.profile)
        if split is not None and not self._is_option_line(*split):
            key, label, value = split
            self._stars = _stars_of(para.text)
            self._start(key, label, [value] if value.text.strip() else [], from_row=in_table, where=para.where)
            return
        self._note_unread(para)
        self._continue_or_close(para, in_table)

    def _note_unread(self, para: Para) -> None:
        """ "Something : value" whose label is not known: kept, so that a form missing fields is not sent back
        to its applicant when the answers are there under labels the reader does not know."""
        index = _label_colon_index(para.text)
        if index is None:
            return
        label, value = clean_line(para.text[:index]), clean_line(para.text[index + 1 :])
        if label and value and not is_blank_value(value) and len(label.split()) <= 10:
            self.unread.append((label, para.where))

    def _is_option_line(self, key: str, label: str, value: Para) -> bool:
        """ "Email", "☐ Email" or "Email : ☑" under "Cara mendapatkan salinan" is an option, not the
        e-mail field; the label of another choice field never is."""
        current = self.current
        if current is None or current.key not in self.choice_keys or key in self.choice_keys:
            return False
        return has_option(current.key, label) and _is_option_value(current.key, value.text)

    def _continue_or_close(self, para: Para, in_table: bool) -> None:
        current = self.current
        text = para.text.strip()
        if current is None:
            self._unlabelled_line(text)
            return
        if is_hint_only(text):
            return
        if current.key in self.choice_keys:
            if not self._is_sub_heading(text) and (
                has_option(current.key, text)
                or is_marker_only(text)
                or _is_written_answer(current, para, self.profile)
            ):
                current.value.append(para)
                return
            self._close()
            self._feed_line(para, in_table)
            return
        if (
            current.key in self.profile.multiline_keys
            and not _looks_like_heading(text)
            and not _SECTION_A_HEADING.match(text)
        ):
            current.value.append(para)
            return
        self._close()
        self._unlabelled_line(text)

    def _is_sub_heading(self, text: str) -> bool:
        """On forms read with headings ("C. Bila informasi diberikan"), a heading ends the options above it
        even when it repeats an option's words; a line carrying a tick or box is still an option."""
        if not self.profile.headings or MARK_RE.search(text):
            return False
        lettered = re.match(r"^\s*(?:[A-H]|[IVX]{1,4})\.\s", text) is not None
        return lettered or (_looks_like_heading(text) and not has_option(self.current.key, text))

    def _unlabelled_line(self, text: str) -> None:
        """Headings between fields: only the proxy section of an objection form matters."""
        if _KUASA_SECTION.search(text):
            self.section = "kuasa"
        elif _looks_like_heading(text):
            self.section = None

    def _take_date_line(self, text: str, where: str = "") -> bool:
        match = DATE_LINE.fullmatch(clean_line(text))
        if match is None:
            return False
        if self.date_line is None:
            self.date_line = (clean_line(match["tempat"]), clean_line(match["tanggal"]), where)
        return True

    # ---- entries --------------------------------------------------------------------------------

    def _start(self, key: str, label: str, value: list[Para], from_row: bool, where: str = "") -> None:
        self._close()
        if key in SECTION_RESET_KEYS:
            self.section = None
        if self.section == "kuasa":
            key = {"nama": "nama_kuasa", "alamat": "alamat_kuasa", "telepon": "telepon_kuasa",
                   "telepon_email": "telepon_kuasa", "email": "email_kuasa"}.get(key, key)  # fmt: skip
        self.label_seen = True
        self.current = Entry(key, label, list(value), from_row, where, self.block_index, self._stars)
        self._stars = 0

    def _close(self) -> None:
        if self._pending_options is not None and self.current is not None:
            self.current.value.append(Para("\t".join(self._pending_options)))
        self._pending_options = None
        if self.current is not None:
            self.entries.append(self.current)
            self.current = None

    def _take_images(self, rel_ids: Iterable[str]) -> None:
        # Pictures above the first field are the letterhead or logo, not the applicant's ID copy.
        if self.label_seen:
            self.identity_images.extend(rel_ids)


def _is_written_answer(entry: Entry, para: Para, profile: Profile = DEFAULT_PROFILE) -> bool:
    """The first line under an empty choice label is its answer even when it names no option
    ("Telegram"): the reader then says it is not one of the options instead of losing it."""
    if any(p.text.strip() for p in entry.value):
        return False
    return _split_label(para, allow_bare_label=True, profile=profile) is None and not _looks_like_heading(para.text)


def _is_box(mark: str) -> bool:
    found = MARK_RE.search(mark)
    return found is not None and found.group("box") is not None


def _is_option_value(choice_key: str, text: str) -> bool:
    """What follows an option word on its line: nothing, a tick or box, or more options."""
    return not text.strip() or is_marker_only(text) or has_option(choice_key, text)


def _looks_like_pair_label(text: str) -> bool:
    """Short, without digits or an e-mail's @, not a sentence: "Pekerjaan", "No. HP :", "E-mail"."""
    words = BRACKETED.sub(" ", text).split()
    return 0 < len(words) <= 5 and not re.search(r"[\d@]", text) and not text.rstrip().endswith(".")


def _entry_has_text(entry: Entry) -> bool:
    return any(not is_blank_value(clean_line(para.text)) for para in entry.value)


def _cell_where(cell: list[Para]) -> str:
    return next((para.where for para in cell if para.where), "")


# A text box holding the form's title or a heading is read like the body.
_TITLE_BOX = re.compile(r"formulir|permohonan informasi|keberatan|lembar jawaban|daftar informasi", re.IGNORECASE)


def _first_filled(cells: list[list[Para]]) -> list[Para] | None:
    return next((cell for cell in cells if cell_text(cell)), None)


_NUMBERING_CELL = re.compile(r"^(?:\d{1,2}\.?|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$")


def _meaningful_cells(cells: list[list[Para]]) -> list[list[Para]]:
    """Drop the colon column of "label | : | value" and a leading numbering column ("1." | label ...)."""
    kept = [cell for cell in cells if cell_text(cell) not in (":", "：")]
    filled = [cell for cell in kept if cell_text(cell)]
    if len(filled) >= 3 and _NUMBERING_CELL.match(cell_text(filled[0])):
        kept.remove(filled[0])
    return kept
