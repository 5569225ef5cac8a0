"""Item codes as agency sites write them: ``O1``, ``o01``, ``OIT 21``, ``o_16``, ``024``, and
codes hidden in upload paths and file names (``/ita2569/O8/o8-01.pdf``, ``o-21.pdf``).

A code alone is a weak hint: numbering differs between years and schemes, so the engine lets
label text and content decide. Codes of other schemes (``MOIT3`` of the Ministry of Public
Health, ``EB1`` of the old evidence-based ITA) are never read as OIT codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from oit_checker.rules.schema import Pack
from oit_checker.thai.text import to_arabic_digits

MAX_CODE = 43
"""The largest item number any NACC list has used (2566: o1–o43)."""


class CodeWhere(StrEnum):
    """Where a code was found; label-start and path codes are deliberate, inline ones less so."""

    LABEL = "label"
    """At the start of a label (menu item, link text, heading, hub row)."""
    INLINE = "inline"
    """Elsewhere in a text (``ข้อ o1``, ``… ตามข้อ O23``)."""
    PATH = "path"
    """In a URL path segment or a file name."""


@dataclass(frozen=True, slots=True)
class CodeHit:
    number: int
    raw: str
    """The code as written, e.g. ``OIT 21``, ``024``, ``o_16``."""
    where: CodeWhere


# Letter form: O / OIT, optional separator, number. Not preceded by a letter (so MOIT3,
# photo1, logo2 are not codes) and not followed by a digit.
_LETTER = re.compile(
    r"(?<![a-z])(o(?:it)?)(?:[ _.\-]{0,2})(0{0,2}[1-9]\d?|0{1,2}[1-9])(?!\d)", re.I
)
# Digit-zero form at the start of a label: 01 โครงสร้าง, 024รายงาน…, 0 21. Not when followed
# by punctuation that makes it a list number, a date or a time (01. , 01/02, 01:30).
_ZERO_LABEL = re.compile(r"^[\s\-•*·>▶►●○◆■□]*(?:ข้อ\s*)?(0 ?([1-9]\d?))(?![\d./:)\-,]|\s*\d)")
# Digit-zero form as a whole path segment or at the start of a file name: /010/, 024รายงาน.pdf
_ZERO_SEGMENT = re.compile(r"^(0([1-9]\d?))(?=$|[^\d.]|\.[a-z]{2,4}$)", re.I)
_URLISH = re.compile(r"^(?:https?://|/|[\w\-.]+/)", re.I)
_FILE_EXT = re.compile(r"\.[a-z0-9]{2,5}$", re.I)


def find_codes(text: str) -> list[CodeHit]:
    """Item codes in a label, a URL or a file name, in order of appearance.

    A text that looks like a URL or a path (``http…``, ``/…``, ``a/b``) or a bare file name
    (``o-21.pdf``) is read segment by segment; anything else is read as a label.
    """
    if not text:
        return []
    text = to_arabic_digits(text.strip())
    if (_URLISH.match(text) or _FILE_EXT.search(text)) and " " not in text.strip():
        return _path_codes(text)
    return _label_codes(text)


def _label_codes(text: str) -> list[CodeHit]:
    hits: list[CodeHit] = []
    m = _ZERO_LABEL.match(text)
    zero_end = -1
    if m:
        hits.append(CodeHit(int(m.group(2)), m.group(1), CodeWhere.LABEL))
        zero_end = m.end(1)
    label_start = len(text) - len(text.lstrip(" -•*·>▶►●○◆■□\t\n"))
    for lm in _LETTER.finditer(text):
        if lm.start() < zero_end:
            continue
        number = int(lm.group(2))
        if not 1 <= number <= MAX_CODE:
            continue
        prefix = text[label_start : lm.start()].strip()
        where = CodeWhere.LABEL if prefix in ("", "ข้อ") else CodeWhere.INLINE
        hits.append(CodeHit(number, lm.group(0).strip(), where))
    return hits


def _path_codes(text: str) -> list[CodeHit]:
    if "://" in text:
        parts = urlsplit(text)
        text = parts.path + ("?" + parts.query if parts.query else "")
    text = unquote(text)
    hits: list[CodeHit] = []
    previous = ""
    for segment in re.split(r"[/?&=]", text):
        if not segment:
            continue
        zm = _ZERO_SEGMENT.match(segment)
        # Two-digit segments after a numeric segment are dates (/2024/01/), not codes.
        if zm and (len(zm.group(1)) == 3 or not previous.isdigit()):
            number = int(zm.group(2))
            if 1 <= number <= MAX_CODE:
                hits.append(CodeHit(number, zm.group(1), CodeWhere.PATH))
        for lm in _LETTER.finditer(segment):
            number = int(lm.group(2))
            if 1 <= number <= MAX_CODE:
                hits.append(CodeHit(number, lm.group(0), CodeWhere.PATH))
        previous = segment
    return hits


def code_to_item_id(number: int, pack: Pack) -> str | None:
    """The id of the pack item that carries this number, or None if the pack has no such item.

    The item's own number comes first; an item's ``aliases`` (extra codes sites use for it)
    fill numbers that no item of the pack carries.
    """
    return _code_map(pack).get(number)


_CODE_MAPS: dict[int, tuple[Pack, dict[int, str]]] = {}


def _code_map(pack: Pack) -> dict[int, str]:
    cached = _CODE_MAPS.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    mapping = {item.number: item.id for item in pack.items}
    for item in pack.items:
        for alias in item.aliases:
            for hit in find_codes(alias):
                mapping.setdefault(hit.number, item.id)
    _CODE_MAPS[id(pack)] = (pack, mapping)
    return mapping


__all__ = ["MAX_CODE", "CodeHit", "CodeWhere", "code_to_item_id", "find_codes"]
