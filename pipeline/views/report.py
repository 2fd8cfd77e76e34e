"""Laporan layanan informasi publik: the periodic service report (UU 14/2008, Perki 1/2021).

Pure: cases in, figures out; no database access. :func:`compute_report` counts the cases received in a
year or a semester; every figure is computed from the case data (decision, answer date, extension,
objection reasons), never typed. :func:`write_report_xlsx` writes the workbook (Ringkasan, Grafik with
charts, Rincian listing each counted case so every figure can be checked); :func:`report_docx` gives
the same report as a Word document from the docxtpl template ``templates_docx/laporan_layanan.docx``
(its variables: :func:`report_context`), ready for the LibreOffice pool to turn into PDF.

Counting rules:

* a case belongs to the period by its date of receipt;
* a voided number (status ``batal``) is not a request or an objection: voided numbers are counted
  apart; cases still being built (``disiapkan``) are left out altogether;
* a request is answered when ``data["jawaban"]`` holds a final decision; an extension alone is not an
  answer;
* working days from receipt to the answer follow the calendar's day-0 rule: ``working_days_between``
  (receipt = day 0), plus one in "next_day" mode when the day of receipt is a working day, so a
  request answered on its statutory deadline always counts exactly 10 days;
* on time = at most 10 working days; within the extension = more than 10 and at most 10 + 7 working
  days for an extended request; late = anything beyond the applicable limit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Union

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.core import bahasa
from pipeline.core.config import AgencySettings, DeadlineSettings, PaperSettings, ReportSettings, Signer
from pipeline.core.vocab import (
    ALASAN_KEBERATAN,
    DECISION_LABEL,
    DECISION_SHORT,
    DEFAULT_PAPER,
    DISPUTE_OPEN,
    DISPUTE_OUTCOMES,
    FINAL_DECISIONS,
    OBJECTION_DECISIONS,
    OBJECTION_OUTCOME_LABEL,
    OPEN_OBJECTION,
    PASAL17_LABEL,
    PASAL17_LETTERS,
)
from pipeline.core.workdays import WorkCalendar
from pipeline.kinds.registry import kind_of
from pipeline.render import xlsx
from pipeline.render.letters import agency_block, signer_block
from pipeline.render.templates import render_docx
from pipeline.render.xlsx import COUNT_FORMAT, DATE_FORMAT, DECIMAL_FORMAT
from pipeline.store.db import STAGING, VOID, Case

__all__ = ["Laporan", "CaseLine", "compute_report", "write_report_xlsx", "report_docx", "report_context", "REPORT_TITLE",
           "REPORT_TEMPLATE"]

REPORT_TITLE = "LAPORAN LAYANAN INFORMASI PUBLIK"
REQUEST, OBJECTION = "permohonan", "keberatan"
OTHER_LAW = "lain"            # rejected under an article of another law
NO_BASIS = "tidak-tercatat"   # rejected without a recorded basis (should not happen; counted, not hidden)
DASH = "\u2013"

Value = Union[int, float, str]

TIMING_ON_TIME, TIMING_EXTENDED, TIMING_LATE = "tepat waktu", "dalam perpanjangan", "terlambat"


# -- the report as data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseLine:
    """One counted case as the Rincian sheet lists it (no personal data)."""

    nomor: str
    jenis: str                       # "permohonan" | "keberatan"
    diterima: date
    status: str
    keputusan: str = ""              # label, empty while open
    dasar: str = ""                  # rejection basis, objection reasons, or the reason for voiding
    tanggal_jawaban: date | None = None
    hari_kerja: int | None = None
    ketepatan: str = ""              # tepat waktu / dalam perpanjangan / terlambat
    keterangan: str = ""


@dataclass
class Laporan:
    year: int
    semester: int | None
    start: date
    end: date
    notice_days: int = 10
    extension_days: int = 7
    permohonan: int = 0
    batal_permohonan: list[str] = field(default_factory=list)
    dijawab: int = 0
    belum_dijawab: int = 0
    keputusan: dict[str, int] = field(default_factory=dict)             # FINAL_DECISIONS -> count
    dasar_penolakan: dict[str, int] = field(default_factory=dict)       # a..j, "lain" (+ "tidak-tercatat")
    diperpanjang: int = 0
    tepat_waktu: int = 0
    dalam_perpanjangan: int = 0
    terlambat: int = 0
    rata_rata_hari: float | None = None
    terlama_hari: int | None = None
    terlama_nomor: str = ""
    keberatan: int = 0
    batal_keberatan: list[str] = field(default_factory=list)
    alasan_keberatan: dict[str, int] = field(default_factory=dict)      # a..g -> count
    putusan_keberatan: dict[str, int] = field(default_factory=dict)     # diterima / ditolak / belum-diputus
    keberatan_terlambat: int = 0
    per_bulan: dict[int, int] = field(default_factory=dict)             # month -> requests received
    sengketa: int = 0                                                   # disputes taken to the Komisi Informasi
    putusan_sengketa: dict[str, int] = field(default_factory=dict)      # DISPUTE_OUTCOMES -> count
    rincian: list[CaseLine] = field(default_factory=list)

    # -- labels --

    @property
    def period_title(self) -> str:
        """ "TAHUN 2026" or "TAHUN 2026 SEMESTER I"."""
        semester = f" SEMESTER {bahasa.bulan_romawi(self.semester)}" if self.semester else ""
        return f"TAHUN {self.year}{semester}"

    @property
    def period_text(self) -> str:
        return f"{bahasa.tanggal(self.start)} s.d. {bahasa.tanggal(self.end)}"

    def ditolak(self) -> int:
        return self.keputusan.get("ditolak", 0)

    # -- figures, grouped as the Ringkasan sheet shows them --

    def request_rows(self) -> list[tuple[str, Value]]:
        k = self.keputusan
        return [
            ("Jumlah permohonan informasi publik yang diterima", self.permohonan),
            ("Nomor pendaftaran permohonan yang dibatalkan (tidak dihitung sebagai permohonan)",
             len(self.batal_permohonan)),
            ("Permohonan yang sudah dijawab", self.dijawab),
            ("Permohonan yang belum dijawab", self.belum_dijawab),
            *((DECISION_LABEL[key], k.get(key, 0)) for key in FINAL_DECISIONS),
        ]

    def time_rows(self) -> list[tuple[str, Value]]:
        limit = self.notice_days + self.extension_days
        return [
            ("Permohonan yang jangka waktunya diperpanjang", self.diperpanjang),
            (f"Dijawab dalam {self.notice_days} hari kerja", self.tepat_waktu),
            (f"Dijawab dalam masa perpanjangan (hari kerja ke-{self.notice_days + 1} s.d. {limit})",
             self.dalam_perpanjangan),
            ("Dijawab melewati jangka waktu", self.terlambat),
            ("Rata-rata waktu pemenuhan (hari kerja)", _or_dash(self.rata_rata_hari)),
            ("Waktu pemenuhan paling lama (hari kerja)", _or_dash(self.terlama_hari)),
            ("Nomor permohonan dengan waktu pemenuhan paling lama", self.terlama_nomor or DASH),
        ]

    def rejection_rows(self) -> list[tuple[str, Value]]:
        rows = [(f"Pasal 17 huruf {letter} UU 14/2008", self.dasar_penolakan.get(letter, 0))
                for letter in PASAL17_LETTERS]
        rows.append(("Pasal undang-undang lain", self.dasar_penolakan.get(OTHER_LAW, 0)))
        if self.dasar_penolakan.get(NO_BASIS):
            rows.append(("Dasar penolakan tidak tercatat", self.dasar_penolakan[NO_BASIS]))
        return rows

    def objection_rows(self) -> list[tuple[str, Value]]:
        return [
            ("Jumlah keberatan yang diterima", self.keberatan),
            ("Nomor registrasi keberatan yang dibatalkan (tidak dihitung sebagai keberatan)",
             len(self.batal_keberatan)),
            *((OBJECTION_OUTCOME_LABEL[key], self.putusan_keberatan.get(key, 0)) for key in OBJECTION_OUTCOME_LABEL),
            ("Keberatan yang diajukan melewati batas waktu", self.keberatan_terlambat),
        ]

    def reason_rows(self) -> list[tuple[str, Value]]:
        return [(f"Alasan {letter}. {text}", self.alasan_keberatan.get(letter, 0))
                for letter, text in ALASAN_KEBERATAN.items()]

    def dispute_rows(self) -> list[tuple[str, Value]]:
        return [("Jumlah sengketa informasi yang diajukan ke Komisi Informasi", self.sengketa),
                *((DISPUTE_OUTCOMES[key], self.putusan_sengketa.get(key, 0)) for key in DISPUTE_OUTCOMES)]

    def month_rows(self) -> list[tuple[str, Value]]:
        return [(bahasa.nama_bulan(month), count) for month, count in self.per_bulan.items()]

    def sections(self) -> list[tuple[str, list[tuple[str, Value]]]]:
        return [
            ("A. Permohonan informasi publik", self.request_rows()),
            ("B. Waktu pemenuhan permohonan", self.time_rows()),
            ("C. Dasar penolakan permohonan", self.rejection_rows()),
            ("D. Keberatan", self.objection_rows()),
            ("E. Alasan keberatan (satu keberatan dapat memuat beberapa alasan)", self.reason_rows()),
            ("F. Sengketa informasi ke Komisi Informasi", self.dispute_rows()),
            ("G. Permohonan per bulan", self.month_rows()),
        ]

    def as_rows(self) -> list[tuple[str, Value]]:
        """Every figure as (Indonesian label, value), in Ringkasan order."""
        return [row for _title, rows in self.sections() for row in rows]

    def average_text(self) -> str:
        """ "Rata-rata waktu pemenuhan permohonan 4,2 hari kerja; paling lama 12 hari kerja (nomor …)." """
        if self.rata_rata_hari is None:
            return "Belum ada permohonan yang dijawab dalam periode ini."
        return (f"Rata-rata waktu pemenuhan permohonan {desimal(self.rata_rata_hari)} hari kerja; "
                f"paling lama {bahasa.angka(self.terlama_hari)} hari kerja (nomor {self.terlama_nomor}).")


def _or_dash(value: int | float | None) -> Value:
    return DASH if value is None else value


def desimal(value: float, places: int = 1) -> str:
    """Indonesian decimal: 4.25 -> "4,3" (rounded half up), 1234.5 -> "1.234,5"."""
    whole, _, fraction = f"{_round_half_up(value, places):,.{places}f}".partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{fraction}" if fraction else whole


def _round_half_up(value: float, places: int) -> float:
    step = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


# -- computing ---------------------------------------------------------------------------------------------


def compute_report(cases: list[Case], calendar: WorkCalendar, *, year: int, semester: int | None = None,
                   deadlines: DeadlineSettings | None = None) -> Laporan:
    """The figures of the cases received in ``year`` (semester 1 = January-June, 2 = July-December); answers are
    on time or late by the request kind's own rule under ``deadlines`` (``[deadlines]``)."""
    deadlines = deadlines or DeadlineSettings()
    rule = kind_of(REQUEST).due
    notice_days, extension_days = rule.limit(deadlines), rule.extension_limit(deadlines)
    start, end = report_period(year, semester)
    in_period = sorted((c for c in cases if start <= c.received <= end and c.status != STAGING),
                       key=lambda c: (c.kind, c.received, c.number))
    report = Laporan(year=year, semester=semester, start=start, end=end, notice_days=notice_days,
                     extension_days=extension_days)
    requests = [c for c in in_period if c.kind == REQUEST and c.status != VOID]
    objections = [c for c in in_period if c.kind == OBJECTION and c.status != VOID]
    voided = [c for c in in_period if c.status == VOID]
    _count_requests(report, requests, calendar)
    _count_objections(report, objections)
    _count_voided(report, voided)
    _count_disputes(report, [c for c in cases if c.status not in (STAGING, VOID)])
    report.per_bulan = requests_per_month(requests, start, end)
    report.rincian.sort(key=lambda line: (line.jenis != REQUEST, line.diterima, line.nomor))
    return report


