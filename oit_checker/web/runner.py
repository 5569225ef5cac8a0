"""The job queue: a bounded number of jobs at once (``--jobs``), the rest wait their turn.

Each job runs on a worker thread with its own event loop, never in a request handler: the
server stays responsive while documents are read. A job is cancelled by cancelling its task on
that loop. At start, jobs the last server left running are marked interrupted and queued ones
are run; at a clean stop, running jobs are cancelled and marked interrupted too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from oit_checker.errors import OitCheckerError
from oit_checker.web.jobs import Job, JobStatus, JobStore
from oit_checker.web.progress import JobProgress

log = logging.getLogger(__name__)

Execute = Callable[[Job, JobProgress], Coroutine[Any, Any, int | None]]
_SAVE_EVERY_S = 1.0
_ERROR_CHARS = 2000


class _Running:
    def __init__(self, progress: JobProgress) -> None:
        self.progress = progress
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task[int | None] | None = None
        self.stop_reason: JobStatus | None = None
        self.lock = threading.Lock()

    def cancel(self, reason: JobStatus) -> None:
        with self.lock:
            if self.stop_reason is None:
                self.stop_reason = reason
            if self.loop is not None and self.task is not None:
                with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                    self.loop.call_soon_threadsafe(self.task.cancel)


class JobRunner:
    def __init__(
        self,
        store: JobStore,
        execute: Execute,
        new_progress: Callable[[], JobProgress],
        slots: int,
    ) -> None:
        self.store = store
        self._execute = execute
        self._new_progress = new_progress
        self._slots = max(1, slots)
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._running: dict[int, _Running] = {}
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._closing = threading.Event()

    def start(self) -> None:
        for job_id in self.store.recover():
            self._queue.put(job_id)
        for number in range(self._slots):
            thread = threading.Thread(target=self._work, name=f"oit-job-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def close(self, timeout: float = 10.0) -> None:
        """Stop: running jobs are cancelled and stay interrupted (run again later); queued
        jobs stay queued for the next start."""
        self._closing.set()
        with self._lock:
            running = list(self._running.values())
        for handle in running:
            handle.cancel(JobStatus.INTERRUPTED)
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout)

    def submit(self, job_id: int) -> None:
        self._queue.put(job_id)

    def again(self, job: Job) -> int:
        """A new job asking the same as ``job`` (an interrupted, failed or cancelled one)."""
        new_id = self.store.add(job.kind, job.site, job.year, job.input)
        self.submit(new_id)
        return new_id

    def cancel(self, job_id: int) -> bool:
        """Cancel a queued or running job; False when it has finished already."""
        if self.store.cancel_queued(job_id):
            return True
        with self._lock:
            handle = self._running.get(job_id)
        if handle is None:
            return False
        handle.cancel(JobStatus.CANCELLED)
        return True

    def progress(self, job: Job) -> dict[str, Any]:
        """The live progress of a running job, else what was last stored."""
        with self._lock:
            handle = self._running.get(job.id)
        return handle.progress.snapshot() if handle is not None else job.progress

    def waiting(self) -> int:
        return self._queue.qsize()

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None or self._closing.is_set():
                return
            try:
                self._run(job_id)
            except Exception:  # never lose the worker thread
                log.exception("job %s", job_id)

    def _run(self, job_id: int) -> None:
        if not self.store.start(job_id):
            return  # cancelled while queued, or already run
        job = self.store.get(job_id)
        assert job is not None
        handle = _Running(self._new_progress())
        with self._lock:
            self._running[job_id] = handle
        loop = asyncio.new_event_loop()
        try:
            status, run_id, error = self._drive(loop, handle, job)
        finally:
            with self._lock:
                self._running.pop(job_id, None)
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
        self.store.finish(
            job_id, status, run_id=run_id, error=error, progress=handle.progress.snapshot()
        )

    def _drive(
        self, loop: asyncio.AbstractEventLoop, handle: _Running, job: Job
    ) -> tuple[JobStatus, int | None, str]:
        asyncio.set_event_loop(loop)
        task = loop.create_task(self._execute(job, handle.progress))
        saver = loop.create_task(self._save(job.id, handle.progress))
        with handle.lock:
            handle.loop, handle.task = loop, task
            if handle.stop_reason is not None:
                task.cancel()
        try:
            run_id = loop.run_until_complete(task)
            return JobStatus.DONE, run_id, ""
        except asyncio.CancelledError:
            reason = handle.stop_reason or JobStatus.INTERRUPTED
            return reason, None, ""
        except OitCheckerError as exc:
            return JobStatus.FAILED, None, str(exc)[:_ERROR_CHARS]
        except Exception as exc:
            log.exception("job %s failed", job.id)
            return JobStatus.FAILED, None, f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]
        finally:
            saver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                loop.run_until_complete(saver)

    async def _save(self, job_id: int, progress: JobProgress) -> None:
        """Store the progress now and then, so a restarted server shows where a job was."""
        seen = -1
        while True:
            await asyncio.sleep(_SAVE_EVERY_S)
            if progress.version != seen:
                seen = progress.version
                await asyncio.to_thread(self.store.set_progress, job_id, progress.snapshot())
