"""Crawl priority from what a link says: ITA hub pages first, then likely evidence, then the
rest; calendars, galleries and deep archive pages last. Used by the crawler's priority frontier
(higher value = fetched sooner)."""

from __future__ import annotations

import re
from collections.abc import Callable

from oit_checker.match.codes import CodeWhere
from oit_checker.match.hub import is_button, strip_button
from oit_checker.match.index import index_for
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold

HUB = 1.0
"""A link to what looks like the ITA/OIT page itself."""
CODED = 0.85
"""Link text opens with an item code (O12, 012, OIT 12)."""
DEFAULT = 0.3
DOCUMENT = 0.25
"""A file whose name and link say nothing about any item."""
LOW = 0.05

_ITA_WORDS = re.compile(
    r"(?<![a-z])(?:ita|oit)(?![a-z])|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ|openintegrity"
)
_ITA_PATH = re.compile(r"(?<![a-z])(?:ita|oit)(?:[-_]?\d{2,4})?(?![a-z])")
_LOW_VALUE = re.compile(
    r"calendar|gallery|album|photo|webboard/.+|login|logout|register|search|print|/tag/|"
    r"[?&](?:page|p|start|offset)=\d{2,}|/page/\d{2,}|\.(?:jpe?g|png|gif|mp4|mp3|zip|rar)$"
)
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|csv|pptx?)$")


def make_priority(pack: Pack) -> Callable[[str, str, str], float]:
    """A function ``(url, anchor text, context) → priority`` in [0, 1] for this pack."""
    index = index_for(pack)

    def priority(url: str, text: str, context: str) -> float:
        reading = index.read_url(url)
        path = reading.path
        label = strip_button(context, text) if is_button(text) and context else text
        folded_label = fold(label) if label else ""
        if _ITA_WORDS.search(folded_label) or _ITA_PATH.search(path.rsplit("/", 1)[0] + "/"):
            return HUB
        score = DEFAULT
        if label:
            words = index.read_label(label)
            if any(h.where is CodeWhere.LABEL for h in words.codes):
                score = max(score, CODED)
            best = words.best()
            if best is not None:
                score = max(score, 0.5 + 0.35 * best[1])
        if reading.url_items or reading.file_items:
            score = max(score, 0.6)
        if reading.file_label is not None:
            best = reading.file_label.best()
            if best is not None:
                score = max(score, 0.5 + 0.3 * best[1])
        if any(h.where is CodeWhere.PATH for h in reading.codes):
            score = max(score, 0.55)
        if score < CODED and _LOW_VALUE.search(path):
            return LOW
        if score == DEFAULT and _DOCUMENT.search(path):
            return DOCUMENT
        return round(score, 3)

    return priority


__all__ = ["make_priority"]
