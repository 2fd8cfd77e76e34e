"""Choice options and tick marks, and reading which options of a choice field are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.intake.reading.text import LEADING_NUMBERING, Para, is_blank_value


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
}
OPTION_PATTERNS = {
    key: [(option, re.compile(pattern, re.IGNORECASE)) for option, pattern in options]
    for key, options in _CHOICE_OPTIONS.items()
}
# How many distinct options an unmarked value must list to be the printed list rather than an answer.
_PRINTED_LIST_MINIMUM = {"cara_memperoleh": 2, "cara_salinan": 3, "alasan": 3, "keputusan": 3, "bentuk": 2}
_TICK_CHARS = "☑☒✓✔√✗✘⊠■✅🗹"
_BOX_CHARS = "☐□❏◻○"
MARK_RE = re.compile(
    rf"(?P<tick>[{_TICK_CHARS}]|[\[(]\s*[xXvV✓✔√]\s*[\])]|(?<![\w/])[xXvV](?![\w.]))"
    rf"|(?P<box>[{_BOX_CHARS}]|\[\s*\]|\(\s*\))"
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


def read_choice(choice_key: str, label: str, paragraphs: list[Para], printed: bool) -> tuple[list[str], list[str]]:
    """Ticked option keys of one choice field, and notes for the officer.

    `printed` says whether the value may be the printed option list itself (Word forms): then an
    unmarked list of all options means "not filled in" rather than "all chosen".
    """
    flat = Para.join(paragraphs, "\n")
    text = INSTRUCTION_RE.sub(lambda m: " " * len(m.group()), flat.text)
    if choice_key == "alasan":
        letters = _reason_letters(text)
        if letters:
            return letters, []
    occurrences = _find_occurrences(choice_key, text, flat.struck)
    ticks, boxes, loose_ticks = _assign_marks(text, occurrences)
    # An empty choice needs no note: validation already reports an unticked choice field.
    if not occurrences:
        if loose_ticks or not is_blank_value(MARK_RE.sub("", text)):
            return [], [f"Isian '{label}' tidak dikenali sebagai salah satu pilihan yang tersedia."]
        return [], []
    struck = [occ for occ in occurrences if occ.struck]
    if ticks:
        return _distinct(occ.option for occ in occurrences if id(occ) in ticks), []
    if struck:
        if len(struck) == len(occurrences):
            return [], [f"Semua pilihan pada '{label}' dicoret; sisakan pilihan yang dikehendaki."]
        return _distinct(occ.option for occ in occurrences if not occ.struck), []
    if boxes:
        return [], []
    chosen = _distinct(occ.option for occ in occurrences)
    if printed and len(chosen) >= _PRINTED_LIST_MINIMUM[choice_key]:
        return [], []  # the printed option list, left unmarked
    return chosen, []


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


def _assign_marks(text: str, occurrences: list[_Occurrence]) -> tuple[set[int], set[int], int]:
    """Give every tick or empty box found between options to the option it belongs to.

    A mark on the same line as only one neighbouring option belongs to that option. Between two
    options on one line the form's style decides: marks before their options ("☑ Pos") or after
    them ("Pos (x)"), judged from the first and last options.
    Returns ids of ticked occurrences, ids of occurrences with an empty box, and unassigned ticks.
    """
    ticked: set[int] = set()
    boxed: set[int] = set()
    loose = 0
    bounds = [0] + [b for occ in occurrences for b in (occ.start, occ.end)] + [len(text)]
    marks_before = _marks_lead(text, occurrences)
    for gap in range(len(occurrences) + 1):
        gap_start, gap_end = bounds[2 * gap], bounds[2 * gap + 1]
        previous = occurrences[gap - 1] if gap > 0 else None
        following = occurrences[gap] if gap < len(occurrences) else None
        for mark in MARK_RE.finditer(text, gap_start, gap_end):
            owner = _mark_owner(text, mark.start(), previous, following, marks_before)
            if owner is None:
                loose += mark.group("tick") is not None
            elif mark.group("tick"):
                ticked.add(id(owner))
            else:
                boxed.add(id(owner))
    return ticked, boxed, loose


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position)


def _marks_lead(text: str, occurrences: list[_Occurrence]) -> bool:
    if not occurrences:
        return True
    first, last = occurrences[0], occurrences[-1]
    line_start = text.rfind("\n", 0, first.start) + 1
    if MARK_RE.search(text, line_start, first.start):
        return True
    line_end = text.find("\n", last.end)
    return not MARK_RE.search(text, last.end, len(text) if line_end < 0 else line_end)


def _mark_owner(
    text: str, position: int, previous: _Occurrence | None, following: _Occurrence | None, marks_before: bool
) -> _Occurrence | None:
    line = _line_of(text, position)
    same_as_previous = previous is not None and _line_of(text, previous.end) == line
    same_as_following = following is not None and _line_of(text, following.start) == line
    if same_as_following and not same_as_previous:
        return following
    if same_as_previous and not same_as_following:
        return previous
    if marks_before:
        return following or previous
    return previous or following
