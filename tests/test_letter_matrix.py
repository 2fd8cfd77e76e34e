"""Every template in every signer setting, as an Atasan PPID would read it (issue 15).

The delegation matrix: each signer (PPID, Atasan PPID, desk officer) signing plainly, a.n., u.b., Plt. and Plh.,
under two issuer configurations — the shipped one (F4; the Sekretaris Daerah's documents on the Sekretariat
Daerah's letterhead, numbered by its registry) and a second one (A4, another letterhead with an emblem, the
Sekretariat Daerah's series kept by the pipeline). Each letter is rendered by the pipeline, converted by the real
LibreOffice, turned into a PNG, and its text is compared with what that combination must say: the signature
block's lines (the prefix on the office's line, one line for Plt./Plh.), a decree's issuer whatever the delegation,
the nota dinas' Kepada and Dari, the issuer's letterhead, the number or the space left for it, the paper.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from pipeline.core import config as config_module
from pipeline.core.config import IssuerSettings, LibreOfficeSettings, load_config
from pipeline.render import letters
from pipeline.render.conversion import ConverterPool, PdfMetadata
from tests.letter_samples import render_letter, with_delegation

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates_docx"
DELEGATIONS = ["", "a.n.", "u.b.", "Plt.", "Plh."]
DECREES = {"sk_penolakan", "usulan_penolakan", "sk_dip", "konsep_sk_dip", "sk_dik"}
# A letter whose addressee is another signer's office: rendered with that signer's delegations too.
ADDRESSED_TO = {"nota_atasan_keberatan": "ppid", "nota_dip": "atasan_ppid", "nota_tanggapan": "atasan_ppid"}


def placeholder_emblem(path: Path) -> Path:
    """A neutral grey shield, standing in for an emblem the office is entitled to print."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (200, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon([(100, 10), (190, 50), (170, 190), (100, 230), (30, 190), (10, 50)], fill=(120, 120, 120, 255))
    image.save(path)
    return path


@pytest.fixture(scope="session")
def configs(tmp_path_factory) -> dict:
    """The shipped configuration and a second one (A4, another letterhead with an emblem, a Setda series)."""
    shipped = load_config(ROOT / "config.toml")
    folder = tmp_path_factory.mktemp("issuers")
    emblem = placeholder_emblem(folder / "lambang.png")
    second = dataclasses.replace(
        shipped,
        paper=dataclasses.replace(shipped.paper, size="A4"),
        agency=dataclasses.replace(shipped.agency, logo=emblem, public_body="Pemerintah Kabupaten Contoh",
                                   letterhead=["PEMERINTAH KABUPATEN CONTOH", "DINAS KOMUNIKASI DAN INFORMATIKA",
                                               "Jalan Contoh Nomor 1, Kota Contoh 80111"]),
        issuers={"setda": IssuerSettings(government="PEMERINTAH KABUPATEN CONTOH", name="SEKRETARIAT DAERAH",
                                         short_name="Setda", address="Jalan Contoh Nomor 2", city="Kota Contoh",
                                         logo=emblem, letters="000.9.2/{seq}/Setda",
                                         decrees="188.4/{seq}/KEP/Setda/{tahun}")},
        numbering=dataclasses.replace(shipped.numbering, letter="000.9.2/{seq}/Diskominfo",
                                      decree="188.4/{seq}/KEP/PPID/{tahun}"),
    )
    config_module._check_semantics(second)
    return {"bawaan": shipped, "kedua": second}


@pytest.fixture(scope="session")
def pool(tmp_path_factory):
    base = int(os.environ.get("PPID_TEST_PORT_BASE", "2400")) + 500
    settings = LibreOfficeSettings(workers=2, timeout_seconds=60, profile_dir=tmp_path_factory.mktemp("lo"),
                                   base_port=base)
    with ConverterPool(settings) as running:
        yield running


def combinations() -> list:
    cases = []
    for name in ("bawaan", "kedua"):
        for spec in letters.ALL_LETTERS:
            roles = [letters.block_signer(_SHAPE, spec)] + ([ADDRESSED_TO[spec.key]] if spec.key in ADDRESSED_TO else [])
            for role in roles:
                for delegation in DELEGATIONS:
                    cases.append(pytest.param(name, spec.key, role, delegation,
                                              id=f"{name}-{spec.key}-{role}-{delegation or 'langsung'}"))
    return cases


