"""The one pool of worker processes that reads documents (PDF, Office, scans by OCR) off the
event loop, with a hard time limit per read.

A document is read inside pypdf, openpyxl, python-docx or a tesseract run; any of them can spin
on a hostile or broken file far past the soft limits they check between pages and rows. Run in
the crawl's event loop, one such file froze every other fetch (and, in a batch, every other
agency in the process). Here each read is a task of a :class:`ReadPool`: the event loop only
awaits it, and a worker still busy when the task's time is up is killed (with the tools it
started, see :func:`~oit_checker.extract.limits.die_with_parent`) and replaced. A killed read
becomes a Document with ``review_reason="extract_timeout"``: "check by hand", never "missing".

The pool is built once per process (:func:`shared_pool`) and reused by every scan the process
runs; :meth:`ReadPool.call` runs any picklable function, so other stages can send their work
to the same workers. What comes back is the compact record the function returns (for documents,
the :class:`~oit_checker.models.Document`: text, links, tables), never a parse tree. Log records
a worker emits during a task come back with its result and are logged again here, so that an
extractor's traceback reaches ``--log-file`` like any other message.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import multiprocessing
import multiprocessing.util
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from oit_checker.extract import EXTRACTOR_ERROR
from oit_checker.extract.limits import ExtractLimits, die_with_parent
from oit_checker.models import Document, Resource

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_TASKS_PER_WORKER = 200
"""A worker is replaced after this many tasks, so that memory a parser leaked is given back."""
_SNIFF_BYTES = 256 * 1024


class ReadTimeout(Exception):
    """The task ran past its time limit; its worker was killed."""


class WorkerDied(Exception):
    """The worker died during the task (killed from outside, out of memory, a crash in C)."""


@dataclass
class _Returned:
    value: Any
    records: list[logging.LogRecord] = field(default_factory=list)


def default_workers() -> int:
    """One worker per usable core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class ReadPool:
    """Worker processes for blocking reads; every method may be called from any event loop."""

    def __init__(self, workers: int | None = None, max_tasks: int = MAX_TASKS_PER_WORKER) -> None:
        self.workers = workers or default_workers()
        self._pool = ProcessPool(
            max_workers=self.workers,
            max_tasks=max_tasks,
            initializer=_worker_start,
            context=multiprocessing.get_context("spawn"),
        )
        self.killed = 0
        """Tasks whose worker was killed for running past their time limit."""

    async def call(self, fn: Callable[..., T], *args: Any, timeout: float) -> T:
        """``fn(*args)`` in a worker, at most ``timeout`` seconds. Raises :class:`ReadTimeout`
        (the worker was killed), :class:`WorkerDied`, or what ``fn`` raised. Cancelling the
        awaiting task kills the worker running it."""
        future = self._pool.schedule(_run_logged, args=(fn, *args), timeout=timeout)
        try:
            returned: _Returned = await asyncio.wrap_future(future)
        except FutureTimeout:
            self.killed += 1
            raise ReadTimeout(f"{getattr(fn, '__name__', fn)} ran past {timeout:g} s") from None
        except ProcessExpired as exc:
            raise WorkerDied(str(exc)) from None
        except (asyncio.CancelledError, CancelledError):
            future.cancel()  # a running task: pebble stops its worker
            raise
        for record in returned.records:
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        return returned.value

    async def read_document(self, resource: Resource, limits: ExtractLimits) -> Document:
        """The Document of a fetched (non-HTML) resource, read from its stored body within
        ``limits.hard_seconds``. Never raises for a bad file, a stuck reader or a dead worker."""
        url = resource.final_url or resource.url
        try:
            return await self.call(read_stored, resource, limits, timeout=limits.hard_seconds)
        except ReadTimeout:
            log.warning("reading %s took over %.0f s: worker killed", url, limits.hard_seconds)
            return unread_document(resource, "extract_timeout")
        except WorkerDied as exc:
            log.error("the worker reading %s died: %s", url, exc)
            doc = unread_document(resource, "unreadable_file")
            doc.warnings.append(EXTRACTOR_ERROR)
            return doc
        except (BrokenExecutor, RuntimeError):  # the pool itself cannot run tasks
            log.exception("the reading pool failed; reading %s in a thread", url)
            return await asyncio.to_thread(read_stored, resource, limits)

    def close(self) -> None:
        """Stop the workers now (running tasks are abandoned)."""
        self._pool.stop()
        self._pool.join(timeout=5)


def read_stored(resource: Resource, limits: ExtractLimits) -> Document:
    """Read a resource from its stored body (runs in a worker). A body that cannot be read
    back is reported, never dropped."""
    from oit_checker.extract import extract

    try:
        body = Path(resource.body_path or "").read_bytes()
    except OSError as exc:
        log.warning("stored body of %s is gone: %s", resource.url, exc)
        return unread_document(resource, "body_unavailable")
    return extract(resource, body, limits=limits, dates=False)


