"""As-of judgement: a run before the data is due asks only for the months already past, and
the report says what is not yet due instead of failing (issue #14 point 4)."""

from __future__ import annotations

from datetime import date

import pytest

from oit_checker.assess import assess_item
from oit_checker.assess.asof import element_due, months_not_due
from oit_checker.models import ItemResult, Verdict
from oit_checker.report._common import reason_en, reason_th
from oit_checker.rules.schema import Pack, TimeWindow
from tests.assess.docs import cand, pack, page, site

P2568 = pack(2568)
P2569 = pack(2569)


def _run(p: Pack, item_id: str, path: str, title: str, body: str, today: date) -> ItemResult:
    doc = page(path, title, body)
    return assess_item(p.item(item_id), p, [cand(item_id, doc.url)], site([doc]), {}, today=today)


def _codes(result: ItemResult) -> set[str]:
    return {p.code for p in result.problems}


PLAN_ONLY = (
    "<p>แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568</p>"
    "<table><tr><th>โครงการ</th><th>งบประมาณ (บาท)</th><th>ระยะเวลาดำเนินการ</th></tr>"
    "<tr><td>โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3</td><td>1,200,000</td>"
    "<td>ธันวาคม 2567 – มีนาคม 2568</td></tr>"
    "<tr><td>โครงการอบรมส่งเสริมอาชีพผู้สูงอายุ</td><td>50,000</td><td>มกราคม 2568</td></tr>"
    "</table><p>ประกาศ ณ วันที่ 25 ตุลาคม 2567</p>"
)


def test_plan_without_progress_passes_in_november_with_a_not_yet_due_note() -> None:
    result = _run(
        P2568,
        "o06",
        "/ita/o06.html",
        "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        PLAN_ONLY,
        date(2024, 11, 20),
    )
    assert result.verdict is Verdict.PASS, result.problems
    note = next(p for p in result.problems if p.code == "element_not_yet_due")
    assert note.message_th.startswith("ณ วันที่ 20 พ.ย. 2567 ยังไม่ถึงกำหนด")
    assert "31 มี.ค. 2568" in note.message_th and "31 Mar 2025" in note.message_en
    # every report format shows the note with the reason
    assert note.message_th in reason_th(result) and note.message_en in reason_en(result)


def test_the_same_plan_fails_once_the_first_half_is_over() -> None:
    result = _run(
        P2568,
        "o06",
        "/ita/o06.html",
        "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
        PLAN_ONLY,
        date(2025, 6, 15),
    )
    assert result.verdict is Verdict.FAIL
    assert "missing_elements" in _codes(result)
    assert any("ความก้าวหน้า" in m for m in result.missing_elements)
    assert "element_not_yet_due" not in _codes(result)


MONTHLY_OCTOBER = (
    "<p>สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำเดือนตุลาคม 2568</p>"
    "<table><tr><th>งานที่จัดซื้อหรือจัดจ้าง</th><th>วงเงิน</th><th>ราคากลาง</th>"
    "<th>วิธีซื้อหรือจ้าง</th><th>ผู้เสนอราคา</th><th>ผู้ได้รับการคัดเลือกและราคาที่ตกลง</th>"
    "<th>เหตุผลที่คัดเลือก</th><th>เลขที่และวันที่ของสัญญา</th></tr>"
    "<tr><td>จัดซื้อวัสดุสำนักงาน</td><td>12,500</td><td>12,500</td><td>เฉพาะเจาะจง</td>"
    "<td>ร้านสาธิตพาณิชย์ 12,500 บาท</td><td>ร้านสาธิตพาณิชย์ 12,500 บาท</td>"
    "<td>ใช้เกณฑ์ราคา</td><td>ใบสั่งซื้อเลขที่ 5/2569 ลงวันที่ 8 ตุลาคม 2568</td></tr></table>"
)


def test_monthly_item_in_november_asks_only_for_october() -> None:
    """A run in November must not fail the monthly procurement item for missing months up to
    March: only October is over."""
    result = _run(
        P2569,
        "o11",
        "/ita/o11-2568-10.html",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน ตุลาคม 2568",
        MONTHLY_OCTOBER,
        date(2025, 11, 20),
    )
    assert result.verdict is not Verdict.FAIL, result.problems
    note = next(p for p in result.problems if p.code == "not_yet_due")
    assert note.params["months"] == "พ.ย. 2568–มี.ค. 2569"
    assert note.params["months_en"] == "Nov 2025–Mar 2026"
    assert note.message_th.startswith("ณ วันที่ 20 พ.ย. 2568")


def test_monthly_item_in_may_fails_for_the_missing_months() -> None:
    result = _run(
        P2569,
        "o11",
        "/ita/o11-2568-10.html",
        "สรุปผลการจัดซื้อจัดจ้างรายเดือน ตุลาคม 2568",
        MONTHLY_OCTOBER,
        date(2026, 5, 2),
    )
    assert result.verdict is Verdict.FAIL
    assert "months_missing" in _codes(result)
    assert "not_yet_due" not in _codes(result)


@pytest.mark.parametrize(
    ("today", "first", "count"),
    [
        (date(2026, 9, 30), (2026, 10), 6),  # the day before fiscal 2570 starts
        (date(2026, 10, 1), (2026, 10), 6),  # 1 Oct 2569: nothing of fiscal 2570 is over
        (date(2026, 11, 20), (2026, 11), 5),
        (date(2027, 3, 31), (2027, 3), 1),  # March itself is not over yet
    ],
)
def test_months_not_due_on_fixed_dates(today: date, first: tuple[int, int], count: int) -> None:
    p = pack(2569).model_copy(
        update={
            "year": 2570,
            "fiscal_year_start": date(2026, 10, 1),
            "fiscal_year_end": date(2027, 9, 30),
        }
    )
    for window in (TimeWindow.FIRST_HALF, TimeWindow.MONTHLY):
        months = months_not_due(window, p, today)
        assert months[0] == first and months[-1] == (2027, 3) and len(months) == count
    assert months_not_due(TimeWindow.FISCAL_YEAR, p, today) == []


def test_nothing_is_held_back_once_april_begins() -> None:
    assert months_not_due(TimeWindow.MONTHLY, P2569, date(2026, 4, 1)) == []
    progress = next(e for e in P2569.item("o06").elements if e.id == "progress")
    assert not element_due(progress, P2569, date(2026, 3, 31))
    assert element_due(progress, P2569, date(2026, 4, 1))
