"""Named points between the steps of filing and signing where a kill can fall, for the crash tests.

``crash("setelah-rename")`` ends the process at once, exactly as ``kill -9`` would (no clean-up of any kind), when
the environment names that point in ``PPID_CRASHPOINT``; otherwise it does nothing. The tests kill a run at each
point in turn and check that the next start finishes what was cut off (``tests/test_crash_windows.py``).
"""

from __future__ import annotations

import os

_POINT = os.environ.get("PPID_CRASHPOINT", "")


def crash(point: str) -> None:
    if _POINT and point == _POINT:
        os._exit(137)
