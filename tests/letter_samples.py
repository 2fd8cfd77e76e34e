"""Realistic cases for every letter, built the pipeline's way (pipeline.render.letters.letter_context): a request
of an organisation filed by a proxy, its objection, an answer of each kind, a handover, the DIP and the DIK."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from pipeline.core.config import Config, Signer
from pipeline.intake.answers import Decision
from pipeline.intake.lists import DikEntry, DipEntry
from pipeline.render import letters
from pipeline.render.letters import LetterMeta, LetterSpec
from pipeline.render.lists import daftar_context
from pipeline.store.db import Case

DRAFTED = date(2026, 4, 20)

APPLICANT = {"nama": "Yayasan Bali Sadar", "alamat": "Jalan Gatot Subroto Barat Nomor 88, Denpasar", "nik": "",
             "nomor_sk": "AHU-0012345.AH.01.04.Tahun 2020", "pekerjaan": "", "telepon": "0812-3456-7890",
             "email": "info@balisadar.example", "nama_kuasa": "Kadek Dwi Pratama, S.H.", "organisasi": True,
             "penanggung_jawab": "I Made Suarta", "jabatan": "Ketua"}
REQUEST_DATA = {"applicant": APPLICANT,
                "rincian_informasi": "Data jumlah kunjungan wisatawan mancanegara per kabupaten/kota Tahun 2025",
                "tujuan": "Bahan kajian pariwisata berkelanjutan", "cara_memperoleh": ["salinan"],
                "cara_salinan": ["email"], "opd_tujuan": "PPID Pelaksana Dinas Pariwisata Provinsi Bali"}


def request_case() -> Case:
    return Case(id=1, kind="permohonan", register="permohonan", year=2026, seq=1, number="001/PPID/III/2026",
                received=date(2026, 3, 16), due=date(2026, 4, 7), forward_due=date(2026, 3, 25), status="diterima",
                folder="2026/03/001-PPID-III-2026", applicant_name="Yayasan Bali Sadar", data=dict(REQUEST_DATA))


def objection_case(reasons=("c", "g")) -> Case:
    data = {**REQUEST_DATA, "nomor_permohonan": "001/PPID/III/2026", "alasan": list(reasons),
            "kasus_posisi": "Permohonan tidak ditanggapi sampai batas waktu pemberitahuan tertulis.",
            "kuasa": {"nama": "Kadek Dwi Pratama, S.H.", "alamat": "Jalan Hayam Wuruk Nomor 12, Denpasar",
                      "telepon": "0813-3700-1122"},
            "target_internal": {"koordinasi": "2026-04-20", "draf_jawaban": "2026-04-22", "pengiriman": "2026-04-23"}}
    return Case(id=2, kind="keberatan", register="keberatan", year=2026, seq=1, number="001/KEB/PPID/IV/2026",
                received=date(2026, 4, 13), due=date(2026, 6, 2), forward_due=None, status="diterima",
                folder="2026/04/001-KEB-PPID-IV-2026", applicant_name="Yayasan Bali Sadar", data=data)


DIP_ENTRIES = [
    DipEntry("berkala", "Laporan Realisasi Pendapatan Daerah Tahun 2025", "Bidang Perencanaan", "Sekretaris Badan",
             "Januari 2026, Denpasar", "Cetak dan elektronik", "10 tahun", "Badan Pendapatan Daerah Provinsi Bali", 7),
    DipEntry("setiap_saat", "Daftar Informasi Publik Dinas Kesehatan", "Subbagian Umum", "Sekretaris Dinas",
             "2026, Denpasar", "Elektronik", "Selama berlaku", "Dinas Kesehatan Provinsi Bali", 8),
]
DIK_ENTRY = DikEntry(informasi="Data pribadi pemohon layanan kesehatan jiwa", pasal17="j", angka="",
                     dasar_lain="Pasal 65 ayat (2) UU 27/2022", dasar_teks="", konsekuensi_dibuka="Mengungkap data pribadi.",
                     konsekuensi_ditutup="Data pribadi terlindungi.", jangka_waktu="Selama tidak ada persetujuan",
                     unit="Dinas Kesehatan Provinsi Bali")


def dip_daftar(config: Config, *, opd: str = "") -> dict:
    signer = config.decrees.dip_signer
    return {**daftar_context(year=2026, opd=opd, entries=DIP_ENTRIES), "penetap": getattr(config.signers, signer).office,
            "oleh_atasan": signer == "atasan_ppid", "jumlah_informasi": "2", "jumlah_opd": "2",
            "nomor_sk": "000.9.2/123/Setda", "tanggal_sk": "20 April 2026"}


def context_args(config: Config, spec: LetterSpec) -> dict:
    """The keyword arguments of the letter context the pipeline gives ``spec``."""
    request, objection = request_case(), objection_case()
    key = spec.key
    if key in ("tanda_terima_keberatan", "nota_atasan_keberatan", "surat_keberatan_pelaksana", "nota_tanggapan",
               "tanggapan_keberatan"):
        answer = Decision(nomor=objection.number, keputusan="keberatan-ditolak", tanggal=date(2026, 4, 20),
                          alasan="Permohonan telah dijawab dengan Pemberitahuan Tertulis tanggal 2 April 2026.")
        return {"case": objection, "request": objection.data,
                "objection": letters.objection_context(config, objection, request),
                "answer": letters.answer_context(answer, objection, config, None)}
    if key in ("sk_dip", "konsep_sk_dip", "nota_dip", "pengantar_dip", "koreksi_dip"):
        args = {"case": request, "daftar": dip_daftar(config, opd="Badan Pendapatan Daerah Provinsi Bali"
                                                      if key == "koreksi_dip" else "")}
        if key == "pengantar_dip":
            args["holder"] = config.forward.dip_addressee
        return args
    if key == "sk_dik":
        entry = dataclasses.replace(DIK_ENTRY, dasar_teks=letters.legal_basis("j", "", "Pasal 65 ayat (2) UU 27/2022", config.laws))
        return {"case": request, "daftar": daftar_context(year=2026, dik=[entry])}
    if key == "pemberitahuan_kurang_lengkap":
        return {"request": {"applicant": {"nama": "Ni Kadek Ayu Pramesti"}}, "problems": ["NIK belum diisi."],
                "received": date(2026, 4, 17)}
    args = {"case": request, "request": request.data}
    decision = {
        "pemberitahuan_tertulis": Decision(nomor=request.number, keputusan="sebagian", bentuk=["softcopy", "hardcopy"],
                                           halaman=1200, tarif=500, biaya_kirim=25000, waktu_hari=3, tanggal=DRAFTED,
                                           penghitaman="Nama pengelola usaha akomodasi dihitamkan."),
        "sk_penolakan": Decision(nomor=request.number, keputusan="ditolak", pasal17="j", tanggal=DRAFTED,
                                 dasar_lain="Pasal 65 ayat (2) UU 27/2022", konsekuensi="Mengungkap data pribadi."),
        "usulan_penolakan": Decision(nomor=request.number, keputusan="ditolak", pasal17="h", angka="2",
                                     konsekuensi="Mengungkap riwayat kesehatan pribadi.", tanggal=DRAFTED),
        "surat_perpanjangan": Decision(nomor=request.number, keputusan="perpanjangan", tanggal=DRAFTED,
                                       alasan="Data tahun 2025 masih direkapitulasi oleh PPID Pelaksana."),
    }.get(key)
    if decision is not None:
        args["answer"] = letters.answer_context(decision, request, config,
                                                date(2026, 4, 16) if key == "surat_perpanjangan" else None)
    if key == "tanda_terima_penyerahan":
        args["handover"] = letters.handover_context(config, {
            "tanggal": "2026-04-20", "bentuk": ["hardcopy"], "cara": "mengambil_langsung", "halaman": 1200,
            "tarif": 500, "biaya_kirim": 0, "biaya_lain": 0, "cara_bayar": config.payment.methods[0]})
    return args


def number_for(config: Config, spec: LetterSpec) -> str:
    """The number the pipeline would give: a sample of the letter's series, "" when it has none."""
    series = letters.series_for(config, spec)
    if series is None or not series.pattern:
        return ""
    from pipeline.core.numbering import format_number

    return format_number(series.pattern, seq=7, on=DRAFTED)


def render_letter(config: Config, spec: LetterSpec, templates: Path) -> tuple[bytes, dict]:
    from pipeline.render.templates import render_docx

    meta = LetterMeta(number_for(config, spec), "DOK-2026-000123", DRAFTED)
    context = letters.letter_context(config, spec, meta, **context_args(config, spec))
    return render_docx(templates / spec.template, context, config.paper), context


def with_delegation(signer: Signer, delegation: str) -> Signer:
    """``signer`` signing with ``delegation``: the fields each form needs, the others empty."""
    if delegation == "a.n.":
        return dataclasses.replace(signer, delegation="a.n.", on_behalf_of=signer.position, via="",
                                   position="Sekretaris Pengganti Contoh")
    if delegation == "u.b.":
        return dataclasses.replace(signer, delegation="u.b.", on_behalf_of=signer.position, via="Sekretaris Contoh",
                                   position="Kepala Bidang Contoh")
    return dataclasses.replace(signer, delegation=delegation, on_behalf_of="", via="")
