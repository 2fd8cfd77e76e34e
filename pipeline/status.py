"""Case status and the status board.

A case's status follows from its event log, never from free text:
received → forwarded → answered / extended → closed (and void for a number that could not be completed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .db import Case
from .deadlines import WorkCalendar

RECEIVED, FORWARDED, EXTENDED, ANSWERED, CLOSED, VOID = "diterima", "diteruskan", "diperpanjang", "dijawab", "selesai", "batal"
REPLACED = "diganti"  # a DIP submission superseded by its corrected resubmission
OPEN_STATUSES = (RECEIVED, FORWARDED, EXTENDED, "terdaftar")
_EVENT_STATUS = {
    "filed": RECEIVED,
    "forwarded": FORWARDED,
    "extended": EXTENDED,
    "answered": ANSWERED,
    "closed": CLOSED,
    "published": CLOSED,
    "replaced": REPLACED,
    "voided": VOID,
}
DUE_SOON_DAYS = 3


def status_from_events(events: list[dict]) -> str:
    """The status after the last event that changes it (events in log order)."""
    status = RECEIVED
    for event in events:
        status = _EVENT_STATUS.get(event["event"], status)
    return status


def is_open(case: Case) -> bool:
    return case.status in OPEN_STATUSES


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
