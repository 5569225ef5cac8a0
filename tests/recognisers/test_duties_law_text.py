"""Class 2 of issue 13: duties and powers written as law text. A page quoting the act (มาตรา 67
… มีหน้าที่ต้องทำดังต่อไปนี้ (๑) …, lettered lists) IS the agency's duty list, and it is read
together with the structure page for the merged 2568 item o01; a page that only carries the menu
label "อำนาจหน้าที่" is not duty text. Real pages and a real Word file served on 127.0.0.1."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document as Docx

from oit_checker.models import ItemResult, Verdict
from tests.recognisers.sites import agency_page, scan

NAV = (
    '<nav><ul><li><a href="/index.html">หน้าหลัก</a></li>'
    '<li><a href="/about/structure.html">โครงสร้างองค์กร</a></li>'
    '<li><a href="/about/authority.html">อำนาจหน้าที่</a></li></ul></nav>'
)
SIDE = (
    '<div class="sidebar"><ul><li><a href="/index.html">หน้าหลัก</a></li>'
    '<li><a href="/about/structure.html">โครงสร้างองค์กร</a></li>'
    '<li><a href="/about/authority.html">อำนาจหน้าที่</a></li></ul></div>'
)

STRUCTURE = """<p>แผนภูมิโครงสร้างองค์การบริหารส่วนตำบลชุมแสง</p>
<p>ฝ่ายการเมือง: นายกองค์การบริหารส่วนตำบล รองนายก สภาองค์การบริหารส่วนตำบล</p>
<p>ฝ่ายข้าราชการประจำ: ปลัดองค์การบริหารส่วนตำบล หัวหน้าสำนักปลัด ผู้อำนวยการกองคลัง
ผู้อำนวยการกองช่าง สำนักปลัด กองคลัง กองช่าง กองการศึกษา</p>"""

LAW = """<p>ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗ และที่แก้ไขเพิ่มเติม</p>
<p>มาตรา ๖๗ ภายใต้บังคับแห่งกฎหมาย องค์การบริหารส่วนตำบล มีหน้าที่ต้องทำในเขตองค์การบริหารส่วนตำบล
ดังต่อไปนี้</p>
<p>(๑) จัดให้มีและบำรุงรักษาทางน้ำและทางบก</p>
<p>(๒) รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ รวมทั้งกำจัดมูลฝอยและสิ่งปฏิกูล</p>
<p>(๓) ป้องกันโรคและระงับโรคติดต่อ</p>
<p>มาตรา ๑๖ แห่งพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น
พ.ศ. ๒๕๔๒ ให้เทศบาล เมืองพัทยา และองค์การบริหารส่วนตำบล มีอำนาจและหน้าที่ในการจัดระบบการบริการสาธารณะ</p>
<p>(ก) การจัดทำแผนพัฒนาท้องถิ่นของตนเอง (ข) การจัดให้มีและบำรุงรักษาทางบก ทางน้ำ และทางระบายน้ำ</p>"""

LABEL_ONLY = "<p>หน้าที่และอำนาจ</p><p>อยู่ระหว่างปรับปรุงข้อมูล รายละเอียดดังนี้</p>"


def _site(authority: str, menu: str) -> dict[str, str | bytes]:
    return {
        "index.html": agency_page("หน้าหลัก", "<p>ยินดีต้อนรับ</p>", menu=menu),
        "about/structure.html": agency_page("โครงสร้างองค์กร", STRUCTURE, menu=menu),
        "about/authority.html": agency_page("อำนาจหน้าที่", authority, menu=menu),
    }


def _o01_2568(tmp: Path, files: dict[str, str | bytes]) -> ItemResult:
    return scan(tmp, files, 2568, date(2025, 6, 15))["o01"]


def test_law_text_on_its_own_page_completes_the_structure_item(tmp_path: Path) -> None:
    result = _o01_2568(tmp_path, _site(LAW, NAV))
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)
    duties = next(e for e in result.evidence if e.element == "duties")
    assert duties.url.endswith("/about/authority.html")
    assert "มาตรา" in duties.snippet or "มีหน้าที่" in duties.snippet


def test_a_page_that_only_carries_the_label_is_not_duty_text(tmp_path: Path) -> None:
    result = _o01_2568(tmp_path, _site(LABEL_ONLY, SIDE))
    assert result.verdict is Verdict.FAIL
    assert result.missing_elements == ["หน้าที่และอำนาจของหน่วยงาน"]


def _docx(paragraphs: list[str]) -> bytes:
    doc = Docx()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


MUNICIPAL_ACT = [
    "อำนาจหน้าที่ของเทศบาลตำบลชุมแสง",
    "พระราชบัญญัติเทศบาล พ.ศ. ๒๔๙๖",
    "มาตรา ๕๐ ภายใต้บังคับแห่งกฎหมาย เทศบาลตำบลมีหน้าที่ต้องทำในเขตเทศบาล ดังต่อไปนี้",
    "(๑) รักษาความสงบเรียบร้อยของประชาชน",
    "(๒) ให้มีและบำรุงทางบกและทางน้ำ",
    "(๓) รักษาความสะอาดของถนนหรือทางเดินและที่สาธารณะ รวมทั้งการกำจัดมูลฝอยและสิ่งปฏิกูล",
    "มาตรา ๕๑ ภายใต้บังคับแห่งกฎหมาย เทศบาลตำบลอาจจัดทำกิจการใด ๆ ในเขตเทศบาล ดังต่อไปนี้",
]


def test_the_act_quoted_in_a_word_file_is_the_duty_list(tmp_path: Path) -> None:
    page = agency_page(
        "อำนาจหน้าที่", '<p><a href="/files/authority.docx">ดาวน์โหลดอำนาจหน้าที่</a></p>', menu=NAV
    )
    files: dict[str, str | bytes] = {
        "index.html": agency_page("หน้าหลัก", "<p>ยินดีต้อนรับ</p>", menu=NAV),
        "about/authority.html": page,
        "files/authority.docx": _docx(MUNICIPAL_ACT),
    }
    result = scan(tmp_path / "a", files, 2567, date(2024, 6, 15))["o03"]
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)
    listed = next(e for e in result.evidence if e.element == "duty_list")
    assert listed.url.endswith("/files/authority.docx")

    empty = {**files, "about/authority.html": agency_page("อำนาจหน้าที่", LABEL_ONLY, menu=NAV)}
    empty.pop("files/authority.docx")
    result = scan(tmp_path / "b", empty, 2567, date(2024, 6, 15))["o03"]
    assert result.verdict is Verdict.FAIL
    assert "duty_list" not in {e.element for e in result.evidence}
