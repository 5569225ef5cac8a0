"""One audit, end to end: the agency's item → URL list is fetched (with the documents the URLs
link, one level), read, and judged item by item with the same assessment as a scan.

Two polite crawls run one after the other: first the main site's start page and the pages it
links (one level, no documents) to learn which URLs the main site links to, then exactly the
submitted URLs and their linked documents. One level of the main site is enough for the usual
layout (start page → ITA/OIT page → documents) and costs a few dozen requests; a submitted page
on the main site that links an off-site file counts as the main site linking it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from oit_checker import __version__
from oit_checker.assess import SiteEvidence, assess_item, dependency_order, score
from oit_checker.assess.site import detect_agency_type, same_site, url_key
from oit_checker.audit.merge import merge_harvests, merge_stats
from oit_checker.audit.placement import content_scores, hub_rows, is_hub, url_note, wrong_item
from oit_checker.audit.submission import Submission
from oit_checker.crawl import CrawlConfig, CrawlProgress, CrawlResult
from oit_checker.crawl.guard import AddressGuard
from oit_checker.extract import ExtractLimits
from oit_checker.match import Matcher, make_priority
from oit_checker.models import (
    Candidate,
    DocKind,
    ItemResult,
    Link,
    Problem,
    Report,
    Signal,
    SignalKind,
    Verdict,
)
from oit_checker.pipeline import (
    Harvest,
    ScanOptions,
    ScanOutcome,
    bodies_of,
    crawl_and_read,
    pack_info,
    read_item_images,
    settings_of,
    site_evidence,
)
from oit_checker.problems import make
from oit_checker.problems.assess import NOTE_CODES
from oit_checker.problems.assess import text as assess_text
from oit_checker.problems.audit import text
from oit_checker.rules.schema import Item, Pack

_VIA = "submission"
"""The group key of one item's submitted URLs: they are judged together, like one hub row."""
_OFF_SITE_FAILS = ("not_on_main_site", "only_external")


@dataclass
class AuditOptions:
    crawl: CrawlConfig
    """Politeness and limits; ``start_url`` is the agency's main site."""
    extract_limits: ExtractLimits
    site_pages: int = 40
    """Pages of the main site read to learn what it links (start page + one level)."""
    allow_private: bool = False
    guard: AddressGuard | None = None
    """Checks every connection unless ``allow_private`` (default: the system resolver)."""
    today: date | None = None
    progress: Callable[[CrawlProgress], None] | None = None


@dataclass(repr=False)
class AuditOutcome(ScanOutcome):
    reachable: bool = True
    """At least one submitted URL was fetched; otherwise the audit could not assess anything."""


def run_audit(pack: Pack, submission: Submission, options: AuditOptions) -> AuditOutcome:
    return asyncio.run(audit(pack, submission, options))


