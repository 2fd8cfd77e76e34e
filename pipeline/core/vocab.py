"""The domain's vocabulary, defined once: choices on the forms, objection reasons, decisions and their labels,
case kinds and statuses, legal bases, and the paper sizes. Letters, registers, the report, the archive page,
the print bundles, the blank forms and the readers all take their words from here, so a label reads the same
wherever it is printed.

Where one key has several texts, each serves its own purpose and its name says which: ``*_TEXT`` a sentence
in a letter, ``*_LABEL`` a label (a figure, a badge, a filter), ``*_SHORT`` a table cell, ``*_OPTION`` an
option printed on a form to tick, ``*_TITLE`` and ``*_DESCRIPTION`` the longer wording of a cover sheet,
``*_CLAUSE`` the words that end a sentence of the Act.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- the request form (reference §2): choice A and choice B, key -> label as printed on the form -------------

CARA_MEMPEROLEH = {
    "melihat": "Melihat/membaca/mendengarkan/mencatat",
    "salinan": "Mendapatkan salinan informasi (hardcopy/softcopy)",
}
CARA_MEMPEROLEH_SHORT = {"melihat": "Melihat/mengetahui", "salinan": "Meminta salinan"}
"""Choice A in a table cell: the Buku Register's two Jenis Permohonan columns (Perki 1/2010)."""
CARA_SALINAN = {
    "mengambil_langsung": "Mengambil langsung",
    "kurir": "Kurir",
    "pos": "Pos",
    "faksimili": "Faksimili",
    "email": "E-mail",
    "whatsapp": "WhatsApp",
}

# -- the objection form (reference §3): UU KIP Pasal 35 ayat (1) a-g, short labels as printed on forms ------

ALASAN_KEBERATAN = {
    "a": "Permohonan informasi ditolak",
    "b": "Informasi berkala tidak disediakan",
    "c": "Permintaan informasi tidak ditanggapi",
    "d": "Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
    "e": "Permintaan informasi tidak dipenuhi",
    "f": "Biaya yang dikenakan tidak wajar",
    "g": "Informasi disampaikan melebihi jangka waktu yang ditentukan",
}

# -- decisions: on a request (the PPID's answer) and on an objection (the Atasan PPID's) ---------------------

REQUEST_DECISIONS = ("diberikan", "sebagian", "ditolak", "tidak-dikuasai", "belum-didokumentasikan", "perpanjangan")
OBJECTION_DECISIONS = ("keberatan-diterima", "keberatan-ditolak")
DECISIONS = REQUEST_DECISIONS + OBJECTION_DECISIONS
FINAL_DECISIONS = tuple(d for d in REQUEST_DECISIONS if d != "perpanjangan")
"""The answers that decide a request (an extension only moves its deadline)."""

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

INFORMATION_FORMS = ("softcopy", "hardcopy")
"""The forms the information is available in (the written notice's "bentuk")."""

DECISION_LABEL = {
    "diberikan": "Informasi diberikan seluruhnya",
    "sebagian": "Informasi diberikan sebagian",
    "ditolak": "Permohonan ditolak (informasi dikecualikan)",
    "tidak-dikuasai": "Informasi tidak dikuasai",
    "belum-didokumentasikan": "Informasi belum didokumentasikan",
}
"""A final decision as a label of what was done: the report's figures."""

DECISION_SHORT = {
    "diberikan": "Diberikan seluruhnya",
    "sebagian": "Diberikan sebagian",
    "ditolak": "Ditolak",
    "tidak-dikuasai": "Tidak dikuasai",
    "belum-didokumentasikan": "Belum didokumentasikan",
}
"""A final decision in a table cell: the report's Rincian and chart, the register's Keputusan column."""

DECISION_HELD = {"diberikan": True, "sebagian": True, "ditolak": True, "tidak-dikuasai": False}
"""Whether a decision says the public body holds the information (the register's "Di bawah penguasaan");
a decision not listed says nothing about it."""

DECISION_OPTION = {
    "diberikan": "Informasi dapat diberikan seluruhnya",
    "sebagian": "Informasi dapat diberikan sebagian",
    "ditolak": "Permohonan ditolak (informasi dikecualikan)",
    "tidak-dikuasai": "Informasi belum/tidak dikuasai",
    "belum-didokumentasikan": "Informasi belum didokumentasikan",
    "perpanjangan": "Perlu perpanjangan waktu",
}
"""The decisions as printed on the PPID Pelaksana's answer sheet, one to tick (in REQUEST_DECISIONS order)."""

OBJECTION_AGAINST_A_DECISION = ("a", "d", "e", "f")
"""The objection reasons (UU KIP Pasal 35 ayat 1) that contest what the PPID decided on the request: only then
does the Atasan PPID have a decision to uphold (Pasal 36 ayat 3). Reasons b, c and g object to information not
provided, a request not answered, an answer given late: there is no PPID decision to uphold."""


def contests_a_decision(reasons) -> bool:
    """True when one of the objection's reasons (letters a-g) contests a PPID decision."""
    return any(str(reason).strip()[:1].lower() in OBJECTION_AGAINST_A_DECISION for reason in reasons or ())


OBJECTION_ANSWER_TEXT = {
    ("keberatan-diterima", True): "Keberatan diterima; PPID diperintahkan memberikan informasi yang dimohon",
    ("keberatan-ditolak", True): "Keberatan ditolak; keputusan PPID dikuatkan",
    ("keberatan-diterima", False): "Keberatan diterima; PPID diperintahkan menindaklanjuti permohonan informasi "
                                   "sebagaimana diuraikan di bawah ini",
    ("keberatan-ditolak", False): "Keberatan ditolak",
}
"""The Atasan PPID's decision as the Tanggapan states it, by (decision, whether the objection contests a PPID
decision): "keputusan PPID dikuatkan" only where there is one."""

