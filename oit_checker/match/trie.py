"""One compiled regular expression for a whole set of literal phrases.

A pack has a few hundred folded phrases; testing them one by one on every text costs too
much on the hot path. A trie-shaped pattern lets the ``re`` engine (in C) try them all at
once, and it prefers the longest phrase at each position.
"""

from __future__ import annotations

import re

_END = ""
_Node = dict[str, "_Node"]


def trie_pattern(phrases: list[str]) -> str:
    """A regex (no groups) matching any of ``phrases``, longest alternative first."""
    root: _Node = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return r"(?!)"
    return _emit(root)


def _emit(node: _Node) -> str:
    terminal = _END in node
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return "(?:" + body + ")?"
    return body


__all__ = ["trie_pattern"]
