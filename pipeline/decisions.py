"""The answer to a request: the decision, its checks, its letter, and the case's new state.

A decision arrives from an answer sheet dropped into the inbox or from ``ppid decide``; both give the same
raw fields to :func:`decision_from_fields` and go through the same :func:`check_decision`, so a bad answer
is refused with the same reasons either way. :func:`file_decision` drafts the letter the law requires
(written notice part A or B, rejection decree, extension notice), files it into the case folder and
moves the case on.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from . import bahasa, letters
from .archive import Staging
from .db import Case, Source
from .desk import place_for_signature
from .drafts import convert_drafts, draft_letters, mirror_events
from .keberatan import objection_context
from .letters import LetterSpec
from .process import Context, FileOutcome, archive_source_file, finish_source, keep_aside, set_aside
from .reading import FormDocument, FormRecord
from .status import OPEN_STATUSES, status_from_events
from .validation import check_lengths

REQUEST_DECISIONS = ("diberikan", "sebagian", "ditolak", "tidak-dikuasai", "belum-didokumentasikan", "perpanjangan")
OBJECTION_DECISIONS = ("keberatan-diterima", "keberatan-ditolak")
DECISIONS = REQUEST_DECISIONS + OBJECTION_DECISIONS
FORMS = ("softcopy", "hardcopy")
PASAL17_LETTERS = "abcdefghij"
UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"

DECISION_TEXT = {
    "diberikan": "Informasi dapat diberikan seluruhnya",
    "sebagian": "Informasi dapat diberikan sebagian",
    "ditolak": "Permohonan informasi ditolak",
    "tidak-dikuasai": "Informasi yang diminta belum dikuasai",
    "belum-didokumentasikan": "Informasi yang diminta belum didokumentasikan",
    "perpanjangan": "Jangka waktu pemberitahuan tertulis diperpanjang",
    "keberatan-diterima": "Keberatan diterima; PPID diperintahkan memberikan informasi yang dimohon",
    "keberatan-ditolak": "Keberatan ditolak; keputusan PPID dikuatkan",
}


class DecisionRefused(Exception):
    """The answer cannot be filed; ``reasons`` are Indonesian sentences for the officer."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


@dataclass
class Decision:
    nomor: str
    keputusan: str
    dikuasai_oleh: str = ""          # empty: the information is held by this public body
    bentuk: list[str] = field(default_factory=list)
    halaman: int = 0
    tarif: int = 0                   # Rupiah per page copied
    biaya_kirim: int = 0
    biaya_lain: int = 0
    waktu_hari: int = 0              # working days to provide the information
    penghitaman: str = ""            # explanation of blacked-out parts
    pasal17: str = ""                # letter a-j of UU KIP Pasal 17
    angka: str = ""                  # optional number within that letter
    dasar_lain: str = ""             # an article of another law, as written
    konsekuensi: str = ""            # the consequence test: what opening the information would cause
    alasan: str = ""                 # reason for an extension
    kapan_tersedia: str = ""         # when undocumented information will be documented
    tanggal: date | None = None

    @property
    def copy_cost(self) -> int:
        return self.halaman * self.tarif

    @property
    def total_cost(self) -> int:
        return self.copy_cost + self.biaya_kirim + self.biaya_lain

    def basis_text(self) -> str:
        if self.pasal17:
            angka = f" angka {self.angka}" if self.angka else ""
            return f"Pasal 17 huruf {self.pasal17}{angka} {UU_KIP}"
        return self.dasar_lain

    def as_json(self) -> dict:
        data = asdict(self)
        data["tanggal"] = self.tanggal.isoformat() if self.tanggal else None
        return data


# -- from raw fields -----------------------------------------------------------------------------------

_ALIASES = {
    "tidak dikuasai": "tidak-dikuasai", "belum dikuasai": "tidak-dikuasai",
    "belum didokumentasikan": "belum-didokumentasikan", "diberikan seluruhnya": "diberikan",
    "diberikan sebagian": "sebagian", "perpanjangan waktu": "perpanjangan", "diperpanjang": "perpanjangan",
}


