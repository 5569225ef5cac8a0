"""What a Celery worker accepts from the broker: nothing it has not checked.

Anyone who can write to the Redis broker can put a job in the queue, so a job's agency and
settings are read field by field against an allow-list: every known field with its type and
range, nothing else. A site id must be the id the agency's URL gives (a slug, never a path), a
pack is a year or a bundled pack id (never a file), the report formats are the known ones, and
file-system locations (the HTTP cache, a CA bundle) never come from a message: the worker's own
settings decide them. A job that fails any of this is rejected with :class:`BadJob` and
recorded, never run.
"""

from __future__ import annotations

import re
from typing import Any

from oit_checker.batch.agencies import Agency, site_id_for
from oit_checker.batch.site import SiteSettings
from oit_checker.crawl.urls import web_address
from oit_checker.report import FORMATS

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_PACK = re.compile(r"^(?:[a-z]{2,10}-)?\d{4}$")
_TEXT_MAX = 500


class BadJob(ValueError):
    """A job from the broker that does not pass the checks; its message says which field."""


def is_pack_id(spec: str) -> bool:
    """A year (``2568``) or a bundled pack id (``nacc-2568``), never a file; empty: default."""
    return not spec or bool(_PACK.match(spec.strip().lower()))


def _number(data: dict[str, Any], name: str, low: float, high: float, *, whole: bool) -> Any:
    value = data[name]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (whole and not isinstance(value, int))
        or not low <= value <= high
    ):
        raise BadJob(f"{name}: {value!r} is not a number from {low:g} to {high:g}")
    return value


def _flag(data: dict[str, Any], name: str) -> bool:
    value = data[name]
    if not isinstance(value, bool):
        raise BadJob(f"{name}: {value!r} is not true or false")
    return value


def _pack(value: Any, name: str) -> str:
    if not isinstance(value, str) or not is_pack_id(value):
        raise BadJob(f"{name}: {value!r} is not a year or a bundled pack id (no pack files)")
    return value


# field → reader; a field not listed here is not accepted.
_LIMITS: dict[str, tuple[float, float, bool]] = {
    "budget_s": (1.0, 7 * 24 * 3600.0, False),
    "max_pages": (0, 1_000_000, True),
    "max_documents": (0, 1_000_000, True),
    "max_depth": (0, 100, True),
    "min_interval_s": (0.0, 600.0, False),
    "per_host_concurrency": (1, 64, True),
    "timeout_s": (0.1, 3600.0, False),
    "retries": (0, 10, True),
    "retry_backoff_s": (0.0, 600.0, False),
}
_FLAGS = ("ocr", "respect_robots")
_NEVER = ("cache_dir", "ca_file")
"""Locations on the worker's disk: only the worker's own settings choose them."""


def settings_from_message(data: Any, *, cache_dir: str | None = None) -> SiteSettings:
    """The settings of a job, checked; ``cache_dir`` is the worker's own (never the job's)."""
    if not isinstance(data, dict):
        raise BadJob("settings: not an object")
    unknown = sorted(
        set(data) - set(_LIMITS) - set(_FLAGS) - set(_NEVER) - {"formats", "default_pack"}
    )
    if unknown:
        raise BadJob(f"settings: fields not accepted: {', '.join(unknown)}")
    for name in _NEVER:
        if data.get(name) is not None:
            raise BadJob(f"settings: {name} is never taken from a job")
    values: dict[str, Any] = {}
    for name, (low, high, whole) in _LIMITS.items():
        if data.get(name) is not None:
            values[name] = _number(data, name, low, high, whole=whole)
    for name in _FLAGS:
        if name in data:
            values[name] = _flag(data, name)
    if "formats" in data:
        formats = data["formats"]
        if not isinstance(formats, list) or not all(f in FORMATS for f in formats):
            raise BadJob(f"settings: formats {formats!r} are not among {', '.join(FORMATS)}")
        values["formats"] = tuple(formats)
    if "default_pack" in data:
        values["default_pack"] = _pack(data["default_pack"], "settings: default_pack")
    return SiteSettings(**values, cache_dir=cache_dir)


def agency_from_message(data: Any) -> Agency:
    """The agency of a job, checked: a web address, short texts, and the site id its URL gives."""
    if not isinstance(data, dict):
        raise BadJob("agency: not an object")
    known = set(Agency.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise BadJob(f"agency: fields not accepted: {', '.join(map(str, unknown))}")
    site_id = data.get("site_id")
    if not isinstance(site_id, str) or not _SLUG.match(site_id):
        raise BadJob(f"agency: site_id {site_id!r} is not a slug ([a-z0-9-], at most 60)")
    raw_url = data.get("url")
    try:
        url = web_address(raw_url) if isinstance(raw_url, str) else ""
    except ValueError as exc:
        raise BadJob(f"agency: {exc}") from None
    if not url or url != raw_url:
        raise BadJob(f"agency: url {raw_url!r} is not an http(s) address")
    if site_id != site_id_for(url):
        raise BadJob(f"agency: site_id {site_id!r} is not the id of {url}")
    texts: dict[str, str] = {}
    for name in ("name", "agency_type", "province"):
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > _TEXT_MAX:
            raise BadJob(f"agency: {name} is not a text of at most {_TEXT_MAX} characters")
        texts[name] = value
    row = data.get("row", 0)
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row <= 10_000_000:
        raise BadJob(f"agency: row {row!r} is not a row number")
    return Agency(
        row=row,
        site_id=site_id,
        url=url,
        pack=_pack(data.get("pack", ""), "agency: pack"),
        **texts,
    )


__all__ = ["BadJob", "agency_from_message", "is_pack_id", "settings_from_message"]
