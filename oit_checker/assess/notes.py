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
from oit_checker.match.codes import CodeWhere, find_codes
from oit_checker.models import ItemResult, Problem
from oit_checker.problems import make
from oit_checker.rules.schema import Confidence, Element, Item, ItemStatus, Pack


def item_notes(
    item: Item, pack: Pack, today: date, not_due: Sequence[Element], result: ItemResult
) -> list[Problem]:
    """Checklist-confidence, as-of and labelling notes of one item's ``result``."""
    found: list[Problem] = []
    relabelled = _labelled_other_year(item, pack, result)
    if relabelled is not None:
        found.append(relabelled)
    if item.status is ItemStatus.DEFINED and item.provenance.confidence is Confidence.LOW:
        found.append(make("checklist_low_confidence"))
    found.extend(asof.notes(item, pack, today, list(not_due)))
    return found


def _labelled_other_year(item: Item, pack: Pack, result: ItemResult) -> Problem | None:
    """ "Labelled O11 (2568 numbering: service statistics); judged for O10 of 2569" when the
    evidence came from a hub row whose code names another item of this pack."""
    row = next((c.labelled_as for c in result.candidates if c.labelled_as), None)
    if row is None:
        return None
    hit = next((h for h in find_codes(row) if h.where is CodeWhere.LABEL), None)
    if hit is None:
        return None
    entry = next((o for o in item.other_year_labels if o.number == hit.number), None)
    if entry is not None:
        year_th, year_en = f"เลขข้อตามเกณฑ์ปี {entry.year}", f"{entry.year} numbering"
        title_th, title_en = entry.title_th, entry.title_en
    else:
        year_th, year_en = "เลขข้อไม่ตรงกับเกณฑ์ปีนี้", "not this year's numbering"
        title_th = title_en = row
    return make(
        "labelled_other_year",
        label_code=f"O{hit.number}",
        item_code=f"O{item.number}",
        year=pack.year,
        year_label=year_th,
        year_label_en=year_en,
        title_th=title_th,
        title_en=title_en,
    )


def annotate(result: ItemResult, notes: Sequence[Problem]) -> ItemResult:
    """``result`` with ``notes`` added after its problems (each code once)."""
    fresh = [n for n in notes if all(n.code != p.code for p in result.problems)]
    if not fresh:
        return result
    return result.model_copy(update={"problems": [*result.problems, *fresh]})


__all__ = ["annotate", "item_notes"]
