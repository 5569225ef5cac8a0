"""The web page in real headless Chromium (Debian ``chromium`` through Playwright): a clerk
pastes a URL, watches the progress, reads and prints the report, uploads an Excel submission,
sees the history chart, cancels a scan. Every page stays inert when a crawled site is hostile.

The screenshots of the README (``docs/serve-*.png``) are written by these tests when
``OIT_SCREENSHOTS`` names a folder (``OIT_SCREENSHOTS=docs pytest tests/web/test_browser.py``).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from oit_checker.fixture_server import FixtureServer
from oit_checker.store.history import History
from tests.report.sample import PAYLOADS, PWN, hostile_report
from tests.report.test_html_browser import ARGS, CHROMIUM
from tests.support.browser import platform_fonts, thai_font_families
from tests.support.servers import write_site
from tests.support.xlsx_submission import write_xlsx_submission
from tests.web.conftest import DEMO, Serve, wait_job

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
SHOTS = os.environ.get("OIT_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def slow_site() -> Iterator[FixtureServer]:
    """The demo site answering slowly, so a scan lasts long enough to watch and cancel."""
    with FixtureServer(DEMO, latency_s=0.25) as server:
        yield server


class Watch:
    """What a page must not do: load anything from elsewhere, open dialogs, run a payload."""

    def __init__(self, page: Any, origin: str) -> None:
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)
        self.origin = origin

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()


def _page(browser: Any, serve: Serve, **context: Any) -> tuple[Any, Watch]:
    ctx = browser.new_context(viewport={"width": 1100, "height": 900}, **context)
    page = ctx.new_page()
    return page, Watch(page, serve.url)


def _shot(page: Any, name: str) -> None:
    """A README screenshot (when ``OIT_SCREENSHOTS`` is set), reduced to 64 colours."""
    if SHOTS:
        from PIL import Image

        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image = Image.open(io.BytesIO(page.screenshot(full_page=False)))
        small = image.convert("RGB").quantize(colors=64)
        small.save(Path(SHOTS) / name, optimize=True)


_PROGRESS = """() => {
    if (document.getElementById('score')) return 'done';
    const p = document.getElementById('p-pages'), e = document.getElementById('p-elapsed');
    return p && e ? p.textContent + '|' + e.textContent : null;
}"""


def _job_id(page: Any) -> int:
    found = re.search(r"/jobs/(\d+)$", page.url)
    assert found is not None, page.url
    return int(found.group(1))


def test_paste_watch_read_print(browser: Any, serve: Serve, slow_site: FixtureServer) -> None:
    page, watch = _page(browser, serve)
    try:
        page.goto(serve.url + "/")
        assert "เริ่มตรวจ" in page.inner_text("#scan-form")
        page.fill("#url", slow_site.url)
        _shot(page, "serve-start.png")
        page.click("#scan-form button[type=submit]")
        page.wait_for_url(re.compile(r"/jobs/\d+$"))
        seen: list[str] = []
        for _ in range(300):  # the numbers move while the scan runs (pushed by the server)
            try:
                now = page.evaluate(_PROGRESS)
            except sync_api.Error:  # the page is reloading into the result
                now = None
            if now == "done":
                break
            if now:
                seen.append(now)
                if len(set(seen)) == 3:
                    _shot(page, "serve-progress.png")
            page.wait_for_timeout(100)
        assert len(set(seen)) >= 3, seen
        page.wait_for_selector("#score", timeout=120_000)  # the page turned into the result
        assert page.locator(".counts li").count() == 4
        assert page.locator("#print").count() == 1
        _shot(page, "serve-result.png")

        page.click("#read-report")
        page.wait_for_load_state("load")
        heading = page.locator("h1").first
        assert "ผลการตรวจเว็บไซต์" in heading.inner_text()
        fonts = platform_fonts(page, "h1")  # Thai, then English: some Latin glyphs may not be
        thai = thai_font_families()  # drawn by a Thai font, every Thai one is
        assert any(f["familyName"] in thai for f in fonts), fonts

        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        box = pdf.pages[0].mediabox
        assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4
        assert "OIT" in pdf.pages[0].extract_text()
    finally:
        page.context.close()
    assert watch.foreign == [] and watch.dialogs == []


def test_upload_an_excel_submission(
    browser: Any, serve: Serve, demo_site: FixtureServer, tmp_path: Path
) -> None:
    path = write_xlsx_submission(tmp_path / "ส่งข้อมูล OIT 2567.xlsx", demo_site.url)
    page, watch = _page(browser, serve)
    try:
        page.goto(serve.url + "/audits")
        page.set_input_files("#submission", str(path))
        page.fill("#site", demo_site.url)
        page.select_option("#year", "2567")
        page.click("#audit-form button[type=submit]")
        page.wait_for_url(re.compile(r"/jobs/\d+$"))
        page.wait_for_selector("#score", timeout=120_000)
        assert "ส่งข้อมูล OIT 2567.xlsx" in page.inner_text("main")
        with httpx.Client(base_url=serve.url) as client:
            report = client.get(f"/api/scans/{_job_id(page)}").json()["report"]
        assert report["settings"]["mode"] == "audit"
        verdicts = {i["item_id"]: i["verdict"] for i in report["items"]}
        assert verdicts["o15"] != "not_checked" and verdicts["o12"] == "fail"
    finally:
        page.context.close()
    assert watch.foreign == [] and watch.dialogs == []


def test_history_chart_after_two_runs_reads_without_script(
    browser: Any, serve: Serve, tmp_path: Path
) -> None:
    with FixtureServer(DEMO) as site, httpx.Client(base_url=serve.url, timeout=30) as client:
        for _ in range(2):
            job = client.post("/api/scans", json={"url": site.url}).json()["id"]
            assert wait_job(client, job)["status"] == "done"
        page, watch = _page(browser, serve, java_script_enabled=False)
        try:
            page.goto(f"{serve.url}/history?site={site.url}")
            chart = page.locator("#history-chart")
            box = chart.bounding_box()
            assert box is not None and box["width"] > 400 and box["height"] > 150
            assert chart.locator("g.run").count() == 2
            assert chart.locator("circle").count() == 2
            points = chart.locator("polyline.score-line").get_attribute("points") or ""
            assert len(points.split()) == 2
            bars = chart.locator("rect.bar-pass")
            assert float(bars.first.get_attribute("height") or 0) > 10
            _shot(page, "serve-history.png")
            page.click("form[action='/diff'] button")
            page.wait_for_url(re.compile(r"/diff\?"))
            assert "เหมือนเดิม" in page.inner_text("main")
        finally:
            page.context.close()
    assert watch.foreign == [] and watch.dialogs == []


def test_cancel_a_scan(browser: Any, serve: Serve, slow_site: FixtureServer) -> None:
    page, watch = _page(browser, serve)
    try:
        page.goto(serve.url + "/")
        page.fill("#url", slow_site.url_for("/", host="localhost"))
        page.click("#scan-form button[type=submit]")
        page.wait_for_url(re.compile(r"/jobs/\d+$"))
        page.wait_for_function(
            "() => Number(document.getElementById('p-pages')?.textContent) > 0", timeout=60_000
        )
        page.click("#cancel")
        page.wait_for_selector(".status-cancelled", timeout=60_000)
        assert page.locator("#again").count() == 1
        with httpx.Client(base_url=serve.url) as client:
            job = client.get(f"/api/scans/{_job_id(page)}").json()
        assert job["status"] == "cancelled" and job["run_id"] is None
    finally:
        page.context.close()
    assert watch.foreign == [] and watch.dialogs == []


_ACTIVE = """() => [...document.querySelectorAll(
    'script, img, svg, iframe, object, embed, link, style, meta[http-equiv], base, form')]
    .filter(e => !(e.matches('script[src="/static/app.js"], link[href="/static/app.css"]')
        || e.id === 'history-chart' || (e.matches('form') && e.getAttribute('action')
            && e.getAttribute('action').startsWith('/'))
        || (e.matches('meta[http-equiv]') && e.getAttribute('http-equiv')
            === 'Content-Security-Policy') || (e.matches('style') && e.closest('head'))))
    .map(e => e.outerHTML.slice(0, 120))"""


def _hostile_site(root: Path) -> Path:
    payload = " ".join(PAYLOADS)
    evil = "/ita/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E.html"
    return write_site(
        root,
        {
            "index.html": (
                f"<html><head><meta charset='utf-8'><title>อบต. {payload}</title></head><body>"
                f"<h1>ข้อมูลผู้บริหาร {payload}</h1>"
                f"<a href='{evil}'>โครงสร้าง {payload}</a>"
                f"<a href='javascript:{PWN}'>แผนการดำเนินงาน</a>"
                f"<a href='/ita/o1.html'>ITA {payload}</a></body></html>"
            ),
            "ita/o1.html": f"<html><body><h1>o1 โครงสร้าง {payload}</h1></body></html>",
        },
    )


def test_a_hostile_site_runs_no_script_in_any_page(
    browser: Any, serve: Serve, tmp_path: Path
) -> None:
    evil_report = hostile_report()  # every field taken from pages is a payload
    evil_report.site = "http://127.0.0.9/" + PAYLOADS[2]
    History(serve.data / "history.sqlite3").add(evil_report)
    with (
        FixtureServer(_hostile_site(tmp_path / "evil")) as site,
        httpx.Client(base_url=serve.url, timeout=30) as client,
    ):
        # What a person types may be hostile too (no spaces: a site address has none).
        typed = site.url + '?q="><script>window.__pwned=1</script><img/src=x/onerror=alert(1)>'

        quoted = site.url + '?a="/onfocus="window.__pwned=1"/autofocus/x="'
        ids = [client.post("/api/scans", json={"url": u}).json()["id"] for u in (typed, quoted)]
        runs = [wait_job(client, i)["run_id"] for i in ids]
        assert None not in runs
        hostile_run = client.get("/api/runs").json()
        evil_site = next(r for r in hostile_run if r["site"] == evil_report.site)
        paths = [
            "/",
            "/history",
            f"/history?site={typed}",
            f"/history?site={evil_site['site']}",
            f"/jobs/{ids[0]}",
            f"/jobs/{ids[1]}",
            f"/history?site={quoted}",
            f"/runs/{runs[0]}/report.html",
            f"/runs/{evil_site['id']}/report.html",
            f"/diff?a={runs[0]}&b={runs[1]}",
            f"/diff?a={evil_site['id']}&b={runs[1]}",
            "/audits",
        ]
        page, watch = _page(browser, serve)
        try:
            for path in paths:
                page.goto(serve.url + path, wait_until="load")
                page.wait_for_timeout(150)
                assert page.evaluate("() => window.__pwned") is None, path
                handlers = page.evaluate(
                    """() => [...document.querySelectorAll('*')].some(e => [...e.attributes]
                        .some(a => a.name.toLowerCase().startsWith('on')))"""
                )
                assert handlers is False, path
                active = page.evaluate(_ACTIVE)
                assert active == [], (path, active)
                links = page.evaluate(
                    "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
                )
                assert all(href.startswith(("http://", "https://")) for href in links), path
        finally:
            page.context.close()
        assert watch.foreign == [] and watch.dialogs == []
