"""The JSON API for scripts (and the tests): start scans and audits, follow them, read runs.

Calls need the token when the server has one (``Authorization: Bearer TOKEN``). A POST needs
a JSON body, ``Authorization`` or the ``X-OIT-Client`` header (see :mod:`security`).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from oit_checker.report import render
from oit_checker.web.app import services
from oit_checker.web.downloads import report_response
from oit_checker.web.jobs import Job
from oit_checker.web.submit import Upload, start_audit, start_scan

router = APIRouter(prefix="/api", tags=["api"])


class ScanRequest(BaseModel):
    url: str = Field(description="the agency's website; a bare host name is read as https://")
    year: int | None = Field(None, description="checklist year (Buddhist era); default: current")


class Started(BaseModel):
    id: int


class JobView(BaseModel):
    id: int
    kind: str
    site: str
    year: int | None
    status: str = Field(description="queued, running, done, failed, cancelled or interrupted")
    progress: dict[str, Any]
    run_id: int | None = Field(None, description="the history run holding the report")
    error: str = ""
    report: dict[str, Any] | None = Field(None, description="the JSON report, once done")


class RunView(BaseModel):
    id: int
    site: str
    pack: str
    year: int
    mode: str
    started_at: str
    finished_at: str
    score: float | None
    counts: dict[str, int]
    partial: bool


def _view(request: Request, job: Job, with_report: bool) -> JobView:
    svc = services(request)
    report = None
    if with_report and job.run_id is not None:
        text = render(svc.history.get(job.run_id), "json")
        report = json.loads(text)
    return JobView(
        id=job.id,
        kind=job.kind.value,
        site=job.site,
        year=job.year,
        status=job.status.value,
        progress=svc.runner.progress(job),
        run_id=job.run_id,
        error=job.error,
        report=report,
    )


def _get(request: Request, job_id: int) -> Job:
    job = services(request).store.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return job


@router.post("/scans", response_model=Started, status_code=201)
async def create_scan(request: Request, body: ScanRequest) -> Started:
    """Queue a whole-site scan."""
    svc = services(request)
    return Started(id=start_scan(svc.store, svc.runner, svc.settings, body.url, body.year))


@router.get("/scans/{job_id}", response_model=JobView)
async def get_scan(request: Request, job_id: int) -> JobView:
    """Status and progress of a job (scan, audit or batch); the report JSON once done."""
    job = _get(request, job_id)
    return await asyncio.to_thread(_view, request, job, True)


@router.post("/scans/{job_id}/cancel", response_model=JobView)
async def cancel_scan(request: Request, job_id: int) -> JobView:
    """Cancel a queued or running job (nothing is stored for it)."""
    svc = services(request)
    job = _get(request, job_id)
    svc.runner.cancel(job.id)
    return _view(request, _get(request, job_id), False)


@router.get("/scans/{job_id}/report.html", response_class=Response)
async def scan_report(request: Request, job_id: int) -> Response:
    """The HTML report of a finished job (404 before)."""
    job = _get(request, job_id)
    if job.run_id is None:
        raise HTTPException(404, "the job has no report (yet)")
    return await asyncio.to_thread(report_response, services(request), job.run_id, "html")


@router.post("/audits", response_model=Started, status_code=201)
async def create_audit(request: Request) -> Started:
    """Queue an audit: multipart form with ``submission`` (CSV, XLSX, YAML or JSON), ``site``
    and optionally ``year``."""
    svc = services(request)
    form = await request.form(
        max_files=1, max_fields=10, max_part_size=svc.settings.max_upload_bytes
    )
    file = form.get("submission")
    if file is None or isinstance(file, str) or not file.filename:
        raise HTTPException(422, "the multipart field 'submission' must be a file")
    site = form.get("site")
    year = form.get("year")
    if isinstance(year, str) and year.strip() and not year.strip().isdigit():
        raise HTTPException(422, "year must be a number")
    upload = Upload(filename=file.filename.rsplit("/", 1)[-1], data=await file.read())
    job_id = start_audit(
        svc.store,
        svc.runner,
        svc.settings,
        upload,
        site if isinstance(site, str) else "",
        int(year) if isinstance(year, str) and year.strip() else None,
    )
    return Started(id=job_id)


@router.get("/runs", response_model=list[RunView])
async def list_runs(request: Request, site: str | None = None, limit: int = 50) -> list[RunView]:
    """Stored runs, newest first (of one site: any spelling of its address)."""
    svc = services(request)
    runs = await asyncio.to_thread(svc.history.list, site, max(1, min(limit, 1000)))
    return [
        RunView(
            id=r.id,
            site=r.site,
            pack=r.pack,
            year=r.pack_year,
            mode=r.mode,
            started_at=r.started.isoformat(),
            finished_at=r.finished.isoformat(),
            score=r.score,
            counts=r.counts,
            partial=r.partial,
        )
        for r in runs
    ]
