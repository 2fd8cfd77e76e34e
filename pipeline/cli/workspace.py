"""The configuration ``ppid init`` writes: the repository's example with the office's own letterhead and signers,
asked for or left as "[ISI: …]" placeholders that no letter is printed with (pipeline.core.config.placeholder_keys).

The repository's ``config.toml`` is the example (Diskominfos Bali, used by ``make run`` on the repository itself);
``--contoh`` copies it as it is, marked as the example.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Callable

# Each key of the letterhead and signature blocks: what to ask, and the placeholder left when not answered.
AGENCY_KEYS = {
    "government": "Pemerintah (baris pertama kop), mis. PEMERINTAH KABUPATEN BADUNG",
    "name": "Nama badan publik (baris kedua kop), mis. DINAS KOMUNIKASI DAN INFORMATIKA",
    "short_name": "Singkatan badan publik, mis. Diskominfo",
    "address": "Alamat kantor",
    "city": "Kota tempat surat dibuat, mis. Mangupura",
    "phone": "Telepon kantor",
    "email": "E-mail PPID",
    "website": "Situs web PPID",
    "public_body": "Badan publik (dalam \"PPID <badan publik>\"), mis. Pemerintah Kabupaten Badung",
}
OTHER_KEYS = {
    ("forward", "dip_addressee"): "Tujuan surat pengantar DIP, mis. PPID Pelaksana di Lingkungan Pemerintah Kabupaten Badung",
}
TEMBUSAN = "Tembusan: jabatan penerima, mis. jabatan PPID"
# Left empty in another issuing office ([issuers.*]): taken from [agency], so no example's region is kept.
INHERITED_FROM_AGENCY = {"government"}
SIGNER_KEYS = {
    "name": "nama lengkap dan gelar",
    "nip": "NIP (18 angka)",
    "rank": "pangkat/golongan",
    "position": "jabatan",
}
SIGNERS = {"ppid": "PPID", "atasan_ppid": "Atasan PPID", "desk": "Kepala meja layanan (menandatangani tanda terima)"}
BLANK_WHEN_UNANSWERED = {"nip"}      # a NIP is 18 digits or nothing: left empty, never a placeholder
LETTER_PATTERN = "000.9.2/{seq}/PPID/{tahun}"

_EXAMPLE_HEADER = re.compile(r"# THIS FILE IS THE EXAMPLE.*?\n#\n", re.S)


def example_config(example: str) -> str:
    """The example as it is, its header saying it is a demonstration workspace."""
    return _EXAMPLE_HEADER.sub(
        "# A DEMONSTRATION WORKSPACE (`ppid init --contoh`): the letterhead and signers are the example's\n"
        "# (Diskominfos Bali). Replace them before any real letter is printed.\n#\n", example)


def placeholder_config(example: str, *, ask: Callable[[str], str] | None = None) -> str:
    """The example with the letterhead and signers asked for (``ask(question) -> answer``, '' for later) or
    left as placeholders, and the outgoing letter pattern without the example's agency code."""
    text = _EXAMPLE_HEADER.sub(
        f"# Workspace made by `ppid init` on {date.today().isoformat()}. Fill in every \"[ISI: ...]\" value of\n"
        "# [agency] and [signers.*] (and the NIPs): no letter is printed while one is left.\n#\n", example)
    lines, section = [], ""
    for line in text.split("\n"):
        header = re.match(r"\[([\w.]+)\]\s*$", line)
        if header:
            section = header.group(1)
        lines.append(_filled(line, section, ask))
    return "\n".join(lines)


def _filled(line: str, section: str, ask: Callable[[str], str] | None) -> str:
    if section == "tembusan":
        return _tembusan_placeholder(line)
    match = re.match(r"(\w+)(\s*=\s*)\"[^\"]*\"(.*)$", line)
    if not match:
        return line
    key, equals, rest = match.groups()
    if section == "numbering" and key == "letter":
        return f"{key}{equals}{json.dumps(LETTER_PATTERN)}{rest.split('#')[0].rstrip()}  # outgoing letters: your archive code"
    if section.startswith("issuers.") and key in INHERITED_FROM_AGENCY:
        return f"{key}{equals}\"\"{rest}"
    question = _question(section, key)
    if question is None:
        return line
    answer = ask(question) if ask else ""
    value = answer or ("" if key in BLANK_WHEN_UNANSWERED else f"[ISI: {question}]")
    return f"{key}{equals}{json.dumps(value, ensure_ascii=False)}{rest}"


def _tembusan_placeholder(line: str) -> str:
    """The example's copies name its own officials: each list is left for the office to fill (or empty)."""
    match = re.match(r"(\w+)(\s*=\s*)\[.*\](.*)$", line)
    if not match:
        return line
    key, equals, rest = match.groups()
    return f"{key}{equals}{json.dumps([f'[ISI: {TEMBUSAN}]'], ensure_ascii=False)}{rest}"


def _question(section: str, key: str) -> str | None:
    if section == "agency":
        return AGENCY_KEYS.get(key)
    if section.startswith("signers.") and section[8:] in SIGNERS and key in SIGNER_KEYS:
        return f"{SIGNERS[section[8:]]}: {SIGNER_KEYS[key]}"
    return OTHER_KEYS.get((section, key))
