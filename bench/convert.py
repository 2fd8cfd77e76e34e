"""Benchmark: docx -> PDF with one `soffice --convert-to` per file vs. the pipeline's ConverterPool.

Renders N distinct 2-page Indonesian letters (docxtpl, template built in code), converts a subset the
naive way (one soffice process per file, own temp profile) and all of them through ConverterPool
(PDF/A-2b + print PDF per letter), then prints letters/s for each and a final JSON line.

    .venv/bin/python bench/convert.py [--count 60] [--baseline 12] [--workers 0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from pipeline.core.config import LibreOfficeSettings, PaperSettings  # noqa: E402
from pipeline.render.conversion import ConverterPool, PdfMetadata, check_pdfa  # noqa: E402
from pipeline.render.templates import render_docx  # noqa: E402

NAMES = ["I Made Suarjana", "Ni Luh Putu Ayu Lestari", "Komang Adi Wiguna", "Ketut Sri Wahyuni",
         "Dewa Gede Artha", "Anak Agung Ngurah Oka", "Gusti Ayu Ratna Dewi", "Putu Eka Saputra",
         "Siti Rahmawati", "Yohanes Bere", "Nyoman Widiastuti", "Wayan Budiarsa"]
OPD = ["Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Kesehatan", "Badan Pengelolaan Keuangan dan Aset Daerah",
       "Dinas Pendidikan, Kepemudaan dan Olahraga", "Dinas Lingkungan Hidup", "Biro Pengadaan Barang dan Jasa"]
TOPICS = ["dokumen kontrak pembangunan jalan", "laporan realisasi anggaran", "daftar penerima beasiswa",
          "hasil uji emisi kendaraan dinas", "rencana kerja tahunan", "data kunjungan wisatawan"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

PARAGRAPHS = [
    "Menindaklanjuti permohonan informasi publik Saudara tertanggal {tanggal_permohonan} yang kami terima melalui "
    "PPID Provinsi Bali dengan nomor pendaftaran {nomor_daftar}, bersama ini kami sampaikan tanggapan atas "
    "permohonan informasi mengenai {topik} pada {opd}.",
    "Berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik dan Peraturan Komisi "
    "Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik, setiap Badan Publik wajib "
    "menyediakan, memberikan dan/atau menerbitkan informasi publik yang berada di bawah kewenangannya kepada "
    "pemohon informasi publik, selain informasi yang dikecualikan sesuai dengan ketentuan.",
    "Setelah dilakukan penelusuran oleh PPID Pelaksana pada {opd}, informasi yang Saudara mohon dikuasai oleh "
    "Badan Publik dan termasuk informasi yang wajib tersedia setiap saat, sehingga dapat diberikan kepada "
    "Saudara sesuai dengan cara memperoleh informasi yang dipilih, yaitu {cara}.",
    "Rincian informasi yang diberikan kami sampaikan dalam tabel berikut, termasuk jumlah halaman dan bentuk "
    "informasi. Biaya penyalinan dan/atau pengiriman informasi sebesar {biaya} dibebankan kepada pemohon sesuai "
    "dengan standar biaya yang ditetapkan dalam Keputusan Gubernur.",
    "Apabila Saudara tidak puas dengan tanggapan ini, Saudara dapat mengajukan keberatan secara tertulis kepada "
    "Atasan PPID paling lambat 30 (tiga puluh) hari kerja sejak diterimanya surat ini, dengan menyebutkan alasan "
    "keberatan sebagaimana diatur dalam Pasal 35 Undang-Undang Nomor 14 Tahun 2008.",
    "Informasi yang diberikan hanya dapat digunakan sesuai dengan tujuan penggunaan informasi yang tercantum dalam "
    "formulir permohonan, yaitu {tujuan}. Penyalahgunaan informasi publik dapat dikenai sanksi sesuai dengan "
    "ketentuan peraturan perundang-undangan yang berlaku.",
    "Untuk keterangan lebih lanjut, Saudara dapat menghubungi Layanan Informasi PPID Provinsi Bali pada hari dan "
    "jam kerja melalui telepon (0361) 229740, surel ppid@baliprov.go.id, atau datang langsung ke Jalan D.I. "
    "Panjaitan Nomor 7, Niti Mandala Renon, Denpasar.",
    "Demikian kami sampaikan, atas perhatian dan kerja sama Saudara kami ucapkan terima kasih.",
]


def make_emblem(path: Path) -> Path:
    """A small stand-in emblem (shield shape) so the letterhead carries an image like the real one."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 280), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon([(20, 10), (220, 10), (220, 160), (120, 270), (20, 160)], fill=(200, 30, 30), outline="black")
    draw.ellipse((70, 60, 170, 160), fill=(250, 200, 40), outline="black")
    image.save(path)
    return path


