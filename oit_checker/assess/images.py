"""The content images of an item's page as evidence: what OCR read from them is judged with
the page, as an assessor reads the picture (an organisation chart, a board of executives, an
announcement posted as an image).

An image that was read becomes a :class:`Source` (its text marked ``ocr``). One that could not
be used gives an :class:`Issue` when its fetch failed: for our reasons (``not_checked``), or
dead (``fail``, reported only when the item fails anyway); one not read (over the cap, OCR
off) or read badly is an unreadable Source (``review``): the missing data may be in the
picture, so a page whose elements are missing is then ``review``,
never "missing" (the scan files an image over its OCR cap as ``image_over_cap``). A photo
without any text (a person, an activity) is neither.
"""

from __future__ import annotations

from oit_checker.assess.access import Issue, fetch_issue
from oit_checker.assess.recognize import Source
from oit_checker.assess.site import SiteEvidence
from oit_checker.extract.image import image_doc_url
from oit_checker.models import DocKind

_MAX_PER_PAGE = 12


def image_sources(source: Source, site: SiteEvidence) -> tuple[list[Source], list[Issue]]:
    """(readable image sources, issues) of the main-content images of an HTML source."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return [], []
    sources: list[Source] = []
    issues: list[Issue] = []
    seen: set[str] = set()
    for image in doc.images:
        if not image.main or len(seen) >= _MAX_PER_PAGE:
            continue
        key = image_doc_url(doc.url, image.src)
        if key in seen:
            continue
        seen.add(key)
        found = site.document(key)
        if found is None:
            resource = site.resource(key)
            issue = fetch_issue(resource) if resource is not None else None
            if issue is not None:
                issues.append(issue)
            continue  # an image the scan did not look at (not on an item's candidate page)
        if found.kind is not DocKind.IMAGE:
            continue  # the "image" URL answered with a page: nothing a person sees as content
        if not found.text.strip() and not found.review_reason:
            continue  # a photo without text
        image_source = Source.from_document(found, via=doc.url)
        image_source.url = key
        if found.review_reason:
            image_source.text = ""  # read too badly to rest anything on; it makes a review
        sources.append(image_source)
    return sources, issues


__all__ = ["image_sources"]
