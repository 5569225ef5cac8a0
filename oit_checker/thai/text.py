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
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\t\r\f\v"), " ")
_TABLE = {**_ZERO_WIDTH, **_DASHES, **_SPACES}
# str.translate with a dict is slow on long Thai text; translate only when something matches.
_NEEDS_TABLE = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_NEEDS_ARABIC = re.compile(f"[{THAI_DIGITS}]")

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

_TONE_MARKS = dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e47"), None)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


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
    text = unicodedata.normalize("NFC", text)
    if _NEEDS_TABLE.search(text):
        text = text.translate(_TABLE)
    if "\u0e4d" in text:
        text = text.replace("\u0e4d\u0e32", "\u0e33")
        # ํ + tone mark + า, as typed on some keyboards: tone mark goes before sara am
        text = re.sub(r"\u0e4d([\u0e48-\u0e4b])\u0e32", "\\1\u0e33", text)
        text = re.sub(r"([\u0e48-\u0e4b])\u0e4d\u0e32", "\\1\u0e33", text)
    if "\u0e40\u0e40" in text:
        text = text.replace("\u0e40\u0e40", "\u0e41")
    if _NEEDS_ARABIC.search(text):
        text = text.translate(_TO_ARABIC)
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = _MULTI_SPACE.sub(" ", text)
    if "\n" in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
        text = _MULTI_NEWLINE.sub("\n", text)
    return text.strip()


def fold(text: str, *, drop_tone_marks: bool = False) -> str:
    """Matching key: ``normalize`` + lower case + misspellings fixed + all whitespace removed
    between Thai characters. With ``drop_tone_marks`` (for OCR output), tone marks and the
    maitaikhu/thanthakhat signs are dropped too.
    """
    text = normalize(text).lower()
    text = _MISSPELLING_RE.sub(lambda m: MISSPELLINGS[m.group(0)], text)
    text = re.sub(rf"(?<=[{_THAI}])\s+(?=[{_THAI}])", "", text)
    text = re.sub(r"\s+", " ", text)
    if drop_tone_marks:
        text = text.translate(_TONE_MARKS)
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