def _bottom_border(paragraph) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"val": "thickThinSmallGap", "sz": "18", "space": "1", "color": "000000"}.items():
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p_pr.append(borders)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def build_template(path: Path, emblem: Path) -> Path:
    """An F4 letter template with Jinja tags for docxtpl (letterhead, heading block, body, table, signature)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(15), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(12)
    normal.paragraph_format.space_after = Pt(0)

    head = doc.add_table(rows=1, cols=2)
    _no_borders(head)
    head.columns[0].width = head.rows[0].cells[0].width = Mm(30)
    head.rows[0].cells[1].width = Mm(135)
    head.rows[0].cells[0].paragraphs[0].add_run().add_picture(str(emblem), width=Mm(22))
    lines = [("PEMERINTAH PROVINSI BALI", 14, True), ("DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK", 16, True),
             ("Jalan D.I. Panjaitan Nomor 7, Niti Mandala Renon, Denpasar 80235", 10, False),
             ("Telepon (0361) 229740, Laman ppid.baliprov.go.id, Pos-el ppid@baliprov.go.id", 10, False)]
    cell = head.rows[0].cells[1]
    for i, (text, size, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size, run.bold = Pt(size), bold
    _bottom_border(doc.add_paragraph())

    place = doc.add_paragraph("{{ kota }}, {{ tanggal }}")
    place.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading = doc.add_table(rows=4, cols=3)
    _no_borders(heading)
    for row, (label, value) in zip(heading.rows, [("Nomor", "{{ nomor }}"), ("Sifat", "{{ sifat }}"),
                                                   ("Lampiran", "{{ lampiran }}"), ("Hal", "{{ hal }}")]):
        row.cells[0].width, row.cells[1].width, row.cells[2].width = Mm(30), Mm(5), Mm(130)
        row.cells[0].text, row.cells[1].text, row.cells[2].text = label, ":", value
    doc.add_paragraph()
    for line in ("Yth. Sdr. {{ nama }}", "{{ alamat }}", "di -", "        Tempat"):
        doc.add_paragraph(line)
    doc.add_paragraph()

    doc.add_paragraph("{%p for par in paragraf %}")
    body = doc.add_paragraph("{{ par }}", style="List Number")
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.space_after = Pt(6)
    doc.add_paragraph("{%p endfor %}")

    table = doc.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ["No.", "Rincian Informasi", "Bentuk", "Halaman"]):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    table.rows[1].cells[0].text = "{%tr for r in rincian %}"
    for cell, text in zip(table.rows[2].cells, ["{{ r.no }}", "{{ r.uraian }}", "{{ r.bentuk }}", "{{ r.halaman }}"]):
        cell.text = text
    extra = table.add_row()
    extra.cells[0].text = "{%tr endfor %}"
    doc.add_paragraph()

    signature = ["{{ kota }}, {{ tanggal }}", "a.n. Gubernur Bali", "Kepala Dinas Komunikasi, Informatika",
                 "dan Statistik Provinsi Bali,", "selaku PPID Provinsi Bali", "", "", "", "{{ penandatangan }}",
                 "{{ pangkat }}", "NIP {{ nip }}"]
    for line in signature:
        paragraph = doc.add_paragraph(line)
        paragraph.paragraph_format.left_indent = Mm(85)
    doc.add_paragraph()
    doc.add_paragraph("Tembusan:")
    for line in ("1. Atasan PPID Provinsi Bali;", "2. Arsip."):
        doc.add_paragraph(line)
    doc.save(path)
    return path


def letter_context(i: int, rng: random.Random) -> dict:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    values = {
        "tanggal_permohonan": f"{max(1, day - 3)} {MONTHS[month]} 2026",
        "nomor_daftar": f"{i + 1:03d}/PPID/{ROMAN[month]}/2026",
        "topik": rng.choice(TOPICS),
        "opd": rng.choice(OPD),
        "cara": rng.choice(["mendapatkan salinan softcopy melalui surel", "melihat dan membaca langsung",
                            "mengambil langsung salinan hardcopy"]),
        "biaya": rng.choice(["Rp0,00 (nol rupiah)", "Rp15.000,00 (lima belas ribu rupiah)"]),
        "tujuan": rng.choice(["penelitian skripsi", "pengawasan pelaksanaan proyek", "bahan pemberitaan"]),
    }
    rincian = [{"no": n + 1, "uraian": f"{rng.choice(TOPICS).capitalize()} tahun {rng.randint(2019, 2025)}",
                "bentuk": rng.choice(["Softcopy (PDF)", "Hardcopy", "Softcopy (XLSX)"]),
                "halaman": rng.randint(1, 120)} for n in range(10)]
    return {
        "kota": "Denpasar",
        "tanggal": f"{day} {MONTHS[month]} 2026",
        "nomor": f"000.9.2/{1000 + i}/IKP/Diskominfos",
        "sifat": "Biasa",
        "lampiran": rng.choice(["-", "1 (satu) berkas", "2 (dua) lembar"]),
        "hal": f"Pemberitahuan Tertulis atas Permohonan Informasi {values['topik'].title()}",
        "nama": rng.choice(NAMES),
        "alamat": f"Jalan {rng.choice(['Gatot Subroto', 'Teuku Umar', 'Hayam Wuruk', 'Diponegoro'])} "
                  f"Nomor {rng.randint(1, 200)}, Denpasar",
        "paragraf": [text.format(**values) for text in PARAGRAPHS],
        "rincian": rincian,
        "penandatangan": "I Gede Nyoman Suparta, S.Sos., M.Si.",
        "pangkat": "Pembina Utama Muda (IV/c)",
        "nip": f"19680531 199703 1 {i % 1000:03d}",
    }


def render_letters(count: int, folder: Path, seed: int = 7) -> list[Path]:
    template = build_template(folder / "template.docx", make_emblem(folder / "lambang.png"))
    rng = random.Random(seed)
    letters = []
    for i in range(count):
        path = folder / f"surat-{i + 1:03d}.docx"
        # The pipeline's own render step (strict variables, paper size, unused styles dropped).
        path.write_bytes(render_docx(template, letter_context(i, rng), PaperSettings()))
        letters.append(path)
    return letters


# ---- measurements -------------------------------------------------------------------------------

def baseline(program: str, letters: list[Path], out: Path, profile: Path) -> float:
    """One `soffice --convert-to pdf` process per file (cold start each time); returns letters/s."""

    def convert_one(docx: Path, outdir: Path) -> None:
        subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--infilter=MS Word 2007 XML", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=120)

    convert_one(letters[0], out / "warm-up")  # creates the profile: a one-time cost, not counted
    start = time.perf_counter()
    for docx in letters:
        convert_one(docx, out)
    elapsed = time.perf_counter() - start
    produced = sum(1 for docx in letters if (out / (docx.stem + ".pdf")).read_bytes()[:4] == b"%PDF")
    if produced != len(letters):
        raise SystemExit(f"baseline: only {produced}/{len(letters)} PDFs written")
    return len(letters) / elapsed


def pooled(settings: LibreOfficeSettings, letters: list[Path], out: Path) -> tuple[float, float]:
    """All letters through the pool (PDF/A + print), one caller thread per worker; returns (letters/s, start s)."""
    started = time.perf_counter()
    with ConverterPool(settings) as pool:
        ready = time.perf_counter()

        def one(docx: Path) -> None:
            metadata = PdfMetadata(title=f"Surat {docx.stem}", subject="Pemberitahuan Tertulis",
                                   keywords=["PPID", "informasi publik"], author="PPID Provinsi Bali")
            pool.convert(docx, pdfa=out / f"{docx.stem}.pdfa.pdf", printable=out / f"{docx.stem}.cetak.pdf",
                         metadata=metadata)

        with ThreadPoolExecutor(max_workers=settings.worker_count) as executor:
            list(executor.map(one, letters))
        elapsed = time.perf_counter() - ready
    sample = check_pdfa(out / f"{letters[0].stem}.pdfa.pdf")
    if not sample["ok"]:
        raise SystemExit(f"pool output is not PDF/A-2b: {sample}")
    return len(letters) / elapsed, ready - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60, help="letters for the pool (default 60)")
    parser.add_argument("--baseline", type=int, default=12, help="letters for the one-process-per-file baseline")
    parser.add_argument("--workers", type=int, default=0, help="pool workers (0 = one per core)")
    parser.add_argument("--program", default="soffice")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ppid-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "letters").mkdir()
        t0 = time.perf_counter()
        letters = render_letters(args.count, tmp / "letters")
        print(f"rendered {len(letters)} letters in {time.perf_counter() - t0:.2f} s", flush=True)

        (tmp / "baseline").mkdir()
        subset = letters[: min(args.baseline, len(letters))]
        base_rate = baseline(args.program, subset, tmp / "baseline", tmp / "baseline-profile")
        print(f"baseline (soffice --convert-to per file, {len(subset)} letters, plain PDF): "
              f"{base_rate:.2f} letters/s", flush=True)

        settings = LibreOfficeSettings(program=args.program, workers=args.workers, profile_dir=tmp / "profiles",
                                       base_port=_free_base_port())
        (tmp / "pool").mkdir()
        pool_rate, start_s = pooled(settings, letters, tmp / "pool")
        print(f"pool ({settings.worker_count} workers, {len(letters)} letters, PDF/A-2b + print PDF each): "
              f"{pool_rate:.2f} letters/s (pool start {start_s:.2f} s, not counted)", flush=True)
        ratio = pool_rate / base_rate
        print(f"ratio pool/baseline: {ratio:.1f}x", flush=True)
        print(json.dumps({"baseline_letters_per_s": round(base_rate, 2), "pool_letters_per_s": round(pool_rate, 2),
                          "ratio": round(ratio, 1), "workers": settings.worker_count}))
    return 0


def _free_base_port() -> int:
    # Other engineers may run a pool on the default port at the same time: start from a pid-derived one.
    return 20000 + (os.getpid() % 2000) * 10


if __name__ == "__main__":
    raise SystemExit(main())
