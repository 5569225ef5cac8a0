"""One agency of a batch: scan it within its time budget, write its report files, and reduce
the report to the :class:`SiteResult` the batch keeps. Shared by the local runner and the
Celery task, so both produce the same files and rows."""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from oit_checker.batch.agencies import Agency
from oit_checker.batch.state import SiteResult
from oit_checker.crawl import CrawlConfig
from oit_checker.extract import ExtractLimits
from oit_checker.models import Report, Verdict
from oit_checker.pipeline import ScanOptions, scan
from oit_checker.report import write_reports
from oit_checker.rules.loader import get_pack
from oit_checker.rules.schema import Pack

DEFAULT_FORMATS = ("json", "html", "md", "csv", "junit")
_YEAR = re.compile(r"^(?:[a-z]+-)?(\d{4})$")
_CRAWL_SHARE = 0.8
"""Share of a site's budget the crawl may use; the rest is for reading documents and reports."""
_READ_SHARE = 0.85
"""Documents (read in the worker pool while the crawl runs) still unread at this share of the
budget are stopped (``extract_timeout``), leaving the rest for assessing and writing reports."""


class ScanInterrupted(Exception):
    """The scan was stopped from outside: it has no result and must run again."""


@dataclass
class SiteSettings:
    """Per-site settings of a batch; plain values so a Celery job can carry them."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    default_pack: str = ""
    """Pack for rows without one: a year, a bundled pack id, a pack file, or empty (newest)."""
    budget_s: float = 900.0
    """Wall-clock budget per site; the crawl gets 80 % of it."""
    max_pages: int | None = None
    max_documents: int | None = None
    max_depth: int | None = None
    min_interval_s: float = 0.5
    per_host_concurrency: int = 2
    timeout_s: float = 30.0
    ocr: bool = True
    respect_robots: bool = True
    cache_dir: str | None = None
    """Keep each site's HTTP cache in ``cache_dir/<site id>``; None: a temporary folder."""
    ca_file: str | None = None
    retries: int | None = None
    retry_backoff_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["formats"] = list(self.formats)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteSettings:
        """Settings this process wrote itself (a Celery worker reads a job's settings with
        :func:`oit_checker.batch.messages.settings_from_message` instead)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "formats" in values:
            values["formats"] = tuple(values["formats"])
        return cls(**values)


@dataclass
class SiteScan:
    agency: Agency
    report: Report | None
    error: str
    duration_s: float


def pack_for(spec: str) -> Pack:
    """The pack a row asks for: ``2568``, ``nacc-2568``, a pack file, or empty for the calendar
    default (:func:`oit_checker.rules.default.default_pack`)."""
    return _pack_for(spec.strip())


@cache
def _pack_for(spec: str) -> Pack:
    if not spec:
        return get_pack()
    match = _YEAR.match(spec.lower())
    if match:
        return get_pack(year=int(match.group(1)))
    return get_pack(pack_file=Path(spec))


async def scan_agency(agency: Agency, settings: SiteSettings) -> SiteScan:
    """Scan one agency. Errors and an exhausted budget become ``error``; a cancelled scan
    raises (it has no result)."""
    started = time.monotonic()
    try:
        pack = pack_for(agency.pack or settings.default_pack)
    except Exception as exc:  # a bad pack is this row's problem, not the batch's
        return SiteScan(agency, None, f"rule pack: {exc}", 0.0)
    with _cache_dir(agency, settings) as cache_dir:
        options = ScanOptions(
            crawl=_crawl_config(agency, settings, Path(cache_dir)),
            extract_limits=ExtractLimits(ocr=settings.ocr),
            mode="batch",
            read_deadline_s=settings.budget_s * _READ_SHARE,
        )
        try:
            outcome = await asyncio.wait_for(scan(pack, options), timeout=settings.budget_s)
        except TimeoutError:
            return SiteScan(
                agency,
                None,
                f"เกินเวลาที่กำหนดต่อเว็บไซต์ {settings.budget_s:g} วินาที /"
                f" time budget of {settings.budget_s:g} s per site exceeded",
                time.monotonic() - started,
            )
        except Exception as exc:  # one broken site must not stop the batch
            return SiteScan(
                agency, None, f"{type(exc).__name__}: {exc}", time.monotonic() - started
            )
    if outcome.report.crawl.interrupted:
        raise ScanInterrupted(agency.site_id)
    return SiteScan(agency, outcome.report, "", time.monotonic() - started)


def finish_site(
    done: SiteScan, output: Path, formats: tuple[str, ...], worker: str = ""
) -> SiteResult:
    """Write the agency's report files (before its result row is stored) and summarise it."""
    agency, report = done.agency, done.report
    if report is None:
        return SiteResult(
            site_id=agency.site_id,
            outcome="error",
            reason=done.error,
            duration_s=round(done.duration_s, 3),
            worker=worker,
        )
    folder = output / agency.site_id
    write_reports(report, [f for f in formats if f != "terminal"], folder)
    summary = report.summary
    reason = "" if summary.score is not None else could_not_assess_reason(report)
    return SiteResult(
        site_id=agency.site_id,
        outcome="assessed" if summary.score is not None else "could_not_assess",
        score=summary.score,
        counts=dict(summary.counts),
        reason=reason,
        failing=[(i.item_id, i.title_th) for i in report.items if i.verdict is Verdict.FAIL],
        pack_id=report.pack.id,
        report_dir=agency.site_id,
        duration_s=round(done.duration_s, 3),
        worker=worker,
    )


def could_not_assess_reason(report: Report) -> str:
    """Why no item could be assessed, from the site findings (Thai / English)."""
    findings = report.site_findings[:2]
    if findings:
        return "; ".join(f"{f.message_th} / {f.message_en}" for f in findings)
    reasons = {i.not_checked_reason for i in report.items if i.not_checked_reason}
    if reasons:
        return "ไม่ได้ตรวจ / not checked: " + ", ".join(sorted(reasons))
    return "ไม่มีข้อใดตรวจได้ / no item could be assessed"


def _cache_dir(agency: Agency, settings: SiteSettings) -> AbstractContextManager[str]:
    if settings.cache_dir:
        path = Path(settings.cache_dir) / agency.site_id
        path.mkdir(parents=True, exist_ok=True)
        return nullcontext(str(path))
    return tempfile.TemporaryDirectory(prefix="oit-batch-")


def _crawl_config(agency: Agency, settings: SiteSettings, cache_dir: Path) -> CrawlConfig:
    kwargs: dict[str, Any] = {
        "max_wall_s": max(1.0, settings.budget_s * _CRAWL_SHARE),
        "min_interval_s": settings.min_interval_s,
        "per_host_concurrency": settings.per_host_concurrency,
        "timeout_s": settings.timeout_s,
        "respect_robots": settings.respect_robots,
    }
    for name in ("max_pages", "max_documents", "max_depth", "retries", "retry_backoff_s"):
        value = getattr(settings, name)
        if value is not None:
            kwargs[name] = value
    if settings.ca_file:
        kwargs["ca_file"] = Path(settings.ca_file)
    return CrawlConfig(start_url=agency.url, cache_dir=cache_dir, **kwargs)
