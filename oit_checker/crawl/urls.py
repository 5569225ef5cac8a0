"""URL normalisation and classification: one canonical spelling per URL, scope, documents.

Thai sites link the same file as ``/ita/ข้อมูล.pdf`` and ``/ita/%e0%b8%82...pdf``; both must
become one frontier entry. The canonical form percent-encodes every non-ASCII byte as UTF-8 with
upper-case hex, decodes escapes of unreserved ASCII characters, keeps reserved escapes (``%2F``)
as they are, drops fragments and default ports, lower-cases scheme and host and IDNA-encodes the
host. The order of query parameters is kept (some CMSs care).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

from oit_checker.models import LinkCategory

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_SUB_DELIMS + ":@/") | _UNRESERVED
_QUERY_SAFE = frozenset(_SUB_DELIMS + ":@/?") | _UNRESERVED
_HEX = re.compile(r"%([0-9A-Fa-f]{2})")
_DEFAULT_PORTS = {"http": 80, "https": 443}

DOCUMENT_EXTENSIONS = frozenset(
    {
        "pdf", "doc", "docx", "xls", "xlsx", "csv", "ppt", "pptx", "odt", "ods", "rtf",
        "jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "bmp",
    }
)  # fmt: skip

_DOCUMENT_TYPES = (
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
    "application/rtf",
    "text/csv",
    "image/",
)

# Host suffix → category of an off-site link.
_CATEGORIES: tuple[tuple[str, LinkCategory], ...] = (
    ("facebook.com", LinkCategory.SOCIAL),
    ("fb.com", LinkCategory.SOCIAL),
    ("fb.me", LinkCategory.SOCIAL),
    ("fb.watch", LinkCategory.SOCIAL),
    ("youtube.com", LinkCategory.SOCIAL),
    ("youtu.be", LinkCategory.SOCIAL),
    ("line.me", LinkCategory.SOCIAL),
    ("lin.ee", LinkCategory.SOCIAL),
    ("twitter.com", LinkCategory.SOCIAL),
    ("x.com", LinkCategory.SOCIAL),
    ("instagram.com", LinkCategory.SOCIAL),
    ("tiktok.com", LinkCategory.SOCIAL),
    ("drive.google.com", LinkCategory.FILE_HOST),
    ("docs.google.com", LinkCategory.FILE_HOST),
    ("sites.google.com", LinkCategory.FILE_HOST),
    ("dropbox.com", LinkCategory.FILE_HOST),
    ("dropboxusercontent.com", LinkCategory.FILE_HOST),
    ("onedrive.live.com", LinkCategory.FILE_HOST),
    ("1drv.ms", LinkCategory.FILE_HOST),
    ("sharepoint.com", LinkCategory.FILE_HOST),
    ("mega.nz", LinkCategory.FILE_HOST),
    ("box.com", LinkCategory.FILE_HOST),
    ("anyflip.com", LinkCategory.FILE_HOST),
    ("fliphtml5.com", LinkCategory.FILE_HOST),
    ("scribd.com", LinkCategory.FILE_HOST),
    ("gprocurement.go.th", LinkCategory.PROCUREMENT),
    ("nacc.go.th", LinkCategory.NACC),
)


def normalize_url(url: str) -> str:
    """The canonical spelling of ``url`` (see module docstring). Raises ValueError if unusable."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = _normalize_host(parts.hostname or "")
    if not host:
        raise ValueError(f"URL without host: {url!r}")
    port = parts.port
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = _remove_dot_segments(_encode(parts.path, _PATH_SAFE)) or "/"
    query = _encode(parts.query, _QUERY_SAFE)
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(url: str) -> str:
    """The key every stage files a URL under: :func:`normalize_url`, or ``url`` itself when
    that rejects it (``mailto:``, no host, …). Memoised: the matcher asks once per link, and
    a site menu repeats the same links on every page."""
    key = _URL_KEYS.get(url)
    if key is None:
        try:
            key = normalize_url(url)
        except ValueError:
            key = url
        if len(_URL_KEYS) >= _URL_KEYS_MAX:
            _URL_KEYS.clear()
        _URL_KEYS[url] = key
    return key


