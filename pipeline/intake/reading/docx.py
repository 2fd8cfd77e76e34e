"""The Word document model: paragraphs with per-character strike flags, table rows and breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from pipeline.intake.reading.text import Para


# Symbol fonts: Word's "Insert symbol" stores a private-use code point plus the font name.
_SYMBOL_FONT_GLYPHS = {
    "wingdings": {0xFE: "☑", 0xFD: "☒", 0xFC: "✓", 0xFB: "✗", 0xA8: "☐", 0x6F: "☐", 0x78: "☒"},
    "wingdings 2": {0x52: "☑", 0x53: "☒", 0x54: "☒", 0x50: "✓", 0x4F: "✗", 0xA3: "☐", 0x2A: "☐"},
    "symbol": {0xD6: "√"},
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


class _ParagraphBuilder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.struck: list[bool] = []
        self.images: list[str] = []
        self.text_boxes: list[etree._Element] = []

    def add(self, text: str, struck: bool) -> None:
        self.chars.append(text)
        self.struck.extend([struck] * len(text))

    def build(self) -> Para:
        return Para("".join(self.chars), tuple(self.struck), tuple(self.images))


@dataclass
class Row:
    cells: list[list[Para]]


class Break:
    """Marks the start or end of a table or text box: a value never continues across it."""


_BREAK = Break()
Block = Para | Row | Break


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


class StrikeStyles:
    """Which paragraph and character styles strike their text (people define "Coret" styles)."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self._own: dict[str, bool | None] = {}
        self._based_on: dict[str, str] = {}
        if styles_root is None:
            return
        for style in styles_root.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            self._own[style_id] = _strike_of_rpr(style.find(_w("rPr")))
            based = style.find(_w("basedOn"))
            if based is not None:
                self._based_on[style_id] = based.get(_w("val"), "")

    def strikes(self, style_id: str | None) -> bool | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            own = self._own.get(style_id)
            if own is not None:
                return own
            style_id = self._based_on.get(style_id)
        return None


class DocxReader:
    """Walks document.xml in order and yields paragraphs, table rows and breaks."""

    def __init__(self, styles: StrikeStyles) -> None:
        self.styles = styles

    # ---- blocks ---------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[Block]:
        for child in container:
            if child.tag == W_P:
                yield from self._paragraph_blocks(child)
            elif child.tag == W_TBL:
                yield from self._table_blocks(child)
            elif child.tag == W_SDT:
                if not self._shows_placeholder(child):
                    yield from self.blocks(_sdt_content(child))
            elif child.tag in _WRAPPERS:
                yield from self.blocks(child)
            elif child.tag == MC_ALTERNATE:
                yield from self.blocks(_alternate_choice(child))

    def _paragraph_blocks(self, p: etree._Element) -> Iterator[Block]:
        para, boxes = self.paragraph(p)
        yield para
        for box in boxes:
            yield _BREAK
            yield from self.blocks(box)
            yield _BREAK

    def _table_blocks(self, table: etree._Element) -> Iterator[Block]:
        rows = [list(_children(tr, W_TC)) for tr in _children(table, W_TR)]
        if rows and all(len(cells) == 1 for cells in rows):
            # A one-column table is a frame around ordinary content (a bordered form): read it like the body.
            for cells in rows:
                yield from self.blocks(cells[0])
            return
        yield _BREAK
        for cells in rows:
            yield Row([self.cell_paragraphs(tc) for tc in cells])
        yield _BREAK

    def cell_paragraphs(self, tc: etree._Element) -> list[Para]:
        """Paragraphs of a cell; a nested table contributes one joined line per row."""
        paragraphs: list[Para] = []
        for block in self.blocks(tc):
            if isinstance(block, Para):
                paragraphs.append(block)
            elif isinstance(block, Row):
                paragraphs.append(Para.join(Para.join(cell, " ") for cell in block.cells))
        return paragraphs

    # ---- paragraphs -----------------------------------------------------------------------------

    def paragraph(self, p: etree._Element) -> tuple[Para, list[etree._Element]]:
        builder = _ParagraphBuilder()
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        paragraph_strike = self.styles.strikes(style.get(_w("val")) if style is not None else None)
        self._inline(p, builder, bool(paragraph_strike))
        return builder.build(), builder.text_boxes

    def _inline(self, element: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _INVISIBLE_INLINE:
                continue
            if tag == W_R:
                self._run(child, builder, paragraph_strike)
            elif tag == W_SDT:
                self._inline_sdt(child, builder, paragraph_strike)
            elif tag == MC_ALTERNATE:
                self._inline(_alternate_choice(child), builder, paragraph_strike)
            else:  # hyperlinks, insertions, smart tags, simple fields: their runs are visible text
                self._inline(child, builder, paragraph_strike)

    def _inline_sdt(self, sdt: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        checked = _sdt_checkbox_state(sdt)
        if checked is not None:
            builder.add("☑" if checked else "☐", False)
        elif not self._shows_placeholder(sdt):
            self._inline(_sdt_content(sdt), builder, paragraph_strike)

    @staticmethod
    def _shows_placeholder(sdt: etree._Element) -> bool:
        """A content control still showing its prompt ("Klik di sini...") holds no answer."""
        return sdt.find(f"{W_SDT_PR}/{_w('showingPlcHdr')}") is not None

    def _run(self, run: etree._Element, builder: _ParagraphBuilder, paragraph_strike: bool) -> None:
        rpr = run.find(_w("rPr"))
        struck = self._run_strike(rpr, paragraph_strike)
        font = _run_symbol_font(rpr)
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                if font:
                    text = "".join(_symbol_glyph(font, ord(ch)) for ch in text)
                builder.add(text, struck)
            elif tag in (_w("tab"), _w("ptab")):
                builder.add("\t", False)
            elif tag in (_w("br"), _w("cr")):
                builder.add("\n", False)
            elif tag == _w("noBreakHyphen"):
                builder.add("-", struck)
            elif tag == _w("sym"):
                builder.add(_symbol_glyph(child.get(_w("font")), _hex_code(child.get(_w("char")))), struck)
            elif tag == _w("fldChar"):
                checked = _legacy_checkbox_state(child)
                if checked is not None:
                    builder.add("☑" if checked else "☐", False)
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
            builder.text_boxes.append(child)
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
