"""Per submitted URL: could it be opened, is it on the main site or linked from it, and does
its content belong to another item than the one it was submitted for."""

from __future__ import annotations

from collections.abc import Mapping

from oit_checker.assess.access import fetch_issue
from oit_checker.assess.site import SiteEvidence, host_of, linked_from_site, same_site, url_key
from oit_checker.audit.submission import Submission
from oit_checker.match import content_hub
from oit_checker.models import Candidate, DocKind, Problem, Verdict
from oit_checker.problems import make
from oit_checker.problems.audit import text
from oit_checker.rules.schema import Pack

WRONG_MIN_OTHER = 0.45
"""Content score for another item from which a URL is said to hold that item's evidence."""
WRONG_MAX_OWN_RATIO = 0.5
"""…provided the submitted item scores at most this share of the other item's score."""
MAX_PAGE_FILES = 3
"""A page linking at most this many files is read as a download page for them; a page linking
more is a list whose files say nothing about what the page itself was submitted for."""


def content_scores(candidates: Mapping[str, list[Candidate]]) -> dict[str, dict[str, float]]:
    """url → item id → the matcher's score for that URL (from the audit's own documents)."""
    scores: dict[str, dict[str, float]] = {}
    for item_id, cands in candidates.items():
        for cand in cands:
            per_url = scores.setdefault(url_key(cand.url), {})
            per_url[item_id] = max(per_url.get(item_id, 0.0), cand.score)
    return scores


def hub_rows(
    candidates: Mapping[str, list[Candidate]], submission: Submission
) -> dict[str, list[Candidate]]:
    """item id → the matcher's candidates that a submitted ITA index page's rows label as that
    item, for items whose submitted URLs include that index page."""
    rows: dict[str, list[Candidate]] = {}
    for item_id, submitted in submission.items.items():
        pages = {url_key(u) for u in submitted.urls}
        own = [
            c
            for c in candidates.get(item_id, [])
            if c.via_hub and url_key(c.via_hub) in pages and url_key(c.url) not in pages
        ]
        if own:
            rows[item_id] = own
    return rows


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


def is_hub(url: str, site: SiteEvidence, pack: Pack) -> bool:
    """The URL is an ITA/OIT index page listing many items (an agency may submit it for
    every item): it is nobody's wrong evidence. The page's main content decides: an item's own
    page that also shows the site's ITA side menu is that item's page."""
    doc = site.document(url)
    if doc is None or doc.kind is not DocKind.HTML:
        return False
    return content_hub(doc, pack, site.navigation()) is not None


def wrong_item(
    item_id: str,
    urls: list[str],
    site: SiteEvidence,
    scores: Mapping[str, Mapping[str, float]],
    pack: Pack,
) -> tuple[str, str] | None:
    """(url, other item id) when a submitted URL's content clearly is another item's evidence:
    the matcher scores the other item at least WRONG_MIN_OTHER and the submitted item far
    lower. A download page is judged together with the few files it links (its content is
    there); an ITA/OIT index page is never said to be another item's evidence."""
    for url in urls:
        if is_hub(url, site, pack):
            continue
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
        files = []
        for link in doc.links:
            target = site.document(link.url) if link.url else None
            if target is not None and target.kind is not DocKind.HTML:
                files.append(url_key(link.url))
        files = list(dict.fromkeys(files))
        if len(files) <= MAX_PAGE_FILES:
            keys += files
    return list(dict.fromkeys(keys))


__all__ = ["content_scores", "hub_rows", "is_hub", "url_note", "wrong_item"]
