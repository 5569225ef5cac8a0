"""The ``oit-checker.toml`` settings file, command-line overrides, and ignore entries.

Example::

    site = "https://www.tambon-nongbua.go.th"
    year = 2568                      # Buddhist-era fiscal year
    pack = "nacc-oit-2568"
    formats = ["terminal", "html", "json"]
    output = "oit-report"            # folder, relative to this file
    fail_on = ["fail", "regression"] # fail | review | not_checked | regression | never
    history = "history.sqlite3"      # or false to keep no history

    [thresholds]
    min_score = 80

    [crawl]
    max_pages = 1500
    min_interval = 1.0
    strict_tls = true

    [[ignore]]
    item = "o16"
    reason = "ระบบ e-GP ปิดปรับปรุง ส่งเอกสารแทนแล้ว"
    expires = 2025-06-30

Every bad key or value is a :class:`~oit_checker.errors.UsageError` naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from oit_checker.errors import UsageError
from oit_checker.models import Problem, Report
from oit_checker.problems import make
from oit_checker.report import check_formats
from oit_checker.thai.text import to_arabic_digits

CONFIG_FILE_NAME = "oit-checker.toml"
FAIL_ON_CHOICES = ("fail", "review", "not_checked", "regression", "never")


@dataclass(frozen=True)
class IgnoreEntry:
    """Accept an item's current verdict until ``expires`` (inclusive), for a stated reason."""

    item: str
    reason: str
    expires: date


@dataclass(frozen=True)
class Thresholds:
    min_score: float | None = None
    """Exit non-zero when the score is below this (0–100)."""


@dataclass(frozen=True)
class CrawlOptions:
    """Crawl settings; None means "the crawler's own default"."""

    max_pages: int | None = None
    max_documents: int | None = None
    max_depth: int | None = None
    min_interval: float | None = None
    """Seconds between two requests to the same host."""
    per_host_concurrency: int | None = None
    timeout: float | None = None
    strict_tls: bool | None = None
    cache_dir: Path | None = None

    def crawl_kwargs(self) -> dict[str, Any]:
        """The set options under the field names of ``oit_checker.crawl.crawler.CrawlConfig``."""
        names = {"min_interval": "min_interval_s", "timeout": "timeout_s"}
        return {
            names.get(f.name, f.name): getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not None
        }


@dataclass(frozen=True)
class Config:
    site: str | None = None
    year: int | None = None
    pack: str | None = None
    formats: tuple[str, ...] = ("terminal",)
    output: Path = Path("oit-report")
    fail_on: tuple[str, ...] = ("fail",)
    history: Path | None = None
    """The history file; None means ``store.history.default_history_path()``."""
    keep_history: bool = True
    """False when the file says ``history = false``."""
    thresholds: Thresholds = field(default_factory=Thresholds)
    ignore: tuple[IgnoreEntry, ...] = ()
    crawl: CrawlOptions = field(default_factory=CrawlOptions)
    source: Path | None = None
    """The file these settings were read from, if any."""


# --------------------------------------------------------------------------- loading


def load_config(path: Path | None) -> Config:
    """Read ``path``, or ``./oit-checker.toml`` if ``path`` is None and that file exists."""
    if path is None:
        default = Path.cwd() / CONFIG_FILE_NAME
        if not default.is_file():
            return Config()
        path = default
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: config file not found") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the config file ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    return _parse(data, path)


_TOP_KEYS = (
    "site",
    "year",
    "pack",
    "formats",
    "output",
    "fail_on",
    "history",
    "thresholds",
    "ignore",
    "crawl",
)
_CRAWL_KEYS = tuple(f.name for f in dataclasses.fields(CrawlOptions))
_THRESHOLD_KEYS = ("min_score",)
_IGNORE_KEYS = ("item", "reason", "expires")


def _parse(data: dict[str, Any], path: Path) -> Config:
    where = _Where(str(path))
    _known_keys(data, _TOP_KEYS, where)
    base = path.parent
    values: dict[str, Any] = {"source": path}
    for key in ("site", "year", "pack", "formats", "output", "fail_on"):
        if key in data:
            values[key] = _TOP_VALIDATORS[key](data[key], where.at(key), base)
    if "history" in data:
        history = data["history"]
        if history is False:
            values["keep_history"] = False
        elif history is not True:
            values["history"] = _path(history, where.at("history"), base)
    values["thresholds"] = _thresholds(data.get("thresholds", {}), where.at("thresholds"))
    values["crawl"] = _crawl(data.get("crawl", {}), where.at("crawl"), base)
    values["ignore"] = _ignores(data.get("ignore", []), where.at("ignore"))
    return Config(**values)


