"""JUnit XML: one test case per item, so CI dashboards show the checklist as a test suite.

``fail`` becomes ``<failure>``; ``review`` and ``not_checked`` become ``<skipped>`` (a person must
look, or the tool could not check: neither is a failure). Ignored items are skipped with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from oit_checker.models import ItemResult, Report, Verdict
from oit_checker.report import _common as c

# Characters XML 1.0 does not allow even escaped; page text can contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render_junit(report: Report) -> bytes:
    items = c.items_in_order(report)
    failures = sum(1 for i in items if i.verdict is Verdict.FAIL and not i.ignored)
    skipped = len(items) - failures - sum(1 for i in items if _passes(i))
    duration = max((report.finished_at - report.started_at).total_seconds(), 0.0)
    suites = ET.Element(
        "testsuites",
        name="oit-checker",
        tests=str(len(items)),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
        time=f"{duration:.3f}",
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=_clean(f"OIT {report.pack.id} — {report.site}"),
        tests=str(len(items)),
        failures=str(failures),
        errors="0",
        skipped=str(skipped),
        time=f"{duration:.3f}",
        timestamp=report.started_at.isoformat(),
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("site", report.site),
        ("pack", report.pack.id),
        ("pack_status", report.pack.status),
        ("pack_notice", f"{report.pack.notice_th} / {report.pack.notice_en}"),
        ("pack_reason", f"{report.pack.reason_th} / {report.pack.reason_en}"),
        ("score", c.score_text(report)),
        ("tool_version", report.tool_version),
    ):
        ET.SubElement(properties, "property", name=name, value=_clean(value))
    classname = _clean(f"oit.{report.pack.id}")
    for item in items:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=classname,
            name=_clean(f"{item.item_id} {item.title_th}"),
            time="0",
        )
        _outcome(case, item)
        text = _details(item)
        if text:
            ET.SubElement(case, "system-out").text = _clean(text)
    ET.indent(suites)
    return ET.tostring(suites, encoding="utf-8", xml_declaration=True) + b"\n"


def _passes(item: ItemResult) -> bool:
    return item.verdict is Verdict.PASS


def _outcome(case: ET.Element, item: ItemResult) -> None:
    label = c.verdict_label(item.verdict)
    message = _clean(f"{label.th} / {label.en}: {c.reason_th(item)} / {c.reason_en(item)}")
    if item.ignored and item.verdict is not Verdict.PASS:
        ET.SubElement(case, "skipped", message=_clean("ยกเว้นตามไฟล์ตั้งค่า / ignored: ") + message)
    elif item.verdict is Verdict.FAIL:
        failure = ET.SubElement(
            case,
            "failure",
            message=message,
            type=_clean(" ".join(p.code for p in item.problems) or "fail"),
        )
        failure.text = _clean(_fix(item))
    elif item.verdict in (Verdict.REVIEW, Verdict.NOT_CHECKED):
        ET.SubElement(case, "skipped", message=message)


def _fix(item: ItemResult) -> str:
    lines = []
    if item.missing_elements:
        lines.append("ขาด / Missing: " + "; ".join(item.missing_elements))
    if item.remediation_th:
        lines.append("แก้ไข: " + item.remediation_th)
    if item.remediation_en:
        lines.append("Fix: " + item.remediation_en)
    return "\n".join(lines)


def _details(item: ItemResult) -> str:
    lines = [f"[{p.code}] {p.message_th} / {p.message_en}" for p in item.problems]
    for e in item.evidence:
        via = f" ({c.read_via_text(e)})" if e.read_via else ""
        lines.append(f"evidence: {e.url}" + (f" — {e.snippet}" if e.snippet else "") + via)
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
