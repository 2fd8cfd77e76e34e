"""The Word document model: paragraphs with per-character strike flags, table rows and breaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from pipeline.intake.reading.text import BOLD, BOX_CHARS, COLOUR, HIGHLIGHT, TICK_CHARS, UNDERLINE, Para, normalise_text

# Symbol fonts: Word's "Insert symbol" stores a private-use code point plus the font name.
_SYMBOL_FONT_GLYPHS = {
    "wingdings": {0xFE: "☑", 0xFD: "☒", 0xFC: "✓", 0xFB: "✗", 0xA8: "☐", 0x6F: "☐", 0x78: "☒"},
    "wingdings 2": {0x52: "☑", 0x53: "☒", 0x54: "☒", 0x50: "✓", 0x4F: "✗", 0xA3: "☐", 0x2A: "☐"},
    "symbol": {0xD6: "√"},
    "webdings": {0x61: "✓", 0x72: "✗"},
}


def _symbol_glyph(font: str | None, code: int) -> str:
    glyphs = _SYMBOL_FONT_GLYPHS.get((font or "").strip().lower())
    if glyphs is None:
        return chr(code) if code < 0xE000 or code > 0xF8FF else ""
    return glyphs.get(code & 0xFF, "")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC, W_SDT = (_w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt"))
W_SDT_CONTENT, W_SDT_PR, W_BODY, W_TXBX = (_w(t) for t in ("sdtContent", "sdtPr", "body", "txbxContent"))
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
_FALSE_VALUES = {"0", "false", "off", "none"}
# Inline elements whose text is not visible: deletions (tracked changes), field codes, paragraph marks.
_INVISIBLE_INLINE = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr"), _w("instrText"), _w("delText"), MC_FALLBACK}
# Elements that only wrap rows, cells or blocks.
_WRAPPERS = {W_SDT, W_SDT_CONTENT, _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")}


# A shape (circle, box) drawn by hand in a paragraph: a weak mark around the option of its line. A private-use
# character stands for it in the text; the choice reader takes it out before anything else sees the text.
SHAPE_MARK = "\ue0c0"
# A list bullet that is a tick: a mark, but a weak one (some templates tick every item of a list).
BULLET_TICK = "\ue0c1"
_SHAPE_GEOMETRIES = {"ellipse", "rect", "roundRect", "flowChartConnector", "flowChartAlternateProcess", "frame"}
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


class _ParagraphBuilder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.struck: list[bool] = []
        self.emphasis: list[int] = []
        self.images: list[str] = []
        self.text_boxes: list[etree._Element] = []
        self.controls: list[str] = []

    def add(self, text: str, struck: bool, emphasis: int = 0) -> None:
        text = normalise_text(text)
        self.chars.append(text)
        self.struck.extend([struck] * len(text))
        self.emphasis.extend([emphasis] * len(text))

    def build(self, where: str) -> Para:
        emphasis = tuple(self.emphasis) if any(self.emphasis) else ()
        if self.controls:
            where = f"{where}, kontrol isian '{self.controls[0]}'"
        return Para("".join(self.chars), tuple(self.struck), tuple(self.images), emphasis, where)


@dataclass
class Row:
    cells: list[list[Para]]
    spans: list[int] | None = None  # grid columns each cell spans (w:gridSpan); None: one each


class Break:
    """Marks the start or end of a table or text box: a value never continues across it."""


@dataclass
class TextBox:
    """A text box and the paragraph it is anchored to (where Word keeps it, usually the line it sits on)."""

    blocks: list  # the box's own blocks
    anchor: Para
    where: str


_BREAK = Break()
Block = Para | Row | Break | TextBox


def _on_off(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    value = element.get(_w("val"))
    return value is None or value.lower() not in _FALSE_VALUES


def _strike_of_rpr(rpr: etree._Element | None) -> bool | None:
    """True/False when run properties set strike or double strike, None when they say nothing."""
    if rpr is None:
        return None
    flags = [_on_off(rpr.find(_w("strike"))), _on_off(rpr.find(_w("dstrike")))]
    present = [flag for flag in flags if flag is not None]
    return any(present) if present else None


_NO_COLOUR = {"", "auto", "000000", "none", "ffffff"}


def _emphasis_of_rpr(rpr: etree._Element | None) -> int | None:
    """Bold, underline, highlight/shading and colour set by run properties, or None when they say nothing."""
    if rpr is None:
        return None
    said, bits = False, 0
    bold = _on_off(rpr.find(_w("b")))
    if bold is not None:
        said, bits = True, bits | (BOLD if bold else 0)
    underline = rpr.find(_w("u"))
    if underline is not None:
        said = True
        bits |= UNDERLINE if (underline.get(_w("val")) or "single").lower() != "none" else 0
    highlight = rpr.find(_w("highlight"))
    if highlight is not None and (highlight.get(_w("val")) or "").lower() not in _NO_COLOUR:
        said, bits = True, bits | HIGHLIGHT
    shading = rpr.find(_w("shd"))
    if shading is not None and (shading.get(_w("fill")) or "").lower() not in _NO_COLOUR:
        said, bits = True, bits | HIGHLIGHT
    colour = rpr.find(_w("color"))
    if colour is not None and (colour.get(_w("val")) or "").lower() not in _NO_COLOUR:
        said, bits = True, bits | COLOUR
    return bits if said else None


class RunStyles:
    """What paragraph and character styles do to their text: strike (people define "Coret" styles) and
    emphasis (a "Pilihan" style in bold)."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self._strike: dict[str, bool | None] = {}
        self._emphasis: dict[str, int | None] = {}
        self._based_on: dict[str, str] = {}
        if styles_root is None:
            return
        for style in styles_root.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            self._strike[style_id] = _strike_of_rpr(style.find(_w("rPr")))
            self._emphasis[style_id] = _emphasis_of_rpr(style.find(_w("rPr")))
            based = style.find(_w("basedOn"))
            if based is not None:
                self._based_on[style_id] = based.get(_w("val"), "")

    def _inherited(self, table: dict, style_id: str | None):
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            own = table.get(style_id)
            if own is not None:
                return own
            style_id = self._based_on.get(style_id)
        return None

    def strikes(self, style_id: str | None) -> bool | None:
        return self._inherited(self._strike, style_id)

    def emphasis(self, style_id: str | None) -> int | None:
        return self._inherited(self._emphasis, style_id)



