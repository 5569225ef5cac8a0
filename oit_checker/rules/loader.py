"""Finding, loading and validating rule packs.

Every error names the file and the place inside it (``items[3].elements[0].recognize``) and,
for YAML, the line, because the people who fix packs edit them by hand.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from oit_checker.errors import UsageError
from oit_checker.rules.schema import Pack, PackStatus
from oit_checker.thai.text import fold, to_arabic_digits

PACK_SUFFIXES = (".yaml", ".yml", ".json")
SCHEMA_FILE = "pack.schema.json"
WRONG_DOCUMENT_PREFIX = "wrong_document_"

# Official copies win over reconstructions of the same year.
_STATUS_RANK = {PackStatus.OFFICIAL: 0, PackStatus.RECONSTRUCTED: 1, PackStatus.PROVISIONAL: 2}


class RulePackError(UsageError):
    """A rule pack could not be found, read or validated.

    ``errors`` holds one line per problem, each starting with the file name.
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass(frozen=True)
class PackInfo:
    """One pack file in the pack directory, as ``rules list`` shows it."""

    path: Path
    id: str | None = None
    scheme: str | None = None
    year: int | None = None
    status: PackStatus | None = None
    items: int = 0
    complete: bool = False
    title_th: str | None = None
    title_en: str | None = None
    error: str | None = None
    """Why the file did not load; the other fields are then unset."""


# --------------------------------------------------------------------------- locating


def pack_dir() -> Path:
    """The directory holding the bundled packs.

    In an installed wheel the packs live in ``oit_checker/_rules`` (force-included by
    pyproject); in a checkout they are the repository's ``rules/``.
    """
    installed = resources.files("oit_checker").joinpath("_rules")
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "rules"


def pack_files(directory: Path | None = None) -> list[Path]:
    """Pack files in ``directory`` (default :func:`pack_dir`), sorted by name."""
    directory = directory or pack_dir()
    if not directory.is_dir():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file() and p.suffix in PACK_SUFFIXES and p.name != SCHEMA_FILE
    )


def available_packs(directory: Path | None = None) -> list[PackInfo]:
    """Every pack file with its id, scheme, year, status, item count and completeness.

    A file that does not load is listed with its error rather than hiding the others.
    """
    infos: list[PackInfo] = []
    for path in pack_files(directory):
        try:
            pack = load_pack(path)
        except RulePackError as exc:
            infos.append(PackInfo(path=path, error=str(exc)))
            continue
        infos.append(
            PackInfo(
                path=path,
                id=pack.id,
                scheme=pack.scheme,
                year=pack.year,
                status=pack.status,
                items=len(pack.items),
                complete=pack.complete,
                title_th=pack.title_th,
                title_en=pack.title_en,
            )
        )
    return sorted(infos, key=lambda i: (i.scheme or "", i.year or 0, i.path.name))


def get_pack(
    year: int | None = None,
    pack_file: Path | None = None,
    scheme: str = "nacc",
    today: date | None = None,
) -> Pack:
    """The pack to use for a run.

    ``pack_file`` (a user's own pack) wins; else the bundled pack of ``scheme`` and ``year``;
    else the calendar default for ``today`` (:func:`oit_checker.rules.default.default_pack`:
    from 1 October of พ.ศ. N−1 on, the best pack of ITA N).
    """
    if pack_file is not None:
        return load_pack(pack_file)
    if year is None:
        from oit_checker.rules.default import default_pack

        return load_pack(default_pack(today, scheme=scheme).info.path)
    infos = [i for i in available_packs() if i.error is None and i.scheme == scheme]
    matching = [i for i in infos if i.year == year]
    if not matching:
        years = ", ".join(str(i.year) for i in infos) or "none"
        raise RulePackError(
            [
                f"ไม่มีชุดเกณฑ์ {scheme} ปี {year} (ที่มี: {years}) /"
                f" no {scheme} rule pack for {year} (available: {years})"
            ]
        )
    best = min(matching, key=lambda i: _STATUS_RANK.get(i.status or PackStatus.PROVISIONAL, 9))
    return load_pack(best.path)


# --------------------------------------------------------------------------- item ids

_CODE_NOISE = re.compile(r"[\s._\-:#()\[\]]+")
_CODE = re.compile(r"^(?:oit|o)?(\d{1,3})$")


def resolve_item_id(code: str, pack: Pack) -> str | None:
    """The pack's item id for what a user typed: ``O1``, ``o 16``, ``021``, ``OIT1``,
    ``ข้อ o1``, ``o01``, ``16``, an item's extra alias or its topic key. None if no item fits.

    ``MOIT1`` (the MOPH scheme) and ``EB1`` (old ITA evidence items) are not OIT codes.
    """
    text = to_arabic_digits(code).strip()
    if not text:
        return None
    folded = fold(text)
    for item in pack.items:
        if folded == item.key or any(fold(a) == folded for a in item.aliases):
            return item.id
    cleaned = _CODE_NOISE.sub("", text.lower())
    cleaned = cleaned.removeprefix("ข้อ")
    match = _CODE.match(cleaned)
    if not match:
        return None
    item_id = f"o{int(match.group(1)):02d}"
    return item_id if any(item.id == item_id for item in pack.items) else None


# --------------------------------------------------------------------------- loading