def decision_from_fields(fields: dict[str, str], *, today: date) -> tuple[Decision | None, list[str]]:
    """Parse the raw text of an answer (answer sheet or command line) into a Decision."""
    problems: list[str] = []
    nomor = (fields.get("nomor_pendaftaran") or "").strip()
    if not nomor:
        problems.append("Nomor pendaftaran permohonan belum diisi.")
    keputusan = _normalise_decision(fields.get("keputusan") or "")
    if keputusan is None:
        problems.append(f"Keputusan belum dipilih atau tidak dikenal. Pilihan: {', '.join(DECISIONS)}.")
    bentuk = _parse_forms(fields.get("bentuk") or "", problems)
    numbers = {key: _parse_amount(fields.get(key), label, problems) for key, label in (
        ("halaman", "Jumlah halaman"), ("tarif", "Biaya penyalinan per halaman"), ("biaya_kirim", "Biaya pengiriman"),
        ("biaya_lain", "Biaya lain"), ("waktu_hari", "Waktu penyediaan (hari kerja)"))}
    pasal17, angka = _parse_pasal17(fields.get("pasal17") or "", problems)
    tanggal = None
    if fields.get("tanggal"):
        tanggal = bahasa.parse_tanggal(fields["tanggal"])
        if tanggal is None:
            problems.append(f"Tanggal keputusan tidak dapat dibaca (tertulis \"{fields['tanggal']}\").")
        elif tanggal > today:
            problems.append(f"Tanggal keputusan {bahasa.tanggal(tanggal)} berada di masa depan.")
    check_lengths(fields, problems)
    if problems:
        return None, problems
    return Decision(
        nomor=nomor, keputusan=keputusan, dikuasai_oleh=(fields.get("dikuasai_oleh") or "").strip(), bentuk=bentuk,
        pasal17=pasal17, angka=angka, dasar_lain=(fields.get("dasar_lain") or "").strip(),
        konsekuensi=(fields.get("konsekuensi") or "").strip(), penghitaman=(fields.get("penghitaman") or "").strip(),
        alasan=(fields.get("alasan") or "").strip(), kapan_tersedia=(fields.get("kapan_tersedia") or "").strip(),
        tanggal=tanggal or today, **numbers,
    ), []


def _normalise_decision(text: str) -> str | None:
    key = re.sub(r"\s+", " ", text.strip().lower().replace("_", "-"))
    key = _ALIASES.get(key.replace("-", " "), key)
    return key if key in DECISIONS else None


def _parse_forms(text: str, problems: list[str]) -> list[str]:
    found = []
    for part in re.split(r"[,;/]|\bdan\b", text.lower()):
        part = part.strip().replace(" ", "")
        if not part:
            continue
        if part in ("soft", "softcopy", "elektronik", "digital"):
            found.append("softcopy")
        elif part in ("hard", "hardcopy", "cetak", "fotokopi"):
            found.append("hardcopy")
        else:
            problems.append(f"Bentuk informasi tidak dikenal: \"{part}\" (pilihan: softcopy, hardcopy).")
    return sorted(set(found), key=FORMS.index)


def _parse_amount(text: str | None, label: str, problems: list[str]) -> int:
    """``"Rp 15.000,00"``, ``"15000"``, ``"15.000"`` -> 15000 (whole Rupiah; sen are not charged)."""
    if text is None or not str(text).strip():
        return 0
    raw = str(text).strip().lower().replace("rp", "").replace(" ", "")
    raw = re.sub(r",00?$", "", raw)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
        raw = raw.replace(".", "")
    if not raw.isdigit():
        problems.append(f"{label} harus berupa angka bulat (tertulis \"{text}\").")
        return 0
    return int(raw)


