"""Text cleanup for PDFs made with legacy Thai fonts and odd producers.

Pre-OpenType Thai fonts drew shifted tone marks and vowels with private-use code points
(U+F700–U+F71A, the "Windows Thai" set); text copied from such PDFs carries them. Some
producers also put control characters into the text layer (e.g. after a decomposed sara am)
or emit a tone mark before the upper vowel it sits on.
"""

from __future__ import annotations

import re

# Microsoft/Windows legacy Thai glyph set → the standard characters they draw.
LEGACY_GLYPHS: dict[int, str] = {
    0xF700: "\u0e10",  # ฐ without lower curl
    0xF701: "\u0e34",  # sara i, shifted left
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",  # mai ek, low and left
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",  # mai ek, low
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",  # yo ying without lower curl
    0xF710: "\u0e31",  # mai han-akat, left
    0xF711: "\u0e4d",  # nikhahit, left
    0xF712: "\u0e47",  # maitaikhu, left
    0xF713: "\u0e48",  # mai ek, left
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",  # sara u, low
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}
_LEGACY_RE = re.compile("[\uf700-\uf71a]")
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F], None)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Tone mark written before the upper vowel it stacks on: ท่ี → ที่.
_TONE_BEFORE_VOWEL = re.compile("([\u0e48-\u0e4c])([\u0e31\u0e34-\u0e37\u0e47])")


def has_legacy_glyphs(text: str) -> bool:
    return _LEGACY_RE.search(text) is not None


def clean_pdf_text(text: str) -> str:
    """Map legacy glyph codes to standard Thai, drop control characters, fix mark order."""
    if _LEGACY_RE.search(text):
        text = text.translate(LEGACY_GLYPHS)
    if _CONTROL_RE.search(text):
        text = text.translate(_CONTROL)
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


__all__ = ["LEGACY_GLYPHS", "clean_pdf_text", "has_legacy_glyphs"]
