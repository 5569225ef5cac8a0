"""The rule-pack schema: the OIT checklist of one scheme and assessment year, as data.

A pack is a YAML (or JSON) file under ``rules/``. Adding next year's checklist means adding a
pack file, never changing code: everything the matcher and the assessment need about an item
(how to find it, what it must contain, which period it must cover, which wrong documents are
often posted in its place, what to tell the webmaster) is here.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from oit_checker.rules.recognizer import Recognizer, SharedRecognizer, bind_all

ITEM_ID = re.compile(r"^o\d{2}$")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackStatus(StrEnum):
    OFFICIAL = "official"
    """Copied from the NACC manual of that year."""
    RECONSTRUCTED = "reconstructed"
    """Rebuilt from agency pages and other public sources; see each item's provenance."""
    PROVISIONAL = "provisional"
    """An expected list, not (yet) published by the scheme's owner, or partly guessed: every
    report says so (``Pack.notice_th`` / ``notice_en`` give the wording)."""


class Confidence(StrEnum):
    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"


class ItemStatus(StrEnum):
    DEFINED = "defined"
    """Name and content established (with the provenance's confidence)."""
    UNKNOWN = "unknown"
    """The item number exists but its content could not be established; verdict is review."""


class TimeWindow(StrEnum):
    CURRENT = "current"
    """In force now; no period to check (structure, contact, manuals, channels)."""
    FISCAL_YEAR = "fiscal_year"
    """Made for / dated in the pack's fiscal year (plans, announcements, news)."""
    FIRST_HALF = "first_half"
    """Covers the first six months of the fiscal year, ต.ค.–มี.ค. (six-month reports, statistics)."""
    MONTHLY = "monthly"
    """One entry per month of the fiscal year so far, at least ต.ค.–มี.ค.; a month without
    activity must say so explicitly."""
    PREVIOUS_FISCAL_YEAR = "previous_fiscal_year"
    """Annual result reports: the fiscal year before the pack's year."""
    MULTI_YEAR = "multi_year"
    """A plan whose period covers the pack's fiscal year: usually several years (e.g.
    2566–2570); a plan made for that one year also fits."""


class EvidenceKind(StrEnum):
    DOCUMENT = "document"
    """A page or file whose content must hold the elements."""
    CHANNEL = "channel"
    """A working link from the main site to a channel (E-Service, social network, Q&A, complaint
    form); the channel itself may live on another host."""


class Source(_Strict):
    title: str
    url: str | None = None


class Provenance(_Strict):
    confidence: Confidence
    source: str
    """Where the item's name, number and elements come from (short, human readable)."""
    note: str | None = None


class Element(_Strict):
    """A required data element of an item (e.g. the executive's photo, the complaint time frame)."""

    id: str
    th: str
    en: str
    recognize: Recognizer
    optional: bool = False
    applies_to: list[str] = Field(default_factory=list)
    """Agency types this element applies to (e.g. ``lao`` for อปท.); empty means all."""
    required_after: Literal["first_half"] | None = None
    """The element is due only once this part of the pack's fiscal year is over (the progress
    of a plan-and-progress item is due after the first six months, ต.ค.–มี.ค.). Before that a
    missing element is "not yet due" (a note), never a fail; optional elements ignore it."""

    @field_validator("id")
    @classmethod
    def _key(cls, value: str) -> str:
        if not KEY.match(value):
            raise ValueError(f"element id must be snake_case ascii, got {value!r}")
        return value


