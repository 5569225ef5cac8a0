"""Reading the content images of item pages by OCR, after the crawl (the ``image_text`` path).

Small agencies post their organisation chart, their executive board and their announcements as
pictures inside a page (an ``<img>`` in a post, often an inline ``data:`` URI). The crawler
follows links, not ``<img>``; this step fetches and reads the images that matter, with the cost
bounded: only the main-content images (``Image.main``) of pages that are candidates for an item,
best candidates first, at most ``ExtractLimits.max_images_per_page`` per page and
``max_page_images`` per site. Fetching goes through the crawler itself (``only_urls``), so
politeness, robots.txt, size limits and the redirect guard hold for images too; reading goes
through :func:`oit_checker.extract.extract` like every other document.

The assessment finds an image's Document under :func:`oit_checker.extract.image.image_doc_url`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from oit_checker.crawl import CrawlConfig, Crawler
from oit_checker.crawl.urls import url_key
from oit_checker.extract import ExtractLimits, extract
from oit_checker.extract.image import decode_data_uri, image_doc_url, is_data_uri
from oit_checker.models import Candidate, DocKind, Document, Image, Resource

_PAGES_PER_ITEM = 5
"""Candidate pages of one item whose images are read (the best-scored ones)."""
_FETCH_SECONDS = 300.0

Reader = Callable[[Resource], Awaitable[Document | None]]
"""Reads a fetched image (in the worker pool: OCR never runs on the event loop)."""
Keep = Callable[[Iterable[str], Document, Resource], None]
"""Files a Document under keys (``DocumentStore.add`` of the scan)."""


def pages_to_read(candidates: Mapping[str, Sequence[Candidate]]) -> list[str]:
    """Candidate page URLs, the best of every item first, then every item's second best …"""
    ranked = [
        list(dict.fromkeys(c.url for c in sorted(cands, key=lambda c: -c.score)))[:_PAGES_PER_ITEM]
        for cands in candidates.values()
    ]
    order: list[str] = []
    for rank in range(_PAGES_PER_ITEM):
        for urls in ranked:
            if rank < len(urls) and urls[rank] not in order:
                order.append(urls[rank])
    return order


def content_images(
    pages: Iterable[str], documents: Mapping[str, Document], limits: ExtractLimits
) -> tuple[list[tuple[str, Image]], list[tuple[str, Image]]]:
    """(to read, over the caps): (page URL, image) of the main-content images of ``pages``
    within the per-page and per-site caps, and those beyond them. Images already read (linked
    as files, or on an earlier page) are not repeated."""
    chosen: list[tuple[str, Image]] = []
    over: list[tuple[str, Image]] = []
    seen: set[str] = set()
    for page in pages:
        doc = documents.get(url_key(page))
        if doc is None or doc.kind is not DocKind.HTML:
            continue
        taken = 0
        for image in doc.images:
            if not image.main:
                continue
            key = image_doc_url(doc.url, image.src)
            if key in seen or (not is_data_uri(image.src) and url_key(key) in documents):
                continue
            seen.add(key)
            if taken >= limits.max_images_per_page or len(chosen) >= limits.max_page_images:
                over.append((doc.url, image))
                continue
            chosen.append((doc.url, image))
            taken += 1
    return chosen, over


async def read_page_images(
    config: CrawlConfig,
    limits: ExtractLimits,
    pages: Iterable[str],
    documents: Mapping[str, Document],
    resources: list[Resource],
    read: Reader,
    keep: Keep,
    allowed: Callable[[str], bool] | None = None,
) -> int:
    """Fetch and read the content images of ``pages``; their Documents go into ``documents``
    and the fetched images' Resources are appended to ``resources`` (a dead image is known).
    ``allowed`` may refuse image URLs (never fetched). Returns the number of images read."""
    chosen, over = content_images(pages, documents, limits)
    for page, image in over:  # said so, so that an item resting on them is review
        key = image_doc_url(page, image.src)
        doc = Document(url=key, kind=DocKind.IMAGE, review_reason="image_over_cap")
        keep([key], doc, Resource(url=key))
    count = 0
    remote: list[str] = []
    for page, image in chosen:
        if is_data_uri(image.src):
            count += _read_inline(page, image, limits, documents, resources, keep)
        elif allowed is None or allowed(image.src):
            remote.append(image.src)
    if remote:
        count += await _fetch_and_read(config, limits, remote, resources, read, keep)
    return count


def _read_inline(
    page: str,
    image: Image,
    limits: ExtractLimits,
    documents: Mapping[str, Document],
    resources: list[Resource],
    keep: Keep,
) -> int:
    key = image_doc_url(page, image.src)
    mime = image.src[5 : image.src.find(";") if ";" in image.src[:80] else 5].lower()
    body = decode_data_uri(image.src, limits.max_image_bytes)
    page_doc = documents.get(url_key(page))
    resource = Resource(
        url=key,
        final_url=key,
        status=200,
        content_type=mime or None,
        size=len(body or b""),
        sha256=hashlib.sha256(body).hexdigest() if body else None,
        fetched_at=page_doc.fetched_at if page_doc is not None else None,
    )
    if body is None:
        doc = Document(
            url=key,
            kind=DocKind.IMAGE,
            review_reason="image_too_large",
            warnings=["image_too_large"],
        )
    else:
        doc = extract(resource, body, limits=limits, dates=False)
        if doc.kind is not DocKind.IMAGE:
            return 0
    doc.url = key
    resources.append(resource)
    keep([key], doc, resource)
    return 1


async def _fetch_and_read(
    config: CrawlConfig,
    limits: ExtractLimits,
    urls: list[str],
    resources: list[Resource],
    read: Reader,
    keep: Keep,
) -> int:
    fetch = replace(
        config,
        only_urls=tuple(urls),
        soft404_probe=False,
        use_sitemaps=False,
        max_pages=len(urls),
        max_documents=len(urls),
        max_doc_bytes=min(config.max_doc_bytes, limits.max_image_bytes),
        max_html_bytes=min(config.max_html_bytes, limits.max_image_bytes),
        max_wall_s=min(config.max_wall_s, _FETCH_SECONDS),
    )
    crawler = Crawler(fetch, on_page=lambda _r, _b, _t: [])  # fetch only, follow nothing
    result = await crawler.run()
    count = 0
    for resource in result.resources:
        resources.append(resource)
        if not resource.ok:
            continue
        doc = await read(resource)
        if doc is None or doc.kind is not DocKind.IMAGE:
            continue
        keys = {url_key(resource.url), url_key(resource.final_url or resource.url)}
        keep(keys, doc, resource)
        count += 1
    return count


__all__ = ["content_images", "pages_to_read", "read_page_images"]
