"""Items by meaning, not number (criteria-2026-12.md D-17): an assessed agency's 2569 section
first carried the 2568 list, 2568 codes and titles with 2569 dates. A row "O11 ข้อมูลสถิติการให้
บริการ" on such a page is service statistics (2569 O10), not monthly procurement (2569 O11); it is
judged for O10 and the report says how it was labelled."""

from __future__ import annotations

from datetime import date

from oit_checker.assess import assess_item
from oit_checker.match import Matcher
from oit_checker.models import Candidate, Document
from oit_checker.report._common import reason_en, reason_th
from tests.assess.docs import site
from tests.match.docs import html_doc, pack

SITE = "http://abt.test.go.th"
P2569 = pack(2569)
TODAY = date(2026, 5, 2)

# The 2569 section still built with the 2568 list (codes and titles of 2568).
HUB_2568_STYLE = f"""<html><head><title>ITA 2569 - อบต.ทดสอบ</title></head><body>
<h1>การประเมินคุณธรรมและความโปร่งใส ITA ประจำปีงบประมาณ พ.ศ. 2569</h1>
<ul>
<li><a href="{SITE}/ita69/o08.php">O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่</a></li>
<li><a href="{SITE}/ita69/o09.php">O9 คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ</a></li>
<li><a href="{SITE}/ita69/o10.php">O10 E–Service</a></li>
<li><a href="{SITE}/ita69/o11.php">O11 ข้อมูลสถิติการให้บริการ</a></li>
<li><a href="{SITE}/ita69/o17.php">O17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a></li>
<li><a href="{SITE}/ita69/o18.php">O18 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</a></li>
</ul></body></html>"""

STATISTICS = """<html><head><title>ข้อมูลสถิติการให้บริการ</title></head><body>
<h1>ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. 2569</h1>
<p>สถิติการใช้งานระบบ E-Service ยื่นคำร้องออนไลน์ <a href="https://forms.gle/abt-request">ยื่นคำร้องออนไลน์</a></p>
<table><tr><th>เดือน</th><th>จำนวนผู้ใช้บริการ (ครั้ง)</th></tr>
<tr><td>ตุลาคม 2568</td><td>12 ครั้ง</td></tr><tr><td>พฤศจิกายน 2568</td><td>9 ครั้ง</td></tr>
</table></body></html>"""

GUIDE = """<html><head><title>แนวปฏิบัติการจัดการเรื่องร้องเรียน</title></head><body>
<h1>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>
<p>ช่องทางการร้องเรียน ยื่นเรื่องร้องเรียนการทุจริตด้วยตนเอง ทางไปรษณีย์ หรือทางเว็บไซต์</p>
<p>ขั้นตอนการดำเนินการ 1. รับเรื่อง 2. ตรวจสอบข้อเท็จจริง 3. แจ้งผลแก่ผู้ร้องเรียน</p>
<p>หน่วยงานผู้รับผิดชอบ สำนักปลัด ระยะเวลาดำเนินการ ภายใน 15 วันทำการ</p>
</body></html>"""


def _docs() -> list[Document]:
    return [
        html_doc(HUB_2568_STYLE, f"{SITE}/ita2569.php"),
        html_doc(STATISTICS, f"{SITE}/ita69/o11.php"),
        html_doc(GUIDE, f"{SITE}/ita69/o17.php"),
    ]


def _candidates(docs: list[Document]) -> dict[str, list[Candidate]]:
    matcher = Matcher(P2569)
    for doc in docs:
        matcher.add(doc)
    return matcher.candidates()


def test_a_2568_style_row_is_matched_by_its_title_not_its_number() -> None:
    found = _candidates(_docs())
    statistics = f"{SITE}/ita69/o11.php"
    # O11 ข้อมูลสถิติการให้บริการ is 2569 O10 (E-Service with its usage statistics) ...
    o10 = next(c for c in found["o10"] if c.url == statistics)
    assert o10.labelled_as is not None and o10.labelled_as.startswith("O11")
    # ... and not 2569 O11, the monthly procurement summary
    assert not any(c.url == statistics and c.via_hub for c in found["o11"])
    guide = f"{SITE}/ita69/o17.php"
    assert any(c.url == guide and c.labelled_as for c in found["o16"])
    assert not any(c.url == guide and c.via_hub for c in found["o17"])


def test_the_report_says_how_the_row_was_labelled() -> None:
    docs = _docs()
    found = _candidates(docs)
    evidence = site(docs)
    result = assess_item(P2569.item("o16"), P2569, found["o16"], evidence, {}, today=TODAY)
    note = next(p for p in result.problems if p.code == "labelled_other_year")
    assert note.message_en == (
        "Labelled O17 (2568 numbering: corruption complaint guide); judged for O16 of 2569 by"
        " its title and content."
    )
    assert note.message_th.startswith("หน้าเว็บกำกับเป็น O17 (เลขข้อตามเกณฑ์ปี 2568:")
    assert note.message_en in reason_en(result) and note.message_th in reason_th(result)
    stats = assess_item(P2569.item("o10"), P2569, found["o10"], evidence, {}, today=TODAY)
    assert any(
        p.code == "labelled_other_year"
        and p.message_en.startswith("Labelled O11 (2568 numbering: service statistics)")
        for p in stats.problems
    )


def test_a_row_with_this_years_number_has_no_such_note() -> None:
    hub = HUB_2568_STYLE.replace(">O17 แนวปฏิบัติ", ">O16 แนวปฏิบัติ")
    docs = [html_doc(hub, f"{SITE}/ita2569.php"), html_doc(GUIDE, f"{SITE}/ita69/o17.php")]
    found = _candidates(docs)
    result = assess_item(P2569.item("o16"), P2569, found["o16"], site(docs), {}, today=TODAY)
    assert "labelled_other_year" not in {p.code for p in result.problems}


def test_other_year_labels_are_pack_data() -> None:
    labels = {(o.year, o.code): item.id for item in P2569.items for o in item.other_year_labels}
    assert labels[(2568, "O11")] == "o10"
    assert labels[(2568, "O12")] == "o11"
    assert labels[(2568, "O17")] == "o16"
    assert "D-17" in (P2569.notes or "")