@dataclasses.dataclass(frozen=True)
class _Decrees:
    dip_signer: str = "atasan_ppid"
    dik_signer: str = "atasan_ppid"
    dik_approver: str = ""


@dataclasses.dataclass(frozen=True)
class _Shape:
    """Enough of a configuration for letters.block_signer: who signs the decrees (as shipped)."""

    decrees: _Decrees = _Decrees()


_SHAPE = _Shape()


def paragraphs(document) -> list[str]:
    out = []

    def walk(element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
            elif child.tag in (qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), qn("w:sdtContent")):
                walk(child)

    walk(document.element.body)
    return out


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("config_name", "key", "role", "delegation"), combinations())
def test_letter_in_signer_setting(configs, pool, tmp_path, config_name, key, role, delegation):
    base = configs[config_name]
    signer = with_delegation(getattr(base.signers, role), delegation)
    config = dataclasses.replace(base, signers=dataclasses.replace(base.signers, **{role: signer}))
    config_module._check_semantics(config)          # the loader accepts this combination
    spec = letters.SPECS[key]
    data, context = render_letter(config, spec, TEMPLATES)
    docx = tmp_path / f"{key}.docx"
    docx.write_bytes(data)
    pdf, printable = tmp_path / f"{key}.pdf", tmp_path / f"{key}.cetak.pdf"
    pool.convert(docx, pdfa=pdf, printable=printable, metadata=PdfMetadata(title=key))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / key)], check=True)
    assert list(tmp_path.glob(f"{key}-*.png")), "the first page as PNG"

    lines = paragraphs(Document(docx))
    reader = PdfReader(pdf)
    pdf_text = "\n".join(page.extract_text() or "" for page in reader.pages)
    signs = getattr(config.signers, letters.block_signer(config, spec))
    decree = key in DECREES

    # the signature block: the lines of its delegation, each prefix on its office's line
    expected = signs.signature_lines(upper=key in ("sk_dip", "konsep_sk_dip", "sk_dik"))
    start = next((i for i in range(len(lines)) if lines[i:i + len(expected)] == expected), None)
    assert start is not None, f"signature lines {expected} not found in {lines[-20:]}"
    assert not {"Plt.", "Plh.", "a.n."} & {line.strip() for line in lines}, "a prefix alone on a line"
    for line in expected:
        assert flat(line) in flat(pdf_text), line
    assert signs.name in pdf_text and "DOK-2026-000123" in pdf_text

    # the letterhead is the issuer's
    issuer = config.issuer(signs.issuer)
    top = issuer.letterhead[:2] if issuer.letterhead else [issuer.government, issuer.name]
    assert [line for line in lines if line][:2] == top      # (an emblem's cell comes first, without text)
    assert [flat(line) for line in pdf_text.split("\n")[:2]] == top
    images = Document(docx).element.body.findall(".//" + qn("w:drawing"))
    assert bool(images) == bool(issuer.logo), "the emblem is printed exactly when configured"

    # the number: the series' number, a space left for the issuer's registry, or none on a konsep
    number = context["surat"]["nomor"]
    if spec.draft_note:
        assert "KONSEP" in pdf_text and not number
    elif spec.numbered and number:
        assert number in flat(pdf_text)
    elif spec.numbered:
        assert "." * 30 in pdf_text.replace(" ", ""), "the number left open for the issuing office's registry"

    # a decree stays the office's whatever the delegation
    if decree and key not in ("sk_penolakan", "usulan_penolakan"):
        office = signs.office.upper()
        body = flat(" ".join(lines))
        assert f"KEPUTUSAN {office}" in lines
        assert f"KEPUTUSAN {office} TENTANG" in body and "KEPUTUSAN TENTANG" not in body
        assert f"{office}," in lines
    if key in ("sk_penolakan", "usulan_penolakan"):
        public = config.agency.public_body
        assert lines[lines.index("KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI") + 1] == public.upper()
        assert f"Pejabat Pengelola Informasi dan Dokumentasi (PPID) {public} memutuskan" in flat(" ".join(lines))

    # the nota dinas: from the office as its signer holds it, to the other office
    if key in ADDRESSED_TO:
        addressee = getattr(config.signers, ADDRESSED_TO[key]).office
        i = lines.index("Kepada")
        assert lines[i + 2] == f"Yth. {addressee}"
        assert lines[lines.index("Dari") + 2] == signs.acting_as

    # the paper
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) in ({"A4": (210, 297), "F4": (215, 330)}[config.paper.size],)


