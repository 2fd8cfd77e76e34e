"""The letters the pipeline drafts, declared as data: template, title, signer, number series.

Every template sees the same context (built by :func:`letter_context`), documented in
``templates_docx/README.md``. The context holds text already formatted the Indonesian way
(``16 Maret 2026``, ``10 (sepuluh) hari kerja``) so templates need no logic beyond ``if`` and ``for``.

Who issues a letter follows from who signs it: the signer's ``issuer`` (config ``[issuers]``, "" for the
PPID's own ``[agency]``) gives the letterhead and the number series; a decree takes the issuer's decree
series, any other numbered letter its letter series. How a signer signs (a.n., u.b., Plt., Plh.) is modelled
once, by :class:`pipeline.core.config.Signer`; the context carries its lines, the templates print them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docxtpl import RichText

from pipeline.core import bahasa
from pipeline.core.config import Config, LawSettings, Signer
from pipeline.core.vocab import (
    ALASAN_KEBERATAN,
    CARA_MEMPEROLEH,
    CARA_SALINAN,
    DECISION_TEXT,
    LETTER_KEYS,
    NO_CHARGE_TEXT,
    OBJECTION_ANSWER_TEXT,
    OBJECTION_DECISIONS,
    contests_a_decision,
)
from pipeline.intake.answers import Decision
from pipeline.intake.lists import parse_dasar
from pipeline.intake.validation import addressee
from pipeline.render.lists import daftar_context
from pipeline.render.qr import qr_png
from pipeline.store.db import Case

LETTER, DECREE = "surat", "keputusan"
"""The two number series of an issuer: its letters (surat, nota dinas) and its decrees (keputusan)."""


@dataclass(frozen=True)
class LetterSpec:
    key: str
    template: str
    title: str
    file_stem: str
    signer: str | None = None      # whose ready-to-sign folder receives the draft
    series: str = ""               # LETTER or DECREE: takes a number of its issuer's series; "" none
    sifat: str = "Biasa"
    hal: str = ""
    signed_event: str = "signed"   # logged when the signed copy is filed; "closed" ends the case
    notice_suffix: str = ""        # a notice written beside a set-aside copy: ``<copy>.<suffix>.docx``
    draft_note: str = ""           # a konsep: never numbered, printed with this note over its first page

    @property
    def numbered(self) -> bool:
        return bool(self.series) and not self.draft_note


RECEIPT = LetterSpec(
    key="tanda_terima_permohonan",
    template="tanda_terima_permohonan.docx",
    title="Tanda Bukti Penerimaan Permohonan Informasi Publik",
    file_stem="02-tanda-terima",
    signer="desk",
)
FORWARD = LetterSpec(
    key="surat_ppid_pelaksana",
    template="surat_ppid_pelaksana.docx",
    title="Surat PPID kepada PPID Pelaksana",
    file_stem="03-surat-ppid-pelaksana",
    signer="ppid",
    series=LETTER,
    sifat="Segera",
    hal="Permohonan Informasi Publik",
)
INCOMPLETE_NOTICE = LetterSpec(
    key="pemberitahuan_kurang_lengkap",
    template="pemberitahuan_kurang_lengkap.docx",
    title="Pemberitahuan Kelengkapan Permohonan Informasi Publik",
    file_stem="pemberitahuan-kurang-lengkap",
    notice_suffix="pemberitahuan",
)

WRITTEN_NOTICE = LetterSpec(
    key="pemberitahuan_tertulis",
    template="pemberitahuan_tertulis.docx",
    title="Pemberitahuan Tertulis",
    file_stem="05-pemberitahuan-tertulis",
    signer="ppid",
    series=LETTER,
    hal="Pemberitahuan Tertulis atas Permohonan Informasi Publik",
    signed_event="closed",
)
REJECTION = LetterSpec(
    key="sk_penolakan",
    template="sk_penolakan.docx",
    title="Keputusan PPID tentang Penolakan Permohonan Informasi Publik",
    file_stem="05-sk-penolakan",
    signer="ppid",
    series=DECREE,
    hal="Penolakan Permohonan Informasi Publik",
    signed_event="closed",
)
EXTENSION = LetterSpec(
    key="surat_perpanjangan",
    template="surat_perpanjangan.docx",
    title="Pemberitahuan Perpanjangan Jangka Waktu",
    file_stem="04-surat-perpanjangan",
    signer="ppid",
    series=LETTER,
    hal="Perpanjangan Jangka Waktu Pemberitahuan Tertulis",
)

OBJECTION_RECEIPT = LetterSpec(
    key="tanda_terima_keberatan",
    template="tanda_terima_keberatan.docx",
    title="Tanda Bukti Penerimaan Keberatan",
    file_stem="02-tanda-terima-keberatan",
    signer="desk",
)
ATASAN_NOTE = LetterSpec(
    key="nota_atasan_keberatan",
    template="nota_atasan_keberatan.docx",
    title="Nota Dinas Atasan PPID tentang Keberatan",
    file_stem="03-nota-atasan-ppid",
    signer="atasan_ppid",
    series=LETTER,
    sifat="Segera",
    hal="Penanganan Keberatan atas Permohonan Informasi Publik",
)
OBJECTION_ANSWER = LetterSpec(
    key="tanggapan_keberatan",
    template="tanggapan_keberatan.docx",
    title="Tanggapan atas Keberatan",
    file_stem="05-tanggapan-keberatan",
    signer="atasan_ppid",
    series=LETTER,
    hal="Tanggapan atas Keberatan",
    signed_event="closed",
)

SK_DIP = LetterSpec(
    key="sk_dip",
    template="sk_dip.docx",
    title="Keputusan tentang Daftar Informasi Publik",
    file_stem="03-sk-dip",
    signer="atasan_ppid",   # replaced by [decrees] dip_signer
    series=DECREE,
    hal="Daftar Informasi Publik",
    signed_event="published",
)
SK_DIK = LetterSpec(
    key="sk_dik",
    template="sk_dik.docx",
    title="Keputusan tentang Penetapan Daftar Informasi yang Dikecualikan",
    file_stem="02-sk-dik",
    signer="atasan_ppid",   # replaced by [decrees] dik_signer
    series=DECREE,
    hal="Daftar Informasi yang Dikecualikan",
    signed_event="published",
)
DIP_CORRECTION = LetterSpec(
    key="koreksi_dip",
    template="koreksi_dip.docx",
    title="Koreksi Daftar Informasi Publik",
    file_stem="koreksi-dip",
    signer="ppid",
    hal="Koreksi Daftar Informasi Publik",
    notice_suffix="koreksi",
)
PROPOSED_REJECTION = LetterSpec(
    key="usulan_penolakan",
    template="sk_penolakan.docx",
    title="Konsep Keputusan Penolakan (informasi tercantum dalam DIK)",
    file_stem="04-usulan-sk-penolakan",
    signer="ppid",
    series=DECREE,
    hal="Penolakan Permohonan Informasi Publik",
    draft_note=("KONSEP — usulan karena informasi yang dimohon tercantum dalam Daftar Informasi yang Dikecualikan. "
                "Bukan keputusan: tidak bernomor dan tidak untuk ditandatangani. Bila PPID menolak permohonan, "
                "keputusan bernomor dibuat dengan ppid decide."),
)

# -- added with issue 15: the handover, the objection's letters, the DIP's path to the SK and beyond --------------

HANDOVER_RECEIPT = LetterSpec(
    key="tanda_terima_penyerahan",
    template="tanda_terima_penyerahan.docx",
    title="Tanda Terima Penyerahan Informasi Publik",
    file_stem="06-tanda-terima-penyerahan",
    signer="desk",
)
OBJECTION_FORWARD = LetterSpec(
    key="surat_keberatan_pelaksana",
    template="surat_keberatan_pelaksana.docx",
    title="Surat PPID kepada PPID Pelaksana tentang Keberatan",
    file_stem="04-surat-keberatan-ppid-pelaksana",
    signer="ppid",
    series=LETTER,
    sifat="Segera",
    hal="Keberatan atas Permohonan Informasi Publik",
)
ANSWER_NOTE = LetterSpec(
    key="nota_tanggapan",
    template="nota_tanggapan.docx",
    title="Nota Dinas PPID Pengajuan Konsep Tanggapan atas Keberatan",
    file_stem="05-nota-tanggapan",
    signer="ppid",
    series=LETTER,
    sifat="Segera",
    hal="Pengajuan Konsep Tanggapan atas Keberatan",
)
SK_DIP_DRAFT = LetterSpec(
    key="konsep_sk_dip",
    template="sk_dip.docx",
    title="Konsep Keputusan tentang Daftar Informasi Publik",
    file_stem="02-konsep-sk-dip",
    signer="ppid",          # the PPID corrects the recap before submitting it (SOP 003, second procedure)
    series=DECREE,
    hal="Daftar Informasi Publik",
    draft_note=("KONSEP — rekapitulasi untuk koreksi PPID. Tidak bernomor dan tidak untuk ditandatangani; "
                "diajukan kepada Atasan PPID dengan ppid dip ajukan."),
)
DIP_NOTE = LetterSpec(
    key="nota_dip",
    template="nota_dip.docx",
    title="Nota Dinas PPID Pengajuan Daftar Informasi Publik",
    file_stem="03-nota-dip",
    signer="ppid",
    series=LETTER,
    hal="Pengajuan Penetapan Daftar Informasi Publik",
)
DIP_COVER = LetterSpec(
    key="pengantar_dip",
    template="pengantar_dip.docx",
    title="Surat Pengantar Daftar Informasi Publik",
    file_stem="04-pengantar-dip",
    signer="ppid",
    series=LETTER,
    hal="Penyampaian Daftar Informasi Publik",
)

REQUEST_LETTERS = (RECEIPT, FORWARD)
OBJECTION_LETTERS = (OBJECTION_RECEIPT, ATASAN_NOTE, OBJECTION_FORWARD)
# The archive page refers to titles by position: letters added later go at the end.
ALL_LETTERS = (RECEIPT, FORWARD, INCOMPLETE_NOTICE, WRITTEN_NOTICE, REJECTION, EXTENSION,
               OBJECTION_RECEIPT, ATASAN_NOTE, OBJECTION_ANSWER, SK_DIP, SK_DIK, DIP_CORRECTION, PROPOSED_REJECTION,
               HANDOVER_RECEIPT, OBJECTION_FORWARD, ANSWER_NOTE, SK_DIP_DRAFT, DIP_NOTE, DIP_COVER)
SPECS = {spec.key: spec for spec in ALL_LETTERS}
assert set(SPECS) == set(LETTER_KEYS), "every letter's key is in pipeline.core.vocab.LETTER_KEYS, and only those"

ANSWER_KEYS = (
    "keputusan", "keputusan_teks", "bagian", "dikuasai_oleh", "bentuk", "biaya_salin", "biaya_kirim", "biaya_lain",
    "biaya_total", "waktu", "penghitaman", "alasan_tidak", "kapan_tersedia", "dasar", "konsekuensi", "keberatan_hari",
    "alasan_perpanjangan", "tenggat_semula", "hari_tenggat_semula", "tenggat_baru", "hari_tenggat_baru",
    "perpanjangan_hari", "tanggal", "hari_tanggal", "alasan_keputusan", "komisi_hari",
    "bagian_judul", "cara_bayar", "berbayar",
)
OBJECTION_KEYS = (
    "nomor_permohonan", "tujuan", "alasan", "kasus_posisi", "kuasa_nama", "kuasa_alamat", "kuasa_telepon",
    "tanggal_tanggapan", "hari_tanggal_tanggapan", "tanggal_tanggapan_terbilang", "tanggapan_hari",
    "target_koordinasi", "hari_target_koordinasi", "koordinasi_hari", "target_draf", "hari_target_draf", "draf_hari",
    "target_kirim", "hari_target_kirim", "kirim_hari", "terlambat", "kepada", "komisi_informasi",
    "atas_keputusan", "rincian_permohonan", "tanggal_permohonan", "pelaksana",
)
HANDOVER_KEYS = (
    "tanggal", "hari_tanggal", "bentuk", "cara", "halaman", "biaya_salin", "biaya_kirim", "biaya_lain", "jumlah",
    "cara_bayar", "catatan",
)


def empty_answer() -> dict:
    """The ``jawaban`` group before any answer exists: every key, all empty."""
    return {**dict.fromkeys(ANSWER_KEYS, ""), "bentuk": "", "berbayar": False}


def empty_objection() -> dict:
    """The ``keberatan`` group of letters that are not about an objection."""
    return {**dict.fromkeys(OBJECTION_KEYS, ""), "alasan": [], "atas_keputusan": False}


def empty_handover() -> dict:
    """The ``penyerahan`` group of letters that are not the handover receipt."""
    return dict.fromkeys(HANDOVER_KEYS, "")


# -- words as letters print them ------------------------------------------------------------------------------

FOREIGN_WORDS = re.compile(r"\b(softcopy|hardcopy|soft copy|hard copy|online|offline|e-mail|email)\b", re.IGNORECASE)
"""Foreign words a letter prints in italics (Pedoman Umum Ejaan Bahasa Indonesia)."""


def italicised(text: str) -> RichText:
    """``text`` as a run of the template's formatting with its foreign words in italics (``{{r x }}``)."""
    rich = RichText()
    position = 0
    for match in FOREIGN_WORDS.finditer(text):
        if match.start() > position:
            rich.add(text[position:match.start()])
        rich.add(match.group(0), italic=True)
        position = match.end()
    if position < len(text) or not text:
        rich.add(text[position:])
    return rich