async def audit(pack: Pack, submission: Submission, options: AuditOptions) -> AuditOutcome:
    started = datetime.now(UTC)
    # Every request of both crawls (redirect hops, robots.txt, linked documents) is checked
    # where it connects: a page or a redirect can never lead the audit to a private address.
    guard = None if options.allow_private else (options.guard or AddressGuard())
    options = replace(options, crawl=replace(options.crawl, guard=guard))
    main = await crawl_and_read(
        replace(
            options.crawl,
            only_urls=None,
            max_depth=1,
            max_pages=options.site_pages,
            max_documents=0,
            use_sitemaps=False,
            soft404_probe=False,
        ),
        options.extract_limits,
        priority=make_priority(pack),
        progress=options.progress,
    )
    matcher = Matcher(pack)
    fetched = await crawl_and_read(
        replace(options.crawl, only_urls=tuple(submission.urls)),
        options.extract_limits,
        progress=options.progress,
        on_document=matcher.add,
    )
    rows = hub_rows(matcher.candidates(), submission)
    seen = {url_key(r.url) for r in fetched.result.resources} | set(fetched.documents)
    missing = [
        url
        for cands in rows.values()
        for url in dict.fromkeys(c.url for c in cands)
        if url_key(url) not in seen
    ]
    if missing:  # a submitted ITA index page: read the pages its rows link for the items
        more = await crawl_and_read(
            replace(options.crawl, only_urls=tuple(dict.fromkeys(missing)), soft404_probe=False),
            options.extract_limits,
            progress=options.progress,
            on_document=matcher.add,
        )
        fetched = merge_harvests(fetched, more)
    candidates = matcher.candidates()
    rows = hub_rows(candidates, submission)
    item_pages = [*submission.urls, *(c.url for cands in rows.values() for c in cands)]
    await read_item_images(
        options.crawl,
        options.extract_limits,
        fetched,
        list(dict.fromkeys(item_pages)),
        None,  # the crawl config's address guard checks every image fetch where it connects
    )
    site = _site(main, fetched)
    main_read = main.result.reachable
    results = _assess(pack, submission, rows, site, options.today)
    scores = content_scores(candidates)
    pages = main.result.stats.pages_fetched + sum(
        1
        for u in submission.urls
        if same_site(u, site) and (doc := site.document(u)) is not None and doc.kind is DocKind.HTML
    )
    items = []
    for item in pack.items:
        result = results[item.id]
        submitted = submission.items.get(item.id)
        if submitted is not None and submitted.urls:
            found = wrong_item(item.id, submitted.urls, site, scores, pack)
            hub = any(is_hub(u, site, pack) for u in submitted.urls)
            result = _wrong_item(pack, item, result, found, hub_submitted=hub)
            if not main_read:
                result = _unsure_off_site(result, site)
            notes = [
                url_note(item.id, u, site, main_site_read=main_read, pages=pages)
                for u in submitted.urls
            ]
            notes += [make("submission_note", item=item.id, note=n) for n in submitted.notes]
            # the verdict's qualifying notes (checklist confidence, not yet due) stay last
            findings = [p for p in result.problems if p.code not in NOTE_CODES]
            qualifiers = [p for p in result.problems if p.code in NOTE_CODES]
            result = result.model_copy(update={"problems": [*findings, *notes, *qualifiers]})
        items.append(_clean_via(result))
    scope = make(
        "audit_scope",
        file=submission.path.name,
        items=len(submission.items),
        urls=len(submission.urls),
    )
    findings = [scope, *_findings(main.result, fetched.result)]
    reachable = fetched.result.reachable
    report = Report(
        tool_version=__version__,
        pack=pack_info(pack, options.today),
        site=site.site,
        started_at=started,
        finished_at=datetime.now(UTC),
        settings={
            **settings_of(
                ScanOptions(
                    crawl=options.crawl, extract_limits=options.extract_limits, mode="audit"
                )
            ),
            "submission": submission.path.name,
            "submitted_items": len(submission.items),
            "submitted_urls": len(submission.urls),
            "main_site_pages_read": main.result.stats.pages_fetched,
            "allow_private": options.allow_private,
        },
        crawl=merge_stats(
            main.result.stats,
            fetched.result.stats,
            skip_errors=("not_fetched",),
            limits_of_a=False,
        ),
        site_findings=findings,
        items=items,
        external_links=fetched.result.external_links,
        summary=score(items),
        partial=fetched.result.partial or not reachable,
    )
    bodies = {**bodies_of(main.result), **bodies_of(fetched.result)}
    return AuditOutcome(report=report, bodies=bodies, reachable=reachable)


# --------------------------------------------------------------------------- evidence


def _site(main: Harvest, fetched: Harvest) -> SiteEvidence:
    """The submitted URLs' evidence, with what the main site links and its name."""
    evidence = site_evidence(fetched.result, fetched.documents)
    inbound: dict[str, list[tuple[str, Link]]] = {k: list(v) for k, v in evidence.inbound.items()}
    for page, links in main.result.links.items():
        for link in links:
            if link.url and link.url.startswith(("http://", "https://")):
                inbound.setdefault(url_key(link.url), []).append((page, link))
    start = main.result.start_url or fetched.result.start_url
    start_doc = main.documents.get(url_key(start)) if start else None
    names = [start_doc.title, start_doc.text[:2000]] if start_doc is not None else []
    external = list(main.result.external_links)
    known = {(e.url, e.found_on) for e in external}
    external += [e for e in fetched.result.external_links if (e.url, e.found_on) not in known]
    return replace(
        evidence,
        site=start,
        inbound=inbound,
        external_links=external,
        agency_type=detect_agency_type(names),
    )


