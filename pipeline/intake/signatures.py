"""Does a signed copy carry a signature? A scan must show ink in the signature space that the draft does not
have; a digitally signed PDF must carry a valid signature from a certificate the office trusts.

API::

    check_signed_copy(copy, draft_pdf, signer_names, trust_roots, *, doc_id=None, drafted_at=None) -> SignatureCheck

``copy`` is the file dropped back into the inbox (PDF or image); ``draft_pdf`` the draft's own print PDF (the
pages the signer printed); ``signer_names`` the names printed under the signature spaces that must be signed
(each needs ink in at least one of its spaces); ``trust_roots`` the certificate files of ``[signatures]
trust_roots``; ``doc_id`` the document ID whose QR code aligns a scan (default: the draft's own);
``drafted_at`` when the draft was made (a digital signature cannot be older). ``SignatureCheck.ok`` says
whether to file it; ``reason`` says why not, in plain Indonesian for the officer, with what to do.

**Digital signatures** (a PDF with a signature field that holds a signature) are validated with pyHanko:
the signed bytes must be intact and cover the document (nothing but further signatures or validation data
added after), the signer's certificate must chain to one of the trust roots (offline: revocation data is
used when the PDF embeds it, never fetched), the time of signing must be known, not in the future and not
before the draft was made, and the certificate must be in the name of one of ``signer_names``. The signer is
returned for the record: ``{"nama", "subjek", "penerbit", "serial", "sidik_sha256", "waktu", "sumber_waktu"}``.

**Scans** (any other PDF, or an image): every page whose QR code names the document is aligned to the page
of the draft it shows and compared in the signature space of each signer:

1. *Where the spaces are*: the draft's text layer (pypdfium2) gives the boxes of the signer's name as
   printed. An occurrence with a blank band of at least ``MIN_GAP_PT`` above it (the letters leave ~18 mm
   between the position lines and the name; a name in a table or in the text has a line right above) is a
   signature block; the blank band, inset from the text above and below, is the space checked. When the
   name is not on the draft (the name in the configuration changed since), the band above the name line
   over each "NIP." is used.
2. *Alignment*: the QR code's four corners on the draft page and on the scan give a first similarity
   transform (scale, rotation, translation). The QR is ~12 mm wide, so a corner off by one pixel moves points
   20 cm away by several millimetres: the transform is then refined on the page's own print. Tiles of the
   draft with text are found in the scan by normalised cross-correlation, and a similarity transform that
   most tiles agree on (RANSAC, then least squares) replaces the first one; twice, with a smaller search.
3. *Which page*: a scan page is the draft page whose print it reproduces: most of the draft's ink must be
   found in the aligned scan, over the page and around each signature block (``PAGE_RECALL``,
   ``BLOCK_RECALL``); a scan of another page, another document or a Word print of the docx matches no page
   (measured: the right page 0.98-1.00 from 75 to 300 dpi, another page of the same decree at most 0.58).
4. *Ink*: the scan is binarised against its own paper (a local background, so grey or unevenly lit paper
   is paper), the draft's ink is widened by ``DRAFT_SLACK_MM`` (registration and the scanner's blur), and
   what is dark in the scan, not explained by the draft, inside the space, is new ink. A space is signed
   when strokes of that ink (marks at least ``MIN_STROKE_MM`` long) cover ``MIN_INK_MM2`` and span
   ``MIN_INK_SPAN_MM`` across. Measured on test scans of every letter template (75-300 dpi, 0-3 degrees, JPEG
   quality 15-90, grey paper, dust, a note in the margin): 135 blank scans, all 0.0 mm2, no false accept; 114
   signed scans, 115-200 mm2 with a ballpoint, 10-64 mm2 with a very faint pen, refused only where dust made
   the QR code unreadable (6, refused saying so).

A copy whose bytes equal the draft's is refused outright. When unsure (QR unreadable, page not found, too
little ink) the copy is refused with what to do: filing an unsigned letter as signed is the worst outcome.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from pipeline.core.files import sha256_file
from pipeline.core.incidents import report
from pipeline.core.names import masked_name
from pipeline.intake.scans import MAX_PAGES, PDFIUM_LOCK, is_pdf, page_images, qr_codes, render_grey

log = logging.getLogger(__name__)

TINTA = "tinta"
DIGITAL = "digital"


@dataclass(frozen=True)
class SignatureCheck:
    ok: bool
    reason: str = ""              # Indonesian, for the officer, when not ok ("" when ok)
    kind: str = ""                # "tinta" (wet ink on a scan) | "digital" ("" when nothing was found to judge)
    signer: dict | None = None    # digital: {"nama", "subjek", "penerbit", "serial", "sidik_sha256", "waktu", ...}
    evidence: dict = field(default_factory=dict)   # what was measured, for the case's record and the log


def check_signed_copy(copy: Path, draft_pdf: Path, signer_names: list[str], trust_roots: list[Path], *,
                      doc_id: str | None = None, drafted_at: datetime | None = None) -> SignatureCheck:
    """Whether ``copy`` is a signed copy of ``draft_pdf``; see the module docstring."""
    copy, draft_pdf = Path(copy), Path(draft_pdf)
    try:
        if sha256_file(copy) == sha256_file(draft_pdf):
            return SignatureCheck(False, DRAFT_BYTES_REASON)
        pdf = is_pdf(copy)
    except OSError as exc:   # the message would quote the path, and the name may hold a NIK: not logged
        code = report(log, f"signed copy unreadable: {exc.strerror or type(exc).__name__}")
        return SignatureCheck(False, f"Berkas tidak dapat dibaca (kode kejadian {code}); letakkan kembali di inbox.")
    if pdf:
        signatures = _embedded_signatures(copy)
        if signatures is None:
            return SignatureCheck(False, "Berkas PDF ini memuat tanda tangan digital yang tidak dapat dibaca "
                                         "(berkasnya rusak). Minta penanda tangan mengirim ulang berkas yang "
                                         "ditandatangani, atau tanda tangani draf cetak lalu pindai kembali.",
                                  DIGITAL)
        if signatures:
            return check_digital(signatures, signer_names, trust_roots, drafted_at=drafted_at)
    return check_ink(copy, draft_pdf, signer_names, doc_id=doc_id)


DRAFT_BYTES_REASON = ("Berkas ini adalah draf yang dibuat sistem, belum ditandatangani: isinya sama persis dengan "
                      "draf yang menunggu tanda tangan. Cetak draf (berkas .cetak.pdf), tanda tangani, lalu pindai "
                      "dan letakkan hasil pindaiannya di inbox; atau kirim PDF yang ditandatangani secara digital.")

SIGN_AGAIN = "Tanda tangani draf cetak lalu pindai kembali."


# -- digital signatures ----------------------------------------------------------------------------------------
# pyHanko is imported only when a PDF is read for signatures: it takes ~0.5 s to load, and `ppid --help` or a
# run that only registers forms should not pay for it.

# How far a signing time may run ahead of this machine's clock (two PCs never agree to the second).
CLOCK_SKEW = timedelta(minutes=10)


def _embedded_signatures(path: Path):
    """The filled signature fields of a PDF ([] when none), or None when the PDF claims a signature that
    cannot be read."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = path.read_bytes()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        return list(reader.embedded_regular_signatures)
    except Exception as exc:  # noqa: BLE001 - an untrusted file: broken is an answer, not a crash
        if b"/ByteRange" in data:   # it does carry a signature dictionary
            log.warning("Tanda tangan digital tidak dapat dibaca: %s: %s", type(exc).__name__, exc)
            return None
        return []   # pyHanko cannot read it, and it claims no signature: a scan wrapped in a quirky PDF


