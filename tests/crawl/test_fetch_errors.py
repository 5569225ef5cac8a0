"""Fetch errors are classified by the exception types in their chain of causes, never by
words of the message: real sockets on 127.0.0.1 that misbehave at the TLS step."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oit_checker.models import FetchError
from tests.support.servers import by_path, crawl, fast_config


@contextmanager
def _tcp_server(on_accept: str) -> Iterator[int]:
    """A TCP listener that, for every connection, either says nothing (``silent``: a TLS
    handshake then times out) or closes at once (``close``)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _addr = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if on_accept == "close":
                conn.close()
            else:
                held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        listener.close()
        for conn in held:
            conn.close()


def test_tls_handshake_timeout_is_a_timeout_not_a_tls_finding(tmp_path: Path) -> None:
    with _tcp_server("silent") as port:
        url = f"https://127.0.0.1:{port}/"
        result = crawl(fast_config(url, tmp_path / "c", timeout_s=0.5, retries=0))
    start = by_path(result)["/"]
    assert start.error is FetchError.TIMEOUT, (start.error, start.error_detail)
    codes = {f.code for f in result.site_findings}
    assert "tls_error" not in codes and "tls_unverified" not in codes


def test_connection_closed_during_handshake_is_a_reset(tmp_path: Path) -> None:
    with _tcp_server("close") as port:
        url = f"https://127.0.0.1:{port}/"
        result = crawl(fast_config(url, tmp_path / "c", timeout_s=2, retries=0))
    start = by_path(result)["/"]
    assert start.error is FetchError.RESET, (start.error, start.error_detail)
    assert "tls_error" not in {f.code for f in result.site_findings}
