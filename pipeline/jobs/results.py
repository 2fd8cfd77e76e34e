"""The handler contract's types: the job a handler gets, and the typed result it returns.

A handler (pipeline.kinds) gets one :class:`Job` — the dropped file, its source row and, for forms, the read
document — files what it can and returns an :class:`Outcome`: what was filed, answered or signed, and what was
refused with which reasons (and which notice to write for whom). Only the story (pipeline.story) concludes:
it sets the file aside, keeps a copy aside for the refused part, or clears the inbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.intake.reading import FormDocument
from pipeline.store.db import Source


@dataclass
class Job:
    """One dropped file being handled: its path, its source row, the bytes that were hashed (``data``: what
    is read and archived is exactly what was recognised, whatever happens to the inbox file meanwhile) and,
    for forms, the read document."""

    path: Path
    source: Source
    data: bytes = b""
    document: FormDocument | None = None


@dataclass(frozen=True)
class Notice:
    """A letter written beside the set-aside copy for whoever must act: the 'kurang lengkap' notice to the
    applicant, the correction note to an OPD. ``letter`` is its LetterSpec key, ``args`` its letter context's
    keyword arguments, ``suffix`` tells several notices of one file apart (``baris-4``)."""

    letter: str
    args: dict
    suffix: str = ""


@dataclass(frozen=True)
class Refusal:
    """Why (part of) a file was not filed, in Indonesian for the officer; with the notice to send, if any."""

    reason: str
    notice: Notice | None = None


@dataclass
class Outcome:
    filed: list[str] = field(default_factory=list)        # numbers of new cases
    answered: list[str] = field(default_factory=list)     # cases whose answer was filed
    signed: list[str] = field(default_factory=list)       # "<number> (<doc id>)" of signed copies filed
    refused: list[Refusal] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)      # forms already registered from an earlier file
    notes: list[str] = field(default_factory=list)        # for the officer, e.g. a case registered late
    waiting: str = ""                                     # why the file must wait in the inbox (a full disk)

    @classmethod
    def wait(cls, reason: str) -> Outcome:
        return cls(waiting=reason)

    @classmethod
    def refusal(cls, *reasons: str, notice: Notice | None = None) -> Outcome:
        return cls(refused=[Refusal(reason, notice) for reason in reasons])

    @property
    def done(self) -> bool:
        return bool(self.filed or self.answered or self.signed)

    def add(self, other: Outcome) -> Outcome:
        for name in ("filed", "answered", "signed", "refused", "skipped", "notes"):
            getattr(self, name).extend(getattr(other, name))
        self.waiting = self.waiting or other.waiting
        return self


@dataclass
class FileOutcome:
    """What happened to one dropped file, as the command line reports it."""

    name: str
    filed: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)    # reasons
    notes: list[str] = field(default_factory=list)
    waiting: str = ""                                     # left in the inbox, to be taken again later
    aside: Path | None = None                             # the copy kept in the set-aside folder, if any
