"""What a person types as the site, turned into the URL scanned; and the private-address rule."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from oit_checker.audit.guard import HostGuard

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def site_url(text: str) -> str | None:
    """``www.abc.go.th`` → ``https://www.abc.go.th/``; a full http(s) URL as given; None when
    it is not a web address (another scheme, no host, spaces inside)."""
    value = text.strip()
    if not value or any(c.isspace() for c in value):
        return None
    if not _SCHEME.match(value):
        if value.startswith("//"):
            value = value[2:]
        value = "https://" + value
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if not parts.path:
        value += "/"
    return value


def refusal(urls: list[str], allow_private: bool) -> str | None:
    """Why one of ``urls`` must not be fetched (loopback, private, link-local…), or None."""
    if allow_private:
        return None
    guard = HostGuard()
    for url in urls:
        why = guard.refusal(url)
        if why is not None:
            return why
    return None
