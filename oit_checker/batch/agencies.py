"""The agency list of a batch: a CSV with a row per agency (name, url; optional type, province,
pack/year), read as Excel and LibreOffice save it (UTF-8 with or without BOM, or Thai Windows
code page 874)."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from oit_checker.crawl.urls import host_of, strip_www
from oit_checker.errors import UsageError

_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "agency", "ชื่อ", "ชื่อหน่วยงาน", "หน่วยงาน"),
    "url": ("url", "website", "site", "เว็บไซต์", "ที่อยู่เว็บไซต์"),
    "agency_type": ("type", "agency_type", "ประเภท", "ประเภทหน่วยงาน"),
    "province": ("province", "จังหวัด"),
    "pack": ("pack", "year", "ปี", "ปีการประเมิน"),
}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Agency:
    """One row of the agency list. ``site_id`` is the key of everything the batch keeps about
    the agency (state row, result row, report folder, Celery task id)."""

    row: int
    site_id: str
    name: str
    url: str
    agency_type: str = ""
    province: str = ""
    pack: str = ""
    """A year (``2568``), a bundled pack id (``nacc-2568``) or a pack file; empty: the default."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agency:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    @property
    def host(self) -> str:
        """The host as the crawler's politeness sees it (lower case, IDNA, no ``www.``)."""
        return strip_www(host_of(self.url))


def site_id_for(row: int, url: str) -> str:
    """``00042-www-example-sao-go-th-1a2b3c4d``: the row number, an ASCII slug of the host (never
    more than 40 characters, only ``[a-z0-9-]``) and a hash of the URL, so the folder name is
    safe on every file system and two rows with the same host still differ."""
    host = (urlsplit(url).hostname or "").lower()
    slug = _SLUG_UNSAFE.sub("-", host).strip("-")[:40].strip("-") or "site"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{row:05d}-{slug}-{digest}"


def read_agencies(path: Path) -> list[Agency]:
    """The agencies of ``path``; UsageError for a missing file, missing columns or bad URLs."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the agency list {path}: {exc.strerror}") from exc
    return parse_agencies(_decode(raw), str(path))


def parse_agencies(text: str, shown: str = "agencies") -> list[Agency]:
    reader = csv.reader(io.StringIO(text))
    rows = [r for r in reader if any(cell.strip() for cell in r)]
    if not rows:
        raise UsageError(f"{shown}: the agency list is empty")
    index = _header_index(rows[0], shown)
    agencies: list[Agency] = []
    problems: list[str] = []
    for number, cells in enumerate(rows[1:], start=1):

        def cell(key: str, cells: list[str] = cells) -> str:
            pos = index.get(key)
            return cells[pos].strip() if pos is not None and pos < len(cells) else ""

        url = cell("url")
        if url and "://" not in url and not _OTHER_SCHEME.match(url):
            url = "https://" + url  # www.example.go.th as people type it
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(f"row {number + 1}: not a web address: {cell('url')!r}")
            continue
        agencies.append(
            Agency(
                row=number,
                site_id=site_id_for(number, url),
                name=cell("name") or parts.hostname,
                url=url,
                agency_type=cell("agency_type"),
                province=cell("province"),
                pack=cell("pack"),
            )
        )
    if problems:
        raise UsageError(f"{shown}: " + "; ".join(problems[:10]))
    if not agencies:
        raise UsageError(f"{shown}: no agencies listed")
    return agencies


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp874", errors="replace")


def _header_index(header: list[str], shown: str) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    index: dict[str, int] = {}
    for key, aliases in _COLUMNS.items():
        for pos, name in enumerate(names):
            if name in aliases and key not in index:
                index[key] = pos
    if "url" not in index:
        raise UsageError(
            f"{shown}: no url column; the first line must name the columns, e.g. name,url,type,"
            "province,pack"
        )
    return index