@dataclass(frozen=True)
class _Where:
    """Where a value came from, for error messages: ``file: key`` or ``command line: --opt``."""

    source: str
    key: str = ""

    def at(self, key: str) -> _Where:
        return _Where(self.source, f"{self.key}.{key}" if self.key else key)

    def index(self, n: int) -> _Where:
        return _Where(self.source, f"{self.key}[{n}]")

    def error(self, problem: str) -> UsageError:
        return UsageError(f"{self.source}: {self.key}: {problem}" if self.key else problem)


def _known_keys(table: Mapping[str, Any], known: Iterable[str], where: _Where) -> None:
    known = tuple(known)
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(known)}"
            raise where.at(key).error(f"unknown setting{hint}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _site(value: Any, where: _Where, _: Path | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"must be the web address of the site, got {value!r}")
    text = value.strip()
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise where.error(f"must be an http:// or https:// address, got {value!r}")
    return text


def _year(value: Any, where: _Where, _: Path | None = None) -> int:
    if isinstance(value, str) and to_arabic_digits(value.strip()).isdigit():
        value = int(to_arabic_digits(value.strip()))
    if not _is_int(value):
        raise where.error(f"must be a Buddhist-era year such as 2568, got {value!r}")
    if 1990 <= value <= 2100:
        raise where.error(
            f"use the Buddhist-era (พ.ศ.) year: {value} + 543 = {value + 543}, got {value}"
        )
    if not 2560 <= value <= 2700:
        raise where.error(f"must be a Buddhist-era year such as 2568, got {value}")
    return int(value)


def _pack(value: Any, where: _Where, _: Path | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"must be a rule pack id such as 'nacc-oit-2568', got {value!r}")
    return value.strip()


def _formats(value: Any, where: _Where, _: Path | None = None) -> tuple[str, ...]:
    names = _string_list(value, where, "a list of report formats")
    try:
        return tuple(check_formats(names))
    except UsageError as exc:
        raise where.error(str(exc)) from None


def _fail_on(value: Any, where: _Where, _: Path | None = None) -> tuple[str, ...]:
    names = [n.strip().lower().replace("-", "_") for n in _string_list(value, where, "a list")]
    for name in names:
        if name not in FAIL_ON_CHOICES:
            raise where.error(f"unknown value {name!r}; choose from: {', '.join(FAIL_ON_CHOICES)}")
    if "never" in names and len(names) > 1:
        raise where.error("'never' cannot be combined with other values")
    if not names:
        raise where.error("must not be empty (use 'never' to always exit 0)")
    return tuple(dict.fromkeys(names))


def _string_list(value: Any, where: _Where, what: str) -> list[str]:
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(",")) if part]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise where.error(f"must be {what} (or one comma-separated string), got {value!r}")


def _path(value: Any, where: _Where, base: Path | None) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"must be a file or folder path, got {value!r}")
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() or base is None else base / path


_TOP_VALIDATORS: dict[str, Any] = {
    "site": _site,
    "year": _year,
    "pack": _pack,
    "formats": _formats,
    "output": _path,
    "fail_on": _fail_on,
}


def _table(value: Any, where: _Where) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise where.error(f"must be a table ([{where.key}]), got {value!r}")
    return value


def _thresholds(value: Any, where: _Where) -> Thresholds:
    table = _table(value, where)
    _known_keys(table, _THRESHOLD_KEYS, where)
    if "min_score" not in table:
        return Thresholds()
    return Thresholds(min_score=_min_score(table["min_score"], where.at("min_score")))


def _min_score(value: Any, where: _Where, _: Path | None = None) -> float:
    if not _is_number(value) or not 0 <= value <= 100:
        raise where.error(f"must be a score from 0 to 100, got {value!r}")
    return float(value)


def _whole(minimum: int, maximum: int | None = None) -> Any:
    def check(value: Any, where: _Where, _: Path | None = None) -> int:
        if not _is_int(value) or value < minimum or (maximum is not None and value > maximum):
            bound = f"from {minimum} to {maximum}" if maximum is not None else f"≥ {minimum}"
            raise where.error(f"must be a whole number {bound}, got {value!r}")
        return int(value)

    return check


def _seconds(minimum: float, strict: bool) -> Any:
    def check(value: Any, where: _Where, _: Path | None = None) -> float:
        if not _is_number(value) or value < minimum or (strict and value == minimum):
            sign = ">" if strict else "≥"
            raise where.error(f"must be a number of seconds {sign} {minimum:g}, got {value!r}")
        return float(value)

    return check


def _flag(value: Any, where: _Where, _: Path | None = None) -> bool:
    if not isinstance(value, bool):
        raise where.error(f"must be true or false, got {value!r}")
    return value


