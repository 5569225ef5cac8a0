"""Page chrome: the navigation, header, footer and side bars around a page's main content.

A site repeats its menus (often a side menu listing every ITA item), its header and its footer
on every page; they are how people move around, not what the page says. Chrome is found by
what the markup says it is — ``<nav>``, ``<aside>``, ``<header>``/``<footer>`` of the page,
ARIA roles, class and id names of menus, side bars and widgets in the words CMS themes use —
and, across pages, by being repeated (see :func:`repeated_links`). Whatever sits inside the
page's ``<main>``/``<article>``/``role=main`` is content, whatever its class names say, except
a nested ``<nav>``/``<aside>``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from selectolax.lexbor import LexborNode as Node

from oit_checker.models import Link

_CONTENT_TAGS = frozenset({"main", "article"})
_ALWAYS_CHROME = frozenset({"nav", "aside", "menu"})
_PAGE_CHROME = frozenset({"header", "footer"})
"""Chrome when they belong to the page, not when they head or close an article."""
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar"}
)
_CHROME_TOKEN = re.compile(
    r"^(?:[a-z0-9]+[-_])?(?:nav|navbar|navigation|menu|menubar|mainmenu|topmenu|sidemenu|leftmenu"
    r"|rightmenu|megamenu|submenu|sidebar|sidenav|widget|widgets|breadcrumbs?|footer|masthead"
    r"|topbar)(?:[-_][a-z0-9]+)*$"
    r"|^widget_|^(?:site|main|top|page|global)[-_]?header$|^header$"
)
_NOT_CHROME_TOKEN = re.compile(
    r"^(?:elementor|wp-block|card|panel|accordion|entry|post|article|content|table|modal|tab)"
    r"[-_]|[-_](?:item|link|title|text|body|content)$|[-_]arrows?(?:[-_]|$)"
)
"""Builder blocks, accordion and card parts, menu entries (their menu is found above them),
and a theme's arrow styles (``nav-arrow-b`` on a page's content section is slider arrows)."""
BODY_TAGS = frozenset({"body", "html"})


class ChromeFinder:
    """Tells whether an element sits in the page's chrome; remembers every element it saw."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[bool, bool]] = {}
        """mem_id → (in chrome, in content)."""

    def in_chrome(self, node: Node) -> bool:
        return self._state(node)[0]

    def _state(self, node: Node | None) -> tuple[bool, bool]:
        path: list[Node] = []
        state = (False, False)
        while node is not None and node.tag not in BODY_TAGS:
            known = self._known.get(node.mem_id)
            if known is not None:
                state = known
                break
            path.append(node)
            node = node.parent
        for element in reversed(path):
            chrome, content = state
            tag = element.tag or ""
            if not chrome:
                chrome = _is_chrome(element, tag, content)
            content = content or tag in _CONTENT_TAGS or _attr(element, "role") == "main"
            state = (chrome, content)
            self._known[element.mem_id] = state
        return state


def _attr(node: Node, name: str) -> str:
    value = node.attributes.get(name)
    return value.strip().lower() if value else ""


def _is_chrome(node: Node, tag: str, in_content: bool) -> bool:
    if tag in _ALWAYS_CHROME:
        return True
    if in_content:
        return False
    if tag in _PAGE_CHROME:
        return True
    if _attr(node, "role") in _CHROME_ROLES:
        return True
    names = f"{_attr(node, 'class')} {_attr(node, 'id')}".split()
    return any(_CHROME_TOKEN.search(n) and not _NOT_CHROME_TOKEN.search(n) for n in names)


REPEATED_MIN_PAGES = 3
"""A link on at least this many pages (and on most of the pages read) is the site's chrome."""
REPEATED_SHARE = 0.5


def repeated_links(pages: Iterable[Sequence[Link]]) -> frozenset[tuple[str, str]]:
    """(url, text) of the links a site repeats on most of its pages: its menus, wherever the
    markup puts them. A link counts once per page."""
    counts: Counter[tuple[str, str]] = Counter()
    total = 0
    for links in pages:
        total += 1
        counts.update({(link.url, link.text) for link in links if link.url})
    need = max(REPEATED_MIN_PAGES, int(total * REPEATED_SHARE + 0.999))
    return frozenset(key for key, n in counts.items() if n >= need)


__all__ = ["ChromeFinder", "repeated_links"]
