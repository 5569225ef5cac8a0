"""Limits that keep one bad or huge file from stalling a run."""

from __future__ import annotations

import ctypes
import signal
import sys
from dataclasses import dataclass

_PR_SET_PDEATHSIG = 1
_HARD_GRACE_S = 5.0


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


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
    max_read_seconds: float | None = None
    """Hard limit of one read in the worker pool, after which its worker is killed; None: the
    soft limits above (reading, then OCR) plus a few seconds' grace."""

    @property
    def hard_seconds(self) -> float:
        if self.max_read_seconds is not None:
            return self.max_read_seconds
        return self.max_seconds + (self.ocr_seconds if self.ocr else 0.0) + _HARD_GRACE_S


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere): a worker or a
    tesseract run whose parent was killed for running too long must not go on alone. Safe as
    a ``preexec_fn``."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


__all__ = ["ExtractLimits", "die_with_parent"]
