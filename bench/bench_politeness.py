"""Politeness cost: wall time of a crawl at the default per-host limits against their own floor.

    .venv/bin/python bench/bench_politeness.py --pages 500 --latency 0.1

A generated N-page site is served on 127.0.0.1 with ``latency`` seconds added to every response
(the FixtureServer, in this process: at a few requests per second it is nowhere near its
ceiling). The crawl uses the defaults users get (``CrawlConfig()``: 2 requests in flight per
host, 0.5 s between request starts, robots.txt, sitemap, soft-404 probe). The floor is what
those limits allow at best for the requests the server actually saw: request starts at least
``interval`` apart, at most ``concurrency`` in flight, so
``floor = (requests - 1) * max(interval, latency / concurrency) + latency``.
Prints both and the overhead over the floor (target: within 10%). Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._sites import build_site
from oit_checker.crawl import CrawlConfig, Crawler
from oit_checker.fixture_server import FixtureServer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--latency", type=float, default=0.1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site, args.pages - 1, 0)  # + index.html = N pages
        with FixtureServer(site, latency_s=args.latency) as srv:
            config = CrawlConfig(start_url=srv.url, cache_dir=Path(tmp) / "cache")
            t0 = time.monotonic()
            result = asyncio.run(Crawler(config).run())
            wall = time.monotonic() - t0
            requests = srv.total_hits
            in_flight = srv.max_in_flight
    st = result.stats
    cfg = config
    step = max(cfg.min_interval_s, args.latency / cfg.per_host_concurrency)
    floor = (requests - 1) * step + args.latency
    print(
        f"site: {args.pages} pages, {args.latency * 1000:.0f} ms latency; defaults:"
        f" {cfg.per_host_concurrency} in flight per host, {cfg.min_interval_s} s interval"
    )
    print(
        f"pages fetched: {st.pages_fetched}, requests seen by the server: {requests}"
        f" (robots.txt, sitemap, soft-404 probe included), max in flight: {in_flight}"
    )
    print(f"wall time: {wall:.1f} s   floor: {floor:.1f} s   overhead: {wall / floor - 1:+.1%}")


if __name__ == "__main__":
    main()
