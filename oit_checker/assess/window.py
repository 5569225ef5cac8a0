"""Time windows: does the evidence cover the period the item asks for?

Dates come from the extractor (``Document.period``, ``.issued``, ``.dates``); when a document
carries none, they are read here with :mod:`oit_checker.thai.dates`. The rule of the house
holds: a clearly read wrong year or missing month fails; no readable date at all is review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oit_checker.assess.recognize import Source
from oit_checker.assess.stated import (
    is_filing_page,
    is_multi_year,
    link_labels,
    stated_periods,
    statements,
    year_statement,
)
from oit_checker.extract import read_dates
from oit_checker.models import DateMention, DateRole, Problem
from oit_checker.problems import make
from oit_checker.rules.schema import Item, Pack, TimeWindow
from oit_checker.thai.dates import document_dates, find_dates, fiscal_year, fiscal_year_bounds
from oit_checker.thai.text import fold

_MONTHS_TH = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
              "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")  # fmt: skip
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SIX_MONTHS = tuple(fold(p) for p in ("6 เดือน", "หกเดือน", "ครึ่งปี", "ครึ่งปีแรก"))
_SLACK_DAYS = 7
_FILE_DATES = ("PDF CreationDate", "PDF ModDate")
"""Sources of the dates the PDF reader takes from file metadata (extract/pdf.py)."""

Month = tuple[int, int]
"""(ค.ศ. year, month)."""


@dataclass
class WindowResult:
    ok: bool
    """The evidence is clearly in the window."""
    problems: list[Problem] = field(default_factory=list)
    """Hard failures (wrong year, months missing, period incomplete)."""
    unknown: bool = False
    """No usable date: review, not fail."""
    date_read: str | None = None
    """The date or period the verdict rests on, as written."""
    fix: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """(fix text key, params) for the remediation."""


_Read = list[tuple[Source, DateMention | None, list[DateMention]]]


def mentions(source: Source) -> tuple[DateMention | None, list[DateMention]]:
    """(period, all mentions) of a source; read from the text when the extractor gave none."""
    doc = source.doc
    if doc is not None and (read_dates(doc).dates or doc.period or doc.issued):
        extra = [m for m in (doc.period, doc.issued) if m is not None]
        return doc.period, [*extra, *doc.dates]
    if not source.text:
        return None, []
    title = doc.title if doc is not None else ""
    period, issued = document_dates(title, source.text)
    found = find_dates(source.text)
    extra = [m for m in (period, issued) if m is not None]
    return period, [*extra, *found]


def check(
    item: Item,
    pack: Pack,
    sources: Sequence[Source],
    today: date,
    has_data: Callable[[Source], bool] | None = None,
) -> WindowResult:
    """Check the item's time window against the readable evidence sources.

    ``has_data`` tells whether a one-month document holds the item's data; a month whose
    document holds neither data nor one of ``Item.none_statements`` is not counted.
    """
    if item.window is TimeWindow.CURRENT or not sources:
        return WindowResult(ok=True)
    read = [(s, *mentions(s)) for s in sources]
    if item.window is not TimeWindow.MONTHLY:
        read = _hints_dropped(read)
    result = _check_window(item.window, item, read, pack, today, has_data)
    # Where the sources disagree on the period, the pack lists the other readings
    # (Item.window_alternatives): evidence that fits one of them is not a failure.
    for alternative in item.window_alternatives if not result.ok else ():
        other = _check_window(alternative, item, read, pack, today, has_data)
        if other.ok:
            return other
    return result


def _check_window(
    window: TimeWindow,
    item: Item,
    read: _Read,
    pack: Pack,
    today: date,
    has_data: Callable[[Source], bool] | None,
) -> WindowResult:
    if window is TimeWindow.CURRENT:
        return WindowResult(ok=True)
    if window is TimeWindow.FISCAL_YEAR:
        return _year(read, pack.year)
    if window is TimeWindow.PREVIOUS_FISCAL_YEAR:
        return _year(read, pack.year - 1)
    if window is TimeWindow.MULTI_YEAR:
        return _multi_year(read, pack.year)
    if window is TimeWindow.FIRST_HALF:
        return _first_half(read, pack, today)
    return _monthly(item, read, pack, today, has_data)


def _hints_dropped(read: _Read) -> _Read:
    """When a document of the evidence states its own period, the pages that only file it
    (with their folder headings and link texts) no longer speak for its period."""
    pool = [source for source, _period, _found in read]
    filing = [is_filing_page(source, pool) for source in pool]
    if all(filing) or not any(
        stated_periods(source) for source, files in zip(pool, filing, strict=True) if not files
    ):
        return read
    return [entry for entry, files in zip(read, filing, strict=True) if not files]


def _stated_year(read: _Read, required: int) -> WindowResult | None:
    """The verdict from the one-year periods the documents state on their covers, or None
    when none states one (then the dates in their text and the links decide)."""
    said: list[DateMention] = []
    stating: set[int] = set()
    for statement in statements([source for source, _period, _found in read]):
        first = next((m for m in statement.periods if year_statement(m) is not None), None)
        if first is not None:
            said.append(first)
            stating.add(id(statement.source))
    if not said:
        return None
    hit = next((m for m in said if m.fiscal_year == required), None)
    if hit is not None:
        return WindowResult(ok=True, date_read=hit.source)
    # The documents that state nothing (posts of a news list, a page of dated entries) still
    # speak by the dates in their own text; the texts of their links do not.
    rest = [
        (source, period, [m for m in found if not any(m.source in t for t in link_labels(source))])
        for source, period, found in read
        if id(source) not in stating
    ]
    if rest:
        unsaid = _year(rest, required)
        if unsaid.ok:
            return unsaid
    return _wrong_year_of(said, required)


def _year(read: _Read, required: int) -> WindowResult:
    stated = _stated_year(read, required)
    if stated is not None:
        return stated
    strong: list[DateMention] = []
    weak: list[DateMention] = []
    metadata: list[DateMention] = []
    labelled: list[DateMention] = []
    for entry, period, found in read:
        labels = link_labels(entry)
        for m in found:
            if m.fiscal_year is None:
                continue
            if m.source.startswith(_FILE_DATES):
                metadata.append(m)
            elif labels and any(m.source in t for t in labels):
                labelled.append(m)  # what a link says of the file it leads to: a hint
            elif m is period or m.role in (DateRole.FISCAL_YEAR, DateRole.PERIOD):
                strong.append(m)
            else:
                weak.append(m)
    # The period a document names decides; other dates (an issue date just after the year
    # ended, a date quoted in the text) count only when it names none. A file's creation date
    # says when it was typed or scanned, never the period it covers: it can confirm, not fail.
    pool = strong or weak or labelled
    # A file's dates confirm only a document that names no period at all: an annual report
    # is typed in the year after the one it covers.
    hit = next((m for m in (pool or metadata) if m.fiscal_year == required), None)
    if hit is not None:
        return WindowResult(ok=True, date_read=hit.source)
    if not pool:
        return WindowResult(ok=False, unknown=True)
    return _wrong_year_of(pool, required)


def _wrong_year_of(pool: list[DateMention], required: int) -> WindowResult:
    """wrong_year with the fiscal year most of ``pool`` names, as first written."""
    found_year, _n = Counter(m.fiscal_year for m in pool).most_common(1)[0]
    result = _wrong(found_year or 0, required)
    result.date_read = next(m.source for m in pool if m.fiscal_year == found_year)
    return result


def _multi_year(read: _Read, year: int) -> WindowResult:
    start, end = fiscal_year_bounds(year)
    spans = [
        m for st in statements([s for s, _p, _f in read]) for m in st.periods if is_multi_year(m)
    ]
    if not spans and not any(year_statement(m) for s, _p, _f in read for m in stated_periods(s)):
        spans = [m for _source, _period, found in read for m in found if is_multi_year(m)]
    for m in spans:
        assert m.start is not None and m.end is not None
        if m.start <= end and m.end >= start:
            return WindowResult(ok=True, date_read=m.source)
    if spans:
        m = spans[0]
        assert m.start is not None and m.end is not None
        span = f"{m.start.year + 543}-{m.end.year + 543}"
        params: dict[str, Any] = {"found": span, "required": year}
        return WindowResult(
            ok=False,
            problems=[make("wrong_year", **params)],
            date_read=m.source,
            fix=[("fix_wrong_year", params)],
        )
    # A plan made for the one year also fits (schema: MULTI_YEAR).
    single = _year(read, year)
    if single.ok or single.problems:
        return single  # a one-year plan of the wrong year is a wrong year, not an unknown one
    return WindowResult(ok=False, unknown=True, date_read=single.date_read)


def _required_end(pack: Pack, today: date) -> date:
    """31 March of the fiscal year, or the end of the last full month before ``today``."""
    ce = pack.fiscal_year_end.year
    march_end = date(ce, 3, 31)
    if today > march_end:
        return march_end
    first_of_month = today.replace(day=1)
    return date.fromordinal(first_of_month.toordinal() - 1)


def _months_between(start: date, end: date) -> list[Month]:
    months: list[Month] = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _single_months(found: list[DateMention]) -> set[Month]:
    months: set[Month] = set()
    for m in found:
        if m.role is DateRole.ISSUED or m.start is None:
            continue
        end = m.end or m.start
        if (m.start.year, m.start.month) == (end.year, end.month):
            months.add((m.start.year, m.start.month))
    return months


def _first_half(read: _Read, pack: Pack, today: date) -> WindowResult:
    start = pack.fiscal_year_start
    need_end = _required_end(pack, today)
    if need_end < start:
        return WindowResult(ok=True)
    best: DateMention | None = None
    covered_months: set[Month] = set()
    other_years: list[int] = []
    six_months_said = False
    fy_said: DateMention | None = None
    for source, period, found in read:
        covered_months |= _single_months(found)
        if any(p in source.folded for p in _SIX_MONTHS):
            six_months_said = True
        for m in [period, *found]:
            if m is None or m.start is None or m.end is None:
                continue
            if m.fiscal_year is not None and m.fiscal_year != pack.year:
                other_years.append(m.fiscal_year)
            if m.role is DateRole.ISSUED:
                continue
            if m.role is DateRole.FISCAL_YEAR and m.fiscal_year == pack.year:
                fy_said = fy_said or m
                continue
            if (m.end - m.start).days < 40 or fiscal_year(m.start) != pack.year:
                continue
            if best is None or m.end > best.end:  # type: ignore[operator]
                best = m
    if (
        best is not None
        and best.start is not None
        and best.end is not None
        and (best.start - start).days <= _SLACK_DAYS
        and (need_end - best.end).days <= _SLACK_DAYS
    ):
        return WindowResult(ok=True, date_read=best.source)
    needed = _months_between(start, need_end)
    if all(m in covered_months for m in needed):
        return WindowResult(ok=True, date_read=_span_th(needed))
    if fy_said is not None and six_months_said:
        return WindowResult(ok=True, date_read=fy_said.source)
    if best is not None and best.start is not None and best.end is not None:
        covered = _months_between(max(best.start, start), best.end)
        params: dict[str, Any] = {
            "covered": _span_th(covered),
            "covered_en": _span_en(covered),
            "required": _span_th(needed),
            "required_en": _span_en(needed),
        }
        return WindowResult(
            ok=False,
            problems=[make("period_incomplete", **params)],
            date_read=best.source,
            fix=[("fix_period_incomplete", params)],
        )
    if other_years and fy_said is None:
        found_year = Counter(other_years).most_common(1)[0][0]
        params = {"found": found_year, "required": pack.year}
        return WindowResult(
            ok=False, problems=[make("wrong_year", **params)], fix=[("fix_wrong_year", params)]
        )
    return WindowResult(ok=False, unknown=True)


def _monthly(
    item: Item,
    read: _Read,
    pack: Pack,
    today: date,
    has_data: Callable[[Source], bool] | None,
) -> WindowResult:
    start = pack.fiscal_year_start
    need_end = _required_end(pack, today)
    if need_end < start:
        return WindowResult(ok=True)
    needed = _months_between(start, need_end)
    nones = [fold(p) for p in item.none_statements]
    have: set[Month] = set()
    other_years: list[int] = []
    for source, period, found in read:
        labels = [link.text for link in source.doc.links if link.text] if source.doc else []
        # A month named only in a link's text is a label for a file, not data for that month.
        months = _single_months(
            [
                m
                for m in found
                if m.role is not DateRole.FISCAL_YEAR and not any(m.source in t for t in labels)
            ]
        )
        if period is not None and period.start and period.end:
            span = _months_between(period.start, period.end)
            if len(span) == 1:
                said_none = any(n in source.folded for n in nones)
                if not said_none and has_data is not None and not has_data(source):
                    continue  # a one-month document with neither data nor "none" stated
                months.add(span[0])
        for y, m in months:
            fy = fiscal_year(date(y, m, 1))
            if fy != pack.year:
                other_years.append(fy)
        have |= months
    if not have:
        if other_years:
            return _wrong(Counter(other_years).most_common(1)[0][0], pack.year)
        return WindowResult(ok=False, unknown=True)
    in_year = [m for m in needed if m in have]
    if not in_year and not any(fiscal_year(date(y, m, 1)) == pack.year for y, m in have):
        return _wrong(Counter(other_years).most_common(1)[0][0], pack.year)
    missing = [m for m in needed if m not in have]
    if not missing:
        return WindowResult(ok=True, date_read=_span_th(needed))
    present = sorted(m for m in have if fiscal_year(date(m[0], m[1], 1)) == pack.year)
    none_th = item.none_statements[0] if item.none_statements else "ไม่มีรายการ"
    params: dict[str, Any] = {
        "missing": _span_th(missing),
        "missing_en": _span_en(missing),
        "found": _span_th(present),
        "found_en": _span_en(present),
        "none_th": none_th,
    }
    return WindowResult(
        ok=False,
        problems=[make("months_missing", **params)],
        date_read=_span_th(present),
        fix=[("fix_months_missing", params)],
    )


def _wrong(found: int, required: int) -> WindowResult:
    params: dict[str, Any] = {"found": found, "required": required}
    return WindowResult(
        ok=False, problems=[make("wrong_year", **params)], fix=[("fix_wrong_year", params)]
    )


def _runs(months: Sequence[Month]) -> list[list[Month]]:
    runs: list[list[Month]] = []
    for y, m in sorted(months):
        if runs:
            py, pm = runs[-1][-1]
            if (py, pm + 1) == (y, m) or (pm == 12 and (py + 1, 1) == (y, m)):
                runs[-1].append((y, m))
                continue
        runs.append([(y, m)])
    return runs


def _span_th(months: Sequence[Month]) -> str:
    """``ต.ค.–ธ.ค. 2566, ก.พ. 2567`` (years พ.ศ.)."""
    parts: list[str] = []
    for run in _runs(months):
        (y1, m1), (y2, m2) = run[0], run[-1]
        if run[0] == run[-1]:
            parts.append(f"{_MONTHS_TH[m1 - 1]} {y1 + 543}")
        elif y1 == y2:
            parts.append(f"{_MONTHS_TH[m1 - 1]}–{_MONTHS_TH[m2 - 1]} {y1 + 543}")
        else:
            parts.append(f"{_MONTHS_TH[m1 - 1]} {y1 + 543}–{_MONTHS_TH[m2 - 1]} {y2 + 543}")
    return ", ".join(parts) if parts else "-"


def _span_en(months: Sequence[Month]) -> str:
    parts: list[str] = []
    for run in _runs(months):
        (y1, m1), (y2, m2) = run[0], run[-1]
        if run[0] == run[-1]:
            parts.append(f"{_MONTHS_EN[m1 - 1]} {y1}")
        elif y1 == y2:
            parts.append(f"{_MONTHS_EN[m1 - 1]}–{_MONTHS_EN[m2 - 1]} {y1}")
        else:
            parts.append(f"{_MONTHS_EN[m1 - 1]} {y1}–{_MONTHS_EN[m2 - 1]} {y2}")
    return ", ".join(parts) if parts else "-"


__all__ = ["WindowResult", "check", "mentions"]
