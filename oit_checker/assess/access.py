"""Can the evidence behind a URL be used at all? Fetch errors, dead and placeholder links, empty
pages, login walls, JavaScript-only pages, soft-404 bodies, and the main-website rule.

Each problem comes with the verdict it leads to: a fetch that failed for reasons on our side or
the network's (robots, TLS, timeout, limits) is ``not_checked``; what a person would also see
as broken (404, ``href="#"``, an empty page, data only on Facebook) is ``fail``; what the tool
cannot read but a person could (login, JavaScript, unreadable files) is ``review``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.assess.recognize import Source
from oit_checker.assess.site import (
    SiteEvidence,
    host_of,
    is_placeholder,
    is_social,
    linked_from_site,
    same_site,
)
from oit_checker.models import DocKind, Document, FetchError, Problem, Resource, Verdict
from oit_checker.problems import make
from oit_checker.thai.text import fold

_EMPTY_CHARS = 15
_TINY_CHARS = 200
_SHORT_CHARS = 600
_LOGIN_CHARS = 1500
_NOT_FOUND = tuple(
    fold(p)
    for p in (
        "ไม่พบหน้าที่",
        "ไม่พบหน้านี้",
        "ไม่พบหน้าเว็บ",
        "ไม่พบหน้า",
        "page not found",
        "404 not found",
        "ไม่พบข้อมูลที่ท่านต้องการ",
        "the page you requested",
    )
)
_PASSWORD = tuple(fold(p) for p in ("รหัสผ่าน", "password"))
_LOGIN = tuple(fold(p) for p in ("เข้าสู่ระบบ", "login", "log in", "sign in", "ลงชื่อเข้าใช้"))
_FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|csv|jpe?g|png)(?:$|[?#])", re.IGNORECASE)
_LOGIN_URL = re.compile(r"(?:^|[/?&=_-])(?:login|signin|sign-in|wp-login)")
_APP_SHELL = re.compile(
    r"""id=["'](?:root|app|__next|__nuxt)["']|<noscript|ng-app|data-reactroot""", re.IGNORECASE
)
_NOT_CHECKED_ERRORS = {
    FetchError.DNS: "dns",
    FetchError.CONNECT: "connect",
    FetchError.TLS: "tls_error",
    FetchError.TIMEOUT: "timeout",
    FetchError.RESET: "reset",
    FetchError.TOO_LARGE: "too_large",
    FetchError.TOO_MANY_REDIRECTS: "too_many_redirects",
    FetchError.ROBOTS_DISALLOWED: "robots_disallowed",
    FetchError.OUT_OF_SCOPE: "out_of_scope",
    FetchError.CIRCUIT_OPEN: "circuit_open",
    FetchError.NOT_FETCHED: "not_fetched",
    FetchError.ADDRESS_REFUSED: "address_refused",
}


Fix = tuple[str, dict[str, Any]]
"""(key of a fix text in oit_checker.problems.assess.TEXTS, its parameters)."""


@dataclass(frozen=True)
class Issue:
    """Why a URL gives no usable evidence, and the verdict that follows."""

    verdict: Verdict
    problem: Problem
    reason: str
    """Short machine reason (``not_checked_reason`` for not_checked)."""
    fix: Fix | None = None


def resolve(url: str, site: SiteEvidence, via: str | None = None) -> Source | Issue:
    """The readable source behind ``url``, or the issue that prevents using it."""
    if is_placeholder(url):
        page = via or site.site
        problem = make("placeholder_link", page, text="", page=page, href=url or "#")
        return Issue(
            Verdict.FAIL, problem, "placeholder_link", ("fix_placeholder_link", {"text": url})
        )
    resource = site.resource(url)
    doc = site.document(url)
    if doc is None and resource is not None and resource.final_url:
        doc = site.document(resource.final_url)
    if resource is not None:
        issue = fetch_issue(resource)
        if issue is not None:
            return issue
    if doc is None:
        if resource is None:
            problem = make("fetch_failed", url, reason="not_fetched")
            return Issue(Verdict.NOT_CHECKED, problem, "not_fetched")
        problem = make("unreadable_document", url, reason="no_text")
        return Issue(Verdict.REVIEW, problem, "no_text")
    issue = _content_issue(doc, resource, site)
    if issue is not None:
        return issue
    source = Source.from_document(doc, via=via)
    if doc.kind is DocKind.HTML and not doc.review_reason:  # an unread page is not an empty one
        source.empty_rest = _empty_rest(doc)
    return source


def empty_page(source: Source) -> Issue:
    """The issue for a page with nothing but its title and menus (see ``Source.empty_rest``)."""
    fix: Fix = ("fix_empty_page", {"url": source.url})
    return Issue(Verdict.FAIL, make("empty_page", source.url), "empty_page", fix)


_FAILURES = re.compile(r"(\d+) consecutive failures")
_NUMBER = re.compile(r"\d[\d,]*")


