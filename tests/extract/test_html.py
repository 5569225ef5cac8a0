"""HTML pages: title, headings, main text without boilerplate, links incl. onclick, images,
tables, forms, TIS-620 pages and dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixtures import docgen
from oit_checker.extract import extract
from oit_checker.extract.html import extract_html
from oit_checker.models import DateRole, DocKind, Resource
from tests.support import channel_pages

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>ข่าวประชาสัมพันธ์ - องค์การบริหารส่วนตำบลน้ำใส</title>
<style>.menu{color:red}</style><script>var x = "ไม่ควรอยู่ในข้อความ";</script></head>
<body>
<nav><ul><li><a href="/ita.php">ITA</a></li>
<li><a href="#" onclick="window.open('/docs/o12.pdf')">รายงานการกำกับติดตาม รอบ 6 เดือน</a>
</li></ul></nav>
<h1>ผู้บริหาร</h1>
<div class="person">
<img src="/img/mayor.jpg" alt="นายสมชาย ใจดี นายก อบต." width="160" height="200px">
<p>นายสมชาย <b>ใจดี</b> นายกองค์การบริหารส่วนตำบล</p></div>
<img data-src="/img/lazy.png" src="data:image/gif;base64,R0lGOD" alt="">
<h2>แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ ๒๕๖๘</h2>
<table><tr><th>ลำดับ</th><th>รายการ</th><th>วงเงิน</th></tr>
<tr><td>1</td><td>จัดซื้อวัสดุสำนักงาน</td><td>15,000</td></tr>
<tr><td>2</td><td>จ้างซ่อมถนน<table><tr><td>ซ้อน</td></tr></table></td><td>480,000</td></tr></table>
<p>ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๗</p>
<noscript>เปิด JavaScript</noscript>
</body></html>"""


def test_html_structure() -> None:
    doc = extract_html(PAGE, "http://127.0.0.1:8000/news/1.html")
    assert doc.kind is DocKind.HTML
    assert doc.title == "ข่าวประชาสัมพันธ์ - องค์การบริหารส่วนตำบลน้ำใส"
    assert doc.headings == ["ผู้บริหาร", "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568"]
    by_text = {link.text: link for link in doc.links}
    assert by_text["ITA"].url == "http://127.0.0.1:8000/ita.php"
    onclick = by_text["รายงานการกำกับติดตาม รอบ 6 เดือน"]
    assert onclick.url == "http://127.0.0.1:8000/docs/o12.pdf" and onclick.tag == "a_onclick"
    mayor, lazy = doc.images
    assert (mayor.src, mayor.alt, mayor.width, mayor.height) == (
        "http://127.0.0.1:8000/img/mayor.jpg",
        "นายสมชาย ใจดี นายก อบต.",
        160,
        200,
    )
    assert lazy.src == "http://127.0.0.1:8000/img/lazy.png"
    outer = doc.tables[0].rows
    assert outer[0] == ["ลำดับ", "รายการ", "วงเงิน"]
    assert outer[1] == ["1", "จัดซื้อวัสดุสำนักงาน", "15,000"]
    assert outer[2][0] == "2" and outer[2][2] == "480,000"
    assert doc.tables[1].rows == [["ซ้อน"]]


def test_html_main_text_keeps_lines_and_drops_boilerplate() -> None:
    doc = extract_html(PAGE, "http://127.0.0.1:8000/news/1.html")
    lines = doc.text.splitlines()
    assert "นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบล" in lines  # inline <b> stays in its line
    assert "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๗".replace("๑๕", "15").replace("๒๕๖๗", "2567") in lines
    assert "1 จัดซื้อวัสดุสำนักงาน 15,000" in lines
    for gone in ("ไม่ควรอยู่ในข้อความ", "color:red", "เปิด JavaScript", "ITA"):
        assert gone not in doc.text


def test_extract_html_dates_and_hash() -> None:
    resource = Resource(
        url="http://127.0.0.1:8000/news/1.html", status=200, content_type="text/html"
    )
    doc = extract(resource, PAGE.encode("utf-8"))
    assert doc.issued is not None and doc.issued.start == date(2024, 10, 15)
    assert doc.issued.role is DateRole.ISSUED
    assert doc.period is not None and doc.period.fiscal_year == 2568
    assert doc.sha256 is not None and len(doc.sha256) == 64


def test_tis620_page_is_decoded(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
        "<title>หน้าแรก อบต.น้ำใส</title></head><body><h1>ข่าวประชาสัมพันธ์</h1>"
        "<p>ประกาศ ณ วันที่ 15 ตุลาคม 2567</p></body></html>"
    )
    body = docgen.make_tis620_html(tmp_path / "index.html", html).read_bytes()
    assert "หน้าแรก".encode() not in body  # really TIS-620 bytes
    resource = Resource(url="http://127.0.0.1:8000/", status=200, content_type="text/html")
    doc = extract(resource, body)
    assert doc.title == "หน้าแรก อบต.น้ำใส"
    assert doc.headings == ["ข่าวประชาสัมพันธ์"]
    assert doc.issued is not None and doc.issued.start == date(2024, 10, 15)


