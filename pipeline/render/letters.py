"""The letters the pipeline drafts, declared as data: template, title, signer, numbering.

Every template sees the same context (built by :func:`letter_context`), documented in
``templates_docx/README.md``. The context holds text already formatted the Indonesian way
(``16 Maret 2026``, ``10 (sepuluh) hari kerja``) so templates need no logic beyond ``if`` and ``for``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.core import bahasa
from pipeline.core.config import AgencySettings, Config, Signer
from pipeline.core.vocab import ALASAN_KEBERATAN, CARA_MEMPEROLEH, CARA_SALINAN, DECISION_TEXT, OBJECTION_DECISIONS
from pipeline.intake.answers import Decision
from pipeline.intake.validation import addressee
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
    notice_suffix: str = ""        # a notice written beside a set-aside copy: ``<copy>.<suffix>.docx``


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
    notice_suffix="pemberitahuan",
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
    notice_suffix="koreksi",
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


# -- the case's groups of the context ------------------------------------------------------------------


def answer_context(decision: Decision, case: Case, config, new_due: date | None) -> dict:
    """The ``jawaban`` group of the letter context, every value already written out."""
    d = decision
    part = "A" if d.keputusan in ("diberikan", "sebagian") else "B" if d.keputusan in ("tidak-dikuasai", "belum-didokumentasikan") else ""
    # The official notice form's wording: "Kami" or "Badan Publik lain, yaitu …".
    holder = f"Badan Publik lain, yaitu {d.dikuasai_oleh}" if d.dikuasai_oleh else ("Kami" if part == "A" else "")
    return {
        **empty_answer(),
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


def objection_context(config: Config, case: Case) -> dict:
    """The ``keberatan`` group of the letter context."""
    d, data = config.deadlines, case.data
    targets = {k: date.fromisoformat(v) for k, v in (data.get("target_internal") or {}).items()}
    proxy = data.get("kuasa") or {}

    def dates(name: str, day: date | None) -> dict:
        return {name: bahasa.tanggal(day) if day else "", f"hari_{name}": bahasa.hari_tanggal(day) if day else ""}

    return {
        **empty_objection(),
        "nomor_permohonan": data.get("nomor_permohonan") or "",
        "tujuan": data.get("tujuan") or "",
        "alasan": [f"{key}. {ALASAN_KEBERATAN[key]}" for key in data.get("alasan", [])],
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
        "kepada": config.signers.ppid.position,
        "komisi_informasi": config.agency.government.title().replace("Pemerintah ", ""),
    }


@dataclass(frozen=True)
class LetterMeta:
    """What a letter knows about itself: its number, document ID and the date it is drafted."""

    number: str = ""
    doc_id: str = ""
    drafted: date | None = None


SPECS = {spec.key: spec for spec in ALL_LETTERS}


def signer_for(config: Config, spec: LetterSpec) -> str | None:
    """Whose signature the letter needs (None: none); who signs the SK DIP and SK DIK is a setting ([decrees])."""
    return {"sk_dip": config.decrees.dip_signer, "sk_dik": config.decrees.dik_signer}.get(spec.key, spec.signer)


def agency_block(agency: AgencySettings) -> dict:
    """The ``instansi`` group: what the letterhead of every document reads."""
    return {"pemerintah": agency.government, "nama": agency.name, "nama_singkat": agency.short_name,
            "alamat": agency.address, "kota": agency.city, "telepon": agency.phone, "email": agency.email,
            "laman": agency.website, "kop": list(agency.letterhead)}


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
        "instansi": agency_block(agency),
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
            "cara_memperoleh": ", ".join(CARA_MEMPEROLEH.get(k, k) for k in request.get("cara_memperoleh", [])),
            "cara_salinan": ", ".join(CARA_SALINAN.get(k, k) for k in request.get("cara_salinan", [])),
        },
        "tujuan": {
            "nama": holder or request.get("opd_tujuan") or config.forward.default_holder,
            "tempat": config.forward.default_holder_place,
        },
        "penandatangan": signer_block(getattr(config.signers, signer_for(config, spec) or "ppid")),
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
