"""The crawl frontier: a priority heap with de-duplication at enqueue time.

Higher priority first, then shallower, then first found. A URL found again with a better
priority (e.g. linked from the ITA hub after being seen in a news list) moves up; stale heap
entries are skipped when popped. ``get`` waits while other workers may still add links and
returns None once the heap is empty and nothing is in progress. Links are only added by a
worker that holds an entry, and ``done`` wakes the waiters, so ``add`` needs no notification.
"""

from __future__ import annotations

import asyncio
import heapq
from dataclasses import dataclass, field


@dataclass
class Entry:
    url: str
    depth: int
    priority: float
    document: bool
    """Guessed from the URL: a document (leaf, never parsed for links) or a page."""
    referrer: str | None = None
    anchor_text: str | None = None
    run: int = 0
    """How many hops in a row only the query string changed (calendar-trap guard)."""
    focus: int = 0
    """Hops over which this page's content links share its rank (see Crawler._follow)."""
    seq: int = field(default=0, compare=False)


class Frontier:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, int, str]] = []
        self._entries: dict[str, Entry] = {}
        self._seen: set[str] = set()
        self._seq = 0
        self._active = 0
        self._closed = False
        self._cond = asyncio.Condition()

    def seen(self, key: str) -> bool:
        return key in self._seen

    def queued(self, key: str) -> bool:
        """Waiting in the heap (a better priority found later may still re-rank it)."""
        return key in self._entries

    def mark_seen(self, key: str) -> None:
        self._seen.add(key)

    def add(self, key: str, entry: Entry) -> bool:
        """Queue ``entry`` unless ``key`` was seen; a better priority re-ranks a queued entry."""
        queued = self._entries.get(key)
        if queued is not None:
            queued.focus = max(queued.focus, entry.focus)
            if entry.priority > queued.priority or entry.depth < queued.depth:
                queued.priority = max(queued.priority, entry.priority)
                queued.depth = min(queued.depth, entry.depth)
                self._push(key, queued)
            return False
        if key in self._seen:
            return False
        self._seen.add(key)
        self._seq += 1
        entry.seq = self._seq
        self._entries[key] = entry
        self._push(key, entry)
        return True

    def _push(self, key: str, entry: Entry) -> None:
        heapq.heappush(self._heap, (-entry.priority, entry.depth, entry.seq, key))

    def _pop(self) -> Entry | None:
        while self._heap:
            neg, depth, _seq, key = heapq.heappop(self._heap)
            entry = self._entries.get(key)
            if entry is None or -neg != entry.priority or depth != entry.depth:
                continue
            del self._entries[key]
            return entry
        return None

    async def get(self) -> Entry | None:
        """Next entry (counted as in progress until ``done``), or None when the crawl is over."""
        async with self._cond:
            while True:
                if self._closed:
                    return None
                entry = self._pop()
                if entry is not None:
                    self._active += 1
                    return entry
                if self._active == 0:
                    self._closed = True
                    self._cond.notify_all()
                    return None
                await self._cond.wait()

    async def done(self) -> None:
        async with self._cond:
            self._active -= 1
            self._cond.notify_all()

    async def close(self) -> None:
        """Stop handing out entries (stop, wall time); queued ones stay for ``drain``."""
        async with self._cond:
            self._closed = True
            self._cond.notify_all()

    def drain(self) -> list[Entry]:
        """Everything still queued, best first (for the not_fetched report)."""
        left: list[Entry] = []
        while (entry := self._pop()) is not None:
            left.append(entry)
        return left

    def __len__(self) -> int:
        return len(self._entries)


__all__ = ["Entry", "Frontier"]
