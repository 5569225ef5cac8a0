"""What the assessment knows about the whole site, and where a URL sits relative to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from oit_checker.models import Document, ExternalLink, Link, Problem, Resource
from oit_checker.thai.text import fold

SOCIAL_HOSTS = (
    "facebook.com",
    "fb.com",
    "fb.me",
    "line.me",
    "youtube.com",
    "youtu.be",
    "twitter.com",
    "x.com",
    "instagram.com",
    "tiktok.com",
)
"""Hosts whose pages do not count as the agency's own website."""

# Site names of local administrative organisations (อปท.), folded.
_LAO_NAMES = tuple(
    fold(name)
    for name in (
        "องค์การบริหารส่วนตำบล",
        "องค์การบริหารส่วนจังหวัด",
        "เทศบาลตำบล",
        "เทศบาลเมือง",
        "เทศบาลนคร",
        "เทศบาล",
        "อบต.",
        "อบจ.",
        "ทต.",
        "เมืองพัทยา",
        "กรุงเทพมหานคร",
    )
)


@dataclass
class SiteEvidence:
    """Everything the assessment knows about the site, built by the pipeline."""

    site: str
    """The main site URL."""
    documents: Mapping[str, Document]
    """url → Document (at least the candidates' documents)."""
    resources: Mapping[str, Resource]
    """url → Resource: status or error of every URL seen."""
    inbound: Mapping[str, list[tuple[str, Link]]]
    """target url → [(page url, link)] of links pointing to it."""
    external_links: list[ExternalLink] = field(default_factory=list)
    site_findings: list[Problem] = field(default_factory=list)
    reachable: bool = True
    """The start page was fetched."""
    partial: bool = False
    """A crawl limit, an interrupt or the circuit breaker left pages unchecked."""
    soft_404: bool = False
    agency_type: str | None = None
    """``lao`` for อปท. (see :func:`detect_agency_type`)."""

    @property
    def host(self) -> str:
        return host_of(self.site)


def detect_agency_type(texts: Iterable[str]) -> str | None:
    """``"lao"`` when a site name (home page title, header, footer) names an อปท., else None."""
    for value in texts:
        folded = fold(value)
        if any(name in folded for name in _LAO_NAMES):
            return "lao"
    return None


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def same_site(url: str, site: SiteEvidence) -> bool:
    """On the agency's main host (``www.`` ignored)."""
    host = host_of(url)
    return bool(host) and host == site.host


def is_social(url: str) -> bool:
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in SOCIAL_HOSTS)


def linked_from_site(url: str, site: SiteEvidence) -> str | None:
    """A page of the main site that links to ``url``, if any."""
    for page, _link in site.inbound.get(url, []):
        if same_site(page, site):
            return page
    return None


__all__ = [
    "SOCIAL_HOSTS",
    "SiteEvidence",
    "detect_agency_type",
    "host_of",
    "is_social",
    "linked_from_site",
    "same_site",
]
