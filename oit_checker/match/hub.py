"""ITA/OIT hub pages: one page listing many checklist items, each with its links.

Agencies build them in many ways: a list of links whose text carries the label
(``<li><a>O1 โครงสร้าง</a></li>``), accordion headings with the links in a panel below, tables
with the code and label in the row and one "เปิด"/"ดาวน์โหลด" button per row. The row label is the
agency's own mapping of a URL to an item: a strong signal, but checked against content later.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from oit_checker.match.codes import CodeHit, CodeWhere, code_to_item_id, find_codes
from oit_checker.match.index import LABEL_CACHE_SIZE, LabelReading, PackIndex, index_for
from oit_checker.models import Document, Link
from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold, normalize

HUB_MIN_ITEMS = 4
"""Distinct items a page must list to count as a hub (sites split hubs per sub-indicator)."""
LABEL_MIN = 0.6
"""Label quality from which a row's text (rather than its code) decides its item."""

SECTION_GAP = 200
"""Characters of text allowed between a section title (or its previous link) and a link."""

# Link texts that say nothing about the target: the label is elsewhere in the row.
_BUTTONS = (
    "เปิด เปิดดู คลิก คลิกที่นี่ คลิกเลย คลิ๊ก คลิกดู ดาวน์โหลด ดาวโหลด download รายละเอียด"
    " ดูรายละเอียด อ่านต่อ อ่านเพิ่มเติม ดูเพิ่มเติม เพิ่มเติม ลิงก์ ลิงค์ link view open more pdf"
    " ไฟล์ เอกสาร ดู ที่นี่ เอกสารแนบ ไฟล์แนบ url แสดง >> » →"
)
BUTTON_WORDS = frozenset(fold(w) for w in _BUTTONS.split())
_ITA_PAGE = re.compile(
    r"\bita\b|\boit\b|ita\d|oit\d|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ|openintegrity"
)
_YEAR_PATTERNS = (
    re.compile(r"(?:ita|oit)\s*[-_]?\s*(25[6-9]\d|[6-9]\d)(?!\d)"),
    re.compile(r"(?:ปีงบประมาณ|ประจำปี|ปี|พ\.ศ\.*)\s*(25[6-9]\d)(?!\d)"),
)
# A line that opens with an item code (accordion titles, table rows rendered as lines).
_LINE_CODE = re.compile(
    r"^[ \t\-•*]*(?:ข้อ\s*)?(?:(?:o|oit)[ _.\-]?0{0,2}|0)([1-9]\d?)(?![\d./:)\-,])",
    re.IGNORECASE | re.MULTILINE,
)
_FILE_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|csv|pptx?|jpe?g|png|zip|rar)(?:$|\?)", re.IGNORECASE)
_LINK_TAGS = frozenset({"a", "area", "a_onclick", "area_onclick", "onclick", "embed", "object"})


@dataclass(slots=True)
class HubRow:
    label: str
    """The row's label as the agency wrote it (code, item name, sometimes a year)."""
    item_id: str | None
    """The pack item this row means: by its label text, or by its code if the text says nothing."""
    code: int | None
    links: list[Link] = field(default_factory=list)
    """The row's links, placeholders (``url == ""``) included."""
    label_score: float = 0.0
    """Label-text quality for ``item_id`` (0 when only the code decided)."""
    code_item: str | None = None
    """The item the code names in this pack; differs from ``item_id`` when the site numbers
    items another way (another year's list, a ministry scheme)."""


@dataclass(slots=True)
class HubPage:
    url: str
    rows: list[HubRow] = field(default_factory=list)
    year: int | None = None
    """Assessment year (พ.ศ.) the page names in its title, headings or URL, if any."""
    title: str = ""

    @property
    def items(self) -> set[str]:
        return {row.item_id for row in self.rows if row.item_id}


def detect_hub(doc: Document, pack: Pack) -> HubPage | None:
    """The ITA/OIT hub read from a page, or None when the page is not one."""
    index = index_for(pack)
    links = [link for link in doc.links if link.tag in _LINK_TAGS]
    if not links or not _may_be_hub(doc, links, index):
        return None
    labels, from_layout = _row_labels(doc, links, index)
    rows: dict[str, HubRow] = {}
    layout_rows: set[str] = set()
    for i, (link, label) in enumerate(zip(links, labels, strict=True)):
        if label is None:
            continue
        if i in from_layout:
            layout_rows.add(label)
        row = rows.get(label)
        if row is None:
            row = _make_row(label, index, pack)
            if row is None:
                continue
            rows[label] = row
        row.links.append(link)
    listed = [row for row in rows.values() if row.item_id]
    coded = sum(1 for row in listed if row.code is not None)
    items = {row.item_id for row in listed}
    if len(items) < HUB_MIN_ITEMS:
        return None
    by_layout = {row.item_id for row in listed if row.label in layout_rows}
    if (
        coded < 3
        and len(by_layout) < HUB_MIN_ITEMS
        and not _ITA_PAGE.search(fold(" ".join([doc.title, doc.url, *doc.headings[:5]])))
    ):
        return None
    return HubPage(url=doc.url, rows=listed, year=_year(doc), title=doc.title)


