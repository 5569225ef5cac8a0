"""The packs' recognizers on plain sample texts, read by the assessment's own recogniser
(``oit_checker.assess.recognize``) so that shared recognisers (``use:``), near misses and all
alternatives behave exactly as in a scan. Images and tables are not modelled (the samples are
plain text): a recognizer that needs an image is reported as not matching.
"""

from __future__ import annotations

from oit_checker.assess.recognize import Source, recognize
from oit_checker.rules.schema import Item, Recognizer
from oit_checker.thai.text import normalize


def matches(rec: Recognizer, text: str) -> bool:
    if rec.needs_image:
        return False
    return recognize(rec, Source(url="http://127.0.0.1/sample", text=normalize(text))).found


def missing_elements(item: Item, text: str, agency: str | None = None) -> list[str]:
    """Ids of required elements (for this agency type) that the text does not show."""
    return [
        e.id
        for e in item.elements
        if not e.optional
        and (not e.applies_to or agency in e.applies_to)
        and not matches(e.recognize, text)
    ]


def wrong_document(item: Item, text: str) -> str | None:
    """problem_code of the first wrong-document pattern that fits and is not excused."""
    for wd in item.wrong_documents:
        if matches(wd.recognize, text) and not (wd.unless and matches(wd.unless, text)):
            return wd.problem_code
    return None
