"""When "not found" is not proof: what was not read could hold the missing evidence.

Three cases turn a failure that rests on absence (elements not found, months missing) into
``review`` / ``not_checked``, with the reason and how much was read:

- the documents were read only in part (page limit, time limit, OCR page cap, text cap):
  :func:`partly_read`;
- the crawl left out pages or files the evidence could sit in (a limit, a timeout, a 5xx on a
  file the item's page links, on a menu page of the home page, on a link named like the item):
  :func:`crawl_gap`;
- a close runner-up among the item's candidate documents could not be read or fetched, so the
  best one's failure is not the last word: :func:`pick`.

A failure that rests on what *was* found (a wrong document, a dead link) is never softened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from oit_checker.assess.recognize import Source, mentions_item
from oit_checker.assess.site import SiteEvidence, same_site
from oit_checker.models import Document, FetchError, Problem, Resource, Verdict
from oit_checker.problems import make
from oit_checker.rules.schema import Item

_PARTLY_READ = ("page_limit", "extract_timeout", "ocr_pages_capped", "text_truncated")
_ABSENCE = frozenset({"missing_elements", "months_missing", "period_incomplete"})
"""Failures that rest on what was not found (softened when not all was read); a wrong
document, a wrong year or a dead link rests on what was found and stands."""
_UNFETCHED = frozenset(
    {
        FetchError.TIMEOUT,
        FetchError.RESET,
        FetchError.CONNECT,
        FetchError.NOT_FETCHED,
        FetchError.CIRCUIT_OPEN,
    }
)
"""Fetch errors that say nothing about the page itself: it may well hold the evidence."""


def extent(doc: Document) -> tuple[str, str] | None:
    """How much of ``doc`` was read, Thai and English ("อ่านได้ 50 จาก 400 หน้า"), when it was
    read only in part; None when it was read whole."""
    codes = [code for code in _PARTLY_READ if code in doc.warnings]
    if not codes:
        return None
    code = codes[0]
    total = doc.page_count
    read = doc.pages_read
    if code == "text_truncated" and doc.chars_total:
        kept = len(doc.text)
        return (
            f"เก็บข้อความได้ {kept:,} จาก {doc.chars_total:,} ตัวอักษร",
            f"kept {kept:,} of {doc.chars_total:,} characters",
        )
    why_th, why_en = {
        "page_limit": ("ตามขีดจำกัดจำนวนหน้า", "page limit"),
        "extract_timeout": ("ก่อนหมดเวลาอ่าน", "time limit"),
        "ocr_pages_capped": ("ด้วย OCR ตามขีดจำกัดจำนวนหน้า", "OCR page limit"),
    }.get(code, ("", code))
    if read is not None and total:
        return (
            f"อ่านได้ {read:,} จาก {total:,} หน้า{' ' + why_th if why_th else ''}",
            f"read {read:,} of {total:,} pages ({why_en})",
        )
    return f"อ่านได้เพียงบางส่วน{' ' + why_th if why_th else ''}", f"read only in part ({why_en})"


def partly_read(pool: Sequence[Source]) -> Problem | None:
    """The ``partly_read`` problem of the first source read only in part, if any."""
    for source in pool:
        if source.doc is None:
            continue
        found = extent(source.doc)
        if found is not None:
            return make("partly_read", source.url, extent=found[0], extent_en=found[1])
    return None


def crawl_gap(
    item: Item, site: SiteEvidence, sources: Sequence[Source], pages: Sequence[str]
) -> Problem | None:
    """A URL the crawl did not get (a limit, a timeout, a 5xx) where this item's missing
    evidence could be: linked from one of ``sources`` or ``pages`` (the item's page and hub:
    6 of 12 monthly files reached), a menu page linked from the home page, or a link named
    like the item. None when the crawl got everything that could matter."""
    if not site.partial:
        return None
    linked: set[str] = set(pages)
    for source in sources:
        if source.doc is not None:
            linked.update(link.url for link in source.doc.links if link.url)
        if source.via:
            linked.add(source.via)
    start = site.site
    for resource in site.resources.values():
        reason = _unfetched(resource)
        if reason is None:
            continue
        near = (
            resource.url in linked
            or (resource.final_url or "") in linked
            or (resource.referrer is not None and resource.referrer in pages)
        )
        menu = (
            resource.referrer is not None
            and same_site(resource.url, site)
            and same_site(resource.referrer, site)
            and _same_page(resource.referrer, start)
        )
        named = mentions_item(item, resource.anchor_text or "") or _url_named(item, resource.url)
        if near or menu or named:
            return make("related_not_fetched", resource.url, target=resource.url, reason=reason)
    return None


def _unfetched(resource: Resource) -> str | None:
    if resource.error in _UNFETCHED:
        return resource.error_detail or str(resource.error)
    if resource.error is FetchError.HTTP_STATUS and (resource.status or 0) >= 500:
        return f"HTTP {resource.status}"
    if resource.error is FetchError.HTTP_STATUS and resource.status == 429:
        return "HTTP 429"
    return None


def _same_page(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.hostname or "") == (pb.hostname or "") and (pa.path.rstrip("/") or "/") == (
        pb.path.rstrip("/") or "/"
    )


def _url_named(item: Item, url: str) -> bool:
    path = unquote(urlsplit(url).path).lower()
    return any(re.search(p, path) for p in item.signals.url_patterns)


@dataclass(frozen=True)
class Softened:
    """What a failure that rests on absence becomes, and why."""

    verdict: Verdict
    problem: Problem
    reason: str | None = None


def soften(
    item: Item,
    site: SiteEvidence,
    pool: Sequence[Source],
    hard: Sequence[Problem],
    pages: Sequence[str],
) -> Softened | None:
    """For a failure that rests only on absence (``hard``): ``review`` when the read part of
    a document may not be all of it, or when the crawl missed what could hold the rest; None
    when the failure stands."""
    if not hard or any(p.code not in _ABSENCE for p in hard):
        return None
    problem = partly_read(pool)
    if problem is not None:
        return Softened(Verdict.REVIEW, problem)
    gap = crawl_gap(item, site, pool, pages)
    if gap is not None:
        return Softened(Verdict.REVIEW, gap, "crawl_gap")
    return None


def pick(outcomes: Sequence[Any], review: Callable[[Any, Problem], Any]) -> Any:
    """The outcome that speaks for the item: the most confident pass; else the best group's,
    unless it is a fail and a close runner-up could not be read or fetched, in which case
    ``review(best, problem)`` says the item needs a look by hand."""
    passed = [o for o in outcomes if o.verdict is Verdict.PASS]
    if passed:
        return max(passed, key=lambda o: o.confidence)
    best = outcomes[0]
    if best.verdict is not Verdict.FAIL:
        return best
    for other in outcomes[1:]:
        if other.verdict in (Verdict.REVIEW, Verdict.NOT_CHECKED):
            first = other.problems[0] if other.problems else None
            url = (first.url if first else None) or (
                other.candidates[0].url if other.candidates else ""
            )
            reason = (
                other.not_checked_reason or (first.params.get("reason") if first else None) or ""
            )
            if not reason and first is not None:
                reason = first.code
            problem = make("runner_up_unread", url, target=url, reason=reason)
            return review(best, problem)
    return best


def reading_notes(sources: Sequence[Source]) -> list[Problem]:
    """Notes on documents read only in part (page limit, time limit, OCR cap, text cap), so
    that every report format says so beside the verdict."""
    notes: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for source in sources:
        doc = source.doc
        if doc is None:
            continue
        for code in _PARTLY_READ:
            if code in doc.warnings and (code, source.url) not in seen:
                seen.add((code, source.url))
                notes.append(make(code, source.url))
    return notes


__all__ = ["Softened", "crawl_gap", "extent", "partly_read", "pick", "reading_notes", "soften"]
