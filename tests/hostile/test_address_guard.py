"""The address guard inside the fetcher (issue 15, point 9): every request and every redirect
hop, robots.txt, sitemaps and the soft-404 probe included, reaches only public addresses, and
the connection goes to the address that was checked. All traffic stays on 127.0.0.0/8: the test
resolver names 127.0.0.2 ``agency.test`` (public) and 127.0.0.3 ``intranet.test`` (private)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.crawl.guard import AddressGuard
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import Fault, FixtureServer, Request
from oit_checker.models import FetchError, Verdict
from oit_checker.rules.loader import get_pack
from tests.support.guarded import AGENCY_IP, INTRANET_IP, loopback_guard
from tests.support.servers import PDF, by_path, crawl, fast_config, page, write_site


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[FixtureServer, FixtureServer]]:
    inside = write_site(tmp_path / "intranet", {"index.html": page("ภายใน"), "secret.pdf": PDF})
    agency = write_site(tmp_path / "agency", {"index.html": page("หน้าแรก")})
    with (
        FixtureServer(inside, host=INTRANET_IP) as intranet,
        FixtureServer(agency, host=AGENCY_IP) as site,
    ):
        yield site, intranet


def _url(server: FixtureServer, host: str, path: str = "/") -> str:
    return f"http://{host}:{server.port}{path}"


def test_robots_sitemap_probe_and_redirects_never_reach_a_private_address(
    tmp_path: Path, servers: tuple[FixtureServer, FixtureServer]
) -> None:
    site, intranet = servers
    inside = _url(intranet, "intranet.test", "/secret.pdf")
    links = [
        ("/go.html", "ไปหน้าอื่น"),
        ("/rebind.pdf", "เอกสาร"),
        (_url(intranet, "127.0.0.1", "/secret.pdf"), "ลิงก์ตรง"),
        (_url(intranet, "rebind.test", "/index.html"), "rebind"),
    ]
    write_site(site.root or tmp_path, {"index.html": page("หน้าแรก", *links)})
    site.route("/robots.txt", Fault(status=302, redirect_to=inside))
    site.route("/sitemap.xml", Fault(status=301, redirect_to=inside))
    site.route("/go.html", Fault(status=302, redirect_to=_url(intranet, "127.0.0.1", "/")))
    site.route("/rebind.pdf", Fault(status=302, redirect_to=inside))

    def probe(req: Request) -> Fault | None:
        if req.path.startswith("/oit-checker-probe-"):
            return Fault(status=302, redirect_to=inside)
        return None

    site.route("*", probe)
    config = fast_config(
        _url(site, "agency.test"),
        tmp_path / "c",
        guard=loopback_guard(),
        retries=0,
        extra_hosts=("127.0.0.1", "rebind.test"),
    )
    result = crawl(config)
    assert intranet.total_hits == 0
    assert site.hits("/robots.txt") == 1 and site.hits("/sitemap.xml") == 1
    assert any(path.startswith("/oit-checker-probe-") for _t, _m, path, _h in site.request_log)
    res = by_path(result)
    assert res["/"].ok  # the agency itself, "public" through the test resolver
    assert res["/go.html"].error is FetchError.ADDRESS_REFUSED
    assert res["/go.html"].error_detail == "127.0.0.1 is a loopback address"
    assert res["/rebind.pdf"].error is FetchError.ADDRESS_REFUSED
    assert "intranet.test resolves to 127.0.0.3 (loopback)" in (
        res["/rebind.pdf"].error_detail or ""
    )
    refused = [r for r in result.resources if r.url.endswith("/secret.pdf")]
    assert refused and all(r.error is FetchError.ADDRESS_REFUSED for r in refused)


def test_dns_rebinding_connects_to_the_checked_address(
    tmp_path: Path, servers: tuple[FixtureServer, FixtureServer]
) -> None:
    """``rebind.test`` answers 127.0.0.2 (public) and 127.0.0.3 (private) in turns. A check that
    resolves and a client that resolves again can be told two stories; here the connection goes
    to the address the check saw, so every fetch lands on 127.0.0.2 or is refused."""
    site, intranet = servers
    pages: dict[str, str | bytes] = {f"p{i}.html": page(f"หน้า {i}") for i in range(6)}
    write_site(
        site.root or tmp_path,
        {"index.html": page("หน้าแรก", *[(f"/p{i}.html", str(i)) for i in range(6)]), **pages},
    )
    write_site(intranet.root or tmp_path, pages)
    config = fast_config(
        _url(site, "rebind.test"),
        tmp_path / "c",
        guard=loopback_guard(),
        retries=0,
        soft404_probe=False,
        use_sitemaps=False,
        respect_robots=False,
        per_host_concurrency=1,
    )
    crawl(config)
    assert intranet.total_hits == 0
    assert site.total_hits >= 1


def test_refusal_reports_why_and_resolves_on_the_loop() -> None:
    guard = loopback_guard()

    async def check() -> list[str | None]:
        return [
            await guard.refusal("http://agency.test/"),
            await guard.refusal("http://intranet.test/"),
            await guard.refusal("http://169.254.169.254/latest/meta-data/"),
            await guard.refusal("http://[::ffff:127.0.0.1]/"),
            await guard.refusal("http://no-such-host.invalid/"),
        ]

    assert asyncio.run(check()) == [
        None,
        "intranet.test resolves to 127.0.0.3 (loopback)",
        "169.254.169.254 is a link-local address",
        "::ffff:127.0.0.1 is a loopback address",
        None,  # does not resolve: fetched and reported as DNS, never refused
    ]
    assert asyncio.run(AddressGuard().refusal("http://localhost/")) is not None


def test_audit_guard_covers_robots_and_linked_documents(
    tmp_path: Path, servers: tuple[FixtureServer, FixtureServer]
) -> None:
    """In audit mode the check ran only for fetches that passed ``redirect_ok``: robots.txt
    redirected to a private address was followed."""
    site, intranet = servers
    inside = _url(intranet, "intranet.test", "/secret.pdf")
    write_site(
        site.root or tmp_path,
        {"o7.html": page("แผนดำเนินงาน", (inside, "ดาวน์โหลดแผน")), "o7.pdf": PDF},
    )
    site.route("/robots.txt", Fault(status=302, redirect_to=inside))
    pack = get_pack(year=2567)
    sub = tmp_path / "s.csv"
    sub.write_text(f"item,url\no07,{_url(site, 'agency.test', '/o7.html')}\n", "utf-8")
    start = _url(site, "agency.test")
    submission = resolve_submission(read_submission(sub), pack, start)
    options = AuditOptions(
        crawl=fast_config(start, tmp_path / "c", retries=0),
        extract_limits=ExtractLimits(ocr=False),
        guard=loopback_guard(),
    )
    report = run_audit(pack, submission, options).report
    assert intranet.total_hits == 0
    assert site.hits("/o7.html") >= 1
    o07 = next(i for i in report.items if i.item_id == "o07")
    assert o07.verdict is not Verdict.PASS


def test_a_name_that_does_not_resolve_is_a_dns_error_not_a_refusal(tmp_path: Path) -> None:
    config = fast_config(
        "http://missing.test:9/", tmp_path / "c", guard=loopback_guard(), retries=0
    )
    result = crawl(config)
    (start,) = [r for r in result.resources if "missing.test" in r.url]
    assert start.error is FetchError.DNS
