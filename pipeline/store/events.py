"""Case status and the status board.

A case's status follows from its event log, never from free text:
received → forwarded → answered / extended → closed (and void for a number that could not be completed).
"""

from __future__ import annotations

from pipeline.store.db import Case

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



def status_from_events(events: list[dict]) -> str:
    """The status after the last event that changes it (events in log order)."""
    status = RECEIVED
    for event in events:
        status = _EVENT_STATUS.get(event["event"], status)
    return status


def is_open(case: Case) -> bool:
    return case.status in OPEN_STATUSES