_URL_KEYS: dict[str, str] = {}
_URL_KEYS_MAX = 100_000
"""Entries kept before the cache starts again (a few tens of MB at most)."""


def host_of(url: str) -> str:
    """Normalised host of ``url`` ('' if it has none)."""
    try:
        return _normalize_host(urlsplit(url).hostname or "")
    except ValueError:
        return ""


def twin_hosts(host: str) -> set[str]:
    """``host`` and its www/non-www twin."""
    host = _normalize_host(host)
    if host.startswith("www."):
        return {host, host[4:]}
    return {host, f"www.{host}"}


def strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def extension(url: str) -> str:
    """Lower-case file extension of the URL path ('' if none)."""
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    if "." not in name:
        return ""
    return name.rsplit(".", 1)[-1].lower()


def looks_like_document(url: str) -> bool:
    """True when the URL names a document or image by its extension."""
    return extension(url) in DOCUMENT_EXTENSIONS


def is_document_type(content_type: str | None) -> bool:
    """True for the content types of documents and images (PDF, Office, CSV, images)."""
    if not content_type:
        return False
    ct = content_type.split(";", 1)[0].strip().lower()
    return ct.startswith(_DOCUMENT_TYPES)


def is_html_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    ct = content_type.split(";", 1)[0].strip().lower()
    return ct in ("text/html", "application/xhtml+xml")


def link_category(host: str) -> LinkCategory:
    """What kind of place an off-site host is (social, file host, e-GP, NACC, other)."""
    host = host.lower().rstrip(".")
    for suffix, category in _CATEGORIES:
        if host == suffix or host.endswith("." + suffix):
            return category
    return LinkCategory.OTHER


_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)
_HOST_CHARS = re.compile(r"^[^\s/\\?#@<>\"'`|{}^%]+$")


def web_address(text: str) -> str:
    """The http(s) URL a person means by ``text``: ``www.example-sao.go.th`` (how webmasters
    type it) means ``https://www.example-sao.go.th``. ValueError (with a reason a person
    understands) for anything else: another scheme, no host name, a bad port, or a bare word
    that is no host name (``not-a-url``: no dot, not ``localhost``, not an IP address)."""
    raw = text.strip()
    bare = "://" not in raw and not _OTHER_SCHEME.match(raw)
    url = "https://" + raw if bare else raw
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number or too big
    except ValueError as exc:
        raise ValueError(f"not a web address: {raw!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"not a web address: {raw!r} (only http:// and https:// are checked)")
    if not host or not _HOST_CHARS.match(host):
        raise ValueError(f"not a web address: {raw!r} (no valid host name)")
    if bare and "." not in host and host != "localhost" and ":" not in host:
        raise ValueError(f"not a web address: {raw!r} (a host name has a dot: www.example.go.th)")
    return url


def _normalize_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host or host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return ".".join(_label_idna(label) for label in host.split("."))


def _label_idna(label: str) -> str:
    if label.isascii():
        return label
    return "xn--" + label.encode("punycode").decode("ascii")


def _encode(component: str, safe: frozenset[str]) -> str:
    """Percent-encode ``component`` one consistent way (see module docstring)."""
    out: list[str] = []
    i = 0
    n = len(component)
    while i < n:
        ch = component[i]
        if ch == "%" and _HEX.match(component, i):
            byte = int(component[i + 1 : i + 3], 16)
            decoded = chr(byte)
            out.append(decoded if decoded in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if ch in safe:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    if "/." not in path and not path.startswith("."):
        return path
    trailing = path.endswith(("/", "/.", "/.."))
    norm = posixpath.normpath(path)
    if norm.startswith("//"):
        norm = "/" + norm.lstrip("/")
    if norm == ".":
        norm = "/"
    if trailing and not norm.endswith("/"):
        norm += "/"
    return norm


__all__ = [
    "DOCUMENT_EXTENSIONS",
    "extension",
    "host_of",
    "is_document_type",
    "is_html_type",
    "link_category",
    "looks_like_document",
    "normalize_url",
    "strip_www",
    "twin_hosts",
    "url_key",
    "web_address",
]
