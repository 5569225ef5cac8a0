"""OCR of scanned PDFs and image files with tesseract (``tha+eng``), capped in pages and time.

Pages are rasterised with poppler's ``pdftoppm`` and read one by one by the ``tesseract``
command, so a slow page never blocks past the deadline. When tesseract or its Thai data is
missing, ``ocr_available()`` is False and callers mark the file ``scanned_no_ocr``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from oit_checker.extract.limits import die_with_parent

_LANGS = "tha+eng"
_DPI = 200


@dataclass
class OcrResult:
    pages: list[str] = field(default_factory=list)
    capped: bool = False
    """More pages than ``max_pages``: only the first ones were read."""
    timed_out: bool = False
    error: str | None = None
    confidence: float | None = None
    """Mean word confidence (0–100) tesseract gave, weighted by length; None when not asked
    for or when no word was read."""

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Whether tesseract is installed with Thai language data."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    return "tha" in langs


def _env() -> dict[str, str]:
    # One thread per tesseract: the crawler runs several documents side by side.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tesseract(image: Path, timeout: float) -> str:
    out = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", _LANGS, "--psm", "3"],
        capture_output=True,
        timeout=max(timeout, 0.1),
        check=False,
        env=_env(),
        preexec_fn=die_with_parent,  # killed with the worker that runs it
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode("utf-8", "replace").strip()[:200] or "tesseract")
    return out.stdout.decode("utf-8", "replace")


def _tesseract_scored(image: Path, timeout: float) -> tuple[str, float | None]:
    """Text and mean confidence of one image, from one tesseract run (txt and tsv outputs)."""
    base = image.with_name(image.stem + "-out")
    out = subprocess.run(
        ["tesseract", str(image), str(base), "-l", _LANGS, "--psm", "3", "txt", "tsv"],
        capture_output=True,
        timeout=max(timeout, 0.1),
        check=False,
        env=_env(),
        preexec_fn=die_with_parent,  # killed with the worker that runs it
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode("utf-8", "replace").strip()[:200] or "tesseract")
    text = base.with_suffix(".txt").read_text("utf-8", "replace")
    return text, _mean_confidence(base.with_suffix(".tsv").read_text("utf-8", "replace"))


def _mean_confidence(tsv: str) -> float | None:
    total = weight = 0.0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf < 0:
            continue
        n = len(cols[11].strip())
        total += conf * n
        weight += n
    return round(total / weight, 1) if weight else None


def ocr_pdf(body: bytes, *, page_count: int, max_pages: int, seconds: float) -> OcrResult:
    """OCR the first ``max_pages`` pages of a PDF within ``seconds``."""
    result = OcrResult(capped=page_count > max_pages)
    if shutil.which("pdftoppm") is None:
        result.error = "pdftoppm not installed"
        return result
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix="oit-ocr-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(body)
        last = max(1, min(page_count, max_pages))
        for page in range(1, last + 1):
            left = deadline - time.monotonic()
            if left <= 0:
                result.timed_out = True
                break
            prefix = Path(tmp) / f"p{page}"
            try:
                cmd = ["pdftoppm", "-r", str(_DPI), "-gray", "-png", "-singlefile"]
                cmd += ["-f", str(page), "-l", str(page), str(src), str(prefix)]
                subprocess.run(
                    cmd, capture_output=True, timeout=left, check=True, preexec_fn=die_with_parent
                )
                png = prefix.with_suffix(".png")
                result.pages.append(_tesseract(png, deadline - time.monotonic()))
                png.unlink(missing_ok=True)
            except subprocess.TimeoutExpired:
                result.timed_out = True
                break
            except (OSError, subprocess.CalledProcessError, RuntimeError) as exc:
                result.error = str(exc)[:200]
                break
    return result


def ocr_image(body: bytes, suffix: str, *, seconds: float) -> OcrResult:
    """OCR one image file (PNG, JPEG, TIFF, GIF, BMP, WebP) and say how sure tesseract was
    (``OcrResult.confidence``)."""
    result = OcrResult()
    with tempfile.TemporaryDirectory(prefix="oit-ocr-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(body)
        try:
            text, result.confidence = _tesseract_scored(src, seconds)
            result.pages.append(text)
        except subprocess.TimeoutExpired:
            result.timed_out = True
        except (OSError, RuntimeError) as exc:
            result.error = str(exc)[:200]
    return result


__all__ = ["OcrResult", "ocr_available", "ocr_image", "ocr_pdf"]
