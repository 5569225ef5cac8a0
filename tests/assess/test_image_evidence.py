"""Class 3 of issue 13: evidence that is an image. A small agency's site served on 127.0.0.1
whose organisation chart is a picture (an ``<img>`` file or an inline ``data:`` URI), read by
real tesseract; a picture that cannot be read makes the item ``review``, never "missing"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.extract.ocr import ocr_available
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import ItemResult, Report, Verdict
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.report import render
from oit_checker.rules.loader import get_pack
from tests.support.images import data_uri, photo, thai_image
from tests.support.servers import write_site

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(not ocr_available(), reason="tesseract with Thai not installed"),
]

CHART = [
    "แผนภูมิโครงสร้างองค์การบริหารส่วนตำบลบ้านทดสอบ",
    "นายกองค์การบริหารส่วนตำบล          สภาองค์การบริหารส่วนตำบล",
    "ปลัดองค์การบริหารส่วนตำบล",
    "สำนักปลัด    กองคลัง    กองช่าง    กองการศึกษา",
]
HOME = """<!doctype html><html><head><meta charset="utf-8">
<title>องค์การบริหารส่วนตำบลบ้านทดสอบ</title></head><body>
<div id="header"><img src="/images/logo.png" alt="ตราสัญลักษณ์"></div>
<ul><li><a href="/about/structure.html">โครงสร้างและอำนาจหน้าที่</a></li></ul>
</body></html>"""


def _structure(img: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>โครงสร้างและอำนาจหน้าที่ อบต.บ้านทดสอบ</title></head><body>
<div id="header"><img src="/images/logo.png" alt="ตราสัญลักษณ์"></div>
<div id="content"><h1>โครงสร้างและอำนาจหน้าที่</h1>
<p><img src="{img}" alt=""></p>
<p>อำนาจหน้าที่ของ อบต.บ้านทดสอบ ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล
พ.ศ. 2537 มาตรา 67 และมาตรา 68</p></div></body></html>"""


def _scan(tmp: Path, files: dict[str, str | bytes], limits: ExtractLimits | None = None) -> Report:
    root = write_site(tmp / "site", {"index.html": HOME, **files})
    with FixtureServer(root) as server:
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp / "cache", min_interval_s=0.0, max_wall_s=120
        )
        options = ScanOptions(
            crawl=config,
            extract_limits=limits or ExtractLimits(),
            today=date(2025, 3, 1),
        )
        return run_scan(get_pack(year=2568), options).report


def _o01(report: Report) -> ItemResult:
    return next(r for r in report.items if r.item_id == "o01")


def test_chart_posted_as_an_image_file_is_read(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "about/structure.html": _structure("/uploads/chart.png"),
        "uploads/chart.png": thai_image(CHART),
        "images/logo.png": thai_image(["โลโก้"], size=(80, 80)),
    }
    o01 = _o01(_scan(tmp_path, files))
    assert o01.verdict is Verdict.PASS, (o01.reason_en, o01.missing_elements)
    ocr = [e for e in o01.evidence if e.read_via == "ocr"]
    assert ocr and all(e.url.endswith("/uploads/chart.png") for e in ocr)
    assert {e.element for e in ocr} >= {"units", "key_positions"}
    assert all(e.via and e.via.endswith("/about/structure.html") for e in ocr)


def test_chart_inline_as_a_data_uri_is_read_and_shown_in_every_format(tmp_path: Path) -> None:
    uri = data_uri(thai_image(CHART, fmt="JPEG"), "image/jpeg")
    report = _scan(tmp_path, {"about/structure.html": _structure(uri)})
    o01 = _o01(report)
    assert o01.verdict is Verdict.PASS, (o01.reason_en, o01.missing_elements)
    ocr = [e for e in o01.evidence if e.read_via == "ocr"]
    assert ocr and "/about/structure.html#inline-image-" in ocr[0].url
    for fmt in ("html", "md", "junit", "terminal"):
        out = render(report, fmt)
        text = out.decode("utf-8") if isinstance(out, bytes) else out
        assert "อ่านจากภาพด้วย OCR / via: ocr" in text, fmt
    assert '"read_via": "ocr"' in str(render(report, "json")).replace('":"', '": "')
    csv_out = render(report, "csv")
    assert isinstance(csv_out, bytes)
    csv_text = csv_out.decode("utf-8-sig")
    header, *rows = csv_text.splitlines()
    assert header.endswith(",evidence_ocr")
    assert any(
        row.startswith("o01,") and "#inline-image-" in row.rsplit(",", 1)[-1] for row in rows
    )


def test_chart_image_too_blurred_to_read_is_review_never_missing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "about/structure.html": _structure("/uploads/chart.png"),
        "uploads/chart.png": thai_image(CHART, blur=4),
    }
    o01 = _o01(_scan(tmp_path, files))
    assert o01.verdict is Verdict.REVIEW, o01.reason_en
    assert any(p.params.get("reason") == "image_unreadable" for p in o01.problems)


def test_chart_image_over_the_site_cap_is_review_not_missing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "about/structure.html": _structure("/uploads/chart.png"),
        "uploads/chart.png": thai_image(CHART),
    }
    o01 = _o01(_scan(tmp_path, files, ExtractLimits(max_page_images=0)))
    assert o01.verdict is Verdict.REVIEW, o01.reason_en
    assert any(p.params.get("reason") == "image_over_cap" for p in o01.problems)


def test_a_photo_on_the_page_does_not_turn_a_missing_chart_into_review(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "about/structure.html": _structure("/uploads/staff.jpg"),
        "uploads/staff.jpg": photo(),
    }
    o01 = _o01(_scan(tmp_path, files))
    assert o01.verdict is Verdict.FAIL, o01.reason_en
    assert "units" in " ".join(o01.missing_elements) or o01.missing_elements


def test_audit_of_a_submitted_page_reads_its_chart_image(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "index.html": HOME,
        "about/structure.html": _structure("/uploads/chart.png"),
        "uploads/chart.png": thai_image(CHART),
    }
    root = write_site(tmp_path / "site", files)
    pack = get_pack(year=2568)
    with FixtureServer(root) as server:
        sub = tmp_path / "s.csv"
        sub.write_text(f"item,url\no1,{server.url}about/structure.html\n", "utf-8")
        submission = resolve_submission(read_submission(sub), pack, server.url)
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp_path / "cache", min_interval_s=0.0, retries=0
        )
        options = AuditOptions(
            crawl=config, extract_limits=ExtractLimits(), allow_private=True, today=date(2025, 3, 1)
        )
        report = run_audit(pack, submission, options).report
    o01 = _o01(report)
    assert o01.verdict is Verdict.PASS, (o01.reason_en, o01.missing_elements)
    assert any(e.read_via == "ocr" and e.url.endswith("/uploads/chart.png") for e in o01.evidence)