def _parse_pasal17(text: str, problems: list[str]) -> tuple[str, str]:
    """``"b"``, ``"huruf b angka 2"``, ``"Pasal 17 huruf b angka 2"`` -> ("b", "2")."""
    text = text.strip().lower()
    if not text:
        return "", ""
    match = re.fullmatch(r"(?:pasal\s*17\s*)?(?:huruf\s*)?([a-z])\s*(?:(?:angka|ayat)?\s*(\d+))?", text)
    if not match or match.group(1) not in PASAL17_LETTERS:
        problems.append(f"Dasar pengecualian \"{text}\" tidak dikenal: Pasal 17 UU KIP hanya memiliki huruf a sampai j.")
        return "", ""
    return match.group(1), match.group(2) or ""


# -- the checks ------------------------------------------------------------------------------------------


def check_decision(decision: Decision, case: Case | None, history: list[dict], *, today: date) -> list[str]:
    """Everything that makes this answer unfit for this case, as sentences for the officer."""
    if case is None:
        return [f"Perkara nomor {decision.nomor} tidak ditemukan."]
    expected = OBJECTION_DECISIONS if case.kind == "keberatan" else REQUEST_DECISIONS
    if decision.keputusan not in expected:
        what = "keberatan" if case.kind == "keberatan" else "permohonan"
        return [f"Keputusan '{decision.keputusan}' tidak berlaku untuk {what} {case.number}. Pilihan: {', '.join(expected)}."]
    if case.status not in OPEN_STATUSES:
        return [f"Permohonan {case.number} tidak dapat dijawab lagi: statusnya {case.status}."]
    problems = []
    if decision.tanggal and decision.tanggal < case.received:
        problems.append(f"Tanggal keputusan sebelum permohonan diterima ({bahasa.tanggal(case.received)}).")
    problems += _DETAIL_CHECKS[decision.keputusan](decision, case, history)
    return problems


