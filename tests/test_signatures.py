"""A signed copy must carry a signature (issue 13, item 2), for real: drafts made by LibreOffice in a real
workspace; "scans" made with pdftoppm and Pillow after a pen (found with pdftotext, not with the pipeline's
code) signed the blank space above the signer's name; digital signatures made with pyHanko under a
throw-away CA. Through the real CLI: the pipeline's own drafts dropped back are refused and nothing closes;
a blank scan is refused as "belum ditandatangani"; ink in the margin or in another's space does not count;
a trusted digital signature closes the case and its signer is recorded; an untrusted or altered one is
refused. Directly: scans at 75-300 dpi, turned, JPEG-compressed, multi-page decrees, a forged QR code."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from pipeline.core.config import ConfigError, load_config
from pipeline.intake.scans import find_doc_ids, page_images
from pipeline.intake.signatures import check_signed_copy, same_person

from .conftest import drop, make_workspace, ppid, ppid_json, set_config, signed_scan, signer_name
from .signing_pki import make_ca, make_signer, sign_pdf

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = ["permohonan-paragraf.docx", "permohonan-checkbox.docx", "permohonan-2021-tabel2.docx"]
GIVEN = ("--keputusan", "diberikan", "--bentuk", "softcopy", "--waktu", "3", "--halaman", "10", "--tarif", "500")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Three requests answered (three written notices wait for the PPID), an OPD's DIP list submitted (the SK DIP
    waits for the Atasan PPID), receipts on the desk; the office trusts one CA."""
    root = tmp_path_factory.mktemp("tanda-tangan")
    workspace = make_workspace(root / "ruang-kerja")
    trusted = make_ca("BSrE Uji Root CA")
    trusted.write_pem(workspace / "akar-tepercaya.pem")
    set_config(workspace, "signatures", "trust_roots", '["akar-tepercaya.pem"]')
    drop(workspace, *REQUESTS, "dip-dinkes.xlsx")
    ppid(workspace, "process", "--today", "2026-04-06")
    ppid(workspace, "dip", "ajukan", "--tahun", "2026")               # the PPID submits the recap's SK DIP
    for case in requests(workspace):
        ppid(workspace, "decide", case["nomor"], *GIVEN, "--today", "2026-04-07")
    return workspace, trusted


def requests(workspace: Path) -> list[dict]:
    return sorted((c for c in ppid_json(workspace, "cases") if c["jenis"] == "permohonan"), key=lambda c: c["nomor"])


def case_of(workspace: Path, number: str) -> dict:
    return ppid_json(workspace, "show", number)


def desk_file(workspace: Path, signer: str, pattern: str) -> Path:
    return next((workspace / "siap-tanda-tangan" / signer).glob(pattern))


def notice(workspace: Path, number: str, suffix: str = ".cetak.pdf") -> Path:
    return desk_file(workspace, "ppid", f"DOK-*_{number.replace('/', '-')}_05-pemberitahuan-tertulis{suffix}")


def drop_as(workspace: Path, source: Path, name: str) -> Path:
    target = workspace / "inbox" / name
    shutil.copyfile(source, target)
    return target


def reason_of(workspace: Path, name: str) -> str:
    return next((workspace / "inbox" / "_disisihkan").glob(f"*{name}.ALASAN.txt")).read_text(encoding="utf-8")


def signed_events(shown: dict) -> list[dict]:
    return [e for e in shown["riwayat"] if e["event"] in ("signed", "closed", "published")]


# -- the pipeline's own bytes ---------------------------------------------------------------------------------

def test_the_print_pdf_pdfa_and_docx_of_a_draft_dropped_back_are_refused_and_nothing_closes(office):
    workspace, _ = office
    recap = next(c for c in ppid_json(workspace, "cases") if c["jenis"] == "sk_dip")
    folder = workspace / "archive" / recap["folder_arsip"]
    drop_as(workspace, desk_file(workspace, "atasan_ppid", "DOK-*_03-sk-dip.cetak.pdf"), "sk-dip-cetak.pdf")
    drop_as(workspace, folder / "03-sk-dip.pdf", "sk-dip-pdfa.pdf")
    drop_as(workspace, desk_file(workspace, "atasan_ppid", "DOK-*_03-sk-dip.docx"), "sk-dip.docx")
    edited = drop_as(workspace, desk_file(workspace, "atasan_ppid", "DOK-*_03-sk-dip.docx"), "sk-dip-diedit.docx")
    with open(edited, "ab") as fh:                              # saved again by Word: other bytes, still a draft
        fh.write(b"\0")
    first = requests(workspace)[0]["nomor"]
    drop_as(workspace, notice(workspace, first), "pemberitahuan-cetak.pdf")
    result = ppid(workspace, "process", "--today", "2026-04-08")

    assert "salinan bertanda tangan diarsipkan" not in result.stdout
    for name in ("sk-dip-cetak.pdf", "sk-dip-pdfa.pdf", "sk-dip.docx", "pemberitahuan-cetak.pdf"):
        reason = reason_of(workspace, name)
        assert "draf yang dibuat sistem, belum ditandatangani" in reason, reason
    assert "Draf dalam bentuk Word" in reason_of(workspace, "sk-dip-diedit.docx")
    assert case_of(workspace, recap["nomor"])["status"] == "diteruskan"          # the SK DIP is not signed
    assert not (workspace / "archive" / "publikasi").exists()                    # and the DIP is not published
    assert not signed_events(case_of(workspace, recap["nomor"]))
    assert case_of(workspace, first)["status"] != "selesai"
    assert list((workspace / "siap-tanda-tangan" / "atasan_ppid").glob("DOK-*_03-sk-dip.cetak.pdf"))


