"""What the matcher knows about one pack, compiled once: folded phrases of every item in one
trie regex, URL and file-name patterns, and the code map.

``read_label`` scores a short text (link text, title, heading, hub row, file name) against all
items; ``count_phrases`` counts item phrases in a long text (document body).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from oit_checker.match.codes import CodeHit, find_codes
from oit_checker.match.trie import trie_pattern
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold


class PhraseKind(StrEnum):
    TITLE = "title"
    LABEL = "label"
    MISSPELLING = "misspelling"
    SYNONYM = "synonym"
    ALIAS = "alias"
    NEGATIVE = "negative"


KIND_WEIGHT: dict[PhraseKind, float] = {
    PhraseKind.TITLE: 1.0,
    PhraseKind.LABEL: 1.0,
    PhraseKind.MISSPELLING: 0.95,
    PhraseKind.SYNONYM: 0.8,
    PhraseKind.ALIAS: 0.8,
}


@dataclass(frozen=True, slots=True)
class PhraseRef:
    item_id: str
    kind: PhraseKind
    phrase: str
    """The phrase as written in the pack."""


@dataclass(slots=True)
class LabelReading:
    """How a short text reads against the pack's items."""

    text: str
    scores: dict[str, float] = field(default_factory=dict)
    """item id → label quality in [0, 1] (phrase kind × how much of the text it covers)."""
    phrases: dict[str, str] = field(default_factory=dict)
    """item id → the pack phrase behind its score."""
    negatives: dict[str, str] = field(default_factory=dict)
    """item id → a negative phrase of that item found in the text."""
    codes: list[CodeHit] = field(default_factory=list)

    def best(self) -> tuple[str, float] | None:
        if not self.scores:
            return None
        item_id = max(self.scores, key=lambda i: (self.scores[i], -_num(i)))
        return item_id, self.scores[item_id]

    @property
    def empty(self) -> bool:
        return not (self.scores or self.negatives or self.codes)


@dataclass(slots=True)
class UrlReading:
    """What a URL says about items: pack URL/file-name patterns, codes, words in the file name."""

    path: str
    """Lower-cased, percent-decoded path and query."""
    file_name: str
    url_items: dict[str, str] = field(default_factory=dict)
    """item id → URL pattern that matched."""
    file_items: dict[str, str] = field(default_factory=dict)
    """item id → file-name pattern that matched."""
    file_label: LabelReading | None = None
    """The file name's words read as a label (``o10-โครงการ….pdf``)."""
    codes: list[CodeHit] = field(default_factory=list)


def _num(item_id: str) -> int:
    return int(item_id[1:]) if item_id[1:].isdigit() else 0


# Text that says nothing about which item a label means; removed before measuring coverage.
_FILLER = re.compile(
    r"ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี|พ\.ศ\.?|ปี(?=\s*\d)|ita|oit|"
    r"\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|html?|php)\b|https?://\S+"
)
_NOT_LETTERS = re.compile(r"[^\u0e01-\u0e2e\u0e30-\u0e4ea-z]+")
_LEADING_CODE = re.compile(r"^[\s\-•*·]*(?:ข้อ\s*)?(?:oit|o)?\s?[._\-]?\s?\d{1,3}(?!\d)\s*[.:)\-]?")
_LATIN_EDGE = re.compile(r"[a-z0-9]")
_SEGMENT_SPLIT = re.compile(r"\s+[-|:»·]+\s+|\s*\|\s*|\s*::\s*")

LABEL_CACHE_SIZE = 20_000


