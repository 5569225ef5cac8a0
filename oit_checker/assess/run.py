"""Assess every item of a pack in dependency order, and score the results."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from oit_checker.assess.item import assess_item
from oit_checker.assess.site import SiteEvidence
from oit_checker.models import Candidate, ItemResult, ScoreSummary, Verdict
from oit_checker.rules.schema import Item, Pack


def dependency_order(pack: Pack) -> list[Item]:
    """Base items before the items that build on them; otherwise pack order (cycles, which
    the schema does not forbid, fall back to pack order)."""
    order: list[Item] = []
    done: set[str] = set()
    remaining = list(pack.items)
    while remaining:
        ready = [
            i for i in remaining if all(d.item in done or d.item == i.id for d in i.depends_on)
        ]
        if not ready:
            ready = remaining[:1]
        for item in ready:
            order.append(item)
            done.add(item.id)
        remaining = [i for i in remaining if i.id not in done]
    return order


def assess(
    pack: Pack,
    candidates: Mapping[str, list[Candidate]],
    site: SiteEvidence,
    *,
    today: date | None = None,
    on_item: Callable[[int], None] | None = None,
) -> list[ItemResult]:
    """One ItemResult per pack item, returned in pack order (assessed in dependency order).
    ``on_item`` is told how many items are decided after each one (progress displays)."""
    results: dict[str, ItemResult] = {}
    for item in dependency_order(pack):
        results[item.id] = assess_item(
            item, pack, candidates.get(item.id, []), site, results, today=today
        )
        if on_item is not None:
            on_item(len(results))
    return [results[item.id] for item in pack.items]


def score(results: Sequence[ItemResult]) -> ScoreSummary:
    """100 per passed item, 0 otherwise, averaged over all items; None when no item could be
    assessed (all not_checked, or no items)."""
    counts = {v.value: 0 for v in Verdict}
    for result in results:
        counts[result.verdict.value] += 1
    if not results or counts[Verdict.NOT_CHECKED.value] == len(results):
        return ScoreSummary(score=None, counts=counts)
    value = 100.0 * counts[Verdict.PASS.value] / len(results)
    return ScoreSummary(score=round(value, 2), counts=counts)


__all__ = ["assess", "dependency_order", "score"]
