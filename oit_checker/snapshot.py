"""``--snapshot DIR``: keep the evidence files an assessor may need to show later.

Each evidence URL's body is copied from the HTTP cache under its sha256 (never a name taken
from the URL), with ``index.json`` mapping item → URL → file, fetch time and hash.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from oit_checker.models import Report


def write_snapshot(report: Report, directory: Path, bodies: dict[str, str] | None = None) -> Path:
    """Copy evidence bodies into ``directory``; returns the path of ``index.json``.

    ``bodies`` maps sha256 → path of the stored body (the pipeline's cache); evidence whose
    body is not available is listed with ``"file": null``.
    """
    directory.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, object]] = []
    for item in report.items:
        for ev in item.evidence:
            name: str | None = None
            source = (bodies or {}).get(ev.sha256 or "")
            if ev.sha256 and source and Path(source).is_file():
                name = ev.sha256 + _suffix(ev.url)
                target = directory / name
                if not target.exists():
                    shutil.copyfile(source, target)
            entries.append(
                {
                    "item": item.item_id,
                    "verdict": str(item.verdict),
                    "url": ev.url,
                    "element": ev.element,
                    "sha256": ev.sha256,
                    "fetched_at": ev.fetched_at.isoformat() if ev.fetched_at else None,
                    "file": name,
                }
            )
    index = directory / "index.json"
    index.write_text(
        json.dumps(
            {"site": report.site, "pack": report.pack.id, "evidence": entries},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return index


def _suffix(url: str) -> str:
    lower = url.lower().split("?", 1)[0]
    for suffix in (".pdf", ".docx", ".xlsx", ".xls", ".doc", ".csv", ".png", ".jpg", ".html"):
        if lower.endswith(suffix):
            return suffix
    return ".bin"
