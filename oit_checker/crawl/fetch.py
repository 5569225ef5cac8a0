"""One URL over HTTP: redirects, retries, TLS fallback, size caps, streaming into the cache.

What comes back is always an outcome, never an exception: every failure is classified into the
:class:`~oit_checker.models.FetchError` taxonomy so that the report can say "not checked because
of a timeout" instead of "missing".
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

import httpx

from oit_checker.crawl.cache import BodyWriter, CacheEntry, HttpCache
from oit_checker.crawl.guard import AddressRefused
from oit_checker.crawl.politeness import HostSlot
from oit_checker.crawl.urls import (
    host_of,
    is_document_type,
    is_html_type,
    looks_like_document,
    normalize_url,
)
from oit_checker.models import FetchError

Kind = Literal["html", "document", "other"]

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
_THROTTLE_STATUSES = frozenset({429, 503})
_MAX_RETRY_WAIT_S = 120.0
_MIN_RATE_BPS = 1024
"""A body slower than this on average, after ``timeout_s``, is abandoned as a timeout."""
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_OPAQUE_TYPES = ("application/octet-stream", "binary/octet-stream", "application/force-download")
_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF", "document"),
    (b"PK\x03\x04", "document"),
    (b"\xd0\xcf\x11\xe0", "document"),
    (b"\x89PNG", "document"),
    (b"\xff\xd8\xff", "document"),
    (b"GIF8", "document"),
)


@dataclass
class Outcome:
    """The end result of fetching one URL (after redirects and retries)."""

    url: str
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    size: int = 0
    sha256: str | None = None
    error: FetchError | None = None
    error_detail: str | None = None
    body_path: Path | None = None
    kind: Kind | None = None
    redirects: list[str] = field(default_factory=list)
    from_cache: bool = False
    tls_verified: bool = True
    truncated: bool = False
    fetched_at: datetime | None = None
    body: bytes | None = None
    """The body of a just-downloaded HTML page, kept to avoid reading the file back."""
    downloaded: int = 0
    attempts: int = 0
    circuit_opened: bool = False


@dataclass
class _Attempt:
    status: int | None = None
    headers: httpx.Headers | None = None
    error: FetchError | None = None
    detail: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    location: str | None = None


@dataclass
class FetchSettings:
    timeout_s: float
    retries: int
    retry_backoff_s: float
    max_redirects: int
    max_html_bytes: int
    max_doc_bytes: int
    strict_tls: bool


class Fetcher:
    """Fetches URLs through per-host slots with a verifying and (lazily) a lenient client."""

    def __init__(
        self,
        settings: FetchSettings,
        cache: HttpCache,
        slot_for: Callable[[str], HostSlot],
        verified: httpx.AsyncClient,
        unverified: httpx.AsyncClient,
        on_tls_error: Callable[[str, str], None],
        on_circuit_open: Callable[[str], None],
        stopping: Callable[[], bool],
    ) -> None:
        self.s = settings
        self.cache = cache
        self._slot_for = slot_for
        self._verified = verified
        self._unverified = unverified
        self._on_tls_error = on_tls_error
        self._on_circuit_open = on_circuit_open
        self._stopping = stopping
        self.unverified_hosts: set[str] = set()

    async def fetch(
        self,
        url: str,
        *,
        redirect_ok: Callable[[str], bool] | None = None,
        use_cache: bool = True,
        max_bytes: int | None = None,
        raw: bool = False,
    ) -> Outcome:
        """GET ``url``, following at most ``max_redirects`` redirects that ``redirect_ok`` allows.

        ``raw`` accepts any content type (robots.txt, sitemaps) instead of pages and documents.
        """
        out = Outcome(url=url)
        current = url
        visited = {url}
        for _hop in range(self.s.max_redirects + 1):
            host = host_of(current)
            slot = self._slot_for(host)
            if slot.open:
                out.error, out.error_detail = FetchError.CIRCUIT_OPEN, _circuit_detail(slot)
                return out
            entry = self.cache.lookup(current) if use_cache else None
            location = await self._with_retries(current, slot, entry, out, max_bytes, raw)
            if location is None:
                out.final_url = current if current != url else out.final_url or current
                return out
            out.redirects.append(current)
            try:
                nxt = normalize_url(urljoin(current, location))
            except ValueError:
                out.error, out.error_detail = FetchError.HTTP_STATUS, f"bad Location: {location}"
                return out
            out.final_url = nxt
            if nxt in visited:
                out.error, out.error_detail = FetchError.TOO_MANY_REDIRECTS, "redirect loop"
                return out
            if redirect_ok is not None and not redirect_ok(nxt):
                out.error, out.error_detail = FetchError.OUT_OF_SCOPE, f"redirects to {nxt}"
                return out
            visited.add(nxt)
            current = nxt
        out.error = FetchError.TOO_MANY_REDIRECTS
        out.error_detail = f"more than {self.s.max_redirects} redirects"
        return out

    async def _with_retries(
        self,
        url: str,
        slot: HostSlot,
        entry: CacheEntry | None,
        out: Outcome,
        max_bytes: int | None,
        raw: bool,
    ) -> str | None:
        """Fetch one hop into ``out``; returns the redirect location, if any."""
        attempt_no = 0
        while True:
            out.attempts += 1
            att = await self._attempt(url, slot, entry, out, max_bytes, raw)
            if att.error == FetchError.TLS:
                host = host_of(url)
                self._on_tls_error(host, att.detail or "certificate not valid")
                if not self.s.strict_tls and host not in self.unverified_hosts:
                    self.unverified_hosts.add(host)
                    continue
            if att.location is not None:
                slot.success()
                return att.location
            if att.error is None:
                slot.success()
                return None
            if att.status in _THROTTLE_STATUSES:
                slot.throttled(att.retry_after)
            if (att.retryable and att.status is None) or (att.status or 0) >= 500:
                if slot.failure():
                    out.circuit_opened = True
                    self._on_circuit_open(slot.host)
            elif att.status is not None:
                slot.success()
            if not att.retryable or attempt_no >= self.s.retries or slot.open or self._stopping():
                return None
            wait = self.s.retry_backoff_s * (2**attempt_no)
            if att.retry_after is not None:
                wait = max(wait, att.retry_after)
            attempt_no += 1
            await asyncio.sleep(min(wait, _MAX_RETRY_WAIT_S))

    async def _attempt(
        self,
        url: str,
        slot: HostSlot,
        entry: CacheEntry | None,
        out: Outcome,
        max_bytes: int | None,
        raw: bool,
    ) -> _Attempt:
        host = host_of(url)
        lenient = host in self.unverified_hosts
        client = self._unverified if lenient else self._verified
        headers = self.cache.conditional_headers(entry)
        async with slot.request():
            # Checked again after waiting for the slot: the host may have died meanwhile.
            if slot.open:
                _reset_outcome(out, FetchError.CIRCUIT_OPEN, _circuit_detail(slot))
                return _Attempt(error=FetchError.CIRCUIT_OPEN)
            if self._stopping():
                _reset_outcome(out, FetchError.NOT_FETCHED, "stopped")
                return _Attempt(error=FetchError.NOT_FETCHED)
            try:
                async with client.stream("GET", url, headers=headers) as resp:
                    out.tls_verified = not lenient or not url.startswith("https:")
                    return await self._response(url, resp, entry, out, max_bytes, raw)
            except httpx.HTTPError as exc:
                kind, detail = classify_exception(exc)
                _reset_outcome(out, kind, detail)
                return _Attempt(
                    error=kind,
                    detail=detail,
                    retryable=kind in (FetchError.TIMEOUT, FetchError.RESET, FetchError.CONNECT),
                )
            except httpx.InvalidURL:
                # httpx builds the next request of a redirect even when it does not follow
                # it: a Location of javascript:, mailto:, data:, tel: or about: fails there.
                detail = "redirects to an address that is not a web page"
                _reset_outcome(out, FetchError.OUT_OF_SCOPE, detail)
                return _Attempt(error=FetchError.OUT_OF_SCOPE, detail=detail)

    async def _response(
        self,
        url: str,
        resp: httpx.Response,
        entry: CacheEntry | None,
        out: Outcome,
        max_bytes: int | None,
        raw: bool,
    ) -> _Attempt:
        status = resp.status_code
        ctype = resp.headers.get("content-type")
        out.status, out.content_type = status, ctype
        out.fetched_at = datetime.now(UTC)
        if status in _REDIRECTS and resp.headers.get("location"):
            return _Attempt(status=status, location=resp.headers["location"])
        if status == 304 and entry is not None:
            path = self.cache.body_path(url)
            out.status, out.content_type = entry.status, entry.content_type
            out.size, out.sha256, out.body_path = entry.size, entry.sha256, path
            out.from_cache, out.error, out.error_detail = True, None, None
            out.truncated = False
            out.kind = _kind(entry.content_type, url, _head(path))
            return _Attempt(status=304)
        if status >= 400 or status == 304:
            out.error, out.error_detail = FetchError.HTTP_STATUS, f"HTTP {status}"
            return _Attempt(
                status=status,
                error=FetchError.HTTP_STATUS,
                detail=f"HTTP {status}",
                retryable=status in _RETRY_STATUSES,
                retry_after=parse_retry_after(resp.headers.get("retry-after")),
            )
        kind_hint = _kind(ctype, url, b"")
        if kind_hint == "other" and not raw:
            out.error, out.error_detail = FetchError.CONTENT_TYPE, ctype or "no content type"
            out.kind = "other"
            return _Attempt(status=status, error=FetchError.CONTENT_TYPE)
        cap = max_bytes or (self.s.max_html_bytes if kind_hint == "html" else self.s.max_doc_bytes)
        length = _content_length(resp)
        if kind_hint == "document" and length is not None and length > cap:
            out.error = FetchError.TOO_LARGE
            out.error_detail = f"{length:,} bytes declared, {cap:,} allowed"
            out.truncated, out.kind, out.size = True, kind_hint, 0
            return _Attempt(status=status, error=FetchError.TOO_LARGE)
        writer = self.cache.writer(url, keep=cap if kind_hint == "html" else 0)
        try:
            err = await self._stream(resp, writer, cap)
        except httpx.HTTPError as exc:
            writer.discard()
            kind, detail = classify_exception(exc)
            _reset_outcome(out, kind, detail)
            return _Attempt(
                error=kind, detail=detail, retryable=kind in (FetchError.TIMEOUT, FetchError.RESET)
            )
        except BaseException:  # cancelled (stop): leave no partial file behind
            writer.discard()
            raise
        if err is not None and err[0] == FetchError.TIMEOUT:
            writer.discard()
            _reset_outcome(out, err[0], err[1])
            return _Attempt(error=err[0], detail=err[1], retryable=True)
        path = writer.commit()
        out.downloaded += writer.size
        out.size, out.sha256, out.body_path = writer.size, writer.sha256, path
        out.kind = _kind(ctype, url, writer.head)
        out.body = writer.data if out.kind == "html" else None
        if err is not None:
            out.error, out.error_detail, out.truncated = err[0], err[1], True
            self.cache.forget(url)
            return _Attempt(status=status, error=err[0])
        out.error = out.error_detail = None
        if out.kind == "other" and not raw:
            out.error, out.error_detail = FetchError.CONTENT_TYPE, ctype or "no content type"
        self._remember(url, resp, out)
        return _Attempt(status=status)

    async def _stream(
        self, resp: httpx.Response, writer: BodyWriter, cap: int
    ) -> tuple[FetchError, str] | None:
        started = time.monotonic()
        async for chunk in resp.aiter_bytes():
            room = cap - writer.size
            if len(chunk) > room:
                writer.write(chunk[:room])
                return FetchError.TOO_LARGE, f"more than {cap:,} bytes"
            writer.write(chunk)
            elapsed = time.monotonic() - started
            if elapsed > self.s.timeout_s and writer.size / elapsed < _MIN_RATE_BPS:
                return FetchError.TIMEOUT, f"body too slow ({writer.size} bytes in {elapsed:.0f} s)"
            if self._stopping() and elapsed > 2.0:
                return FetchError.TIMEOUT, "stopped while downloading"
        return None

    def _remember(self, url: str, resp: httpx.Response, out: Outcome) -> None:
        etag = resp.headers.get("etag")
        modified = resp.headers.get("last-modified")
        if out.status != 200 or out.sha256 is None or not (etag or modified):
            self.cache.forget(url)
            return
        self.cache.store_meta(
            CacheEntry(
                url=url,
                status=200,
                content_type=out.content_type,
                size=out.size,
                sha256=out.sha256,
                etag=etag,
                last_modified=modified,
            )
        )


def classify_exception(exc: BaseException) -> tuple[FetchError, str]:
    """Map an httpx exception (and what caused it) to the error taxonomy, by the types in its
    chain of causes, never by words of a message: a TLS handshake that timed out is a timeout,
    and a host whose name happens to contain "ssl" is not a certificate problem."""
    chain = _causes(exc)
    detail = str(exc) or type(exc).__name__
    refused = next((e for e in chain if isinstance(e, AddressRefused)), None)
    if refused is not None:  # the address guard said no: not a network fault
        return FetchError.ADDRESS_REFUSED, str(refused)
    if any(isinstance(e, httpx.TimeoutException | TimeoutError) for e in chain):
        return FetchError.TIMEOUT, f"{type(exc).__name__}: {detail}"
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return FetchError.TLS, getattr(e, "verify_message", None) or str(e)
        if isinstance(e, ssl.SSLEOFError | ssl.SSLZeroReturnError):
            return FetchError.RESET, str(e)  # the peer hung up during the handshake
        if isinstance(e, ssl.SSLError):
            return FetchError.TLS, str(e)
        if isinstance(e, socket.gaierror):
            return FetchError.DNS, str(e)
        if isinstance(e, ConnectionResetError | BrokenPipeError | ConnectionAbortedError):
            return FetchError.RESET, str(e)
        if isinstance(e, ConnectionRefusedError) or (
            isinstance(e, OSError) and e.errno in _UNREACHABLE
        ):
            return FetchError.CONNECT, str(e)
    if isinstance(exc, httpx.ReadError | httpx.RemoteProtocolError | httpx.WriteError):
        return FetchError.RESET, detail
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError.TOO_MANY_REDIRECTS, detail
    if isinstance(exc, httpx.DecodingError):
        return FetchError.DECODE, detail
    return FetchError.CONNECT, " | ".join(f"{type(e).__name__}: {e}" for e in chain)


_UNREACHABLE = frozenset({errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH})


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 10:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    return chain


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _circuit_detail(slot: HostSlot) -> str:
    """The same words as the crawler's: ``host: N consecutive failures``."""
    return f"{slot.host}: {slot.failures} consecutive failures"


def _reset_outcome(out: Outcome, kind: FetchError, detail: str) -> None:
    out.error, out.error_detail = kind, detail
    out.body_path, out.sha256, out.size, out.kind, out.truncated = None, None, 0, None, False
    out.body = None


def _content_length(resp: httpx.Response) -> int | None:
    value = resp.headers.get("content-length")
    if value is None or resp.headers.get("content-encoding"):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(512)
    except OSError:
        return b""


def _kind(content_type: str | None, url: str, head: bytes) -> Kind:
    """HTML page, document, or something else, from the type, the magic bytes and the URL."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if is_html_type(content_type):
        return "html"
    if is_document_type(content_type):
        return "document"
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    if not ct or ct in _OPAQUE_TYPES or ct == "text/plain":
        sniff = head.lstrip()[:100].lower()
        if sniff.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")):
            return "html"
        if looks_like_document(url):
            return "document"
        if not head and ct != "text/plain":
            return "document"  # undecided until the body is read
    return "other"


__all__ = ["FetchSettings", "Fetcher", "Outcome", "classify_exception", "parse_retry_after"]
