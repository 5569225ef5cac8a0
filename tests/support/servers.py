"""Shared helpers for tests that need a fixture website: build a site tree, serve it, crawl it."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.crawl import CrawlConfig, Crawler, CrawlResult


def write_site(
    root: Path, files: dict[str, str | bytes], server_json: dict[str, Any] | None = None
) -> Path:
    """Create a site tree: ``{"index.html": "<html>…", "ita/ข้อมูล.pdf": b"%PDF…"}``."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    if server_json is not None:
        (root / "_server.json").write_text(json.dumps(server_json, ensure_ascii=False), "utf-8")
    return root


def page(title: str, *links: tuple[str, str], body: str = "") -> str:
    """A small UTF-8 HTML page with a title and ``(href, text)`` links."""
    anchors = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{body}<ul>{anchors}</ul></body></html>"
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fast_config(start_url: str, cache_dir: Path, **overrides: Any) -> CrawlConfig:
    """A config with test-friendly speeds (no politeness delays, quick timeouts)."""
    values: dict[str, Any] = {
        "start_url": start_url,
        "cache_dir": cache_dir,
        "min_interval_s": 0.0,
        "timeout_s": 5.0,
        "retries": 2,
        "retry_backoff_s": 0.05,
        "max_wall_s": 60.0,
    }
    values.update(overrides)
    return CrawlConfig(**values)


def crawl(config: CrawlConfig, **kwargs: Any) -> CrawlResult:
    return asyncio.run(Crawler(config, **kwargs).run())


def by_path(result: CrawlResult) -> dict[str, Any]:
    """Resources keyed by their path+query (host and port dropped), for short assertions."""
    from urllib.parse import unquote, urlsplit

    out = {}
    for r in result.resources:
        parts = urlsplit(r.url)
        key = unquote(parts.path) + (f"?{parts.query}" if parts.query else "")
        out[key] = r
    return out


@dataclass
class TlsMaterial:
    ca_file: Path
    server_ctx: ssl.SSLContext


def tls_material(tmp: Path, *, identity: str = "127.0.0.1", expired: bool = False) -> TlsMaterial:
    """A trustme CA (written to ``tmp/ca.pem``) and a server context for ``identity``."""
    import trustme

    ca = trustme.CA()
    kwargs: dict[str, Any] = {}
    if expired:
        now = dt.datetime.now(dt.UTC)
        kwargs = {
            "not_before": now - dt.timedelta(days=30),
            "not_after": now - dt.timedelta(days=1),
        }
    cert = ca.issue_cert(identity, **kwargs)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    ca_file = tmp / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return TlsMaterial(ca_file=ca_file, server_ctx=ctx)
