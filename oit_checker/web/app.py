"""The ASGI application of ``oit-checker serve``: pages for people, a JSON API for scripts.

``create_app`` wires the job store (a table in the run history file), the job runner (a
bounded number of jobs on worker threads), the pages (:mod:`views`) and the API (:mod:`api`),
behind the :class:`~oit_checker.web.security.Guard` middleware.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from oit_checker import __version__
from oit_checker.store.history import History
from oit_checker.web.jobs import JobStore
from oit_checker.web.progress import JobProgress
from oit_checker.web.runner import JobRunner
from oit_checker.web.security import BodyTooLarge, Guard
from oit_checker.web.settings import ServeSettings
from oit_checker.web.submit import Refused
from oit_checker.web.tasks import TaskContext, new_progress, run_job


@dataclass
class Services:
    settings: ServeSettings
    token: str | None
    history: History
    store: JobStore
    runner: JobRunner


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def create_app(settings: ServeSettings, token: str | None = None) -> Any:
    """The app, wrapped in the security middleware (what uvicorn serves)."""
    settings.data.mkdir(parents=True, exist_ok=True)
    history = History(settings.history_path)
    store = JobStore(settings.history_path)
    ctx = TaskContext(settings=settings, history=history)

    async def execute(job: Any, progress: JobProgress) -> int | None:
        return await run_job(job, ctx, progress)

    runner = JobRunner(store, execute, lambda: new_progress(settings), settings.jobs)
    found = Services(settings, token, history, store, runner)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        try:
            yield
        finally:
            runner.close()

    app = FastAPI(
        title="oit-checker",
        version=__version__,
        description="ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT / Check an agency website against the OIT"
        " checklist. Scans run in a queue; results are stored in the run history.",
        docs_url=None,  # the interactive docs load scripts from the internet
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.services = found
    static = resources.files("oit_checker.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    from oit_checker.web import api, downloads, views

    app.include_router(views.router)
    app.include_router(downloads.router)
    app.include_router(api.router)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return JSONResponse({"error": "upload too large"}, status_code=413)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.en, "error_th": exc.th}, status_code=exc.status)
        return views.error_page(request, exc)

    return Guard(app, settings, token)
