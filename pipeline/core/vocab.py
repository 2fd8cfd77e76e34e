"""The domain's vocabulary, defined once: choices on the forms, objection reasons, decisions, legal bases,
and the paper sizes. Letters, registers, the report, the blank forms and the readers all take their words
from here, so a label reads the same wherever it is printed.
"""

from __future__ import annotations

# -- the request form (reference §2): choice A and choice B, key -> label as printed on the form -------------

CARA_MEMPEROLEH = {
    "melihat": "Melihat/membaca/mendengarkan/mencatat",
    "salinan": "Mendapatkan salinan informasi (hardcopy/softcopy)",
}
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

# -- legal bases ---------------------------------------------------------------------------------------------

UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
PASAL17_LETTERS = "abcdefghij"

# -- who applies (reference §2: a person with a NIK, or a legal entity with its SK number) --------------------

JENIS_PEMOHON = {
    "perorangan": "Perorangan",
    "organisasi": "Badan hukum/organisasi",
}
