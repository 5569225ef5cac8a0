"""Class 8 of issue 13: elements phrased another way, in real Word files served on 127.0.0.1.
Last year's ITA result analysed as จุดแข็ง / จุดที่ควรพัฒนา / ประเด็นที่ต้องปรับปรุงจากผลการประเมินปี …
(2567 o32), an annual report whose closing section is "ปัญหา อุปสรรค และแนวทางการปรับปรุง"
(2566 o13)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document as Docx

from oit_checker.models import Verdict
from tests.recognisers.sites import agency_page, scan


def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    doc = Docx()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _site(link_text: str, file_name: str, body: bytes) -> dict[str, str | bytes]:
    home = agency_page("หน้าหลัก", f'<p><a href="/ita/{file_name}">{link_text}</a></p>')
    return {"index.html": home, f"ita/{file_name}": body}


MEASURES_2567 = _docx(
    [
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
        "องค์การบริหารส่วนตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์",
        "จุดแข็ง: ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ และตัวชี้วัดที่ ๒ การใช้งบประมาณ ได้คะแนนสูง",
        "จุดที่ควรพัฒนา: ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ข้อมูลบางรายการไม่เป็นปัจจุบัน",
        "ประเด็นที่ต้องปรับปรุงจากผลการประเมินปี ๒๕๖๖ นำมากำหนดมาตรการ ดังนี้",
    ],
    [
        ["มาตรการ", "วิธีดำเนินการ", "ระยะเวลา", "ผู้รับผิดชอบ"],
        [
            "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
            "ปรับปรุงข้อมูลบนเว็บไซต์ทุกเดือน",
            "ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗",
            "สำนักปลัด",
        ],
    ],
)


def test_ita_analysis_written_as_strengths_and_points_to_develop(tmp_path: Path) -> None:
    files = _site("O32 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "o32.docx", MEASURES_2567)
    result = scan(tmp_path, files, 2567, date(2024, 6, 15))["o32"]
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)
    analysis = next(e for e in result.evidence if e.element == "ita_analysis")
    assert "จุดแข็ง" in analysis.snippet or "ประเด็นที่ต้องปรับปรุง" in analysis.snippet


ANNUAL_2565 = _docx(
    [
        "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
        "องค์การบริหารส่วนตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์",
        "๑. ผลการดำเนินงานตามแผนการดำเนินงาน ดำเนินโครงการแล้วเสร็จ ๔๒ โครงการ",
        "๒. ผลการใช้จ่ายงบประมาณ เบิกจ่ายรวม ๑๒,๓๔๕,๖๗๘.๐๐ บาท คิดเป็นร้อยละ ๙๒.๑๕",
        "๓. ปัญหา อุปสรรค และแนวทางการปรับปรุง",
        "งบประมาณได้รับการจัดสรรล่าช้า ควรวางแผนการเบิกจ่ายให้เร็วขึ้น",
    ]
)


def test_annual_report_closing_with_problems_and_ways_to_improve(tmp_path: Path) -> None:
    files = _site("O13 รายงานผลการดำเนินงานประจำปี", "o13.docx", ANNUAL_2565)
    result = scan(tmp_path, files, 2566, date(2023, 6, 15))["o13"]
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)
    assert "problems_suggestions" in {e.element for e in result.evidence}
