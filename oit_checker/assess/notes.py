"""Notes on an item's verdict that the reader must see next to it: how sure the checklist is,
what is not yet due on the day of the run, and how the item was labelled on the site.

A note is a :class:`~oit_checker.models.Problem` (one stable code, Thai and English, listed in
``oit_checker.problems.assess.NOTE_CODES``) kept with the item's problems; every report format
shows it next to the item's reason (terminal, HTML, Markdown, CSV, JUnit, JSON).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from oit_checker.assess import asof
from oit_checker.models import ItemResult, Problem
from oit_checker.problems import make
from oit_checker.rules.schema import Confidence, Element, Item, ItemStatus, Pack


def item_notes(item: Item, pack: Pack, today: date, not_due: Sequence[Element]) -> list[Problem]:
    """Checklist-confidence and as-of notes of one item."""
    found: list[Problem] = []
    if item.status is ItemStatus.DEFINED and item.provenance.confidence is Confidence.LOW:
        found.append(make("checklist_low_confidence"))
    found.extend(asof.notes(item, pack, today, list(not_due)))
    return found


def annotate(result: ItemResult, notes: Sequence[Problem]) -> ItemResult:
    """``result`` with ``notes`` added after its problems (each code once)."""
    fresh = [n for n in notes if all(n.code != p.code for p in result.problems)]
    if not fresh:
        return result
    return result.model_copy(update={"problems": [*result.problems, *fresh]})


__all__ = ["annotate", "item_notes"]
