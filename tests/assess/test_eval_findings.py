"""Cases the evaluation corpus (fixtures/truth) caught: each was a wrong verdict once."""

from __future__ import annotations

from datetime import date
from typing import Any

from oit_checker.assess import assess_item
from oit_checker.models import DateMention, Verdict

from .docs import cand, file_doc, pack, page, site

P = pack(2567)
TODAY = date(2024, 5, 2)
HEAD = "องค์การบริหารส่วนตำบลโคกสูง อำเภอเมือง จังหวัดขอนแก่น"


def _verdict(item_id: str, docs: list[Any], cands: list[Any]) -> tuple[Verdict, set[str]]:
    result = assess_item(P.item(item_id), P, cands, site(docs), {}, today=TODAY)
    return result.verdict, {p.code for p in result.problems}


def test_the_site_logo_is_nobodys_photo() -> None:
    people = (
        "<p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลโคกสูง โทร 081-234-5678</p>"
        "<p>นางสาวมณี แก้วใส รองนายกองค์การบริหารส่วนตำบลโคกสูง โทร 081-234-5679</p>"
    )
    logo = '<img src="/images/logo.png" alt="ตราสัญลักษณ์ อบต.โคกสูง">'
    photo = '<img src="/images/exec-1.jpg" alt="นายสมชาย ใจดี">'
    only_logo = page("/exec.html", "ข้อมูลผู้บริหาร", logo + people)
    verdict, _ = _verdict("o02", [only_logo], [cand("o02", only_logo.url)])
    assert verdict is Verdict.FAIL
    with_photo = page("/exec2.html", "ข้อมูลผู้บริหาร", logo + photo + people)
    verdict, _ = _verdict("o02", [with_photo], [cand("o02", with_photo.url)])
    assert verdict is Verdict.PASS


def _annual_report(path: str, year: int, issued: str) -> object:
    return file_doc(
        path,
        f"รายงานผลการดำเนินงานประจำปี ปีงบประมาณ พ.ศ. {year}\n{HEAD}\n"
        "ผลการดำเนินงานตามแผน 42 โครงการ ดำเนินการแล้วเสร็จ 39 โครงการ\n"
        "ผลการใช้จ่ายงบประมาณ 18,450,000 บาท\n"
        "ปัญหา อุปสรรค และข้อเสนอแนะ: ฝนตกต่อเนื่อง ควรเร่งรัดการเบิกจ่าย\n"
        f"รายงาน ณ วันที่ {issued}",
        title=f"รายงานผลการดำเนินงานประจำปี ปีงบประมาณ พ.ศ. {year}",
    )


def test_a_report_of_the_wrong_year_fails_even_if_issued_in_the_right_one() -> None:
    # FY2565 report issued on 31 ต.ค. 2565, a date inside FY2566: the named period decides.
    stale = _annual_report("/o09-2565.pdf", 2565, "31 ตุลาคม 2565")
    verdict, codes = _verdict("o09", [stale], [cand("o09", stale.url)])  # type: ignore[attr-defined]
    assert verdict is Verdict.FAIL and "wrong_year" in codes
    right = _annual_report("/o09-2566.pdf", 2566, "31 ตุลาคม 2566")
    verdict, _ = _verdict("o09", [right], [cand("o09", right.url)])  # type: ignore[attr-defined]
    assert verdict is Verdict.PASS


def test_a_pdf_creation_date_never_fails_a_period() -> None:
    doc = file_doc(
        "/o32-scan.pdf",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n" + HEAD,
        title="มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    )
    scanned = date(2025, 2, 1)  # FY2568: the day it was scanned
    doc.dates.append(
        DateMention(
            source="PDF CreationDate D:20250201", start=scanned, end=scanned, fiscal_year=2568
        )
    )
    result = assess_item(P.item("o32"), P, [cand("o32", doc.url)], site([doc]), {}, today=TODAY)
    assert "wrong_year" not in {p.code for p in result.problems}


def test_a_one_year_plan_of_the_wrong_year_is_a_wrong_year() -> None:
    plan = file_doc(
        "/o30-2566.pdf",
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566\n" + HEAD + "\n"
        "1. โครงการอบรมคุณธรรมจริยธรรม งบประมาณ 20,000 บาท ระยะเวลา มกราคม 2566\n"
        "2. กิจกรรมเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง งบประมาณ 5,000 บาท ระยะเวลา ตลอดปีงบประมาณ",
        title="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2566",
    )
    verdict, codes = _verdict("o30", [plan], [cand("o30", plan.url)])
    assert verdict is Verdict.FAIL and "wrong_year" in codes


MONTHS = [
    ("ตุลาคม 2566", "2 ตุลาคม 2566"),
    ("พฤศจิกายน 2566", "8 พฤศจิกายน 2566"),
    ("ธันวาคม 2566", "20 ธันวาคม 2566"),
    ("มกราคม 2567", "9 มกราคม 2567"),
    ("กุมภาพันธ์ 2567", "7 กุมภาพันธ์ 2567"),
    ("มีนาคม 2567", "5 มีนาคม 2567"),
]


def _monthly(n: int, month: str, signed: str) -> object:
    return file_doc(
        f"/upload/files/14{n:02d}_file.pdf",
        f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month} (แบบ สขร.1)\n{HEAD}\n"
        "ลำดับ งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จัดซื้อหรือจัดจ้าง ราคากลาง วิธีซื้อหรือจ้าง\n"
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง\n"
        "เหตุผลที่คัดเลือกโดยสรุป เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง\n"
        f"1. จัดซื้อวัสดุสำนักงาน 12,500 บาท เฉพาะเจาะจง ร้านสาธิตพาณิชย์ ราคาที่ตกลง 12,500 บาท"
        f" ใช้เกณฑ์ราคา ใบสั่งซื้อเลขที่ {n + 1}/2567 ลงวันที่ {signed}",
        title=f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month}",
    )


def test_monthly_files_linked_one_by_one_are_read_together() -> None:
    docs = [_monthly(n, month, signed) for n, (month, signed) in enumerate(MONTHS)]
    cands = [cand("o16", d.url, 0.8 - i * 0.02) for i, d in enumerate(docs)]  # type: ignore[attr-defined]
    verdict, codes = _verdict("o16", docs, cands)
    assert verdict is Verdict.PASS, codes
    verdict, codes = _verdict("o16", docs[:3], cands[:3])
    assert verdict is Verdict.FAIL and "months_missing" in codes
