"""The HTML report: one self-contained, printable file in Thai first, English second.

Safety rules (page text is written by strangers): jinja2 autoescaping is on for everything, URLs
become links only through ``safe_http_url`` (never ``javascript:`` and friends), there are no
scripts, and a Content-Security-Policy meta tag forbids any network request the file could make.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from oit_checker.models import Report, Verdict
from oit_checker.report import _common as c

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
    " base-uri 'none'; form-action 'none'"
)
FONT_STACK = '"Sarabun", "TH Sarabun New", "Noto Sans Thai", "Garuda", "Loma", "Tahoma", sans-serif'
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("oit_checker.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = c.safe_http_url
    env.filters["thai_dt"] = c.thai_datetime
    env.filters["en_dt"] = c.english_datetime
    env.filters["bytes"] = c.human_bytes
    env.filters["anchor"] = _anchor
    env.filters["short_hash"] = lambda h: (h or "")[:12]
    return env


def _anchor(item_id: str) -> str:
    """A fragment id made only of safe characters (item ids come from rule packs)."""
    return "item-" + (_ANCHOR_UNSAFE.sub("-", item_id.lower()) or "x")


def render_html(report: Report) -> str:
    status_th, status_en = c.pack_status_label(report.pack.status)
    counts = c.counts(report)
    total = len(report.items)
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        csp=CSP,
        font_stack=FONT_STACK,
        labels=c.VERDICT_LABELS,
        verdict_order=c.VERDICT_ORDER,
        counts=counts,
        total=total,
        passed=counts[Verdict.PASS],
        bars=[(v, counts[v], (100.0 * counts[v] / total) if total else 0.0) for v in counts],
        score=c.score_text(report),
        status_th=status_th,
        status_en=status_en,
        mode=c.mode_label(report),
        checklist_lines=c.checklist_lines(report),
        official=report.pack.status == "official",
        items_in_order=c.items_in_order(report),
        items_worst_first=c.items_worst_first(report),
        reason_th=c.reason_th,
        reason_en=c.reason_en,
        duration=c.human_seconds(report.crawl.elapsed_s),
        ignored_count=sum(1 for i in report.items if i.ignored),
        NOT_CHECKED=Verdict.NOT_CHECKED,
    )
