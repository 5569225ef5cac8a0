"""Hub detection on the layouts agencies use, and pages that are not hubs."""

from __future__ import annotations

from oit_checker.match.explain import hub_problems
from oit_checker.match.hub import detect_hub
from tests.match.docs import html_doc, pack

URL = "http://abt.test.go.th/ita.php"

LIST = """<html><head><title>ITA 2567 - อบต.ทดสอบ</title></head><body>
<h1>การประเมินคุณธรรมและความโปร่งใส ITA ปี 2567</h1>
<ul>
<li><a href="/structure.php">O1 โครงสร้าง</a></li>
<li><a href="/exec.php">O2 ข้อมูลผู้บริหาร</a></li>
<li><a href="/duty.php">O3 อำนาจหน้าที่</a></li>
<li><a href="/contact.php">O4 ข้อมูลการติดต่อ</a></li>
<li><a href="/news.php">O5 ข่าวประชาสัมพันธ์</a></li>
<li><a href="#">O6 Q&amp;A</a></li>
</ul></body></html>"""

ACCORDION = """<html><head><title>OIT</title></head><body><div class="accordion">
<div class="card"><div class="card-header"><h5><button>O1 โครงสร้าง</button></h5></div>
 <div class="collapse"><div class="card-body"><a href="/f/chart.pdf">คลิก</a></div></div></div>
<div class="card"><div class="card-header"><h5><button>O2 ข้อมูลผู้บริหาร</button></h5></div>
 <div class="collapse"><div class="card-body"><a href="/f/mayor.pdf">ดาวน์โหลด</a>
 <a href="/f/deputy.pdf">ดาวน์โหลด</a></div></div></div>
<div class="card"><div class="card-header"><h5><button>O3 อำนาจหน้าที่</button></h5></div>
 <div class="collapse"><div class="card-body"><a href="/f/duty.pdf">คลิก</a></div></div></div>
<div class="card"><div class="card-header"><h5><button>O4 ข้อมูลการติดต่อ</button></h5></div>
 <div class="collapse"><div class="card-body"><a href="/contact.php">คลิก</a></div></div></div>
</div></body></html>"""

TABLE = """<html><head><title>ข้อมูลสาธารณะ</title></head><body><table>
<tr><th>ข้อ</th><th>รายการ</th><th>ลิงก์</th></tr>
<tr><td>1</td><td>โครงสร้าง</td><td><a href="/x/1">เปิด</a></td></tr>
<tr><td>2</td><td>ข้อมูลผู้บริหาร</td><td><a href="/x/2">เปิด</a></td></tr>
<tr><td>3</td><td>อำนาจหน้าที่</td><td><a href="/x/3">เปิด</a></td></tr>
<tr><td>4</td><td>ข้อมูลการติดต่อ</td><td><a href="/x/4">เปิด</a></td></tr>
<tr><td>5</td><td>ข่าวประชาสัมพันธ์</td><td><a href="/x/5">เปิด</a></td></tr>
<tr><td>6</td><td>Q&amp;A</td><td><a href="/x/6">เปิด</a></td></tr>
</table></body></html>"""

CODED_TABLE = """<html><head><title>หน้า ITA</title></head><body><table>
<tr><td>O7</td><td>แผนดำเนินงานและการใช้งบประมาณประจำปี</td>
    <td><a href="/doc/7.pdf">รายละเอียด</a></td></tr>
<tr><td>O8</td><td>รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ ประจำปี รอบ 6 เดือน</td>
    <td><a href="/doc/8.pdf">รายละเอียด</a></td></tr>
<tr><td>O9</td><td>รายงานผลการดำเนินงานประจำปี</td><td><a href="/doc/9.pdf">รายละเอียด</a></td></tr>
<tr><td>O10</td><td>คู่มือหรือมาตรฐานการปฏิบัติงาน</td><td><a href="/doc/10.pdf">รายละเอียด</a></td></tr>
</table></body></html>"""

NEWS = """<html><head><title>ข่าวประชาสัมพันธ์ - อบต.ทดสอบ</title></head><body>
<h1>ข่าวประชาสัมพันธ์</h1>
<p>อบต.ทดสอบ จัดประชุมเตรียมความพร้อมการประเมิน ITA ประจำปี 2567 วันที่ 12 ม.ค. 2567</p>
<ul><li><a href="/news/1">ประชุมสภาสมัยสามัญ</a></li><li><a href="/news/2">ภาพกิจกรรมวันเด็ก</a></li>
<li><a href="/news/3">ประกาศรับสมัครงาน</a></li></ul>
<p><a href="/structure.php">โครงสร้าง</a> <a href="/exec.php">คณะผู้บริหาร</a></p>
</body></html>"""

MENU = """<html><head><title>หน้าแรก - อบต.ทดสอบ</title></head><body><nav><ul>
<li><a href="/structure.php">โครงสร้าง</a></li><li><a href="/exec.php">ข้อมูลผู้บริหาร</a></li>
<li><a href="/duty.php">อำนาจหน้าที่</a></li><li><a href="/contact.php">ติดต่อเรา</a></li>
<li><a href="/news.php">ข่าวประชาสัมพันธ์</a></li></ul></nav><p>ยินดีต้อนรับ</p></body></html>"""


def _rows(html: str) -> dict[str, list[str]]:
    hub = detect_hub(html_doc(html, URL), pack(2567))
    assert hub is not None
    return {row.item_id or "": [link.url for link in row.links] for row in hub.rows}


def test_list_of_coded_links() -> None:
    hub = detect_hub(html_doc(LIST, URL), pack(2567))
    assert hub is not None
    assert hub.year == 2567
    rows = {row.item_id: row for row in hub.rows}
    assert rows["o02"].links[0].url == "http://abt.test.go.th/exec.php"
    assert rows["o02"].code == 2
    assert rows["o06"].links[0].url == ""  # placeholder kept, reported below
    codes = [p.code for p in hub_problems(hub, pack(2567))]
    assert codes == ["hub_row_no_link"]


def test_accordion_headings_with_button_links() -> None:
    rows = _rows(ACCORDION)
    assert rows["o01"] == ["http://abt.test.go.th/f/chart.pdf"]
    assert rows["o02"] == [
        "http://abt.test.go.th/f/mayor.pdf",
        "http://abt.test.go.th/f/deputy.pdf",
    ]
    assert rows["o04"] == ["http://abt.test.go.th/contact.php"]


def test_table_with_open_button_per_row() -> None:
    rows = _rows(TABLE)
    assert rows["o01"] == ["http://abt.test.go.th/x/1"]
    assert rows["o04"] == ["http://abt.test.go.th/x/4"]
    assert rows["o06"] == ["http://abt.test.go.th/x/6"]


def test_table_with_codes_and_detail_buttons() -> None:
    rows = _rows(CODED_TABLE)
    assert rows == {
        "o07": ["http://abt.test.go.th/doc/7.pdf"],
        "o08": ["http://abt.test.go.th/doc/8.pdf"],
        "o09": ["http://abt.test.go.th/doc/9.pdf"],
        "o10": ["http://abt.test.go.th/doc/10.pdf"],
    }


def test_news_page_is_not_a_hub() -> None:
    assert detect_hub(html_doc(NEWS, "http://abt.test.go.th/news.php"), pack(2567)) is None


def test_ordinary_menu_is_not_a_hub() -> None:
    assert detect_hub(html_doc(MENU, "http://abt.test.go.th/"), pack(2567)) is None
