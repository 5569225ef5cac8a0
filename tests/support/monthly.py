"""Monthly procurement summaries filed the ways agency CMSs file them (issue 13 class 9).

Real PDF and XLSX files with Thai text (``fixtures/docgen.py``), posted one month per post on a
CMS news list (list → detail page → file), paginated, bundled by quarter, or as PDF + Excel twins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fixtures.docgen import make_pdf, make_xlsx
from tests.support.agency import HEAD, cms_page

MONTHS = [
    ("ตุลาคม", 2567),
    ("พฤศจิกายน", 2567),
    ("ธันวาคม", 2567),
    ("มกราคม", 2568),
    ("กุมภาพันธ์", 2568),
    ("มีนาคม", 2568),
]
"""The first six months of FY2568: what the 2568 pack's o12 needs by 31 March 2568."""
O12 = "O12 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"
COLUMNS = (
    "ลำดับ งานที่จัดซื้อหรือจัดจ้าง วงเงินงบประมาณ แหล่งที่มาของงบประมาณ สถานะการจัดซื้อจัดจ้าง"
    " วิธีจัดซื้อจัดจ้าง ราคากลาง ราคาที่ตกลงซื้อหรือจ้าง ผู้ประกอบการที่ได้รับการคัดเลือก เลขที่โครงการ"
)


def _rows(month: str, year: int, n: int) -> list[str]:
    return [
        f"{n}.1 จัดซื้อวัสดุสำนักงาน ประจำเดือน{month} {year} 15,000 บาท เงินงบประมาณ"
        " ดำเนินการแล้วเสร็จ เฉพาะเจาะจง ราคากลาง 15,000 บาท ราคาที่ตกลง 14,800 บาท"
        f" ร้านรุ่งเรืองพาณิชย์ 6{year % 100}0{n:02d}123456",
        f"{n}.2 จ้างซ่อมแซมถนนหมู่ 4 วงเงิน 98,000 บาท เงินรายได้ อยู่ระหว่างดำเนินการ"
        " เฉพาะเจาะจง ราคากลาง 98,000 บาท ราคาที่ตกลง 97,500 บาท หจก.ก้าวหน้าก่อสร้าง",
    ]


def month_pdf(path: Path, month: str, year: int, n: int) -> bytes:
    """One month's summary: cover line, agency, columns, two rows."""
    lines = [
        f"รายการการจัดซื้อจัดจ้างและความก้าวหน้า ประจำเดือน{month} พ.ศ. {year}",
        HEAD,
        COLUMNS,
        *_rows(month, year, n),
    ]
    return make_pdf(path, [lines]).read_bytes()


def month_xlsx(path: Path, month: str, year: int, n: int) -> bytes:
    """The same month as a data file (the Excel twin of the PDF)."""
    header = COLUMNS.split(" ")
    rows: list[Sequence[object]] = [
        [f"รายการการจัดซื้อจัดจ้างและความก้าวหน้า ประจำเดือน{month} พ.ศ. {year}"],
        [HEAD],
        header,
        [
            1,
            "จัดซื้อวัสดุสำนักงาน",
            15000,
            "เงินงบประมาณ",
            "ดำเนินการแล้วเสร็จ",
            "เฉพาะเจาะจง",
            15000,
            14800,
            "ร้านรุ่งเรืองพาณิชย์",
            f"6{year % 100}0{n:02d}123456",
        ],
    ]
    return make_xlsx(path, {f"{month} {year}": rows}).read_bytes()


def quarter_pdf(path: Path, quarter: int, months: Sequence[tuple[str, int]], start: int) -> bytes:
    """A quarter bundle: one file, a section per month."""
    first, last = months[0], months[-1]
    lines = [
        f"รายการการจัดซื้อจัดจ้างและความก้าวหน้า ไตรมาสที่ {quarter} ปีงบประมาณ พ.ศ. 2568",
        f"({first[0]} {first[1]} – {last[0]} {last[1]})",
        HEAD,
        COLUMNS,
    ]
    for k, (month, year) in enumerate(months):
        lines.append(f"เดือน{month} {year}")
        lines.extend(_rows(month, year, start + k))
    return make_pdf(path, [lines]).read_bytes()


def news_list(posts: Sequence[tuple[str, str]], pager: str = "") -> str:
    """A CMS news list: one post per row (title link, date, "อ่านต่อ")."""
    rows = "".join(
        f"<div class='news-item'><h4><a href='{href}'>{title}</a></h4>"
        f"<span class='date'>โพสต์เมื่อ 5 เม.ย. 2568</span> <a href='{href}'>อ่านต่อ »</a></div>"
        for href, title in posts
    )
    return cms_page("ประกาศจัดซื้อจัดจ้าง", rows + pager)


def detail_page(title: str, file_href: str, button: str = "ดาวน์โหลดเอกสาร") -> str:
    """A CMS post: title, a line of text, the attached file behind a button."""
    return cms_page(
        title,
        f"<p>{HEAD} เผยแพร่{title} รายละเอียดตามเอกสารแนบ</p>"
        f"<p><a href='{file_href}' class='btn btn-primary'>{button}</a></p>",
    )


def post_title(month: str, year: int) -> str:
    return f"สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{month} {year}"
