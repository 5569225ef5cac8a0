"""``serve --celery URL``: a scan runs as a job on the batch's Celery workers (the same task
as ``batch --celery``), and this server waits for its report. Cancelling revokes the job."""

from __future__ import annotations

import asyncio
from typing import Any

from oit_checker.errors import UsageError
from oit_checker.models import Report
from oit_checker.web.jobs import Job
from oit_checker.web.settings import ServeSettings

_POLL_S = 0.5


async def scan_on_celery(job: Job, settings: ServeSettings) -> Report:
    try:
        from celery.result import AsyncResult

        from oit_checker.batch.agencies import Agency, site_id_for
        from oit_checker.batch.celery_app import QUEUE, TASK_NAME, app, configure
        from oit_checker.web.tasks import batch_site_settings
    except ImportError as exc:
        raise UsageError(f"--celery needs: pip install 'oit-checker[scale]' ({exc})") from exc
    configure(app, settings.celery)
    site_id = site_id_for(job.site)
    agency = Agency(row=job.id, site_id=site_id, name=job.site, url=job.site)
    site_settings = batch_site_settings(settings, job.year)
    task_id = f"oit-web-{job.id}-{site_id}"
    await asyncio.to_thread(
        app.send_task,
        TASK_NAME,
        args=(agency.to_dict(), site_settings.to_dict()),
        task_id=task_id,
        queue=QUEUE,
    )
    result: AsyncResult[Any] = AsyncResult(task_id, app=app)
    try:
        while True:
            state = await asyncio.to_thread(lambda: result.state)
            if state in ("SUCCESS", "FAILURE", "REVOKED"):
                break
            await asyncio.sleep(_POLL_S)
    except asyncio.CancelledError:
        await asyncio.to_thread(result.revoke, terminate=True)
        raise
    if state != "SUCCESS":
        raise UsageError(f"the Celery job failed: {result.result!r}")
    data = result.result
    await asyncio.to_thread(result.forget)
    if not data.get("report"):
        raise UsageError(str(data.get("error") or "the Celery job returned no report"))
    report = Report.model_validate_json(data["report"])
    report.settings["mode"] = "scan"  # the worker ran it as a batch row; it is a scan
    return report
