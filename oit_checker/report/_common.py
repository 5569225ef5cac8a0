"""What every renderer shares: verdict labels and order, Thai dates, safe links, sizes.

Kept in one place so that the terminal, HTML, Markdown, CSV and JUnit outputs say the same thing
in the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from oit_checker.models import Evidence, ItemResult, Problem, Report, Verdict
from oit_checker.problems.assess import NOTE_CODES

BANGKOK = timezone(timedelta(hours=7), "ICT")
"""Thailand has no daylight saving time; a fixed offset needs no tz database."""


@dataclass(frozen=True)
class VerdictLabel:
    th: str
    en: str
    colour: str
    """A rich colour name for the terminal."""
    css: str
    """A CSS colour for HTML (dark enough for white text, distinct in greyscale print)."""
    symbol: str


VERDICT_LABELS: dict[Verdict, VerdictLabel] = {
    Verdict.FAIL: VerdictLabel("ไม่ผ่าน", "Fail", "red", "#b3261e", "✗"),
    Verdict.NOT_CHECKED: VerdictLabel("ตรวจไม่ได้", "Not checked", "magenta", "#5b4b8a", "?"),
    Verdict.REVIEW: VerdictLabel("ต้องตรวจสอบเอง", "Needs review", "yellow", "#8a5a00", "!"),
    Verdict.PASS: VerdictLabel("ผ่าน", "Pass", "green", "#1e6b34", "✓"),
}

VERDICT_ORDER: tuple[Verdict, ...] = (
    Verdict.FAIL,
    Verdict.NOT_CHECKED,
    Verdict.REVIEW,
    Verdict.PASS,
)
"""Worst first: what to fix, then what the tool could not check, then what a person must read."""

PACK_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "official": ("ฉบับทางการ (ตามคู่มือ ป.ป.ช.)", "official (from the NACC manual)"),
    "reconstructed": (
        "เรียบเรียงจากแหล่งสาธารณะ ยังไม่ใช่คู่มือทางการ",
        "reconstructed from public sources, not the official manual",
    ),
    "provisional": (
        "ฉบับชั่วคราว บางข้อยังไม่ทราบรายละเอียด",
        "provisional: some items are not yet known",
    ),
}

_THAI_MONTHS = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

_ITEM_NUMBER = re.compile(r"(\d+)")


OCR_READ = ("อ่านจากภาพด้วย OCR", "via: ocr")
"""How every format marks evidence read from an image or a scan (``Evidence.read_via``)."""


def read_via_text(evidence: Evidence) -> str:
    """``อ่านจากภาพด้วย OCR / via: ocr`` for OCR evidence, "" otherwise."""
    return f"{OCR_READ[0]} / {OCR_READ[1]}" if evidence.read_via == "ocr" else ""


def verdict_label(verdict: Verdict) -> VerdictLabel:
    return VERDICT_LABELS[verdict]


def pack_status_label(status: str) -> tuple[str, str]:
    return PACK_STATUS_LABELS.get(status, (status, status))


_MODES = {
    "scan": ("ตรวจทั้งเว็บไซต์", "whole-site scan"),
    "demo": ("ตรวจเว็บไซต์ตัวอย่าง", "demo site scan"),
    "audit": (
        "ตรวจเฉพาะ URL ที่หน่วยงานส่ง (audit)",
        "audit of the URLs the agency submitted",
    ),
}


def checklist_lines(report: Report) -> list[tuple[str, str]]:
    """(Thai, English) lines every report shows under the checklist: the pack's own notice
    (e.g. an expected list not yet published by the NACC) and why the run uses this pack."""
    pack = report.pack
    lines: list[tuple[str, str]] = []
    if pack.notice_th or pack.notice_en:
        lines.append((pack.notice_th, pack.notice_en))
    if pack.reason_th or pack.reason_en:
        lines.append((pack.reason_th, pack.reason_en))
    return lines


def mode_label(report: Report) -> tuple[str, str]:
    """How the report was made (Thai, English): a whole-site scan or an audit of submitted URLs."""
    return mode_name(str(report.settings.get("mode", "scan")))


def mode_name(mode: str) -> tuple[str, str]:
    """Thai and English name of a run mode (``scan``, ``demo``, ``audit``)."""
    return _MODES.get(mode, (mode, mode))


def item_sort_key(item_id: str) -> tuple[str, int, str]:
    """Natural order of item ids: o2 before o10, O01 equal to o1."""
    match = _ITEM_NUMBER.search(item_id)
    number = int(match.group(1)) if match else -1
    prefix = item_id[: match.start()].lower() if match else item_id.lower()
    return (prefix, number, item_id)


def items_in_order(report: Report) -> list[ItemResult]:
    return sorted(report.items, key=lambda i: item_sort_key(i.item_id))


def items_worst_first(report: Report) -> list[ItemResult]:
    rank = {v: n for n, v in enumerate(VERDICT_ORDER)}
    return sorted(report.items, key=lambda i: (rank[i.verdict], item_sort_key(i.item_id)))


def counts(report: Report) -> dict[Verdict, int]:
    """Items per verdict, counted from the items themselves (the summary may be stale)."""
    result = dict.fromkeys(VERDICT_ORDER, 0)
    for item in report.items:
        result[item.verdict] += 1
    return result


def score_text(report: Report) -> str:
    score = report.summary.score
    return "–" if score is None else f"{score:.1f}"


def local_time(moment: datetime) -> datetime:
    return moment.astimezone(BANGKOK) if moment.tzinfo is not None else moment


def thai_datetime(moment: datetime) -> str:
    """``5 มี.ค. 2568 14:03 น.`` — day, Thai month, Buddhist-era year, Bangkok time."""
    t = local_time(moment)
    return f"{t.day} {_THAI_MONTHS[t.month - 1]} {t.year + 543} {t:%H:%M} น."


def english_datetime(moment: datetime) -> str:
    t = local_time(moment)
    zone = " (UTC+7)" if moment.tzinfo is not None else ""
    return f"{t:%Y-%m-%d %H:%M}{zone}"


def human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def human_seconds(seconds: float) -> str:
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    return f"{minutes} นาที {secs} วินาที / {minutes} min {secs} s" if minutes else f"{secs} s"


def safe_http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL that is safe to put in an href, else None.

    Browsers drop tabs and newlines inside URLs and trim spaces and control characters, so
    ``java\\tscript:`` or `` javascript:`` must not slip through: anything but a clean
    http/https URL with a host is refused and shown as text instead.
    """
    if not url or url != url.strip() or any(ord(c) < 0x20 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def one_line(text: str, limit: int = 0) -> str:
    """Collapse whitespace to single spaces; cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


def reason_th(item: ItemResult) -> str:
    """The Thai reason of an item (falling back to its first problem or missing parts), with
    its notes (checklist confidence, not yet due, labelled with another year's number)."""
    return _with_notes(base_reason_th(item), [n.message_th for n in notes(item)])


def reason_en(item: ItemResult) -> str:
    return _with_notes(base_reason_en(item), [n.message_en for n in notes(item)])


def notes(item: ItemResult) -> list[Problem]:
    """The item's notes: problems that qualify the verdict rather than find a fault."""
    return [p for p in item.problems if p.code in NOTE_CODES]


def _with_notes(reason: str, texts: list[str]) -> str:
    return " · ".join(dict.fromkeys(p for p in (reason, *texts) if p))


def _first_finding(item: ItemResult) -> Problem | None:
    return next((p for p in item.problems if p.code not in NOTE_CODES), None)


def base_reason_th(item: ItemResult) -> str:
    """The Thai reason without the notes (the terminal shows notes on their own line)."""
    if item.reason_th:
        return item.reason_th
    if item.not_checked_reason:
        return item.not_checked_reason
    first = _first_finding(item)
    if first is not None:
        return first.message_th
    if item.missing_elements:
        return "ขาด: " + ", ".join(item.missing_elements)
    return ""


def base_reason_en(item: ItemResult) -> str:
    if item.reason_en:
        return item.reason_en
    first = _first_finding(item)
    if first is not None:
        return first.message_en
    if item.missing_elements:
        return "Missing: " + ", ".join(item.missing_elements)
    return ""


def is_ignored(item: ItemResult) -> bool:
    return item.ignored
