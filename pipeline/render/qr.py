"""The QR code printed on every draft: its document ID, so a signed scan finds its way back.

Every drafted letter carries a document ID (``DOK-2026-000123``, see ``db.letter_number``); drafts that need
a wet signature are printed with a QR code of that ID in the footer (read back by :mod:`pipeline.intake.scans`).
"""

from __future__ import annotations

import io
import math

import segno

from pipeline.core.numbering import DOC_ID_PATTERN

# The QR code printed on a draft
# ---------------------------------------------------------------------------------------------

QR_MIN_DPI = 300          # the PNG is rendered at the smallest whole pixels-per-module giving >= this
QR_QUIET_ZONE = 4         # modules of white border, as the QR standard asks; part of size_mm


def qr_png(doc_id: str, *, size_mm: float = 18) -> bytes:
    """A PNG QR code (error correction Q) holding exactly ``doc_id``, ``size_mm`` wide including its quiet zone.

    A document ID is alphanumeric-mode data, so the symbol is version 1 (21 modules, 29 with the quiet
    zone): 0.62 mm a module at 18 mm, about 5 pixels a module on a 200-dpi scan. The module scale is
    the smallest whole number of pixels reaching ``QR_MIN_DPI`` (8 px a module, ~327 dpi at 18 mm) and
    the PNG's pHYs chunk carries the exact dpi, so the picture prints at ``size_mm``.
    """
    if not DOC_ID_PATTERN.fullmatch(doc_id):
        raise ValueError(f"not a document ID: {doc_id!r}")
    if size_mm <= 0:
        raise ValueError("size_mm must be positive")
    qr = segno.make_qr(doc_id, error="q", boost_error=False)
    modules = qr.symbol_size(scale=1, border=QR_QUIET_ZONE)[0]
    scale = math.ceil(QR_MIN_DPI * size_mm / 25.4 / modules)
    dpi = round(modules * scale / (size_mm / 25.4))
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=QR_QUIET_ZONE, dpi=dpi)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
