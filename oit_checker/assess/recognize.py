"""Recognising a rule pack's elements in what was read: documents and off-site channel links.

A :class:`Source` is one readable piece of evidence (a document, or an external link from the
main site for channel items). Phrases are matched on ``fold``ed text; OCR text is matched
loosely (tone marks dropped) because OCR often misreads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from urllib.parse import urlsplit

from oit_checker.models import DocKind, Document, ExternalLink
from oit_checker.rules.schema import Item, Recognizer
from oit_checker.thai.text import fold

_SNIPPET_MAX = 160
_IMAGE_KINDS = (DocKind.HTML, DocKind.IMAGE)
"""Kinds whose images the extractor lists; for other kinds a missing photo is not proof."""


@dataclass
class Source:
    """One readable piece of evidence for an item."""

    url: str
    text: str
    """Normalised text (title + body)."""
    doc: Document | None = None
    external: ExternalLink | None = None
    via: str | None = None
    """Hub page or item page whose link led here."""
    ocr: bool = False
    link_urls: list[str] = field(default_factory=list)
    has_image: bool = False
    unreadable: str | None = None
    """The extractor's review reason (scanned without OCR, encrypted, …)."""
    empty_rest: str | None = None
    """For an HTML page with little besides its title, headings and menus: that little text
    (see access.resolve); None for a page with content."""
    _folded: str | None = None
    _lines: list[tuple[str, str]] | None = None

    @classmethod
    def from_document(cls, doc: Document, via: str | None = None) -> Source:
        text = doc.text
        if doc.title and doc.title not in text:
            text = f"{doc.title}\n{text}"
        return cls(
            url=doc.url,
            text=text,
            doc=doc,
            via=via,
            ocr=doc.ocr_used,
            link_urls=[link.url for link in doc.links if link.url],
            has_image=any(img.main for img in doc.images) or doc.kind is DocKind.IMAGE,
            unreadable=doc.review_reason,
        )

    @classmethod
    def from_external(cls, link: ExternalLink) -> Source:
        return cls(
            url=link.url, text=link.text, external=link, via=link.found_on, link_urls=[link.url]
        )

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = _fold_text(self.text, self.ocr)
        return self._folded

    def lines(self) -> list[tuple[str, str]]:
        """(original line, folded line) pairs, for snippets."""
        if self._lines is None:
            self._lines = _fold_lines(self.text, self.ocr)
        return self._lines

    @property
    def images_checkable(self) -> bool:
        return self.doc is None or self.doc.kind in _IMAGE_KINDS

    def snippet(self, folded_phrase: str) -> str:
        """The original line holding the phrase (or the folded text around it)."""
        for line, folded_line in self.lines():
            if folded_phrase in folded_line:
                return _clip(line, line.find(folded_phrase[:8]) if folded_phrase else 0)
        at = self.folded.find(folded_phrase)
        return _clip(self.folded, max(at, 0))


@dataclass(frozen=True)
class Match:
    """Outcome of one recognizer on one source."""

    found: bool
    snippet: str = ""
    uncertain: bool = False
    """The text part matched but a photo could not be verified in this kind of file."""


@lru_cache(maxsize=256)
def _fold_text(text: str, loose: bool) -> str:
    """Folded text, shared by the items that read the same document (str hashes are cached)."""
    return fold(text, drop_tone_marks=loose)


@lru_cache(maxsize=256)
def _fold_lines(text: str, loose: bool) -> list[tuple[str, str]]:
    return [(line, fold(line, drop_tone_marks=loose)) for line in text.splitlines() if line.strip()]


@cache
def _phrase(phrase: str, loose: bool) -> str:
    return fold(phrase, drop_tone_marks=loose)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def recognize(rec: Recognizer, source: Source) -> Match:
    """Whether the recognizer finds its evidence in the source.

    ``any_of``, ``regex``, ``link_hosts``, ``link_regex``, ``table_cells`` and the shared
    recognisers of ``use`` are alternatives (their hits are counted together against
    ``min_count``); ``all_of`` and ``needs_image`` are conditions on top.
    """
    folded = source.folded
    snippet = ""
    for phrase in rec.all_of:
        key = _phrase(phrase, source.ocr)
        if key not in folded:
            return Match(False)
        snippet = snippet or source.snippet(key)
    if rec.has_alternatives:
        count, first = _alternatives(rec, source)
        if count < max(rec.min_count, 1):
            return Match(False)
        snippet = first or snippet
    elif rec.all_of and rec.min_count > 1:
        least = min(folded.count(_phrase(p, source.ocr)) for p in rec.all_of)
        if least < rec.min_count:
            return Match(False)
    if rec.needs_image and not source.has_image:
        if source.images_checkable:
            return Match(False)
        return Match(True, snippet, uncertain=True)
    return Match(True, snippet)


