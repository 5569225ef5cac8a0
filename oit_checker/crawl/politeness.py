"""Per-host politeness: concurrency slots, spacing between request starts, back-off, breaker.

Like Scrapy's download slots: each host gets at most ``concurrency`` requests in flight and
request starts at least ``interval`` seconds apart. 429/503 double the interval (and a
Retry-After pauses the whole host); successes bring it back towards the base. After
``max_failures`` consecutive failures the circuit opens and the host is not asked again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

_MAX_INTERVAL_S = 60.0
_MAX_CRAWL_DELAY_S = 60.0
_MAX_PAUSE_S = 120.0
"""A Retry-After of an hour must not freeze the whole crawl: pause the host at most this long."""


class HostSlot:
    def __init__(self, host: str, concurrency: int, interval: float, max_failures: int) -> None:
        self.host = host
        self._sem = asyncio.Semaphore(max(1, concurrency))
        self._lock = asyncio.Lock()
        self.base_interval = max(0.0, interval)
        self.interval = self.base_interval
        self._next_start = 0.0
        self._not_before = 0.0
        self.max_failures = max_failures
        self.failures = 0
        self.open = False

    def set_crawl_delay(self, delay: float) -> None:
        """robots.txt Crawl-delay raises (never lowers) the spacing."""
        delay = min(max(0.0, delay), _MAX_CRAWL_DELAY_S)
        self.base_interval = max(self.base_interval, delay)
        self.interval = max(self.interval, self.base_interval)

    @asynccontextmanager
    async def request(self) -> AsyncIterator[None]:
        """Hold a slot for one request, starting it no earlier than the spacing allows."""
        async with self._sem:
            async with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start, self._not_before)
                self._next_start = start + self.interval
            if start > now:
                await asyncio.sleep(start - now)
            yield

    def success(self) -> None:
        self.failures = 0
        if self.interval > self.base_interval:
            slower = self.interval * 0.75
            self.interval = self.base_interval if slower - self.base_interval < 0.01 else slower

    def throttled(self, retry_after: float | None) -> None:
        """The host said 429/503: space requests out and honour Retry-After for the host."""
        self.interval = min(_MAX_INTERVAL_S, max(self.interval * 2, self.base_interval, 0.25))
        if retry_after:
            pause = min(retry_after, _MAX_PAUSE_S)
            self._not_before = max(self._not_before, time.monotonic() + pause)

    def failure(self) -> bool:
        """Count a failed attempt; True when this one opened the circuit."""
        self.failures += 1
        if not self.open and self.failures >= self.max_failures:
            self.open = True
            return True
        return False


__all__ = ["HostSlot"]
