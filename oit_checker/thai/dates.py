"""Thai dates and periods in free text: days, months, quarters, fiscal years, spans.

Agency documents write dates in many ways (``๑๕ ตุลาคม ๒๕๖๗``, ``15 ต.ค. 67``, ``ต.ค.67``,
``ปีงบประมาณ พ.ศ. 2568``, ``ไตรมาส 1/2568``, ``รอบ 6 เดือน (ต.ค. 67 – มี.ค. 68)``, ISO, ค.ศ.).
``find_dates`` returns each mention with the exact source string, its start/end (ค.ศ. dates)
and the Thai fiscal year (พ.ศ.). ``document_dates`` picks the period a document covers and the
date it was issued, which the assessment compares with each item's time window.

Year rules: a 4-digit year above 2400 is พ.ศ., 1900–2200 is ค.ศ.; a 2-digit year is พ.ศ. with a
Thai month (``67`` → 2567) and ค.ศ. with an English month; in d/m/yy dates 50–99 is พ.ศ. and
00–49 ค.ศ. ``ประจำปี Y`` is read as the fiscal year Y, as Thai government documents use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from oit_checker.models import DateMention, DateRole
from oit_checker.thai.text import THAI_DIGITS, replace_chars

_T = TypeVar("_T")
_BE_OFFSET = 543
_MIN_BE, _MAX_BE = 2400, 2700


def be_to_ce(year: int) -> int:
    """พ.ศ. → ค.ศ. (2568 → 2025)."""
    return year - _BE_OFFSET


def ce_to_be(year: int) -> int:
    """ค.ศ. → พ.ศ. (2025 → 2568)."""
    return year + _BE_OFFSET


def fiscal_year(d: date) -> int:
    """The พ.ศ. fiscal year a day falls in: 1 Oct 2024 – 30 Sep 2025 is ปีงบประมาณ 2568."""
    return ce_to_be(d.year) + (1 if d.month >= 10 else 0)


def thai_short_date(day: date) -> str:
    """``1 ต.ค. 2569``: day, abbreviated Thai month, พ.ศ. year (for report lines)."""
    return f"{day.day} {_TH_MONTHS[day.month - 1][-1]} {ce_to_be(day.year)}"


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of the พ.ศ. fiscal year ``fy_be``."""
    ce = be_to_ce(fy_be)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


# --------------------------------------------------------------------------- vocabulary

_TH_MONTHS: list[tuple[str, ...]] = [
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "กุมภาพันธ", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "กรกฏาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พฤษจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
]
_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _abbr_pattern(abbr: str) -> str:
    """``ต.ค.`` → a pattern accepting ``ต.ค.``, ``ต.ค``, ``ต. ค.``, ``ตค.``."""
    letters = [part for part in abbr.split(".") if part]
    return r"\s?\.?\s?".join(re.escape(p) for p in letters) + r"\.?"


def _month_table() -> tuple[dict[str, int], str, str]:
    lookup: dict[str, int] = {}
    full: list[str] = []
    abbrs: list[str] = []
    for i, names in enumerate(_TH_MONTHS, start=1):
        for name in names:
            if "." in name:
                abbrs.append(_abbr_pattern(name))
                lookup[name.replace(".", "")] = i
            else:
                full.append(re.escape(name))
                lookup[name] = i
    for i, name in enumerate(_EN_MONTHS, start=1):
        lookup[name] = i
        lookup[name[:3]] = i
    lookup["sept"] = 9
    th = "|".join(sorted(full, key=len, reverse=True) + abbrs)
    en = r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    en += r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z])"
    return lookup, th, en


_MONTH_LOOKUP, _TH_MONTH, _EN_MONTH = _month_table()
_ERA = r"(?:พ\s?\.?\s?ศ\s?\.{0,2}|ค\s?\.?\s?ศ\s?\.{0,2}|B\.?E\.?|A\.?D\.?)"
_YEAR = r"(?:\d{4}|\d{2})(?!\d)"
_SP = r"\s{0,3}"

