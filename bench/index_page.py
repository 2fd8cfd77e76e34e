"""The archive page (archive/index.html) in Chromium with 100 000 cases: load and search times.

Writes the page with ``pipeline.views.index.write_index`` for N generated cases (numbers, applicants, the
requested information, OPDs, original file names, documents, void reasons and late registrations, as a workspace
holds them), opens it through ``file://`` in headless Chromium (Playwright, ``/usr/bin/chromium``) and measures:

- load: from navigation until the first rows are shown (``body[data-siap]``), and until the search text of every
  case is built in the background (``body[data-indeks]``);
- search: for each query an archivist types (the number in three forms, a name, the requested information, an
  OPD, an original file name, a status word, a date), the time from submitting the form until the rows are shown;
  every query must find the case it was taken from.

Baseline, measured in the same run on the same rows: a plain HTML table of every case (what a page without a
script would be), with the simplest script that searches it (hide the rows whose text lacks the words). The
ratio is ours / baseline: below 1 is faster.

    .venv/bin/python bench/index_page.py [--cases 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.views.index import write_index  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
FIRST = ["Ni Luh Putu", "I Wayan", "I Made", "Ni Made", "I Nyoman", "Ni Ketut", "I Ketut", "Ni Kadek", "I Komang",
         "Ida Bagus", "Anak Agung", "Desak Made", "Cokorda Gde", "Gusti Ayu"]
LAST = ["Ayu Lestari", "Sudarsana", "Agus Wirawan", "Sri Wahyuni", "Gede Pratama", "Sukmawati", "Arya Wibawa",
        "Dwi Rahayu", "Adi Saputra", "Renée Dewi", "Bagus Mahendra", "Suartini", "Eka Budiarta", "Oka Swastika"]
INFO = ["Laporan realisasi anggaran tahun {y}", "Data timbulan sampah plastik {y}", "Salinan kontrak pengadaan jalan",
        "Daftar penerima beasiswa {y}", "Izin lingkungan pabrik semen", "Rencana tata ruang wilayah kota",
        "Data stunting per kecamatan {y}", "Notulen rapat anggaran DPRD"]
OPD = ["PPID Pelaksana Dinas Kesehatan", "PPID Pelaksana Dinas Pendidikan, Kepemudaan dan Olahraga",
       "PPID Pelaksana Dinas Lingkungan Hidup", "PPID Pelaksana Dinas PUPR", "PPID Pelaksana Bappeda"]
STATUSES = ["diterima", "diteruskan", "diperpanjang", "dijawab", "selesai"]


def generated_cases(count: int) -> list[dict]:
    """``count`` cases over the years before 2026-12-04, a few per day: as ``ppid cases --json`` and the page's rows."""
    cases, seq = [], {}
    for i in range(count):
        received = date(2026, 12, 4) - timedelta(days=i * 3000 // count)
        kind = "keberatan" if i % 7 == 3 else "permohonan"
        code = "KEB/PPID" if kind == "keberatan" else "PPID"
        key = (code, received.year)
        seq[key] = seq.get(key, 0) + 1
        number = f"{seq[key]:03d}/{code}/{ROMAN[received.month - 1]}/{received.year}"
        folder = f"{received.year}/{received.month:02d}/{number.replace('/', '-')}"
        voided = i % 97 == 5
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
        case = {"nomor": number, "jenis": kind, "pemohon": name, "diterima": received.isoformat(),
                "tenggat": None if voided else (received + timedelta(days=14)).isoformat(),
                "status": "batal" if voided else STATUSES[i % len(STATUSES)],
                "folder": None if voided else folder,
                "informasi": INFO[i % len(INFO)].format(y=received.year - 1), "opd": OPD[i % len(OPD)],
                "berkas_asal": f"formulir-{i}-{LAST[i % len(LAST)].split()[0].lower()}.docx",
                "terlambat": i % 53 == 7, "catatan": [], "dokumen": []}
        if voided:
            case["catatan"] = [f"Formulir dobel nomor {i}, didaftarkan keliru oleh petugas"]
        elif case["terlambat"]:
            case["catatan"] = ["Didaftarkan terlambat: 5 hari kerja setelah diterima (batas 3)."]
        if not voided:
            case["dokumen"] = [{"judul": t, "path": f"{folder}/{p}", "jenis": k} for t, p, k in (
                ("Formulir asli", "01-formulir-asli.docx", "asli"),
                ("Tanda terima", "02-tanda-terima.pdf", "pdfa"), ("Tanda terima", "02-tanda-terima.cetak.pdf", "cetak"),
                ("Surat kepada PPID Pelaksana", "03-surat-ppid-pelaksana.pdf", "pdfa"),
                ("Surat kepada PPID Pelaksana", "03-surat-ppid-pelaksana.cetak.pdf", "cetak"))]
        cases.append(case)
    return cases


def queries(cases: list[dict]) -> list[tuple[str, str, str]]:
    """(what is searched, what is typed, the number that must be found) for a case in the middle of the archive."""
    c = next(c for c in cases[len(cases) // 2:] if c["status"] != "batal" and c["jenis"] == "permohonan"
             and int(c["nomor"].split("/")[0]) < 100)   # typed without its leading zeros
    seq, *rest = c["nomor"].split("/")
    received = date.fromisoformat(c["diterima"])
    late = next(x for x in cases[len(cases) // 2:] if x["terlambat"])
    voided = next(x for x in cases[len(cases) // 2:] if x["status"] == "batal")
    return [
        ("nomor", c["nomor"], c["nomor"]),
        ("nomor tanpa nol", "/".join([str(int(seq)), *rest]), c["nomor"]),
        ("nomor seperti folder", c["nomor"].replace("/", "-"), c["nomor"]),
        ("pemohon", c["pemohon"].split()[-2] + " " + c["pemohon"].split()[-1], c["nomor"]),
        ("informasi + nomor", c["informasi"].split()[0] + " " + c["nomor"], c["nomor"]),
        ("OPD + nama", c["opd"].split()[-1].lower() + " " + c["pemohon"].split()[-1], c["nomor"]),
        ("OPD saja", "dinas kesehatan", None),
        ("berkas asal", c["berkas_asal"], c["nomor"]),
        ("tanggal", f"{received:%d-%m-%Y} {c['pemohon'].split()[-1]}", c["nomor"]),
        ("status", "didaftarkan terlambat " + late["pemohon"].split()[-1], late["nomor"]),
        ("alasan batal", "dobel nomor " + voided["pemohon"].split()[-1] + ",", voided["nomor"]),
    ]


def plain_page(path: Path, cases: list[dict]) -> None:
    """The baseline: every case as a row of a plain table, searched by hiding rows."""
    rows = "".join(
        f"<tr><td>{html.escape(c['nomor'])}</td><td>{c['jenis']}</td><td>{html.escape(c['pemohon'])}</td>"
        f"<td>{html.escape(c['informasi'])}</td><td>{html.escape(c['opd'])}</td><td>{c['diterima']}</td>"
        f"<td>{c['tenggat'] or ''}</td><td>{c['status']}</td><td>{html.escape(c['berkas_asal'])}</td></tr>"
        for c in cases)
    script = """<script>
document.getElementById('saring').addEventListener('submit', function (e) {
  e.preventDefault();
  var words = document.getElementById('q').value.toLowerCase().split(/\\s+/).filter(Boolean);
  var rows = document.getElementById('baris').rows;
  for (var i = 0; i < rows.length; i++) {
    var text = rows[i].textContent.toLowerCase();
    rows[i].hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
  }
  document.body.setAttribute('data-cari', document.getElementById('q').value);
});
document.body.setAttribute('data-siap', '1');
</script>"""
    path.write_text(f"<!DOCTYPE html><html lang=id><meta charset=utf-8><body><form id=saring><input id=q></form>"
                    f"<table><tbody id=baris>{rows}</tbody></table>{script}</body></html>", encoding="utf-8")


SEARCH = """async (typed) => {
    const box = document.getElementById('q');
    const t0 = performance.now();
    box.value = typed;
    document.getElementById('saring').requestSubmit();
    await new Promise(requestAnimationFrame);   // the rows built and laid out, then painted
    await new Promise(requestAnimationFrame);
    return performance.now() - t0; }"""

FOUND_OURS = """(number) => [...document.querySelectorAll('#baris td.nomor')].map(td => td.textContent)"""
FOUND_PLAIN = """() => [...document.querySelectorAll('#baris tr:not([hidden]) td:first-child')].map(td => td.textContent)"""


def measure(context, url: str, ready: str, typed: list[tuple[str, str, str | None]], found: str,
            indexed: str | None) -> dict:
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=300_000)
    page.wait_for_selector(ready, state="attached", timeout=300_000)
    load = time.perf_counter() - t0
    full = load
    if indexed:
        page.wait_for_selector(indexed, state="attached", timeout=300_000)
        full = time.perf_counter() - t0
    times, misses = {}, []
    for label, text, number in typed:
        times[label] = page.evaluate(SEARCH, text)
        shown = page.evaluate(found)
        if number is not None and number not in shown:
            misses.append(f"{label}: {text!r}")
        elif number is None and not shown:
            misses.append(f"{label}: {text!r} (nothing)")
    page.close()
    return {"load_s": load, "ready_s": full, "search_ms": times, "misses": misses}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="page loads of each page (the median is reported)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} tidak ada: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    cases = generated_cases(args.cases)
    typed = queries(cases)
    with tempfile.TemporaryDirectory() as tmp:
        ours = write_index(Path(tmp), cases, agency="PPID Pemerintah Provinsi Bali", generated=datetime(2026, 12, 4, 9))
        plain = Path(tmp) / "polos.html"
        plain_page(plain, cases)
        sizes = {"ours_mb": ours.stat().st_size / 1e6, "plain_mb": plain.stat().st_size / 1e6}
        results = {"ours": [], "plain": []}
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(str(Path(tmp) / "profil"), executable_path=str(CHROMIUM),
                                                           headless=True, args=ARGS,
                                                           viewport={"width": 1366, "height": 768})
            for _ in range(args.runs):
                results["ours"].append(measure(context, ours.as_uri(), "body[data-siap='1']", typed, FOUND_OURS,
                                               "body[data-indeks='1']"))
                results["plain"].append(measure(context, plain.as_uri(), "body[data-siap='1']", typed, FOUND_PLAIN,
                                                None))
            context.close()
    return report(args.cases, sizes, typed, results)


def report(count: int, sizes: dict, typed, results: dict) -> int:
    def median(side: str, key: str) -> float:
        return statistics.median(r[key] for r in results[side])

    def search(side: str, label: str) -> float:
        return statistics.median(r["search_ms"][label] for r in results[side])

    print(f"Halaman arsip, {count:,} perkara: ours {sizes['ours_mb']:.1f} MB, baseline (tabel polos) "
          f"{sizes['plain_mb']:.1f} MB")
    load, plain_load = median("ours", "load_s"), median("plain", "load_s")
    print(f"  load to first rows: {load:.2f} s   baseline (whole table shown): {plain_load:.2f} s   "
          f"ratio {load / plain_load:.2f}x")
    print(f"  search text ready in the background: {median('ours', 'ready_s'):.2f} s")
    ratios = []
    for label, text, _ in typed:
        ours, plain = search("ours", label), search("plain", label)
        ratios.append(ours / plain)
        print(f"  search {label:<22} {text[:36]!r:<40} {ours:7.1f} ms   baseline {plain:8.1f} ms   ratio {ours / plain:.3f}x")
    misses = sorted({m for r in results["ours"] for m in r["misses"]})
    for miss in misses:
        print(f"  NOT FOUND: {miss}")
    summary = {"bench": "index_page", "cases": count, "size_mb": round(sizes["ours_mb"], 1),
               "load_s": round(load, 3), "baseline_load_s": round(plain_load, 3), "load_ratio": round(load / plain_load, 3),
               "index_ready_s": round(median("ours", "ready_s"), 3),
               "search_ms_median": round(statistics.median(search("ours", label) for label, _, _ in typed), 1),
               "baseline_search_ms_median": round(statistics.median(search("plain", label) for label, _, _ in typed), 1),
               "search_ratio_median": round(statistics.median(ratios), 4), "not_found": misses}
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
