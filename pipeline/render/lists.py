"""The DIP and DIK in documents: the ``daftar`` group of the letter context, the recap workbook and the
files published after the SK DIP (xlsx, csv for Indonesian Excel, one self-contained html page).

Order everywhere (recap, publication, SK lampiran): category A (berkala), B (serta merta), C (setiap
saat); within a category the OPDs alphabetically; within an OPD the order of submission. Rows are
numbered 1..n over the whole list, so a number means the same entry in every output.
"""

from __future__ import annotations

import csv
import html
import io
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from pipeline.core import bahasa
from pipeline.core.files import write_atomic
from pipeline.intake.lists import (
    CATEGORIES,
    CATEGORY_LABELS,
    COL_BENTUK,
    COL_NO,
    COL_OPD,
    COL_PENANGGUNG_JAWAB,
    COL_PENGUASA,
    COL_RETENSI,
    COL_RINGKASAN,
    COL_WAKTU_TEMPAT,
    DikEntry,
    DipEntry,
    RowProblem,
    _grouped,
    _redact,
    ordered,
)

# --------------------------------------------------------------------------------------------------
# The letter context
# --------------------------------------------------------------------------------------------------


def _entry_dict(number: int, entry: DipEntry) -> dict:
    return {
        "no": str(number),
        "kategori": CATEGORY_LABELS.get(entry.category, entry.category),
        "ringkasan": entry.ringkasan,
        "penguasa": entry.penguasa,
        "penanggung_jawab": entry.penanggung_jawab,
        "waktu_tempat": entry.waktu_tempat,
        "bentuk": entry.bentuk,
        "retensi": entry.retensi,
        "opd": entry.opd,
    }


def daftar_context(
    *,
    year: int | str,
    opd: str = "",
    entries: Iterable[DipEntry] = (),
    dik: Iterable[DikEntry] = (),
    problems: Iterable[RowProblem] = (),
    nomor_pengajuan: str = "",
    tanggal_pengajuan: date | str = "",
) -> dict:
    """The ``daftar`` group of the letter context (documented in templates_docx/README.md)."""
    entries = list(entries)
    kelompok = [
        {
            "judul": CATEGORIES[category],
            "opd_list": [{"opd": name, "entri": [_entry_dict(n, e) for n, e in items]} for name, items in opds],
        }
        for category, opds in _grouped(entries)
    ]
    when = bahasa.tanggal(tanggal_pengajuan) if isinstance(tanggal_pengajuan, date) else str(tanggal_pengajuan or "")
    return {
        "tahun": str(year),
        "opd": opd or "",
        "entri": [_entry_dict(n, e) for n, e in ordered(entries)],
        "kelompok": kelompok,
        "dik": [
            {
                "no": str(number),
                "informasi": e.informasi,
                "dasar": e.dasar_teks,
                "konsekuensi_dibuka": e.konsekuensi_dibuka,
                "konsekuensi_ditutup": e.konsekuensi_ditutup,
                "jangka_waktu": e.jangka_waktu,
                "unit": e.unit,
            }
            for number, e in enumerate(dik, start=1)
        ],
        "masalah": [
            {"baris": str(p.row) if p.row is not None else "-", "kolom": p.column, "pesan": p.message}
            for p in problems
        ],
        "nomor_pengajuan": nomor_pengajuan or "",
        "tanggal_pengajuan": when,
    }


# --------------------------------------------------------------------------------------------------
# The recap and the published files
# --------------------------------------------------------------------------------------------------

RECAP_TITLE = "REKAPITULASI DAFTAR INFORMASI PUBLIK"
PUBLICATION_TITLE = "DAFTAR INFORMASI PUBLIK"
PAPER_SIZES = {"F4": 14, "FOLIO": 14, "A4": 9}  # OOXML paperSize codes, as pipeline.views.registers

# (header, width, attribute) of the recap columns: §6 plus the OPD.
_RECAP_COLUMNS = [
    (COL_NO, 5, None),
    (COL_RINGKASAN, 40, "ringkasan"),
    (COL_PENGUASA, 22, "penguasa"),
    (COL_PENANGGUNG_JAWAB, 22, "penanggung_jawab"),
    (COL_WAKTU_TEMPAT, 18, "waktu_tempat"),
    (COL_BENTUK, 15, "bentuk"),
    (COL_RETENSI, 15, "retensi"),
    (COL_OPD, 24, "opd"),
]
_TITLE_ROW, _SUBTITLE_ROW, _NOTE_ROW, _HEAD_ROW, _NUMBER_ROW = 1, 2, 3, 4, 5
_FIRST_ROW = 6

