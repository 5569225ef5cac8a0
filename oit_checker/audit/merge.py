"""Two crawls of one audit read as one: resources, links, findings and statistics combined."""

from __future__ import annotations

from oit_checker.crawl import CrawlResult
from oit_checker.models import CrawlStats
from oit_checker.pipeline import Harvest


def merge_harvests(first: Harvest, second: Harvest) -> Harvest:
    """``first`` with ``second`` added; for a URL in both, the second crawl's record wins."""
    a, b = first.result, second.result
    resources = {r.url: r for r in a.resources}
    resources.update((r.url, r) for r in b.resources)
    external = list(a.external_links)
    known = {(e.url, e.found_on) for e in external}
    external += [e for e in b.external_links if (e.url, e.found_on) not in known]
    findings = list(a.site_findings)
    seen = {(p.code, p.url, p.message_en) for p in findings}
    for problem in b.site_findings:
        if problem.code == "site_unreachable" and a.start_fetched:
            continue  # the first crawl reached the site; only the extra URLs failed
        if (problem.code, problem.url, problem.message_en) not in seen:
            findings.append(problem)
    result = CrawlResult(
        resources=list(resources.values()),
        links={**a.links, **b.links},
        external_links=external,
        site_findings=findings,
        stats=merge_stats(a.stats, b.stats),
        soft_404=a.soft_404 or b.soft_404,
        start_url=a.start_url,
        start_fetched=a.start_fetched or b.start_fetched,
    )
    return Harvest(result=result, documents={**first.documents, **second.documents})


def merge_stats(
    a: CrawlStats, b: CrawlStats, *, skip_errors: tuple[str, ...] = (), limits_of_a: bool = True
) -> CrawlStats:
    """Counts added; ``skip_errors`` are error kinds of ``a`` not to count. Without
    ``limits_of_a`` the limits ``a`` hit (and what it left queued) are not reported: the audit's
    look at the main site is capped on purpose."""
    errors = dict(b.errors_by_kind)
    for kind, count in a.errors_by_kind.items():
        if kind not in skip_errors:
            errors[kind] = errors.get(kind, 0) + count
    read = dict(b.read_problems)
    for code, count in a.read_problems.items():
        read[code] = read.get(code, 0) + count
    return b.model_copy(
        update={
            "read_problems": read,
            "pages_fetched": a.pages_fetched + b.pages_fetched,
            "documents_fetched": a.documents_fetched + b.documents_fetched,
            "bytes_fetched": a.bytes_fetched + b.bytes_fetched,
            "from_cache": a.from_cache + b.from_cache,
            "errors_by_kind": errors,
            "limits_hit": list(
                dict.fromkeys([*(a.limits_hit if limits_of_a else []), *b.limits_hit])
            ),
            "elapsed_s": round(a.elapsed_s + b.elapsed_s, 3),
            "queued_left": (a.queued_left if limits_of_a else 0) + b.queued_left,
            "soft_404": a.soft_404 or b.soft_404,
            "tls_unverified": a.tls_unverified or b.tls_unverified,
            "interrupted": a.interrupted or b.interrupted,
        }
    )


__all__ = ["merge_harvests", "merge_stats"]
