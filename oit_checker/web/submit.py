"""Starting a job, shared by the pages and the API: check what was asked, keep the uploaded
file, queue the job. Every refusal is a :class:`Refused` with a Thai and English message."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from oit_checker.errors import OitCheckerError
from oit_checker.rules.default import DefaultPack, default_pack
from oit_checker.rules.loader import available_packs
from oit_checker.web.jobs import JobKind, JobStore
from oit_checker.web.runner import JobRunner
from oit_checker.web.settings import ServeSettings
from oit_checker.web.targets import refusal, site_url

SUBMISSION_TYPES = (".csv", ".xlsx", ".yaml", ".yml", ".json")
AGENCY_TYPES = (".csv",)


class Refused(Exception):
    def __init__(self, th: str, en: str, status: int = 400) -> None:
        super().__init__(f"{th} / {en}")
        self.th, self.en, self.status = th, en, status


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


@cache
def pack_years() -> tuple[int, ...]:
    """Years of the bundled packs, newest first."""
    years = {i.year for i in available_packs() if i.error is None and i.year is not None}
    return tuple(sorted(years, reverse=True))


def calendar_default() -> DefaultPack:
    """The calendar default checklist, and why (asked each time: it moves on 1 October)."""
    return default_pack()


def check_year(year: int | None) -> int | None:
    if year is not None and year not in pack_years():
        shown = ", ".join(str(y) for y in pack_years())
        raise Refused(f"ไม่มีชุดเกณฑ์ปี {year} (มี {shown})", f"no checklist for {year} ({shown})")
    return year


def check_site(text: str, settings: ServeSettings) -> str:
    url = site_url(text)
    if url is None:
        raise Refused(
            "ที่อยู่เว็บไซต์ไม่ถูกต้อง เช่น www.abc.go.th",
            "not a website address; e.g. www.abc.go.th",
        )
    why = refusal([url], settings.allow_private)
    if why is not None:
        raise Refused(
            f"ไม่ตรวจที่อยู่ภายในเครือข่าย ({why})",
            f"refused: {why}; loopback, private and link-local addresses are not scanned",
            403,
        )
    return url


def start_scan(
    store: JobStore, runner: JobRunner, settings: ServeSettings, site: str, year: int | None
) -> int:
    url = check_site(site, settings)
    chosen = check_year(year) if year is not None else calendar_default().info.year
    job_id = store.add(JobKind.SCAN, url, chosen)
    runner.submit(job_id)
    return job_id


def _keep(upload: Upload, settings: ServeSettings, allowed: tuple[str, ...]) -> Path:
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in allowed:
        raise Refused(
            f"ไฟล์ต้องเป็น {', '.join(allowed)}", f"the file must be one of {', '.join(allowed)}"
        )
    if not upload.data:
        raise Refused("ไฟล์ว่าง", "the file is empty")
    if len(upload.data) > settings.max_upload_bytes:
        raise Refused("ไฟล์ใหญ่เกินไป", "the file is too large", 413)
    settings.uploads.mkdir(parents=True, exist_ok=True)
    # The stored name is ours: never a path taken from the upload.
    path = settings.uploads / f"{secrets.token_hex(8)}{suffix}"
    path.write_bytes(upload.data)
    return path


def start_audit(
    store: JobStore,
    runner: JobRunner,
    settings: ServeSettings,
    upload: Upload,
    site: str,
    year: int | None,
) -> int:
    path = _keep(upload, settings, SUBMISSION_TYPES)
    from oit_checker.audit import read_submission

    try:
        raw = read_submission(path)
    except OitCheckerError as exc:
        path.unlink(missing_ok=True)
        message = str(exc).replace(str(path), upload.filename)
        raise Refused("อ่านไฟล์ไม่ได้", message) from exc
    target = site.strip() or raw.site or ""
    if not target:
        path.unlink(missing_ok=True)
        raise Refused("กรุณาระบุเว็บไซต์หลักของหน่วยงาน", "give the agency's main website")
    url = check_site(target, settings)
    job_id = store.add(
        JobKind.AUDIT, url, check_year(year), {"file": str(path), "name": upload.filename}
    )
    runner.submit(job_id)
    return job_id


def start_batch(
    store: JobStore, runner: JobRunner, settings: ServeSettings, upload: Upload, year: int | None
) -> int:
    path = _keep(upload, settings, AGENCY_TYPES)
    from oit_checker.web.tasks import batch_agencies

    try:
        agencies = batch_agencies(path, settings.allow_private)
    except OitCheckerError as exc:
        path.unlink(missing_ok=True)
        raise Refused("อ่านรายชื่อหน่วยงานไม่ได้", str(exc).replace(str(path), upload.filename)) from exc
    output = settings.batches / path.stem
    job_id = store.add(
        JobKind.BATCH,
        f"{len(agencies)} agencies",
        check_year(year),
        {"file": str(path), "name": upload.filename, "output": str(output)},
    )
    runner.submit(job_id)
    return job_id
