"""A case's state follows from its event log, and only from it: one function turns events into state.

The archive is the record: each case folder's ``manifest.json`` says what the case was when filed (its data,
due date and internal target) and its ``events.jsonl`` what happened since. :func:`apply_event` is the one
rule for what an event does to a case; the live path applies each new event with it (pipeline.store.ledger)
and ``ppid reindex`` replays every log with it, so a rebuilt database holds the same cases by construction.

The event vocabulary (``event`` key of each line; the rest of the line is its detail):

=================  ====================================================================================
received           the file arrived (``berkas``, ``sha256``, ``tanggal_diterima``, ``baris``)
numbered           the number was given (``nomor``, ``register``, ``urut``)
deadlines          the due dates the case was given when filed
rendered           letters drafted (``surat``, ``dokumen``: their document IDs)
converted          letters converted to PDF/A and print PDF (``tools``: versions)
filed              the folder is in the archive                                     -> diterima
forwarded          a draft went to its next hand (``kepada``, ``dokumen``)          -> diteruskan
answered           the answer was filed (``keputusan``, ``keputusan_rinci``)        -> dijawab; data.jawaban
extended           the one extension (``tenggat_semula``, ``tenggat_baru``, ``alasan``) -> diperpanjang; due
due_recomputed     the holiday calendar changed (``tenggat_baru``, ``target_baru``, ``target_internal_baru``)
objected           an objection names this request (``keberatan``)                   data.keberatan
signed             a signed copy was filed (``dokumen``, ``surat``, ``berkas``, ``tanda_tangan``)
closed             the signed copy that ends the case was filed                     -> selesai
published          the signed SK DIP/DIK was filed                                  -> selesai
publication        the DIP was published (``berkas``)
replaced           superseded by a newer list or recap (``oleh`` or ``sebab``)      -> diganti
voided             registered by mistake: ``ppid batal`` (``alasan``)               -> batal; the reason
handed_over        the information was handed over: ``ppid serahkan`` (``tanggal``, ``bentuk``, ``cara``,
                   ``halaman``, ``tarif``, ``biaya_kirim``, ``biaya_lain``, ``cara_bayar``, ``dokumen``)
                                                                                    data.penyerahan
letter_numbered    the issuing office gave a letter its number: ``ppid nomor`` (``dokumen``, ``nomor``)
                                                                                    data.nomor_surat
submitted          the DIP went to the Atasan PPID: ``ppid dip ajukan`` (``dokumen``, ``kepada``)
                                                                                    data.diajukan
dispute_filed      a dispute went to the Komisi Informasi: ``ppid sengketa`` (``tanggal``, ``nomor``)
                                                                                    data.sengketa
dispute_decided    the Komisi Informasi decided it (``tanggal``, ``putusan``)        data.sengketa
=================  ====================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.store.db import STAGING, VOID, Case

RECEIVED, FORWARDED, EXTENDED, ANSWERED, CLOSED = "diterima", "diteruskan", "diperpanjang", "dijawab", "selesai"
REPLACED = "diganti"  # a DIP list superseded by its corrected resubmission, an unsigned recap by a newer one
OPEN_STATUSES = (RECEIVED, FORWARDED, EXTENDED)
_STATUS_OF = {
    "filed": RECEIVED,
    "forwarded": FORWARDED,
    "extended": EXTENDED,
    "answered": ANSWERED,
    "closed": CLOSED,
    "published": CLOSED,
    "replaced": REPLACED,
    "voided": VOID,
}

__all__ = ["ANSWERED", "CLOSED", "EXTENDED", "FORWARDED", "OPEN_STATUSES", "RECEIVED", "REPLACED", "STAGING", "VOID",
           "CaseState", "apply_event", "detail_of", "is_open", "replay", "state_of_case"]


@dataclass(frozen=True)
class CaseState:
    """What the database keeps of a case that its events can change."""

    status: str = STAGING
    due: str | None = None            # ISO dates, as in the manifest and the log
    forward_due: str | None = None
    data: dict = field(default_factory=dict)
    void_reason: str | None = None

    @classmethod
    def as_filed(cls, manifest: dict) -> CaseState:
        """The state a manifest's header describes, before any event."""
        return cls(STAGING, manifest.get("tenggat"), manifest.get("target_internal"), dict(manifest.get("data") or {}))


def detail_of(entry: dict) -> dict:
    """An event line without its time and name."""
    return {k: v for k, v in entry.items() if k not in ("at", "event")}


def apply_event(state: CaseState, entry: dict) -> CaseState:
    """The state after one event."""
    event = entry["event"]
    status = _STATUS_OF.get(event, state.status)
    data, due, forward_due, void_reason = state.data, state.due, state.forward_due, state.void_reason
    if event == "voided":
        void_reason = entry.get("alasan") or ""
    elif event == "answered":
        data = {**data, "jawaban": entry.get("keputusan_rinci") or {"keputusan": entry.get("keputusan")}}
    elif event == "extended":
        due = entry["tenggat_baru"]
        data = {**data, "perpanjangan": {"alasan": entry.get("alasan"), "tenggat_semula": entry.get("tenggat_semula"),
                                         "tenggat_baru": entry["tenggat_baru"]}}
    elif event == "due_recomputed":
        due = entry.get("tenggat_baru") or due
        forward_due = entry.get("target_baru") or forward_due
        if entry.get("target_internal_baru"):
            data = {**data, "target_internal": entry["target_internal_baru"]}
    elif event == "objected" and entry.get("keberatan") not in data.get("keberatan", []):
        data = {**data, "keberatan": [*data.get("keberatan", []), entry["keberatan"]]}
    elif event in _DATA_EVENTS:
        data = _DATA_EVENTS[event](data, detail_of(entry))
    return CaseState(status, due, forward_due, data, void_reason)


def _handed_over(data: dict, detail: dict) -> dict:
    return {**data, "penyerahan": detail}


def _letter_numbered(data: dict, detail: dict) -> dict:
    return {**data, "nomor_surat": {**data.get("nomor_surat", {}), detail["dokumen"]: detail["nomor"]}}


def _submitted(data: dict, detail: dict) -> dict:
    return {**data, "diajukan": detail}


def _dispute_filed(data: dict, detail: dict) -> dict:
    return {**data, "sengketa": {**detail, "putusan": "", "tanggal_putusan": ""}}


def _dispute_decided(data: dict, detail: dict) -> dict:
    return {**data, "sengketa": {**data.get("sengketa", {}), "putusan": detail.get("putusan", ""),
                                 "tanggal_putusan": detail.get("tanggal", "")}}


# Events that only add to the case's data (the statuses are in _STATUS_OF).
_DATA_EVENTS = {
    "handed_over": _handed_over,
    "letter_numbered": _letter_numbered,
    "submitted": _submitted,
    "dispute_filed": _dispute_filed,
    "dispute_decided": _dispute_decided,
}


def replay(state: CaseState, events: list[dict]) -> CaseState:
    for entry in events:
        state = apply_event(state, entry)
    return state


def state_of_case(case: Case) -> CaseState:
    return CaseState(case.status, case.due.isoformat() if case.due else None,
                     case.forward_due.isoformat() if case.forward_due else None, case.data, case.void_reason)


def is_open(case: Case) -> bool:
    return case.status in OPEN_STATUSES

