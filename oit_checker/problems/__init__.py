"""Every problem code a user can see, with its Thai and English message, in one place.

Codes are stable: reports, history and CI dashboards key on them. Messages are templates with
``{name}`` placeholders filled from keyword arguments. Each pipeline stage keeps its codes in its
own module of this package (crawl, extract, match, assess); ``make`` is the only way to build a
:class:`~oit_checker.models.Problem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oit_checker.models import Problem


@dataclass(frozen=True)
class ProblemSpec:
    code: str
    th: str
    en: str


_REGISTRY: dict[str, ProblemSpec] = {}


def register(*specs: ProblemSpec) -> None:
    for spec in specs:
        if spec.code in _REGISTRY and _REGISTRY[spec.code] != spec:
            raise ValueError(f"problem code registered twice: {spec.code}")
        _REGISTRY[spec.code] = spec


def spec(code: str) -> ProblemSpec:
    _load_catalogs()
    try:
        return _REGISTRY[code]
    except KeyError:
        raise KeyError(f"unknown problem code: {code}") from None


def all_specs() -> list[ProblemSpec]:
    _load_catalogs()
    return sorted(_REGISTRY.values(), key=lambda s: s.code)


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def make(code: str, url: str | None = None, **params: Any) -> Problem:
    """Build a Problem from its code, filling the message templates with ``params``."""
    s = spec(code)
    values = _SafeDict({k: _display(v) for k, v in params.items()})
    return Problem(
        code=code,
        message_th=s.th.format_map(values),
        message_en=s.en.format_map(values),
        url=url,
        params={k: _jsonable(v) for k, v in params.items()},
    )


def _display(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


_loaded = False


def _load_catalogs() -> None:
    global _loaded
    if _loaded:
        return
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    _loaded = True


__all__ = ["ProblemSpec", "all_specs", "make", "register", "spec"]
