"""Each report format says what the report holds, in Thai first, and survives hostile page text."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from oit_checker.config import IgnoreEntry, apply_ignores
from oit_checker.errors import UsageError
from oit_checker.models import REPORT_SCHEMA_VERSION, Report, Verdict
from oit_checker.report import (
    FILE_NAMES,
    FORMATS,
    print_summary,
    render,
    report_json_schema,
    write_reports,
)
from oit_checker.report._common import safe_http_url, thai_datetime
from oit_checker.report.markdown import md_escape
from tests.report.sample import JS_URLS, PAYLOADS, hostile_report, sample_report

MONTHLY = "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"


def _text(out: str | bytes) -> str:
    return out.decode("utf-8-sig") if isinstance(out, bytes) else out


# --------------------------------------------------------------------------- terminal


def test_terminal_lists_worst_first_with_thai_titles_and_counts() -> None:
    buffer = io.StringIO()
    print_summary(sample_report(), Console(file=buffer, width=160, color_system=None))
    text = buffer.getvalue()
    assert "ข้อมูลผู้บริหาร" in text
    assert MONTHLY in text  # folded, not cut off with an ellipsis
    assert "42.9" in text
    assert "ไม่ผ่าน / Fail: 2" in text and "ผ่าน / Pass: 3" in text
    order = [text.index(f"│ {i} ") for i in ("o02", "o16", "o14", "o10", "o01", "o03", "o20")]
    assert order == sorted(order), "fail, not_checked, review, pass; by item number within"
    assert "เพิ่มหมายเลขโทรศัพท์" in text  # the fix of a failing item
    assert "soft 404" in text


def test_terminal_colours_by_verdict() -> None:
    buffer = io.StringIO()
    print_summary(sample_report(), Console(file=buffer, width=160, color_system="standard"))
    text = buffer.getvalue()
    assert "\x1b[31m✗ ไม่ผ่าน" in text  # red
    assert "\x1b[32m✓ ผ่าน" in text  # green


def test_terminal_prints_page_text_literally_not_as_markup() -> None:
    report = sample_report()
    report.items[0].title_th = "[bold red]ปลอม[/bold red] [link=javascript:alert(1)]x[/link]"
    text = _text(render(report, "terminal"))
    assert "[bold red]ปลอม[/bold red]" in text


# --------------------------------------------------------------------------- json


def test_json_round_trips_into_the_report() -> None:
    report = sample_report()
    out = render(report, "json")
    assert isinstance(out, str)
    again = Report.model_validate_json(out)
    assert again == report
    assert json.loads(out)["schema_version"] == REPORT_SCHEMA_VERSION
    assert "ข้อมูลผู้บริหาร" in out  # Thai kept as text, not \\u escapes


def test_json_schema_is_versioned_and_describes_items() -> None:
    schema = report_json_schema()
    assert schema["schema_version"] == REPORT_SCHEMA_VERSION
    assert REPORT_SCHEMA_VERSION in schema["$id"]
    assert "items" in schema["properties"]
    assert set(schema["$defs"]["Verdict"]["enum"]) == {v.value for v in Verdict}
    json.dumps(schema)  # serialisable as is


# --------------------------------------------------------------------------- csv


def test_csv_has_bom_and_one_row_per_item() -> None:
    report = sample_report()
    data = render(report, "csv")
    assert isinstance(data, bytes)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["o01", "o02", "o03", "o10", "o14", "o16", "o20"]
    o16 = next(r for r in rows if r["id"] == "o16")
    assert o16["title_th"] == MONTHLY
    assert o16["verdict"] == "fail" and o16["verdict_th"] == "ไม่ผ่าน"
    assert o16["problem_codes"] == "months_missing"
    assert o16["evidence_urls"].endswith("สขร1-ตุลาคม-2567.pdf")
    assert o16["fix_th"].startswith("เผยแพร่สรุปผล")
    o02 = next(r for r in rows if r["id"] == "o02")
    assert o02["missing"] == "หมายเลขโทรศัพท์; อีเมล"
    assert next(r for r in rows if r["id"] == "o14")["reason_en"].startswith("The procurement")


def test_csv_defuses_spreadsheet_formulas_in_page_text() -> None:
    report = sample_report()
    report.items[0].title_th = '=HYPERLINK("http://127.0.0.1:9/x","คลิก")'
    report.items[1].reason_th = "@SUM(1+1)"
    rows = list(csv.reader(io.StringIO(_text(render(report, "csv")))))
    assert rows[1][1] == '\'=HYPERLINK("http://127.0.0.1:9/x","คลิก")'
    assert rows[2][7] == "'@SUM(1+1)"


# --------------------------------------------------------------------------- junit


def test_junit_has_one_testcase_per_item_with_failures_and_skips() -> None:
    data = render(sample_report(), "junit")
    assert isinstance(data, bytes)
    root = ET.fromstring(data)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 7
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    skipped = [c.get("name") for c in cases if c.find("skipped") is not None]
    assert failed == ["o02 ข้อมูลผู้บริหาร", f"o16 {MONTHLY}"]
    assert len(skipped) == 2  # review + not_checked
    assert suite.get("tests") == "7" and suite.get("failures") == "2"
    assert suite.get("skipped") == "2" and root.get("failures") == "2"
    o16 = next(c for c in cases if c.get("name", "").startswith("o16"))
    failure = o16.find("failure")
    assert failure is not None
    assert "พบสรุปผลการจัดซื้อจัดจ้างเพียง 4 เดือน" in (failure.get("message") or "")
    assert failure.get("type") == "months_missing"
    assert "สขร.1" in (failure.text or "")


def test_junit_stays_valid_xml_with_hostile_and_control_characters() -> None:
    report = hostile_report()
    report.items[0].title_th = "ควบคุม\x00\x07\x1b ]]> <![CDATA[ & \ud800"
    root = ET.fromstring(render(report, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report.items)
    names = " ".join(c.get("name", "") for c in cases)
    assert PAYLOADS[0] in names  # kept as text, escaped by the XML writer
    assert "]]> <![CDATA[ &" in names


# --------------------------------------------------------------------------- markdown


def test_markdown_has_summary_table_and_details_in_thai_first() -> None:
    text = _text(render(sample_report(), "md"))
    assert text.startswith("# ผลการตรวจเว็บไซต์ตามเกณฑ์ OIT")
    assert f"| o16 | {MONTHLY} | ✗ ไม่ผ่าน / Fail |" in text
    assert "- **วิธีแก้:** เผยแพร่สรุปผล" in text
    assert text.index("วิธีแก้") < text.index("**Fix:**")
    assert "[https://www.tambon-nongbua.go.th/executive.php](https://www.tambon-nongbua" in text


def test_markdown_escapes_page_text_and_never_links_javascript() -> None:
    text = _text(render(hostile_report(), "md"))
    for payload in PAYLOADS:
        assert payload not in text
    assert "<" not in text.replace("&lt;", "")
    assert "](javascript" not in text.lower()
    assert "](data:" not in text
    assert md_escape("a|b [x](y) <b>") == "a\\|b \\[x\\](y) &lt;b&gt;"


# --------------------------------------------------------------------------- html


def test_html_holds_overview_and_cards() -> None:
    html = _text(render(sample_report(), "html"))
    assert '<html lang="th">' in html
    assert "default-src 'none'" in html.replace("&#39;", "'")
    assert '"Sarabun", "TH Sarabun New", "Noto Sans Thai", "Garuda", "Loma", "Tahoma"' in html
    assert "@page { size: A4" in html and "break-inside: avoid" in html
    assert html.count('<article class="card') == 7
    assert MONTHLY in html and "5 มี.ค. 2568 14:03 น." in html
    assert html.index("วิธีแก้ไข") < html.index("How to fix")
    assert '<a href="https://www.tambon-nongbua.go.th/executive.php"' in html
    assert "<script" not in html and "http://" not in html.replace("https://", "")


def test_html_escapes_every_payload_and_links_only_http() -> None:
    html = _text(render(hostile_report(), "html"))
    for payload in PAYLOADS:
        assert payload not in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<svg" not in html.lower()
    assert "<iframe" not in html.lower()
    assert 'href="javascript' not in html.lower()
    hrefs = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    assert hrefs and all(h.startswith(("https://", "#item-")) for h in hrefs)


@pytest.mark.parametrize("url", JS_URLS)
def test_safe_http_url_refuses_script_urls(url: str) -> None:
    assert safe_http_url(url) is None


def test_safe_http_url_keeps_real_links() -> None:
    assert safe_http_url("https://a.go.th/ไฟล์ 1.pdf") == "https://a.go.th/ไฟล์ 1.pdf"
    assert safe_http_url("HTTP://A.GO.TH/") == "HTTP://A.GO.TH/"
    assert safe_http_url("http:///nohost") is None
    assert safe_http_url("https://a.go.th/\nx") is None


def test_thai_date_uses_buddhist_era_and_bangkok_time() -> None:
    report = sample_report()
    assert thai_datetime(report.started_at) == "5 มี.ค. 2568 14:03 น."


# --------------------------------------------------------------------------- files


def test_write_reports_uses_fixed_names(tmp_path: Path) -> None:
    report = hostile_report()  # site and titles full of path-like junk
    report.site = "https://evil.example/../../etc/passwd"
    written = write_reports(report, list(FORMATS), tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(FILE_NAMES.values())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILE_NAMES.values())
    assert (tmp_path / "out" / "oit-report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    again = Report.model_validate_json((tmp_path / "out" / "oit-report.json").read_text("utf-8"))
    assert again.site == report.site


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="pdf"):
        write_reports(sample_report(), ["html", "pdf"], tmp_path)
    with pytest.raises(UsageError):
        render(sample_report(), "xml")
    assert not list(tmp_path.iterdir())


def test_write_reports_into_a_file_path_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match="output folder"):
        write_reports(sample_report(), ["json"], blocker)


def test_ignored_items_are_marked_in_every_format() -> None:
    report = apply_ignores(
        sample_report(),
        [IgnoreEntry("o16", "ระบบ e-GP ปิดปรับปรุง", date(2030, 1, 1))],
        date(2025, 3, 5),
    )
    assert "(ยกเว้น / ignored)" in _text(render(report, "terminal"))
    assert "ยกเว้นตามไฟล์ตั้งค่า / ignored by config" in _text(render(report, "html"))
    assert "ระบบ e-GP ปิดปรับปรุง" in _text(render(report, "html"))
    rows = list(csv.DictReader(io.StringIO(_text(render(report, "csv")))))
    assert [r["id"] for r in rows if r["ignored"] == "yes"] == ["o16"]
    suite = ET.fromstring(render(report, "junit")).find("testsuite")
    assert suite is not None and suite.get("failures") == "1" and suite.get("skipped") == "3"
    o16 = next(c for c in suite.findall("testcase") if (c.get("name") or "").startswith("o16"))
    assert o16.find("failure") is None and o16.find("skipped") is not None