def content_hub(
    doc: Document, pack: Pack, navigation: frozenset[tuple[str, str]] = frozenset()
) -> HubPage | None:
    """The hub the page's own content forms, or None: only links outside its chrome count
    (menus, header, footer, side bars, and the ``navigation`` links the site repeats on most of
    its pages). An item's page that shows the site's ITA side menu is that item's page, not an
    index page; the menu still maps items to pages for :func:`detect_hub`."""
    links = [lk for lk in doc.links if not lk.nav and (lk.url, lk.text) not in navigation]
    if len(links) == len(doc.links):
        return detect_hub(doc, pack)
    return detect_hub(doc.model_copy(update={"links": links}), pack)


# --------------------------------------------------------------------------- quick test


def _may_be_hub(doc: Document, links: list[Link], index: PackIndex) -> bool:
    """Cheap test run on every page: codes of several items near links or in headings, or an
    ITA page that names several items. Only then is the layout analysed."""
    numbers: set[int] = set()
    items: set[str] = set()
    for text in dict.fromkeys((*(link.text for link in links), *doc.headings)):
        label_numbers, item = _label_summary(text, index)
        numbers.update(label_numbers)
        if item is not None:
            items.add(item)
    row_items: set[str] = set()
    for table in doc.tables:
        for row in table.rows[:80]:
            if not row:
                continue
            numbers.update(h.number for h in find_codes(row[0]) if h.where is CodeWhere.LABEL)
            if any(is_button(cell) for cell in row[1:]):
                best = index.read_label(" ".join(c for c in row if not is_button(c))).best()
                if best and best[1] >= LABEL_MIN:
                    row_items.add(best[0])
    if len(numbers) < 3:
        numbers.update(int(m.group(1)) for m in _LINE_CODE.finditer(doc.text[:20000]))
    if len(numbers) >= 3 or len(row_items) >= HUB_MIN_ITEMS:
        return True
    if len(items) < HUB_MIN_ITEMS:
        return False
    return bool(_ITA_PAGE.search(fold(" ".join([doc.title, doc.url, *doc.headings[:5]]))))


def _label_summary(text: str, index: PackIndex) -> tuple[tuple[int, ...], str | None]:
    """Item codes a label names and the item it clearly names, if any (cached: the same menu
    is on every page of a site)."""
    cache = index.hub_summaries
    known = cache.get(text)
    if known is None:
        reading = index.read_label(text)
        numbers = tuple(h.number for h in reading.codes if h.where is CodeWhere.LABEL)
        best = reading.best() if reading.scores else None
        known = (numbers, best[0] if best and best[1] >= LABEL_MIN else None)
        if len(cache) >= LABEL_CACHE_SIZE:
            cache.clear()
        cache[text] = known
    return known


# --------------------------------------------------------------------------- row labels


def is_button(text: str) -> bool:
    """Link text that says nothing about its target ("เปิด", "คลิก", "ดาวน์โหลด", an icon)."""
    if len(text) > 40:
        return False
    known = _BUTTON_CACHE.get(text)
    if known is None:
        folded = fold(text).strip(" .:()[]-*")
        known = not folded or folded in BUTTON_WORDS or (len(folded) <= 2 and not folded.isalnum())
        if len(_BUTTON_CACHE) > 50_000:
            _BUTTON_CACHE.clear()
        _BUTTON_CACHE[text] = known
    return known


_BUTTON_CACHE: dict[str, bool] = {}


def _informative(reading: LabelReading) -> bool:
    if any(h.where is not CodeWhere.PATH for h in reading.codes):
        return True
    best = reading.best()
    return best is not None and best[1] >= LABEL_MIN


def _row_labels(
    doc: Document, links: list[Link], index: PackIndex
) -> tuple[list[str | None], set[int]]:
    """One label per link: its own text, its row (context or table row), or the section
    (accordion heading, code line) it sits under; and which links got theirs from the layout
    (a row or section rather than their own text) — the mark of a hub rather than a menu."""
    labels: list[str | None] = [None] * len(links)
    pending: list[int] = []
    for i, link in enumerate(links):
        if not is_button(link.text) and _informative(index.read_label(link.text)):
            labels[i] = link.text
            continue
        context = strip_button(link.context, link.text)
        if context and _informative(index.read_label(context)):
            labels[i] = context
            continue
        pending.append(i)
    if pending:
        _labels_from_tables(doc, links, pending, labels, index)
        # Under a section title only buttons and files count: a page link with its own
        # wording ("ประชุมสภา") is not an item's evidence just because it follows one.
        loose = [
            i
            for i in pending
            if labels[i] is None and (is_button(links[i].text) or _FILE_URL.search(links[i].url))
        ]
        _labels_from_sections(doc, links, loose, labels, index)
    return labels, {i for i in pending if labels[i] is not None}


def strip_button(context: str, text: str) -> str:
    """The row text around a button link, without the button's own text."""
    if not context:
        return ""
    if text and context.endswith(text):
        context = context[: -len(text)]
    elif text:
        context = context.replace(text, " ")
    return normalize(context).strip(" |:-")