def report_period(year: int, semester: int | None) -> tuple[date, date]:
    if semester is None:
        return date(year, 1, 1), date(year, 12, 31)
    if semester == 1:
        return date(year, 1, 1), date(year, 6, 30)
    if semester == 2:
        return date(year, 7, 1), date(year, 12, 31)
    raise ValueError(f"Semester harus 1 atau 2, bukan {semester!r}.")


def answer_of(case: Case) -> dict | None:
    """The final answer of a request, or None while it is open."""
    answer = (case.data or {}).get("jawaban") or {}
    return answer if answer.get("keputusan") in FINAL_DECISIONS else None


def answer_date(answer: dict) -> date | None:
    text = answer.get("tanggal")
    return date.fromisoformat(text) if text else None


def working_days_taken(calendar: WorkCalendar, received: date, answered: date) -> int:
    """Working days from receipt to the answer, counted as the deadlines are (see module docstring)."""
    days = calendar.working_days_between(received, answered)
    if calendar.day_zero == "next_day" and calendar.is_working_day(received):
        days += 1
    return days


def timing(days: int, extended: bool, notice_days: int, extension_days: int) -> str:
    if days <= notice_days:
        return TIMING_ON_TIME
    if extended and days <= notice_days + extension_days:
        return TIMING_EXTENDED
    return TIMING_LATE


