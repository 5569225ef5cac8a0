"""Crawling well-behaved fixture sites: scope, seeds, robots, dedupe, encodings, cache."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

from oit_checker.crawl import Crawler, CrawlProgress
from oit_checker.fixture_server import FixtureServer
from oit_checker.models import FetchError, LinkCategory, Resource
from tests.support.servers import PDF, by_path, crawl, fast_config, page, write_site


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "index.html": page(
                "หน้าแรก",
                ("/ita/", "ITA คุณธรรมและความโปร่งใส"),
                ("/news.html#top", "ข่าว"),
                ("https://www.facebook.com/abc.go.th", "Facebook อบต."),
                ("https://drive.google.com/file/d/123/view", "o10 แผนปฏิบัติการ"),
                ("https://process3.gprocurement.go.th/egp", "e-GP"),
                ("mailto:saraban@abc.go.th", "อีเมล"),
                ("#", "placeholder"),
            ),
            "ita/index.html": page("ITA", ("ข้อมูล.pdf", "o1 โครงสร้าง"), ("/private/x.html", "ลับ")),
            "ita/ข้อมูล.pdf": PDF,
            "news.html": page(
                "ข่าว",
                ("/ita/%e0%b8%82%e0%b9%89%e0%b8%ad%e0%b8%a1%e0%b8%b9%e0%b8%a5.pdf", "ซ้ำ"),
                ("/ita/#o1", "ITA again"),
            ),
            "private/x.html": page("ลับ"),
            "robots.txt": "User-agent: *\nDisallow: /private/\n",
        },
    )


def test_scope_external_links_dedupe_and_robots(tmp_path: Path) -> None:
    with FixtureServer(_site(tmp_path)) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "cache"))
        pdf_hits = srv.hits("/ita/ข้อมูล.pdf")
        private_hits = srv.hits("/private/x.html")
    res = by_path(result)
    assert result.reachable and not result.partial
    assert result.start_url == srv.url
    assert res["/"].ok and res["/ita/"].ok and res["/news.html"].ok
    assert res["/ita/ข้อมูล.pdf"].ok and res["/ita/ข้อมูล.pdf"].sha256
    assert pdf_hits == 1  # two spellings, one request
    assert res["/private/x.html"].error == FetchError.ROBOTS_DISALLOWED
    assert private_hits == 0
    drive = [r for r in result.resources if "drive.google.com" in r.url]
    assert len(drive) == 1 and drive[0].error == FetchError.OUT_OF_SCOPE
    ext = {e.host: e for e in result.external_links}
    assert ext["www.facebook.com"].category == LinkCategory.SOCIAL
    assert ext["www.facebook.com"].text == "Facebook อบต."
    assert ext["drive.google.com"].category == LinkCategory.FILE_HOST
    assert ext["process3.gprocurement.go.th"].category == LinkCategory.PROCUREMENT
    assert all("facebook" not in r.url for r in result.resources)
    assert result.stats.pages_fetched == 3 and result.stats.documents_fetched == 1
    assert len(repr(result)) < 300  # asyncio.run repr()s it; a full repr costs memory at scale
    assert result.links[srv.url][0].text == "ITA คุณธรรมและความโปร่งใส"
    body = Path(res["/ita/ข้อมูล.pdf"].body_path or "").read_bytes()
    assert body == PDF


def test_focused_order_puts_ita_first(tmp_path: Path) -> None:
    news = [(f"/news/{i}.html", f"ข่าวประชาสัมพันธ์ {i}") for i in range(20)]
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *news, ("/ita.html", "ITA")),
            "ita.html": page("ITA", ("/o1.pdf", "o1 โครงสร้าง")),
            "o1.pdf": PDF,
            **{f"news/{i}.html": page(f"ข่าว {i}") for i in range(20)},
        },
    )
    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c", max_pages=3, global_concurrency=1))
    res = by_path(result)
    assert res["/ita.html"].ok and res["/o1.pdf"].ok
    assert "max_pages" in result.stats.limits_hit and result.partial
    left = [r for r in result.resources if r.error == FetchError.NOT_FETCHED]
    assert len(left) == 19 and all(r.error_detail == "max_pages" for r in left)
    assert result.stats.queued_left == 19
    assert any(f.code == "crawl_limit" for f in result.site_findings)


def test_sitemaps_robots_line_index_and_gzip(tmp_path: Path) -> None:
    urlset = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>{base}{path}</loc></url></urlset>"
    )
    root = tmp_path / "site"
    write_site(
        root,
        {
            "index.html": page("หน้าแรก"),
            "orphan-a.html": page("a"),
            "orphan-b.html": page("b"),
            "orphan-c.html": page("c"),
        },
    )
    with FixtureServer(root) as srv:
        base = srv.url.rstrip("/")
        (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {base}/maps/index.xml\n")
        (root / "maps").mkdir()
        (root / "maps/index.xml").write_text(
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/maps/a.xml.gz</loc></sitemap></sitemapindex>"
        )
        (root / "maps/a.xml.gz").write_bytes(
            gzip.compress(urlset.format(base=base, path="/orphan-a.html").encode())
        )
        (root / "sitemap.xml").write_text(urlset.format(base=base, path="/orphan-b.html"))
        result = crawl(fast_config(srv.url, tmp_path / "c"))
    res = by_path(result)
    assert res["/orphan-a.html"].ok  # robots Sitemap: → index → .xml.gz
    assert res["/orphan-b.html"].ok  # /sitemap.xml
    assert "/orphan-c.html" not in res  # linked from nowhere
    assert res["/orphan-a.html"].referrer is not None


def test_crawl_delay_from_robots(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", *[(f"/p{i}.html", f"p{i}") for i in range(3)]),
            **{f"p{i}.html": page(f"p{i}") for i in range(3)},
            "robots.txt": "User-agent: *\nCrawl-delay: 0.3\n",
        },
    )
    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c", per_host_concurrency=2))
        starts = [t for t, _m, path, _h in srv.request_log if path.endswith(".html") or path == "/"]
    assert result.stats.pages_fetched == 4
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.27, gaps


def test_off_host_document_fetched_drive_not(tmp_path: Path) -> None:
    other = write_site(tmp_path / "other", {"files/plan.pdf": PDF, "page.html": page("x")})
    with FixtureServer(other) as files:
        doc = files.url_for("files/plan.pdf", host="localhost")
        html = files.url_for("page.html", host="localhost")
        root = write_site(
            tmp_path / "site",
            {
                "index.html": page(
                    "หน้าแรก",
                    (doc, "แผนดำเนินงาน"),
                    (html, "เว็บอื่น"),
                    ("https://docs.google.com/document/d/abc/export?format=pdf", "o5"),
                )
            },
        )
        with FixtureServer(root) as srv:
            result = crawl(fast_config(srv.url, tmp_path / "c"))
        doc_hits, page_hits = files.hits("/files/plan.pdf"), files.hits("/page.html")
    urls = {r.url: r for r in result.resources}
    assert urls[doc].ok and urls[doc].sha256
    assert doc_hits == 1 and page_hits == 0
    assert html not in urls
    assert any(e.url == html and e.text == "เว็บอื่น" for e in result.external_links)
    gdoc = [r for r in result.resources if "docs.google.com" in r.url]
    assert gdoc and gdoc[0].error == FetchError.OUT_OF_SCOPE


def test_tis620_page_decoded(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", ("/tis.html", "ข้อมูล")),
            "tis.html": page("คุณธรรมและความโปร่งใส", ("/ita.html", "เปิดเผยข้อมูลสาธารณะ")),
            "nohdr.html": page("ประกาศเจตนารมณ์ ต่อต้านการทุจริต"),
            "ita.html": page("ita", ("/nohdr.html", "ประกาศ")),
        },
        {
            "charset": {
                "/tis.html": "tis-620",
                "/nohdr.html": {"encoding": "cp874", "header": False},
            }
        },
    )
    seen: dict[str, str | None] = {}

    def on_page(resource: Resource, body: bytes, text: str | None) -> None:
        seen[resource.url.rsplit("/", 1)[-1]] = text

    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c"), on_page=on_page)
    res = by_path(result)
    assert res["/tis.html"].encoding == "cp874"
    assert "คุณธรรมและความโปร่งใส" in (seen["tis.html"] or "")
    assert "ประกาศเจตนารมณ์ ต่อต้านการทุจริต" in (seen["nohdr.html"] or "")
    assert res["/ita.html"].anchor_text == "เปิดเผยข้อมูลสาธารณะ"


def test_soft_404_detected_and_marked(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", ("/ita/o1.html", "o1"), ("/real.html", "จริง")),
            "real.html": page("จริง"),
        },
        {"soft_404": True},
    )
    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c"))
    res = by_path(result)
    assert result.soft_404 and result.stats.soft_404
    assert any(f.code == "soft_404" for f in result.site_findings)
    assert res["/ita/o1.html"].status == 200 and res["/ita/o1.html"].error_detail == "soft_404"
    assert res["/real.html"].error_detail is None
    assert all("oit-checker-probe" not in r.url for r in result.resources)


def test_no_soft_404_on_honest_site(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"index.html": page("หน้าแรก")})
    with FixtureServer(root) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c"))
        assert srv.total_hits >= 3  # robots, start, probe (+ sitemap)
    assert not result.soft_404 and not result.site_findings


def test_cache_revalidation_second_run(tmp_path: Path) -> None:
    big = PDF + b"0" * 200_000
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/doc.pdf", "แผน")), "doc.pdf": big},
    )
    cache = tmp_path / "cache"
    with FixtureServer(root) as srv:
        first = crawl(fast_config(srv.url, cache, soft404_probe=False))
        sent_first = srv.bytes_sent
        second = crawl(fast_config(srv.url, cache, soft404_probe=False))
        sent_second = srv.bytes_sent - sent_first
        assert srv.hits("/doc.pdf") == 2
    doc1, doc2 = by_path(first)["/doc.pdf"], by_path(second)["/doc.pdf"]
    assert not doc1.from_cache and doc2.from_cache and doc2.ok
    assert doc2.sha256 == doc1.sha256 and doc2.size == len(big)
    assert Path(doc2.body_path or "").read_bytes() == big
    assert first.stats.bytes_fetched >= len(big)
    assert second.stats.bytes_fetched == 0 and second.stats.from_cache == 2
    assert sent_second < 1000  # robots/sitemap 404s only; no body re-download


def test_progress_and_on_page_links(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/a.html", "a")), "a.html": page("a"), "b.html": page("b")},
    )
    events: list[CrawlProgress] = []
    from oit_checker.models import Link

    def on_page(resource: Resource, body: bytes, text: str | None) -> list[Link]:
        # The pipeline hands back its own links: the crawler must follow those, not its own.
        return [Link(url=resource.url.rsplit("/", 1)[0] + "/b.html", text="b")]

    with FixtureServer(root) as srv:
        result = asyncio_run(
            Crawler(fast_config(srv.url, tmp_path / "c"), on_page=on_page, progress=events.append)
        )
    res = by_path(result)
    assert "/b.html" in res and "/a.html" not in res
    assert events and events[-1].fetched == 2 and events[-1].errors == 0


def asyncio_run(crawler: Crawler):  # type: ignore[no-untyped-def]
    import asyncio

    return asyncio.run(crawler.run())


def test_audit_mode_fetches_only_given_urls_and_their_documents(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก", ("/x.html", "x")),
            "o1.html": page("o1", ("/o1.pdf", "ไฟล์"), ("/other.html", "หน้าอื่น")),
            "o1.pdf": PDF,
            "other.html": page("other"),
            "x.html": page("x"),
        },
    )
    with FixtureServer(root) as srv:
        cfg = fast_config(srv.url, tmp_path / "c", only_urls=(srv.url + "o1.html",))
        result = crawl(cfg)
    res = by_path(result)
    assert set(res) == {"/o1.html", "/o1.pdf"}
    assert result.reachable and res["/o1.pdf"].depth == 1
