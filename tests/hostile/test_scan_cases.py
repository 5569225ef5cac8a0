"""Hostile sites on 127.0.0.1 (issue 15, point 8): no crash, no false fail, an honest exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.fixture_server import Fault, FixtureServer
from oit_checker.models import FetchError
from tests.cli.test_scan_command import run as cli
from tests.support.servers import by_path, crawl, fast_config, page, write_site

NON_WEB = [
    "javascript:alert(1)",
    "mailto:saraban@example.go.th",
    "data:text/html,x",
    "tel:043123456",
    "about:blank",
]


@pytest.mark.parametrize("location", NON_WEB)
def test_redirect_to_a_non_web_address_is_a_finding_not_a_crash(
    tmp_path: Path, location: str
) -> None:
    """httpx raised InvalidURL (not an HTTPError) while building the redirect it was not asked
    to follow, and the whole scan died with a traceback."""
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก", ("/moved", "ย้าย"))})
    with FixtureServer(root) as srv:
        srv.route("/moved", Fault(status=302, redirect_to=location))
        result = crawl(fast_config(srv.url, tmp_path / "c", soft404_probe=False, retries=0))
    moved = by_path(result)["/moved"]
    assert moved.error is FetchError.OUT_OF_SCOPE
    assert moved.error_detail == "redirects to an address that is not a web page"


def _site_that_dies_after_its_start_page(tmp_path: Path) -> Path:
    links = [(f"/p{i}.html", f"หน้า {i}") for i in range(12)]
    return write_site(tmp_path / "site", {"index.html": page("หน้าแรก", *links)})


def test_crawl_stopped_by_failures_after_the_start_page_exits_3(tmp_path: Path) -> None:
    """The start page answered, then every page failed and the breaker opened: every item is
    not_checked and there is no score. That exited 0 ("nothing to report")."""
    root = _site_that_dies_after_its_start_page(tmp_path)
    with FixtureServer(root) as srv:
        for i in range(12):
            srv.route(f"/p{i}.html", Fault(status=500))
        out = cli(
            "scan",
            srv.url,
            "--year",
            "2567",
            "--interval",
            "0",
            "--no-ocr",
            "--no-history",
            "--timeout",
            "2",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--output",
            str(tmp_path / "out"),
            "--format",
            "json",
            cwd=tmp_path,
        )
    assert out.returncode == 3, out.stdout + out.stderr
    assert "could not assess" in out.stderr
    assert "Traceback" not in out.stderr


def test_audit_of_one_404_url_on_a_live_site_is_a_dead_link(tmp_path: Path) -> None:
    """The one submitted URL answered 404 while the start page answered 200: the report said
    the whole site could not be opened and exited 3; it is that URL's dead link."""
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก อบต.ทดสอบ")})
    with FixtureServer(root) as srv:
        sub = tmp_path / "submission.csv"
        sub.write_text(f"item,url\no1,{srv.url}ita/structure.html\n", "utf-8")
        out = cli(
            "audit",
            str(sub),
            "--site",
            srv.url,
            "--year",
            "2567",
            "--allow-private",
            "--interval",
            "0",
            "--no-ocr",
            "--no-history",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--output",
            str(tmp_path / "out"),
            "--format",
            "json",
            cwd=tmp_path,
        )
    report = (tmp_path / "out" / "oit-report.json").read_text("utf-8")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "site_unreachable" not in report and "main_site_unread" not in report
    assert '"dead_link"' in report


def test_cut_short_body_is_not_checked_never_empty(tmp_path: Path) -> None:
    """Content-Length 10,000 and 300 bytes sent, then the connection closed: the page is
    ``reset`` (not checked), never an empty page."""
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก", ("/o1.html", "โครงสร้าง"))})
    with FixtureServer(root) as srv:
        srv.route(
            "/o1.html",
            Fault(status=200, body=page("โครงสร้าง")[:120], declared_length=10_000),
        )
        result = crawl(fast_config(srv.url, tmp_path / "c", soft404_probe=False, retries=1))
    cut = by_path(result)["/o1.html"]
    assert cut.error is FetchError.RESET and cut.body_path is None


@pytest.mark.parametrize(
    "text",
    ["not-a-url", "mailto:saraban@example.go.th", "ftp://x.go.th/", "http://127.0.0.1:99999/"],
)
def test_scan_of_something_that_is_no_web_address_is_a_usage_error(
    tmp_path: Path, text: str
) -> None:
    """These ended in a Python traceback; now one line in Thai and English, exit 2."""
    out = cli("scan", text, "--no-history", cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "ไม่ใช่ที่อยู่เว็บไซต์" in lines[0] and "not a web address" in lines[0]
    verbose = cli("scan", text, "--no-history", "--verbose", cwd=tmp_path)
    assert verbose.returncode == 2 and "Traceback" in verbose.stderr


def test_a_bare_host_name_means_https() -> None:
    from oit_checker.crawl.urls import web_address

    assert web_address("www.example-sao.go.th") == "https://www.example-sao.go.th"
    assert web_address(" example.go.th/ita ") == "https://example.go.th/ita"
    assert web_address("localhost:8080") == "https://localhost:8080"
    assert web_address("http://127.0.0.1:8080/") == "http://127.0.0.1:8080/"
