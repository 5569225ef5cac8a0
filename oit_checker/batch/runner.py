"""The batch on one machine: many agencies at once in one event loop, under a global limit.

Each agency is one Crawler with its own per-host limits; agencies that share a host run one
after the other, so two rows on one server never double its load. The loop runs in a worker
thread: the pipeline's SIGINT handlers (which stop one crawl) are then not installed, and
Ctrl-C in the main thread cancels the whole batch; cancelled sites store no result and run
again next time.
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
) -> None:
    """Scan the agencies that have no result yet; store each result after its files."""
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
            result = finish_site(done, output, settings.formats)
            state.record(result)
            progress.site_finished(agency, result)

    tasks = [asyncio.create_task(one(a)) for a in todo]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def run_local(
    agencies: Sequence[Agency],
    state: BatchState,
    settings: SiteSettings,
    output: Path,
    parallel: int,
    progress: BatchProgress,
) -> None:
    """Run :func:`run_sites` in a thread; KeyboardInterrupt cancels it and is re-raised."""
    loop = asyncio.new_event_loop()
    main: asyncio.Task[None] | None = None
    error: list[BaseException] = []
    ready = threading.Event()

    def target() -> None:
        nonlocal main
        asyncio.set_event_loop(loop)
        try:
            main = loop.create_task(
                run_sites(agencies, state, settings, output, parallel, progress)
            )
            ready.set()
            loop.run_until_complete(main)
        except BaseException as exc:  # includes cancellation, reported to the caller
            error.append(exc)
        finally:
            ready.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    thread = threading.Thread(target=target, name="oit-batch", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.2)
    except KeyboardInterrupt:
        ready.wait()
        if main is not None:
            with suppress(RuntimeError):  # the loop may have closed meanwhile
                loop.call_soon_threadsafe(main.cancel)
        thread.join()
        raise
    if error and not isinstance(error[0], asyncio.CancelledError):
        raise error[0]
