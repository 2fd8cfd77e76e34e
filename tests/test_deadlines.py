from datetime import date, timedelta

import pytest

from pipeline.core.workdays import CalendarError, WorkCalendar

RECEIVED = date(2026, 3, 16)   # Monday; the worked example of the domain reference


def calendar(tmp_path=None, override: str | None = None, **settings) -> WorkCalendar:
    path = None
    if override is not None:
        path = tmp_path / "libur.toml"
        path.write_text(override, encoding="utf-8")
    return WorkCalendar(include_cuti_bersama=settings.get("include_cuti_bersama", True),
                        override_file=path, day_zero=settings.get("day_zero", "receipt"))


@pytest.mark.parametrize(("cuti_bersama", "day_zero", "due"), [
    (False, "receipt", date(2026, 3, 31)),
    (True, "receipt", date(2026, 4, 7)),
    (False, "next_day", date(2026, 3, 30)),
    (True, "next_day", date(2026, 4, 6)),
])
def test_worked_example(cuti_bersama, day_zero, due):
    cal = calendar(include_cuti_bersama=cuti_bersama, day_zero=day_zero)
    assert cal.add_working_days(RECEIVED, 10) == due


def test_defaults_are_receipt_with_cuti_bersama():
    assert WorkCalendar().add_working_days(RECEIVED, 10) == date(2026, 4, 7)


@pytest.mark.parametrize(("received", "day_zero", "day_one"), [
    (date(2026, 3, 14), "receipt", date(2026, 3, 16)),    # Saturday
    (date(2026, 3, 14), "next_day", date(2026, 3, 16)),
    (date(2026, 3, 19), "receipt", date(2026, 3, 25)),    # Nyepi, then cuti bersama to the 24th
    (date(2026, 3, 19), "next_day", date(2026, 3, 25)),
    (date(2026, 3, 17), "receipt", date(2026, 3, 25)),    # working day
    (date(2026, 3, 17), "next_day", date(2026, 3, 17)),
])
def test_receipt_outside_working_days(received, day_zero, day_one):
    assert calendar(day_zero=day_zero).add_working_days(received, 1) == day_one


def test_weekend_receipt_counts_from_next_working_day():
    cal = calendar(include_cuti_bersama=False)
    # Saturday 14 March: Monday 16 is day 1, so day 10 is Monday 30 March (Nyepi 19th skipped)
    assert cal.add_working_days(date(2026, 3, 14), 10) == date(2026, 3, 30)
    assert cal.add_working_days(date(2026, 3, 15), 10) == date(2026, 3, 30)


def test_zero_and_negative_counts():
    cal = calendar()
    assert cal.add_working_days(RECEIVED, 0) == RECEIVED
    assert cal.add_working_days(date(2026, 3, 25), -1) == date(2026, 3, 17)
    assert cal.add_working_days(date(2026, 1, 2), -1) == date(2025, 12, 31)


def test_counting_across_year_end():
    cal = calendar()
    # 2025: 25 Dec Natal, 26 Dec cuti bersama; 2026: 1 Jan Tahun Baru
    assert cal.add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 29)
    assert cal.add_working_days(date(2025, 12, 24), 4) == date(2026, 1, 2)
    assert cal.working_days_between(date(2025, 12, 24), date(2026, 1, 2)) == 4


@pytest.mark.parametrize(("start", "end", "expected"), [
    (RECEIVED, date(2026, 4, 7), 10),
    (date(2026, 4, 7), RECEIVED, -10),
    (RECEIVED, RECEIVED, 0),
    (RECEIVED, date(2026, 3, 17), 1),
    (date(2026, 3, 14), date(2026, 3, 15), 0),
])
def test_working_days_between(start, end, expected):
    assert calendar().working_days_between(start, end) == expected


def test_working_days_between_matches_add_working_days():
    cal = calendar()
    start = date(2026, 1, 5)
    for n in range(0, 300, 7):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_is_working_day():
    cal = calendar()
    assert cal.is_working_day(RECEIVED)
    assert not cal.is_working_day(date(2026, 3, 18))      # cuti bersama Nyepi
    assert not cal.is_working_day(date(2026, 3, 21))      # Saturday
    assert calendar(include_cuti_bersama=False).is_working_day(date(2026, 3, 18))


def test_holidays_between_lists_cuti_bersama_with_names():
    listed = calendar().holidays_between(RECEIVED, date(2026, 4, 7))
    assert [d for d, _ in listed] == [date(2026, 3, 18), date(2026, 3, 19), date(2026, 3, 20),
                                      date(2026, 3, 23), date(2026, 3, 24), date(2026, 4, 3)]
    names = dict(listed)
    assert "Cuti Bersama" in names[date(2026, 3, 18)]
    assert "Nyepi" in names[date(2026, 3, 19)]
    assert "Idul Fitri" in names[date(2026, 3, 23)]
    # 21-22 March (Idul Fitri) fall on the weekend: they move nothing and are not listed
    assert date(2026, 3, 21) not in names


