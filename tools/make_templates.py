#!/usr/bin/env python3
"""Build the Word templates of the PPID back office (``templates_docx/*.docx``).

The templates are ordinary, Word-editable documents (paragraphs with named styles, borderless
tables, no text boxes) that carry docxtpl/Jinja tags.  They are committed to the repository; run
this script again after changing it and check the result by rendering a sample (see
``tests/test_templates.py``) and converting it with LibreOffice.

    .venv/bin/python tools/make_templates.py [--out templates_docx]

Layout conventions (Tata Naskah Dinas style):

* Arial 12 pt (Liberation Sans has the same metrics), single line spacing, language id-ID.
* Margins left 3 cm, right 2 cm, top 2 cm, bottom 2 cm.  The page size is written as A4; the
  pipeline sets F4 or A4 after rendering.  Every table width fits the narrower A4 text width
  (16 cm), so nothing needs to move when the page becomes F4 (16.5 cm of text).
* Letterhead: a one-cell borderless table at the top of the first page whose bottom border is a
  thick-over-thin double line.  When ``instansi.kop`` is configured its lines replace the
  built-in lines.
* Footer on every page, one table row: the QR code ``{{ dokumen.qr }}`` (an image, 16-18 mm) and
  ``{{ dokumen.id }}`` on the left, "Halaman X dari Y" on the right, 8 pt grey; 0.7 cm above the
  page edge.
* Signature blocks sit in the right half of the text area (left indent 8 cm, centred).
* The service report (``laporan_layanan.docx``) is not a letter: the same page, fonts and letterhead, its
  figures in bordered tables, and a footer with the page number only (it has no document ID).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import _Cell

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "templates_docx"

FONT = "Arial"
TEXT_WIDTH = Cm(16)            # A4 210 mm - 30 mm - 20 mm
SIGN_INDENT = Cm(8)            # signature blocks: right half of the text area
BODY_INDENT = Cm(0.75)         # hanging indent of numbered body paragraphs
GREY = RGBColor(0x70, 0x70, 0x70)
QR_CELL = Cm(2.1)              # footer cell of the QR code (the pipeline's code is 18 mm wide)
QR_FRACTION = 0.13             # ... as a share of the text width: 20.8 mm on A4, 21.5 mm on F4
FOOTER_DISTANCE = Cm(0.7)      # page edge to footer: the 18 mm QR code ends about 2.5 cm up


# --------------------------------------------------------------------------------------------
# low-level XML helpers
# --------------------------------------------------------------------------------------------

def _el(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key), str(value))
    return element


def _replace_child(parent, tag: str, new):
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    parent.append(new)
    return new


def _twips(length) -> int:
    return int(round(Emu(length).pt * 20))


def _set_fonts(rpr, name: str = FONT) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


# --------------------------------------------------------------------------------------------
# document and styles
# --------------------------------------------------------------------------------------------

def new_document(title: str):
    doc = Document()
    core = doc.core_properties
    core.title = title
    core.author = "ppid-pipeline"
    core.last_modified_by = "ppid-pipeline"
    core.comments = "Dibuat oleh tools/make_templates.py; berisi tag docxtpl/Jinja."
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    core.language = "id-ID"

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.header_distance, section.footer_distance = Cm(1), FOOTER_DISTANCE
    section.start_type = WD_SECTION.NEW_PAGE

    _document_defaults(doc)
    _add_styles(doc)
    _add_footer(doc)
    return doc


def _document_defaults(doc) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _set_fonts(rpr)
    _replace_child(rpr, "w:sz", _el("w:sz", **{"w:val": 24}))
    _replace_child(rpr, "w:szCs", _el("w:szCs", **{"w:val": 24}))
    _replace_child(rpr, "w:lang", _el("w:lang", **{"w:val": "id-ID", "w:eastAsia": "en-US",
                                                  "w:bidi": "ar-SA"}))

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    _set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(12)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.widow_control = True

    for name in ("Footer", "Header"):
        style = doc.styles[name]
        _set_fonts(style.element.get_or_add_rPr())


def _pstyle(doc, name: str, *, size: float | None = None, bold: bool | None = None,
            italic: bool | None = None, underline: bool | None = None,
            align=None, before: float = 0, after: float = 0, left=None, first=None,
            keep_next: bool = False, color: RGBColor | None = None, spacing_pt: float | None = None,
            tabs: list[tuple] | None = None, base: str = "Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    font = style.font
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if underline is not None:
        font.underline = underline
    if color is not None:
        font.color.rgb = color
    if spacing_pt is not None:
        rpr = style.element.get_or_add_rPr()
        _replace_child(rpr, "w:spacing", _el("w:spacing", **{"w:val": int(spacing_pt * 20)}))
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if left is not None:
        pf.left_indent = left
    if first is not None:
        pf.first_line_indent = first
    pf.keep_with_next = keep_next
    for position, alignment in tabs or []:
        pf.tab_stops.add_tab_stop(position, alignment)
    return style


def _add_styles(doc) -> None:
    C, J, L, R = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY,
                  WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT)
    # letterhead
    _pstyle(doc, "Kop Pemerintah", size=14, bold=True, align=C)
    _pstyle(doc, "Kop Instansi", size=16, bold=True, align=C)
    _pstyle(doc, "Kop Alamat", size=10.5, align=C)
    _pstyle(doc, "Kop Kota", size=12, bold=True, align=C, spacing_pt=3, after=2)
    # headings and blocks
    _pstyle(doc, "Judul Naskah", size=12, bold=True, align=C, before=12, after=10, keep_next=True)
    _pstyle(doc, "Tanggal Surat", align=R, before=10, after=6)
    _pstyle(doc, "Tujuan Surat", align=L, left=Cm(1.0), first=Cm(-1.0),
            tabs=[(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Tujuan Tempat", align=L, left=Cm(1.0), after=12)
    _pstyle(doc, "Isi Surat", align=J, after=6)
    _pstyle(doc, "Isi Bernomor", align=J, after=4, left=BODY_INDENT, first=-BODY_INDENT,
            tabs=[(BODY_INDENT, WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Daftar Bernomor", align=J, after=3, left=Cm(1.5), first=Cm(-0.75),
            tabs=[(Cm(1.5), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Isi Tabel", align=L, after=2)
    _pstyle(doc, "Isi Tabel Bernomor", align=L, after=2, left=Cm(0.6), first=Cm(-0.6),
            tabs=[(Cm(0.6), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Isi Tabel Rincian", align=L, after=2, left=Cm(1.2), first=Cm(-0.6),
            tabs=[(Cm(1.2), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Isi Tabel Menjorok", align=L, after=2, left=Cm(0.5))
    _pstyle(doc, "Isi Menjorok", align=J, after=6, left=BODY_INDENT)
    _pstyle(doc, "Sub Judul", bold=True, align=L, before=4, after=3, keep_next=True)
    _pstyle(doc, "Sub Bagian", bold=True, align=L, before=4, after=3, keep_next=True, left=BODY_INDENT,
            first=-BODY_INDENT, tabs=[(BODY_INDENT, WD_TAB_ALIGNMENT.LEFT)])
    # decrees (keputusan): centred title block and the bold centred operative statements
    _pstyle(doc, "Judul Keputusan", size=12, bold=True, align=C, keep_next=True)
    _pstyle(doc, "Amar Keputusan", size=12, bold=True, align=C, before=3, after=6, keep_next=True,
            spacing_pt=0.5)
    # signature block (right half)
    _pstyle(doc, "Tanda Tangan", align=C, left=SIGN_INDENT, keep_next=True)
    _pstyle(doc, "Tanda Tangan Nama", align=C, left=SIGN_INDENT, bold=True, underline=True,
            before=52, keep_next=True)
    _pstyle(doc, "Tanda Tangan Sel", align=C, keep_next=True)
    _pstyle(doc, "Tanda Tangan Sel Nama", align=C, bold=True, underline=True, keep_next=True)
    # closing parts
    _pstyle(doc, "Tembusan Judul", before=12, after=0, keep_next=True)
    _pstyle(doc, "Tembusan", left=Cm(0.6), first=Cm(-0.6), keep_next=True,
            tabs=[(Cm(0.6), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Catatan", size=10, italic=True, before=10, align=J)
    _pstyle(doc, "Konsep", size=10, align=C, before=8, after=6)
    _pstyle(doc, "Kaki Dokumen", size=8, color=GREY, base="Footer")


# --------------------------------------------------------------------------------------------
# building blocks
# --------------------------------------------------------------------------------------------

# Foreign words a letter prints in italics (Pedoman Umum Ejaan Bahasa Indonesia); the same list as the
# pipeline's for values (pipeline.render.letters.FOREIGN_WORDS).
FOREIGN = re.compile(r"\b(softcopy|hardcopy|soft copy|hard copy|online|offline|e-mail)\b", re.IGNORECASE)


def add_runs(paragraph, part: str, fmt: dict, *, bold=None, underline=None) -> None:
    """``part`` as runs of ``paragraph`` in ``fmt``; its foreign words (outside Jinja tags) in italics."""
    pieces, position = [], 0
    if "{" not in part:
        for match in FOREIGN.finditer(part):
            pieces += [(part[position:match.start()], False), (match.group(0), True)]
            position = match.end()
    pieces.append((part[position:], False))
    for text, foreign in pieces:
        if not text:
            continue
        run = paragraph.add_run(text)      # python-docx turns \t into <w:tab/>
        run.bold = fmt.get("bold", bold)
        run.underline = fmt.get("underline", underline)
        if fmt.get("italic") or foreign:
            run.italic = True


def para(container, text: str | list = "", style: str | None = None, *, bold=None, underline=None,
         keep_next: bool | None = None):
    """Add a paragraph.  ``text`` is a string or a list of strings / (text, {bold, underline,
    italic}) tuples; a ``\\t`` inside a string becomes a tab; foreign words come out in italics."""
    paragraph = container.add_paragraph(style=style)
    parts = [text] if isinstance(text, str) else text
    for part in parts:
        fmt = {}
        if isinstance(part, tuple):
            part, fmt = part
        if not part:
            continue
        add_runs(paragraph, part, fmt, bold=bold, underline=underline)
    if keep_next is not None:
        paragraph.paragraph_format.keep_with_next = keep_next
    return paragraph


def tag(container, statement: str):
    """A paragraph holding only a docxtpl paragraph tag, e.g. ``tag(doc, "if x")`` -> ``{%p if x %}``;
    docxtpl removes the whole paragraph when rendering."""
    return para(container, "{%p " + statement + " %}")


def plain_table(container, widths: list, *, indent=Cm(0), rows: int = 0, fixed: bool = True):
    """A borderless table with fixed column widths and no inner cell padding on the left, so
    that text in the first column lines up with the paragraph text around it."""
    if isinstance(container, DocxDocument) or isinstance(container, _Cell):
        table = container.add_table(rows=rows, cols=len(widths))
    else:                                   # header / footer: python-docx wants a width
        table = container.add_table(rows, len(widths), sum(widths, Emu(0)))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _replace_child(tbl_pr, "w:tblW", _el("w:tblW", **{"w:w": sum(_twips(w) for w in widths),
                                                     "w:type": "dxa"}))
    _replace_child(tbl_pr, "w:tblInd", _el("w:tblInd", **{"w:w": _twips(indent), "w:type": "dxa"}))
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", **{"w:val": "nil"}))
    _replace_child(tbl_pr, "w:tblBorders", borders)
    if fixed:
        _replace_child(tbl_pr, "w:tblLayout", _el("w:tblLayout", **{"w:type": "fixed"}))
    margins = _el("w:tblCellMar")
    margins.append(_el("w:top", **{"w:w": 0, "w:type": "dxa"}))
    margins.append(_el("w:left", **{"w:w": 0, "w:type": "dxa"}))
    margins.append(_el("w:bottom", **{"w:w": 0, "w:type": "dxa"}))
    margins.append(_el("w:right", **{"w:w": 85, "w:type": "dxa"}))
    _replace_child(tbl_pr, "w:tblCellMar", margins)
    # order of tblPr children matters to strict validators: tblStyle, tblW, jc, tblInd, tblBorders,
    # tblLayout, tblCellMar, tblLook
    order = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
             "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"]
    children = sorted(list(tbl_pr), key=lambda c: order.index(c.tag.replace(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:"))
        if c.tag.replace("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:")
        in order else len(order))
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    for child in children:
        tbl_pr.append(child)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(_twips(width)))
    for i, width in enumerate(widths):
        table.columns[i].width = width
    return table


def stretch(table, fractions: list[float]) -> None:
    """Make a table span the full text width whatever the page size (F4 16.5 cm, A4 16 cm):
    relative (pct) widths on the table and its cells instead of fixed ones."""
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "pct")
    tbl_w.set(qn("w:w"), "5000")
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is not None:
        tbl_pr.remove(layout)
    for row in table.rows:
        for cell, fraction in zip(row.cells, fractions):
            tc_w = cell._tc.get_or_add_tcPr().get_or_add_tcW()
            tc_w.set(qn("w:type"), "pct")
            tc_w.set(qn("w:w"), str(int(round(5000 * fraction))))


def add_row(table, widths: list, cells: list, styles: list | str = "Isi Tabel",
            *, cant_split: bool = True):
    row = table.add_row()
    if isinstance(styles, str):
        styles = [styles] * len(cells)
    for cell, width, content, style in zip(row.cells, widths, cells, styles):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        parts = [content] if isinstance(content, str) else content
        for part in parts:
            fmt = {}
            if isinstance(part, tuple):
                part, fmt = part
            if part:
                add_runs(paragraph, part, fmt)
    if cant_split:
        row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
    return row


def tag_row(table, widths: list, statement: str):
    """A table row holding only ``{%tr statement %}``: docxtpl removes the row."""
    return add_row(table, widths, ["{%tr " + statement + " %}"] + [""] * (len(widths) - 1),
                   cant_split=False)


def field_runs(paragraph, instruction: str, placeholder: str = "1") -> None:
    """Insert a complex field (PAGE, NUMPAGES) into ``paragraph``."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run
    run_with(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    run_with(instr)
    run_with(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    paragraph.add_run(placeholder)
    run_with(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _add_footer(doc) -> None:
    """Small grey footer, one table row: the document's QR code (``{{ dokumen.qr }}``, an image the
    pipeline passes as a docxtpl InlineImage, or ``""`` for none) and its ID on the left, "Halaman X
    dari Y" on the right.  A full-width table rather than tab stops, so the right edge follows the
    page size (F4 or A4); every cell is centred vertically on the QR code."""
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    table = plain_table(footer, [QR_CELL, Cm(7), TEXT_WIDTH - QR_CELL - Cm(7)], rows=1)
    stretch(table, [QR_FRACTION, 0.44, 1 - QR_FRACTION - 0.44])
    qr, left, right = table.rows[0].cells
    for cell in (qr, left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].style = doc.styles["Kaki Dokumen"]
    qr.paragraphs[0].add_run("{{ dokumen.qr }}")
    left.paragraphs[0].add_run("{{ dokumen.id }}")
    right_mar = _el("w:tcMar")
    right_mar.append(_el("w:right", **{"w:w": 0, "w:type": "dxa"}))
    right._tc.get_or_add_tcPr().append(right_mar)
    page = right.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Halaman ")
    field_runs(page, "PAGE")
    page.add_run(" dari ")
    field_runs(page, "NUMPAGES")
    # a footer must end with a paragraph: keep the default one, tiny and empty
    last = footer.paragraphs[-1]
    last.style = doc.styles["Kaki Dokumen"]
    last.paragraph_format.line_spacing = Pt(1)
    footer._element.remove(last._element)
    footer._element.append(last._element)


LOGO_CELL = Cm(2.4)     # the emblem's cell; the same width on the right keeps the letterhead centred


def letterhead(doc, *, letter: bool = True) -> None:
    """Kop surat: the issuing office's lines (``instansi.kop_*``, computed by the pipeline) in one borderless
    cell over a thick-over-thin line; with an emblem (``instansi.logo``) a three-cell row: emblem, lines, and an
    empty cell as wide as the emblem's, so the lines stay centred. Then a letter's konsep banner when a draft."""
    tag(doc, "if instansi.logo")
    _letterhead_table(doc, with_logo=True)
    tag(doc, "else")
    _letterhead_table(doc, with_logo=False)
    tag(doc, "endif")
    if letter:
        konsep_banner(doc)


def _letterhead_table(doc, *, with_logo: bool) -> None:
    widths = [LOGO_CELL, TEXT_WIDTH - 2 * LOGO_CELL, LOGO_CELL] if with_logo else [TEXT_WIDTH]
    table = plain_table(doc, widths)
    row = table.add_row()
    for cell, width in zip(row.cells, widths):
        cell.width = width
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        tc_pr = cell._tc.get_or_add_tcPr()
        borders = _el("w:tcBorders")
        # thick line above a thin one, as on Indonesian government letterheads
        borders.append(_el("w:bottom", **{"w:val": "thickThinSmallGap", "w:sz": 24, "w:space": 0,
                                          "w:color": "000000"}))
        tc_pr.append(borders)
        _replace_child(tc_pr, "w:tcMar", _el("w:tcMar"))
        tc_pr.find(qn("w:tcMar")).append(_el("w:bottom", **{"w:w": 40, "w:type": "dxa"}))
        tc_pr.find(qn("w:tcMar")).append(_el("w:right", **{"w:w": 0, "w:type": "dxa"}))
    if with_logo:
        logo = row.cells[0].paragraphs[0]
        logo.alignment = WD_ALIGN_PARAGRAPH.LEFT
        logo.add_run("{{ instansi.logo }}")
    cell = row.cells[1] if with_logo else row.cells[0]
    first = cell.paragraphs[0]
    first.style = doc.styles["Kop Pemerintah"]
    first.add_run("{{ instansi.kop_atas }}")
    tag(cell, "if instansi.kop_nama")
    para(cell, "{{ instansi.kop_nama }}", "Kop Instansi")
    tag(cell, "endif")
    tag(cell, "for baris in instansi.kop_baris")
    para(cell, "{{ baris }}", "Kop Alamat")
    tag(cell, "endfor")
    tag(cell, "if instansi.kop_kota")
    para(cell, "{{ instansi.kop_kota }}", "Kop Kota")
    tag(cell, "endif")
    if with_logo:
        stretch(table, [LOGO_CELL / TEXT_WIDTH, 1 - 2 * LOGO_CELL / TEXT_WIDTH, LOGO_CELL / TEXT_WIDTH])
    else:
        stretch(table, [1.0])


def konsep_banner(doc) -> None:
    """A draft that is not a letter yet (a konsep: no number, not to be signed) says so over its first page."""
    tag(doc, "if surat.konsep")
    banner = para(doc, [("{{ surat.konsep }}", {"bold": True})], "Konsep")
    p_pr = banner._p.get_or_add_pPr()
    borders = _el("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_el(f"w:{side}", **{"w:val": "single", "w:sz": 12, "w:space": 4, "w:color": "000000"}))
    p_pr.append(borders)
    tag(doc, "endif")


NUMBER = '{{ surat.nomor or "' + "." * 36 + '" }}'
"""A letter's number, or a dotted line for the issuing office to write it in (a series numbered when signed)."""


def label_table(container, rows: list, widths: list, *, indent=Cm(0), value_style="Isi Tabel"):
    """label | : | value rows; a row given as a string is a ``{%tr ... %}`` tag row.  A row may be
    ``(label, value, label_style)`` (e.g. "Isi Tabel Bernomor" for ``"1.\tLabel"``); a value of
    ``None`` gives a heading row without the colon."""
    table = plain_table(container, widths, indent=indent)
    for row in rows:
        if isinstance(row, str):
            tag_row(table, widths, row)
        else:
            label, value, label_style = (*row, "Isi Tabel") if len(row) == 2 else row
            add_row(table, widths, [label, "" if value is None else ":", value or ""],
                    [label_style, "Isi Tabel", value_style])
    return table


def letter_block(doc) -> None:
    """Nomor / Sifat / Lampiran / Hal of a letter (surat dinas)."""
    label_table(doc, [
        ("Nomor", NUMBER),
        ("Sifat", "{{ surat.sifat }}"),
        ("Lampiran", "{{ surat.lampiran }}"),
        ("Hal", "{{ surat.hal }}"),
    ], [Cm(2.6), Cm(0.5), Cm(12.9)])


def addressee(doc, name: str, lines: list[str]) -> None:
    """"Yth. <name>" with hanging indent, then the lines under the name (the last one with the
    space before the body)."""
    yth = para(doc, f"Yth.\t{name}", "Tujuan Surat")
    yth.paragraph_format.space_before = Pt(14)
    for line in lines[:-1]:
        para(doc, line, "Tujuan Surat")
    para(doc, lines[-1], "Tujuan Tempat")


def date_line(doc, before: float = 18):
    """``{{ surat.tempat_tanggal }}`` above a signature block (right half)."""
    date = para(doc, "{{ surat.tempat_tanggal }}", "Tanda Tangan")
    date.paragraph_format.space_before = Pt(before)
    return date


def tembusan(doc) -> None:
    """Optional "Tembusan:" list, numbered only when it has more than one entry."""
    tag(doc, "if surat.tembusan")
    para(doc, "Tembusan:", "Tembusan Judul")
    tag(doc, "for t in surat.tembusan")
    para(doc, "{% if surat.tembusan|length > 1 %}{{ loop.index }}.\t{% endif %}{{ t }}", "Tembusan")
    tag(doc, "endfor")
    tag(doc, "endif")


def signature_block(doc, who: str, *, heading: str | None = None, upper: bool = False) -> None:
    """Right-half signature block of ``penandatangan`` / ``penerima``: an optional ``heading`` ("Petugas
    Penerima,"), the lines the pipeline computed from the signer's delegation (``baris``: "a.n. …", "u.b.",
    "Plt. Sekretaris Daerah …," on one line; ``baris_kapital`` in decrees), the space for signature and stamp,
    name, rank and NIP. Everything stays on one page with the text above it."""
    if heading:
        para(doc, heading, "Tanda Tangan")
    tag(doc, f"for b in {who}.{'baris_kapital' if upper else 'baris'}")
    para(doc, "{{ b }}", "Tanda Tangan")
    tag(doc, "endfor")
    para(doc, f"{{{{ {who}.nama }}}}", "Tanda Tangan Nama")
    tag(doc, f"if {who}.pangkat")
    para(doc, f"{{{{ {who}.pangkat }}}}", "Tanda Tangan")
    tag(doc, "endif")
    tag(doc, f"if {who}.nip")
    para(doc, f"NIP. {{{{ {who}.nip }}}}", "Tanda Tangan", keep_next=False)
    tag(doc, "endif")


def close_letter(doc, sentence: str):
    """A numbered letter's last point ("3.\tDemikian disampaikan, …", kept with what follows), the signer's
    block and the tembusan."""
    para(doc, sentence, "Isi Bernomor", keep_next=True).paragraph_format.space_after = Pt(12)
    signature_block(doc, "penandatangan")
    tembusan(doc)
    return doc


def signer_lines(cell, who: str) -> None:
    """The signer's lines (``baris``) as paragraphs of a table cell."""
    tag(cell, f"for b in {who}.baris")
    para(cell, "{{ b }}", "Tanda Tangan Sel")
    tag(cell, "endfor")


def dual_signature(doc, left_heading: str, left_name: str) -> None:
    """Receipts: the place and date, then two signatures side by side in a borderless full-width
    table: the applicant (``left_heading`` / ``left_name``) on the left, the desk officer
    ``penerima`` ("Petugas Penerima," with the lines of its delegation, name, rank, NIP) on the right."""
    sign_widths = [Cm(8), Cm(8)]
    table = plain_table(doc, sign_widths)
    add_row(table, sign_widths, ["", "{{ surat.tempat_tanggal }}"], "Tanda Tangan Sel")
    table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(6)
    table.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(6)
    row = add_row(table, sign_widths, [left_heading, "Petugas Penerima,"], "Tanda Tangan Sel")
    signer_lines(row.cells[1], "penerima")
    space = add_row(table, sign_widths, ["", ""], "Tanda Tangan Sel")
    space.height = Cm(2.1)
    space.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row = add_row(table, sign_widths, [left_name, "{{ penerima.nama }}"], "Tanda Tangan Sel Nama")
    right = row.cells[1]
    tag(right, "if penerima.pangkat")
    para(right, "{{ penerima.pangkat }}", "Tanda Tangan Sel")
    tag(right, "endif")
    tag(right, "if penerima.nip")
    para(right, "NIP. {{ penerima.nip }}", "Tanda Tangan Sel")
    tag(right, "endif")
    for tr in table.rows:
        for cell in tr.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    stretch(table, [0.5, 0.5])


def nota_head(doc, kepada: str, dari: str) -> None:
    """NOTA DINAS and its heading block Kepada / Dari / Tanggal / Nomor / Sifat / Lampiran / Hal over a rule
    spanning the text width (F4 or A4)."""
    para(doc, "NOTA DINAS", "Judul Naskah")
    widths = [Cm(2.6), Cm(0.5), Cm(12.9)]
    head = label_table(doc, [
        ("Kepada", "Yth. " + kepada),
        ("Dari", dari),
        ("Tanggal", "{{ surat.tanggal }}"),
        ("Nomor", NUMBER),
        ("Sifat", "{{ surat.sifat }}"),
        ("Lampiran", "{{ surat.lampiran }}"),
        ("Hal", "{{ surat.hal }}"),
    ], widths)
    _tight(head, after=0)
    stretch(head, [2.6 / 16, 0.5 / 16, 12.9 / 16])
    for cell in head.rows[-1].cells:
        cell.paragraphs[-1].paragraph_format.space_after = Pt(4)
        borders = _el("w:tcBorders")
        borders.append(_el("w:bottom", **{"w:val": "single", "w:sz": 8, "w:space": 0,
                                          "w:color": "000000"}))
        cell._tc.get_or_add_tcPr().append(borders)


# --------------------------------------------------------------------------------------------
# the templates
# --------------------------------------------------------------------------------------------

def _applicant_rows(sub: str = "Isi Tabel") -> list:
    """The applicant on a receipt: name, the organisation's person in charge and position when it is one,
    identity, address, occupation, contact."""
    return [
        ("Nama", "{{ pemohon.nama }}", sub),
        "if pemohon.organisasi and pemohon.penanggung_jawab",
        ("Penanggung Jawab", "{{ pemohon.penanggung_jawab }}", sub),
        "endif",
        "if pemohon.organisasi and pemohon.jabatan",
        ("Jabatan", "{{ pemohon.jabatan }}", sub),
        "endif",
        ("NIK / Nomor SK Badan Hukum", "{{ pemohon.identitas }}", sub),
        ("Alamat", "{{ pemohon.alamat }}", sub),
        "if pemohon.pekerjaan",
        ("Pekerjaan", "{{ pemohon.pekerjaan }}", sub),
        "endif",
        ("Nomor Telepon/Pos-el", "{{ pemohon.kontak }}", sub),
    ]


def tanda_terima_permohonan():
    doc = new_document("Tanda Bukti Penerimaan Permohonan Informasi Publik")
    letterhead(doc)
    para(doc, "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK", "Judul Naskah")

    widths = [Cm(6.2), Cm(0.5), Cm(9.3)]
    label_table(doc, [
        ("Nomor Pendaftaran", [("{{ kasus.nomor }}", {"bold": True})]),
        *_applicant_rows(),
        "if pemohon.nama_kuasa",
        ("Nama Kuasa Pemohon", "{{ pemohon.nama_kuasa }}"),
        "endif",
        ("Rincian informasi yang dibutuhkan", "{{ permohonan.rincian }}"),
        ("Tujuan penggunaan informasi", "{{ permohonan.tujuan }}"),
        ("Cara memperoleh informasi", "{{r permohonan.cara_memperoleh }}"),
        ("Cara mendapatkan salinan informasi", "{{ permohonan.cara_salinan }}"),
        ("Hari/Tanggal diterima", "{{ kasus.hari_tanggal_diterima }}"),
        ("Batas waktu pemberitahuan tertulis",
         [("{{ kasus.hari_tenggat }}", {"bold": True}),
          ", yaitu {{ kasus.tenggat_hari }} sejak permohonan diterima"]),
    ], widths)

    para(doc, "Pejabat Pengelola Informasi dan Dokumentasi (PPID) akan menyampaikan pemberitahuan "
              "tertulis atas permohonan informasi ini kepada Pemohon Informasi paling lambat pada "
              "hari {{ kasus.hari_tenggat }}. Jangka waktu tersebut dapat diperpanjang 1 (satu) kali "
              "paling lama {{ kasus.perpanjangan_hari }} dengan memberikan alasan secara tertulis, "
              "sesuai Pasal 22 ayat (7) dan ayat (8) Undang-Undang Nomor 14 Tahun 2008 tentang "
              "Keterbukaan Informasi Publik.", "Isi Surat").paragraph_format.space_before = Pt(8)

    # a request filed by a proxy is signed by the proxy, as on the objection receipt
    dual_signature(doc, '{% if pemohon.nama_kuasa %}Kuasa Pemohon Informasi,{% else %}Pemohon Informasi,{% endif %}',
                   "{{ pemohon.nama_kuasa or pemohon.nama }}")

    para(doc, [("Catatan: ", {"bold": True}),
               "Tanda bukti ini wajib ditunjukkan oleh Pemohon Informasi setiap kali menanyakan "
               "perkembangan atau mengambil jawaban atas permohonan informasi ini."], "Catatan")
    return doc


def surat_ppid_pelaksana():
    doc = new_document("Surat PPID kepada PPID Pelaksana")
    letterhead(doc)
    para(doc, "{{ surat.tempat_tanggal }}", "Tanggal Surat")
    letter_block(doc)
    addressee(doc, "{{ tujuan.nama }}", ["di -", "{{ tujuan.tempat }}"])

    para(doc, "1.\tBerdasarkan permohonan informasi publik yang kami terima pada hari "
              "{{ kasus.hari_tanggal_diterima }} dengan Nomor Pendaftaran {{ kasus.nomor }} "
              "atas nama {{ pemohon.nama }}"
              "{% if pemohon.pekerjaan %}, pekerjaan {{ pemohon.pekerjaan }}{% endif %}, "
              "dengan rincian sebagai berikut:",
         "Isi Bernomor", keep_next=True)
    quote = label_table(doc, [
        ("Rincian informasi", "{{ permohonan.rincian }}"),
        ("Tujuan penggunaan", "{{ permohonan.tujuan }}"),
        ("Cara memperoleh", "{{r permohonan.cara_memperoleh }}"),
        ("Cara mendapatkan salinan", "{{ permohonan.cara_salinan }}"),
    ], [Cm(5.5), Cm(0.5), Cm(9.25)], indent=BODY_INDENT)
    for row in quote.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    quote.rows[-1].cells[0].paragraphs[0].paragraph_format.space_after = Pt(6)

    para(doc, "2.\tSesuai Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang "
              "Keterbukaan Informasi Publik, pemberitahuan tertulis kepada Pemohon Informasi wajib "
              "disampaikan paling lambat pada hari {{ kasus.hari_tenggat }}, yaitu "
              "{{ kasus.tenggat_hari }} sejak permohonan diterima.", "Isi Bernomor")
    para(doc, "3.\tSehubungan dengan hal tersebut, dimohon Saudara menyampaikan informasi yang "
              "dimohon atau jawaban tertulis kepada PPID paling lambat pada hari "
              "{{ kasus.hari_target_jawaban }}, yaitu {{ kasus.target_hari }} sejak permohonan "
              "diterima, yang memuat: a.\u00a0apakah informasi dikuasai Saudara dan, bila tidak, Badan "
              "Publik yang menguasainya; b.\u00a0bentuk informasi yang tersedia, softcopy atau hardcopy; "
              "c.\u00a0biaya penggandaan dan/atau pengiriman salinan, apabila ada; atau d.\u00a0apabila "
              "informasi dikecualikan, dasar pengecualiannya berdasarkan Pasal 17 Undang-Undang tersebut, "
              "termasuk pasal undang-undang lain yang melarang informasi dibuka, dan hasil uji konsekuensinya.",
         "Isi Bernomor")
    return close_letter(doc, "4.\tDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


def pemberitahuan_kurang_lengkap():
    doc = new_document("Pemberitahuan Kelengkapan Permohonan Informasi Publik")
    letterhead(doc)
    para(doc, "PEMBERITAHUAN KELENGKAPAN PERMOHONAN INFORMASI PUBLIK", "Judul Naskah")
    yth = para(doc, 'Yth.\tSaudara/i {{ pemohon.tujuan_surat or "Pemohon Informasi" }}', "Tujuan Surat")
    yth.paragraph_format.space_after = Pt(12)

    para(doc, "Bersama ini kami beritahukan bahwa formulir permohonan informasi publik yang "
              "Saudara/i sampaikan dan kami terima pada hari {{ berkas.hari_tanggal_diterima }} "
              "belum dapat diregistrasi karena belum lengkap, dengan kekurangan sebagai berikut:",
         "Isi Surat", keep_next=True)
    tag(doc, "for k in kekurangan")
    para(doc, "{{ loop.index }}.\t{{ k }}", "Daftar Bernomor")
    tag(doc, "endfor")
    para(doc, "Mohon Saudara/i melengkapi kekurangan tersebut dan menyampaikan kembali formulir "
              "permohonan kepada petugas pelayanan informasi dengan melampirkan fotokopi identitas "
              "diri, yaitu KTP bagi perorangan atau SK pengesahan badan hukum bagi badan hukum, serta "
              "surat kuasa khusus apabila permohonan diajukan melalui kuasa.",
         "Isi Surat").paragraph_format.space_before = Pt(6)
    # Pasal 22 ayat (7) as the Act says it, and nothing more: from the receipt of the request
    para(doc, "Atas formulir tersebut belum diberikan nomor pendaftaran. Sesuai Pasal 22 ayat (7) "
              "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, Badan Publik wajib "
              "menyampaikan pemberitahuan tertulis paling lambat {{ kasus.tenggat_hari }} sejak diterimanya "
              "permintaan informasi.", "Isi Surat")
    para(doc, "Demikian pemberitahuan ini disampaikan, atas perhatiannya diucapkan terima kasih.",
         "Isi Surat", keep_next=True)

    date_line(doc)
    signature_block(doc, "penerima", heading="Petugas Penerima,")
    return doc


# label | : | value tables quoted in the body (indented like numbered paragraphs): the label
# column takes "Informasi yang dimohon", the value column a phone number and an e-mail address
QUOTE_WIDTHS = [Cm(4.8), Cm(0.5), Cm(9.95)]


def _pemohon_rows(*, nomor: bool = False) -> list:
    rows = [("Nomor Pendaftaran", "{{ kasus.nomor }}")] if nomor else []
    return rows + [
        ("Nama", "{{ pemohon.nama }}"),
        ("Alamat", "{{ pemohon.alamat }}"),
        ("Nomor Telepon/Pos-el", "{{ pemohon.kontak }}"),
        ("Informasi yang dimohon", "{{ permohonan.rincian }}"),
    ]


def _tight(table, after: float = 0) -> None:
    """No space between the rows of a quoted table; ``after`` below its last row."""
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[-1].paragraph_format.space_after = Pt(0)
    for cell in table.rows[-1].cells:
        cell.paragraphs[-1].paragraph_format.space_after = Pt(after)


def pemberitahuan_tertulis():
    """Pemberitahuan Tertulis (UU 14/2008 Pasal 22 ayat 7), parts labelled as on the Perki form: A. information
    can be given (holder, form, costs with the payment method, time, blacked-out parts) or B. it cannot be
    (not held / not yet documented), chosen by ``jawaban.bagian``."""
    doc = new_document("Pemberitahuan Tertulis atas Permohonan Informasi Publik")
    letterhead(doc)
    letter_block(doc)
    addressee(doc, "{{ pemohon.tujuan_surat }}", ["{{ pemohon.alamat }}"])

    para(doc, "Berdasarkan permohonan informasi pada tanggal {{ kasus.tanggal_diterima }} dengan "
              "nomor pendaftaran {{ kasus.nomor }}, kami menyampaikan kepada Saudara/i:",
         "Isi Surat", keep_next=True)
    _tight(label_table(doc, _pemohon_rows(), QUOTE_WIDTHS, indent=BODY_INDENT), after=6)
    para(doc, "pemberitahuan sebagai berikut:", "Isi Surat", keep_next=True)

    tag(doc, 'if jawaban.bagian == "A"')
    para(doc, "A.\t{{ jawaban.bagian_judul }}", "Sub Bagian")
    widths = [Cm(5.8), Cm(0.5), Cm(8.95)]     # numbered labels need 1 cm more
    answer = label_table(doc, [
        ("1.\tPenguasaan informasi", "{{ jawaban.dikuasai_oleh }}", "Isi Tabel Bernomor"),
        ("2.\tBentuk fisik yang tersedia", "{{r jawaban.bentuk }}", "Isi Tabel Bernomor"),
        ("3.\tBiaya yang dibutuhkan", None, "Isi Tabel Bernomor"),
        ("a.\tPenyalinan", "{{ jawaban.biaya_salin }}", "Isi Tabel Rincian"),
        ("b.\tPengiriman", "{{ jawaban.biaya_kirim }}", "Isi Tabel Rincian"),
        ("c.\tLain-lain", "{{ jawaban.biaya_lain }}", "Isi Tabel Rincian"),
        ("\tJumlah", [("{{ jawaban.biaya_total }}", {"bold": True})], "Isi Tabel Rincian"),
        "if jawaban.berbayar",
        ("\tCara pembayaran", "{{ jawaban.cara_bayar }}", "Isi Tabel Rincian"),
        "endif",
        ("4.\tWaktu penyediaan", "{{ jawaban.waktu }}", "Isi Tabel Bernomor"),
        "if jawaban.penghitaman",
        ("5.\tPenjelasan penghitaman/ pengaburan informasi", "{{ jawaban.penghitaman }}", "Isi Tabel Bernomor"),
        "endif",
    ], widths, indent=BODY_INDENT)
    _tight(answer, after=6)
    for row in answer.rows:
        if "Jumlah" in row.cells[0].text:
            row.cells[0].paragraphs[0].runs[-1].bold = True
    tag(doc, "else")
    para(doc, "B.\t{{ jawaban.bagian_judul }}", "Sub Bagian")
    para(doc, "{{ jawaban.alasan_tidak }}", "Isi Menjorok")
    tag(doc, "if jawaban.dikuasai_oleh")
    para(doc, "Informasi tersebut dikuasai oleh {{ jawaban.dikuasai_oleh }}.", "Isi Menjorok")
    tag(doc, "endif")
    tag(doc, "if jawaban.kapan_tersedia")
    para(doc, "Penyediaan informasi yang belum didokumentasikan dilakukan paling lambat pada "
              "{{ jawaban.kapan_tersedia }}.", "Isi Menjorok")
    tag(doc, "endif")
    tag(doc, "endif")

    para(doc, "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
         "Isi Surat", keep_next=True).paragraph_format.space_before = Pt(4)
    date_line(doc, before=10)
    signature_block(doc, "penandatangan")
    tembusan(doc)
    return doc


def sk_penolakan():
    """Keputusan PPID tentang Penolakan Permohonan Informasi Publik (excepted information,
    UU 14/2008 Pasal 17; objection to the Atasan PPID, Pasal 35-36). The title and the body name the same
    issuer: the PPID of the public body (``instansi.badan_publik``)."""
    doc = new_document("Keputusan PPID tentang Penolakan Permohonan Informasi Publik")
    letterhead(doc)
    title = [
        ("KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", 12, 0),
        ("{{ instansi.badan_publik|upper }}", 0, 0),
        ("NOMOR " + NUMBER, 0, 6),
        ("TENTANG", 0, 6),
        ("PENOLAKAN PERMOHONAN INFORMASI PUBLIK", 0, 12),
    ]
    for text, before, after in title:
        paragraph = para(doc, text, "Judul Keputusan")
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(after)

    _tight(label_table(doc, _pemohon_rows(nomor=True), [Cm(4.8), Cm(0.5), Cm(10.7)]), after=8)

    para(doc, "Pejabat Pengelola Informasi dan Dokumentasi (PPID) {{ instansi.badan_publik }} memutuskan "
              "bahwa informasi yang dimohon adalah:", "Isi Surat", keep_next=True)
    para(doc, "INFORMASI YANG DIKECUALIKAN", "Amar Keputusan")
    para(doc, "Pengecualian informasi didasarkan pada alasan:", "Isi Surat", keep_next=True)
    para(doc, "{{ jawaban.dasar }}", "Isi Menjorok")
    para(doc, "Bahwa berdasarkan pasal tersebut di atas, membuka informasi tersebut dapat menimbulkan "
              "konsekuensi sebagai berikut:", "Isi Surat", keep_next=True)
    para(doc, "{{ jawaban.konsekuensi }}", "Isi Menjorok")
    para(doc, "Dengan demikian menyatakan bahwa:", "Isi Surat", keep_next=True)
    para(doc, "PERMOHONAN INFORMASI DITOLAK", "Amar Keputusan")
    para(doc, "Jika Pemohon Informasi keberatan atas penolakan ini, maka Pemohon Informasi dapat "
              "mengajukan keberatan kepada Atasan PPID selambat-lambatnya "
              "{{ jawaban.keberatan_hari }} sejak menerima Surat Keputusan ini.",
         "Isi Surat", keep_next=True)

    date_line(doc, before=10)
    signature_block(doc, "penandatangan")
    tembusan(doc)
    return doc


def surat_perpanjangan():
    """Pemberitahuan Perpanjangan Jangka Waktu (UU 14/2008 Pasal 22 ayat 8): once, at most
    7 working days, with written reasons."""
    doc = new_document("Pemberitahuan Perpanjangan Jangka Waktu Pemberitahuan Tertulis")
    letterhead(doc)
    letter_block(doc)
    addressee(doc, "{{ pemohon.tujuan_surat }}", ["{{ pemohon.alamat }}"])

    para(doc, "Menindaklanjuti permohonan informasi publik yang Saudara/i sampaikan, dengan "
              "keterangan sebagai berikut:", "Isi Surat", keep_next=True)
    _tight(label_table(doc, [
        ("Nomor Pendaftaran", "{{ kasus.nomor }}"),
        ("Tanggal diterima", "{{ kasus.hari_tanggal_diterima }}"),
        ("Informasi yang dimohon", "{{ permohonan.rincian }}"),
        ("Batas waktu semula", "{{ jawaban.hari_tenggat_semula }}"),
    ], QUOTE_WIDTHS, indent=BODY_INDENT), after=6)
    para(doc, "dengan ini kami beritahukan bahwa pemberitahuan tertulis atas permohonan tersebut "
              "belum dapat kami sampaikan dalam jangka waktu {{ kasus.tenggat_hari }} sebagaimana "
              "dimaksud dalam Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang "
              "Keterbukaan Informasi Publik, dengan alasan:", "Isi Surat", keep_next=True)
    para(doc, "{{ jawaban.alasan_perpanjangan }}", "Isi Menjorok")
    para(doc, ["Sehubungan dengan hal tersebut dan sesuai dengan Pasal 22 ayat (8) Undang-Undang "
               "Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, Pejabat Pengelola "
               "Informasi dan Dokumentasi (PPID) memperpanjang jangka waktu pemberitahuan tertulis "
               "selama {{ jawaban.perpanjangan_hari }}, sehingga pemberitahuan tertulis akan kami "
               "sampaikan kepada Saudara/i paling lambat pada hari ",
               ("{{ jawaban.hari_tenggat_baru }}", {"bold": True}), "."], "Isi Surat")
    para(doc, "Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan pengertian Saudara/i, "
              "kami ucapkan terima kasih.", "Isi Surat", keep_next=True)

    date_line(doc, before=10)
    signature_block(doc, "penandatangan")
    tembusan(doc)
    return doc


def tanda_terima_penyerahan():
    """Tanda Terima Penyerahan Informasi Publik (SOP 003, request step 5; Perki 1/2010 Pasal 28): the day the
    information was handed over, in what form and how, and the costs paid with their method (the detailed
    receipt of a direct payment). Recorded by ``ppid serahkan``; signed by the applicant and the desk officer."""
    doc = new_document("Tanda Terima Penyerahan Informasi Publik")
    letterhead(doc)
    para(doc, "TANDA TERIMA PENYERAHAN INFORMASI PUBLIK", "Judul Naskah")
    para(doc, "Telah diserahkan informasi publik atas permohonan informasi sebagai berikut:", "Isi Surat",
         keep_next=True)
    widths = [Cm(6.2), Cm(0.5), Cm(9.3)]
    _tight(label_table(doc, [
        ("Nomor Pendaftaran", [("{{ kasus.nomor }}", {"bold": True})]),
        ("Tanggal permohonan diterima", "{{ kasus.tanggal_diterima }}"),
        *_applicant_rows(),
        ("Informasi yang diserahkan", "{{ permohonan.rincian }}"),
        ("Hari/Tanggal penyerahan", [("{{ penyerahan.hari_tanggal }}", {"bold": True})]),
        ("Bentuk informasi", "{{r penyerahan.bentuk }}"),
        ("Cara penyerahan", "{{ penyerahan.cara }}"),
    ], widths), after=8)
    para(doc, "Biaya yang dibayar:", "Sub Judul")
    costs = label_table(doc, [
        ("a.\tPenyalinan", "{{ penyerahan.biaya_salin }}", "Isi Tabel Bernomor"),
        ("b.\tPengiriman", "{{ penyerahan.biaya_kirim }}", "Isi Tabel Bernomor"),
        ("c.\tLain-lain", "{{ penyerahan.biaya_lain }}", "Isi Tabel Bernomor"),
        ("\tJumlah dibayar", [("{{ penyerahan.jumlah }}", {"bold": True})], "Isi Tabel Bernomor"),
        ("\tCara pembayaran", "{{ penyerahan.cara_bayar }}", "Isi Tabel Bernomor"),
    ], [Cm(5.45), Cm(0.5), Cm(9.3)], indent=BODY_INDENT)
    _tight(costs, after=6)
    tag(doc, "if penyerahan.catatan")
    para(doc, "Keterangan: {{ penyerahan.catatan }}", "Isi Surat")
    tag(doc, "endif")
    dual_signature(doc, "Penerima Informasi,", "{{ pemohon.nama_kuasa or pemohon.nama }}")
    return doc


# --------------------------------------------------------------------------------------------
# objections (keberatan): UU 14/2008 Pasal 35-37; SOP 003, third procedure
# --------------------------------------------------------------------------------------------

def alasan_list(doc) -> None:
    """The objection's reasons (``keberatan.alasan``), one list paragraph each.  An item that
    starts with its letter from Pasal 35 ayat (1) ("b. Informasi berkala tidak disediakan") keeps
    the letter as its list label; an item without one is numbered 1., 2., ..."""
    tag(doc, "for a in keberatan.alasan")
    para(doc, '{% if a[1:3] == ". " %}{{ a[:2] }}\t{{ a[3:] }}'
              "{% else %}{{ loop.index }}.\t{{ a }}{% endif %}", "Daftar Bernomor")
    tag(doc, "endfor")


def _permohonan_clause() -> str:
    """", atas permohonan informasi publik Nomor Pendaftaran …" only when the objection names a
    request (reason b, periodic information not provided, needs none)."""
    return ("{% if keberatan.nomor_permohonan %} atas permohonan informasi publik Nomor "
            "Pendaftaran {{ keberatan.nomor_permohonan }}{% endif %}")


def tanda_terima_keberatan():
    """Tanda Bukti Penerimaan Keberatan: the receipt of a registered objection (SOP 003, third
    procedure, steps 1-2), laid out like the objection form (UU 14/2008 Pasal 35-36)."""
    doc = new_document("Tanda Bukti Penerimaan Keberatan")
    letterhead(doc)
    para(doc, "TANDA BUKTI PENERIMAAN KEBERATAN", "Judul Naskah")

    widths = [Cm(6.5), Cm(0.5), Cm(9.0)]      # "Nomor Pendaftaran Permohonan" on one line
    sub = "Isi Tabel Menjorok"
    table = label_table(doc, [
        ("Nomor Registrasi Keberatan", [("{{ kasus.nomor }}", {"bold": True})]),
        ("Nomor Pendaftaran Permohonan", '{{ keberatan.nomor_permohonan or "-" }}'),
        ("Hari/Tanggal diterima", "{{ kasus.hari_tanggal_diterima }}"),
        ("Tujuan penggunaan informasi", "{{ keberatan.tujuan }}"),
        ([("Identitas Pemohon", {"bold": True})], None),
        *_applicant_rows(sub),
        "if keberatan.kuasa_nama",
        ([("Identitas Kuasa Pemohon", {"bold": True})], None),
        ("Nama", "{{ keberatan.kuasa_nama }}", sub),
        ("Alamat", "{{ keberatan.kuasa_alamat }}", sub),
        ("Nomor Telepon", "{{ keberatan.kuasa_telepon }}", sub),
        "endif",
    ], widths)
    _tight(table, after=2)

    para(doc, "Alasan pengajuan keberatan:", "Sub Judul").paragraph_format.space_before = Pt(6)
    alasan_list(doc)
    para(doc, "Kasus posisi:", "Sub Judul").paragraph_format.space_before = Pt(6)
    para(doc, "{{ keberatan.kasus_posisi }}", "Isi Menjorok")

    when = para(doc, ["Hari/tanggal tanggapan atas keberatan akan diberikan: ",
                      ("{{ keberatan.hari_tanggal_tanggapan }}", {"bold": True}),
                      ", {{ keberatan.tanggal_tanggapan_terbilang }}, yaitu {{ keberatan.tanggapan_hari }} "
                      "sejak keberatan diterima."], "Isi Surat")
    when.paragraph_format.space_before = Pt(6)
    tag(doc, "if keberatan.terlambat")
    para(doc, "{{ keberatan.terlambat }}", "Isi Surat")
    tag(doc, "endif")

    dual_signature(doc, "Pengaju Keberatan,", "{{ keberatan.kuasa_nama or pemohon.nama }}")

    para(doc, [("Catatan: ", {"bold": True}),
               "Atasan Pejabat Pengelola Informasi dan Dokumentasi (Atasan PPID) memberikan "
               "tanggapan tertulis atas keberatan ini paling lambat pada hari dan tanggal tersebut "
               "di atas, sesuai Pasal 36 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang "
               "Keterbukaan Informasi Publik. Tanda bukti ini wajib ditunjukkan oleh Pengaju "
               "Keberatan setiap kali menanyakan perkembangan atau mengambil tanggapan atas "
               "keberatan ini."], "Catatan")
    return doc


def nota_atasan_keberatan():
    """Nota Dinas from the Atasan PPID to the PPID (SOP 003, third procedure, steps 3-4): coordinate with the
    PPID Pelaksana, report, and submit the draft answer in time for the statutory answer (UU 14/2008 Pasal 36
    ayat 2). Addressed to the PPID as an office (``keberatan.kepada``), from the Atasan PPID as the signer holds
    the office (``penandatangan.sebagai``: "Plt. Sekretaris Daerah …"). Internal: no NIK, address or phone."""
    doc = new_document("Nota Dinas Atasan PPID tentang Keberatan")
    letterhead(doc)
    nota_head(doc, "{{ keberatan.kepada }}", "{{ penandatangan.sebagai }}")

    first = para(doc, "1.\tPada hari {{ kasus.hari_tanggal_diterima }} telah diterima keberatan "
                      "dengan Nomor Registrasi {{ kasus.nomor }} yang diajukan oleh Saudara/i "
                      "{{ pemohon.nama }}" + _permohonan_clause() + ", dengan alasan keberatan:",
                 "Isi Bernomor", keep_next=True)
    first.paragraph_format.space_before = Pt(12)
    alasan_list(doc)
    para(doc, "2.\tSesuai Pasal 36 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
              "Informasi Publik, Atasan PPID wajib memberikan tanggapan tertulis atas keberatan "
              "tersebut paling lambat pada hari {{ keberatan.hari_tanggal_tanggapan }}, yaitu "
              "{{ keberatan.tanggapan_hari }} sejak keberatan diterima.",
         "Isi Bernomor").paragraph_format.space_before = Pt(3)
    para(doc, "3.\tSehubungan dengan hal tersebut, dimohon Saudara selaku Pejabat Pengelola "
              "Informasi dan Dokumentasi (PPID):", "Isi Bernomor", keep_next=True)
    para(doc, "a.\tberkoordinasi dengan PPID Pelaksana yang menguasai informasi dan melaporkan "
              "hasilnya kepada kami paling lambat pada hari {{ keberatan.hari_target_koordinasi }}, "
              "yaitu {{ keberatan.koordinasi_hari }} sejak keberatan diterima, meliputi: apakah "
              "informasi yang dimohon telah tersedia atau termasuk Daftar Informasi Publik, belum "
              "dikuasai atau belum didokumentasikan, atau termasuk informasi yang dikecualikan "
              "beserta dasar dan hasil uji konsekuensinya;", "Daftar Bernomor")
    para(doc, "b.\tmenyampaikan konsep surat tanggapan atas keberatan kepada kami paling lambat "
              "pada hari {{ keberatan.hari_target_draf }}, yaitu {{ keberatan.draf_hari }} setelah batas "
              "waktu koordinasi.", "Daftar Bernomor")
    return close_letter(doc, "4.\tDemikian disampaikan untuk dilaksanakan.")


def surat_keberatan_pelaksana():
    """Letter from the PPID to the PPID Pelaksana holding the information about an objection (SOP 003, third
    procedure, step 3: "PPID meminta/bersurat ke Badan Publik/PPID Pelaksana untuk memenuhi permintaan keberatan
    informasi"): the objection, the request it concerns, and what to report by the coordination target."""
    doc = new_document("Surat PPID kepada PPID Pelaksana tentang Keberatan")
    letterhead(doc)
    para(doc, "{{ surat.tempat_tanggal }}", "Tanggal Surat")
    letter_block(doc)
    addressee(doc, "{{ keberatan.pelaksana }}", ["di -", "{{ tujuan.tempat }}"])

    para(doc, "1.\tPada hari {{ kasus.hari_tanggal_diterima }} kami menerima keberatan dengan Nomor Registrasi "
              "{{ kasus.nomor }} atas nama {{ pemohon.nama }}" + _permohonan_clause() +
              "{% if keberatan.tanggal_permohonan %} yang diterima pada tanggal "
              "{{ keberatan.tanggal_permohonan }}{% endif %}, dengan alasan keberatan:",
         "Isi Bernomor", keep_next=True)
    alasan_list(doc)
    tag(doc, "if keberatan.rincian_permohonan")
    para(doc, "Informasi yang dimohon: {{ keberatan.rincian_permohonan }}", "Isi Menjorok")
    tag(doc, "endif")
    para(doc, "2.\tAtasan PPID wajib memberikan tanggapan tertulis atas keberatan tersebut paling lambat pada "
              "hari {{ keberatan.hari_tanggal_tanggapan }}, sesuai Pasal 36 ayat (2) Undang-Undang Nomor 14 "
              "Tahun 2008 tentang Keterbukaan Informasi Publik.", "Isi Bernomor")
    para(doc, "3.\tSehubungan dengan hal tersebut, dimohon Saudara memenuhi permintaan informasi yang "
              "diajukan keberatannya atau menyampaikan penjelasan tertulis kepada PPID paling lambat pada hari "
              "{{ keberatan.hari_target_koordinasi }}, meliputi: apakah informasi tersebut tersedia atau "
              "termasuk Daftar Informasi Publik, belum dikuasai atau belum didokumentasikan, atau termasuk "
              "informasi yang dikecualikan beserta dasar dan hasil uji konsekuensinya.", "Isi Bernomor")
    return close_letter(doc, "4.\tDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


def nota_tanggapan():
    """Nota Dinas from the PPID to the Atasan PPID submitting the draft Tanggapan atas Keberatan (SOP 003, third
    procedure, step 4: "PPID mengajukan draft surat jawaban keberatan informasi kepada Atasan PPID")."""
    doc = new_document("Nota Dinas PPID Pengajuan Konsep Tanggapan atas Keberatan")
    letterhead(doc)
    nota_head(doc, "{{ atasan.kantor }}", "{{ penandatangan.sebagai }}")
    first = para(doc, "1.\tMenindaklanjuti keberatan dengan Nomor Registrasi {{ kasus.nomor }} atas nama "
                      "{{ pemohon.nama }}" + _permohonan_clause() + " yang diterima pada hari "
                      "{{ kasus.hari_tanggal_diterima }}, bersama ini kami sampaikan konsep Tanggapan atas "
                      "Keberatan dengan keputusan:", "Isi Bernomor", keep_next=True)
    first.paragraph_format.space_before = Pt(12)
    para(doc, "{{ jawaban.keputusan_teks }}", "Sub Judul").paragraph_format.left_indent = BODY_INDENT
    para(doc, "2.\tSesuai Pasal 36 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi "
              "Publik, tanggapan tertulis wajib disampaikan paling lambat pada hari "
              "{{ keberatan.hari_tanggal_tanggapan }}. Mohon konsep tanggapan tersebut ditandatangani untuk "
              "selanjutnya disampaikan kepada pengaju keberatan.", "Isi Bernomor")
    return close_letter(doc, "3.\tDemikian disampaikan, atas perkenannya diucapkan terima kasih.")


def tanggapan_keberatan():
    """Tanggapan atas Keberatan: the Atasan PPID's written answer to the objector (UU 14/2008 Pasal 36
    ayat 2-3), with the right to take the dispute to the Komisi Informasi (Pasal 37). Its decision follows the
    objection's reasons: only an objection against a PPID decision has one to uphold (``keberatan.atas_keputusan``)."""
    doc = new_document("Tanggapan atas Keberatan")
    letterhead(doc)
    letter_block(doc)
    addressee(doc, "{{ pemohon.tujuan_surat }}", ["{{ pemohon.alamat }}"])

    para(doc, "Menindaklanjuti keberatan yang Saudara/i ajukan dan telah kami terima pada "
              "tanggal {{ kasus.tanggal_diterima }} dengan Nomor Registrasi Keberatan "
              "{{ kasus.nomor }}" + _permohonan_clause() + ", dengan alasan keberatan:",
         "Isi Surat", keep_next=True)
    alasan_list(doc)
    para(doc, "setelah meneliti keberatan tersebut dan berkoordinasi dengan Pejabat Pengelola "
              "Informasi dan Dokumentasi (PPID), sesuai Pasal 36 ayat (2) Undang-Undang Nomor 14 "
              "Tahun 2008 tentang Keterbukaan Informasi Publik dengan ini kami sampaikan "
              "tanggapan atas keberatan Saudara/i sebagai berikut:",
         "Isi Surat", keep_next=True).paragraph_format.space_before = Pt(6)
    para(doc, "{{ jawaban.keputusan_teks }}", "Sub Judul").paragraph_format.left_indent = BODY_INDENT
    tag(doc, "if keberatan.atas_keputusan")
    para(doc, "dengan alasan:", "Isi Menjorok", keep_next=True)
    tag(doc, "endif")
    para(doc, "{{ jawaban.alasan_keputusan }}", "Isi Menjorok")
    para(doc, "Apabila Saudara/i tidak puas dengan tanggapan ini, Saudara/i dapat mengajukan "
              "permohonan penyelesaian sengketa informasi publik kepada Komisi Informasi "
              "{{ keberatan.komisi_informasi }} paling lambat {{ jawaban.komisi_hari }} sejak "
              "tanggapan ini diterima, sesuai Pasal 37 ayat (2) Undang-Undang Nomor 14 Tahun 2008 tentang "
              "Keterbukaan Informasi Publik.", "Isi Surat")
    para(doc, "Demikian tanggapan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.",
         "Isi Surat", keep_next=True)

    date_line(doc, before=10)
    signature_block(doc, "penandatangan")
    tembusan(doc)
    return doc


# --------------------------------------------------------------------------------------------
# decrees on the DIP and DIK and the correction note (SOP 003 second procedure; SOP 000)
# --------------------------------------------------------------------------------------------

# A decree is the office's whatever the signer's delegation (pipeline.core.config.Signer.office): the
# official signed for (a.n., u.b.) or the office held (also by a Plt./Plh.): "KEPUTUSAN SEKRETARIS DAERAH …".
PEJABAT = "penandatangan.kantor"
DI_LINGKUNGAN = "di Lingkungan {{ instansi.pemerintah|title }}"
UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
MENGINGAT = {
    "uu_kip": UU_KIP + ";",
    "pp": "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 "
          "tentang Keterbukaan Informasi Publik;",
    "perki_2017": "Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik;",
    "perki_2021": "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik;",
}
DICTA = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM"]
DECREE_WIDTHS = [Cm(3.0), Cm(0.5), Cm(12.5)]          # Menimbang | : | text
DECREE_FRACTIONS = [3.0 / 16, 0.5 / 16, 12.5 / 16]
LAMPIRAN_INDENT = Cm(7.0)
GRID_LINE = {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}


def _decree_styles(doc) -> None:
    """Paragraph styles of the decrees and their annex (added only to the documents that use them)."""
    J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    _pstyle(doc, "Konsiderans", align=J, after=4, left=Cm(0.6), first=Cm(-0.6),
            tabs=[(Cm(0.6), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Diktum", align=J, after=6)
    _pstyle(doc, "Label Keputusan", align=L, after=4)
    _pstyle(doc, "Lampiran Kepala", size=11, align=L, left=LAMPIRAN_INDENT)
    _pstyle(doc, "Lampiran Kepala Tabel", size=11, align=L)
    _pstyle(doc, "Judul Lampiran", size=12, bold=True, align=C, keep_next=True)
    _pstyle(doc, "Tabel Lampiran", size=9, align=L)
    _pstyle(doc, "Tabel Lampiran Tengah", size=9, align=C)
    _pstyle(doc, "Tabel Lampiran Judul", size=9, bold=True, align=C, keep_next=True)
    _pstyle(doc, "Tabel Lampiran Nomor", size=8, italic=True, align=C, keep_next=True)
    _pstyle(doc, "Tabel Lampiran Kelompok", size=9.5, bold=True, align=L, keep_next=True)
    _pstyle(doc, "Tabel Lampiran OPD", size=9, bold=True, italic=True, align=L, keep_next=True)


def decree_title(doc, tentang: list[str]) -> None:
    """KEPUTUSAN <official> / NOMOR … / TENTANG / <subject lines> / <official>, (centred, bold)."""
    lines = [("KEPUTUSAN {{ " + PEJABAT + "|upper }}", 12, 0), ("NOMOR " + NUMBER, 0, 8),
             ("TENTANG", 0, 8)]
    lines += [(text, 0, 0) for text in tentang[:-1]] + [(tentang[-1], 0, 14)]
    lines += [("{{ " + PEJABAT + "|upper }},", 0, 12)]
    for text, before, after in lines:
        paragraph = para(doc, text, "Judul Keputusan")
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(after)


def decree_clauses(doc, label: str, items: list[str], *, numbering: str, last_after: float = 8):
    """"Menimbang : a. bahwa …" or "Mengingat : 1. …": the label, a colon, and one hanging-indented
    paragraph per item in the third column of a borderless full-width table."""
    table = plain_table(doc, DECREE_WIDTHS)
    row = add_row(table, DECREE_WIDTHS, [label, ":", ""], ["Label Keputusan", "Label Keputusan", "Konsiderans"],
                  cant_split=False)
    cell = row.cells[2]
    for index, item in enumerate(items):
        mark = f"{chr(ord('a') + index)}." if numbering == "a" else f"{index + 1}."
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph(style="Konsiderans")
        add_runs(paragraph, f"{mark}\t{item}", {})
    cell.paragraphs[-1].paragraph_format.space_after = Pt(last_after)
    stretch(table, DECREE_FRACTIONS)
    return table


def decree_dicta(doc, menetapkan: str, dicta: list[str]) -> None:
    """MEMUTUSKAN:, then "Menetapkan : …" and KESATU, KEDUA … each with its text."""
    memutuskan = para(doc, "MEMUTUSKAN:", "Amar Keputusan")
    memutuskan.paragraph_format.space_before = Pt(4)
    memutuskan.paragraph_format.space_after = Pt(8)
    table = plain_table(doc, DECREE_WIDTHS)
    styles = ["Label Keputusan", "Label Keputusan", "Diktum"]
    add_row(table, DECREE_WIDTHS, ["Menetapkan", ":", menetapkan], styles, cant_split=False)
    for name, text in zip(DICTA, dicta):
        add_row(table, DECREE_WIDTHS, [name, ":", text], styles, cant_split=False)
    stretch(table, DECREE_FRACTIONS)


def decree_signature(doc) -> None:
    """Ditetapkan di / pada tanggal, then the signature block (right half)."""
    place = para(doc, "Ditetapkan di {{ instansi.kota }}", "Tanda Tangan")
    place.paragraph_format.space_before = Pt(12)
    para(doc, "pada tanggal {{ surat.tanggal }}", "Tanda Tangan").paragraph_format.space_after = Pt(6)
    signature_block(doc, "penandatangan", upper=True)


def approval_block(doc) -> None:
    """The head's consent to the PPID's classification (Perki 1/2017 Pasal 4), when configured: "Menyetujui,"
    and the approver's signature block under the signer's."""
    tag(doc, "if penyetuju.nama")
    heading = para(doc, "Menyetujui,", "Tanda Tangan")
    heading.paragraph_format.space_before = Pt(18)
    signature_block(doc, "penyetuju", upper=True)
    tag(doc, "endif")


def lampiran_heading(doc, tentang: str) -> None:
    """The annex heading in the right half of a new page: LAMPIRAN / KEPUTUSAN … / NOMOR / TANGGAL /
    TENTANG."""
    first = para(doc, "LAMPIRAN", "Lampiran Kepala")
    first.paragraph_format.page_break_before = True
    para(doc, "KEPUTUSAN {{ " + PEJABAT + "|upper }}", "Lampiran Kepala")
    widths = [Cm(2.3), Cm(0.4), TEXT_WIDTH - LAMPIRAN_INDENT - Cm(2.7)]
    table = label_table(doc, [("NOMOR", NUMBER), ("TANGGAL", "{{ surat.tanggal }}"),
                              ("TENTANG", tentang)], widths, indent=LAMPIRAN_INDENT,
                        value_style="Lampiran Kepala Tabel")
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].style = doc.styles["Lampiran Kepala Tabel"]
    _tight(table, after=14)


def grid_table(doc, fractions: list[float]):
    """A bordered table at the full text width (relative widths; F4 or A4), 0.1 cm cell padding."""
    widths = [Emu(int(TEXT_WIDTH * f)) for f in fractions]
    table = plain_table(doc, widths)
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    for side in borders:
        for key, value in GRID_LINE.items():
            side.set(qn(key), str(value))
    margins = tbl_pr.find(qn("w:tblCellMar"))
    for side, width in (("top", 28), ("left", 57), ("bottom", 28), ("right", 57)):
        margins.find(qn(f"w:{side}")).set(qn("w:w"), str(width))
    return table, widths


def grid_header(table, widths, headers: list[str]) -> None:
    """Column titles and the "(1) (2) …" numbers under them, both repeated on every page."""
    for cells, style in ((headers, "Tabel Lampiran Judul"),
                         ([f"({i})" for i in range(1, len(headers) + 1)], "Tabel Lampiran Nomor")):
        row = add_row(table, widths, cells, style)
        row._tr.get_or_add_trPr().append(_el("w:tblHeader"))
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _shade(cell, "D9D9D9" if style == "Tabel Lampiran Judul" else "F2F2F2")


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = _el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill})
    v_align = tc_pr.find(qn("w:vAlign"))
    if v_align is not None:
        v_align.addprevious(shd)
    else:
        tc_pr.append(shd)


def grid_span_row(table, widths, text: str, style: str, *, fill: str | None = None):
    """One row whose single cell spans the table (a group heading)."""
    row = add_row(table, widths, [text] + [""] * (len(widths) - 1), style)
    merged = row.cells[0].merge(row.cells[-1])
    if fill:
        _shade(merged, fill)
    return row


def grid_fractions(table, fractions: list[float]) -> None:
    """Relative widths on the table and on every cell, spans included (see ``stretch``)."""
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "pct")
    tbl_w.set(qn("w:w"), "5000")
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is not None:
        tbl_pr.remove(layout)
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc_w = tc.get_or_add_tcPr().get_or_add_tcW()
            tc_w.set(qn("w:type"), "pct")
            tc_w.set(qn("w:w"), str(int(round(5000 * sum(fractions[column:column + span])))))
            column += span


def sk_dip():
    """Keputusan (of the Atasan PPID in the SOP) tentang Daftar Informasi Publik: Menimbang (UU 14/2008
    Pasal 9-11), Mengingat (UU 14/2008, PP 61/2010, Perki 1/2021), MEMUTUSKAN with the dicta, the
    signature; then the LAMPIRAN: the DIP table grouped by category (A/B/C) and OPD, numbered rows."""
    doc = new_document("Keputusan tentang Daftar Informasi Publik")
    _decree_styles(doc)
    letterhead(doc)
    subject = "DAFTAR INFORMASI PUBLIK DI LINGKUNGAN {{ instansi.pemerintah|upper }} TAHUN {{ daftar.tahun }}"
    decree_title(doc, ["DAFTAR INFORMASI PUBLIK",
                       "DI LINGKUNGAN {{ instansi.pemerintah|upper }} TAHUN {{ daftar.tahun }}"])
    pejabat = "{{ " + PEJABAT + " }}"
    decree_clauses(doc, "Menimbang", [
        "bahwa berdasarkan Pasal 9, Pasal 10, dan Pasal 11 " + UU_KIP + ", setiap Badan Publik wajib "
        "menyediakan dan mengumumkan Informasi Publik secara berkala, secara serta merta, dan informasi yang "
        "wajib tersedia setiap saat;",
        "bahwa untuk menjamin hak setiap orang memperoleh Informasi Publik, Pejabat Pengelola Informasi dan "
        "Dokumentasi menyusun dan memutakhirkan Daftar Informasi Publik yang dihimpun dari Daftar Informasi "
        "Publik PPID Pelaksana " + DI_LINGKUNGAN.replace("di L", "di l") + ";",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        "Keputusan " + pejabat + " tentang Daftar Informasi Publik " + DI_LINGKUNGAN + " Tahun "
        "{{ daftar.tahun }};",
    ], numbering="a")
    decree_clauses(doc, "Mengingat", [MENGINGAT["uu_kip"], MENGINGAT["pp"], MENGINGAT["perki_2021"]],
                   numbering="1")
    decree_dicta(doc, "KEPUTUSAN {{ " + PEJABAT + "|upper }} TENTANG " + subject + ".", [
        "Menetapkan Daftar Informasi Publik " + DI_LINGKUNGAN + " Tahun {{ daftar.tahun }} sebagaimana "
        "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Daftar Informasi Publik sebagaimana dimaksud dalam Diktum KESATU memuat informasi yang wajib "
        "disediakan dan diumumkan secara berkala, informasi yang wajib diumumkan secara serta merta, dan "
        "informasi yang wajib tersedia setiap saat, yang dihimpun dari Daftar Informasi Publik PPID "
        "Pelaksana.",
        "Pejabat Pengelola Informasi dan Dokumentasi (PPID) dan PPID Pelaksana menyediakan informasi "
        "sebagaimana dimaksud dalam Diktum KESATU dalam bentuk cetak dan/atau elektronik, mengumumkan Daftar "
        "Informasi Publik melalui laman PPID dan laman Badan Publik masing-masing, serta memutakhirkannya "
        "secara berkala.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ])
    decree_signature(doc)
    tembusan(doc)

    lampiran_heading(doc, subject)
    para(doc, "DAFTAR INFORMASI PUBLIK", "Judul Lampiran")
    para(doc, "DI LINGKUNGAN {{ instansi.pemerintah|upper }} TAHUN {{ daftar.tahun }}",
         "Judul Lampiran").paragraph_format.space_after = Pt(10)
    fractions = [0.05, 0.22, 0.16, 0.16, 0.13, 0.12, 0.16]
    table, widths = grid_table(doc, fractions)
    grid_header(table, widths, ["No", "Ringkasan Isi Informasi",
                                "Pejabat/Unit/ Satuan Kerja yang Menguasai Informasi",
                                "Penanggung Jawab Pembuatan atau Penerbitan Informasi",
                                "Waktu dan Tempat Pembuatan Informasi",
                                "Bentuk Informasi yang Tersedia (Cetak/ Elektronik)",
                                "Jangka Waktu Penyimpanan atau Retensi Arsip"])
    tag_row(table, widths, "for k in daftar.kelompok")
    grid_span_row(table, widths, "{{ k.judul }}", "Tabel Lampiran Kelompok", fill="E7EEF7")
    tag_row(table, widths, "for o in k.opd_list")
    grid_span_row(table, widths, "{{ o.opd }}", "Tabel Lampiran OPD")
    tag_row(table, widths, "for e in o.entri")
    add_row(table, widths, ["{{ e.no }}", "{{ e.ringkasan }}", "{{ e.penguasa }}", "{{ e.penanggung_jawab }}",
                            "{{ e.waktu_tempat }}", "{{ e.bentuk }}", "{{ e.retensi }}"],
            ["Tabel Lampiran Tengah"] + ["Tabel Lampiran"] * 6)
    tag_row(table, widths, "endfor")
    tag_row(table, widths, "endfor")
    tag_row(table, widths, "endfor")
    grid_fractions(table, fractions)
    closing = para(doc, "", "Tanda Tangan")
    closing.paragraph_format.space_before = Pt(6)
    signature_block(doc, "penandatangan", upper=True)
    return doc


def sk_dik():
    """Keputusan tentang Penetapan Daftar Informasi yang Dikecualikan (SOP 000: proposed by the PPID with
    the Tim Pertimbangan after the consequence test, approved by the Atasan PPID): Menimbang (UU 14/2008
    Pasal 17 and 19, the consequence test), Mengingat, the dicta, the signature; LAMPIRAN: the
    consequence-test table."""
    doc = new_document("Keputusan tentang Penetapan Daftar Informasi yang Dikecualikan")
    _decree_styles(doc)
    letterhead(doc)
    subject = "PENETAPAN DAFTAR INFORMASI YANG DIKECUALIKAN DI LINGKUNGAN {{ instansi.pemerintah|upper }}"
    decree_title(doc, ["PENETAPAN DAFTAR INFORMASI YANG DIKECUALIKAN",
                       "DI LINGKUNGAN {{ instansi.pemerintah|upper }}"])
    pejabat = "{{ " + PEJABAT + " }}"
    decree_clauses(doc, "Menimbang", [
        "bahwa berdasarkan Pasal 17 " + UU_KIP + ", setiap Badan Publik wajib membuka akses bagi setiap "
        "Pemohon Informasi Publik untuk mendapatkan Informasi Publik, kecuali informasi yang dikecualikan;",
        "bahwa berdasarkan Pasal 19 Undang-Undang Nomor 14 Tahun 2008, Pejabat Pengelola Informasi dan "
        "Dokumentasi di setiap Badan Publik wajib melakukan pengujian tentang konsekuensi dengan saksama dan "
        "penuh ketelitian sebelum menyatakan Informasi Publik tertentu dikecualikan untuk diakses oleh setiap "
        "orang;",
        "bahwa Pejabat Pengelola Informasi dan Dokumentasi bersama Tim Pertimbangan telah melakukan uji "
        "konsekuensi atas informasi yang diusulkan untuk dikecualikan, dengan menimbang konsekuensi yang "
        "timbul apabila informasi dibuka dan kepentingan publik yang lebih besar yang dilindungi apabila "
        "informasi ditutup;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu "
        "menetapkan Keputusan " + pejabat + " tentang Penetapan Daftar Informasi yang Dikecualikan "
        + DI_LINGKUNGAN + ";",
    ], numbering="a")
    decree_clauses(doc, "Mengingat", [MENGINGAT["uu_kip"], MENGINGAT["pp"], MENGINGAT["perki_2017"],
                                      MENGINGAT["perki_2021"]], numbering="1")
    decree_dicta(doc, "KEPUTUSAN {{ " + PEJABAT + "|upper }} TENTANG " + subject + ".", [
        "Menetapkan Daftar Informasi yang Dikecualikan " + DI_LINGKUNGAN + " sebagaimana tercantum dalam "
        "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Daftar Informasi yang Dikecualikan sebagaimana dimaksud dalam Diktum KESATU merupakan hasil uji "
        "konsekuensi oleh Pejabat Pengelola Informasi dan Dokumentasi (PPID) bersama Tim Pertimbangan, yang "
        "memuat informasi yang dikecualikan, dasar hukum pengecualian, konsekuensi apabila informasi dibuka "
        "dan apabila ditutup, jangka waktu pengecualian, serta pejabat atau unit yang menguasai informasi.",
        "Informasi sebagaimana dimaksud dalam Diktum KESATU dikecualikan selama jangka waktu yang tercantum "
        "dalam Lampiran dan dapat diuji kembali apabila terdapat permohonan informasi atau perubahan keadaan.",
        "Penetapan klasifikasi sebagaimana dimaksud dalam Pasal 4 Peraturan Komisi Informasi Nomor 1 Tahun 2017 "
        "tentang Pengklasifikasian Informasi Publik atas informasi sebagaimana dimaksud dalam Diktum KESATU: "
        "a.\u00a0jenis klasifikasi: Informasi Publik yang Dikecualikan, dengan dasar pengecualian setiap informasi "
        "sebagaimana tercantum dalam Lampiran; b.\u00a0pejabat PPID yang menetapkan: {{ ppid.nama }}"
        "{% if ppid.nip %}, NIP {{ ppid.nip }}{% endif %}, {{ ppid.kantor }}; c.\u00a0badan publik dan unit "
        "kerja pejabat yang menetapkan: {{ instansi.badan_publik }}, {{ ppid.unit }}; d.\u00a0jangka waktu "
        "pengecualian dan e.\u00a0alasan pengecualian: sebagaimana tercantum dalam Lampiran; f.\u00a0tempat dan "
        "tanggal penetapan: sebagaimana tercantum dalam Keputusan ini."
        "{% if penyetuju.nama %} Pengujian konsekuensi dilakukan oleh PPID atas persetujuan "
        "{{ penyetuju.kantor }}.{% endif %}",
        "PPID dan PPID Pelaksana mengelola dan menyimpan dokumen informasi yang dikecualikan dalam bentuk "
        "softcopy dan hardcopy sesuai dengan tata cara pengarsipan.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ])
    decree_signature(doc)
    approval_block(doc)
    tembusan(doc)

    lampiran_heading(doc, subject)
    para(doc, "DAFTAR INFORMASI YANG DIKECUALIKAN", "Judul Lampiran")
    para(doc, "DI LINGKUNGAN {{ instansi.pemerintah|upper }}", "Judul Lampiran")
    para(doc, "(Hasil Uji Konsekuensi PPID bersama Tim Pertimbangan)",
         "Judul Lampiran").paragraph_format.space_after = Pt(10)
    fractions = [0.05, 0.15, 0.16, 0.17, 0.17, 0.14, 0.16]
    table, widths = grid_table(doc, fractions)
    grid_header(table, widths, ["No", "Informasi yang Dikecualikan", "Dasar Hukum Pengecualian",
                                "Konsekuensi bila Dibuka", "Konsekuensi bila Ditutup",
                                "Jangka Waktu Pengecualian", "Pejabat/Unit yang Menguasai"])
    tag_row(table, widths, "for d in daftar.dik")
    add_row(table, widths, ["{{ d.no }}", "{{ d.informasi }}", "{{ d.dasar }}", "{{ d.konsekuensi_dibuka }}",
                            "{{ d.konsekuensi_ditutup }}", "{{ d.jangka_waktu }}", "{{ d.unit }}"],
            ["Tabel Lampiran Tengah"] + ["Tabel Lampiran"] * 6)
    tag_row(table, widths, "endfor")
    grid_fractions(table, fractions)
    closing = para(doc, "", "Tanda Tangan")
    closing.paragraph_format.space_before = Pt(6)
    signature_block(doc, "penandatangan", upper=True)
    return doc


def nota_dip():
    """Nota Dinas from the PPID to the Atasan PPID submitting the recapped DIP with the draft SK DIP (SOP 003,
    second procedure: "Nota Dinas dan Draf DIP"), for correction and for the decree's signer to set it."""
    doc = new_document("Nota Dinas PPID Pengajuan Daftar Informasi Publik")
    letterhead(doc)
    nota_head(doc, "{{ atasan.kantor }}", "{{ penandatangan.sebagai }}")
    first = para(doc, "1.\tDaftar Informasi Publik Tahun {{ daftar.tahun }} yang disampaikan oleh PPID Pelaksana "
                      "di lingkungan {{ instansi.badan_publik }} telah direkapitulasi dan diperiksa oleh PPID, "
                      "memuat {{ daftar.jumlah_informasi }} informasi dari {{ daftar.jumlah_opd }} PPID Pelaksana.",
                 "Isi Bernomor")
    first.paragraph_format.space_before = Pt(12)
    para(doc, "2.\tBersama ini kami sampaikan konsep Keputusan {{ daftar.penetap }} tentang Daftar Informasi "
              "Publik di Lingkungan {{ instansi.badan_publik }} Tahun {{ daftar.tahun }} beserta lampirannya "
              "{% if daftar.oleh_atasan %}untuk dikoreksi apabila diperlukan dan ditetapkan"
              "{% else %}untuk dikoreksi apabila diperlukan sebelum ditetapkan{% endif %}.", "Isi Bernomor")
    para(doc, "3.\tSetelah ditetapkan, Daftar Informasi Publik disimpan dalam bentuk hardcopy dan softcopy serta "
              "diumumkan melalui laman PPID dan laman Badan Publik masing-masing.", "Isi Bernomor")
    return close_letter(doc, "4.\tDemikian disampaikan, atas perkenannya diucapkan terima kasih.")


def pengantar_dip():
    """Surat Pengantar of the DIP (SOP 003, second procedure, output of step 3): the PPID sends the signed SK DIP
    with its list to the PPID Pelaksana, to keep as hardcopy and softcopy and publish on their channels."""
    doc = new_document("Surat Pengantar Daftar Informasi Publik")
    letterhead(doc)
    para(doc, "{{ surat.tempat_tanggal }}", "Tanggal Surat")
    letter_block(doc)
    addressee(doc, "{{ tujuan.nama }}", ["di -", "{{ tujuan.tempat }}"])
    para(doc, "1.\tBersama ini kami sampaikan Keputusan {{ daftar.penetap }} Nomor {{ daftar.nomor_sk }}"
              "{% if daftar.tanggal_sk %} tanggal {{ daftar.tanggal_sk }}{% endif %} tentang Daftar Informasi "
              "Publik di Lingkungan {{ instansi.badan_publik }} Tahun {{ daftar.tahun }} beserta lampirannya, "
              "memuat {{ daftar.jumlah_informasi }} informasi.", "Isi Bernomor")
    para(doc, "2.\tDimohon Saudara menyimpan Daftar Informasi Publik tersebut dalam bentuk hardcopy dan softcopy, "
              "menyediakan informasi yang tercantum di dalamnya, dan mengumumkannya melalui laman Badan Publik "
              "masing-masing.", "Isi Bernomor")
    return close_letter(doc, "3.\tDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


def koreksi_dip():
    """Letter from the PPID to an OPD's PPID Pelaksana (SOP 003, second procedure, step 2): the problems
    found in its DIP (Baris | Kolom | Masalah, the row being the row of its Excel sheet) and the request
    to send the whole corrected list again."""
    doc = new_document("Koreksi Daftar Informasi Publik PPID Pelaksana")
    _decree_styles(doc)
    letterhead(doc)
    para(doc, "{{ surat.tempat_tanggal }}", "Tanggal Surat")
    letter_block(doc)
    addressee(doc, "{{ tujuan.nama }}", ["di -", "{{ tujuan.tempat }}"])

    para(doc, "1.\tMenindaklanjuti penyampaian Daftar Informasi Publik (DIP) {{ daftar.opd }} Tahun "
              "{{ daftar.tahun }}{% if daftar.nomor_pengajuan %} dengan surat Nomor "
              "{{ daftar.nomor_pengajuan }}{% endif %}{% if daftar.tanggal_pengajuan %} yang kami terima "
              "pada tanggal {{ daftar.tanggal_pengajuan }}{% endif %}, bersama ini kami sampaikan bahwa "
              "berdasarkan hasil rekapitulasi dan pemeriksaan oleh Pejabat Pengelola Informasi dan "
              "Dokumentasi (PPID) terdapat isian yang perlu diperbaiki sebagai berikut:",
         "Isi Bernomor", keep_next=True)
    fractions = [0.1, 0.3, 0.6]
    table, widths = grid_table(doc, fractions)
    table._tbl.tblPr.find(qn("w:tblInd")).set(qn("w:w"), str(_twips(BODY_INDENT)))
    grid_header(table, widths, ["Baris", "Kolom", "Masalah"])
    # no "(1) (2) (3)" numbers under a three-column table: drop that header row
    table._tbl.remove(table.rows[1]._tr)
    tag_row(table, widths, "for m in daftar.masalah")
    add_row(table, widths, ["{{ m.baris }}", "{{ m.kolom }}", "{{ m.pesan }}"],
            ["Tabel Lampiran Tengah", "Tabel Lampiran", "Tabel Lampiran"])
    tag_row(table, widths, "endfor")
    grid_fractions(table, [0.1 * 15.25 / 16, 0.3 * 15.25 / 16, 0.6 * 15.25 / 16])
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(int(5000 * 15.25 / 16)))
    for style in ("Tabel Lampiran", "Tabel Lampiran Tengah", "Tabel Lampiran Judul"):
        doc.styles[style].font.size = Pt(10)

    after = para(doc, "Nomor baris merujuk pada nomor baris lembar kerja Excel yang Saudara sampaikan.",
                 "Isi Menjorok")
    after.paragraph_format.space_before = Pt(3)
    after.runs[0].italic = True
    after.runs[0].font.size = Pt(10)
    para(doc, "2.\tSehubungan dengan hal tersebut, dimohon Saudara menyampaikan kembali Daftar Informasi "
              "Publik {{ daftar.opd }} Tahun {{ daftar.tahun }} yang telah diperbaiki secara lengkap (seluruh "
              "daftar, tidak hanya baris yang diperbaiki) dalam bentuk berkas Excel (.xlsx) sesuai format "
              "Daftar Informasi Publik, untuk selanjutnya direkapitulasi dan diajukan kepada Atasan PPID guna "
              "ditetapkan dengan Keputusan.", "Isi Bernomor")
    return close_letter(doc, "3.\tDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.")


# --------------------------------------------------------------------------------------------
# the yearly (or half-yearly) service report
# --------------------------------------------------------------------------------------------

def _report_styles(doc) -> None:
    """Paragraph styles of the service report (added only to its template)."""
    L, R = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    _pstyle(doc, "Judul Laporan", size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    _pstyle(doc, "Periode Laporan", align=WD_ALIGN_PARAGRAPH.CENTER, after=14, keep_next=True)
    _pstyle(doc, "Bagian Laporan", bold=True, align=L, before=10, after=4, keep_next=True)
    _pstyle(doc, "Angka Laporan", align=L, after=1, left=Cm(0.8), first=Cm(-0.8),
            tabs=[(Cm(0.8), WD_TAB_ALIGNMENT.LEFT)])
    _pstyle(doc, "Tabel Laporan", size=10, align=L)
    _pstyle(doc, "Tabel Laporan Angka", size=10, align=R)
    _pstyle(doc, "Tabel Laporan Judul", size=10, bold=True, align=L)


def _page_number_footer(doc) -> None:
    """The report's footer: "Halaman X dari Y" at the right (a report has no document ID or QR code)."""
    footer = doc.sections[0].footer
    for child in list(footer._element):
        footer._element.remove(child)
    page = footer.add_paragraph(style=doc.styles["Kaki Dokumen"])
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Halaman ")
    field_runs(page, "PAGE")
    page.add_run(" dari ")
    field_runs(page, "NUMPAGES")


def report_table(doc, fractions: list[float], headers: list[str], loop: str, cells: list[str],
                 total: list | None = None, *, figures: int = 1, keep_with_next: bool = False):
    """A bordered full-width table of figures: the header (repeated on every page), one row per item of
    ``loop`` ("b in laporan.keputusan"), then the ``total`` row in bold when given. Its last ``figures``
    columns hold numbers (right-aligned); no row splits over two pages and the table stays on one page
    with what is above it (and with what follows when ``keep_with_next``)."""
    table, widths = grid_table(doc, fractions)
    styles = ["Tabel Laporan"] * (len(headers) - figures) + ["Tabel Laporan Angka"] * figures
    header = add_row(table, widths, headers, "Tabel Laporan Judul")
    header._tr.get_or_add_trPr().append(_el("w:tblHeader"))
    for cell in header.cells:
        _shade(cell, "D9D9D9")
    tag_row(table, widths, "for " + loop)
    add_row(table, widths, cells, styles)
    tag_row(table, widths, "endfor")
    if total:
        add_row(table, widths, [[(text, {"bold": True})] for text in total], styles)
    grid_fractions(table, fractions)
    rows = [row for row in table.rows if "{%tr" not in row.cells[0].text]
    last = rows[-1] if total and not keep_with_next else None
    for row in rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = row is not last
    return table


def laporan_layanan():
    """Laporan Layanan Informasi Publik (UU 14/2008 Pasal 7 ayat 3 huruf b; Perki 1/2021): the figures of a
    year or a semester counted from the cases (pipeline.views.report), the disputes before the Komisi Informasi,
    and the office's own texts (general description, obstacles, recommendations: config ``[report]``), with the
    letterhead, signed by the PPID. Marked "sementara" when made before its period ends. Rendered with the
    ``laporan`` context, not the letters' one (see README.md)."""
    doc = new_document("Laporan Layanan Informasi Publik")
    _report_styles(doc)
    _page_number_footer(doc)
    letterhead(doc, letter=False)
    tag(doc, "if laporan.sementara")
    banner = para(doc, [("{{ laporan.sementara }}", {"bold": True})], "Konsep")
    p_pr = banner._p.get_or_add_pPr()
    borders = _el("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_el(f"w:{side}", **{"w:val": "single", "w:sz": 12, "w:space": 4, "w:color": "000000"}))
    p_pr.append(borders)
    tag(doc, "endif")
    first = para(doc, "{{ laporan.judul }}", "Judul Laporan")
    first.paragraph_format.space_before = Pt(12)
    para(doc, "{{ instansi.nama|upper }}", "Judul Laporan")
    para(doc, "{{ laporan.periode_judul }}", "Judul Laporan")
    para(doc, "Periode {{ laporan.periode }}", "Periode Laporan")

    para(doc, "I. Gambaran Umum", "Bagian Laporan")
    tag(doc, "for t in laporan.gambaran_umum")
    para(doc, "{{ t }}", "Isi Surat")
    tag(doc, "endfor")
    para(doc, "Selama periode {{ laporan.periode }}, PPID {{ instansi.nama }} menerima {{ laporan.permohonan }} "
              "permohonan informasi publik, {{ laporan.dijawab }} di antaranya telah dijawab, "
              "{{ laporan.keberatan }} keberatan, dan {{ laporan.sengketa }} sengketa informasi diajukan ke Komisi "
              "Informasi. {{ laporan.rata_rata }}", "Isi Surat")

    para(doc, "II. Data Layanan Informasi Publik", "Bagian Laporan")
    tag(doc, "for a in laporan.angka")
    para(doc, ["{{ a.no }}.\t{{ a.uraian }}: ", ("{{ a.nilai }}", {"bold": True})], "Angka Laporan")
    tag(doc, "endfor")

    para(doc, "III. Keputusan atas Permohonan", "Bagian Laporan")
    report_table(doc, [0.59, 0.19, 0.22], ["Keputusan", "Jumlah", "Persentase"], "b in laporan.keputusan",
                 ["{{ b.uraian }}", "{{ b.jumlah }}", "{{ b.persen }}"],
                 ["Jumlah", "{{ laporan.permohonan }}", "{{ laporan.permohonan_persen }}"], figures=2)
    para(doc, "IV. Dasar Penolakan Permohonan", "Bagian Laporan")
    report_table(doc, [0.22, 0.62, 0.16], ["Dasar", "Uraian (Pasal 17 UU 14/2008)", "Jumlah"],
                 "d in laporan.dasar_penolakan", ["{{ d.dasar }}", "{{ d.uraian }}", "{{ d.jumlah }}"],
                 ["Jumlah", "", "{{ laporan.ditolak }}"])
    para(doc, "V. Keberatan", "Bagian Laporan")
    report_table(doc, [0.12, 0.72, 0.16], ["Alasan", "Uraian (Pasal 35 ayat (1) UU 14/2008)", "Jumlah"],
                 "k in laporan.alasan_keberatan", ["{{ k.huruf }}.", "{{ k.uraian }}", "{{ k.jumlah }}"])
    para(doc, "")
    report_table(doc, [0.84, 0.16], ["Putusan Atasan PPID", "Jumlah"], "p in laporan.putusan_keberatan",
                 ["{{ p.uraian }}", "{{ p.jumlah }}"], ["Jumlah keberatan", "{{ laporan.keberatan }}"])
    para(doc, "VI. Sengketa Informasi", "Bagian Laporan")
    report_table(doc, [0.84, 0.16], ["Penyelesaian sengketa di Komisi Informasi", "Jumlah"],
                 "s in laporan.putusan_sengketa", ["{{ s.uraian }}", "{{ s.jumlah }}"],
                 ["Jumlah sengketa", "{{ laporan.sengketa }}"])
    para(doc, "VII. Permohonan per Bulan", "Bagian Laporan")
    report_table(doc, [0.625, 0.375], ["Bulan", "Jumlah permohonan"], "m in laporan.per_bulan",
                 ["{{ m.bulan }}", "{{ m.jumlah }}"], ["Jumlah", "{{ laporan.permohonan }}"])
    para(doc, "VIII. Kendala dalam Pelaksanaan Layanan Informasi Publik", "Bagian Laporan")
    tag(doc, "for t in laporan.kendala")
    para(doc, "{{ t }}", "Isi Surat")
    tag(doc, "endfor")
    para(doc, "IX. Rekomendasi dan Rencana Tindak Lanjut", "Bagian Laporan")
    tag(doc, "for t in laporan.rekomendasi")
    para(doc, "{{ t }}", "Isi Surat", keep_next=True)
    tag(doc, "endfor")

    # the closing sentence and the signature stay on one page
    closing = para(doc, "Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.", "Isi Surat",
                   keep_next=True)
    closing.paragraph_format.space_before = Pt(12)
    para(doc, "{{ laporan.tempat_tanggal }}", "Tanda Tangan").paragraph_format.space_before = Pt(18)
    signature_block(doc, "penandatangan")
    return doc


TEMPLATES = {
    "tanda_terima_permohonan.docx": tanda_terima_permohonan,
    "surat_ppid_pelaksana.docx": surat_ppid_pelaksana,
    "pemberitahuan_kurang_lengkap.docx": pemberitahuan_kurang_lengkap,
    "pemberitahuan_tertulis.docx": pemberitahuan_tertulis,
    "sk_penolakan.docx": sk_penolakan,
    "surat_perpanjangan.docx": surat_perpanjangan,
    "tanda_terima_keberatan.docx": tanda_terima_keberatan,
    "nota_atasan_keberatan.docx": nota_atasan_keberatan,
    "tanggapan_keberatan.docx": tanggapan_keberatan,
    "sk_dip.docx": sk_dip,
    "sk_dik.docx": sk_dik,
    "koreksi_dip.docx": koreksi_dip,
    "laporan_layanan.docx": laporan_layanan,
    "tanda_terima_penyerahan.docx": tanda_terima_penyerahan,
    "surat_keberatan_pelaksana.docx": surat_keberatan_pelaksana,
    "nota_tanggapan.docx": nota_tanggapan,
    "nota_dip.docx": nota_dip,
    "pengantar_dip.docx": pengantar_dip,
}


def _same_content(path: Path, data: bytes) -> bool:
    """True when ``path`` holds the same parts as ``data`` (only the zip timestamps may differ)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(path) as old, zipfile.ZipFile(io.BytesIO(data)) as new:
            return old.namelist() == new.namelist() and all(old.read(n) == new.read(n) for n in old.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def build(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Write every template; a template whose content did not change is left as it is (byte for byte),
    so re-running the script touches only the templates it changed."""
    import io

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in TEMPLATES.items():
        path = out_dir / name
        buffer = io.BytesIO()
        make().save(buffer)
        if not _same_content(path, buffer.getvalue()):
            path.write_bytes(buffer.getvalue())
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
