"""Every problem message reads as a sentence (issue 15, point 8: "bytes bytes", "after circuit
open for 127.0.0.1 consecutive failures").

Two checks: each template rendered with values shaped like the ones its producers pass (a new
template without a sample fails here), and the fetch messages rendered from what a real crawl on
127.0.0.1 recorded.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from oit_checker.assess.access import fetch_issue
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import FetchError
from oit_checker.problems import all_specs, make
from tests.support.servers import by_path, crawl, fast_config, page, write_site

_SAMPLE: dict[str, object] = {
    "count": 2,
    "extent": "อ่านได้ 50 จาก 400 หน้า ตามขีดจำกัดจำนวนหน้า",
    "extent_en": "read 50 of 400 pages (page limit)",
    "first": "https://www.example-sao.go.th/ita/o12.xlsx",
    "person": "นายสมชาย ใจดี",
    "position": "นายกองค์การบริหารส่วนตำบล",
    "label_code": "O11",
    "year_label": "เลขข้อของปี 2568",
    "year_label_en": "2568 numbering",
    "title_th": "สถิติการให้บริการ",
    "title_en": "service statistics",
    "item_code": "O10",
    "as_of": "1 ธันวาคม 2568",
    "as_of_en": "1 December 2025",
    "due": "31 มีนาคม 2569",
    "due_en": "31 March 2026",
    "elements": "ผลการดำเนินงานรอบ 12 เดือน",
    "elements_en": "results for the full 12 months",
    "months": "ธันวาคม 2568 – กันยายน 2569",
    "months_en": "December 2025 – September 2026",
    "base": "o10",
    "base_en": "Operational plan",
    "base_th": "แผนดำเนินงานประจำปี",
    "content_type": "application/zip",
    "covered": "ต.ค. 2566 – มี.ค. 2567",
    "covered_en": "Oct 2023 – Mar 2024",
    "detail": "certificate has expired",
    "element": "ชื่อผู้บริหาร",
    "element_en": "executive's name",
    "expires": "2026-12-31",
    "failures": 8,
    "file": "submission.csv",
    "found": "2566",
    "found_en": "2023",
    "found_th": "ประกาศจัดซื้อจัดจ้าง",
    "host": "www.example-sao.go.th",
    "href": "#",
    "item": "o07",
    "item_en": "Annual operational plan",
    "item_th": "แผนดำเนินงานประจำปี",
    "items": 33,
    "kind": "PNG",
    "label": "o7 แผนดำเนินงาน",
    "limit": "max_pages",
    "missing": ["ชื่อ", "เบอร์โทรศัพท์"],
    "missing_en": ["name", "phone number"],
    "note": "ข้อมูลอยู่ในหน้าข่าว",
    "other": "o10",
    "other_en": "Procurement plan",
    "other_item": "o12",
    "other_th": "แผนการจัดซื้อจัดจ้าง",
    "other_title": "รายงานผลการจัดซื้อจัดจ้าง",
    "page": "https://www.example-sao.go.th/ita/",
    "pages": 40,
    "reason": "timeout",
    "required": "2568",
    "required_en": "fiscal year 2025",
    "row_code": "o8",
    "site": "https://www.example-sao.go.th/",
    "state_en": "linked from the main site",
    "state_th": "มีลิงก์จากเว็บไซต์หลัก",
    "status": "HTTP 404",
    "target": "https://www.example-sao.go.th/ita/o07.pdf",
    "text": "คลิกที่นี่",
    "urls": 41,
    "year": 2568,
}
_PER_CODE: dict[str, dict[str, object]] = {
    "too_large": {"limit": "5,242,880"},
    "http_status": {"status": 503},
}
_DOUBLED = re.compile(r"\b(\w{2,})\s+\1\b", re.IGNORECASE)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", [s.code for s in all_specs()])
def test_every_template_renders_with_real_shaped_values(code: str) -> None:
    spec = next(s for s in all_specs() if s.code == code)
    names = _fields(spec.th) | _fields(spec.en)
    unknown = names - set(_SAMPLE)
    assert not unknown, f"add a sample value for {sorted(unknown)} (used by {code})"
    params = {n: _PER_CODE.get(code, {}).get(n, _SAMPLE[n]) for n in names}
    problem = make(code, "https://www.example-sao.go.th/ita/", **params)
    for message in (problem.message_th, problem.message_en):
        assert "{" not in message and "}" not in message, message
        assert "None" not in message, message
        assert not _DOUBLED.search(message), message


def test_too_large_message_from_a_real_crawl(tmp_path: Path) -> None:
    """It read "limit (more than 100000 bytes bytes)"."""
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก", ("/big.html", "ใหญ่"))})
    with FixtureServer(root) as srv:
        srv.route("/big.html", Fault(size=300_000, content_type="text/html"))
        config = fast_config(srv.url, tmp_path / "c", max_html_bytes=100_000, soft404_probe=False)
        result = crawl(config)
    issue = fetch_issue(by_path(result)["/big.html"])
    assert issue is not None
    assert issue.problem.message_en == (
        "The file is larger than the configured limit (100,000 bytes), so it was not read in full."
    )
    assert "(100,000 ไบต์)" in issue.problem.message_th


def test_circuit_open_message_from_a_real_crawl(tmp_path: Path) -> None:
    """It read "after circuit open for 127.0.0.1 consecutive failures"."""
    links = [(f"/d{i}.pdf", f"เอกสาร {i}") for i in range(6)]
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก", *links)})
    with FixtureServer(root) as srv:
        for i in range(6):
            srv.route(f"/d{i}.pdf", Fault(drop=True))
        config = fast_config(
            srv.url,
            tmp_path / "c",
            retries=0,
            circuit_breaker_failures=2,
            per_host_concurrency=1,
            soft404_probe=False,
        )
        result = crawl(config)
    opened = [
        issue.problem
        for r in result.resources
        if r.error is FetchError.CIRCUIT_OPEN and (issue := fetch_issue(r)) is not None
    ]
    assert opened
    for problem in opened:
        assert problem.message_en == (
            "Stopped requesting 127.0.0.1 after 2 consecutive failures; the remaining pages were"
            " not checked."
        )
