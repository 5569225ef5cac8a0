"""The terminal summary: score, counts, then every item worst first with a one-line reason.

Text from crawled pages is passed to rich as ``Text`` objects, never as markup, so a page title
such as ``[red]`` or ``[link=…]`` is printed as written.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from oit_checker.models import Report, Verdict
from oit_checker.report import _common as c

_REASON_LIMIT = 90


def print_summary(report: Report, console: Console) -> None:
    """Print the report summary: header, score and counts, the item table, site findings."""
    console.print(_header(report))
    console.print(_items_table(report))
    findings = _findings(report)
    if findings is not None:
        console.print(findings)


def render_text(report: Report, width: int = 110) -> str:
    """The same summary as plain text (no colour codes), e.g. for a log file."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, force_terminal=False, highlight=False
    )
    print_summary(report, console)
    return buffer.getvalue()


def _header(report: Report) -> Panel:
    status_th, status_en = c.pack_status_label(report.pack.status)
    lines = Text()
    lines.append("เว็บไซต์ / Site: ", style="bold")
    lines.append(report.site)
    lines.append("\nเกณฑ์ / Checklist: ", style="bold")
    lines.append(f"{report.pack.id} ({report.pack.scheme} {report.pack.year}) — ")
    lines.append(f"{status_th} / {status_en}")
    for line_th, line_en in c.checklist_lines(report):
        lines.append(
            f"\n  {line_th}", style="bold yellow" if line_th == report.pack.notice_th else ""
        )
        lines.append(f"\n  {line_en}", style="dim")
    mode_th, mode_en = c.mode_label(report)
    lines.append("\nวิธีตรวจ / Mode: ", style="bold")
    lines.append(f"{mode_th} / {mode_en}")
    lines.append("\nตรวจเมื่อ / Checked: ", style="bold")
    lines.append(f"{c.thai_datetime(report.started_at)} / {c.english_datetime(report.started_at)}")
    lines.append("\nคะแนน / Score: ", style="bold")
    lines.append(c.score_text(report), style="bold cyan")
    lines.append("   ")
    for verdict, count in c.counts(report).items():
        label = c.verdict_label(verdict)
        lines.append(f"{label.symbol} {label.th} / {label.en}: {count}", style=label.colour)
        lines.append("   ")
    ignored = sum(1 for item in report.items if item.ignored)
    if ignored:
        lines.append(f"\nยกเว้นตามไฟล์ตั้งค่า / Ignored by config: {ignored}", style="dim")
    if report.partial:
        lines.append(
            "\nรายงานนี้ไม่ครบ: การตรวจถูกหยุดหรือถึงขีดจำกัด / This report is partial.",
            style="bold yellow",
        )
    if report.pack.status != "official":
        lines.append(
            "\nหมายเหตุ: เกณฑ์ชุดนี้ยังไม่ใช่คู่มือทางการของ ป.ป.ช. ผลเป็นแนวทางเท่านั้น"
            " / Note: this checklist is not the official NACC manual; treat results as guidance.",
            style="yellow",
        )
    return Panel(lines, title="ผลการตรวจ OIT / OIT check", title_align="left")


def _items_table(report: Report) -> Table:
    table = Table(show_lines=False, expand=True, title_justify="left")
    table.add_column("ข้อ\nItem", no_wrap=True)
    table.add_column("ผล\nResult", no_wrap=True)
    # Thai has no spaces between words, so long titles fold instead of being cut off.
    table.add_column("หัวข้อ\nTitle", ratio=2, overflow="fold")
    table.add_column("เหตุผล\nReason", ratio=3, overflow="fold")
    for item in c.items_worst_first(report):
        label = c.verdict_label(item.verdict)
        result = Text(f"{label.symbol} {label.th}\n{label.en}", style=label.colour)
        if item.ignored:
            result.append("\n(ยกเว้น / ignored)", style="dim")
        title = Text(item.title_th)
        if item.title_en:
            title.append("\n" + item.title_en, style="dim")
        reason = Text(c.one_line(c.base_reason_th(item), _REASON_LIMIT))
        english = c.one_line(c.base_reason_en(item), _REASON_LIMIT)
        if english:
            reason.append("\n" + english, style="dim")
        if any(e.read_via for e in item.evidence):
            reason.append(f"\n{c.OCR_READ[0]} / {c.OCR_READ[1]}", style="dim")
        for note in c.notes(item):  # never cut off: how sure the checklist is, what is not due
            reason.append(f"\nหมายเหตุ: {note.message_th}", style="yellow")
            reason.append(f"\nNote: {note.message_en}", style="dim")
        if item.verdict is Verdict.FAIL and item.remediation_th:
            reason.append("\nแก้ไข: " + c.one_line(item.remediation_th, _REASON_LIMIT), style="cyan")
        table.add_row(Text(item.item_id, style="bold"), result, title, reason)
    return table


def _findings(report: Report) -> Panel | None:
    if not report.site_findings:
        return None
    parts: list[Text] = []
    for problem in report.site_findings:
        line = Text("• ")
        line.append(problem.message_th)
        line.append(f"\n  {problem.message_en}", style="dim")
        if problem.url:
            line.append(f"\n  {problem.url}", style="dim")
        parts.append(line)
    return Panel(Group(*parts), title="ข้อสังเกตทั้งเว็บไซต์ / Site findings", title_align="left")
