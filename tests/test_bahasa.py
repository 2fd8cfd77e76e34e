from datetime import date, datetime
from decimal import Decimal

import pytest

from pipeline.core.bahasa import (
    angka_terbilang,
    bulan_romawi,
    format_nip,
    hari_kerja,
    hari_tanggal,
    nama_bulan,
    nama_hari,
    parse_tanggal,
    rupiah,
    tanggal,
    tanggal_terbilang,
    terbilang,
)

TERBILANG = [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (2000, "dua ribu"),
    (10_000, "sepuluh ribu"),
    (11_000, "sebelas ribu"),
    (15_000, "lima belas ribu"),
    (100_000, "seratus ribu"),
    (101_000, "seratus satu ribu"),
    (1_000_000, "satu juta"),
    (1_001_000, "satu juta seribu"),
    (1_000_001, "satu juta satu"),
    (2_500_000, "dua juta lima ratus ribu"),
    (999_999_999, "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh "
                  "sembilan ribu sembilan ratus sembilan puluh sembilan"),
    (1_000_000_000, "satu miliar"),
    (1_234_567_890_123, "satu triliun dua ratus tiga puluh empat miliar lima ratus enam puluh "
                        "tujuh juta delapan ratus sembilan puluh ribu seratus dua puluh tiga"),
    (2026, "dua ribu dua puluh enam"),
    (-5, "minus lima"),
]


@pytest.mark.parametrize(("n", "words"), TERBILANG)
def test_terbilang(n, words):
    assert terbilang(n) == words


def test_terbilang_limits():
    assert terbilang(999_999_999_999_999).startswith("sembilan ratus sembilan puluh sembilan triliun")
    with pytest.raises(ValueError):
        terbilang(1000 ** 5)
    with pytest.raises(TypeError):
        terbilang(1.5)


@pytest.mark.parametrize(("amount", "text"), [
    (15_000, "Rp15.000,00 (lima belas ribu rupiah)"),
    (Decimal("1500.50"), "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"),
    (Decimal("1500.5"), "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"),
    (0, "Rp0,00 (nol rupiah)"),
    (1_001_000, "Rp1.001.000,00 (satu juta seribu rupiah)"),
    (Decimal("250"), "Rp250,00 (dua ratus lima puluh rupiah)"),
    (Decimal("0.75"), "Rp0,75 (tujuh puluh lima sen)"),
    (Decimal("99.995"), "Rp100,00 (seratus rupiah)"),
])
def test_rupiah(amount, text):
    assert rupiah(amount) == text


def test_rupiah_rejects_negative():
    with pytest.raises(ValueError):
        rupiah(-1)


def test_number_phrases():
    assert angka_terbilang(10) == "10 (sepuluh)"
    assert angka_terbilang(1500) == "1.500 (seribu lima ratus)"
    assert hari_kerja(10) == "10 (sepuluh) hari kerja"
    assert hari_kerja(30) == "30 (tiga puluh) hari kerja"


@pytest.mark.parametrize(("d", "text", "with_day", "words"), [
    (date(2026, 3, 7), "7 Maret 2026", "Sabtu, 7 Maret 2026", "tujuh Maret dua ribu dua puluh enam"),
    (date(2026, 3, 16), "16 Maret 2026", "Senin, 16 Maret 2026",
     "enam belas Maret dua ribu dua puluh enam"),
    (date(2025, 12, 31), "31 Desember 2025", "Rabu, 31 Desember 2025",
     "tiga puluh satu Desember dua ribu dua puluh lima"),
    (date(2026, 1, 1), "1 Januari 2026", "Kamis, 1 Januari 2026", "satu Januari dua ribu dua puluh enam"),
])
def test_dates(d, text, with_day, words):
    assert tanggal(d) == text
    assert hari_tanggal(d) == with_day
    assert tanggal_terbilang(d) == words


def test_month_and_day_names():
    assert [bulan_romawi(m) for m in range(1, 13)] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert nama_bulan(8) == "Agustus"
    assert nama_hari(date(2026, 3, 20)) == "Jumat"
    with pytest.raises(ValueError):
        nama_bulan(13)


@pytest.mark.parametrize(("nip", "printed"), [
    ("196805311997031002", "19680531 199703 1 002"),
    ("19680531 199703 1 002", "19680531 199703 1 002"),
    ("12345", "12345"),
    ("-", "-"),
    ("19680531199703100X", "19680531199703100X"),
])
def test_format_nip(nip, printed):
    assert format_nip(nip) == printed


@pytest.mark.parametrize(("text", "expected"), [
    ("16 Maret 2026", date(2026, 3, 16)),
    ("Denpasar, 16 Maret 2026", date(2026, 3, 16)),
    ("Senin, 16 Maret 2026", date(2026, 3, 16)),
    ("16-03-2026", date(2026, 3, 16)),
    ("16/03/2026", date(2026, 3, 16)),
    ("16.3.2026", date(2026, 3, 16)),
    ("2026-03-16", date(2026, 3, 16)),
    ("2026-03-16 00:00:00", date(2026, 3, 16)),
    ("16 Mar 2026", date(2026, 3, 16)),
    ("16-Mar-26", date(2026, 3, 16)),
    ("16 March 2026", date(2026, 3, 16)),
    ("March 16, 2026", date(2026, 3, 16)),
    ("17 agustus 2025", date(2025, 8, 17)),
    ("17 Agt. 2025", date(2025, 8, 17)),
    ("10 Nopember 2025", date(2025, 11, 10)),
    ("46097", date(2026, 3, 16)),
    (46097, date(2026, 3, 16)),
    (46097.25, date(2026, 3, 16)),
    (datetime(2026, 3, 16, 9, 30), date(2026, 3, 16)),
    (date(2026, 3, 16), date(2026, 3, 16)),
    ("31 Februari 2026", None),
    ("31-02-2026", None),
    ("2026", None),
    ("besok", None),
    ("", None),
    (None, None),
])
def test_parse_tanggal(text, expected):
    assert parse_tanggal(text) == expected
