"""Text normalisation shared by labels, options and values; the label rules and per-kind reading profiles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# Characters people paste without seeing them (WhatsApp and web pages add direction marks and zero-width
# joiners): removed before any check; the no-break and thin spaces become plain spaces.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe0e\ufe0f]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_HYPHENS = re.compile("[\u2010\u2011\u2043\u2212]")


def normalise_text(text: str) -> str:
    """Text as it is seen: invisible marks dropped, no-break and other odd spaces made plain spaces, the
    no-break hyphen a plain hyphen."""
    return _HYPHENS.sub("-", _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text)))


BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
LEADING_NUMBERING = re.compile(r"^\s*(?:(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\s*[.)]\s*)+")
_DOT_LEADERS = re.compile(r"\.{3,}|…+|_{3,}")
WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")


def normalise_label(text: str) -> str:
    """Lower-case a printed label and drop what varies between forms: numbering, hints in brackets,
    footnote stars, colons, dot leaders and spelling variants (No./Nomor, Telp/Telepon, E-mail/Email)."""
    label = BRACKETED.sub(" ", text)
    label = _DOT_LEADERS.sub(" ", label).replace("*", " ").replace("\n", " ")
    label = LEADING_NUMBERING.sub("", label)
    label = label.lower().replace("：", ":").replace(":", " ")
    label = re.sub(r"e\s*-\s*mail", "email", label)
    label = re.sub(r"\bno\b\.?", "nomor ", label)
    label = re.sub(r"\b(?:telp|tlp|telpon|tel)\b\.?", "telepon", label)
    label = re.sub(r"\bhandphone\b|\bhand phone\b", "hp", label)
    label = WS.sub(" ", label)
    return label.strip(" .,;-/")


_LABEL_RULES: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(pattern))
    for key, pattern in [
        # Officer-only and irrelevant labels first, so that their words do not trigger the rules below.
        (
            "_ignore",
            r"lahir|tanda tangan|paraf|diterima|penerimaan|fotokopi|fotocopy|^lampiran|^nomor$|^nomor urut$|^urut$"
            r"|^hal$|^perihal$|^nama (?:petugas|penerima|atasan)|^nip\b",
        ),
        ("nomor_registrasi_keberatan", r"registrasi.*keberatan|keberatan.*registrasi"),
        ("tanggal_tanggapan", r"tanggapan"),
        ("tempat_tanggal", r"tempat.*tanggal"),
        ("tanggal", r"tanggal|^hari\b"),
        ("nomor_pendaftaran", r"pendaftaran|registrasi|\breg\b|nomor (?:permohonan|formulir|agenda)"),
        (
            "opd_tujuan",
            r"\bopd\b|ppid pelaksana|perangkat daerah|badan publik|ditujukan|menguasai informasi|pemilik informasi",
        ),
        ("penanggung_jawab", r"^nama (?:kuasa ?/ ?)?penanggung\s*jawab|^penanggung\s*jawab ?/ ?kuasa"),
        ("nama_kuasa", r"\bnama\b.*\bkuasa\b|\bkuasa\b.*\bnama\b|^kuasa(?: pemohon)?$"),
        # Organisations as applicants: the organisation is the applicant, the person in charge a field of its own.
        (
            "penanggung_jawab",
            r"^(?:nama\s+)?(?:penanggung\s*jawab|pimpinan|ketua|direktur|pengurus)"
            r"(?:\s+(?:organisasi|lembaga|badan hukum|yayasan|perkumpulan))?$|^nama yang mewakili|^yang mewakili",
        ),
        ("jabatan", r"^jabatan|kedudukan dalam"),
        (
            "nama_organisasi",
            r"^nama (?:lembaga|organisasi|badan(?: hukum)?|yayasan|perkumpulan|instansi|perusahaan|kelompok|ormas"
            r"|lsm|komunitas|koperasi|institusi|sekolah|universitas|media)"
            r"|^(?:lembaga|organisasi|badan hukum|instansi|yayasan|perkumpulan)(?: pemohon| yang diwakili)?$"
            r"|^mewakili\b|^atas nama\b",
        ),
        ("jenis_pemohon", r"^(?:jenis|kategori|status) pemohon|^pemohon adalah"),
        # The proxy's other columns in a list ("Alamat Kuasa Pemohon"); on a Word form they sit under the
        # "Identitas Kuasa Pemohon" heading as plain "Alamat"/"Nomor Telepon" (see FieldScanner._start).
        ("alamat_kuasa", r"alamat.*\bkuasa\b|\bkuasa\b.*alamat"),
        (
            "telepon_kuasa",
            r"(?:telepon|\bhp\b|ponsel|whatsapp|\bwa\b).*\bkuasa\b"
            r"|\bkuasa\b.*(?:telepon|\bhp\b|ponsel|whatsapp|\bwa\b)",
        ),
        ("email_kuasa", r"(?:email|surel).*\bkuasa\b|\bkuasa\b.*(?:email|surel)"),
        (
            "nik_atau_sk",
            r"(?:\bnik\b|\bktp\b|kependudukan).*(?:\bsk\b|badan hukum)|(?:\bsk\b|badan hukum).*(?:\bnik\b|\bktp\b)",
        ),
        ("nomor_sk", r"\bsk\b|badan hukum|akta pendirian|\bahu\b|kemenkumham|kemenkum|pengesahan"),
        ("nik", r"\bnik\b|induk kependudukan|\bktp\b|kartu tanda penduduk|nomor identitas"),
        (
            "telepon_email",
            r"(?:telepon|\bhp\b|ponsel|\bwa\b|whatsapp).*(?:email|surel)|(?:email|surel).*(?:telepon|\bhp\b|ponsel)",
        ),
        ("email", r"email|surel|surat elektronik"),
        ("telepon", r"telepon|\bhp\b|ponsel|whatsapp|\bwa\b|kontak"),
        ("alamat", r"alamat|domisili"),
        ("pekerjaan", r"pekerjaan|profesi"),
        ("cara_salinan", r"cara.*(?:salinan|kirim|ngirim|pengiriman|penyampaian|menyampaikan|penyerahan|pengambilan)"
                         r"|^bagaimana .*(?:dikirim|salinan|diserahkan|disampaikan|diterima)"),
        ("cara_memperoleh", r"cara.*(?:memperoleh|mendapatkan|mengakses|akses)|^bagaimana .*(?:memperoleh|mendapatkan)"),
        ("tujuan", r"tujuan|kegunaan|maksud penggunaan|untuk apa|digunakan untuk|akan digunakan"),
        (
            "rincian_informasi",
            r"informasi yang|informasi apa|(?:rincian|ringkasan|uraian|jenis|judul) informasi|^(?:rincian|uraian)$"
            r"|data yang (?:dibutuhkan|diminta|dimohon)|informasi (?:dibutuhkan|diminta|dimohon)",
        ),
        ("kasus_posisi", r"kasus posisi"),
        ("alasan", r"alasan"),
        ("tempat", r"^tempat"),
        ("nama", r"\bnama\b"),
    ]
]
_MAX_LABEL_CHARS = 80
_MAX_LABEL_WORDS = 10
# Labels whose presence makes a document look like a request form.
REQUEST_LABELS = {
    "nama", "nama_organisasi", "penanggung_jawab", "nik", "nomor_sk", "nik_atau_sk", "alamat", "pekerjaan", "telepon", "email", "telepon_email",
    "rincian_informasi", "tujuan", "cara_memperoleh", "cara_salinan",
}  # fmt: skip
_CHOICE_KEYS = {"cara_memperoleh", "cara_salinan", "alasan", "jenis_pemohon"}
# Values that may run over several paragraphs; other values are one line.
_MULTILINE_KEYS = {"alamat", "rincian_informasi", "tujuan", "kasus_posisi"}
# A labelled line with one of these keys closes the "kuasa" (proxy) section of an objection form.
SECTION_RESET_KEYS = {"alasan", "kasus_posisi", "rincian_informasi", "cara_memperoleh", "cara_salinan", "tujuan"}
# The answer sheet (lembar jawaban) of a PPID Pelaksana. Its labels share words with the request's
# ("Informasi dikuasai oleh (bila Badan Publik lain)" is not the request's opd_tujuan, "Alasan perpanjangan"
# is a text, not the objection's a-g choice), so these rules are consulted first, and only on answer sheets.
_ANSWER_LABEL_RULES: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(pattern))
    for key, pattern in [
        (
            "_ignore",
            r"lembar jawaban|^diisi\b|tanda tangan|paraf|^ppid\b|^nip\b|stempel|^cap\b|^lampiran"
            r"|pejabat pengelola informasi|tanggal (?:permohonan|diterima|penerimaan|surat penerusan)"
            r"|^total\b|jumlah biaya|^nomor$|^nomor urut$",
        ),
        ("nomor_pendaftaran", r"pendaftaran|registrasi|\breg\b|nomor (?:permohonan|agenda)"),
        ("kapan_tersedia", r"kapan|akan (?:tersedia|didokumentasikan|dikuasai)|perkiraan (?:waktu|tanggal)"),
        ("tempat_tanggal", r"tempat.*tanggal"),
        ("tanggal", r"tanggal|^hari\b"),
        ("pejabat", r"nama pejabat|pejabat yang|yang menjawab|penjawab|^pejabat$"),
        ("alasan", r"alasan"),
        ("penghitaman", r"hitam|kabur|samar|penghitaman|pengaburan"),
        ("pasal17", r"pasal 17|dasar pengecualian|\bkip\b"),
        ("dasar_lain", r"dasar hukum|undang-undang|peraturan lain"),
        ("konsekuensi", r"konsekuensi"),
        ("dikuasai_oleh", r"dikuasai oleh|badan publik|menguasai informasi|penguasa informasi"),
        ("biaya_lain", r"biaya lain"),
        ("biaya_kirim", r"pengiriman|biaya kirim|ongkos kirim"),
        ("tarif", r"penyalinan|per halaman|per lembar|tarif|biaya (?:salin|fotokopi|penggandaan|cetak)"),
        ("halaman", r"halaman|jumlah lembar"),
        ("waktu_hari", r"waktu penyediaan|lama penyediaan|jangka waktu|hari kerja"),
        ("keputusan", r"keputusan|^jawaban\b|hasil jawaban"),
        ("bentuk", r"bentuk|format"),
    ]
]


@dataclass(frozen=True)
class Profile:
    """How one kind of form is read: its own label rules (consulted before the common ones), which keys
    are choices, which values may span paragraphs, printed labels that go on after a colon, and whether
    lettered or upper-case lines are sub-headings (never bare labels, and the end of a choice)."""

    rules: tuple[tuple[str, re.Pattern[str]], ...] = ()
    choice_keys: frozenset[str] = frozenset(_CHOICE_KEYS)
    multiline_keys: frozenset[str] = frozenset(_MULTILINE_KEYS)
    label_tails: tuple[tuple[str, re.Pattern[str]], ...] = ()
    headings: bool = False


DEFAULT_PROFILE = Profile()
ANSWER_PROFILE = Profile(
    rules=tuple(_ANSWER_LABEL_RULES),
    choice_keys=frozenset({"keputusan", "bentuk", "cara_memperoleh", "cara_salinan"}),
    multiline_keys=frozenset(_MULTILINE_KEYS | {"penghitaman", "konsekuensi", "alasan", "dasar_lain"}),
    # "Dasar pengecualian: Pasal 17 UU KIP huruf (a-j) dan angka" is one printed label with a colon inside.
    label_tails=(("pasal17", re.compile(r"pasal 17(?:[ ,/]+(?:uu|undang-undang|kip|huruf|dan|atau|angka|ayat))*")),),
    headings=True,
)
_PROFILES = {"jawaban": ANSWER_PROFILE}


def profile_for(kind: str | None) -> Profile:
    return _PROFILES.get(kind or "", DEFAULT_PROFILE)


def label_key(text: str, profile: Profile = DEFAULT_PROFILE) -> str | None:
    """Canonical key for a printed label, or None when the text is not a known label."""
    label = normalise_label(text)
    if not label or len(label) > _MAX_LABEL_CHARS or len(label.split()) > _MAX_LABEL_WORDS:
        return None
    for key, pattern in (*profile.rules, *_LABEL_RULES):
        if pattern.search(label):
            return key
    return None


def clean_line(text: str) -> str:
    text = _DOT_LEADERS.sub(" ", text.replace("\t", " "))
    return WS.sub(" ", text).strip()


def is_hint_only(text: str) -> bool:
    """A line that is only a printed hint such as "(tambahkan kertas bila perlu)"."""
    stripped = text.strip()
    return bool(stripped) and not BRACKETED.sub("", stripped).strip(" .:*")


def is_blank_value(text: str) -> bool:
    return not re.sub(r"[-–—.:\s]", "", text)


# Marks people put on options: ticks, crosses and filled circles (chosen), empty boxes and circles (not chosen).
TICK_CHARS = "☑☒✓✔√✗✘⊠■✅🗹●◉⦿▣"
BOX_CHARS = "☐□❏◻○◯⚪"

# Emphasis flags per character: a choice may be marked by emphasising the chosen option.
BOLD, UNDERLINE, HIGHLIGHT, COLOUR = 1, 2, 4, 8
EMPHASIS_NAMES = {BOLD: "cetak tebal", UNDERLINE: "garis bawah", HIGHLIGHT: "stabilo/arsir", COLOUR: "warna huruf"}


@dataclass(frozen=True)
class Para:
    """One paragraph (or one joined table row) of visible text, with per-character marks."""

    text: str = ""
    struck: tuple[bool, ...] = ()  # one flag per character of text
    images: tuple[str, ...] = ()  # relationship ids of pictures anchored here
    emphasis: tuple[int, ...] = ()  # one EMPHASIS bitmask per character (empty: none at all)
    where: str = ""  # where it was read, for the officer ("paragraf 14", "tabel 1, baris 3, kolom 2")

    def __post_init__(self) -> None:
        if len(self.struck) != len(self.text):  # built from plain text (a cell): nothing struck
            object.__setattr__(self, "struck", (tuple(self.struck) + (False,) * len(self.text))[: len(self.text)])

    def emphasis_at(self, index: int) -> int:
        return self.emphasis[index] if index < len(self.emphasis) else 0

    def slice(self, start: int, end: int | None = None) -> Para:
        emphasis = self.emphasis[start:end] if self.emphasis else ()
        return Para(self.text[start:end], self.struck[start:end], (), emphasis, self.where)

    @staticmethod
    def join(parts: Iterable[Para], separator: str = "\t") -> Para:
        text, struck, images, emphasis, where = "", (), (), (), ""
        for index, part in enumerate(parts):
            if index:
                text += separator
                struck += (False,) * len(separator)
                emphasis += (0,) * len(separator)
            text += part.text
            struck += part.struck
            images += part.images
            emphasis += part.emphasis or (0,) * len(part.text)
            where = where or (part.where if part.text.strip() else "")
        if not any(emphasis):
            emphasis = ()
        return Para(text, struck, images, emphasis, where)


def cell_text(cell: list[Para]) -> str:
    return " ".join(para.text.strip() for para in cell if para.text.strip())


_REQUEST_NUMBER_PREFIX = re.compile(
    r"^(?:no(?:mor)?\.?\s*(?:reg(?:istrasi)?\.?|pendaftaran|permohonan)?\s*(?:permohonan)?\s*[:.\-–—]?\s*)", re.IGNORECASE
)


def clean_request_number(text: str) -> str:
    """ "No. Reg: 001/PPID/IV/2026" and "001 / PPID / IV / 2026" -> "001/PPID/IV/2026": the number as registered."""
    number = _REQUEST_NUMBER_PREFIX.sub("", " ".join(text.split())).strip(" :.;-–—")
    return re.sub(r"\s*/\s*", "/", number)
