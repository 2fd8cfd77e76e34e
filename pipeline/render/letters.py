"""The letters the pipeline drafts, declared as data: template, title, signer, numbering.

Every template sees the same context (built by :func:`letter_context`), documented in
``templates_docx/README.md``. The context holds text already formatted the Indonesian way
(``16 Maret 2026``, ``10 (sepuluh) hari kerja``) so templates need no logic beyond ``if`` and ``for``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.core import bahasa
from pipeline.core.config import Config, Signer
from pipeline.core.vocab import CARA_MEMPEROLEH, CARA_SALINAN
from pipeline.render.lists import daftar_context
from pipeline.render.qr import qr_png
from pipeline.store.db import Case


@dataclass(frozen=True)
class LetterSpec:
    key: str
    template: str
    title: str
    file_stem: str
    signer: str | None = None      # whose ready-to-sign folder receives the draft
    numbered: bool = False         # takes an outgoing letter number (register "surat")
    sifat: str = "Biasa"
    hal: str = ""
    signed_event: str = "signed"   # logged when the signed copy is filed; "closed" ends the case


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
    numbered=True,
    sifat="Segera",
    hal="Permohonan Informasi Publik",
)
INCOMPLETE_NOTICE = LetterSpec(
    key="pemberitahuan_kurang_lengkap",
    template="pemberitahuan_kurang_lengkap.docx",
    title="Pemberitahuan Kelengkapan Permohonan Informasi Publik",
    file_stem="pemberitahuan-kurang-lengkap",
)

WRITTEN_NOTICE = LetterSpec(
    key="pemberitahuan_tertulis",
    template="pemberitahuan_tertulis.docx",
    title="Pemberitahuan Tertulis",
    file_stem="05-pemberitahuan-tertulis",
    signer="ppid",
    numbered=True,
    hal="Pemberitahuan Tertulis atas Permohonan Informasi Publik",
    signed_event="closed",
)
REJECTION = LetterSpec(
    key="sk_penolakan",
    template="sk_penolakan.docx",
    title="Keputusan PPID tentang Penolakan Permohonan Informasi Publik",
    file_stem="05-sk-penolakan",
    signer="ppid",
    numbered=True,
    hal="Penolakan Permohonan Informasi Publik",
    signed_event="closed",
)
EXTENSION = LetterSpec(
    key="surat_perpanjangan",
    template="surat_perpanjangan.docx",
    title="Pemberitahuan Perpanjangan Jangka Waktu",
    file_stem="04-surat-perpanjangan",
    signer="ppid",
    numbered=True,
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
    numbered=True,
    sifat="Segera",
    hal="Penanganan Keberatan atas Permohonan Informasi Publik",
)
OBJECTION_ANSWER = LetterSpec(
    key="tanggapan_keberatan",
    template="tanggapan_keberatan.docx",
    title="Tanggapan atas Keberatan",
    file_stem="05-tanggapan-keberatan",
    signer="atasan_ppid",
    numbered=True,
    hal="Tanggapan atas Keberatan",
    signed_event="closed",
)

SK_DIP = LetterSpec(
    key="sk_dip",
    template="sk_dip.docx",
    title="Keputusan tentang Daftar Informasi Publik",
    file_stem="02-sk-dip",
    signer="atasan_ppid",   # replaced by [decrees] dip_signer
    numbered=True,
    hal="Daftar Informasi Publik",
    signed_event="published",
)
SK_DIK = LetterSpec(
    key="sk_dik",
    template="sk_dik.docx",
    title="Keputusan tentang Penetapan Daftar Informasi yang Dikecualikan",
    file_stem="02-sk-dik",
    signer="atasan_ppid",   # replaced by [decrees] dik_signer
    numbered=True,
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
)
PROPOSED_REJECTION = LetterSpec(
    key="usulan_penolakan",
    template="sk_penolakan.docx",
    title="Usulan Keputusan Penolakan (informasi tercantum dalam DIK)",
    file_stem="04-usulan-sk-penolakan",
    signer="ppid",
    hal="Penolakan Permohonan Informasi Publik",
)

REQUEST_LETTERS = (RECEIPT, FORWARD)
OBJECTION_LETTERS = (OBJECTION_RECEIPT, ATASAN_NOTE)
ALL_LETTERS = (RECEIPT, FORWARD, INCOMPLETE_NOTICE, WRITTEN_NOTICE, REJECTION, EXTENSION,
               OBJECTION_RECEIPT, ATASAN_NOTE, OBJECTION_ANSWER, SK_DIP, SK_DIK, DIP_CORRECTION, PROPOSED_REJECTION)

ANSWER_KEYS = (
    "keputusan", "keputusan_teks", "bagian", "dikuasai_oleh", "bentuk", "biaya_salin", "biaya_kirim", "biaya_lain",
    "biaya_total", "waktu", "penghitaman", "alasan_tidak", "kapan_tersedia", "dasar", "konsekuensi", "keberatan_hari",
    "alasan_perpanjangan", "tenggat_semula", "hari_tenggat_semula", "tenggat_baru", "hari_tenggat_baru",
    "perpanjangan_hari", "tanggal", "hari_tanggal", "alasan_keputusan", "komisi_hari",
)
OBJECTION_KEYS = (
    "nomor_permohonan", "tujuan", "alasan", "kasus_posisi", "kuasa_nama", "kuasa_alamat", "kuasa_telepon",
    "tanggal_tanggapan", "hari_tanggal_tanggapan", "tanggal_tanggapan_terbilang", "tanggapan_hari",
    "target_koordinasi", "hari_target_koordinasi", "koordinasi_hari", "target_draf", "hari_target_draf", "draf_hari",
    "target_kirim", "hari_target_kirim", "kirim_hari", "terlambat", "kepada", "komisi_informasi",
)


def empty_answer() -> dict:
    """The ``jawaban`` group before any answer exists: every key, all empty."""
    return dict.fromkeys(ANSWER_KEYS, "")


def empty_objection() -> dict:
    """The ``keberatan`` group of letters that are not about an objection."""
    return {**dict.fromkeys(OBJECTION_KEYS, ""), "alasan": []}


@dataclass(frozen=True)
class LetterMeta:
    """What a letter knows about itself: its number, document ID and the date it is drafted."""

    number: str = ""
    doc_id: str = ""
    drafted: date | None = None


def signer_block(signer: Signer) -> dict:
    return {
        "jabatan": signer.position,
        "nama": signer.name,
        "pangkat": signer.rank,
        "nip": bahasa.format_nip(signer.nip) if signer.nip else "",
        "awalan": signer.delegation,
        "atas_nama": signer.on_behalf_of,
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
) -> dict:
    """The one context every template is rendered with (empty strings where a value does not apply)."""
    agency, deadlines = config.agency, config.deadlines
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
        "instansi": {
            "pemerintah": agency.government,
            "nama": agency.name,
            "nama_singkat": agency.short_name,
            "alamat": agency.address,
            "kota": agency.city,
            "telepon": agency.phone,
            "email": agency.email,
            "laman": agency.website,
            "kop": list(agency.letterhead),
        },
        "surat": {
            "nomor": meta.number,
            "tanggal": bahasa.tanggal(drafted),
            "tempat_tanggal": f"{agency.city}, {bahasa.tanggal(drafted)}",
            "sifat": spec.sifat,
            "lampiran": "-",
            "hal": spec.hal or spec.title,
            "tembusan": [],
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
        },
        "permohonan": {
            "rincian": request.get("rincian_informasi") or "",
            "tujuan": request.get("tujuan") or "",
            "cara_memperoleh": ", ".join(CARA_MEMPEROLEH.get(k, k) for k in request.get("cara_memperoleh", [])),
            "cara_salinan": ", ".join(CARA_SALINAN.get(k, k) for k in request.get("cara_salinan", [])),
        },
        "tujuan": {
            "nama": holder or request.get("opd_tujuan") or config.forward.default_holder,
            "tempat": config.forward.default_holder_place,
        },
        "penandatangan": signer_block(getattr(config.signers, spec.signer or "ppid")),
        "penerima": signer_block(config.signers.desk),
        "berkas": _date_fields("tanggal_diterima", received),
        "kekurangan": list(problems or []),
        "jawaban": answer or empty_answer(),
        "keberatan": objection or empty_objection(),
        "daftar": daftar or daftar_context(year=""),
    }


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
    return letter_context(config, spec, LetterMeta("000.9.2/1/IKP", "DOK-2026-000001", day), case=case,
                          request=request, problems=["Contoh"], answer=answer, objection=objection)
