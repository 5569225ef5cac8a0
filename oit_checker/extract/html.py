"""HTML pages: title, headings, main text, links, images, tables.

Links come from the whole page (menus included: their anchor texts are how people find ITA
items). The main text drops scripts, styles and navigation blocks, and keeps the line
structure of block elements so that evidence snippets read like the page.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.extract.links import base_url, cached_urljoin, extract_links, mark_blocks, unmark
from oit_checker.models import DocKind, Document, Image, Table
from oit_checker.thai.text import normalize

_DROP = "script, style, noscript, template, svg, nav, [role=navigation], select, iframe, head"
_SIZE = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$", re.IGNORECASE)
_LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-lazy")
_MAX_CELL_CHARS = 2000


def extract_html(text: str, url: str) -> Document:
    """Read one decoded HTML page."""
    # One parse: the marks (whitespace before block and cell tags) give the main text its
    # lines; strings read from attributes and raw-text elements are unmarked.
    tree = LexborHTMLParser(mark_blocks(text))
    doc = Document(url=url, kind=DocKind.HTML)
    doc.links = extract_links(tree, url, marked=True)
    base = base_url(tree, url, marked=True)
    doc.title = _title(tree)
    doc.headings = _headings(tree)
    doc.images = _images(tree, base)
    doc.tables = _tables(tree)
    doc.text = _main_text(tree)
    if not doc.title and doc.headings:
        doc.title = doc.headings[0]
    return doc


def _title(tree: LexborHTMLParser) -> str:
    node = tree.css_first("title")
    title = normalize(_unmarked(node.text(strip=True))) if node is not None else ""
    if not title:
        meta = tree.css_first('meta[property="og:title"]')
        if meta is not None:
            title = normalize(_unmarked(meta.attributes.get("content")))
    return title


def _unmarked(value: str | None) -> str:
    if not value:
        return ""
    return unmark(value) if "<" in value else value


def _headings(tree: LexborHTMLParser) -> list[str]:
    out: list[str] = []
    for node in tree.css("h1, h2, h3, h4"):
        text = normalize(_unmarked(node.text(separator=" ", strip=True)))
        if text and text not in out:
            out.append(text)
    return out


def _images(tree: LexborHTMLParser, base: str) -> list[Image]:
    out: list[Image] = []
    for node in tree.css("img"):
        attrs = node.attributes
        src = _unmarked(attrs.get("src")).strip()
        if not src or src.startswith("data:"):
            src = next((_unmarked(v).strip() for a in _LAZY_SRC if (v := attrs.get(a))), src)
        if not src:
            continue
        if not src.startswith("data:"):
            try:
                src = cached_urljoin(base, src)
            except ValueError:
                continue
        alt = normalize(_unmarked(attrs.get("alt") or attrs.get("title")))
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
    """Each table's own rows (rows of a nested table belong to that table), in page order;
    all rows are read in one pass and given to their nearest table."""
    rows_of: dict[int, list[list[str]]] = {}
    for tr in tree.css("tr"):
        owner = _nearest_table(tr)
        if owner is None:
            continue
        cells = [
            normalize(_unmarked(td.text(separator=" ", strip=True)))[:_MAX_CELL_CHARS]
            for td in tr.iter()
            if td.tag in ("td", "th")
        ]
        if any(cells):
            rows_of.setdefault(owner.mem_id, []).append(cells)
    if not rows_of:
        return []
    return [Table(rows=rows) for table in tree.css("table") if (rows := rows_of.get(table.mem_id))]


def _nearest_table(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _main_text(tree: LexborHTMLParser) -> str:
    """Visible text without boilerplate; block elements on their own lines (the marks).
    Decomposes the dropped nodes: call last."""
    for node in tree.css(_DROP):
        node.decompose()
    body = tree.body
    if body is None:
        return ""
    return normalize(body.text(separator="", strip=False))


__all__ = ["extract_html"]
