"""Each person, not one person (issue 13, class 5): an item that lists people (the executives)
requires its ``persons.each`` elements — a photo, a contact — of every listed person, not of
one of them.

Persons are read from the page text as agencies lay them out: cards in a grid (photo, name,
position, phone), a table (a row per person), one image per person with a caption, position
above or below the name. A person is a name (``persons.name``, e.g. ``นายสมชาย ใจดี``,
``ว่าที่ร้อยตรี…``) with one of ``persons.positions`` on the name's line or the line next to it;
a named person without such a position (a council member, staff) is not checked. Each person's
block runs from their name (or their position line just above it) to the next person's; a
contact must be in it, or on a line addressed to all executives (``ติดต่อคณะผู้บริหาร โทร …``).
A photo is the person's when a content image's alt text or caption names them; images that name
nobody may be anyone's, so they are counted in the people's favour (never a false "no photo").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oit_checker.assess.recognize import Source, recognize
from oit_checker.assess.site import SiteEvidence
from oit_checker.models import DocKind, Problem
from oit_checker.problems import make
from oit_checker.rules.schema import Element, Item, Persons
from oit_checker.thai.text import fold

_MAX_PEOPLE = 40
_MAX_REPORTED = 12
_LAST_BLOCK = 400
"""Characters the last person's block may run when no other block gives its length (what
follows is the page's footer, not theirs)."""
_ALL_OF_THEM = tuple(fold(w) for w in ("ผู้บริหาร", "คณะผู้บริหาร", "executives"))


@dataclass(frozen=True)
class Person:
    name: str
    position: str
    block: str
    """Their part of the page: from their name (or position line above it) to the next one's."""


@dataclass(frozen=True)
class Gap:
    person: Person
    missing: list[Element]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _folded(phrase: str) -> str:
    return fold(phrase)


def _name_patterns(rule: Persons) -> list[re.Pattern[str]]:
    patterns = list(rule.name.regex)
    for shared in rule.name.shared:
        patterns.extend(shared.regex)
    return [_compiled(p) for p in patterns]


