"""A small agency website in the shape of real CMS sites, scanned end to end on 127.0.0.1.

Pages have what real ones have around their content: a header with the agency name, a top
menu, a side menu listing every ITA item (``side_menu``), and a footer with address and phone.
Tests write the pages and real documents (``fixtures/docgen.py``), serve them with the fixture
server and run the whole pipeline (crawl → extract → match → assess).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from oit_checker.crawl import CrawlConfig
from oit_checker.evaluate import serve_site
from oit_checker.extract import ExtractLimits
from oit_checker.models import ItemResult, Report
from oit_checker.pipeline import ScanOptions, run_scan
from oit_checker.rules.loader import get_pack
from tests.support.servers import write_site

AGENCY = "องค์การบริหารส่วนตำบลหนองบัวแดง"
HEAD = f"{AGENCY} อำเภอเมือง จังหวัดอุดรธานี"
FOOTER = (
    f"<footer class='site-footer'><p>{HEAD} 99 หมู่ 3 ถนนมิตรภาพ 41000</p>"
    "<p>โทรศัพท์ 0-4221-3456 โทรสาร 0-4221-3457</p>"
    "<ul class='footer-links'><li><a href='/index.html'>หน้าแรก</a></li>"
    "<li><a href='/contact.html'>ติดต่อเรา</a></li></ul></footer>"
)


def side_menu(items: list[tuple[str, str]]) -> str:
    """The site's ITA side menu: ``(href, label)`` per item, in a sidebar widget."""
    rows = "".join(f"<li class='menu-item'><a href='{h}'>{t}</a></li>" for h, t in items)
    return (
        "<div class='col-md-3 sidebar-left'><div class='widget widget_menu'>"
        f"<h3 class='widget-title'>ITA 2568</h3><ul class='menu'>{rows}</ul></div></div>"
    )


def cms_page(title: str, main: str, *, menu: str = "") -> str:
    """One page: header and top menu, optional side menu, the main content, the footer."""
    top = (
        "<header id='masthead'><div class='logo'>"
        f"<img src='/images/logo.png' alt='ตราสัญลักษณ์' width='80' height='80'>{AGENCY}</div>"
        "<ul class='topmenu'><li><a href='/index.html'>หน้าแรก</a></li>"
        "<li><a href='/ita.html'>ITA</a></li><li><a href='/news.html'>ข่าวสาร</a></li></ul>"
        "</header>"
    )
    return (
        "<!doctype html><html lang='th'><head><meta charset='utf-8'>"
        f"<title>{title} - {AGENCY}</title></head><body>{top}<div class='container'>"
        f"{menu}<div class='col-md-9 content'><h1>{title}</h1>{main}</div></div>"
        f"{FOOTER}</body></html>"
    )


def scan_site(
    tmp: Path,
    files: dict[str, str | bytes],
    *,
    year: int,
    today: date,
    start: str = "index.html",
    query_pages: dict[str, str] | None = None,
    server_json: dict[str, Any] | None = None,
    **limits: Any,
) -> Report:
    """Write the site, serve it on 127.0.0.1 and scan it with the pack of ``year``.

    ``query_pages``: ``{"/list.php?page=2": "<html>…"}``, pages whose URL has a query string;
    ``server_json``: the fixture server's settings (content types of extension-less paths…);
    ``limits``: CrawlConfig fields (max_pages, max_depth, …)."""
    files = dict(files)
    routes: dict[str, str] = {}
    for n, (url, html) in enumerate((query_pages or {}).items()):
        routes[url] = f"_q/{n}.html"
        files[routes[url]] = html
    settings = dict(server_json or {})
    if routes:
        settings["query_routes"] = routes
    root = write_site(tmp / "site", files, settings or None)
    with serve_site(root) as server:
        config = CrawlConfig(
            start_url=server.url_for(start),
            cache_dir=tmp / "cache",
            min_interval_s=0.0,
            per_host_concurrency=4,
            soft404_probe=False,
            **limits,
        )
        options = ScanOptions(crawl=config, extract_limits=ExtractLimits(ocr=False), today=today)
        return run_scan(get_pack(year=year), options).report


def item(report: Report, item_id: str) -> ItemResult:
    return next(r for r in report.items if r.item_id == item_id)


def codes(result: ItemResult) -> list[str]:
    return [p.code for p in result.problems]
