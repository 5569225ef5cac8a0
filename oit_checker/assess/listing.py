"""Lists that go on: the posts of a list page, its further pages, and the files behind each post.

Agencies post a monthly summary as one news post per month: the ITA row links a CMS list, each
row of the list opens a post, and the post holds the month's PDF behind a button — two hops
from the list. Lists are paginated (``?page=2``, ``/page/2``, ``หน้าถัดไป``, ``»``, numbered
pager links) or cut short with ``ดูทั้งหมด``. From a list page that is an item's evidence, the
assessment reads what an assessor would open: the list's further pages (as fetched), the posts
of a dated series on them (rows whose titles differ only by their month, quarter or year), and
the files each post links. Everything stays within what the crawl fetched, and within
:data:`MAX_LIST_PAGES` / :data:`MAX_POSTS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from oit_checker.assess.site import SiteEvidence, is_placeholder, same_site
from oit_checker.crawl.pager import is_pager, is_view_all
from oit_checker.crawl.urls import looks_like_document, url_key
from oit_checker.match.hub import is_button, strip_button
from oit_checker.models import DateMention, DateRole, DocKind, Document, Link
from oit_checker.thai.dates import find_dates, month_names
from oit_checker.thai.text import fold

MAX_LIST_PAGES = 12
"""Pages of one list read (the page itself and its continuation pages)."""
MAX_POSTS = 36
"""Posts of a dated series opened from one list (three years of monthly posts)."""
MAX_POST_FILES = 6
"""Files read from one post (a PDF, its Excel twin, an annex or two)."""
SERIES_MIN = 2


def list_documents(doc: Document | None, site: SiteEvidence, *, rows: bool = False) -> list[str]:
    """URLs behind a list page, in the order an assessor opens them: the files its further
    pages link, then each post of a dated series and the files the post links. ``rows``: the
    page itself holds no evidence, so every post it lists is opened (a CMS list of one or two
    posts, ``Pages/<slug>_detail/<id>``). Empty for a page that is no such list (and a file)."""
    if doc is None or doc.kind is not DocKind.HTML:
        return []
    pages = _list_pages(doc, site)
    out: list[str] = []
    for page in pages[1:]:
        out.extend(_files(page, site))
    posts = _series_posts(pages, site)
    if rows:
        posts = list(dict.fromkeys([*posts, *_row_posts(pages, site)]))
    for post in posts[:MAX_POSTS]:
        out.append(post)
        target = site.document(post)
        if target is not None and target.kind is DocKind.HTML:
            out.extend(_files(target, site)[:MAX_POST_FILES])
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- pages


def _list_pages(doc: Document, site: SiteEvidence) -> list[Document]:
    """The page and the continuation pages the crawl fetched, breadth first."""
    pages = [doc]
    seen = {url_key(doc.url)}
    i = 0
    while i < len(pages) and len(pages) < MAX_LIST_PAGES:
        for link in _pager_links(pages[i], site):
            key = url_key(link.url)
            if key in seen:
                continue
            seen.add(key)
            target = site.document(link.url)
            if target is not None and target.kind is DocKind.HTML:
                pages.append(target)
                if len(pages) >= MAX_LIST_PAGES:
                    break
        i += 1
    return pages


def _pager_links(page: Document, site: SiteEvidence) -> Iterator[Link]:
    for link in page.links:
        if is_placeholder(link.url) or not same_site(link.url, site):
            continue
        if looks_like_document(link.url):
            continue
        if (is_view_all(link.text) and not link.nav) or is_pager(page.url, link.url, link.text):
            yield link


# --------------------------------------------------------------------------- posts


def _series_posts(pages: list[Document], site: SiteEvidence) -> list[str]:
    """Posts whose titles form a dated series: the same words around a different month,
    quarter or year (``สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน…``), in list order."""
    by_template: dict[str, list[tuple[str, str]]] = {}
    page_keys = {url_key(p.url) for p in pages}
    for page in pages:
        for link in page.links:
            if link.nav or is_placeholder(link.url) or not same_site(link.url, site):
                continue
            if looks_like_document(link.url) or url_key(link.url) in page_keys:
                continue
            title = _title(link)
            if not title:
                continue
            template, when = _template(title)
            if when:
                by_template.setdefault(template, []).append((url_key(link.url), when))
    out: list[str] = []
    for rows in by_template.values():
        if len({when for _url, when in rows}) >= SERIES_MIN:
            out.extend(url for url, _when in rows)
    return list(dict.fromkeys(out))


_POST_URL = re.compile(r"(?:/|=)\d{1,9}(?:/?$|&|/)|/\d{1,9}\.(?:html?|php|aspx?)$", re.IGNORECASE)
"""A post's address carries its number: ``/Pages/guide_work_detail/2``, ``detail.php?id=101``,
``/news/12345.html``."""


def _row_posts(pages: list[Document], site: SiteEvidence) -> list[str]:
    """The posts a list shows in its content: numbered pages it links outside its menus."""
    navigation = site.navigation()
    page_keys = {url_key(p.url) for p in pages}
    out: list[str] = []
    for page in pages:
        for link in page.links:
            if link.nav or (link.url, link.text) in navigation or is_placeholder(link.url):
                continue
            if not same_site(link.url, site) or looks_like_document(link.url):
                continue
            key = url_key(link.url)
            if key in page_keys or is_pager(page.url, link.url, link.text):
                continue
            parts = urlsplit(link.url)
            if _POST_URL.search(parts.path + ("?" + parts.query if parts.query else "")):
                out.append(key)
    return list(dict.fromkeys(out))


def _title(link: Link) -> str:
    if not is_button(link.text):
        return link.text
    return strip_button(link.context, link.text) if link.context else ""


def _spans(m: DateMention) -> bool:
    return m.start is not None and m.end is not None and m.start != m.end


def _template(title: str) -> tuple[str, str]:
    """(the title with its dates cut out, the dates): ``("สรุปผลประจำเดือน#", "ต.ค. 2567")``."""
    found = find_dates(title)
    # A day is when a post was signed; a month, quarter or year is what it covers.
    written = [m.source for m in found if m.role is not DateRole.ISSUED and _spans(m)]
    if not found:  # "… เดือนตุลาคม" under a year heading: the month alone dates the post
        written = [name for name, _month in month_names(title)]
    template = title
    if not written:
        return "", ""
    for part in written:
        template = template.replace(part, "#", 1)
    folded = re.sub(r"\s+", "", fold(template))
    return folded, "|".join(written)


def _files(page: Document, site: SiteEvidence) -> list[str]:
    """Files a page links in its content (not its menus)."""
    out: list[str] = []
    for link in page.links:
        if link.nav or is_placeholder(link.url):
            continue
        if not same_site(link.url, site) and site.document(link.url) is None:
            continue
        target = site.document(link.url)
        is_file = (target is not None and target.kind is not DocKind.HTML) or looks_like_document(
            link.url
        )
        if is_file:
            out.append(link.url)
    return list(dict.fromkeys(out))


__all__ = ["MAX_LIST_PAGES", "MAX_POSTS", "list_documents"]
