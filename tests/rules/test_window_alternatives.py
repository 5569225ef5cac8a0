"""``window_alternatives``: validated when a pack loads, shown by ``rules show`` and ``rules diff``,
and set on the items whose period the criteria notes call uncertain."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from oit_checker.cli import app
from oit_checker.rules import RulePackError, get_pack, load_pack
from oit_checker.rules.diff import diff_packs
from oit_checker.rules.schema import TimeWindow
from tests.rules.conftest import minimal_item, minimal_pack

runner = CliRunner()


def _load(write_pack: Any, **extra: Any) -> Any:
    return load_pack(write_pack(minimal_pack(items=[minimal_item(1, "no_gift_report", **extra)])))


def test_alternatives_load(write_pack: Any) -> None:
    pack = _load(write_pack, window="previous_fiscal_year", window_alternatives=["fiscal_year"])
    assert pack.items[0].window_alternatives == [TimeWindow.FISCAL_YEAR]


@pytest.mark.parametrize(
    ("window", "alternatives", "message"),
    [
        ("fiscal_year", ["current"], "would switch the period check off"),
        ("current", ["fiscal_year"], "need a window other than 'current'"),
        ("fiscal_year", ["fiscal_year"], "repeats the item's window"),
        ("first_half", ["fiscal_year", "fiscal_year"], "lists a period twice"),
    ],
)
def test_bad_alternatives_are_rejected_with_the_path(
    write_pack: Any, window: str, alternatives: list[str], message: str
) -> None:
    with pytest.raises(RulePackError) as info:
        _load(write_pack, window=window, window_alternatives=alternatives)
    text = "\n".join(info.value.errors)
    assert "items[0]" in text and message in text


def test_uncertain_periods_of_the_criteria_notes_have_alternatives() -> None:
    """oit-criteria.md marks these periods as uncertain or conflicting between sources."""
    expected = {
        (2566, "o17"): [TimeWindow.PREVIOUS_FISCAL_YEAR],  # satisfaction survey 2565/2566
        (2566, "o33"): [TimeWindow.FISCAL_YEAR],  # No Gift report 2565/2566
        (2567, "o12"): [TimeWindow.FISCAL_YEAR],  # service statistics, 6 months unverified
        (2567, "o23"): [TimeWindow.FISCAL_YEAR],  # complaint statistics, 6 months unverified
        (2567, "o27"): [TimeWindow.FISCAL_YEAR],  # No Gift report 2566/2567
        (2568, "o19"): [TimeWindow.FIRST_HALF],  # RTRDA 2567 vs later first half
        (2568, "o22"): [TimeWindow.FISCAL_YEAR],  # gift receipts 2567/2568
        # RTRDA 2568 (primary since criteria-2026-12.md D-13) vs OVEC first half
        (2569, "o18"): [TimeWindow.FIRST_HALF],
        # annual plan vs the 4-year plan อปท. often publish (criteria-2026-12.md D-19)
        (2567, "o30"): [TimeWindow.MULTI_YEAR],
        (2568, "o25"): [TimeWindow.MULTI_YEAR],
        (2569, "o23"): [TimeWindow.MULTI_YEAR],
    }
    for (year, item_id), alternatives in expected.items():
        item = get_pack(year=year).item(item_id)
        assert item.window_alternatives == alternatives, (year, item_id)
        assert item.provenance.note, (year, item_id)


def test_show_and_diff_name_the_alternatives(write_pack: Any) -> None:
    result = runner.invoke(app, ["rules", "show", "o27", "--year", "2567"])
    assert result.exit_code == 0, result.output
    assert "the previous fiscal year หรือ / or ปีงบประมาณของการประเมิน" in result.output
    old = _load(write_pack, window="previous_fiscal_year")
    new_item = minimal_item(
        1, "no_gift_report", window="previous_fiscal_year", window_alternatives=["fiscal_year"]
    )
    new = load_pack(write_pack(minimal_pack(items=[new_item]), name="new.yaml"))
    d = diff_packs(old, new)
    (change,) = d.windows
    assert change.old == change.new == TimeWindow.PREVIOUS_FISCAL_YEAR
    assert (change.old_alternatives, change.new_alternatives) == ([], [TimeWindow.FISCAL_YEAR])
