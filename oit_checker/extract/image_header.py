"""The format and pixel size of an image file, read from its header without decoding it.

Decoding is what a decompression bomb attacks (a 50 KB PNG of 60,000 x 60,000 blank pixels
asks for gigabytes), so the size is read from the header and checked against the limits before
tesseract or anything else decodes the image. Only the formats agencies publish are known:
PNG, JPEG, GIF, BMP, WebP and TIFF; anything else gives ``None``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class ImageHeader:
    format: str
    """``png``, ``jpeg``, ``gif``, ``bmp``, ``webp`` or ``tiff`` (also the file suffix used)."""
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def suffix(self) -> str:
        return ".jpg" if self.format == "jpeg" else f".{self.format}"


def read_header(body: bytes) -> ImageHeader | None:
    """The format and size of ``body``, or None when it is no image this reader knows or its
    header is damaged."""
    try:
        if body.startswith(b"\x89PNG\r\n\x1a\n") and body[12:16] == b"IHDR":
            w, h = struct.unpack(">II", body[16:24])
            return _header("png", w, h)
        if body.startswith((b"GIF87a", b"GIF89a")):
            w, h = struct.unpack("<HH", body[6:10])
            return _header("gif", w, h)
        if body.startswith(b"\xff\xd8"):
            return _jpeg(body)
        if body.startswith(b"BM") and len(body) >= 26:
            w, h = struct.unpack("<ii", body[18:26])
            return _header("bmp", w, abs(h))
        if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
            return _webp(body)
        if body.startswith((b"II*\x00", b"MM\x00*")):
            return _tiff(body)
    except struct.error:
        return None
    return None


def _header(fmt: str, width: int, height: int) -> ImageHeader | None:
    if width <= 0 or height <= 0:
        return None
    return ImageHeader(fmt, width, height)


def _jpeg(body: bytes) -> ImageHeader | None:
    at = 2
    end = len(body)
    while at + 4 <= end:
        if body[at] != 0xFF:
            return None
        marker = body[at + 1]
        if marker == 0xFF:  # fill bytes
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", body[at + 2 : at + 4])
        if marker in _JPEG_SOF:
            h, w = struct.unpack(">HH", body[at + 5 : at + 9])
            return _header("jpeg", w, h)
        if marker == 0xDA or length < 2:  # image data before any frame header: damaged
            return None
        at += 2 + length
    return None


def _webp(body: bytes) -> ImageHeader | None:
    chunk = body[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(body[24:27], "little") + 1
        h = int.from_bytes(body[27:30], "little") + 1
        return _header("webp", w, h)
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", body[26:30])
        return _header("webp", w & 0x3FFF, h & 0x3FFF)
    if chunk == b"VP8L":
        bits = int.from_bytes(body[21:25], "little")
        return _header("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    return None


def _tiff(body: bytes) -> ImageHeader | None:
    order = "<" if body[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", body[4:8])
    (count,) = struct.unpack(order + "H", body[offset : offset + 2])
    size: dict[int, int] = {}
    for i in range(min(count, 64)):
        at = offset + 2 + 12 * i
        tag, kind = struct.unpack(order + "HH", body[at : at + 4])
        if tag in (256, 257):
            fmt = order + ("H" if kind == 3 else "I")
            width = 2 if kind == 3 else 4
            (size[tag],) = struct.unpack(fmt, body[at + 8 : at + 8 + width])
    if 256 in size and 257 in size:
        return _header("tiff", size[256], size[257])
    return None


__all__ = ["ImageHeader", "read_header"]
