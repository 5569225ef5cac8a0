from __future__ import annotations

import http.client
import ssl
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from oit_checker.fixture_server import Fault, FixtureServer, calendar_trap
from tests.support.servers import PDF, page, write_site


def _get(
    srv: FixtureServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
    conn.request(method, path, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp, body


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "index.html": page("หน้าแรก"),
            "ita/ข้อมูล.pdf": PDF,
            "tis.html": page("ภาษาไทย TIS"),
        },
        {"charset": {"/tis.html": "tis-620"}, "redirects": {"/old": "/ita/"}},
    )


def test_static_files_thai_names_and_types(site: Path) -> None:
    with FixtureServer(site) as srv:
        assert srv.url == f"http://127.0.0.1:{srv.port}/"
        resp, body = _get(srv, "/")
        assert resp.status == 200 and "หน้าแรก" in body.decode()
        resp, body = _get(srv, "/ita/" + quote("ข้อมูล.pdf"))
        assert resp.status == 200 and body == PDF
        assert resp.getheader("Content-Type") == "application/pdf"
        resp, body = _get(srv, "/ita/" + quote("ข้อมูล.pdf"), method="HEAD")
        assert (
            resp.status == 200 and body == b"" and resp.getheader("Content-Length") == str(len(PDF))
        )
        resp, _ = _get(srv, "/ita")
        assert resp.status == 301 and resp.getheader("Location") == "/ita/"
        resp, _ = _get(srv, "/old")
        assert resp.status == 302 and resp.getheader("Location") == "/ita/"
        resp, _ = _get(srv, "/nope.html")
        assert resp.status == 404
        resp, _ = _get(srv, "/_server.json")
        assert resp.status == 404
        assert srv.hits("/ita/ข้อมูล.pdf") == 2


def test_conditional_get(site: Path) -> None:
    with FixtureServer(site) as srv:
        resp, _ = _get(srv, "/")
        etag, modified = resp.getheader("ETag"), resp.getheader("Last-Modified")
        assert etag and modified
        assert _get(srv, "/", {"If-None-Match": etag})[0].status == 304
        assert _get(srv, "/", {"If-Modified-Since": modified})[0].status == 304
        assert _get(srv, "/", {"If-None-Match": '"other"'})[0].status == 200


def test_charset_reencodes(site: Path) -> None:
    with FixtureServer(site) as srv:
        resp, body = _get(srv, "/tis.html")
        assert resp.getheader("Content-Type") == "text/html; charset=tis-620"
        assert body.decode("tis-620").count("ภาษาไทย TIS") == 2
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")


def test_faults_and_handlers(tmp_path: Path) -> None:
    with FixtureServer(None) as srv:
        srv.route("/busy", Fault(status=503, retry_after=7, times=1))
        srv.route("/cal", calendar_trap)
        srv.route("/big", Fault(size=3 * 2**20, content_type="application/pdf"))
        srv.route("/reset", Fault(body="x" * 10_000, reset_after=100))
        resp, _ = _get(srv, "/busy")
        assert resp.status == 503 and resp.getheader("Retry-After") == "7"
        assert _get(srv, "/busy")[0].status == 404  # fault used up: normal answer
        resp, body = _get(srv, "/cal?month=4")
        assert "?month=5" in body.decode()
        resp, body = _get(srv, "/big")
        assert len(body) == 3 * 2**20
        with pytest.raises((http.client.IncompleteRead, ConnectionError)):
            _get(srv, "/reset")


def test_counts_in_flight_per_host() -> None:
    with FixtureServer(None) as srv:
        srv.route("/slow", Fault(latency_s=0.3, body="ok"))
        threads = [
            threading.Thread(target=_get, args=(srv, "/slow", {"Host": f"h{i % 2}"}))
            for i in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert srv.max_in_flight == 4
        assert srv.max_in_flight_for("h0") == 2
        assert srv.hits("/slow") == 4


def test_soft_404_mode(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"index.html": page("x")}, {"soft_404": True})
    with FixtureServer(root) as srv:
        resp, body = _get(srv, "/does-not-exist")
        assert resp.status == 200 and "ไม่พบ" in body.decode()


def test_fault_on_static_file_keeps_body(site: Path) -> None:
    with FixtureServer(site) as srv:
        srv.route("/ita/ข้อมูล.pdf", Fault(content_type="text/html", latency_s=0.2, times=1))
        started = time.monotonic()
        resp, body = _get(srv, "/ita/" + quote("ข้อมูล.pdf"))
        assert time.monotonic() - started >= 0.2
        assert resp.getheader("Content-Type") == "text/html" and body == PDF
        resp, _ = _get(srv, "/ita/" + quote("ข้อมูล.pdf"))
        assert resp.getheader("Content-Type") == "application/pdf"


def test_global_latency_and_https(tmp_path: Path, site: Path) -> None:
    from tests.support.servers import tls_material

    tls = tls_material(tmp_path)
    with FixtureServer(site, tls=tls.server_ctx, latency_s=0.1) as srv:
        assert srv.url.startswith("https://127.0.0.1:")
        ctx = ssl.create_default_context(cafile=str(tls.ca_file))
        conn = http.client.HTTPSConnection("127.0.0.1", srv.port, context=ctx, timeout=5)
        started = time.monotonic()
        conn.request("GET", "/")
        resp = conn.getresponse()
        assert resp.status == 200 and "หน้าแรก" in resp.read().decode()
        assert time.monotonic() - started >= 0.1
        conn.close()
