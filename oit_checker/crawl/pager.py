"""Pager links: the further pages of a list (``?page=2``, ``/page/2``, ``หน้าถัดไป``, ``»``,
numbered links) and its "view all" link (``ดูทั้งหมด``).

A pager link leads to more of the same list; a numbered link counts only when its URL is a
page of the same list (same path with another query, or a page parameter / ``/page/N``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from oit_checker.thai.text import fold

PAGER_WORDS = frozenset(
    fold(w)
    for w in (
        "ถัดไป", "หน้าถัดไป", "หน้าต่อไป", "ต่อไป", "ก่อนหน้า", "หน้าก่อนหน้า", "ย้อนกลับ",
        "หน้าสุดท้าย", "สุดท้าย", "next", "next page", "previous", "prev", "last", "first",
        "older", "newer", "older posts", "newer posts", "»", "«", "›", "‹", ">", "<", ">>", "<<",
        "→", "←", "...", "ถัดไป »", "« ก่อนหน้า", "หน้าถัดไป »", "next »", "« previous",
    )
)  # fmt: skip
VIEW_ALL_WORDS = frozenset(
    fold(w) for w in ("ดูทั้งหมด", "ทั้งหมด", "แสดงทั้งหมด", "ดูเพิ่มเติม", "view all", "see all", "all")
)
_PAGE_PATH = re.compile(r"/(?:page|p|หน้า)/\d{1,4}/?$")
_PAGE_QUERY = re.compile(
    r"(?:^|&)(?:page|p|pg|paged|pageno|page_no|pagenum|start|offset|per_page|perpage|limit|"
    r"per-page|currentpage|cp|pn)=\d{1,5}(?:&|$)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[\[(]?\s*\d{1,4}\s*[\])]?$")


def is_view_all(text: str) -> bool:
    return fold(text).strip(" .:|") in VIEW_ALL_WORDS


def is_pager(page_url: str, link_url: str, text: str) -> bool:
    """A link to another page of the list on ``page_url`` (numbered or next/previous)."""
    label = fold(text).strip(" .:|")
    if label not in PAGER_WORDS and not _NUMBER.match(label):
        return False
    parts = urlsplit(link_url)
    if _PAGE_QUERY.search(parts.query) or _PAGE_PATH.search(unquote(parts.path)):
        return True
    return parts.path == urlsplit(page_url).path and bool(parts.query)


__all__ = ["PAGER_WORDS", "VIEW_ALL_WORDS", "is_pager", "is_view_all"]
