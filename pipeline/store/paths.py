"""Every path inside the archive, in one place: the tree an archivist browses and ``ppid verify`` walks.

::

    archive/
      index.html                                the archive page (views)
      .ppid-nomor.json                          the highest number per register and year in the archive
      <tahun>/<bulan>/<nomor>/                  a request or objection (``[paths] folder_pattern``)
      <tahun>/dip/<OPD>/<nomor>/                an OPD's DIP list
      <tahun>/dip/rekap/<nomor>/                the DIP recap with the SK DIP draft
      <tahun>/dik/<nomor>/                      the DIK proposal with the SK DIK draft
      <tahun>/sumber/<sha256[:16]>/             a workbook of many forms, archived once
      <tahun>/batal/<nomor>.json                a voided number and its reason
      <tahun>/buku-register-<jenis>-<tahun>.xlsx
      publikasi/<tahun>/                        the DIP published after the SK DIP is signed
      laporan/<tahun>/                          the yearly service report
      .staging/<token>/                         folders under construction (never read)

Inside a case folder: ``manifest.json``, ``events.jsonl``, the original (``01-formulir-asli.<ext>``), attachments
(``01-<role>-<n>.<ext>``), each letter as ``<stem>.docx``, ``<stem>.pdf`` (PDF/A) and ``<stem>.cetak.pdf``, answer
sheets (``04-lembar-jawaban-<letter>.<ext>``) and signed copies (``<stem>.ditandatangani.<ext>``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.core.numbering import folder_for, safe_name

MANIFEST = "manifest.json"
EVENT_LOG = "events.jsonl"
STAGING_DIR = ".staging"
VOID_DIR = "batal"
SOURCE_DIR = "sumber"
DIP_DIR = "dip"
RECAP_DIR = "rekap"
DIK_DIR = "dik"
INDEX_PAGE = "index.html"
NUMBERS_FILE = ".ppid-nomor.json"              # the highest number per register and year the archive holds
PUBLICATION_DIR = "publikasi"
REPORT_DIR = "laporan"
REGISTER_PREFIX = "buku-register-"
REPOSITORY_PLACEHOLDER = ".gitkeep"             # keeps the repository's own (empty) archive/ in git
ROOT_FILES = {INDEX_PAGE, NUMBERS_FILE, REPOSITORY_PLACEHOLDER}
ROOT_DIRS = {PUBLICATION_DIR, REPORT_DIR}        # views, checked by their own tools, not by ``ppid verify``


# -- folders -------------------------------------------------------------------------------------------------

def dated_case_folder(pattern: str, *, number: str, kind: str, seq: int, registered: date) -> str:
    """A request's or objection's folder: the configured pattern, dated by the registration day."""
    return folder_for(pattern, number=number, kind=kind, seq=seq, on=registered)


def dip_list_folder(year: int, opd: str, number: str) -> str:
    return f"{year}/{DIP_DIR}/{safe_name(opd)}/{safe_name(number)}"


def dip_recap_folder(year: int, number: str) -> str:
    return f"{year}/{DIP_DIR}/{RECAP_DIR}/{safe_name(number)}"


def dik_folder(year: int, number: str) -> str:
    return f"{year}/{DIK_DIR}/{safe_name(number)}"


def source_folder(year: int, sha256: str) -> str:
    return f"{year}/{SOURCE_DIR}/{sha256[:16]}"


def void_record(root: Path, year: int, number: str) -> Path:
    return root / str(year) / VOID_DIR / f"{safe_name(number)}.json"


def register_file(root: Path, kind: str, year: int) -> Path:
    return root / str(year) / f"{REGISTER_PREFIX}{kind}-{year}.xlsx"


def index_page(root: Path) -> Path:
    return root / INDEX_PAGE


def publication_folder(root: Path, year: int) -> Path:
    return root / PUBLICATION_DIR / str(year)


def report_folder(root: Path, year: int) -> Path:
    return root / REPORT_DIR / str(year)


# -- files inside a case folder ------------------------------------------------------------------------------

def original_file(suffix: str) -> str:
    return f"01-formulir-asli{suffix.lower() or '.bin'}"


def source_file(suffix: str) -> str:
    """The one archived copy of a workbook of many forms, in its source folder."""
    return f"formulir-asli{suffix.lower()}"


def attachment_file(role: str, index: int, suffix: str) -> str:
    return f"01-{safe_name(role)}-{index}{suffix.lower() or '.bin'}"


def recap_file(year: int) -> str:
    return f"01-rekap-dip-{year}.xlsx"


def answer_sheet_file(letter: str, suffix: str) -> str:
    return f"04-lembar-jawaban-{letter}{suffix.lower()}"


def signed_copy_file(letter_stem: str, suffix: str) -> str:
    return f"{letter_stem}.ditandatangani{suffix.lower()}"
