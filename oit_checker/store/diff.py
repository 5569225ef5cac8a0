"""Compare two runs: what newly fails, what was fixed, what changed, and the score change.

A *regression* is an item that passed before and does not pass now (items ignored by the config
do not count). When it now reads ``not_checked`` the change is kept apart as
``newly_not_checked``: the tool could not look this time, which is not the same as the data being
gone, and the renderers say so.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from oit_checker.errors import UsageError
from oit_checker.models import ItemResult, Report, Verdict
from oit_checker.report import _common as c
from oit_checker.report.markdown import md_escape, md_link
from oit_checker.store.history import History, run_mode, site_key


class ChangeKind(StrEnum):
    NEWLY_FAILING = "newly_failing"
    """Passed before; now fail or review."""
    NEWLY_NOT_CHECKED = "newly_not_checked"
    """Passed before; could not be checked this time."""
    FIXED = "fixed"
    """Did not pass before; passes now."""
    CHANGED = "changed"
    """Another verdict change (e.g. fail → review, not_checked → fail)."""
    UNCHANGED = "unchanged"
    ADDED = "added"
    """Only in the newer run (the rule pack has a new item)."""
    REMOVED = "removed"
    """Only in the older run."""


_KIND_ORDER = (
    ChangeKind.NEWLY_FAILING,
    ChangeKind.NEWLY_NOT_CHECKED,
    ChangeKind.CHANGED,
    ChangeKind.FIXED,
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.UNCHANGED,
)
_KIND_LABELS: dict[ChangeKind, tuple[str, str, str]] = {
    ChangeKind.NEWLY_FAILING: ("เคยผ่าน ตอนนี้ไม่ผ่าน", "newly failing", "bold red"),
    ChangeKind.NEWLY_NOT_CHECKED: (
        "เคยผ่าน รอบนี้ตรวจไม่ได้ (ไม่ได้แปลว่าข้อมูลหาย)",
        "passed before, not checked this time",
        "magenta",
    ),
    ChangeKind.CHANGED: ("ผลเปลี่ยน", "changed", "yellow"),
    ChangeKind.FIXED: ("แก้ไขแล้ว ผ่าน", "fixed", "green"),
    ChangeKind.ADDED: ("ข้อใหม่", "new item", "cyan"),
    ChangeKind.REMOVED: ("ข้อที่ไม่มีแล้ว", "item removed", "dim"),
    ChangeKind.UNCHANGED: ("เหมือนเดิม", "unchanged", "dim"),
}


class ItemChange(BaseModel):
    item_id: str
    title_th: str
    title_en: str
    before: Verdict | None
    after: Verdict | None
    kind: ChangeKind
    ignored: bool = False
    """The newer run ignores this item (config ``ignore``): not a regression."""
    reason_th: str = ""
    reason_en: str = ""


class RunDiff(BaseModel):
    site: str
    same_site: bool
    before_started: datetime
    after_started: datetime
    before_pack: str
    after_pack: str
    score_before: float | None
    score_after: float | None
    changes: list[ItemChange]
    before_mode: str = "scan"
    after_mode: str = "scan"
    """How each run was made (``scan``, ``demo``, ``audit``: the report's ``settings.mode``)."""
    scope_warning_th: str = ""
    scope_warning_en: str = ""
    """Set when the runs were made in different modes: their scopes differ (an audit judges only
    the submitted URLs), so a change may come from the scope, not from the site."""

    @property
    def same_pack(self) -> bool:
        return self.before_pack == self.after_pack

    @property
    def same_mode(self) -> bool:
        return self.before_mode == self.after_mode

    @property
    def score_change(self) -> float | None:
        if self.score_before is None or self.score_after is None:
            return None
        return round(self.score_after - self.score_before, 1)

    def of_kind(self, kind: ChangeKind) -> list[ItemChange]:
        return [change for change in self.changes if change.kind is kind]

    @property
    def newly_failing(self) -> list[ItemChange]:
        return self.of_kind(ChangeKind.NEWLY_FAILING)

    @property
    def fixed(self) -> list[ItemChange]:
        return self.of_kind(ChangeKind.FIXED)

    @property
    def unchanged(self) -> list[ItemChange]:
        return self.of_kind(ChangeKind.UNCHANGED)

    @property
    def changed(self) -> list[ItemChange]:
        """Every item whose verdict differs (including newly failing and fixed)."""
        return [
            change
            for change in self.changes
            if change.before is not None
            and change.after is not None
            and change.before is not change.after
        ]

    @property
    def regressions(self) -> list[ItemChange]:
        """Items that passed before and do not pass now, unless ignored by the config."""
        return [
            change
            for change in self.changes
            if change.kind in (ChangeKind.NEWLY_FAILING, ChangeKind.NEWLY_NOT_CHECKED)
            and not change.ignored
        ]

    @property
    def regression(self) -> bool:
        return bool(self.regressions)

    def counts(self) -> dict[str, int]:
        return {kind.value: len(self.of_kind(kind)) for kind in _KIND_ORDER}


def diff_reports(a: Report, b: Report) -> RunDiff:
    """What changed from run ``a`` (older) to run ``b`` (newer)."""
    before = {item.item_id: item for item in a.items}
    after = {item.item_id: item for item in b.items}
    changes: list[ItemChange] = []
    for item_id in sorted(before.keys() | after.keys(), key=c.item_sort_key):
        old, new = before.get(item_id), after.get(item_id)
        shown = new or old
        assert shown is not None
        changes.append(
            ItemChange(
                item_id=item_id,
                title_th=shown.title_th,
                title_en=shown.title_en,
                before=old.verdict if old else None,
                after=new.verdict if new else None,
                kind=_kind(old, new),
                ignored=bool(new and new.ignored),
                reason_th=c.reason_th(new) if new else "",
                reason_en=c.reason_en(new) if new else "",
            )
        )
    return RunDiff(
        site=b.site,
        same_site=site_key(a.site) == site_key(b.site),
        before_started=a.started_at,
        after_started=b.started_at,
        before_pack=a.pack.id,
        after_pack=b.pack.id,
        score_before=a.summary.score,
        score_after=b.summary.score,
        changes=changes,
        before_mode=run_mode(a),
        after_mode=run_mode(b),
        **_scope_warning(a, b),
    )


def _scope_warning(a: Report, b: Report) -> dict[str, str]:
    if run_mode(a) == run_mode(b):
        return {}
    (a_th, a_en), (b_th, b_en) = c.mode_label(a), c.mode_label(b)
    return {
        "scope_warning_th": (
            f"คำเตือน: สองรอบนี้ตรวจคนละวิธี ({a_th} → {b_th}) ขอบเขตการตรวจไม่เท่ากัน"
            " ผลที่ต่างกันอาจมาจากขอบเขต ไม่ใช่จากการเปลี่ยนแปลงของเว็บไซต์"
        ),
        "scope_warning_en": (
            f"Warning: the runs were made differently ({a_en} → {b_en}); their scopes differ,"
            " so a difference may come from what was checked, not from a change to the site."
        ),
    }


def _kind(old: ItemResult | None, new: ItemResult | None) -> ChangeKind:
    if old is None:
        return ChangeKind.ADDED
    if new is None:
        return ChangeKind.REMOVED
    if old.verdict is new.verdict:
        return ChangeKind.UNCHANGED
    if old.verdict is Verdict.PASS:
        if new.verdict is Verdict.NOT_CHECKED:
            return ChangeKind.NEWLY_NOT_CHECKED
        return ChangeKind.NEWLY_FAILING
    if new.verdict is Verdict.PASS:
        return ChangeKind.FIXED
    return ChangeKind.CHANGED


# --------------------------------------------------------------------------- loading


def load_report(ref: str, history: History | None) -> Report:
    """A report from a JSON file path, or from the history by run id (``12`` or ``#12``)."""
    path = Path(ref).expanduser()
    if path.is_file():
        try:
            return Report.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise UsageError(
                f"{path}: not an oit-checker JSON report ({exc.error_count()} problems,"
                f" first: {_first_error(exc)})"
            ) from exc
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the file ({exc.strerror})") from exc
    run = ref.strip().removeprefix("#")
    if run.isdigit():
        if history is None:
            raise UsageError(f"{ref!r} looks like a run id, but no history file is in use")
        return history.get(int(run))
    raise UsageError(f"{ref!r} is neither a report JSON file nor a run id from the history")


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"]) or "(file)"
    return f"{where}: {error['msg']}"


# --------------------------------------------------------------------------- rendering


def _verdict_text(verdict: Verdict | None) -> str:
    if verdict is None:
        return "–"
    label = c.verdict_label(verdict)
    return f"{label.symbol} {label.th}"


def _score_line(diff: RunDiff) -> str:
    before = "–" if diff.score_before is None else f"{diff.score_before:.1f}"
    after = "–" if diff.score_after is None else f"{diff.score_after:.1f}"
    change = diff.score_change
    delta = "" if change is None else f" ({change:+.1f})"
    return f"{before} → {after}{delta}"


def _notes(diff: RunDiff) -> list[tuple[str, str]]:
    notes = []
    if diff.scope_warning_th or diff.scope_warning_en:
        notes.append((diff.scope_warning_th, diff.scope_warning_en))
    if not diff.same_pack:
        notes.append(
            (
                f"สองรอบนี้ใช้เกณฑ์ต่างชุดกัน ({diff.before_pack} → {diff.after_pack})"
                " ข้อที่เลขเดียวกันอาจไม่ใช่เรื่องเดียวกัน",
                f"The runs use different checklists ({diff.before_pack} → {diff.after_pack});"
                " items with the same number may differ.",
            )
        )
    if not diff.same_site:
        notes.append(("สองรอบนี้เป็นคนละเว็บไซต์", "The runs are of different sites."))
    return notes


def change_groups(diff: RunDiff) -> list[tuple[ChangeKind, str, str, list[ItemChange]]]:
    """The changes by kind, worst first, with the kind's Thai and English name (web pages)."""
    return [
        (
            kind,
            _KIND_LABELS[kind][0],
            _KIND_LABELS[kind][1],
            sorted(diff.of_kind(kind), key=lambda ch: c.item_sort_key(ch.item_id)),
        )
        for kind in _KIND_ORDER
    ]


def render_diff(diff: RunDiff, console: Console) -> None:
    """Print the comparison: score change, then every item that changed, worst first."""
    head = Text()
    head.append("เทียบผลการตรวจ / Run comparison: ", style="bold")
    head.append(diff.site)
    head.append(f"\n{c.thai_datetime(diff.before_started)} → {c.thai_datetime(diff.after_started)}")
    head.append("\nคะแนน / Score: ", style="bold")
    change = diff.score_change
    colour = "green" if change and change > 0 else "red" if change and change < 0 else ""
    head.append(_score_line(diff), style=colour)
    if diff.regression:
        head.append(f"\nถดถอย / Regressions: {len(diff.regressions)} ข้อ/items", style="bold red")
    for th, en in _notes(diff):
        head.append(f"\n{th} / {en}", style="yellow")
    console.print(head)
    rows = sorted(
        (ch for ch in diff.changes if ch.kind is not ChangeKind.UNCHANGED),
        key=lambda ch: (_KIND_ORDER.index(ch.kind), c.item_sort_key(ch.item_id)),
    )
    if rows:
        table = Table(expand=True)
        table.add_column("ข้อ\nItem", no_wrap=True)
        table.add_column("หัวข้อ\nTitle", ratio=2, overflow="fold")
        table.add_column("ก่อน → หลัง\nBefore → after", no_wrap=True)
        table.add_column("การเปลี่ยนแปลง\nChange", ratio=2, overflow="fold")
        for ch in rows:
            th, en, style = _KIND_LABELS[ch.kind]
            change_text = Text(f"{th}\n{en}", style=style)
            if ch.ignored:
                change_text.append("\n(ยกเว้น / ignored)", style="dim")
            if ch.reason_th and ch.kind in (ChangeKind.NEWLY_FAILING, ChangeKind.CHANGED):
                change_text.append("\n" + c.one_line(ch.reason_th, 80), style="")
            table.add_row(
                Text(ch.item_id, style="bold"),
                Text(ch.title_th),
                Text(f"{_verdict_text(ch.before)} → {_verdict_text(ch.after)}"),
                change_text,
            )
        console.print(table)
    console.print(Text(f"ผลเหมือนเดิม / Unchanged: {len(diff.unchanged)} ข้อ/items", style="dim"))


def diff_to_markdown(diff: RunDiff) -> str:
    lines = [
        "# เทียบผลการตรวจ OIT / OIT run comparison",
        "",
        f"- **เว็บไซต์ / Site:** {md_link(diff.site)}",
        f"- **รอบก่อน → รอบนี้ / Before → after:** {c.thai_datetime(diff.before_started)}"
        f" → {c.thai_datetime(diff.after_started)}",
        f"- **คะแนน / Score:** {_score_line(diff)}",
        f"- **ถดถอย / Regressions:** {len(diff.regressions)}",
    ]
    lines += [f"- **หมายเหตุ / Note:** {th} / {en}" for th, en in _notes(diff)]
    rows = [ch for ch in diff.changes if ch.kind is not ChangeKind.UNCHANGED]
    rows.sort(key=lambda ch: (_KIND_ORDER.index(ch.kind), c.item_sort_key(ch.item_id)))
    if rows:
        lines += [
            "",
            "| ข้อ / Item | หัวข้อ / Title | ก่อน → หลัง / Before → after | การเปลี่ยนแปลง / Change |",
            "|---|---|---|---|",
        ]
        for ch in rows:
            th, en, _ = _KIND_LABELS[ch.kind]
            ignored = " (ยกเว้น / ignored)" if ch.ignored else ""
            lines.append(
                f"| {md_escape(ch.item_id)} | {md_escape(ch.title_th)}"
                f" | {_verdict_text(ch.before)} → {_verdict_text(ch.after)}"
                f" | {th} / {en}{ignored} |"
            )
    lines += ["", f"ผลเหมือนเดิม / Unchanged: {len(diff.unchanged)}"]
    return "\n".join(lines) + "\n"


def diff_to_json(diff: RunDiff) -> str:
    data: dict[str, Any] = diff.model_dump(mode="json")
    data["same_pack"] = diff.same_pack
    data["same_mode"] = diff.same_mode
    data["score_change"] = diff.score_change
    data["regression"] = diff.regression
    data["regressions"] = [ch.item_id for ch in diff.regressions]
    data["counts"] = diff.counts()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
