"""Edge cases: start redirects, extra hosts, blocked start page, content types, back-off."""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from pathlib import Path

import httpx

from oit_checker.crawl.fetch import classify_exception, parse_retry_after
from oit_checker.crawl.politeness import HostSlot
from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import FetchError
from tests.support.servers import PDF, by_path, crawl, fast_config, page, write_site


def test_start_url_redirect_to_another_host_sets_scope(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site", {"index.html": page("หน้าแรก", ("/a.html", "a")), "a.html": page("a")}
    )
    with FixtureServer(root) as srv:
        srv.route("/old/", Fault(status=301, redirect_to=srv.url))
        start = srv.url_for("old/", host="localhost")
        result = crawl(fast_config(start, tmp_path / "c", soft404_probe=False))
    assert result.start_url == srv.url
    assert result.reachable
    res = by_path(result)
    assert res["/old/"].ok and res["/old/"].final_url == srv.url
    assert res["/a.html"].ok  # on the new host, crawled


def test_extra_hosts_are_crawled(tmp_path: Path) -> None:
    other = write_site(
        tmp_path / "o", {"sub.html": page("sub", ("/deep.html", "d")), "deep.html": page("d")}
    )
    with FixtureServer(other) as osrv:
        sub = osrv.url_for("sub.html", host="localhost")
        root = write_site(tmp_path / "s", {"index.html": page("หน้าแรก", (sub, "หน่วยย่อย"))})
        with FixtureServer(root) as srv:
            plain = crawl(fast_config(srv.url, tmp_path / "c1", soft404_probe=False))
            extra = crawl(
                fast_config(
                    srv.url, tmp_path / "c2", soft404_probe=False, extra_hosts=("localhost",)
                )
            )
    assert all("localhost" not in r.url for r in plain.resources)
    assert any(e.host == "localhost" for e in plain.external_links)
    assert {"/sub.html", "/deep.html"} <= set(by_path(extra))


def test_blocked_start_page_is_not_an_empty_site(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"index.html": page("หน้าแรก")})
    with FixtureServer(root) as srv:
        srv.route("/", Fault(status=403, body="Forbidden by WAF"))
        result = crawl(fast_config(srv.url, tmp_path / "c"))
    assert not result.reachable and result.partial
    finding = next(f for f in result.site_findings if f.code == "site_unreachable")
    assert finding.params["reason"] == "HTTP 403"
    assert "ไม่ได้แปลว่าข้อมูลขาด" in finding.message_th


def test_robots_disallowing_everything(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "s", {"index.html": page("หน้าแรก"), "robots.txt": "User-agent: *\nDisallow: /\n"}
    )
    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c"))
        ignored = crawl(fast_config(srv.url, tmp_path / "c2", respect_robots=False))
        assert srv.hits("/") == 1
    assert not result.reachable and result.resources[0].error == FetchError.ROBOTS_DISALLOWED
    assert ignored.reachable


def test_content_types_sniffed(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "s",
        {
            "index.html": page(
                "หน้าแรก",
                ("/file.pdf", "pdf as html"),
                ("/page", "html as octet"),
                ("/archive.zip", "zip"),
                ("/download.php?id=1", "ดาวน์โหลด"),
            ),
            "file.pdf": PDF,
            "page": page("octet", ("/found.html", "found")),
            "found.html": page("found"),
            "archive.zip": b"PK\x05\x06" + b"\0" * 18,
        },
        {"content_types": {"/file.pdf": "text/html", "/page": "application/octet-stream"}},
    )
    with FixtureServer(root) as srv:
        srv.route("/download.php", Fault(body=PDF, content_type="application/octet-stream"))
        srv.route("/archive.zip", Fault(content_type="application/zip"))
        result = crawl(fast_config(srv.url, tmp_path / "c", soft404_probe=False))
    res = by_path(result)
    assert res["/file.pdf"].ok  # magic bytes win over a wrong type
    assert res["/page"].ok and res["/found.html"].ok  # sniffed as HTML and followed
    assert res["/archive.zip"].error == FetchError.CONTENT_TYPE
    assert res["/download.php?id=1"].ok and result.stats.documents_fetched == 2


def test_host_slot_backs_off_and_recovers() -> None:
    async def scenario() -> tuple[float, float, float, float]:
        slot = HostSlot("h", 1, 0.0, 3)
        slot.throttled(None)
        slot.throttled(None)
        grown = slot.interval
        for _ in range(20):
            slot.success()
        recovered = slot.interval
        slot.throttled(0.3)
        started = time.monotonic()
        async with slot.request():
            waited = time.monotonic() - started
        opened = [slot.failure() for _ in range(3)]
        return grown, recovered, waited, float(opened == [False, False, True] and slot.open)

    grown, recovered, waited, opened = asyncio.run(scenario())
    assert grown == 0.5 and recovered == 0.0
    assert waited >= 0.28
    assert opened == 1.0


def test_error_classification_and_retry_after() -> None:
    def chained(outer: Exception, cause: BaseException) -> Exception:
        outer.__cause__ = cause
        return outer

    dns = chained(httpx.ConnectError("x"), socket.gaierror(-2, "Name or service not known"))
    assert classify_exception(dns)[0] == FetchError.DNS
    cert = chained(
        httpx.ConnectError("x"), ssl.SSLCertVerificationError("certificate verify failed")
    )
    assert classify_exception(cert)[0] == FetchError.TLS
    assert classify_exception(httpx.ReadTimeout("t"))[0] == FetchError.TIMEOUT
    assert classify_exception(httpx.RemoteProtocolError("peer closed"))[0] == FetchError.RESET
    refused = chained(httpx.ConnectError("x"), ConnectionRefusedError(111, "refused"))
    assert classify_exception(refused)[0] == FetchError.CONNECT
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None