# -- scans ----------------------------------------------------------------------------------------------------

def test_a_blank_scan_is_refused_as_not_signed_and_a_note_in_the_margin_does_not_count(office, tmp_path):
    workspace, _ = office
    first = requests(workspace)[0]["nomor"]
    draft = notice(workspace, first)
    drop_as(workspace, signed_scan(draft, tmp_path / "pindai-kosong.pdf", None), "pindai-kosong.pdf")
    drop_as(workspace, signed_scan(draft, tmp_path / "pindai-catatan.pdf", None, note=True), "pindai-catatan.pdf")
    ppid(workspace, "process", "--today", "2026-04-08")
    for name in ("pindai-kosong.pdf", "pindai-catatan.pdf"):
        reason = reason_of(workspace, name)
        assert "belum ditandatangani" in reason and "Tanda tangani draf cetak lalu pindai kembali" in reason, reason
        assert "Error" not in reason and str(workspace) not in reason       # plain words, no program text
    assert case_of(workspace, first)["status"] != "selesai"
    assert draft.is_file()                                                     # still waiting on the desk


def test_ink_in_the_applicants_space_only_does_not_sign_the_receipt_then_the_desk_signs(office, tmp_path):
    workspace, _ = office
    first = requests(workspace)[0]
    receipt = desk_file(workspace, "desk", f"DOK-*_{first['nomor'].replace('/', '-')}_02-tanda-terima.cetak.pdf")
    applicant = case_of(workspace, first["nomor"])["data"]["applicant"]["nama"]
    drop_as(workspace, signed_scan(receipt, tmp_path / "terima-pemohon.jpg", applicant), "terima-pemohon.jpg")
    ppid(workspace, "process", "--today", "2026-04-08")
    assert "belum ditandatangani" in reason_of(workspace, "terima-pemohon.jpg")
    assert not signed_events(case_of(workspace, first["nomor"]))

    # The desk signs at last: a 75-dpi JPEG from a phone-grade scanner, turned 2 degrees.
    scan = signed_scan(receipt, tmp_path / "terima-ttd.jpg", signer_name(workspace, "desk"), dpi=75, angle=-2,
                       quality=55)
    drop_as(workspace, scan, "terima-ttd.jpg")
    result = ppid(workspace, "process", "--today", "2026-04-08")
    assert "1 salinan bertanda tangan diarsipkan" in result.stdout
    [event] = signed_events(case_of(workspace, first["nomor"]))
    assert event["tanda_tangan"]["jenis"] == "tinta" and event["tanda_tangan"]["halaman"] == [1]
    assert not receipt.exists()                                               # it left the desk


# -- digital signatures ----------------------------------------------------------------------------------------

def test_a_digital_signature_is_checked_against_the_offices_trust_roots(office, tmp_path):
    workspace, trusted = office
    number = requests(workspace)[1]["nomor"]
    draft = notice(workspace, number)
    ppid_name = signer_name(workspace, "ppid")
    common_name = "I GEDE WIRAWAN PUTRA"

    stranger = make_ca("CA Tidak Dikenal")
    sign_pdf(draft, tmp_path / "ttd-asing.pdf", make_signer(stranger, common_name), stranger)
    good = sign_pdf(draft, tmp_path / "ttd-sah.pdf", make_signer(trusted, common_name), trusted)
    altered = tmp_path / "ttd-diubah.pdf"
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 0x01                              # one bit inside the signed bytes
    altered.write_bytes(bytes(data))
    drop_as(workspace, tmp_path / "ttd-asing.pdf", "ttd-asing.pdf")
    drop_as(workspace, altered, "ttd-diubah.pdf")
    ppid(workspace, "process", "--today", "2026-04-08")
    assert "tidak berasal dari otoritas sertifikat yang dipercaya" in reason_of(workspace, "ttd-asing.pdf")
    assert "CA Tidak Dikenal" in reason_of(workspace, "ttd-asing.pdf")
    changed = reason_of(workspace, "ttd-diubah.pdf")
    assert "berubah setelah ditandatangani" in changed or "tidak dapat" in changed, changed
    assert case_of(workspace, number)["status"] != "selesai"

    drop_as(workspace, good, "ttd-sah.pdf")
    result = ppid(workspace, "process", "--today", "2026-04-08")
    assert "1 salinan bertanda tangan diarsipkan" in result.stdout
    shown = case_of(workspace, number)
    assert shown["status"] == "selesai"
    [event] = signed_events(shown)
    signature = event["tanda_tangan"]
    assert signature["jenis"] == "digital" and signature["nama"] == common_name
    assert same_person(signature["nama"], ppid_name)
    assert "BSrE Uji Root CA" in signature["penerbit"] and signature["serial"] and len(signature["sidik_sha256"]) == 64
    assert signature["waktu"].startswith("20")
    assert not draft.exists()


