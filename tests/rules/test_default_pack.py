"""The calendar default: without --year a run checks against the ITA the agency is preparing
for, from 1 October of พ.ศ. N−1 on (issue #14 point 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from oit_checker.rules import get_pack
from oit_checker.rules.default import (
    TODAY_ENV,
    assessment_year,
    choice_reason,
    default_pack,
    run_date,
)
from oit_checker.rules.loader import RulePackError
from tests.rules.conftest import minimal_pack


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2025, 9, 30), 2568),  # 30 ก.ย. 2568: still fiscal 2568
        (date(2025, 10, 1), 2569),  # 1 ต.ค. 2568: agencies prepare for ITA 2569
        (date(2026, 3, 31), 2569),
        (date(2026, 9, 30), 2569),
        (date(2026, 10, 1), 2570),
        (date(2026, 12, 1), 2570),
    ],
)
def test_assessment_year_turns_on_1_october(today: date, year: int) -> None:
    """Days are ค.ศ. dates; the ITA year is พ.ศ. (ค.ศ. + 543, + 1 from October)."""
    assert assessment_year(today) == year


@pytest.mark.parametrize(
    ("today", "pack_id"),
    [
        (date(2025, 9, 30), "nacc-2568"),
        (date(2025, 10, 1), "nacc-2569"),
        (date(2026, 9, 30), "nacc-2569"),
        (date(2026, 10, 1), "nacc-2570"),
    ],
)
def test_bundled_default_on_the_boundaries(today: date, pack_id: str) -> None:
    chosen = default_pack(today)
    assert chosen.info.id == pack_id
    assert get_pack(today=today).id == pack_id
    assert str(assessment_year(today)) in chosen.reason_th
    assert today.isoformat() in chosen.reason_en and pack_id in chosen.reason_en


def test_newest_pack_of_the_year_wins_and_missing_years_fall_back(
    tmp_path: Path, write_pack: Any
) -> None:
    expected = minimal_pack(year=2570)
    expected.update(id="test-2570-expected", status="provisional")
    write_pack(expected, name="a-expected.yaml")
    reconstructed = minimal_pack(year=2570)
    reconstructed.update(id="test-2570-reconstructed")
    write_pack(reconstructed, name="b-reconstructed.yaml")
    write_pack(minimal_pack(year=2568), name="c-2568.yaml")
    # a reconstruction beats an expected list of the same year
    assert default_pack(date(2026, 10, 1), directory=tmp_path).info.id == "test-2570-reconstructed"
    # no pack for ITA 2569 yet: the newest earlier year, and the reason says so
    fallback = default_pack(date(2025, 10, 1), directory=tmp_path)
    assert fallback.info.id == "test-2568"
    assert "ยังไม่มีชุดเกณฑ์ของปี 2569" in fallback.reason_th
    assert "no pack for 2569 yet" in fallback.reason_en


def test_reason_tells_the_default_from_a_chosen_year() -> None:
    day = date(2026, 12, 1)
    th, en = choice_reason(get_pack(year=2570), day)
    assert th.startswith("ค่าเริ่มต้นตามปฏิทิน") and en.startswith("Calendar default")
    th, en = choice_reason(get_pack(year=2567), day)
    assert "--year" in th and "nacc-2570" in th and "the default on 2026-12-01 is nacc-2570" in en


def test_run_date_can_be_fixed_for_a_whole_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "2026-09-30")
    assert run_date() == date(2026, 9, 30)
    assert get_pack().id == "nacc-2569"
    monkeypatch.setenv(TODAY_ENV, "30/09/2569")
    with pytest.raises(RulePackError, match=TODAY_ENV):
        run_date()


def test_rules_list_shows_the_default_and_why(tmp_path: Path) -> None:
    env = {**os.environ, TODAY_ENV: "2026-10-01", "COLUMNS": "200", "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "oit_checker", "rules", "list"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "nacc-2570 (ค่าเริ่มต้น / default)" in out
    assert "provisional" in out
    assert "ITA 2570" in out and "fiscal year 2570 began on 2026-10-01" in out
    env[TODAY_ENV] = "2026-09-30"
    out = subprocess.run(
        [sys.executable, "-m", "oit_checker", "rules", "list"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "nacc-2569 (ค่าเริ่มต้น / default)" in out