def rejection_basis(answer: dict) -> str:
    """ "a".."j" for Pasal 17, "lain" for another law, "tidak-tercatat" when neither is recorded."""
    letter = (answer.get("pasal17") or "").strip().lower()
    if letter in PASAL17_LETTERS and letter:
        return letter
    return OTHER_LAW if (answer.get("dasar_lain") or "").strip() else NO_BASIS


def basis_text(answer: dict) -> str:
    key = rejection_basis(answer)
    if key == OTHER_LAW:
        return answer["dasar_lain"].strip()
    if key == NO_BASIS:
        return "Dasar tidak tercatat"
    angka = f" angka {answer['angka']}" if answer.get("angka") else ""
    return f"Pasal 17 huruf {key}{angka} UU 14/2008"


def _count_requests(report: Laporan, requests: list[Case], calendar: WorkCalendar) -> None:
    report.permohonan = len(requests)
    report.keputusan = {key: 0 for key in FINAL_DECISIONS}
    report.dasar_penolakan = {key: 0 for key in (*PASAL17_LETTERS, OTHER_LAW)}
    durations: list[tuple[int, str]] = []
    for case in requests:
        line = _request_line(report, case, calendar)
        report.rincian.append(line)
        if line.hari_kerja is not None:
            durations.append((line.hari_kerja, case.number))
    report.dijawab = sum(report.keputusan.values())
    report.belum_dijawab = report.permohonan - report.dijawab
    _summarise_durations(report, durations)


