"""Working-day calendar for statutory deadlines (UU 14/2008: 10 + 7 working days, objections 30).

Working days are Monday to Friday minus national holidays and, unless switched off, cuti bersama
(Perpres 21/2023). Holidays come from the ``holidays`` package (country ID: national holidays in
category "public", cuti bersama only in category "government"), corrected by a local TOML file
because the package only knows decreed years for sure (later Islamic, Chinese and Vesak dates are
estimates)::

    # dates that are not working days although the package does not know them
    [[libur]]
    tanggal = 2026-12-24
    nama = "Cuti bersama Natal"            # optional
    dasar = "SKB 3 Menteri Nomor ... Tahun 2025"
    # dates the package lists that are working days after all
    [[masuk]]
    tanggal = 2026-03-18
    dasar = "..."
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import holidays

from pipeline.core.bahasa import nama_hari
from pipeline.core.bahasa import tanggal as format_tanggal

if TYPE_CHECKING:
    from pipeline.core.config import DeadlineSettings

__all__ = ["CalendarError", "WorkCalendar", "DAY_ZERO_MODES", "load_calendar"]

DAY_ZERO_MODES = ("receipt", "next_day")
_SECTIONS = {"libur": ("tanggal", "dasar", "nama"), "masuk": ("tanggal", "dasar", "nama")}


class CalendarError(Exception):
    """Bad calendar settings or override file; str(exc) is an Indonesian message for the officer."""


@dataclass(frozen=True)
class _Override:
    section: str        # "libur" | "masuk"
    tanggal: date
    dasar: str
    nama: str | None


def _entry_label(section: str, number: int, entry: object) -> str:
    when = entry.get("tanggal") if isinstance(entry, dict) else None
    suffix = f" (tanggal {format_tanggal(when)})" if isinstance(when, date) else ""
    return f"entri [[{section}]] ke-{number}{suffix}"


def _parse_entry(path: Path, section: str, number: int, entry: object) -> _Override:
    where = f"Berkas hari libur {path}, {_entry_label(section, number, entry)}"
    if not isinstance(entry, dict):
        raise CalendarError(f"{where}: harus berupa tabel [[{section}]].")
    unknown = sorted(set(entry) - set(_SECTIONS[section]))
    if unknown:
        allowed = ", ".join(_SECTIONS[section])
        raise CalendarError(f"{where}: kunci tidak dikenal: {', '.join(unknown)} "
                            f"(yang boleh: {allowed}).")
    when = entry.get("tanggal")
    if when is None:
        raise CalendarError(f"{where}: tanggal belum diisi.")
    # tomllib gives datetime for "2026-12-24T00:00"; a working day is a whole date
    if not isinstance(when, date) or hasattr(when, "hour"):
        raise CalendarError(f"{where}: tanggal harus berupa tanggal tanpa tanda kutip dan tanpa jam, "
                            f"misalnya tanggal = 2026-12-24.")
    dasar = entry.get("dasar")
    if not isinstance(dasar, str) or not dasar.strip():
        raise CalendarError(f"{where}: dasar (nomor keputusan yang menetapkan) belum diisi.")
    nama = entry.get("nama")
    if nama is not None and (not isinstance(nama, str) or not nama.strip()):
        raise CalendarError(f"{where}: nama harus berupa teks.")
    if section == "masuk" and when.weekday() >= 5:
        raise CalendarError(f"{where}: hari {nama_hari(when)} tidak dapat dijadikan hari kerja; "
                            f"hari kerja hanya Senin sampai Jumat.")
    return _Override(section, when, dasar.strip(), nama.strip() if nama else None)


def _parse_override_text(path: Path, text: str) -> list[_Override]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarError(f"Berkas hari libur {path} tidak dapat dibaca: {exc}.") from exc
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise CalendarError(f"Berkas hari libur {path}: bagian tidak dikenal: {', '.join(unknown)} "
                            f"(yang boleh: [[libur]] dan [[masuk]]).")
    entries: list[_Override] = []
    for section in _SECTIONS:
        items = data.get(section, [])
        if not isinstance(items, list):
            raise CalendarError(f"Berkas hari libur {path}: {section} harus ditulis sebagai "
                                f"[[{section}]] (satu tabel per tanggal).")
        entries.extend(_parse_entry(path, section, i, item) for i, item in enumerate(items, 1))
    _reject_duplicates(path, entries)
    return entries


def _reject_duplicates(path: Path, entries: list[_Override]) -> None:
    seen: dict[date, str] = {}
    for entry in entries:
        if entry.tanggal in seen:
            raise CalendarError(
                f"Berkas hari libur {path}: tanggal {format_tanggal(entry.tanggal)} tercantum dua kali "
                f"(di [[{seen[entry.tanggal]}]] dan [[{entry.section}]]).")
        seen[entry.tanggal] = entry.section


def _read_override_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CalendarError(f"Berkas hari libur {path} tidak ditemukan.") from exc
    except OSError as exc:
        raise CalendarError(f"Berkas hari libur {path} tidak dapat dibuka: {exc.strerror}.") from exc


class WorkCalendar:
    """Working days of the provincial government, for deadline arithmetic.

    Counting rule (``day_zero``):

    - ``"receipt"`` (default, common practice): the day of receipt is day 0; day 1 is the first
      working day after it. Received Monday 16 March 2026, 10 working days -> 31 March 2026
      (national holidays only) or 7 April 2026 (with the cuti bersama of 18, 20, 23, 24 March).
    - ``"next_day"``: the day of receipt is day 1 when it is a working day.

    A request received on a weekend or holiday: the receipt day is day 0 anyway, so in both modes
    the first working day after it is day 1.

    Per year the sorted working days are computed once (lazily), so ``add_working_days`` is a
    binary search plus an index, cheap enough for 100 000 cases.
    """

    def __init__(self, *, include_cuti_bersama: bool = True, override_file: Path | None = None,
                 day_zero: str = "receipt") -> None:
        if day_zero not in DAY_ZERO_MODES:
            raise CalendarError(f"Pengaturan hari ke-0 '{day_zero}' tidak dikenal; "
                                f"pilih 'receipt' (hari penerimaan = hari ke-0) atau "
                                f"'next_day' (hari penerimaan = hari ke-1).")
        self.include_cuti_bersama = bool(include_cuti_bersama)
        self.day_zero = day_zero
        self.override_file = Path(override_file) if override_file is not None else None
        self._override_bytes: bytes | None = None
        self._added: dict[date, _Override] = {}
        self._removed: dict[date, _Override] = {}
        if self.override_file is not None:
            self._load_overrides(self.override_file)
        self._categories = ("public", "government") if self.include_cuti_bersama else ("public",)
        self._off: dict[int, dict[date, str]] = {}     # year -> non-working weekday -> name
        self._working: dict[int, list[int]] = {}        # year -> sorted working-day ordinals

    def _load_overrides(self, path: Path) -> None:
        raw = _read_override_file(path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CalendarError(f"Berkas hari libur {path} harus disimpan sebagai UTF-8.") from exc
        for entry in _parse_override_text(path, text):
            target = self._added if entry.section == "libur" else self._removed
            target[entry.tanggal] = entry
        self._override_bytes = raw

    # -- per-year tables --------------------------------------------------------------------

    def _package_holidays(self, year: int) -> dict[date, str]:
        try:
            found = holidays.country_holidays("ID", years=year, categories=self._categories,
                                              language="id")
        except (NotImplementedError, ValueError):   # language missing in an old package version
            found = holidays.country_holidays("ID", years=year, categories=self._categories)
        return dict(found.items())

    def _off_days(self, year: int) -> dict[date, str]:
        """Weekdays of ``year`` that are not working days, with their Indonesian names."""
        off = self._off.get(year)
        if off is None:
            names = self._package_holidays(year)
            for day, entry in self._added.items():
                if day.year == year:
                    names[day] = entry.nama or names.get(day) or f"Libur ({entry.dasar})"
            for day in self._removed:
                names.pop(day, None)
            off = {day: name for day, name in names.items() if day.weekday() < 5}
            self._off[year] = off
        return off

    def _working_ordinals(self, year: int) -> list[int]:
        days = self._working.get(year)
        if days is None:
            off = self._off_days(year)
            first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            days = [o for o in range(first, last + 1)
                    if (o - 1) % 7 < 5 and date.fromordinal(o) not in off]   # ordinal 1 is a Monday
            self._working[year] = days
        return days

    # -- public API -------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self._off_days(d.year)

    def add_working_days(self, start: date, n: int) -> date:
        """The date that is working day ``n`` counted from ``start`` under the ``day_zero`` rule.

        ``n == 0`` returns ``start``. A negative ``n`` counts back from ``start`` (day 0 in both
        modes): -1 is the last working day before ``start``.
        """
        if n == 0:
            return start
        year, ordinal = start.year, start.toordinal()
        days = self._working_ordinals(year)
        if n > 0:
            # bisect_right: start itself is day 0; bisect_left: start (if working) is day 1
            first = bisect_right if self.day_zero == "receipt" else bisect_left
            index = first(days, ordinal) + n - 1
            while index >= len(days):
                index -= len(days)
                year += 1
                days = self._working_ordinals(year)
        else:
            index = bisect_left(days, ordinal) + n
            while index < 0:
                year -= 1
                days = self._working_ordinals(year)
                index += len(days)
        return date.fromordinal(days[index])

    def _working_days_up_to(self, d: date) -> tuple[int, int]:
        """(year, number of working days of that year on or before d)."""
        return d.year, bisect_right(self._working_ordinals(d.year), d.toordinal())

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when end < start.

        Independent of ``day_zero``: in "receipt" mode ``add_working_days(s, k) == e`` gives
        ``working_days_between(s, e) == k``; in "next_day" mode add 1 when ``s`` is a working day.
        """
        if end < start:
            return -self.working_days_between(end, start)
        start_year, before_start = self._working_days_up_to(start)
        end_year, up_to_end = self._working_days_up_to(end)
        full_years = sum(len(self._working_ordinals(y)) for y in range(start_year, end_year))
        return full_years + up_to_end - before_start

    def holidays_between(self, start: date, end: date) -> list[tuple[date, str]]:
        """Weekdays from ``start`` to ``end`` (both included) that are not working days, with
        Indonesian names (national holidays, cuti bersama when counted, local additions).
        Holidays on Saturday or Sunday are left out: they do not move any deadline."""
        if end < start:
            start, end = end, start
        found: list[tuple[date, str]] = []
        for year in range(start.year, end.year + 1):
            found.extend((d, name) for d, name in self._off_days(year).items() if start <= d <= end)
        return sorted(found)

    def fingerprint(self) -> str:
        """sha256 over the override file content (or "none"), the settings and the holidays
        package version: stored with each case so a changed calendar can be detected."""
        digest = hashlib.sha256()
        digest.update(self._override_bytes if self._override_bytes is not None else b"none")
        settings = {"include_cuti_bersama": self.include_cuti_bersama, "day_zero": self.day_zero,
                    "holidays": holidays.__version__}
        digest.update(b"\0" + json.dumps(settings, sort_keys=True).encode())
        return digest.hexdigest()

    def __repr__(self) -> str:
        return (f"WorkCalendar(include_cuti_bersama={self.include_cuti_bersama}, "
                f"override_file={self.override_file!r}, day_zero={self.day_zero!r})")


def load_calendar(settings: "DeadlineSettings") -> WorkCalendar:
    """Calendar from the [deadlines] section of config.toml (pipeline.core.config.DeadlineSettings)."""
    return WorkCalendar(include_cuti_bersama=settings.include_cuti_bersama,
                        override_file=settings.holiday_file, day_zero=settings.day_zero)
