"""The pages people use: start a scan, follow it live, read and download the report, see a
site's history and the difference of two runs, audit a submission, run a batch, log in."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import (
    HTMLResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.datastructures import FormData, UploadFile

from oit_checker.errors import UsageError
from oit_checker.store.diff import change_groups, diff_reports
from oit_checker.store.history import site_key
from oit_checker.web.app import Services, services
from oit_checker.web.chart import history_chart
from oit_checker.web.jobs import Job, JobKind
from oit_checker.web.pages import login_page, render_page
from oit_checker.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SESSION_COOKIE,
    new_csrf,
    same,
    session_value,
)
from oit_checker.web.submit import (
    Refused,
    Upload,
    calendar_default,
    pack_years,
    start_audit,
    start_batch,
    start_scan,
)

router = APIRouter(include_in_schema=False)
_EVENT_POLL_S = 0.5
_KEEPALIVE_S = 15.0


def _csrf_of(request: Request) -> tuple[str, bool]:
    current = request.cookies.get(CSRF_COOKIE)
    return (current, False) if current else (new_csrf(), True)


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    csrf, fresh = _csrf_of(request)
    svc = services(request)
    html = render_page(name, csrf=csrf, logged_in=svc.token is not None, **context)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        response.set_cookie(
            CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=_https(request)
        )
    return response


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


def error_page(request: Request, exc: Refused) -> HTMLResponse:
    return page(
        request, "error.html.j2", status=exc.status, title="ทำไม่ได้ / Refused", th=exc.th, en=exc.en
    )


async def form_of(request: Request) -> FormData:
    """The posted form, after its CSRF token was checked against the cookie."""
    svc = services(request)
    form = await request.form(
        max_files=2, max_fields=20, max_part_size=svc.settings.max_upload_bytes
    )
    sent = form.get(CSRF_FIELD)
    if not same(sent if isinstance(sent, str) else None, request.cookies.get(CSRF_COOKIE)):
        raise Refused(
            "แบบฟอร์มหมดอายุ กรุณาเปิดหน้าใหม่แล้วลองอีกครั้ง",
            "the form expired or came from another site (CSRF); reload the page and try again",
            403,
        )
    return form


def text_field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def year_field(form: FormData) -> int | None:
    value = text_field(form, "year")
    if not value:
        return None
    if not value.isdigit():
        raise Refused("ปีไม่ถูกต้อง", "not a year")
    return int(value)


async def upload_field(form: FormData, name: str) -> Upload:
    value = form.get(name)
    if not isinstance(value, UploadFile) or not value.filename:
        raise Refused("กรุณาเลือกไฟล์", "choose a file")
    return Upload(filename=Path(value.filename).name, data=await value.read())


def _job(svc: Services, job_id: int) -> Job:
    job = svc.store.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return job


# --------------------------------------------------------------------------- scan


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> Response:
    svc = services(request)
    return page(
        request,
        "index.html.j2",
        title="ตรวจเว็บไซต์ / Check a website",
        years=pack_years(),
        calendar_default=calendar_default(),
        jobs=svc.store.recent(limit=20),
        waiting=svc.runner.waiting(),
    )


@router.post("/scans")
async def post_scan(request: Request) -> Response:
    svc = services(request)
    form = await form_of(request)
    job_id = start_scan(
        svc.store, svc.runner, svc.settings, text_field(form, "url"), year_field(form)
    )
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, job_id: int) -> Response:
    svc = services(request)
    job = _job(svc, job_id)
    summary = None
    if job.run_id is not None:
        with suppress(UsageError):  # the run was removed from the history file
            report = await asyncio.to_thread(svc.history.get, job.run_id)
            summary = report.summary
    return page(
        request,
        "job.html.j2",
        title=f"งาน {job.id} / Job {job.id}",
        job=job,
        progress=svc.runner.progress(job),
        summary=summary,
        formats=("json", "csv", "md", "junit"),
    )


@router.get("/jobs/{job_id}/events")
async def job_events(request: Request, job_id: int) -> Response:
    """Server-Sent Events: ``progress`` while the job waits or runs, then ``end``."""
    svc = services(request)
    _job(svc, job_id)

    async def stream() -> AsyncIterator[str]:
        last = ""
        quiet = 0.0
        while True:
            job = await asyncio.to_thread(svc.store.get, job_id)
            if job is None:
                return
            data = json.dumps(
                {"status": job.status.value, "progress": svc.runner.progress(job)},
                ensure_ascii=False,
            )
            if data != last:
                last, quiet = data, 0.0
                yield f"event: progress\ndata: {data}\n\n"
            if job.status.finished:
                yield f"event: end\ndata: {json.dumps({'status': job.status.value})}\n\n"
                return
            if await request.is_disconnected():
                return
            await asyncio.sleep(_EVENT_POLL_S)
            quiet += _EVENT_POLL_S
            if quiet >= _KEEPALIVE_S:
                quiet = 0.0
                yield ": keep-alive\n\n"

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.post("/jobs/{job_id}/cancel")
async def cancel_job(request: Request, job_id: int) -> Response:
    svc = services(request)
    await form_of(request)
    svc.runner.cancel(_job(svc, job_id).id)
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.post("/jobs/{job_id}/again")
async def again_job(request: Request, job_id: int) -> Response:
    svc = services(request)
    await form_of(request)
    job = _job(svc, job_id)
    if not job.status.finished:
        return RedirectResponse(f"/jobs/{job_id}", status_code=303)
    new_id = svc.runner.again(job)
    return RedirectResponse(f"/jobs/{new_id}", status_code=303)


# --------------------------------------------------------------------------- history


@router.get("/history", response_class=HTMLResponse)
async def history_page(request: Request, site: str = "") -> Response:
    svc = services(request)
    if not site:
        runs = svc.history.list(limit=1000)
        sites: dict[str, Any] = {}
        for run in runs:
            sites.setdefault(site_key(run.site), run)
        return page(
            request, "sites.html.j2", title="ประวัติการตรวจ / History", sites=list(sites.values())
        )
    runs = svc.history.list(site=site, limit=200)
    return page(
        request,
        "history.html.j2",
        title=f"ประวัติ / History: {site}",
        site=site,
        runs=runs,
        chart=history_chart([r for r in runs[:60]]),
    )


@router.get("/diff", response_class=HTMLResponse)
async def diff_page(request: Request, a: int, b: int) -> Response:
    svc = services(request)
    try:
        before, after = svc.history.get(a), svc.history.get(b)
    except UsageError as exc:
        raise HTTPException(404, "no such run") from exc
    if before.started_at > after.started_at:
        (before, a), (after, b) = (after, b), (before, a)
    diff = diff_reports(before, after)
    return page(
        request,
        "diff.html.j2",
        title="เทียบผลสองครั้ง / Compare two runs",
        diff=diff,
        a=a,
        b=b,
        groups=change_groups,
    )


# --------------------------------------------------------------------------- audit and batch


def _upload_page(request: Request, template: str, title: str, kind: JobKind) -> Response:
    svc = services(request)
    return page(
        request,
        template,
        title=title,
        years=pack_years(),
        calendar_default=calendar_default(),
        jobs=svc.store.recent(limit=20, kind=kind),
        limit_mb=svc.settings.max_upload_bytes // 2**20,
    )


@router.get("/audits", response_class=HTMLResponse)
async def audit_form(request: Request) -> Response:
    title = "ตรวจรายการที่หน่วยงานส่ง / Audit a submission"
    return _upload_page(request, "audit.html.j2", title, JobKind.AUDIT)


@router.post("/audits")
async def post_audit(request: Request) -> Response:
    svc = services(request)
    form = await form_of(request)
    upload = await upload_field(form, "submission")
    job_id = start_audit(
        svc.store, svc.runner, svc.settings, upload, text_field(form, "site"), year_field(form)
    )
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/batches", response_class=HTMLResponse)
async def batch_form(request: Request) -> Response:
    return _upload_page(request, "batch.html.j2", "ตรวจหลายหน่วยงาน / Batch", JobKind.BATCH)


@router.post("/batches")
async def post_batch(request: Request) -> Response:
    svc = services(request)
    form = await form_of(request)
    upload = await upload_field(form, "agencies")
    job_id = start_batch(svc.store, svc.runner, svc.settings, upload, year_field(form))
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


# --------------------------------------------------------------------------- login


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request) -> Response:
    csrf, fresh = _csrf_of(request)
    response = HTMLResponse(login_page(error="", csrf=csrf))
    if fresh:
        response.set_cookie(
            CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=_https(request)
        )
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    svc = services(request)
    form = await form_of(request)
    token = svc.token
    if token is None:
        return RedirectResponse("/", status_code=303)
    if not same(text_field(form, "token"), token):
        csrf = request.cookies.get(CSRF_COOKIE, "")
        html = login_page(error="รหัสไม่ถูกต้อง / wrong token", csrf=csrf)
        return HTMLResponse(html, status_code=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(token),
        httponly=True,
        samesite="strict",
        secure=_https(request),
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await form_of(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
