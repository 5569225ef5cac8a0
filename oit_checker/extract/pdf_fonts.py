"""Fonts read once per PDF instead of once per page.

pypdf builds each font of a page (widths, encoding, ToUnicode CMap) every time it extracts a
page's text; the pages of a document share the same font objects, so rebuilding them is
~15-25 % of PDF text time. Inside :func:`shared_fonts`, ``Font.from_font_resource`` returns
the font already built for the same (identical) font dictionary of that document. Outside it,
pypdf behaves as usual. The only change pypdf makes to a returned font (``space_width`` when
the font has no space) sets the same value every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pypdf.generic._font import Font

_Cache = dict[int, tuple[object, Font]]
_CACHE: ContextVar[_Cache | None] = ContextVar("oit_pdf_fonts", default=None)
_build = Font.from_font_resource.__func__  # type: ignore[attr-defined]


def _from_font_resource(cls: type[Font], pdf_font_dict: Any) -> Font:
    cache = _CACHE.get()
    if cache is None:
        return _build(cls, pdf_font_dict)
    hit = cache.get(id(pdf_font_dict))
    if hit is not None and hit[0] is pdf_font_dict:
        return hit[1]
    font: Font = _build(cls, pdf_font_dict)
    cache[id(pdf_font_dict)] = (pdf_font_dict, font)  # keeps the dict alive: ids stay unique
    return font


Font.from_font_resource = classmethod(_from_font_resource)  # type: ignore[method-assign,assignment]


@contextmanager
def shared_fonts() -> Iterator[None]:
    """Reuse fonts across the pages of one document while the block runs."""
    token = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(token)


__all__ = ["shared_fonts"]
