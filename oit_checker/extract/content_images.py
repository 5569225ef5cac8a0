"""The images of an HTML page, and which of them are the page's content.

Small agencies publish their organisation chart, their executive board and many announcements
as pictures, so a page's content images are evidence (read by OCR, see ``extract.image``). Every
page also carries the site's logo, banners, menu buttons, file-type icons and tracking pixels:
those are nobody's chart or photo. An image is *main content* unless

- it sits in the page's chrome (``extract.chrome``: menus, page header and footer, side bars)
  or in a block of pictures that are nobody's content (banner, slider, carousel, logo …);
- its file name or alt text names a logo, banner, icon, button … (:func:`looks_decorative`);
- its declared size is an icon's (or a 1x1 tracking pixel), or it is an SVG;
- it is the picture of a link to something else than itself (a banner linking another site, an
  image-only download button; a thumbnail linking its own full-size picture is content).

Each image also gets its ``context``: the text of the card, row or caption it sits in, so that
a photo can be told whose it is.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.extract.chrome import BODY_TAGS, ChromeFinder
from oit_checker.extract.links import cached_urljoin, unmark
from oit_checker.models import Image
from oit_checker.thai.text import normalize

_LAZY_SRC = ("data-src", "data-original", "data-lazy-src", "data-lazy")
_SIZE = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$", re.IGNORECASE)
_DECORATIVE = re.compile(
    r"logo|banner|icon|button|btn|bullet|arrow|spacer|sprite|header|footer|bg[-_.]|"
    r"ตราสัญลักษณ์|โลโก้|โลโก|แบนเนอร์|ป้าย|สัญลักษณ์",
    re.IGNORECASE,
)
_ICON_NAME = re.compile(
    r"^(?:pdf|docx?|xlsx?|file|download|dl|new|hot|print|rss|facebook|fb|line|youtube|twitter|"
    r"search|home|top|loading|blank|pixel|clear|dot|line\d*|new\d*)\.(?:gif|png|jpe?g|webp)$",
    re.IGNORECASE,
)
_PICTURE_WORDS = {
    "banner", "banners", "slider", "slide", "slides", "slideshow", "carousel", "logo", "marquee",
    "social", "share", "partner", "partners", "ads", "advert", "brand", "top", "topbar",
}  # fmt: skip
"""Blocks of pictures that are no page's content (the chrome itself is chrome.ChromeFinder's)."""
_WORD = re.compile(r"[a-z]+")
_IMAGE_HREF = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?)(?:$|[?#])", re.IGNORECASE)
_MIN_SIDE = 64
"""Declared width or height below this: an icon, a bullet or a tracking pixel."""
_CONTEXT_MAX = 300
_CONTEXT_LEVELS = 4


def looks_decorative(src: str, alt: str) -> bool:
    """The file name or alt text names a logo, banner, icon, button … (every page of a site
    has its logo in the header; it is nobody's photo)."""
    name = src.rsplit("/", 1)[-1] if src[:5].lower() != "data:" else ""
    return bool(_DECORATIVE.search(alt) or _DECORATIVE.search(name) or _ICON_NAME.match(name))


def page_images(
    tree: LexborHTMLParser, base: str, chrome: ChromeFinder | None = None
) -> list[Image]:
    """Every ``<img>`` of the page with its resolved source, alt text, declared size, whether
    it is main content and the text around it."""
    out: list[Image] = []
    chrome = chrome or ChromeFinder()
    for node in tree.css("img"):
        attrs = node.attributes
        src = _read(attrs.get("src")).strip()
        if not src or src.startswith("data:"):
            src = next((_read(v).strip() for a in _LAZY_SRC if (v := attrs.get(a))), src)
        if not src:
            continue
        if not src.startswith("data:"):
            try:
                src = cached_urljoin(base, src)
            except ValueError:
                continue
        alt = normalize(_read(attrs.get("alt") or attrs.get("title")))
        width, height = _size(attrs.get("width")), _size(attrs.get("height"))
        main = _is_main(node, chrome, src, alt, width, height)
        out.append(
            Image(
                src=src,
                alt=alt,
                width=width,
                height=height,
                main=main,
                context=_context(node) if main else "",
            )
        )
    return out


def _is_main(
    node: LexborNode,
    chrome: ChromeFinder,
    src: str,
    alt: str,
    width: int | None,
    height: int | None,
) -> bool:
    if looks_decorative(src, alt):
        return False
    if (width is not None and width < _MIN_SIDE) or (height is not None and height < _MIN_SIDE):
        return False
    if src.split("?", 1)[0].lower().endswith(".svg") or src[:14].lower() == "data:image/svg":
        return False
    if chrome.in_chrome(node):
        return False
    current = node.parent
    while current is not None and current.tag not in BODY_TAGS:
        if current.tag == "a":
            href = _read(current.attributes.get("href")).strip()
            if href and not href.startswith("#") and not _IMAGE_HREF.search(href):
                return False
        attrs = current.attributes
        names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
        if names.strip() and any(w in _PICTURE_WORDS for w in _WORD.findall(names)):
            return False
        current = current.parent
    return True


def _context(node: LexborNode) -> str:
    """The text of the nearest enclosing block that has any (the card, the table row, the
    figure with its caption), clipped."""
    current = node.parent
    for _ in range(_CONTEXT_LEVELS):
        if current is None or current.tag in ("body", "html"):
            break
        text = normalize(_read(current.text(separator=" ", strip=True)))
        if text:
            return text[:_CONTEXT_MAX]
        current = current.parent
    return ""


def _size(value: str | None) -> int | None:
    if not value:
        return None
    m = _SIZE.match(value)
    return int(m.group(1)) if m else None


def _read(value: str | None) -> str:
    if not value:
        return ""
    return unmark(value) if "<" in value else value


__all__ = ["looks_decorative", "page_images"]