# A day written with digits only. Patterns start with what they must start with (a digit, a
# literal) and check the character before it afterwards: ``re`` then skips ahead quickly
# instead of trying the whole pattern at every position of a long text.
_NUMERIC = re.compile(
    r"(?P<d>\d(?<![\d/.\-]\d)\d?)(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\d/\-]|\.\d)"
)
_ISO = re.compile(r"(?P<y>\d(?<![\d/.\-]\d)\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")

_RANGE_SEP = re.compile(
    r"\s*(?:-|~|ถึง(?:วันที่|เดือน)?|จนถึง(?:วันที่|เดือน)?|to|until)\s*\Z", re.IGNORECASE
)

# Periods named by words. A leading optional part (``ประจำ``, ``ปี พ.ศ.``) is a separate
# PREFIX pattern, looked for just before each match of the rest (see _iter_prefixed).
_FY = re.compile(
    rf"ปี\s*งบ(?:ประมาณ)?{_SP}(?:(?P<era>{_ERA}){_SP})?(?P<y>{_YEAR})"
    rf"(?:{_SP}(?:-|ถึง){_SP}(?:{_ERA}{_SP})?(?P<y2>\d{{4}})(?!\d))?"
    rf"|ปีงบ{_SP}(?P<y3>\d{{2}})(?!\d)"
)
_FY_PREFIX = re.compile(rf"ประจำ{_SP}\Z")
_ANNUAL = re.compile(rf"ประจำ{_SP}ปี{_SP}(?:(?P<era>{_ERA}){_SP})?(?P<y>\d{{4}})(?!\d)")
_HALF = re.compile(
    rf"(?:รอบ{_SP}(?:6|หก){_SP}เดือน(?:แรก)?|(?:6|หก){_SP}เดือนแรก|ครึ่งปีแรก)"
    rf"{_SP}(?:ของ{_SP})?(?:ประจำ{_SP})?ปี\s*งบ(?:ประมาณ)?{_SP}(?:(?P<era>{_ERA}){_SP})?"
    rf"(?P<y>{_YEAR})"
)
_QUARTER = re.compile(
    rf"ไตรมาส(?:ที่)?{_SP}(?P<q>[1-4])(?!\d){_SP}"
    rf"(?:/|(?:ประจำ{_SP})?ปี(?:\s*งบ(?:ประมาณ)?)?)?{_SP}(?:(?P<era>{_ERA}){_SP})?(?P<y>{_YEAR})"
)
_YEAR_SPAN = re.compile(
    rf"(?P<y>\d(?<!\d\d)\d{{3}}){_SP}(?:-|ถึง){_SP}(?:{_ERA}{_SP})?(?P<y2>\d{{4}})(?!\d)"
)
_YEAR_SPAN_PREFIX = re.compile(rf"(?:ปี{_SP})?(?P<era>{_ERA}){_SP}\Z")
_YEAR_ONLY = re.compile(rf"(?P<era>{_ERA}){_SP}(?P<y>{_YEAR})|ปี{_SP}(?P<y2>\d{{4}})(?!\d)")
_YEAR_ONLY_PREFIX = re.compile(rf"ปี{_SP}\Z")
_PREFIX_CHARS = 24
"""More than the longest text a PREFIX pattern can match (``ปี   พ . ศ ..   ``: 16)."""

_ISSUED_CUE = re.compile(
    r"(?:(?:ประกาศ|สั่ง|ให้ไว้|ออก)\s*ณ\s*|ลง|ประกาศเมื่อ\s*|เผยแพร่(?:เมื่อ)?\s*|"
    r"(?:วันที่)?(?:ประกาศ|เผยแพร่|ลงนาม|อนุมัติ)\s*(?:เมื่อ)?\s*|published:?\s*|dated\s*)"
    r"(?:วันที่|วันที)?\s*[:：]?\s*\Z",
    re.IGNORECASE,
)
_CUE_LOOKBACK = 40