def _check_given(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if not d.bentuk:
        problems.append("Bentuk informasi yang tersedia (softcopy/hardcopy) belum diisi.")
    if d.waktu_hari <= 0:
        problems.append("Waktu penyediaan informasi (dalam hari kerja) belum diisi.")
    if d.tarif and not d.halaman:
        problems.append("Biaya penyalinan per halaman diisi, tetapi jumlah halamannya belum.")
    if d.keputusan == "sebagian" and not d.penghitaman:
        problems.append("Untuk informasi yang diberikan sebagian, penjelasan bagian yang dihitamkan belum diisi.")
    return problems


def _check_rejected(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if not d.pasal17 and not d.dasar_lain:
        problems.append("Dasar hukum penolakan belum diisi (Pasal 17 huruf a-j UU KIP, atau pasal undang-undang lain).")
    if not d.konsekuensi:
        problems.append("Konsekuensi bila informasi dibuka (hasil uji konsekuensi) belum diisi.")
    return problems


def _check_not_held(d: Decision, case: Case, history: list[dict]) -> list[str]:
    if d.keputusan == "belum-didokumentasikan" and not d.kapan_tersedia:
        return ["Untuk informasi yang belum didokumentasikan, isi kapan informasi akan tersedia."]
    return []


def _check_extension(d: Decision, case: Case, history: list[dict]) -> list[str]:
    problems = []
    if any(e["event"] == "extended" for e in history):
        problems.append(f"Permohonan {case.number} sudah pernah diperpanjang; perpanjangan hanya boleh satu kali.")
    elif d.tanggal and case.due and d.tanggal > case.due:
        problems.append(f"Perpanjangan harus diberikan sebelum jangka waktu {bahasa.tanggal(case.due)} berakhir; "
                        f"tanggal keputusan {bahasa.tanggal(d.tanggal)} sudah lewat.")
    if not d.alasan:
        problems.append("Alasan perpanjangan belum diisi.")
    return problems


def _check_objection(d: Decision, case: Case, history: list[dict]) -> list[str]:
    return [] if d.alasan else ["Alasan keputusan Atasan PPID atas keberatan belum diisi."]


_DETAIL_CHECKS = {
    "keberatan-diterima": _check_objection,
    "keberatan-ditolak": _check_objection,
    "diberikan": _check_given,
    "sebagian": _check_given,
    "ditolak": _check_rejected,
    "tidak-dikuasai": _check_not_held,
    "belum-didokumentasikan": _check_not_held,
    "perpanjangan": _check_extension,
}


# -- filing ------------------------------------------------------------------------------------------------


def letter_for(decision: Decision) -> LetterSpec:
    if decision.keputusan in OBJECTION_DECISIONS:
        return letters.OBJECTION_ANSWER
    if decision.keputusan == "ditolak":
        return letters.REJECTION
    if decision.keputusan == "perpanjangan":
        return letters.EXTENSION
    return letters.WRITTEN_NOTICE


def answer_context(decision: Decision, case: Case, config, new_due: date | None) -> dict:
    """The ``jawaban`` group of the letter context, every value already written out."""
    d = decision
    part = "A" if d.keputusan in ("diberikan", "sebagian") else "B" if d.keputusan in ("tidak-dikuasai", "belum-didokumentasikan") else ""
    # The official notice form's wording: "Kami" or "Badan Publik lain, yaitu …".
    holder = f"Badan Publik lain, yaitu {d.dikuasai_oleh}" if d.dikuasai_oleh else ("Kami" if part == "A" else "")
    return {
        **letters.empty_answer(),
        "keputusan": d.keputusan,
        "keputusan_teks": DECISION_TEXT[d.keputusan],
        "bagian": part,
        "dikuasai_oleh": holder,
        "bentuk": ", ".join(f.capitalize() for f in d.bentuk),
        "biaya_salin": (f"{bahasa.rupiah(d.tarif).split(' (')[0]} × {d.halaman} halaman = {bahasa.rupiah(d.copy_cost)}"
                        if d.halaman and d.tarif else bahasa.rupiah(0)),
        "biaya_kirim": bahasa.rupiah(d.biaya_kirim),
        "biaya_lain": bahasa.rupiah(d.biaya_lain),
        "biaya_total": bahasa.rupiah(d.total_cost),
        "waktu": bahasa.hari_kerja(d.waktu_hari) if d.waktu_hari else "",
        "penghitaman": d.penghitaman,
        "alasan_tidak": DECISION_TEXT[d.keputusan] if part == "B" else "",
        "kapan_tersedia": d.kapan_tersedia,
        "dasar": d.basis_text(),
        "konsekuensi": d.konsekuensi,
        "keberatan_hari": bahasa.hari_kerja(config.deadlines.objection_filing_days),
        "alasan_perpanjangan": d.alasan,
        "tenggat_semula": bahasa.tanggal(case.due) if case.due else "",
        "hari_tenggat_semula": bahasa.hari_tanggal(case.due) if case.due else "",
        "tenggat_baru": bahasa.tanggal(new_due) if new_due else "",
        "hari_tenggat_baru": bahasa.hari_tanggal(new_due) if new_due else "",
        "perpanjangan_hari": bahasa.hari_kerja(config.deadlines.extension_days),
        "tanggal": bahasa.tanggal(d.tanggal) if d.tanggal else "",
        "hari_tanggal": bahasa.hari_tanggal(d.tanggal) if d.tanggal else "",
        "alasan_keputusan": d.alasan if d.keputusan in OBJECTION_DECISIONS else "",
        "komisi_hari": bahasa.hari_kerja(config.deadlines.dispute_days),
    }


def file_decision(ctx: Context, decision: Decision, *, sheet: Path | None = None, sheet_name: str | None = None,
                  source_ref: dict | None = None) -> list[str]:
    """Check, draft, convert and file the answer into its case; return the documents' IDs.

    ``sheet`` is the answer sheet the decision came from: it is filed with the letter (a workbook of many
    answers is archived once and linked by ``source_ref``). The caller holds the workspace lock. Raises
    :class:`DecisionRefused` with the reasons when the answer does not fit the case.
    """
    case = ctx.db.case_by_number(decision.nomor)
    history = ctx.db.events(case.id) if case else []
    reasons = check_decision(decision, case, history, today=ctx.today())
    if reasons:
        raise DecisionRefused(reasons)
    spec = letter_for(decision)
    new_due = ctx.calendar.add_working_days(case.due, ctx.config.deadlines.extension_days) if decision.keputusan == "perpanjangan" else None
    staging = ctx.archive.begin_addition(case.folder, token=f"jawaban-{case.id}-{spec.key}")
    if sheet is not None:
        staging.add_copy(sheet, f"04-lembar-jawaban-{spec.key}{sheet.suffix.lower()}", "answer_sheet", original_name=sheet_name or sheet.name)
    extra = {"objection": objection_context(ctx, case)} if case.kind == "keberatan" else {}
    drafts = draft_letters(ctx, staging, case, (spec,), request=case.data,
                           answer=answer_context(decision, case, ctx.config, new_due), **extra)
    convert_drafts(ctx, staging, case, drafts)
    record_decision(staging, decision, case, new_due, drafts[0].doc_id, source_ref)
    ctx.archive.commit_addition(staging)
    update_case(ctx, case, decision, new_due, staging)
    place_for_signature(ctx, case, ctx.archive.folder(case.folder), drafts)
    return [d.doc_id for d in drafts]


def record_decision(staging: Staging, decision: Decision, case: Case, new_due: date | None, doc_id: str,
                    source_ref: dict | None) -> None:
    link = {"sumber": source_ref} if source_ref else {}
    if decision.keputusan == "perpanjangan":
        staging.log("extended", alasan=decision.alasan, tenggat_semula=case.due.isoformat(),
                    tenggat_baru=new_due.isoformat(), dokumen=doc_id, **link)
    else:
        staging.log("answered", keputusan=decision.keputusan, dokumen=doc_id, keputusan_rinci=decision.as_json(), **link)


def update_case(ctx: Context, case: Case, decision: Decision, new_due: date | None, staging: Staging) -> None:
    """The database follows the case folder: decision data, new due date, status from the event log."""
    data = dict(case.data)
    if new_due:
        data["perpanjangan"] = {"alasan": decision.alasan, "tenggat_semula": case.due.isoformat(), "tenggat_baru": new_due.isoformat()}
    else:
        data["jawaban"] = decision.as_json()
    mirror_events(ctx, case, staging)
    status = status_from_events(ctx.db.events(case.id))
    ctx.db.update_case(case.id, data=data, due=new_due or case.due, status=status)



# -- answer sheets dropped into the inbox --------------------------------------------------------------

KIND = "jawaban"


def handle(ctx: Context, path: Path, source: Source, document: FormDocument, outcome: FileOutcome) -> FileOutcome:
    """Each answer on the sheet is filed into its case; refused answers are kept aside with reasons."""
    source_ref = archive_source_file(ctx, path, source) if len(document.records) > 1 else None
    reasons = []
    for record in document.records:
        prefix = f"Baris {record.row}: " if record.row else ""
        decision, problems = decision_from_fields(answer_fields(record), today=ctx.today())
        try:
            if problems:
                raise DecisionRefused(problems)
            file_decision(ctx, decision, sheet=None if source_ref else path, sheet_name=source.original_name,
                          source_ref=source_ref)
            outcome.answered.append(decision.nomor)
        except DecisionRefused as exc:
            reasons.append(prefix + "Jawaban tidak dapat dicatat — " + " ".join(exc.reasons))
    if not outcome.answered:
        return set_aside(ctx, path, source, reasons or ["Lembar jawaban tidak berisi jawaban."], outcome)
    if reasons:
        keep_aside(ctx, path, source, reasons, outcome)
    return finish_source(ctx, path, source, outcome)


def answer_fields(record: FormRecord) -> dict[str, str]:
    """The sheet's text fields plus its two ticked choices, as :func:`decision_from_fields` takes them."""
    fields = dict(record.fields)
    ticked = record.choices.get("keputusan", [])
    if len(ticked) > 1:
        fields["keputusan"] = "lebih dari satu"
    elif ticked:
        fields["keputusan"] = ticked[0]
    if record.choices.get("bentuk"):
        fields["bentuk"] = ",".join(record.choices["bentuk"])
    return fields