def _alternatives(rec: Recognizer, source: Source) -> tuple[int, str]:
    """(number of hits, snippet of the first) over the recogniser's alternatives."""
    folded = source.folded
    count = 0
    first = ""
    for phrase in rec.any_of:
        key = _phrase(phrase, source.ocr)
        n = folded.count(key) if key else 0
        if n and not first:
            first = source.snippet(key)
        count += n
    for pattern in rec.regex:
        for found in _regex(pattern).finditer(source.text):
            if _near_miss(rec, source.text, found):
                continue
            if not first:
                first = _clip(source.text, found.start())
            count += 1
    for cell in _table_hits(rec.table_cells, source):
        first = first or cell
        count += 1
    if rec.link_hosts or rec.link_regex:
        links = _link_matches(rec.link_hosts, source) + _link_regex_matches(rec.link_regex, source)
        if links and not first:
            first = links[0]
        count += len(links)
    for shared in rec.shared:
        n, shared_first = _alternatives(shared, source)
        if n and not first:
            first = shared_first
        count += n
    return count, first


_CONTEXT = 40
"""Characters of the line before/after a regex hit that its near-miss patterns look at."""


def _near_miss(rec: Recognizer, text: str, found: re.Match[str]) -> bool:
    if rec.reject_preceded_by:
        line_start = text.rfind("\n", 0, found.start()) + 1
        before = text[max(line_start, found.start() - _CONTEXT) : found.start()]
        if any(_regex(p).search(before) for p in rec.reject_preceded_by):
            return True
    if rec.reject_followed_by:
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        after = text[found.end() : min(line_end, found.end() + _CONTEXT)]
        if any(_regex(p).match(after) for p in rec.reject_followed_by):
            return True
    return False


def _table_hits(patterns: Sequence[str], source: Source) -> list[str]:
    """Data cells (not the header row, not the first column) that match a pattern whole."""
    if not patterns or source.doc is None:
        return []
    hits: list[str] = []
    for table in source.doc.tables:
        for row in table.rows[1:]:
            for cell in row[1:]:
                value = cell.strip()
                if value and any(_regex(p).fullmatch(value) for p in patterns):
                    hits.append(value)
    return hits


def _link_regex_matches(patterns: Sequence[str], source: Source) -> list[str]:
    if not patterns:
        return []
    return [
        url
        for url in dict.fromkeys(source.link_urls)
        if any(_regex(p).search(url) for p in patterns)
    ]


def _link_matches(hosts: Sequence[str], source: Source) -> list[str]:
    return [url for url in dict.fromkeys(source.link_urls) if on_hosts(url, hosts)]


def on_hosts(url: str, hosts: Sequence[str]) -> bool:
    """Whether ``url`` leads to one of ``hosts``: a host name (its subdomains included) or a
    host with a path prefix (``docs.google.com/forms``; ``google.com/maps`` also matches
    ``www.google.com/maps``), as rule packs write ``link_hosts``."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if not host:
        return False
    path = host + parts.path.lower()
    bare = path[4:] if path.startswith("www.") else path
    for wanted in hosts:
        wanted = wanted.lower()
        if host == wanted or host.endswith("." + wanted):
            return True
        if path.startswith(wanted) or bare.startswith(wanted):
            return True
    return False


def mentions_item(item: Item, value: str) -> bool:
    """Whether a text (an anchor text, a link's row) names the item: its code (o6, O06, 006 …),
    its title, one of its labels or synonyms."""
    folded = fold(value)
    if not folded:
        return False
    n = item.number
    if re.search(rf"(?<![a-z0-9])(?:oit\s*)?[o0]\s?0?{n}(?!\d)", folded):
        return True
    names = [item.title_th, *item.signals.labels, *item.signals.synonyms]
    return any(len(name) >= 4 and fold(name) in folded for name in names)


def _clip(text: str, at: int) -> str:
    start = max(0, at - 40)
    end = min(len(text), start + _SNIPPET_MAX)
    return text[start:end].strip()


__all__ = ["Match", "Source", "mentions_item", "on_hosts", "recognize"]