def _request_line(report: Laporan, case: Case, calendar: WorkCalendar) -> CaseLine:
    """Count one request into ``report`` and return its Rincian line."""
    extended = bool((case.data or {}).get("perpanjangan"))
    report.diperpanjang += extended
    notes = ["diperpanjang"] if extended else []
    notes += [f"keberatan {', '.join(case.data['keberatan'])}"] if (case.data or {}).get("keberatan") else []
    answer = answer_of(case)
    if answer is None:
        return CaseLine(case.number, REQUEST, case.received, case.status, keterangan="; ".join(notes))
    decision = answer["keputusan"]
    report.keputusan[decision] += 1
    basis = ""
    if decision == "ditolak":
        key = rejection_basis(answer)
        report.dasar_penolakan[key] = report.dasar_penolakan.get(key, 0) + 1
        basis = basis_text(answer)
    answered = answer_date(answer)
    days = working_days_taken(calendar, case.received, answered) if answered else None
    on_time = timing(days, extended, report.notice_days, report.extension_days) if days is not None else ""
    _count_timing(report, on_time)
    return CaseLine(case.number, REQUEST, case.received, case.status, DECISION_SHORT[decision], basis,
                    answered, days, on_time, "; ".join(notes))


def _count_timing(report: Laporan, on_time: str) -> None:
    if on_time == TIMING_ON_TIME:
        report.tepat_waktu += 1
    elif on_time == TIMING_EXTENDED:
        report.dalam_perpanjangan += 1
    elif on_time == TIMING_LATE:
        report.terlambat += 1


