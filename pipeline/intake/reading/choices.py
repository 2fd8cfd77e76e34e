"""Choice options and tick marks, and reading which options of a choice field are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.core.vocab import ALASAN_KEBERATAN, CARA_MEMPEROLEH, CARA_SALINAN, DECISION_TEXT, JENIS_PEMOHON
from pipeline.intake.reading.docx import BULLET_TICK, SHAPE_MARK
from pipeline.intake.reading.text import BOX_CHARS, EMPHASIS_NAMES, LEADING_NUMBERING, TICK_CHARS, Para, is_blank_value

_CHOICE_OPTIONS: dict[str, list[tuple[str, str]]] = {
    "cara_memperoleh": [
        ("melihat", r"melihat|membaca|mendengarkan|mencatat"),
        ("salinan", r"salinan|hard\s*-?\s*copy|soft\s*-?\s*copy|foto\s*-?\s*kopi|fotocopy"),
    ],
    "cara_salinan": [
        ("mengambil_langsung", r"mengambil\s+(?:sendiri|langsung)|ambil\s+langsung|diambil|langsung"),
        ("kurir", r"kurir|ekspedisi"),
        ("pos", r"\bpos\b"),
        ("faksimili", r"faksimil[ie]|facsimile|\bfax\b|\bfaks\b"),
        ("email", r"e\s*-?\s*mail|surel|surat elektronik"),
        ("whatsapp", r"whats\s*app|\bwa\b"),
    ],
    # UU KIP Pasal 35(1) a-g, as printed on objection forms.
    "alasan": [
        ("a", r"ditolak"),
        ("b", r"berkala"),
        ("c", r"tidak\s+ditanggapi"),
        ("d", r"tidak\s+sebagaimana"),
        ("e", r"tidak\s+dipenuhi"),
        ("f", r"biaya"),
        ("g", r"melebihi|jangka\s+waktu"),
    ],
    # Answer sheet: the PPID Pelaksana's decision (UU KIP Pasal 22(7)) and the form of the information.
    "keputusan": [
        ("sebagian", r"(?:diberikan\s+)?sebagian"),
        ("diberikan", r"(?:diberikan\s+)?seluruh(?:nya)?|\bdiberikan\b|dikabulkan"),
        ("ditolak", r"ditolak|penolakan|dikecualikan"),
        ("tidak-dikuasai", r"(?:belum|tidak)(?:\s*/\s*(?:belum|tidak))?[\s-]+(?:di)?kuasai|tidak\s+menguasai"),
        ("belum-didokumentasikan", r"(?:belum|tidak)[\s-]+didokumentasikan"),
        ("perpanjangan", r"perpanjang(?:an)?|diperpanjang"),
    ],
    "bentuk": [
        ("softcopy", r"soft\s*-?\s*copy|elektronik|digital"),
        ("hardcopy", r"hard\s*-?\s*copy|cetak|foto\s*-?\s*kopi|fotocopy"),
    ],
    # Who applies: a person, or an organisation / legal entity.
    "jenis_pemohon": [
        ("perorangan", r"perorangan|pribadi|individu|perseorangan"),
        ("organisasi", r"badan\s+hukum|organisasi"),
    ],
}
# Choices that take exactly one option: more than one mark is never guessed ("pilih salah satu").
SINGLE_CHOICES = frozenset({"cara_memperoleh", "keputusan", "jenis_pemohon"})
_OPTION_LABELS = {
    "cara_memperoleh": CARA_MEMPEROLEH, "cara_salinan": CARA_SALINAN, "alasan": ALASAN_KEBERATAN,
    "keputusan": DECISION_TEXT, "bentuk": {"softcopy": "Softcopy", "hardcopy": "Hardcopy"},
    "jenis_pemohon": JENIS_PEMOHON,
}  # fmt: skip


def option_label(choice_key: str, option: str) -> str:
    """An option as printed on the form ("Mendapatkan salinan informasi (hardcopy/softcopy)")."""
    return _OPTION_LABELS.get(choice_key, {}).get(option, option)
OPTION_PATTERNS = {
    key: [(option, re.compile(pattern, re.IGNORECASE)) for option, pattern in options]
    for key, options in _CHOICE_OPTIONS.items()
}
# How many distinct options an unmarked value must list to be the printed list rather than an answer.
_PRINTED_LIST_MINIMUM = {"cara_memperoleh": 2, "cara_salinan": 3, "alasan": 3, "keputusan": 3, "bentuk": 2,
                         "jenis_pemohon": 2}
MARK_RE = re.compile(
    rf"(?P<tick>[{TICK_CHARS}]|[\[(]\s*[xXvV✓✔√]\s*[\])]|(?<![\w/])[xXvV](?![\w.]))"
    rf"|(?P<box>[{BOX_CHARS}]|\[\s*\]|\(\s*\))"
)
# Printed instructions inside a choice value ("(beri tanda √)") must not count as a tick.
INSTRUCTION_RE = re.compile(
    r"\([^()]*(?:tanda|coret|pilih|centang|lingkari|salah satu)[^()]*\)", re.IGNORECASE
)


def has_option(choice_key: str, text: str) -> bool:
    masked = INSTRUCTION_RE.sub(" ", text)
    return any(pattern.search(masked) for _, pattern in OPTION_PATTERNS[choice_key])


def is_marker_only(text: str) -> bool:
    rest = MARK_RE.sub("", INSTRUCTION_RE.sub("", text))
    return text.strip() != "" and not re.sub(r"[\W_]", "", LEADING_NUMBERING.sub("", rest))


@dataclass
class _Occurrence:
    option: str
    start: int
    end: int
    struck: bool


@dataclass
class ChoiceReading:
    """What one choice field says: the chosen options, and what a person must know about them."""

    options: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # problems the form's sender must fix
    weak: list[str] = field(default_factory=list)  # read by a weaker rule (bold, a drawn circle, ...)
    unplaced: list[str] = field(default_factory=list)  # marks the reader could not place: for the officer


def read_choice(choice_key: str, label: str, paragraphs: list[Para], printed: bool,
                single: bool | None = None) -> ChoiceReading:
    """The marked options of one choice field, and notes for the officer.

    `printed` says whether the value may be the printed option list itself (Word forms): then an
    unmarked list of all options means "not filled in" rather than "all chosen". `single` (by default
    from SINGLE_CHOICES) says the field takes exactly one option: two marks are then never guessed.
    """
    reading = _read_marks(choice_key, label, paragraphs, printed)
    single = choice_key in SINGLE_CHOICES if single is None else single
    if single and len(reading.options) > 1:
        marked = " dan ".join(f"'{option_label(choice_key, option)}'" for option in reading.options)
        reading.notes.append(
            f"Isian '{label}' bertanda pada lebih dari satu pilihan ({marked}), padahal hanya satu yang boleh "
            "dipilih; pemohon perlu menegaskan satu pilihan saja."
        )
        reading.options, reading.weak = [], []
    return reading


def _read_marks(choice_key: str, label: str, paragraphs: list[Para], printed: bool) -> ChoiceReading:
    flat = Para.join(paragraphs, "\n")
    text = INSTRUCTION_RE.sub(lambda m: " " * len(m.group()), flat.text)
    shape_lines = [_line_of(text, m.start()) for m in re.finditer(SHAPE_MARK, text)]
    bullet_positions = [m.start() for m in re.finditer(BULLET_TICK, text)]
    text = text.replace(SHAPE_MARK, " ").replace(BULLET_TICK, " ")
    if choice_key == "alasan":
        letters = _reason_letters(text)
        if letters:
            return ChoiceReading(letters)
    occurrences = _find_occurrences(choice_key, text, flat.struck)
    ticks, boxes, loose_ticks, unclear = _assign_marks(text, occurrences)
    if unclear:
        return ChoiceReading(unplaced=[
            f"Tanda pada isian '{label}' berada di antara dua pilihan pada satu baris sehingga tidak jelas pilihan "
            "mana yang ditandai; periksa formulir aslinya dan catat pilihan pemohon."
        ])
    # An empty choice needs no note: validation already reports an unticked choice field.
    if not occurrences:
        if loose_ticks or not is_blank_value(MARK_RE.sub("", text)):
            return ChoiceReading(notes=[f"Isian '{label}' tidak dikenali sebagai salah satu pilihan yang tersedia."])
        return ChoiceReading()
    struck = [occ for occ in occurrences if occ.struck]
    if ticks:
        return ChoiceReading(_distinct(occ.option for occ in occurrences if id(occ) in ticks))
    if struck:
        if len(struck) == len(occurrences):
            return ChoiceReading(notes=[f"Semua pilihan pada '{label}' dicoret; sisakan pilihan yang dikehendaki."])
        return ChoiceReading(_distinct(occ.option for occ in occurrences if not occ.struck))
    weak = _weak_marks(choice_key, label, text, flat, occurrences, shape_lines, bullet_positions)
    if weak is not None:
        return weak
    if boxes:
        return ChoiceReading()
    chosen = _distinct(occ.option for occ in occurrences)
    if printed and len(chosen) >= _PRINTED_LIST_MINIMUM[choice_key]:
        return ChoiceReading()  # the printed option list, left unmarked
    return ChoiceReading(chosen)


def _weak_marks(choice_key: str, label: str, text: str, flat: Para, occurrences: list[_Occurrence],
                shape_lines: list[int], bullet_positions: list[int]) -> ChoiceReading | None:
    """Options marked without a tick or a strike: a bullet that is a tick, a circle drawn around the option,
    or the chosen option emphasised (bold, underlined, highlighted, coloured) while the others are plain.
    None when nothing of the kind is there."""
    if bullet_positions:
        marked = [occ for occ in occurrences if any(_line_of(text, pos) == _line_of(text, occ.start)
                                                     for pos in bullet_positions)]
        if marked and len({occ.option for occ in marked}) < len({occ.option for occ in occurrences}):
            options = _distinct(occ.option for occ in marked)
            return ChoiceReading(options, weak=[_weak_note(choice_key, label, options, "simbol centang pada butir daftar")])
    if shape_lines:
        options, unclear = [], False
        for line in shape_lines:
            on_line = _distinct(occ.option for occ in occurrences if _line_of(text, occ.start) == line)
            if len(on_line) == 1:
                options.append(on_line[0])
            else:
                unclear = True
        if unclear or not options:
            return ChoiceReading(unplaced=[
                f"Pada isian '{label}' ada lingkaran atau kotak yang digambar, tetapi tidak jelas pilihan mana "
                "yang dilingkari; periksa formulir aslinya dan catat pilihan pemohon."
            ])
        options = _distinct(options)
        return ChoiceReading(options, weak=[_weak_note(choice_key, label, options, "lingkaran/kotak yang digambar")])
    if not flat.emphasis:
        return None
    for bit, name in EMPHASIS_NAMES.items():
        marked = [occ for occ in occurrences if _all_emphasised(flat, text, occ, bit)]
        distinct_marked = {occ.option for occ in marked}
        if marked and len(distinct_marked) < len({occ.option for occ in occurrences}) and not any(
            occ.option in distinct_marked for occ in occurrences if occ not in marked
        ):
            options = _distinct(occ.option for occ in marked)
            return ChoiceReading(options, weak=[_weak_note(choice_key, label, options, name)])
    return None


def _all_emphasised(flat: Para, text: str, occ: _Occurrence, bit: int) -> bool:
    letters = [i for i in range(occ.start, occ.end) if text[i].isalnum()]
    return bool(letters) and all(flat.emphasis_at(i) & bit for i in letters)


def _weak_note(choice_key: str, label: str, options: list[str], how: str) -> str:
    chosen = ", ".join(f"'{option_label(choice_key, option)}'" for option in options)
    return (f"Pilihan '{label}' dibaca dari {how} pada {chosen}, bukan dari tanda centang atau coretan; "
            "cocokkan dengan formulir aslinya.")


_REASON_SEPARATORS = re.compile(r"[\s,;/&+]+|\bdan\b")
_REASON_LETTER = re.compile(r"\(?([a-g])[.)]?")


def _reason_letters(text: str) -> list[str]:
    """Objection reasons written as their letters ("a, c", "b dan d", "huruf e"), as on the Excel form,
    in form order; [] when the text is anything else."""
    words = [w for w in _REASON_SEPARATORS.split(text.strip().lower()) if w]
    if words[:1] == ["huruf"]:
        words = words[1:]
    matches = [_REASON_LETTER.fullmatch(word) for word in words]
    if not matches or not all(matches):
        return []
    return sorted({match.group(1) for match in matches})


def _distinct(options: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(options))


def _find_occurrences(choice_key: str, text: str, struck: tuple[bool, ...]) -> list[_Occurrence]:
    """Option mentions in form order; adjacent mentions of one option ("hardcopy/softcopy") merge."""
    matches: list[tuple[int, int, str]] = []
    for option, pattern in OPTION_PATTERNS[choice_key]:
        matches.extend((m.start(), m.end(), option) for m in pattern.finditer(text))
    matches.sort(key=lambda m: (m[0], -m[1]))
    occurrences: list[_Occurrence] = []
    last_end = -1
    for start, end, option in matches:
        if start < last_end:
            continue
        fully_struck = all(struck[i] for i in range(start, end) if text[i].isalnum())
        previous = occurrences[-1] if occurrences else None
        if previous and previous.option == option and _joinable(text[previous.end : start]):
            previous.end, previous.struck = end, previous.struck and fully_struck
        else:
            occurrences.append(_Occurrence(option, start, end, fully_struck))
        last_end = end
    return occurrences


def _joinable(between: str) -> bool:
    return "\n" not in between and not MARK_RE.search(between)


def _assign_marks(text: str, occurrences: list[_Occurrence]) -> tuple[set[int], set[int], int, int]:
    """Give every tick or empty box found between options to the option it belongs to.

    A mark on the same line as only one neighbouring option belongs to that option. Between two
    options on one line the form's style decides: marks before their options ("☑ Pos") or after
    them ("Pos (x)"), judged from the first and last options; with no style to judge by ("Melihat √ Salinan"),
    the mark is not given to either (never guessed).
    Returns ids of ticked occurrences, ids of occurrences with an empty box, unassigned ticks, and ticks
    between two options that could belong to either.
    """
    ticked: set[int] = set()
    boxed: set[int] = set()
    loose = unclear = 0
    bounds = [0] + [b for occ in occurrences for b in (occ.start, occ.end)] + [len(text)]
    style = _mark_style(text, occurrences)
    for gap in range(len(occurrences) + 1):
        gap_start, gap_end = bounds[2 * gap], bounds[2 * gap + 1]
        previous = occurrences[gap - 1] if gap > 0 else None
        following = occurrences[gap] if gap < len(occurrences) else None
        for mark in MARK_RE.finditer(text, gap_start, gap_end):
            owner = _mark_owner(text, mark, previous, following, style)
            if owner is _UNCLEAR:
                unclear += mark.group("tick") is not None
            elif owner is None:
                loose += mark.group("tick") is not None
            elif mark.group("tick"):
                ticked.add(id(owner))
            else:
                boxed.add(id(owner))
    return ticked, boxed, loose, unclear


_UNCLEAR = _Occurrence("", -1, -1, False)


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position)


def _gap_before(text: str, position: int) -> int:
    """Spaces between a mark and the word before it; a separator such as "/" puts it far away."""
    run = len(text[:position]) - len(text[:position].rstrip(" \t"))
    before = text[position - run - 1] if position - run - 1 >= 0 else ""
    return run if before.isalnum() or before in ")]" else 99


def _gap_after(text: str, position: int) -> int:
    run = len(text[position:]) - len(text[position:].lstrip(" \t"))
    after = text[position + run] if position + run < len(text) else ""
    return run if after.isalnum() or after in "([" else 99


def _mark_style(text: str, occurrences: list[_Occurrence]) -> str | None:
    """ "before" when a mark stands before the first option of its line, "after" when one follows the last
    option of its line, None when the form shows neither."""
    if not occurrences:
        return "before"
    first, last = occurrences[0], occurrences[-1]
    line_start = text.rfind("\n", 0, first.start) + 1
    if MARK_RE.search(text, line_start, first.start):
        return "before"
    line_end = text.find("\n", last.end)
    if MARK_RE.search(text, last.end, len(text) if line_end < 0 else line_end):
        return "after"
    if any(MARK_RE.search(text, text.rfind("\n", 0, occ.start) + 1, occ.start) for occ in occurrences
           if _line_of(text, occ.start) != _line_of(text, first.start) or occ is first):
        return "before"
    return None


def _mark_owner(
    text: str, mark: re.Match, previous: _Occurrence | None, following: _Occurrence | None, style: str | None
) -> _Occurrence | None:
    line = _line_of(text, mark.start())
    same_as_previous = previous is not None and _line_of(text, previous.end) == line
    same_as_following = following is not None and _line_of(text, following.start) == line
    if same_as_following and not same_as_previous:
        return following
    if same_as_previous and not same_as_following:
        return previous
    if same_as_previous and same_as_following and style is None:
        # no style to judge by: the mark belongs to the option it clearly sits against ("Kurir  [x] Pos")
        before, after = _gap_before(text, mark.start()), _gap_after(text, mark.end())
        if before <= 1 < after:
            return previous
        if after <= 1 < before:
            return following
        return _UNCLEAR
    if style == "after":
        return previous or following
    return following or previous