def _assess(
    pack: Pack,
    submission: Submission,
    rows: dict[str, list[Candidate]],
    site: SiteEvidence,
    today: date | None,
) -> dict[str, ItemResult]:
    """Each submitted item judged on its URLs together, with the rows of a submitted ITA index
    page that name the item (the agency's own mapping, as in a scan)."""
    results: dict[str, ItemResult] = {}
    for item in dependency_order(pack):
        submitted = submission.items.get(item.id)
        if submitted is None or not submitted.urls:
            results[item.id] = _no_url(item)
            continue
        hubs = [u for u in submitted.urls if is_hub(u, site, pack)]
        own_rows = rows.get(item.id, [])
        # An index page speaks through its rows for the item, never through its own text.
        pages = [u for u in submitted.urls if u not in hubs]
        candidates = [_candidate(item.id, url, submission) for url in pages]
        candidates += [c.model_copy(update={"via_hub": _VIA}) for c in own_rows]
        result = assess_item(item, pack, candidates, site, results, today=today)
        if hubs and not candidates:
            result = _hub_without_row(item, result, hubs[0])
        results[item.id] = result
    return results


def _hub_without_row(item: Item, result: ItemResult, hub: str) -> ItemResult:
    """Only an ITA index page was submitted and it has no row for the item: say that, not
    "nothing on the whole website" (a placeholder row or a dead link keeps its own words)."""
    if result.verdict is not Verdict.FAIL or not result.problems:
        return result
    if result.problems[0].code != "no_evidence":
        return result
    params = {"item": item.id, "item_th": item.title_th, "item_en": item.title_en, "page": hub}
    problem = make("hub_without_row", hub, **params)
    fix_th, fix_en = text("fix_hub_without_row", **params)
    return result.model_copy(
        update={
            "problems": [problem, *result.problems[1:]],
            "reason_th": problem.message_th,
            "reason_en": problem.message_en,
            "remediation_th": f"{fix_th}\n{item.remediation.th}",
            "remediation_en": f"{fix_en}\n{item.remediation.en}",
        }
    )


def _candidate(item_id: str, url: str, submission: Submission) -> Candidate:
    detail = f"submitted for {item_id} in {submission.path.name}"
    return Candidate(
        item_id=item_id,
        url=url_key(url),
        score=1.0,
        signals=[Signal(kind=SignalKind.ANCHOR_TEXT, detail=detail, weight=1.0)],
        via_hub=_VIA,
    )


def _no_url(item: Item) -> ItemResult:
    params = {"item": item.id, "item_th": item.title_th, "item_en": item.title_en}
    problem = make("no_url_submitted", **params)
    fix_th, fix_en = text("fix_no_url_submitted", **params)
    return ItemResult(
        item_id=item.id,
        title_th=item.title_th,
        title_en=item.title_en,
        verdict=Verdict.FAIL,
        confidence=1.0,
        reason_th=problem.message_th,
        reason_en=problem.message_en,
        problems=[problem],
        remediation_th=f"{fix_th}\n{item.remediation.th}",
        remediation_en=f"{fix_en}\n{item.remediation.en}",
    )


# --------------------------------------------------------------------------- findings


def _wrong_item(
    pack: Pack,
    item: Item,
    result: ItemResult,
    found: tuple[str, str] | None,
    *,
    hub_submitted: bool,
) -> ItemResult:
    """Say "this URL holds oX evidence, not oY" in the submission's words: the assessment's
    label/content mismatch becomes ``submitted_for_wrong_item``, and the matcher's reading of
    the submitted documents adds it when the assessment did not. An ITA index page submitted
    for the item holds every item's titles: the assessment's mismatch is dropped there."""
    mismatch = next((p for p in result.problems if p.code == "label_content_mismatch"), None)
    url: str | None
    if found is not None and result.verdict is not Verdict.PASS:
        url, other = found
    elif mismatch is not None and not hub_submitted:
        url, other = mismatch.url, str(mismatch.params.get("other", ""))
    elif mismatch is not None:
        return _replace_mismatch(result, mismatch, None)
    else:
        return result
    try:
        base = pack.item(other)
    except KeyError:
        return result
    params = {
        "item": item.id,
        "item_th": item.title_th,
        "item_en": item.title_en,
        "other": base.id,
        "other_th": base.title_th,
        "other_en": base.title_en,
    }
    problem = make("submitted_for_wrong_item", url, **params)
    fix = text("fix_submitted_for_wrong_item", **params)
    return _replace_mismatch(result, mismatch, (problem, fix))


