"""The kind contract: what each kind of case declares, once, for the one filing transaction to use.

A kind (pipeline.kinds: request, objection, DIP list, DIP recap, DIK proposal) is a :class:`Kind`. The filing
transaction (pipeline.jobs.filing) numbers, plans, stages, drafts and commits any case from it; recomputing
due dates after a calendar change, the status board, the registers and the report ask it for its rules.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from typing import Callable

from pipeline.core.config import Config
from pipeline.core.deadlines import DueRule
from pipeline.intake.reading import FormRecord
from pipeline.jobs.context import Context
from pipeline.jobs.drafts import Draft
from pipeline.jobs.results import Notice, Outcome
from pipeline.render.letters import LetterSpec
from pipeline.store.archive import Staging
from pipeline.store.db import Case


def _nothing(*args) -> None:
    return None


@dataclass(frozen=True)
class Kind:
    name: str
    """The case's kind and its register (numbers run per register and year)."""
    label: str
    """The kind as a title (a print bundle's cover): "Permohonan Informasi Publik", never the code."""
    number_pattern: Callable[[Config], str]
    folder: Callable[[Config, Case], str]
    """The case folder inside the archive (a rule of pipeline.store.paths)."""
    due: DueRule | None = None
    """The statutory deadline and the SOP's internal targets, counted from receipt; None: no deadline."""
    letters: Callable[[Context, Case], tuple[LetterSpec, ...]] = lambda ctx, case: ()
    letter_args: Callable[[Context, Case], dict] = lambda ctx, case: {}
    """Keyword arguments for the letter context (``request=``, ``objection=``, ``daftar=``...)."""
    assess: Callable[[Context, Case], tuple[dict, dict]] = lambda ctx, case: ({}, {})
    """What the kind adds when the case is planned: (case data, the ``deadlines`` event's detail)."""
    stage_files: Callable[[Context, Case, Staging], None] = _nothing
    """Files of the kind's own, written into the staging folder (e.g. the recap workbook)."""
    filed_events: Callable[[Context, Case, list[Draft]], list[tuple[str, dict]]] = lambda ctx, case, drafts: []
    """Events logged just before the folder is committed (e.g. ``forwarded`` with the letter's ID)."""
    on_filed: Callable[[Context, Case], Outcome | None] = _nothing
    """Done once the case is filed (link an objection to its request, rebuild the DIP recap...)."""
    on_signed: Callable[[Context, Case, str], None] = _nothing
    """Done when the signed copy of one of its letters (by letter key) is filed (e.g. publish the DIP)."""
    validate: Callable[[Context, FormRecord], tuple[dict | None, list[str]]] | None = None
    """Forms: the case data of one form, or the problems that keep it from being filed."""
    notice: Callable[[FormRecord, list[str]], Notice | None] = lambda record, problems: None
    """Forms: the notice to whoever must complete an incomplete form (the applicant), if any."""
    source_once: bool = False
    """A file holding several forms (a workbook) is archived once, and each of its cases links to it."""
    sameness: Callable[[dict], dict] | None = None
    """Forms: the fingerprints that recognise a form sent again (see :func:`fingerprints`)."""


def case_data(form) -> dict:
    """A validated form (a dataclass holding dates) as the case's JSON data."""
    return _jsonable(asdict(form))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def fingerprints(identity: str, *content: str) -> dict:
    """``{"pemohon": …, "isi": …}``: digests of the applicant's identity and of the form's content, so the same
    form sent again (a trailing space, another file, a corrected workbook) is recognised without keeping the
    identity in clear a second time."""
    applicant = _digest(_plain(identity))
    return {"pemohon": applicant, "isi": _digest(applicant, *(_plain(part) for part in content))}


def _plain(text: str | None) -> str:
    """Text as a reader compares it: case, accents, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
