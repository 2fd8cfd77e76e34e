"""Letter numbers per issuing office (Pergub Bali 6/2020 Pasal 20): each office's letters and decrees in series of
their own, a konsep never numbered, and a series counter rebuilt from the numbers already given (after ``ppid
reindex`` the database knows only the agency's letter counter)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.core.config import IssuerSettings, load_config
from pipeline.jobs.drafts import allocate_letter_number
from pipeline.render import letters
from pipeline.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 4, 20)


@pytest.fixture()
def ctx(tmp_path):
    shipped = load_config(ROOT / "config.toml")
    config = dataclasses.replace(shipped, issuers={"setda": IssuerSettings(
        name="SEKRETARIAT DAERAH", letters="000.9.2/{seq}/Setda", decrees="188.4/{seq}/KEP/Setda/{tahun}")})
    db = Database(tmp_path / "ppid.sqlite3")
    yield SimpleNamespace(config=config, db=db)
    db.close()


def case(ctx, n: int):
    return ctx.db.open_case(kind="permohonan", register="permohonan", year=2026,
                            number_for=lambda seq: f"{seq:03d}/PPID/IV/2026", received=DAY, applicant_name="X",
                            data={}, source_id=None, source_row=n)


def test_each_office_numbers_its_letters_and_decrees_apart(ctx):
    numbers = [allocate_letter_number(ctx, case(ctx, n), spec, DAY)[0] for n, spec in enumerate((
        letters.FORWARD, letters.REJECTION, letters.ATASAN_NOTE, letters.SK_DIP, letters.FORWARD,
        letters.OBJECTION_ANSWER, letters.SK_DIK), start=2)]
    assert numbers == ["000.9.2/1/IKP/Diskominfos", "001/KEP/PPID/2026", "000.9.2/1/Setda", "188.4/1/KEP/Setda/2026",
                       "000.9.2/2/IKP/Diskominfos", "000.9.2/2/Setda", "188.4/2/KEP/Setda/2026"]


def test_a_konsep_and_a_series_kept_by_its_office_get_no_number_but_a_document_id(ctx):
    bureau = dataclasses.replace(ctx.config, issuers={"setda": IssuerSettings(name="SEKRETARIAT DAERAH")})
    konsep = allocate_letter_number(ctx, case(ctx, 2), letters.SK_DIP_DRAFT, DAY)
    kept = allocate_letter_number(SimpleNamespace(config=bureau, db=ctx.db), case(ctx, 3), letters.SK_DIP, DAY)
    assert konsep[0] is None and konsep[1].startswith("DOK-2026-")
    assert kept[0] is None and kept[1].startswith("DOK-2026-")


def test_a_series_counter_lost_with_the_database_continues_after_the_highest_number(ctx):
    first = allocate_letter_number(ctx, case(ctx, 2), letters.SK_DIP, DAY)[0]
    second = allocate_letter_number(ctx, case(ctx, 3), letters.SK_DIP, DAY)[0]
    with ctx.db.transaction() as c:        # what `ppid reindex` leaves: no counter for this series
        c.execute("DELETE FROM counters WHERE register = 'keputusan:setda'")
    third = allocate_letter_number(ctx, case(ctx, 4), letters.SK_DIP, DAY)[0]
    assert (first, second, third) == ("188.4/1/KEP/Setda/2026", "188.4/2/KEP/Setda/2026", "188.4/3/KEP/Setda/2026")


def test_a_restart_gets_the_same_number_back(ctx):
    again = case(ctx, 2)
    assert allocate_letter_number(ctx, again, letters.ATASAN_NOTE, DAY) == \
        allocate_letter_number(ctx, again, letters.ATASAN_NOTE, DAY)
