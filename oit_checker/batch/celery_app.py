"""The batch as Celery jobs: one agency per job, Redis as broker and result backend.

Start workers on any number of machines with::

    OIT_BROKER_URL=redis://broker-host:6379/0 celery -A oit_checker.batch.celery_app worker \
        --concurrency 2 --loglevel INFO
    # or: oit-checker worker --broker redis://broker-host:6379/0

A worker checks every job it takes (:mod:`oit_checker.batch.messages`): the broker is not
trusted. Its HTTP cache lives in ``OIT_WORKER_CACHE_DIR`` (default: a temporary folder per job);
no job can choose it.

Delivery guarantees: a job is acknowledged only after it finished (``acks_late``); a worker
process that dies mid-job rejects it back to the queue (``task_reject_on_worker_lost``); a
whole machine that vanishes leaves the job unacknowledged in Redis, which hands it to another
worker after the visibility timeout. Each worker reserves one job at a time (prefetch 1), so
a slow site never holds others hostage. A redone job gets the same task id (batch id + site id)
and so the same result key: it overwrites, never adds.

Results travel through the Redis result backend (the report JSON, gzip-compressed) to the one
``oit-checker batch --celery`` process, which alone writes the report files and the SQLite
state. Workers therefore need no shared file system, and SQLite never sees concurrent writers
over a network share (where its locking is unreliable).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
from typing import Any

from celery import Celery

from oit_checker.batch.agencies import Agency
from oit_checker.batch.messages import BadJob, agency_from_message, settings_from_message
from oit_checker.batch.site import SiteScan, SiteSettings, scan_agency
from oit_checker.report import render

_log = logging.getLogger(__name__)
DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
TASK_NAME = "oit_checker.batch.scan_site"
QUEUE = "oit-batch"


def _int_env(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def configure(app: Celery, broker: str | None = None, backend: str | None = None) -> Celery:
    """Broker and backend from arguments, else ``OIT_BROKER_URL`` / ``OIT_RESULT_BACKEND``.

    ``OIT_VISIBILITY_TIMEOUT`` (seconds, default 7200) must exceed the longest site budget:
    a job unacknowledged for longer is handed to another worker (it then runs twice, still
    with one result).
    """
    broker_url = broker or os.environ.get("OIT_BROKER_URL") or DEFAULT_BROKER
    visibility = _int_env("OIT_VISIBILITY_TIMEOUT", 7200)
    transport = {
        "visibility_timeout": visibility,
        # Look for abandoned jobs every few seconds instead of every 100 s.
        "unacked_restore_interval": max(1, min(10, visibility // 4)),
        "unacked_restore_throttle": 1,
    }
    app.conf.update(
        broker_url=broker_url,
        result_backend=backend or os.environ.get("OIT_RESULT_BACKEND") or broker_url,
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": visibility},
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_track_started=True,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_compression="gzip",
        result_expires=7 * 24 * 3600,
        task_default_queue=QUEUE,
        broker_connection_retry_on_startup=True,
    )
    return app


app = configure(Celery("oit_checker"))


@app.task(name=TASK_NAME, acks_late=True, reject_on_worker_lost=True)
def scan_site(agency: Any, settings: Any) -> dict[str, Any]:
    """Scan one agency; return its report as JSON (or the error) for the collector.

    The job comes from the broker, which anyone who can reach Redis can write to: its agency
    and settings are checked field by field (:mod:`oit_checker.batch.messages`), and a bad job
    is rejected, logged and answered with the reason, never run. The HTTP cache is the worker's
    own choice (``OIT_WORKER_CACHE_DIR``), never the job's."""
    who = f"{socket.gethostname()}:{os.getpid()}"
    try:
        checked = agency_from_message(agency)
        site_settings = settings_from_message(
            settings, cache_dir=os.environ.get("OIT_WORKER_CACHE_DIR") or None
        )
    except BadJob as exc:
        _log.warning("rejected job %s: %s", scan_site.request.id, exc)
        site_id = agency.get("site_id") if isinstance(agency, dict) else None
        return {
            "site_id": site_id if isinstance(site_id, str) else "",
            "worker": who,
            "duration_s": 0.0,
            "error": f"งานถูกปฏิเสธ / job rejected: {exc}",
            "rejected": True,
            "report": None,
        }
    done = run_scan_in_thread(checked, site_settings)
    return {
        "site_id": done.agency.site_id,
        "worker": who,
        "duration_s": done.duration_s,
        "error": done.error,
        "report": render(done.report, "json") if done.report is not None else None,
    }


def run_scan_in_thread(agency: Agency, settings: SiteSettings) -> SiteScan:
    """Run the scan's event loop in its own thread: the pipeline then installs no signal
    handlers, and the worker's own SIGTERM/SIGINT handling stays in charge."""
    box: list[SiteScan | BaseException] = []

    def target() -> None:
        try:
            box.append(asyncio.run(scan_agency(agency, settings)))
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=target, name=f"oit-scan-{agency.site_id}")
    thread.start()
    thread.join()
    outcome = box[0]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome
