"""The verdict for one checklist item: elements, time window, wrong documents, reachability,
dependencies, and a fix text made specific to what was found.

Candidates are grouped (all rows of one hub page form one group: a hub row linking three PDFs
is judged on their union) and each group is judged on its own; the item passes when any group
passes, otherwise the best-scored group speaks. A failure is only reported when everything it
rests on was read; otherwise the verdict is ``review`` or ``not_checked`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from oit_checker.assess import asof, partial, window
from oit_checker.assess.access import (
    Fix,
    Issue,
    empty_page,
    fetch_issue,
    main_site_issue,
    resolve,
)
from oit_checker.assess.channel import page_without_way_in
from oit_checker.assess.figures import blank_statistics
from oit_checker.assess.images import image_sources
from oit_checker.assess.listing import list_documents
from oit_checker.assess.naming import named_documents, without_naming
from oit_checker.assess.notes import annotate, item_notes
from oit_checker.assess.persons import person_problems
from oit_checker.assess.recognize import Source, mentions_item, recognize
from oit_checker.assess.site import SiteEvidence, same_site
from oit_checker.extract import read_dates
from oit_checker.match import mismatch_of
from oit_checker.models import (
    Candidate,
    DocKind,
    Evidence,
    ItemResult,
    Problem,
    Resource,
    Signal,
    SignalKind,
    Verdict,
)
from oit_checker.problems import make
from oit_checker.problems.assess import text, wrong_document
from oit_checker.rules.default import run_date
from oit_checker.rules.schema import Element, EvidenceKind, Item, ItemStatus, Pack, TimeWindow
from oit_checker.thai.text import fold

_MAX_GROUPS = 5
_MAX_MONTHLY = 24
"""Candidate groups read together for a monthly item (two years of monthly files)."""
_MAX_LINKED_FILES = 24
_FILE_KINDS = {DocKind.PDF, DocKind.DOCX, DocKind.DOC, DocKind.XLSX, DocKind.XLS, DocKind.CSV,
               DocKind.IMAGE, DocKind.OTHER}  # fmt: skip


@dataclass
class _Outcome:
    verdict: Verdict
    confidence: float
    problems: list[Problem] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    missing: list[Element] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    not_checked_reason: str | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class _Ctx:
    item: Item
    pack: Pack
    site: SiteEvidence
    today: date
    required: list[Element]
    optional: list[Element]


def assess_item(
    item: Item,
    pack: Pack,
    candidates: list[Candidate],
    site: SiteEvidence,
    results_so_far: Mapping[str, ItemResult],
    *,
    today: date | None = None,
) -> ItemResult:
    """The verdict for one item from its candidate documents and what is known of the site."""
    applicable = [e for e in item.elements if not e.applies_to or site.agency_type in e.applies_to]
    today = today or run_date()
    # Elements not yet due on this day (Element.required_after) still count as evidence.
    not_due = [e for e in applicable if not e.optional and not asof.element_due(e, pack, today)]
    ctx = _Ctx(
        item=item,
        pack=pack,
        site=site,
        today=today,
        required=[e for e in applicable if not e.optional and e not in not_due],
        optional=[e for e in applicable if e.optional or e in not_due],
    )
    ranked = sorted(candidates, key=lambda c: -c.score)
    if item.status is ItemStatus.UNKNOWN:
        problem = make("rule_item_unknown", item=item.id, year=pack.year)
        outcome = _Outcome(Verdict.REVIEW, 0.3, [problem], candidates=ranked[:5])
    elif not site.reachable:
        outcome = _unreachable(ctx)
    else:
        contenders = _contenders(_groups(ranked))
        outcomes = [_judge_group(ctx, group) for group in contenders[:_MAX_GROUPS]]
        if item.window is TimeWindow.MONTHLY and len(contenders) > 1:
            # Sites without a hub row per item link each month's summary separately: the
            # months are read together, as an assessor would.
            merged = [cand for group in contenders[:_MAX_MONTHLY] for cand in group]
            outcomes.append(_judge_group(ctx, merged))
        elif item.window is TimeWindow.CURRENT and len(contenders) > 1:
            # Standing information is often spread over the site's pages (the chart on
            # "โครงสร้าง", the duties quoted from the act on "อำนาจหน้าที่"): the item's best
            # pages are read together, so real duty text on one page is not lost to a page
            # that only carries the menu label. When nothing passes, the pages read together
            # say what is still missing.
            merged = [cand for group in contenders[:_MAX_GROUPS] for cand in group]
            outcomes.insert(0, _judge_group(ctx, merged))
        if item.evidence_kind is EvidenceKind.CHANNEL:
            channel = _channel_sources(ctx)
            if channel:
                outcomes.append(_judge(ctx, channel, [], [], []))
        outcome = _pick(outcomes) if outcomes else _nothing_found(ctx)
    outcome = _dependencies(ctx, outcome, results_so_far)
    result = _result(ctx, outcome, ranked)
    return annotate(result, item_notes(item, pack, today, not_due, result))


# --------------------------------------------------------------------------- groups


def _groups(ranked: Sequence[Candidate]) -> list[list[Candidate]]:
    groups: dict[str, list[Candidate]] = {}
    for cand in ranked:
        groups.setdefault(cand.via_hub or cand.url, []).append(cand)
    return list(groups.values())


_RUNNER_UP_GAP = 0.25
"""A weaker candidate group may still win with a pass only when its score is within this gap
of the best one: a document found by a generic URL word ("report") must never pass an item
whose own, clearly matched document fails."""


def _contenders(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    if not groups:
        return []
    best = max(c.score for c in groups[0])
    return [g for g in groups if max(c.score for c in g) >= best - _RUNNER_UP_GAP]


def _pick(outcomes: list[_Outcome]) -> _Outcome:
    """The best pass; else the best group's outcome, unless a close runner-up could not be
    read (see :func:`oit_checker.assess.partial.pick`)."""
    return partial.pick(outcomes, _as_review)


def _as_review(outcome: _Outcome, problem: Problem) -> _Outcome:
    return replace(outcome, verdict=Verdict.REVIEW, confidence=0.5,
                   problems=[problem, *outcome.problems], not_checked_reason=None)  # fmt: skip


def _judge_group(ctx: _Ctx, group: list[Candidate]) -> _Outcome:
    sources: list[Source] = []
    issues: list[Issue] = []
    secondary: list[Issue] = []
    notes: list[Problem] = []
    seen: set[str] = set()
    naming = False
    for cand in group:
        if cand.url in seen:
            continue
        seen.add(cand.url)
        resolved = _resolve_candidate(ctx, cand)
        if isinstance(resolved, Issue):
            issues.append(resolved)
            continue
        if _is_empty(ctx, resolved):
            issues.append(empty_page(resolved))
            continue
        failure, note = main_site_issue(resolved, ctx.site)
        if failure is not None:
            issues.append(failure)
            continue
        if note is not None:
            notes.append(note)
        resolved, named = _unnamed(ctx, resolved)
        naming = naming or bool(named)
        sources.append(resolved)
        queue = [*_linked_files(ctx, resolved), *_list_documents(ctx, resolved)]
        queue += [url for url in named if url not in queue]
        for url in queue:  # grows by the documents a linked post names
            if url in seen:
                continue
            seen.add(url)
            target = resolve(url, ctx.site, via=resolved.url)
            if isinstance(target, Issue):
                secondary.append(target)
                continue
            target, more = _unnamed(ctx, target)
            naming = naming or bool(more)
            queue += [u for u in more if u not in seen]
            sources.append(target)
        images, image_issues = image_sources(resolved, ctx.site)
        sources.extend(images)
        secondary.extend(image_issues)
    outcome = _judge(ctx, sources, issues, secondary, group)
    outcome.notes.extend(notes)
    outcome.notes.extend(partial.reading_notes(sources))
    if naming and outcome.verdict is Verdict.FAIL:  # the dead document first: that is the fault
        dead = [p for p in outcome.problems if p.code == "dead_link"]
        outcome.problems = dead + [p for p in outcome.problems if p.code != "dead_link"]
    return outcome


def _unnamed(ctx: _Ctx, source: Source) -> tuple[Source, list[str]]:
    """(the page without the names of the documents it links or embeds, their URLs): for a
    document item, a page's naming of a document is not the document's content (a channel
    item's page is its own content)."""
    if ctx.item.evidence_kind is not EvidenceKind.DOCUMENT:
        return source, []
    named = named_documents(source, ctx.site)
    if not named:
        return source, []
    return without_naming(source, named), [link.url for link in named]


def _is_empty(ctx: _Ctx, source: Source) -> bool:
    """A document item's page with nothing besides its title and menus; the little text left
    may still hold an element (a one-line page), and a wrong document is reported as such."""
    if source.empty_rest is None or ctx.item.evidence_kind is not EvidenceKind.DOCUMENT:
        return False
    rest = Source(url=source.url, text=source.empty_rest, ocr=source.ocr)
    if any(recognize(e.recognize, rest).found for e in ctx.required):
        return False
    return _wrong_document(ctx.item, source) is None


def _resolve_candidate(ctx: _Ctx, cand: Candidate) -> Source | Issue:
    site = ctx.site
    if ctx.item.evidence_kind is EvidenceKind.CHANNEL and not same_site(cand.url, site):
        for ext in site.external_links:
            if ext.url == cand.url:
                return Source.from_external(ext)
        if site.document(cand.url) is None and site.resource(cand.url) is None:
            page = cand.via_hub or next((p for p, _l in site.links_to(cand.url)), None)
            if page:
                return Source(url=cand.url, text="", via=page, link_urls=[cand.url])
    return resolve(cand.url, site, via=cand.via_hub)


def _linked_files(ctx: _Ctx, source: Source) -> list[str]:
    """Files linked from an item page: a page listing monthly PDFs is judged with them.
    From a long index page only the links that name this item are followed."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return []
    links = []
    for link in doc.links:
        if not link.url or (
            not same_site(link.url, ctx.site) and ctx.site.document(link.url) is None
        ):
            continue
        target = ctx.site.document(link.url)
        if target is None:
            if _looks_like_file(link.url):
                links.append(link)
        elif target.kind in _FILE_KINDS:
            links.append(link)
    if len(links) > _MAX_LINKED_FILES:
        links = [lk for lk in links if mentions_item(ctx.item, f"{lk.text} {lk.context}")]
    return list(dict.fromkeys(lk.url for lk in links))


def _list_documents(ctx: _Ctx, source: Source) -> list[str]:
    """A list page's further pages, its dated posts and their files (lists that go on); every
    post it lists when the page itself lacks a required element."""
    if ctx.item.evidence_kind is not EvidenceKind.DOCUMENT:
        return []
    rows = not all(recognize(e.recognize, source).found for e in ctx.required)
    return list_documents(source.doc, ctx.site, rows=rows)


def _looks_like_file(url: str) -> bool:
    path = unquote(urlsplit(url).path).lower()
    return path.endswith((".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".jpg", ".png"))


def _channel_sources(ctx: _Ctx) -> list[Source]:
    """External links from main-site pages that look like this channel item."""
    sources = []
    for ext in ctx.site.external_links:
        if not same_site(ext.found_on, ctx.site):
            continue
        source = Source.from_external(ext)
        named = mentions_item(ctx.item, ext.text)
        by_host = any(
            e.recognize.link_hosts and recognize(e.recognize, source).found for e in ctx.required
        )
        if named or by_host:
            sources.append(source)
    return sources


# --------------------------------------------------------------------------- judging


def _judge(
    ctx: _Ctx,
    sources: list[Source],
    issues: list[Issue],
    secondary: list[Issue],
    group: list[Candidate],
) -> _Outcome:
    item = ctx.item
    wrong: list[tuple[Source, Problem, Fix, str]] = []
    pool: list[Source] = []
    for source in sources:
        hit = _wrong_document(item, source)
        if hit is None:
            pool.append(source)
        else:
            wrong.append((source, *hit))
    if not pool and not wrong:
        return _from_issues(issues + secondary, group)

    evidence: list[Evidence] = []
    missing: list[Element] = []
    uncertain: list[tuple[Element, Source]] = []
    for element in ctx.required + ctx.optional:
        found = False
        maybe: Source | None = None
        for source in pool:
            m = recognize(element.recognize, source)
            if m.found and not m.uncertain:
                evidence.append(_evidence(ctx, source, element.id, m.snippet))
                found = True
                break
            if m.found and maybe is None:
                maybe = source
        if not found and element in ctx.required:
            if maybe is not None:
                uncertain.append((element, maybe))
            else:
                missing.append(element)

    def has_data(source: Source) -> bool:
        return any(recognize(e.recognize, source).found for e in ctx.required)

    win = window.check(item, ctx.pack, pool, ctx.today, has_data) if pool else None
    if win is not None and win.date_read:
        evidence = [
            e if e.date_read else e.model_copy(update={"date_read": win.date_read})
            for e in evidence
        ]

    hard: list[Problem] = []
    fixes: list[Fix] = []
    for source, problem, fix, snippet in wrong:
        hard.append(problem)
        fixes.append(fix)
        evidence.append(_evidence(ctx, source, None, snippet))
    if missing and (pool or not wrong):
        blank = blank_statistics(missing, pool, ctx.pack)
        if blank is not None:
            hard.append(blank)
        params = _missing_params(missing)
        hard.append(make("missing_elements", **params))
        fixes.append(("fix_missing_elements", params))
    for problem, fix in person_problems(item, ctx.required + ctx.optional, pool, ctx.site):
        hard.append(problem)
        fixes.append(fix)
    if win is not None and win.problems:
        hard.extend(win.problems)
        fixes.extend(win.fix)
    if hard:
        mismatch = _mismatch(ctx, group, pool or [s for s, *_ in wrong])
        if mismatch is not None:
            hard.insert(0, mismatch[0])
            fixes.insert(0, mismatch[1])
    review: list[Problem] = []
    if not hard and item.evidence_kind is EvidenceKind.CHANNEL:
        named_only = page_without_way_in(item, ctx.required, pool, ctx.site)
        if named_only is not None:
            params = {"item": item.id, "item_th": item.title_th, "item_en": item.title_en}
            page_url = named_only.url
            review.append(make("channel_not_usable_on_page", page_url, page=page_url, **params))
            fixes.append(("fix_channel_not_usable_on_page", {"url": page_url}))
    if win is not None and win.unknown:
        review.append(make("period_unknown", pool[0].url if pool else None))
    for element, source in uncertain:
        kind = source.doc.kind.value.upper() if source.doc else ""
        review.append(
            make(
                "image_unverified", source.url, element=element.th, element_en=element.en, kind=kind
            )
        )

    if not hard and not review:
        confidence = _pass_confidence(ctx, group, pool, win)
        return _Outcome(Verdict.PASS, confidence, evidence=evidence, candidates=group)
    if hard:
        for issue in issues + secondary:
            if issue.verdict is Verdict.FAIL:
                hard.append(issue.problem)
                if issue.fix:
                    fixes.append(issue.fix)
        blockers = [i for i in issues + secondary if i.verdict is Verdict.NOT_CHECKED]
        unread = [s for s in sources if s.unreadable]
        reviews = [i for i in issues + secondary if i.verdict is Verdict.REVIEW]
        read_from = pool or [s for s, *_ in wrong]
        if blockers:
            return _Outcome(
                Verdict.NOT_CHECKED,
                1.0,
                [blockers[0].problem, *hard],
                evidence,
                missing,
                fixes,
                not_checked_reason=blockers[0].reason,
                candidates=group,
            )
        if unread or reviews:
            first = (
                make("unreadable_document", unread[0].url, reason=unread[0].unreadable)
                if unread
                else reviews[0].problem
            )
            return _Outcome(Verdict.REVIEW, 0.5, [first, *hard], evidence, missing, fixes,
                            candidates=group)  # fmt: skip
        if read_from and (
            all(s.ocr for s in read_from)
            or (not wrong and any(_read_page_image(s) for s in read_from))
        ):  # OCR of a picture of text misses words: what it did not find may still be there
            ocr = make("ocr_only", read_from[0].url)
            return _Outcome(Verdict.REVIEW, 0.5, [ocr, *hard], evidence, missing, fixes,
                            candidates=group)  # fmt: skip
        pages = [c.via_hub or c.url for c in group]
        softened = None if wrong else partial.soften(item, ctx.site, read_from, hard, pages)
        if softened is not None:  # what was not read may hold what is missing
            return _Outcome(softened.verdict, 0.5, [softened.problem, *hard], evidence, missing,
                            fixes, candidates=group)  # fmt: skip
        confidence = 0.75 if missing and not wrong and not (win and win.problems) else 0.9
        return _Outcome(Verdict.FAIL, confidence, hard, evidence, missing, fixes, candidates=group)
    return _Outcome(Verdict.REVIEW, 0.5, review, evidence, missing, fixes, candidates=group)


_PAGE_IMAGE_CHARS = 80
"""OCR text from a picture at least this long: a chart, a board or a notice (a photo with a
name written on it is not where missing data hides)."""


def _read_page_image(source: Source) -> bool:
    doc = source.doc
    return (
        source.ocr
        and doc is not None
        and doc.kind is DocKind.IMAGE
        and len(source.text.strip()) >= _PAGE_IMAGE_CHARS
    )


def _from_issues(issues: list[Issue], group: list[Candidate]) -> _Outcome:
    for verdict in (Verdict.NOT_CHECKED, Verdict.REVIEW, Verdict.FAIL):
        chosen = [i for i in issues if i.verdict is verdict]
        if chosen:
            fixes = [i.fix for i in chosen if i.fix]
            return _Outcome(
                verdict,
                {Verdict.NOT_CHECKED: 1.0, Verdict.REVIEW: 0.5, Verdict.FAIL: 0.85}[verdict],
                [i.problem for i in chosen],
                fixes=fixes,
                not_checked_reason=chosen[0].reason if verdict is Verdict.NOT_CHECKED else None,
                candidates=group,
            )
    problem = make("fetch_failed", reason="no_document")
    return _Outcome(Verdict.NOT_CHECKED, 1.0, [problem], not_checked_reason="no_document",
                    candidates=group)  # fmt: skip


def _wrong_document(item: Item, source: Source) -> tuple[Problem, Fix, str] | None:
    for wd in item.wrong_documents:
        m = recognize(wd.recognize, source)
        if not m.found:
            continue
        if wd.unless is not None and recognize(wd.unless, source).found:
            continue
        params = {
            "found_th": wd.th,
            "found_en": wd.en,
            "item_th": item.title_th,
            "item_en": item.title_en,
            "pattern": wd.id,
        }
        problem = wrong_document(wd.problem_code, source.url, **params)
        return problem, ("fix_wrong_document", {"found_th": wd.th, "found_en": wd.en}), m.snippet
    return None


def _mismatch(ctx: _Ctx, group: list[Candidate], pool: list[Source]) -> tuple[Problem, Fix] | None:
    """A hub row labelled as this item whose document is another item's."""
    other: str | None = None
    for cand in group:
        other = mismatch_of(cand)
        if other is not None and other != ctx.item.id:
            break
        other = None
    labelled = any(
        c.via_hub or any(s.kind in (SignalKind.HUB_LABEL, SignalKind.CODE) for s in c.signals)
        for c in group
    )
    if other is None and labelled and pool and not _titled_as(ctx.item, pool):
        other = _other_item(ctx, pool)
    if other is None:
        return None
    try:
        base = ctx.pack.item(other)
    except KeyError:
        return None
    params = {
        "item": ctx.item.id,
        "item_th": ctx.item.title_th,
        "item_en": ctx.item.title_en,
        "other": base.id,
        "other_th": base.title_th,
        "other_en": base.title_en,
    }
    problem = make("label_content_mismatch", pool[0].url if pool else None, **params)
    return problem, ("fix_label_content_mismatch", {"other": base.id})


def _titled_as(item: Item, pool: list[Source]) -> bool:
    """A document whose own title names this item is this item's document, however much of
    another item's wording its body contains (an annual report quotes the annual plan)."""
    titles = [fold(t) for t in [item.title_th, *item.signals.labels] if len(t) >= 6]
    for source in pool:
        doc = source.doc
        if doc is None:
            continue
        head = fold(" ".join([doc.title, *doc.headings[:3], doc.text[:200]]))
        if any(t in head for t in titles):
            return True
    return False


def _other_item(ctx: _Ctx, pool: list[Source]) -> str | None:
    """Another item of the pack whose title and every element are in the documents."""
    for other in ctx.pack.items:
        if other.id == ctx.item.id or other.status is ItemStatus.UNKNOWN:
            continue
        if other.evidence_kind is not EvidenceKind.DOCUMENT:
            continue
        titles = [fold(t) for t in [other.title_th, *other.signals.labels] if len(t) >= 6]
        if not any(t in s.folded for t in titles for s in pool):
            continue
        required = [e for e in other.elements if not e.optional and not e.applies_to]
        if required and all(any(recognize(e.recognize, s).found for s in pool) for e in required):
            return other.id
    return None


def _missing_params(missing: list[Element]) -> dict[str, Any]:
    return {
        "missing": ", ".join(e.th for e in missing),
        "missing_en": ", ".join(e.en for e in missing),
        "missing_elements_en": "; ".join(
            e.en[0].lower() + e.en[1:] if e.en[1:2].islower() else e.en for e in missing
        ),
    }


def _evidence(ctx: _Ctx, source: Source, element: str | None, snippet: str) -> Evidence:
    doc = source.doc
    resource = ctx.site.resource(source.url)
    period = read_dates(doc).period if doc is not None else None
    date_read = period.source if period is not None else None
    return Evidence(
        url=source.url,
        snippet=snippet,
        element=element,
        date_read=date_read,
        sha256=(doc.sha256 if doc is not None else None) or (resource.sha256 if resource else None),
        fetched_at=(doc.fetched_at if doc is not None else None)
        or (resource.fetched_at if resource else None),
        via=source.via,
        read_via="ocr" if source.ocr else None,
    )


def _pass_confidence(
    ctx: _Ctx, group: list[Candidate], pool: list[Source], win: window.WindowResult | None
) -> float:
    confidence = 0.65
    if any(c.via_hub or any(s.kind is SignalKind.HUB_LABEL for s in c.signals) for c in group):
        confidence += 0.15
    if win is not None and win.date_read:
        confidence += 0.1
    if len(ctx.required) >= 2:
        confidence += 0.1
    if any(s.kind is SignalKind.NEGATIVE for c in group for s in c.signals):
        confidence -= 0.15
    if pool and all(s.ocr for s in pool):
        confidence -= 0.25
    return round(max(0.1, min(1.0, confidence)), 2)


# --------------------------------------------------------------------------- nothing found


def _unreachable(ctx: _Ctx) -> _Outcome:
    reason = next((p.code for p in ctx.site.site_findings), "unreachable")
    problem = make("site_unreachable", ctx.site.site, site=ctx.site.site, reason=reason)
    return _Outcome(Verdict.NOT_CHECKED, 1.0, [problem], not_checked_reason="site_unreachable")


def _nothing_found(ctx: _Ctx) -> _Outcome:
    item, site = ctx.item, ctx.site
    for page, link in site.placeholder_links():
        if mentions_item(item, link.text) or (
            not link.text.strip() and mentions_item(item, link.context)
        ):
            text_ = link.text or link.context[:60]
            problem = make("placeholder_link", page, text=text_, page=page, href=link.raw_href)
            fix: Fix = ("fix_placeholder_link", {"text": text_})
            return _Outcome(Verdict.FAIL, 0.85, [problem], fixes=[fix])
    for resource in site.resources.values():
        issue = fetch_issue(resource)
        if issue is None:
            continue
        if not mentions_item(item, resource.anchor_text or "") and not _url_matches(
            item, resource.url
        ):
            continue
        if issue.verdict is Verdict.FAIL:
            return _Outcome(
                Verdict.FAIL, 0.85, [issue.problem], fixes=[issue.fix] if issue.fix else []
            )
        problem = make(
            "related_not_fetched", resource.url, target=resource.url, reason=issue.reason
        )
        if issue.verdict is Verdict.REVIEW:
            return _Outcome(Verdict.REVIEW, 0.5, [problem, issue.problem])
        return _Outcome(Verdict.NOT_CHECKED, 1.0, [problem], not_checked_reason=issue.reason)
    hub = _unfetched_hub(site)
    if hub is not None:
        resource, issue = hub
        problem = make(
            "related_not_fetched", resource.url, target=resource.url, reason=issue.reason
        )
        if issue.verdict is Verdict.FAIL:  # a dead ITA page: say so, but it hides the items
            return _Outcome(Verdict.REVIEW, 0.5, [problem, issue.problem])
        return _Outcome(Verdict.NOT_CHECKED, 1.0, [problem], not_checked_reason=issue.reason)
    params = {"item_th": item.title_th, "item_en": item.title_en}
    if site.partial:
        problem = make("not_found_partial", **params)
        return _Outcome(Verdict.NOT_CHECKED, 1.0, [problem], not_checked_reason="crawl_limit")
    return _Outcome(
        Verdict.FAIL, 0.6, [make("no_evidence", **params)], fixes=[("fix_no_evidence", {})]
    )


_HUB_WORDS = tuple(
    fold(w)
    for w in ("ita", "oit", "คุณธรรมและความโปร่งใส", "เปิดเผยข้อมูลสาธารณะ", "open data integrity")
)
_HUB_URL = re.compile(r"(?:^|[^a-z])(?:ita|oit)(?:[^a-z]|$)")


def _unfetched_hub(site: SiteEvidence) -> tuple[Resource, Issue] | None:
    """A page of the site that looks like its ITA/OIT index and could not be read: then
    "nothing found" for an item says nothing about the item."""
    for resource in site.resources.values():
        if not same_site(resource.url, site) or _looks_like_file(resource.url):
            continue
        issue = fetch_issue(resource)
        if issue is None:
            continue
        anchor = fold(resource.anchor_text or "")
        path = unquote(urlsplit(resource.url).path).lower()
        if any(w in anchor for w in _HUB_WORDS) or _HUB_URL.search(path):
            return resource, issue
    return None


def _url_matches(item: Item, url: str) -> bool:
    path = unquote(urlsplit(url).path + "?" + urlsplit(url).query).lower()
    return any(re.search(p, path) for p in item.signals.url_patterns)


# --------------------------------------------------------------------------- dependencies


def _dependencies(ctx: _Ctx, outcome: _Outcome, results: Mapping[str, ItemResult]) -> _Outcome:
    for dep in ctx.item.depends_on:
        base = results.get(dep.item)
        if base is None or base.verdict is Verdict.PASS:
            continue
        params = {
            "base": dep.item,
            "base_th": base.title_th,
            "base_en": base.title_en,
        }
        if base.verdict is Verdict.FAIL:
            outcome.problems.append(make("dependency_failed", **params))
            outcome.fixes.insert(0, ("fix_dependency_failed", params))
            if outcome.verdict is Verdict.PASS:
                outcome.verdict = Verdict.FAIL
                outcome.confidence = 0.8
        else:
            if outcome.verdict is Verdict.PASS:
                outcome.verdict = Verdict.REVIEW
                outcome.confidence = 0.5
                outcome.problems.append(make("dependency_unchecked", **params))
    return outcome


# --------------------------------------------------------------------------- result


def _result(ctx: _Ctx, outcome: _Outcome, ranked: list[Candidate]) -> ItemResult:
    item = ctx.item
    base = {"item": item.id, "item_th": item.title_th, "item_en": item.title_en}
    if outcome.verdict is Verdict.PASS:
        hosts = [n.params.get("host") for n in outcome.notes if n.code == "external_host_linked"]
        count = len(ctx.required)
        key = "reason_pass_linked" if hosts else "reason_pass"
        reason_th, reason_en = text(key, count=count, host=hosts[0] if hosts else "")
    else:
        first = outcome.problems[0] if outcome.problems else None
        reason_th = first.message_th if first else ""
        reason_en = first.message_en if first else ""
    fix_th: list[str] = []
    fix_en: list[str] = []
    if outcome.verdict in (Verdict.FAIL, Verdict.REVIEW):
        for key, params in outcome.fixes:
            th, en = text(key, **{**base, **params})
            if th not in fix_th:
                fix_th.append(th)
                fix_en.append(en)
        fix_th.append(item.remediation.th)
        fix_en.append(item.remediation.en)
    shown = outcome.candidates or ranked[:5]
    signals: list[Signal] = []
    for cand in shown:
        for signal in cand.signals:
            if signal not in signals:
                signals.append(signal)
    return ItemResult(
        item_id=item.id,
        title_th=item.title_th,
        title_en=item.title_en,
        verdict=outcome.verdict,
        confidence=outcome.confidence,
        reason_th=reason_th,
        reason_en=reason_en,
        evidence=outcome.evidence,
        missing_elements=[e.th for e in outcome.missing],
        problems=outcome.problems + outcome.notes,
        remediation_th="\n".join(fix_th),
        remediation_en="\n".join(fix_en),
        not_checked_reason=outcome.not_checked_reason,
        signals=signals,
        candidates=list(shown),
    )


__all__ = ["assess_item"]
