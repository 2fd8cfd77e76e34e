"""The blank forms on the configured paper, their signature blocks kept on one page, and only law in force in their
instructions (issue 15)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from pipeline.core.vocab import PAPERS
from pipeline.render.blankforms import DIK_XLSX_NAME, write_blank_forms

from .conftest import ppid


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_every_blank_form_is_on_the_configured_paper(tmp_path, paper):
    written = write_blank_forms(tmp_path, paper)
    for path in (p for p in written if p.suffix == ".docx"):
        section = Document(path).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == PAPERS[paper].millimetres, path.name
    for path in (p for p in written if p.name.startswith("daftar-")):
        assert int(load_workbook(path).active.page_setup.paperSize) == PAPERS[paper].xlsx_code, path.name


def test_signature_blocks_never_break_over_two_pages(tmp_path):
    for path in (p for p in write_blank_forms(tmp_path) if p.suffix == ".docx"):
        document = Document(path)
        signatures = document.tables[-1]
        assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
                   for row in signatures.rows), path.name
        place_date = next(p for p in document.paragraphs if p.text.startswith("......"))
        assert place_date.paragraph_format.keep_with_next, path.name


def test_instructions_suggest_no_law_that_is_no_longer_in_force(tmp_path):
    dik = next(p for p in write_blank_forms(tmp_path) if p.name == DIK_XLSX_NAME)
    text = " ".join(str(c.value) for sheet in load_workbook(dik).worksheets for row in sheet.iter_rows() for c in row
                    if c.value)
    assert "36/2009" not in text and "28/2009" not in text


def test_decide_help_suggests_no_law_that_is_no_longer_in_force(workspace):
    text = ppid(workspace, "decide", "--help").stdout
    assert "36/2009" not in text and "28/2009" not in text and "--dasar-lain" in text
