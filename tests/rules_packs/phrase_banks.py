"""Phrase banks: real phrasings per element that must be recognised, and near misses that must
not, shared by every year's pack through the element's key ``<item key>.<element id>``.

A bank lives in ``tests/rules_packs/banks/<item key>.yaml`` (one mapping per element id with
``match`` and ``miss`` lists, or ``same_as: <item key>.<element id>`` to share another key's
bank). An element whose recogniser is exactly one shared recogniser (``use: [name]`` and nothing
else) is banked by that recogniser's ``examples`` in ``rules/shared/recognizers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from oit_checker.assess.recognize import Source, recognize
from oit_checker.rules.schema import Element, Pack, Recognizer
from oit_checker.thai.text import normalize

BANKS = Path(__file__).resolve().parent / "banks"
MIN_MATCH = 10
MIN_MISS = 5
_URL = re.compile(r"(?:https?://|mailto:|tel:)\S+")


@dataclass(frozen=True)
class Bank:
    key: str
    match: tuple[str, ...]
    miss: tuple[str, ...]
    where: str
    """The file (and entry) the bank comes from, for messages."""


@cache
def _files() -> dict[str, dict[str, dict[str, object]]]:
    out: dict[str, dict[str, dict[str, object]]] = {}
    for path in sorted(BANKS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        out[path.stem] = data
    return out


def bank_key(item_key: str, element: Element) -> str:
    return f"{item_key}.{element.id}"


def find_bank(item_key: str, element: Element) -> Bank | None:
    key = bank_key(item_key, element)
    seen: set[str] = set()
    while key not in seen:
        seen.add(key)
        item, _, elem = key.partition(".")
        entry = _files().get(item, {}).get(elem)
        if entry is None:
            break
        target = entry.get("same_as")
        if isinstance(target, str):
            key = target
            continue
        return Bank(
            key=key,
            match=_texts(entry.get("match")),
            miss=_texts(entry.get("miss")),
            where=f"banks/{item}.yaml: {elem}",
        )
    rec = element.recognize
    if _only_one_shared(rec):
        shared = rec.shared[0]
        return Bank(
            key=key,
            match=tuple(shared.examples.match),
            miss=tuple(shared.examples.miss),
            where=f"rules/shared/recognizers.yaml: {rec.use[0]}",
        )
    return None


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(t) for t in value) if isinstance(value, list) else ()


def _only_one_shared(rec: Recognizer) -> bool:
    return (
        len(rec.use) == 1
        and not (rec.any_of or rec.all_of or rec.regex or rec.link_hosts or rec.link_regex)
        and not (rec.table_cells or rec.needs_image)
        and rec.min_count == 1
    )


def recognised(rec: Recognizer, text: str) -> bool:
    """The assessment's own recogniser on the text as a page would hold it (links in the text
    are the page's links)."""
    source = Source(url="http://127.0.0.1/bank", text=normalize(text), link_urls=_URL.findall(text))
    return recognize(rec, source).found


def required_elements(pack: Pack) -> list[tuple[str, Element]]:
    """(item key, element) of every required element of the pack's defined items."""
    return [
        (item.key, element)
        for item in pack.items
        if item.status.value == "defined"
        for element in item.elements
        if not element.optional
    ]


__all__ = [
    "MIN_MATCH",
    "MIN_MISS",
    "Bank",
    "bank_key",
    "find_bank",
    "recognised",
    "required_elements",
]  # fmt: skip
