"""The server's walls, on a real server process: the token rule (127.0.0.2 counts as another
address), login, CSRF, cross-site and DNS-rebinding requests, upload size, private targets."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from oit_checker.fixture_server import FixtureServer
from tests.web.conftest import CLIENT, ROOT, Serve

TOKEN = "correct-horse-battery-staple-42"


def _serve_exit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "OIT_SERVE_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "oit_checker", "serve", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60, env={**clean, **(env or {})},
    )  # fmt: skip


def test_another_address_without_a_token_refuses_to_start(tmp_path: Path) -> None:
    for host in ("127.0.0.2", "0.0.0.0"):
        done = _serve_exit("--host", host, "--port", "1", "--data", str(tmp_path))
        assert done.returncode == 2, done
        assert "without a token" in done.stderr
    short = _serve_exit("--host", "127.0.0.2", "--token", "short", "--data", str(tmp_path))
    assert short.returncode == 2 and "at least 16" in short.stderr


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    """Bound on 127.0.0.2 with the token from the environment."""
    data = tmp_path_factory.mktemp("guarded") / "data"
    server = Serve(data, "--allow-private", host="127.0.0.2", env={"OIT_SERVE_TOKEN": TOKEN})
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_without_the_token_every_page_and_call_is_401(guarded: Serve) -> None:
    with guarded.client() as client:
        for path in ("/", "/history", "/audits", "/jobs/1", "/runs/1/report.html", "/openapi.json"):
            answer = client.get(path)
            assert answer.status_code == 401, path
            assert 'name="token"' in answer.text  # the login form
        api = client.get("/api/runs")
        assert api.status_code == 401 and api.headers["www-authenticate"].startswith("Bearer")
        posted = client.post("/api/scans", json={"url": "www.abc.go.th"})
        assert posted.status_code == 401
        wrong = client.get("/api/runs", headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
        assert wrong.status_code == 401
        right = client.get("/api/runs", headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200 and right.json() == []


def test_the_login_form_sets_a_session_cookie(guarded: Serve) -> None:
    with guarded.client() as client:
        form = client.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert csrf is not None
        bad = client.post("/login", data={"csrf": csrf.group(1), "token": "nope"})
        assert bad.status_code == 401 and "oit_session" not in client.cookies
        good = client.post("/login", data={"csrf": csrf.group(1), "token": TOKEN})
        assert good.status_code == 303
        session = client.cookies.get("oit_session")
        assert session and TOKEN not in session
        assert "httponly" in good.headers["set-cookie"].lower()
        assert client.get("/").status_code == 200
        assert client.get("/api/runs").status_code == 200


def _csrf(client: httpx.Client) -> str:
    page = client.get("/")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None and client.cookies.get("oit_csrf") == found.group(1)
    return found.group(1)


def test_forms_need_their_csrf_token(serve: Serve) -> None:
    with serve.client() as client:
        before = len(client.get("/api/runs").json())
        token = _csrf(client)
        url = "www.abc-never-scanned.go.th"
        missing = client.post("/scans", data={"url": url})
        assert missing.status_code == 403 and "CSRF" in missing.text
        forged = client.post("/scans", data={"url": url, "csrf": "x" * len(token)})
        assert forged.status_code == 403
        cross = client.post(
            "/scans",
            data={"url": url, "csrf": token},
            headers={"Origin": "http://evil.example"},
        )
        assert cross.status_code == 403
        cancel = client.post("/jobs/1/cancel", data={})
        assert cancel.status_code == 403
        listed = client.get("/").text
        assert "abc-never-scanned" not in listed  # no job was created
        assert len(client.get("/api/runs").json()) == before


def test_api_posts_a_form_could_send_are_refused(serve: Serve) -> None:
    with serve.client() as client:
        plain = client.post(
            "/api/scans",
            content=b'{"url": "www.abc.go.th"}',
            headers={"Content-Type": "text/plain"},
        )
        assert plain.status_code == 403
        multipart = client.post(
            "/api/audits", files={"submission": ("s.csv", b"item,url\no1,/\n")}, data={"site": "x"}
        )
        assert multipart.status_code == 403


def test_uploads_over_the_limit_are_413(serve: Serve) -> None:
    big = b"item,url\n" + b"o1,https://www.abc.go.th/" + b"x" * (6 * 2**20) + b"\n"
    with serve.client(headers=CLIENT) as client:
        answer = client.post(
            "/api/audits", files={"submission": ("s.csv", big)}, data={"site": "www.abc.go.th"}
        )
        assert answer.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'--b\r\nContent-Disposition: form-data; name="submission"; filename="s.csv"'
            yield b"\r\n\r\n"
            for _ in range(7):
                yield b"x" * 2**20
            yield b"\r\n--b--\r\n"

        streamed = client.post(
            "/api/audits",
            content=chunks(),
            headers={"Content-Type": "multipart/form-data; boundary=b"},
        )
        assert streamed.status_code == 413


def test_a_page_on_a_rebound_name_is_not_answered(serve: Serve) -> None:
    with serve.client() as client:
        answer = client.get("/api/runs", headers={"Host": f"attacker.example:{serve.port}"})
        assert answer.status_code == 421
        assert (
            client.get("/api/runs", headers={"Host": f"localhost:{serve.port}"}).status_code == 200
        )


def test_private_targets_are_refused_without_allow_private(tmp_path: Path) -> None:
    with FixtureServer(ROOT / "fixtures" / "sites" / "demo") as site:
        server = Serve(tmp_path / "data").start()  # no --allow-private
        try:
            with server.client(headers=CLIENT) as client:
                for url in (
                    site.url,
                    f"localhost:{site.port}",
                    "http://10.1.2.3/",
                    "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]/",
                ):
                    answer = client.post("/api/scans", json={"url": url})
                    assert answer.status_code == 403, url
                    assert "refused" in answer.json()["error"]
                audit = client.post(
                    "/api/audits",
                    files={"submission": ("s.csv", f"item,url\no1,{site.url}\n".encode())},
                    data={"site": site.url},
                )
                assert audit.status_code == 403
                assert client.get("/api/runs").json() == []
        finally:
            server.stop()
        assert site.total_hits == 0
