"""One scan, end to end: crawl → extract → match → assess → Report.

HTML pages are read while the crawl runs (their links steer the crawl); documents are read
after it, from the bodies the crawler streamed to disk, so that a slow PDF or an OCR run never
holds up the crawler's event loop.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
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
from oit_checker.extract import ExtractLimits, extract
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
from oit_checker.rules.default import choice_reason
from oit_checker.rules.schema import Pack


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
    pending: list[Resource] = field(default_factory=list)


def run_scan(pack: Pack, options: ScanOptions) -> ScanOutcome:
    """Scan a site and return the Report. Ctrl-C stops the crawl cleanly: the report is then
    built from what was fetched so far and marked partial."""
    return asyncio.run(scan(pack, options))


async def scan(pack: Pack, options: ScanOptions) -> ScanOutcome:
    started = datetime.now(UTC)
    matcher = Matcher(pack)
    harvest = await crawl_and_read(
        options.crawl,
        options.extract_limits,
        priority=make_priority(pack),
        progress=options.progress,
        on_document=matcher.add,
        doc_budget_chars=options.doc_budget_chars,
        on_stage=options.on_stage,
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
) -> Harvest:
    """Crawl as configured, reading HTML pages as they come and documents afterwards.

    ``on_document`` sees every readable document once; ``link_filter`` may drop links of a
    page before the crawler follows them (audit mode: no private addresses)."""
    state = _State(DocumentStore(limits, doc_budget_chars))

    def on_page(resource: Resource, body: bytes, text: str | None) -> Sequence[Link] | None:
        if text is None:
            state.pending.append(resource)  # documents are read after the crawl
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
    result = await _run_crawler(crawler)
    for number, resource in enumerate(state.pending):
        if on_stage is not None:
            on_stage(StageEvent("read", url=resource.url, done=number, total=len(state.pending)))
        doc = _read_document(resource, limits)
        if doc is not None and doc.kind is not DocKind.OTHER:
            _keep(state, resource, doc)
            if on_document is not None:
                on_document(doc)
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
        lambda resource: _read_document(resource, limits),
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


def _read_document(resource: Resource, limits: ExtractLimits) -> Document | None:
    if not resource.body_path:
        return None
    path = Path(resource.body_path)
    try:
        body = path.read_bytes()
    except OSError:
        return None
    return extract(resource, body, limits=limits, dates=False)


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