def _replace_mismatch(
    result: ItemResult,
    mismatch: Problem | None,
    claim: tuple[Problem, tuple[str, str]] | None,
) -> ItemResult:
    """The result without the assessment's label/content mismatch (and its fix line), with
    ``claim`` (problem, fix) first instead when given."""
    problems = [p for p in result.problems if p is not mismatch]
    lines_th = result.remediation_th.split("\n")
    lines_en = result.remediation_en.split("\n")
    if mismatch is not None:
        old_th, old_en = assess_text("fix_label_content_mismatch", **mismatch.params)
        lines_th = [t for t in lines_th if t != old_th]
        lines_en = [t for t in lines_en if t != old_en]
    if claim is not None:
        problem, (fix_th, fix_en) = claim
        problems.insert(0, problem)
        lines_th.insert(0, fix_th)
        lines_en.insert(0, fix_en)
    update: dict[str, object] = {
        "problems": problems,
        "remediation_th": "\n".join(t for t in lines_th if t),
        "remediation_en": "\n".join(t for t in lines_en if t),
    }
    first_changed = claim is not None or (bool(result.problems) and result.problems[0] is mismatch)
    if result.verdict is not Verdict.PASS and problems and first_changed:
        update["reason_th"] = problems[0].message_th
        update["reason_en"] = problems[0].message_en
    return result.model_copy(update=update)


def _unsure_off_site(result: ItemResult, site: SiteEvidence) -> ItemResult:
    """The main site could not be read: an off-site URL's missing link from it is unknown, so
    a failure that rests only on that is a review, never a fail."""
    if result.verdict is not Verdict.FAIL:
        return result
    codes = {p.code for p in result.problems}
    if not codes & set(_OFF_SITE_FAILS):
        return result
    hard = codes - set(_OFF_SITE_FAILS) - {"external_host_linked"}
    if hard:
        return result
    problem = make("main_site_unread", site.site, site=site.site, reason="start page")
    return result.model_copy(
        update={
            "verdict": Verdict.REVIEW,
            "confidence": 0.5,
            "problems": [problem, *result.problems],
            "reason_th": problem.message_th,
            "reason_en": problem.message_en,
        }
    )


def _clean_via(result: ItemResult) -> ItemResult:
    """The group key of the submitted URLs is not a page: drop it from evidence and candidates."""
    evidence = [e.model_copy(update={"via": None}) if e.via == _VIA else e for e in result.evidence]
    candidates = [
        c.model_copy(update={"via_hub": None}) if c.via_hub == _VIA else c
        for c in result.candidates
    ]
    return result.model_copy(update={"evidence": evidence, "candidates": candidates})


def _findings(main: CrawlResult, fetched: CrawlResult) -> list[Problem]:
    """The fetch's site findings, plus the main site's own (its start page could not be read,
    TLS) without repeating one."""
    out: list[Problem] = list(fetched.site_findings)
    seen = {(p.code, p.url, p.message_en) for p in out}
    for problem in main.site_findings:
        if problem.code == "site_unreachable":
            reason = str(problem.params.get("reason", ""))
            problem = make("main_site_unread", main.start_url, site=main.start_url, reason=reason)
        elif problem.code not in ("tls_error", "tls_unverified", "robots_disallowed"):
            continue  # the main site's own crawl limits are not the audit's
        key = (problem.code, problem.url, problem.message_en)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


__all__ = ["AuditOptions", "AuditOutcome", "audit", "run_audit"]
