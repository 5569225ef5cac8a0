"""Class 1 of issue 13: phone numbers and e-mail addresses as agencies write them, on real pages
served on 127.0.0.1 and scanned with the 2567 pack (o04 ข้อมูลการติดต่อ). The contact page of a
real อบต. often carries the number only in the footer, in Thai digits, split over two lines, or
the e-mail written against spam; a fax-only line or an empty "E-mail :" is not a contact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oit_checker.models import Verdict
from tests.recognisers.sites import AGENCY, agency_page, scan

TODAY = date(2024, 6, 15)

HOME = agency_page(
    "หน้าหลัก",
    '<p>ยินดีต้อนรับสู่เว็บไซต์</p><p><a href="/contact.html">ติดต่อหน่วยงาน</a></p>',
)

FOOTER = f"""{AGENCY}<br>
ที่อยู่ 99 หมู่ 1 ตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์ 31150<br>
โทร. ๐-๔๔๖๘-<br>๑๒๓๔ ต่อ ๑๒<br>
E-mail : saraban[at]chumsaeng[dot]go[dot]th"""

CONTACT_IN_FOOTER = agency_page(
    "ติดต่อเรา",
    """<p>ข้อมูลการติดต่อหน่วยงาน ในวันและเวลาราชการ 08.30-16.30 น.</p>
<p>แผนที่ตั้งสำนักงาน <a href="https://maps.google.com/?q=15.2,103.3">ดูแผนที่ Google Map</a></p>""",
    footer=FOOTER,
)

FAX_ONLY = agency_page(
    "ติดต่อเรา",
    """<p>ข้อมูลการติดต่อหน่วยงาน ที่อยู่ 99 หมู่ 1 ตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์ 31150</p>
<p>ติดต่อทางโทรศัพท์ได้ในวันและเวลาราชการ</p>
<p>โทรสาร 044-681-235</p>
<p>เลขประจำตัวผู้เสียภาษีอากร 0-9940-00123-45-6 ประกาศ ณ วันที่ 01-10-2566</p>
<p>E-mail : -</p>
<p>แผนที่ตั้งสำนักงาน <a href="https://maps.google.com/?q=15.2,103.3">ดูแผนที่ Google Map</a></p>""",
)


def test_phone_and_email_only_in_the_footer_as_agencies_write_them(tmp_path: Path) -> None:
    results = scan(tmp_path, {"index.html": HOME, "contact.html": CONTACT_IN_FOOTER}, 2567, TODAY)
    contact = results["o04"]
    assert contact.verdict is Verdict.PASS, (contact.reason_en, contact.missing_elements)
    snippets = {e.element: e.snippet for e in contact.evidence}
    assert "0-4468-" in snippets["phone"]
    assert "saraban[at]chumsaeng[dot]go[dot]th" in snippets["email"]


def test_fax_only_and_an_empty_email_label_are_not_a_contact(tmp_path: Path) -> None:
    results = scan(tmp_path, {"index.html": HOME, "contact.html": FAX_ONLY}, 2567, TODAY)
    contact = results["o04"]
    assert contact.verdict is Verdict.FAIL
    assert set(contact.missing_elements) == {"หมายเลขโทรศัพท์", "ไปรษณีย์อิเล็กทรอนิกส์ (อีเมล)"}
