"""The server's walls: who may use it (token), which requests a page of another site could
forge (CSRF), which Host names are ours (DNS rebinding), how large an upload may be, and the
headers that keep a page from loading or running anything foreign.

- With a token, every page and API call needs it: ``Authorization: Bearer TOKEN`` or the
  session cookie set by the login form (HMAC of the token, HttpOnly, SameSite=Strict).
  Without one the answer is 401 (pages show the login form).
- Forms carry a CSRF token that must equal the ``oit_csrf`` cookie (double submit); a POST
  whose ``Origin`` is another site is refused. API POSTs need ``Authorization``, a JSON body or
  the ``X-OIT-Client`` header: none of them can be sent cross-site without a CORS preflight,
  which this server never grants.
- Without a token (only on 127.0.0.1) the Host header must name a loopback address or
  ``localhost``, so a web page whose name resolves to 127.0.0.1 cannot read this server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from oit_checker.web.settings import ServeSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "oit_session"
CSRF_COOKIE = "oit_csrf"
CSRF_FIELD = "csrf"
CLIENT_HEADER = "x-oit-client"
_OPEN_PATHS = ("/login", "/static/")
_LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'self'"
)
"""The report renderer's own policy (it has no script), framed only by this server's pages."""


def session_value(token: str) -> str:
    """What the session cookie holds: derived from the token, never the token itself."""
    return hmac.new(token.encode(), b"oit-checker web session", hashlib.sha256).hexdigest()


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            out[name] = value
    return out


def authorized(headers: dict[str, str], token: str | None) -> bool:
    if token is None:
        return True
    auth = headers.get("authorization", "")
    if auth[:7].lower() == "bearer " and same(auth[7:].strip(), token):
        return True
    return same(_cookies(headers).get(SESSION_COOKIE), session_value(token))


def _host_name(host_header: str) -> str:
    try:
        return (urlsplit("//" + host_header).hostname or "").lower()
    except ValueError:
        return ""


class Guard:
    """ASGI middleware applying the rules of this module before the app sees a request."""

    def __init__(self, app: ASGIApp, settings: ServeSettings, token: str | None) -> None:
        self.app = app
        self.settings = settings
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        path: str = scope["path"]
        method: str = scope["method"]
        refusal = self._refuse(headers, path, method)
        if refusal is not None:
            status, body = refusal
            await _plain(send, status, body, path, _cookies(headers).get(CSRF_COOKIE))
            return
        await self.app(scope, _limited(receive, self.settings.max_upload_bytes), _secured(send))

    def _refuse(self, headers: dict[str, str], path: str, method: str) -> tuple[int, str] | None:
        if self.token is None and _host_name(headers.get("host", "")) not in (
            _LOOPBACK_NAMES | {self.settings.host.lower()}
        ):
            return 421, "this server answers only to its loopback address"
        if not path.startswith(_OPEN_PATHS) and not authorized(headers, self.token):
            return 401, "login"
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            origin = headers.get("origin")
            if (
                origin
                and origin != "null"
                and _host_name(urlsplit(origin).netloc) != _host_name(headers.get("host", ""))
            ):
                return 403, "cross-site request refused"
            if path.startswith("/api/") and not _api_request(headers):
                return 403, "API calls need Authorization, a JSON body or X-OIT-Client"
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.settings.max_upload_bytes:
                return 413, "upload too large"
        return None


def _api_request(headers: dict[str, str]) -> bool:
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return bool(
        "authorization" in headers or CLIENT_HEADER in headers or content_type == "application/json"
    )


class BodyTooLarge(Exception):
    """The request body grew past the upload limit (no or a false Content-Length)."""


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return wrapped


_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _secured(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {name.lower() for name, _ in headers}
            headers += [h for h in _SECURITY_HEADERS if h[0] not in names]
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", APP_CSP.encode()))
            message["headers"] = headers
        await send(message)

    return wrapped


async def _plain(send: Send, status: int, text: str, path: str, csrf: str | None) -> None:
    extra: list[tuple[bytes, bytes]] = []
    if status == 401 and not path.startswith("/api/"):
        from oit_checker.web.pages import login_page

        if not csrf:
            csrf = new_csrf()
            extra.append(
                (b"set-cookie", f"{CSRF_COOKIE}={csrf}; HttpOnly; Path=/; SameSite=strict".encode())
            )
        body = login_page(error="", csrf=csrf).encode("utf-8")
        content_type = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"error": text}).encode()
        content_type = b"application/json"
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    headers += extra
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="oit-checker"'))
    await _secured(send)({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
