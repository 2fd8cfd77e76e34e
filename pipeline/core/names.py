"""File names as safe text: readable (no broken bytes, no control characters) and masked (no NIK or
phone number), so a name can be stored, logged and shown without leaking personal data."""

from __future__ import annotations

import re


def readable_name(name: str) -> str:
    """A file name as one line of text: bytes that are not UTF-8 (a name written by an old client on the
    share, kept by Python as surrogates) and control characters (a line break would forge a log line)
    become U+FFFD, so the name can be stored, logged and printed."""
    return _CONTROL.sub("\ufffd", name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def masked_name(name: str) -> str:
    """Hide digit runs of 8 or more (NIK, phone) in a file name: ``ktp_5171…`` -> ``ktp_xxxxxxxx``."""
    return re.sub(r"\d[\d .-]{6,}\d", lambda m: "x" * 8 if sum(c.isdigit() for c in m.group()) >= 8 else m.group(),
                  readable_name(name))