def unread_document(resource: Resource, code: str) -> Document:
    """A Document for a resource that could not be read: its kind (from what is left of the
    body, the type and the URL) and ``code`` as its review reason."""
    from oit_checker.extract import sniff_kind

    url = resource.final_url or resource.url
    head = b""
    if resource.body_path:
        try:
            with Path(resource.body_path).open("rb") as fh:
                head = fh.read(_SNIFF_BYTES)
        except OSError:
            head = b""
    kind = sniff_kind(url, resource.content_type, head)
    return Document(
        url=url,
        kind=kind,
        review_reason=code,
        warnings=[code],
        sha256=resource.sha256,
        fetched_at=resource.fetched_at,
    )


class DocumentReads:
    """The documents of one crawl, read in the pool while the crawl goes on fetching."""

    def __init__(
        self,
        pool: ReadPool,
        limits: ExtractLimits,
        on_read: Callable[[Resource, int, int], None] | None = None,
    ) -> None:
        """``on_read(resource, done, started)`` is told of every document read."""
        self._pool = pool
        self._limits = limits
        self._on_read = on_read
        self._done = 0
        self._tasks: list[tuple[Resource, asyncio.Task[Document]]] = []

    def start(self, resource: Resource) -> None:
        """Start reading ``resource`` (call from the crawl's event loop)."""
        task = asyncio.ensure_future(self._pool.read_document(resource, self._limits))
        self._tasks.append((resource, task))
        task.add_done_callback(lambda _task: self._finished(resource))

    def _finished(self, resource: Resource) -> None:
        self._done += 1
        if self._on_read is not None:
            self._on_read(resource, self._done, len(self._tasks))

    async def finish(self, deadline: float | None = None) -> list[tuple[Resource, Document]]:
        """Every document in the order it was started; those not read by ``deadline``
        (``time.monotonic()``) are stopped and come back as ``extract_timeout``."""
        tasks = [task for _resource, task in self._tasks]
        if tasks:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            _done, pending = await asyncio.wait(tasks, timeout=timeout)
            if pending:
                log.warning("%d documents not read before the scan's deadline", len(pending))
            self.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        read: list[tuple[Resource, Document]] = []
        for resource, task in self._tasks:
            if task.cancelled():
                read.append((resource, unread_document(resource, "extract_timeout")))
            else:
                read.append((resource, task.result()))
        return read

    def cancel(self) -> None:
        """Stop every read still running (their workers are killed)."""
        for _resource, task in self._tasks:
            if not task.done():
                task.cancel()


_shared: ReadPool | None = None
_shared_pid = 0
_shared_lock = threading.Lock()


def shared_pool() -> ReadPool:
    """This process's pool, built on first use and closed when the process exits. A forked
    copy of a process that had one builds its own (the copy's pool threads did not survive
    the fork)."""
    global _shared, _shared_pid
    with _shared_lock:
        if _shared is None or _shared_pid != os.getpid():
            _shared_pid = os.getpid()
            _shared = ReadPool()
            # Both: atexit in a main process; a multiprocessing child (a batch process, an
            # evaluation worker) skips atexit but runs these finalizers before it waits for
            # its threads, the pool's among them.
            atexit.register(_close_shared)
            multiprocessing.util.Finalize(None, _close_shared, exitpriority=10)
        return _shared


def _close_shared() -> None:
    global _shared
    with _shared_lock:
        pool, _shared = _shared, None
    if pool is not None:
        pool.close()


# --------------------------------------------------------------------------- in the worker


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:  # tracebacks do not pickle: keep their text
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        record.msg, record.args = record.getMessage(), None
        self.records.append(record)


_WORKER_NICENESS = 10
"""Workers (and the tesseract runs they start) yield the CPU to the event loops that fetch and
read pages: a batch's scanned PDFs must not slow down the agencies beside them."""


def _worker_start() -> None:
    die_with_parent()
    with contextlib.suppress(OSError, AttributeError):
        os.nice(_WORKER_NICENESS)
    root = logging.getLogger("oit_checker")
    root.setLevel(logging.DEBUG)
    root.propagate = False  # records go back to the parent, which logs them


def _run_logged(fn: Callable[..., Any], *args: Any) -> _Returned:
    collect = _Collect()
    root = logging.getLogger("oit_checker")
    root.addHandler(collect)
    try:
        value = fn(*args)
    finally:
        root.removeHandler(collect)
    return _Returned(value, collect.records)


__all__ = [
    "DocumentReads",
    "ReadPool",
    "ReadTimeout",
    "WorkerDied",
    "default_workers",
    "read_stored",
    "shared_pool",
    "unread_document",
]
