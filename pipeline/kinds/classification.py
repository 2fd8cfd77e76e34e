"""SOP step 3: propose whether requested information is open (DIP) or excepted (DIK).

A citizen writes what they want in free Indonesian ("Mohon salinan data jumlah kasus DBD per kabupaten tahun
2025"). :class:`Classifier` matches that text against the Daftar Informasi Publik and the Daftar Informasi
yang Dikecualikan and returns a :class:`Proposal`: ``terbuka`` (best match is a DIP entry), ``dikecualikan``
(a DIK entry matches clearly better) or ``tidak_ditemukan`` (nothing matches well enough: the information is
probably not held). It is a proposal for the PPID, never a decision: the officer confirms it.

Method (deterministic, pure Python, no model):

1. Text: NFKD + case-folding, reduplication ("anak-anak", "anak2") folded, informal abbreviations expanded
   ("yg", "thn", "kab"), punctuation dropped. Numbers are dropped except years (1950-2099), which stay as
   tokens at a low weight so that "2025" helps a tie but never outweighs a content word.
2. Stop words: Indonesian function words plus request boilerplate (mohon, minta, data, informasi, salinan,
   dokumen, tentang, tahun ...).
3. Typos: a query word of five letters or more that is unknown both to the lists and to Sastrawi's
   dictionary of Indonesian roots is corrected to the nearest word of the lists (edit distance 1, or 2 from
   nine letters on, same first letter), e.g. "kesehtan" -> "kesehatan".
4. Stems: Sastrawi (Nazief-Adriani), cached per word.
5. Synonyms: groups of phrases ("DBD" / "demam berdarah dengue" / "demam berdarah"), matched on stems in
   entries and requests alike. A match adds a concept feature shared by the whole group and, at a lower
   weight, the words of the group's other phrases, so the expansion works both ways and partial phrases
   ("rumah sakit" against "RSUD") still count.
6. Score: TF-IDF cosine over unigrams, bigrams of adjacent content stems and concepts; sublinear term
   frequency and BM25's idf over DIP and DIK together. Fields weigh differently (the summary of a DIP entry
   or the excepted information of a DIK entry fully; the OPD and unit names lightly). Terms that occur only
   (or mostly) in DIK entries, i.e. the personal / security vocabulary (rekam medis, NIK, kata sandi,
   identitas pelapor ...), get their idf raised by ``dik_boost`` so a request that uses them leans to the
   DIK entry rather than to an open aggregate of the same subject.
7. Decision: ``dikecualikan`` when the best DIK score passes the threshold and beats the best DIP score by
   ``margin`` (or the best DIP is below the threshold); otherwise ``terbuka`` when the best DIP score passes
   the threshold; otherwise ``tidak_ditemukan``.

Entries are plain dicts. DIP keys: ``id``, ``category``, ``ringkasan``, ``penguasa``, ``penanggung_jawab``,
``waktu_tempat``, ``bentuk``, ``retensi``, ``opd``; DIK keys: ``id``, ``informasi``, ``dasar``,
``konsekuensi_dibuka``, ``konsekuensi_ditutup``, ``jangka_waktu``, ``unit`` (and optionally ``opd``). The
column names of :mod:`pipeline.intake.reading` (``ringkasan_isi``, ``penguasa_informasi``, ``dasar_hukum``,
``pejabat``) are accepted too.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import orjson

from pipeline.jobs.context import Context
from pipeline.kinds.dik import DIK_PROPOSAL
from pipeline.kinds.dip import DIP_RECAP
from pipeline.store.db import Case
from pipeline.store.events import CLOSED

__all__ = ["Proposal", "Classifier", "DEFAULT_SYNONYMS", "STOPWORDS", "tokens", "stem", "is_indonesian", "evaluate",
           "format_report"]

KINDS = ("terbuka", "dikecualikan", "tidak_ditemukan")

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

# Each group: a canonical phrase and its variants. Abbreviations, spelled-out forms, everyday words.
DEFAULT_SYNONYMS: dict[str, list[str]] = {
    # health
    "demam berdarah dengue": ["dbd", "demam berdarah", "dengue"],
    "tuberkulosis": ["tbc", "tb paru", "tibi"],
    "hiv": ["hiv aids", "aids", "odha", "orang dengan hiv"],
    "rumah sakit umum daerah": ["rsud", "rs daerah", "rs provinsi"],
    "rumah sakit": ["rs", "rumah sakit"],
    "puskesmas": ["pusat kesehatan masyarakat"],
    "jaminan kesehatan nasional": ["jkn", "bpjs kesehatan", "bpjs", "kis", "kartu indonesia sehat"],
    "penerima bantuan iuran": ["pbi"],
    "kejadian luar biasa": ["klb", "wabah", "outbreak"],
    "laboratorium kesehatan daerah": ["labkesda", "lab kesehatan daerah"],
    "tenaga kesehatan": ["nakes", "tenaga medis"],
    "kegiatan belajar mengajar": ["kbm", "sekolah libur", "sekolah diliburkan", "libur sekolah",
                                  "belajar dari rumah", "sekolah tatap muka"],
    "tingkat hunian tempat tidur": ["bor", "bed occupancy rate", "keterisian tempat tidur"],
    "icu": ["intensive care unit", "ruang perawatan intensif"],
    "rekam medis": ["rekam medik", "catatan medis", "medical record", "riwayat pengobatan", "riwayat penyakit"],
    "diagnosis": ["diagnosa"],
    "hasil laboratorium": ["hasil lab", "hasil cek darah"],
    "stunting": ["tengkes", "balita pendek", "gagal tumbuh"],
    "kematian ibu": ["aki", "angka kematian ibu", "ibu melahirkan meninggal"],
    "kematian bayi": ["akb", "angka kematian bayi"],
    # education
    "penerimaan peserta didik baru": ["ppdb", "spmb", "pendaftaran siswa baru", "penerimaan siswa baru"],
    "petunjuk teknis": ["juknis"],
    "siswa": ["murid", "peserta didik", "pelajar"],
    "guru": ["tenaga pendidik", "pendidik"],
    "sekolah menengah atas": ["sma", "sman", "smu"],
    "sekolah menengah kejuruan": ["smk", "smkn", "stm"],
    "sekolah luar biasa": ["slb"],
    "bantuan operasional sekolah": ["bos", "dana bos", "bosda"],
    "rapor": ["raport", "rapot", "raport siswa"],
    "bimbingan konseling": ["bk", "bimbingan dan konseling"],
    # transport and revenue
    "pajak kendaraan bermotor": ["pkb", "pajak kendaraan", "pajak motor", "pajak mobil"],
    "bea balik nama kendaraan bermotor": ["bbnkb", "balik nama kendaraan"],
    "pendapatan asli daerah": ["pad"],
    "samsat": ["sistem administrasi manunggal satu atap"],
    "uji kir": ["kir", "pengujian kendaraan bermotor", "uji berkala kendaraan"],
    "penerangan jalan umum": ["pju", "lampu jalan"],
    "angkutan antarkota dalam provinsi": ["akdp"],
    "trans metro dewata": ["teman bus", "bus trans"],
    "penyeberangan": ["penyebrangan", "kapal feri", "ferry", "kapal penyeberangan"],
    "cuaca buruk": ["cuaca ekstrem", "gelombang tinggi", "angin kencang", "badai"],
    "kecelakaan lalu lintas": ["laka lantas", "lakalantas", "kecelakaan lalulintas"],
    # public works and spatial planning
    "rencana tata ruang wilayah": ["rtrw", "tata ruang"],
    "pekerjaan umum dan penataan ruang": ["pupr", "dinas pu", "dpupr"],
    "sistem penyediaan air minum": ["spam", "air bersih", "air minum", "pdam"],
    "adendum": ["addendum", "amandemen kontrak", "perubahan kontrak"],
    "kontraktor": ["penyedia jasa", "rekanan", "pemborong", "vendor"],
    # social affairs and disasters
    "data terpadu kesejahteraan sosial": ["dtks", "dtsen"],
    "program keluarga harapan": ["pkh"],
    "bantuan sosial": ["bansos"],
    "bantuan pangan non tunai": ["bpnt", "kartu sembako"],
    "penyandang masalah kesejahteraan sosial": ["pmks"],
    "panti werdha": ["panti jompo", "panti lansia", "panti lanjut usia"],
    "gelandangan dan pengemis": ["gepeng"],
    "badan penanggulangan bencana daerah": ["bpbd"],
    "belanja tidak terduga": ["btt", "dana tak terduga", "dana siap pakai"],
    "erupsi": ["letusan gunung", "gunung meletus", "gunung api"],
    "pengungsi": ["pengungsian", "evakuasi warga"],
    # environment
    "analisis mengenai dampak lingkungan": ["amdal"],
    "upaya pengelolaan lingkungan": ["ukl upl"],
    "tempat pemrosesan akhir": ["tpa", "tempat pembuangan akhir", "tempat pembuangan sampah"],
    "limbah b3": ["bahan berbahaya dan beracun", "limbah berbahaya"],
    "pencemaran": ["polusi", "tercemar"],
    "tumpahan minyak": ["tumpahan oli", "oil spill"],
    # tourism
    "wisatawan mancanegara": ["wisman", "turis asing", "wisatawan asing", "turis mancanegara", "turis"],
    "wisatawan nusantara": ["wisnus", "wisatawan domestik", "turis lokal"],
    "tingkat penghunian kamar": ["tpk", "okupansi hotel", "tingkat hunian hotel", "okupansi"],
    "pungutan wisatawan asing": ["pwa", "retribusi turis asing", "levy"],
    # information services
    "pejabat pengelola informasi dan dokumentasi": ["ppid"],
    "daftar informasi publik": ["dip"],
    "hoaks": ["hoax", "berita bohong", "kabar bohong", "disinformasi"],
    "internet gratis": ["wifi", "wi fi", "hotspot", "wifi publik"],
    "sistem pemerintahan berbasis elektronik": ["spbe", "e government"],
    # finance and procurement
    "anggaran pendapatan dan belanja daerah": ["apbd"],
    "perubahan apbd": ["apbd perubahan", "apbdp", "apbd p"],
    "laporan hasil pemeriksaan": ["lhp"],
    "badan pemeriksa keuangan": ["bpk"],
    "laporan keuangan pemerintah daerah": ["lkpd"],
    "laporan realisasi anggaran": ["lra"],
    "barang milik daerah": ["bmd", "aset daerah", "aset pemprov"],
    "hibah": ["dana hibah", "bantuan hibah"],
    "rencana umum pengadaan": ["rup", "sirup"],
    "layanan pengadaan secara elektronik": ["lpse", "e procurement"],
    "tender": ["lelang", "pemilihan penyedia"],
    "daftar hitam": ["blacklist", "black list"],
    "harga perkiraan sendiri": ["hps"],
    "kelompok kerja pemilihan": ["pokja", "pokja pemilihan", "panitia lelang"],
    # civil service
    "aparatur sipil negara": ["asn", "pns", "pegawai negeri sipil", "pegawai negeri"],
    "pegawai pemerintah dengan perjanjian kerja": ["pppk", "p3k"],
    "calon pegawai negeri sipil": ["cpns"],
    "jabatan pimpinan tinggi": ["jpt", "lelang jabatan", "open bidding", "seleksi terbuka", "eselon ii"],
    "sasaran kinerja pegawai": ["skp", "penilaian prestasi kerja"],
    "asesmen kompetensi": ["assessment", "asesmen", "uji kompetensi"],
    "hukuman disiplin": ["sanksi disiplin", "pemecatan", "diberhentikan tidak dengan hormat"],
    # labour, investment, planning
    "upah minimum provinsi": ["ump"],
    "upah minimum kabupaten kota": ["umk"],
    "balai latihan kerja": ["blk"],
    "pemutusan hubungan kerja": ["phk"],
    "pencari kerja": ["pencaker", "pengangguran mencari kerja"],
    "penanaman modal asing": ["pma", "investasi asing"],
    "penanaman modal dalam negeri": ["pmdn", "investasi domestik"],
    "online single submission": ["oss", "perizinan berusaha terintegrasi"],
    "rencana pembangunan jangka menengah daerah": ["rpjmd"],
    "rencana kerja pemerintah daerah": ["rkpd"],
    "musyawarah perencanaan pembangunan": ["musrenbang"],
    "indeks pembangunan manusia": ["ipm"],
    "rencana strategis": ["renstra"],
    "laporan kinerja instansi pemerintah": ["lkjip", "lakip", "lakin", "laporan kinerja"],
    "laporan keterangan pertanggungjawaban": ["lkpj"],
    "laporan penyelenggaraan pemerintahan daerah": ["lppd"],
    "program kerja pengawasan tahunan": ["pkpt"],
    "whistleblowing system": ["wbs", "sistem pelaporan pelanggaran"],
    "rencana zonasi wilayah pesisir dan pulau pulau kecil": ["rzwp3k"],
    "penyakit mulut dan kuku": ["pmk"],
    "pupuk bersubsidi": ["pupuk subsidi"],
    "galian c": ["tambang batuan", "tambang pasir", "pertambangan batuan"],
    # law
    "peraturan daerah": ["perda"],
    "peraturan gubernur": ["pergub"],
    "rancangan peraturan gubernur": ["ranpergub", "draf pergub", "draft pergub", "rancangan pergub"],
    "keputusan gubernur": ["kepgub", "sk gubernur"],
    "jaringan dokumentasi dan informasi hukum": ["jdih", "produk hukum"],
    "satuan polisi pamong praja": ["satpol pp", "pol pp"],
    "penyidik pegawai negeri sipil": ["ppns"],
    "berita acara pemeriksaan": ["bap"],
    "penyidikan": ["disidik", "penyelidikan", "diselidiki", "proses hukum"],
    "pengadaan tanah": ["pembebasan lahan", "pembebasan tanah", "ganti rugi tanah"],
    "appraisal": ["taksiran harga", "penilaian harga tanah", "nilai ganti kerugian"],
    # personal data and security (the vocabulary of the DIK)
    "data pribadi": ["data diri", "identitas pribadi", "informasi pribadi", "privasi"],
    "nomor induk kependudukan": ["nik", "nomor ktp", "ktp"],
    "kartu keluarga": ["kk", "nomor kk"],
    "nomor telepon pribadi": ["nomor hp", "no hp", "nomor handphone", "nomor wa", "no wa", "nomor ponsel"],
    "nomor rekening": ["no rekening", "rekening bank"],
    "atas nama": ["perorangan", "individu", "per individu"],
    "kata sandi": ["password", "sandi"],
    "uji penetrasi": ["pentest", "penetration test", "celah keamanan", "kerentanan"],
    "pengamanan": ["pengawalan", "protokol keamanan", "sistem keamanan"],
    "kekerasan seksual": ["pelecehan seksual", "pemerkosaan", "pencabulan"],
    "pelapor": ["whistleblower", "yang melaporkan", "pengadu"],
    "satwa dilindungi": ["satwa langka", "hewan langka", "jalak bali", "penyu"],
    # OPD names
    "dinas kesehatan": ["dinkes"],
    "dinas pendidikan": ["disdik", "disdikpora"],
    "dinas perhubungan": ["dishub"],
    "badan pendapatan daerah": ["bapenda"],
    "dinas sosial": ["dinsos"],
    "dinas lingkungan hidup": ["dlh", "dklh"],
    "dinas pariwisata": ["dispar", "disparda"],
    "dinas komunikasi informatika dan statistik": ["diskominfos", "diskominfo", "kominfo"],
    "badan pengelolaan keuangan dan aset daerah": ["bpkad"],
    "badan kepegawaian daerah": ["bkd", "bkpsdm"],
    "dinas tenaga kerja": ["disnaker", "disnakertrans"],
    "badan perencanaan pembangunan daerah": ["bappeda"],
}

# Indonesian function words, question words, request boilerplate and the politeness around it.
STOPWORDS: frozenset[str] = frozenset("""
yang dan di ke dari untuk dengan pada dalam atau oleh ini itu adalah ialah akan sudah telah belum pernah
sedang masih juga saja hanya pun lah kah tah nya ada tidak tak bukan jangan bisa dapat boleh harus perlu
agar supaya sehingga karena sebab jika kalau bila apabila maka namun tetapi tapi serta beserta maupun
bahwa sebagai seperti antara antar terhadap tanpa sejak sampai hingga selama sesudah setelah sebelum
saat ketika waktu lalu kemarin sekarang kini nanti tadi depan terakhir tersebut sini situ sana begitu
apa apakah bagaimana gimana berapa berapakah kapan dimana mana manakah mengapa kenapa siapakah
saya aku kami kita anda beliau dia mereka bapak pak bu sdr saudara yth terhormat kak
mohon minta meminta memohon ingin mau hendak butuh membutuhkan perlu memerlukan tolong harap berharap
terima kasih salam hormat semua seluruh segala tiap setiap masing per para sang si
data informasi info keterangan salinan copy fotokopi dokumen berkas file softcopy hardcopy scan
tentang mengenai terkait perihal soal hal berkaitan berkenaan
tahun thn bulan tanggal tgl periode
berikan diberikan memberikan dikirim kirimkan mengirimkan lampirkan dilampirkan diminta dimohon
mendapatkan memperoleh diperoleh didapat tahu mengetahui diketahui lihat melihat
lengkap lengkapnya terbaru terkini rinci rincian detail detil secara sebanyak banyak banyaknya jumlah
total sebesar besaran hasil berupa yaitu yakni ataupun dll dsb dst sbb tsb
pemerintah pemprov provinsi prov bali setempat kantor instansi
""".split())

# Stems of boilerplate verbs whose inflected forms are many ("meminta", "dimintakan", "permintaan").
STOP_STEMS: frozenset[str] = frozenset({"minta", "mohon", "beri", "butuh", "ingin", "tanya", "salin", "kirim",
                                        "harap", "peroleh", "tahu", "lampir", "perlu"})

# Informal spellings and abbreviations of everyday words (not domain terms: those are synonyms).
ABBREVIATIONS: dict[str, str] = {
    "yg": "yang", "dg": "dengan", "dgn": "dengan", "utk": "untuk", "u": "untuk", "tdk": "tidak", "gak": "tidak",
    "nggak": "tidak", "ga": "tidak", "thn": "tahun", "th": "tahun", "kab": "kabupaten", "kabupten": "kabupaten",
    "kec": "kecamatan", "kel": "kelurahan", "krn": "karena", "sdh": "sudah", "blm": "belum", "bgmn": "bagaimana",
    "gmn": "bagaimana", "jln": "jalan", "jl": "jalan", "sy": "saya", "bln": "bulan", "org": "orang",
    "no": "nomor", "nmr": "nomor", "dr": "dari", "pd": "pada", "dlm": "dalam", "tsb": "tersebut",
    "jml": "jumlah", "sbg": "sebagai", "ttg": "tentang", "bbrp": "beberapa", "skrg": "sekarang",
    "kabkota": "kabupaten kota", "kako": "kabupaten kota",
}

_YEAR_RE = re.compile(r"^(19[5-9]\d|20\d\d)$")
_WORD_RE = re.compile(r"[a-z0-9]+")
_REDUP_RE = re.compile(r"\b([a-z]+)-\1\b")
_REDUP2_RE = re.compile(r"\b([a-z]{3,})2\b")


# ---------------------------------------------------------------------------------------------
# Text handling
# ---------------------------------------------------------------------------------------------

_STEMMER = None


_ROOTS: frozenset[str] = frozenset()


def _stemmer():
    """Sastrawi's stemmer over its own dictionary of roots, held in a set.

    Sastrawi 1.0.1 keeps the 30,000 roots in a list and looks each candidate up with ``in``, which makes a
    word cost ~20 ms; the same dictionary in a set gives identical stems about a thousand times faster.
    """
    global _STEMMER, _ROOTS
    if _STEMMER is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        factory = StemmerFactory()
        _ROOTS = frozenset(w.strip() for w in factory.get_words() if w.strip())
        try:
            from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
            from Sastrawi.Stemmer.Stemmer import Stemmer

            dictionary = ArrayDictionary()
            dictionary.words = _ROOTS          # `contains` is `word in self.words`
            _STEMMER = Stemmer(dictionary)
        except (ImportError, AttributeError, TypeError):   # another Sastrawi layout: its own stemmer
            _STEMMER = factory.create_stemmer()
    return _STEMMER


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Sastrawi stem of one lowercase word; words with digits are returned as they are. Cached."""
    if not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def is_indonesian(word: str) -> bool:
    """True when the word's stem is a root of Sastrawi's dictionary (about 30,000 Indonesian roots)."""
    _stemmer()
    return stem(word) in _ROOTS


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " dan ")
    text = _REDUP_RE.sub(r"\1", text)
    return _REDUP2_RE.sub(r"\1", text)


