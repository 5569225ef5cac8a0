"""On-disk HTTP cache: every body is a file, validators kept for conditional requests.

A nightly rerun sends ``If-None-Match`` / ``If-Modified-Since`` and, on 304, serves the stored
body instead of downloading the document again. Bodies are streamed into a temporary file and
moved into place only when complete, so a crash never leaves a half body behind a validator.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO


@dataclass
class CacheEntry:
    url: str
    status: int
    content_type: str | None
    size: int
    sha256: str
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    encoding: str | None = None

    @property
    def revalidatable(self) -> bool:
        return bool(self.etag or self.last_modified)


class HttpCache:
    """Bodies and their validators under ``root`` (``bodies/ab/<sha256(url)>``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        (self.root / "bodies").mkdir(parents=True, exist_ok=True)

    def body_path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / "bodies" / key[:2] / key

    def lookup(self, url: str) -> CacheEntry | None:
        """The stored entry for ``url`` if both its metadata and body file exist."""
        body = self.body_path(url)
        meta = body.with_suffix(".json")
        try:
            data = json.loads(meta.read_text("utf-8"))
            entry = CacheEntry(**data)
        except (OSError, ValueError, TypeError):
            return None
        if not body.exists() or body.stat().st_size != entry.size:
            return None
        return entry

    def conditional_headers(self, entry: CacheEntry | None) -> dict[str, str]:
        headers: dict[str, str] = {}
        if entry is None:
            return headers
        if entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        return headers

    def writer(self, url: str, keep: int = 0) -> BodyWriter:
        return BodyWriter(self.body_path(url), keep)

    def store_meta(self, entry: CacheEntry) -> None:
        meta = self.body_path(entry.url).with_suffix(".json")
        tmp = meta.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(entry), ensure_ascii=False), "utf-8")
        os.replace(tmp, meta)

    def forget(self, url: str) -> None:
        with contextlib.suppress(OSError):
            self.body_path(url).with_suffix(".json").unlink()


class BodyWriter:
    """Streams a body to a temporary file, hashing as it goes; ``commit`` moves it in place."""

    def __init__(self, final: Path, keep: int = 0) -> None:
        """``keep``: also keep up to this many bytes in memory (HTML pages, read right away)."""
        self.final = final
        if not final.parent.is_dir():
            final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".part-")
        self._tmp = Path(tmp)
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self.size = 0
        self._keep = keep
        self._data = bytearray()
        self.head = b""

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self._hash.update(chunk)
        if len(self.head) < 512:
            self.head = (self.head + chunk)[:512]
        if self._keep and self.size + len(chunk) <= self._keep:
            self._data += chunk
        else:
            self._keep, self._data = 0, bytearray()
        self.size += len(chunk)

    @property
    def data(self) -> bytes | None:
        """The whole body if it fit in ``keep`` bytes, else None."""
        return bytes(self._data) if self._keep else None

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def commit(self) -> Path:
        self._file.close()
        os.replace(self._tmp, self.final)
        return self.final

    def discard(self) -> None:
        self._file.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()


__all__ = ["BodyWriter", "CacheEntry", "HttpCache"]
