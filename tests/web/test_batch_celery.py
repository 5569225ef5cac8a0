"""The office's two ways to scan many: an uploaded agency list run as a batch on the server,
and ``serve --celery`` sending each scan to the Celery workers (real Redis on loopback)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from oit_checker.fixture_server import FixtureServer
from tests.batch import test_celery
from tests.batch.conftest import wait_for
from tests.web.conftest import DEMO, Serve, wait_job

redis_url = test_celery.redis_url  # a Redis server on loopback (fixture)


def test_batch_from_an_uploaded_list(serve: Serve, tmp_path: Path) -> None:
    servers = [FixtureServer(DEMO, host=f"127.0.0.{n}").start() for n in (2, 3)]
    try:
        rows = "\n".join(f"อบต.ทดสอบ {i},{s.url},อบต.,เชียงใหม่" for i, s in enumerate(servers))
        listing = f"name,url,type,province\n{rows}\n".encode("utf-8-sig")
        with serve.client() as client:
            page = client.get("/batches")
            csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
            assert csrf is not None and "ตรวจหลายหน่วยงาน" in page.text
            started = client.post(
                "/batches",
                data={"csrf": csrf.group(1), "year": "2567"},
                files={"agencies": ("รายชื่อ อปท.csv", listing)},
            )
            assert started.status_code == 303
            job_id = int(started.headers["location"].rsplit("/", 1)[1])
            done = wait_job(client, job_id, timeout=180)
            assert done["status"] == "done", done
            assert done["progress"]["items_decided"] == done["progress"]["items_total"] == 2
            job_page = client.get(f"/jobs/{job_id}").text
            assert "batch-summary.csv" in job_page
            summary = client.get(f"/jobs/{job_id}/files/batch-summary.csv")
            assert summary.status_code == 200
            table = list(csv.reader(io.StringIO(summary.content.decode("utf-8-sig"))))
            header, body = table[0], table[1:]
            names = [dict(zip(header, row, strict=True)) for row in body]
            assert [r["name"] for r in names] == ["อบต.ทดสอบ 0", "อบต.ทดสอบ 1"]
            assert {r["outcome"] for r in names} == {"assessed"}
            assert {r["pack"] for r in names} == {"nacc-2567"}
            site_report = client.get(f"/jobs/{job_id}/files/{names[0]['report']}")
            assert site_report.status_code == 200 and "ข้อมูลผู้บริหาร" in site_report.text
            html = client.get(f"/jobs/{job_id}/files/batch-summary.html")
            assert html.status_code == 200 and "อบต.ทดสอบ 1" in html.text
            assert client.get(f"/jobs/{job_id}/files/batch.sqlite3").status_code == 404
            assert client.get(f"/jobs/{job_id}/files/..%2Fhistory.sqlite3").status_code == 404
    finally:
        for server in servers:
            server.stop()


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_scans_go_to_the_celery_workers(tmp_path: Path, redis_url: str) -> None:
    worker_log = tmp_path / "worker.log"
    worker = test_celery._worker(redis_url, worker_log)
    server = Serve(tmp_path / "data", "--allow-private", "--celery", redis_url)
    try:
        assert wait_for(lambda: "ready" in worker_log.read_text(errors="replace"), 60)
        server.start()
        with FixtureServer(DEMO) as site, server.client() as client:
            job_id = client.post("/api/scans", json={"url": site.url, "year": 2567}).json()["id"]
            done = wait_job(client, job_id, timeout=180)
            assert done["status"] == "done", done
            assert done["report"]["settings"]["mode"] == "scan"
            assert "oit_checker.batch.scan_site" in worker_log.read_text(errors="replace")
            assert site.total_hits > 0
            runs = client.get("/api/runs", params={"site": site.url}).json()
            assert [r["id"] for r in runs] == [done["run_id"]]
    finally:
        server.stop()
        worker.terminate()
        worker.wait(30)