def check_digital(signatures: list, signer_names: list[str], trust_roots: list[Path], *,
                  drafted_at: datetime | None = None, now: datetime | None = None) -> SignatureCheck:
    """Validate every signature of a PDF; the copy is signed when all are valid and trusted and one of them
    is by one of ``signer_names``."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    def refuse(reason: str, **evidence) -> SignatureCheck:
        return SignatureCheck(False, reason, DIGITAL, evidence=evidence)

    if not trust_roots:
        return refuse("Berkas ini ditandatangani secara digital, tetapi kantor belum memasang sertifikat akar "
                      "tepercaya (bagian [signatures] trust_roots pada config.toml, misalnya rantai sertifikat "
                      "BSrE), sehingga tanda tangannya tidak dapat diperiksa. Pasang sertifikatnya lalu letakkan "
                      "berkas ini kembali di inbox.")
    try:
        roots = _load_certificates(trust_roots)
    except (OSError, ValueError) as exc:
        code = report(log, "trust roots unreadable", exc)
        return refuse("Sertifikat akar tepercaya pada [signatures] trust_roots tidak dapat dibaca (kode kejadian "
                      f"{code}); periksa berkas sertifikatnya lalu letakkan berkas ini kembali di inbox.")
    # Offline office: revocation data is used when the PDF carries it, never fetched ("soft-fail").
    # BSrE and most CAs put digitalSignature and/or nonRepudiation on signing certificates: either will do.
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    now = now or datetime.now(timezone.utc)
    found: list[dict] = []
    for embedded in signatures:
        try:
            status = validate_pdf_signature(embedded, _validation_context(roots), key_usage_settings=usage)
        except Exception as exc:  # noqa: BLE001 - pyHanko raises on malformed signatures
            code = report(log, "digital signature could not be validated", exc)
            return refuse("Tanda tangan digital pada berkas ini tidak dapat diperiksa: strukturnya tidak sah "
                          f"(kode kejadian {code}). Minta penanda tangan menandatangani ulang draf PDF-nya.")
        signer = _signer_record(status)
        if not (status.intact and status.valid):
            return refuse("Tanda tangan digital tidak sah: isi berkas berubah setelah ditandatangani, atau tanda "
                          "tangannya rusak. Minta penanda tangan menandatangani ulang draf PDF-nya.", penanda=signer)
        problem = _coverage_problem(status)
        if problem:
            return refuse(problem, penanda=signer)
        if status.revoked:
            return refuse(f"Sertifikat tanda tangan digital {signer['nama']} telah dicabut oleh penerbitnya; "
                          "tanda tangannya tidak dapat diterima.", penanda=signer)
        if not status.trusted:
            return refuse(_trust_problem(status, signer), penanda=signer)
        timestamp = status.timestamp_validity
        if timestamp is not None and not (timestamp.intact and timestamp.valid and timestamp.trusted):
            return refuse("Stempel waktu pada tanda tangan digital tidak sah atau tidak berasal dari otoritas "
                          "yang dipercaya kantor.", penanda=signer)
        when = timestamp.timestamp if timestamp is not None else status.signer_reported_dt
        if when is None:
            return refuse("Tanda tangan digital tidak mencantumkan waktu penandatanganan. Minta penanda tangan "
                          "menandatangani ulang dengan aplikasi yang mencantumkan waktu.", penanda=signer)
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        if when > now + CLOCK_SKEW:
            return refuse("Waktu penandatanganan digital berada di masa depan; periksa jam komputer penanda tangan "
                          "lalu tanda tangani ulang.", penanda=signer)
        if drafted_at is not None and when < _aware(drafted_at) - CLOCK_SKEW:
            return refuse("Tanda tangan digital dibuat sebelum draf ini dibuat: berkas ini bukan tanda tangan atas "
                          "draf yang menunggu. Tanda tangani draf yang ada di folder siap-tanda-tangan.",
                          penanda=signer)
        signer.update(waktu=when.isoformat(timespec="seconds"),
                      sumber_waktu="stempel waktu" if timestamp is not None else "penanda tangan")
        found.append(signer)
    ours = [s for s in found if any(same_person(s["nama"], name) for name in signer_names)]
    if not ours:
        names = ", ".join(s["nama"] for s in found)
        return refuse(f"Berkas ini ditandatangani secara digital oleh {names}, bukan oleh "
                      f"{' / '.join(signer_names)} yang harus menandatangani surat ini.", penanda=found)
    return SignatureCheck(True, "", DIGITAL, ours[0], evidence={"jumlah_tanda_tangan": len(found)})


def _validation_context(roots: list):
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")


def _load_certificates(paths: list[Path]) -> list:
    """Every certificate in the given PEM or DER files (a PEM file may hold a whole chain)."""
    from pyhanko.keys import load_certs_from_pemder

    certs = list(load_certs_from_pemder([str(p) for p in paths]))
    for cert in certs:
        cert.native   # parse now: a broken file fails here, not inside validation
    if not certs:
        raise ValueError("no certificate in trust roots")
    return certs


def _signer_record(status) -> dict:
    cert = status.signing_cert
    return {
        "nama": _common_name(cert.subject),
        "subjek": cert.subject.human_friendly,
        "penerbit": cert.issuer.human_friendly,
        "serial": format(cert.serial_number, "X"),
        "sidik_sha256": hashlib.sha256(cert.dump()).hexdigest(),
    }


def _common_name(name) -> str:
    return str(name.native.get("common_name") or name.human_friendly)


def _coverage_problem(status) -> str:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return ""
    # Later revisions may add signatures, timestamps and validation data (FORM_FILLING at most), nothing else.
    level = status.modification_level
    if (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and level is not None
            and level <= ModificationLevel.FORM_FILLING and status.docmdp_ok is not False):
        return ""
    return ("Berkas diubah setelah ditandatangani secara digital (ada isi yang ditambahkan atau diganti sesudah "
            "tanda tangan). Minta penanda tangan mengirim berkas asli hasil penandatanganan.")


def _trust_problem(status, signer: dict) -> str:
    indication = getattr(status.trust_problem_indic, "name", "")
    if indication in ("EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"):
        return (f"Sertifikat tanda tangan digital {signer['nama']} sudah kedaluwarsa atau belum berlaku pada "
                "waktu pemeriksaan; tanda tangannya tidak dapat diterima.")
    if indication == "REVOKED":
        return f"Sertifikat tanda tangan digital {signer['nama']} telah dicabut oleh penerbitnya."
    if indication in ("CHAIN_CONSTRAINTS_FAILURE", "SIG_CONSTRAINTS_FAILURE", "CRYPTO_CONSTRAINTS_FAILURE"):
        return (f"Sertifikat tanda tangan digital {signer['nama']} tidak boleh dipakai untuk menandatangani "
                "dokumen, atau memakai algoritme yang tidak lagi aman.")
    issuer = _common_name(status.signing_cert.issuer)
    return (f"Tanda tangan digital {signer['nama']} (sertifikat diterbitkan oleh {issuer}) tidak berasal dari "
            "otoritas sertifikat yang dipercaya kantor ([signatures] trust_roots). Bila penerbit ini sah, pasang "
            "sertifikat akarnya lalu letakkan berkas ini kembali di inbox.")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def same_person(certificate_name: str, printed_name: str) -> bool:
    """Whether a certificate's common name ("NI MADE SUKERTI") names the person printed under the signature
    ("Ir. Ni Made Sukerti, M.T."): the same name words, ignoring case, accents, academic titles and
    degrees. One may hold one word the other lacks (a middle name) when the rest, two words or more, agree."""
    a, b = _name_words(certificate_name), _name_words(printed_name)
    if not a or not b:
        return False
    if a == b:
        return True
    # At most one word more or less: "I GEDE" is half of Bali, not "I Gede Wirawan Putra".
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= max(2, len(longer) - 1) and set(shorter) <= set(longer)


def _name_words(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    name = name.split(",")[0]                      # degrees follow the first comma: ", S.Kom., M.Si."
    words = [w for w in re.split(r"[\s]+", name) if w]
    words = [w for w in words if not w.endswith(".")]   # titles before the name: Ir., Dr., Drs., H.
    return [re.sub(r"[^A-Z]", "", w) for w in words if re.sub(r"[^A-Z]", "", w)]


# -- ink on a scan ------------------------------------------------------------------------------------------------

WORK_DPI = 100            # pages are compared at 0.25 mm per pixel: a pen line (0.3-0.7 mm) is 1-3 pixels
DRAFT_QR_DPI = 200        # the draft's QR is located on a sharper rendering: its corners to ~0.1 mm
PT = WORK_DPI / 72        # pixels per PDF point
MM = WORK_DPI / 25.4      # pixels per millimetre

MIN_GAP_PT = 30           # a signature space is >= 10.6 mm of blank above the name (the templates leave ~18 mm;
                          # the receipt's row is 21 mm); a name in a table or in running text has a line above
SPACE_INSET_PT = 4        # the space checked stays 1.4 mm clear of the text above and below it
SPACE_HALF_WIDTH_PT = 66  # at least 2 x 23 mm wide, centred on the name: a signature is wider than a short name,
                          # and the receipt's two blocks (8 cm apart) never share a space
SPACE_MAX_HALF_WIDTH_PT = 110

INK_RATIO = 0.72          # a pixel is ink when darker than 72% of the paper around it: black print ~0.15,
                          # blue ballpoint ~0.3-0.5, JPEG noise and grey paper stay above 0.85
INK_CONTRAST = 35         # ... and at least this many grey levels darker (noise on dark paper is not ink)
DRAFT_INK = 170           # the draft's own rendering: anti-aliased edges of print count as print
DRAFT_SLACK_MM = 0.75     # the draft's print widened by this much explains the scan's print (blur, registration)
MIN_INK_MM2 = 6.0         # new ink of a signature: even a short paraf is >= 15 mm of 0.4 mm line (6 mm2);
                          # measured: blank scans 0 mm2, signed 115-200 mm2 (a very faint pen: 10-64)
MIN_INK_SPAN_MM = 8.0     # ... spread at least 8 mm across
MIN_STROKE_MM = 2.5       # only strokes count: a connected mark at least 2.5 mm long. Dust, toner specks and
                          # JPEG blocks (< 1 mm) are not a signature, however many fall in the space

TILE = 120                # alignment tiles: 30 mm squares of the draft with print in them
TILE_STEP = 90
MAX_TILES = 48
COARSE_SEARCH_MM = 16     # the QR-only transform is off by up to ~10 mm at the far end of the page
FINE_SEARCH_MM = 2.5
TILE_MIN_SCORE = 0.45     # normalised cross-correlation of a tile that was found
PAGE_RECALL = 0.80        # share of the draft page's print found in the aligned scan (same page: >= 0.97;
                          # another page of the same letter: <= 0.58, measured)
BLOCK_RECALL = 0.85       # share of the print around a signature block found there (same page: >= 0.95)


@dataclass(frozen=True)
class _Space:
    name: str
    page: int                                    # 0-based page of the draft
    box: tuple[int, int, int, int]               # the blank space, WORK px (left, top, right, bottom)
    around: tuple[int, int, int, int]            # the block with its text, for the local page check


@dataclass
class _DraftPage:
    index: int
    grey: np.ndarray                             # WORK_DPI rendering, uint8
    ink: np.ndarray                              # bool
    qr: np.ndarray | None                        # 4 x 2 corners (WORK px), the code's own orientation
    qr_text: str | None
    spaces: list[_Space]


def check_ink(copy: Path, draft_pdf: Path, signer_names: list[str], *, doc_id: str | None = None) -> SignatureCheck:
    """Whether a scan of the draft shows new ink in a signature space of each of ``signer_names``."""
    try:
        pages = _draft_pages(draft_pdf, signer_names, doc_id)
    except Exception as exc:  # noqa: BLE001 - the draft is ours: unreadable means a program fault
        code = report(log, "draft unreadable for the signature check", exc)
        return SignatureCheck(False, f"Draf surat ini tidak dapat dibaca untuk memeriksa tanda tangan (kode kejadian "
                                     f"{code}).", TINTA)
    spaces = [s for p in pages for s in p.spaces]
    if not spaces:
        code = report(log, f"no signature space found on draft {doc_id} for {signer_names}")
        return SignatureCheck(False, "Ruang tanda tangan pada draf surat ini tidak dapat ditemukan, sehingga "
                                     f"pindaian tidak dapat diperiksa (kode kejadian {code}).", TINTA)
    if any(p.qr is None for p in pages):
        code = report(log, f"no QR code on draft {doc_id}")
        return SignatureCheck(False, f"Kode QR pada draf surat ini tidak terbaca (kode kejadian {code}).", TINTA)
    doc_id = doc_id or pages[0].qr_text
    try:
        scans = list(page_images(copy, MAX_PAGES))
    except Exception as exc:  # noqa: BLE001 - an untrusted file
        log.warning("Pindaian tidak dapat dibaca: %s: %s", type(exc).__name__, masked_name(str(exc)))
        return SignatureCheck(False, "Pindaian tidak dapat dibaca (berkas rusak atau bukan gambar/PDF). " + SIGN_AGAIN,
                              TINTA)

    matched: dict[int, tuple[int, np.ndarray]] = {}   # draft page -> (scan page, aligned ink mask)
    qr_seen = False
    for number, image in enumerate(scans):
        codes = qr_codes(image, doc_id)
        if not codes:
            continue
        qr_seen = True
        prepared = _Prepared(image)
        for code in codes:
            corners = np.array(code.corners, dtype=float)
            best = None
            for page in pages:
                if page.index in matched:
                    continue
                aligned = _align(prepared, page, corners)
                if aligned is None:
                    continue
                recall = _recall(page.ink, aligned, exclude=[s.box for s in page.spaces])
                log.debug("scan page %d vs draft page %d: recall %.3f", number + 1, page.index + 1, recall)
                if recall >= PAGE_RECALL and (best is None or recall > best[0]):
                    best = (recall, page, aligned)
            if best:
                matched[best[1].index] = (number, best[2])
    if not qr_seen:
        return SignatureCheck(False, f"Kode QR dokumen {doc_id} tidak terbaca pada pindaian, sehingga ruang tanda "
                                     "tangan tidak dapat diperiksa. Pindai kembali halaman bertanda tangan dengan kode "
                                     "QR di kaki halaman terlihat utuh (resolusi minimal 150 dpi).", TINTA)
    if not matched:
        numbers = ", ".join(str(p.index + 1) for p in pages)
        return SignatureCheck(False, f"Pindaian ini belum ditandatangani atau tidak memuat halaman tanda tangannya: "
                                     f"halaman bertanda tangan draf {doc_id} (halaman {numbers}) tidak ada pada "
                                     "pindaian, atau halaman pindaian tidak cocok dengan draf. Tanda tangani draf "
                                     "cetak (berkas .cetak.pdf) lalu pindai kembali seluruh halamannya; cetakan ulang "
                                     "dari Word atau dari draf lama tidak dapat dicocokkan.", TINTA)

    evidence: dict = {"halaman": [], "tinta_mm2": {}}
    unsigned: list[str] = []
    for name in dict.fromkeys(s.name for s in spaces):
        signed_here = False
        seen = False
        for space in (s for s in spaces if s.name == name):
            if space.page not in matched:
                continue
            page = next(p for p in pages if p.index == space.page)
            aligned = matched[space.page][1]
            if _recall(page.ink, aligned, region=space.around, exclude=[space.box]) < BLOCK_RECALL:
                continue
            seen = True
            area, span = _new_ink(page.ink, aligned, space.box)
            evidence["tinta_mm2"][f"{name} (hal. {space.page + 1})"] = round(area, 1)
            log.info("Ruang tanda tangan %s halaman %d: tinta baru %.1f mm2, lebar %.1f mm",
                     name, space.page + 1, area, span)
            if area >= MIN_INK_MM2 and span >= MIN_INK_SPAN_MM:
                signed_here = True
                evidence["halaman"].append(space.page + 1)
        if not seen:
            draft_pages = ", ".join(str(s.page + 1) for s in spaces if s.name == name)
            return SignatureCheck(False, f"Pindaian ini belum ditandatangani atau tidak memuat halaman tanda tangan "
                                         f"{name} (halaman {draft_pages} draf) secara utuh. Tanda tangani draf cetak "
                                         "(berkas .cetak.pdf) lalu pindai kembali seluruh halamannya.", TINTA,
                                  evidence=evidence)
        if not signed_here:
            unsigned.append(name)
    if unsigned:
        return SignatureCheck(False, f"Ruang tanda tangan {' dan '.join(unsigned)} pada pindaian masih kosong: surat "
                                     f"ini belum ditandatangani. {SIGN_AGAIN}", TINTA, evidence=evidence)
    evidence["halaman"] = sorted(set(evidence["halaman"]))
    return SignatureCheck(True, "", TINTA, evidence=evidence)


# The draft: its pages, print, QR code and signature spaces ------------------------------------------------

def _draft_pages(draft_pdf: Path, names: list[str], doc_id: str | None) -> list[_DraftPage]:
    """The draft pages that hold a signature space of one of ``names`` (in the NIP fallback: of anyone)."""
    with PDFIUM_LOCK:   # all of it is PDFium work
        pdf = pdfium.PdfDocument(draft_pdf)
        try:
            found: dict[int, list[_Space]] = {}
            for finder in (lambda page, i: [s for name in names for s in _spaces_of(page, i, name)],
                           lambda page, i: _spaces_above_nip(page, i, " / ".join(names))):
                for index in range(min(len(pdf), MAX_PAGES)):
                    page = pdf[index]
                    try:
                        if spaces := finder(page, index):
                            found[index] = spaces
                    finally:
                        page.close()
                if found:   # else: the name on the draft is not the configured one (changed since): by NIP
                    break
            pages = []
            for index, spaces in found.items():
                page = pdf[index]
                try:
                    pages.append(_render_draft(page, index, spaces, doc_id))
                finally:
                    page.close()
            return pages
        finally:
            pdf.close()


def _render_draft(page, index: int, spaces: list[_Space], doc_id: str | None) -> _DraftPage:
    grey = np.asarray(render_grey(page, WORK_DPI / 72))
    codes = qr_codes(render_grey(page, DRAFT_QR_DPI / 72), doc_id)
    qr = np.array(codes[0].corners, dtype=float) * (WORK_DPI / DRAFT_QR_DPI) if codes else None
    return _DraftPage(index, grey, grey < DRAFT_INK, qr, codes[0].text if codes else None, spaces)


def _text_boxes(page) -> tuple[list[tuple[float, float, float, float]], object]:
    """Every printed character's box (left, bottom, right, top, in points, y up) and the text page."""
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    boxes = []
    for i in range(textpage.count_chars()):
        if i < len(text) and text[i].isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if right > left and top > bottom:
            boxes.append((left, bottom, right, top))
    return boxes, textpage