class Bullets:
    """List bullets that are ticks or boxes (a chosen option marked only by its bullet glyph)."""

    def __init__(self, numbering_root: etree._Element | None) -> None:
        self._glyphs: dict[tuple[str, str], str] = {}
        if numbering_root is None:
            return
        abstract: dict[str, dict[str, str]] = {}
        for definition in numbering_root.iter(_w("abstractNum")):
            levels = {}
            for level in definition.iter(_w("lvl")):
                text = level.find(_w("lvlText"))
                glyph = text.get(_w("val"), "") if text is not None else ""
                font = _run_symbol_font(level.find(_w("rPr")))
                if font:
                    glyph = "".join(_symbol_glyph(font, ord(ch)) for ch in glyph)
                levels[level.get(_w("ilvl"), "0")] = glyph
            abstract[definition.get(_w("abstractNumId"), "")] = levels
        for num in numbering_root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            levels = abstract.get(ref.get(_w("val"), "") if ref is not None else "", {})
            for level, glyph in levels.items():
                self._glyphs[(num.get(_w("numId"), ""), level)] = glyph

    def mark_of(self, p: etree._Element) -> str:
        """ "☑ " or "☐ " for a paragraph whose bullet is a tick or a box, else ""."""
        num = p.find(f"{_w('pPr')}/{_w('numPr')}")
        if num is None:
            return ""
        num_id, level = num.find(_w("numId")), num.find(_w("ilvl"))
        key = (num_id.get(_w("val"), "") if num_id is not None else "", level.get(_w("val"), "0") if level is not None else "0")
        glyph = self._glyphs.get(key, "").strip()
        if glyph and glyph in TICK_CHARS:
            return BULLET_TICK + " "
        if glyph and glyph in BOX_CHARS:
            return "☐ "
        return ""