def test_content_added_after_signing_is_refused(office, tmp_path):
    workspace, trusted = office
    number = requests(workspace)[2]["nomor"]
    draft = notice(workspace, number)
    good = sign_pdf(draft, tmp_path / "ttd.pdf", make_signer(trusted, "I GEDE WIRAWAN PUTRA"), trusted)
    later = tmp_path / "ttd-ditambah.pdf"
    with open(good, "rb") as fh:                              # an incremental update drawing on the page
        writer = IncrementalPdfFileWriter(fh)
        stream = writer.add_object(generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 50 re f"))
        writer.add_stream_to_page(0, stream)
        with open(later, "wb") as out:
            writer.write(out)
    trust = [workspace / "akar-tepercaya.pem"]
    check = check_signed_copy(later, draft, [signer_name(workspace, "ppid")], trust)
    assert not check.ok and check.kind == "digital"
    assert "diubah setelah ditandatangani" in check.reason
    assert check_signed_copy(good, draft, [signer_name(workspace, "ppid")], trust).ok


def test_a_digital_signature_by_someone_else_or_without_trust_roots_is_refused(office, tmp_path):
    workspace, trusted = office
    draft = notice(workspace, requests(workspace)[2]["nomor"])
    other = sign_pdf(draft, tmp_path / "lain.pdf", make_signer(trusted, "KETUT SUARDANA"), trusted)
    check = check_signed_copy(other, draft, [signer_name(workspace, "ppid")], [workspace / "akar-tepercaya.pem"])
    assert not check.ok and "KETUT SUARDANA" in check.reason and "bukan oleh" in check.reason
    good = sign_pdf(draft, tmp_path / "sah.pdf", make_signer(trusted, "I GEDE WIRAWAN PUTRA"), trusted)
    check = check_signed_copy(good, draft, [signer_name(workspace, "ppid")], [])
    assert not check.ok and "trust_roots" in check.reason


# -- scans, directly: resolution, skew, JPEG, pages ------------------------------------------------------------

@pytest.mark.parametrize(("dpi", "angle", "quality"), [(75, 0.8, 60), (150, -1.5, 50), (200, 0.5, 75), (300, 2.5, 85)])
def test_scans_with_ink_are_accepted_and_blank_ones_refused_at_any_resolution(office, tmp_path, dpi, angle, quality):
    workspace, _ = office
    name = signer_name(workspace, "ppid")
    draft = notice(workspace, requests(workspace)[2]["nomor"])
    signed = signed_scan(draft, tmp_path / "ttd.pdf", name, dpi=dpi, angle=angle, quality=quality)
    blank = signed_scan(draft, tmp_path / "kosong.pdf", None, dpi=dpi, angle=angle, quality=quality, note=True)
    check = check_signed_copy(signed, draft, [name], [])
    assert check.ok and check.kind == "tinta", check.reason
    refused = check_signed_copy(blank, draft, [name], [])
    assert not refused.ok and "belum ditandatangani" in refused.reason


def test_a_scan_saved_as_an_image_on_grey_dusty_paper(office, tmp_path):
    workspace, _ = office
    name = signer_name(workspace, "ppid")
    draft = notice(workspace, requests(workspace)[2]["nomor"])
    for suffix in (".jpg", ".png"):
        signed = signed_scan(draft, tmp_path / f"ttd{suffix}", name, paper=200, dust=400, quality=40)
        assert check_signed_copy(signed, draft, [name], []).ok
        blank = signed_scan(draft, tmp_path / f"kosong{suffix}", None, paper=200, dust=400, quality=40)
        assert not check_signed_copy(blank, draft, [name], []).ok


def test_a_decree_is_signed_on_the_page_that_holds_the_signature(office, tmp_path):
    workspace, _ = office
    name = signer_name(workspace, "atasan_ppid")
    draft = desk_file(workspace, "atasan_ppid", "DOK-*_03-sk-dip.cetak.pdf")
    pages = len(list(page_images(draft)))
    assert pages >= 3                                          # the decree, then its annex

    first_only = signed_scan(draft, tmp_path / "hal-1.pdf", name, pages=[1])
    check = check_signed_copy(first_only, draft, [name], [])
    assert not check.ok and "tidak ada pada pindaian" in check.reason and "belum ditandatangani" in check.reason

    whole = signed_scan(draft, tmp_path / "semua.pdf", name, dpi=150)
    check = check_signed_copy(whole, draft, [name], [])
    assert check.ok and len(check.evidence["halaman"]) >= 2    # under the decree and under the annex

    blank = signed_scan(draft, tmp_path / "kosong.pdf", None, dpi=150)
    assert not check_signed_copy(blank, draft, [name], []).ok


def test_a_page_of_another_letter_carrying_this_letters_qr_code_is_refused(office, tmp_path):
    workspace, _ = office
    name = signer_name(workspace, "ppid")
    numbers = [c["nomor"] for c in requests(workspace)]
    ours, other = notice(workspace, numbers[2]), desk_file(workspace, "ppid", "DOK-*_03-surat-ppid-pelaksana.cetak.pdf")
    # A forgery: the other letter, signed, with our QR code pasted over its own.
    forged = signed_scan(other, tmp_path / "lain.jpg", name, angle=0)
    ours_page = signed_scan(ours, tmp_path / "kami.jpg", None, angle=0)
    page, donor = Image.open(forged).convert("L"), Image.open(ours_page).convert("L")
    footer = (0, int(page.height * 0.85), page.width // 3, page.height)
    page.paste(donor.crop(footer), footer[:2])
    page.save(tmp_path / "palsu.jpg", quality=80)
    assert find_doc_ids(tmp_path / "palsu.jpg") == find_doc_ids(ours)
    check = check_signed_copy(tmp_path / "palsu.jpg", ours, [name], [])
    assert not check.ok and "tidak cocok dengan draf" in check.reason


def test_identical_bytes_are_refused_by_the_check_itself(office):
    workspace, _ = office
    draft = notice(workspace, requests(workspace)[2]["nomor"])
    check = check_signed_copy(draft, draft, [signer_name(workspace, "ppid")], [])
    assert not check.ok and "draf yang dibuat sistem" in check.reason


# -- small parts --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("certificate", "printed", "same"), [
    ("NI MADE SUKERTI", "Ir. Ni Made Sukerti, M.T.", True),
    ("I GEDE WIRAWAN PUTRA", "I Gede Wirawan Putra, S.Sos., M.Si.", True),
    ("GEDE WIRAWAN PUTRA", "I Gede Wirawan Putra, S.Sos., M.Si.", True),
    ("I GEDE", "I Gede Wirawan Putra, S.Sos., M.Si.", False),
    ("NI LUH PUTU AYU LESTARI", "Ir. Ni Made Sukerti, M.T.", False),
    ("Dr. Ketut Suardana", "Ketut Suardana", True),
])
def test_same_person(certificate, printed, same):
    assert same_person(certificate, printed) is same


