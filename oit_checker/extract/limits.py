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


__all__ = ["ExtractLimits"]