def _spaces_of(page, index: int, name: str) -> list[_Space]:
    boxes, textpage = _text_boxes(page)
    searcher = textpage.search(" ".join(name.split()), match_case=False)
    try:
        found = []
        while (hit := searcher.get_next()) is not None:
            start, count = hit
            rects = [textpage.get_rect(i) for i in range(textpage.count_rects(start, count))]
            if not rects:
                continue
            first = max(rects, key=lambda r: r[3])       # the name's first line (a long name may wrap)
            space = _space_above(page, index, name, boxes, first[0], first[2], first[3],
                                 bottom=min(r[1] for r in rects))
            if space:
                found.append(space)
        return found
    finally:   # closed here, under the PDFium lock, never by the garbage collector
        searcher.close()
        textpage.close()


def _space_above(page, index: int, name: str, boxes, left: float, right: float, top: float, *,
                 bottom: float) -> _Space | None:
    """The blank band above a name line (left..right, top), when there is one: a signature space."""
    width, height = page.get_size()
    above = [b for b in boxes if b[1] >= top - 1 and b[0] < right + 20 and b[2] > left - 20]
    ceiling = min((b[1] for b in above), default=height)
    if ceiling - top < MIN_GAP_PT:
        return None
    centre = (left + right) / 2
    half = min(max((right - left) / 2 + 6, SPACE_HALF_WIDTH_PT), SPACE_MAX_HALF_WIDTH_PT)
    x0, x1 = max(0.0, centre - half), min(width, centre + half)
    # What surrounds it: the position lines above and the name, rank and NIP below.
    line_above = [b for b in above if b[1] <= ceiling + 2]
    roof = max((b[3] for b in line_above), default=ceiling) + 14
    box = (x0, ceiling - SPACE_INSET_PT, x1, top + SPACE_INSET_PT)           # left, top, right, bottom (y up)
    around = (x0 - 20, roof, x1 + 20, bottom - 30)
    return _Space(name, index, _to_pixels(box, height), _to_pixels(around, height))


