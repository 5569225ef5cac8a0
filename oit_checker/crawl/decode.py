"""Bytes of an HTML page → text, the way a browser would pick the encoding.

Order: byte-order mark, the ``charset`` of the Content-Type header, ``<meta charset>`` /
``http-equiv``, then detection (bs4 ``UnicodeDammit``). Thai legacy names (TIS-620,
ISO-8859-11, windows-874) all decode as cp874, a superset of them. A declared encoding that
does not decode the bytes cleanly (a common misconfiguration: header says UTF-8, bytes are
TIS-620) is skipped in favour of the next source.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4 import UnicodeDammit

_META_SCAN_BYTES = 8192
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_THAI_ALIASES = {
    "tis-620", "tis620", "tis_620", "x-tis-620", "iso-8859-11", "iso8859-11", "iso_8859-11",
    "windows-874", "cp874", "x-windows-874", "ms874", "dos-874", "iso-ir-166",
}  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    clean: bool
    """False when no encoding decoded the bytes without replacement characters."""
    replaced: int = 0


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode an HTML body; returns (text, encoding name). Never raises."""
    d = decode_html_detailed(body, content_type)
    return d.text, d.encoding


def decode_html_detailed(body: bytes, content_type: str | None) -> Decoded:
    """Like :func:`decode_html`, also saying whether the decoding was clean."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(enc, errors="replace"), enc.replace("-sig", ""), True)
    declared: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            declared.append(m.group(1))
    m2 = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    if m2:
        declared.append(m2.group(1).decode("ascii", "ignore"))
    for name in declared:
        found = canonical_encoding(name)
        if found is None:
            continue
        try:
            return Decoded(body.decode(found), found, True)
        except UnicodeDecodeError:
            continue
    dammit = UnicodeDammit(body, ["utf-8", "cp874"], is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        enc = canonical_encoding(dammit.original_encoding) or dammit.original_encoding
        if enc != dammit.original_encoding:
            try:
                return Decoded(body.decode(enc), enc, True)
            except UnicodeDecodeError:
                pass
        text = dammit.unicode_markup
        return Decoded(text, enc, not dammit.contains_replacement_characters)
    text = body.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", False, text.count("\ufffd"))


def canonical_encoding(name: str) -> str | None:
    """Python codec name for a declared charset (Thai legacy names → cp874), None if unknown."""
    key = name.strip().strip("\"'").lower()
    if key in _THAI_ALIASES:
        return "cp874"
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


__all__ = ["Decoded", "canonical_encoding", "decode_html", "decode_html_detailed"]
