"""The periodic service report: each figure counted by hand from the cases below.

Working days are counted with the 2026 calendar including cuti bersama, receipt = day 0. The
non-working weekdays that matter here: 16 Jan (Isra Mikraj), 16-17 Feb (Imlek), 18-20 and 23-24 Mar
(Nyepi, Idul Fitri), 3 Apr (Wafat Yesus Kristus), 14-15 May (Kenaikan), 27-28 May (Idul Adha),
1 Jun (Pancasila), 17 Aug (Kemerdekaan).
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from docx import Document
from docxtpl import DocxTemplate
from openpyxl import load_workbook

from pipeline.core.config import AgencySettings, PaperSettings, Signer
from pipeline.core.vocab import (
    DECISION_LABEL,
    DECISION_OPTION,
    DECISION_SHORT,
    FINAL_DECISIONS,
    OBJECTION_DECISIONS,
    OBJECTION_OUTCOME_LABEL,
    OPEN_OBJECTION,
    PASAL17_CLAUSE,
    PASAL17_LABEL,
    PASAL17_LETTERS,
    REQUEST_DECISIONS,
)
from pipeline.core.workdays import WorkCalendar
from pipeline.render.templates import BUNDLED_TEMPLATES, template_path
from pipeline.store.db import Case
from pipeline.views.report import (
    REPORT_TEMPLATE,
    Laporan,
    compute_report,
    desimal,
    report_context,
    report_docx,
    write_report_xlsx,
)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
AGENCY = "Provinsi Bali"


def request(seq: int, received: str, *, status: str = "dijawab", keputusan: str | None = None,
            tanggal: str | None = None, pasal17: str = "", dasar_lain: str = "", extended: bool = False,
            void_reason: str | None = None) -> Case:
    on = date.fromisoformat(received)
    data: dict = {}
    if keputusan:
        data["jawaban"] = {"keputusan": keputusan, "pasal17": pasal17, "angka": "", "dasar_lain": dasar_lain,
                           "tanggal": tanggal, "halaman": 0, "tarif": 0, "biaya_kirim": 0, "biaya_lain": 0}
    if extended:
        data["perpanjangan"] = {"alasan": "Informasi sedang dihimpun dari OPD", "tenggat_semula": received,
                                "tenggat_baru": received}
    return Case(id=seq, kind="permohonan", register="permohonan", year=on.year, seq=seq,
                number=f"{seq:03d}/PPID/{ROMAN[on.month - 1]}/{on.year}", received=on, due=None, forward_due=None,
                status=status, folder=None, applicant_name="Pemohon", data=data, void_reason=void_reason)


def objection(seq: int, received: str, alasan: list[str], *, nomor_permohonan: str = "", outcome: str | None = None,
              tanggal: str | None = None, terlambat: str = "", status: str = "diterima") -> Case:
    on = date.fromisoformat(received)
    data = {"alasan": alasan, "nomor_permohonan": nomor_permohonan, "terlambat": terlambat}
    if outcome:
        data["jawaban"] = {"keputusan": outcome, "tanggal": tanggal}
    return Case(id=100 + seq, kind="keberatan", register="keberatan", year=on.year, seq=seq,
                number=f"{seq:03d}/KEB/PPID/{ROMAN[on.month - 1]}/{on.year}", received=on, due=None,
                forward_due=None, status=status, folder=None, applicant_name="Pemohon", data=data)


def all_cases() -> list[Case]:
    return [
        # received Mon 5 Jan, answered Fri 9 Jan: 6, 7, 8, 9 -> 4 days
        request(1, "2026-01-05", keputusan="diberikan", tanggal="2026-01-09"),
        # Wed 14 Jan -> Wed 21 Jan: 15, (16 libur), 19, 20, 21 -> 4
        request(2, "2026-01-14", keputusan="sebagian", tanggal="2026-01-21", status="selesai"),
        # Mon 2 Feb -> Fri 13 Feb: 3-6, 9-13 -> 9
        request(3, "2026-02-02", keputusan="ditolak", pasal17="h", tanggal="2026-02-13"),
        # Tue 10 Feb -> Thu 26 Feb: 11, 12, 13, (16, 17 libur), 18, 19, 20, 23, 24, 25, 26 -> 10 (on the deadline)
        request(4, "2026-02-10", keputusan="ditolak", pasal17="a", tanggal="2026-02-26"),
        # Mon 2 Mar -> Fri 27 Mar, extended: 3-6, 9-13, 16, 17, (18-20, 23-24 libur), 25, 26, 27 -> 14
        request(5, "2026-03-02", keputusan="tidak-dikuasai", tanggal="2026-03-27", extended=True),
        # Wed 1 Apr -> Wed 8 Apr: 2, (3 libur), 6, 7, 8 -> 4
        request(6, "2026-04-01", keputusan="ditolak", dasar_lain="Pasal 65 UU 27/2022", tanggal="2026-04-08"),
        # Mon 13 Apr -> Wed 29 Apr, not extended: 14-17, 20-24, 27, 28, 29 -> 12, late
        request(7, "2026-04-13", keputusan="diberikan", tanggal="2026-04-29"),
        # Tue 5 May -> Fri 5 Jun, extended: 6, 7, 8, 11, 12, 13, (14, 15), 18-22, 25, 26, (27, 28), 29,
        # (1 Jun), 2, 3, 4, 5 -> 18, late although extended; the longest
        request(8, "2026-05-05", keputusan="ditolak", pasal17="h", tanggal="2026-06-05", extended=True),
        # Mon 8 Jun -> Mon 15 Jun: 9-12, 15 -> 5
        request(9, "2026-06-08", keputusan="belum-didokumentasikan", tanggal="2026-06-15"),
        request(10, "2026-06-24", status="diterima"),                                   # open
        request(11, "2026-06-11", status="batal", void_reason="Formulir rusak"),       # voided: not a request
        # Mon 6 Jul -> Tue 7 Jul -> 1
        request(12, "2026-07-06", keputusan="diberikan", tanggal="2026-07-07"),
        # Mon 10 Aug -> Wed 19 Aug: 11-14, (17 libur), 18, 19 -> 6
        request(13, "2026-08-10", keputusan="sebagian", tanggal="2026-08-19"),
        # Tue 1 Sep -> Thu 3 Sep -> 2
        request(14, "2026-09-01", keputusan="ditolak", pasal17="i", tanggal="2026-09-03"),
        request(15, "2026-12-21", status="diperpanjang", extended=True),               # open, extended
        # other years and a case still being built: never counted
        request(99, "2025-12-30", keputusan="diberikan", tanggal="2026-01-05"),
        request(16, "2026-10-01", status="disiapkan"),
        objection(1, "2026-02-20", ["a"], nomor_permohonan="003/PPID/II/2026", outcome="keberatan-ditolak",
                  tanggal="2026-03-16", status="dijawab"),
        objection(2, "2026-05-04", ["g", "d"], nomor_permohonan="007/PPID/IV/2026", outcome="keberatan-diterima",
                  tanggal="2026-05-20", status="dijawab"),
        objection(3, "2026-06-02", ["c"], status="batal"),
        objection(4, "2026-07-20", ["a", "g"], nomor_permohonan="008/PPID/V/2026"),
        objection(5, "2026-08-03", ["a"], nomor_permohonan="004/PPID/II/2026",
                  terlambat="Keberatan diajukan 3 Agustus 2026, melewati 30 hari kerja"),
        objection(6, "2026-10-05", ["b"], outcome="keberatan-ditolak", tanggal="2026-10-30", status="dijawab"),
    ]


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar(include_cuti_bersama=True, override_file=None, day_zero="receipt")


@pytest.fixture(scope="module")
def report(calendar) -> Laporan:
    return compute_report(all_cases(), calendar, year=2026)


def test_request_counts(report):
    assert report.permohonan == 14                       # 1-10, 12-15
    assert report.batal_permohonan == ["011/PPID/VI/2026"]
    assert report.dijawab == 12
    assert report.belum_dijawab == 2                     # 10, 15
    assert report.keputusan == {"diberikan": 3, "sebagian": 2, "ditolak": 5, "tidak-dikuasai": 1,
                                "belum-didokumentasikan": 1}


def test_rejection_bases(report):
    expected = {letter: 0 for letter in "abcdefghij"} | {"a": 1, "h": 2, "i": 1, "lain": 1}
    assert report.dasar_penolakan == expected


def test_answer_times(report):
    assert report.diperpanjang == 3                      # 5, 8, 15
    assert report.tepat_waktu == 9                       # 1, 2, 3, 4, 6, 9, 12, 13, 14
    assert report.dalam_perpanjangan == 1                # 5
    assert report.terlambat == 2                         # 7 (12 days), 8 (18 days)
    # 4 + 4 + 9 + 10 + 14 + 4 + 12 + 18 + 5 + 1 + 6 + 2 = 89 over 12 answers = 7.416…
    assert report.rata_rata_hari == 7.4
    assert report.terlama_hari == 18
    assert report.terlama_nomor == "008/PPID/V/2026"
    days = {line.nomor: line.hari_kerja for line in report.rincian if line.jenis == "permohonan"}
    assert days["004/PPID/II/2026"] == 10 and days["005/PPID/III/2026"] == 14 and days["002/PPID/I/2026"] == 4


def test_objections(report):
    assert report.keberatan == 5                         # 1, 2, 4, 5, 6
    assert report.batal_keberatan == ["003/KEB/PPID/VI/2026"]
    assert report.alasan_keberatan == {"a": 3, "b": 1, "c": 0, "d": 1, "e": 0, "f": 0, "g": 2}
    assert report.putusan_keberatan == {"keberatan-diterima": 1, "keberatan-ditolak": 2, "belum-diputus": 2}
    assert report.keberatan_terlambat == 1


def test_requests_per_month(report):
    assert report.per_bulan == {1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 2, 7: 1, 8: 1, 9: 1, 10: 0, 11: 0, 12: 1}


def test_rincian_lists_every_counted_case(report):
    numbers = [line.nomor for line in report.rincian]
    assert len(numbers) == 14 + 1 + 5 + 1               # requests, voided request, objections, voided objection
    assert "099/PPID/XII/2025" not in numbers and "016/PPID/X/2026" not in numbers


def test_semester_one(calendar):
    first = compute_report(all_cases(), calendar, year=2026, semester=1)
    assert (first.start, first.end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert first.permohonan == 10 and first.batal_permohonan == ["011/PPID/VI/2026"]
    assert first.dijawab == 9 and first.belum_dijawab == 1
    assert first.keputusan == {"diberikan": 2, "sebagian": 1, "ditolak": 4, "tidak-dikuasai": 1,
                               "belum-didokumentasikan": 1}
    assert first.diperpanjang == 2
    assert first.rata_rata_hari == 8.9                   # 80 / 9 = 8.888…
    assert (first.terlama_hari, first.terlama_nomor) == (18, "008/PPID/V/2026")
    assert first.keberatan == 2 and first.batal_keberatan == ["003/KEB/PPID/VI/2026"]
    assert first.per_bulan == {1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 2}
    assert first.period_title == "TAHUN 2026 SEMESTER I"


def test_semester_two(calendar):
    second = compute_report(all_cases(), calendar, year=2026, semester=2)
    assert second.permohonan == 4 and second.batal_permohonan == []
    assert second.dijawab == 3 and second.belum_dijawab == 1
    assert second.keputusan == {"diberikan": 1, "sebagian": 1, "ditolak": 1, "tidak-dikuasai": 0,
                                "belum-didokumentasikan": 0}
    assert second.dasar_penolakan["i"] == 1 and second.dasar_penolakan["h"] == 0
    assert second.rata_rata_hari == 3.0                  # (1 + 6 + 2) / 3
    assert (second.terlama_hari, second.terlama_nomor) == (6, "013/PPID/VIII/2026")
    assert second.keberatan == 3 and second.keberatan_terlambat == 1
    assert second.alasan_keberatan == {"a": 2, "b": 1, "c": 0, "d": 0, "e": 0, "f": 0, "g": 1}
    assert second.per_bulan == {7: 1, 8: 1, 9: 1, 10: 0, 11: 0, 12: 1}
    assert second.period_title == "TAHUN 2026 SEMESTER II"


def test_bad_semester(calendar):
    with pytest.raises(ValueError):
        compute_report([], calendar, year=2026, semester=3)


def test_empty_period(calendar):
    empty = compute_report([], calendar, year=2027)
    assert empty.permohonan == 0 and empty.rata_rata_hari is None
    assert "Belum ada permohonan yang dijawab" in empty.average_text()


def test_next_day_counts_the_day_of_receipt():
    """With receipt = day 1, Mon 5 Jan -> Fri 9 Jan is 5 days (5, 6, 7, 8, 9); Sat 10 Jan -> Tue 13 Jan
    stays 2 (a weekend receipt is day 0 in both modes)."""
    calendar = WorkCalendar(include_cuti_bersama=True, override_file=None, day_zero="next_day")
    cases = [request(1, "2026-01-05", keputusan="diberikan", tanggal="2026-01-09"),
             request(2, "2026-01-10", keputusan="diberikan", tanggal="2026-01-13")]
    days = [line.hari_kerja for line in compute_report(cases, calendar, year=2026).rincian]
    assert days == [5, 2]


def test_rejection_without_recorded_basis_is_counted(calendar):
    cases = [request(1, "2026-01-05", keputusan="ditolak", tanggal="2026-01-09")]
    result = compute_report(cases, calendar, year=2026)
    assert result.dasar_penolakan["tidak-tercatat"] == 1
    assert ("Dasar penolakan tidak tercatat", 1) in result.as_rows()


def test_as_rows_holds_the_figures(report):
    rows = dict(report.as_rows())
    assert rows["Jumlah permohonan informasi publik yang diterima"] == 14
    assert rows["Permohonan ditolak (informasi dikecualikan)"] == 5
    assert rows["Pasal 17 huruf h UU 14/2008"] == 2
    assert rows["Pasal undang-undang lain"] == 1
    assert rows["Rata-rata waktu pemenuhan (hari kerja)"] == 7.4
    assert rows["Nomor permohonan dengan waktu pemenuhan paling lama"] == "008/PPID/V/2026"
    assert rows["Alasan g. Informasi disampaikan melebihi jangka waktu yang ditentukan"] == 2
    assert rows["Juni"] == 2


def test_decimal_comma():
    assert desimal(7.4) == "7,4"
    assert desimal(4.25) == "4,3"
    assert desimal(1234.5) == "1.234,5"


def test_xlsx(report, tmp_path):
    path = tmp_path / "laporan.xlsx"
    write_report_xlsx(report, path, agency=AGENCY)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Ringkasan", "Grafik", "Rincian"]
    summary = wb["Ringkasan"]
    assert summary["A1"].value == "LAPORAN LAYANAN INFORMASI PUBLIK PROVINSI BALI TAHUN 2026"
    figures = [(row[0].value, row[1].value) for row in summary.iter_rows(min_row=5)
               if row[0].value and row[1].value is not None]
    assert figures == report.as_rows()
    assert len(wb["Grafik"]._charts) == 3
    details = wb["Rincian"]
    numbers = [details.cell(row, 2).value for row in range(3, details.max_row + 1)]
    assert numbers == [line.nomor for line in report.rincian]
    assert not list(tmp_path.glob(".laporan-*"))          # no temporary file left behind


def test_xlsx_replaces_an_older_report(report, tmp_path):
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(b"versi lama")
    write_report_xlsx(report, path, agency=AGENCY)
    assert load_workbook(path).sheetnames == ["Ringkasan", "Grafik", "Rincian"]


def test_xlsx_reloaded_charts(report, tmp_path):
    """The charts are real chart parts in the file, with their data on the Grafik sheet."""
    import zipfile
    path = tmp_path / "laporan.xlsx"
    write_report_xlsx(report, path, agency=AGENCY)
    charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3
    grafik = load_workbook(path)["Grafik"]
    assert [grafik.cell(r, 2).value for r in range(3, 15)] == [2, 2, 1, 2, 1, 2, 1, 1, 1, 0, 0, 1]


def test_xlsx_follows_the_paper_setting(report, tmp_path):
    write_report_xlsx(report, tmp_path / "f4.xlsx", agency=AGENCY)
    write_report_xlsx(report, tmp_path / "a4.xlsx", agency=AGENCY, paper="A4")
    assert {int(ws.page_setup.paperSize) for ws in load_workbook(tmp_path / "f4.xlsx")} == {14}   # Folio = F4
    assert {int(ws.page_setup.paperSize) for ws in load_workbook(tmp_path / "a4.xlsx")} == {9}


def test_xlsx_semester_title(calendar, tmp_path):
    first = compute_report(all_cases(), calendar, year=2026, semester=1)
    write_report_xlsx(first, tmp_path / "s1.xlsx", agency=AGENCY)
    assert load_workbook(tmp_path / "s1.xlsx")["Ringkasan"]["A1"].value.endswith("TAHUN 2026 SEMESTER I")


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(parts)


SIGNER = Signer(name="I Made Contoh, S.Kom.", position="Pejabat Pengelola Informasi dan Dokumentasi",
                nip="196805311997031002")


def render_report(report: Laporan, paper: str = "A4") -> bytes:
    return report_docx(report, BUNDLED_TEMPLATES / REPORT_TEMPLATE, agency=AgencySettings(name=AGENCY, city="Denpasar"),
                       signer=SIGNER, paper=PaperSettings(paper), signed_on=date(2027, 1, 15))


@pytest.fixture(scope="module")
def docx_bytes(report) -> bytes:
    return render_report(report)


def test_docx_text(docx_bytes):
    text = _docx_text(docx_bytes)
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in text and "TAHUN 2026" in text
    assert "1 Januari 2026 s.d. 31 Desember 2026" in text
    assert "Jumlah permohonan informasi publik yang diterima: 14" in text
    assert "Permohonan yang sudah dijawab: 12" in text
    assert "Dijawab melewati jangka waktu: 2" in text
    assert "Rata-rata waktu pemenuhan permohonan 7,4 hari kerja; paling lama 18 hari kerja (nomor 008/PPID/V/2026)" in text
    assert "Pasal 17 huruf h\t" in text and "Mengungkap rahasia pribadi\t2" in text
    assert "Keberatan belum diputus\t2" in text
    assert "Juni\t2" in text
    assert "Ditolak\t5\t35,7%" in text                    # 5 of 14
    assert "Denpasar, 15 Januari 2027" in text
    assert "NIP. 19680531 199703 1 002" in text


def test_docx_renders_to_pdf(docx_bytes, tmp_path):
    """LibreOffice opens the document and makes a PDF of it (skipped where soffice is missing)."""
    import shutil
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    source = tmp_path / "laporan.docx"
    source.write_bytes(docx_bytes)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    assert (tmp_path / "laporan.pdf").stat().st_size > 5000


def test_docx_follows_the_paper_setting(report):
    for paper, (width, height) in (("A4", (210, 297)), ("F4", (215, 330))):
        section = Document(io.BytesIO(render_report(report, paper))).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (width, height)


def test_docx_has_the_letterhead_and_an_empty_rejection_table_row_only_when_needed(report, calendar):
    text = _docx_text(render_report(report))
    assert "PEMERINTAH PROVINSI BALI" in text                    # the letters' letterhead (instansi)
    assert "Tidak tercatat" not in text
    unrecorded = compute_report([request(1, "2026-01-05", keputusan="ditolak", tanggal="2026-01-09")], calendar,
                                year=2026)
    assert "Tidak tercatat\t\t1" in _docx_text(render_report(unrecorded))


# The template's variables: what report_context gives, documented in templates_docx/README.md ("## The service
# report" section), as the letters' are under "## Variables".

def _report_readme_names() -> set[str]:
    readme = (BUNDLED_TEMPLATES / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## The service report"):]
    section = section[:section.find("\n## ", 1)] if section.find("\n## ", 1) > 0 else section
    return set(re.findall(r"^\|\s*`([a-z_]+(?:\.[a-z_]+)*)`\s*\|", section, re.M))


def _dotted(context: dict, prefix: str = "") -> set[str]:
    names = set()
    for key, value in context.items():
        names.add(prefix + key)
        if isinstance(value, dict):
            names |= _dotted(value, prefix + key + ".")
    return names


def test_report_template_variables_are_the_documented_context(report):
    context = report_context(report, agency=AgencySettings(), signer=SIGNER, signed_on=date(2027, 1, 15))
    leaves = {name for name in _dotted(context) if not isinstance(_lookup(context, name), dict)}
    assert leaves == _report_readme_names()
    template = DocxTemplate(BUNDLED_TEMPLATES / REPORT_TEMPLATE)
    assert template.get_undeclared_template_variables() <= set(context)


def _lookup(context: dict, dotted: str):
    for part in dotted.split("."):
        context = context[part]
    return context


def test_a_workspace_made_before_the_report_template_uses_the_bundled_one(tmp_path):
    (tmp_path / "templates_docx").mkdir()
    assert template_path(tmp_path / "templates_docx", REPORT_TEMPLATE) == BUNDLED_TEMPLATES / REPORT_TEMPLATE
    own = tmp_path / "templates_docx" / REPORT_TEMPLATE
    own.write_bytes((BUNDLED_TEMPLATES / REPORT_TEMPLATE).read_bytes())
    assert template_path(tmp_path / "templates_docx", REPORT_TEMPLATE) == own


def test_every_decision_outcome_and_basis_has_its_labels():
    assert list(DECISION_LABEL) == list(DECISION_SHORT) == list(FINAL_DECISIONS)
    assert list(DECISION_OPTION) == list(REQUEST_DECISIONS)          # the answer sheet offers every decision
    assert "".join(PASAL17_LABEL) == "".join(PASAL17_CLAUSE) == PASAL17_LETTERS
    assert set(OBJECTION_OUTCOME_LABEL) == {*OBJECTION_DECISIONS, OPEN_OBJECTION}


# -- issue 15: disputes, the office's texts, a provisional report, the statutory words -------------------------


def test_disputes_are_counted_by_the_day_they_were_filed_with_how_they_ended(calendar):
    cases = all_cases()
    earlier = objection(9, "2025-12-10", ["a"])                      # received last year, disputed this year
    earlier.data["sengketa"] = {"tanggal": "2026-01-20", "nomor": "001/REG-PSI/I/2026", "putusan": "mediasi",
                                "tanggal_putusan": "2026-03-02"}
    open_one = next(c for c in cases if c.kind == "keberatan")
    open_one.data["sengketa"] = {"tanggal": "2026-06-01", "nomor": "", "putusan": "", "tanggal_putusan": ""}
    later = objection(10, "2026-11-02", ["c"])
    later.data["sengketa"] = {"tanggal": "2027-01-05", "nomor": "", "putusan": "ditolak", "tanggal_putusan": ""}
    report = compute_report([*cases, earlier, later], calendar, year=2026)
    assert report.sengketa == 2
    assert report.putusan_sengketa["mediasi"] == 1 and report.putusan_sengketa["belum-diputus"] == 1
    assert ("Jumlah sengketa informasi yang diajukan ke Komisi Informasi", 2) in report.dispute_rows()


def test_the_report_carries_the_office_texts_and_says_when_it_is_provisional(calendar):
    from pipeline.core.config import ReportSettings

    report = compute_report(all_cases(), calendar, year=2026)
    texts = ReportSettings(general=["PPID melayani permohonan di meja layanan."], obstacles=["Jaringan terputus."],
                           recommendations=["Menambah petugas."])
    during = report_context(report, agency=AgencySettings(), signer=SIGNER, signed_on=date(2026, 6, 30), texts=texts)
    assert during["laporan"]["sementara"].startswith("LAPORAN SEMENTARA") and "30 Juni 2026" in during["laporan"]["sementara"]
    assert during["laporan"]["gambaran_umum"] == texts.general and during["laporan"]["kendala"] == texts.obstacles
    after = report_context(report, agency=AgencySettings(), signer=SIGNER, signed_on=date(2027, 1, 15))
    assert after["laporan"]["sementara"] == ""
    assert "belum diisi" in after["laporan"]["kendala"][0] and "[report] obstacles" in after["laporan"]["kendala"][0]
    basis = {row["dasar"]: row["uraian"] for row in after["laporan"]["dasar_penolakan"]}
    assert basis["Pasal 17 huruf b"] == ("Mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan "
                                         "perlindungan dari persaingan usaha tidak sehat")
    assert after["penandatangan"]["pangkat"] == SIGNER.rank and after["penandatangan"]["baris"]