def _spaces_above_nip(page, index: int, label: str) -> list[_Space]:
    """Fallback: the blank band above the name line that stands over a "NIP." line, walking up the block."""
    boxes, textpage = _text_boxes(page)
    searcher = textpage.search("NIP.", match_case=True)
    try:
        found = []
        while (hit := searcher.get_next()) is not None:
            start, count = hit
            if not textpage.count_rects(start, count):
                continue
            left, bottom, right, top = textpage.get_rect(0)
            for _ in range(4):   # NIP, rank, name: at most a few lines up to the blank band
                above = [b for b in boxes if b[1] >= top - 1 and b[0] < right and b[2] > left]
                if not above:
                    break
                nearest = min(b[1] for b in above)
                if nearest - top >= MIN_GAP_PT:
                    space = _space_above(page, index, label, boxes, left, right, top, bottom=bottom)
                    if space:
                        found.append(space)
                    break
                line = [b for b in above if b[1] <= nearest + 2]
                left, right = min(left, *(b[0] for b in line)), max(right, *(b[2] for b in line))
                top = max(b[3] for b in line)
        return found
    finally:
        searcher.close()
        textpage.close()


def _to_pixels(box: tuple[float, float, float, float], page_height: float) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    return (int(left * PT), int((page_height - top) * PT), int(math.ceil(right * PT)),
            int(math.ceil((page_height - bottom) * PT)))


