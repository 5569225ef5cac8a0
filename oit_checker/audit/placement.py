"""Per submitted URL: could it be opened, is it on the main site or linked from it, and does
its content belong to another item than the one it was submitted for."""

from __future__ import annotations

from collections.abc import Mapping

from oit_checker.assess.access import fetch_issue
from oit_checker.assess.site import SiteEvidence, host_of, linked_from_site, same_site, url_key
from oit_checker.models import Candidate, DocKind, Problem, Verdict
from oit_checker.problems import make
from oit_checker.problems.audit import text

WRONG_MIN_OTHER = 0.45
"""Content score for another item from which a URL is said to hold that item's evidence."""
WRONG_MAX_OWN_RATIO = 0.5
"""…provided the submitted item scores at most this share of the other item's score."""


def content_scores(candidates: Mapping[str, list[Candidate]]) -> dict[str, dict[str, float]]:
    """url → item id → the matcher's score for that URL (from the audit's own documents)."""
    scores: dict[str, dict[str, float]] = {}
    for item_id, cands in candidates.items():
        for cand in cands:
            per_url = scores.setdefault(url_key(cand.url), {})
            per_url[item_id] = max(per_url.get(item_id, 0.0), cand.score)
    return scores


def url_note(
    item_id: str, url: str, site: SiteEvidence, *, main_site_read: bool, pages: int
) -> Problem:
    """One note per submitted URL: its fetch state and where it sits relative to the main site."""
    state_th, state_en = _state(url, site)
    params: dict[str, object] = {"item": item_id, "state_th": state_th, "state_en": state_en}
    if same_site(url, site):
        return make("submitted_url_on_site", url, **params)
    params["host"] = host_of(url)
    if not main_site_read:
        return make("submitted_url_unread_site", url, **params)
    page = linked_from_site(url, site)
    if page is not None:
        return make("submitted_url_linked", url, page=page, **params)
    return make("submitted_url_unlinked", url, pages=pages, **params)


def _state(url: str, site: SiteEvidence) -> tuple[str, str]:
    resource = site.resource(url)
    if resource is None:
        return text("state_unchecked", reason="not fetched")
    issue = fetch_issue(resource)
    if issue is None:
        return text("state_ok", status=resource.status or "")
    reason = issue.problem.params.get("status") or issue.reason
    if issue.verdict is Verdict.FAIL:
        return text("state_failed", reason=reason)
    return text("state_unchecked", reason=reason)


def wrong_item(
    item_id: str,
    urls: list[str],
    site: SiteEvidence,
    scores: Mapping[str, Mapping[str, float]],
) -> tuple[str, str] | None:
    """(url, other item id) when a submitted URL's content clearly is another item's evidence:
    the matcher scores the other item at least WRONG_MIN_OTHER and the submitted item far
    lower. A page is judged together with the files it links (its content is there)."""
    for url in urls:
        merged: dict[str, float] = {}
        for key in _keys(url, site):
            for other, value in scores.get(key, {}).items():
                merged[other] = max(merged.get(other, 0.0), value)
        if not merged:
            continue
        own = merged.get(item_id, 0.0)
        best_score, best = max((s, i) for i, s in merged.items())
        if best == item_id or best_score < WRONG_MIN_OTHER:
            continue
        if own <= best_score * WRONG_MAX_OWN_RATIO:
            return url, best
    return None


def _keys(url: str, site: SiteEvidence) -> list[str]:
    keys = [url_key(url)]
    resource = site.resource(url)
    if resource is not None and resource.final_url:
        keys.append(url_key(resource.final_url))
    doc = site.document(url)
    if doc is not None and doc.kind is DocKind.HTML:
        for link in doc.links:
            target = site.document(link.url) if link.url else None
            if target is not None and target.kind is not DocKind.HTML:
                keys.append(url_key(link.url))
    return list(dict.fromkeys(keys))


__all__ = ["content_scores", "url_note", "wrong_item"]
