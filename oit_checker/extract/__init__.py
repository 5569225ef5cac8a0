"""Reading fetched resources: HTML pages, PDF, Word, Excel, CSV, scanned images.

``extract(resource, body)`` returns a :class:`~oit_checker.models.Document` with normalised
text, title, headings, links, images, tables and the dates found (period covered, issue date).
It never raises for bad input: a malformed, encrypted, scanned or over-limit file gives a
Document whose ``review_reason`` is a problem code (see ``oit_checker.problems.extract``), so
that the assessment says "check by hand", never "missing".
"""

from __future__ import annotations

import hashlib
import logging
import re

from oit_checker.extract.limits import ExtractLimits
from oit_checker.models import DocKind, Document, Resource
from oit_checker.thai.dates import analyse_dates
from oit_checker.thai.text import normalize

log = logging.getLogger(__name__)

EXTRACTOR_ERROR = "extractor_error"
"""Warning of a Document whose reader raised (see the log for the traceback)."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"BM", ".bmp"),
)
_TYPES = {
    "text/html": DocKind.HTML,
    "application/xhtml+xml": DocKind.HTML,
    "application/pdf": DocKind.PDF,
    "application/x-pdf": DocKind.PDF,
    "application/msword": DocKind.DOC,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DocKind.DOCX,
    "application/vnd.ms-excel": DocKind.XLS,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": DocKind.XLSX,
    "text/csv": DocKind.CSV,
    "application/csv": DocKind.CSV,
}
_EXTENSIONS = {
    "html": DocKind.HTML,
    "htm": DocKind.HTML,
    "php": DocKind.HTML,
    "asp": DocKind.HTML,
    "aspx": DocKind.HTML,
    "jsp": DocKind.HTML,
    "pdf": DocKind.PDF,
    "doc": DocKind.DOC,
    "docx": DocKind.DOCX,
    "xls": DocKind.XLS,
    "xlsx": DocKind.XLSX,
    "csv": DocKind.CSV,
    "png": DocKind.IMAGE,
    "jpg": DocKind.IMAGE,
    "jpeg": DocKind.IMAGE,
    "gif": DocKind.IMAGE,
    "tif": DocKind.IMAGE,
    "tiff": DocKind.IMAGE,
    "bmp": DocKind.IMAGE,
    "webp": DocKind.IMAGE,
}
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<p\b)", re.I)


def _magic_kind(body: bytes) -> DocKind | None:
    head = body[:1024]
    if b"%PDF-" in head:
        return DocKind.PDF
    if head.startswith(b"PK\x03\x04"):
        names = body[:200_000]
        if b"word/" in names:
            return DocKind.DOCX
        if b"xl/" in names:
            return DocKind.XLSX
        return DocKind.OTHER
    if head.startswith(_OLE2):
        if "Workbook".encode("utf-16-le") in body or "Book".encode("utf-16-le") in body:
            return DocKind.XLS
        if "WordDocument".encode("utf-16-le") in body:
            return DocKind.DOC
        return None
    if any(head.startswith(magic) for magic, _ in _IMAGE_MAGIC) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return DocKind.IMAGE
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return DocKind.OTHER
    return None


def _extension(url: str) -> str:
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1].lower() if "." in last else ""


def sniff_kind(url: str, content_type: str | None, body: bytes) -> DocKind:
    """What a resource is: magic bytes first, then the Content-Type, then the URL's extension."""
    kind = _magic_kind(body)
    if kind is not None:
        return kind
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in _TYPES:
        return _TYPES[ctype]
    if ctype.startswith("image/"):
        return DocKind.IMAGE
    ext = _extension(url)
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    if _HTML_START.match(body.lstrip(b"\xef\xbb\xbf")[:512]):
        return DocKind.HTML
    return DocKind.OTHER


