"""A submitted URL that redirects to a private address is refused, not followed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.crawl import CrawlConfig, Crawler
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import FetchError, Verdict
from oit_checker.rules.loader import get_pack
from tests.support.guarded import AGENCY_IP, loopback_guard
from tests.support.servers import PDF, write_site


def serve(tmp_path: Path) -> FixtureServer:
    server = FixtureServer(write_site(tmp_path / "site", {"index.html": "<html></html>"}))
    server.start()
    write_site(tmp_path / "site", {"o07-plan.pdf": PDF})
    target = f"http://localhost:{server.port}/o07-plan.pdf"
    server.route("/go.pdf", Fault(status=302, redirect_to=target))
    return server


def test_crawler_refuses_redirects_that_fail_redirect_allowed(tmp_path: Path) -> None:
    server = serve(tmp_path)
    try:
        results = {}
        for name, allowed in (("open", None), ("guarded", lambda u: "localhost" not in u)):
            config = CrawlConfig(
                start_url=server.url,
                cache_dir=tmp_path / name,
                min_interval_s=0.0,
                only_urls=(f"{server.url}go.pdf",),
                soft404_probe=False,
                redirect_allowed=allowed,
            )
            results[name] = asyncio.run(Crawler(config).run())
        hits = server.hits("/o07-plan.pdf")
    finally:
        server.stop()
    assert hits == 1  # only the unguarded crawl followed the redirect
    (open_go,) = [r for r in results["open"].resources if r.url.endswith("/go.pdf")]
    assert open_go.ok and open_go.final_url and "localhost" in open_go.final_url
    (guarded_go,) = [r for r in results["guarded"].resources if r.url.endswith("/go.pdf")]
    assert guarded_go.error is FetchError.OUT_OF_SCOPE
    assert "redirects to http://localhost:" in (guarded_go.error_detail or "")


def test_audit_without_allow_private_does_not_follow_a_redirect_to_loopback(
    tmp_path: Path,
) -> None:
    """The agency is ``agency.test`` (127.0.0.2, public through the test resolver); its
    ``go.pdf`` redirects to ``localhost``, which the fetcher's guard refuses."""
    pack = get_pack(year=2567)
    root = write_site(tmp_path / "site", {"index.html": "<html></html>", "o07-plan.pdf": PDF})
    with FixtureServer(root, host=AGENCY_IP) as server:
        target = f"http://localhost:{server.port}/o07-plan.pdf"
        server.route("/go.pdf", Fault(status=302, redirect_to=target))
        site = f"http://agency.test:{server.port}/"
        sub = tmp_path / "s.csv"
        sub.write_text(f"item,url\no1,{site}index.html\no7,{site}go.pdf\n", "utf-8")
        submission = resolve_submission(read_submission(sub), pack, site)
        config = CrawlConfig(start_url=site, cache_dir=tmp_path / "c", min_interval_s=0.0)
        options = AuditOptions(
            crawl=config, extract_limits=ExtractLimits(ocr=False), guard=loopback_guard()
        )
        report = run_audit(pack, submission, options).report
        hits = server.hits("/o07-plan.pdf")
    assert hits == 0
    o07 = report.items[6]
    assert o07.verdict is Verdict.NOT_CHECKED  # refused, never "missing"
    assert o07.problems[0].code == "address_refused"
    assert "localhost resolves to 127.0.0.1 (loopback)" in o07.problems[0].message_en