CARA_SALINAN_TEXT = {**CARA_SALINAN, "email": "Pos-el"}
"""Choice B as a letter prints it: "Pos-el", the Indonesian word, wherever e-mail is meant."""


def law_key(number: str, year: str) -> str:
    return f"{int(number)}/{year}"


_LAW_CITED = re.compile(r"\b(?:Undang[\s-]*Undang|UU)(?:\s*(?:RI|Republik\s+Indonesia))?\s*(?:Nomor|No\.?)?\s*(\d+)\s*"
                        r"(?:Tahun|/)\s*(\d{4})", re.IGNORECASE)
_LAW_WITHOUT_TITLE = re.compile(r"Undang-Undang Nomor (\d+) Tahun (\d{4})(?!\s+tentang)")


def laws_not_in_force(text: str, laws: LawSettings) -> list[str]:
    """A sentence for each law ``text`` cites that ``[laws] replaced`` says is no longer in force."""
    found = []
    for match in _LAW_CITED.finditer(text or ""):
        key = law_key(*match.groups())
        if key in laws.replaced and key not in [f for f, _ in found]:
            found.append((key, laws.replaced[key]))
    return [f"UU {key} tidak berlaku lagi; yang berlaku: {replacement}. Sebutkan pasal undang-undang yang "
            "berlaku." for key, replacement in found]


