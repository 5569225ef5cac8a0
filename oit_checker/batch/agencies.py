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

from oit_checker.crawl.urls import host_of, strip_www, web_address
from oit_checker.errors import UsageError

_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "agency", "ชื่อ", "ชื่อหน่วยงาน", "หน่วยงาน"),
    "url": ("url", "website", "site", "เว็บไซต์", "ที่อยู่เว็บไซต์"),
    "agency_type": ("type", "agency_type", "ประเภท", "ประเภทหน่วยงาน"),
    "province": ("province", "จังหวัด"),
    "pack": ("pack", "year", "ปี", "ปีการประเมิน"),
}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


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


class Agencies(list[Agency]):
    """The agencies of a list, in order, each URL once; ``duplicates`` says which lines
    repeated an earlier one (they are not scanned again)."""

    def __init__(self, agencies: list[Agency], duplicates: list[str]) -> None:
        super().__init__(agencies)
        self.duplicates = duplicates


def site_key(url: str) -> str:
    """What makes two rows the same site: the host without ``www.`` (lower case, IDNA) and the
    path without its trailing slash; the scheme and a default port do not count."""
    parts = urlsplit(url)
    port = parts.port if parts.port not in (None, 80, 443) else None
    host = strip_www(host_of(url)) + (f":{port}" if port else "")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def site_id_for(url: str) -> str:
    """``example-sao-go-th-1a2b3c4d``: an ASCII slug of the host (never more than 40
    characters, only ``[a-z0-9-]``) and a hash of the site's key (:func:`site_key`), so the
    folder name is safe on every file system, two sites on one host still differ, and the
    id does not depend on the row: editing the list (a row added on top, a name corrected)
    never renumbers the others, so a resumed batch finds every finished agency again."""
    slug = _SLUG_UNSAFE.sub("-", strip_www(host_of(url))).strip("-")[:40].strip("-") or "site"
    digest = hashlib.sha256(site_key(url).encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


def read_agencies(path: Path) -> Agencies:
    """The agencies of ``path``; UsageError for a missing file, missing columns or bad URLs."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the agency list {path}: {exc.strerror}") from exc
    return parse_agencies(_decode(raw), str(path))


def parse_agencies(text: str, shown: str = "agencies") -> Agencies:
    """Rows are numbered as the file's lines (blank lines counted, as an editor shows them);
    a URL listed again is kept once and named in ``duplicates``."""
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((start, cells))
        start = reader.line_num + 1
    if not rows:
        raise UsageError(f"{shown}: the agency list is empty")
    index = _header_index(rows[0][1], shown)
    agencies: list[Agency] = []
    problems: list[str] = []
    duplicates: list[str] = []
    first_line: dict[str, int] = {}
    for line, cells in rows[1:]:

        def cell(key: str, cells: list[str] = cells) -> str:
            pos = index.get(key)
            return cells[pos].strip() if pos is not None and pos < len(cells) else ""

        try:
            url = web_address(cell("url"))  # www.example.go.th as people type it
        except ValueError:
            problems.append(f"line {line}: not a web address: {cell('url')!r}")
            continue
        hostname = urlsplit(url).hostname or url
        key = site_key(url)
        if key in first_line:
            duplicates.append(
                f"บรรทัด {line} ซ้ำกับบรรทัด {first_line[key]} ({url}) จึงตรวจครั้งเดียว"
                f" / line {line} repeats line {first_line[key]} ({url}); it is checked once"
            )
            continue
        first_line[key] = line
        agencies.append(
            Agency(
                row=len(agencies) + 1,
                site_id=site_id_for(url),
                name=cell("name") or hostname,
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
    return Agencies(agencies, duplicates)


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
