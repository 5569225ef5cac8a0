"""HTML pages: title, headings, main text, links, images, tables, forms.

Links come from the whole page (menus included: their anchor texts are how people find ITA
items). The main text drops scripts, styles and navigation blocks, and keeps the line
structure of block elements so that evidence snippets read like the page. Forms are read for
the channel items (a Q&A or complaint page is usable when it has a form to fill in).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.extract.content_images import page_images
from oit_checker.extract.links import (
    base_url,
    extract_links,
    join_url,
    mark_blocks,
    unmark,
)
from oit_checker.extract.nesting import flatten_deep_nesting
from oit_checker.models import DocKind, Document, Form, Table
from oit_checker.thai.text import normalize

_DROP = "script, style, noscript, template, svg, nav, [role=navigation], select, iframe, head"
_MAX_CELL_CHARS = 2000


def extract_html(text: str, url: str) -> Document:
    """Read one decoded HTML page."""
    # One parse: the marks (whitespace before block and cell tags) give the main text its
    # lines; strings read from attributes and raw-text elements are unmarked.
    text, flattened = flatten_deep_nesting(text)
    tree = LexborHTMLParser(mark_blocks(text))
    doc = Document(url=url, kind=DocKind.HTML)
    if flattened:
        doc.warnings.append("deep_nesting")
    doc.links = extract_links(tree, url, marked=True)
    base = base_url(tree, url, marked=True)
    doc.title = _title(tree)
    doc.headings = _headings(tree)
    doc.images = page_images(tree, base)
    doc.tables = _tables(tree)
    doc.forms = _forms(tree, base, url)  # before _main_text, which decomposes select etc.
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


_FIELD_TAGS = ("input", "textarea", "select")
_NOT_FILLABLE = {"hidden", "submit", "button", "reset", "image"}
_TEXT_INPUTS = {"text", "search"}
_FORM_TEXT_TAGS = ("label", "legend", "button")
_SEARCH_NAME = re.compile(
    r"^(?:q|s|k|kw|query|keywords?|search\w*|\w*[_-]?search|searchword|txt_?search|ค้นหา\w*)$",
    re.IGNORECASE,
)
_SEARCH_WORDS = ("ค้นหา", "search")
_CHROME_ROLES = {"search", "navigation", "banner"}
_CHROME_TAGS = {"header", "nav"}
_MAX_FORM_TEXT = 500


def _forms(tree: LexborHTMLParser, base: str, page_url: str) -> list[Form]:
    """Each ``<form>`` with its action, method, fillable fields and visible text."""
    return [_form(node, base, page_url) for node in tree.css("form")]


def _form(node: LexborNode, base: str, page_url: str) -> Form:
    attrs = node.attributes
    raw = _unmarked(attrs.get("action")).strip()
    action = join_url(base, raw) if raw else page_url
    method = (_unmarked(attrs.get("method")).strip() or "get").lower()
    fields = text_inputs = textareas = 0
    named_search = login = False
    texts: list[str] = []
    for child in node.traverse(include_text=False):
        tag = child.tag
        if tag in _FIELD_TAGS:
            cattrs = child.attributes
            kind = (
                (_unmarked(cattrs.get("type")).strip().lower() or "text") if tag == "input" else tag
            )
            if kind in _NOT_FILLABLE:
                if kind in ("submit", "button") and (value := cattrs.get("value")):
                    texts.append(_unmarked(value))
                continue
            fields += 1
            if kind == "textarea":
                textareas += 1
            elif kind in _TEXT_INPUTS:
                text_inputs += 1
                name = _unmarked(cattrs.get("name") or cattrs.get("id")).strip()
                named_search = named_search or kind == "search" or bool(_SEARCH_NAME.match(name))
            login = login or kind == "password"
            if placeholder := cattrs.get("placeholder"):
                texts.append(_unmarked(placeholder))
        elif tag in _FORM_TEXT_TAGS:
            texts.append(_unmarked(child.text(separator=" ", strip=True)))
    text = normalize(" ".join(t for t in texts if t))[:_MAX_FORM_TEXT]
    lowered = f"{text} {raw}".lower()
    one_box = textareas == 0 and text_inputs <= 1
    search = (one_box and (named_search or any(w in lowered for w in _SEARCH_WORDS))) or (
        _in_page_chrome(node)
    )
    return Form(action=action, method=method, fields=fields, text=text, search=search, login=login)


def _in_page_chrome(node: LexborNode) -> bool:
    """``role=search`` on the form or around it, or the form inside the page's header or
    navigation (where site search boxes live)."""
    current: LexborNode | None = node
    while current is not None:
        if current.tag in _CHROME_TAGS:
            return True
        role = current.attributes.get("role")
        if role and role.strip().lower() in _CHROME_ROLES:
            return True
        current = current.parent
    return False


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
