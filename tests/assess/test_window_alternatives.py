"""Items whose period the sources disagree on (``Item.window_alternatives``): evidence that fits
either reading passes, evidence that fits neither still fails with the main window's problem.

Real pages and PDFs of the real 2567 pack, judged by ``assess_item``.
"""

from __future__ import annotations

from datetime import date

from oit_checker.assess import assess_item
from oit_checker.models import Verdict
from oit_checker.rules.schema import Item, TimeWindow
from tests.assess.docs import cand, file_doc, pack, page, site

PACK = pack(2567)
TODAY = date(2024, 5, 2)


def _no_gift_report(year: int) -> str:
    return f"""<p>รายงานผลตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. {year}</p>
<p>องค์การบริหารส่วนตำบลหนองบัวได้ดำเนินกิจกรรมประชาสัมพันธ์นโยบาย No Gift Policy ให้แก่บุคลากร
จำนวน 2 ครั้ง ผู้เข้าร่วม 35 คน</p>
<p>ผลการดำเนินการ: ไม่มีการรับของขวัญหรือทรัพย์สินหรือประโยชน์อื่นใดของบุคลากรในสังกัด</p>"""


def _judge(item: Item, body: str) -> tuple[Verdict, set[str]]:
    doc = page("ita/o27", "รายงานผลตามนโยบาย No Gift Policy", body)
    result = assess_item(item, PACK, [cand(item.id, doc.url)], site([doc]), {}, today=TODAY)
    return result.verdict, {p.code for p in result.problems}


def test_no_gift_report_of_either_fiscal_year_passes() -> None:
    item = PACK.item("o27")
    assert item.window is TimeWindow.PREVIOUS_FISCAL_YEAR
    assert item.window_alternatives == [TimeWindow.FISCAL_YEAR]
    assert _judge(item, _no_gift_report(2566))[0] is Verdict.PASS
    assert _judge(item, _no_gift_report(2567))[0] is Verdict.PASS


def test_without_the_alternative_the_current_year_report_fails() -> None:
    """The same document fails when the pack names one period only: the alternative is what
    keeps the uncertain reading from being reported as a wrong year."""
    strict = PACK.item("o27").model_copy(update={"window_alternatives": []})
    verdict, codes = _judge(strict, _no_gift_report(2567))
    assert verdict is Verdict.FAIL and "wrong_year" in codes


def test_a_year_that_fits_neither_reading_still_fails() -> None:
    verdict, codes = _judge(PACK.item("o27"), _no_gift_report(2565))
    assert verdict is Verdict.FAIL
    assert "wrong_year" in codes


def _complaint_statistics(text: str) -> tuple[Verdict, set[str]]:
    item = PACK.item("o23")
    doc = file_doc("files/o23.pdf", text, title="สถิติเรื่องร้องเรียนการทุจริต")
    result = assess_item(item, PACK, [cand(item.id, doc.url)], site([doc]), {}, today=TODAY)
    return result.verdict, {p.code for p in result.problems}


def test_complaint_statistics_six_months_or_the_fiscal_year() -> None:
    """2567 o23: the first six months of FY2567 (unverified) or, read as a yearly figure, any
    statistics of FY2567; statistics of another year still fail."""
    item = PACK.item("o23")
    assert item.window is TimeWindow.FIRST_HALF
    assert item.window_alternatives == [TimeWindow.FISCAL_YEAR]
    body = (
        "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\n"
        "{period}\n"
        "จำนวนเรื่องร้องเรียนทั้งหมด 2 เรื่อง ดำเนินการแล้วเสร็จ 2 เรื่อง อยู่ระหว่างดำเนินการ 0 เรื่อง"
    )
    first_half = body.format(period="รอบ 6 เดือน (1 ตุลาคม 2566 - 31 มีนาคม 2567)")
    fiscal_year = body.format(
        period="ประจำปีงบประมาณ พ.ศ. 2567 ข้อมูลระหว่าง 1 ตุลาคม 2566 - 31 มกราคม 2567"
    )
    previous = body.format(period="ประจำปีงบประมาณ พ.ศ. 2566")
    assert _complaint_statistics(first_half)[0] is Verdict.PASS
    assert _complaint_statistics(fiscal_year)[0] is Verdict.PASS
    verdict, codes = _complaint_statistics(previous)
    assert verdict is Verdict.FAIL and "wrong_year" in codes