def test_trust_roots_are_paths_relative_to_the_config_and_must_exist(tmp_path):
    base = (ROOT / "config.toml").read_text(encoding="utf-8")
    (tmp_path / "sertifikat").mkdir()
    make_ca().write_pem(tmp_path / "sertifikat" / "bsre.pem")
    path = tmp_path / "config.toml"
    path.write_text(base.replace("trust_roots = []", 'trust_roots = ["sertifikat/bsre.pem"]'), encoding="utf-8")
    assert load_config(path).signatures.trust_roots == [tmp_path / "sertifikat" / "bsre.pem"]
    path.write_text(base.replace("trust_roots = []", 'trust_roots = ["tidak-ada.pem"]'), encoding="utf-8")
    with pytest.raises(ConfigError, match="signatures.trust_roots"):
        load_config(path)
    assert load_config(ROOT / "config.toml").signatures.trust_roots == []


@pytest.mark.parametrize(("name", "content"), [("ktp_5171010101900001_ttd.pdf", b"%PDF-1.7\nrusak"),
                                               ("ttd 081338765210.jpg", b"bukan gambar")])
def test_an_unreadable_scan_named_with_a_nik_or_phone_leaves_neither_in_the_log(office, tmp_path, caplog, name,
                                                                                 content):
    workspace, _ = office
    draft = notice(workspace, requests(workspace)[2]["nomor"])
    path = tmp_path / name
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert find_doc_ids(path) == []
        check = check_signed_copy(path, draft, [signer_name(workspace, "ppid")], [])
    assert not check.ok and "tidak dapat dibaca" in check.reason
    assert caplog.records
    assert "5171010101900001" not in caplog.text and "081338765210" not in caplog.text

