"""The one Thai text normaliser used by the whole program.

Real agency pages write the same words in many ways: decomposed sara am (``ํา``), doubled
sara e for sara ae (``เเ``), Thai digits, zero-width characters, en dashes, spaces inside
Thai phrases, common misspellings. ``normalize`` makes text comparable; ``fold`` goes further
for matching (misspellings, tone marks for OCR text). Both are pure and fast: they run on
every page.
"""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_DIGIT_MAP: tuple[tuple[str, str], ...] = tuple(zip(THAI_DIGITS, "0123456789", strict=True))
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

_ZERO_WIDTH = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", "")
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_SPACES = dict.fromkeys("\u00a0\u2002\u2003\u2009\u202f\u3000\t\r\f\v", " ")
# str.translate with a dict runs per character (~0.15 µs each on Thai text); a few str.replace
# calls guarded by ``in`` scan in C and are ~100 times faster when little or nothing matches.
_CHAR_MAP: tuple[tuple[str, str], ...] = tuple(
    {**_ZERO_WIDTH, **_DASHES, **_SPACES, **dict(_DIGIT_MAP)}.items()
)
_ASCII_MAP: tuple[tuple[str, str], ...] = tuple((k, v) for k, v in _CHAR_MAP if k.isascii())
_NEEDS_MAP = re.compile("[" + re.escape("".join(k for k, _ in _CHAR_MAP)) + "]")
_NEEDS_MAP_MAX_LEN = 2000
"""Below this length one regex search is cheaper than testing every character with ``in``."""


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each single character ``old`` replaced by ``new`` (a fast ``translate``)."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


_THAI = "\u0e00-\u0e7f"
# A space between two Thai characters where the left one is a combining mark or a consonant
# and the right one cannot start a word (vowel signs, tone marks) is always spurious.
_SPACE_BEFORE_MARK = re.compile(
    r"(?<=[\u0e01-\u0e4e]) +(?=[\u0e31\u0e33-\u0e3a\u0e45\u0e47-\u0e4e])"
)
_MULTI_SPACE = re.compile(r"[ ]{2,}")
_MULTI_NEWLINE = re.compile(r"\n\s*\n+")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")

# Misspellings seen on real agency sites (label-variants.csv) → the standard spelling.
# Applied by ``fold`` only: documents keep their own spelling in evidence snippets.
MISSPELLINGS: dict[str, str] = {
    "กฏหมาย": "กฎหมาย",
    "กฏ": "กฎ",
    "มาตราฐาน": "มาตรฐาน",
    "ปฎิบัติ": "ปฏิบัติ",
    "ปฏิบัตงาน": "ปฏิบัติงาน",
    "พึ่งพอใจ": "พึงพอใจ",
    "ศุนย์": "ศูนย์",
    "นโบาย": "นโยบาย",
    "จัดชื้อ": "จัดซื้อ",
    "ศีกษาธิการ": "ศึกษาธิการ",
    "ขออนุญาติ": "ขออนุญาต",
    "เกี่วข้อง": "เกี่ยวข้อง",
    "ทุจร ": "ทุจริต ",
    "โรงการ": "โครงการ",
    "พัมนา": "พัฒนา",
    "ประพฤติชอบ": "ประพฤติมิชอบ",
    "จัดหาวัสดุ": "จัดหาพัสดุ",
}
_MISSPELLING_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(MISSPELLINGS, key=len, reverse=True))
)

_THAI_GAP = re.compile(r" (?<=[\u0e00-\u0e7f] )(?=[\u0e00-\u0e7f])")
"""A space between two Thai characters (literal first: ``re`` then skips to each space fast)."""
_TONE_MARKS = tuple((mark, "") for mark in "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e47")


def to_arabic_digits(text: str) -> str:
    return replace_chars(text, _DIGIT_MAP)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def normalize(text: str) -> str:
    """Canonical form of Thai text for storage and comparison.

    NFC; ``ํา``→``ำ``; ``เเ``→``แ``; Thai digits → Arabic; zero-width characters removed;
    dash and space variants unified; spurious spaces before Thai vowel/tone marks removed;
    runs of spaces collapsed; line structure kept (blank lines collapsed to one newline).
    """
    if not text:
        return ""
    if len(text) > _CACHE_MAX_LEN:
        return _normalize(text)
    cached = _CACHE.get(text)
    if cached is None:
        cached = _normalize(text)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[text] = cached
    return cached


# Menus, buttons and link texts repeat on every page of a site: short texts are cached.
_CACHE: dict[str, str] = {}
_CACHE_SIZE = 50_000
_CACHE_MAX_LEN = 300
_SPACE_MARK_GATE = re.compile(r" (?=[\u0e31\u0e33-\u0e3a\u0e45\u0e47-\u0e4e])")
"""Finds candidates for _SPACE_BEFORE_MARK fast (a literal first character lets ``re`` skip)."""


def _normalize(text: str) -> str:
    if text.isascii():
        if len(text) > _NEEDS_MAP_MAX_LEN or _NEEDS_MAP.search(text):
            text = replace_chars(text, _ASCII_MAP)
    else:
        text = unicodedata.normalize("NFC", text)
        if len(text) > _NEEDS_MAP_MAX_LEN or _NEEDS_MAP.search(text):
            text = replace_chars(text, _CHAR_MAP)
        if "\u0e4d" in text:
            text = text.replace("\u0e4d\u0e32", "\u0e33")
            # ํ + tone mark + า, as typed on some keyboards: tone mark goes before sara am
            text = re.sub(r"\u0e4d([\u0e48-\u0e4b])\u0e32", "\\1\u0e33", text)
            text = re.sub(r"([\u0e48-\u0e4b])\u0e4d\u0e32", "\\1\u0e33", text)
        if "\u0e40\u0e40" in text:
            text = text.replace("\u0e40\u0e40", "\u0e41")
        if _SPACE_MARK_GATE.search(text):
            text = _SPACE_BEFORE_MARK.sub("", text)
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    if "\n" in text:
        if " \n" in text or "\n " in text:
            text = _SPACE_AROUND_NEWLINE.sub("\n", text)
        text = _MULTI_NEWLINE.sub("\n", text)
    return text.strip()


def fold(text: str, *, drop_tone_marks: bool = False) -> str:
    """Matching key: ``normalize`` + lower case + misspellings fixed + all whitespace removed
    between Thai characters. With ``drop_tone_marks`` (for OCR output), tone marks and the
    maitaikhu/thanthakhat signs are dropped too.
    """
    text = normalize(text).lower()
    if any(wrong in text for wrong in MISSPELLINGS):  # ``in`` is cheaper than the regex
        text = _MISSPELLING_RE.sub(lambda m: MISSPELLINGS[m.group(0)], text)
    # normalize() stripped the text, so this is re.sub(r"\s+", " ", text), only faster.
    text = " ".join(text.split())
    if " " in text:
        text = _THAI_GAP.sub("", text)
    if drop_tone_marks:
        text = replace_chars(text, _TONE_MARKS)
    return text


def contains(haystack_folded: str, phrase: str, *, drop_tone_marks: bool = False) -> bool:
    """Whether ``phrase`` occurs in an already folded text (fold the haystack once, reuse it)."""
    return fold(phrase, drop_tone_marks=drop_tone_marks) in haystack_folded


__all__ = [
    "MISSPELLINGS",
    "THAI_DIGITS",
    "contains",
    "fold",
    "normalize",
    "to_arabic_digits",
    "to_thai_digits",
]