def surface_words(text: str) -> list[str]:
    """Case-folded words with informal abbreviations expanded; numbers other than years dropped."""
    out: list[str] = []
    for raw in _WORD_RE.findall(_fold(text)):
        if raw.isdigit():
            if _YEAR_RE.match(raw):
                out.append(raw)
            continue
        out.extend(ABBREVIATIONS.get(raw, raw).split())
    return out


def _is_stop(word: str, stopwords: frozenset[str]) -> bool:
    return word in stopwords or (len(word) < 2) or (word.isalpha() and stem(word) in STOP_STEMS)


def tokens(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Content stems of a text, in order (years kept as "2025"). No typo correction, no synonyms."""
    return [w if w.isdigit() else stem(w) for w in surface_words(text) if not _is_stop(w, stopwords)]


def _damerau(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, returning limit + 1 as soon as it is certainly exceeded."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


# ---------------------------------------------------------------------------------------------
# Proposal
# ---------------------------------------------------------------------------------------------

def _is_dik(entry: dict) -> bool:
    return any(k in entry for k in ("informasi", "dasar", "dasar_hukum", "konsekuensi_dibuka"))


def _field(entry: dict, *keys: str) -> str:
    for key in keys:
        value = entry.get(key)
        if value:
            return str(value)
    return ""


def _entry_opd(entry: dict) -> str | None:
    if _is_dik(entry):
        return _field(entry, "opd", "unit", "pejabat") or None
    return _field(entry, "opd", "penguasa", "penguasa_informasi") or None


def _entry_text(entry: dict) -> str:
    if _is_dik(entry):
        return _field(entry, "informasi")
    return _field(entry, "ringkasan", "ringkasan_isi")


def _skor(score: float) -> str:
    return f"{score:.2f}".replace(".", ",")


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;:") + "…"


@dataclass
class Proposal:
    """What the classifier proposes for one request. ``score`` is a cosine in [0, 1]."""

    kind: str                                   # "terbuka" | "dikecualikan" | "tidak_ditemukan"
    score: float
    entry: dict | None                          # the DIP or DIK entry proposed (None: not found)
    opd: str | None                             # the OPD that holds it
    alternatives: list[tuple[float, dict]] = field(default_factory=list)   # next best, DIP and DIK mixed

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "score": round(self.score, 4),
            "entry": self.entry,
            "entry_id": (self.entry or {}).get("id"),
            "daftar": None if self.entry is None else ("dik" if _is_dik(self.entry) else "dip"),
            "opd": self.opd,
            "alternatives": [
                {"score": round(s, 4), "daftar": "dik" if _is_dik(e) else "dip", "id": e.get("id"),
                 "opd": _entry_opd(e), "ringkasan": _entry_text(e)}
                for s, e in self.alternatives
            ],
            "summary": self.summary(),
        }

    def summary(self) -> str:
        """One Indonesian line for the officer."""
        if self.kind == "terbuka" and self.entry is not None:
            return (f"Terbuka (DIP): {_short(_entry_text(self.entry))} — dikuasai {self.opd or '-'} "
                    f"(skor {_skor(self.score)})")
        if self.kind == "dikecualikan" and self.entry is not None:
            dasar = _field(self.entry, "dasar", "dasar_hukum")
            dasar = f" — {dasar}" if dasar else ""
            return (f"Dikecualikan (DIK): {_short(_entry_text(self.entry))}{dasar} — {self.opd or '-'} "
                    f"(skor {_skor(self.score)})")
        line = f"Tidak ditemukan dalam DIP maupun DIK (skor tertinggi {_skor(self.score)})"
        if self.alternatives:
            score, nearest = self.alternatives[0]
            line += f"; terdekat: {_short(_entry_text(nearest), 80)} — {_entry_opd(nearest) or '-'}"
        return line


# ---------------------------------------------------------------------------------------------
# Classifier
# ---------------------------------------------------------------------------------------------

class Classifier:
    """Matches request text against a DIP and a DIK. Build once, call :meth:`classify` per request.

    ``synonyms`` replaces :data:`DEFAULT_SYNONYMS` (pass ``{**DEFAULT_SYNONYMS, **extra}`` to extend it;
    ``{}`` turns synonyms off). ``threshold``: the cosine below which nothing is proposed. ``margin``: how much
    the best DIK score must beat the best DIP score (0: a tie goes to the DIK, since wrongly opening excepted
    information costs more than a proposal the officer overrules). ``dik_boost``: the idf raise of terms found
    only in DIK entries. ``extra_stopwords``: e.g. the province's own name. The defaults were chosen on the
    dev split of tests/klasifikasi/labelled.json (the dev result is flat for margin -0.10 .. +0.05 and
    threshold 0.15 .. 0.20).
    """

    # Weights (chosen on the dev split of tests/klasifikasi/labelled.json; see bench/klasifikasi.py).
    YEAR_WEIGHT = 0.3          # a year token against a content word
    BIGRAM_WEIGHT = 0.25       # an adjacent pair of content stems
    CONCEPT_WEIGHT = 1.0       # a synonym group matched
    EXPANSION_WEIGHT = 0.5     # each word of the other phrases of a matched group
    CORRECTED_WEIGHT = 0.8     # a query word corrected for a typo
    FIELD_WEIGHTS_DIP = (("ringkasan", 1.0), ("opd", 0.3), ("penguasa", 0.2))
    FIELD_WEIGHTS_DIK = (("informasi", 1.0), ("opd", 0.3), ("unit", 0.2), ("konsekuensi_dibuka", 0.0))
    TOP_ALTERNATIVES = 3

    def __init__(self, dip: list[dict], dik: list[dict], *, synonyms: dict[str, list[str]] | None = None,
                 threshold: float = 0.2, margin: float = 0.0, dik_boost: float = 0.5,
                 extra_stopwords: Iterable[str] = ()):
        self.dip = list(dip)
        self.dik = list(dik)
        self.threshold = threshold
        self.margin = margin
        self.dik_boost = dik_boost
        self.stopwords = STOPWORDS | frozenset(w.casefold() for w in extra_stopwords)
        self._entries = self.dip + self.dik
        self._n_dip = len(self.dip)
        self._build_synonyms(DEFAULT_SYNONYMS if synonyms is None else synonyms)
        self._build_vocabulary()
        self._build_index()

    # -- synonyms ---------------------------------------------------------------------------------
    def _build_synonyms(self, synonyms: dict[str, list[str]]) -> None:
        # phrase (tuple of stems) -> group numbers; groups[g] = the phrases of group g
        self._groups: list[list[tuple[str, ...]]] = []
        self._phrases: dict[tuple[str, ...], list[int]] = {}
        self._first: dict[str, list[tuple[str, ...]]] = {}
        self._syn_words: set[str] = set()
        for head, variants in synonyms.items():
            group = []
            for phrase in [head, *variants]:
                self._syn_words.update(surface_words(phrase))
                stems = tuple(tokens(phrase, self.stopwords))
                if stems and stems not in group:
                    group.append(stems)
            if len(group) < 1:
                continue
            g = len(self._groups)
            self._groups.append(group)
            for stems in group:
                self._phrases.setdefault(stems, []).append(g)
        for stems in self._phrases:
            self._first.setdefault(stems[0], []).append(stems)
        for starts in self._first.values():
            starts.sort(key=len, reverse=True)

    # -- vocabulary and typo correction ----------------------------------------------------------
    def _build_vocabulary(self) -> None:
        words: set[str] = set(self._syn_words)
        for entry in self._entries:
            for key, _weight in self._fields(entry):
                words.update(w for w in surface_words(_field(entry, *key)) if w.isalpha())
        self._surface = words
        self._stems = {stem(w) for w in words}
        self._delete_index: dict[str, set[str]] = {}
        for word in words:
            if len(word) < 5 or word in self.stopwords:
                continue
            for d in _deletes(word, 2 if len(word) >= 9 else 1):
                self._delete_index.setdefault(d, set()).add(word)
        self._corrections: dict[str, str | None] = {}

    def _correct(self, word: str) -> str | None:
        """The known word a query word was probably meant to be, or None."""
        if word in self._corrections:
            return self._corrections[word]
        best = None
        if len(word) >= 5 and word.isalpha():
            limit = 2 if len(word) >= 9 else 1
            found: set[str] = set()
            for d in _deletes(word, limit):
                found |= self._delete_index.get(d, set())
            scored = []
            for cand in found:
                if cand[0] != word[0]:
                    continue
                dist = _damerau(word, cand, limit)
                if dist <= limit:
                    scored.append((dist, -self._word_df.get(cand, 0), cand))
            if scored:
                best = min(scored)[2]
        self._corrections[word] = best
        return best

    # -- features ---------------------------------------------------------------------------------
    def _fields(self, entry: dict):
        if _is_dik(entry):
            return [((("informasi",) if k == "informasi" else
                      ("unit", "pejabat") if k == "unit" else (k,)), w) for k, w in self.FIELD_WEIGHTS_DIK]
        return [((("ringkasan", "ringkasan_isi") if k == "ringkasan" else
                  ("penguasa", "penguasa_informasi") if k == "penguasa" else (k,)), w)
                for k, w in self.FIELD_WEIGHTS_DIP]

    def _stems_of(self, text: str, *, query: bool) -> list[tuple[str, float]]:
        out = []
        for word in surface_words(text):
            if _is_stop(word, self.stopwords):
                continue
            if word.isdigit():
                out.append((word, self.YEAR_WEIGHT))
                continue
            weight = 1.0
            if (query and word.isalpha() and word not in self._surface and stem(word) not in self._stems
                    and not is_indonesian(word)):
                fixed = self._correct(word)
                if fixed is not None:
                    word, weight = fixed, self.CORRECTED_WEIGHT
            out.append((stem(word), weight))
        return out

    def _features(self, text: str, field_weight: float, feats: dict[str, float], *, query: bool) -> None:
        if field_weight <= 0 or not text:
            return
        seq = self._stems_of(text, query=query)
        words = [s for s, _ in seq]
        for s, w in seq:
            feats[s] = feats.get(s, 0.0) + w * field_weight
        content = [s for s in words if not s.isdigit()]
        for a, b in zip(content, content[1:]):
            key = f"{a} {b}"
            feats[key] = feats.get(key, 0.0) + self.BIGRAM_WEIGHT * field_weight
        present = set(words)
        matched: set[int] = set()
        for i, s in enumerate(words):
            for phrase in self._first.get(s, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    for g in self._phrases[phrase]:
                        key = f"~{g}"
                        feats[key] = feats.get(key, 0.0) + self.CONCEPT_WEIGHT * field_weight
                        matched.add(g)
        for g in sorted(matched):
            for phrase in self._groups[g]:
                for s in phrase:
                    if s not in present:
                        feats[s] = feats.get(s, 0.0) + self.EXPANSION_WEIGHT * field_weight
                        present.add(s)

    @staticmethod
    def _tf(raw: float) -> float:
        return raw if raw <= 1.0 else 1.0 + math.log(raw)

    # -- index ------------------------------------------------------------------------------------
    def _build_index(self) -> None:
        self._word_df: dict[str, int] = {}
        raw_docs: list[dict[str, float]] = []
        for entry in self._entries:
            feats: dict[str, float] = {}
            for keys, weight in self._fields(entry):
                self._features(_field(entry, *keys), weight, feats, query=False)
            raw_docs.append(feats)
            for word in {w for keys, _ in self._fields(entry) for w in surface_words(_field(entry, *keys))}:
                self._word_df[word] = self._word_df.get(word, 0) + 1
        n = len(raw_docs)
        df: dict[str, int] = {}
        df_dik: dict[str, int] = {}
        for i, feats in enumerate(raw_docs):
            for f in feats:
                df[f] = df.get(f, 0) + 1
                if i >= self._n_dip:
                    df_dik[f] = df_dik.get(f, 0) + 1
        self._idf: dict[str, float] = {}
        for f, d in df.items():
            idf = math.log((n - d + 0.5) / (d + 0.5) + 1.0)
            self._idf[f] = idf * (1.0 + self.dik_boost * df_dik.get(f, 0) / d)
        self._idf_unknown = math.log((n + 0.5) / 0.5 + 1.0)
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._norms: list[float] = []
        for i, feats in enumerate(raw_docs):
            vec = {f: self._tf(v) * self._idf[f] for f, v in feats.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self._norms.append(norm)
            for f, v in vec.items():
                self._postings.setdefault(f, []).append((i, v / norm))

    # -- classification ---------------------------------------------------------------------------
    def scores(self, text: str) -> list[float]:
        """Cosine of the text against every entry, DIP entries first, then DIK entries."""
        feats: dict[str, float] = {}
        self._features(text, 1.0, feats, query=True)
        qvec = {f: self._tf(v) * self._idf.get(f, self._idf_unknown) for f, v in feats.items()}
        qnorm = math.sqrt(sum(v * v for v in qvec.values()))
        out = [0.0] * len(self._entries)
        if not qnorm:
            return out
        for f, qv in qvec.items():
            for i, dv in self._postings.get(f, ()):
                out[i] += qv * dv
        return [s / qnorm for s in out]

    def classify(self, text: str) -> Proposal:
        scores = self.scores(text)
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        best_dip = next((i for i in ranked if i < self._n_dip), None)
        best_dik = next((i for i in ranked if i >= self._n_dip), None)
        s_dip = scores[best_dip] if best_dip is not None else 0.0
        s_dik = scores[best_dik] if best_dik is not None else 0.0
        dik_wins = s_dip < self.threshold or s_dik >= s_dip + self.margin
        if best_dik is not None and s_dik >= self.threshold and dik_wins:
            chosen, kind = best_dik, "dikecualikan"
        elif best_dip is not None and s_dip >= self.threshold:
            chosen, kind = best_dip, "terbuka"
        else:
            chosen, kind = None, "tidak_ditemukan"
        alternatives = [(scores[i], self._entries[i]) for i in ranked
                        if i != chosen and scores[i] > 0][: self.TOP_ALTERNATIVES]
        if chosen is None:
            return Proposal(kind, scores[ranked[0]] if ranked else 0.0, None, None, alternatives)
        entry = self._entries[chosen]
        return Proposal(kind, scores[chosen], entry, _entry_opd(entry), alternatives)

    def explain(self, text: str) -> dict[str, float]:
        """The weighted features of a text (for debugging a proposal)."""
        feats: dict[str, float] = {}
        self._features(text, 1.0, feats, query=True)
        return {f: round(self._tf(v) * self._idf.get(f, self._idf_unknown), 3) for f, v in sorted(feats.items())}


# ---------------------------------------------------------------------------------------------
# Evaluation against labelled requests (tests/klasifikasi/labelled.json, bench/klasifikasi.py)
# ---------------------------------------------------------------------------------------------

def _as_set(value) -> set:
    if value is None:
        return set()
    return set(value) if isinstance(value, (list, tuple, set)) else {value}


def evaluate(classifier: Classifier, labelled: list[dict]) -> dict:
    """Precision / recall / F1 per kind, entry and OPD accuracy, confusion matrix, errors.

    A labelled item: ``rincian_informasi``, ``expected`` (a kind), ``expected_id`` (an id or a list of ids
    accepted; None for tidak_ditemukan) and ``expected_opd`` (same). Entry accuracy counts items labelled
    terbuka or dikecualikan whose proposal has the right kind and an accepted id; OPD accuracy counts items
    labelled terbuka proposed as terbuka with an accepted OPD.
    """
    confusion = {e: {p: 0 for p in KINDS} for e in KINDS}
    errors = []
    entry_ok = entry_n = opd_ok = opd_n = 0
    for item in labelled:
        proposal = classifier.classify(item["rincian_informasi"])
        expected = item["expected"]
        confusion[expected][proposal.kind] += 1
        got_id = (proposal.entry or {}).get("id")
        right = proposal.kind == expected
        if expected != "tidak_ditemukan":
            entry_n += 1
            good_entry = right and got_id in _as_set(item.get("expected_id"))
            entry_ok += good_entry
            right = right and good_entry
        if expected == "terbuka":
            opd_n += 1
            opd_ok += proposal.kind == "terbuka" and proposal.opd in _as_set(item.get("expected_opd"))
        if not right:
            errors.append({"id": item.get("id"), "text": item["rincian_informasi"], "expected": expected,
                           "expected_id": item.get("expected_id"), "got": proposal.kind, "got_id": got_id,
                           "score": round(proposal.score, 3)})
    per_kind = {}
    for k in KINDS:
        tp = confusion[k][k]
        predicted = sum(confusion[e][k] for e in KINDS)
        support = sum(confusion[k].values())
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        per_kind[k] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                       "support": support, "predicted": predicted}
    n = len(labelled)
    return {
        "n": n,
        "accuracy": sum(confusion[k][k] for k in KINDS) / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per_kind.values()) / len(KINDS),
        "per_kind": per_kind,
        "entry_accuracy": entry_ok / entry_n if entry_n else 0.0,
        "opd_accuracy": opd_ok / opd_n if opd_n else 0.0,
        "confusion": confusion,
        "errors": errors,
    }


def format_report(result: dict, title: str = "") -> str:
    """The evaluation as a plain-text table: per kind P/R/F1, accuracies, confusion matrix."""
    lines = [title] if title else []
    lines.append(f"{'jenis':<17}{'presisi':>9}{'recall':>9}{'F1':>9}{'dukungan':>10}{'diprediksi':>12}")
    for k in KINDS:
        v = result["per_kind"][k]
        lines.append(f"{k:<17}{v['precision']:>9.3f}{v['recall']:>9.3f}{v['f1']:>9.3f}{v['support']:>10}"
                     f"{v['predicted']:>12}")
    lines.append(f"akurasi jenis {result['accuracy']:.3f} · macro-F1 {result['macro_f1']:.3f} · "
                 f"akurasi entri {result['entry_accuracy']:.3f} · akurasi OPD (terbuka) {result['opd_accuracy']:.3f}"
                 f" · n={result['n']}")
    lines.append("matriks kebingungan (baris: label, kolom: usulan)")
    lines.append(f"{'':<17}" + "".join(f"{k:>17}" for k in KINDS))
    for e in KINDS:
        lines.append(f"{e:<17}" + "".join(f"{result['confusion'][e][p]:>17}" for p in KINDS))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The lists in force, and the proposal for a new request
# ---------------------------------------------------------------------------------------------

def lists_in_force(ctx: Context) -> tuple[list[dict], list[dict]]:
    """The entries of the latest signed SK DIP and SK DIK (empty lists when none is signed yet)."""
    def latest(kind: str) -> Case | None:
        signed = [c for c in ctx.db.cases(kind=kind) if c.status == CLOSED]
        return max(signed, key=lambda c: (c.year, c.seq), default=None)

    dip_case, dik_case = latest(DIP_RECAP.name), latest(DIK_PROPOSAL.name)
    dip = [dict(e, id=f"dip-{i}") for i, e in enumerate(dip_case.data["entri"], 1)] if dip_case else []
    dik = [dict(e, id=f"dik-{i}", dasar=e.get("dasar_teks", "")) for i, e in enumerate(dik_case.data["dik"], 1)] if dik_case else []
    return dip, dik


_CLASSIFIERS: dict[str, Classifier] = {}


def classify_request(ctx: Context, text: str) -> Proposal | None:
    """The SOP's step-3 proposal for a request: open (DIP), excepted (DIK) or not found; None without lists."""
    if not ctx.config.classification.enabled:
        return None
    dip, dik = lists_in_force(ctx)
    if not dip and not dik:
        return None
    synonyms = {**DEFAULT_SYNONYMS, **ctx.config.classification.synonyms}
    # Keyed by everything the classifier is built from: a list that changed anywhere gets a new one.
    key = hashlib.sha256(orjson.dumps([dip, dik, synonyms], option=orjson.OPT_SORT_KEYS)).hexdigest()
    if key not in _CLASSIFIERS:
        _CLASSIFIERS.clear()
        _CLASSIFIERS[key] = Classifier(dip, dik, synonyms=synonyms)
    return _CLASSIFIERS[key].classify(text)
