"""Sitemaps as seeds: ``<urlset>`` pages and ``<sitemapindex>`` children, plain or gzipped."""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

_MAX_UNZIPPED = 50 * 2**20


@dataclass
class Sitemap:
    urls: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    """Child sitemaps of a sitemap index."""


def parse_sitemap(body: bytes) -> Sitemap:
    """Read a sitemap or sitemap index (gzip detected by magic bytes). Bad XML → empty."""
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(_MAX_UNZIPPED)
        except (OSError, EOFError):
            return Sitemap()
    result = Sitemap()
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return result
    kind = _local(root.tag)
    for node in root:
        name = _local(node.tag)
        loc = next((c.text for c in node if _local(c.tag) == "loc" and c.text), None)
        if not loc:
            continue
        if kind == "sitemapindex" and name == "sitemap":
            result.sitemaps.append(loc.strip())
        elif name == "url":
            result.urls.append(loc.strip())
    return result


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


__all__ = ["Sitemap", "parse_sitemap"]
