"""A deliberately small reading of a Recognizer, independent of oit_checker.assess.

It follows the schema's documented meaning: phrases are compared after ``fold``; regexes run on
``normalize``d text; ``any_of`` and ``regex`` are alternatives whose hits count towards
``min_count``; every ``all_of`` phrase must occur. Images and links are not modelled (the
samples are plain text), so recognizers that need them are reported as not matching.
"""

from __future__ import annotations

import re

from oit_checker.rules.schema import Item, Recognizer
from oit_checker.thai.text import fold, normalize


def matches(rec: Recognizer, text: str) -> bool:
    folded = fold(text)
    norm = normalize(text)
    if any(fold(p) not in folded for p in rec.all_of):
        return False
    if rec.needs_image:
        return False
    if rec.any_of or rec.regex or rec.link_hosts:
        hits = sum(folded.count(fold(p)) for p in rec.any_of)
        hits += sum(len(re.findall(p, norm, re.IGNORECASE)) for p in rec.regex)
        return hits >= max(rec.min_count, 1)
    return bool(rec.all_of)


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
