"""A static fixture website on 127.0.0.1 with programmable faults.

Used by ``oit-checker demo``, the tests, the evaluation and the benchmarks. It serves a site
directory (``index.html`` for folders, content types by extension, Thai file names, HEAD, ETag /
Last-Modified with conditional GET) and can misbehave on request: latency, slow bodies,
connection resets, 429/500/503 with Retry-After, redirect loops, an endless calendar, huge
streamed bodies, wrong content types, TIS-620 pages. It counts hits per path and the maximum
number of requests in flight (overall and per Host header) so tests can check politeness.

``_server.json`` in the site root configures what a static tree cannot express::

    {"charset": {"/tis.html": "tis-620", "/meta-only.html": {"encoding": "cp874", "header": false}},
     "soft_404": true,
     "redirects": {"/old": "/new", "/moved": {"to": "https://other/", "status": 301}},
     "content_types": {"/data.bin": "application/octet-stream"},
     "headers": {"/x.html": {"X-Frame-Options": "DENY"}},
     "latency_s": 0.0}

Files are stored as UTF-8; a ``charset`` entry re-encodes them when served.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import mimetypes
import socket
import ssl
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

_CHUNK = 64 * 1024
_EXTRA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
    ".csv": "text/csv; charset=utf-8",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".json": "application/json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
_SOFT_404_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>ไม่พบหน้า</title></head>"
    "<body><h1>ขออภัย ไม่พบหน้าที่คุณต้องการ</h1><p>Page not found: {path}</p>"
    "<a href='/'>หน้าแรก</a></body></html>"
)


@dataclass
class Request:
    """What a route handler sees of a request."""

    method: str
    path: str
    """Decoded path without the query string."""
    query: dict[str, list[str]]
    headers: dict[str, str]
    raw_path: str


@dataclass
class Fault:
    """How to answer (or misbehave on) a request. Unset fields mean "serve normally".

    ``after`` lets the first N matching requests through untouched; ``times`` limits how many
    requests the fault applies to (None: all).
    """

    status: int | None = None
    body: bytes | str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    latency_s: float = 0.0
    """Sleep before sending the status line."""
    body_rate: float | None = None
    """Bytes per second for the body (slow server)."""
    reset_after: int | None = None
    """Send this many body bytes, then reset the connection (RST)."""
    drop: bool = False
    """Close the connection without any response (a dead host behind a proxy)."""
    size: int | None = None
    """Generate a body of this many bytes, streamed, never held in memory."""
    retry_after: int | str | None = None
    redirect_to: str | None = None
    charset: str | None = None
    """Encode a str body with this charset and declare it in the Content-Type header."""
    declared_length: int | None = None
    """Announce this Content-Length, send the body as it is, then close the connection (a
    body cut short by a crashed backend or a proxy)."""
    after: int = 0
    times: int | None = None
    _seen: int = field(default=0, repr=False)
    _applied: int = field(default=0, repr=False)

    def _claim(self) -> bool:
        self._seen += 1
        if self._seen <= self.after:
            return False
        if self.times is not None and self._applied >= self.times:
            return False
        self._applied += 1
        return True


Handler = Callable[[Request], Fault | None]


def calendar_trap(req: Request) -> Fault:
    """An endless calendar: ``?month=N`` links to ``?month=N+1`` forever."""
    try:
        month = int(req.query.get("month", ["0"])[0])
    except ValueError:
        month = 0
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>ปฏิทินกิจกรรม</title></head>"
        f"<body><h1>ปฏิทิน เดือนที่ {month}</h1>"
        f"<a href='{req.path}?month={month + 1}'>เดือนถัดไป</a></body></html>"
    )
    return Fault(status=200, body=html, content_type="text/html; charset=utf-8")


def redirect_loop(a: str, b: str) -> dict[str, Fault]:
    """Routes for a two-step redirect loop between paths ``a`` and ``b``."""
    return {a: Fault(status=302, redirect_to=b), b: Fault(status=302, redirect_to=a)}


class _Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[float, str, str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.in_flight_by_host: Counter[str] = Counter()
        self.max_in_flight_by_host: Counter[str] = Counter()
        self.bytes_sent = 0

    def enter(self, method: str, path: str, raw: str, host: str) -> None:
        with self.lock:
            self.hits[path] += 1
            self.log.append((time.monotonic(), method, raw, host))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.in_flight_by_host[host] += 1
            self.max_in_flight_by_host[host] = max(
                self.max_in_flight_by_host[host], self.in_flight_by_host[host]
            )

    def leave(self, host: str) -> None:
        with self.lock:
            self.in_flight -= 1
            self.in_flight_by_host[host] -= 1

    def sent(self, n: int) -> None:
        with self.lock:
            self.bytes_sent += n


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FixtureServer
    tls: ssl.SSLContext | None = None

    def get_request(self) -> tuple[Any, Any]:
        sock, addr = self.socket.accept()
        if self.tls is not None:
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up or reject our certificate are normal in fault tests."""


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 10

    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(5)
            try:
                self.request.do_handshake()
            except (OSError, ssl.SSLError):
                self.request.close()
                raise
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle(head=False)

    def do_HEAD(self) -> None:
        self._handle(head=True)

    def _handle(self, head: bool) -> None:
        owner = self.server.owner
        split = urlsplit(self.path)
        path = unquote(split.path, errors="replace")
        host = self.headers.get("Host", "")
        owner._stats.enter(self.command, path, self.path, host)
        try:
            req = Request(
                method=self.command,
                path=path,
                query=parse_qs(split.query),
                headers={k: v for k, v in self.headers.items()},
                raw_path=self.path,
            )
            delay = owner.latency_s
            if delay:
                time.sleep(delay)
            fault = owner._resolve(req)
            if fault is not None:
                self._serve_fault(req, fault, head)
            else:
                self._serve_static(req, head)
        except (ConnectionError, BrokenPipeError, ssl.SSLError, TimeoutError):
            self.close_connection = True
        finally:
            owner._stats.leave(host)

    # ------------------------------------------------------------------ responses

    def _serve_fault(self, req: Request, fault: Fault, head: bool) -> None:
        if fault.latency_s:
            time.sleep(fault.latency_s)
        if fault.drop:
            self.close_connection = True
            self._reset()
            return
        if fault.redirect_to is not None:
            self._send_head(fault.status or 302, {"Location": fault.redirect_to}, 0, None)
            return
        status = fault.status or 200
        headers = dict(fault.headers)
        if fault.retry_after is not None:
            headers["Retry-After"] = str(fault.retry_after)
        if fault.size is not None:
            self._send_head(
                status, headers, fault.size, fault.content_type or "application/octet-stream"
            )
            if not head:
                self._send_body(_generated(fault.size), fault)
            return
        body = fault.body if fault.body is not None else b""
        ctype: str | None = fault.content_type
        if isinstance(body, str):
            enc = fault.charset or "utf-8"
            body = body.encode(enc)
            if fault.charset:
                ctype = f"{(ctype or 'text/html').split(';')[0]}; charset={fault.charset}"
        if fault.body is None and fault.status in (None, 200):
            # Only headers, latency, rate or a reset: serve the real file with them.
            self._serve_static(req, head, fault)
            return
        length = len(body) if fault.declared_length is None else fault.declared_length
        self._send_head(status, headers, length, ctype or "text/html; charset=utf-8")
        if not head:
            self._send_body(iter([body]), fault)
        if fault.declared_length is not None:
            self.close_connection = True

    def _serve_static(self, req: Request, head: bool, fault: Fault | None = None) -> None:
        owner = self.server.owner
        conf = owner.config
        redirect = conf.get("redirects", {}).get(req.path)
        if redirect is not None:
            if isinstance(redirect, str):
                redirect = {"to": redirect}
            self._send_head(int(redirect.get("status", 302)), {"Location": redirect["to"]}, 0, None)
            return
        file = owner._file_for(req.path)
        if file is None:
            if conf.get("soft_404"):
                body = _SOFT_404_PAGE.format(path=_html_escape(req.path)).encode("utf-8")
                self._send_head(200, {}, len(body), "text/html; charset=utf-8")
            else:
                body = b"<!doctype html><title>404 Not Found</title><h1>Not Found</h1>"
                self._send_head(404, {}, len(body), "text/html; charset=utf-8")
            if not head:
                self._send_body(iter([body]), fault)
            return
        if file.is_dir():
            location = req.raw_path.split("?", 1)[0] + "/"
            self._send_head(301, {"Location": location}, 0, None)
            return
        st = file.stat()
        etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": last_modified}
        headers.update(conf.get("headers", {}).get(req.path, {}))
        if fault is not None:
            headers.update(fault.headers)
        if self._not_modified(etag, st.st_mtime):
            self._send_head(304, headers, None, None)
            return
        ctype = (
            (fault.content_type if fault is not None else None)
            or conf.get("content_types", {}).get(req.path)
            or _content_type(file)
        )
        charset = conf.get("charset", {}).get(req.path)
        if charset is not None:
            if isinstance(charset, str):
                charset = {"encoding": charset}
            body = file.read_text("utf-8").encode(charset["encoding"])
            base = ctype.split(";")[0]
            ctype = (
                f"{base}; charset={charset['encoding']}" if charset.get("header", True) else base
            )
            self._send_head(200, headers, len(body), ctype)
            if not head:
                self._send_body(iter([body]), fault)
            return
        self._send_head(200, headers, st.st_size, ctype)
        if not head:
            self._send_body(_file_chunks(file), fault)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= since
        return False

    def _send_head(
        self, status: int, headers: dict[str, str], length: int | None, ctype: str | None
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k, v)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send_body(self, chunks: Iterator[bytes], fault: Fault | None) -> None:
        rate = fault.body_rate if fault else None
        reset_after = fault.reset_after if fault else None
        sent = 0
        for chunk in chunks:
            if reset_after is not None and sent + len(chunk) >= reset_after:
                part = chunk[: reset_after - sent]
                if part:
                    self.wfile.write(part)
                    self.wfile.flush()
                self.server.owner._stats.sent(len(part))
                self._reset()
                return
            if rate:
                step = max(1, int(rate / 10))
                for i in range(0, len(chunk), step):
                    piece = chunk[i : i + step]
                    self.wfile.write(piece)
                    self.wfile.flush()
                    self.server.owner._stats.sent(len(piece))
                    time.sleep(len(piece) / rate)
            else:
                self.wfile.write(chunk)
                self.server.owner._stats.sent(len(chunk))
            sent += len(chunk)
        if reset_after is not None:
            self._reset()

    def _reset(self) -> None:
        """Abort the connection with a TCP RST."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
        sock = self.connection
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            sock.close()


class FixtureServer:
    """Serve ``root`` on ``host:port`` (0 = any free port) in a background thread.

    >>> with FixtureServer(Path("fixtures/sites/demo")) as srv:  # doctest: +SKIP
    ...     srv.url  # 'http://127.0.0.1:PORT/'
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
        latency_s: float = 0.0,
    ) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self.host = host
        self.port = port
        self.tls = tls
        self._routes: dict[str, Fault | Handler] = {}
        self._stats = _Stats()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.config: dict[str, Any] = self._load_config()
        self.latency_s = float(latency_s or self.config.get("latency_s", 0.0))

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FixtureServer:
        server = _Server((self.host, self.port), _RequestHandler)
        server.owner = self
        server.tls = self.tls
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}/"

    def url_for(self, path: str, host: str | None = None) -> str:
        """Absolute URL of ``path`` on this server (optionally with another host name)."""
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host or self.host}:{self.port}/{path.lstrip('/')}"

    # ------------------------------------------------------------------ faults

    def route(self, path: str, fault: Fault | Handler) -> None:
        """Answer ``path`` (decoded, no query; ``*`` = every path) with a fault or a handler."""
        with self._lock:
            self._routes[path] = fault

    add_route = route

    def routes(self, mapping: dict[str, Fault]) -> None:
        for path, fault in mapping.items():
            self.route(path, fault)

    def clear_routes(self) -> None:
        with self._lock:
            self._routes.clear()

    def _resolve(self, req: Request) -> Fault | None:
        with self._lock:
            candidates = [self._routes.get(req.path), self._routes.get("*")]
        for entry in candidates:
            if entry is None:
                continue
            if isinstance(entry, Fault):
                with self._lock:
                    claimed = entry._claim()
                if claimed:
                    return entry
                continue
            result = entry(req)  # handlers run unlocked: a slow one must not serialise others
            if result is not None:
                return result
        return None

    # ------------------------------------------------------------------ measurements

    def hits(self, path: str) -> int:
        """How many requests asked for ``path`` (decoded, without query)."""
        with self._stats.lock:
            return self._stats.hits[path]

    @property
    def total_hits(self) -> int:
        with self._stats.lock:
            return sum(self._stats.hits.values())

    @property
    def request_log(self) -> list[tuple[float, str, str, str]]:
        """(monotonic time, method, raw path, Host header) of every request, in order."""
        with self._stats.lock:
            return list(self._stats.log)

    @property
    def max_in_flight(self) -> int:
        with self._stats.lock:
            return self._stats.max_in_flight

    def max_in_flight_for(self, host: str) -> int:
        """Maximum concurrent requests seen with this Host header (``host:port``)."""
        with self._stats.lock:
            return self._stats.max_in_flight_by_host[host]

    @property
    def bytes_sent(self) -> int:
        with self._stats.lock:
            return self._stats.bytes_sent

    def reset_stats(self) -> None:
        self._stats = _Stats()

    # ------------------------------------------------------------------ files

    def _load_config(self) -> dict[str, Any]:
        if self.root is None:
            return {}
        conf = self.root / "_server.json"
        if not conf.exists():
            return {}
        data: dict[str, Any] = json.loads(conf.read_text("utf-8"))
        return data

    def _file_for(self, path: str) -> Path | None:
        if self.root is None:
            return None
        rel = path.lstrip("/")
        candidate = (self.root / rel).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.name == "_server.json":
            return None
        if candidate.is_dir():
            if not path.endswith("/") and path != "":
                return candidate
            index = candidate / "index.html"
            return index if index.is_file() else None
        return candidate if candidate.is_file() else None


def _content_type(file: Path) -> str:
    suffix = file.suffix.lower()
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(file.name)
    return guessed or "application/octet-stream"


def _file_chunks(file: Path) -> Iterator[bytes]:
    with file.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            yield chunk


def _generated(size: int) -> Iterator[bytes]:
    block = hashlib.sha256(b"oit").hexdigest().encode("ascii") * (_CHUNK // 64)
    left = size
    while left > 0:
        chunk = block[: min(left, len(block))]
        left -= len(chunk)
        yield chunk


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["Fault", "FixtureServer", "Handler", "Request", "calendar_trap", "redirect_loop"]
