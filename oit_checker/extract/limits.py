"""Limits that keep one bad or huge file from stalling a run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractLimits:
    max_pages: int = 300
    """PDF pages read per document."""
    max_seconds: float = 60.0
    """Time spent reading one document (checked between pages/rows; OCR has its own)."""
    ocr: bool = True
    max_ocr_pages: int = 10
    ocr_seconds: float = 120.0
    max_unzipped_bytes: int = 200 * 2**20
    """Declared uncompressed size of a DOCX/XLSX above which it is refused (zip bombs)."""
    max_text_chars: int = 2_000_000
    max_image_bytes: int = 20 * 2**20
    """An image file (or inline ``data:`` image) larger than this is not read."""
    max_image_pixels: int = 40_000_000
    """Width x height, read from the header before anything decodes the image: a small file
    can declare billions of pixels (decompression bomb)."""
    image_ocr_seconds: float = 60.0
    """OCR time for one image."""
    max_page_images: int = 24
    """Images inside the main content of item pages read by OCR per site."""
    max_images_per_page: int = 6


__all__ = ["ExtractLimits"]
