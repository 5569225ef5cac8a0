"""The HTML report in real headless Chromium: Thai renders with a Thai font, payloads stay inert,
and the file makes no network request at all.

The report is served from a loopback HTTP server; ``page.route`` sees every request the page
makes and lets through only the report itself.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from oit_checker.report import render
from tests.report.sample import PAYLOADS, PWN, hostile_report, sample_report
from tests.support.browser import platform_fonts, thai_font_families

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MONTHLY = "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"{CHROMIUM} is absent (Debian package chromium; scripts/install-system-deps.sh)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("served")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class _Watch:
    """Everything a page does that it must not: requests, dialogs, console output."""

    def __init__(self, page: Any, allowed: str) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: self.console.append(msg.text))
        page.route("**/*", partial(self._route, allowed))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, allowed: str, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == allowed:
            route.continue_()
        else:
            route.abort()


def _open(browser: Any, site: tuple[str, Path], name: str, html: str) -> tuple[Any, _Watch]:
    base, root = site
    (root / name).write_text(html, encoding="utf-8")
    url = f"{base}/{name}"
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    watch = _Watch(page, url)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # let onerror/onload handlers of any injected element fire
    return page, watch


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list is absent")
def test_thai_renders_with_a_thai_font(
    browser: Any, site: tuple[str, Path], tmp_path: Path
) -> None:
    html = render(sample_report(), "html")
    assert isinstance(html, str)
    page, watch = _open(browser, site, "thai.html", html)
    try:
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        assert (tmp_path / "report.png").stat().st_size > 10_000

        title = page.locator("#item-o16 h3")
        assert MONTHLY in title.inner_text()
        box = title.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 10

        # Every glyph of the Thai title is drawn by a font that covers Thai (no tofu boxes).
        fonts = platform_fonts(page, "#item-o16 h3")
        thai_fonts = thai_font_families()
        used = {f["familyName"] for f in fonts}
        assert used and used <= thai_fonts, (used, thai_fonts)
        assert sum(f["glyphCount"] for f in fonts) >= len(f"o16 {MONTHLY}") - 10

        # Combining vowels and tone marks take no width of their own when shaped correctly.
        widths = page.evaluate(
            """() => {
                const w = (t) => { const s = document.createElement('span');
                    s.textContent = t; document.body.appendChild(s);
                    const r = s.getBoundingClientRect().width; s.remove(); return r; };
                return [w('ก'), w('กี่'), w('กกกกกกกกกก')];
            }"""
        )
        single, marked, ten = widths
        assert single > 0 and abs(marked - single) < 0.25 * single
        assert ten > 9 * single

        # Printable: cards are not split across A4 pages.
        page.emulate_media(media="print")
        assert page.eval_on_selector(".card", "e => getComputedStyle(e).breakInside") == "avoid"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.close()
    assert watch.requests == [f"{site[0]}/thai.html"]
    assert watch.dialogs == [] and watch.console == []


def _assert_inert(page: Any, watch: _Watch, url: str) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert watch.dialogs == []
    assert watch.requests == [url], watch.requests
    has_handlers = page.evaluate(
        """() => [...document.querySelectorAll('*')].some(
            e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))"""
    )
    assert has_handlers is False
    script_links = page.evaluate(
        """() => [...document.querySelectorAll('a[href]')]
            .map(a => a.getAttribute('href'))
            .filter(h => !/^(https?:\\/\\/|#item-)/i.test(h))"""
    )
    assert script_links == []
    active = "script, img, svg, iframe, object, embed, link, meta[http-equiv=refresh], body style"
    assert page.evaluate("(sel) => document.querySelectorAll(sel).length", active) == 0


def test_payloads_in_page_text_never_run_or_load(browser: Any, site: tuple[str, Path]) -> None:
    html = render(hostile_report(), "html")
    assert isinstance(html, str)
    page, watch = _open(browser, site, "hostile.html", html)
    try:
        _assert_inert(page, watch, f"{site[0]}/hostile.html")
        assert PAYLOADS[0] in page.locator("body").inner_text()  # shown as text
    finally:
        page.close()


def test_payloads_stay_inert_even_without_the_csp(browser: Any, site: tuple[str, Path]) -> None:
    """Escaping alone must hold: the CSP is a second wall, not the only one."""
    html = render(hostile_report(), "html")
    assert isinstance(html, str)
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    stripped = html[:start] + html[html.index(">", start) + 1 :]
    assert "Content-Security-Policy" not in stripped
    page, watch = _open(browser, site, "hostile-nocsp.html", stripped)
    try:
        _assert_inert(page, watch, f"{site[0]}/hostile-nocsp.html")
    finally:
        page.close()


def test_the_watch_catches_an_unescaped_payload(browser: Any, site: tuple[str, Path]) -> None:
    """Control: the same payloads pasted raw do run and do request, so the checks above bite."""
    raw = (
        "<!DOCTYPE html><html><body>"
        f'<img src=x onerror="{PWN}">'
        "<link rel=stylesheet href=http://127.0.0.1:9/evil.css>"
        "<p>ข้อมูลผู้บริหาร</p></body></html>"
    )
    page, watch = _open(browser, site, "raw.html", raw)
    try:
        assert page.evaluate("() => window.__pwned") == 1
        assert "http://127.0.0.1:9/evil.css" in watch.requests
    finally:
        page.close()