def _labels_from_tables(
    doc: Document,
    links: list[Link],
    pending: list[int],
    labels: list[str | None],
    index: PackIndex,
) -> None:
    """CMS tables: pair the k-th button link with the k-th table row holding that button."""
    queues: dict[str, list[str]] = {}
    for table in doc.tables:
        for row in table.rows:
            cells = [normalize(c) for c in row if c and c.strip()]
            buttons = [c for c in cells if is_button(c)]
            if not buttons:
                continue
            label = " ".join(c for c in cells if not is_button(c))
            for button in dict.fromkeys(buttons):
                queues.setdefault(fold(button), []).append(label)
    if not queues:
        return
    positions: Counter[str] = Counter()
    for i in pending:
        key = fold(links[i].text)
        queue = queues.get(key)
        if not queue or positions[key] >= len(queue):
            continue
        label = queue[positions[key]]
        positions[key] += 1
        if label and _informative(index.read_label(label)):
            labels[i] = label


def _labels_from_sections(
    doc: Document,
    links: list[Link],
    pending: list[int],
    labels: list[str | None],
    index: PackIndex,
) -> None:
    """Accordions and code lines: the label is the nearest preceding line that names an item.

    Links are located in the page text in document order; the label runs from the start of
    the section line up to the section's first link (so a table row rendered one cell per line
    still yields "O1 โครงสร้าง").
    """
    text = doc.text
    if not text:
        return
    headings = {normalize(h) for h in doc.headings}
    starts: list[int] = []
    ends: list[int] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= 300:
            reading = index.read_label(stripped) if stripped in headings else None
            coded = any(h.where is CodeWhere.LABEL for h in find_codes(stripped))
            if coded or (reading is not None and _informative(reading)):
                starts.append(offset)
                ends.append(offset + len(line))
        offset += len(line) + 1
    if not starts:
        return
    pos = 0
    located: dict[int, int] = {}
    pending_set = set(pending)
    for i, link in enumerate(links):
        if not link.text:
            continue
        found = text.find(link.text, pos)
        if found < 0:
            continue
        pos = found + len(link.text)
        if i in pending_set:
            located[i] = found
    first_link_in_section: dict[int, int] = {}
    reach: dict[int, int] = {}
    for i in sorted(located, key=located.__getitem__):
        section = bisect.bisect_right(starts, located[i]) - 1
        if section < 0:
            continue
        # A link far below its section's title (page text, a footer) is not part of it.
        if located[i] - reach.get(section, ends[section]) > SECTION_GAP:
            continue
        reach[section] = located[i] + len(links[i].text)
        first_link_in_section.setdefault(section, located[i])
        end = max(ends[section], first_link_in_section[section])
        raw = text[starts[section] : min(end, starts[section] + 300)]
        label = normalize(raw.replace("\n", " "))
        label = strip_button(label, links[i].text) if label.endswith(links[i].text) else label
        if label:
            labels[i] = label


# --------------------------------------------------------------------------- rows


def label_item(label: str, pack: Pack) -> tuple[str | None, float]:
    """The item a label (menu text, hub row, link text) names, and the label-text quality
    (0.0 when only its code decided, or when nothing did)."""
    row = _make_row(label, index_for(pack), pack)
    if row is None:
        return None, 0.0
    return row.item_id, row.label_score


def _make_row(label: str, index: PackIndex, pack: Pack) -> HubRow | None:
    reading = index.read_label(label)
    code_hit = _row_code(reading.codes)
    code = code_hit.number if code_hit else None
    code_item = code_to_item_id(code, pack) if code is not None else None
    best = reading.best()
    if best is not None and best[1] >= LABEL_MIN:
        item_id, score = best
        # Near tie between items: the code decides.
        if code_item and code_item != item_id and reading.scores.get(code_item, 0) >= score - 0.05:
            item_id, score = code_item, reading.scores[code_item]
        return HubRow(label, item_id, code, label_score=score, code_item=code_item)
    if code_item is not None:
        return HubRow(label, code_item, code, label_score=0.0, code_item=code_item)
    return None


def _row_code(codes: list[CodeHit]) -> CodeHit | None:
    for hit in codes:
        if hit.where is CodeWhere.LABEL:
            return hit
    return codes[0] if codes else None


def _year(doc: Document) -> int | None:
    for source in (" ".join([doc.title, *doc.headings]), doc.url, doc.text[:2000]):
        folded = fold(source)
        years: Counter[int] = Counter()
        for pattern in _YEAR_PATTERNS:
            for m in pattern.finditer(folded):
                value = int(m.group(1))
                years[value + 2500 if value < 100 else value] += 1
        if years:
            return max(years, key=lambda y: (years[y], y))
    return None


__all__ = [
    "BUTTON_WORDS",
    "HUB_MIN_ITEMS",
    "HubPage",
    "HubRow",
    "content_hub",
    "detect_hub",
    "is_button",
    "label_item",
    "strip_button",
]