_FONT = "Arial"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_NUMBER_FILL = PatternFill("solid", fgColor="F2F2F2")
_GROUP_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP_TOP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_CENTRE_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_LINE_PT = 12.0


def _clean_cell(text: str) -> str:
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _text_cell(cell, value: str) -> None:
    value = _clean_cell(value)
    if value:
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever an OPD typed


def _lines_needed(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` characters wide (a cautious estimate: LibreOffice
    does not fit row heights of wrapped text when it opens an xlsx)."""
    capacity = max(1, int(width * 1.2) - 1)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size <= capacity:
                used += 1 + size
                continue
            if used:
                lines, used = lines + 1, 0
            while size > capacity:
                lines, size = lines + 1, size - capacity
            used = size
        total += lines
    return total


def _dip_workbook(entries: Sequence[DipEntry], *, title: str, year, agency: str, note: str, paper: str,
                  redact: bool) -> Workbook:  # fmt: skip
    key = paper.strip().upper()
    if key not in PAPER_SIZES:
        raise ValueError(f"ukuran kertas tidak dikenal: {paper!r} (F4 atau A4)")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"DIP {year}"
    last = len(_RECAP_COLUMNS)
    last_letter = get_column_letter(last)
    subtitle = " ".join(filter(None, [_clean_cell(agency or "").strip().upper(), f"TAHUN {year}"]))
    for row, text, font, height in (
        (_TITLE_ROW, title, Font(name=_FONT, size=14, bold=True), 20),
        (_SUBTITLE_ROW, subtitle, Font(name=_FONT, size=12, bold=True), 18),
        (_NOTE_ROW, note, Font(name=_FONT, size=9, italic=True), 16 if note else 8),
    ):
        cell = sheet.cell(row, 1)
        _text_cell(cell, text)
        cell.font, cell.alignment = font, Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        sheet.row_dimensions[row].height = height

    head_font, body_font = Font(name=_FONT, size=9, bold=True), Font(name=_FONT, size=9)
    head_lines = 1
    for col, (header, width, _attr) in enumerate(_RECAP_COLUMNS, start=1):
        cell = sheet.cell(_HEAD_ROW, col, header)
        cell.font, cell.fill, cell.border = head_font, _HEAD_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        number = sheet.cell(_NUMBER_ROW, col, col)
        number.font, number.fill, number.border = Font(name=_FONT, size=8, italic=True), _NUMBER_FILL, _BORDER
        number.alignment = Alignment(horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(col)].width = width
        head_lines = max(head_lines, _lines_needed(header, width * 0.9))
    sheet.row_dimensions[_HEAD_ROW].height = head_lines * _LINE_PT + 8
    sheet.row_dimensions[_NUMBER_ROW].height = 13

    row = _FIRST_ROW
    for category, opds in _grouped(entries):
        cell = sheet.cell(row, 1, CATEGORIES[category])
        cell.font, cell.fill = Font(name=_FONT, size=10, bold=True), _GROUP_FILL
        cell.alignment = Alignment(horizontal="left", vertical="center")
        for col in range(1, last + 1):
            sheet.cell(row, col).border = _BORDER
            sheet.cell(row, col).fill = _GROUP_FILL
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        sheet.row_dimensions[row].height = 18
        row += 1
        for _opd, items in opds:
            for number, entry in items:
                lines = 1
                for col, (_header, width, attr) in enumerate(_RECAP_COLUMNS, start=1):
                    cell = sheet.cell(row, col)
                    cell.border, cell.font = _BORDER, body_font
                    if attr is None:
                        cell.value, cell.alignment = number, _CENTRE_TOP
                        continue
                    text = getattr(entry, attr) or ""
                    text = _redact(text) if redact else text
                    _text_cell(cell, text)
                    cell.alignment = _WRAP_TOP
                    lines = max(lines, _lines_needed(_clean_cell(text), width))
                sheet.row_dimensions[row].height = min(409, lines * _LINE_PT + 3)
                row += 1

    last_row = max(row - 1, _NUMBER_ROW)
    sheet.freeze_panes = sheet.cell(_FIRST_ROW, 1)
    sheet.auto_filter.ref = f"A{_NUMBER_ROW}:{last_letter}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_SIZES[key]
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{_HEAD_ROW}:{_NUMBER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top, sheet.page_margins.bottom = 0.5, 0.6
    sheet.oddFooter.left.text = f"{title.title()} Tahun {year}"
    sheet.oddFooter.left.size = 8
    sheet.oddFooter.right.text = "Halaman &P dari &N"
    sheet.oddFooter.right.size = 8
    workbook.properties.title = f"{title.title()} Tahun {year}"
    workbook.properties.creator = "ppid-pipeline"
    return workbook


def _workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_recap_xlsx(entries: Sequence[DipEntry], path: Path, *, year: int, agency: str, paper: str = "F4") -> Path:
    """The consolidated DIP (rekapitulasi) for the PPID's correction and the SK: title rows, the §6
    columns plus the OPD, section rows A/B/C, entries numbered 1..n ordered by OPD within each category,
    wrapped text, frozen header, filter, landscape print on ``paper`` ("F4" or "A4"). Written atomically
    (an existing recap is replaced). The file reads back with :func:`pipeline.intake.reading.read_form`."""
    path = Path(path)
    workbook = _dip_workbook(entries, title=RECAP_TITLE, year=year, agency=agency, note="", paper=paper,
                             redact=False)  # fmt: skip
    write_atomic(path, _workbook_bytes(workbook), overwrite=True)
    return path


def _sk_line(sk_number: str, sk_date: date | str) -> str:
    when = bahasa.tanggal(sk_date) if isinstance(sk_date, date) else str(sk_date or "")
    parts = [f"Nomor {sk_number}" if sk_number else "", f"tanggal {when}" if when else ""]
    text = " ".join(p for p in parts if p)
    return f"Ditetapkan dengan Keputusan {text}" if text else ""


_CSV_HEADER = [COL_NO, "Kategori", COL_RINGKASAN, COL_PENGUASA, COL_PENANGGUNG_JAWAB, COL_WAKTU_TEMPAT,
               COL_BENTUK, COL_RETENSI, COL_OPD]  # fmt: skip


def _csv_safe(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: such text gets a leading apostrophe."""
    text = " ".join(_clean_cell(text).split("\n"))
    if text[:1] in ("=", "+", "@", "\t") or (text[:1] == "-" and len(text) > 1 and not text[1].isspace()):
        return "'" + text
    return text


def _csv_bytes(entries: Sequence[DipEntry]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(_CSV_HEADER)
    for number, e in ordered(entries):
        writer.writerow([
            number, CATEGORY_LABELS[e.category],
            *(_csv_safe(_redact(v)) for v in (e.ringkasan, e.penguasa, e.penanggung_jawab, e.waktu_tempat,
                                               e.bentuk, e.retensi, e.opd)),
        ])  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_HTML_STYLE = """
body{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:14px;color:#1a1a1a;margin:24px;}
h1{font-size:20px;margin:0 0 4px;text-align:center}h2{font-size:16px;margin:0 0 4px;text-align:center}
p.sk{text-align:center;margin:0 0 16px;font-style:italic}
.cari{margin:12px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.cari input{font-size:15px;padding:6px 8px;width:min(480px,100%);border:1px solid #888;border-radius:4px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#d9d9d9;position:sticky;top:0}td.no{text-align:center;width:3em}
tr.entri td:nth-child(2){min-width:16em}
tr.kelompok th{background:#ddebf7;font-size:15px}
footer{margin-top:16px;font-size:12px;color:#555}
@media print{.cari{display:none}thead th{position:static}}
"""

_HTML_SCRIPT = """
(function(){
  var input=document.getElementById('cari'), info=document.getElementById('jumlah');
  var rows=Array.prototype.slice.call(document.querySelectorAll('tbody tr.entri'));
  function saring(){
    var kata=input.value.toLowerCase().split(/\\s+/).filter(Boolean), tampil=0;
    rows.forEach(function(tr){
      var teks=tr.textContent.toLowerCase();
      var cocok=kata.every(function(k){return teks.indexOf(k)>=0;});
      tr.hidden=!cocok; if(cocok){tampil++;}
    });
    Array.prototype.forEach.call(document.querySelectorAll('tbody'),function(tb){
      var ada=tb.querySelector('tr.entri:not([hidden])');
      tb.querySelector('tr.kelompok').hidden=!ada;
    });
    info.textContent=tampil+' dari '+rows.length+' informasi';
  }
  input.addEventListener('input',saring); saring();
})();
"""


def _html_text(entries: Sequence[DipEntry], *, year, agency: str, sk_line: str) -> str:
    esc = html.escape
    title = f"Daftar Informasi Publik {agency} Tahun {year}".replace("  ", " ")
    head = "".join(f"<th scope=\"col\">{esc(h)}</th>" for h, _w, _a in _RECAP_COLUMNS)
    bodies = []
    for category, opds in _grouped(entries):
        rows = [f'<tr class="kelompok"><th colspan="{len(_RECAP_COLUMNS)}" scope="rowgroup">'
                f"{esc(CATEGORIES[category])}</th></tr>"]  # fmt: skip
        for _opd, items in opds:
            for number, e in items:
                cells = "".join(
                    f"<td>{esc(_redact(v)).replace(chr(10), '<br>')}</td>"
                    for v in (e.ringkasan, e.penguasa, e.penanggung_jawab, e.waktu_tempat, e.bentuk, e.retensi,
                              e.opd)
                )  # fmt: skip
                rows.append(f'<tr class="entri"><td class="no">{number}</td>{cells}</tr>')
        bodies.append("<tbody>\n" + "\n".join(rows) + "\n</tbody>")
    total = len(entries)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>{_HTML_STYLE}</style>
</head>
<body>
<header>
<h1>DAFTAR INFORMASI PUBLIK</h1>
<h2>{esc((agency or "").upper())} TAHUN {esc(str(year))}</h2>
<p class="sk">{esc(sk_line)}</p>
</header>
<div class="cari"><label for="cari">Cari informasi:</label>
<input id="cari" type="search" placeholder="ketik kata kunci, misalnya laporan keuangan" autocomplete="off">
<span id="jumlah">{total} informasi</span></div>
<table>
<thead><tr>{head}</tr></thead>
{chr(10).join(bodies)}
</table>
<footer>Kategori informasi menurut Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik
Pasal 9, Pasal 10, dan Pasal 11: A. berkala, B. serta merta, C. setiap saat. Jumlah: {total} informasi.</footer>
<script>{_HTML_SCRIPT}</script>
</body>
</html>
"""


def write_publication(entries: Sequence[DipEntry], folder: Path, *, year: int, agency: str, sk_number: str,
                      sk_date: date | str, paper: str = "F4") -> list[Path]:  # fmt: skip
    """The files published once the SK is signed (and the online system works again), in ``folder``:
    ``dip-{year}.xlsx`` (the recap with the SK line), ``dip-{year}.csv`` (UTF-8 with BOM, semicolons: opens
    in Indonesian Excel as columns) and ``dip-{year}.html`` (one self-contained page: no external file,
    a search box, the table grouped by category). Only the DIP columns, the SK number and date: no
    personal data (NIK, mobile numbers, private e-mail addresses are masked as a last safeguard).
    Each file is written atomically; returns [xlsx, csv, html]."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sk_line = _sk_line(sk_number, sk_date)
    xlsx_path, csv_path, html_path = (folder / f"dip-{year}.{ext}" for ext in ("xlsx", "csv", "html"))
    workbook = _dip_workbook(entries, title=PUBLICATION_TITLE, year=year, agency=agency, note=sk_line,
                             paper=paper, redact=True)  # fmt: skip
    write_atomic(xlsx_path, _workbook_bytes(workbook), overwrite=True)
    write_atomic(csv_path, _csv_bytes(entries), overwrite=True)
    write_atomic(html_path, _html_text(entries, year=year, agency=agency, sk_line=sk_line).encode("utf-8"),
                 overwrite=True)  # fmt: skip
    return [xlsx_path, csv_path, html_path]