# The scan: prepared once, aligned to a draft page -----------------------------------------------------------

class _Prepared:
    """A scan page made ready for warping: thin strokes kept through downsampling, its paper level known."""

    def __init__(self, image: Image.Image):
        self.image = image.convert("L")
        self.paper = int(np.percentile(np.asarray(self.image.reduce(4)), 90))
        self._filtered: dict[int, Image.Image] = {}

    def for_scale(self, scale: float) -> Image.Image:
        # Sampling a 200-dpi scan at 100 dpi would skip a 2-pixel pen line: darken each pixel's
        # neighbourhood first (a minimum filter as wide as the step), so every line survives.
        size = int(round(scale)) | 1 if scale >= 1.5 else 1
        if size == 1:
            return self.image
        if size not in self._filtered:
            self._filtered[size] = self.image.filter(ImageFilter.MinFilter(size))
        return self._filtered[size]


def _similarity(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 2 x 3 similarity transform (scale, rotation, translation) taking src points to dst, least squares."""
    zs = src[:, 0] + 1j * src[:, 1]
    zd = dst[:, 0] + 1j * dst[:, 1]
    a_matrix = np.stack([zs, np.ones_like(zs)], axis=1)
    (a, b), *_ = np.linalg.lstsq(a_matrix, zd, rcond=None)
    return np.array([[a.real, -a.imag, b.real], [a.imag, a.real, b.imag]])


def _compose(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """outer(inner(x)) for 2 x 3 affine transforms."""
    full = lambda m: np.vstack([m, [0, 0, 1]])   # noqa: E731
    return (full(outer) @ full(inner))[:2]


def _warp(prepared: _Prepared, transform: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The scan resampled onto the draft page's pixels: ``transform`` maps draft pixels to scan pixels."""
    scale = math.hypot(transform[0, 0], transform[1, 0])
    image = prepared.for_scale(scale)
    warped = image.transform((shape[1], shape[0]), Image.AFFINE, data=tuple(transform.ravel()),
                             resample=Image.BILINEAR, fillcolor=prepared.paper)
    return np.asarray(warped)


def _scan_ink(grey: np.ndarray) -> np.ndarray:
    """Ink of an aligned scan against its own paper: the paper level is the brightest nearby (a local
    maximum over ~1 cm), so grey, yellowed or unevenly lit paper is paper."""
    image = Image.fromarray(grey)
    small = image.reduce(8).filter(ImageFilter.MaxFilter(5))
    paper = np.asarray(small.resize(image.size, Image.BILINEAR)).astype(np.int16)
    paper = np.maximum(paper, grey)   # never darker than the pixel itself
    values = grey.astype(np.int16)
    return (values < paper * INK_RATIO) & (paper - values >= INK_CONTRAST)


def _inkiness(mask_or_grey: np.ndarray) -> np.ndarray:
    """A soft picture of the print for correlation (blurred a little so a half-pixel miss still scores)."""
    image = Image.fromarray((mask_or_grey * 255).astype(np.uint8) if mask_or_grey.dtype == bool
                            else 255 - mask_or_grey)
    return np.asarray(image.filter(ImageFilter.GaussianBlur(1.0)), dtype=np.float32) / 255


def _align(prepared: _Prepared, page: _DraftPage, scan_corners: np.ndarray) -> np.ndarray | None:
    """The scan's ink mask aligned onto ``page`` (QR first, refined on the print), or None when the print
    of the page cannot be found in the scan."""
    transform = _similarity(page.qr, scan_corners)
    scale = math.hypot(transform[0, 0], transform[1, 0])
    if not 0.2 < scale < 8:   # a QR of another size than the draft's: not our print
        return None
    draft_soft = _inkiness(page.ink)
    tiles = _tiles(page)
    if len(tiles) < 4:
        return None
    for search_mm, tolerance in ((COARSE_SEARCH_MM, 3.0), (FINE_SEARCH_MM, 1.5)):
        grey = _warp(prepared, transform, page.grey.shape)
        soft = _inkiness(_scan_ink(grey))
        correction = _refine(draft_soft, soft, tiles, int(search_mm * MM), tolerance)
        if correction is None:
            return None
        transform = _compose(transform, correction)
    return _scan_ink(_warp(prepared, transform, page.grey.shape))


def _tiles(page: _DraftPage) -> list[tuple[int, int]]:
    """Top-left corners of tiles with enough print to be found again, spread over the page, clear of the
    signature spaces (new ink there would pull the match)."""
    height, width = page.ink.shape
    candidates = []
    for y in range(0, height - TILE, TILE_STEP):
        for x in range(0, width - TILE, TILE_STEP):
            share = page.ink[y:y + TILE, x:x + TILE].mean()
            clear = all(x + TILE <= s.box[0] or x >= s.box[2] or y + TILE <= s.box[1] or y >= s.box[3]
                        for s in page.spaces)
            if 0.015 <= share <= 0.5 and clear:
                candidates.append((y, x))
    if len(candidates) > MAX_TILES:
        step = len(candidates) / MAX_TILES
        candidates = [candidates[int(i * step)] for i in range(MAX_TILES)]
    return candidates


def _refine(draft: np.ndarray, scan: np.ndarray, tiles: list[tuple[int, int]], search: int,
            tolerance: float) -> np.ndarray | None:
    """A similarity transform of draft pixels onto where the scan shows them, agreed on by most tiles."""
    src, dst = [], []
    for y, x in tiles:
        template = draft[y:y + TILE, x:x + TILE]
        y0, x0 = max(0, y - search), max(0, x - search)
        area = scan[y0:y + TILE + search, x0:x + TILE + search]
        found = _match(template, area)
        if found is None:
            continue
        dy, dx, score = found
        if score >= TILE_MIN_SCORE:
            src.append((x + TILE / 2, y + TILE / 2))
            dst.append((x0 + dx + TILE / 2, y0 + dy + TILE / 2))
    if len(src) < 4:
        return None
    src_a, dst_a = np.array(src), np.array(dst)
    best: np.ndarray | None = None
    for i in range(len(src)):            # RANSAC over pairs: ~48 tiles make ~1100 pairs, cheap
        for j in range(i + 1, len(src)):
            if np.hypot(*(src_a[i] - src_a[j])) < 2 * TILE:
                continue
            model = _similarity(src_a[[i, j]], dst_a[[i, j]])
            inliers = _residuals(model, src_a, dst_a) <= tolerance
            if best is None or inliers.sum() > best.sum():
                best = inliers
    if best is None or best.sum() < max(4, 0.4 * len(src)):
        return None
    return _similarity(src_a[best], dst_a[best])


def _residuals(model: np.ndarray, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    mapped = src @ model[:, :2].T + model[:, 2]
    return np.hypot(*(mapped - dst).T)


def _match(template: np.ndarray, area: np.ndarray) -> tuple[int, int, float] | None:
    """Where ``template`` sits best in ``area``: (dy, dx, normalised cross-correlation), via FFT."""
    th, tw = template.shape
    ah, aw = area.shape
    if ah < th or aw < tw:
        return None
    t = template - template.mean()
    norm = float(np.sqrt((t * t).sum()))
    if norm < 1e-3:
        return None
    spectrum = np.fft.rfft2(area) * np.conj(np.fft.rfft2(t, s=area.shape))
    corr = np.fft.irfft2(spectrum, s=area.shape)[:ah - th + 1, :aw - tw + 1]
    sums = _window_sums(area, th, tw)
    squares = _window_sums(area * area, th, tw)
    variance = np.maximum(squares - sums * sums / (th * tw), 1e-6)
    ncc = corr / (np.sqrt(variance) * norm)
    dy, dx = np.unravel_index(int(np.argmax(ncc)), ncc.shape)
    return int(dy), int(dx), float(ncc[dy, dx])


def _window_sums(values: np.ndarray, th: int, tw: int) -> np.ndarray:
    table = np.pad(values, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    return table[th:, tw:] - table[:-th, tw:] - table[th:, :-tw] + table[:-th, :-tw]


# The comparison -----------------------------------------------------------------------------------------------

def _dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    if radius <= 0:
        return mask
    image = Image.fromarray(mask.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(2 * radius + 1))
    return np.asarray(image) > 0


def _recall(draft_ink: np.ndarray, scan_ink: np.ndarray, *, region: tuple[int, int, int, int] | None = None,
            exclude: list[tuple[int, int, int, int]] = ()) -> float:
    """The share of the draft's print (in ``region``, outside ``exclude``) that the aligned scan shows
    within a pixel or two."""
    want = draft_ink.copy()
    for left, top, right, bottom in exclude:
        want[max(0, top):bottom, max(0, left):right] = False
    if region is not None:
        left, top, right, bottom = region
        keep = np.zeros_like(want)
        keep[max(0, top):bottom, max(0, left):right] = True
        want &= keep
    total = int(want.sum())
    if total < 50:
        return 0.0
    return float((want & _dilate(scan_ink, 2)).sum()) / total


def _new_ink(draft_ink: np.ndarray, scan_ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[float, float]:
    """Pen strokes in the space that the draft does not have: (area in mm2, span across in mm)."""
    left, top, right, bottom = box
    slack = max(1, round(DRAFT_SLACK_MM * MM))
    explained = _dilate(draft_ink, slack)[top:bottom, left:right]
    new = scan_ink[top:bottom, left:right] & ~explained
    strokes = np.zeros_like(new)
    for component in _components(new):
        ys, xs = component
        if max(ys.max() - ys.min(), xs.max() - xs.min()) + 1 >= MIN_STROKE_MM * MM:
            strokes[ys, xs] = True
    area = float(strokes.sum()) / (MM * MM)
    columns = np.flatnonzero(strokes.any(axis=0))
    span = float(columns[-1] - columns[0] + 1) / MM if columns.size else 0.0
    return area, span


def _components(mask: np.ndarray):
    """The 8-connected groups of True pixels, as (ys, xs) index arrays. The space is small (~300 x 100 px)
    and mostly empty, so a plain flood fill over its ink pixels is quick."""
    seen = np.zeros_like(mask)
    height, width = mask.shape
    for y0, x0 in zip(*np.nonzero(mask)):
        if seen[y0, x0]:
            continue
        seen[y0, x0] = True
        stack, ys, xs = [(y0, x0)], [], []
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for ny in (y - 1, y, y + 1):
                for nx in (x - 1, x, x + 1):
                    if 0 <= ny < height and 0 <= nx < width and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        yield np.array(ys), np.array(xs)