def extract(
    resource: Resource,
    body: bytes,
    *,
    text: str | None = None,
    limits: ExtractLimits = ExtractLimits(),  # noqa: B008 - frozen dataclass, safe default
    dates: bool = True,
) -> Document:
    """Read one fetched resource. ``text`` is the decoded HTML when the crawler already has it.

    ``dates=False`` leaves the dates for :func:`read_dates` to read when someone needs them: a
    scan reads thousands of pages, and reading dates is most of the cost of a text-heavy page,
    but only the few pages the assessment looks at need them.
    Never raises for bad input: the Document carries ``warnings`` and ``review_reason``.
    """
    url = resource.final_url or resource.url
    kind = sniff_kind(url, resource.content_type, body)
    if not body:
        doc = Document(url=url, kind=kind, review_reason="empty_file", warnings=["empty_file"])
    else:
        try:
            doc = _read(kind, url, body, resource.content_type, text, limits)
        except Exception:
            # Readers report the bad files they know as codes; one that raises met a file it does
            # not know or a defect of the tool: logged with its traceback and counted as a site
            # finding (``extractor_error``), never only a quiet "review".
            log.exception("reading %s (%s) failed", url, kind.value)
            code = "pdf_broken" if kind is DocKind.PDF else "unreadable_file"
            doc = Document(url=url, kind=kind, review_reason=code, warnings=[code, EXTRACTOR_ERROR])
    if resource.truncated and kind is not DocKind.HTML:
        doc.warnings.append("truncated_file")
        doc.review_reason = doc.review_reason or "truncated_file"
    return _finish(doc, resource, body, limits, dates)


def _read(
    kind: DocKind,
    url: str,
    body: bytes,
    content_type: str | None,
    text: str | None,
    limits: ExtractLimits,
) -> Document:
    if kind is DocKind.HTML:
        from oit_checker.extract.html import extract_html

        if text is None:
            from oit_checker.crawl.decode import decode_html

            text, _ = decode_html(body, content_type)
        return extract_html(text, url)
    if kind is DocKind.PDF:
        from oit_checker.extract.pdf import extract_pdf

        return extract_pdf(body, url, limits)
    if kind is DocKind.IMAGE:
        from oit_checker.extract.image import extract_image

        return extract_image(body, url, limits)
    from oit_checker.extract import office

    readers = {
        DocKind.DOCX: office.extract_docx,
        DocKind.XLSX: office.extract_xlsx,
        DocKind.XLS: office.extract_xls,
        DocKind.CSV: office.extract_csv,
        DocKind.DOC: office.extract_doc,
    }
    reader = readers.get(kind)
    if reader is None:
        return Document(url=url, kind=kind, review_reason="unsupported_kind")
    return reader(body, url, limits)


def _finish(
    doc: Document, resource: Resource, body: bytes, limits: ExtractLimits, dates: bool
) -> Document:
    """Normalise, cap, find dates (or leave them for later), stamp hashes: the same for every
    kind of file."""
    text = doc.text
    truncated = len(text) > limits.max_text_chars
    if truncated:
        doc.chars_total = len(text)
        text = text[: limits.max_text_chars]
        if "text_truncated" not in doc.warnings:
            doc.warnings.append("text_truncated")
    # extract_html returns normalised text already (normalize is idempotent: tests/thai).
    doc.text = text if doc.kind is DocKind.HTML and not truncated else normalize(text)
    doc.title = normalize(doc.title)
    doc.dates_read = False
    if dates:
        read_dates(doc)
    doc.sha256 = resource.sha256 or hashlib.sha256(body).hexdigest()
    doc.fetched_at = resource.fetched_at
    return doc


def read_dates(doc: Document) -> Document:
    """Read the dates of ``doc`` (period covered, issue date, every mention) unless read
    already; returns ``doc``. Dates the reader found elsewhere (PDF metadata) are kept."""
    if not doc.dates_read:
        mentions, period, issued = analyse_dates(doc.title, doc.text)
        doc.dates = mentions + doc.dates
        doc.period, doc.issued = period, issued
        doc.dates_read = True
    return doc


__all__ = ["EXTRACTOR_ERROR", "ExtractLimits", "extract", "read_dates", "sniff_kind"]