class PackIndex:
    """Everything about one pack that matching needs, compiled once (see :func:`index_for`)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.items = {item.id: item for item in pack.items}
        self._refs: dict[str, list[PhraseRef]] = {}
        for item in pack.items:
            s = item.signals
            self._add(item.id, PhraseKind.TITLE, [item.title_th])
            self._add(item.id, PhraseKind.LABEL, s.labels)
            # another year's title for the same content (a 2568-style heading on a 2569 page)
            self._add(item.id, PhraseKind.LABEL, [o.title_th for o in item.other_year_labels])
            self._add(item.id, PhraseKind.MISSPELLING, s.misspellings)
            self._add(item.id, PhraseKind.SYNONYM, s.synonyms)
            self._add(item.id, PhraseKind.ALIAS, [a for a in item.aliases if not find_codes(a)])
            self._add(item.id, PhraseKind.NEGATIVE, s.negative)
        pattern = trie_pattern(sorted(self._refs))
        self._overlapping = re.compile(f"(?=({pattern}))")
        self._plain = re.compile(pattern)
        self._url_patterns = [
            _Pattern(item.id, p, re.compile(p), required_literal(p))
            for item in pack.items
            for p in item.signals.url_patterns
        ]
        self._file_patterns = [
            _Pattern(item.id, p, re.compile(p), required_literal(p))
            for item in pack.items
            for p in item.signals.filename_patterns
        ]
        self._url_gate = _Gate(self._url_patterns)
        self._file_gate = _Gate(self._file_patterns)
        self._labels: dict[str, LabelReading] = {}
        self._urls: dict[str, UrlReading] = {}
        self.hub_summaries: dict[str, tuple[tuple[int, ...], str | None]] = {}
        """label → (item codes it names, item it clearly names): kept for ``hub._may_be_hub``."""

    def _add(self, item_id: str, kind: PhraseKind, phrases: list[str]) -> None:
        for phrase in phrases:
            key = fold(phrase)
            if len(key) < 2:
                continue
            refs = self._refs.setdefault(key, [])
            if not any(r.item_id == item_id for r in refs) or kind is PhraseKind.NEGATIVE:
                refs.append(PhraseRef(item_id, kind, phrase))

    # ----------------------------------------------------------------------- short texts

    def read_label(self, text: str) -> LabelReading:
        """Score a short text against every item (cached: menus repeat on every page)."""
        cached = self._labels.get(text)
        if cached is not None:
            return cached
        reading = self._read_label(text)
        if len(self._labels) >= LABEL_CACHE_SIZE:
            self._labels.clear()
        self._labels[text] = reading
        return reading

    def _read_label(self, text: str) -> LabelReading:
        reading = LabelReading(text=text, codes=find_codes(text) if text else [])
        segments = _SEGMENT_SPLIT.split(text) if len(text) > 12 else [text]
        for segment in segments:
            self._read_segment(segment, reading)
        return reading

    def _read_segment(self, text: str, reading: LabelReading) -> None:
        """Score one segment of a label (titles put the site name after " - " or " | ")."""
        folded = fold(text)
        if not folded:
            return
        spans = self._spans(folded)
        if not spans:
            return
        core = _core_length(folded)
        covered: dict[str, set[int]] = {}
        best_kind: dict[str, float] = {}
        for start, end, key in spans:
            for ref in self._refs[key]:
                if ref.kind is PhraseKind.NEGATIVE:
                    reading.negatives.setdefault(ref.item_id, ref.phrase)
                    continue
                positions = covered.setdefault(ref.item_id, set())
                positions.update(i for i in range(start, end) if folded[i] not in " .-_/")
                weight = KIND_WEIGHT[ref.kind]
                if weight > best_kind.get(ref.item_id, 0.0):
                    best_kind[ref.item_id] = weight
                    reading.phrases.setdefault(ref.item_id, ref.phrase)
        for item_id, positions in covered.items():
            coverage = min(1.0, len(positions) / core) if core else 1.0
            score = round(best_kind[item_id] * (0.25 + 0.75 * coverage), 3)
            if score > reading.scores.get(item_id, 0.0):
                reading.scores[item_id] = score

    def _spans(self, folded: str) -> list[tuple[int, int, str]]:
        """Phrase occurrences, dropping those inside a longer occurrence of another phrase."""
        found: list[tuple[int, int, str]] = []
        for m in self._overlapping.finditer(folded):
            key = m.group(1)
            start, end = m.start(), m.start() + len(key)
            if not _latin_bounded(folded, start, end, key):
                continue
            found.append((start, end, key))
        if len(found) < 2:
            return found
        return [
            (s, e, k)
            for s, e, k in found
            if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in found)
        ]

    # ----------------------------------------------------------------------- long texts

    def count_phrases(self, folded: str) -> tuple[Counter[str], Counter[str], dict[str, str]]:
        """Positive and negative phrase occurrences per item in a folded long text, and one
        example phrase per item (for the signal's explanation)."""
        positive: Counter[str] = Counter()
        negative: Counter[str] = Counter()
        example: dict[str, str] = {}
        for m in self._plain.finditer(folded):
            key = m.group(0)
            if not _latin_bounded(folded, m.start(), m.end(), key):
                continue
            for ref in self._refs[key]:
                if ref.kind is PhraseKind.NEGATIVE:
                    negative[ref.item_id] += 1
                    example.setdefault("-" + ref.item_id, ref.phrase)
                else:
                    positive[ref.item_id] += 1
                    example.setdefault(ref.item_id, ref.phrase)
        return positive, negative, example

    # ----------------------------------------------------------------------- URLs

    def read_url(self, url: str) -> UrlReading:
        """Patterns, codes and file-name words of a URL (cached per URL)."""
        cached = self._urls.get(url)
        if cached is not None:
            return cached
        reading = self._read_url(url)
        if len(self._urls) >= LABEL_CACHE_SIZE:
            self._urls.clear()
        self._urls[url] = reading
        return reading

    def _read_url(self, url: str) -> UrlReading:
        try:
            parts = urlsplit(url)
        except ValueError:
            return UrlReading(path="", file_name="")
        path = unquote(parts.path + ("?" + parts.query if parts.query else "")).lower()
        file_name = unquote(parts.path.rsplit("/", 1)[-1]).lower()
        reading = UrlReading(path=path, file_name=file_name, codes=find_codes(path or "/"))
        _pattern_items(self._url_gate.candidates(path), path, reading.url_items)
        if file_name:
            _pattern_items(self._file_gate.candidates(file_name), file_name, reading.file_items)
        stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
        words = re.sub(r"[_\-+.]+", " ", stem).strip()
        if re.search(r"[\u0e01-\u0e4e]", words):
            label = self._read_label(words)
            label.codes = []  # codes of the path are in reading.codes already
            reading.file_label = label
        return reading


_CODE_ONLY = re.compile(r"[^a-z0-9]*(?:oit|o)?[ _.\-]?\d{1,3}[^a-z0-9]*")


@dataclass(frozen=True, slots=True)
class _Pattern:
    item_id: str
    raw: str
    rx: re.Pattern[str]
    literal: str | None
    """A substring every match contains: a cheap ``in`` test before running the regex."""


class _Gate:
    """Picks the patterns worth running on a text: those whose required literal occurs in it
    (found with one trie regex), plus those without one."""

    def __init__(self, patterns: list[_Pattern]) -> None:
        self._always = [p for p in patterns if p.literal is None]
        self._by_literal: dict[str, list[_Pattern]] = {}
        for p in patterns:
            if p.literal is not None:
                self._by_literal.setdefault(p.literal, []).append(p)
        literals = sorted(self._by_literal)
        # The trie regex reports the longest literal at each position; shorter literals that
        # are its prefixes occur there too.
        self._prefixes = {lit: [x for x in literals if lit.startswith(x)] for lit in literals}
        self._rx = re.compile(f"(?=({trie_pattern(literals)}))") if literals else None

    def candidates(self, text: str) -> list[_Pattern]:
        if self._rx is None:
            return self._always
        found: set[str] = set()
        for m in self._rx.finditer(text):
            found.update(self._prefixes[m.group(1)])
        if not found:
            return self._always
        out = list(self._always)
        for lit in sorted(found):
            out.extend(self._by_literal[lit])
        return out


def _pattern_items(patterns: list[_Pattern], text: str, out: dict[str, str]) -> None:
    """Items whose patterns match ``text``. A match that is nothing but an item code is left
    to the (weak) code signal: codes mean different items in different years."""
    for p in patterns:
        if p.item_id in out:
            continue
        for m in p.rx.finditer(text):
            if not _CODE_ONLY.fullmatch(m.group(0)):
                out[p.item_id] = p.raw
                break


def required_literal(pattern: str) -> str | None:
    """The longest plain-text run outside groups that every match of ``pattern`` contains,
    or None when there is none to rely on (top-level alternation, only classes)."""
    best = run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if depth == 0 and nxt and not nxt.isalnum():
                run += nxt
            else:
                best, run = max(best, run, key=len), ""
            i += 2
            continue
        if c == "[":
            j = i + 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            best, run = max(best, run, key=len), ""
            i = j + 1
            continue
        if c == "|" and depth == 0:
            return None
        if c in "?*{":
            run = run[:-1]
            best, run = max(best, run, key=len), ""
            if c == "{":
                i = pattern.find("}", i) + 1 or len(pattern)
                continue
        elif c in "()":
            depth += 1 if c == "(" else -1
            best, run = max(best, run, key=len), ""
        elif c in ".^$+|":
            best, run = max(best, run, key=len), ""
        elif depth == 0:
            run += c
        i += 1
    best = max(best, run, key=len)
    return best or None


def _latin_bounded(text: str, start: int, end: int, key: str) -> bool:
    """A phrase that starts or ends with a Latin letter or digit must not be part of a word."""
    if _LATIN_EDGE.match(key[0]) and start > 0 and _LATIN_EDGE.match(text[start - 1]):
        return False
    return not (_LATIN_EDGE.match(key[-1]) and end < len(text) and _LATIN_EDGE.match(text[end]))


def _core_length(folded: str) -> int:
    text = _LEADING_CODE.sub("", folded)
    text = _FILLER.sub("", text)
    return len(_NOT_LETTERS.sub("", text))


_INDEXES: dict[int, PackIndex] = {}


def index_for(pack: Pack) -> PackIndex:
    """The compiled index of a pack, built on first use and kept for the process."""
    index = _INDEXES.get(id(pack))
    if index is None or index.pack is not pack:
        index = PackIndex(pack)
        _INDEXES[id(pack)] = index
    return index


__all__ = [
    "KIND_WEIGHT",
    "LabelReading",
    "PackIndex",
    "PhraseKind",
    "PhraseRef",
    "UrlReading",
    "index_for",
]
