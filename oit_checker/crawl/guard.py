"""The address guard: no request reaches a loopback, private, link-local or other non-public
address unless the caller allows it. This is the one public place for it (``audit`` without
``--allow-private`` and the web server use it)::

    from oit_checker.crawl.guard import AddressGuard
    guard = AddressGuard()
    why = await guard.refusal("https://www.example-sao.go.th/")  # None: may be fetched
    config = CrawlConfig(start_url=..., cache_dir=..., guard=guard)  # every request checked

The check sits where connections are made (:class:`GuardedTransport`, the HTTP transport of
every crawl client), so it covers every request and every redirect hop, robots.txt, sitemaps
and the soft-404 probe included. A host name is resolved with the event loop's resolver (never
a blocking ``getaddrinfo`` on the loop), every address it resolves to must be public, and the
connection goes to the address that was checked: a name that resolves to a public address for
the check and to ``127.0.0.1`` a moment later (DNS rebinding) cannot slip through, because it
is not resolved again. TLS still verifies the certificate against the host name.

``resolve`` and ``classify`` are hooks: tests map test host names to loopback addresses and
declare one of them public, so that traffic stays on 127.0.0.0/8.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

Resolve = Callable[[str, int], Awaitable[list[str]]]
"""Host name and port → the addresses to connect to (``socket.gaierror`` when unknown)."""
Classify = Callable[[str], str | None]
"""Address → why it is not public ("loopback", "private", …), or None when it is."""


def non_public(address: str) -> str | None:
    """Why ``address`` is not a public one ("loopback", "private", …), or None."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0].strip("[]"))
    except ValueError:
        return "invalid"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name, flag in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return name
    if not ip.is_global:
        return "not global"
    return None


async def loop_resolve(host: str, port: int) -> list[str]:
    """Every address of ``host`` from the running event loop's resolver (/etc/hosts included;
    the lookup runs in the loop's executor, the loop goes on)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


class AddressRefused(httpcore.ConnectError):
    """The guard refused to connect (httpx raises it as a ``ConnectError`` caused by this)."""


@dataclass(frozen=True)
class AddressGuard:
    resolve: Resolve = loop_resolve
    classify: Classify = non_public

    async def addresses(self, host: str, port: int) -> list[str]:
        """The public addresses to connect to for ``host``; :class:`AddressRefused` when any
        address it resolves to is not public (``socket.gaierror`` when it does not resolve)."""
        literal = host.strip("[]")
        if _is_ip(literal):
            why = self.classify(literal)
            if why is not None:
                raise AddressRefused(f"{literal} is a {why} address")
            return [literal]
        found = await self.resolve(host, port)
        for address in found:
            why = self.classify(address)
            if why is not None:
                raise AddressRefused(f"{host} resolves to {address} ({why})")
        if not found:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no address")
        return found

    async def refusal(self, url: str) -> str | None:
        """Why ``url`` must not be fetched, or None (a name that does not resolve is let
        through: fetching it reports a DNS error, which is ``not_checked``, never a refusal)."""
        try:
            parts = urlsplit(url)
            host, port = parts.hostname or "", parts.port or 443
        except ValueError:
            return None
        if not host:
            return None
        try:
            await self.addresses(host, port)
        except AddressRefused as exc:
            return str(exc)
        except (OSError, UnicodeError):
            return None
        return None

    async def check_all(self, urls: Iterable[str]) -> list[tuple[str, str]]:
        """(url, why) for each of ``urls`` that must not be fetched."""
        out = []
        for url in urls:
            why = await self.refusal(url)
            if why is not None:
                out.append((url, why))
        return out


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the guard returned, never to a name resolved again."""

    def __init__(self, guard: AddressGuard) -> None:
        self._guard = guard
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._guard.addresses(host, port)
        except AddressRefused:
            raise
        except (OSError, UnicodeError) as exc:  # DNS: httpx maps this to ConnectError
            raise httpcore.ConnectError(str(exc)) from exc
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise AddressRefused("unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport with the guard as its network backend. httpx has no option for
    the network backend, so the connection pool it built is replaced by one with the same
    settings and the guarded backend."""

    def __init__(self, guard: AddressGuard, *, verify: ssl.SSLContext, limits: httpx.Limits):
        super().__init__(verify=verify, limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=verify,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(guard),
        )


__all__ = [
    "AddressGuard",
    "AddressRefused",
    "Classify",
    "GuardedTransport",
    "Resolve",
    "loop_resolve",
    "non_public",
]