def with_law_titles(text: str, laws: LawSettings) -> str:
    """Every "Undang-Undang Nomor n Tahun yyyy" not followed by its title gets it, from ``[laws] titles``."""
    def titled(match: re.Match) -> str:
        title = laws.titles.get(law_key(*match.groups()))
        return f"{match.group(0)} tentang {title}" if title else match.group(0)

    return _LAW_WITHOUT_TITLE.sub(titled, text)


def legal_basis(pasal17: str, angka: str, other: str, laws: LawSettings) -> str:
    """The basis of an exception written in full, the same way in the SK Penolakan and the SK DIK: "Pasal 17
    huruf j Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik juncto Pasal … Undang-Undang
    Nomor … Tahun … tentang …" (the other law's article: Pasal 17 huruf j names it)."""
    # "UU No. 27 Tahun 2022" as "UU 27/2022" first: the reader would take "No. 27" for an angka of Pasal 17
    other = _LAW_CITED.sub(lambda m: f"UU {law_key(*m.groups())}", other or "")
    written = " ".join(filter(None, [f"Pasal 17 huruf {pasal17}" if pasal17 else "",
                                     f"angka {angka}" if pasal17 and angka else "",
                                     f"jo. {other}" if pasal17 and other else other]))
    text = parse_dasar(written)[3] or written
    return with_law_titles(text, laws)


