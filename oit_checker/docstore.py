"""The documents of one scan, url → Document, within a memory budget.

A 10,000-page site read in full would keep every page's text and links in memory (hundreds of
MB). The store keeps whole Documents until their estimated size reaches ``budget_chars``; HTML
pages read after that are kept *slim* (URL, kind, title and only their placeholder links, which
the assessment scans on every page) and read again from the crawler's cached body, decoded
exactly as during the crawl, when someone looks them up by URL. The frontier fetches the most
promising pages first, so the pages kept whole are the likely candidates; a small LRU holds the
re-read ones. Documents other than HTML (PDF, Office, OCR) are always kept whole: reading them
again could mean another OCR run.

Lookups (``store[url]``, ``get``) always return the whole Document. Iterating ``values()`` /
``items()`` yields what is kept, slim pages included, so that a scan over every page (the
placeholder-link search) does not re-read the site.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import ItemsView, Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from pathlib import Path

from oit_checker.assess.access import is_placeholder
from oit_checker.crawl.decode import decode_html_detailed
from oit_checker.extract import ExtractLimits, extract
from oit_checker.models import DocKind, Document, Resource

log = logging.getLogger(__name__)

DEFAULT_BUDGET_CHARS = 16_000_000
"""About 1,500 pages of 10,000 characters (text, links with their context) before pages go slim."""
_LINK_OVERHEAD = 120
"""Characters' worth of memory a Link object costs beyond its strings."""
_REREAD_CACHE = 128


@dataclass
class _Entry:
    kept: Document
    """The whole Document, or its slim copy."""
    resource: Resource | None
    """Set when ``kept`` is slim: where to read the page again."""


class DocumentStore(Mapping[str, Document]):
    def __init__(self, limits: ExtractLimits, budget_chars: int = DEFAULT_BUDGET_CHARS) -> None:
        self._limits = limits
        self._budget = budget_chars
        self._used = 0
        self._entries: dict[str, _Entry] = {}
        self._reread: OrderedDict[int, Document] = OrderedDict()
        self.slim_pages = 0
        self.rereads = 0

    def add(self, keys: Iterable[str], doc: Document, resource: Resource, *, decoded: bool) -> None:
        """Keep ``doc`` under every key. ``decoded``: the page was read from the crawler's
        decoded text (so it can be read again the same way)."""
        size = _size(doc)
        entry = _Entry(doc, None)
        over = self._used + size > self._budget
        if over and decoded and doc.kind is DocKind.HTML and resource.body_path:
            entry = _Entry(_slim(doc), resource)
            self.slim_pages += 1
            size = 0
        self._used += size
        for key in keys:
            self._entries[key] = entry

    def __getitem__(self, key: str) -> Document:
        entry = self._entries[key]
        if entry.resource is None:
            return entry.kept
        found = self._reread.get(id(entry))
        if found is not None:
            self._reread.move_to_end(id(entry))
            return found
        doc = self._read_again(entry.resource) or _gone(entry.kept)
        self._reread[id(entry)] = doc
        if len(self._reread) > _REREAD_CACHE:
            self._reread.popitem(last=False)
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def values(self) -> ValuesView[Document]:
        return {k: e.kept for k, e in self._entries.items()}.values()

    def items(self) -> ItemsView[str, Document]:
        return {k: e.kept for k, e in self._entries.items()}.items()

    def _read_again(self, resource: Resource) -> Document | None:
        self.rereads += 1
        try:
            body = Path(resource.body_path or "").read_bytes()
        except OSError:
            return None
        text = decode_html_detailed(body, resource.content_type).text
        return extract(resource, body, text=text, limits=self._limits, dates=False)


def _gone(slim: Document) -> Document:
    """A slim page whose cached body cannot be read again: said so (``body_unavailable``),
    never judged as the empty page its slim copy looks like."""
    log.warning("the stored body of %s is gone: its page cannot be read again", slim.url)
    return slim.model_copy(
        update={
            "review_reason": "body_unavailable",
            "warnings": [*slim.warnings, "body_unavailable"],
        }
    )


def _slim(doc: Document) -> Document:
    links = [link for link in doc.links if is_placeholder(link.url)]
    return Document(url=doc.url, kind=doc.kind, title=doc.title, links=links, sha256=doc.sha256)


def _size(doc: Document) -> int:
    size = len(doc.text) + sum(len(h) for h in doc.headings)
    for link in doc.links:
        size += len(link.url) + len(link.text) + len(link.context) + _LINK_OVERHEAD
    return size + 40 * len(doc.dates)


__all__ = ["DEFAULT_BUDGET_CHARS", "DocumentStore"]
