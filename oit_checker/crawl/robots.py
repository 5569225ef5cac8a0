"""robots.txt per host: fetched once, shared by every request to that host (protego rules).

Missing, broken or unreachable robots.txt means "allowed": the tool checks on behalf of the
agency, and an outage of one small file must not hide the whole site. Crawl-delay is handed
to the host's politeness slot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from protego import Protego

RobotsFetcher = Callable[[str], Awaitable[bytes | None]]
"""Fetch ``<origin>/robots.txt``; the body, or None when there is none."""


class RobotsRules:
    def __init__(
        self,
        fetch: RobotsFetcher,
        user_agent: str,
        on_crawl_delay: Callable[[str, float], None],
    ) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._on_crawl_delay = on_crawl_delay
        self._rules: dict[str, asyncio.Future[Protego | None]] = {}

    async def rules(self, host: str, origin: str) -> Protego | None:
        """The parsed robots.txt of ``host`` (fetched from ``origin`` the first time)."""
        future = self._rules.get(host)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._rules[host] = future
            parsed: Protego | None = None
            try:
                parsed = await self._load(host, origin)
            finally:
                future.set_result(parsed)
        return await future

    async def allowed(self, url: str, host: str, origin: str) -> bool:
        robots = await self.rules(host, origin)
        return robots is None or bool(robots.can_fetch(url, self._user_agent))

    async def _load(self, host: str, origin: str) -> Protego | None:
        body = await self._fetch(f"{origin}/robots.txt")
        if body is None:
            return None
        robots = Protego.parse(body.decode("utf-8", errors="replace"))
        delay = robots.crawl_delay(self._user_agent)
        if delay:
            self._on_crawl_delay(host, float(delay))
        return robots


__all__ = ["RobotsFetcher", "RobotsRules"]
