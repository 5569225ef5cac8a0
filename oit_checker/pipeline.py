"""One scan, end to end: crawl → extract → match → assess → Report.

HTML pages are read while the crawl runs (their links steer the crawl). Documents (PDF, Office,
scans, images) are read in the process's worker pool (:mod:`oit_checker.extract.pool`) from the
bodies the crawler streamed to disk, while the crawl goes on: a slow PDF or an OCR run never
holds up the event loop, and a read stuck past its hard limit is killed and reported
``extract_timeout``. Reads still running when the scan's time is up are stopped the same way,
so that a scan ends within ``--max-time`` with a report.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from oit_checker import __version__
from oit_checker.assess import SiteEvidence, assess, detect_agency_type, score
from oit_checker.crawl import (
    CrawlConfig,
    Crawler,
    CrawlProgress,
    CrawlResult,
    PriorityFn,
)
from oit_checker.crawl.urls import url_key
from oit_checker.docstore import DEFAULT_BUDGET_CHARS, DocumentStore
from oit_checker.extract import EXTRACTOR_ERROR, ExtractLimits, extract
from oit_checker.extract.pool import DocumentReads, ReadPool, shared_pool
from oit_checker.image_reading import pages_to_read, read_page_images
from oit_checker.match import Matcher, make_priority
from oit_checker.models import (
    DocKind,
    Document,
    Link,
    PackInfo,
    Report,
    Resource,
)
from oit_checker.problems import make
from oit_checker.rules.default import choice_reason
from oit_checker.rules.schema import Pack

log = logging.getLogger(__name__)

READ_GRACE = 1.05
"""Documents still being read when the crawl's ``max_wall_s`` (times this) is over are stopped."""
_READ_PROBLEMS = ("extract_timeout", EXTRACTOR_ERROR, "body_unavailable")


@dataclass
class ScanOptions:
    """What a scan needs besides the site: limits and politeness come from CrawlConfig."""

    crawl: CrawlConfig
    extract_limits: ExtractLimits = field(default_factory=ExtractLimits)
    today: date | None = None
    progress: Callable[[CrawlProgress], None] | None = None
    mode: str = "scan"
    """``scan`` (crawl the site) or ``audit`` (only the submitted URLs)."""
    doc_budget_chars: int = DEFAULT_BUDGET_CHARS
    """Documents kept whole in memory up to this size; later pages are re-read on lookup."""
    on_stage: StageFn | None = None
    """Told what the scan is doing beyond the crawl's counts (see :class:`StageEvent`)."""
    read_deadline_s: float | None = None
    """Seconds from the scan's start after which documents not yet read are stopped
    (``extract_timeout``); None: the crawl's ``max_wall_s`` x :data:`READ_GRACE`."""


@dataclass(frozen=True)
class StageEvent:
    """Where a scan is: ``crawl`` (``url`` just read), ``read`` (document ``done`` of ``total``
    after the crawl, ``url`` being read), ``assess`` (``done`` of ``total`` items decided)."""

    stage: str
    url: str = ""
    done: int = 0
    total: int = 0


StageFn = Callable[[StageEvent], None]


@dataclass
class ScanOutcome:
    report: Report
    bodies: dict[str, str]
    """sha256 → path of the stored body, for ``--snapshot``."""

    def __repr__(self) -> str:
        # asyncio.run repr()s the main coroutine's result on Python 3.11; a full dataclass repr
        # of a large report costs hundreds of MB.
        return f"ScanOutcome(site={self.report.site!r}, items={len(self.report.items)})"


@dataclass
class _State:
    documents: DocumentStore


def run_scan(pack: Pack, options: ScanOptions) -> ScanOutcome:
    """Scan a site and return the Report. Ctrl-C stops the crawl cleanly: the report is then
    built from what was fetched so far and marked partial."""
    return asyncio.run(scan(pack, options))


