"""Office files: DOCX (python-docx), XLSX (openpyxl read-only), XLS (xlrd), CSV, old .doc.

DOCX/XLSX are zip archives: their members are inflated in bounded chunks and counted before
opening (declared sizes are not trusted), so that a zip bomb is refused (``archive_too_large``)
instead of filling memory.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import subprocess
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from oit_checker.extract.limits import ExtractLimits, die_with_parent
from oit_checker.models import DocKind, Document, Table

_MAX_MEMBERS = 5000
_MAX_RATIO = 500
"""A member that inflates more than this (and past 10 MiB) is a bomb, whatever the total."""
_RATIO_MIN_BYTES = 10 * 2**20
_CHUNK = 2**20
"""Members are inflated at most this much at a time (never in one call of unbounded size)."""
_CELL_SEP = " | "


# --------------------------------------------------------------------------- zip guard


def zip_problem(body: bytes, limits: ExtractLimits) -> str | None:
    """Problem code when a zip-based file must not be opened, else None.

    The sizes a zip declares are not trusted: every member is inflated here in bounded chunks
    (so a member that declares 20 KB and inflates to 1 GB never sits in memory), and the file
    is refused as soon as what it really holds passes the limits. A member that inflates to
    more than it declares fails its CRC check and is unreadable; the readers (python-docx,
    openpyxl) only ever see members whose real size was counted here.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            infos = zf.infolist()
            if len(infos) > _MAX_MEMBERS:
                return "archive_too_large"
            if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
                return "archive_too_large"
            total = 0
            for info in infos:
                size = _inflated_size(zf, info, limits.max_unzipped_bytes - total)
                if size is None:
                    return "archive_too_large"
                total += size
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        return "unreadable_file"
    return None


def _inflated_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int | None:
    """The real inflated size of one member, or None once it passes ``budget`` or inflates
    more than ``_MAX_RATIO`` times its compressed size past ``_RATIO_MIN_BYTES``."""
    size = 0
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > budget:
                return None
            if size > _RATIO_MIN_BYTES and size / max(info.compress_size, 1) > _MAX_RATIO:
                return None
    return size


def _refused(url: str, kind: DocKind, code: str) -> Document:
    return Document(url=url, kind=kind, review_reason=code, warnings=[code])


# --------------------------------------------------------------------------- DOCX


def extract_docx(body: bytes, url: str, limits: ExtractLimits) -> Document:
    problem = zip_problem(body, limits)
    if problem:
        return _refused(url, DocKind.DOCX, problem)
    import docx
    from docx.table import Table as DocxTable

    started = time.monotonic()
    document = docx.Document(io.BytesIO(body))
    doc = Document(url=url, kind=DocKind.DOCX)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if time.monotonic() - started > limits.max_seconds:
            doc.warnings.append("extract_timeout")
            break
        if isinstance(block, DocxTable):
            rows = _docx_rows(block)
            doc.tables.append(Table(rows=rows))
            lines.extend(_CELL_SEP.join(c for c in row if c) for row in rows)
            continue
        text = block.text.strip()
        if not text:
            continue
        lines.append(text)
        style = (block.style.name if block.style is not None else "") or ""
        if style.lower().startswith(("heading", "title")) or "หัวเรื่อง" in style:
            doc.headings.append(text)
    doc.title = (document.core_properties.title or "").strip() or (
        doc.headings[0] if doc.headings else ""
    )
    doc.text = "\n".join(lines)
    return doc


def _docx_rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat the same element
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
        if any(cells):
            rows.append(cells)
    return rows