def test_holidays_between_without_cuti_bersama():
    listed = calendar(include_cuti_bersama=False).holidays_between(RECEIVED, date(2026, 4, 7))
    assert [d for d, _ in listed] == [date(2026, 3, 19), date(2026, 4, 3)]


LIBUR_17_MARET = """
[[libur]]
tanggal = 2026-03-17
nama = "Libur daerah"
dasar = "Keputusan Gubernur Nomor 1 Tahun 2026"
"""

MASUK_18_MARET = """
[[masuk]]
tanggal = 2026-03-18
dasar = "SKB 3 Menteri perubahan"
"""


def test_override_adds_a_holiday(tmp_path):
    cal = calendar(tmp_path, LIBUR_17_MARET)
    assert cal.add_working_days(RECEIVED, 10) == date(2026, 4, 8)
    assert (date(2026, 3, 17), "Libur daerah") in cal.holidays_between(RECEIVED, RECEIVED + timedelta(3))


def test_override_removes_a_holiday(tmp_path):
    cal = calendar(tmp_path, MASUK_18_MARET)
    assert cal.is_working_day(date(2026, 3, 18))
    assert cal.add_working_days(RECEIVED, 10) == date(2026, 4, 6)


def test_override_name_defaults_to_its_basis(tmp_path):
    cal = calendar(tmp_path, '[[libur]]\ntanggal = 2026-06-02\ndasar = "SK Nomor 9"\n')
    assert cal.holidays_between(date(2026, 6, 2), date(2026, 6, 2)) == [
        (date(2026, 6, 2), "Libur (SK Nomor 9)")]


def test_fingerprint_follows_override_and_settings(tmp_path):
    plain = calendar().fingerprint()
    assert plain == calendar().fingerprint()
    assert plain != calendar(include_cuti_bersama=False).fingerprint()
    assert plain != calendar(day_zero="next_day").fingerprint()
    first = calendar(tmp_path, LIBUR_17_MARET).fingerprint()
    second = calendar(tmp_path, LIBUR_17_MARET + MASUK_18_MARET).fingerprint()
    assert len({plain, first, second}) == 3


@pytest.mark.parametrize(("content", "message"), [
    ('[[libur]]\ntanggal = 2026-12-24\ndasar = "x"\nname = "Natal"\n',
     "[[libur]] ke-1 (tanggal 24 Desember 2026): kunci tidak dikenal: name"),
    ('[[libur]]\nnama = "Natal"\ndasar = "x"\n', "[[libur]] ke-1: tanggal belum diisi"),
    ('[[masuk]]\ntanggal = 2026-03-18\n', "[[masuk]] ke-1 (tanggal 18 Maret 2026): dasar"),
    ('[[libur]]\ntanggal = "2026-12-24"\ndasar = "x"\n', "tanggal harus berupa tanggal"),
    ('[[libur]]\ntanggal = 2026-12-24T08:00:00\ndasar = "x"\n', "tanpa jam"),
    ('[[libur]]\ntanggal = 2026-12-24\ndasar = "x"\n[[libur]]\ntanggal = 24\ndasar = "y"\n',
     "[[libur]] ke-2"),
    ('[[masuk]]\ntanggal = 2026-03-21\ndasar = "x"\n', "hari Sabtu tidak dapat dijadikan hari kerja"),
    ('[[cuti]]\ntanggal = 2026-03-21\n', "bagian tidak dikenal: cuti"),
    ('libur = "2026-12-24"\n', "libur harus ditulis sebagai [[libur]]"),
    ('[[libur]]\ntanggal = 2026-12-24\ndasar = "x"\n[[masuk]]\ntanggal = 2026-12-24\ndasar = "y"\n',
     "tercantum dua kali"),
    ("[[libur]\n", "tidak dapat dibaca"),
])
def test_override_file_errors(tmp_path, content, message):
    with pytest.raises(CalendarError) as caught:
        calendar(tmp_path, content)
    assert message in str(caught.value)


def test_missing_override_file(tmp_path):
    with pytest.raises(CalendarError, match="tidak ditemukan"):
        WorkCalendar(include_cuti_bersama=True, override_file=tmp_path / "tidak-ada.toml",
                     day_zero="receipt")


def test_unknown_day_zero():
    with pytest.raises(CalendarError, match="hari ke-0"):
        WorkCalendar(include_cuti_bersama=True, override_file=None, day_zero="besok")


def test_many_deadlines_are_fast():
    import time

    cal = calendar()
    start = time.perf_counter()
    for i in range(100_000):
        cal.add_working_days(date(2024 + i % 4, 1 + i % 12, 1 + i % 28), 10 + i % 30)
    assert time.perf_counter() - start < 5
