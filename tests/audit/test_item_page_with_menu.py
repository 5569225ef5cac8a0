"""Issue 13 class 10: an item's page that shows the site's ITA side menu is not an index page.

The served site has, on every page, a header, a top menu, a side menu listing every ITA item
and a footer; each item's page holds its evidence in the main content. Submitted for its item,
the page must be judged on its content, never as "an ITA index without a row for the item".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oit_checker.audit import AuditOptions, read_submission, resolve_submission, run_audit
from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import Report, Verdict
from oit_checker.rules.loader import get_pack
from tests.support.agency import HEAD, cms_page, codes, item, scan_site, side_menu
from tests.support.servers import write_site

PACK = get_pack(year=2568)
TODAY = date(2025, 5, 15)
ROWS = [(f"/ita/{i.id}.html", f"O{int(i.id[1:])} {i.title_th}") for i in PACK.items]
MENU = side_menu(ROWS)
BARE_MENU = (
    "<div class='col-md-3'><b>ITA</b><ul>"
    + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in ROWS)
    + "</ul></div>"
)
"""The same menu in markup that says nothing: only its repetition on every page tells."""
MANUAL = (
    "<p>คู่มือการปฏิบัติงาน งานจัดเก็บรายได้ กองคลัง " + HEAD + "</p>"
    "<h2>ขั้นตอนการปฏิบัติงาน</h2><ol><li>รับแบบแสดงรายการทรัพย์สินจากผู้ชำระภาษี</li>"
    "<li>ตรวจสอบและประเมินภาษี ภายใน 15 วัน</li><li>ออกใบเสร็จรับเงินและบันทึกบัญชี</li></ol>"
)


def _site(menu: str = MENU) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "index.html": cms_page("หน้าแรก", "<p>ยินดีต้อนรับสู่เว็บไซต์</p>", menu=menu),
        "ita.html": cms_page("ITA", "<p>การประเมินคุณธรรมและความโปร่งใส</p>", menu=menu),
        "news.html": cms_page("ข่าวสาร", "<p>ข่าวประชาสัมพันธ์</p>", menu=menu),
        "contact.html": cms_page("ติดต่อเรา", f"<p>{HEAD}</p>", menu=menu),
    }
    for i in PACK.items:
        files[f"ita/{i.id}.html"] = cms_page(
            f"O{int(i.id[1:])} {i.title_th}", "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>", menu=menu
        )
    files["ita/o08.html"] = cms_page("O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", MANUAL, menu=menu)
    return files


def _audit(tmp: Path, rows: dict[str, str], menu: str = MENU) -> Report:
    root = write_site(tmp / "site", _site(menu))
    with FixtureServer(root) as server:
        sub = tmp / "s.csv"
        lines = "".join(f"{k},{server.url}{v}\n" for k, v in rows.items())
        sub.write_text("item,url\n" + lines, "utf-8")
        submission = resolve_submission(read_submission(sub), PACK, server.url)
        config = CrawlConfig(
            start_url=server.url, cache_dir=tmp / "cache", min_interval_s=0.0, retries=0
        )
        options = AuditOptions(
            crawl=config, extract_limits=ExtractLimits(ocr=False), allow_private=True, today=TODAY
        )
        return run_audit(PACK, submission, options).report


@pytest.mark.parametrize("menu", [MENU, BARE_MENU], ids=["sidebar-widget", "bare-repeated"])
def test_an_item_page_with_the_ita_side_menu_is_judged_on_its_content(
    tmp_path: Path, menu: str
) -> None:
    report = _audit(tmp_path, {"o8": "ita/o08.html"}, menu)
    o08 = item(report, "o08")
    assert "hub_without_row" not in codes(o08)
    assert o08.verdict is Verdict.PASS, (o08.verdict, codes(o08))
    assert any(e.url.endswith("/ita/o08.html") for e in o08.evidence)


def test_the_same_page_in_a_scan(tmp_path: Path) -> None:
    report = scan_site(tmp_path, _site(), year=2568, today=TODAY)
    o08 = item(report, "o08")
    assert o08.verdict is Verdict.PASS, (o08.verdict, codes(o08))
