"""An .xlsx submission shaped as agencies save it from Excel: a merged title row above the
Thai header, item numbers typed as numbers, an item cell merged down over its two URLs, URLs
behind display text ("คลิกดูเอกสาร") and in =HYPERLINK formulas. Same content as
``fixtures/audit/submission.csv`` (read against ``site``)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font


def write_xlsx_submission(path: Path, site: str) -> Path:
    base = site.rstrip("/")
    docs = f"{base}/ita/docs"
    book = Workbook()
    sheet = book.active
    sheet.title = "OIT"
    sheet["A1"] = "แบบรายงานการเผยแพร่ข้อมูลสาธารณะ (OIT) ประจำปี 2567"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["ข้อ", "ลิงก์ (URL)", "หมายเหตุ"])
    rows: list[tuple[object, str, str]] = [
        (1, f"{base}/about/structure.html", ""),
        ("o02", f"{base}/about/executives.html", ""),
        ("ข้อ o3", f"{base}/about/duties.html", ""),
        ("004", f"{base}/contact.html", ""),
        (5.0, f"{base}/news/index.html", ""),
        ("o7", f"{docs}/o07-plan-2567.pdf", ""),
        ("o8", f"{docs}/o08-report-6-months-2567.pdf", ""),
        ("o14", f"{docs}/o14-procurement-plan-2567.pdf", ""),
        ("O15", f"{docs}/o15-announce-1.pdf", "ประกาศ 2 ฉบับ"),
        ("", f"{docs}/o15-announce-2.pdf", ""),
        ("o16", f"{docs}/o14-procurement-plan-2567.pdf", "สรุปผลการจัดซื้อจัดจ้างรายเดือน"),
        ("o21", f"{docs}/o21-complaint-guide.pdf", ""),
        ("o22", f"{base}/ita/complaint-form.html", ""),
        ("o23", f"{docs}/o23-complaint-statistics-2566.pdf", ""),
        ("o25", f"{docs}/o25-no-gift-2567.pdf", ""),
        ("o30", f"{docs}/o30-anti-corruption-plan-2567.pdf", ""),
    ]
    for code, url, note in rows:
        sheet.append([code, url, note])
    # O15 spans its two URL rows, as a merged cell; its note too.
    o15 = next(i for i, r in enumerate(rows) if r[0] == "O15") + 4
    sheet.merge_cells(start_row=o15, start_column=1, end_row=o15 + 1, end_column=1)
    sheet.merge_cells(start_row=o15, start_column=3, end_row=o15 + 1, end_column=3)
    sheet.cell(o15, 1).alignment = Alignment(vertical="center")
    # o21: a hyperlink under a display text; o22: a HYPERLINK formula.
    o21 = next(i for i, r in enumerate(rows) if r[0] == "o21") + 4
    sheet.cell(o21, 2).value = "คลิกดูเอกสาร"
    sheet.cell(o21, 2).hyperlink = rows[o21 - 4][1]
    o22 = o21 + 1
    sheet.cell(o22, 2).value = f'=HYPERLINK("{rows[o22 - 4][1]}","แบบฟอร์มร้องเรียน")'
    sheet.column_dimensions["B"].width = 70
    book.save(path)
    return path
