"""How a rule pack says that a piece of evidence is in a document: recognisers as data.

A :class:`Recognizer` belongs to an element (or a wrong-document pattern) of an item. What many
elements share — a phone number, an e-mail address, a "nothing to report" statement — is a
:class:`SharedRecognizer`, defined once under a name in ``rules/shared/recognizers.yaml`` (or in a
pack's own ``recognizers:``) and referenced with ``use:``, so that correcting a pattern is one
edit in one data file and needs no release.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _compiles(value: list[str]) -> list[str]:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return value


class Recognizer(_Strict):
    """How a piece of evidence is recognised in a document's text (matched after
    ``oit_checker.thai.text.fold``, so spelling variants and Thai digits are covered).

    The alternatives given (``any_of``, ``regex``, ``link_hosts``, ``link_regex``,
    ``table_cells`` and the shared recognisers named in ``use``) are OR-ed: their hits are
    counted together against ``min_count``. ``all_of`` and ``needs_image`` are conditions on
    top (AND). ``reject_preceded_by`` / ``reject_followed_by`` describe near misses: a regex hit
    in such a context is not counted (a fax number where a phone number is asked for).
    """

    any_of: list[str] = Field(default_factory=list)
    """Phrases; one of them is enough."""
    all_of: list[str] = Field(default_factory=list)
    """Phrases that must all occur."""
    regex: list[str] = Field(default_factory=list)
    """Regular expressions on the normalised (not folded) text: Arabic digits, one space;
    one match is enough."""
    reject_preceded_by: list[str] = Field(default_factory=list)
    """Near misses: regexes tried on the text just before a ``regex`` hit (the same line, at
    most 40 characters); a hit whose preceding text matches one of them at its end is not
    counted (e.g. ``โทรสาร\\s*$`` for a phone number)."""
    reject_followed_by: list[str] = Field(default_factory=list)
    """Near misses: regexes tried at the start of the text just after a ``regex`` hit."""
    min_count: int = 1
    """How many distinct occurrences are needed (e.g. at least 2 rows, 2 deputies)."""
    needs_image: bool = False
    """An image (e.g. a person's photo) must be present in the document."""
    link_hosts: list[str] = Field(default_factory=list)
    """A link to one of these hosts counts as the evidence (e.g. maps.google.com for a map)."""
    link_regex: list[str] = Field(default_factory=list)
    """A link whose URL matches one of these regexes counts (e.g. ``^mailto:`` addresses)."""
    table_cells: list[str] = Field(default_factory=list)
    """Regexes a whole table cell must match to count: cells of data rows (not the first,
    header row) and not of the first column (row numbers, month names). Blank cells never
    match, so a table of headers with empty cells has no figure."""
    use: list[str] = Field(default_factory=list)
    """Names of shared recognisers whose hits count as alternatives of this one."""

    _shared: list[SharedRecognizer] | None = PrivateAttr(default=None)

    @field_validator("regex", "reject_preceded_by", "reject_followed_by", "link_regex")
    @classmethod
    def _regex_compiles(cls, value: list[str]) -> list[str]:
        return _compiles(value)

    @field_validator("table_cells")
    @classmethod
    def _cells_compile(cls, value: list[str]) -> list[str]:
        return _compiles(value)

    @field_validator("use")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        for name in value:
            if not NAME.match(name):
                raise ValueError(f"shared recogniser names are snake_case ascii, got {name!r}")
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Recognizer:
        if not (
            self.any_of
            or self.all_of
            or self.regex
            or self.needs_image
            or self.link_hosts
            or self.link_regex
            or self.table_cells
            or self.use
        ):
            raise ValueError(
                "a recognizer needs at least one of any_of, all_of, regex, needs_image,"
                " link_hosts, link_regex, table_cells, use"
            )
        if (self.reject_preceded_by or self.reject_followed_by) and not self.regex:
            raise ValueError("reject_preceded_by / reject_followed_by apply to regex hits only")
        return self

    @property
    def has_alternatives(self) -> bool:
        return bool(
            self.any_of
            or self.regex
            or self.link_hosts
            or self.link_regex
            or self.table_cells
            or self.use
        )

    @property
    def shared(self) -> list[SharedRecognizer]:
        """The shared recognisers named in ``use``, as resolved when the pack was loaded."""
        if not self.use:
            return []
        if self._shared is None:
            raise LookupError(f"shared recognisers {self.use} were not resolved (load the pack)")
        return self._shared

    def bind(self, table: dict[str, SharedRecognizer]) -> list[str]:
        """Resolve ``use`` against ``table``; returns the names it does not hold."""
        unknown = [name for name in self.use if name not in table]
        self._shared = [table[name] for name in self.use if name in table]
        return unknown


class Examples(_Strict):
    """Texts as agencies write them, kept next to the recogniser (checked by the tests)."""

    match: list[str] = Field(default_factory=list)
    """Each must be recognised."""
    miss: list[str] = Field(default_factory=list)
    """Near misses: each must not be recognised."""


class SharedRecognizer(Recognizer):
    """A recogniser used by several elements (``use: [name]``): only alternatives, no
    conditions (``all_of``, ``min_count``, ``needs_image`` belong to the element)."""

    th: str
    en: str
    examples: Examples = Field(default_factory=Examples)

    @model_validator(mode="after")
    def _alternatives_only(self) -> SharedRecognizer:
        if self.all_of or self.needs_image or self.min_count != 1:
            raise ValueError(
                "a shared recogniser holds alternatives only; put all_of, min_count and"
                " needs_image on the element that uses it"
            )
        return self


def bind_all(recognizers: dict[str, SharedRecognizer]) -> list[str]:
    """Resolve the shared recognisers' own ``use`` among themselves; returns problems
    (unknown names, cycles)."""
    problems: list[str] = []
    for name, rec in recognizers.items():
        for unknown in rec.bind(recognizers):
            problems.append(f"recognizers.{name}.use: unknown shared recogniser {unknown!r}")
    for name in recognizers:
        if _cycle(name, recognizers, ()):
            problems.append(f"recognizers.{name}.use: uses itself (directly or through others)")
    return problems


def _cycle(name: str, table: dict[str, SharedRecognizer], path: tuple[str, ...]) -> bool:
    if name in path:
        return True
    rec = table.get(name)
    return rec is not None and any(_cycle(n, table, (*path, name)) for n in rec.use)


__all__ = ["Examples", "Recognizer", "SharedRecognizer", "bind_all"]
