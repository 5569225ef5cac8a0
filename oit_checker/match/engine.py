"""The matching engine: pages and files → scored candidates per checklist item.

Documents are fed one at a time in any order (``Matcher.add``). Each one contributes two kinds
of evidence: about itself (title, headings, body, its URL and file name) and about the pages
it links to (anchor texts, and the rows of an ITA hub page). Evidence is kept per target URL as
a handful of :class:`~oit_checker.models.Signal` objects, so that every verdict can be
explained and memory stays proportional to the number of URLs that look relevant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oit_checker.crawl.urls import url_key
from oit_checker.match import scoring as w
from oit_checker.match.codes import CodeWhere, code_to_item_id
from oit_checker.match.hub import (
    HUB_MIN_ITEMS,
    HubPage,
    HubRow,
    detect_hub,
    is_button,
    strip_button,
)
from oit_checker.match.index import LabelReading, PackIndex, UrlReading, index_for
from oit_checker.match.priority import make_priority
from oit_checker.models import Candidate, Document, Link, Signal, SignalKind
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold

BODY_CHARS = 3000
"""Body text read for matching: the start of a document (cover page, heading, introduction)
says what it is; reading further costs time on every page and adds little."""
LABEL_SIGNAL_MIN = 0.45
"""Label quality below which a title, heading or anchor is not taken as a signal."""
SIGNALS_PER_KIND = 3
"""Signals of one kind kept per candidate (strongest first) — enough to explain it."""
CANDIDATES_PER_ITEM = 20
MISMATCH_MIN_OTHER = 0.45
"""Content score for another item from which a label/content mismatch is reported."""
MISMATCH_MAX_OWN = 0.2

_MISMATCH = re.compile(r"content matches (o\d{2})\b")


@dataclass(slots=True)
class _Target:
    """What is known about one URL."""

    signals: dict[str, list[Signal]] = field(default_factory=dict)
    """item id → signals from other pages (hub rows, anchors)."""
    content: dict[str, list[Signal]] | None = None
    """item id → signals from the document itself; None until the document is added."""
    via_hub: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    """item id → the hub/anchor label that pointed here (for the mismatch explanation)."""
    relabelled: dict[str, str] = field(default_factory=dict)
    """item id → the hub row label whose code names another item of this pack (a row kept
    from another year's numbering, judged for this item by its title)."""


class Matcher:
    """Incremental matcher for one pack. ``add`` documents, then read ``candidates()``."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._index: PackIndex = index_for(pack)
        self._targets: dict[str, _Target] = {}
        self._hubs: dict[frozenset[tuple[str, str]], HubPage] = {}
        self._seen_anchors: set[tuple[str, str]] = set()
        self._seen_links: set[tuple[str, str, str]] = set()

    # ----------------------------------------------------------------------- feeding

    def add(self, doc: Document) -> None:
        """Score the document's own content and record what its links say about their targets."""
        key = url_key(doc.url)
        target = self._target(key)
        target.content = self._content(doc)
        hub = detect_hub(doc, self.pack)
        in_rows: set[int] = set()
        if hub is not None:
            self._add_hub(hub)
            for row in hub.rows:
                for link in row.links:
                    in_rows.add(id(link))
                    if link.url and not link.url.startswith(("mailto:", "tel:")):
                        self._hub_signal(url_key(link.url), row, hub)
        for link in doc.links:
            if not link.url or link.url.startswith(("mailto:", "tel:")) or id(link) in in_rows:
                continue
            link_key = url_key(link.url)
            if link_key == key:
                continue
            self._anchor(link, link_key, doc.url)
            if link_key not in self._targets:
                # "ดาวน์โหลด" → /ita/o-21.pdf: the URL itself may be the only hint.
                reading = self._index.read_url(link_key)
                if (
                    reading.url_items
                    or reading.file_items
                    or reading.codes
                    or (reading.file_label is not None and reading.file_label.scores)
                ):
                    self._target(link_key)

    def hubs(self) -> list[HubPage]:
        """Hub pages found so far; a hub repeated on many pages (a site menu) is listed once."""
        return list(self._hubs.values())

    # ----------------------------------------------------------------------- results

    def candidates(self) -> dict[str, list[Candidate]]:
        """item id → candidates, best first (every pack item is a key, possibly with [])."""
        result: dict[str, list[Candidate]] = {item.id: [] for item in self.pack.items}
        for key, target in self._targets.items():
            url_signals = self._url_signals(self._index.read_url(key), key)
            content: dict[str, list[Signal]] = {}
            for item_id, signals in (target.content or {}).items():
                content.setdefault(item_id, []).extend(signals)
            for item_id, signals in url_signals.items():
                content.setdefault(item_id, []).extend(
                    s for s in signals if s.kind is SignalKind.FILE_NAME
                )
            content_scores = {i: w.combine(s) for i, s in content.items()}
            items = set(target.signals) | set(target.content or {}) | set(url_signals)
            for item_id in items:
                if item_id not in result:
                    continue
                signals = [
                    *target.signals.get(item_id, []),
                    *(target.content or {}).get(item_id, []),
                    *url_signals.get(item_id, []),
                ]
                if target.content is not None:
                    mismatch = self._mismatch(item_id, target, content_scores)
                    if mismatch is not None:
                        signals.append(mismatch)
                if not any(s.kind is not SignalKind.NEGATIVE for s in signals):
                    continue
                score = w.combine(signals)
                if score < w.MIN_SCORE:
                    continue
                signals.sort(key=lambda s: (s.kind is SignalKind.NEGATIVE, -s.weight))
                result[item_id].append(
                    Candidate(
                        item_id=item_id,
                        url=key,
                        score=score,
                        signals=signals,
                        via_hub=target.via_hub.get(item_id),
                        labelled_as=target.relabelled.get(item_id),
                    )
                )
        for item_id, candidates in result.items():
            candidates.sort(key=lambda c: (-c.score, c.via_hub is None, c.url))
            del candidates[CANDIDATES_PER_ITEM:]
            result[item_id] = candidates
        return result

    # ----------------------------------------------------------------------- internals

    def _target(self, key: str) -> _Target:
        target = self._targets.get(key)
        if target is None:
            target = self._targets[key] = _Target()
        return target

    def _add_hub(self, hub: HubPage) -> None:
        signature = frozenset(
            (row.item_id or "", url_key(link.url)) for row in hub.rows for link in row.links
        )
        known = self._hubs.get(signature)
        if known is None or (hub.year and not known.year):
            self._hubs[signature] = hub

    def _hub_signal(self, key: str, row: HubRow, hub: HubPage) -> None:
        if row.item_id is None:
            return
        target = self._target(key)
        label = row.label[:120]
        if row.label_score > 0:
            weight = w.HUB_LABEL * row.label_score
            detail = f'hub row "{label}" on {hub.url}'
            if row.code_item and row.code_item != row.item_id:
                detail += (
                    f" (its code {row.code} is {row.code_item} in this pack; the label decides)"
                )
                target.relabelled.setdefault(row.item_id, row.label[:120])
        else:
            weight = w.HUB_CODE_ONLY
            detail = f'hub row "{label}" on {hub.url} (by its code only)'
        _put(
            target.signals,
            row.item_id,
            Signal(kind=SignalKind.HUB_LABEL, detail=detail, weight=round(weight, 3)),
        )
        target.via_hub.setdefault(row.item_id, hub.url)
        target.labels.setdefault(row.item_id, row.label[:120])

    def _anchor(self, link: Link, key: str, page: str) -> None:
        seen = (key, link.text, link.context)
        if seen in self._seen_links:
            return
        self._seen_links.add(seen)
        text = link.text
        factor = 1.0
        if is_button(text) and link.context:
            text = strip_button(link.context, link.text)
            factor = 0.85
        if not text or (key, text) in self._seen_anchors:
            return
        self._seen_anchors.add((key, text))
        reading = self._index.read_label(text)
        if reading.empty:
            return
        shown = text[:100]
        target: _Target | None = None
        for item_id, quality in _top(reading):
            target = target or self._target(key)
            weight = round(w.ANCHOR_TEXT * quality * factor, 3)
            _put(
                target.signals,
                item_id,
                Signal(
                    kind=SignalKind.ANCHOR_TEXT, detail=f'anchor "{shown}" on {page}', weight=weight
                ),
            )
            target.labels.setdefault(item_id, shown)
        for hit in reading.codes:
            if hit.where is not CodeWhere.LABEL:
                continue
            code_item = code_to_item_id(hit.number, self.pack)
            if code_item is None:
                continue
            target = target or self._target(key)
            _put(
                target.signals,
                code_item,
                Signal(
                    kind=SignalKind.CODE,
                    detail=f'code {hit.raw} in anchor "{shown}" on {page}',
                    weight=w.CODE_LABEL,
                ),
            )
        for item_id, phrase in reading.negatives.items():
            target = target or self._target(key)
            _put(
                target.signals,
                item_id,
                Signal(
                    kind=SignalKind.NEGATIVE,
                    detail=f'anchor "{shown}" says "{phrase}", which is not {item_id}',
                    weight=w.NEGATIVE_ANCHOR,
                ),
            )

    def _content(self, doc: Document) -> dict[str, list[Signal]]:
        index = self._index
        out: dict[str, list[Signal]] = {}
        if doc.title:
            reading = index.read_label(doc.title)
            shown = doc.title[:100]
            for item_id, quality in _top(reading):
                _put(
                    out,
                    item_id,
                    Signal(
                        kind=SignalKind.TITLE,
                        detail=f'title "{shown}"',
                        weight=round(w.TITLE * quality, 3),
                    ),
                )
            self._content_codes_and_negatives(reading, f'title "{shown}"', out)
        heading_hits: dict[str, tuple[float, str]] = {}
        for heading in doc.headings[:20]:
            reading = index.read_label(heading)
            for item_id, quality in _top(reading):
                if quality > heading_hits.get(item_id, (0.0, ""))[0]:
                    heading_hits[item_id] = (quality, heading[:100])
            self._content_codes_and_negatives(reading, f'heading "{heading[:100]}"', out)
        damp = 1.0 if len(heading_hits) < HUB_MIN_ITEMS else 1.0 / len(heading_hits)
        for item_id, (quality, heading) in heading_hits.items():
            weight = round(w.HEADING * quality * max(damp, 0.15), 3)
            _put(
                out,
                item_id,
                Signal(kind=SignalKind.HEADING, detail=f'heading "{heading}"', weight=weight),
            )
        if doc.text:
            self._body(doc, out)
        return out

    def _content_codes_and_negatives(
        self, reading: LabelReading, where: str, out: dict[str, list[Signal]]
    ) -> None:
        for hit in reading.codes:
            if hit.where is CodeWhere.LABEL:
                item_id = code_to_item_id(hit.number, self.pack)
                if item_id:
                    _put(
                        out,
                        item_id,
                        Signal(
                            kind=SignalKind.CODE,
                            detail=f"code {hit.raw} in {where}",
                            weight=w.CODE_LABEL,
                        ),
                    )
        for item_id, phrase in reading.negatives.items():
            _put(
                out,
                item_id,
                Signal(
                    kind=SignalKind.NEGATIVE,
                    detail=f'{where} says "{phrase}", which is not {item_id}',
                    weight=w.NEGATIVE_PHRASE,
                ),
            )

    def _body(self, doc: Document, out: dict[str, list[Signal]]) -> None:
        positive, negative, example = self._index.count_phrases(fold(doc.text[:BODY_CHARS]))
        # Menu and hub links are part of a page's text; their labels are not its content.
        for link in doc.links:
            if link.text:
                for item_id in self._index.read_label(link.text).scores:
                    if positive[item_id] > 0:
                        positive[item_id] -= 1
        positive = +positive
        total = sum(positive.values())
        for item_id, count in positive.items():
            weight = w.body_weight(count, count / total)
            if weight >= 0.05:
                detail = f'body mentions "{example[item_id]}" ×{count}'
                _put(out, item_id, Signal(kind=SignalKind.BODY, detail=detail, weight=weight))
        for item_id, count in negative.items():
            phrase = example.get("-" + item_id, "")
            detail = f'body says "{phrase}" ×{count}, which is not {item_id}'
            _put(
                out,
                item_id,
                Signal(kind=SignalKind.NEGATIVE, detail=detail, weight=w.NEGATIVE_PHRASE),
            )

    def _url_signals(self, reading: UrlReading, url: str) -> dict[str, list[Signal]]:
        out: dict[str, list[Signal]] = {}
        for item_id, pattern in reading.url_items.items():
            _put(
                out,
                item_id,
                Signal(
                    kind=SignalKind.URL, detail=f"URL matches /{pattern}/", weight=w.URL_PATTERN
                ),
            )
        for item_id, pattern in reading.file_items.items():
            detail = f'file name "{reading.file_name}" matches /{pattern}/'
            _put(
                out,
                item_id,
                Signal(kind=SignalKind.FILE_NAME, detail=detail, weight=w.FILE_PATTERN),
            )
        if reading.file_label is not None:
            for item_id, quality in _top(reading.file_label):
                detail = f'file name "{reading.file_name}"'
                _put(
                    out,
                    item_id,
                    Signal(
                        kind=SignalKind.FILE_NAME,
                        detail=detail,
                        weight=round(w.FILE_NAME * quality, 3),
                    ),
                )
        for hit in reading.codes:
            code_item = code_to_item_id(hit.number, self.pack)
            if code_item:
                _put(
                    out,
                    code_item,
                    Signal(
                        kind=SignalKind.CODE,
                        detail=f"code {hit.raw} in the URL path",
                        weight=w.CODE_PATH,
                    ),
                )
        return out

    def _mismatch(
        self, item_id: str, target: _Target, content_scores: dict[str, float]
    ) -> Signal | None:
        """A label (hub row or anchor) says ``item_id`` but the content clearly is another item."""
        label = target.labels.get(item_id)
        if label is None:
            return None
        own = content_scores.get(item_id, 0.0)
        others = [(score, other) for other, score in content_scores.items() if other != item_id]
        if not others or own > MISMATCH_MAX_OWN:
            return None
        score, other = max(others)
        if score < MISMATCH_MIN_OTHER:
            return None
        title = self.pack.item(other).title_th if other in self._index.items else other
        via_hub = item_id in target.via_hub
        source = "hub label" if via_hub else "link label"
        detail = (
            f'{source} "{label}" says {item_id} but the content matches {other} {title}'
            f" (content score {score:.2f} vs {own:.2f})"
        )
        weight = w.MISMATCH_HUB if via_hub else w.MISMATCH_ANCHOR
        return Signal(kind=SignalKind.NEGATIVE, detail=detail, weight=weight)


def mismatch_of(candidate: Candidate) -> str | None:
    """The item the candidate's content matches instead, if a mismatch signal says so."""
    for signal in candidate.signals:
        if signal.kind is SignalKind.NEGATIVE:
            m = _MISMATCH.search(signal.detail)
            if m:
                return m.group(1)
    return None


def _top(reading: LabelReading, limit: int = 3) -> list[tuple[str, float]]:
    ranked = sorted(reading.scores.items(), key=lambda kv: -kv[1])
    return [(item_id, q) for item_id, q in ranked[:limit] if q >= LABEL_SIGNAL_MIN]


def _put(store: dict[str, list[Signal]], item_id: str, signal: Signal) -> None:
    """Keep at most SIGNALS_PER_KIND distinct signals of a kind, the strongest."""
    signals = store.setdefault(item_id, [])
    same = [s for s in signals if s.kind is signal.kind]
    if any(s.detail == signal.detail for s in same):
        return
    if len(same) < SIGNALS_PER_KIND:
        signals.append(signal)
        return
    weakest = min(same, key=lambda s: s.weight)
    if signal.weight > weakest.weight:
        signals[signals.index(weakest)] = signal


__all__ = ["Matcher", "make_priority", "mismatch_of"]
