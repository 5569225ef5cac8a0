"""Per-URL judgements on real documents of the demo site: which item a URL's content belongs
to (the matcher), and where the URL sits relative to the main site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from oit_checker.assess import SiteEvidence
from oit_checker.audit.placement import content_scores, is_hub, url_note, wrong_item
from oit_checker.commands.scan import demo_site_dir
from oit_checker.crawl import normalize_url
from oit_checker.extract import ExtractLimits, extract
from oit_checker.match import Matcher
from oit_checker.models import Document, Link, Resource
from oit_checker.rules.loader import get_pack

SITE = "https://www.sao-demo.go.th/"
DOCS = demo_site_dir() / "ita" / "docs"
PACK = get_pack(year=2567)


def read(name: str) -> tuple[Resource, Document]:
    body = (DOCS / name).read_bytes()
    resource = Resource(
        url=f"{SITE}ita/docs/{name}",
        status=200,
        content_type="application/pdf",
        size=len(body),
        fetched_at=datetime.now(UTC),
    )
    return resource, extract(resource, body, limits=ExtractLimits(ocr=False))


def evidence(
    docs: list[tuple[Resource, Document]],
    inbound: dict[str, list[tuple[str, Link]]] | None = None,
) -> SiteEvidence:
    return SiteEvidence(
        site=SITE,
        documents={normalize_url(d.url): d for _r, d in docs},
        resources={normalize_url(r.url): r for r, _d in docs},
        inbound=inbound or {},
    )


def scores_of(docs: list[tuple[Resource, Document]]) -> dict[str, dict[str, float]]:
    matcher = Matcher(PACK)
    for _resource, doc in docs:
        matcher.add(doc)
    return content_scores(matcher.candidates())


@pytest.mark.parametrize(
    ("name", "item"),
    [
        ("o14-procurement-plan-2567.pdf", "o14"),
        ("o21-complaint-guide.pdf", "o21"),
        ("o30-anti-corruption-plan-2567.pdf", "o30"),
    ],
)
def test_a_document_submitted_for_another_item_is_named(name: str, item: str) -> None:
    docs = [read(name)]
    site, scores = evidence(docs), scores_of(docs)
    url = docs[0][0].url
    assert wrong_item(item, [url], site, scores, PACK) is None  # its own item: nothing to say
    assert wrong_item("o16", [url], site, scores, PACK) == (url, item)


def test_a_page_is_judged_with_the_files_it_links() -> None:
    pdf = read("o14-procurement-plan-2567.pdf")
    page = Document(
        url=f"{SITE}ita/o16.html",
        kind="html",
        title="ดาวน์โหลดเอกสาร",
        text="ดาวน์โหลดเอกสาร คลิกที่นี่",
        links=[Link(url=pdf[0].url, text="คลิกที่นี่")],
    )
    page_resource = Resource(url=page.url, status=200, content_type="text/html")
    docs = [(page_resource, page), pdf]
    assert wrong_item("o16", [page.url], evidence(docs), scores_of(docs), PACK) == (page.url, "o14")


def test_an_ita_index_page_is_never_another_items_evidence() -> None:
    body = (demo_site_dir() / "ita" / "index.html").read_bytes()
    resource = Resource(url=f"{SITE}ita/index.html", status=200, content_type="text/html")
    hub = (resource, extract(resource, body, text=body.decode("utf-8")))
    docs = [hub, read("o14-procurement-plan-2567.pdf"), read("o21-complaint-guide.pdf")]
    site, scores = evidence(docs), scores_of(docs)
    assert is_hub(resource.url, site, PACK)
    assert not is_hub(docs[1][0].url, site, PACK)
    for item in ("o01", "o05", "o16", "o33"):
        assert wrong_item(item, [resource.url], site, scores, PACK) is None


def test_url_notes_say_where_each_url_sits() -> None:
    pdf = read("o21-complaint-guide.pdf")
    drive = f"https://drive.example.com/{pdf[1].url.rsplit('/', 1)[1]}"
    off = (pdf[0].model_copy(update={"url": drive}), pdf[1].model_copy(update={"url": drive}))
    dead = Resource(url=f"{SITE}ita/docs/gone.pdf", status=404)
    hub = f"{SITE}ita/"
    site = evidence([pdf, off, (dead, pdf[1])], {drive: [(hub, Link(url=drive, text="o21"))]})
    on = url_note("o21", pdf[0].url, site, main_site_read=True, pages=3)
    assert on.code == "submitted_url_on_site" and "HTTP 200" in on.message_en
    assert on.url == pdf[0].url
    linked = url_note("o21", drive, site, main_site_read=True, pages=3)
    assert linked.code == "submitted_url_linked" and linked.params["page"] == hub
    unread = url_note("o21", drive, site, main_site_read=False, pages=0)
    assert unread.code == "submitted_url_unread_site"
    lonely = evidence([off])
    unlinked = url_note("o21", drive, lonely, main_site_read=True, pages=7)
    assert unlinked.code == "submitted_url_unlinked" and "7 pages" in unlinked.message_en
    gone = url_note("o21", dead.url, site, main_site_read=True, pages=3)
    assert "could not be opened (HTTP 404)" in gone.message_en
    never = url_note("o21", f"{SITE}never.pdf", site, main_site_read=True, pages=3)
    assert "not checked" in never.message_en
