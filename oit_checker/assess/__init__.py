"""Assessment: a verdict per checklist item (pass, fail, review, not_checked) with evidence,
missing elements, problems and a specific fix text; and the OIT score.

Never cry wolf: what could not be fetched or read is ``not_checked`` or ``review`` with the
reason, never "missing".
"""

from oit_checker.assess.item import assess_item
from oit_checker.assess.run import assess, dependency_order, score
from oit_checker.assess.site import SiteEvidence, detect_agency_type

__all__ = [
    "SiteEvidence",
    "assess",
    "assess_item",
    "dependency_order",
    "detect_agency_type",
    "score",
]
