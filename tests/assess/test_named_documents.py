"""Class 4 of issue 13: a page that only names a document. Sites served on 127.0.0.1: a news
post titled as the service manual whose download link is dead, an image-only download button,
an AS System style ``<object>`` PDF viewer, and a file the crawler may not fetch (robots)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixtures import docgen
from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import ItemResult, Verdict
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack
from tests.support.servers import write_site

HOME = """<!doctype html><html><head><meta charset="utf-8">
<title>องค์การบริหารส่วนตำบลบ้านทดสอบ</title></head><body>
<nav><ul><li><a href="/news/15.html">คู่มือสำหรับประชาชน</a></li></ul></nav>
<p>ยินดีต้อนรับ</p></body></html>"""
MANUAL = [
    "คู่มือสำหรับประชาชน งานทะเบียนพาณิชย์",
    "ขั้นตอนการขอรับบริการ 1. ยื่นคำขอ 2. ตรวจเอกสาร 3. รับใบทะเบียน",
    "ระยะเวลาการให้บริการ 30 นาที",
]


def _post(body: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>คู่มือประชาชน ขั้นตอนการขอรับบริการ</title></head><body>
<nav><a href="/index.html">หน้าหลัก</a></nav>
<div class="post"><h1>คู่มือประชาชน ขั้นตอนการขอรับบริการ</h1>
<p class="date">โพสต์เมื่อ 3 มีนาคม 2568</p>{body}</div></body></html>"""


def _o09(tmp: Path, files: dict[str, str | bytes]) -> ItemResult:
    root = write_site(tmp / "site", {"index.html": HOME, **files})
    with FixtureServer(root) as server:
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp / "cache", min_interval_s=0.0, max_wall_s=120
        )
        options = ScanOptions(
            crawl=config, extract_limits=ExtractLimits(ocr=False), today=date(2025, 3, 10)
        )
        report = run_scan(get_pack(year=2568), options).report
    return next(r for r in report.items if r.item_id == "o09")


def _pdf(tmp: Path, lines: list[str]) -> bytes:
    return docgen.make_pdf(tmp / "manual.pdf", [lines]).read_bytes()


def test_post_naming_the_manual_with_a_dead_link_fails_with_dead_link(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "news/15.html": _post('<p><a href="/files/manual.pdf">ดาวน์โหลดคู่มือประชาชน</a></p>')
    }
    o09 = _o09(tmp_path, files)
    assert o09.verdict is Verdict.FAIL, o09.reason_en
    assert o09.problems[0].code == "dead_link"


def test_image_only_download_button_to_a_dead_file_fails(tmp_path: Path) -> None:
    button = '<p><a href="/files/manual.pdf"><img src="/img/btn-download.png" alt=""></a></p>'
    o09 = _o09(tmp_path, {"news/15.html": _post(button)})
    assert o09.verdict is Verdict.FAIL, o09.reason_en
    assert o09.problems[0].code == "dead_link"


def test_post_naming_the_manual_passes_on_the_linked_pdf(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "news/15.html": _post('<p><a href="/files/manual.pdf">ดาวน์โหลดคู่มือประชาชน</a></p>'),
        "files/manual.pdf": _pdf(tmp_path, MANUAL),
    }
    o09 = _o09(tmp_path, files)
    assert o09.verdict is Verdict.PASS, o09.reason_en
    steps = next(e for e in o09.evidence if e.element == "steps")
    assert steps.url.endswith("/files/manual.pdf")


def test_as_system_object_viewer_is_read_as_the_content(tmp_path: Path) -> None:
    viewer = (
        '<object data="/uploads/files/manual-2568.pdf" type="application/pdf" width="100%"'
        ' height="800"></object>'
        '<a href="/uploads/files/manual-2568.pdf" download><img src="/img/download.png"></a>'
    )
    files: dict[str, str | bytes] = {
        "news/15.html": _post(viewer),
        "uploads/files/manual-2568.pdf": _pdf(tmp_path, MANUAL),
    }
    o09 = _o09(tmp_path, files)
    assert o09.verdict is Verdict.PASS, o09.reason_en
    assert any(e.url.endswith("manual-2568.pdf") for e in o09.evidence)


def test_embedded_pdf_without_the_elements_fails_though_the_page_names_them(
    tmp_path: Path,
) -> None:
    viewer = '<embed src="/uploads/files/manual-2568.pdf" type="application/pdf">'
    files: dict[str, str | bytes] = {
        "news/15.html": _post(viewer),
        "uploads/files/manual-2568.pdf": _pdf(tmp_path, ["คู่มือสำหรับประชาชน", "ติดต่อ อบต."]),
    }
    o09 = _o09(tmp_path, files)
    assert o09.verdict is Verdict.FAIL, o09.reason_en
    assert any("ขั้นตอน" in m for m in o09.missing_elements)


def test_linked_file_the_crawler_may_not_fetch_is_not_checked(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "robots.txt": "User-agent: *\nDisallow: /files/\n",
        "news/15.html": _post('<p><a href="/files/manual.pdf">ดาวน์โหลดคู่มือประชาชน</a></p>'),
        "files/manual.pdf": _pdf(tmp_path, MANUAL),
    }
    o09 = _o09(tmp_path, files)
    assert o09.verdict is Verdict.NOT_CHECKED, o09.reason_en
    assert o09.not_checked_reason == "robots_disallowed"


def test_page_with_its_own_content_and_a_dead_attachment_still_passes(tmp_path: Path) -> None:
    body = (
        "<p>คู่มือสำหรับประชาชน งานจดทะเบียนพาณิชย์</p>"
        "<p>ขั้นตอนการขอรับบริการ: ยื่นคำขอ ตรวจเอกสาร รับใบทะเบียน ระยะเวลา 30 นาที</p>"
        '<p><a href="/files/old.pdf">ฉบับพิมพ์</a></p>'
    )
    o09 = _o09(tmp_path, {"news/15.html": _post(body)})
    assert o09.verdict is Verdict.PASS, o09.reason_en