async def scan(pack: Pack, options: ScanOptions) -> ScanOutcome:
    started = datetime.now(UTC)
    matcher = Matcher(pack)
    deadline = None
    if options.read_deadline_s is not None:
        deadline = time.monotonic() + options.read_deadline_s
    log.info("scanning %s with %s", options.crawl.start_url, pack.id)
    harvest = await crawl_and_read(
        options.crawl,
        options.extract_limits,
        priority=make_priority(pack),
        progress=options.progress,
        on_document=matcher.add,
        doc_budget_chars=options.doc_budget_chars,
        on_stage=options.on_stage,
        read_deadline=deadline,
    )
    result = harvest.result
    candidates = matcher.candidates()
    await read_item_images(
        options.crawl, options.extract_limits, harvest, pages_to_read(candidates)
    )
    site = site_evidence(result, harvest.documents)
    on_item = _item_counter(options.on_stage, len(pack.items))
    results = assess(pack, candidates, site, today=options.today, on_item=on_item)
    report = Report(
        tool_version=__version__,
        pack=pack_info(pack, options.today),
        site=result.start_url or options.crawl.start_url,
        started_at=started,
        finished_at=datetime.now(UTC),
        settings=settings_of(options),
        crawl=result.stats,
        site_findings=result.site_findings,
        items=results,
        external_links=result.external_links,
        summary=score(results),
        partial=result.partial or not result.reachable,
    )
    log.info(
        "scanned %s: %d pages, %d documents in %.1f s; %s",
        report.site,
        result.stats.pages_fetched,
        result.stats.documents_fetched,
        (report.finished_at - started).total_seconds(),
        report.summary.counts,
    )
    return ScanOutcome(report=report, bodies=bodies_of(result))


def _item_counter(on_stage: StageFn | None, total: int) -> Callable[[int], None] | None:
    """``assess``'s per-item count as ``assess`` stage events."""
    if on_stage is None:
        return None
    tell = on_stage

    def on_item(done: int) -> None:
        tell(StageEvent("assess", done=done, total=total))

    return on_item


@dataclass
class Harvest:
    """A crawl and every document read from it (keyed by requested, final and document URL)."""

    result: CrawlResult
    documents: Mapping[str, Document]
    """A :class:`DocumentStore`: bounded memory on large sites, pages re-read on lookup."""


LinkFilter = Callable[[Sequence[Link]], Sequence[Link]]


async def crawl_and_read(
    config: CrawlConfig,
    limits: ExtractLimits,
    *,
    priority: PriorityFn | None = None,
    progress: Callable[[CrawlProgress], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    link_filter: LinkFilter | None = None,
    doc_budget_chars: int = DEFAULT_BUDGET_CHARS,
    on_stage: StageFn | None = None,
    pool: ReadPool | None = None,
    read_deadline: float | None = None,
) -> Harvest:
    """Crawl as configured, reading HTML pages as they come and documents in the worker pool
    (``pool``, default the process's shared one) while the crawl goes on.

    ``on_document`` sees every readable document once; ``link_filter`` may drop links of a
    page before the crawler follows them (audit mode: no private addresses). Documents not
    read by ``read_deadline`` (``time.monotonic()``; default: the crawl's ``max_wall_s`` x
    :data:`READ_GRACE` from now) are stopped and kept as ``extract_timeout``."""
    if read_deadline is None:
        read_deadline = time.monotonic() + config.max_wall_s * READ_GRACE
    state = _State(DocumentStore(limits, doc_budget_chars))

    def on_read(resource: Resource, done: int, total: int) -> None:
        if on_stage is not None:
            on_stage(StageEvent("read", url=resource.url, done=done, total=total))

    reads = DocumentReads(pool or shared_pool(), limits, on_read=on_read)

    def on_page(resource: Resource, body: bytes, text: str | None) -> Sequence[Link] | None:
        if text is None:
            if resource.body_path:
                reads.start(resource)
            return None
        if on_stage is not None:
            on_stage(StageEvent("crawl", url=resource.url))
        doc = extract(resource, body, text=text, limits=limits, dates=False)
        _keep(state, resource, doc, decoded=True)
        if on_document is not None:
            on_document(doc)
        if doc.kind is not DocKind.HTML:
            return None
        return link_filter(doc.links) if link_filter is not None else doc.links

    crawler = Crawler(config, on_page=on_page, priority=priority, progress=progress)
    try:
        result = await _run_crawler(crawler)
        read = await reads.finish(read_deadline)
    finally:
        reads.cancel()  # the scan was cancelled or failed: no worker goes on reading for it
    for resource, doc in read:
        if doc.kind is not DocKind.OTHER:
            _keep(state, resource, doc)
            if on_document is not None:
                on_document(doc)
    _note_read_problems(result, [doc for _resource, doc in read])
    return Harvest(result=result, documents=state.documents)


async def read_item_images(
    crawl: CrawlConfig,
    limits: ExtractLimits,
    harvest: Harvest,
    pages: Sequence[str],
    allowed: Callable[[str], bool] | None = None,
) -> int:
    """Read by OCR the content images of ``pages`` (item candidates) into the harvest;
    ``allowed`` may refuse image URLs (audit mode: no private addresses)."""
    store = harvest.documents

    def keep(keys: Iterable[str], doc: Document, resource: Resource) -> None:
        if isinstance(store, DocumentStore):
            store.add(list(keys), doc, resource, decoded=False)
        elif isinstance(store, dict):
            store.update(dict.fromkeys(keys, doc))

    return await read_page_images(
        crawl,
        limits,
        pages,
        store,
        harvest.result.resources,
        lambda resource: shared_pool().read_document(resource, limits),
        keep,
        allowed,
    )


def pack_info(pack: Pack, today: date | None = None) -> PackInfo:
    """The pack as reports show it: its notice and why the run uses it (see
    :func:`oit_checker.rules.default.choice_reason`)."""
    reason_th, reason_en = choice_reason(pack, today)
    return PackInfo(
        id=pack.id,
        scheme=pack.scheme,
        year=pack.year,
        status=str(pack.status),
        item_count=len(pack.items),
        notice_th=pack.notice_th or "",
        notice_en=pack.notice_en or "",
        reason_th=reason_th,
        reason_en=reason_en,
    )


def bodies_of(result: CrawlResult) -> dict[str, str]:
    """sha256 → stored body path of every fetched resource (for ``--snapshot``)."""
    return {r.sha256: r.body_path for r in result.resources if r.sha256 and r.body_path}


async def _run_crawler(crawler: Crawler) -> CrawlResult:
    """Run the crawl; SIGINT/SIGTERM ask the crawler to stop instead of killing the process."""
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, crawler.stop)
            installed.append(sig)
    try:
        return await crawler.run()
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def _keep(state: _State, resource: Resource, doc: Document, *, decoded: bool = False) -> None:
    urls = {resource.url, resource.final_url or resource.url, doc.url}
    state.documents.add([url_key(url) for url in urls], doc, resource, decoded=decoded)


