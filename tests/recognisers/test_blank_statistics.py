"""Class 7 of issue 13: empty is not zero. A complaint statistics table with headers and blank
cells, and no statement such as "ไม่มีเรื่องร้องเรียน", fails with ``statistics_blank``; an
explicit 0 or a "none" statement passes. Real pages and a real Excel file served on 127.0.0.1,
scanned with the 2567 pack (o23)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from oit_checker.models import ItemResult, Verdict
from tests.recognisers.sites import agency_page, scan

TODAY = date(2024, 6, 15)
TITLE = "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
PERIOD = "ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน (1 ตุลาคม 2566 - 31 มีนาคม 2567)"
MONTHS = ["ตุลาคม 2566", "พฤศจิกายน 2566", "ธันวาคม 2566", "มกราคม 2567", "กุมภาพันธ์ 2567",
          "มีนาคม 2567"]  # fmt: skip
HEADER = ["เดือน", "จำนวนเรื่องร้องเรียน", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"]


def _home(target: str) -> str:
    return agency_page(
        "หน้าหลัก",
        f'<ul><li><a href="/{target}">O23 {TITLE}ประจำปี</a></li></ul>',
    )


def _table(cells: list[str], total: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    rows = "".join(
        f"<tr><td>{m}</td>" + f"<td>{cells[i]}</td>" * 3 + "</tr>" for i, m in enumerate(MONTHS)
    )
    return f"<table><tr>{head}</tr>{rows}<tr><td>รวม</td>{f'<td>{total}</td>' * 3}</tr></table>"


def _stats_page(body: str) -> str:
    return agency_page(f"{TITLE} {PERIOD}", f"<p>{TITLE} {PERIOD}</p>{body}")


def _o23(tmp: Path, files: dict[str, str | bytes]) -> ItemResult:
    return scan(tmp, files, 2567, TODAY)["o23"]


def _codes(result: ItemResult) -> list[str]:
    return [p.code for p in result.problems]


def test_a_table_of_headers_and_blank_cells_fails_with_the_reason(tmp_path: Path) -> None:
    page = _stats_page(_table([""] * 6, ""))
    result = _o23(tmp_path, {"index.html": _home("ita/o23.html"), "ita/o23.html": page})
    assert result.verdict is Verdict.FAIL
    assert "statistics_blank" in _codes(result)
    blank = next(p for p in result.problems if p.code == "statistics_blank")
    assert "ช่องว่างไม่ถือว่าเป็น 0" in blank.message_th
    assert "blank is not a zero" in blank.message_en


def test_a_table_of_zeros_passes(tmp_path: Path) -> None:
    page = _stats_page(_table(["0"] * 6, "0"))
    result = _o23(tmp_path, {"index.html": _home("ita/o23.html"), "ita/o23.html": page})
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)


def test_a_none_statement_without_a_table_passes(tmp_path: Path) -> None:
    page = _stats_page(
        "<p>ในรอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. 2567 องค์การบริหารส่วนตำบลชุมแสง"
        " ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</p>"
    )
    result = _o23(tmp_path, {"index.html": _home("ita/o23.html"), "ita/o23.html": page})
    assert result.verdict is Verdict.PASS, (result.reason_en, result.missing_elements)


def _xlsx(cells: list[str]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"{TITLE} {PERIOD}"])
    sheet.append(HEADER)
    for i, month in enumerate(MONTHS):
        sheet.append([month, *([cells[i] or None] * 3)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_blank_excel_sheet_fails_and_a_filled_one_passes(tmp_path: Path) -> None:
    page = _stats_page('<p><a href="/files/o23-stat-2567.xlsx">ดาวน์โหลดตารางสถิติ (Excel)</a></p>')
    page = page.replace(f"<p>{TITLE} {PERIOD}</p>", "")
    files: dict[str, str | bytes] = {"index.html": _home("ita/o23.html"), "ita/o23.html": page}
    blank = _o23(tmp_path / "a", {**files, "files/o23-stat-2567.xlsx": _xlsx([""] * 6)})
    assert blank.verdict is Verdict.FAIL
    assert "statistics_blank" in _codes(blank)
    filled = _o23(
        tmp_path / "b", {**files, "files/o23-stat-2567.xlsx": _xlsx(["1", "0", "2", "0", "0", "1"])}
    )
    assert filled.verdict is Verdict.PASS, (filled.reason_en, filled.missing_elements)
