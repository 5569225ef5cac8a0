"""Issue 13 class 6: the period a document states decides, not the folder it is filed in.

Real sites file a report in the folder of the year they upload it, name the file and the link
after that year, and head the list with it. The served sites below do that with real PDFs;
the document's cover (title, first lines) must decide, in every way agencies write periods.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fixtures.docgen import make_pdf
from oit_checker.models import Verdict
from tests.support.agency import HEAD, cms_page, codes, item, scan_site

TODAY = date(2025, 5, 15)  # FY2568: o15 of the 2568 pack needs the report of FY2567


def _hr_report(path: Path, cover: list[str]) -> bytes:
    lines = [
        *cover,
        HEAD,
        "1. ผลการดำเนินงานตามแผนพัฒนาบุคลากร อบรมพนักงาน 24 คน ดำเนินการแล้วเสร็จ 6 หลักสูตร",
        "2. ผลการบริหารทรัพยากรบุคคล สรรหาและบรรจุแต่งตั้ง 3 ตำแหน่ง",
        "ตารางที่ 1 หลักสูตรที่ดำเนินการ",
        *(f"{n}. หลักสูตรพัฒนาสมรรถนะ รุ่นที่ {n} ผู้เข้าอบรม {10 + n} คน" for n in range(1, 9)),
        "ปัญหา อุปสรรค และข้อเสนอแนะ",
        "งบประมาณไม่เพียงพอ ควรจัดอบรมออนไลน์เพิ่มขึ้น",
        "แนวทางการพัฒนาบุคลากรในปีงบประมาณ พ.ศ. 2568 และปีงบประมาณ พ.ศ. 2569",
    ]
    return make_pdf(path, [lines]).read_bytes()


def _site(tmp: Path, folder: str, link_text: str, cover: list[str]) -> dict[str, str | bytes]:
    pdf_path = f"uploads/{folder}/hr-report-{folder}.pdf"
    pdf = _hr_report(tmp / "hr.pdf", cover)
    o15 = cms_page(
        "O15 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
        f"<h2>ปีงบประมาณ {folder}</h2><ul><li><a href='/{pdf_path}'>{link_text}</a></li></ul>",
    )
    index = cms_page(
        "หน้าแรก",
        "<ul><li><a href='/ita/o15.html'>O15 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี</a></li>"
        "</ul>",
    )
    return {"index.html": index, "ita/o15.html": o15, pdf_path: pdf}


def test_a_previous_year_report_filed_as_this_years_fails_with_the_year_it_states(
    tmp_path: Path,
) -> None:
    # FY2566 report in the 2567 folder, file and link named 2567; its cover says ๒๕๖๖ and its
    # last lines quote the plans of 2568/2569 (dates in the text, not its period).
    files = _site(
        tmp_path,
        "2567",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ 2567",
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"],
    )
    result = item(scan_site(tmp_path, files, year=2568, today=TODAY), "o15")
    assert result.verdict is Verdict.FAIL, (result.verdict, codes(result))
    wrong = next(p for p in result.problems if p.code == "wrong_year")
    assert wrong.params["found"] == 2566 and wrong.params["required"] == 2567


@pytest.mark.parametrize(
    "cover",
    [
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2567"],
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ปีงบประมาณ ๒๕๖๗"],
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "(ต.ค. 66 – ก.ย. 67)"],
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "ระหว่างวันที่ 1 ตุลาคม 2566 ถึง 30 กันยายน 2567"],
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล fiscal year 2024", "ปีงบประมาณ ค.ศ. 2024"],
    ],
)
def test_the_right_report_under_a_misleading_folder_passes(
    tmp_path: Path, cover: list[str]
) -> None:
    # The FY2567 report filed in the 2568 folder, named and linked as 2568 (the upload year).
    files = _site(
        tmp_path,
        "2568",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี 2568",
        cover,
    )
    result = item(scan_site(tmp_path, files, year=2568, today=TODAY), "o15")
    assert result.verdict is Verdict.PASS, (result.verdict, codes(result))


def test_a_report_that_states_nothing_is_judged_by_its_label(tmp_path: Path) -> None:
    # No period on the cover: the link text and folder heading are all there is to go on.
    files = _site(
        tmp_path,
        "2566",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ 2566",
        ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"],
    )
    result = item(scan_site(tmp_path, files, year=2568, today=TODAY), "o15")
    assert result.verdict is Verdict.FAIL and "wrong_year" in codes(result), codes(result)


def _filed(
    pdf_path: str, pdf: bytes, code: str, title: str, folder: str, link: str
) -> dict[str, str | bytes]:
    page = cms_page(
        f"{code} {title}",
        f"<h2>ปีงบประมาณ {folder}</h2><ul><li><a href='/{pdf_path}'>{link}</a></li></ul>",
    )
    index = cms_page("หน้าแรก", f"<ul><li><a href='/ita/{code}.html'>{code} {title}</a></li></ul>")
    return {"index.html": index, f"ita/{code}.html": page, pdf_path: pdf}


def _statistics(path: Path, period: str) -> bytes:
    lines = [
        f"สรุปสถิติการให้บริการ {period}",
        HEAD,
        "ลำดับ งานบริการ จำนวนผู้รับบริการ (ราย)",
        "1. รับชำระภาษีที่ดินและสิ่งปลูกสร้าง 412 ราย",
        "2. ขึ้นทะเบียนผู้สูงอายุ 87 ราย",
        "3. ขออนุญาตก่อสร้างอาคาร 15 ราย",
        "รวมทั้งสิ้น 514 ราย",
    ]
    return make_pdf(path, [lines]).read_bytes()


@pytest.mark.parametrize(
    ("period", "folder", "verdict"),
    [
        ("รอบ 6 เดือน (1 ต.ค. 2566 – 31 มี.ค. 2567)", "2568", Verdict.FAIL),
        ("รอบ 6 เดือน (1 ต.ค. 2567 – 31 มี.ค. 2568)", "2567", Verdict.PASS),
    ],
)
def test_a_six_month_report_is_judged_by_the_months_it_states(
    tmp_path: Path, period: str, folder: str, verdict: Verdict
) -> None:
    pdf_path = f"uploads/{folder}/stat-{folder}.pdf"
    link = f"สถิติการให้บริการ รอบ 6 เดือน ปีงบประมาณ {folder}"
    files = _filed(
        pdf_path, _statistics(tmp_path / "s.pdf", period), "o11", "ข้อมูลสถิติการให้บริการ", folder, link
    )
    result = item(scan_site(tmp_path, files, year=2568, today=TODAY), "o11")
    assert result.verdict is verdict, (result.verdict, codes(result))


def _local_plan(path: Path, span: str) -> bytes:
    lines = [
        f"แผนพัฒนาท้องถิ่น ({span})",
        HEAD,
        "วิสัยทัศน์ ตำบลน่าอยู่ เศรษฐกิจมั่นคง",
        "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน",
        "เป้าประสงค์ ประชาชนมีถนนและแหล่งน้ำใช้อย่างทั่วถึง ตัวชี้วัด ระยะทางถนนที่ได้รับการปรับปรุง",
        "ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต",
    ]
    return make_pdf(path, [lines]).read_bytes()


@pytest.mark.parametrize(
    ("span", "verdict"),
    [("พ.ศ. 2561 - 2565", Verdict.FAIL), ("พ.ศ. ๒๕๖๖ – ๒๕๗๐", Verdict.PASS)],
)
def test_a_multi_year_plan_is_judged_by_the_years_it_states(
    tmp_path: Path, span: str, verdict: Verdict
) -> None:
    # Both filed as the plan of 2569, in the 2569 folder, with the current span in the link.
    pdf_path = "uploads/2569/plan-2566-2570.pdf"
    link = "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) ฉบับปี 2569"
    files = _filed(
        pdf_path, _local_plan(tmp_path / "p.pdf", span), "o05", "แผนพัฒนาท้องถิ่น", "2569", link
    )
    result = item(scan_site(tmp_path, files, year=2569, today=date(2026, 5, 15)), "o05")
    assert result.verdict is verdict, (result.verdict, codes(result))


def test_a_news_page_is_dated_by_its_posts_not_by_a_years_name_in_a_link(tmp_path: Path) -> None:
    # The news list names a report "ประจำปี 2567" in one post's link; its posts are dated in
    # FY2568 (their dates sit beside the links, the page's own text).
    rows = [
        ("news.php?id=121", "อบต.จัดกิจกรรมวันเด็กแห่งชาติ", "11 มกราคม 2568"),
        ("news.php?id=120", "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง", "3 กุมภาพันธ์ 2568"),
        ("news.php?id=118", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี 2567", "30 ตุลาคม 2567"),
    ]
    items = "".join(f"<li><a href='/{h}'>{t}</a> — {d}</li>" for h, t, d in rows)
    news = cms_page("ข่าวประชาสัมพันธ์", f"<ul>{items}</ul>")
    index = cms_page("หน้าแรก", "<ul><li><a href='/news.html'>O4 ข่าวประชาสัมพันธ์</a></li></ul>")
    files: dict[str, str | bytes] = {"index.html": index, "news.html": news}
    result = item(scan_site(tmp_path, files, year=2568, today=TODAY), "o04")
    assert result.verdict is Verdict.PASS, (result.verdict, codes(result))
