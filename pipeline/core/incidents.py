"""Program errors stay in the log: the record (reason files, void reasons, registers, letters) gets plain
Indonesian and an incident code that points to the log line with the details ("kode kejadian 7F3A9C2E")."""

from __future__ import annotations

import logging
import secrets
from errno import EDQUOT, ENOSPC


def report(log: logging.Logger, what: str, exc: BaseException | None = None) -> str:
    """Log ``what`` with the exception's details under a fresh incident code; return the code."""
    code = secrets.token_hex(4).upper()
    log.error("[kejadian %s] %s%s", code, what, f": {type(exc).__name__}: {exc}" if exc else "",
              exc_info=exc if exc is not None and not isinstance(exc, OSError) else None)
    return code


def out_of_space(exc: BaseException) -> bool:
    """Whether a disk was full, somewhere in the chain of causes: then nothing is voided or set aside, the
    file waits in the inbox until there is room."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (ENOSPC, EDQUOT):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


OUT_OF_SPACE = ("Ruang penyimpanan penuh: berkas ini dibiarkan di folder masuk dan diproses lagi setelah ada ruang. "
                "Beri tahu pengelola sistem.")


def plain_cause(exc: BaseException) -> str:
    """What went wrong, for an officer: no exception names, no paths."""
    name = type(exc).__name__
    if isinstance(exc, OSError) and exc.errno == ENOSPC:
        return "ruang penyimpanan penuh"
    if name == "ConversionError":
        return "surat tidak dapat diubah menjadi PDF"
    if name == "ArchiveError":
        return "arsip tidak dapat ditulis"
    if isinstance(exc, OSError):
        return "berkas tidak dapat dibaca atau ditulis"
    return "terjadi kesalahan program"
