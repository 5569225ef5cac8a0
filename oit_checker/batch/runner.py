"""The batch in one process: many agencies at once in one event loop, under a global limit.

Each agency is one Crawler with its own per-host limits; agencies that share a host run one
after the other, so two rows on one server never double its load. The loop runs in a worker
thread (:class:`BatchLoop`): the pipeline's SIGINT handlers (which stop one crawl) are then not
installed, and whoever owns the thread cancels the whole loop — Ctrl-C in :func:`run_local`,
the parent's stop request or death in a batch process (:mod:`oit_checker.batch.processes`).
Cancelled sites store no result and run again next time.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from oit_checker.batch.agencies import Agency
from oit_checker.batch.progress import BatchProgress
from oit_checker.batch.site import ScanInterrupted, SiteSettings, finish_site, scan_agency
from oit_checker.batch.state import BatchState


async def run_sites(
    agencies: Sequence[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    parallel: int,
    progress: BatchProgress,
    worker: str = "",
) -> None:
    """Scan the agencies that have no result yet; store each result after its files.
    ``worker`` names the process in each result (empty for the batch's own process)."""
    finished = state.finished_ids()
    todo = [a for a in agencies if a.site_id not in finished]
    slots = asyncio.Semaphore(max(1, parallel))
    hosts: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def one(agency: Agency) -> None:
        async with hosts[agency.host], slots:
            state.mark(agency.site_id, "running")
            progress.site_started(agency)
            try:
                done = await scan_agency(agency, settings)
            except (asyncio.CancelledError, ScanInterrupted):
                progress.site_abandoned(agency)
                raise
            result = finish_site(done, output, settings.formats, worker=worker)
            state.record(result)
            progress.site_finished(agency, result)

    tasks = [asyncio.create_task(one(a)) for a in todo]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class BatchLoop:
    """:func:`run_sites` on its own event loop in a daemon thread; :meth:`cancel` from any
    thread stops it (running sites are abandoned and store nothing)."""

    def __init__(
        self,
        agencies: Sequence[Agency],
        state: BatchState,
        settings: SiteSettings,
        output: Path,
        parallel: int,
        progress: BatchProgress,
        worker: str = "",
    ) -> None:
        self._run = (agencies, state, settings, output, parallel, progress, worker)
        self._loop = asyncio.new_event_loop()
        self._main: asyncio.Task[None] | None = None
        self._error: BaseException | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._target, name="oit-batch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def cancel(self) -> None:
        """Ask the loop to cancel every site (returns at once; :meth:`join` to wait)."""
        self._ready.wait()
        if self._main is not None:
            with suppress(RuntimeError):  # the loop may have closed meanwhile
                self._loop.call_soon_threadsafe(self._main.cancel)

    def raise_error(self) -> None:
        """Re-raise what stopped the loop, unless it finished or was cancelled."""
        if self._error is not None and not isinstance(self._error, asyncio.CancelledError):
            raise self._error

    def _target(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._main = self._loop.create_task(run_sites(*self._run))
            self._ready.set()
            self._loop.run_until_complete(self._main)
        except BaseException as exc:  # includes cancellation, reported to the caller
            self._error = exc
        finally:
            self._ready.set()
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()


def run_local(
    agencies: Sequence[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    parallel: int,
    progress: BatchProgress,
) -> None:
    """Run :func:`run_sites` in a thread; KeyboardInterrupt cancels it and is re-raised."""
    batch = BatchLoop(agencies, state, settings, output, parallel, progress)
    batch.start()
    try:
        while batch.is_alive():
            batch.join(0.2)
    except KeyboardInterrupt:
        batch.cancel()
        batch.join()
        raise
    batch.raise_error()
