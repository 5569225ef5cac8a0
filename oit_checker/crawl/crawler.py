"""The crawl: seeds → focused frontier → polite fetches → resources, links and site findings.

What is done with each page is not decided here: the ``on_page`` handler receives every fetched
body once (and may hand back the page's links). The crawler only decides what to fetch, in which
order, how politely, and records why anything was not fetched, so that a blocked or capped crawl
never looks like an empty site.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

import oit_checker
from oit_checker.crawl.cache import HttpCache
from oit_checker.crawl.clients import http_clients
from oit_checker.crawl.decode import decode_html_detailed
from oit_checker.crawl.fetch import Fetcher, FetchSettings, Outcome
from oit_checker.crawl.frontier import Entry, Frontier
from oit_checker.crawl.guard import AddressGuard
from oit_checker.crawl.pager import is_pager
from oit_checker.crawl.politeness import HostSlot
from oit_checker.crawl.priority import default_priority
from oit_checker.crawl.robots import RobotsRules
from oit_checker.crawl.sitemaps import parse_sitemap
from oit_checker.crawl.soft404 import fingerprint, probe_url
from oit_checker.crawl.urls import (
    host_of,
    link_category,
    looks_like_document,
    normalize_url,
    strip_www,
    twin_hosts,
)
from oit_checker.extract.links import extract_links
from oit_checker.models import (
    CrawlStats,
    ExternalLink,
    FetchError,
    Link,
    LinkCategory,
    Problem,
    Resource,
)
from oit_checker.problems import make

log = logging.getLogger(__name__)

_ROBOTS_MAX_BYTES = 512 * 1024
_SITEMAP_MAX_FILES = 50
_SITEMAP_MAX_URLS = 50_000
_TRAP_RUN = 20
"""Consecutive hops that change only the query string before a path is treated as a trap."""
FOCUS_HOPS = 3
"""A page whose own link names an item (a list of monthly posts, an item page) lends its rank
to the links of its content for this many hops: ITA page → list → post → the post's file.
Pager links of a list keep the list's focus. Menus (``Link.nav``) lend nothing."""
FOCUS_FACTOR = 2.0
"""A link starts a focus when the priority function ranks it at least this many times as high
as a link that says nothing (``priority(start_url, "", "")``)."""
FOCUS_DECAY = 0.9
_STOP_GRACE_S = 3.0
_NORM_CACHE_MAX = 50_000
_DECODE_GARBAGE = 0.2
_BLOCKING = frozenset(
    {
        FetchError.DNS,
        FetchError.CONNECT,
        FetchError.TLS,
        FetchError.TIMEOUT,
        FetchError.RESET,
        FetchError.ROBOTS_DISALLOWED,
        FetchError.CIRCUIT_OPEN,
        FetchError.ADDRESS_REFUSED,
    }
)
"""Errors of the start page after which nothing else on the site is tried."""
_GONE = frozenset({404, 410})


@dataclass(frozen=True)
class CrawlConfig:
    start_url: str
    cache_dir: Path
    """On-disk HTTP cache and where every body is stored."""
    extra_hosts: tuple[str, ...] = ()
    max_pages: int = 3000
    max_documents: int = 2000
    max_depth: int = 10
    max_wall_s: float = 1800.0
    max_html_bytes: int = 5 * 2**20
    max_doc_bytes: int = 50 * 2**20
    max_redirects: int = 10
    per_host_concurrency: int = 2
    min_interval_s: float = 0.5
    timeout_s: float = 30.0
    retries: int = 3
    strict_tls: bool = False
    respect_robots: bool = True
    circuit_breaker_failures: int = 8
    soft404_probe: bool = True
    global_concurrency: int = 16
    user_agent: str = oit_checker.USER_AGENT
    only_urls: tuple[str, ...] | None = None
    """Audit mode: fetch exactly these URLs and the documents they link (depth 1)."""
    retry_backoff_s: float = 1.0
    """First retry waits this long, then twice as long each time (Retry-After wins if longer)."""
    ca_file: Path | None = None
    """Extra CA bundle to trust (tests; agencies behind a private CA)."""
    use_sitemaps: bool = True
    redirect_allowed: Callable[[str], bool] | None = None
    """Every redirect target must also pass this (audit mode: no private addresses); a refused
    redirect is recorded as ``out_of_scope``."""
    guard: AddressGuard | None = None
    """Every connection (every request, every redirect hop, robots.txt, sitemaps, the soft-404
    probe) goes only to public addresses (:mod:`oit_checker.crawl.guard`); refused requests are
    ``address_refused``. None: no check (a scan of the site the user names)."""