def listed_persons(rule: Persons, text: str) -> list[Person]:
    """The people ``text`` lists under one of the rule's positions, in page order, each once."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: list[tuple[int, str, str, int]] = []  # (block start, name, position, name at)
    seen: set[str] = set()
    for at, name in _names(rule, text):
        key = fold(name).replace(" ", "")
        if key in seen:
            continue
        seen.add(key)
        row = _line_of(starts, at)
        position, pos_row = _position(rule, lines, row, at - starts[row], len(name))
        if not position:
            continue
        block_start = starts[min(row, pos_row)] if pos_row < row else starts[row]
        if found and block_start <= found[-1][0]:
            block_start = at
        found.append((block_start, name, position, at))
        if len(found) >= _MAX_PEOPLE:
            break
    # Names written on one line (a sentence, a row of a board read by OCR) share that line and
    # what follows it: nothing there tells whose the phone is.
    groups: list[list[tuple[int, str, str, int]]] = []
    for entry in found:
        if groups and _line_of(starts, entry[3]) == _line_of(starts, groups[-1][-1][3]):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    heads = [g[0][0] for g in groups]
    lengths = [b - a for a, b in itertools.pairwise(heads)]
    last = int(max(lengths) * 1.5) if lengths else _LAST_BLOCK
    people: list[Person] = []
    for i, group in enumerate(groups):
        start = heads[i]
        end = heads[i + 1] if i + 1 < len(heads) else _line_end(text, start + last)
        for _, name, position, _at in group:
            people.append(Person(name=name, position=position, block=text[start:end]))
    return people


def _line_end(text: str, at: int) -> int:
    """``at``, moved on to the end of its line (a block ends at a line's end)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _names(rule: Persons, text: str) -> list[tuple[int, str]]:
    hits: dict[int, str] = {}
    for pattern in _name_patterns(rule):
        for m in pattern.finditer(text):
            hits.setdefault(m.start(), m.group(0).strip())
    out: list[tuple[int, str]] = []
    end = -1
    for at in sorted(hits):
        if at >= end:
            out.append((at, hits[at]))
            end = at + len(hits[at])
    return out


def _line_of(starts: list[int], at: int) -> int:
    row = 0
    for i, start in enumerate(starts):
        if start > at:
            break
        row = i
    return row


def _position(rule: Persons, lines: list[str], row: int, col: int, width: int) -> tuple[str, int]:
    """The position written with a name: on its line (after the name, then before it), on
    the next line, on the line above, or two lines below; and the line it is on."""
    line = lines[row]
    order = [
        (line[col + width :], row),
        (line[:col], row),
        (lines[row + 1] if row + 1 < len(lines) else "", row + 1),
        (lines[row - 1] if row > 0 else "", row - 1),
        (lines[row + 2] if row + 2 < len(lines) else "", row + 2),
    ]
    for part, at in order:
        found = _first_position(rule, part)
        if found:
            return found, at
    return "", row


def _position_phrases(rule: Persons) -> tuple[str, ...]:
    phrases = list(rule.positions.any_of)
    for shared in rule.positions.shared:
        phrases.extend(shared.any_of)
    return tuple(dict.fromkeys(phrases))


def _first_position(rule: Persons, text: str) -> str:
    folded = fold(text)
    best: tuple[int, int, str] | None = None
    for phrase in _position_phrases(rule):
        key = _folded(phrase)
        at = folded.find(key) if key else -1
        if at >= 0 and (best is None or (at, -len(key)) < (best[0], best[1])):
            best = (at, -len(key), phrase)
    return best[2] if best is not None else ""


def person_gaps(
    rule: Persons, elements: list[Element], source: Source, chrome: frozenset[str] = frozenset()
) -> list[Gap]:
    """Who of the people ``source`` lists lacks which of the rule's ``each`` elements (only
    when it lists two or more: one name alone is the item's own elements' business). Lines in
    ``chrome`` (folded; the site's header and footer, as on its home page) are nobody's."""
    people = [_without(p, chrome) for p in listed_persons(rule, source.text)]
    if len(people) < 2:
        return []
    wanted = [e for e in elements if e.id in rule.each]
    shared = _shared_lines(source)
    photos = _with_photo(source, people)
    gaps: list[Gap] = []
    for person in people:
        missing: list[Element] = []
        for element in wanted:
            if element.recognize.needs_image:
                if photos is not None and person.name not in photos:
                    missing.append(element)
                continue
            block = Source(url=source.url, text=person.block, ocr=source.ocr)
            if recognize(element.recognize, block).found:
                continue
            if any(recognize(element.recognize, line).found for line in shared):
                continue
            missing.append(element)
        if missing:
            gaps.append(Gap(person, missing))
    return gaps


def _without(person: Person, chrome: frozenset[str]) -> Person:
    if not chrome:
        return person
    kept = [line for line in person.block.split("\n") if fold(line).strip() not in chrome]
    return Person(person.name, person.position, "\n".join(kept))


def site_chrome(site: SiteEvidence, source: Source) -> frozenset[str]:
    """The folded lines of the site's home page: its header, menus and footer, which every
    page repeats (a footer's phone number is the office's, not the last executive's); none
    when the people are listed on the home page itself."""
    home = site.document(site.site) if site.site else None
    if home is None or source.doc is None or home.url == source.doc.url:
        return frozenset()
    return frozenset(f for line in home.text.split("\n") if (f := fold(line).strip()))


def _shared_lines(source: Source) -> list[Source]:
    """Lines addressed to all the executives (``ติดต่อคณะผู้บริหารได้ที่ …``)."""
    return [
        Source(url=source.url, text=line, ocr=source.ocr)
        for line, folded in source.lines()
        if any(w in folded for w in _ALL_OF_THEM)
    ]


def _with_photo(source: Source, people: list[Person]) -> set[str] | None:
    """Names of the people with a photo, or None when this kind of file shows no images to
    check (a PDF, an OCR'd picture: the photo is then not the question)."""
    doc = source.doc
    if doc is None or doc.kind is not DocKind.HTML:
        return None
    keys = {p.name: fold(p.name).replace(" ", "") for p in people}
    named: set[str] = set()
    anonymous = 0
    for image in doc.images:
        if not image.main:
            continue
        around = fold(f"{image.alt} {image.context}").replace(" ", "")
        hits = {name for name, key in keys.items() if key and key in around}
        if hits:
            named |= hits
        else:
            anonymous += 1
    lacking = [p.name for p in people if p.name not in named]
    if anonymous >= len(lacking):  # images that name nobody may be theirs
        return {p.name for p in people}
    return named


def person_problems(
    item: Item, elements: list[Element], pool: list[Source], site: SiteEvidence
) -> list[tuple[Problem, tuple[str, dict[str, Any]]]]:
    """(problem, fix) per listed person who lacks an element, read from the source of
    ``pool`` that lists the most people; nothing when the item lists no ``persons``."""
    rule = item.persons
    if rule is None or not pool:
        return []
    counted = [(len(listed_persons(rule, s.text)), i) for i, s in enumerate(pool)]
    most, best = max(counted)
    if most < 2:
        return []
    source = pool[best]
    out: list[tuple[Problem, tuple[str, dict[str, Any]]]] = []
    for gap in person_gaps(rule, elements, source, site_chrome(site, source))[:_MAX_REPORTED]:
        params = {
            "person": gap.person.name,
            "position": gap.person.position,
            "missing": ", ".join(e.th for e in gap.missing),
            "missing_en": ", ".join(e.en for e in gap.missing),
        }
        problem = make("person_missing_elements", source.url, **params)
        out.append((problem, ("fix_person_missing", params)))
    return out


__all__ = ["Gap", "Person", "listed_persons", "person_gaps", "person_problems", "site_chrome"]
