"""Sitemaps from strangers (issue 15, point 7): entity tricks refused, size bounded, a crawl
seeded by a hostile sitemap still ends with its pages."""

from __future__ import annotations

import gzip
from pathlib import Path

from oit_checker.crawl.sitemaps import MAX_ENTRIES, parse_sitemap
from oit_checker.fixture_server import Fault, FixtureServer
from tests.support.servers import by_path, crawl, fast_config, page, write_site

_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10)
    )
    + f']><urlset xmlns="{_NS}"><url><loc>http://127.0.0.1/&lol9;</loc></url></urlset>'
).encode()
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<urlset xmlns="{_NS}"><url><loc>http://127.0.0.1/&x;</loc></url></urlset>'
).encode()


def _urlset(count: int) -> bytes:
    rows = "".join(f"<url><loc>http://127.0.0.1/p/{i}.html</loc></url>" for i in range(count))
    return f'<?xml version="1.0"?><urlset xmlns="{_NS}">{rows}</urlset>'.encode()


def test_entity_tricks_are_refused_not_expanded() -> None:
    assert parse_sitemap(LAUGHS).refused and not parse_sitemap(LAUGHS).urls
    assert parse_sitemap(EXTERNAL).refused and not parse_sitemap(EXTERNAL).urls


def test_a_huge_sitemap_is_read_up_to_the_protocol_limit() -> None:
    """300,000 URLs (the protocol allows 50,000) became one tree and 300,000 seeds."""
    sitemap = parse_sitemap(gzip.compress(_urlset(300_000)))
    assert len(sitemap.urls) == MAX_ENTRIES
    assert sitemap.urls[0] == "http://127.0.0.1/p/0.html"


def test_cut_sitemap_keeps_what_was_read() -> None:
    body = _urlset(10)[:-200]
    assert 0 < len(parse_sitemap(body).urls) < 10


def test_crawl_with_a_laughing_sitemap_still_reads_the_site(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site", {"index.html": page("หน้าแรก", ("/a.html", "ก")), "a.html": page("ก")}
    )
    with FixtureServer(root) as srv:
        srv.route("/sitemap.xml", Fault(status=200, body=LAUGHS, content_type="application/xml"))
        result = crawl(fast_config(srv.url, tmp_path / "c", soft404_probe=False))
    assert by_path(result)["/a.html"].ok