_CRAWL_VALIDATORS: dict[str, Any] = {
    "max_pages": _whole(1),
    "max_documents": _whole(0),
    "max_depth": _whole(0),
    "min_interval": _seconds(0, strict=False),
    "per_host_concurrency": _whole(1, 8),
    "timeout": _seconds(0, strict=True),
    "strict_tls": _flag,
    "cache_dir": _path,
}


def _crawl(value: Any, where: _Where, base: Path | None) -> CrawlOptions:
    table = _table(value, where)
    _known_keys(table, _CRAWL_KEYS, where)
    return CrawlOptions(
        **{key: _CRAWL_VALIDATORS[key](v, where.at(key), base) for key, v in table.items()}
    )


def _ignores(value: Any, where: _Where) -> tuple[IgnoreEntry, ...]:
    if not isinstance(value, list):
        raise where.error("must be a list of [[ignore]] tables with item, reason and expires")
    entries = []
    for n, raw in enumerate(value):
        at = where.index(n)
        table = _table(raw, at)
        _known_keys(table, _IGNORE_KEYS, at)
        for key in _IGNORE_KEYS:
            if key not in table:
                raise at.at(key).error(
                    "missing: every ignore entry needs item, reason and expires (YYYY-MM-DD)"
                )
        item, reason, expires = table["item"], table["reason"], table["expires"]
        if not isinstance(item, str) or not item.strip():
            raise at.at("item").error(f"must be an item id such as 'o16', got {item!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise at.at("reason").error("must say why the item is ignored")
        entries.append(IgnoreEntry(item.strip(), reason.strip(), _date(expires, at.at("expires"))))
    return tuple(entries)


def _date(value: Any, where: _Where) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise where.error(f"must be a date written YYYY-MM-DD (e.g. 2025-06-30), got {value!r}")


# --------------------------------------------------------------------------- overrides

_OVERRIDE_VALIDATORS: dict[str, Any] = {
    **_TOP_VALIDATORS,
    "history": _path,
    "keep_history": _flag,
    "min_score": _min_score,
}


def merge_options(config: Config, **options: Any) -> Config:
    """``config`` with command-line values on top; options that are None are not given.

    Keys are Config fields (``site``, ``formats``, ``history``, ``keep_history``, …), threshold
    fields (``min_score``) and crawl fields (``max_pages``, ``strict_tls``, …). Values are
    checked like the file's, and errors name the option (``--max-pages``).
    """
    top: dict[str, Any] = {}
    crawl: dict[str, Any] = {}
    thresholds: dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        where = _Where("command line", "--" + key.replace("_", "-"))
        if key in _CRAWL_VALIDATORS:
            crawl[key] = _CRAWL_VALIDATORS[key](value, where, None)
        elif key == "min_score":
            thresholds[key] = _min_score(value, where)
        elif key in _OVERRIDE_VALIDATORS:
            top[key] = _OVERRIDE_VALIDATORS[key](value, where, None)
        else:
            raise TypeError(f"merge_options: unknown option {key!r}")
    if crawl:
        top["crawl"] = dataclasses.replace(config.crawl, **crawl)
    if thresholds:
        top["thresholds"] = dataclasses.replace(config.thresholds, **thresholds)
    return dataclasses.replace(config, **top)


# --------------------------------------------------------------------------- ignores

_ITEM_CODE = re.compile(r"^(?:ข้อ)?o?0*(\d+)$")


def item_key(item_id: str) -> str:
    """``O16``, ``o 16``, ``ข้อ o16``, ``๑๖`` and ``o016`` all name item ``o16``."""
    text = to_arabic_digits(item_id).lower().replace(" ", "")
    match = _ITEM_CODE.match(text)
    return f"o{int(match.group(1))}" if match else text


def apply_ignores(report: Report, ignores: Iterable[IgnoreEntry], today: date) -> Report:
    """A copy of ``report`` with unexpired ignore entries applied.

    An ignored item keeps its verdict, gets ``ignored = True`` and an ``item_ignored`` note, so
    exit codes and regressions skip it. An expired entry is not applied and is listed as an
    ``ignore_expired`` site finding; an entry naming no item of the report as
    ``ignore_unknown_item``.
    """
    result = report.model_copy(deep=True)
    by_key = {item_key(item.item_id): item for item in result.items}
    findings: list[Problem] = []
    for entry in ignores:
        params = {"item": entry.item, "reason": entry.reason, "expires": entry.expires.isoformat()}
        if entry.expires < today:
            findings.append(make("ignore_expired", **params))
            continue
        item = by_key.get(item_key(entry.item))
        if item is None:
            findings.append(make("ignore_unknown_item", **params))
            continue
        item.ignored = True
        note = make("item_ignored", **params)
        if note not in item.problems:
            item.problems.append(note)
    result.site_findings.extend(f for f in findings if f not in result.site_findings)
    return result
