"""Bound how deeply block elements nest before an HTML page is parsed.

The HTML parser looks back through every open block element each time one opens or closes
("is there a ``<p>`` in button scope?"), so its time grows with the square of the nesting depth:
400,000 nested ``<div>`` (4.4 MB, under the page size cap) took about 650 s. No page people read
nests blocks more than a few dozen levels deep; opening and closing tags of those elements past
``MAX_DEPTH`` levels are dropped (their text stays), which keeps the parse linear.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
"""Block elements open at once; real pages stay far below (menus and layouts: 20 to 60)."""

_BLOCKS = (
    "address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption"
    "|figure|footer|form|header|hgroup|main|menu|nav|ol|pre|search|section|summary|ul|listing"
)
_TAG = re.compile(rf"<(/?)(?:{_BLOCKS})(?=[\s/>])[^>]*>", re.IGNORECASE)


def flatten_deep_nesting(text: str, max_depth: int = MAX_DEPTH) -> tuple[str, bool]:
    """``text`` with block tags past ``max_depth`` open ones removed, and whether any was."""
    if text.count("<") <= max_depth:
        return text, False
    opened = sum(1 for m in _TAG.finditer(text) if not m.group(1))
    if opened <= max_depth:
        return text, False
    depth = 0
    dropped = False

    def keep(match: re.Match[str]) -> str:
        nonlocal depth, dropped
        if match.group(1):  # a closing tag
            if depth > max_depth:  # closes a dropped one
                depth -= 1
                return ""
            depth = max(0, depth - 1)
            return match.group(0)
        if match.group(0).endswith("/>"):
            return match.group(0)
        depth += 1
        if depth > max_depth:
            dropped = True
            return ""
        return match.group(0)

    flat = _TAG.sub(keep, text)
    return (flat, True) if dropped else (text, False)


__all__ = ["MAX_DEPTH", "flatten_deep_nesting"]
