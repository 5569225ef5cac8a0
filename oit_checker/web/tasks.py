"""What each kind of job does, in the existing engine: a scan, an audit, a batch.

Each runs as a coroutine on the job thread's own event loop (see :mod:`runner`); cancelling the
task stops it. A scan or an audit ends with its report stored in the run history (the CLI's
``history`` and ``diff`` see it) and returns the run id; a batch writes its folder and summary.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from oit_checker.audit import AuditOptions, read_submission, resolve_submission
from oit_checker.audit.run import audit
from oit_checker.batch import STATE_FILE, BatchProgress, BatchState, SiteResult, write_summary
from oit_checker.batch.agencies import Agency, read_agencies
from oit_checker.batch.runner import run_sites
from oit_checker.batch.site import DEFAULT_FORMATS, SiteSettings
from oit_checker.commands.scan import crawl_config
from oit_checker.config import apply_ignores
from oit_checker.crawl.guard import AddressGuard
from oit_checker.errors import UsageError
from oit_checker.extract import ExtractLimits
from oit_checker.models import Report
from oit_checker.pipeline import ScanOptions, scan
from oit_checker.rules.loader import get_pack
from oit_checker.store.history import History
from oit_checker.web.jobs import Job, JobKind
from oit_checker.web.progress import JobProgress
from oit_checker.web.settings import ServeSettings
from oit_checker.web.targets import refusal

_SITE_SETTINGS = ("max_pages", "max_documents", "max_depth", "min_interval_s", "timeout_s")


@dataclass
class TaskContext:
    settings: ServeSettings
    history: History


def new_progress(settings: ServeSettings) -> JobProgress:
    kwargs = settings.config.crawl.crawl_kwargs()
    return JobProgress(
        int(kwargs.get("max_pages", 3000)), int(kwargs.get("max_documents", 2000)), 1800.0
    )


async def run_job(job: Job, ctx: TaskContext, progress: JobProgress) -> int | None:
    if job.kind is JobKind.SCAN:
        return await _scan(job, ctx, progress)
    if job.kind is JobKind.AUDIT:
        return await _audit(job, ctx, progress)
    await _batch(job, ctx, progress)
    return None


def _guard(urls: list[str], ctx: TaskContext) -> None:
    why = refusal(urls, ctx.settings.allow_private)
    if why is not None:
        raise UsageError(f"ไม่ตรวจที่อยู่ภายใน / refusing {why}")


def _store(report: Report, ctx: TaskContext) -> int:
    report = apply_ignores(report, ctx.settings.config.ignore, date.today())
    return ctx.history.add(report)


async def _scan(job: Job, ctx: TaskContext, progress: JobProgress) -> int:
    _guard([job.site], ctx)
    settings = ctx.settings
    if settings.celery:
        from oit_checker.web.remote import scan_on_celery

        report = await scan_on_celery(job, settings)
        return _store(report, ctx)
    pack = get_pack(year=job.year)
    crawl = crawl_config(settings.config, job.site, cache_dir=settings.cache_dir)
    # Every request of the scan (redirects, robots.txt, documents) is checked where it
    # connects, not only the address typed in.
    crawl = replace(crawl, guard=None if settings.allow_private else AddressGuard())
    outcome = await scan(
        pack,
        ScanOptions(
            crawl=crawl,
            extract_limits=ExtractLimits(ocr=settings.ocr),
            progress=progress.crawl,
            on_stage=progress.stage,
            mode="scan",
        ),
    )
    return _store(outcome.report, ctx)


async def _audit(job: Job, ctx: TaskContext, progress: JobProgress) -> int:
    raw = read_submission(Path(job.input["file"]))
    target = job.site or raw.site
    if not target:
        raise UsageError("ไม่ได้ระบุเว็บไซต์หลัก / no main website given")
    pack = get_pack(year=job.year if job.year is not None else raw.year)
    resolved = resolve_submission(raw, pack, target)
    if not resolved.urls:
        raise UsageError("ไฟล์ไม่มี URL / the submission lists no URL")
    _guard([target, *resolved.urls], ctx)
    settings = ctx.settings
    outcome = await audit(
        pack,
        resolved,
        AuditOptions(
            crawl=crawl_config(settings.config, target, cache_dir=settings.cache_dir),
            extract_limits=ExtractLimits(ocr=settings.ocr),
            allow_private=settings.allow_private,
            progress=progress.crawl,
        ),
    )
    return _store(outcome.report, ctx)


class _Progress(BatchProgress):
    """Batch counts into the job's progress."""

    def __init__(self, total: int, already: int, progress: JobProgress) -> None:
        super().__init__(total, already)
        self._job = progress
        self._running: dict[str, str] = {}

    def site_started(self, agency: Agency) -> None:
        self._running[agency.site_id] = agency.url
        super().site_started(agency)

    def site_finished(self, agency: Agency, result: SiteResult) -> None:
        self._running.pop(agency.site_id, None)
        super().site_finished(agency, result)

    def site_abandoned(self, agency: Agency) -> None:
        self._running.pop(agency.site_id, None)
        super().site_abandoned(agency)

    def _show(self, agency: Agency | None = None, result: SiteResult | None = None) -> None:
        self._job.batch(self.done, self.total, list(self._running.values()))


def batch_site_settings(settings: ServeSettings, year: int | None) -> SiteSettings:
    kwargs = settings.config.crawl.crawl_kwargs()
    known: dict[str, Any] = {k: kwargs.pop(k) for k in _SITE_SETTINGS if k in kwargs}
    if "per_host_concurrency" in kwargs:
        known["per_host_concurrency"] = kwargs.pop("per_host_concurrency")
    kwargs.pop("cache_dir", None)
    # Only the settings a batch row (and a Celery job) carries; the batch has no field for
    # the rest (a job must never splat unchecked fields into the crawl config).
    known.update({k: kwargs.pop(k) for k in ("retries", "retry_backoff_s") if k in kwargs})
    return SiteSettings(
        formats=DEFAULT_FORMATS,
        default_pack=str(year) if year else "",
        ocr=settings.ocr,
        **known,
    )


def batch_agencies(path: Path, allow_private: bool) -> list[Agency]:
    """The agencies of an uploaded list; UsageError naming the first refused address."""
    agencies = read_agencies(path)
    why = refusal([a.url for a in agencies], allow_private)
    if why is not None:
        raise UsageError(f"ไม่ตรวจที่อยู่ภายใน / refusing {why}")
    return agencies


async def _batch(job: Job, ctx: TaskContext, progress: JobProgress) -> None:
    agencies = batch_agencies(Path(job.input["file"]), ctx.settings.allow_private)
    output = Path(job.input["output"])
    output.mkdir(parents=True, exist_ok=True)
    state = BatchState(output / STATE_FILE)
    try:
        state.sync(agencies)
        ids = {a.site_id for a in agencies}
        watcher = _Progress(len(agencies), len(state.finished_ids() & ids), progress)
        watcher._show()
        site_settings = batch_site_settings(ctx.settings, job.year)
        try:
            await run_sites(
                agencies, state, site_settings, output, ctx.settings.batch_parallel, watcher
            )
        finally:
            title = str(job.input.get("name") or "agencies")
            write_summary(state.rows(agencies), output, title=title)
    finally:
        state.close()
