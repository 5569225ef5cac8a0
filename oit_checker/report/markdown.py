"""The Markdown report, for issues and e-mail.

Every piece of page text is escaped twice over: Markdown punctuation gets a backslash and
``< > &`` become entities, so a page title can neither format the issue nor inject HTML.
Links are written only for http(s) URLs, with characters that would end the link encoded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from oit_checker.models import ItemResult, Report
from oit_checker.report import _common as c

# Page text never starts a line here, so only inline syntax needs a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def md_escape(text: str) -> str:
    """Page text as inert Markdown on one line."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def md_link(url: str, text: str | None = None) -> str:
    """A Markdown link for an http(s) URL; anything else as escaped code-free text."""
    label = md_escape(text if text else url)
    safe = c.safe_http_url(url)
    if safe is None:
        return label
    target = quote(safe, safe=_URL_SAFE).replace("(", "%28").replace(")", "%29")
    return f"[{label}]({target})"


def render_markdown(report: Report) -> str:
    lines: list[str] = []
    status_th, status_en = c.pack_status_label(report.pack.status)
    lines.append("# ผลการตรวจเว็บไซต์ตามเกณฑ์ OIT / OIT website check")
    lines.append("")
    lines.append(f"- **เว็บไซต์ / Site:** {md_link(report.site)}")
    mode_th, mode_en = c.mode_label(report)
    lines.append(f"- **วิธีตรวจ / Mode:** {md_escape(mode_th)} / {md_escape(mode_en)}")
    lines.append(
        f"- **เกณฑ์ / Checklist:** {md_escape(report.pack.id)}"
        f" ({md_escape(report.pack.scheme)} {report.pack.year}) — {status_th} / {status_en}"
    )
    for line_th, line_en in c.checklist_lines(report):
        lines.append(f"  - {md_escape(line_th)} / {md_escape(line_en)}")
    lines.append(
        f"- **ตรวจเมื่อ / Checked:** {c.thai_datetime(report.started_at)}"
        f" / {c.english_datetime(report.started_at)}"
    )
    lines.append(f"- **คะแนน / Score:** {c.score_text(report)}")
    labels = c.VERDICT_LABELS
    counts = ", ".join(f"{labels[v].th} / {labels[v].en}: {n}" for v, n in c.counts(report).items())
    lines.append(f"- **จำนวนข้อ / Items:** {counts}")
    if report.partial:
        lines.append("- **รายงานนี้ไม่ครบ / This report is partial.**")
    lines.append("")
    lines.append("| ข้อ / Item | หัวข้อ / Title | ผล / Result | เหตุผล / Reason |")
    lines.append("|---|---|---|---|")
    for item in c.items_worst_first(report):
        label = c.verdict_label(item.verdict)
        result = f"{label.symbol} {label.th} / {label.en}" + (
            " (ยกเว้น / ignored)" if item.ignored else ""
        )
        lines.append(
            f"| {md_escape(item.item_id)} | {md_escape(item.title_th)} | {result}"
            f" | {md_escape(c.one_line(c.reason_th(item), 160))} |"
        )
    if report.site_findings:
        lines.append("")
        lines.append("## ข้อสังเกตทั้งเว็บไซต์ / Site findings")
        lines.append("")
        for problem in report.site_findings:
            where = f" — {md_link(problem.url)}" if problem.url else ""
            lines.append(
                f"- `{problem.code}` {md_escape(problem.message_th)}"
                f" / {md_escape(problem.message_en)}{where}"
            )
    lines.append("")
    lines.append("## รายละเอียดรายข้อ / Items")
    for item in c.items_worst_first(report):
        lines.extend(_item_section(item))
    lines.append("")
    lines.append(
        f"_oit-checker {md_escape(report.tool_version)} — ผลการตรวจอัตโนมัติ"
        " ไม่ใช่ผลการประเมินทางการของสำนักงาน ป.ป.ช. / automated check, not the official NACC"
        " assessment._"
    )
    return "\n".join(lines) + "\n"


def _item_section(item: ItemResult) -> list[str]:
    label = c.verdict_label(item.verdict)
    out = ["", f"### {md_escape(item.item_id)} {md_escape(item.title_th)}"]
    if item.title_en:
        out.append(f"_{md_escape(item.title_en)}_")
    out.append("")
    out.append(
        f"**{label.symbol} {label.th} / {label.en}**"
        f" — ความมั่นใจ / confidence {item.confidence:.0%}"
        + (" — ยกเว้นตามไฟล์ตั้งค่า / ignored by config" if item.ignored else "")
    )
    out.append("")
    reason_th, reason_en = c.reason_th(item), c.reason_en(item)
    if reason_th:
        out.append(f"- เหตุผล: {md_escape(reason_th)}")
    if reason_en:
        out.append(f"- Reason: {md_escape(reason_en)}")
    if item.not_checked_reason and item.not_checked_reason != reason_th:
        out.append(f"- ตรวจไม่ได้เพราะ / Not checked because: {md_escape(item.not_checked_reason)}")
    if item.missing_elements:
        out.append("- ขาด / Missing: " + "; ".join(md_escape(m) for m in item.missing_elements))
    for evidence in item.evidence:
        detail = f" — {md_escape(evidence.element)}" if evidence.element else ""
        snippet = f" — “{md_escape(c.one_line(evidence.snippet, 200))}”" if evidence.snippet else ""
        ocr = f" ({c.read_via_text(evidence)})" if evidence.read_via else ""
        out.append(f"- หลักฐาน / Evidence: {md_link(evidence.url)}{detail}{snippet}{ocr}")
    for problem in item.problems:
        where = f" — {md_link(problem.url)}" if problem.url else ""
        out.append(
            f"- `{problem.code}` {md_escape(problem.message_th)}"
            f" / {md_escape(problem.message_en)}{where}"
        )
    if item.remediation_th:
        out.append(f"- **วิธีแก้:** {md_escape(item.remediation_th)}")
    if item.remediation_en:
        out.append(f"- **Fix:** {md_escape(item.remediation_en)}")
    return out
