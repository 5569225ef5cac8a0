"""Small agency sites written to a temporary folder, served on 127.0.0.1 by the fixture
server and scanned by the real pipeline (crawl, extract, match, assess) with a real pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import ItemResult
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack
from tests.support.servers import write_site

AGENCY = "องค์การบริหารส่วนตำบลชุมแสง"


def agency_page(title: str, body: str, *, footer: str = "", menu: str = "") -> str:
    """A page of a small อบต. site: header, a side menu that is not a <nav> (as many CMS
    themes write it), the content, and the footer every page repeats."""
    side = menu or (
        '<div class="sidebar"><ul><li><a href="/index.html">หน้าหลัก</a></li>'
        '<li><a href="/contact.html">ติดต่อเรา</a></li></ul></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>{title} :: {AGENCY}</title></head>
<body>
<header><img src="/images/logo.png" alt="ตราสัญลักษณ์"><span>{AGENCY} อำเภอสตึก จังหวัดบุรีรัมย์</span>
</header>
{side}
<div class="content"><h1>{title}</h1>
{body}
</div>
<footer>{footer}</footer>
</body></html>"""


def scan(tmp: Path, files: dict[str, str | bytes], year: int, today: date) -> dict[str, ItemResult]:
    """Serve ``files`` on 127.0.0.1, scan the site with the year's pack; results by item id."""
    root = write_site(tmp / "site", files)
    with FixtureServer(root) as server:
        config = CrawlConfig(
            start_url=server.url,
            cache_dir=tmp / "cache",
            min_interval_s=0.0,
            per_host_concurrency=4,
        )
        options = ScanOptions(crawl=config, extract_limits=ExtractLimits(ocr=False), today=today)
        report = run_scan(get_pack(year=year), options).report
    return {r.item_id: r for r in report.items}
