"""A submission saved from Excel (.xlsx) as the rows of a table, ready for the CSV reader.

What real Excel files hold that a plain read misses: URLs as hyperlinks under a display text
("คลิก", "ดูเอกสาร") or as ``=HYPERLINK("url", "text")`` formulas, item numbers stored as
numbers (``1.0``), an item cell merged down over the rows of its several URLs, and title rows
above the header ("แบบรายงานการเผยแพร่ข้อมูล OIT ปี 2568"). The header row is the first of the
first rows that names both an item and a URL column.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oit_checker.errors import UsageError

MAX_UNPACKED_BYTES = 64 * 2**20
"""An .xlsx is a zip: refuse one that unpacks to more than this (a few MB of table at most)."""
HEADER_ROWS = 10
_HYPERLINK = re.compile(r'^=\s*HYPERLINK\(\s*"([^"]+)"', re.IGNORECASE)


def xlsx_rows(data: bytes, path: Path, is_header: Callable[[list[str]], bool]) -> list[list[str]]:
    """The rows of the first sheet that has a header (``is_header``), from the header on;
    cells as text, hyperlink targets in place of their display text."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise UsageError(f"{path}: not an Excel .xlsx file") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise UsageError(f"{path}: the workbook unpacks to more than {MAX_UNPACKED_BYTES} bytes")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
        cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise UsageError(f"{path}: cannot read the workbook ({type(exc).__name__})") from None
    for sheet in book.worksheets:
        rows = _sheet_rows(sheet, cached[sheet.title])
        for start, row in enumerate(rows[:HEADER_ROWS]):
            if is_header(row):
                return rows[start:]
    first = book.worksheets[0] if book.worksheets else None
    return _sheet_rows(first, cached[first.title]) if first is not None else []


def _sheet_rows(sheet: Any, cached: Any) -> list[list[str]]:
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for cells in sheet.merged_cells.ranges:
        for row in range(cells.min_row, cells.max_row + 1):
            for col in range(cells.min_col, cells.max_col + 1):
                merged[(row, col)] = (cells.min_row, cells.min_col)
    rows: list[list[str]] = []
    for row in sheet.iter_rows():
        texts: list[str] = []
        for cell in row:
            source = merged.get((cell.row, cell.column))
            if source is not None and source != (cell.row, cell.column):
                cell = sheet.cell(*source)
            texts.append(_text(cell, cached.cell(cell.row, cell.column).value))
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            rows.append(texts)
    return rows


def _text(cell: Any, cached_value: Any) -> str:
    value = cell.value
    link = cell.hyperlink.target if cell.hyperlink is not None else None
    if isinstance(value, str) and value.startswith("="):
        found = _HYPERLINK.match(value)
        if found:
            return found.group(1).strip()
        value = cached_value
    text = _plain(value)
    if link and not text.lower().startswith(("http://", "https://")):
        return str(link).strip()
    return text


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