@dataclass(frozen=True)
class CrawlProgress:
    fetched: int
    queued: int
    documents: int
    errors: int
    elapsed: float


PageHandler = Callable[[Resource, bytes, str | None], Sequence[Link] | None]
PriorityFn = Callable[[str, str, str], float]
ProgressFn = Callable[[CrawlProgress], None]


@dataclass(repr=False)
class CrawlResult:
    resources: list[Resource]
    links: dict[str, list[Link]]
    external_links: list[ExternalLink]
    site_findings: list[Problem]
    stats: CrawlStats
    soft_404: bool
    start_url: str
    start_fetched: bool = field(default=False, repr=False)

    @property
    def partial(self) -> bool:
        """A limit was hit, the crawl was interrupted, a host was blocked, or a page of the
        site could not be fetched for a passing reason (timeout, reset, 5xx): what it holds
        is unknown."""
        blocked = any(f.code in ("circuit_open", "site_unreachable") for f in self.site_findings)
        if self.stats.limits_hit or self.stats.interrupted or blocked:
            return True
        return any(_transient(r) for r in self.resources)

    @property
    def reachable(self) -> bool:
        """The start page (in audit mode: any given URL) was fetched."""
        return self.start_fetched

    def __repr__(self) -> str:
        # Short on purpose: Python 3.11's asyncio.run repr()s the main task's result when it
        # restores the SIGINT handler, and a full repr of 10,000 resources costs ~170 MB.
        return (
            f"CrawlResult(start_url={self.start_url!r}, resources={len(self.resources)},"
            f" pages={self.stats.pages_fetched}, documents={self.stats.documents_fetched},"
            f" reachable={self.reachable}, partial={self.partial})"
        )


