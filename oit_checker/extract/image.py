"""Images (an organisation chart, an executive board, an announcement posted as JPG/PNG, a
photographed page): the ``image_text`` reading path, OCR with tesseract ``tha+eng``.

``extract_image(body, url, limits)`` has the shape of the other extractors (bytes and limits
in, Document out) and never raises. The header is read first (``image_header``): a file over
the byte or pixel limits is refused before anything decodes it. What OCR gives is judged:

- no text at all: a photo (a person, an activity); ``text`` stays empty and the Document
  carries the warning ``image_no_text`` but no review reason (a photo is not unreadable);
- text tesseract is unsure of (low mean confidence) or too little of it: ``image_unreadable``,
  so that an item resting on it is ``review``, never "missing";
- otherwise the text, with ``ocr_used``.

Images inline in a page (``data:`` URIs) are decoded by :func:`decode_data_uri` and stored
under :func:`image_doc_url` (the page's URL and a hash), so that the assessment finds them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
from urllib.parse import unquote_to_bytes

from oit_checker.extract import ocr
from oit_checker.extract.image_header import read_header
from oit_checker.extract.limits import ExtractLimits
from oit_checker.models import DocKind, Document, Image

_MIN_LETTERS = 8
"""Fewer letters than this read from an image holding some text: not read well enough."""
_MIN_CONFIDENCE = 55.0
"""Mean tesseract word confidence below which the text read is not trusted."""
_MIN_SIDE = 24
"""An image narrower or lower than this holds no readable text (icons, tracking pixels)."""
_SAMPLE_SIDE = 400
_LIGHT, _LIGHT_SHARE = 220, 0.5
"""Paper: at least half of the pixels light (luminance 220 and above) ..."""
_MARK, _MARK_SHARE = 200, 0.003
"""... and some darker marks on it (a blank image holds no text)."""
_DATA_URI = re.compile(r"^data:(?P<mime>[\w.+/-]*)(?P<params>(?:;[^,;]*)*?),", re.IGNORECASE)


def extract_image(body: bytes, url: str, limits: ExtractLimits) -> Document:
    """Read one image by OCR within ``limits`` (bytes, pixels, time)."""
    doc = Document(url=url, kind=DocKind.IMAGE, images=[Image(src=url)])
    header = read_header(body)
    if header is None:
        return _refused(doc, "image_unreadable")
    doc.images = [Image(src=url, width=header.width, height=header.height)]
    if len(body) > limits.max_image_bytes or header.pixels > limits.max_image_pixels:
        return _refused(doc, "image_too_large")
    if header.width < _MIN_SIDE or header.height < _MIN_SIDE:
        doc.warnings.append("image_no_text")
        return doc
    if not limits.ocr or not ocr.ocr_available():
        return _refused(doc, "image_no_ocr")
    result = ocr.ocr_image(body, header.suffix, seconds=limits.image_ocr_seconds)
    if result.timed_out:
        return _refused(doc, "image_ocr_timeout")
    if result.error is not None:
        return _refused(doc, "image_unreadable")
    text = result.text.strip()
    letters = sum(1 for ch in text if ch.isalnum())
    if letters == 0:
        if _looks_like_a_page(body, limits):
            return _refused(doc, "image_unreadable")  # a chart or notice OCR could not read
        doc.warnings.append("image_no_text")
        return doc
    doc.text = result.text
    doc.ocr_used = True
    confidence = result.confidence if result.confidence is not None else 0.0
    if letters < _MIN_LETTERS or confidence < _MIN_CONFIDENCE:
        # The little that was read is kept (it is shown), but nothing rests on it alone.
        doc.review_reason = "image_unreadable"
        doc.warnings.append("image_unreadable")
    return doc


def _looks_like_a_page(body: bytes, limits: ExtractLimits) -> bool:
    """Whether an image OCR found nothing in looks like text on paper (a chart, a notice: a
    light background with some darker marks) rather than a photo. When the image cannot be
    decoded here, say yes: "unreadable" is the answer that cannot make a false "missing"."""
    try:
        from PIL import Image as PilImage

        PilImage.MAX_IMAGE_PIXELS = limits.max_image_pixels
        with PilImage.open(io.BytesIO(body)) as img:
            img.draft("L", (_SAMPLE_SIDE, _SAMPLE_SIDE))
            gray = img.convert("L")
            gray.thumbnail((_SAMPLE_SIDE, _SAMPLE_SIDE))
            histogram = gray.histogram()
    except Exception:
        return True
    total = sum(histogram) or 1
    light = sum(histogram[_LIGHT:]) / total
    marks = sum(histogram[:_MARK]) / total
    return light >= _LIGHT_SHARE and marks >= _MARK_SHARE


def _refused(doc: Document, code: str) -> Document:
    doc.review_reason = code
    doc.warnings.append(code)
    return doc


def is_data_uri(src: str) -> bool:
    return src[:5].lower() == "data:"


def decode_data_uri(src: str, max_bytes: int) -> bytes | None:
    """The bytes of a ``data:`` URI (base64 or percent-encoded), or None when it is malformed
    or would decode to more than ``max_bytes`` (checked before decoding)."""
    m = _DATA_URI.match(src)
    if m is None:
        return None
    payload = src[m.end() :]
    is_base64 = ";base64" in m.group("params").lower()
    if (len(payload) * 3 // 4 if is_base64 else len(payload) // 3) > max_bytes:
        return None
    try:
        if is_base64:
            data = base64.b64decode("".join(payload.split()), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return data if len(data) <= max_bytes else None


def image_doc_url(page_url: str, src: str) -> str:
    """The URL an image's Document is stored under: its own URL, or for an image inline in a
    page (``data:``) the page's URL with a fragment naming the image by a hash."""
    if not is_data_uri(src):
        return src
    digest = hashlib.sha256(src.encode("utf-8", "replace")).hexdigest()[:16]
    return f"{page_url.split('#', 1)[0]}#inline-image-{digest}"


__all__ = ["decode_data_uri", "extract_image", "image_doc_url", "is_data_uri"]
