"""Matching: pages and files → candidate checklist items, with the signals behind each score."""

from oit_checker.match.codes import CodeHit, CodeWhere, code_to_item_id, find_codes
from oit_checker.match.engine import Matcher, mismatch_of
from oit_checker.match.hub import HubPage, HubRow, content_hub, detect_hub
from oit_checker.match.priority import make_priority

__all__ = [
    "CodeHit",
    "CodeWhere",
    "HubPage",
    "HubRow",
    "Matcher",
    "code_to_item_id",
    "content_hub",
    "detect_hub",
    "find_codes",
    "make_priority",
    "mismatch_of",
]
