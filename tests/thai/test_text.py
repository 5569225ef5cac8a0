"""The fast paths of ``normalize``/``fold`` give exactly what the plain definitions give.

``_reference_normalize`` and ``_reference_fold`` are the straightforward versions (one regex
or ``translate`` per rule, no gates, no cache); the program's versions must agree with them on
texts built from the characters every rule looks at.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from oit_checker.thai.text import (
    MISSPELLINGS,
    THAI_DIGITS,
    contains,
    fold,
    normalize,
    replace_chars,
    to_arabic_digits,
)

_TABLE = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"),
    **dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000\t\r\f\v"), " "),
    **{ord(d): str(i) for i, d in enumerate(THAI_DIGITS)},
}


def _reference_normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    text = re.sub(r"\u0e4d([\u0e48-\u0e4b])\u0e32", "\\1\u0e33", text)
    text = re.sub(r"([\u0e48-\u0e4b])\u0e4d\u0e32", "\\1\u0e33", text)
    text = text.replace("\u0e40\u0e40", "\u0e41")
    text = re.sub(r"(?<=[\u0e01-\u0e4e]) +(?=[\u0e31\u0e33-\u0e3a\u0e45\u0e47-\u0e4e])", "", text)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n\s*\n+", "\n", text)
    return text.strip()


def _reference_fold(text: str, drop_tone_marks: bool = False) -> str:
    text = _reference_normalize(text).lower()
    for wrong in sorted(MISSPELLINGS, key=len, reverse=True):
        text = text.replace(wrong, "\0" + MISSPELLINGS[wrong] + "\0")
    text = text.replace("\0", "")
    text = re.sub(r"(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])", "", text)
    text = re.sub(r"\s+", " ", text)
    if drop_tone_marks:
        text = re.sub("[\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e47]", "", text)
    return text


_PIECES = [
    "ก", "ข", "ำ", "า", "ั", "่", "้", "๊", "ํ", "เ", "แ", "ิ", "็", "์", "a", "B", "1", "๒", "๕",
    " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "\r\n", "\u00a0", "\u200b", "\u2013", "\u2212",
    "\u3000", "\u00ad", "\x1c", "\u2028", "ํา", "ํ่า", "่ํา", "เเ", "กฏหมาย", "จัดชื้อ", "ทุจร ",
    "มาตราฐาน", "Ö", "O\u0308", "ITA", ".", "-", "\u0e4d\u0e32",
]  # fmt: skip


def _texts(seed: int, count: int, max_pieces: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, max_pieces)))
        for _ in range(count)
    ]


@pytest.mark.parametrize("max_pieces", [6, 40, 900])
def test_normalize_agrees_with_the_plain_definition(max_pieces: int) -> None:
    # 900 pieces make texts longer than the short-text cache and the regex gate thresholds.
    for text in _texts(max_pieces, 300 if max_pieces < 900 else 40, max_pieces):
        assert normalize(text) == _reference_normalize(text), repr(text)
        assert normalize(text) == _reference_normalize(text), "cached result differs"
        assert normalize(normalize(text)) == normalize(text), "not idempotent"


@pytest.mark.parametrize("max_pieces", [6, 40, 900])
def test_fold_agrees_with_the_plain_definition(max_pieces: int) -> None:
    for text in _texts(max_pieces + 1, 300 if max_pieces < 900 else 40, max_pieces):
        assert fold(text) == _reference_fold(text), repr(text)
        assert fold(text, drop_tone_marks=True) == _reference_fold(text, True), repr(text)


def test_normalize_examples() -> None:
    assert normalize("  ๑๕ ตุลาคม\u00a0๒๕๖๗ ") == "15 ตุลาคม 2567"
    assert normalize("ผลการดํา เน ินงาน") == "ผลการดำ เนินงาน"
    assert normalize("เเผน\u200bงาน  ปี\t2567 \n\n  ข้อ 1") == "แผนงาน ปี 2567\nข้อ 1"
    assert normalize("ก \u0e48") == "ก\u0e48"
    assert normalize("a\u2013b\r\n\r\nc") == "a-b\nc"


def test_fold_examples() -> None:
    assert fold("การจัดชื้อ จัดจ้าง  ITA ๒๕๖๗") == "การจัดซื้อจัดจ้าง ita 2567"
    assert fold("ผู้ บริหาร", drop_tone_marks=True) == "ผูบริหาร"
    assert contains(fold("ประกาศ เรื่อง กฏหมาย ที่เกี่ยวข้อง"), "กฎหมาย")


def test_replace_chars_and_digits() -> None:
    assert replace_chars("a-b-c", (("-", "+"), ("a", ""))) == "+b+c"
    assert to_arabic_digits("ปี ๒๕๖๘") == "ปี 2568"
