"""Image files (a photographed or scanned page uploaded as JPG/PNG): OCR or review."""

from __future__ import annotations

from oit_checker.extract import ocr
from oit_checker.extract.limits import ExtractLimits
from oit_checker.models import DocKind, Document, Image

_MIN_CHARS = 10
_SUFFIXES = (
    (b"\x89PNG", ".png"),
    (b"\xff\xd8", ".jpg"),
    (b"GIF8", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"BM", ".bmp"),
    (b"RIFF", ".webp"),
)


def extract_image(body: bytes, url: str, limits: ExtractLimits) -> Document:
    doc = Document(url=url, kind=DocKind.IMAGE, images=[Image(src=url)])
    if not limits.ocr or not ocr.ocr_available():
        doc.review_reason = "scanned_no_ocr"
        return doc
    suffix = next((s for magic, s in _SUFFIXES if body.startswith(magic)), ".png")
    result = ocr.ocr_image(body, suffix, seconds=limits.ocr_seconds)
    if sum(1 for ch in result.text if not ch.isspace()) < _MIN_CHARS:
        doc.review_reason = "scanned_ocr_failed"
        return doc
    doc.text = result.text
    doc.ocr_used = True
    return doc


__all__ = ["extract_image"]