class Signals(_Strict):
    """How an item is found on a site. Phrases are matched folded; patterns are regexes."""

    labels: list[str] = Field(default_factory=list)
    """The item's official title and the short labels sites put on menus and hub pages."""
    synonyms: list[str] = Field(default_factory=list)
    """Other wordings that mean the same document (e.g. แผนพัฒนาท้องถิ่น for a strategic plan)."""
    misspellings: list[str] = Field(default_factory=list)
    url_patterns: list[str] = Field(default_factory=list)
    """Regexes on the URL path and query (lower-cased, percent-decoded)."""
    filename_patterns: list[str] = Field(default_factory=list)
    """Regexes on the file name of a linked document (lower-cased, percent-decoded)."""
    negative: list[str] = Field(default_factory=list)
    """Phrases that speak against the item (e.g. ทะเบียนคุม for a procurement plan)."""

    @field_validator("url_patterns", "filename_patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
        return value


class WrongDocument(_Strict):
    """A document agencies often post in place of the right one, and how to tell."""

    id: str
    problem_code: str
    """Stable problem code reported when this pattern is found (see oit_checker.problems)."""
    th: str
    """What the document is instead, in Thai (e.g. ทะเบียนคุมการขอซื้อขอจ้าง)."""
    en: str
    recognize: Recognizer
    unless: Recognizer | None = None
    """If this also matches, the document is the right one after all."""


class Dependency(_Strict):
    item: str
    """Id of the base item in the same pack."""
    th: str
    en: str


class Persons(_Strict):
    """An item that lists people and requires elements of *each* of them (the executives: the
    head and every deputy; for อปท. the political and the permanent side). Every person the
    page lists under one of ``positions`` is checked for the ``each`` elements, and the report
    says who lacks what."""

    name: Recognizer
    """How a person's name is written (its ``regex`` and shared ``use`` hits, e.g.
    ``use: [person_name]``)."""
    positions: Recognizer
    """Positions whose holders must be listed with the elements (its ``any_of`` phrases and
    those of the shared recognisers it uses: นายก, รองนายก, ปลัด …); a named person without
    one of them next to the name (a council member, staff) is not checked."""
    each: list[str] = Field(min_length=1)
    """Ids of the item's elements every listed person must have (photo, contact)."""


class Remediation(_Strict):
    th: str
    en: str


class OtherYearLabel(_Strict):
    """How another year's list numbers and names this item's content (criteria-2026-12.md D-17:
    an assessed agency's 2569 section first carried the 2568 list, 2568 numbers and titles with
    2569 dates). The title is read as a label of this item, so a hub row "O11 ข้อมูลสถิติการให้
    บริการ" on a 2569 page is judged for 2569 O10 by its title and content, and the report says
    how it was labelled."""

    year: int
    """The assessment year (พ.ศ.) of that list."""
    code: str
    """The item's code in that list, as sites write it (``O11``)."""
    title_th: str
    """The item's title in that list."""
    title_en: str
    """What it means, in a few English words (``service statistics``)."""

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not re.fullmatch(r"[Oo]\d{1,2}", value):
            raise ValueError(f"other-year code must look like O11, got {value!r}")
        return value

    @property
    def number(self) -> int:
        return int(self.code[1:])


class Item(_Strict):
    id: str
    """Zero-padded id, ``o01``–``o43``."""
    key: str
    """Topic key that stays the same across years (e.g. ``procurement_plan``); ``rules diff``
    uses it to tell renumbered and renamed items from added and removed ones."""
    merged_from: list[str] = Field(default_factory=list)
    """Keys of earlier-year items that this item combines."""
    status: ItemStatus = ItemStatus.DEFINED
    aliases: list[str] = Field(default_factory=list)
    """Extra codes sites use for this item beyond the automatic ones (O1, o01, 01, 001, OIT1…)."""
    other_year_labels: list[OtherYearLabel] = Field(default_factory=list)
    """Codes and titles another year's list gives this item's content (see OtherYearLabel)."""
    title_th: str
    title_en: str
    indicator: str
    sub_indicator: str
    signals: Signals = Field(default_factory=Signals)
    elements: list[Element] = Field(default_factory=list)
    window: TimeWindow = TimeWindow.CURRENT
    window_alternatives: list[TimeWindow] = Field(
        default_factory=list,
        description=(
            "Other periods that also satisfy the item, where the sources disagree on the period"
            " (e.g. a No Gift report for the previous or the current fiscal year). Evidence that"
            " misses 'window' but fits one of these passes. Not 'current'."
        ),
    )
    """Other periods that also satisfy the item, for items whose period the sources disagree
    on (e.g. a No Gift report for the previous *or* the current fiscal year). Evidence that
    misses ``window`` but fits one of these is accepted, so an uncertain reconstruction never
    fails a document that one credible reading of the criteria allows. Say in
    ``provenance.note`` which sources disagree; drop the alternative once the manual settles it.
    ``current`` is not allowed here (it would switch the period check off)."""
    evidence_kind: EvidenceKind = EvidenceKind.DOCUMENT
    none_statements: list[str] = Field(default_factory=list)
    """Phrases by which an agency states there was nothing to publish (e.g. ไม่มีการจัดซื้อจัดจ้าง),
    which the assessment accepts in place of data for that period."""
    depends_on: list[Dependency] = Field(default_factory=list)
    wrong_documents: list[WrongDocument] = Field(default_factory=list)
    persons: Persons | None = None
    """Elements required of every listed person (see :class:`Persons`)."""
    remediation: Remediation
    provenance: Provenance

    @field_validator("id")
    @classmethod
    def _item_id(cls, value: str) -> str:
        if not ITEM_ID.match(value):
            raise ValueError(
                f"item id must look like o01 (lower-case o, two digits), got {value!r}"
            )
        return value

    @field_validator("key")
    @classmethod
    def _topic_key(cls, value: str) -> str:
        if not KEY.match(value):
            raise ValueError(f"item key must be snake_case ascii, got {value!r}")
        return value

    @model_validator(mode="after")
    def _window_alternatives(self) -> Item:
        alternatives = self.window_alternatives
        if TimeWindow.CURRENT in alternatives:
            raise ValueError(
                "window_alternatives: 'current' would switch the period check off;"
                " give the other period the sources name instead"
            )
        if self.window is TimeWindow.CURRENT and alternatives:
            raise ValueError("window_alternatives need a window other than 'current'")
        if self.window in alternatives:
            raise ValueError(f"window_alternatives repeats the item's window {self.window}")
        if len(set(alternatives)) != len(alternatives):
            raise ValueError("window_alternatives lists a period twice")
        return self

    @model_validator(mode="after")
    def _persons_elements(self) -> Item:
        if self.persons is not None:
            ids = {e.id for e in self.elements}
            unknown = [e for e in self.persons.each if e not in ids]
            if unknown:
                raise ValueError(f"persons.each names elements the item does not have: {unknown}")
            if not (self.persons.name.regex or self.persons.name.use):
                raise ValueError("persons.name needs a regex or a shared recogniser (use)")
            if not (self.persons.positions.any_of or self.persons.positions.use):
                raise ValueError("persons.positions needs phrases (any_of) or use")
        return self

    @model_validator(mode="after")
    def _defined_has_elements(self) -> Item:
        if self.status is ItemStatus.DEFINED and not self.elements:
            raise ValueError(
                "a defined item needs at least one element (otherwise any page would pass);"
                " use status: unknown for an item whose content is not established"
            )
        return self

    @property
    def number(self) -> int:
        return int(self.id[1:])


def _recognizers_of(item: Item) -> list[tuple[str, Recognizer]]:
    out = [(f"elements[{e}].recognize", el.recognize) for e, el in enumerate(item.elements)]
    if item.persons is not None:
        out.append(("persons.name", item.persons.name))
        out.append(("persons.positions", item.persons.positions))
    for w, wrong in enumerate(item.wrong_documents):
        out.append((f"wrong_documents[{w}].recognize", wrong.recognize))
        if wrong.unless is not None:
            out.append((f"wrong_documents[{w}].unless", wrong.unless))
    return out


class Pack(_Strict):
    schema_version: Literal[1] = 1
    id: str
    """e.g. ``nacc-2567``."""
    scheme: str
    """e.g. ``nacc`` (the NACC list for government agencies and อปท.)."""
    year: int
    """Assessment year, พ.ศ. (e.g. 2567)."""
    fiscal_year_start: date
    fiscal_year_end: date
    status: PackStatus
    title_th: str
    title_en: str
    sources: list[Source] = Field(default_factory=list)
    notes: str | None = None
    notice_th: str | None = None
    """Shown at the top of every report made with this pack, Thai first (e.g. "รายการที่คาดว่า
    จะใช้ ยังไม่ประกาศโดยสำนักงาน ป.ป.ช." for an expected list carried forward from last year)."""
    notice_en: str | None = None
    carried_forward_from: str | None = None
    """Id of the pack whose list this one repeats with its own periods (an expected list)."""
    recognizers: dict[str, SharedRecognizer] = Field(default_factory=dict)
    """The pack's own shared recognisers (``use: [name]``); the bundled ones of
    ``rules/shared/recognizers.yaml`` are added when the pack is validated, the pack's own win
    over a bundled one of the same name."""
    items: list[Item]

    @model_validator(mode="before")
    @classmethod
    def _bundled_recognizers(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        from oit_checker.rules.shared import bundled_recognizers

        own = data.get("recognizers") or {}
        if not isinstance(own, dict):
            return data
        return {**data, "recognizers": {**bundled_recognizers(), **own}}

    @model_validator(mode="after")
    def _resolve_recognizers(self) -> Pack:
        problems = bind_all(self.recognizers)
        for i, item in enumerate(self.items):
            for where, rec in _recognizers_of(item):
                for name in rec.bind(self.recognizers):
                    problems.append(
                        f"items[{i}].{where}.use: unknown shared recogniser {name!r}"
                        f" (known: {', '.join(sorted(self.recognizers)) or 'none'})"
                    )
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @model_validator(mode="after")
    def _notice_in_both_languages(self) -> Pack:
        if bool(self.notice_th) != bool(self.notice_en):
            raise ValueError("notice_th and notice_en go together (reports are Thai and English)")
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Pack:
        ce_year = self.year - 543
        if self.fiscal_year_start != date(ce_year - 1, 10, 1):
            raise ValueError(
                f"fiscal_year_start must be {date(ce_year - 1, 10, 1)} for fiscal year {self.year}"
            )
        if self.fiscal_year_end != date(ce_year, 9, 30):
            raise ValueError(
                f"fiscal_year_end must be {date(ce_year, 9, 30)} for fiscal year {self.year}"
            )
        problems: list[str] = []
        first_id: dict[str, int] = {}
        first_key: dict[str, int] = {}
        for index, item in enumerate(self.items):
            if item.id in first_id:
                problems.append(
                    f"items[{index}].id: duplicate item id {item.id}"
                    f" (also items[{first_id[item.id]}])"
                )
            first_id.setdefault(item.id, index)
            if item.key in first_key:
                problems.append(
                    f"items[{index}].key: duplicate item key {item.key}"
                    f" (also items[{first_key[item.key]}])"
                )
            first_key.setdefault(item.key, index)
        if not problems:
            for index, item in enumerate(self.items):
                expected = f"o{index + 1:02d}"
                if item.id != expected:
                    problems.append(
                        f"items[{index}].id: items must be numbered o01, o02, … in order"
                        f" without gaps; expected {expected}, got {item.id}"
                    )
                    break
        for index, item in enumerate(self.items):
            for d, dep in enumerate(item.depends_on):
                where = f"items[{index}].depends_on[{d}].item"
                if dep.item == item.id:
                    problems.append(f"{where}: item {item.id} depends on itself")
                elif dep.item not in first_id:
                    problems.append(
                        f"{where}: item {item.id} depends on {dep.item}, which is not in the pack"
                    )
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def complete(self) -> bool:
        """Every item's content is established (used to pick the default pack)."""
        return all(item.status is ItemStatus.DEFINED for item in self.items)
