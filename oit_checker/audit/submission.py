"""An agency's submission: checklist item → one or more URLs (and a note), from CSV, YAML or JSON.

Accepted shapes, as agencies and assessors write them:

- CSV with a header naming the item column (``item``, ``ข้อ``, ``code``, ``รหัส``…), the URL
  column (``url``, ``link``, ``ลิงก์``…) and optionally a note column (``note``, ``หมายเหตุ``);
  one row per URL, or several URLs in one cell separated by new lines, spaces or ``;``.
  UTF-8 (with or without BOM) or Thai Windows (cp874) encoding.
- YAML or JSON: a mapping ``{item: url | [urls] | {urls: [...], note: "..."}}``, or a list of
  ``{item, url | urls, note}``; either at the top or under ``items`` next to optional ``site``
  and ``year`` keys.

Item ids may be written in any alias form (``O1``, ``o01``, ``ข้อ o1``, ``021``); relative URLs
(``/ita/o1.html``) and URLs without a scheme (``www.x.go.th/ita``) are read against the site.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from oit_checker.errors import UsageError
from oit_checker.rules.loader import resolve_item_id
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold

_ITEM_HEADERS = ("item", "item_id", "code", "ข้อ", "รหัส", "ตัวชี้วัด", "oit", "ลำดับข้อ")
_URL_HEADERS = ("url", "urls", "link", "links", "ลิงก์", "ลิ้งค์", "ลิงค์", "ที่อยู่", "url ที่ส่ง")
_NOTE_HEADERS = ("note", "notes", "comment", "หมายเหตุ", "คำอธิบาย")
_SPLIT = re.compile(r"[\s;]+")
_HOSTLIKE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/|$)", re.IGNORECASE)


@dataclass
class RawEntry:
    """One item of the file as written, before item ids and URLs are resolved."""

    code: str
    urls: list[str]
    note: str = ""
    where: str = ""
    """Where in the file (``row 4``, ``items[2]``) for error messages."""


@dataclass
class RawSubmission:
    path: Path
    entries: list[RawEntry]
    site: str | None = None
    year: int | None = None


@dataclass
class SubmittedItem:
    item_id: str
    urls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Submission:
    path: Path
    items: dict[str, SubmittedItem]
    """item id → what was submitted for it (only items that appear in the file)."""

    @property
    def urls(self) -> list[str]:
        """Every submitted URL once, in file order."""
        return list(dict.fromkeys(u for item in self.items.values() for u in item.urls))


# --------------------------------------------------------------------------- reading


def read_submission(path: Path) -> RawSubmission:
    """Read a submission file; a file that cannot be read or has no entries is a UsageError."""
    if not path.is_file():
        raise UsageError(f"submission file not found: {path}")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = RawSubmission(path, _read_csv(_decode(data, path)))
    elif suffix == ".xlsx":
        from oit_checker.audit.xlsx import xlsx_rows

        raw = RawSubmission(path, _table_entries(xlsx_rows(data, path, _is_header)))
    elif suffix in (".yaml", ".yml", ".json"):
        raw = _read_structured(path, _decode(data, path), json_only=suffix == ".json")
    else:
        raise UsageError(f"{path}: a submission must be a .csv, .xlsx, .yaml, .yml or .json file")
    if not raw.entries:
        raise UsageError(f"{path}: no items found in the submission")
    return raw


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{path}: not UTF-8 or Thai (cp874) text")


def _read_csv(text: str) -> list[RawEntry]:
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    return _table_entries(rows)


def _is_header(row: list[str]) -> bool:
    """Whether a row names an item column and a URL column."""
    header = [fold(c).strip() for c in row]
    return _column(header, _ITEM_HEADERS) is not None and _column(header, _URL_HEADERS) is not None


def _table_entries(rows: list[list[str]]) -> list[RawEntry]:
    """Entries of a table whose first row is the header (or, without one, item, url[, note])."""
    if not rows:
        return []
    header = [fold(c).strip() for c in rows[0]]
    item_col = _column(header, _ITEM_HEADERS)
    url_col = _column(header, _URL_HEADERS)
    note_col = _column(header, _NOTE_HEADERS)
    start = 1
    if item_col is None or url_col is None:
        if len(rows[0]) >= 2 and _looks_like_url(rows[0][1]):  # no header: item, url[, note]
            item_col, url_col, note_col, start = 0, 1, (2 if len(rows[0]) > 2 else None), 0
        else:
            raise UsageError(
                "the CSV needs a header with an item column (item / ข้อ) and a URL column"
                " (url / ลิงก์)"
            )
    entries: list[RawEntry] = []
    for number, row in enumerate(rows[start:], start=start + 1):
        cell = row[url_col] if url_col < len(row) else ""
        note = row[note_col].strip() if note_col is not None and note_col < len(row) else ""
        code = row[item_col].strip() if item_col < len(row) else ""
        entries.append(RawEntry(code, _split_urls(cell), note, f"row {number}"))
    return entries


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for i, name in enumerate(header):
        if name in names:
            return i
    for i, name in enumerate(header):
        if any(name.startswith(n) for n in names if len(n) >= 3):
            return i
    return None


def _looks_like_url(value: str) -> bool:
    value = value.strip()
    return value.lower().startswith(("http://", "https://", "/")) or bool(_HOSTLIKE.match(value))


def _split_urls(cell: str) -> list[str]:
    return [part for part in _SPLIT.split(cell.strip()) if part]


def _read_structured(path: Path, text: str, *, json_only: bool) -> RawSubmission:
    try:
        data = json.loads(text) if json_only else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(f"{path}: not valid {'JSON' if json_only else 'YAML'}: {first}") from None
    site: str | None = None
    year: int | None = None
    if isinstance(data, dict) and "items" in data:
        site = _optional_str(data.get("site"), path, "site")
        year_value = data.get("year")
        if year_value is not None:
            try:
                year = int(year_value)
            except (TypeError, ValueError):
                raise UsageError(f"{path}: year must be a number such as 2568") from None
        unknown = sorted(set(data) - {"items", "site", "year"})
        if unknown:
            raise UsageError(f"{path}: unknown keys {', '.join(map(str, unknown))}")
        data = data["items"]
    return RawSubmission(path, _entries(data, path), site, year)


def _entries(data: Any, path: Path) -> list[RawEntry]:
    entries: list[RawEntry] = []
    if isinstance(data, dict):
        for code, value in data.items():
            urls, note = _value(value, path, str(code))
            entries.append(RawEntry(str(code), urls, note, str(code)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            where = f"items[{i}]"
            if not isinstance(value, dict) or not any(k in value for k in ("item", "code")):
                raise UsageError(f"{path}: {where} needs an 'item' key")
            code = value.get("item", value.get("code"))
            urls, note = _value({k: v for k, v in value.items() if k not in ("item", "code")},
                                path, where)  # fmt: skip
            entries.append(RawEntry(str(code), urls, note, where))
    elif data is not None:
        raise UsageError(f"{path}: expected a list or a mapping of items to URLs")
    return entries


def _value(value: Any, path: Path, where: str) -> tuple[list[str], str]:
    """(urls, note) from ``"url"``, ``["url", …]`` or ``{url|urls: …, note: …}``."""
    if value is None:
        return [], ""
    if isinstance(value, str):
        return _split_urls(value), ""
    if isinstance(value, list):
        return [u for v in value for u in _split_urls(_str(v, path, where))], ""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"url", "urls", "note"})
        if unknown:
            raise UsageError(f"{path}: {where}: unknown keys {', '.join(map(str, unknown))}")
        urls: list[str] = []
        for key in ("url", "urls"):
            if key in value:
                urls.extend(_value(value[key], path, where)[0])
        note = _optional_str(value.get("note"), path, f"{where}.note") or ""
        return urls, note.strip()
    raise UsageError(f"{path}: {where}: expected a URL, a list of URLs or {{urls, note}}")


def _str(value: Any, path: Path, where: str) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{path}: {where}: expected a URL, got {value!r}")
    return value


def _optional_str(value: Any, path: Path, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise UsageError(f"{path}: {where} must be text")
    return str(value)


# --------------------------------------------------------------------------- resolving


def resolve_submission(raw: RawSubmission, pack: Pack, site: str) -> Submission:
    """Item ids resolved in ``pack`` (any alias form), URLs made absolute against ``site``;
    entries of the same item merged. An unknown item or an unusable URL is a UsageError."""
    items: dict[str, SubmittedItem] = {}
    for entry in raw.entries:
        item_id = resolve_item_id(entry.code, pack)
        if item_id is None:
            raise UsageError(
                f"{raw.path}: {entry.where}: {entry.code!r} is not an item of {pack.id}"
            )
        target = items.setdefault(item_id, SubmittedItem(item_id))
        for url in entry.urls:
            absolute = absolute_url(url, site)
            if absolute is None:
                raise UsageError(f"{raw.path}: {entry.where}: not a web address: {url!r}")
            if absolute not in target.urls:
                target.urls.append(absolute)
        if entry.note and entry.note not in target.notes:
            target.notes.append(entry.note)
    ordered = {item.id: items[item.id] for item in pack.items if item.id in items}
    return Submission(raw.path, ordered)


def absolute_url(value: str, site: str) -> str | None:
    """An http(s) URL for what was written, or None."""
    value = value.strip().strip("<>\"'")
    lowered = value.lower()
    if lowered.startswith(("http://", "https://")):
        url = value
    elif value.startswith("//"):
        url = f"{urlsplit(site).scheme or 'https'}:{value}"
    elif value.startswith("/"):
        url = urljoin(site, value)
    elif _HOSTLIKE.match(value):
        url = f"{urlsplit(site).scheme or 'https'}://{value}"
    else:
        return None
    try:
        parts = urlsplit(url)
        return url if parts.hostname else None
    except ValueError:
        return None


__all__ = [
    "RawEntry",
    "RawSubmission",
    "Submission",
    "SubmittedItem",
    "absolute_url",
    "read_submission",
    "resolve_submission",
]
