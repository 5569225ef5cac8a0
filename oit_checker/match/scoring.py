"""Signal weights and how signals combine into a candidate's score.

Score scale: [0, 1]. Each signal is independent evidence of strength ``weight``; only the
strongest signal of each kind counts (fifty pages with the same menu link are one piece of
evidence, not fifty), kinds combine as a noisy-OR, and the strongest negative signal scales
the result down::

    score = (1 − Π_kind (1 − max weight of kind)) × (1 − max negative weight)
"""

from __future__ import annotations

from collections.abc import Iterable

from oit_checker.models import Signal, SignalKind

# Strength of a perfect label match by where it was found (multiplied by label quality).
HUB_LABEL = 0.9
"""A row of the agency's ITA hub page names the item and links here."""
HUB_CODE_ONLY = 0.55
"""A hub row names the item only by its code (numbering differs between years)."""
ANCHOR_TEXT = 0.7
TITLE = 0.65
HEADING = 0.55
FILE_NAME = 0.55
FILE_PATTERN = 0.5
URL_PATTERN = 0.4
CODE_LABEL = 0.25
"""A code at the start of link text or a heading; weak on its own."""
CODE_PATH = 0.2
BODY_MAX = 0.35
"""Body text alone never makes a strong candidate."""

NEGATIVE_PHRASE = 0.35
NEGATIVE_ANCHOR = 0.3
MISMATCH_HUB = 0.6
"""A hub row's label is contradicted by the target's content."""
MISMATCH_ANCHOR = 0.45

MIN_SCORE = 0.1
"""Candidates below this are not reported."""
CONTENT_KINDS = frozenset({SignalKind.TITLE, SignalKind.HEADING, SignalKind.BODY})


def combine(signals: Iterable[Signal]) -> float:
    """The score of a set of signals (see module doc)."""
    best: dict[SignalKind, float] = {}
    negative = 0.0
    for signal in signals:
        if signal.kind is SignalKind.NEGATIVE:
            negative = max(negative, signal.weight)
        elif signal.weight > best.get(signal.kind, 0.0):
            best[signal.kind] = signal.weight
    miss = 1.0
    for weight in best.values():
        miss *= 1.0 - min(weight, 0.99)
    return round((1.0 - miss) * (1.0 - negative), 4)


def body_weight(count: int, share: float) -> float:
    """Body-text evidence: more occurrences help a little; text that names many items (menus,
    hub pages, long plans) counts in proportion to this item's share of the mentions."""
    base = min(BODY_MAX, 0.15 + 0.05 * min(count, 4))
    return round(base * min(1.0, 2.0 * share), 3)


__all__ = ["body_weight", "combine"]