class DocxReader:
    """Walks document.xml in order and yields paragraphs, table rows, text boxes and breaks, each paragraph
    knowing where it was read (for the officer)."""

    def __init__(self, styles: RunStyles, bullets: Bullets | None = None) -> None:
        self.styles = styles
        self.bullets = bullets or Bullets(None)
        self.paragraphs = 0
        self.tables = 0
        self.boxes = 0
        self.area = ""  # "kepala halaman, " for headers
        self._cell: str | None = None  # "tabel 1, baris 3, kolom 2" while inside a cell
        self._box: str | None = None
        self._controls: list[str] = []

    # ---- blocks ---------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[Block]:
        for child in container:
            if child.tag == W_P:
                yield from self._paragraph_blocks(child)
            elif child.tag == W_TBL:
                yield from self._table_blocks(child)
            elif child.tag == W_SDT:
                if not self._shows_placeholder(child):
                    self._controls.append(_sdt_name(child))
                    yield from self.blocks(_sdt_content(child))
                    self._controls.pop()
            elif child.tag in _WRAPPERS:
                yield from self.blocks(child)
            elif child.tag == MC_ALTERNATE:
                yield from self.blocks(_alternate_choice(child))

    def _where(self) -> str:
        if self._box:
            return self._box
        if self._cell:
            return self.area + self._cell
        return f"{self.area}paragraf {self.paragraphs}"

    def _paragraph_blocks(self, p: etree._Element) -> Iterator[Block]:
        if not self._cell and not self._box:
            self.paragraphs += 1
        para, boxes = self.paragraph(p)
        yield para
        for box in boxes:
            self.boxes += 1
            where = f"kotak teks {self.boxes}"
            saved, self._box = self._box, where
            inner = list(self.blocks(box))
            self._box = saved
            yield TextBox(inner, para, where)

    def _table_blocks(self, table: etree._Element) -> Iterator[Block]:
        # a row deleted with tracked changes on is not in the accepted text
        rows = [list(_children(tr, W_TC)) for tr in _children(table, W_TR) if tr.find(f"{_w('trPr')}/{_w('del')}") is None]
        if rows and all(len(cells) == 1 for cells in rows):
            # A one-column table is a frame around ordinary content (a bordered form): read it like the body.
            for cells in rows:
                yield from self.blocks(cells[0])
            return
        nested = self._cell is not None
        if not nested:
            self.tables += 1
        yield _BREAK
        for row_no, cells in enumerate(rows, 1):
            row = []
            for col_no, tc in enumerate(cells, 1):
                saved = self._cell
                if not nested:
                    self._cell = f"tabel {self.tables}, baris {row_no}, kolom {col_no}"
                row.append(self.cell_paragraphs(tc))
                self._cell = saved
            yield Row(row, [_grid_span(tc) for tc in cells])
        yield _BREAK

    def cell_paragraphs(self, tc: etree._Element) -> list[Para]:
        """Paragraphs of a cell; a nested table contributes one joined line per row; a text box in a cell
        is read as more lines of the cell."""
        paragraphs: list[Para] = []
        for block in self.blocks(tc):
            if isinstance(block, Para):
                paragraphs.append(block)
            elif isinstance(block, Row):
                paragraphs.append(Para.join(Para.join(cell, " ") for cell in block.cells))
            elif isinstance(block, TextBox):
                paragraphs.extend(b for b in block.blocks if isinstance(b, Para))
        return paragraphs

    # ---- paragraphs -----------------------------------------------------------------------------

    def paragraph(self, p: etree._Element) -> tuple[Para, list[etree._Element]]:
        builder = _ParagraphBuilder()
        builder.controls.extend(name for name in self._controls if name)
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        style_id = style.get(_w("val")) if style is not None else None
        paragraph_strike = bool(self.styles.strikes(style_id))
        paragraph_emphasis = self.styles.emphasis(style_id) or 0
        bullet = self.bullets.mark_of(p)
        if bullet:
            builder.add(bullet, False)
        self._inline(p, builder, paragraph_strike, paragraph_emphasis)
        return builder.build(self._where()), builder.text_boxes

    def _inline(self, element: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool,
                paragraph_emphasis: int = 0) -> None:
        for child in element:
            tag = child.tag
            if tag in _INVISIBLE_INLINE:
                continue
            if tag == W_R:
                self._run(child, builder, paragraph_strike, paragraph_emphasis)
            elif tag == W_SDT:
                self._inline_sdt(child, builder, paragraph_strike, paragraph_emphasis)
            elif tag == MC_ALTERNATE:
                self._inline(_alternate_choice(child), builder, paragraph_strike, paragraph_emphasis)
            else:  # hyperlinks, insertions, smart tags, simple fields: their runs are visible text
                self._inline(child, builder, paragraph_strike, paragraph_emphasis)

    def _inline_sdt(self, sdt: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool,
                    paragraph_emphasis: int) -> None:
        checked = _sdt_checkbox_state(sdt)
        if checked is not None:
            builder.add("☑" if checked else "☐", False)
        elif not self._shows_placeholder(sdt):
            name = _sdt_name(sdt)
            if name and not builder.controls:
                builder.controls.append(name)
            self._inline(_sdt_content(sdt), builder, paragraph_strike, paragraph_emphasis)

    @staticmethod
    def _shows_placeholder(sdt: etree._Element) -> bool:
        """A content control still showing its prompt ("Klik di sini...") holds no answer."""
        return sdt.find(f"{W_SDT_PR}/{_w('showingPlcHdr')}") is not None

    def _run(self, run: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool,
             paragraph_emphasis: int = 0) -> None:
        rpr = run.find(_w("rPr"))
        struck = self._run_strike(rpr, paragraph_strike)
        emphasis = self._run_emphasis(rpr, paragraph_emphasis)
        font = _run_symbol_font(rpr)
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                if font:
                    text = "".join(_symbol_glyph(font, ord(ch)) for ch in text)
                builder.add(text, struck, emphasis)
            elif tag in (_w("tab"), _w("ptab")):
                builder.add("\t", False)
            elif tag in (_w("br"), _w("cr")):
                builder.add("\n", False)
            elif tag == _w("noBreakHyphen"):
                builder.add("-", struck, emphasis)
            elif tag == _w("sym"):
                builder.add(_symbol_glyph(child.get(_w("font")), _hex_code(child.get(_w("char")))), struck)
            elif tag == _w("fldChar"):
                checked = _legacy_checkbox_state(child)
                if checked is not None:
                    builder.add("☑" if checked else "☐", False)
                builder.add(_legacy_dropdown_text(child), struck, emphasis)
            elif tag in (_w("drawing"), _w("pict"), _w("object"), MC_ALTERNATE):
                _collect_graphics(child, builder)

    def _run_strike(self, rpr: etree._Element | None, paragraph_strike: bool) -> bool:
        direct = _strike_of_rpr(rpr)
        if direct is not None:
            return direct
        if rpr is not None:
            run_style = rpr.find(_w("rStyle"))
            if run_style is not None:
                styled = self.styles.strikes(run_style.get(_w("val")))
                if styled is not None:
                    return styled
        return paragraph_strike

    def _run_emphasis(self, rpr: etree._Element | None, paragraph_emphasis: int) -> int:
        direct = _emphasis_of_rpr(rpr)
        styled = None
        if rpr is not None:
            run_style = rpr.find(_w("rStyle"))
            if run_style is not None:
                styled = self.styles.emphasis(run_style.get(_w("val")))
        if direct is not None:
            return direct | (styled or 0)
        return styled if styled is not None else paragraph_emphasis


