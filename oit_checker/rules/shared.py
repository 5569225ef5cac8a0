"""The bundled shared recognisers: ``rules/shared/recognizers.yaml``.

Patterns that many elements of every year need (a phone number, an e-mail address, a
"there were no complaints" statement) are defined there once, by name; elements refer to them
with ``use: [name]``. Every pack gets them when it is validated (a pack's own ``recognizers:``
entry of the same name wins), so a correction is one edit in one file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from oit_checker.rules.recognizer import SharedRecognizer, _Strict, bind_all

SHARED_DIR = "shared"
SHARED_FILE = "recognizers.yaml"


class SharedFile(_Strict):
    """The file's shape: a schema version and the named recognisers."""

    schema_version: int = 1
    recognizers: dict[str, SharedRecognizer]


def shared_path() -> Path:
    from oit_checker.rules.loader import pack_dir

    return pack_dir() / SHARED_DIR / SHARED_FILE


def bundled_recognizers() -> dict[str, SharedRecognizer]:
    """Fresh copies of the bundled shared recognisers (a pack binds them to its own table)."""
    path = shared_path()
    try:
        stat = path.stat()
    except OSError:
        return {}
    table = _load(path, stat.st_mtime_ns, stat.st_size)
    return {name: rec.model_copy(deep=True) for name, rec in table.items()}


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int, size: int) -> dict[str, SharedRecognizer]:
    from oit_checker.rules.loader import RulePackError, _display, _format_errors, _parse

    shown = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError([f"{shown}: cannot read the shared recognisers: {exc}"]) from None
    data, node = _parse(text, path.suffix.lower(), shown)
    try:
        parsed = SharedFile.model_validate(data)
    except ValidationError as exc:
        raise RulePackError(_format_errors(exc, shown, node)) from None
    problems = bind_all(parsed.recognizers)
    if problems:
        raise RulePackError([f"{shown}: {p}" for p in problems])
    return parsed.recognizers


__all__ = ["SHARED_DIR", "SHARED_FILE", "SharedFile", "bundled_recognizers", "shared_path"]
