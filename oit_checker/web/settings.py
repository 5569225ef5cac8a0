"""How ``oit-checker serve`` runs: address, token, job slots, data folder, scan settings.

The token rule: only the default address (``127.0.0.1``, or ``localhost`` which names it) may
run without a token. Every other address needs one — also other loopback addresses such as
``127.0.0.2`` or ``::1``. The rule is about what the operator asked for, not a guess about who
can reach the address: choosing another bind address means setting the server up for someone
else (a container's published port, a tunnel, a proxy), and a guess based on the address
family would be wrong in exactly those set-ups. It also lets the tests exercise the token on
a non-default address without leaving the machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from oit_checker.config import Config
from oit_checker.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8731
TOKENLESS_HOSTS = frozenset({"127.0.0.1", "localhost"})
TOKEN_ENV = "OIT_SERVE_TOKEN"
MAX_UPLOAD_BYTES = 5 * 2**20
"""A submission or agency list larger than this is refused (413)."""
MIN_TOKEN_CHARS = 16


@dataclass(frozen=True)
class ServeSettings:
    data: Path
    """Holds ``history.sqlite3`` (runs and jobs), uploads, batch folders and the HTTP cache."""
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    jobs: int = 2
    """Scans running at once; the others wait in the queue."""
    token: str | None = None
    allow_private: bool = False
    celery: str | None = None
    """Redis broker URL: scans run on the Celery workers instead of in this process."""
    config: Config = field(default_factory=Config)
    """Crawl settings and ignores (``--config``; defaults otherwise)."""
    ocr: bool = True
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    batch_parallel: int = 4

    @property
    def history_path(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def cache_dir(self) -> Path:
        return (
            Path(self.config.crawl.cache_dir)
            if self.config.crawl.cache_dir
            else (self.data / "cache")
        )

    @property
    def uploads(self) -> Path:
        return self.data / "uploads"

    @property
    def batches(self) -> Path:
        return self.data / "batches"


def needs_token(host: str) -> bool:
    """Whether binding ``host`` requires a token (every address but the default one)."""
    return host.strip().lower() not in TOKENLESS_HOSTS


def resolve_token(host: str, token: str | None) -> str | None:
    """The token to use (``--token``, else ``OIT_SERVE_TOKEN``); UsageError when the address
    needs one and there is none, or it is too short to resist guessing."""
    chosen = token or os.environ.get(TOKEN_ENV) or None
    if chosen is None and needs_token(host):
        raise UsageError(
            f"ไม่ยอมเปิดบริการที่ {host} โดยไม่มีรหัสผ่าน / refusing to serve on {host} without a"
            f" token: give --token or set {TOKEN_ENV} (only {DEFAULT_HOST} runs without one)"
        )
    if chosen is not None and len(chosen) < MIN_TOKEN_CHARS:
        raise UsageError(f"the token must be at least {MIN_TOKEN_CHARS} characters long")
    return chosen