# --------------------------------------------------------------------------- spreadsheets


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _values(row: tuple[Any, ...]) -> list[str]:
    """A sheet row as text, trailing empty cells dropped before they are converted."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return _trim([_cell(v) for v in row[:end]])


def _sheet_into(
    doc: Document, name: str, rows: Iterable[list[str]], limits: ExtractLimits, started: float
) -> bool:
    """Append one sheet as a table and as text lines; False when a limit stopped it."""
    table: list[list[str]] = []
    lines = [name]
    chars = len(doc.text)
    stopped = False
    for number, cells in enumerate(rows):
        # Checked on every 64th row, empty ones included: a sheet of a million empty rows (one
        # cell at XFD1048576) must stop on time too.
        if number % 64 == 63 and time.monotonic() - started > limits.max_seconds:
            doc.warnings.append("extract_timeout")
            stopped = True
            break
        if not any(cells):
            continue
        table.append(cells)
        line = _CELL_SEP.join(c for c in cells if c)
        lines.append(line)
        chars += len(line) + 1
        if chars > limits.max_text_chars:
            doc.warnings.append("text_truncated")
            stopped = True
            break
    doc.tables.append(Table(rows=table))
    doc.text = "\n".join([doc.text, *lines]) if doc.text else "\n".join(lines)
    return not stopped


def extract_xlsx(body: bytes, url: str, limits: ExtractLimits) -> Document:
    problem = zip_problem(body, limits)
    if problem:
        return _refused(url, DocKind.XLSX, problem)
    from openpyxl import load_workbook

    started = time.monotonic()
    wb = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    doc = Document(url=url, kind=DocKind.XLSX)
    try:
        doc.title = (wb.properties.title or "").strip() if wb.properties else ""
        for ws in wb.worksheets:
            # The declared dimension (``A1:XFD1048576``) would pad every row to 16,384 cells
            # and yield a million rows; without it only the rows and cells present are read.
            ws.reset_dimensions()
            rows = (_values(row) for row in ws.iter_rows(values_only=True))
            if not _sheet_into(doc, ws.title, rows, limits, started):
                break
    finally:
        wb.close()
    return doc


def extract_xls(body: bytes, url: str, limits: ExtractLimits) -> Document:
    import xlrd

    started = time.monotonic()
    book = xlrd.open_workbook(file_contents=body, on_demand=True)
    doc = Document(url=url, kind=DocKind.XLS)
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)

            def rows(sheet: Any = sheet) -> Iterable[list[str]]:
                for r in range(sheet.nrows):
                    cells = []
                    for c in sheet.row(r):
                        value = c.value
                        if c.ctype == xlrd.XL_CELL_DATE:
                            with contextlib.suppress(ValueError, OverflowError):
                                value = xlrd.xldate_as_datetime(c.value, book.datemode)
                        cells.append(_cell(value))
                    yield _trim(cells)

            if not _sheet_into(doc, sheet.name, rows(), limits, started):
                break
    finally:
        book.release_resources()
    return doc


def decode_csv(body: bytes) -> tuple[str, str]:
    """CSV bytes → (text, encoding): UTF-8 with or without BOM, else Thai cp874."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace"), "utf-16"
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("cp874"), "cp874"
    except UnicodeDecodeError:
        return body.decode("cp874", errors="replace"), "cp874"


def extract_csv(body: bytes, url: str, limits: ExtractLimits) -> Document:
    text, _ = decode_csv(body)
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t", "|"], key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    doc = Document(url=url, kind=DocKind.CSV)
    rows = (_trim([c.strip() for c in row]) for row in reader)
    name = url.rsplit("/", 1)[-1]
    _sheet_into(doc, name, rows, limits, time.monotonic())
    doc.text = doc.text.split("\n", 1)[1] if "\n" in doc.text else ""
    return doc


# --------------------------------------------------------------------------- old Word


def doc_tool() -> list[str] | None:
    """The command that turns a .doc into UTF-8 text, if one is installed."""
    if shutil.which("catdoc"):
        return ["catdoc", "-d", "utf-8", "-w"]
    if shutil.which("antiword"):
        return ["antiword", "-m", "UTF-8.txt", "-w", "0"]
    return None


def extract_doc(body: bytes, url: str, limits: ExtractLimits) -> Document:
    doc = Document(url=url, kind=DocKind.DOC)
    cmd = doc_tool()
    if cmd is None:
        doc.review_reason = "doc_needs_tool"
        return doc
    with tempfile.TemporaryDirectory(prefix="oit-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(body)
        try:
            out = subprocess.run(
                [*cmd, str(src)],
                capture_output=True,
                timeout=limits.max_seconds,
                check=False,
                preexec_fn=die_with_parent,  # killed with the worker that runs it
            )
        except subprocess.TimeoutExpired:
            doc.review_reason = "extract_timeout"
            return doc
    text = out.stdout.decode("utf-8", errors="replace")
    if out.returncode != 0 or not text.strip():
        doc.review_reason = "unreadable_file"
        doc.warnings.append("unreadable_file")
        return doc
    doc.text = text
    return doc


__all__ = [
    "decode_csv",
    "doc_tool",
    "extract_csv",
    "extract_doc",
    "extract_docx",
    "extract_xls",
    "extract_xlsx",
    "zip_problem",
]