# -- the case's groups of the context ------------------------------------------------------------------


def answer_context(decision: Decision, case: Case, config: Config, new_due: date | None) -> dict:
    """The ``jawaban`` group of the letter context, every value already written out."""
    d = decision
    part = "A" if d.keputusan in ("diberikan", "sebagian") else "B" if d.keputusan in ("tidak-dikuasai", "belum-didokumentasikan") else ""
    # The official notice form's wording: "Kami" or "Badan Publik lain, yaitu …".
    holder = f"Badan Publik lain, yaitu {d.dikuasai_oleh}" if d.dikuasai_oleh else ("Kami" if part == "A" else "")
    paid = part == "A" and d.total_cost > 0
    return {
        **empty_answer(),
        "keputusan": d.keputusan,
        "keputusan_teks": decision_text(d.keputusan, case),
        "bagian": part,
        # the parts as the Perki's notice form labels them: "A. Informasi dapat diberikan …", "B. … karena:"
        "bagian_judul": {"A": DECISION_TEXT[d.keputusan], "B": "Informasi tidak dapat diberikan karena:"}.get(part, ""),
        "dikuasai_oleh": holder,
        "bentuk": italicised(" dan ".join(d.bentuk)) if d.bentuk else "",
        "biaya_salin": (f"{bahasa.rupiah(d.tarif).split(' (')[0]} × {bahasa.angka(d.halaman)} halaman = "
                        f"{bahasa.rupiah(d.copy_cost)}" if d.halaman and d.tarif else bahasa.rupiah(0)),
        "biaya_kirim": bahasa.rupiah(d.biaya_kirim),
        "biaya_lain": bahasa.rupiah(d.biaya_lain),
        "biaya_total": bahasa.rupiah(d.total_cost),
        "berbayar": paid,
        "cara_bayar": payment_text(config) if paid else "",
        "waktu": bahasa.hari_kerja(d.waktu_hari) if d.waktu_hari else "",
        "penghitaman": d.penghitaman,
        "alasan_tidak": DECISION_TEXT[d.keputusan] if part == "B" else "",
        "kapan_tersedia": d.kapan_tersedia,
        "dasar": legal_basis(d.pasal17, d.angka, d.dasar_lain, config.laws) if d.keputusan == "ditolak" else "",
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


def decision_text(decision: str, case: Case) -> str:
    """The decision as the letter states it. On an objection it follows the objection's reasons: only an
    objection against a PPID decision (reasons a, d, e, f) has a decision to uphold (UU 14/2008 Pasal 36 ayat 3);
    an unanswered, late or unprovided request (b, c, g) has none."""
    if decision in OBJECTION_DECISIONS:
        return OBJECTION_ANSWER_TEXT[(decision, contests_a_decision(case.data.get("alasan", [])))]
    return DECISION_TEXT[decision]


def payment_text(config: Config) -> str:
    """How the costs are paid (Perki 1/2010 Pasal 28), one sentence: "tunai …; atau transfer …"."""
    return sentence("; atau ".join(config.payment.method_texts[m] for m in config.payment.methods))


def sentence(text: str) -> str:
    """``text`` starting with a capital, as a table cell's value starts."""
    return text[:1].upper() + text[1:]


def objection_context(config: Config, case: Case, request: Case | None = None) -> dict:
    """The ``keberatan`` group of the letter context; ``request`` is the request objected to, when one is named."""
    d, data = config.deadlines, case.data
    targets = {k: date.fromisoformat(v) for k, v in (data.get("target_internal") or {}).items()}
    proxy = data.get("kuasa") or {}

    def dates(name: str, day: date | None) -> dict:
        return {name: bahasa.tanggal(day) if day else "", f"hari_{name}": bahasa.hari_tanggal(day) if day else ""}

    asked = request.data if request else {}
    return {
        **empty_objection(),
        "nomor_permohonan": data.get("nomor_permohonan") or "",
        "tujuan": data.get("tujuan") or "",
        "alasan": [f"{key}. {ALASAN_KEBERATAN[key]}" for key in data.get("alasan", [])],
        "atas_keputusan": contests_a_decision(data.get("alasan", [])),
        "kasus_posisi": data.get("kasus_posisi") or "",
        "kuasa_nama": proxy.get("nama") or "",
        "kuasa_alamat": proxy.get("alamat") or "",
        "kuasa_telepon": proxy.get("telepon") or "",
        "tanggal_tanggapan": bahasa.tanggal(case.due) if case.due else "",
        "hari_tanggal_tanggapan": bahasa.hari_tanggal(case.due) if case.due else "",
        "tanggal_tanggapan_terbilang": bahasa.tanggal_terbilang(case.due) if case.due else "",
        "tanggapan_hari": bahasa.hari_kerja(d.objection_answer_days),
        **dates("target_koordinasi", targets.get("koordinasi")),
        "koordinasi_hari": bahasa.hari_kerja(d.objection_coordination_days),
        **dates("target_draf", targets.get("draf_jawaban")),
        "draf_hari": bahasa.hari_kerja(d.objection_draft_days),
        **dates("target_kirim", targets.get("pengiriman")),
        "kirim_hari": bahasa.hari_kerja(d.objection_send_days),
        "terlambat": data.get("terlambat") or "",
        # a nota is addressed to the PPID as an office, whoever signs on its behalf
        "kepada": config.signers.ppid.office,
        "komisi_informasi": config.agency.government.title().replace("Pemerintah ", ""),
        "rincian_permohonan": asked.get("rincian_informasi") or "",
        "tanggal_permohonan": bahasa.tanggal(request.received) if request else "",
        "pelaksana": holder_of(config, request),
    }


def holder_of(config: Config, request: Case | None) -> str:
    """Who holds what a request asked for: the OPD its DIP entry names, else the one its form names, else the
    configured default (the same rule as the request's letter to the PPID Pelaksana)."""
    data = request.data if request else {}
    proposal = data.get("klasifikasi") or {}
    if proposal.get("kind") == "terbuka" and proposal.get("opd"):
        return f"PPID Pelaksana {proposal['opd']}"
    return data.get("opd_tujuan") or config.forward.default_holder


def handover_context(config: Config, handover: dict) -> dict:
    """The ``penyerahan`` group: what ``ppid serahkan`` recorded, written out for the receipt."""
    day = date.fromisoformat(handover["tanggal"])
    pages, rate = int(handover.get("halaman") or 0), int(handover.get("tarif") or 0)
    total = pages * rate + int(handover.get("biaya_kirim") or 0) + int(handover.get("biaya_lain") or 0)
    method = handover.get("cara_bayar") or ""
    return {
        "tanggal": bahasa.tanggal(day),
        "hari_tanggal": bahasa.hari_tanggal(day),
        "bentuk": italicised(" dan ".join(handover.get("bentuk") or [])),
        "cara": CARA_SALINAN_TEXT.get(handover.get("cara", ""), handover.get("cara", "")),
        "halaman": bahasa.angka(pages) if pages else "",
        "biaya_salin": (f"{bahasa.rupiah(rate).split(' (')[0]} × {bahasa.angka(pages)} halaman = "
                        f"{bahasa.rupiah(pages * rate)}" if pages and rate else bahasa.rupiah(0)),
        "biaya_kirim": bahasa.rupiah(int(handover.get("biaya_kirim") or 0)),
        "biaya_lain": bahasa.rupiah(int(handover.get("biaya_lain") or 0)),
        "jumlah": bahasa.rupiah(total),
        "cara_bayar": sentence(config.payment.method_texts.get(method, method) if total else NO_CHARGE_TEXT),
        "catatan": handover.get("catatan") or "",
    }


@dataclass(frozen=True)
class LetterMeta:
    """What a letter knows about itself: its number, document ID and the date it is drafted."""

    number: str = ""
    doc_id: str = ""
    drafted: date | None = None


# -- who signs, who issues, which series ---------------------------------------------------------------------

_DECREE_SIGNERS = {"sk_dip": "dip_signer", "konsep_sk_dip": "dip_signer", "sk_dik": "dik_signer"}


def signer_for(config: Config, spec: LetterSpec) -> str | None:
    """Whose desk the draft goes to (None: no one's); who signs the SK DIP and SK DIK is a setting ([decrees]).
    The SK DIP's konsep goes to the PPID, who corrects it before submitting it."""
    if spec.key in ("sk_dip", "sk_dik"):
        return getattr(config.decrees, _DECREE_SIGNERS[spec.key])
    return spec.signer


def block_signer(config: Config, spec: LetterSpec) -> str:
    """Whose signature block the letter prints: the desk's for receipts and notices, the decree's signer for a
    decree and its konsep, else its desk's signer."""
    if spec.key in _DECREE_SIGNERS:
        return getattr(config.decrees, _DECREE_SIGNERS[spec.key])
    return spec.signer or "desk"


def issuer_key(config: Config, spec: LetterSpec) -> str:
    """The ``[issuers]`` office that issues the letter ("" the agency): its signer's."""
    return getattr(config.signers, block_signer(config, spec)).issuer


@dataclass(frozen=True)
class Series:
    """A number series: the counter it runs on (per year) and its pattern ("" numbered by the office itself)."""

    register: str
    pattern: str


def series_for(config: Config, spec: LetterSpec) -> Series | None:
    """The series the letter is numbered in, or None (not numbered: a receipt, a notice, a konsep). The agency's
    letters keep the register "surat" they always had; every other series has a register of its own."""
    if not spec.numbered:
        return None
    key = issuer_key(config, spec)
    issuer = config.issuer(key)
    pattern = issuer.letters if spec.series == LETTER else issuer.decrees
    return Series(spec.series if not key else f"{spec.series}:{key}", pattern)


def agency_block(issuer, *, public_body: str = "") -> dict:
    """The ``instansi`` group: the letterhead of the issuing office (``[agency]`` or an ``[issuers]`` entry).

    ``kop_*`` are the letterhead's lines as printed: configured ``letterhead`` lines replace the built-ins (first
    line large, second larger, the rest small); empty address, phone, e-mail or website lines are left out."""
    contact = ", ".join(filter(None, [issuer.address, f"Telp. {issuer.phone}" if issuer.phone else ""]))
    online = "  ".join(filter(None, [f"Laman: {issuer.website}" if issuer.website else "",
                                     f"Pos-el: {issuer.email}" if issuer.email else ""]))
    lines = list(issuer.letterhead)
    if lines:
        top, name, small, city = lines[0], lines[1] if len(lines) > 1 else "", lines[2:], ""
    else:
        top, name, small, city = issuer.government, issuer.name, [x for x in (contact, online) if x], issuer.city.upper()
    return {"pemerintah": issuer.government, "nama": issuer.name, "nama_singkat": issuer.short_name,
            "alamat": issuer.address, "kota": issuer.city, "telepon": issuer.phone, "email": issuer.email,
            "laman": issuer.website, "kop": list(issuer.letterhead),
            "kop_atas": top, "kop_nama": name, "kop_baris": small, "kop_kota": city,
            "logo": logo_png(issuer.logo), "badan_publik": public_body or getattr(issuer, "public_body", "")}


@functools.lru_cache(maxsize=8)
def _logo_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def logo_png(path: Path | None) -> bytes | str:
    """The emblem's image bytes (made a picture by rendering), or "" when none is configured."""
    if not path:
        return ""
    return _logo_bytes(str(path), path.stat().st_mtime_ns)


def signer_block(signer: Signer) -> dict:
    """How a signer appears in a letter: the lines above the signature (``baris``; ``baris_kapital`` for decrees),
    name, rank, NIP, and the office the document is issued by (``kantor``) or acted in (``sebagai``)."""
    return {
        "jabatan": signer.position,
        "nama": signer.name,
        "pangkat": signer.rank,
        "nip": bahasa.format_nip(signer.nip) if signer.nip else "",
        "awalan": signer.delegation,
        "atas_nama": signer.on_behalf_of,
        "melalui": signer.via,
        "baris": signer.signature_lines(),
        "baris_kapital": signer.signature_lines(upper=True),
        "kantor": signer.office,
        "kantor_kapital": signer.office.upper(),
        "sebagai": signer.acting_as,
    }


def _date_fields(prefix: str, d: date | None) -> dict:
    if d is None:
        return {prefix: "", f"hari_{prefix}": ""}
    return {prefix: bahasa.tanggal(d), f"hari_{prefix}": bahasa.hari_tanggal(d)}


def letter_context(
    config: Config,
    spec: LetterSpec,
    meta: LetterMeta,
    *,
    case: Case | None = None,
    request: dict | None = None,
    holder: str | None = None,
    problems: list[str] | None = None,
    received: date | None = None,
    answer: dict | None = None,
    objection: dict | None = None,
    daftar: dict | None = None,
    handover: dict | None = None,
    attachment: str = "",
) -> dict:
    """The one context every template is rendered with (empty strings where a value does not apply)."""
    deadlines = config.deadlines
    issuer = config.issuer(issuer_key(config, spec))
    request = request or {}
    applicant = request.get("applicant", {})
    drafted = meta.drafted or date.today()
    received = case.received if case else received
    kasus = {
        "nomor": case.number if case else "",
        "jenis": case.kind if case else "",
        "tenggat_hari": bahasa.hari_kerja(deadlines.notice_days),
        "perpanjangan_hari": bahasa.hari_kerja(deadlines.extension_days),
        "target_hari": bahasa.hari_kerja(deadlines.forward_target_days),
        **_date_fields("tanggal_diterima", received),
        **_date_fields("tenggat", case.due if case else None),
        **_date_fields("target_jawaban", case.forward_due if case else None),
    }
    contact = " / ".join(v for v in (applicant.get("telepon"), applicant.get("email")) if v)
    return {
        "instansi": agency_block(issuer, public_body=config.agency.public_body),
        "surat": {
            "nomor": meta.number,
            "tanggal": bahasa.tanggal(drafted),
            "tempat_tanggal": f"{issuer.city}, {bahasa.tanggal(drafted)}",
            "sifat": spec.sifat,
            "lampiran": attachment or "-",
            "hal": spec.hal or spec.title,
            "tembusan": list(config.tembusan.get(spec.key, [])),
            "konsep": spec.draft_note,
        },
        # The QR code (PNG bytes, made a picture by rendering) lets a signed scan find its way back.
        "dokumen": {"id": meta.doc_id, "judul": spec.title, "qr": qr_png(meta.doc_id) if meta.doc_id else ""},
        "kasus": kasus,
        "pemohon": {
            "nama": applicant.get("nama") or "",
            "alamat": applicant.get("alamat") or "",
            "identitas": applicant.get("nik") or applicant.get("nomor_sk") or "",
            "pekerjaan": applicant.get("pekerjaan") or "",
            "telepon": applicant.get("telepon") or "",
            "email": applicant.get("email") or "",
            "kontak": contact,
            "nama_kuasa": applicant.get("nama_kuasa") or "",
            # An organisation applies through the person in charge: letters go to "<organisation> c.q. <person>".
            "organisasi": bool(applicant.get("organisasi")),
            "penanggung_jawab": applicant.get("penanggung_jawab") or "",
            "jabatan": applicant.get("jabatan") or "",
            "tujuan_surat": addressee(applicant.get("nama") or "", organisasi=bool(applicant.get("organisasi")),
                                      penanggung_jawab=applicant.get("penanggung_jawab")),
        },
        "permohonan": {
            "rincian": request.get("rincian_informasi") or "",
            "tujuan": request.get("tujuan") or "",
            "cara_memperoleh": italicised(", ".join(CARA_MEMPEROLEH.get(k, k) for k in request.get("cara_memperoleh", []))),
            "cara_salinan": ", ".join(CARA_SALINAN_TEXT.get(k, k) for k in request.get("cara_salinan", [])),
        },
        "tujuan": {
            "nama": holder or request.get("opd_tujuan") or config.forward.default_holder,
            "tempat": config.forward.default_holder_place,
        },
        "penandatangan": signer_block(getattr(config.signers, block_signer(config, spec))),
        "penerima": signer_block(config.signers.desk),
        "ppid": {**signer_block(config.signers.ppid), "unit": office_name(config.issuer(config.signers.ppid.issuer).name)},
        "atasan": signer_block(config.signers.atasan_ppid),
        "penyetuju": approver_block(config, spec),
        "berkas": _date_fields("tanggal_diterima", received),
        "kekurangan": list(problems or []),
        "jawaban": answer or empty_answer(),
        "keberatan": objection or empty_objection(),
        "penyerahan": handover or empty_handover(),
        "daftar": {**DIP_DEFAULTS, **(daftar or daftar_context(year=""))},
    }


DIP_DEFAULTS = {"penetap": "", "oleh_atasan": False, "jumlah_informasi": "", "jumlah_opd": "", "nomor_sk": "",
                "tanggal_sk": ""}
"""The DIP's keys beyond the list (pipeline.render.lists.daftar_context): who sets it, how much it holds, and the
signed SK (the nota submitting it, its covering letter)."""


def approver_block(config: Config, spec: LetterSpec) -> dict:
    """The Atasan PPID's "Menyetujui" block of an SK DIK signed by the PPID (Perki 1/2017 Pasal 4: the PPID
    classifies with the consent of the head of the public body), when ``[decrees] dik_approver`` asks for it."""
    wanted = spec.key == "sk_dik" and config.decrees.dik_approver and config.decrees.dik_signer == "ppid"
    block = signer_block(getattr(config.signers, config.decrees.dik_approver or "atasan_ppid"))
    return block if wanted else {key: ([] if isinstance(value, list) else "") for key, value in block.items()}


_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "atas", "serta", "pada", "dalam"}


