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

from oit_checker.extract.chrome import ChromeFinder
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


def base_url(tree: HTMLParser, page_url: str, *, marked: bool = False) -> str:
    """The page's ``<base href>`` resolved against its URL, or the URL itself."""
    node = tree.css_first("base[href]")
    if node is not None:
        href = _read(node.attributes.get("href"), marked).strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def extract_links(tree: HTMLParser, page_url: str, *, marked: bool = False) -> list[Link]:
    """All outgoing links of a parsed page, resolved to absolute URLs (fragments kept).

    ``url`` is empty for placeholders; ``raw_href`` always holds the attribute as written.
    ``marked``: the tree was parsed from :func:`mark_blocks` output (strings read are unmarked).
    """
    base = base_url(tree, page_url, marked=marked)
    links: list[Link] = []
    seen: set[int] = set()
    contexts: dict[int, str] = {}
    chrome = ChromeFinder()
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
            m = _REFRESH_URL.search(_read(attrs.get("content"), marked))
            raw = m.group(1).strip() if m else None
            tag = "meta_refresh"
        onclick = attrs.get("onclick")
        if onclick:
            m = _ONCLICK_URL.search(_read(onclick, marked))
            if m and (raw is None or _PLACEHOLDER.match(raw.strip())):
                raw = m.group(1)
                tag = f"{tag}_onclick" if tag else "onclick"
        if raw is None:
            continue
        if marked and "<" in raw:
            raw = unmark(raw)
        text = _anchor_text(node, marked)
        links.append(
            Link(
                url=join_url(base, raw.strip()),
                text=text,
                context=_context(node, text, contexts, marked),
                tag=tag,
                raw_href=raw,
                nav=chrome.in_chrome(node),
            )
        )
    return links


def join_url(base: str, href: str) -> str:
    """The absolute URL of ``href`` (already stripped) on a page whose base URL is ``base``;
    "" for placeholders and non-page schemes, except ``mailto:``/``tel:`` kept as written."""
    if not href or _PLACEHOLDER.match(href):
        return ""
    lower = href[:7].lower()
    if lower.startswith(_NOT_A_PAGE):
        return href if lower.startswith(("mailto:", "tel:")) else ""
    try:
        return cached_urljoin(base, href)
    except ValueError:
        return ""


def cached_urljoin(base: str, href: str) -> str:
    """``urljoin(base, href)``, remembered: site menus repeat the same links on every page.

    The key holds only the part of ``base`` the result depends on: nothing but the scheme for
    ``http(s)://…`` and ``//…`` links, the scheme and host for ``/path`` links, all of it for
    relative ones. Raises ValueError like ``urljoin``.
    """
    if href.startswith(("http://", "https://", "//")):
        key = (base[: base.find(":") + 1], href)
    elif href.startswith("/"):
        cut = base.find("/", base.find("//") + 2) if "//" in base else -1
        key = (base if cut < 0 else base[:cut], href)
    else:
        key = (base, href)
    url = _JOINED.get(key)
    if url is None:
        url = urljoin(base, href)
        if len(_JOINED) >= _JOINED_MAX:
            _JOINED.clear()
        _JOINED[key] = url
    return url


_JOINED: dict[tuple[str, str], str] = {}
_JOINED_MAX = 100_000


def _anchor_text(node: Node, marked: bool) -> str:
    text = _read(node.text(separator=" ", strip=True), marked)
    if not text:
        for attr in ("title", "aria-label", "alt"):
            value = node.attributes.get(attr)
            if value:
                text = _read(value, marked)
                break
    if not text:
        img = node.css_first("img[alt]")
        if img is not None:
            text = _read(img.attributes.get("alt"), marked)
    return normalize(text)


def _context(node: Node, text: str, cache: dict[int, str], marked: bool) -> str:
    """The text of the nearest row-like ancestor (list item, table row, paragraph, block)."""
    parent = node.parent
    while parent is not None and parent.tag not in _CONTEXT_TAGS:
        parent = parent.parent
    if parent is None:
        return ""
    context = cache.get(parent.mem_id)
    if context is None:
        raw = _read(parent.text(separator=" ", strip=True), marked)
        context = cache[parent.mem_id] = normalize(raw)
    if context == text:
        return ""
    return context[:_CONTEXT_MAX]


def _read(value: str | None, marked: bool) -> str:
    if not value:
        return ""
    return unmark(value) if marked and "<" in value else value


# ----------------------------------------------------------------------------- block marks

_BLOCK_TAGS = (
    "p|div|br|li|tr|h[1-6]|table|section|article|ul|ol|dd|dt|header|footer|main|aside|"
    "blockquote|pre|hr|form|fieldset|address|figcaption|caption|center|option"
)


def _any_case(pattern: str) -> str:
    """``div`` → ``[dD][iI][vV]``: ``re`` scans a pattern with a literal first character much
    faster without IGNORECASE."""
    return re.sub(r"[a-z](?![^\[]*\])", lambda m: f"[{m.group(0)}{m.group(0).upper()}]", pattern)


# The tags' "<" alone, so that the replacement is a literal (no per-match template work).
_BLOCK_TAG = re.compile(rf"<(?=(?:{_any_case(_BLOCK_TAGS)})\b)")
_CELL_TAG = re.compile(rf"<(?=(?:{_any_case('td|th')})\b)")
_MARKS = re.compile(rf"\n(?=<(?:{_any_case(_BLOCK_TAGS)})\b)| (?=<(?:{_any_case('td|th')})\b)")


def mark_blocks(html: str) -> str:
    """The HTML with a newline before every block tag and a space before every cell tag, so
    that the text of the parsed page keeps its lines and cells (one parse serves both the
    structure and the main text). Parsing inserts no element: only whitespace text."""
    return _CELL_TAG.sub(" <", _BLOCK_TAG.sub("\n<", html))


def unmark(value: str) -> str:
    """Undo :func:`mark_blocks` in a string read from the parsed page (attribute values and
    raw text such as ``<title>`` or scripts can hold tag-like text that was marked)."""
    return _MARKS.sub("", value)


__all__ = ["base_url", "cached_urljoin", "extract_links", "join_url", "mark_blocks", "unmark"]
