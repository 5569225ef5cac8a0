"""The server's HTML pages: one jinja2 environment (autoescaping everything), the Thai and
English labels of job kinds, statuses and stages, and the render helper the routes use."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from oit_checker.report import (
    VERDICT_LABELS,
    english_datetime,
    human_seconds,
    mode_name,
    safe_http_url,
    thai_datetime,
)
from oit_checker.web.jobs import JobKind, JobStatus

STATUS_LABELS: dict[str, tuple[str, str]] = {
    JobStatus.QUEUED: ("รอคิว", "queued"),
    JobStatus.RUNNING: ("กำลังตรวจ", "running"),
    JobStatus.DONE: ("เสร็จแล้ว", "done"),
    JobStatus.FAILED: ("ตรวจไม่สำเร็จ", "failed"),
    JobStatus.CANCELLED: ("ยกเลิกแล้ว", "cancelled"),
    JobStatus.INTERRUPTED: ("ถูกขัดจังหวะ (เซิร์ฟเวอร์หยุด)", "interrupted (server stopped)"),
}
KIND_LABELS: dict[str, tuple[str, str]] = {
    JobKind.SCAN: ("ตรวจทั้งเว็บไซต์", "site scan"),
    JobKind.AUDIT: ("ตรวจรายการที่หน่วยงานส่ง", "audit of a submission"),
    JobKind.BATCH: ("ตรวจหลายหน่วยงาน", "batch of agencies"),
}
STAGE_LABELS: dict[str, tuple[str, str]] = {
    "queued": ("รอเริ่ม", "waiting to start"),
    "crawl": ("กำลังอ่านหน้าเว็บ", "reading pages"),
    "read": ("กำลังอ่านเอกสาร", "reading documents"),
    "assess": ("กำลังตัดสินแต่ละข้อ", "deciding the items"),
    "batch": ("กำลังตรวจหลายหน่วยงาน", "scanning agencies"),
}


def _pair(table: dict[str, tuple[str, str]], key: str) -> tuple[str, str]:
    return table.get(key, (key, key))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("oit_checker.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_http_url
    env.filters["thai_dt"] = thai_datetime
    env.filters["en_dt"] = english_datetime
    env.filters["seconds"] = human_seconds
    env.globals.update(
        status_label=lambda s: _pair(STATUS_LABELS, str(s)),
        kind_label=lambda k: _pair(KIND_LABELS, str(k)),
        stage_label=lambda s: _pair(STAGE_LABELS, str(s)),
        mode_label=lambda m: mode_name(str(m)),
        verdict_labels=VERDICT_LABELS,
    )
    return env


def render_page(name: str, **context: Any) -> str:
    context.setdefault("csrf", "")
    context.setdefault("logged_in", False)
    return environment().get_template(name).render(**context)


def login_page(error: str, csrf: str = "") -> str:
    return render_page("login.html.j2", error=error, csrf=csrf, title="เข้าสู่ระบบ / Log in")
