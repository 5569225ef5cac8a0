"""Thai dates and periods: every supported way of writing them, read back to real dates."""

from __future__ import annotations

from datetime import date

import pytest

from oit_checker.models import DateRole
from oit_checker.thai.dates import (
    be_to_ce,
    ce_to_be,
    document_dates,
    find_dates,
    fiscal_year,
    fiscal_year_bounds,
)

D = date
P, FY, U, ISS = DateRole.PERIOD, DateRole.FISCAL_YEAR, DateRole.UNKNOWN, DateRole.ISSUED

# text, expected source, start, end, fiscal year, role
CASES = [
    ("๑๕ ตุลาคม ๒๕๖๗", "๑๕ ตุลาคม ๒๕๖๗", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15 ต.ค. 67", "15 ต.ค. 67", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15 ต.ค 67", "15 ต.ค 67", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("ข้อมูล ณ ต.ค.67 แล้ว", "ต.ค.67", D(2024, 10, 1), D(2024, 10, 31), 2568, P),
    ("1 ตุลาคม พ.ศ. 2567", "1 ตุลาคม พ.ศ. 2567", D(2024, 10, 1), D(2024, 10, 1), 2568, U),
    ("วันที่ ๓๐ กันยายน พ.ศ.๒๕๖๘", "๓๐ กันยายน พ.ศ.๒๕๖๘", D(2025, 9, 30), D(2025, 9, 30), 2568, U),
    ("ปีงบประมาณ พ.ศ. 2568", "ปีงบประมาณ พ.ศ. 2568", D(2024, 10, 1), D(2025, 9, 30), 2568, FY),
    ("ปีงบประมาณ 2568", "ปีงบประมาณ 2568", D(2024, 10, 1), D(2025, 9, 30), 2568, FY),
    (
        "แผน ประจำปี  \nงบประมาณ ๒๕๖๖",
        "ประจำปี  \nงบประมาณ ๒๕๖๖",
        D(2022, 10, 1),
        D(2023, 9, 30),
        2566,
        FY,
    ),
    ("ประจำปี 2567", "ประจำปี 2567", D(2023, 10, 1), D(2024, 9, 30), 2567, FY),
    ("ไตรมาส 1/2568", "ไตรมาส 1/2568", D(2024, 10, 1), D(2024, 12, 31), 2568, P),
    (
        "ไตรมาสที่ 2 ปีงบประมาณ 2568",
        "ไตรมาสที่ 2 ปีงบประมาณ 2568",
        D(2025, 1, 1),
        D(2025, 3, 31),
        2568,
        P,
    ),
    ("ไตรมาส 4/2567", "ไตรมาส 4/2567", D(2024, 7, 1), D(2024, 9, 30), 2567, P),
    (
        "รอบ 6 เดือน (ต.ค. 67 – มี.ค. 68)",
        "ต.ค. 67 – มี.ค. 68",
        D(2024, 10, 1),
        D(2025, 3, 31),
        2568,
        P,
    ),
    (
        "รอบ 6 เดือนแรก ของปีงบประมาณ 2568",
        "รอบ 6 เดือนแรก ของปีงบประมาณ 2568",
        D(2024, 10, 1),
        D(2025, 3, 31),
        2568,
        P,
    ),
    ("เดือนมกราคม 2568", "เดือนมกราคม 2568", D(2025, 1, 1), D(2025, 1, 31), 2568, P),
    ("เดือนกุมภาพันธ์ 2567", "เดือนกุมภาพันธ์ 2567", D(2024, 2, 1), D(2024, 2, 29), 2567, P),
    ("ตุลาคม 2567 – มีนาคม 2568", "ตุลาคม 2567 – มีนาคม 2568", D(2024, 10, 1), D(2025, 3, 31), 2568, P),
    ("ต.ค. - ธ.ค. 67", "ต.ค. - ธ.ค. 67", D(2024, 10, 1), D(2024, 12, 31), 2568, P),
    ("ตุลาคม - มีนาคม 2568", "ตุลาคม - มีนาคม 2568", D(2024, 10, 1), D(2025, 3, 31), 2568, P),
    ("พ.ศ.. 2568", "พ.ศ.. 2568", D(2025, 1, 1), D(2025, 12, 31), 2568, U),
    ("พ.ศ.2568", "พ.ศ.2568", D(2025, 1, 1), D(2025, 12, 31), 2568, U),
    ("ในปี พ.ศ. 2566", "ปี พ.ศ. 2566", D(2023, 1, 1), D(2023, 12, 31), 2566, U),
    ("2024-10-15", "2024-10-15", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15 October 2024", "15 October 2024", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("October 15, 2024", "October 15, 2024", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15/10/2024", "15/10/2024", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15/10/2567", "15/10/2567", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15/10/67", "15/10/67", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("15 ต.ค. ค.ศ. 2024", "15 ต.ค. ค.ศ. 2024", D(2024, 10, 15), D(2024, 10, 15), 2568, U),
    ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", "พ.ศ. 2566-2570", D(2023, 1, 1), D(2027, 12, 31), None, P),
    ("ปีงบประมาณ 2566-2570", "ปีงบประมาณ 2566-2570", D(2022, 10, 1), D(2027, 9, 30), None, FY),
    (
        "ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 30 กันยายน 2567",
        "1 ตุลาคม 2566 ถึงวันที่ 30 กันยายน 2567",
        D(2023, 10, 1),
        D(2024, 9, 30),
        2567,
        P,
    ),
    (
        "ประกาศ ณ วันที่ 15 ตุลาคม 2567",
        "ประกาศ ณ วันที่ 15 ตุลาคม 2567",
        D(2024, 10, 15),
        D(2024, 10, 15),
        2568,
        ISS,
    ),
    ("ลงวันที่ 3 มี.ค. 68", "ลงวันที่ 3 มี.ค. 68", D(2025, 3, 3), D(2025, 3, 3), 2568, ISS),
]


@pytest.mark.parametrize(
    ("text", "source", "start", "end", "fy", "role"), CASES, ids=[c[0] for c in CASES]
)
def test_find_dates_formats(
    text: str, source: str, start: date, end: date, fy: int | None, role: DateRole
) -> None:
    found = find_dates(text)
    assert len(found) == 1, found
    m = found[0]
    assert (m.source, m.start, m.end, m.fiscal_year, m.role) == (source, start, end, fy, role)


@pytest.mark.parametrize(
    "text",
    [
        "งบประมาณ 2000 บาท จำนวน 12 คน",
        "โทร 02-123-4567 ต่อ 15",
        "version 1.2.3",
        "31 กุมภาพันธ์ 2568",  # no such day
        "สำนักงาน ก.พ.ร. 2568 ประเมิน",
        "หมู่ที่ 3 ตำบลตัวอย่าง",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text) == []


def test_several_mentions_in_order() -> None:
    text = "ประกาศ ณ วันที่ ๒๐ เมษายน ๒๕๖๘ เรื่องผลการดำเนินงาน ไตรมาส 2/2568 และปีงบประมาณ 2568"
    found = find_dates(text)
    assert [m.role for m in found] == [ISS, P, FY]
    assert [m.start for m in found] == [D(2025, 4, 20), D(2025, 1, 1), D(2024, 10, 1)]


def test_fiscal_year_and_bounds() -> None:
    assert fiscal_year(D(2024, 9, 30)) == 2567
    assert fiscal_year(D(2024, 10, 1)) == 2568
    assert fiscal_year(D(2025, 3, 31)) == 2568
    assert fiscal_year_bounds(2568) == (D(2024, 10, 1), D(2025, 9, 30))
    assert be_to_ce(2568) == 2025
    assert ce_to_be(2025) == 2568


def test_document_dates_annual_report_title() -> None:
    period, issued = document_dates("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567", "")
    assert period is not None and issued is None
    assert (period.start, period.end, period.fiscal_year) == (D(2023, 10, 1), D(2024, 9, 30), 2567)
    assert period.role is FY
    assert period.source == "ประจำปีงบประมาณ พ.ศ. 2567"


def test_document_dates_six_month_report() -> None:
    title = (
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)"
    )
    text = (
        "องค์การบริหารส่วนตำบลตัวอย่าง\nผลการดำเนินงานตามแผน ปีงบประมาณ ๒๕๖๘\n"
        "ประชุมเมื่อ 5 มกราคม 2568\nประกาศ ณ วันที่ ๒๐ เมษายน พ.ศ. ๒๕๖๘\n(นายตัวอย่าง ใจดี)"
    )
    period, issued = document_dates(title, text)
    assert period is not None and issued is not None
    assert (period.start, period.end, period.fiscal_year, period.role) == (
        D(2024, 10, 1),
        D(2025, 3, 31),
        2568,
        P,
    )
    assert period.source == "1 ตุลาคม 2567 – 31 มีนาคม 2568"
    assert (issued.start, issued.role) == (D(2025, 4, 20), ISS)
    assert issued.source == "ประกาศ ณ วันที่ ๒๐ เมษายน พ.ศ. ๒๕๖๘"


def test_document_dates_period_from_text_when_title_has_none() -> None:
    period, issued = document_dates(
        "แผนการจัดซื้อจัดจ้าง", "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ ๒๕๖๘\nลงวันที่ 1 พ.ย. 67"
    )
    assert period is not None and period.fiscal_year == 2568 and period.role is FY
    assert issued is not None and issued.start == D(2024, 11, 1)


def test_document_dates_guesses_nothing() -> None:
    assert document_dates("หน้าแรก", "ยินดีต้อนรับ วันนี้ 15 ตุลาคม 2567 มีประชุม") == (None, None)
