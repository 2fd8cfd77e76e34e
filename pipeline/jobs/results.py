"""What happened to a dropped file, as the story reports it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileOutcome:
    """What happened to one dropped file, for the CLI summary."""

    name: str
    filed: list[str] = field(default_factory=list)       # case numbers
    answered: list[str] = field(default_factory=list)    # case numbers whose answer was filed
    signed: list[str] = field(default_factory=list)      # signed copies filed back
    set_aside: list[str] = field(default_factory=list)   # reasons
    note: str = ""


Notice = tuple[str, list[str], dict]
"""A 'kurang lengkap' notice to write beside a set-aside copy: (name suffix, problems, applicant data)."""