def _summarise_durations(report: Laporan, durations: list[tuple[int, str]]) -> None:
    if not durations:
        return
    report.rata_rata_hari = _round_half_up(sum(d for d, _ in durations) / len(durations), 1)
    # the longest; on a tie the first received (durations are in order of receipt)
    report.terlama_hari, report.terlama_nomor = max(durations, key=lambda item: item[0])


def _count_objections(report: Laporan, objections: list[Case]) -> None:
    report.keberatan = len(objections)
    report.alasan_keberatan = {letter: 0 for letter in ALASAN_KEBERATAN}
    report.putusan_keberatan = {key: 0 for key in OBJECTION_OUTCOME_LABEL}
    for case in objections:
        report.rincian.append(_objection_line(report, case))


def _objection_line(report: Laporan, case: Case) -> CaseLine:
    """Count one objection into ``report`` and return its Rincian line."""
    data = case.data or {}
    reasons = sorted({r.strip().lower() for r in data.get("alasan", []) if r.strip().lower() in ALASAN_KEBERATAN})
    for letter in reasons:
        report.alasan_keberatan[letter] += 1
    answer = data.get("jawaban") or {}
    outcome = answer.get("keputusan") if answer.get("keputusan") in OBJECTION_DECISIONS else OPEN_OBJECTION
    report.putusan_keberatan[outcome] += 1
    late = bool(data.get("terlambat"))
    report.keberatan_terlambat += late
    notes = [f"atas permohonan {data['nomor_permohonan']}"] if data.get("nomor_permohonan") else []
    notes += ["diajukan melewati batas waktu"] if late else []
    decided = outcome != OPEN_OBJECTION
    return CaseLine(case.number, OBJECTION, case.received, case.status,
                    OBJECTION_OUTCOME_LABEL[outcome] if decided else "",
                    f"alasan {', '.join(reasons)}" if reasons else "",
                    answer_date(answer) if decided else None, keterangan="; ".join(notes))


def _count_disputes(report: Laporan, cases: list[Case]) -> None:
    """Disputes taken to the Komisi Informasi in the period (by the day they were filed, ``ppid sengketa``),
    whichever period their request or objection was received in, with how each ended."""
    report.putusan_sengketa = {key: 0 for key in DISPUTE_OUTCOMES}
    for case in cases:
        dispute = (case.data or {}).get("sengketa") or {}
        if dispute.get("tanggal") and report.start <= date.fromisoformat(dispute["tanggal"]) <= report.end:
            report.sengketa += 1
            report.putusan_sengketa[dispute.get("putusan") or DISPUTE_OPEN] += 1
            report.rincian.append(CaseLine(case.number, "sengketa", date.fromisoformat(dispute["tanggal"]), case.status,
                                           DISPUTE_OUTCOMES[dispute.get("putusan") or DISPUTE_OPEN],
                                           f"register {dispute['nomor']}" if dispute.get("nomor") else ""))


def _count_voided(report: Laporan, voided: list[Case]) -> None:
    for case in voided:
        target = report.batal_permohonan if case.kind == REQUEST else report.batal_keberatan
        target.append(case.number)
        report.rincian.append(CaseLine(case.number, case.kind, case.received, case.status, "Nomor batal",
                                       case.void_reason or ""))


def requests_per_month(requests: list[Case], start: date, end: date) -> dict[int, int]:
    counts = Counter(c.received.month for c in requests)
    return {month: counts.get(month, 0) for month in range(start.month, end.month + 1)}


# -- the workbook -------------------------------------------------------------------------------------------

def write_report_xlsx(report: Laporan, path: Path, *, agency: str, paper: str = DEFAULT_PAPER) -> None:
    """Write the report workbook to ``path`` atomically, its sheets printed on ``paper`` (``[paper] size``)."""
    wb = Workbook()
    summary_sheet(wb.active, report, agency, paper)
    chart_sheet(wb.create_sheet("Grafik"), report, paper)
    detail_sheet(wb.create_sheet("Rincian"), report, paper)
    wb.properties.title = f"{report_title(report, agency)}".title()
    wb.properties.creator = "ppid-pipeline"
    xlsx.save_workbook(wb, Path(path))


