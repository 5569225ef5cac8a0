"""``oit-checker rules``: list, show, validate and diff rule packs, and print their schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from oit_checker.errors import OitCheckerError, UsageError
from oit_checker.rules.default import DefaultPack, default_pack
from oit_checker.rules.diff import PackDiff, diff_packs
from oit_checker.rules.export_schema import schema_json, schema_path, write_schema
from oit_checker.rules.loader import (
    RulePackError,
    available_packs,
    get_pack,
    load_pack,
    resolve_item_id,
)
from oit_checker.rules.schema import Item, Pack, TimeWindow

rules_app = typer.Typer(
    name="rules",
    help="ชุดเกณฑ์ OIT แต่ละปี: ดู ตรวจ และเปรียบเทียบ / OIT rule packs: list, show, validate, diff.",
    no_args_is_help=True,
    add_completion=False,
)

_WINDOW_TH = {
    "current": "ข้อมูลปัจจุบัน / current",
    "fiscal_year": "ปีงบประมาณของการประเมิน / the fiscal year",
    "first_half": "6 เดือนแรกของปีงบประมาณ (ต.ค.–มี.ค.) / first six months",
    "monthly": "รายเดือน อย่างน้อย ต.ค.–มี.ค. / monthly, at least Oct–Mar",
    "previous_fiscal_year": "ปีงบประมาณที่ผ่านมา / the previous fiscal year",
    "multi_year": "แผนที่ครอบคลุมปีงบประมาณ / a plan covering the fiscal year",
}


def _window_text(window: TimeWindow, alternatives: list[TimeWindow]) -> str:
    """The period in words; alternatives (periods the sources disagree on) after "หรือ / or"."""
    return " หรือ / or ".join(_WINDOW_TH.get(str(w), str(w)) for w in [window, *alternatives])


def _window_code(window: TimeWindow, alternatives: list[TimeWindow]) -> str:
    return " | ".join(str(w) for w in [window, *alternatives])


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160, highlight=False)


def _fail(exc: OitCheckerError) -> typer.Exit:
    typer.echo(f"oit-checker: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


@rules_app.command("list")
def list_packs() -> None:
    """แสดงชุดเกณฑ์ที่มี / List the bundled rule packs."""
    infos = available_packs()
    try:
        chosen: DefaultPack | None = default_pack()
    except RulePackError:
        chosen = None
    default_id = chosen.info.id if chosen is not None else None
    table = Table(title="ชุดเกณฑ์ OIT / OIT rule packs")
    for column in ("ชุดเกณฑ์ / pack", "ปี / year", "สถานะ / status", "ข้อ / items", "ครบ / complete"):
        table.add_column(column)
    for info in infos:
        if info.error is not None:
            table.add_row(
                info.path.name, "-", "[red]invalid[/red]", "-", info.error.splitlines()[0]
            )
            continue
        marker = " (ค่าเริ่มต้น / default)" if info.id == default_id else ""
        table.add_row(
            f"{info.id}{marker}",
            str(info.year),
            str(info.status),
            str(info.items),
            "ครบ / yes" if info.complete else "ไม่ครบ / no",
        )
    console = _console()
    console.print(table)
    if chosen is not None:
        console.print(
            f"ค่าเริ่มต้น / default: {chosen.info.id} — {chosen.reason_th}\n{chosen.reason_en}",
            markup=False,
        )


@rules_app.command("show")
def show(
    item: Annotated[str, typer.Argument(help="รหัสข้อ เช่น O1, o01, 021, OIT1 / item code")],
    year: Annotated[int | None, typer.Option("--year", help="ปี พ.ศ. / assessment year")] = None,
    pack_file: Annotated[
        Path | None, typer.Option("--pack", help="ไฟล์ชุดเกณฑ์ / a rule pack file")
    ] = None,
) -> None:
    """แสดงรายละเอียดข้อหนึ่ง / Show one item of a rule pack."""
    try:
        pack = get_pack(year=year, pack_file=pack_file)
    except OitCheckerError as exc:
        raise _fail(exc) from None
    item_id = resolve_item_id(item, pack)
    if item_id is None:
        raise _fail(
            UsageError(
                f"ไม่พบข้อ {item!r} ในชุดเกณฑ์ {pack.id} (มี o01–o{len(pack.items):02d}) /"
                f" no item {item!r} in {pack.id}"
            )
        )
    _print_item(pack, pack.item(item_id))


def _print_item(pack: Pack, item: Item) -> None:
    console = _console()
    console.print(f"[bold]{item.id.upper()} {escape(item.title_th)}[/bold]")
    console.print(item.title_en, markup=False)
    console.print(f"{pack.id} · {item.indicator} · {item.sub_indicator} · key: {item.key}")
    console.print(
        f"สถานะ / status: {item.status} · ความเชื่อมั่น / confidence: {item.provenance.confidence}"
    )
    console.print(f"ช่วงเวลา / period: {_window_text(item.window, item.window_alternatives)}")
    console.print(f"หลักฐาน / evidence: {item.evidence_kind}")
    if item.elements:
        table = Table(title="องค์ประกอบที่ต้องมี / required elements")
        table.add_column("id")
        table.add_column("ภาษาไทย")
        table.add_column("English")
        for element in item.elements:
            extra = []
            if element.optional:
                extra.append("ไม่บังคับ / optional")
            if element.applies_to:
                extra.append("เฉพาะ / only: " + ", ".join(element.applies_to))
            if element.required_after == "first_half":
                extra.append("ต้องมีหลัง 6 เดือนแรก / due after the first six months")
            suffix = f" ({'; '.join(extra)})" if extra else ""
            table.add_row(element.id, element.th + suffix, element.en)
        console.print(table)
    for dep in item.depends_on:
        console.print(f"ต่อเนื่องจากข้อ / builds on {dep.item}: {dep.th} / {dep.en}", markup=False)
    for wrong in item.wrong_documents:
        console.print(
            f"เอกสารผิดที่พบบ่อย / common wrong document ({wrong.problem_code}):"
            f" {wrong.th} / {wrong.en}",
            markup=False,
        )
    if item.none_statements:
        console.print(
            "ถ้อยคำ 'ไม่มี' ที่ยอมรับ / accepted 'none' statements: " + ", ".join(item.none_statements),
            markup=False,
        )
    console.print(f"[bold]วิธีแก้ไข[/bold]: {escape(item.remediation.th)}")
    console.print(f"[bold]Fix[/bold]: {escape(item.remediation.en)}")
    source = f"ที่มา / source: {item.provenance.source}"
    if item.provenance.note:
        source += f" — {item.provenance.note}"
    console.print(source, markup=False)


@rules_app.command("validate")
def validate(
    files: Annotated[list[Path], typer.Argument(help="ไฟล์ชุดเกณฑ์ (YAML/JSON) / pack files")],
) -> None:
    """ตรวจความถูกต้องของไฟล์ชุดเกณฑ์ / Validate rule pack files (exit 2 on any error)."""
    failed = False
    for path in files:
        try:
            pack = load_pack(path)
        except RulePackError as exc:
            failed = True
            for line in exc.errors:
                typer.echo(line, err=True)
            continue
        unknown = sum(1 for i in pack.items if i.status != "defined")
        typer.echo(
            f"{path}: ถูกต้อง / valid — {pack.id}, {len(pack.items)} ข้อ / items"
            + (f", {unknown} ข้อยังไม่ทราบเนื้อหา / unknown" if unknown else "")
        )
    if failed:
        raise typer.Exit(2)


def _pack_arg(value: str) -> Pack:
    if value.isdigit() and len(value) == 4:
        return get_pack(year=int(value))
    return load_pack(Path(value))


@rules_app.command("diff")
def diff(
    old: Annotated[str, typer.Argument(help="ปีหรือไฟล์ชุดเกณฑ์เดิม / old year or pack file")],
    new: Annotated[str, typer.Argument(help="ปีหรือไฟล์ชุดเกณฑ์ใหม่ / new year or pack file")],
    as_json: Annotated[bool, typer.Option("--json", help="พิมพ์เป็น JSON / print JSON")] = False,
) -> None:
    """เปรียบเทียบชุดเกณฑ์สองปี / Compare two rule packs (years like 2567 or files)."""
    try:
        result = diff_packs(_pack_arg(old), _pack_arg(new))
    except OitCheckerError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    _print_diff(result)


def _print_diff(d: PackDiff) -> None:
    console = _console()
    console.print(f"[bold]{d.old_pack} → {d.new_pack}[/bold]")
    if d.old_status != d.new_status:
        console.print(f"สถานะชุดเกณฑ์ / pack status: {d.old_status} → {d.new_status}")
    if d.empty:
        console.print("ไม่มีความแตกต่าง / no differences")
        return

    def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
        if not rows:
            return
        t = Table(title=title)
        for column in columns:
            t.add_column(column)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    table(
        "ข้อที่เพิ่ม / added",
        ["ข้อ / item", "ชื่อ / title"],
        [[r.id, f"{r.title_th} / {r.title_en}"] for r in d.added],
    )
    table(
        "ข้อที่ตัดออก / removed",
        ["ข้อ / item", "ชื่อ / title"],
        [[r.id, f"{r.title_th} / {r.title_en}"] for r in d.removed],
    )
    table(
        "ข้อที่รวมกัน / merged",
        ["ข้อใหม่ / new", "จากข้อเดิม / from"],
        [
            [f"{m.new.id} {m.new.title_th}", ", ".join(f"{o.id} {o.title_th}" for o in m.old)]
            for m in d.merged
        ],
    )
    table(
        "ข้อที่เปลี่ยนเลข / renumbered",
        ["เดิม / old", "ใหม่ / new", "ชื่อ / title"],
        [[r.old_id, r.new_id, r.title_th] for r in d.renumbered],
    )
    table(
        "ข้อที่เปลี่ยนชื่อ / renamed",
        ["ข้อ / item", "ชื่อเดิม / old title", "ชื่อใหม่ / new title"],
        [[f"{r.old_id}→{r.new_id}", r.old_title_th, r.new_title_th] for r in d.renamed],
    )
    table(
        "องค์ประกอบที่เปลี่ยน / changed elements",
        ["ข้อ / item", "เพิ่ม / added", "ตัดออก / removed"],
        [[f"{e.old_id}→{e.new_id}", ", ".join(e.added), ", ".join(e.removed)] for e in d.elements],
    )
    table(
        "ช่วงเวลาที่เปลี่ยน / changed periods",
        ["ข้อ / item", "เดิม / old", "ใหม่ / new"],
        [
            [
                f"{w.old_id}→{w.new_id}",
                _window_code(w.old, w.old_alternatives),
                _window_code(w.new, w.new_alternatives),
            ]
            for w in d.windows
        ],
    )
    table(
        "ชนิดหลักฐานที่เปลี่ยน / changed evidence kind",
        ["ข้อ / item", "เดิม / old", "ใหม่ / new"],
        [[f"{k.old_id}→{k.new_id}", str(k.old), str(k.new)] for k in d.evidence_kinds],
    )
    table(
        "ที่มาหรือความเชื่อมั่นที่เปลี่ยน / changed provenance",
        ["ข้อ / item", "ความเชื่อมั่น / confidence", "ที่มาใหม่ / new source"],
        [
            [
                f"{p.old_id}→{p.new_id}",
                f"{p.old_confidence}→{p.new_confidence}"
                + (f" ({p.old_status}→{p.new_status})" if p.old_status != p.new_status else ""),
                escape(p.new_source),
            ]
            for p in d.provenance
        ],
    )


@rules_app.command("schema")
def schema(
    write: Annotated[
        bool, typer.Option("--write", help="เขียน rules/pack.schema.json / write the file")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="ตรวจว่าไฟล์เป็นปัจจุบัน / exit 1 if stale")
    ] = False,
) -> None:
    """พิมพ์ JSON Schema ของชุดเกณฑ์ / Print the rule-pack JSON Schema."""
    if check:
        path = schema_path()
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != schema_json():
            typer.echo(f"{path}: ไม่เป็นปัจจุบัน / out of date", err=True)
            raise typer.Exit(1)
        typer.echo(f"{path}: เป็นปัจจุบัน / up to date")
        return
    if write:
        typer.echo(f"wrote {write_schema()}")
        return
    typer.echo(schema_json(), nl=False)


__all__ = ["rules_app"]