@pytest.mark.parametrize(("section_key", "line", "named"), [
    ("ppid", 'delegation = "a.n."', "signers.ppid.on_behalf_of"),
    ("ppid", 'delegation = "u.b."\non_behalf_of = "Kepala Dinas"', "signers.ppid.via"),
    ("atasan_ppid", 'delegation = "Plt."\non_behalf_of = "Sekretaris Daerah"', "signers.atasan_ppid.on_behalf_of"),
    ("desk", 'via = "Sekretaris"', "signers.desk.via"),
    ("atasan_ppid", 'issuer = "biro"', "signers.atasan_ppid.issuer"),
    ("desk", 'position = ""', "signers.desk.position"),
])
def test_config_refuses_a_signer_it_cannot_print(tmp_path, section_key, line, named):
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    head, section, tail = text.partition(f"[signers.{section_key}]\n")
    body, rest = tail.split("\n[", 1)
    keys = {entry.split("=")[0].strip() for entry in line.split("\n")}
    kept = [entry for entry in body.split("\n") if entry.split("=")[0].strip() not in keys]
    path = tmp_path / "config.toml"
    path.write_text(head + section + line + "\n" + "\n".join(kept) + "\n[" + rest, encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match=re.escape(named)):
        load_config(path)


@pytest.mark.parametrize(("extra", "named"), [
    ('[tembusan]\nsurat_lain = ["X"]\n', "tembusan.surat_lain"),
    ('[issuers.biro]\nname = "BIRO UMUM"\nletters = "000.9.2/{seq}/IKP/Diskominfos"\n', "issuers.biro.letters"),
])
def test_config_refuses_unknown_letters_and_series_that_overlap(tmp_path, extra, named):
    text = (ROOT / "config.toml").read_text(encoding="utf-8").replace("[tembusan]\n", "[tembusan_lama]\n")
    text = re.sub(r"\[tembusan_lama\]\n(?:.*\n)*?(?=\n\[)", "", text)
    path = tmp_path / "config.toml"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match=re.escape(named)):
        load_config(path)


def test_payment_method_needs_its_text(tmp_path):
    text = (ROOT / "config.toml").read_text(encoding="utf-8").replace('methods = ["tunai"]', 'methods = ["tunai", "transfer"]')
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match="payment.methods"):
        load_config(path)


def test_an_emblem_that_is_not_there_is_refused(tmp_path):
    text = (ROOT / "config.toml").read_text(encoding="utf-8").replace('logo = ""                              #',
                                                                       'logo = "lambang.png"                    #', 1)
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(config_module.ConfigError, match="agency.logo"):
        load_config(path)
    placeholder_emblem(tmp_path / "lambang.png")
    assert load_config(path).agency.logo == tmp_path / "lambang.png"


@pytest.mark.parametrize("delegation", DELEGATIONS)
@pytest.mark.parametrize("config_name", ["bawaan", "kedua"])
def test_yearly_report_in_signer_setting(configs, pool, tmp_path, config_name, delegation):
    """The report is the PPID's: its signature block follows the PPID's delegation, with rank and NIP."""
    from datetime import date

    from pipeline.core.workdays import load_calendar
    from pipeline.render.templates import BUNDLED_TEMPLATES
    from pipeline.views.report import REPORT_TEMPLATE, compute_report, report_docx

    config = configs[config_name]
    signer = with_delegation(config.signers.ppid, delegation)
    report = compute_report([], load_calendar(config.deadlines), year=2026)
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(report_docx(report, BUNDLED_TEMPLATES / REPORT_TEMPLATE, agency=config.agency, signer=signer,
                                 paper=config.paper, signed_on=date(2027, 1, 15), texts=config.report))
    pdf = tmp_path / "laporan.pdf"
    pool.convert(docx, pdfa=pdf, printable=tmp_path / "laporan.cetak.pdf", metadata=PdfMetadata(title="laporan"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "laporan")], check=True)
    lines = paragraphs(Document(docx))
    expected = signer.signature_lines()
    assert any(lines[i:i + len(expected)] == expected for i in range(len(lines))), lines[-12:]
    text = flat("\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    for line in expected + [signer.name, signer.rank]:
        assert flat(line) in text, line
    assert "LAPORAN SEMENTARA" not in text                  # made after the period ended
