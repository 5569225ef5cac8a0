"""Files a person downloads or reads: a run's report in each format (the CLI's renderers), and
a batch's summary and per-agency report files."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from oit_checker.errors import UsageError
from oit_checker.report import FILE_NAMES, render
from oit_checker.web.app import Services, services
from oit_checker.web.jobs import JobKind
from oit_checker.web.security import REPORT_CSP

router = APIRouter(include_in_schema=False)
DOWNLOADS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "junit": "application/xml",
}
BATCH_FILES = {"batch-summary.csv", "batch-summary.html"}
_SITE_ID = re.compile(r"[0-9a-z][0-9a-z-]{0,120}")
"""A batch site id (``00001-abc-go-th-83f8d734``): no dots, no slashes."""


@router.get("/jobs/{job_id}/files/{name}")
async def batch_file(request: Request, job_id: int, name: str) -> Response:
    """The batch summary (CSV, HTML)."""
    if name not in BATCH_FILES:
        raise HTTPException(404)
    return _batch_file(_batch_output(request, job_id) / name)


@router.get("/jobs/{job_id}/files/{site_id}/{name}")
async def batch_site_file(request: Request, job_id: int, site_id: str, name: str) -> Response:
    """One agency's report files, as the summary links them (``<site id>/oit-report.html``)."""
    if not _SITE_ID.fullmatch(site_id) or name not in FILE_NAMES.values():
        raise HTTPException(404)
    return _batch_file(_batch_output(request, job_id) / site_id / name)


def _batch_output(request: Request, job_id: int) -> Path:
    job = services(request).store.get(job_id)
    if job is None:
        raise HTTPException(404)
    if job.kind is not JobKind.BATCH:
        raise HTTPException(404)
    return Path(job.input["output"])


_FILE_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml",
}


def _batch_file(path: Path) -> Response:
    if not path.is_file():
        raise HTTPException(404)
    if path.suffix == ".html":
        return FileResponse(
            path,
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": REPORT_CSP},
        )
    return FileResponse(path, media_type=_FILE_TYPES[path.suffix], filename=path.name)


def report_response(svc: Services, run_id: int, fmt: str) -> Response:
    try:
        report = svc.history.get(run_id)
    except UsageError as exc:
        raise HTTPException(404, "no such run") from exc
    if fmt == "html":
        body = render(report, "html")
        return HTMLResponse(body, headers={"Content-Security-Policy": REPORT_CSP})
    if fmt not in DOWNLOADS:
        raise HTTPException(404)
    name = FILE_NAMES[fmt].replace("oit-report", f"oit-report-{run_id}")
    return Response(
        render(report, fmt),
        media_type=DOWNLOADS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/runs/{run_id}/report.{fmt}")
async def run_report(request: Request, run_id: int, fmt: str) -> Response:
    return await asyncio.to_thread(report_response, services(request), run_id, fmt)