def _grid_span(tc: etree._Element) -> int:
    span = tc.find(f"{_w('tcPr')}/{_w('gridSpan')}")
    try:
        return max(int(span.get(_w("val"), "1")), 1) if span is not None else 1
    except ValueError:
        return 1


def _sdt_name(sdt: etree._Element) -> str:
    """The alias (title) or tag of a content control, as Word shows it to whoever fills the form."""
    for name in ("alias", "tag"):
        element = sdt.find(f"{W_SDT_PR}/{_w(name)}")
        if element is not None and element.get(_w("val")):
            return normalise_text(element.get(_w("val"))).strip()[:60]
    return ""


def _legacy_dropdown_text(fld_char: etree._Element) -> str:
    """A legacy drop-down form field (FORMDROPDOWN) shows its selected entry (w:result, else w:default)."""
    if fld_char.get(_w("fldCharType")) != "begin":
        return ""
    dropdown = fld_char.find(f"{_w('ffData')}/{_w('ddList')}")
    if dropdown is None:
        return ""
    entries = [entry.get(_w("val"), "") for entry in dropdown.findall(_w("listEntry"))]
    chosen = dropdown.find(_w("result"))
    if chosen is None:
        chosen = dropdown.find(_w("default"))
    try:
        index = int(chosen.get(_w("val"), "0")) if chosen is not None else 0
    except ValueError:
        return ""
    return entries[index] if 0 <= index < len(entries) else ""


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with the tag, looking through content-control and custom-XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _sdt_content(sdt: etree._Element) -> etree._Element:
    content = sdt.find(W_SDT_CONTENT)
    return content if content is not None else etree.Element("empty")


