"""Rule packs: the OIT checklist of each scheme and year as validated, diffable data."""

from oit_checker.rules.loader import (
    PackInfo,
    RulePackError,
    available_packs,
    get_pack,
    load_pack,
    pack_dir,
    resolve_item_id,
)
from oit_checker.rules.schema import (
    Element,
    EvidenceKind,
    Item,
    ItemStatus,
    Pack,
    PackStatus,
    Recognizer,
    TimeWindow,
    WrongDocument,
)

__all__ = [
    "Element",
    "EvidenceKind",
    "Item",
    "ItemStatus",
    "Pack",
    "PackInfo",
    "PackStatus",
    "Recognizer",
    "RulePackError",
    "TimeWindow",
    "WrongDocument",
    "available_packs",
    "get_pack",
    "load_pack",
    "pack_dir",
    "resolve_item_id",
]
