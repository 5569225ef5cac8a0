"""The audit command's check at the door: refuse submitted URLs on loopback, private,
link-local and other non-public addresses before anything is fetched (one clear usage error).

The audit may run on a shared server for many agencies; a submission must not make it fetch the
server's own services or the local network. This check runs once, before the event loop starts
(a blocking lookup is fine here); while crawling, every connection is checked again by the
fetcher's :class:`~oit_checker.crawl.guard.AddressGuard`, which also covers redirects and DNS
rebinding.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from oit_checker.crawl.guard import non_public
from oit_checker.errors import UsageError

Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (the system resolver; /etc/hosts included)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class HostGuard:
    """Remembers the verdict per host; a host that does not resolve is let through (the
    fetch then reports a DNS error, which is ``not_checked``, never a refusal)."""

    def __init__(self, resolver: Resolver = resolve_host) -> None:
        self._resolver = resolver
        self._seen: dict[str, str | None] = {}

    def refusal(self, url: str) -> str | None:
        """Why ``url`` must not be fetched, or None when it may be."""
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            return None
        if not host:
            return None
        if host not in self._seen:
            self._seen[host] = self._check(host)
        return self._seen[host]

    def _check(self, host: str) -> str | None:
        literal = host.strip("[]")
        try:
            ipaddress.ip_address(literal.split("%", 1)[0])
        except ValueError:
            for address in self._resolver(host):
                why = non_public(address)
                if why is not None:
                    return f"{host} resolves to {address} ({why})"
            return None
        why = non_public(literal)
        return f"{literal} is a {why} address" if why is not None else None

    def check_all(self, urls: Iterable[str]) -> None:
        """Raise a one-line :class:`UsageError` on the first URL that must not be fetched."""
        for url in urls:
            why = self.refusal(url)
            if why is not None:
                raise UsageError(
                    f"refusing {url}: {why}; loopback, private and link-local addresses are"
                    " only audited with --allow-private"
                )


__all__ = ["HostGuard", "non_public", "resolve_host"]