def report_title(report: Laporan, agency: str) -> str:
    return f"{REPORT_TITLE} {agency.upper()} {report.period_title}"


def summary_sheet(ws: Worksheet, report: Laporan, agency: str, paper: str = DEFAULT_PAPER) -> None:
    ws.title = "Ringkasan"
    ws.column_dimensions["A"].width = 80
    ws.column_dimensions["B"].width = 18
    _title_block(ws, [report_title(report, agency), f"Periode {report.period_text}"], columns=2)
    row = 4
    _header_cells(ws, row, ["Uraian", "Jumlah"])
    for title, rows in report.sections():
        row += 1
        _section_row(ws, row, title)
        for label, value in rows:
            row += 1
            _figure_row(ws, row, label, value)
    ws.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=2)
    ws.cell(row + 2, 1, report.average_text()).alignment = xlsx.TOP_WRAP
    ws.freeze_panes = "A5"
    xlsx.set_page(ws, paper=paper, landscape=False)


def _title_block(ws: Worksheet, lines: list[str], *, columns: int) -> None:
    for index, text in enumerate(lines, 1):
        ws.merge_cells(start_row=index, start_column=1, end_row=index, end_column=columns)
        cell = ws.cell(index, 1, text)
        if index == 1:
            cell.font = xlsx.HEADING
        cell.alignment = xlsx.CENTRED
    ws.row_dimensions[1].height = 34


def _header_cells(ws: Worksheet, row: int, labels: list[str]) -> None:
    _header_cells_at(ws, row, 1, labels)


def _section_row(ws: Worksheet, row: int, title: str) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    cell = ws.cell(row, 1, title)
    cell.font, cell.fill = xlsx.BOLD, xlsx.SHADE_FILL
    for column in (1, 2):
        ws.cell(row, column).border = xlsx.BORDER


def _figure_row(ws: Worksheet, row: int, label: str, value: Value) -> None:
    label_cell = ws.cell(row, 1, label)
    label_cell.alignment, label_cell.border = xlsx.TOP_WRAP, xlsx.BORDER
    value_cell = ws.cell(row, 2, value)
    value_cell.border = xlsx.BORDER
    value_cell.alignment = xlsx.TOP_CENTRE if isinstance(value, str) else xlsx.TOP_RIGHT
    if isinstance(value, float):
        value_cell.number_format = DECIMAL_FORMAT
    elif isinstance(value, int):
        value_cell.number_format = COUNT_FORMAT


# Grafik: three blocks one under another, each a data table in columns A-B with its chart beside it
# (from column D), so the charts never cover a table and the sheet prints on one page width.
_CHART_ROWS = 17          # rows a 7.5 cm chart takes at the default row height, plus a gap


def chart_sheet(ws: Worksheet, report: Laporan, paper: str = DEFAULT_PAPER) -> None:
    blocks = [
        ("Permohonan per bulan", "Bulan", report.month_rows()),
        ("Keputusan atas permohonan", "Keputusan", decision_chart_rows(report)),
        ("Keberatan menurut alasan", "Alasan", [(f"Alasan {k}", v) for k, v in report.alasan_keberatan.items()]),
    ]
    top = 1
    for title, heading, rows in blocks:
        _data_table(ws, top, title, heading, rows)
        ws.add_chart(_bar_chart(ws, top, rows, title), f"D{top}")
        top += max(len(rows) + 3, _CHART_ROWS)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 3
    xlsx.set_page(ws, paper=paper, landscape=False)


def decision_chart_rows(report: Laporan) -> list[tuple[str, int]]:
    rows = [(DECISION_SHORT[key], report.keputusan.get(key, 0)) for key in FINAL_DECISIONS]
    return rows + [("Belum dijawab", report.belum_dijawab)]


def _letter(column: int) -> str:
    return get_column_letter(column)


def _data_table(ws: Worksheet, top: int, title: str, heading: str, rows: list[tuple[str, Value]]) -> None:
    """Title in row ``top``, header below it, the rows after that, in columns A-B."""
    ws.cell(top, 1, title).font = xlsx.BOLD
    _header_cells_at(ws, top + 1, 1, [heading, "Jumlah"])
    for offset, (label, value) in enumerate(rows, top + 2):
        for column, item in enumerate((label, value), 1):
            ws.cell(offset, column, item).border = xlsx.BORDER


