"""The assessors' classic remarks (shared/seeds, seed 000 lines 21 and 27) as realistic documents
against the real 2567 pack: the wrong document posted, the missing section, the missing details.
Also the whole-pack functions: assess() in dependency order, score(), detect_agency_type().
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from oit_checker.assess import assess, assess_item, detect_agency_type, score
from oit_checker.models import ItemResult, Verdict
from tests.assess.docs import cand, file_doc, has_pack, pack, page, site

pytestmark = pytest.mark.skipif(not has_pack(2567), reason="rules/nacc-2567.yaml not present")
TODAY = date(2024, 5, 2)

REGISTER = """ทะเบียนรายงานขอซื้อขอจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
องค์การบริหารส่วนตำบลชุมแสง
ลำดับ วันที่ รายการขอซื้อขอจ้าง จำนวนเงิน ผู้ขอ
๑ ๓ ต.ค. ๒๕๖๖ จัดซื้อวัสดุสำนักงาน ๑๒,๐๐๐ กองคลัง
๒ ๑๐ ต.ค. ๒๕๖๖ จ้างซ่อมรถบรรทุกน้ำ ๘,๕๐๐ สำนักปลัด"""
WORKSHEET = """กระดาษทำการกระทบยอดรายจ่ายตามงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
แผนงานบริหารงานทั่วไป งบบุคลากร ๓,๒๐๐,๐๐๐ จ่ายจริง ๓,๑๕๐,๐๐๐
แผนงานการศึกษา งบดำเนินงาน ๘๐๐,๐๐๐ จ่ายจริง ๗๖๕,๐๐๐"""
ANNUAL_NO_PROBLEMS = """รายงานผลการดำเนินงานประจำปี ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
ผลการดำเนินงานตามโครงการ โครงการซ่อมแซมถนนหมู่ ๓ ดำเนินการแล้วเสร็จ
ผลการใช้จ่ายงบประมาณ เบิกจ่าย ๑,๒๐๐,๐๐๐ บาท คิดเป็นร้อยละ ๙๒"""
STAFF_PLAN = """แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๖๘
องค์การบริหารส่วนตำบลชุมแสง
หลักสูตรที่จะส่งพนักงานเข้ารับการอบรม ระยะเวลา งบประมาณ"""
PLAN_AS_SIX_MONTH = """แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
ลำดับ โครงการ งบประมาณ หน่วยงานรับผิดชอบ ต.ค. ๖๖ พ.ย. ๖๖ ธ.ค. ๖๖
๑ โครงการซ่อมแซมถนน ๑๕๐,๐๐๐ กองช่าง
รอบ ๖ เดือน (ตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)"""
ACTIVITY_PHOTOS = """การสร้างวัฒนธรรม No Gift Policy
ภาพกิจกรรมประชาสัมพันธ์ไม่รับของขวัญ ปีงบประมาณ พ.ศ. ๒๕๖๗"""
RISK_NO_STAGE = """การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
การดำเนินการตามมาตรการจัดการความเสี่ยง
ความเสี่ยงที่ ๑ การใช้รถราชการ มาตรการ ควบคุมการใช้รถด้วยสมุดบันทึก"""
MONTHLY_OK = """แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน {month}
งานที่จัดซื้อหรือจัดจ้าง จัดซื้อวัสดุสำนักงาน วงเงินที่จะซื้อหรือจ้าง ๑๒,๐๐๐ ราคากลาง ๑๒,๐๐๐
วิธีซื้อหรือจ้าง เฉพาะเจาะจง รายชื่อผู้เสนอราคาและราคาที่เสนอ ร้านรุ่งเรือง ๑๑,๘๐๐
ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อ ร้านรุ่งเรือง ๑๑,๘๐๐
เหตุผลที่คัดเลือกโดยสรุป ราคาต่ำสุด เลขที่และวันที่ของสัญญา ๑๒/๒๕๖๗"""


@dataclass
class Remark:
    name: str
    item: str
    text: str
    verdict: Verdict
    codes: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)


REMARKS = [
    Remark(
        "purchase-request register posted as the procurement plan",
        "o14",
        REGISTER,
        Verdict.FAIL,
        {"wrong_document_purchase_register_as_plan"},
    ),
    Remark(
        "purchase-request register posted as the monthly summary",
        "o16",
        REGISTER,
        Verdict.FAIL,
        {"wrong_document_purchase_register_as_monthly_summary"},
    ),
    Remark(
        "purchase-request register posted as the annual procurement report",
        "o17",
        REGISTER.replace("๒๕๖๗", "๒๕๖๖"),
        Verdict.FAIL,
        {"wrong_document_purchase_register_as_annual_report"},
    ),
    Remark(
        "expenditure worksheet posted as the annual report",
        "o09",
        WORKSHEET,
        Verdict.FAIL,
        {"wrong_document_expenditure_worksheet_as_annual_report"},
    ),
    Remark(
        "annual report without problems, obstacles and suggestions",
        "o09",
        ANNUAL_NO_PROBLEMS,
        Verdict.FAIL,
        {"missing_elements"},
    ),
    Remark(
        "staff development plan posted as the HR result report",
        "o20",
        STAFF_PLAN,
        Verdict.FAIL,
        {"wrong_document_staff_development_plan_as_hr_report"},
    ),
    Remark(
        "six-month report that re-posts the plan without progress",
        "o08",
        PLAN_AS_SIX_MONTH,
        Verdict.FAIL,
        {"wrong_document_plan_as_six_month_report"},
    ),
    Remark(
        "activity report without date and target group",
        "o26",
        ACTIVITY_PHOTOS,
        Verdict.FAIL,
        {"missing_elements"},
    ),
    Remark(
        "risk management without the steps reached",
        "o29",
        RISK_NO_STAGE,
        Verdict.FAIL,
        {"missing_elements"},
    ),
]


@pytest.mark.parametrize("remark", REMARKS, ids=[r.name for r in REMARKS])
def test_assessors_remark(remark: Remark) -> None:
    p = pack(2567)
    doc = file_doc(f"files/{remark.item}.pdf", remark.text)
    item = p.item(remark.item)
    bases = {
        d.item: ItemResult(item_id=d.item, title_th=d.th, title_en=d.en, verdict=Verdict.PASS)
        for d in item.depends_on
    }
    result = assess_item(item, p, [cand(item.id, doc.url)], site([doc]), bases, today=TODAY)
    codes = {pr.code for pr in result.problems}
    assert result.verdict is remark.verdict, result.problems
    assert remark.codes <= codes
    assert result.remediation_th.startswith(item.id)


def test_annual_report_without_problems_names_both_missing_parts() -> None:
    p = pack(2567)
    doc = file_doc("files/o09.pdf", ANNUAL_NO_PROBLEMS)
    result = assess_item(p.item("o09"), p, [cand("o09", doc.url)], site([doc]), {}, today=TODAY)
    problems_th = {e.th for e in p.item("o09").elements if e.id in ("problems", "suggestions")}
    assert problems_th <= set(result.missing_elements)


def test_monthly_summary_complete_for_six_months_passes() -> None:
    p = pack(2567)
    months = ["ตุลาคม ๒๕๖๖", "พฤศจิกายน ๒๕๖๖", "ธันวาคม ๒๕๖๖", "มกราคม ๒๕๖๗",
              "กุมภาพันธ์ ๒๕๖๗", "มีนาคม ๒๕๖๗"]  # fmt: skip
    docs = [
        file_doc(f"files/skr-{i}.pdf", MONTHLY_OK.format(month=m)) for i, m in enumerate(months)
    ]
    hub = page("ita", "ITA 2567", "<p>o16 สรุปผลการจัดซื้อจัดจ้างรายเดือน</p>")
    cands = [cand("o16", d.url, hub=hub.url) for d in docs]
    result = assess_item(p.item("o16"), p, cands, site([hub, *docs]), {}, today=TODAY)
    assert result.verdict is Verdict.PASS, result.problems
    assert len({e.element for e in result.evidence}) == 8


def test_assess_runs_bases_first_and_the_dependent_names_the_failed_base() -> None:
    p = pack(2567)
    six_month = file_doc(
        "files/o08.pdf",
        "รายงานการกำกับติดตามการดำเนินงาน รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๖ - ๓๑ มีนาคม ๒๕๖๗)\n"
        "โครงการซ่อมแซมถนน ความก้าวหน้า ดำเนินการแล้ว เบิกจ่าย ๑๒๐,๐๐๐ บาท",
    )
    plan = file_doc("files/o07.pdf", "แผนดำเนินงานประจำปี ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")
    results = assess(
        p,
        {"o08": [cand("o08", six_month.url)], "o07": [cand("o07", plan.url)]},
        site([six_month, plan]),
        today=TODAY,
    )
    by_id = {r.item_id: r for r in results}
    assert [r.item_id for r in results] == [i.id for i in p.items]
    assert by_id["o07"].verdict is Verdict.FAIL
    assert by_id["o08"].verdict is Verdict.FAIL
    dep = next(pr for pr in by_id["o08"].problems if pr.code == "dependency_failed")
    assert "o07" in dep.message_th and "o07" in dep.message_en


def test_score_counts_only_passes_and_is_none_when_nothing_was_assessed() -> None:
    def r(v: Verdict) -> ItemResult:
        return ItemResult(item_id="o01", title_th="t", title_en="t", verdict=v)

    summary = score([r(Verdict.PASS), r(Verdict.FAIL), r(Verdict.REVIEW), r(Verdict.PASS)])
    assert summary.score == 50.0
    assert summary.counts == {"pass": 2, "fail": 1, "review": 1, "not_checked": 0}
    assert score([r(Verdict.NOT_CHECKED), r(Verdict.NOT_CHECKED)]).score is None
    assert score([]).score is None
    assert score([r(Verdict.NOT_CHECKED), r(Verdict.PASS), r(Verdict.FAIL)]).score == pytest.approx(
        33.33
    )


def test_a_site_that_could_not_be_opened_scores_none() -> None:
    p = pack(2567)
    results = assess(p, {}, site([], reachable=False), today=TODAY)
    assert {r.verdict for r in results} == {Verdict.NOT_CHECKED}
    assert all(r.not_checked_reason == "site_unreachable" for r in results)
    assert score(results).score is None


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["องค์การบริหารส่วนตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์"], "lao"),
        (["เทศบาลตำบลหนองบัว"], "lao"),
        (["หน้าหลัก - อบต.ชุมแสง"], "lao"),
        (["องค์การบริหารส่วนจังหวัดขอนแก่น"], "lao"),
        (["จังหวัดเชียงใหม่ - ศาลากลางจังหวัดเชียงใหม่"], "province"),
        (["กรมปศุสัตว์ กระทรวงเกษตรและสหกรณ์"], None),
        # a ministry page whose news further down names a เทศบาล is not an อปท.
        (["สำนักงานปลัดกระทรวง", "ข่าว " + "ก" * 400 + " ร่วมกับเทศบาลตำบลหนองบัว"], None),
        ([], None),
    ],
)
def test_detect_agency_type(texts: list[str], expected: str | None) -> None:
    assert detect_agency_type(texts) == expected
