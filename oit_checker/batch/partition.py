"""How a local batch divides its agencies over processes.

Agencies that share a host always go to the same process, where they run one after the other
(:func:`oit_checker.batch.runner.run_sites` holds a lock per host): two processes never load
one server at the same time. Host groups are placed largest first on the process with the
fewest agencies so far, so the shares stay even and the same list always splits the same way.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from oit_checker.batch.agencies import Agency


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def partition(agencies: Sequence[Agency], parts: int) -> list[list[Agency]]:
    """At most ``parts`` non-empty shares, each in list order, no host in two shares."""
    groups: dict[str, list[Agency]] = {}
    for agency in agencies:
        groups.setdefault(agency.host, []).append(agency)
    shares: list[list[Agency]] = [[] for _ in range(max(1, parts))]
    for group in sorted(groups.values(), key=lambda g: (-len(g), g[0].row)):
        least = min(range(len(shares)), key=lambda i: (len(shares[i]), i))
        shares[least].extend(group)
    return [sorted(share, key=lambda a: a.row) for share in shares if share]


def split_parallel(parallel: int, parts: int) -> list[int]:
    """The global limit of agencies scanned at once, shared out: each part gets at least 1."""
    base, extra = divmod(max(1, parallel), max(1, parts))
    return [max(1, base + (1 if i < extra else 0)) for i in range(max(1, parts))]
