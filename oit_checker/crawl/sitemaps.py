"""Sitemaps as seeds: ``<urlset>`` pages and ``<sitemapindex>`` children, plain or gzipped.

Sitemaps come from strangers: they are parsed through ``defusedxml`` (no entity expansion, no
external entities: a "billion laughs" sitemap is refused, not expanded), streamed element by
element (a 50 MB sitemap never becomes one tree in memory), and read up to the limits of the
sitemap protocol (50,000 URLs, 50 MB unzipped); a gzip bomb stops at the unzipped cap.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

_MAX_UNZIPPED = 50 * 2**20
MAX_ENTRIES = 50_000
"""URLs (and child sitemaps) read from one sitemap: the protocol's own limit."""


@dataclass
class Sitemap:
    urls: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    """Child sitemaps of a sitemap index."""
    refused: bool = False
    """Entities or a DTD trick: nothing of it was used."""


def parse_sitemap(body: bytes) -> Sitemap:
    """Read a sitemap or sitemap index (gzip detected by magic bytes). Bad XML → what was read
    before the error; entity tricks → empty and ``refused``."""
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(_MAX_UNZIPPED)
        except (OSError, EOFError, zlib.error):
            return Sitemap()
    result = Sitemap()
    kind = ""
    loc: str | None = None
    try:
        for event, node in iterparse(io.BytesIO(body), events=("start", "end")):
            name = _local(node.tag)
            if event == "start":
                kind = kind or name
                continue
            if name == "loc":
                loc = (node.text or "").strip() or None
            elif name in ("url", "sitemap"):
                if loc and kind == "sitemapindex" and name == "sitemap":
                    result.sitemaps.append(loc)
                elif loc and name == "url":
                    result.urls.append(loc)
                loc = None
                node.clear()
                if len(result.urls) + len(result.sitemaps) >= MAX_ENTRIES:
                    break
    except DefusedXmlException:
        return Sitemap(refused=True)
    except ParseError:
        pass
    return result


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


__all__ = ["MAX_ENTRIES", "Sitemap", "parse_sitemap"]