# Tag-like text where the parser keeps it as text (attributes, <title>, scripts): the single
# parse marks block tags with whitespace, and none of it may show in what is read.
TAGS_AS_TEXT = """<html><head><title>ข่าว <p>ทดสอบ</p>
<div>x</title></head><body>
<div><a href="/x" title="<p>tip</p>
<div>y</div>"></a><script>document.write("<div>ก</div><td>x")</script>
<a href=" /y?q=<p>z " onclick="window.open('/o.pdf')">ลิงก์ <div>ใน</div> <td>เซลล์</td></a></div>
<img src="/i<br>.jpg" alt="<br>ภาพ
<p>คำบรรยาย">
<table><tr><td>ก<br>ข</td><TH>ค <P>ง</P></TH></tr></table></body></html>"""


def test_block_marks_do_not_leak_into_attributes_or_raw_text() -> None:
    doc = extract_html(TAGS_AS_TEXT, "http://127.0.0.1/a/b.php")
    assert doc.title == "ข่าว <p>ทดสอบ</p>\n<div>x"
    tip, inner = doc.links
    assert tip.text == "<p>tip</p>\n<div>y</div>"
    assert tip.context.startswith('document.write("<div>ก</div><td>x") ลิงก์')
    assert inner.url == "http://127.0.0.1/y?q=<p>z" and inner.raw_href == " /y?q=<p>z "
    assert inner.text == "ลิงก์ ใน เซลล์"
    (img,) = doc.images
    assert (img.src, img.alt) == ("http://127.0.0.1/i<br>.jpg", "<br>ภาพ\n<p>คำบรรยาย")
    assert doc.tables[0].rows == [["ก ข", "ค ง"]]
    assert doc.text.splitlines()[-3:] == ["ก", "ข ค", "ง"]  # lines and cells from the marks


def test_links_resolve_the_same_from_cache() -> None:
    page = '<a href="/p.php?id=1">หน้า</a><a href="rel.html">r</a><a href="//cdn.go.th/x">c</a>'
    first = [lk.url for lk in extract_html(page, "https://a.go.th/d/1.html").links]
    again = [lk.url for lk in extract_html(page, "https://a.go.th/e/2.html").links]
    other = [lk.url for lk in extract_html(page, "http://b.go.th/d/1.html").links]
    assert first == [
        "https://a.go.th/p.php?id=1",
        "https://a.go.th/d/rel.html",
        "https://cdn.go.th/x",
    ]
    assert again == [
        "https://a.go.th/p.php?id=1",
        "https://a.go.th/e/rel.html",
        "https://cdn.go.th/x",
    ]
    assert other == ["http://b.go.th/p.php?id=1", "http://b.go.th/d/rel.html", "http://cdn.go.th/x"]


# ----------------------------------------------------------------------------- forms

CHANNEL_PAGE = "https://www.example-sao.go.th/ita/o13.html"


def test_service_form_read_with_its_fields_action_and_text() -> None:
    doc = extract_html(channel_pages.SERVICE_FORM, CHANNEL_PAGE)
    header_search, service = doc.forms
    assert header_search.search and not service.search
    assert service.action == "https://www.example-sao.go.th/ita/eservice/submit.php"
    assert service.method == "post"
    # fullname, phone, kind (select), detail, attach; not token (hidden), submit or reset
    assert service.fields == 5
    assert not service.login
    for part in ("แบบคำร้องทั่วไป", "ชื่อ-นามสกุล", "ระบุรายละเอียดคำร้อง", "ส่งคำร้อง"):
        assert part in service.text
    # the main text still drops the select's options (forms are read before it decomposes)
    assert "ขอซ่อมไฟฟ้าสาธารณะ" not in doc.text
    assert "ขอซ่อมไฟฟ้าสาธารณะ" in service.text


def test_search_boxes_are_marked() -> None:
    doc = extract_html(channel_pages.SEARCH_ONLY, CHANNEL_PAGE)
    assert len(doc.forms) == 3
    assert all(f.search and f.fields == 1 for f in doc.forms)


def test_one_field_form_is_a_search_box_only_when_it_looks_like_one() -> None:
    page = """<html><body><main>
<form action="/search"><input name="s"></form>
<form action="/qa/ask" method="post"><label>คำถามของท่าน <input name="question"></label>
<button>ส่งคำถาม</button></form>
<form><input name="keyword" placeholder="ค้นหา"></form>
<form action="javascript:void(0)"><textarea name="q"></textarea><button>ส่ง</button></form>
</main></body></html>"""
    by_name, question, keyword, scripted = extract_html(page, CHANNEL_PAGE).forms
    assert by_name.search and keyword.search
    assert not question.search and question.action == "https://www.example-sao.go.th/qa/ask"
    assert keyword.action == CHANNEL_PAGE  # no action: the page itself
    assert not scripted.search and scripted.action == "" and scripted.fields == 1


def test_login_form_is_marked() -> None:
    (_header, login) = extract_html(channel_pages.LOGIN_ONLY, CHANNEL_PAGE).forms
    assert login.login and not login.search and login.fields == 2


def test_embedded_google_form_is_a_link_not_a_form() -> None:
    doc = extract_html(channel_pages.GOOGLE_FORM_IFRAME, CHANNEL_PAGE)
    assert [f.search for f in doc.forms] == [True]
    frames = [link for link in doc.links if link.tag == "iframe"]
    assert [link.url for link in frames] == [
        "https://docs.google.com/forms/d/e/1FAIpQLSchumsaeng-complaint/viewform?embedded=true"
    ]


def test_page_without_forms_has_none() -> None:
    assert extract_html(PAGE, "http://127.0.0.1:8000/news/1.html").forms == []
