"""An answer to a request or an objection, as written: from an answer sheet or ``ppid decide`` to a Decision.

Both give the same raw fields to :func:`decision_from_fields`, so a badly written answer is refused with the
same reasons either way; whether it fits its case is checked by :mod:`pipeline.kinds.answer`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from pipeline.core import bahasa
from pipeline.core.vocab import DECISIONS, INFORMATION_FORMS, PASAL17_LETTERS, UU_KIP
from pipeline.intake.lists import parse_dasar, pasal17_of
from pipeline.intake.reading import FormRecord
from pipeline.intake.reading.text import clean_request_number
from pipeline.intake.validation import check_lengths


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
    problems: list[str] = [note for note in (fields.get(READER_NOTES) or "").split("\n") if note]
    nomor = _request_number(fields.get("nomor_pendaftaran") or "")
    if not nomor:
        problems.append("Nomor pendaftaran permohonan belum diisi.")
    keputusan = _normalise_decision(fields.get("keputusan") or "")
    if keputusan is None and not _decision_marked_twice(problems):
        problems.append(f"Keputusan belum dipilih atau tidak dikenal. Pilihan: {', '.join(DECISIONS)}.")
    bentuk = _parse_forms(fields.get("bentuk") or "", problems)
    numbers = {key: _parse_amount(fields.get(key), label, problems) for key, label in (
        ("halaman", "Jumlah halaman"), ("tarif", "Biaya penyalinan per halaman"), ("biaya_kirim", "Biaya pengiriman"),
        ("biaya_lain", "Biaya lain"), ("waktu_hari", "Waktu penyediaan (hari kerja)"))}
    pasal17, angka = _parse_pasal17(fields.get("pasal17") or "", problems)
    dasar_lain = (fields.get("dasar_lain") or "").strip()
    if not pasal17 and dasar_lain:
        # "Dasar hukum: Pasal 17 huruf b UU 14/2008 jo. Pasal 5 UU 8/1981": the letter is UU KIP's, the rest
        # another law's article
        letter, number, other, _, _ = parse_dasar(dasar_lain)
        if letter:
            pasal17, angka, dasar_lain = letter, number, other
    tanggal = None
    if fields.get("tanggal"):
        tanggal = bahasa.parse_tanggal(fields["tanggal"])
        if tanggal is None:
            problems.append(f"Tanggal keputusan tidak dapat dibaca (tertulis \"{fields['tanggal']}\").")
        elif tanggal > today:
            problems.append(f"Tanggal keputusan {bahasa.tanggal(tanggal)} berada di masa depan.")
    check_lengths({k: v for k, v in fields.items() if k != READER_NOTES}, problems)
    if problems:
        return None, problems
    return Decision(
        nomor=nomor, keputusan=keputusan, dikuasai_oleh=(fields.get("dikuasai_oleh") or "").strip(), bentuk=bentuk,
        pasal17=pasal17, angka=angka, dasar_lain=dasar_lain,
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
    return sorted(set(found), key=INFORMATION_FORMS.index)


_AMOUNT_UNITS = re.compile(
    r"\brp\.?|\b(?:rupiah|idr|per\s*(?:lembar|halaman|hlm)|/\s*(?:lembar|halaman|hlm)|lembar|halaman|hlm\.?|hari\s*kerja"
    r"|hari|hk|lbr|hal|eks|eksemplar)\b\.?|,-+|\.-+$|=-*",
    re.IGNORECASE,
)
_FREE = re.compile(r"^(?:gratis|nihil|tidak\s+(?:ada|dipungut(?:\s+biaya)?|dikenakan(?:\s+biaya)?)|tanpa\s+biaya|-+|nol)$",
                   re.IGNORECASE)


def _parse_amount(text: str | None, label: str, problems: list[str]) -> int:
    """Amounts, page counts and working days as people write them: ``"Rp 15.000,00"``, ``"Rp15.000,-"``,
    ``"15000"``, ``"15.000"``, ``"10 lembar"``, ``"7 (tujuh) hari kerja"``, ``"lima belas ribu rupiah"``,
    ``"gratis"`` -> whole numbers (sen are not charged)."""
    if text is None or not str(text).strip():
        return 0
    written = str(text).strip()
    raw = re.sub(r"\([^()]*\)", " ", written)  # "7 (tujuh)": the words repeat the figure
    raw = _AMOUNT_UNITS.sub(" ", raw).strip(" :./")
    if _FREE.fullmatch(raw) or _FREE.fullmatch(written.lower()):
        return 0
    compact = raw.replace(" ", "")
    compact = re.sub(r",0{1,2}$", "", compact)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", compact):
        compact = compact.replace(".", "")
    if compact.isdigit():
        return int(compact)
    words = bahasa.parse_terbilang(raw)
    if words is not None:
        return words
    problems.append(f"{label} harus berupa angka bulat (tertulis \"{written}\").")
    return 0


def _request_number(text: str) -> str:
    return clean_request_number(text)


def _decision_marked_twice(problems: list[str]) -> bool:
    return any("lebih dari satu pilihan" in problem for problem in problems)


def _parse_pasal17(text: str, problems: list[str]) -> tuple[str, str]:
    """``"b"``, ``"huruf b angka 2"``, ``"Pasal 17 huruf b angka 2"``, ``"Ps. 17 hrf. b"``, ``"Psl 17 (b) UU KIP"``
    -> ("b", "2")."""
    written = " ".join(text.split())
    if not written:
        return "", ""
    letter, angka = pasal17_of(written)
    if not letter or letter not in PASAL17_LETTERS:
        problems.append(f"Dasar pengecualian \"{written}\" tidak dikenal: Pasal 17 UU KIP hanya memiliki huruf a sampai j.")
        return "", ""
    return letter, angka


READER_NOTES = "_catatan_pembaca"
"""Key of the reader's notes about the sheet (two marks on one decision, values it could not place)."""


def answer_fields(record: FormRecord) -> dict[str, str]:
    """The sheet's text fields plus its two ticked choices, as :func:`decision_from_fields` takes them; what
    the reader noted about the sheet goes along, so the refusal says it."""
    fields = dict(record.fields)
    notes = [*record.notes, *record.unplaced]
    if notes:
        fields[READER_NOTES] = "\n".join(notes)
    ticked = record.choices.get("keputusan", [])
    if len(ticked) > 1:
        fields["keputusan"] = "lebih dari satu"
    elif ticked:
        fields["keputusan"] = ticked[0]
    if record.choices.get("bentuk"):
        fields["bentuk"] = ",".join(record.choices["bentuk"])
    return fields
