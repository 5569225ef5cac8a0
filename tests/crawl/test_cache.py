"""The on-disk cache index: validators survive a reopen, forget sticks, a torn line is harmless."""

from __future__ import annotations

from pathlib import Path

from oit_checker.crawl.cache import CacheEntry, HttpCache

URL = "http://127.0.0.1/ita/o1.pdf"


def _store(cache: HttpCache, url: str, body: bytes, etag: str) -> CacheEntry:
    writer = cache.writer(url)
    writer.write(body)
    writer.commit()
    entry = CacheEntry(url, 200, "application/pdf", len(body), writer.sha256, etag=etag)
    cache.store_meta(entry)
    return entry


def test_entries_survive_reopen_and_forget_sticks(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    entry = _store(cache, URL, b"%PDF-1.4 body", '"v1"')
    _store(cache, URL + "?b", b"other", '"v2"')
    cache.close()
    again = HttpCache(tmp_path)
    assert again.lookup(URL) == entry
    assert again.conditional_headers(again.lookup(URL)) == {"If-None-Match": '"v1"'}
    again.forget(URL)
    again.close()
    third = HttpCache(tmp_path)
    assert third.lookup(URL) is None
    assert third.lookup(URL + "?b") is not None


def test_body_of_other_size_or_missing_is_not_revalidated(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    _store(cache, URL, b"%PDF-1.4 body", '"v1"')
    cache.body_path(URL).write_bytes(b"changed by someone else")
    assert cache.lookup(URL) is None
    cache.body_path(URL).unlink()
    assert cache.lookup(URL) is None


def test_torn_last_line_is_ignored(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    entry = _store(cache, URL, b"%PDF-1.4 body", '"v1"')
    cache.close()
    with (tmp_path / "index.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"url": "http://127.0.0.1/x", "status": 2')  # crash mid-write
    again = HttpCache(tmp_path)
    assert again.lookup(URL) == entry
    assert again.lookup("http://127.0.0.1/x") is None


def test_index_is_compacted_when_mostly_stale(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    for i in range(1200):
        _store(cache, URL, b"%PDF-1.4 body", f'"v{i}"')
    cache.close()
    assert len((tmp_path / "index.jsonl").read_text("utf-8").splitlines()) == 1200
    again = HttpCache(tmp_path)
    assert len((tmp_path / "index.jsonl").read_text("utf-8").splitlines()) == 1
    assert again.conditional_headers(again.lookup(URL)) == {"If-None-Match": '"v1199"'}
