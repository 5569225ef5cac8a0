"""Soft-404 detection: sites that answer 200 with a "page not found" page.

The crawler asks for a path that cannot exist; if that answers 200, every page identical to
the answer (ignoring its own URL, numbers and spacing, which such pages often echo) is marked,
so that "the page exists" is never taken as evidence.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from urllib.parse import unquote, urlsplit, urlunsplit

_NO_TAGS = re.compile(r"<[^>]+>")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def probe_url(base_url: str) -> str:
    """A random URL on the same origin that no site should have."""
    parts = urlsplit(base_url)
    path = f"/oit-checker-probe-{secrets.token_hex(6)}"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def fingerprint(text: str, url: str) -> str:
    """Content hash of a page that ignores its own URL, numbers and spacing."""
    parts = urlsplit(url)
    stripped = _NO_TAGS.sub(" ", text)
    for needle in sorted({url, parts.path, unquote(parts.path)}, key=len, reverse=True):
        if needle and needle != "/":
            stripped = stripped.replace(needle, " ")
    stripped = _DIGITS.sub("0", stripped)
    stripped = _SPACE.sub(" ", stripped).strip()
    return hashlib.sha256(stripped.encode("utf-8")).hexdigest()


__all__ = ["fingerprint", "probe_url"]
