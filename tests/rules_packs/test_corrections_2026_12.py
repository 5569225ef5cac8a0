"""Every pack edit suggested by criteria-2026-12.md §5 is in the packs, with its source.

Each test names the §5 point and the D-number of §2; the item's provenance must cite both the
notes (``criteria-2026-12.md``) and the public source (S1–S9) the correction rests on, so an
assessor can follow a verdict back to its evidence.
"""

from __future__ import annotations

import pytest

from oit_checker.rules import get_pack
from oit_checker.rules.schema import Confidence, Item, ItemStatus, PackStatus, TimeWindow


def _cites(item: Item, *needles: str) -> None:
    text = f"{item.provenance.source} {item.provenance.note or ''}"
    assert "criteria-2026-12.md" in text, item.id
    for needle in needles:
        assert needle in text, f"{item.id}: provenance does not cite {needle!r}: {text}"


def test_5_1_2568_o06_is_plan_and_first_half_progress() -> None:
    item = get_pack(year=2568).item("o06")
    assert item.status is ItemStatus.DEFINED
    assert item.title_th == "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี"
    assert item.window is TimeWindow.FISCAL_YEAR
    ids = {e.id: e for e in item.elements}
    assert {"projects", "budget", "period", "progress", "budget_spent"} <= set(ids)
    assert ids["progress"].required_after == ids["budget_spent"].required_after == "first_half"
    assert item.provenance.confidence is Confidence.MEDIUM
    assert set(item.merged_from) == {"annual_operation_plan", "six_month_progress_report"}
    assert any("รอบ 6 เดือน" in s for s in item.signals.synonyms)
    _cites(item, "D-1", "S2", "S3", "S4", "S5")


def test_5_2_2568_o05_is_the_strategic_plan() -> None:
    p2568, p2569 = get_pack(year=2568), get_pack(year=2569)
    item = p2568.item("o05")
    assert (item.key, item.title_th) == ("strategic_plan", p2569.item("o05").title_th)
    assert item.window is TimeWindow.MULTI_YEAR
    assert item.provenance.confidence is Confidence.MEDIUM
    _cites(item, "D-2", "S5")


def test_5_3_2568_o03_has_the_two_way_channel() -> None:
    item = get_pack(year=2568).item("o03")
    two_way = next(e for e in item.elements if e.id == "two_way")
    assert not two_way.optional
    assert "line.me" in two_way.recognize.link_hosts
    assert item.merged_from == ["qa"]
    _cites(item, "D-3", "S1")


@pytest.mark.parametrize("year", [2568, 2569])
def test_5_4_o02_local_governments_show_political_and_permanent_executives(year: int) -> None:
    item = get_pack(year=year).item("o02")
    (lao,) = [e for e in item.elements if e.applies_to == ["lao"]]
    assert {"นายก", "ปลัด"} <= set(lao.recognize.all_of)
    assert "ฝ่ายการเมือง" in lao.th and "ฝ่ายข้าราชการประจำ" in lao.th
    assert "ฝ่ายข้าราชการประจำ" in item.remediation.th
    _cites(item, "D-4" if year == 2568 else "D-12", "S1")
    if year == 2568:
        assert item.provenance.confidence is Confidence.MEDIUM


def test_5_5_2569_o06_o07_carry_on_the_2568_items_with_low_confidence() -> None:
    p2568, p2569 = get_pack(year=2568), get_pack(year=2569)
    for item_id, number in (("o06", "D-10"), ("o07", "D-11")):
        item = p2569.item(item_id)
        assert item.status is ItemStatus.DEFINED
        assert item.key == p2568.item(item_id).key
        assert item.title_th == p2568.item(item_id).title_th
        assert item.provenance.confidence is Confidence.LOW
        _cites(item, number)
    assert p2569.item("o07").window is TimeWindow.PREVIOUS_FISCAL_YEAR


def test_5_6_2569_o18_previous_year_first_like_2568_o19() -> None:
    item = get_pack(year=2569).item("o18")
    assert item.window is TimeWindow.PREVIOUS_FISCAL_YEAR
    assert item.window_alternatives == [TimeWindow.FIRST_HALF]
    assert "2568" in item.remediation.th
    assert get_pack(year=2568).item("o19").window is TimeWindow.PREVIOUS_FISCAL_YEAR
    _cites(item, "D-13")


def test_5_7_2569_o10_usage_statistics_optional() -> None:
    item = get_pack(year=2569).item("o10")
    stats = next(e for e in item.elements if e.id == "usage_statistics")
    assert stats.optional
    _cites(item, "D-14")


def test_5_8_2567_items_beyond_o4_are_low_confidence() -> None:
    pack = get_pack(year=2567)
    for item in pack.items:
        if item.number <= 4:
            assert item.provenance.confidence in (Confidence.HIGH, Confidence.MEDIUM)
            continue
        assert item.provenance.confidence is Confidence.LOW, item.id
        _cites(item, "D-18")
    assert "D-18" in (pack.notes or "")


def test_d_19_anti_corruption_plan_accepts_a_multi_year_plan() -> None:
    for year, item_id in ((2567, "o30"), (2568, "o25"), (2569, "o23")):
        item = get_pack(year=year).item(item_id)
        assert item.window is TimeWindow.FISCAL_YEAR
        assert item.window_alternatives == [TimeWindow.MULTI_YEAR]
        assert "D-19" in item.provenance.source


def test_d_5_to_d_8_2568_o07_grouping_and_o26_alternative_reading() -> None:
    pack = get_pack(year=2568)
    o07 = pack.item("o07")
    assert (o07.status, o07.provenance.confidence) == (ItemStatus.DEFINED, Confidence.LOW)
    _cites(o07, "D-5")
    assert pack.item("o16").sub_indicator.startswith("9.4")
    assert "D-6" in pack.item("o16").provenance.source
    for item_id in ("o21", "o22", "o23", "o24"):
        assert pack.item(item_id).sub_indicator == "การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน"
    for item_id in ("o25", "o26"):
        assert pack.item(item_id).sub_indicator == "การส่งเสริมคุณธรรมและความโปร่งใส"
    o26 = pack.item("o26")
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in o26.signals.synonyms
    assert "D-8" in (o26.provenance.note or "")


def test_d_21_the_false_2568_source_is_recorded() -> None:
    assert "OIT_DEFAULTS_2568" in (get_pack(year=2568).notes or "")


@pytest.mark.parametrize("year", [2568, 2569])
def test_no_unknown_item_left_and_the_pack_says_where_it_comes_from(year: int) -> None:
    pack = get_pack(year=year)
    assert pack.complete and pack.status is PackStatus.RECONSTRUCTED
    titles = " ".join(s.title for s in pack.sources)
    assert "criteria-2026-12.md" in titles and "S1" in titles
    assert "tambonkudpladuk" in " ".join(s.url or "" for s in pack.sources)
