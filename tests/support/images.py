"""Real images with Thai text, rendered with a Thai font of fonts-thai-tlwg (Pillow), the way
agencies post charts, boards and notices as pictures."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from fixtures.docgen import DEFAULT_FONT


def thai_image(
    lines: Sequence[str],
    *,
    size: tuple[int, int] = (1000, 0),
    font_size: int = 30,
    fmt: str = "PNG",
    blur: float = 0.0,
) -> bytes:
    """``lines`` drawn black on white, one under the other; height 0 fits the lines."""
    face = ImageFont.truetype(str(DEFAULT_FONT), font_size)
    step = round(font_size * 1.9)
    width, height = size
    img = Image.new("RGB", (width, height or step * len(lines) + 2 * font_size), "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((font_size, font_size + i * step), line, font=face, fill="black")
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


def photo(size: tuple[int, int] = (480, 360), fmt: str = "JPEG") -> bytes:
    """A photo-like picture without any text (a person against a coloured background)."""
    width, height = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=(y * 120 // height, 110, 200 - y * 80 // height))
    draw.ellipse((width // 3, height // 5, 2 * width // 3, 4 * height // 5), fill=(225, 185, 150))
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


def with_png_size(png: bytes, width: int, height: int) -> bytes:
    """The PNG with its header claiming another size (and a valid checksum): how a
    decompression bomb declares billions of pixels in a few bytes."""
    ihdr = struct.pack(">II", width, height) + png[24:29]
    chunk = b"IHDR" + ihdr
    return png[:12] + chunk + struct.pack(">I", zlib.crc32(chunk)) + png[33:]


def data_uri(body: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(body).decode('ascii')}"


__all__ = ["data_uri", "photo", "thai_image", "with_png_size"]
