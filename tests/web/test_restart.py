"""A server restarted in the middle of a scan loses nothing: the finished run stays, the
queued scan runs, the interrupted one says so and runs again on request."""

from __future__ import annotations

import re
import signal
import time

import pytest

from oit_checker.fixture_server import FixtureServer
from tests.web.conftest import DEMO, SLOW_CONFIG, Serve, wait_job


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["stopped", "killed"])
def test_restart_mid_scan_loses_nothing(tmp_path_factory: pytest.TempPathFactory, how: int) -> None:
    data = tmp_path_factory.mktemp("restart") / "data"
    with FixtureServer(DEMO) as site:
        other = site.url_for("/", host="localhost")  # the same site under another name
        server = Serve(data, "--allow-private", "--jobs", "1", config=SLOW_CONFIG).start()
        try:
            with server.client() as client:
                first = client.post("/api/scans", json={"url": site.url}).json()["id"]
                finished = wait_job(client, first)
                assert finished["status"] == "done"
                site.latency_s = 0.3  # every request now waits: the next scan takes a while
                running = client.post("/api/scans", json={"url": site.url}).json()["id"]
                queued = client.post("/api/scans", json={"url": other}).json()["id"]
                deadline = time.monotonic() + 60
                while client.get(f"/api/scans/{running}").json()["progress"].get("pages", 0) < 2:
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
                assert client.get(f"/api/scans/{queued}").json()["status"] == "queued"
            server.stop(how)
            site.latency_s = 0.0
            server.start()
            with server.client() as client:
                assert client.get(f"/api/scans/{first}").json()["status"] == "done"
                runs = client.get("/api/runs").json()
                assert finished["run_id"] in [r["id"] for r in runs]
                interrupted = client.get(f"/api/scans/{running}").json()
                assert interrupted["status"] == "interrupted", (interrupted, server.log_tail())
                assert interrupted["progress"]["pages"] >= 1  # where it was is kept
                after = wait_job(client, queued)
                assert after["status"] == "done", (after, server.log_tail())

                page = client.get(f"/jobs/{running}")
                assert "ถูกขัดจังหวะ" in page.text and "ตรวจอีกครั้ง" in page.text
                csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
                assert csrf is not None
                again = client.post(f"/jobs/{running}/again", data={"csrf": csrf.group(1)})
                assert again.status_code == 303
                new_id = int(again.headers["location"].rsplit("/", 1)[1])
                assert new_id not in (first, running, queued)
                assert wait_job(client, new_id)["status"] == "done"
                assert client.get(f"/api/scans/{running}").json()["status"] == "interrupted"
                assert len(client.get("/api/runs").json()) == 3
        finally:
            server.stop()
