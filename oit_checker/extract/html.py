"""HTML pages: title, headings, main text, links, images, tables.

Links come from the whole page (menus included: their anchor texts are how people find ITA
items). The main text drops scripts, styles and navigation blocks, and keeps the line
structure of block elements so that evidence snippets read like the page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.extract.links import base_url, extract_links
from oit_checker.models import DocKind, Document, Image, Table
from oit_checker.thai.text import normalize

_BLOCK_TAG = re.compile(
    r"<(?:p|div|br|li|tr|h[1-6]|table|section|article|ul|ol|dd|dt|header|footer|main|aside|"
    r"blockquote|pre|hr|form|fieldset|address|figcaption|caption|center|option)\b",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"<t[dh]\b", re.IGNORECASE)
_DROP = "script, style, noscript, template, svg, nav, [role=navigation], select, iframe, head"
_SIZE = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$", re.IGNORECASE)
_LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-lazy")
_MAX_CELL_CHARS = 2000


def extract_html(text: str, url: str) -> Document:
    """Read one decoded HTML page."""
    tree = LexborHTMLParser(text)
    doc = Document(url=url, kind=DocKind.HTML)
    doc.links = extract_links(tree, url)
    base = base_url(tree, url)
    doc.title = _title(tree)
    doc.headings = _headings(tree)
    doc.images = _images(tree, base)
    doc.tables = _tables(tree)
    doc.text = _main_text(text)
    if not doc.title and doc.headings:
        doc.title = doc.headings[0]
    return doc


def _title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("title")
    title = normalize(node.text(strip=True)) if node is not None else ""
    if not title:
        meta = tree.css_first('meta[property="og:title"]')
        if meta is not None:
            title = normalize(meta.attributes.get("content") or "")
    return title


def _headings(tree: LexborHTMLParser) -> list[str]:
    out: list[str] = []
    for node in tree.css("h1, h2, h3, h4"):
        text = normalize(node.text(separator=" ", strip=True))
        if text and text not in out:
            out.append(text)
    return out


def _images(tree: LexborHTMLParser, base: str) -> list[Image]:
    out: list[Image] = []
    for node in tree.css("img"):
        attrs = node.attributes
        src = (attrs.get("src") or "").strip()
        if not src or src.startswith("data:"):
            src = next((v.strip() for a in _LAZY_SRC if (v := attrs.get(a))), src)
        if not src:
            continue
        if not src.startswith("data:"):
            try:
                src = urljoin(base, src)
            except ValueError:
                continue
        alt = normalize(attrs.get("alt") or attrs.get("title") or "")
        out.append(
            Image(
                src=src, alt=alt, width=_size(attrs.get("width")), height=_size(attrs.get("height"))
            )
        )
    return out


def _size(value: str | None) -> int | None:
    if not value:
        return None
    m = _SIZE.match(value)
    return int(m.group(1)) if m else None


def _tables(tree: LexborHTMLParser) -> list[Table]:
    out: list[Table] = []
    for table in tree.css("table"):
        rows: list[list[str]] = []
        for tr in table.css("tr"):
            owner = _nearest_table(tr)
            if owner is None or owner.mem_id != table.mem_id:
                continue  # rows of a nested table belong to that table
            cells = [
                normalize(td.text(separator=" ", strip=True))[:_MAX_CELL_CHARS]
                for td in tr.iter()
                if td.tag in ("td", "th")
            ]
            if any(cells):
                rows.append(cells)
        if rows:
            out.append(Table(rows=rows))
    return out


def _nearest_table(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _main_text(html: str) -> str:
    """Visible text without boilerplate; block elements on their own lines."""
    marked = _CELL_TAG.sub(
        lambda m: " " + m.group(0), _BLOCK_TAG.sub(lambda m: "\n" + m.group(0), html)
    )
    tree = LexborHTMLParser(marked)
    for node in tree.css(_DROP):
        node.decompose()
    body = tree.body
    if body is None:
        return ""
    return normalize(body.text(separator="", strip=False))


__all__ = ["extract_html"]