NO_CHARGE_TEXT = "tidak dikenakan biaya"
"""The costs of information handed over free of charge: the handover receipt's "Cara pembayaran"."""

OPEN_OBJECTION = "belum-diputus"
"""An objection the Atasan PPID has not decided yet: counted by the report, not a decision."""

OBJECTION_OUTCOME_LABEL = {
    "keberatan-diterima": "Keberatan diterima (dikabulkan)",
    "keberatan-ditolak": "Keberatan ditolak",
    OPEN_OBJECTION: "Keberatan belum diputus",
}
"""An objection's outcome as a label: the report's figures, the register's Keputusan Atasan PPID column."""

# -- disputes before the Komisi Informasi (UU KIP Pasal 37-38; ``ppid sengketa``) ------------------------------

DISPUTE_OPEN = "belum-diputus"
DISPUTE_OUTCOMES = {
    DISPUTE_OPEN: "Belum selesai",
    "mediasi": "Selesai melalui mediasi",
    "dikabulkan": "Permohonan dikabulkan seluruhnya",
    "dikabulkan-sebagian": "Permohonan dikabulkan sebagian",
    "ditolak": "Permohonan ditolak",
    "tidak-diterima": "Permohonan tidak dapat diterima",
    "dicabut": "Permohonan dicabut",
}
"""How a dispute ended, as the report counts it; ``ppid sengketa --putusan`` takes the keys."""

# -- case kinds and statuses, as the archive page and the print bundles' cover sheets name them ----------------

KIND_LABEL = {"permohonan": "Permohonan", "keberatan": "Keberatan"}
"""A case's kind in a table cell or a filter."""

STATUS_LABEL = {
    "diterima": "Diterima",
    "diteruskan": "Diteruskan",
    "diperpanjang": "Diperpanjang",
    "dijawab": "Dijawab",
    "selesai": "Selesai",
    "batal": "Batal",
}
"""A case's status as a badge or a filter option (pipeline.store.events names the statuses)."""

STATUS_DESCRIPTION = {**STATUS_LABEL, "diteruskan": "Diteruskan ke PPID Pelaksana", "diganti": "Diganti yang lebih baru"}
"""A case's status as a fact on the cover sheet, where there is room to say to whom it went."""

# -- paper ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paper:
    """One paper size, as each kind of output states it."""

    millimetres: tuple[int, int]   # width x height, portrait: documents and print bundles
    xlsx_code: int                 # the OOXML paperSize code of a workbook's page setup


PAPERS = {
    "F4": Paper((215, 330), 14),   # 14 = "Folio 8.5 x 13 in" (215.9 x 330.2 mm): what Excel and drivers offer for F4
    "A4": Paper((210, 297), 9),
}
PAPER_ALIASES = {"FOLIO": "F4"}
DEFAULT_PAPER = "F4"
"""``[paper] size`` when config.toml does not say, and the paper of the blank list forms."""


def paper(name: str) -> Paper:
    """The paper called ``name`` (``F4``, ``A4``, ``Folio``; any case); ValueError for any other."""
    key = name.strip().upper()
    key = PAPER_ALIASES.get(key, key)
    if key not in PAPERS:
        raise ValueError(f"ukuran kertas tidak dikenal: {name!r} (F4 atau A4)")
    return PAPERS[key]


# -- UU KIP Pasal 17: what makes information excepted, letters a-j (PASAL17_LETTERS) ---------------------------

PASAL17_LABEL = {
    "a": "Menghambat proses penegakan hukum",
    "b": "Mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha "
         "tidak sehat",
    "c": "Membahayakan pertahanan dan keamanan negara",
    "d": "Mengungkapkan kekayaan alam Indonesia",
    "e": "Merugikan ketahanan ekonomi nasional",
    "f": "Merugikan kepentingan hubungan luar negeri",
    "g": "Mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
    "h": "Mengungkap rahasia pribadi",
    "i": "Memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut sifatnya dirahasiakan",
    "j": "Informasi Publik yang tidak boleh diungkapkan berdasarkan Undang-Undang",
}
"""Each letter in the Act's own words, without "dapat": the report's table of rejection bases."""

PASAL17_CLAUSE = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan "
         "usaha tidak sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang",
    "h": "mengungkap rahasia pribadi (keluarga, kesehatan, keuangan, evaluasi kemampuan, catatan pendidikan)",
    "i": "memorandum atau surat-surat antar atau intra Badan Publik yang menurut sifatnya dirahasiakan",
    "j": "informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
}  # fmt: skip
"""Each letter closer to the Act's words, ending the sentence "informasi yang bila dibuka dapat ...":
the instructions of the blank DIK form."""

# -- legal bases ---------------------------------------------------------------------------------------------

UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
PASAL17_LETTERS = "abcdefghij"

# -- the letters, by their keys (pipeline.render.letters declares each; config.toml's [tembusan] names them) --------

LETTER_KEYS = (
    "tanda_terima_permohonan", "surat_ppid_pelaksana", "pemberitahuan_kurang_lengkap", "pemberitahuan_tertulis",
    "sk_penolakan", "usulan_penolakan", "surat_perpanjangan", "tanda_terima_penyerahan",
    "tanda_terima_keberatan", "nota_atasan_keberatan", "surat_keberatan_pelaksana", "nota_tanggapan",
    "tanggapan_keberatan",
    "konsep_sk_dip", "nota_dip", "sk_dip", "pengantar_dip", "koreksi_dip", "sk_dik",
)

# -- who applies (reference §2: a person with a NIK, or a legal entity with its SK number) --------------------

JENIS_PEMOHON = {
    "perorangan": "Perorangan",
    "organisasi": "Badan hukum/organisasi",
}
