"""Crawling misbehaving sites: limits, politeness, retries, resets, timeouts, breaker, stop."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import statistics
import threading
import time
from pathlib import Path

from oit_checker.crawl import Crawler, CrawlProgress
from oit_checker.fixture_server import Fault, FixtureServer, calendar_trap, redirect_loop
from oit_checker.models import FetchError
from tests.support.servers import PDF, by_path, crawl, fast_config, page, write_site


def _links(n: int, prefix: str = "/p") -> list[tuple[str, str]]:
    return [(f"{prefix}{i}.html", f"หน้า {i}") for i in range(n)]


def test_politeness_max_in_flight_and_interval(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *_links(12)),
            **{f"p{i}.html": page(str(i)) for i in range(12)},
        },
    )
    with FixtureServer(root) as srv:
        srv.route("*", Fault(latency_s=0.05))
        host = f"127.0.0.1:{srv.port}"
        crawl(fast_config(srv.url, tmp_path / "c", per_host_concurrency=2, global_concurrency=8))
        assert srv.max_in_flight_for(host) == 2  # used, never exceeded
    with FixtureServer(root) as srv:
        crawl(fast_config(srv.url, tmp_path / "c2", per_host_concurrency=3, min_interval_s=0.15))
        starts = [t for t, *_ in srv.request_log]
        assert srv.max_in_flight <= 3
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # Measured on arrival at the server, where thread scheduling on a busy machine can bunch
    # two arrivals together: the median gap and the whole span show the interval is kept
    # (without it, 13 requests at 3 in flight would arrive within a few milliseconds).
    assert len(gaps) >= 12, gaps
    assert statistics.median(gaps) >= 0.13, gaps
    assert starts[-1] - starts[0] >= 0.15 * len(gaps) - 0.05


def test_retry_after_honoured_and_503_retried(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/busy.html", "b")), "busy.html": page("b")},
    )
    with FixtureServer(root) as srv:
        srv.route("/busy.html", Fault(status=503, retry_after=1, times=1))
        result = crawl(fast_config(srv.url, tmp_path / "c", soft404_probe=False))
        times = [t for t, _m, path, _h in srv.request_log if path == "/busy.html"]
    assert by_path(result)["/busy.html"].ok
    assert len(times) == 2 and times[1] - times[0] >= 0.95


def test_429_backs_off_then_succeeds(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/o1.pdf", "o1")), "o1.pdf": PDF},
    )
    with FixtureServer(root) as srv:
        srv.route("/o1.pdf", Fault(status=429, retry_after=0, times=2, content_type="text/html"))
        result = crawl(fast_config(srv.url, tmp_path / "c", retries=3, soft404_probe=False))
        hits = srv.hits("/o1.pdf")
    assert hits == 3 and by_path(result)["/o1.pdf"].ok


def test_retries_only_for_retryable_errors(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page(
                "หน้าแรก", ("/down.html", "d"), ("/gone.html", "g"), ("/forbidden.html", "f")
            )
        },
    )
    with FixtureServer(root) as srv:
        srv.route("/down.html", Fault(status=503))
        srv.route("/forbidden.html", Fault(status=403, body="no"))
        result = crawl(fast_config(srv.url, tmp_path / "c", retries=2, soft404_probe=False))
        down, gone, forbidden = (
            srv.hits("/down.html"),
            srv.hits("/gone.html"),
            srv.hits("/forbidden.html"),
        )
    res = by_path(result)
    assert down == 3  # first try + 2 retries
    assert gone == 1 and forbidden == 1
    assert res["/down.html"].error == FetchError.HTTP_STATUS and res["/down.html"].status == 503
    assert res["/gone.html"].status == 404 and res["/forbidden.html"].status == 403


def test_connection_reset_retried_then_recorded(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", ("/doc.pdf", "doc"), ("/flaky.pdf", "flaky")),
            "doc.pdf": PDF * 100,
            "flaky.pdf": PDF * 100,
        },
    )
    with FixtureServer(root) as srv:
        srv.route("/doc.pdf", Fault(reset_after=500))
        srv.route("/flaky.pdf", Fault(reset_after=500, times=1))
        result = crawl(fast_config(srv.url, tmp_path / "c", retries=1, soft404_probe=False))
        hits = srv.hits("/doc.pdf")
    res = by_path(result)
    assert res["/doc.pdf"].error == FetchError.RESET and res["/doc.pdf"].body_path is None
    assert hits == 2
    assert res["/flaky.pdf"].ok and res["/flaky.pdf"].size == len(PDF) * 100


def test_timeouts_header_latency_and_slow_body(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", ("/late.html", "l"), ("/slow.pdf", "s")),
            "late.html": page("l"),
            "slow.pdf": PDF * 2000,
        },
    )
    with FixtureServer(root) as srv:
        srv.route("/late.html", Fault(latency_s=1.5))
        srv.route("/slow.pdf", Fault(body_rate=200))
        cfg = fast_config(srv.url, tmp_path / "c", timeout_s=0.5, retries=0, soft404_probe=False)
        started = time.monotonic()
        result = crawl(cfg)
        elapsed = time.monotonic() - started
    res = by_path(result)
    assert res["/late.html"].error == FetchError.TIMEOUT
    assert res["/slow.pdf"].error == FetchError.TIMEOUT
    assert elapsed < 5


def test_too_large_html_and_document(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/big.html", "b"), ("/huge.pdf", "h"), ("/nolen.pdf", "n"))},
    )
    with FixtureServer(root) as srv:
        srv.route("/big.html", Fault(size=300_000, content_type="text/html"))
        srv.route("/huge.pdf", Fault(size=100 * 2**20, content_type="application/pdf"))
        cfg = fast_config(
            srv.url,
            tmp_path / "c",
            max_html_bytes=100_000,
            max_doc_bytes=1_000_000,
            soft404_probe=False,
        )
        result = crawl(cfg)
        sent = srv.bytes_sent
    res = by_path(result)
    big, huge = res["/big.html"], res["/huge.pdf"]
    assert big.error == FetchError.TOO_LARGE and big.truncated and big.size == 100_000
    assert huge.error == FetchError.TOO_LARGE and huge.truncated
    assert sent < 20 * 2**20  # the 100 MB body was never read to the end


def test_redirect_loop_and_too_many_redirects(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page(
                "หน้าแรก", ("/loop-a", "loop"), ("/r0", "chain"), ("/moved", "moved")
            ),
            "target.html": page("t"),
        },
    )
    with FixtureServer(root) as srv:
        srv.routes(redirect_loop("/loop-a", "/loop-b"))
        for i in range(6):
            srv.route(f"/r{i}", Fault(status=301, redirect_to=f"/r{i + 1}"))
        srv.route("/moved", Fault(status=301, redirect_to="/target.html"))
        result = crawl(fast_config(srv.url, tmp_path / "c", max_redirects=3, soft404_probe=False))
    res = by_path(result)
    assert res["/loop-a"].error == FetchError.TOO_MANY_REDIRECTS
    assert res["/r0"].error == FetchError.TOO_MANY_REDIRECTS
    moved = res["/moved"]
    assert moved.ok and moved.final_url and moved.final_url.endswith("/target.html")
    assert moved.redirects and "/target.html" not in res  # not fetched twice


def test_depth_limit_and_calendar_trap_bounded(tmp_path: Path) -> None:
    chain = {f"d{i}.html": page(f"d{i}", (f"/d{i + 1}.html", "ต่อไป")) for i in range(6)}
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/d0.html", "ลึก"), ("/calendar", "ปฏิทิน")), **chain},
    )
    with FixtureServer(root) as srv:
        srv.route("/calendar", calendar_trap)
        result = crawl(fast_config(srv.url, tmp_path / "c", max_depth=3, soft404_probe=False))
        cal = srv.hits("/calendar")
    res = by_path(result)
    assert res["/d2.html"].ok and res["/d3.html"].error == FetchError.NOT_FETCHED
    assert res["/d3.html"].error_detail == "max_depth"
    assert cal <= 3
    assert "max_depth" in result.stats.limits_hit and result.partial
    limits = [f.params["limit"] for f in result.site_findings if f.code == "crawl_limit"]
    assert limits == result.stats.limits_hit
    with FixtureServer(root) as srv:
        srv.route("/calendar", calendar_trap)
        result = crawl(fast_config(srv.url, tmp_path / "c2", max_depth=100, soft404_probe=False))
        cal = srv.hits("/calendar")
    assert 15 <= cal <= 25
    assert "crawl_trap" in result.stats.limits_hit
    limit_set = {f.params["limit"] for f in result.site_findings if f.code == "crawl_limit"}
    assert limit_set == set(result.stats.limits_hit)


def test_wall_time_limit(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *_links(30)),
            **{f"p{i}.html": page(str(i)) for i in range(30)},
        },
    )
    with FixtureServer(root) as srv:
        srv.route("*", Fault(latency_s=0.1, after=2))
        started = time.monotonic()
        result = crawl(
            fast_config(
                srv.url, tmp_path / "c", max_wall_s=0.6, per_host_concurrency=1, soft404_probe=False
            )
        )
        elapsed = time.monotonic() - started
    assert elapsed < 3
    assert "max_wall_s" in result.stats.limits_hit and result.partial
    left = [r for r in result.resources if r.error == FetchError.NOT_FETCHED]
    assert left and all(r.error_detail == "max_wall_s" for r in left)
    assert len({r.url for r in result.resources}) == len(result.resources) == 31


def test_circuit_breaker_host_dies(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *_links(30)),
            **{f"p{i}.html": page(str(i)) for i in range(30)},
        },
    )
    with FixtureServer(root) as srv:
        srv.route("*", Fault(drop=True, after=3))  # robots, sitemap, start page, then dead
        cfg = fast_config(
            srv.url, tmp_path / "c", circuit_breaker_failures=4, retries=1, soft404_probe=False
        )
        result = crawl(cfg)
        hits = srv.total_hits
    assert result.reachable and result.partial
    assert any(f.code == "circuit_open" for f in result.site_findings)
    kinds = [r.error for r in result.resources if r.url != result.start_url]
    assert kinds.count(FetchError.CIRCUIT_OPEN) >= 20
    assert hits < 15


def test_unreachable_site_is_not_an_empty_site(tmp_path: Path) -> None:
    with FixtureServer(None) as srv:
        port = srv.port
    result = crawl(fast_config(f"http://127.0.0.1:{port}/", tmp_path / "c", retries=0))
    assert not result.reachable and result.partial
    assert result.resources[0].error == FetchError.CONNECT
    assert [f.code for f in result.site_findings] == ["site_unreachable"]


def test_stop_gives_partial_result(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *_links(40)),
            **{f"p{i}.html": page(str(i)) for i in range(40)},
        },
    )
    with FixtureServer(root) as srv:
        srv.route("*", Fault(latency_s=0.05))
        timer: threading.Timer | None = None

        def progress(p: CrawlProgress) -> None:
            # Ctrl-C from another thread, once the start page is in (a busy machine may take
            # longer than a fixed delay to fetch it).
            nonlocal timer
            if timer is None and p.fetched >= 1:
                timer = threading.Timer(0.3, crawler.stop)
                timer.start()

        config = fast_config(srv.url, tmp_path / "c", per_host_concurrency=1)
        crawler = Crawler(config, progress=progress)
        started = time.monotonic()
        result = asyncio.run(crawler.run())
        elapsed = time.monotonic() - started
    assert elapsed < 3
    assert result.stats.interrupted and result.partial and result.reachable
    assert any(f.code == "interrupted" for f in result.site_findings)
    left = [r for r in result.resources if r.error == FetchError.NOT_FETCHED]
    assert left and all(r.error_detail == "interrupted" for r in left)
    assert result.stats.pages_fetched + len(left) >= 41


def test_cancelled_crawl_leaves_no_task_behind(tmp_path: Path) -> None:
    """Cancelling the crawl (a batch being stopped) unwinds its workers before it returns:
    none keeps fetching with a closed client or is destroyed pending with the loop."""
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *_links(40)),
            **{f"p{i}.html": page(str(i)) for i in range(40)},
        },
    )

    async def main(url: str) -> set[asyncio.Task[object]]:
        config = fast_config(url, tmp_path / "c", per_host_concurrency=2, global_concurrency=4)
        task = asyncio.create_task(Crawler(config).run())
        while srv.hits("/p0.html") + srv.hits("/p1.html") == 0:  # the workers are running
            await asyncio.sleep(0.01)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return asyncio.all_tasks() - {asyncio.current_task()}

    with FixtureServer(root) as srv:
        srv.route("*", Fault(latency_s=0.05))
        left = asyncio.run(main(srv.url))
        hits = srv.total_hits
        time.sleep(0.2)
        assert srv.total_hits == hits
    assert not left