def office_name(name: str) -> str:
    """An office's letterhead name as a sentence prints it: "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" ->
    "Dinas Komunikasi, Informatika dan Statistik"."""
    words = name.split()
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
                    for i, w in enumerate(words))


def sample_context(config: Config, spec: LetterSpec) -> dict:
    """A context with every key filled, used to check templates at start-up."""
    day = date(2026, 3, 16)
    case = Case(
        id=0, kind="permohonan", register="permohonan", year=2026, seq=1, number="001/PPID/III/2026",
        received=day, due=date(2026, 4, 7), forward_due=date(2026, 3, 25), status="terdaftar",
        folder="2026/03/001-PPID-III-2026", applicant_name="Contoh",
    )
    request = {
        "applicant": {"nama": "Contoh", "alamat": "Jalan Contoh 1", "nik": "5171010101900001", "pekerjaan": "Swasta",
                      "telepon": "081234567890", "email": "contoh@example.com", "nama_kuasa": ""},
        "rincian_informasi": "Contoh", "tujuan": "Contoh", "cara_memperoleh": ["salinan"], "cara_salinan": ["email"],
    }
    answer = {key: "Contoh" for key in ANSWER_KEYS}
    objection = {**{key: "Contoh" for key in OBJECTION_KEYS}, "alasan": ["Contoh"]}
    handover = {key: "Contoh" for key in HANDOVER_KEYS}
    return letter_context(config, spec, LetterMeta("000.9.2/1/IKP", "DOK-2026-000001", day), case=case,
                          request=request, problems=["Contoh"], answer=answer, objection=objection, handover=handover)
