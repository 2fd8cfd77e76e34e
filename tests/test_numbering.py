from datetime import date

import pytest

from pipeline.core.numbering import folder_for, format_number, safe_name


def test_number_pattern():
    assert format_number("{seq:03d}/PPID/{bulan_romawi}/{tahun}", seq=7, on=date(2026, 3, 16)) == "007/PPID/III/2026"
    assert format_number("000.9.2/{seq}/IKP/Diskominfos", seq=15, on=date(2026, 12, 1)) == "000.9.2/15/IKP/Diskominfos"


@pytest.mark.parametrize(("text", "expected"), [
    ("001/PPID/III/2026", "001-PPID-III-2026"),
    ("B.24.067/13306/IKP/D.KOMINFOS", "B.24.067-13306-IKP-D.KOMINFOS"),
    ("a:b*c?d", "a-b-c-d"),
    ("..", "_"),
    ("", "_"),
    ("Perkara Ñandú", "Perkara-Nandu"),
])
def test_safe_name(text, expected):
    assert safe_name(text) == expected


def test_folder_pattern_is_dated_and_safe():
    on = date(2026, 3, 16)
    assert folder_for("{tahun}/{bulan}/{nomor}", number="001/PPID/III/2026", kind="permohonan", seq=1, on=on) == "2026/03/001-PPID-III-2026"
    # An empty field becomes a fixed token, never an empty path segment.
    assert folder_for("{tahun}/{jenis}/{nomor}", number="1", kind="", seq=1, on=on) == "2026/_/1"