def _header_cells_at(ws: Worksheet, row: int, column: int, labels: list[str]) -> None:
    for shift, label in enumerate(labels):
        cell = ws.cell(row, column + shift, label)
        cell.font, cell.fill, cell.border, cell.alignment = xlsx.BOLD, xlsx.FORM_HEADER_FILL, xlsx.BORDER, xlsx.TOP_CENTRE


def _bar_chart(ws: Worksheet, top: int, rows: list[tuple[str, Value]], title: str) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.legend = None
    chart.y_axis.title = "Jumlah"
    chart.y_axis.delete = chart.x_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = "0"
    chart.y_axis.majorUnit = _major_unit(max((v for _, v in rows if isinstance(v, int)), default=0))
    chart.y_axis.scaling.min = 0
    chart.add_data(Reference(ws, min_col=2, min_row=top + 1, max_row=top + 1 + len(rows)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=top + 1 + len(rows)))
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False, showLegendKey=False,
                                     showPercent=False)
    chart.width, chart.height = 13, 7.5
    return chart


def _major_unit(largest: int) -> int:
    """Whole-number steps for counts: 1 up to 8, then about eight steps."""
    return max(1, -(-largest // 8))


_DETAIL_COLUMNS = (("No", 5), ("Nomor", 24), ("Jenis", 12), ("Tanggal diterima", 18), ("Status", 13),
                   ("Keputusan", 44), ("Dasar / alasan", 34), ("Tanggal jawaban", 18), ("Hari kerja", 10),
                   ("Ketepatan waktu", 20), ("Keterangan", 44))


def detail_sheet(ws: Worksheet, report: Laporan, paper: str = DEFAULT_PAPER) -> None:
    ws.append(["Rincian perkara yang dihitung (nomor batal dicantumkan tetapi tidak dihitung sebagai "
               "permohonan atau keberatan)"])
    ws["A1"].font = xlsx.BOLD
    _header_cells(ws, 2, [name for name, _ in _DETAIL_COLUMNS])
    for index, line in enumerate(report.rincian, 1):
        _detail_row(ws, 2 + index, index, line)
    for column, (_, width) in enumerate(_DETAIL_COLUMNS, 1):
        ws.column_dimensions[_letter(column)].width = width
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{_letter(len(_DETAIL_COLUMNS))}{2 + len(report.rincian)}"
    xlsx.set_page(ws, paper=paper, landscape=True)


def _detail_row(ws: Worksheet, row: int, index: int, line: CaseLine) -> None:
    values = [index, line.nomor, line.jenis, line.diterima, line.status, line.keputusan, line.dasar,
              line.tanggal_jawaban, line.hari_kerja, line.ketepatan, line.keterangan]
    for column, value in enumerate(values, 1):
        cell = ws.cell(row, column, value)
        cell.border, cell.alignment = xlsx.BORDER, xlsx.TOP_WRAP
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
    lines = max(_wrapped_lines(str(v or ""), width) for v, (_, width) in zip(values, _DETAIL_COLUMNS))
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines     # openpyxl does not size rows for wrapped text


def _wrapped_lines(text: str, width: float) -> int:
    """A generous estimate of the lines ``text`` takes in a column ``width`` characters wide."""
    return max(1, -(-len(text) // max(1, int(width * 1.1))))


# -- the Word document ---------------------------------------------------------------------------------------

REPORT_TEMPLATE = "laporan_layanan.docx"
"""The report's docxtpl template in the workspace's templates folder (``ppid init`` copies it; a workspace made
before it existed uses the bundled one: pipeline.render.templates.template_path)."""


def report_docx(report: Laporan, template: Path, *, agency: AgencySettings, signer: Signer, paper: PaperSettings,
                signed_on: date | None = None, texts: ReportSettings | None = None) -> bytes:
    """The report as a Word document from ``template``, on ``paper``, signed by ``signer`` (the PPID) on
    ``signed_on`` (default today), with the office's texts (``[report]``), ready for the LibreOffice pool."""
    context = report_context(report, agency=agency, signer=signer, signed_on=signed_on or date.today(), texts=texts)
    return render_docx(template, context, paper)


UNWRITTEN = "Bagian ini belum diisi: tuliskan di [report] {key} pada config.toml sebelum laporan ditandatangani."
"""What a section of the report's own texts says while the office has not written it: visible, never silent."""


def report_context(report: Laporan, *, agency: AgencySettings, signer: Signer, signed_on: date,
                   texts: ReportSettings | None = None) -> dict:
    """What the report's template reads (templates_docx/README.md, "The service report"): every figure already
    written the Indonesian way, the tables as lists of rows. A report made before its period ends is marked
    "sementara" (provisional), with the day its figures stop."""
    texts = texts or ReportSettings()
    figures = report.request_rows() + report.time_rows() + report.objection_rows()
    provisional = signed_on <= report.end
    return {
        "instansi": agency_block(agency),
        "laporan": {
            "sementara": (f"LAPORAN SEMENTARA: periode belum berakhir; data sampai dengan {bahasa.tanggal(signed_on)}"
                          if provisional else ""),
            "gambaran_umum": list(texts.general),
            "kendala": list(texts.obstacles) or [UNWRITTEN.format(key="obstacles")],
            "rekomendasi": list(texts.recommendations) or [UNWRITTEN.format(key="recommendations")],
            "sengketa": format_value(report.sengketa),
            "putusan_sengketa": [{"uraian": DISPUTE_OUTCOMES[key], "jumlah": format_value(count)}
                                 for key, count in report.putusan_sengketa.items()],
            "judul": REPORT_TITLE,
            "periode_judul": report.period_title,
            "periode": report.period_text,
            "permohonan": format_value(report.permohonan),
            "dijawab": format_value(report.dijawab),
            "keberatan": format_value(report.keberatan),
            "ditolak": format_value(report.ditolak()),
            "rata_rata": report.average_text(),
            "angka": [{"no": str(number), "uraian": label, "nilai": format_value(value)}
                      for number, (label, value) in enumerate(figures, 1)],
            "keputusan": [{"uraian": label, "jumlah": format_value(count), "persen": _percent(count, report.permohonan)}
                          for label, count in decision_chart_rows(report)],
            "permohonan_persen": _percent(report.permohonan, report.permohonan),
            "dasar_penolakan": [{"dasar": basis, "uraian": text, "jumlah": format_value(count)}
                                for basis, text, count in rejection_table_rows(report)],
            "alasan_keberatan": [{"huruf": letter, "uraian": ALASAN_KEBERATAN[letter], "jumlah": format_value(count)}
                                 for letter, count in report.alasan_keberatan.items()],
            "putusan_keberatan": [{"uraian": OBJECTION_OUTCOME_LABEL[outcome], "jumlah": format_value(count)}
                                  for outcome, count in report.putusan_keberatan.items()],
            "per_bulan": [{"bulan": month, "jumlah": format_value(count)} for month, count in report.month_rows()],
            "tempat_tanggal": f"{agency.city}, {bahasa.tanggal(signed_on)}",
        },
        "penandatangan": signer_block(signer),
    }


def rejection_table_rows(report: Laporan) -> list[tuple[str, str, int]]:
    """(basis, description, count) of the report's table of rejection bases: every letter of Pasal 17, another
    law, and rejections without a recorded basis when there are any."""
    rows = [(f"Pasal 17 huruf {letter}", PASAL17_LABEL[letter], count)
            for letter, count in report.dasar_penolakan.items() if letter in PASAL17_LABEL]
    rows.append(("Undang-undang lain", "Pasal undang-undang lain yang melarang pengungkapan",
                 report.dasar_penolakan.get(OTHER_LAW, 0)))
    if report.dasar_penolakan.get(NO_BASIS):
        rows.append(("Tidak tercatat", "", report.dasar_penolakan[NO_BASIS]))
    return rows


def format_value(value: Value) -> str:
    if isinstance(value, float):
        return desimal(value)
    if isinstance(value, int):
        return bahasa.angka(value)
    return value


def _percent(part: int, whole: int) -> str:
    return f"{desimal(100 * part / whole)}%" if whole else DASH