_SCAN_MAP: tuple[tuple[str, str], ...] = (
    *((d, str(i)) for i, d in enumerate(THAI_DIGITS)),
    *((c, "-") for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"),
    *((c, " ") for c in "\u00a0\u2002\u2003\u2009\u202f\u3000\u200b\u200c\u200d\u2060\ufeff"),
)
"""Same length in and out: offsets in the scanned copy are offsets in the text."""


# --------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class _Point:
    start: int
    end: int
    day: int | None
    month: int
    year_be: int | None
    thai: bool


@dataclass(slots=True)
class _Found:
    """A mention before it becomes a DateMention (only the ones kept are built)."""

    start: int
    end: int
    first: date
    last: date
    role: DateRole
    fiscal_year: int | None


def _year_be(
    raw: str, era: str | None, *, english: bool = False, numeric: bool = False
) -> int | None:
    """A year as written → พ.ศ., or None when implausible."""
    y = int(raw)
    ce_era = bool(era) and era is not None and era.strip()[:1].lower() in ("ค", "a")
    be_era = bool(era) and not ce_era
    if len(raw) == 4:
        if ce_era:
            be = ce_to_be(y)
        elif y > _MIN_BE:
            be = y
        elif 1900 <= y <= 2200 and not be_era:
            be = ce_to_be(y)
        else:
            return None
    elif ce_era or english or (numeric and y < 50 and not be_era):
        be = ce_to_be(2000 + y)
    else:
        be = 2500 + y
    return be if _MIN_BE <= be <= _MAX_BE else None


def _month_number(raw: str) -> int | None:
    key = re.sub(r"[\s.]", "", raw).lower()
    return _MONTH_LOOKUP.get(key) or _MONTH_LOOKUP.get(key[:3])


def _is_thai_month(raw: str) -> bool:
    return "\u0e00" <= raw[:1] <= "\u0e7f"


_BACK, _AHEAD = 80, 12
"""Every mention ends in a digit and starts at most _BACK characters before its first one."""
_DIGIT_CLUSTERS = re.compile(rf"\d+(?:\D{{0,{_BACK + _AHEAD}}}\d+)*")
"""Runs of digits close enough for their windows to overlap."""


def _windows(scan: str) -> list[tuple[int, int]]:
    """Stretches of text around digits: the only places a date can be."""
    size = len(scan)
    return [
        (max(0, m.start() - _BACK), min(size, m.end() + _AHEAD))
        for m in _DIGIT_CLUSTERS.finditer(scan)
    ]


def _iter(
    rx: re.Pattern[str],
    scan: str,
    windows: list[tuple[int, int]],
    need: tuple[str, ...] = (),
) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` in the windows; ``need``: words one of which every match contains
    (a window without any is skipped without running the regex)."""
    for s, e in windows:
        if not need or any(scan.find(word, s, e) != -1 for word in need):
            yield from rx.finditer(scan, s, e)


class _Hit:
    """A match of a pattern whose optional leading part (PREFIX) was matched separately."""

    __slots__ = ("_m", "_prefix")

    def __init__(self, m: re.Match[str], prefix: re.Match[str] | None) -> None:
        self._m, self._prefix = m, prefix

    def start(self) -> int:
        return self._prefix.start() if self._prefix is not None else self._m.start()

    def end(self) -> int:
        return self._m.end()

    def group(self, name: str) -> str | None:
        if self._prefix is not None and name in self._prefix.re.groupindex:
            return self._prefix.group(name)
        if name in self._m.re.groupindex:
            return self._m.group(name)
        return None


def _iter_prefixed(
    rx: re.Pattern[str],
    prefix: re.Pattern[str],
    scan: str,
    windows: list[tuple[int, int]],
    need: tuple[str, ...] = (),
    when: str | None = None,
) -> Iterator[_Hit]:
    """Matches of ``PREFIX? rx`` as ``re`` would find them, at the cost of ``rx`` alone.

    ``prefix`` ends in ``\\Z`` and contains no digit, and every match of ``rx`` ends in one,
    so a prefix never overlaps the match before. ``when``: a group of ``rx`` that must have
    matched for the prefix to apply (the prefix belongs to that alternative only).
    """
    for s, e in windows:
        if need and not any(scan.find(word, s, e) != -1 for word in need):
            continue
        for m in rx.finditer(scan, s, e):
            before = None
            if when is None or m.group(when) is not None:
                before = prefix.search(scan, max(s, m.start() - _PREFIX_CHARS), m.start())
            yield _Hit(m, before)


_TH_MONTH_RX = re.compile(_TH_MONTH)
_EN_WORD = re.compile(r"[A-Za-z](?<![A-Za-z][A-Za-z])[A-Za-z]{2,8}(?![A-Za-z])\.?")
_AFTER_MONTH = re.compile(rf"{_SP},?{_SP}(?:(?P<era>{_ERA}){_SP})?(?P<y>{_YEAR})")
_AFTER_EN_MONTH = re.compile(r"\s(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<y>\d{4})(?!\d)")
_BEFORE_MONTH = re.compile(
    rf"(?:(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_SP}(?:of{_SP})?)?(?:เดือน{_SP})?\Z"
)
_BEFORE_CHARS = 24


def _month_hits(scan: str, windows: list[tuple[int, int]]) -> Iterator[tuple[int, int, int, bool]]:
    """(start, end, month, is_thai) of every month name; English ones found via ASCII words."""
    for m in _iter(_TH_MONTH_RX, scan, windows):
        month = _month_number(m.group(0))
        if month:
            yield m.start(), m.end(), month, True
    for m in _iter(_EN_WORD, scan, windows):
        month = _MONTH_LOOKUP.get(m.group(0).rstrip(".").lower())
        if month:
            yield m.start(), m.end(), month, False


def _points(scan: str, windows: list[tuple[int, int]]) -> list[_Point]:
    """Days and months (with or without day/year) around each month name, plus numeric dates."""
    found: list[_Point] = []
    for ms, me, month, thai in _month_hits(scan, windows):
        start, end, day, year = ms, me, None, None
        before = _BEFORE_MONTH.search(scan, max(0, ms - _BEFORE_CHARS), ms)
        if before is not None and before.start() < ms:
            start = before.start()
            day = int(before.group("d")) if before.group("d") else None
        mdy = _AFTER_EN_MONTH.match(scan, me) if not thai and day is None else None
        after = None if mdy is not None else _AFTER_MONTH.match(scan, me)
        if mdy is not None:
            day, year, end = int(mdy.group("d")), _year_be(mdy.group("y"), None), mdy.end()
        elif after is not None:
            year = _year_be(after.group("y"), after.group("era"), english=not thai)
            if year is None:
                continue
            end = after.end()
        found.append(_Point(start, end, day, month, year, thai))
    for rx, numeric, need in ((_NUMERIC, True, ("/", ".", "-")), (_ISO, False, ("-",))):
        for m in _iter(rx, scan, windows, need):
            year = _year_be(m.group("y"), None, numeric=numeric)
            month = int(m.group("m"))
            if year is None or not 1 <= month <= 12:
                continue
            found.append(_Point(m.start(), m.end(), int(m.group("d")), month, year, False))
    return _longest_first(found, lambda p: (p.start, p.end))


def _longest_first(items: list[_T], span: Callable[[_T], tuple[int, int]]) -> list[_T]:
    """Keep the longest of overlapping matches; result in text order."""
    if not items:
        return []
    spans = [span(it) for it in items]
    order = sorted(range(len(items)), key=lambda i: (spans[i][0] - spans[i][1], spans[i][0]))
    taken = bytearray(max(e for _, e in spans) + 1)
    kept: list[int] = []
    for i in order:
        s, e = spans[i]
        if taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append(i)
    kept.sort(key=lambda i: spans[i][0])
    return [items[i] for i in kept]


def _month_end(year_ce: int, month: int) -> date:
    nxt = date(year_ce + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _bounds(p: _Point, year_be: int) -> tuple[date, date] | None:
    ce = be_to_ce(year_be)
    try:
        if p.day is not None:
            d = date(ce, p.month, p.day)
            return d, d
        return date(ce, p.month, 1), _month_end(ce, p.month)
    except ValueError:
        return None


def _fy_of_span(start: date, end: date) -> int | None:
    if (end - start).days > 400:
        return None
    return fiscal_year(start + (end - start) / 2)


def _date_mentions(scan: str, windows: list[tuple[int, int]]) -> list[_Found]:
    points = _points(scan, windows)
    out: list[_Found] = []
    i = 0
    while i < len(points):
        a = points[i]
        b = points[i + 1] if i + 1 < len(points) else None
        if b is not None and b.year_be is not None and _RANGE_SEP.match(scan, a.end, b.start):
            year_a = a.year_be
            if year_a is None:
                year_a = b.year_be - (1 if a.month > b.month else 0)
            ab, bb = _bounds(a, year_a), _bounds(b, b.year_be)
            if ab and bb and ab[0] <= bb[1]:
                out.append(_found(a.start, b.end, ab[0], bb[1], DateRole.PERIOD))
                i += 2
                continue
        if a.year_be is not None:
            bounds = _bounds(a, a.year_be)
            if bounds:
                role = DateRole.UNKNOWN if a.day is not None else DateRole.PERIOD
                out.append(_found(a.start, a.end, bounds[0], bounds[1], role))
        i += 1
    return out


def _found(s: int, e: int, start: date, end: date, role: DateRole, fy: int | None = -1) -> _Found:
    return _Found(s, e, start, end, role, _fy_of_span(start, end) if fy == -1 else fy)


def _word_mentions(scan: str, windows: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    for m in _iter(_HALF, scan, windows, ("เดือน", "ครึ่งปีแรก")):
        fy = _year_be(m.group("y"), m.group("era"))
        if fy:
            start = fiscal_year_bounds(fy)[0]
            end = date(be_to_ce(fy), 3, 31)
            out.append(_found(m.start(), m.end(), start, end, DateRole.PERIOD, fy))
    for m in _iter(_QUARTER, scan, windows, ("ไตรมาส",)):
        fy = _year_be(m.group("y"), m.group("era"))
        if fy:
            q = int(m.group("q"))
            first = fiscal_year_bounds(fy)[0]
            month0 = (first.month - 1 + 3 * (q - 1)) % 12 + 1
            year_ce = first.year + (1 if q > 1 else 0)
            start = date(year_ce, month0, 1)
            end = _month_end(year_ce, month0 + 2)
            out.append(_found(m.start(), m.end(), start, end, DateRole.PERIOD, fy))
    for h in _iter_prefixed(_FY, _FY_PREFIX, scan, windows, ("งบ",)):
        raw = h.group("y") or h.group("y3")
        fy = _year_be(raw or "", h.group("era"))
        if not fy:
            continue
        raw2 = h.group("y2")
        fy2 = _year_be(raw2, None) if raw2 else None
        start, end = fiscal_year_bounds(fy)
        if fy2 and fy2 > fy:
            end = fiscal_year_bounds(fy2)[1]
            out.append(_found(h.start(), h.end(), start, end, DateRole.FISCAL_YEAR, None))
        else:
            out.append(_found(h.start(), h.end(), start, end, DateRole.FISCAL_YEAR, fy))
    for m in _iter(_ANNUAL, scan, windows, ("ประจำ",)):
        fy = _year_be(m.group("y"), m.group("era"))
        if fy:
            start, end = fiscal_year_bounds(fy)
            out.append(_found(m.start(), m.end(), start, end, DateRole.FISCAL_YEAR, fy))
    for h in _iter_prefixed(_YEAR_SPAN, _YEAR_SPAN_PREFIX, scan, windows, ("-", "ถึง")):
        y1 = _year_be(h.group("y") or "", h.group("era"))
        y2 = _year_be(h.group("y2") or "", h.group("era"))
        if y1 and y2 and y1 < y2 <= y1 + 20:
            start, end = date(be_to_ce(y1), 1, 1), date(be_to_ce(y2), 12, 31)
            out.append(_found(h.start(), h.end(), start, end, DateRole.PERIOD, None))
    for h in _iter_prefixed(
        _YEAR_ONLY, _YEAR_ONLY_PREFIX, scan, windows, ("ปี", "ศ", "B", "A"), when="era"
    ):
        raw = h.group("y") or h.group("y2")
        y = _year_be(raw or "", h.group("era"))
        if y:
            start, end = date(be_to_ce(y), 1, 1), date(be_to_ce(y), 12, 31)
            out.append(_found(h.start(), h.end(), start, end, DateRole.UNKNOWN, y))
    return out


def _mark_issued(scan: str, found: _Found) -> _Found:
    """Single days right after "ประกาศ ณ วันที่", "ลงวันที่"… are issue dates."""
    if found.first != found.last:
        return found
    window_start = max(0, found.start - _CUE_LOOKBACK)
    cue = _ISSUED_CUE.search(scan, window_start, found.start)
    if cue is None:
        return found
    found.start, found.role = cue.start(), DateRole.ISSUED
    return found


def month_names(text: str) -> list[tuple[str, int]]:
    """(as written, month number) of every Thai or English month name in ``text``, with or
    without a year (``เดือนตุลาคม``, ``ต.ค.``, ``October``)."""
    scan = replace_chars(text, _SCAN_MAP)
    whole = [(0, len(scan))]
    return [(text[s:e], month) for s, e, month, _thai in _month_hits(scan, whole)]


_ANY_DIGIT = re.compile(r"\d")


def _find(text: str) -> list[tuple[int, DateMention]]:
    """(start offset, mention) of every mention in ``text``, in text order."""
    if not text or _ANY_DIGIT.search(text) is None:
        return []
    scan = replace_chars(text, _SCAN_MAP)
    windows = _windows(scan)
    found = _date_mentions(scan, windows) + _word_mentions(scan, windows)
    kept = _longest_first(found, lambda f: (f.start, f.end))
    out: list[tuple[int, DateMention]] = []
    for f in kept:
        f = _mark_issued(scan, f)
        mention = DateMention(
            source=text[f.start : f.end].strip(),
            start=f.first,
            end=f.last,
            fiscal_year=f.fiscal_year,
            role=f.role,
        )
        out.append((f.start, mention))
    return out


def find_dates(text: str) -> list[DateMention]:
    """Every date and period mentioned in ``text``, in text order, with its source string."""
    return [m for _, m in _find(text)]


_PERIOD_RANK = {DateRole.PERIOD: 0, DateRole.FISCAL_YEAR: 1}


def _best_period(mentions: list[DateMention]) -> DateMention | None:
    periods = [
        m
        for m in mentions
        if m.role in _PERIOD_RANK and m.start is not None and m.end is not None and m.start != m.end
    ]
    if not periods:
        return None
    spans = [m for m in periods if m.role is DateRole.PERIOD and m.fiscal_year is not None]
    if spans:
        return spans[0]
    return min(periods, key=lambda m: _PERIOD_RANK[m.role])


_PERIOD_HEAD_CHARS = 3000


def document_dates(title: str, text: str) -> tuple[DateMention | None, DateMention | None]:
    """(period covered, issued) of a document.

    The period comes from the title when it names one (an explicit span before a fiscal year),
    else from the beginning of the text. The issue date is the last "ประกาศ ณ วันที่ …" /
    "ลงวันที่ …" in the text (signatures come last), else one in the title. Either may be None:
    no date is guessed.
    """
    _, period, issued = analyse_dates(title, text)
    return period, issued


def analyse_dates(
    title: str, text: str
) -> tuple[list[DateMention], DateMention | None, DateMention | None]:
    """All mentions in title and text (title first, when it is not repeated in the text),
    plus :func:`document_dates`' (period, issued), scanning the text only once."""
    title_found = _find(title)
    text_found = _find(text)
    title_mentions = [m for _, m in title_found]
    text_mentions = [m for _, m in text_found]
    period = _best_period(title_mentions)
    if period is None:
        period = _best_period([m for start, m in text_found if start < _PERIOD_HEAD_CHARS])
    if period is not None and period.role is DateRole.UNKNOWN:
        period = period.model_copy(update={"role": DateRole.PERIOD})
    issued = next((m for m in reversed(text_mentions) if m.role is DateRole.ISSUED), None)
    if issued is None:
        issued = next((m for m in title_mentions if m.role is DateRole.ISSUED), None)
    mentions = text_mentions if title and title in text else title_mentions + text_mentions
    return mentions, period, issued


__all__ = [
    "analyse_dates",
    "be_to_ce",
    "ce_to_be",
    "document_dates",
    "find_dates",
    "fiscal_year",
    "fiscal_year_bounds",
    "month_names",
]
