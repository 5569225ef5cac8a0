"""What a running job shows: pages and documents read, the URL being read, items decided,
elapsed time and an estimate of the time left. Fed from the crawler's counts and the
pipeline's stage events; read (as a plain dict) by the job page's event stream and the API."""

from __future__ import annotations

import threading
import time
from typing import Any

from oit_checker.crawl import CrawlProgress
from oit_checker.pipeline import StageEvent

_URL_SHOWN = 300
"""Characters of the current URL kept (a crawled URL can be very long)."""


class JobProgress:
    """Thread-safe: the scan's thread writes, the server's event loop reads ``snapshot()``."""

    def __init__(self, max_pages: int, max_documents: int, max_wall_s: float | None) -> None:
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._limits = (max_pages, max_documents, max_wall_s)
        self._stage = "queued"
        self._fetched = 0
        self._documents = 0
        self._queued = 0
        self._errors = 0
        self._url = ""
        self._read_done = 0
        self._read_total = 0
        self._read_started: float | None = None
        self._items_done = 0
        self._items_total = 0
        self.version = 0
        """Increases at every change, so a reader sends only what is new."""

    def crawl(self, p: CrawlProgress) -> None:
        with self._lock:
            if self._stage == "queued":
                self._stage = "crawl"
            self._fetched, self._queued = p.fetched, p.queued
            self._documents, self._errors = p.documents, p.errors
            self.version += 1

    def stage(self, event: StageEvent) -> None:
        with self._lock:
            self._stage = event.stage
            if event.url:
                self._url = event.url[:_URL_SHOWN]
            if event.stage == "read":
                if self._read_started is None:
                    self._read_started = time.monotonic()
                self._read_done, self._read_total = event.done, event.total
            elif event.stage == "assess":
                self._items_done, self._items_total = event.done, event.total
            self.version += 1

    def batch(self, done: int, total: int, running: list[str]) -> None:
        """A batch: agencies finished of all, and the sites being scanned."""
        with self._lock:
            self._stage = "batch"
            self._items_done, self._items_total = done, total
            self._url = ", ".join(running)[:_URL_SHOWN]
            self.version += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            elapsed = time.monotonic() - self._started
            return {
                "stage": self._stage,
                "pages": self._fetched - self._documents,
                "documents": self._documents,
                "queued": self._queued,
                "errors": self._errors,
                "url": self._url,
                "documents_read": self._read_done,
                "documents_to_read": self._read_total,
                "items_decided": self._items_done,
                "items_total": self._items_total,
                "elapsed_s": round(elapsed, 1),
                "estimate_s": self._estimate(elapsed),
            }

    def _estimate(self, elapsed: float) -> float | None:
        """Seconds left, roughly; None when there is nothing to go on yet."""
        max_pages, max_documents, max_wall_s = self._limits
        left: float | None = None
        if self._stage == "crawl" and self._fetched > 0 and elapsed > 0:
            rate = self._fetched / elapsed
            budget = max(0, max_pages + max_documents - self._fetched)
            left = min(self._queued, budget) / rate
            if max_wall_s is not None:
                left = min(left, max(0.0, max_wall_s - elapsed))
        elif self._stage == "read" and self._read_started is not None and self._read_done > 0:
            spent = time.monotonic() - self._read_started
            left = spent / self._read_done * (self._read_total - self._read_done)
        elif self._stage == "batch" and self._items_done > 0:
            left = elapsed / self._items_done * (self._items_total - self._items_done)
        elif self._stage == "assess":
            left = 0.0
        return None if left is None else round(left, 1)
