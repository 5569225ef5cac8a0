"""As-of judgement: what a checklist can ask of a site on the day of the run.

Agencies prepare for ITA N from 1 October of พ.ศ. N−1, months before the NACC collects the data
(around March–April). A run in November cannot ask for February's procurement summary or for
the first-half progress of the annual plan. This module says, for the run's ``today``, which
months of an item's window and which elements are not yet due, and words the note the report
shows instead of a failure. The window checks themselves (:mod:`oit_checker.assess.window`)
already ask only for the months that are over; this module keeps the wording and the element
rule in one place.
"""

from __future__ import annotations

from datetime import date

from oit_checker.assess.window import _MONTHS_EN, Month
from oit_checker.assess.window import _span_en as span_en
from oit_checker.assess.window import _span_th as span_th
from oit_checker.models import Problem
from oit_checker.problems import make
from oit_checker.rules.schema import Element, Item, ItemStatus, Pack, TimeWindow
from oit_checker.thai.dates import thai_short_date

_PARTIAL_WINDOWS = (TimeWindow.FIRST_HALF, TimeWindow.MONTHLY)
"""Windows that ask for months of the pack's own fiscal year up to its first half."""


def first_half_end(pack: Pack) -> date:
    """31 March of the pack's fiscal year: the end of its first six months."""
    return date(pack.fiscal_year_end.year, 3, 31)


def element_due(element: Element, pack: Pack, today: date) -> bool:
    """Whether ``element`` is required on ``today`` (see ``Element.required_after``)."""
    if element.required_after == "first_half":
        return today > first_half_end(pack)
    return True


def months_not_due(window: TimeWindow, pack: Pack, today: date) -> list[Month]:
    """The months of a first-half or monthly window that are not over on ``today`` (the
    month of ``today`` itself included); empty once the first half is over."""
    if window not in _PARTIAL_WINDOWS:
        return []
    end = first_half_end(pack)
    start = pack.fiscal_year_start
    if today > end:
        return []
    first = max(date(today.year, today.month, 1), start)
    months: list[Month] = []
    y, m = first.year, first.month
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _day_en(day: date) -> str:
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def notes(item: Item, pack: Pack, today: date, not_due: list[Element]) -> list[Problem]:
    """The as-of notes of one item: months of its window and elements not yet due."""
    if item.status is not ItemStatus.DEFINED:
        return []
    found: list[Problem] = []
    months = months_not_due(item.window, pack, today)
    if months:
        found.append(
            make(
                "not_yet_due",
                as_of=thai_short_date(today),
                as_of_en=_day_en(today),
                months=span_th(months),
                months_en=span_en(months),
            )
        )
    if not_due:
        due = first_half_end(pack)
        found.append(
            make(
                "element_not_yet_due",
                as_of=thai_short_date(today),
                as_of_en=_day_en(today),
                elements=", ".join(e.th for e in not_due),
                elements_en="; ".join(e.en for e in not_due),
                due=thai_short_date(due),
                due_en=_day_en(due),
            )
        )
    return found


__all__ = ["element_due", "first_half_end", "months_not_due", "notes"]