class Crawler:
    """Crawl one site as configured; see :class:`CrawlConfig`."""

    def __init__(
        self,
        config: CrawlConfig,
        *,
        on_page: PageHandler | None = None,
        priority: PriorityFn | None = None,
        progress: ProgressFn | None = None,
    ) -> None:
        self.config = config
        self._on_page = on_page
        self._priority = priority or default_priority
        self._progress = progress
        self._frontier = Frontier()
        self._resources: dict[str, Resource] = {}
        self._links: dict[str, list[Link]] = {}
        self._external: dict[tuple[str, str], ExternalLink] = {}
        self._findings: list[Problem] = []
        self._finding_keys: set[tuple[str, str]] = set()
        self._slots: dict[str, HostSlot] = {}
        self._robots = RobotsRules(
            self._fetch_robots,
            config.user_agent,
            lambda host, delay: self._slot(host).set_crawl_delay(delay),
        )
        self._scope: set[str] = set()
        self._limits: list[str] = []
        self._stats = CrawlStats()
        self._pages_started = 0
        self._docs_started = 0
        self._in_flight: dict[str, Entry] = {}
        self._deferred: dict[str, tuple[Entry, str]] = {}
        self._link_pool: dict[tuple[str, str, str, str, str | None, bool], Link] = {}
        self._norm_cache: dict[str, str | None] = {}
        self._focus_from: float | None = None
        self._stop_requested = False
        self._stopping = False
        self._stop_event: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = 0.0
        self._soft404_fp: str | None = None
        self._soft404 = False
        self._start_url = ""
        self._start_fetched = False
        self._fetcher: Fetcher | None = None

    # ------------------------------------------------------------------ public

    def stop(self) -> None:
        """Stop cleanly (Ctrl-C): no new requests; the result is marked interrupted."""
        self._stop_requested = True
        self._stopping = True
        loop, event = self._loop, self._stop_event
        if loop is not None and event is not None and not loop.is_closed():
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                event.set()
            else:
                loop.call_soon_threadsafe(event.set)

    async def run(self) -> CrawlResult:
        cfg = self.config
        self._loop = asyncio.get_running_loop()
        self._stop_event = asyncio.Event()
        if self._stop_requested:
            self._stop_event.set()
        self._started = time.monotonic()
        cache = HttpCache(Path(cfg.cache_dir))
        self._start_url = normalize_url(cfg.start_url)
        self._scope = twin_hosts(host_of(self._start_url))
        for extra in cfg.extra_hosts:
            self._scope |= twin_hosts(host_of(extra) or extra)
        for url in cfg.only_urls or ():
            self._scope |= twin_hosts(host_of(url))
        async with http_clients(
            user_agent=cfg.user_agent,
            timeout_s=cfg.timeout_s,
            concurrency=cfg.global_concurrency,
            ca_file=cfg.ca_file,
            guard=cfg.guard,
        ) as (verified, unverified):
            self._fetcher = Fetcher(
                FetchSettings(
                    timeout_s=cfg.timeout_s,
                    retries=cfg.retries,
                    retry_backoff_s=cfg.retry_backoff_s,
                    max_redirects=cfg.max_redirects,
                    max_html_bytes=cfg.max_html_bytes,
                    max_doc_bytes=cfg.max_doc_bytes,
                    strict_tls=cfg.strict_tls,
                ),
                cache,
                self._slot,
                verified,
                unverified,
                self._tls_error,
                self._circuit_open,
                lambda: self._stopping,
            )
            watchdog = asyncio.create_task(self._watchdog())
            try:
                await self._crawl()
            finally:
                watchdog.cancel()
                cache.close()
        return self._result()

    # ------------------------------------------------------------------ phases

    async def _crawl(self) -> None:
        cfg = self.config
        if cfg.only_urls is not None:
            seeds = [normalize_url(u) for u in cfg.only_urls]
            if cfg.soft404_probe and seeds:
                await self._probe(seeds[0])
            for url in seeds:
                self._enqueue(url, 0, None, "", "", looks_like_document(url))
            await self._run_workers()
            # The site answered when any given URL was fetched or answered "not found": a
            # submitted URL that is 404 is that URL's dead link, not a site that cannot be opened
            # (a site that refuses everything with 403 or 5xx still cannot be).
            given = set(seeds)
            self._start_fetched = any(
                r.ok or r.status in _GONE for u, r in self._resources.items() if u in given
            )
            if not self._start_fetched:
                first = self._resources.get(seeds[0]) if seeds else None
                self._unreachable(first)
            return
        start = Entry(self._start_url, 0, 1e9, looks_like_document(self._start_url))
        self._frontier.mark_seen(self._key(self._start_url))
        self._in_flight[start.url] = start
        resource = await self._process(start, is_start=True)
        self._in_flight.pop(start.url, None)
        if resource is None or not resource.ok:
            self._unreachable(resource)
            if resource is not None and resource.error in _BLOCKING:
                return
        else:
            self._start_fetched = True
        if self._stopping:
            return
        if cfg.soft404_probe:
            await self._probe(self._start_url if resource is None else resource.final_url or "")
        if cfg.use_sitemaps:
            await self._seed_sitemaps()
        await self._run_workers()

    async def _run_workers(self) -> None:
        n = max(1, self.config.global_concurrency)
        workers = [asyncio.create_task(self._worker()) for _ in range(n)]
        assert self._stop_event is not None
        stop_wait = asyncio.create_task(self._stop_event.wait())
        all_done: asyncio.Future[list[BaseException | None]] = asyncio.gather(
            *workers, return_exceptions=True
        )
        waiters: set[asyncio.Future[object]] = {stop_wait, all_done}  # type: ignore[arg-type]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            # asyncio.wait leaves the workers running: cancel them and wait until they have
            # unwound, so none outlives the crawl (and its closed client) when a batch stops.
            stop_wait.cancel()
            for task in workers:
                task.cancel()
            await asyncio.gather(stop_wait, *workers, return_exceptions=True)
            raise
        if not all_done.done():
            await self._frontier.close()
            _done, pending = await asyncio.wait(workers, timeout=_STOP_GRACE_S)
            for task in pending:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        stop_wait.cancel()
        for task in workers:
            if task.done() and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]

    async def _worker(self) -> None:
        while True:
            entry = await self._frontier.get()
            if entry is None:
                return
            self._in_flight[entry.url] = entry
            try:
                await self._process(entry)
            finally:
                self._in_flight.pop(entry.url, None)
                await self._frontier.done()

    async def _watchdog(self) -> None:
        await asyncio.sleep(self.config.max_wall_s)
        self._limit("max_wall_s")
        self._stopping = True
        if self._stop_event is not None:
            self._stop_event.set()

    # ------------------------------------------------------------------ one URL

    async def _process(self, entry: Entry, *, is_start: bool = False) -> Resource | None:
        cfg = self.config
        if self._stop_requested:
            self._stopping = True
        if self._stopping:
            self._not_fetched(entry, self._stop_reason())
            return None
        host = host_of(entry.url)
        slot = self._slot(host)
        if slot.open:
            return self._record(
                entry,
                Outcome(
                    url=entry.url,
                    error=FetchError.CIRCUIT_OPEN,
                    error_detail=f"{host}: {slot.failures} consecutive failures",
                ),
            )
        if not is_start:
            if entry.document and self._docs_started >= cfg.max_documents:
                self._limit("max_documents")
                return self._not_fetched(entry, "max_documents")
            if not entry.document and self._pages_started >= cfg.max_pages:
                self._limit("max_pages")
                return self._not_fetched(entry, "max_pages")
        if entry.document:
            self._docs_started += 1
        else:
            self._pages_started += 1
        if cfg.respect_robots and not await self._allowed(entry.url):
            return self._record(
                entry,
                Outcome(
                    url=entry.url, error=FetchError.ROBOTS_DISALLOWED, error_detail="robots.txt"
                ),
            )
        assert self._fetcher is not None
        redirect_ok = (lambda _u: True) if is_start or entry.document else self._in_scope
        if cfg.redirect_allowed is not None:
            redirect_ok = _both(redirect_ok, cfg.redirect_allowed)
        out = await self._fetcher.fetch(entry.url, redirect_ok=redirect_ok)
        if is_start and out.final_url and out.final_url != entry.url and out.error is None:
            self._scope |= twin_hosts(host_of(out.final_url))
            self._start_url = out.final_url
        if out.final_url and out.final_url != entry.url:
            self._frontier.mark_seen(self._key(out.final_url))
        if out.error == FetchError.NOT_FETCHED:
            return self._not_fetched(entry, self._stop_reason())
        return await self._handle(entry, out)

    async def _handle(self, entry: Entry, out: Outcome) -> Resource:
        text: str | None = None
        body = b""
        ok_status = 200 <= (out.status or 0) < 300
        readable = out.error is None and out.body_path is not None and ok_status
        if readable and out.body is not None:
            body = out.body
        elif readable and out.body_path is not None and (out.kind == "html" or self._on_page):
            body = out.body_path.read_bytes()  # documents only when someone will read them
        out.body = None
        encoding: str | None = None
        if body and out.kind == "html":
            decoded = decode_html_detailed(body, out.content_type)
            encoding = decoded.encoding
            text = decoded.text
            if not decoded.clean:
                bad = text.count("\ufffd") / max(1, len(text))
                out.error_detail = "decode_replaced"
                if bad > _DECODE_GARBAGE:
                    out.error, out.error_detail = FetchError.DECODE, f"{bad:.0%} undecodable"
            fp = self._soft404_fp
            if fp is not None and out.error is None and fingerprint(text, entry.url) == fp:
                out.error_detail = "soft_404"
        resource = self._record(entry, out, encoding)
        if out.error is not None:
            log.debug("%s: %s (%s)", entry.url, out.error.value, out.error_detail)
        if out.error is not None or not body:
            return resource
        links: Sequence[Link] | None = None
        if self._on_page is not None:
            links = self._on_page(resource, body, text)
        if out.kind == "html" and not entry.document and text is not None:
            if links is None:
                tree = LexborHTMLParser(text)
                links = extract_links(tree, out.final_url or entry.url)
            page_links = [self._shared(link) for link in links]
            self._links[entry.url] = page_links
            self._follow(entry, out.final_url or entry.url, page_links)
        return resource

    def _follow(self, entry: Entry, page_url: str, links: list[Link]) -> None:
        cfg = self.config
        audit = cfg.only_urls is not None
        page_depth_cap = 0 if audit else cfg.max_depth
        page_path = urlsplit(page_url).path
        for link in links:
            url = self._normalized(link.url)
            if url is None:
                continue
            host = host_of(url)
            depth = entry.depth + 1
            document = looks_like_document(url)
            if host not in self._scope:
                self._external_link(url, link, page_url, host)
                category = link_category(host)
                if category != LinkCategory.OTHER:
                    if document or category == LinkCategory.FILE_HOST:
                        self._skip(url, entry, link, FetchError.OUT_OF_SCOPE, category.value)
                    continue
                if not document:
                    continue
            key = self._key(url)
            if self._frontier.seen(key) and not self._frontier.queued(key):
                continue  # fetched, failed or in flight: nothing below would change (hot path)
            if document:
                if depth > page_depth_cap + 1:
                    self._over_limit(url, entry, link, "max_depth")
                    continue
            elif depth > page_depth_cap:
                if not audit:
                    self._over_limit(url, entry, link, "max_depth")
                continue
            run = 0
            parts = urlsplit(url)
            if not document and parts.path == page_path and parts.query:
                run = entry.run + 1
                if run > _TRAP_RUN:
                    self._over_limit(url, entry, link, "crawl_trap")
                    continue
            lent, hops = 0.0, 0
            if entry.focus > 0 and not link.nav:
                lent = entry.priority * FOCUS_DECAY
                hops = entry.focus if is_pager(page_url, url, link.text) else entry.focus - 1
            self._enqueue(
                url, depth, page_url, link.text, link.context, document, run, key, lent, hops
            )

    def _normalized(self, raw: str) -> str | None:
        """``normalize_url`` of an http(s) link, memoised: menus repeat the same links."""
        found = self._norm_cache.get(raw, "")
        if found != "":
            return found
        url: str | None = None
        if raw and raw[:5].lower() in ("http:", "https"):
            try:
                url = normalize_url(raw)
            except ValueError:
                url = None
        if len(self._norm_cache) >= _NORM_CACHE_MAX:
            self._norm_cache.clear()
        self._norm_cache[raw] = url
        return url

    def _shared(self, link: Link) -> Link:
        """One Link object per distinct link: menus repeat the same links on every page, and
        10,000 pages x 100 menu links would otherwise hold a million copies in memory."""
        key = (link.url, link.text, link.context, link.tag, link.raw_href, link.nav)
        found = self._link_pool.get(key)
        if found is None:
            self._link_pool[key] = found = link
        return found

    def _enqueue(
        self,
        url: str,
        depth: int,
        referrer: str | None,
        text: str,
        context: str,
        document: bool,
        run: int = 0,
        key: str | None = None,
        lent: float = 0.0,
        hops: int = 0,
    ) -> None:
        own = float(self._priority(url, text, context))
        if self._focus_from is None:
            self._focus_from = FOCUS_FACTOR * float(self._priority(self._start_url, "", ""))
        focus = FOCUS_HOPS if own >= self._focus_from else (max(0, hops) if lent > own else 0)
        priority = max(own, lent)
        entry = Entry(url, depth, priority, document, referrer, text or None, run, focus)
        self._frontier.add(key or self._key(url), entry)

    # ------------------------------------------------------------------ seeds

    async def _probe(self, base_url: str) -> None:
        """Ask for a page that cannot exist; a 200 means the site hides its 404s."""
        if not base_url:
            return
        url = probe_url(base_url)
        assert self._fetcher is not None
        out = await self._fetcher.fetch(url, use_cache=False, max_bytes=self.config.max_html_bytes)
        if out.error is not None or out.status != 200 or out.body_path is None:
            return
        self._soft404 = True
        self._finding("soft_404", url=url)
        body = out.body_path.read_bytes()
        if out.kind == "html":
            final = out.final_url or url
            if self._key(final) != self._key(self._start_url):
                text = decode_html_detailed(body, out.content_type).text
                self._soft404_fp = fingerprint(text, url)

    async def _seed_sitemaps(self) -> None:
        parts = urlsplit(self._start_url)
        origin = f"{parts.scheme}://{parts.netloc}"
        queue = [f"{origin}/sitemap.xml"]
        host = host_of(self._start_url)
        robots = await self._robots.rules(host, self._origin(host))
        if robots is not None:
            queue = [*robots.sitemaps, *queue]
        seen: set[str] = set()
        count = 0
        assert self._fetcher is not None
        while queue and len(seen) < _SITEMAP_MAX_FILES and not self._stopping:
            try:
                url = normalize_url(queue.pop(0))
            except ValueError:
                continue
            if url in seen or host_of(url) not in self._scope:
                continue
            seen.add(url)
            out = await self._fetcher.fetch(url, raw=True, max_bytes=self.config.max_doc_bytes)
            if out.error is not None or out.body_path is None:
                continue
            sitemap = parse_sitemap(out.body_path.read_bytes())
            queue.extend(sitemap.sitemaps)
            for loc in sitemap.urls:
                if count >= _SITEMAP_MAX_URLS:
                    break
                try:
                    page = normalize_url(loc)
                except ValueError:
                    continue
                if host_of(page) not in self._scope:
                    continue
                count += 1
                self._enqueue(page, 1, url, "", "", looks_like_document(page))

    def _origin(self, host: str) -> str:
        """scheme://netloc to reach ``host`` (taken from a URL of that host being fetched)."""
        sample = next((u for u in (self._start_url, *self._in_flight) if host_of(u) == host), None)
        if sample is None:
            return f"{urlsplit(self._start_url).scheme}://{host}"
        parts = urlsplit(sample)
        return f"{parts.scheme}://{parts.netloc}"

    async def _fetch_robots(self, url: str) -> bytes | None:
        assert self._fetcher is not None
        out = await self._fetcher.fetch(url, raw=True, max_bytes=_ROBOTS_MAX_BYTES, use_cache=False)
        if out.error is not None or out.body_path is None:
            return None
        return out.body if out.body is not None else out.body_path.read_bytes()

    async def _allowed(self, url: str) -> bool:
        host = host_of(url)
        return await self._robots.allowed(url, host, self._origin(host))

    # ------------------------------------------------------------------ recording

    def _record(self, entry: Entry, out: Outcome, encoding: str | None = None) -> Resource:
        resource = Resource(
            url=entry.url,
            final_url=out.final_url,
            status=out.status,
            content_type=out.content_type,
            size=out.size,
            fetched_at=out.fetched_at,
            sha256=out.sha256,
            error=out.error,
            error_detail=out.error_detail,
            body_path=str(out.body_path) if out.body_path is not None else None,
            encoding=encoding,
            depth=entry.depth,
            referrer=entry.referrer,
            anchor_text=entry.anchor_text,
            redirects=out.redirects,
            from_cache=out.from_cache,
            tls_verified=out.tls_verified,
            truncated=out.truncated,
        )
        self._resources[entry.url] = resource
        st = self._stats
        st.bytes_fetched += out.downloaded
        if out.from_cache:
            st.from_cache += 1
        if resource.error is not None:
            kind = resource.error.value
            st.errors_by_kind[kind] = st.errors_by_kind.get(kind, 0) + 1
        elif resource.ok:
            if out.kind == "html" and not entry.document:
                st.pages_fetched += 1
            else:
                st.documents_fetched += 1
        if not resource.tls_verified:
            st.tls_unverified = True
        self._report_progress()
        return resource

    def _not_fetched(self, entry: Entry, reason: str) -> Resource:
        return self._record(
            entry, Outcome(url=entry.url, error=FetchError.NOT_FETCHED, error_detail=reason)
        )

    def _skip(self, url: str, entry: Entry, link: Link, error: FetchError, detail: str) -> None:
        key = self._key(url)
        if self._frontier.seen(key):
            return
        self._frontier.mark_seen(key)
        child = Entry(url, entry.depth + 1, 0.0, True, entry.url, link.text or None)
        self._record(child, Outcome(url=url, error=error, error_detail=detail))

    def _over_limit(self, url: str, entry: Entry, link: Link, limit: str) -> None:
        """Remember a URL beyond a limit; reported as not_fetched only if never reached."""
        key = self._key(url)
        if key in self._deferred or self._frontier.seen(key):
            return
        child = Entry(url, entry.depth + 1, 0.0, False, entry.url, link.text or None)
        self._deferred[key] = (child, limit)

    def _external_link(self, url: str, link: Link, page_url: str, host: str) -> None:
        key = (url, page_url)
        if key in self._external:
            return
        self._external[key] = ExternalLink(
            url=url, text=link.text, found_on=page_url, host=host, category=link_category(host)
        )

    def _limit(self, name: str) -> None:
        if name not in self._limits:
            log.info("crawl of %s reached its %s limit", self._start_url, name)
            self._limits.append(name)

    def _finding(self, code: str, url: str | None = None, **params: object) -> None:
        key = (code, str(params.get("host") or params.get("limit") or url or ""))
        if key in self._finding_keys:
            return
        self._finding_keys.add(key)
        self._findings.append(make(code, url=url, **params))

    def _tls_error(self, host: str, detail: str) -> None:
        log.warning("TLS error on %s: %s", host, detail)
        self._finding("tls_error", host=host, detail=detail)
        if not self.config.strict_tls:
            self._finding("tls_unverified", host=host)

    def _circuit_open(self, host: str) -> None:
        log.warning(
            "%s failed %d times in a row: not asked again",
            host,
            self.config.circuit_breaker_failures,
        )
        self._finding("circuit_open", host=host, failures=self.config.circuit_breaker_failures)

    def _unreachable(self, resource: Resource | None) -> None:
        if resource is None:
            reason = "interrupted"
        elif resource.error is not None:
            reason = resource.error.value
            if resource.error == FetchError.HTTP_STATUS:
                reason = f"HTTP {resource.status}"
        else:
            reason = f"HTTP {resource.status}"
        self._finding(
            "site_unreachable", url=self.config.start_url, site=self._start_url, reason=reason
        )

    def _report_progress(self) -> None:
        if self._progress is None:
            return
        st = self._stats
        self._progress(
            CrawlProgress(
                fetched=st.pages_fetched + st.documents_fetched,
                queued=len(self._frontier),
                documents=st.documents_fetched,
                errors=sum(st.errors_by_kind.values()),
                elapsed=time.monotonic() - self._started,
            )
        )

    def _result(self) -> CrawlResult:
        interrupted = self._stop_requested
        reason = self._stop_reason()
        for key, (entry, limit) in self._deferred.items():
            if not self._frontier.seen(key) and entry.url not in self._resources:
                self._limit(limit)
                self._not_fetched(entry, limit)
        for entry in [*self._in_flight.values(), *self._frontier.drain()]:
            if entry.url in self._resources:
                continue
            slot = self._slots.get(host_of(entry.url))
            if slot is not None and slot.open:
                self._record(
                    entry,
                    Outcome(
                        url=entry.url,
                        error=FetchError.CIRCUIT_OPEN,
                        error_detail=f"{slot.host}: {slot.failures} consecutive failures",
                    ),
                )
            else:
                self._not_fetched(entry, reason)
        st = self._stats
        st.limits_hit = list(self._limits)
        st.interrupted = interrupted
        st.soft_404 = self._soft404
        st.elapsed_s = round(time.monotonic() - self._started, 3)
        st.queued_left = sum(
            1 for r in self._resources.values() if r.error == FetchError.NOT_FETCHED
        )
        for limit in self._limits:
            self._finding("crawl_limit", limit=limit)
        if interrupted:
            self._finding("interrupted")
        return CrawlResult(
            resources=list(self._resources.values()),
            links=self._links,
            external_links=list(self._external.values()),
            site_findings=self._findings,
            stats=st,
            soft_404=self._soft404,
            start_url=self._start_url,
            start_fetched=self._start_fetched,
        )

    # ------------------------------------------------------------------ helpers

    def _stop_reason(self) -> str:
        if self._stop_requested:
            return "interrupted"
        return "max_wall_s" if "max_wall_s" in self._limits else "limit"

    def _slot(self, host: str) -> HostSlot:
        slot = self._slots.get(host)
        if slot is None:
            cfg = self.config
            slot = HostSlot(
                host, cfg.per_host_concurrency, cfg.min_interval_s, cfg.circuit_breaker_failures
            )
            self._slots[host] = slot
        return slot

    def _in_scope(self, url: str) -> bool:
        return host_of(url) in self._scope

    def _key(self, url: str) -> str:
        """Dedupe key: in-scope URLs ignore http/https and www (agency sites mix them freely)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in self._scope:
            netloc = strip_www(parts.netloc.lower())
            return urlunsplit(("", netloc, parts.path, parts.query, ""))
        return url


_TRANSIENT = frozenset({FetchError.TIMEOUT, FetchError.RESET, FetchError.CONNECT})


def _transient(resource: Resource) -> bool:
    """A fetch that failed for a passing reason, or a server error: the page may be fine."""
    if resource.error in _TRANSIENT:
        return True
    status = resource.status or 0
    return resource.error is FetchError.HTTP_STATUS and (status >= 500 or status == 429)


def _both(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda url: first(url) and second(url)


__all__ = [
    "CrawlConfig",
    "CrawlProgress",
    "CrawlResult",
    "Crawler",
    "PageHandler",
    "PriorityFn",
    "ProgressFn",
]
