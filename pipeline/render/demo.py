"""``ppid demo``: a newcomer's first run — filled sample forms dropped into the inbox.

The forms are the pipeline's own blank forms filled in as applicants would: one ticked, one with the
options struck out, a workbook of two requests from a desk's list, and one incomplete form, so the
first run shows a case, a workbook split into cases, and a set-aside form with its notice.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from pipeline.core.bahasa import tanggal
from pipeline.core.vocab import DEFAULT_PAPER
from pipeline.render.blankforms import fill_request_docx, fill_request_xlsx, write_blank_forms

APPLICANTS = [
    {"nama": "Ni Kadek Ayu Pramesti", "nik": "5171036311900001", "alamat": "Jl. Gatot Subroto Barat No. 88, Denpasar",
     "pekerjaan": "Peneliti", "telepon": "081338765210", "email": "ayu.lestari@example.id",
     "rincian_informasi": "Data penerima beasiswa pendidikan tahun 2025 per kabupaten/kota",
     "tujuan": "Bahan kajian pendidikan", "opd_tujuan": "PPID Pelaksana Dinas Pendidikan, Kepemudaan dan Olahraga"},
    {"nama": "I Wayan Sudarsana", "nik": "5103020507850003", "alamat": "Br. Dinas Kaja, Mengwi, Badung",
     "pekerjaan": "Wartawan", "telepon": "085237001122",
     "rincian_informasi": "Laporan realisasi anggaran Dinas Kesehatan tahun 2025", "tujuan": "Bahan liputan"},
]
SHEET_ROWS = [
    {"nama": "Kadek Dwi Pranata", "nik": "5108030110830006", "alamat": "Jl. Ngurah Rai No. 12, Singaraja",
     "pekerjaan": "Mahasiswa", "telepon": "087861234567", "rincian_informasi": "Data timbulan sampah plastik 2025",
     "tujuan": "Skripsi", "cara_memperoleh": "Melihat/membaca/mendengarkan/mencatat", "cara_salinan": "Mengambil langsung",
     "tempat": "Singaraja"},
    {"nama": "Komang Ayu Widiastuti", "nik": "5102045708920002", "alamat": "Jl. Bypass Ngurah Rai No. 5, Tabanan",
     "pekerjaan": "Wiraswasta", "email": "komang.ayu@example.id",
     "rincian_informasi": "Daftar izin usaha pariwisata yang terbit tahun 2025", "tujuan": "Rencana usaha",
     "cara_memperoleh": "Mendapatkan salinan informasi (hardcopy/softcopy)", "cara_salinan": "Email", "tempat": "Tabanan"},
]


def write_demo_forms(inbox: Path, *, today: date | None = None, paper: str = DEFAULT_PAPER) -> list[Path]:
    """Write the sample forms into ``inbox`` and return their paths."""
    today = today or date.today()
    written_on = tanggal(today)
    inbox.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        blank_docx, blank_xlsx, *_ = write_blank_forms(Path(tmp), paper)

        def filled(name: str, values: dict, ticks: dict, strike: bool = False) -> Path:
            target = Path(tmp) / name
            shutil.copyfile(blank_docx, target)
            fill_request_docx(target, values, ticks, strike=strike, place_date=f"Denpasar, {written_on}")
            return target

        made = [
            filled("contoh-permohonan-centang.docx", APPLICANTS[0], {"cara_memperoleh": [1], "cara_salinan": [4]}),
            filled("contoh-permohonan-coret.docx", APPLICANTS[1], {"cara_memperoleh": [1], "cara_salinan": [0]}, strike=True),
            filled("contoh-permohonan-kurang-lengkap.docx", {k: v for k, v in APPLICANTS[1].items() if k not in ("nik", "alamat")},
                   {"cara_memperoleh": [0]}),
        ]
        sheet = Path(tmp) / "contoh-daftar-permohonan-meja-layanan.xlsx"
        shutil.copyfile(blank_xlsx, sheet)
        fill_request_xlsx(sheet, [{**row, "tanggal": written_on} for row in SHEET_ROWS])
        made.append(sheet)
        for path in made:
            target = inbox / path.name
            shutil.copyfile(path, target)
            written.append(target)
    return written
