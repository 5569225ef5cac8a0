"""PDF files: text per page with pypdf, metadata, legacy Thai glyphs, scanned-page detection.

An image-only (scanned) PDF is read by OCR when enabled and available; otherwise it gets
``review_reason="scanned_no_ocr"``, never an empty text that would read as "missing".
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from oit_checker.extract import ocr
from oit_checker.extract.legacy import clean_pdf_text, has_legacy_glyphs
from oit_checker.extract.limits import ExtractLimits
from oit_checker.extract.pdf_fonts import shared_fonts
from oit_checker.models import DateMention, DocKind, Document
from oit_checker.thai.dates import fiscal_year

_SCANNED_CHARS_PER_PAGE = 25
_MIN_OCR_CHARS = 8
"""Fewer visible characters than this per page on average: the PDF is a scan."""
_BROKEN_HINT = re.compile(r"xref|startxref|EOF|trailer|truncat|damaged|invalid", re.IGNORECASE)
_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|excel|powerpoint) - |untitled|document\d*$)|\.(?:docx?|xlsx?|pdf)$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


@dataclass
class _LogCatcher(logging.Handler):
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __hash__(self) -> int:
        return id(self)


@contextmanager
def _pypdf_warnings() -> Iterator[_LogCatcher]:
    """Collect pypdf's warnings instead of printing them."""
    logger = logging.getLogger("pypdf")
    catcher = _LogCatcher()
    old_propagate = logger.propagate
    logger.addHandler(catcher)
    logger.propagate = False
    try:
        yield catcher
    finally:
        logger.removeHandler(catcher)
        logger.propagate = old_propagate


def extract_pdf(body: bytes, url: str, limits: ExtractLimits) -> Document:
    """Read a PDF. Never raises: problems become ``warnings`` / ``review_reason`` codes."""
    from pypdf import PdfReader

    started = time.monotonic()
    doc = Document(url=url, kind=DocKind.PDF)
    with _pypdf_warnings() as caught, shared_fonts():
        try:
            reader = PdfReader(io.BytesIO(body), strict=False)
            if reader.is_encrypted and not _decrypt(reader):
                doc.review_reason = "pdf_encrypted"
                doc.warnings.append("pdf_encrypted")
                return doc
            page_count = len(reader.pages)
        except Exception:
            doc.review_reason = "pdf_broken"
            doc.warnings.append("pdf_broken")
            return doc
        doc.page_count = page_count
        texts: list[str] = []
        for i, page in enumerate(reader.pages):
            if i >= limits.max_pages:
                doc.warnings.append("page_limit")
                break
            if time.monotonic() - started > limits.max_seconds:
                doc.warnings.append("extract_timeout")
                break
            try:
                texts.append(page.extract_text() or "")
            except Exception:
                texts.append("")
                _warn(doc, "pdf_broken")
        if "page_limit" in doc.warnings or "extract_timeout" in doc.warnings:
            doc.pages_read = len(texts)
        _read_metadata(reader, doc)
    if any(_BROKEN_HINT.search(m) for m in caught.messages):
        _warn(doc, "pdf_broken")
    raw = "\n".join(texts)
    if has_legacy_glyphs(raw):
        doc.warnings.append("legacy_thai_font")
    text = clean_pdf_text(raw)
    visible = _visible_chars(text)
    pages_read = max(1, len(texts))
    if page_count == 0:
        doc.review_reason = "pdf_broken"
        _warn(doc, "pdf_broken")
    elif visible / pages_read < _SCANNED_CHARS_PER_PAGE:
        _read_scanned(body, doc, limits, visible_text=text)
    else:
        doc.text = text
    return doc


def _visible_chars(text: str) -> int:
    """Characters that are not whitespace (str.split finds whitespace in C)."""
    return sum(map(len, text.split()))


def _decrypt(reader: object) -> bool:
    """Open a PDF that is encrypted with an empty user password (print/copy restrictions
    only): anyone can open it, so it is readable."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:
        return False


def _warn(doc: Document, code: str) -> None:
    if code not in doc.warnings:
        doc.warnings.append(code)


def _read_scanned(body: bytes, doc: Document, limits: ExtractLimits, *, visible_text: str) -> None:
    page_count = doc.page_count or 1
    if not limits.ocr or not ocr.ocr_available():
        doc.text = visible_text
        doc.review_reason = "scanned_no_ocr"
        return
    result = ocr.ocr_pdf(
        body,
        page_count=page_count,
        max_pages=min(limits.max_ocr_pages, limits.max_pages),
        seconds=limits.ocr_seconds,
    )
    text = result.text
    if _visible_chars(text) < _MIN_OCR_CHARS:
        doc.text = visible_text
        doc.review_reason = "scanned_ocr_failed"
        return
    doc.text = text
    doc.ocr_used = True
    if result.capped:
        doc.warnings.append("ocr_pages_capped")
    if result.timed_out:
        doc.warnings.append("extract_timeout")
    if result.capped or result.timed_out:
        doc.pages_read = len(result.pages)


def _read_metadata(reader: object, doc: Document) -> None:
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
    except Exception:
        return
    if not meta:
        return
    title = str(meta.get("/Title") or "").strip()
    if title and not _JUNK_TITLE.search(title):
        doc.title = clean_pdf_text(title)
    for key in ("/CreationDate", "/ModDate"):
        mention = _metadata_date(key, meta.get(key))
        if mention is not None:
            doc.dates.append(mention)


def _metadata_date(key: str, raw: object) -> DateMention | None:
    m = _PDF_DATE.match(str(raw or ""))
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
    if not 1990 <= d.year <= 2200:
        return None
    source = f"PDF {key[1:]} {raw}"
    return DateMention(source=source, start=d, end=d, fiscal_year=fiscal_year(d))


__all__ = ["extract_pdf"]
