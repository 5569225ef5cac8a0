"""Verdicts under limits (issue 15, points 1-4): what was not read is never "missing".

Real documents (a PDF read by the real extractor with a page limit), the real document store
with a body removed from disk, a real crawl on 127.0.0.1 whose menu page times out, and the
real assessment."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from fixtures import docgen
from oit_checker.assess import assess_item
from oit_checker.docstore import DocumentStore
from oit_checker.extract import ExtractLimits, extract
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import Document, FetchError, Resource, Verdict
from oit_checker.pipeline import crawl_and_read, site_evidence
from oit_checker.report import FORMATS, render
from tests.assess.docs import cand, file_doc, html_doc, site, url
from tests.assess.test_mechanics import PACK, TODAY, hub_rows, monthly
from tests.report.sample import sample_report
from tests.report.test_checklist_notes import _has, _text
from tests.support.servers import fast_config, page, write_site

_PAGE1 = [
    "รายงานการกำกับติดตามการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน",
    "(๑ ตุลาคม ๒๕๖๖ - ๓๑ มีนาคม ๒๕๖๗) องค์การบริหารส่วนตำบลชุมแสง",
]
_FILLER = ["ภาคผนวก รายละเอียดประกอบรายงาน"]
_LAST = [
    "โครงการซ่อมแซมถนน ความก้าวหน้า ดำเนินการแล้ว ร้อยละ ๘๐",
    "เบิกจ่าย ๑๒๐,๐๐๐ บาท",
]


def _long_report(tmp: Path, limits: ExtractLimits) -> tuple[Resource, Document]:
    path = docgen.make_pdf(tmp / "six-month.pdf", [_PAGE1, _FILLER, _FILLER, _FILLER, _LAST])
    resource = Resource(url=url("files/six-month.pdf"), status=200, body_path=str(path))
    doc = extract(resource, path.read_bytes(), limits=limits)
    assert doc.page_count == 5
    return resource, doc


def test_element_not_found_in_a_partly_read_pdf_is_review_with_how_much_was_read(
    tmp_path: Path,
) -> None:
    _resource, doc = _long_report(tmp_path, ExtractLimits(max_pages=2, ocr=False))
    assert "page_limit" in doc.warnings and doc.pages_read == 2
    result = assess_item(
        PACK.item("o05"), PACK, [cand("o05", doc.url)], site([doc]), {}, today=TODAY
    )
    assert result.verdict is Verdict.REVIEW, (result.verdict, result.problems)
    first = result.problems[0]
    assert first.code == "partly_read"
    assert "อ่านได้ 2 จาก 5 หน้า" in first.message_th and "read 2 of 5 pages" in first.message_en
    assert result.reason_th.startswith("ไม่พบ")  # Thai first


def test_whole_pdf_passes_and_a_page_limit_note_reaches_every_format(
    tmp_path: Path,
) -> None:
    _r, whole = _long_report(tmp_path, ExtractLimits(max_pages=10, ocr=False))
    passed = assess_item(
        PACK.item("o05"), PACK, [cand("o05", whole.url)], site([whole]), {}, today=TODAY
    )
    assert passed.verdict is Verdict.PASS
    # A page-limited document that still holds every element passes, with the note shown.
    _r, head = _long_report(tmp_path, ExtractLimits(max_pages=2, ocr=False))
    head.text += "\nโครงการซ่อมแซมถนน ความก้าวหน้า ร้อยละ ๘๐ เบิกจ่าย ๑๒๐,๐๐๐ บาท"
    result = assess_item(
        PACK.item("o05"), PACK, [cand("o05", head.url)], site([head]), {}, today=TODAY
    )
    assert result.verdict is Verdict.PASS
    assert "page_limit" in {p.code for p in result.problems}
    report = sample_report([result])
    for fmt in FORMATS:
        text = _text(render(report, fmt))
        assert _has(text, "เอกสารยาวเกินขีดจำกัดจำนวนหน้าที่ตั้งไว้"), fmt


def test_monthly_files_not_reached_under_a_crawl_limit_are_not_a_fail() -> None:
    cands, evidence, _ = hub_rows("o06", 3)  # October to December read
    hub = url("ita")
    for i in range(3, 6):  # January to March linked from the same hub, left by max_documents
        target = url(f"files/procure-{i + 1}.pdf")
        evidence.resources[target] = Resource(  # type: ignore[index]
            url=target, error=FetchError.NOT_FETCHED, error_detail="max_documents", referrer=hub
        )
    evidence.partial = True
    result = assess_item(PACK.item("o06"), PACK, cands, evidence, {}, today=TODAY)
    assert result.verdict is Verdict.REVIEW, (result.verdict, result.problems)
    assert result.problems[0].code == "related_not_fetched"
    assert "months_missing" in {p.code for p in result.problems}
    evidence.partial = False  # the same reading with everything fetched: the months are missing
    evidence.resources = {k: v for k, v in evidence.resources.items() if v.error is None}
    assert assess_item(PACK.item("o06"), PACK, cands, evidence, {}, today=TODAY).verdict is (
        Verdict.FAIL
    )


def test_best_fail_does_not_beat_an_unreadable_runner_up() -> None:
    weak = file_doc("files/procure-oct.pdf", monthly("ตุลาคม", 2566, empty=True))
    runner_up = url("files/procure-all.pdf")
    evidence = site(
        [weak],
        resources=[Resource(url=runner_up, error=FetchError.TIMEOUT, error_detail="ReadTimeout")],
    )
    cands = [cand("o06", weak.url, 0.9), cand("o06", runner_up, 0.85)]
    result = assess_item(PACK.item("o06"), PACK, cands, evidence, {}, today=TODAY)
    assert result.verdict is Verdict.REVIEW, (result.verdict, result.problems)
    first = result.problems[0]
    assert first.code == "runner_up_unread" and runner_up in first.message_th
    # A runner-up far behind (outside the contenders' gap) changes nothing.
    far = [cand("o06", weak.url, 0.9), cand("o06", runner_up, 0.4)]
    assert assess_item(PACK.item("o06"), PACK, far, evidence, {}, today=TODAY).verdict is (
        Verdict.FAIL
    )


def test_a_slim_page_whose_body_is_gone_is_reported_not_judged_empty(tmp_path: Path) -> None:
    html = (
        "<html><head><title>ข้อมูลผู้บริหาร</title></head><body><main><h1>ข้อมูลผู้บริหาร</h1>"
        "<p>นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลชุมแสง โทร 044-123456</p></main></body></html>"
    )
    body = tmp_path / "page.html"
    body.write_text(html, "utf-8")
    doc = html_doc(html, url("executives"))
    resource = Resource(url=doc.url, status=200, content_type="text/html", body_path=str(body))
    store = DocumentStore(ExtractLimits(ocr=False), budget_chars=0)
    store.add([doc.url], doc, resource, decoded=True)
    assert store.slim_pages == 1
    body.unlink()  # the cache was cleaned while the scan ran
    again = store[doc.url]
    assert again.review_reason == "body_unavailable"
    evidence = site()
    evidence.documents = store
    evidence.resources = {doc.url: resource}
    result = assess_item(PACK.item("o01"), PACK, [cand("o01", doc.url)], evidence, {}, today=TODAY)
    assert result.verdict is Verdict.REVIEW, (result.verdict, result.problems)
    assert "empty_page" not in {p.code for p in result.problems}


def test_a_menu_page_that_timed_out_makes_the_crawl_partial_and_absence_not_a_fail(
    tmp_path: Path,
) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("องค์การบริหารส่วนตำบลชุมแสง", ("/about.html", "เกี่ยวกับเรา")),
            "about.html": page("เกี่ยวกับเรา", body="<p>ข้อมูลผู้บริหาร</p>"),
        },
    )
    with FixtureServer(root) as srv:
        srv.route("/about.html", Fault(latency_s=3.0))
        harvest = asyncio.run(
            crawl_and_read(
                fast_config(srv.url, tmp_path / "c", timeout_s=0.5, retries=0),
                ExtractLimits(ocr=False),
            )
        )
    result = harvest.result
    assert any(r.error is FetchError.TIMEOUT for r in result.resources)
    assert result.partial  # a page timed out: the crawl did not see everything
    evidence = site_evidence(result, harvest.documents)
    verdict = assess_item(PACK.item("o01"), PACK, [], evidence, {}, today=date(2024, 5, 2))
    assert verdict.verdict is Verdict.NOT_CHECKED, (verdict.verdict, verdict.problems)
