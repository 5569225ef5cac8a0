"""run_audit in process: the main site's start page blocked while the submitted URLs open."""

from __future__ import annotations

from pathlib import Path

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.commands.scan import demo_site_dir
from oit_checker.crawl import CrawlConfig
from oit_checker.crawl.guard import AddressGuard
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import Report, Verdict
from oit_checker.rules.loader import get_pack
from tests.support.guarded import AGENCY_IP, INTRANET_IP, loopback_guard
from tests.support.servers import PDF, page, write_site


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


def audit_of(tmp_path: Path, server: FixtureServer, rows: dict[str, str]) -> Report:
    pack = get_pack(year=2567)
    sub = tmp_path / "s.csv"
    sub.write_text("item,url\n" + "".join(f"{k},{v}\n" for k, v in rows.items()), "utf-8")
    submission = resolve_submission(read_submission(sub), pack, server.url)
    config = CrawlConfig(
        start_url=server.url, cache_dir=tmp_path / "cache", min_interval_s=0.0, retries=0
    )
    options = AuditOptions(
        crawl=config, extract_limits=ExtractLimits(ocr=False), allow_private=True
    )
    return run_audit(pack, submission, options).report


def test_the_ita_index_page_submitted_for_every_item_is_read_through_its_rows(
    tmp_path: Path,
) -> None:
    with FixtureServer(demo_site_dir()) as server:
        report = audit_of(
            tmp_path, server, {f"o{n}": f"{server.url}ita/index.html" for n in range(1, 34)}
        )
    verdicts = {i.item_id: i.verdict.value for i in report.items}
    # the demo's intended findings, as a scan finds them ...
    for item_id in ("o06", "o09", "o16", "o20"):
        assert verdicts[item_id] == "fail", item_id
    assert report.items[5].problems[0].code == "placeholder_link"  # o06: the row is href="#"
    # ... and its rows in order pass, though the index page itself holds none of the content
    for item_id in ("o01", "o02", "o04", "o07", "o14", "o21", "o25"):
        assert verdicts[item_id] == "pass", item_id
    codes = {p.code for item in report.items for p in item.problems}
    assert "submitted_for_wrong_item" not in codes  # an index page is nobody's wrong evidence
    assert "label_content_mismatch" not in codes


def test_an_index_page_without_a_row_for_the_item(tmp_path: Path) -> None:
    rows = [("/s.html", "O1 โครงสร้าง"), ("/e.html", "O2 ข้อมูลผู้บริหาร"),
            ("/d.html", "O3 อำนาจหน้าที่"), ("/c.html", "O4 ข้อมูลการติดต่อ")]  # fmt: skip
    site = write_site(tmp_path / "site", {"index.html": page("อบต.ทดสอบ", ("/ita.html", "ITA")),
                                          "ita.html": page("ITA 2567 OIT", *rows)})  # fmt: skip
    with FixtureServer(site) as server:
        report = audit_of(tmp_path, server, {"o5": f"{server.url}ita.html"})
    o05 = report.items[4]
    assert o05.verdict is Verdict.FAIL
    assert o05.problems[0].code == "hub_without_row"
    assert "no row or link for item o05" in o05.reason_en


def test_links_to_private_addresses_are_not_followed_without_allow_private(
    tmp_path: Path,
) -> None:
    """The submitted page on ``agency.test`` (127.0.0.2, public through the test resolver) is
    fetched; the document it links on ``intranet.test`` (127.0.0.3, private) is only fetched
    when private addresses are allowed."""
    pack = get_pack(year=2567)
    inside = write_site(tmp_path / "intranet", {"o07-plan.pdf": PDF})
    root = tmp_path / "site"
    with (
        FixtureServer(inside, host=INTRANET_IP) as intranet,
        FixtureServer(write_site(root, {"index.html": "<html></html>"}), host=AGENCY_IP) as server,
    ):
        doc = f"http://intranet.test:{intranet.port}/o07-plan.pdf"
        write_site(root, {"o7.html": page("แผน", (doc, "ดาวน์โหลด"))})
        site = f"http://agency.test:{server.port}/"
        sub = tmp_path / "s.csv"
        sub.write_text(f"item,url\no7,{site}o7.html\n", "utf-8")
        submission = resolve_submission(read_submission(sub), pack, site)
        hits = []
        strict = loopback_guard()
        # As --allow-private, with the test names still resolving: every address allowed.
        allowed = AddressGuard(resolve=strict.resolve, classify=lambda _address: None)
        for name, guard in (("strict", strict), ("allowed", allowed)):
            config = CrawlConfig(start_url=site, cache_dir=tmp_path / name, min_interval_s=0.0)
            options = AuditOptions(
                crawl=config, extract_limits=ExtractLimits(ocr=False), guard=guard
            )
            run_audit(pack, submission, options)
            hits.append(intranet.hits("/o07-plan.pdf"))
    assert server.hits("/o7.html") >= 2
    assert hits[0] == 0
    assert hits[1] >= 1
