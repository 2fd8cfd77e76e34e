"""Deadlines as rules: what a kind of case is due by, counted in working days from the day it was received.

A kind declares one :class:`DueRule` (pipeline.kinds): the statutory limit (a setting of ``[deadlines]``),
whether it can be extended once, and the internal targets the SOP sets on the way. :func:`deadlines_for`
is the only place the rule is applied — at filing, after an extension, and when the holiday calendar
changes — so every kind keeps its own rule whatever triggers the computation.

UU 14/2008 counts both the request's 10 working days (Pasal 22 ayat 7) and the objection's 30 (Pasal 36
ayat 1) from receipt, so every rule counts from the received date (reference §4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.core.config import DeadlineSettings
from pipeline.core.workdays import WorkCalendar


@dataclass(frozen=True)
class Target:
    """An internal target: ``days`` (a ``[deadlines]`` setting) after receipt, or after an earlier target."""

    name: str
    days: str
    after: str | None = None


@dataclass(frozen=True)
class DueRule:
    days: str                              # the statutory limit: a ``[deadlines]`` setting
    extension: str | None = None           # the setting of the one extension allowed, if any
    targets: tuple[Target, ...] = ()       # the first one is the case's ``forward_due``

    def limit(self, settings: DeadlineSettings) -> int:
        """The working days allowed."""
        return getattr(settings, self.days)

    def extension_limit(self, settings: DeadlineSettings) -> int:
        """The working days the one extension adds (0: none allowed)."""
        return getattr(settings, self.extension) if self.extension else 0


@dataclass(frozen=True)
class Deadlines:
    due: date
    targets: dict[str, date]

    @property
    def forward_due(self) -> date | None:
        return next(iter(self.targets.values()), None)

    def targets_iso(self) -> dict[str, str]:
        return {name: day.isoformat() for name, day in self.targets.items()}


def deadlines_for(rule: DueRule, calendar: WorkCalendar, settings: DeadlineSettings, received: date, *,
                  extended: bool = False) -> Deadlines:
    """The due date and internal targets of a case received on ``received`` under ``calendar``."""
    add = calendar.add_working_days
    due = add(received, rule.limit(settings))
    if extended and rule.extension:
        due = add(due, rule.extension_limit(settings))
    targets: dict[str, date] = {}
    for target in rule.targets:
        start = targets[target.after] if target.after else received
        targets[target.name] = add(start, getattr(settings, target.days))
    return Deadlines(due, targets)