def fetch_issue(resource: Resource) -> Issue | None:
    """The issue of a resource that was not fetched or not answered with 2xx."""
    url = resource.url
    if resource.error is not None and resource.error is not FetchError.HTTP_STATUS:
        code = _NOT_CHECKED_ERRORS.get(resource.error)
        if code is None:  # content type, decode: a person could still read it
            problem = make("unreadable_document", url, reason=resource.error.value)
            return Issue(Verdict.REVIEW, problem, resource.error.value)
        detail = resource.error_detail or ""
        failures = _FAILURES.search(detail)
        numbers = _NUMBER.findall(detail)
        params = {
            "host": host_of(url),
            "detail": detail,
            # too_large: the cap, the last number of "more than 5,242,880 bytes" (the fetcher's
            # words); not_fetched: the limit's name.
            "limit": numbers[-1] if numbers and resource.error is FetchError.TOO_LARGE else detail,
            "failures": failures.group(1) if failures else "?",
            "status": resource.status or "",
            "content_type": resource.content_type or "",
        }
        return Issue(Verdict.NOT_CHECKED, make(code, url, **params), resource.error.value)
    status = resource.status
    if resource.error_detail == "soft_404":  # the crawler saw the site's "not found" body
        fix: Fix = ("fix_dead_link", {"url": url, "status": "soft 404"})
        return Issue(Verdict.FAIL, make("dead_link", url, status="soft 404"), "soft_404", fix)
    if status is None or 200 <= status < 300:
        return None
    if status in (401, 403, 407):
        return Issue(Verdict.REVIEW, make("login_required", url), "login_required")
    if status in (404, 410) or (400 <= status < 500 and status not in (408, 429)):
        fix = ("fix_dead_link", {"url": url, "status": f"HTTP {status}"})
        return Issue(
            Verdict.FAIL, make("dead_link", url, status=f"HTTP {status}"), "dead_link", fix
        )
    return Issue(Verdict.NOT_CHECKED, make("http_status", url, status=status), "http_status")


def _content_issue(doc: Document, resource: Resource | None, site: SiteEvidence) -> Issue | None:
    url = doc.url
    final = (resource.final_url if resource is not None else None) or url
    if _LOGIN_URL.search(final.lower().split("//", 1)[-1]):
        return Issue(Verdict.REVIEW, make("login_required", url), "login_required")
    # Login walls, "not found" bodies and app shells are short: long texts are not folded here.
    folded = fold(doc.text) if len(doc.text) <= 2 * _LOGIN_CHARS else ""
    if (
        folded
        and len(folded) <= _LOGIN_CHARS
        and any(p in folded for p in _PASSWORD)
        and any(p in folded for p in _LOGIN)
    ):
        return Issue(Verdict.REVIEW, make("login_required", url), "login_required")
    if folded and len(folded) <= _SHORT_CHARS and any(p in folded for p in _NOT_FOUND):
        fix: Fix = ("fix_dead_link", {"url": url, "status": "soft 404"})
        return Issue(Verdict.FAIL, make("dead_link", url, status="soft 404"), "soft_404", fix)
    if doc.kind is not DocKind.HTML or doc.review_reason:
        if not doc.text.strip() and not doc.review_reason and not doc.ocr_used:
            problem = make("unreadable_document", url, reason="no_text")
            return Issue(Verdict.REVIEW, problem, "no_text")
        return None
    if len(doc.text) < 2 * _TINY_CHARS:
        body = fold(doc.text.replace(doc.title, "", 1)) if doc.title else folded
        if len(body) < _TINY_CHARS and _js_shell(doc, resource):
            return Issue(Verdict.REVIEW, make("js_only", url), "js_only")
    return None


def _empty_rest(doc: Document) -> str | None:
    """The few characters a page holds besides its title, headings and menus (link texts),
    or None when it holds more, or an image, a table or a file link."""
    if doc.images or doc.tables:
        return None
    if any(_FILE_LINK.search(lk.url) for lk in doc.links if lk.url):
        return None
    rest = doc.text
    for part in sorted([doc.title, *doc.headings, *(lk.text for lk in doc.links)], key=len)[::-1]:
        if part:
            rest = rest.replace(part, " ", 1)
    if len(fold(rest).replace(" ", "")) >= _EMPTY_CHARS:
        return None
    return rest.strip()


def _js_shell(doc: Document, resource: Resource | None) -> bool:
    if any("javascript" in w.lower() or "js_" in w.lower() for w in doc.warnings):
        return True
    if resource is None or not resource.body_path:
        return False
    try:
        with Path(resource.body_path).open("rb") as fh:
            raw = fh.read(300_000).decode("utf-8", "replace")
    except OSError:
        return False
    scripts = raw.lower().count("<script")
    return scripts >= 1 and (bool(_APP_SHELL.search(raw)) or scripts >= 3)


def main_site_issue(source: Source, site: SiteEvidence) -> tuple[Issue | None, Problem | None]:
    """(failure, note) of the main-website rule for a source.

    On the main host: fine. Elsewhere: fine with a note when a main-site page links to it
    (a Drive file linked from the site), a failure when nothing on the main site does.
    """
    url = source.url
    if same_site(url, site):
        return None, None
    if source.external is not None:
        page = source.external.found_on
    elif source.via and same_site(source.via, site):
        page = source.via
    else:
        page = linked_from_site(url, site) or ""
    host = host_of(url)
    if page:
        return None, make("external_host_linked", url, host=host, page=page)
    code = "only_external" if is_social(url) else "not_on_main_site"
    fix: Fix = ("fix_not_on_main_site", {"url": url})
    return Issue(Verdict.FAIL, make(code, url, host=host), code, fix), None


__all__ = ["Issue", "empty_page", "fetch_issue", "is_placeholder", "main_site_issue", "resolve"]
