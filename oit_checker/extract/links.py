"""Links in an HTML page, the way a person clicking through a Thai agency site finds them.

Besides ``<a href>``: image maps (``area``), ``iframe``/``frame``, PDF viewers in
``embed``/``object``, ``<meta http-equiv=refresh>``, and ``window.open('…')`` /
``location.href='…'`` in ``onclick`` attributes, which many Thai CMS menus use.
Placeholders (``href="#"``, ``javascript:void(0)``) are kept with an empty ``url`` so that the
assessment can say "placeholder link" instead of "missing".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from oit_checker.models import Link
from oit_checker.thai.text import normalize

_ONCLICK_URL = re.compile(
    r"""(?:window\.open|location\.href\s*=|location\.assign|location\.replace|window\.location\s*=|"""
    r"""document\.location\s*=|self\.location\s*=|top\.location\s*=)\s*\(?\s*['"]([^'"]+)['"]""",
    re.IGNORECASE,
)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_NOT_A_PAGE = ("mailto:", "tel:", "data:", "sms:", "line:", "fb:")
_PLACEHOLDER = re.compile(r"^(#.*|javascript:.*|void\(0\);?)$", re.IGNORECASE)
_CONTEXT_TAGS = {"li", "tr", "p", "td", "div", "dd", "section", "article"}
_CONTEXT_MAX = 200

_SELECTOR = "a, area, iframe, frame, embed, object, meta, [onclick]"


def base_url(tree: HTMLParser, page_url: str) -> str:
    """The page's ``<base href>`` resolved against its URL, or the URL itself."""
    node = tree.css_first("base[href]")
    if node is not None:
        href = (node.attributes.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def extract_links(tree: HTMLParser, page_url: str) -> list[Link]:
    """All outgoing links of a parsed page, resolved to absolute URLs (fragments kept).

    ``url`` is empty for placeholders; ``raw_href`` always holds the attribute as written.
    """
    base = base_url(tree, page_url)
    links: list[Link] = []
    seen: set[int] = set()
    for node in tree.css(_SELECTOR):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        tag = node.tag or ""
        attrs = node.attributes
        raw: str | None = None
        if tag in ("a", "area"):
            raw = attrs.get("href")
            if raw is None and "onclick" not in attrs:
                continue
        elif tag in ("iframe", "frame", "embed"):
            raw = attrs.get("src")
        elif tag == "object":
            raw = attrs.get("data")
        elif tag == "meta":
            if (attrs.get("http-equiv") or "").lower() != "refresh":
                continue
            m = _REFRESH_URL.search(attrs.get("content") or "")
            raw = m.group(1).strip() if m else None
            tag = "meta_refresh"
        onclick = attrs.get("onclick")
        if onclick:
            m = _ONCLICK_URL.search(onclick)
            if m and (raw is None or _PLACEHOLDER.match(raw.strip())):
                raw = m.group(1)
                tag = f"{tag}_onclick" if tag else "onclick"
        if raw is None:
            continue
        links.append(_make_link(node, tag, raw, base))
    return links


def _make_link(node: Node, tag: str, raw: str, base: str) -> Link:
    href = raw.strip()
    url = ""
    if href and not _PLACEHOLDER.match(href) and not href.lower().startswith(_NOT_A_PAGE):
        try:
            url = urljoin(base, href)
        except ValueError:
            url = ""
    elif href.lower().startswith(("mailto:", "tel:")):
        url = href
    text = _anchor_text(node)
    return Link(url=url, text=text, context=_context(node, text), tag=tag, raw_href=raw)


def _anchor_text(node: Node) -> str:
    text = node.text(separator=" ", strip=True)
    if not text:
        for attr in ("title", "aria-label", "alt"):
            value = node.attributes.get(attr)
            if value:
                text = value
                break
    if not text:
        img = node.css_first("img[alt]")
        if img is not None:
            text = img.attributes.get("alt") or ""
    return normalize(text)


def _context(node: Node, text: str) -> str:
    parent = node.parent
    while parent is not None and parent.tag not in _CONTEXT_TAGS:
        parent = parent.parent
    if parent is None:
        return ""
    context = normalize(parent.text(separator=" ", strip=True))
    if context == text:
        return ""
    return context[:_CONTEXT_MAX]


__all__ = ["base_url", "extract_links"]