def _alternate_choice(alternate: etree._Element) -> etree._Element:
    """Word writes a modern mc:Choice and an older mc:Fallback copy of the same content: read one."""
    choice = alternate.find(MC_CHOICE)
    if choice is None:
        choice = alternate.find(MC_FALLBACK)
    return choice if choice is not None else etree.Element("empty")


def _sdt_checkbox_state(sdt: etree._Element) -> bool | None:
    checkbox = sdt.find(f"{W_SDT_PR}/{{{W14}}}checkbox")
    if checkbox is None:
        return None
    checked = checkbox.find(f"{{{W14}}}checked")
    value = checked.get(f"{{{W14}}}val", "1") if checked is not None else "0"
    return value.lower() in ("1", "true", "on")


def _legacy_checkbox_state(fld_char: etree._Element) -> bool | None:
    """Pre-2010 form field check box (FORMCHECKBOX): w:checked overrides w:default."""
    if fld_char.get(_w("fldCharType")) != "begin":
        return None
    checkbox = fld_char.find(f"{_w('ffData')}/{_w('checkBox')}")
    if checkbox is None:
        return None
    checked = _on_off(checkbox.find(_w("checked")))
    if checked is not None:
        return checked
    return bool(_on_off(checkbox.find(_w("default"))))


def _hex_code(value: str | None) -> int:
    try:
        return int(value or "0", 16)
    except ValueError:
        return 0


def _run_symbol_font(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return None
    for attribute in ("ascii", "hAnsi", "cs"):
        name = (fonts.get(_w(attribute)) or "").strip().lower()
        if name in _SYMBOL_FONT_GLYPHS:
            return name
    return None


def _collect_graphics(element: etree._Element, builder: _ParagraphBuilder) -> None:
    """Pictures and text boxes inside a run, skipping the mc:Fallback duplicate of each."""
    for child in element:
        if child.tag == MC_FALLBACK:
            continue
        if child.tag == W_TXBX:
            if _has_text(child):
                builder.text_boxes.append(child)
            continue
        if _is_empty_shape(child):
            builder.add(SHAPE_MARK, False)
            continue
        if child.tag == f"{{{A}}}blip":
            embed = child.get(f"{{{R}}}embed")
            if embed:
                builder.images.append(embed)
        elif child.tag == f"{{{V}}}imagedata":
            rel_id = child.get(f"{{{R}}}id")
            if rel_id:
                builder.images.append(rel_id)
        _collect_graphics(child, builder)


def _has_text(box: etree._Element) -> bool:
    return any((node.text or "").strip() for node in box.iter(W_T))


def _is_empty_shape(element: etree._Element) -> bool:
    """A drawn circle or box with no text in it (DrawingML wps:wsp, or VML v:oval / v:rect / v:roundrect)."""
    if element.tag == f"{{{WPS}}}wsp":
        geometry = element.find(f".//{{{A}}}prstGeom")
        has_box = element.find(f"{{{WPS}}}txbx") is not None
        return geometry is not None and geometry.get("prst") in _SHAPE_GEOMETRIES and not has_box
    if element.tag in (f"{{{V}}}oval", f"{{{V}}}roundrect", f"{{{V}}}rect"):
        return element.find(f".//{{{V}}}textbox") is None and element.find(f".//{{{V}}}imagedata") is None
    return False
