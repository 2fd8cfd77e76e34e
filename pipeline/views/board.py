"""The status board: open cases with their working days left, the overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.core.workdays import WorkCalendar
from pipeline.store.db import Case
from pipeline.store.events import is_open

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class BoardRow:
    case: Case
    working_days_left: int
    overdue: bool
    due_soon: bool

    def as_json(self) -> dict:
        return {**self.case.as_json(), "sisa_hari_kerja": self.working_days_left,
                "terlambat": self.overdue, "segera_jatuh_tempo": self.due_soon}


def board(cases: list[Case], calendar: WorkCalendar, today: date) -> list[BoardRow]:
    """Open cases with their working days left, the overdue first (most overdue on top), then by due date."""
    rows = []
    for case in cases:
        if not is_open(case) or case.due is None:
            continue
        left = calendar.working_days_between(today, case.due)
        overdue = case.due < today
        rows.append(BoardRow(case, left, overdue, not overdue and left <= DUE_SOON_DAYS))
    return sorted(rows, key=lambda r: (not r.overdue, r.case.due, r.case.number))
