"""Does a channel item's evidence offer a way in, or does the page only name the channel?

A channel item (Q&A, E-Service, corruption complaint channel) is met by a channel people can
use, not by a page titled "E-Service" with a sentence about it. When the only evidence is an
on-site HTML page, that page must show a way in: a form to fill in (not the site search box
or a log-in box), an embedded service (``iframe``/``embed``), a link to a service host (the
element's ``link_hosts`` and the common form and chat hosts), or a link whose anchor text names
the channel and leads to another page, file or host that answers. Otherwise the item is
``review``, never ``fail``: the channel may work in a way the page does not show (a phone line,
a system behind a log-in, a QR code in an image).

Only the elements that the pack recognises by a link to a system (``link_hosts``) ask for a way
in: an element the pack accepts as text (a phone number, an address) is not asked for a form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from oit_checker.assess.access import fetch_issue
from oit_checker.assess.recognize import Source, mentions_item, on_hosts, recognize
from oit_checker.assess.site import SiteEvidence, same_site, url_key
from oit_checker.models import DocKind, Document
from oit_checker.rules.schema import Element, Item

SERVICE_HOSTS = (
    "forms.gle",
    "docs.google.com/forms",
    "forms.office.com",
    "forms.microsoft.com",
    "line.me",
    "lin.ee",
    "page.line.me",
    "m.me",
    "messenger.com",
)
"""Hosts of online forms and chat channels that are a way in for any channel item, besides the
element's own ``link_hosts``. Facebook pages are not among them: a pack lists them where it
accepts them."""

_EMBED_TAGS = frozenset({"iframe", "frame", "embed", "object"})
_NOT_A_SERVICE = (
    "google.com/maps",
    "maps.google.com",
    "maps.app.goo.gl",
    "map.longdo.com",
    "openstreetmap.org",
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "facebook.com/plugins",
    "calendar.google.com",
    "drive.google.com/file",
)
"""Embedded content that is no service: maps, videos, social feeds, calendars, file viewers."""
_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|csv|jpe?g|png|gif)(?:$|[?#])", re.IGNORECASE)


def access_elements(required: Sequence[Element]) -> list[Element]:
    """The required elements that say how people get in: those recognised by a link to a
    system (``link_hosts``)."""
    return [e for e in required if e.recognize.link_hosts]


def page_without_way_in(
    item: Item, required: Sequence[Element], pool: Sequence[Source], site: SiteEvidence
) -> Source | None:
    """The on-site HTML page that names the channel when no source of ``pool`` offers a way
    in; None when one does, or when the check does not apply (the evidence is off-site, or no
    access element was read from an on-site page)."""
    elements = access_elements(required)
    if not elements or not pool:
        return None
    if any(s.doc is None or not same_site(s.url, site) for s in pool):
        return None  # the evidence is the off-site channel itself, or a link to it
    pages = [
        s
        for s in pool
        if s.doc is not None
        and s.doc.kind is DocKind.HTML
        and any(recognize(e.recognize, s).found for e in elements)
    ]
    if not pages:
        return None
    hosts = [*dict.fromkeys(h for e in elements for h in e.recognize.link_hosts), *SERVICE_HOSTS]
    for source in pool:
        if source.doc is not None and has_way_in(source.doc, item, hosts, site):
            return None
    return pages[0]


def has_way_in(doc: Document, item: Item, hosts: Sequence[str], site: SiteEvidence) -> bool:
    """Whether the document lets people use the channel (see the module docstring)."""
    if any(f.fields and not f.search and not f.login for f in doc.forms):
        return True
    here = url_key(doc.url)
    for link in doc.links:
        target = link.url
        if not target.startswith(("http://", "https://")):
            continue  # placeholders, mailto:, tel:
        if on_hosts(target, hosts):
            return True
        if link.tag in _EMBED_TAGS:
            if not _FILE.search(target) and not on_hosts(target, _NOT_A_SERVICE):
                return True
            continue
        if (
            link.text
            and url_key(target) != here
            and mentions_item(item, link.text)
            and _answers(target, site)
        ):
            return True
    return False


def _answers(url: str, site: SiteEvidence) -> bool:
    """Off-site (not fetched: taken as working), or on-site and fetched without error."""
    if not same_site(url, site):
        return True
    resource = site.resource(url)
    if resource is not None:
        return resource.ok and fetch_issue(resource) is None
    return site.document(url) is not None


__all__ = ["SERVICE_HOSTS", "access_elements", "has_way_in", "page_without_way_in"]
