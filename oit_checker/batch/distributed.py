"""``oit-checker batch --celery URL``: enqueue one job per unfinished agency, collect results.

The collector is the only writer of report files and of ``batch.sqlite3``; each result is
stored once (keyed by site id) however often its job ran. Killed and rerun, it first collects
results that finished meanwhile, then re-enqueues the sites whose job is unknown to the
backend (a job still queued may then run twice; it still yields one result).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from celery.result import AsyncResult

from oit_checker.batch.agencies import Agency
from oit_checker.batch.celery_app import TASK_NAME, app, configure
from oit_checker.batch.messages import is_pack_id
from oit_checker.batch.progress import BatchProgress
from oit_checker.batch.site import SiteScan, SiteSettings, finish_site
from oit_checker.batch.state import BatchState
from oit_checker.errors import UsageError
from oit_checker.models import Report

_POLL_S = 0.5
_CHECK_PER_ROUND = 500


def task_id(batch_id: str, agency: Agency) -> str:
    return f"oit-{batch_id}-{agency.site_id}"


def run_celery(
    agencies: Sequence[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    broker: str,
    progress: BatchProgress,
    backend: str | None = None,
    timeout_s: float | None = None,
) -> bool:
    """Enqueue and collect until every agency has a result; False if ``timeout_s`` ran out."""
    _check_packs(agencies, settings)
    configure(app, broker, backend)
    # Locations on disk are the worker's own (OIT_WORKER_CACHE_DIR); a job never carries them.
    job_settings = replace(settings, cache_dir=None, ca_file=None).to_dict()
    batch_id = state.batch_id()
    finished = state.finished_ids()
    waiting: dict[str, tuple[Agency, AsyncResult[Any]]] = {}
    for agency in agencies:
        if agency.site_id in finished:
            continue
        tid = task_id(batch_id, agency)
        result: AsyncResult[Any] = AsyncResult(tid, app=app)
        if result.state == "PENDING":  # unknown to the backend: (re-)enqueue
            app.send_task(
                TASK_NAME,
                args=(agency.to_dict(), job_settings),
                task_id=tid,
                queue="oit-batch",
            )
            state.mark(agency.site_id, "queued")
        waiting[agency.site_id] = (agency, result)
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    started: set[str] = set()
    queue = deque(waiting)
    while queue:
        # Look at a slice of the open jobs per round: 7,800 state reads every half second
        # would be a load on Redis of its own.
        for _ in range(min(len(queue), _CHECK_PER_ROUND)):
            site_id = queue.popleft()
            agency, result = waiting[site_id]
            status = result.state
            if status == "STARTED" and site_id not in started:
                started.add(site_id)
                progress.site_started(agency)
            if status not in ("SUCCESS", "FAILURE", "REVOKED"):
                queue.append(site_id)
                continue
            done, worker = _scan_of(agency, result)
            site_result = finish_site(done, output, settings.formats, worker=worker)
            state.record(site_result)
            if site_id not in started:
                progress.site_started(agency)
            progress.site_finished(agency, site_result)
            result.forget()
            del waiting[site_id]
        if not queue:
            break
        if deadline is not None and time.monotonic() > deadline:
            return False
        time.sleep(_POLL_S)
    return True


def _check_packs(agencies: Sequence[Agency], settings: SiteSettings) -> None:
    """Workers never read a pack file named in a job: with Celery a pack is a year or a
    bundled pack id, for the whole batch and for every row."""
    specs = {settings.default_pack, *(a.pack for a in agencies)}
    files = sorted(s for s in specs if not is_pack_id(s))
    if files:
        raise UsageError(
            "ชุดเกณฑ์ในงาน Celery ต้องเป็นปีหรือรหัสชุดเกณฑ์ที่มากับโปรแกรม / with --celery a pack is a"
            f" year or a bundled pack id, never a file: {', '.join(files[:3])}"
        )


def _scan_of(agency: Agency, result: AsyncResult[Any]) -> tuple[SiteScan, str]:
    if result.state != "SUCCESS":
        return SiteScan(agency, None, f"job failed: {result.result!r}", 0.0), ""
    data = result.result
    report = Report.model_validate_json(data["report"]) if data.get("report") else None
    return (
        SiteScan(agency, report, data.get("error", ""), float(data.get("duration_s", 0.0))),
        str(data.get("worker", "")),
    )
