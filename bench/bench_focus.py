"""Focused crawl: how few pages, in the crawler's priority order, already give the final verdicts.

    .venv/bin/python bench/bench_focus.py                      # demo site + 600 filler pages
    .venv/bin/python bench/bench_focus.py --sites all --filler 300

For each fixture site with a truth file (fixtures/truth/<site>.yaml: pack year, "today"), a copy
is enlarged the way real agency sites are large: hundreds of news, gallery and calendar pages
linked from the home page. The site is scanned exhaustively (the verdicts V), then again with
``max_pages`` = k, and the capped crawl is judged *as if it had been allowed to stop there*
(pages left in the queue dropped, the crawl not marked partial): the smallest k whose verdicts
equal V is "pages fetched until the verdicts are final" (binary search; one request in flight so
the order is the frontier's own). Prints k + documents against the exhaustive crawl's fetches.

This measures how well the frontier's priorities put the evidence first. It is not a stopping
rule: a real crawl cannot know it has reached k (an item with no evidence is judged "missing"
only after the whole site was read), so scans still read the whole site; see README.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oit_checker.assess import assess
from oit_checker.crawl import CrawlConfig
from oit_checker.evaluate import DEFAULT_SITES, DEFAULT_TRUTH, SiteTruth, load_truth, serve_site
from oit_checker.extract import ExtractLimits
from oit_checker.match import Matcher, make_priority
from oit_checker.models import FetchError
from oit_checker.pipeline import crawl_and_read, site_evidence
from oit_checker.rules.loader import get_pack

_NEWS = (
    "องค์การบริหารส่วนตำบลจัดกิจกรรมร่วมกับชุมชน ผู้นำท้องถิ่นและประชาชนในพื้นที่ร่วมกันทำความสะอาด"
    " ถนน ปลูกต้นไม้ และรณรงค์ป้องกันไข้เลือดออก ขอขอบคุณทุกท่านที่ให้ความร่วมมือ "
)
_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน"]


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><nav><a href='/'>หน้าหลัก</a></nav><h1>{title}</h1>{body}</body></html>"
    )


def enlarge(site: Path, filler: int) -> int:
    """Add ``filler`` pages (news, gallery, calendar; paginated lists) linked from the home
    page; returns how many pages were added. Sites without index.html are left as they are."""
    index = site / "index.html"
    if filler <= 0 or not index.is_file():
        return 0
    added = 0
    per_kind = filler // 3
    for kind, label in (("news", "ข่าวกิจกรรม"), ("gallery", "ภาพกิจกรรม"), ("calendar", "ปฏิทิน")):
        folder = site / f"more-{kind}"
        folder.mkdir(exist_ok=True)
        lists = max(1, per_kind // 20)
        for n in range(lists):
            items = range(n * 20, min(per_kind, (n + 1) * 20))
            links = "".join(
                f"<li><a href='/more-{kind}/{i}.html'>{label} ครั้งที่ {i + 1}</a></li>" for i in items
            )
            nxt = f"<a href='/more-{kind}/list-{n + 1}.html'>หน้าถัดไป</a>" if n + 1 < lists else ""
            (folder / f"list-{n}.html").write_text(_page(label, f"<ul>{links}</ul>{nxt}"), "utf-8")
            added += 1
            for i in items:
                day = f"{i % 28 + 1} {_MONTHS[i % 6]} 2567"
                body = f"<p>{day}</p><p>{_NEWS * 6}</p>"
                body += f"<a href='/more-{kind}/{(i + 1) % per_kind}.html'>ถัดไป</a>"
                (folder / f"{i}.html").write_text(_page(f"{label} {day}", body), "utf-8")
                added += 1
    more = "".join(
        f"<li><a href='/more-{kind}/list-0.html'>{label}ทั้งหมด</a></li>"
        for kind, label in (("news", "ข่าวกิจกรรม"), ("gallery", "ภาพกิจกรรม"), ("calendar", "ปฏิทิน"))
    )
    html = index.read_text("utf-8")
    cut = html.lower().rfind("</body>")
    cut = cut if cut >= 0 else len(html)
    index.write_text(f"{html[:cut]}<ul class='more'>{more}</ul>{html[cut:]}", "utf-8")
    return added


def scan(truth: SiteTruth, site: Path, max_pages: int | None) -> tuple[dict[str, str], int, int]:
    """item → verdict of a scan capped at ``max_pages`` (judged as if complete), the URLs
    fetched, and the HTML pages fetched."""
    pack = get_pack(year=truth.year)
    with tempfile.TemporaryDirectory(prefix="oit-focus-") as cache, serve_site(site) as server:
        crawl = dict(truth.crawl)
        if max_pages is not None:
            crawl["max_pages"] = max_pages
        config = CrawlConfig(
            start_url=server.url,
            cache_dir=Path(cache),
            min_interval_s=0.0,
            per_host_concurrency=1,
            global_concurrency=1,
            **({"max_pages": 100_000, "max_depth": 100} | crawl),
        )
        matcher = Matcher(pack)
        harvest = asyncio.run(
            crawl_and_read(
                config,
                ExtractLimits(ocr=truth.ocr),
                priority=make_priority(pack),
                on_document=matcher.add,
            )
        )
    result = harvest.result
    st = result.stats
    if max_pages is not None:  # stop here and call it complete
        result.resources = [r for r in result.resources if r.error != FetchError.NOT_FETCHED]
        result.site_findings = [f for f in result.site_findings if f.code != "crawl_limit"]
        result.stats = st.model_copy(update={"limits_hit": []})
    evidence = site_evidence(result, harvest.documents)
    results = assess(pack, matcher.candidates(), evidence, today=truth.today)
    verdicts = {r.item_id: r.verdict.value for r in results}
    return verdicts, st.pages_fetched + st.documents_fetched, st.pages_fetched


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sites", default="demo", help="comma-separated site names, or 'all'")
    ap.add_argument("--filler", type=int, default=600, help="pages added to each site")
    args = ap.parse_args()
    truths = sorted(DEFAULT_TRUTH.glob("*.yaml"))
    if args.sites != "all":
        wanted = set(args.sites.split(","))
        truths = [t for t in truths if t.stem in wanted]
    total_full = total_focus = 0
    for path in truths:
        truth = load_truth(path)
        source = DEFAULT_SITES / truth.site
        if not source.is_dir():
            continue
        with tempfile.TemporaryDirectory(prefix="oit-focus-site-") as tmp:
            site = Path(tmp) / truth.site
            shutil.copytree(source, site)
            added = enlarge(site, args.filler)
            t0 = time.monotonic()
            full, fetched_full, pages_full = scan(truth, site, None)
            lo, hi = 1, pages_full  # smallest page cap whose verdicts equal the full crawl's
            fetched_at: dict[int, int] = {pages_full: fetched_full}
            while lo < hi:
                mid = (lo + hi) // 2
                verdicts, fetched, _pages = scan(truth, site, mid)
                fetched_at[mid] = fetched
                if verdicts == full:
                    hi = mid
                else:
                    lo = mid + 1
            need = fetched_at.get(lo) or scan(truth, site, lo)[1]
            total_full += fetched_full
            total_focus += need
            print(
                f"{truth.site:14s} +{added} filler pages: exhaustive {fetched_full} URLs"
                f" ({pages_full} pages); verdicts final after {need} URLs (page cap {lo})"
                f" = {need / fetched_full:.0%}   [{time.monotonic() - t0:.0f} s]",
                flush=True,
            )
    if total_full:
        print(
            f"all sites: {total_focus} of {total_full} URLs = {total_focus / total_full:.0%}"
            " (target <= 25%)"
        )


if __name__ == "__main__":
    main()