def load_pack(path: Path) -> Pack:
    """Read and validate one pack file (YAML or JSON).

    Raises :class:`RulePackError` with one line per problem, naming the file, the path inside
    it and (for YAML) the line.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise RulePackError(
            [f"{_display(path)}: cannot read the rule pack: {exc.strerror}"]
        ) from None
    return _load_cached(path.resolve(), stat.st_mtime_ns, stat.st_size, _display(path))


@lru_cache(maxsize=32)
def _load_cached(path: Path, mtime_ns: int, size: int, shown: str) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RulePackError([f"{shown}: the file is not UTF-8 text"]) from None
    except OSError as exc:
        raise RulePackError([f"{shown}: cannot read the rule pack: {exc.strerror}"]) from None
    data, lines = _parse(text, path.suffix.lower(), shown)
    if not isinstance(data, dict):
        raise RulePackError([f"{shown}: a rule pack must be a mapping (id, year, items, …)"])
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        raise RulePackError(_format_errors(exc, shown, lines)) from None
    problems = _check_problem_codes(pack)
    if problems:
        raise RulePackError([_line(shown, loc, msg, lines) for loc, msg in problems])
    return pack


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 4x


class _UniqueKeyLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that rejects a key given twice in one mapping (YAML silently keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"key {key!r} appears twice in one mapping (first on line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)
# Dates stay strings: pydantic parses them, and "2567-13-01" then gets a clear message.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse(text: str, suffix: str, shown: str) -> tuple[Any, yaml.Node | None]:
    """The data, plus the YAML node tree used to report line numbers."""
    if suffix == ".json":
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            raise RulePackError(
                [
                    f"{shown}:{exc.lineno}: invalid JSON"
                    f" (line {exc.lineno}, column {exc.colno}): {exc.msg}"
                ]
            ) from None
    try:
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "cannot parse"
        raise RulePackError([f"{shown}{where}: invalid YAML{at}: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise RulePackError([f"{shown}: invalid YAML: {exc}"]) from None
    return data, node


# --------------------------------------------------------------------------- error messages

_PATH_PREFIX = re.compile(r"^((?:items|sources)\[\d+\](?:\.[a-z_]+(?:\[\d+\])?)*): (.*)$", re.S)


def _format_errors(exc: ValidationError, shown: str, node: yaml.Node | None) -> list[str]:
    lines: list[str] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = _unknown_field_message(loc)
        elif error["type"] == "missing":
            message = f"required field {loc[-1]!r} is missing"
            loc = loc[:-1]
        # Pack-level checks name their own paths, one per line.
        for part in message.split("\n"):
            sub = _PATH_PREFIX.match(part)
            if sub and not loc:
                lines.append(_line(shown, _parse_loc(sub.group(1)), sub.group(2), node))
            else:
                lines.append(_line(shown, loc, part, node))
    return lines


def _line(shown: str, loc: tuple[str | int, ...], message: str, node: yaml.Node | None) -> str:
    line_no = _line_of(node, loc)
    where = f"{shown}:{line_no}" if line_no else shown
    path = _loc_text(loc)
    return f"{where}: {path}: {message}" if path else f"{where}: {message}"


def _loc_text(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _parse_loc(text: str) -> tuple[str | int, ...]:
    loc: list[str | int] = []
    for name, index in re.findall(r"([a-z_]+)|\[(\d+)\]", text):
        loc.append(int(index) if index else name)
    return tuple(loc)


def _line_of(node: yaml.Node | None, loc: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest YAML node on ``loc`` (None for JSON)."""
    if node is None:
        return None
    found = node
    key_line: int | None = None
    for part in loc:
        nxt: yaml.Node | None = None
        key_line = None
        if isinstance(found, yaml.MappingNode) and isinstance(part, str):
            for key, value in found.value:
                if getattr(key, "value", None) == part:
                    nxt, key_line = value, key.start_mark.line
                    break
        elif (
            isinstance(found, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(found.value)
        ):
            nxt = found.value[part]
        if nxt is None:
            break
        found = nxt
    # A mapping value starts on the line after its key; point at the key.
    return (key_line if key_line is not None else found.start_mark.line) + 1


def _unknown_field_message(loc: tuple[str | int, ...]) -> str:
    name = str(loc[-1])
    model = _model_at(loc[:-1])
    if model is None:
        return f"unknown field {name!r}"
    allowed = sorted(model.model_fields)
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown field {name!r}{hint} (allowed: {', '.join(allowed)})"


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The schema model that the value at ``loc`` must be."""
    current: Any = Pack
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """``list[X]`` → X, ``X | None`` → X."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _check_problem_codes(pack: Pack) -> list[tuple[tuple[str | int, ...], str]]:
    """Every wrong-document pattern must report a code that the problems catalog knows."""
    from oit_checker.problems import all_specs

    known = {s.code for s in all_specs()}
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for i, item in enumerate(pack.items):
        seen: set[str] = set()
        for w, wrong in enumerate(item.wrong_documents):
            loc: tuple[str | int, ...] = ("items", i, "wrong_documents", w, "problem_code")
            code = wrong.problem_code
            if not code.startswith(WRONG_DOCUMENT_PREFIX):
                problems.append(
                    (loc, f"problem_code must start with {WRONG_DOCUMENT_PREFIX!r}, got {code!r}")
                )
            elif code not in known:
                close = difflib.get_close_matches(code, sorted(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(
                    (
                        loc,
                        f"unknown problem code {code!r}{hint} (add it to"
                        " oit_checker/problems/wrong_document.py)",
                    )
                )
            if wrong.id in seen:
                problems.append(
                    (
                        ("items", i, "wrong_documents", w, "id"),
                        f"duplicate wrong-document id {wrong.id!r}",
                    )
                )
            seen.add(wrong.id)
    return problems


def clear_cache() -> None:
    """Forget loaded packs (tests that rewrite a file within one mtime tick)."""
    _load_cached.cache_clear()


__all__ = [
    "PackInfo",
    "RulePackError",
    "available_packs",
    "clear_cache",
    "get_pack",
    "load_pack",
    "pack_dir",
    "pack_files",
    "resolve_item_id",
]