def _note_read_problems(result: CrawlResult, docs: Sequence[Document]) -> None:
    """Count the documents not read in full in the crawl statistics; documents whose reader
    raised become a site finding (the traceback is in the log)."""
    counts = result.stats.read_problems
    failed: list[str] = []
    for doc in docs:
        for code in _READ_PROBLEMS:
            if code in doc.warnings:
                counts[code] = counts.get(code, 0) + 1
        if EXTRACTOR_ERROR in doc.warnings:
            failed.append(doc.url)
    if failed:
        log.error(
            "%d documents could not be read because of an error (first: %s)", len(failed), failed[0]
        )
        finding = make("extractor_errors", failed[0], count=len(failed), first=failed[0])
        result.site_findings.append(finding)


def site_evidence(result: CrawlResult, documents: Mapping[str, Document]) -> SiteEvidence:
    """What the assessment knows of the site, from one crawl and its documents."""
    resources: dict[str, Resource] = {}
    for resource in result.resources:
        resources[url_key(resource.url)] = resource
        if resource.final_url:
            resources.setdefault(url_key(resource.final_url), resource)
    inbound: dict[str, list[tuple[str, Link]]] = {}
    for page, links in result.links.items():
        for link in links:
            if link.url and link.url.startswith(("http://", "https://")):
                inbound.setdefault(url_key(link.url), []).append((page, link))
    start = documents.get(url_key(result.start_url)) if result.start_url else None
    names = [start.title, start.text[:2000]] if start is not None else []
    return SiteEvidence(
        site=result.start_url,
        documents=documents,
        resources=resources,
        inbound=inbound,
        external_links=result.external_links,
        site_findings=result.site_findings,
        reachable=result.reachable,
        partial=result.partial,
        soft_404=result.soft_404,
        agency_type=detect_agency_type(names),
    )


def settings_of(options: ScanOptions) -> dict[str, Any]:
    c = options.crawl
    return {
        "mode": options.mode,
        "max_pages": c.max_pages,
        "max_documents": c.max_documents,
        "max_depth": c.max_depth,
        "max_wall_s": c.max_wall_s,
        "per_host_concurrency": c.per_host_concurrency,
        "min_interval_s": c.min_interval_s,
        "strict_tls": c.strict_tls,
        "respect_robots": c.respect_robots,
        "ocr": options.extract_limits.ocr,
    }
