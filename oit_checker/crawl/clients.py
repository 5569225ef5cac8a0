"""The two HTTP clients of a crawl: one verifying certificates, one lenient.

The lenient client is used only for hosts whose certificate failed verification, and only
when the user did not ask for strict TLS, so that the content can still be checked.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from oit_checker.crawl.guard import AddressGuard, GuardedTransport


@asynccontextmanager
async def http_clients(
    *,
    user_agent: str,
    timeout_s: float,
    concurrency: int,
    ca_file: Path | None = None,
    guard: AddressGuard | None = None,
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """Yield (verifying, lenient) clients; both closed on exit. With ``guard`` every
    connection of both goes through it (:mod:`oit_checker.crawl.guard`)."""
    verifying = ssl.create_default_context()
    if ca_file is not None:
        verifying.load_verify_locations(cafile=str(ca_file))
    lenient = ssl.create_default_context()
    lenient.check_hostname = False
    lenient.verify_mode = ssl.CERT_NONE
    clients = [
        _client(verify, user_agent, timeout_s, concurrency, guard)
        for verify in (verifying, lenient)
    ]
    try:
        yield clients[0], clients[1]
    finally:
        for client in clients:
            await client.aclose()


def _client(
    verify: ssl.SSLContext,
    user_agent: str,
    timeout_s: float,
    concurrency: int,
    guard: AddressGuard | None,
) -> httpx.AsyncClient:
    limits = httpx.Limits(
        max_connections=max(1, concurrency) * 2,
        max_keepalive_connections=max(1, concurrency),
    )
    transport = None if guard is None else GuardedTransport(guard, verify=verify, limits=limits)
    return httpx.AsyncClient(
        verify=verify,
        headers={"User-Agent": user_agent, "Accept-Language": "th,en;q=0.8"},
        timeout=httpx.Timeout(timeout_s),
        follow_redirects=False,
        limits=limits,
        trust_env=False,
        transport=transport,
    )


__all__ = ["http_clients"]
