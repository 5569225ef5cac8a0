"""run_audit in process: the main site's start page blocked while the submitted URLs open."""

from __future__ import annotations

from pathlib import Path

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.commands.scan import demo_site_dir
from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import Verdict
from oit_checker.rules.loader import get_pack


def test_unread_start_page_makes_off_site_urls_a_review_not_a_fail(tmp_path: Path) -> None:
    pack = get_pack(year=2567)
    with FixtureServer(demo_site_dir()) as server:
        for path in ("/", "/index.html"):
            server.route(path, Fault(status=403, body="blocked"))
        sub = tmp_path / "s.csv"
        sub.write_text(
            "item,url\n"
            f"o1,http://localhost:{server.port}/about/structure.html\n"
            f"o2,{server.url}about/executives.html\n",
            encoding="utf-8",
        )
        submission = resolve_submission(read_submission(sub), pack, server.url)
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp_path / "cache", min_interval_s=0.0, retries=0
        )
        outcome = run_audit(
            pack,
            submission,
            AuditOptions(crawl=config, extract_limits=ExtractLimits(ocr=False), allow_private=True),
        )
    report = outcome.report
    assert outcome.reachable
    assert report.settings["mode"] == "audit"
    assert "main_site_unread" in {f.code for f in report.site_findings}
    items = {i.item_id: i for i in report.items}
    assert items["o02"].verdict is Verdict.PASS  # on the main host: no link needed
    o01 = items["o01"]
    assert o01.verdict is Verdict.REVIEW, o01.reason_en
    codes = [p.code for p in o01.problems]
    assert codes[0] == "main_site_unread"
    assert "not_on_main_site" in codes  # the fail it would have been, now a review
    assert "submitted_url_unread_site" in codes
