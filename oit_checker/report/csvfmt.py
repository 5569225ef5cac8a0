"""The CSV report: one row per item, UTF-8 with a BOM so Excel shows Thai correctly.

Cells that begin with ``= + - @`` (or a tab/CR) are prefixed with an apostrophe: spreadsheet
programs would otherwise run them as formulas, and page titles are written by strangers.
"""

from __future__ import annotations

import csv
import io

from oit_checker.models import Report
from oit_checker.report import _common as c

COLUMNS = (
    "id",
    "title_th",
    "title_en",
    "verdict",
    "verdict_th",
    "ignored",
    "confidence",
    "reason_th",
    "reason_en",
    "missing",
    "problem_codes",
    "evidence_urls",
    "fix_th",
    "fix_en",
    "checklist",
    "checklist_note",
    "evidence_ocr",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    checklist = f"{report.pack.id} ({report.pack.status})"
    note = " · ".join(f"{th} / {en}" for th, en in c.checklist_lines(report))
    for item in c.items_in_order(report):
        row = (
            item.item_id,
            item.title_th,
            item.title_en,
            item.verdict.value,
            c.verdict_label(item.verdict).th,
            "yes" if item.ignored else "",
            f"{item.confidence:.2f}",
            c.reason_th(item),
            c.reason_en(item),
            "; ".join(item.missing_elements),
            " ".join(p.code for p in item.problems),
            " ".join(e.url for e in item.evidence),
            item.remediation_th,
            item.remediation_en,
            checklist,
            note,
            " ".join(e.url for e in item.evidence if e.read_via == "ocr"),
        )
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def csv_cell(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value
