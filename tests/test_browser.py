"""The archive's index.html, opened as an archivist does: file:// in real headless Chromium."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from pipeline.core.bahasa import nama_bulan, tanggal
from pipeline.core.vocab import KIND_LABEL, STATUS_LABEL
from pipeline.views.index import embedded_json, newest_first, write_index

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AGENCY = "PPID Pemerintah Provinsi Bali"
GENERATED = datetime(2026, 3, 20, 14, 30)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

NAMES = [
    "Ni Luh Putu Ayu Lestari", "I Wayan Sudarsana", "I Made Agus Wirawan", "Ni Made Sri Wahyuni",
    "I Nyoman Gede Pratama", "Ni Ketut Ayu Sukmawati", "I Ketut Arya Wibawa", "Ni Kadek Dwi Rahayu",
    "I Komang Adi Saputra", "Ni Wayan Renée Dewi", "I Gusti Ngurah Bagus Mahendra", "Anak Agung Istri Mas Candra",
    "Ida Bagus Putu Wiradnyana", "Ni Nengah Suartini", "I Putu Eka Budiarta", "Desak Made Ayu Kusuma",
    "I Gede Oka Swastika", "Ni Putu Indah Paramitha", "Cokorda Gde Raka Dharma", "I Kadek Yoga Pramana",
    "Ni Komang Tri Utami", "I Wayan Gede Artawan", "Ni Luh Gede Sekar Ayuni", "Gusti Ayu Made Ratnadi",
    "I Made Suwitra", "Ni Ketut Sriasih", "I Nyoman Sutama",
]
INJECTION_SCRIPT = "Putu </script><script>window.__diserang = 1</script> Jahil"
INJECTION_TAG = "Ketut <b>Tebal</b> Usil"
STATUSES = ["diterima", "diteruskan", "diperpanjang", "dijawab", "selesai"]
INFO = ["Laporan realisasi anggaran 2025", "Data timbulan sampah plastik", "Salinan kontrak pengadaan jalan",
        "Daftar penerima beasiswa"]
OPDS = ["PPID Pelaksana Dinas Kesehatan", "PPID Pelaksana Dinas Pendidikan", "PPID Pelaksana Bappeda"]
SEARCH = "Cari nomor, pemohon, informasi, OPD, nama berkas atau tanggal"


def fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).lower()


def generated_cases(names: list[str]) -> list[dict]:
    """One case every four days from 3 November 2025: both kinds, every status, a few voided numbers."""
    cases, seq = [], {}
    for i, name in enumerate(names):
        received = date(2025, 11, 3) + timedelta(days=4 * i)
        kind = "keberatan" if i % 5 == 3 else "permohonan"
        code = "KEB" if kind == "keberatan" else "PPID"
        seq[code] = seq.get(code, 0) + 1
        number = f"{seq[code]:03d}/{code}/{ROMAN[received.month - 1]}/{received.year}"
        voided = i % 9 == 4
        cases.append({
            "nomor": number,
            "jenis": kind,
            "pemohon": name,
            "diterima": received.isoformat(),
            "tenggat": None if voided else (received + timedelta(days=14)).isoformat(),
            "status": "batal" if voided else STATUSES[i % len(STATUSES)],
            "folder": None,
            "dokumen": [],
            "informasi": INFO[i % len(INFO)],
            "opd": OPDS[i % len(OPDS)],
            "berkas_asal": f"formulir-{i:02d}.docx",
            "terlambat": i % 7 == 2,
            "catatan": ([f"Salah ketik nomor {i}, didaftarkan keliru"] if voided else
                        ["Didaftarkan terlambat: 6 hari kerja setelah diterima."] if i % 7 == 2 else []),
        })
        if not voided:
            cases[-1] = with_files(cases[-1], f"{received.year}/{received.month:02d}/{number.replace('/', '-')}")
    return cases


def with_files(case: dict, folder: str) -> dict:
    """The case as filed: receipt and letter as PDF/A and print copies, the letter signed."""
    docs = [
        ("Formulir asli", "01-formulir-asli.docx", "asli"),
        ("Tanda terima", "02-tanda-terima.pdf", "pdfa"),
        ("Tanda terima", "02-tanda-terima.cetak.pdf", "cetak"),
        ("Surat kepada PPID Pelaksana", "03-surat-ppid-pelaksana.pdf", "pdfa"),
        ("Surat kepada PPID Pelaksana", "03-surat-ppid-pelaksana.cetak.pdf", "cetak"),
        ("Surat kepada PPID Pelaksana", "03-surat-ppid-pelaksana.ditandatangani.pdf", "ttd"),
    ]
    return {**case, "folder": folder,
            "dokumen": [{"judul": title, "path": f"{folder}/{name}", "jenis": kind} for title, name, kind in docs]}


def tiny_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer.write(fh)


def file_case_folder(archive: Path, case: dict) -> None:
    folder = archive / case["folder"]
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"nomor": case["nomor"], "files": [Path(d["path"]).name for d in case["dokumen"]]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for doc in case["dokumen"]:
        tiny_pdf(archive / doc["path"])


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, list[dict]]:
    """~30 cases, two of them with real folders and PDFs (one folder name with spaces)."""
    root = tmp_path_factory.mktemp("share") / "arsip ppid"
    cases = generated_cases([*NAMES, INJECTION_SCRIPT, INJECTION_TAG])
    cases[0] = with_files(cases[0], "2025/11/001-PPID-XI-2025")
    cases[6] = with_files(cases[6], "2025/11/Perkara 006 PPID")
    for case in (cases[0], cases[6]):
        file_case_folder(root, case)
    write_index(root, cases, agency=AGENCY, generated=GENERATED)
    return root, cases


# ---------------------------------------------------------------------------------------------
# The file itself
# ---------------------------------------------------------------------------------------------

def embedded_data(index: Path) -> dict:
    text = index.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="data-perkara">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


def test_index_is_one_self_contained_file(archive):
    root, cases = archive
    text = (root / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<(link|img|iframe)\b|\bsrc=|@import|url\(|fetch\(|XMLHttpRequest', text)
    assert "default-src 'none'" in text
    assert len(embedded_data(root / "index.html")["perkara"]) == len(cases)


def test_embedded_json_cannot_close_the_script_element():
    text = embedded_json({"pemohon": "a </script><!-- <b>"})
    assert "<" not in text
    assert json.loads(text) == {"pemohon": "a </script><!-- <b>"}


def test_cases_are_embedded_newest_first(archive):
    root, cases = archive
    numbers = [row[0] for row in embedded_data(root / "index.html")["perkara"]]
    assert numbers == [case["nomor"] for case in sorted(cases, key=lambda c: c["diterima"], reverse=True)]


def test_same_day_sorts_by_number_as_numbers():
    cases = [{"nomor": f"{n}/PPID/III/2026", "diterima": "2026-03-16"} for n in (9, 10, 2)]
    assert [c["nomor"] for c in newest_first(cases)] == ["10/PPID/III/2026", "9/PPID/III/2026", "2/PPID/III/2026"]


def test_rewriting_replaces_the_page_atomically(tmp_path):
    first = write_index(tmp_path, [], agency=AGENCY, generated=GENERATED)
    second = write_index(tmp_path, generated_cases(NAMES[:3]), agency=AGENCY, generated=GENERATED)
    assert first == second == tmp_path / "index.html"
    assert len(embedded_data(second)["perkara"]) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]   # no temporary file left behind


@pytest.mark.parametrize("bad", ["/etc/passwd", "../luar/berkas.pdf", "2026/../../x.pdf", "2026\\03\\x.pdf"])
def test_links_outside_the_archive_are_refused(tmp_path, bad):
    case = {**generated_cases(NAMES[:1])[0], "dokumen": [{"judul": "x", "path": bad, "jenis": "pdfa"}]}
    with pytest.raises(ValueError):
        write_index(tmp_path, [case], agency=AGENCY, generated=GENERATED)
    assert not (tmp_path / "index.html").exists()


# ---------------------------------------------------------------------------------------------
# In Chromium, as an archivist
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} tidak ada: pasang Debian 'chromium' untuk menguji index.html di peramban")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900}, locale="id-ID")
        try:
            yield context
        finally:
            context.close()


@pytest.fixture()
def page(chromium, archive):
    root, _ = archive
    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto((root / "index.html").as_uri())
    page.wait_for_selector("body[data-siap='1']")
    yield page
    page.close()
    assert errors == []


def shown_numbers(page) -> list[str]:
    return page.locator("#baris tr td.nomor").all_inner_texts()


def count_text(page) -> str:
    return page.locator("#jumlah-angka").inner_text()


SHOWS = """([count, numbers]) =>
    document.getElementById('jumlah-angka').textContent === count &&
    [...document.querySelectorAll('#baris td.nomor')].map(td => td.textContent).join('\\n') === numbers.join('\\n')"""


def expect_rows(page, expected: list[dict]) -> None:
    """Wait out the debounce, then the table shows exactly these cases, newest first."""
    want = [c["nomor"] for c in newest_first(expected)]
    page.wait_for_function(SHOWS, arg=[f"{len(want)} perkara", want])
    assert shown_numbers(page) == want
    assert count_text(page) == f"{len(want)} perkara"


def short_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {nama_bulan(day.month)[:3]} {day.year}"


def test_all_cases_shown_newest_first_with_title(page, archive):
    _, cases = archive
    assert AGENCY in page.title()
    assert "20 Maret 2026 pukul 14.30" in page.locator("header").inner_text()
    assert "hanya untuk petugas" in page.locator("header").inner_text()
    expect_rows(page, cases)
    headers = page.locator("thead th").all_inner_texts()
    assert headers == ["Nomor", "Jenis", "Pemohon", "Informasi diminta", "OPD", "Diterima", "Tenggat", "Status", "Berkas"]
    first = newest_first(cases)[0]
    row = page.locator("#baris tr").first
    assert row.locator("td").nth(5).inner_text() == short_date(first["diterima"])
    assert row.locator("td").nth(5).locator("time").get_attribute("title") == tanggal(date.fromisoformat(first["diterima"]))
    assert row.locator("td.info").inner_text() == first["informasi"]
    assert row.locator("td.opd").inner_text() == first["opd"]


def test_typing_part_of_a_name_shows_exactly_the_matching_rows(page, archive):
    _, cases = archive
    page.get_by_label(SEARCH).type("ayu")
    expected = [c for c in cases if "ayu" in fold(c["pemohon"])]
    assert len(expected) >= 4 and any(c["pemohon"] == "Ni Luh Putu Ayu Lestari" for c in expected)
    expect_rows(page, expected)
    assert all("ayu" in name.lower() for name in page.locator("#baris td.pemohon").all_inner_texts())


def test_search_ignores_case_and_accents_and_matches_numbers(page, archive):
    _, cases = archive
    box = page.get_by_label(SEARCH)
    box.fill("RENEE")
    expect_rows(page, [c for c in cases if c["pemohon"] == "Ni Wayan Renée Dewi"])
    box.fill("/keb/")
    expect_rows(page, [c for c in cases if c["jenis"] == "keberatan"])
    box.fill("tidak ada orang bernama ini")
    page.wait_for_function("() => document.getElementById('jumlah-angka').textContent === '0 perkara'")
    assert page.locator("#kosong-saringan").is_visible()
    assert not page.locator("#daftar").is_visible()


def test_a_number_is_found_in_every_form_it_is_typed(page, archive):
    _, cases = archive
    case = next(c for c in cases if c["nomor"].startswith("007/PPID"))
    seq, *rest = case["nomor"].split("/")
    box = page.get_by_label(SEARCH)
    for typed in (case["nomor"], "/".join(["7", *rest]), case["nomor"].replace("/", "-"), "7-" + "-".join(rest).lower(),
                  " / ".join(case["nomor"].split("/"))):
        box.fill(typed)
        expect_rows(page, [case])
    box.fill("7/PPID")   # the number's start: 7, never 017 or 107
    expect_rows(page, [c for c in cases if c["nomor"].startswith("007/PPID/")])


def test_what_was_asked_the_opd_the_file_name_the_date_and_the_status_find_the_case(page, archive):
    _, cases = archive
    box = page.get_by_label(SEARCH)
    box.fill("kontrak jalan")
    expect_rows(page, [c for c in cases if "kontrak" in c["informasi"]])
    box.fill("dinas kesehatan")
    expect_rows(page, [c for c in cases if c["opd"].endswith("Kesehatan")])
    one = cases[11]
    box.fill(one["berkas_asal"])
    expect_rows(page, [one])
    received = date.fromisoformat(one["diterima"])
    for typed in (f"{received:%d-%m-%Y}", received.isoformat(), f"{received:%d/%m/%Y}",
                  f"{received.day} {nama_bulan(received.month)} {received.year}"):
        box.fill(typed)
        expect_rows(page, [c for c in cases if c["diterima"] == one["diterima"]])
    box.fill("didaftarkan terlambat")
    expect_rows(page, [c for c in cases if c["terlambat"]])
    box.fill("selesai bappeda")
    expect_rows(page, [c for c in cases if c["status"] == "selesai" and c["opd"].endswith("Bappeda")])
    box.fill("salah ketik nomor 13,")   # a void reason
    expect_rows(page, [c for c in cases if any("nomor 13," in n for n in c["catatan"])])


def test_badges_for_overdue_and_late_registration_and_void_reasons_are_shown(page, archive):
    _, cases = archive
    page.get_by_label("Status").select_option("terlambat")
    late = [c for c in cases if c["terlambat"]]
    expect_rows(page, late)
    badges = page.locator("#baris .t-telat")
    assert badges.count() == len(late)
    assert badges.first.inner_text() == "didaftarkan terlambat"
    assert badges.first.get_attribute("title").startswith("Didaftarkan terlambat")
    page.get_by_label("Status").select_option("lewat")
    overdue = [c for c in cases if c["status"] in ("diterima", "diteruskan", "diperpanjang")
               and c["tenggat"] < GENERATED.date().isoformat()]
    expect_rows(page, overdue)
    assert page.locator("#baris .t-lewat").all_inner_texts() == ["lewat tenggat"] * len(overdue)
    page.get_by_label("Status").select_option("batal")
    voided = [c for c in newest_first(cases) if c["status"] == "batal"]
    expect_rows(page, voided)
    assert page.locator("#baris td.info").all_inner_texts() == [f"Batal: {c['catatan'][0]}" for c in voided]


def test_fifteen_cases_and_more_fit_on_a_1366x768_screen(chromium, archive):
    root, _ = archive
    page = chromium.new_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto((root / "index.html").as_uri())
    page.wait_for_selector("body[data-siap='1']")
    visible = page.evaluate("""() => [...document.querySelectorAll('#baris tr')]
        .filter(tr => { const r = tr.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length""")
    assert visible >= 15, visible
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    page.screenshot(path=str(root.parent / "index-1366x768.png"))
    page.close()


def test_date_range_kind_and_status_narrow_the_results(page, archive):
    _, cases = archive
    page.get_by_label("Diterima sejak").fill("2025-12-01")
    page.get_by_label("Diterima sampai").fill("2026-01-31")
    in_range = [c for c in cases if "2025-12-01" <= c["diterima"] <= "2026-01-31"]
    assert 0 < len(in_range) < len(cases)
    expect_rows(page, in_range)

    page.get_by_label("Jenis").select_option("permohonan")
    requests = [c for c in in_range if c["jenis"] == "permohonan"]
    assert 0 < len(requests) < len(in_range)
    expect_rows(page, requests)

    page.get_by_label("Diterima sejak").fill("")
    page.get_by_label("Diterima sampai").fill("")
    page.get_by_label("Jenis").select_option("")
    page.get_by_label("Status").select_option("batal")
    voided = [c for c in cases if c["status"] == "batal"]
    assert len(voided) >= 2
    expect_rows(page, voided)
    assert all("batal" in (cls or "") for cls in page.locator("#baris tr").evaluate_all("rs => rs.map(r => r.className)"))

    page.get_by_role("button", name="Hapus saringan").click()
    expect_rows(page, cases)


def resolve(page, locator) -> Path:
    """The file a link leads to: its href resolved against the page URL, as the browser does."""
    raw = locator.get_attribute("href")
    assert not re.match(r"^[a-z]+:|^/", raw), f"link is not relative: {raw}"
    url = urlparse(locator.evaluate("a => a.href"))
    assert url.scheme == "file"
    return Path(unquote(url.path))


def test_case_links_lead_to_the_folder_and_its_pdfs(page, archive):
    root, cases = archive
    for case in (cases[0], cases[6]):   # the second one's folder name has a space in it
        page.get_by_label(SEARCH).fill(case["nomor"])
        expect_rows(page, [case])
        row = page.locator("#baris tr").first
        folder = resolve(page, row.locator("td.nomor a"))
        assert folder.is_dir() and folder == root / case["folder"]
        assert (folder / "manifest.json").is_file()
        assert resolve(page, row.locator("td.berkas a", has_text="Asli")) == root / case["dokumen"][0]["path"]
        row.get_by_role("button", name="Rincian").click()
        details = page.locator("#baris tr.rincian")
        assert case["informasi"] in details.inner_text() and case["berkas_asal"] in details.inner_text()
        links = details.locator("a")
        assert links.all_inner_texts() == ["Asli", "PDF/A", "Cetak", "PDF/A", "Cetak", "TTD"]
        for i in range(links.count()):
            target = resolve(page, links.nth(i))
            assert target.is_file() and target.read_bytes().startswith(b"%PDF")
            assert target == root / case["dokumen"][i]["path"]
        assert links.nth(1).get_attribute("aria-label") == "Tanda terima \u2014 PDF/A"
        row.get_by_role("button", name="Rincian").click()
        assert page.locator("#baris tr.rincian").count() == 0


def test_voided_numbers_have_no_folder_link(page, archive):
    _, cases = archive
    page.get_by_label("Status").select_option("batal")
    expect_rows(page, [c for c in cases if c["status"] == "batal"])
    assert page.locator("#baris td.nomor a").count() == 0
    assert page.locator("#baris .lencana").first.inner_text() == "Batal"


def test_names_with_markup_are_shown_as_text(page, archive):
    assert page.evaluate("window.__diserang") is None
    names = page.locator("#baris td.pemohon").all_inner_texts()
    assert INJECTION_SCRIPT in names and INJECTION_TAG in names
    assert page.locator("#baris b").count() == 0
    assert page.locator("script").count() == 2
    page.get_by_label(SEARCH).fill("</script>")
    page.wait_for_function("() => document.getElementById('jumlah-angka').textContent === '1 perkara'")
    assert page.locator("#baris td.pemohon").inner_text() == INJECTION_SCRIPT


def test_the_page_speaks_the_pipelines_vocabulary(page, archive):
    """Filter choices, badges and month names come from pipeline.core.vocab and pipeline.core.bahasa."""
    _, cases = archive
    assert page.locator("#jenis option").all_inner_texts() == ["Semua jenis", *KIND_LABEL.values()]
    assert page.locator("#status option").all_inner_texts() == [
        "Semua status", "Masih berjalan", "Lewat tenggat", "Didaftarkan terlambat", *STATUS_LABEL.values()]
    shown = page.locator("#baris tr").evaluate_all(
        "rs => rs.map(r => [r.querySelector('td.jenis').textContent, r.querySelector('.lencana').textContent,"
        " r.querySelector('td.tanggal time').title])")
    expected = [[KIND_LABEL[c["jenis"]], STATUS_LABEL[c["status"]], tanggal(date.fromisoformat(c["diterima"]))]
                for c in newest_first(cases)]
    assert shown == expected


def test_open_cases_past_their_due_date_are_marked(page, archive):
    _, cases = archive
    overdue = [c for c in cases if c["status"] in ("diterima", "diteruskan", "diperpanjang")
               and c["tenggat"] < GENERATED.date().isoformat()]
    assert overdue
    marked = page.locator("#baris tr:has(time.lewat) td.nomor").all_inner_texts()
    assert marked == [c["nomor"] for c in newest_first(overdue)]


def test_screenshots_on_screen_and_in_print(page, archive):
    """Saved beside the archive (index.png, index-cetak.png) for a person to look at."""
    root, _ = archive
    shot = root.parent / "index.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.get_by_label("Jenis").select_option("permohonan")
    page.get_by_label("Diterima sejak").fill("2025-12-01")
    page.wait_for_function("() => document.getElementById('saringan-aktif').textContent.includes('Permohonan')")
    page.emulate_media(media="print")
    page.screenshot(path=str(root.parent / "index-cetak.png"))
    assert not page.locator("#saring").is_visible()
    assert page.locator("#saringan-aktif").inner_text() == (
        "Saringan: diterima sejak 1 Desember 2025; jenis Permohonan.")
    page.emulate_media(media="screen")


def test_many_cases_are_shown_200_at_a_time(chromium, tmp_path):
    names = [f"{NAMES[i % len(NAMES)]} {i}" for i in range(1234)]
    cases = generated_cases(names)
    index = write_index(tmp_path, cases, agency=AGENCY, generated=GENERATED)
    page = chromium.new_page()
    page.goto(index.as_uri())
    page.wait_for_selector("body[data-siap='1']")
    more = page.get_by_role("button", name="Tampilkan lebih banyak")
    assert page.locator("#baris tr").count() == 200
    assert count_text(page) == "1.234 perkara"
    for shown in (400, 600, 800, 1000, 1200):
        more.click()
        assert page.locator("#baris tr").count() == shown
    more.click()
    assert page.locator("#baris tr").count() == 1234
    assert not more.is_visible()
    assert shown_numbers(page) == [c["nomor"] for c in newest_first(cases)]
    page.close()


def test_an_empty_archive_says_so(chromium, tmp_path):
    index = write_index(tmp_path, [], agency=AGENCY, generated=GENERATED)
    page = chromium.new_page()
    page.goto(index.as_uri())
    page.wait_for_selector("body[data-siap='1']")
    assert count_text(page) == "0 perkara"
    assert page.locator("#kosong-arsip").inner_text() == "Belum ada perkara di arsip."
    assert not page.locator("#kosong-saringan").is_visible()
    page.close()


@pytest.mark.slow
def test_100000_cases_every_search_finds_its_case(chromium, tmp_path):
    """The bench's archive and queries (bench/index_page.py measures the times; here: what is found)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("index_page", Path(__file__).parent.parent / "bench" / "index_page.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    cases = bench.generated_cases(100_000)
    index = write_index(tmp_path, cases, agency=AGENCY, generated=datetime(2026, 12, 4, 9))
    page = chromium.new_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(index.as_uri())
    page.wait_for_selector("body[data-siap='1']", timeout=60_000)
    assert count_text(page) == "100.000 perkara"
    for label, typed, number in bench.queries(cases):
        page.get_by_label(SEARCH).fill(typed)
        page.wait_for_function("t => document.getElementById('saringan-aktif').textContent.includes(t)", arg=typed.strip())
        shown = shown_numbers(page)
        assert shown and (number is None or number in shown), (label, typed)
    page.close()
