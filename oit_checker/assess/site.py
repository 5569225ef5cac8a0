"""What the assessment knows about the whole site, and where a URL sits relative to it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from oit_checker.crawl.urls import host_of as crawl_host_of
from oit_checker.crawl.urls import link_category, strip_www, url_key
from oit_checker.extract.chrome import repeated_links
from oit_checker.models import Document, ExternalLink, Link, LinkCategory, Problem, Resource
from oit_checker.thai.text import fold

# Names of local administrative organisations (อปท.) and of provincial administrations, folded.
_LAO_NAMES = tuple(
    fold(name)
    for name in (
        "องค์การบริหารส่วนตำบล",
        "องค์การบริหารส่วนจังหวัด",
        "เทศบาลตำบล",
        "เทศบาลเมือง",
        "เทศบาลนคร",
        "อบต.",
        "อบจ.",
        "เมืองพัทยา",
        "กรุงเทพมหานคร",
    )
)
_PROVINCE_NAMES = tuple(fold(n) for n in ("ศาลากลางจังหวัด", "สำนักงานจังหวัด"))
_PROVINCE_START = fold("จังหวัด")
_NAME_HEAD = 300
"""Only the head of each text is read: site names come first (title, header); an address or
a news item further down naming a เทศบาล must not make a ministry an อปท."""


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
    _placeholders: list[tuple[str, Link]] | None = field(default=None, init=False, repr=False)
    _navigation: frozenset[tuple[str, str]] | None = field(default=None, init=False, repr=False)

    @property
    def host(self) -> str:
        return host_of(self.site)

    def document(self, url: str) -> Document | None:
        found = self.documents.get(url)
        return found if found is not None else self.documents.get(url_key(url))

    def resource(self, url: str) -> Resource | None:
        found = self.resources.get(url)
        return found if found is not None else self.resources.get(url_key(url))

    def links_to(self, url: str) -> list[tuple[str, Link]]:
        return self.inbound.get(url) or self.inbound.get(url_key(url)) or []

    def placeholder_links(self) -> list[tuple[str, Link]]:
        """(page url, link) of every placeholder link (``href="#"``, ``javascript:…``) on the
        site's pages; mail and phone links excluded. Read once: every item without evidence
        looks through them."""
        if self._placeholders is None:
            self._placeholders = [
                (doc.url, link)
                for doc in self.documents.values()
                for link in doc.links
                if link.raw_href is not None
                and is_placeholder(link.url)
                and not link.raw_href.strip().lower().startswith(("mailto:", "tel:"))
            ]
        return self._placeholders

    def navigation(self) -> frozenset[tuple[str, str]]:
        """(url, text) of the links the site repeats on most of its pages: its menus, however
        the markup builds them (``oit_checker.extract.chrome.repeated_links``)."""
        if self._navigation is None:
            pages: dict[str, list[Link]] = {}
            for refs in self.inbound.values():
                for page, link in refs:
                    pages.setdefault(page, []).append(link)
            self._navigation = repeated_links(pages.values())
        return self._navigation


_PLACEHOLDER = re.compile(r"^(#.*|javascript:.*|void\(0\);?)$", re.IGNORECASE)


def is_placeholder(url: str) -> bool:
    """A link that goes nowhere: empty, ``#…``, ``javascript:…``."""
    return not url or bool(_PLACEHOLDER.match(url.strip()))


def detect_agency_type(texts: Iterable[str]) -> str | None:
    """The agency type the packs' ``applies_to`` use, from the site's name (home page title,
    header): ``"lao"`` for an อปท. (อบต., เทศบาล, อบจ., เมืองพัทยา, กทม.), ``"province"`` for a
    provincial administration (จังหวัด…, ศาลากลางจังหวัด); None otherwise or when unsure."""
    heads = [fold(value[:_NAME_HEAD]) for value in texts if value]
    if any(name in head for head in heads for name in _LAO_NAMES):
        return "lao"
    for head in heads:
        if head.startswith(_PROVINCE_START) or any(n in head for n in _PROVINCE_NAMES):
            return "province"
    return None


def host_of(url: str) -> str:
    return strip_www(crawl_host_of(url))


def same_site(url: str, site: SiteEvidence) -> bool:
    """On the agency's main host (``www.`` ignored)."""
    host = host_of(url)
    return bool(host) and host == site.host


def is_social(url: str) -> bool:
    """A social network page: never the agency's own website."""
    return link_category(crawl_host_of(url)) is LinkCategory.SOCIAL


def linked_from_site(url: str, site: SiteEvidence) -> str | None:
    """A page of the main site that links to ``url``, if any."""
    for page, _link in site.links_to(url):
        if same_site(page, site):
            return page
    return None


__all__ = [
    "SiteEvidence",
    "detect_agency_type",
    "host_of",
    "is_social",
    "linked_from_site",
    "same_site",
    "url_key",
]
