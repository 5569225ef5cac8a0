"""The period a document says it covers, as opposed to where it is filed.

Agencies file documents in year folders, name files and links after the year they upload them
in, and list several years on one page. An assessor reads the document's own cover: its title,
headings and first lines (``รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567``,
``รอบ 6 เดือน (1 ต.ค. 2567 – 31 มี.ค. 2568)``, ``แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)``). That
statement decides. A date quoted further down (``เปรียบเทียบกับปีงบประมาณ 2566``, the next
year's plan a report announces), the text of the link that led to the file, the page the file is
listed on and its folder or file name are hints: they count only when no document of the
evidence states its period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from oit_checker.assess.recognize import Source
from oit_checker.models import DateMention, DateRole, DocKind
from oit_checker.thai.dates import find_dates

HEAD_CHARS = 1500
HEAD_LINES = 10
"""A document's cover: its first lines (at most HEAD_CHARS characters); a memo's heading block
(ส่วนราชการ, ที่, วันที่, เรื่อง) and a report's title page fit in them."""
HEAD_HEADINGS = 3
"""Headings of an HTML page read with its title."""
MIN_SPAN_DAYS = 55
"""A span from about two months on states a period (a single month or day does not state the
year a yearly document covers: it is a date inside it)."""
MULTI_YEAR_DAYS = 400


@dataclass(frozen=True)
class Statement:
    """The periods one evidence source states about itself, in the order it states them."""

    source: Source
    periods: list[DateMention]


def link_labels(source: Source) -> list[str]:
    """The texts of a page's links: what they say is about the linked files, not the page."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return []
    return [link.text for link in doc.links if link.text]


def is_filing_page(source: Source, pool: Sequence[Source]) -> bool:
    """An HTML page that links another source of the evidence: a place where files are filed."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return False
    targets = {link.url for link in doc.links if link.url}
    return any(other is not source and other.url in targets for other in pool)


def _first_lines(text: str) -> str:
    lines = [line for line in text[:HEAD_CHARS].split("\n") if line.strip()]
    return "\n".join(lines[:HEAD_LINES])


def _head(source: Source) -> str:
    """A page's title and headings, then its first lines; a file's first lines, then the title
    in its metadata (often left over from last year's template, and never shown to a reader)."""
    doc = source.doc
    if doc is None:
        return _first_lines(source.text)
    if doc.kind is DocKind.HTML:
        parts = [doc.title, *doc.headings[:HEAD_HEADINGS], _first_lines(doc.text)]
    else:
        parts = [_first_lines(doc.text), doc.title]
    return "\n".join(p for p in parts if p)


def stated_periods(source: Source) -> list[DateMention]:
    """The periods a source names in its head (title, headings, first lines), link texts
    excluded: fiscal years, half years, quarters, month spans, year spans."""
    labels = link_labels(source)
    out: list[DateMention] = []
    for m in find_dates(_head(source)):
        if m.role is DateRole.ISSUED or m.start is None or m.end is None:
            continue
        if m.role is not DateRole.FISCAL_YEAR and (m.end - m.start).days < MIN_SPAN_DAYS:
            continue
        if any(m.source in label for label in labels):
            continue
        if all(m.source != seen.source for seen in out):
            out.append(m)
    return out


def statements(pool: Sequence[Source]) -> list[Statement]:
    """What the documents of the evidence state about their own period. Pages that file other
    sources of the evidence speak only when no other source states anything."""
    own: list[Statement] = []
    filing: list[Statement] = []
    for source in pool:
        periods = stated_periods(source)
        if not periods:
            continue
        (filing if is_filing_page(source, pool) else own).append(Statement(source, periods))
    return own or filing


def is_multi_year(m: DateMention) -> bool:
    return m.start is not None and m.end is not None and (m.end - m.start).days > MULTI_YEAR_DAYS


def year_statement(m: DateMention) -> int | None:
    """The fiscal year a stated one-year period covers (None for a multi-year span)."""
    return None if is_multi_year(m) else m.fiscal_year


__all__ = [
    "HEAD_CHARS",
    "HEAD_LINES",
    "Statement",
    "is_filing_page",
    "is_multi_year",
    "link_labels",
    "stated_periods",
    "statements",
    "year_statement",
]
