"""Progress across the sites of a batch: done / running / failed / ETA.

A rich progress bar on a terminal; otherwise one plain line per finished site (logs, cron).
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from oit_checker.batch.agencies import Agency
from oit_checker.batch.state import SiteResult


class BatchProgress:
    """Counts sites; subclasses show them. Thread-safe (the Celery collector and the local
    runner call it from their own threads)."""

    def __init__(self, total: int, already_done: int = 0) -> None:
        self.total = total
        self.done = already_done
        self.failed = 0
        self.running = 0
        self._started = time.monotonic()
        self._done_here = 0
        self._lock = threading.Lock()

    def site_started(self, agency: Agency) -> None:
        with self._lock:
            self.running += 1
        self._show()

    def site_finished(self, agency: Agency, result: SiteResult) -> None:
        with self._lock:
            self.running = max(0, self.running - 1)
            self.done += 1
            self._done_here += 1
            if result.outcome != "assessed":
                self.failed += 1
        self._show(agency, result)

    def site_abandoned(self, agency: Agency) -> None:
        with self._lock:
            self.running = max(0, self.running - 1)
        self._show()

    def eta_s(self) -> float | None:
        """Seconds left at the rate of the sites finished in this run."""
        if self._done_here == 0:
            return None
        rate = self._done_here / max(1e-6, time.monotonic() - self._started)
        return (self.total - self.done) / rate

    def line(self) -> str:
        eta = self.eta_s()
        eta_text = "?" if eta is None else _duration(eta)
        return (
            f"เสร็จ/done {self.done}/{self.total} · กำลังตรวจ/running {self.running}"
            f" · ตรวจไม่ได้/failed {self.failed} · ETA {eta_text}"
        )

    def _show(self, agency: Agency | None = None, result: SiteResult | None = None) -> None:
        """Nothing by default (quiet)."""

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


class LineProgress(BatchProgress):
    """One line per finished site on a stream (not a terminal)."""

    def __init__(self, total: int, already_done: int = 0, stream: TextIO | None = None) -> None:
        super().__init__(total, already_done)
        self._stream = stream or sys.stderr

    def _show(self, agency: Agency | None = None, result: SiteResult | None = None) -> None:
        if agency is None or result is None:
            return
        score = "-" if result.score is None else f"{result.score:g}"
        self._stream.write(
            f"[{self.done}/{self.total}] {agency.site_id} {result.outcome} score={score}"
            f" · running {self.running} · failed {self.failed}"
            f" · ETA {_duration(self.eta_s() or 0)}\n"
        )
        self._stream.flush()


class RichProgress(BatchProgress):
    """A live bar on a terminal."""

    def __init__(self, total: int, already_done: int = 0) -> None:
        super().__init__(total, already_done)
        self._progress = Progress(
            TextColumn("[bold]OIT batch[/]"),
            BarColumn(bar_width=None),
            MofNCompleteColumn(),
            TextColumn("{task.fields[line]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("batch", total=total, completed=already_done, line="")

    def _show(self, agency: Agency | None = None, result: SiteResult | None = None) -> None:
        self._progress.update(
            self._task,
            completed=self.done,
            line=f"running {self.running} · failed {self.failed}",
        )

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()


def make_progress(total: int, already_done: int, quiet: bool) -> BatchProgress:
    if quiet:
        return BatchProgress(total, already_done)
    if sys.stderr.isatty():
        return RichProgress(total, already_done)
    return LineProgress(total, already_done)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
