"""Builders for assessment tests: real Documents from real Thai HTML/text, sites, candidates.

HTML goes through the extraction stage's ``extract_html`` when it exists; until then the page
is read here with selectolax and the project's own link finder, normaliser and date reader, so
the documents carry the same fields the pipeline fills (text, links, images, dates, period);
forms are read by the extractor itself (``extract_html``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from oit_checker.assess import SiteEvidence
from oit_checker.extract.content_images import page_images
from oit_checker.extract.html import extract_html
from oit_checker.extract.links import extract_links
from oit_checker.models import (
    Candidate,
    DocKind,
    Document,
    ExternalLink,
    FetchError,
    Image,
    Link,
    LinkCategory,
    Resource,
    Signal,
    SignalKind,
)
from oit_checker.rules.loader import load_pack
from oit_checker.rules.schema import Pack
from oit_checker.thai.dates import document_dates, find_dates
from oit_checker.thai.text import normalize

RULES = Path(__file__).resolve().parents[2] / "rules"
SITE = "https://www.example-sao.go.th/"
FETCHED = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)


def pack(year: int) -> Pack:
    return load_pack(RULES / f"nacc-{year}.yaml")


def has_pack(year: int) -> bool:
    return (RULES / f"nacc-{year}.yaml").is_file()


def url(path: str) -> str:
    return SITE + path.lstrip("/")


def html_doc(html: str, page: str) -> Document:
    """A Document read from an HTML string."""
    try:
        from oit_checker.extract import extract_html  # type: ignore[attr-defined]
    except ImportError:
        return _read_html(html, page)
    doc: Document = extract_html(html, page)
    return doc


def page(path: str, title: str, body: str) -> Document:
    """An agency page: a real HTML document with a menu, read like the pipeline reads it."""
    html = (
        f"<html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">หน้าหลัก</a> <a href="/ita">ITA</a></nav>'
        f"<main><h1>{title}</h1>{body}</main></body></html>"
    )
    return html_doc(html, url(path))


def file_doc(
    path: str,
    text: str,
    *,
    kind: DocKind = DocKind.PDF,
    title: str = "",
    ocr: bool = False,
    review_reason: str | None = None,
    images: int = 0,
) -> Document:
    """A Document as the extraction stage makes it from a PDF/DOCX/XLSX: text and dates."""
    body = normalize(text)
    period, issued = document_dates(title, body)
    return Document(
        url=path if path.startswith("http") else url(path),
        kind=kind,
        title=normalize(title),
        text=body,
        dates=find_dates(body),
        period=period,
        issued=issued,
        ocr_used=ocr,
        review_reason=review_reason,
        images=[Image(src=f"img{i}.jpg") for i in range(images)],
        sha256=sha256(body.encode()).hexdigest(),
        fetched_at=FETCHED,
    )


def _read_html(html: str, page_url: str) -> Document:
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = normalize(title_node.text(strip=True)) if title_node else ""
    for node in tree.css("script, style"):
        node.decompose()
    body = tree.body
    text = normalize(body.text(separator="\n", strip=True)) if body is not None else ""
    images = page_images(tree, page_url)
    period, issued = document_dates(title, text)
    return Document(
        url=page_url,
        kind=DocKind.HTML,
        title=title,
        text=text,
        headings=[normalize(h.text(strip=True)) for h in tree.css("h1, h2, h3")],
        links=extract_links(LexborHTMLParser(html), page_url),
        images=images,
        forms=extract_html(html, page_url).forms,
        dates=find_dates(text),
        period=period,
        issued=issued,
        sha256=sha256(html.encode()).hexdigest(),
        fetched_at=FETCHED,
    )


def ok(doc: Document) -> Resource:
    return Resource(
        url=doc.url,
        final_url=doc.url,
        status=200,
        content_type="text/html" if doc.kind is DocKind.HTML else "application/pdf",
        sha256=doc.sha256,
        fetched_at=FETCHED,
    )


def failed(target: str, error: FetchError | None = None, status: int | None = None) -> Resource:
    return Resource(
        url=target,
        status=status,
        error=error if error is not None else (FetchError.HTTP_STATUS if status else None),
        error_detail="max_pages" if error is FetchError.NOT_FETCHED else None,
    )


def site(
    docs: Iterable[Document] = (),
    *,
    resources: Iterable[Resource] = (),
    external: Iterable[ExternalLink] = (),
    reachable: bool = True,
    partial: bool = False,
    agency_type: str | None = None,
) -> SiteEvidence:
    """A site whose documents link to each other as their links say."""
    documents = {d.url: d for d in docs}
    res = {d.url: ok(d) for d in documents.values()}
    res.update({r.url: r for r in resources})
    inbound: dict[str, list[tuple[str, Link]]] = {}
    for d in documents.values():
        for link in d.links:
            if link.url:
                inbound.setdefault(link.url, []).append((d.url, link))
    return SiteEvidence(
        site=SITE,
        documents=documents,
        resources=res,
        inbound=inbound,
        external_links=list(external),
        site_findings=[],
        reachable=reachable,
        partial=partial,
        soft_404=False,
        agency_type=agency_type,
    )


def cand(
    item_id: str,
    target: str,
    score: float = 0.9,
    *,
    hub: str | None = None,
    signals: Iterable[Signal] = (),
) -> Candidate:
    sigs = list(signals) or [Signal(kind=SignalKind.HUB_LABEL, detail=item_id, weight=1.0)]
    return Candidate(item_id=item_id, url=target, score=score, signals=sigs, via_hub=hub)


def external(target: str, text: str, category: LinkCategory, found_on: str = SITE) -> ExternalLink:
    from urllib.parse import urlsplit

    return ExternalLink(
        url=target,
        text=text,
        found_on=found_on,
        host=urlsplit(target).hostname or "",
        category=category,
    )
