"""A page that names a document is not the document (issue 13, class 4).

A news post titled ``คู่มือประชาชน`` whose only content is a download link, an image-only
download button, or a PDF viewer (``<object>``/``<embed>``/``<iframe>``, as the AS System CMS
shows its files) holds the manual only if the linked document opens and holds it. So when an
item page links or embeds documents in its content, what the page *itself* says is read without
its naming parts: the title, the headings and the texts of those links. The elements must then be
found in what is left, or in the documents; a dead document link is ``fail`` with ``dead_link``,
one that could not be fetched for a reason that is not the site's is ``not_checked``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from oit_checker.assess.recognize import Source
from oit_checker.assess.site import SiteEvidence, host_of, same_site
from oit_checker.crawl.urls import link_category
from oit_checker.models import DocKind, Link, LinkCategory

_FILE_PATH = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|csv|odt|ods|zip|rar)$", re.IGNORECASE)
_EMBED_TAGS = ("object", "embed", "iframe", "frame")
_FILE_KINDS = (DocKind.PDF, DocKind.DOCX, DocKind.DOC, DocKind.XLSX, DocKind.XLS, DocKind.CSV)
_MIN_PART = 3


def named_documents(source: Source, site: SiteEvidence) -> list[Link]:
    """The content links of an HTML source that lead to a document: a file by its name or by
    what it turned out to be, a PDF viewer's file, a file on a file host (Google Drive …)."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return []
    out: dict[str, Link] = {}
    for link in doc.links:
        if not link.url or link.nav or link.url in out:
            continue
        if link.url.startswith(("mailto:", "tel:")) or link.url.split("#", 1)[0] == doc.url:
            continue
        if _names_a_document(link, site):
            out[link.url] = link
    return list(out.values())


def _names_a_document(link: Link, site: SiteEvidence) -> bool:
    target = site.document(link.url)
    if target is not None:
        return target.kind in _FILE_KINDS
    path = unquote(urlsplit(link.url).path)
    if _FILE_PATH.search(path):
        return True
    if link.tag.split("_", 1)[0] in _EMBED_TAGS and same_site(link.url, site):
        return site.resource(link.url) is not None  # a viewer whose file could not be read
    return link_category(host_of(link.url)) is LinkCategory.FILE_HOST


def without_naming(source: Source, named: list[Link]) -> Source:
    """The source with its title, headings and the texts of the links in ``named`` taken out:
    what the page says besides naming its documents."""
    doc = source.doc
    if doc is None:
        return source
    parts = [doc.title, *doc.headings, *(link.text for link in named)]
    text = source.text
    for part in sorted({p.strip() for p in parts if p and len(p.strip()) >= _MIN_PART}, key=len)[
        ::-1
    ]:
        text = text.replace(part, " ")
    return replace(source, text=text, _folded=None, _lines=None)


__all__ = ["named_documents", "without_naming"]
