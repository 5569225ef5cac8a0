"""``oit-checker serve`` as a real process (uvicorn) on a loopback address, and fixture sites
on 127.0.0.1 to scan. Servers run with --allow-private (the fixture sites are loopback) unless
a test asks otherwise."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from oit_checker.fixture_server import FixtureServer

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "sites" / "demo"
FAST_CONFIG = "[crawl]\nmin_interval = 0\nper_host_concurrency = 4\ntimeout = 5\n"
SLOW_CONFIG = (
    "[crawl]\nmin_interval = 0\nper_host_concurrency = 1\ntimeout = 5\nmax_documents = 6\n"
)
CLIENT = {"X-OIT-Client": "tests"}


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class Serve:
    """One ``oit-checker serve`` process; ``restart`` keeps the data folder and the port."""

    def __init__(
        self,
        data: Path,
        *args: str,
        host: str = "127.0.0.1",
        config: str = FAST_CONFIG,
        env: dict[str, str] | None = None,
    ) -> None:
        self.data = data
        self.host = host
        self.args = args
        self.port = free_port(host)
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        if "OIT_SERVE_TOKEN" not in (env or {}):
            self.env.pop("OIT_SERVE_TOKEN", None)
        data.mkdir(parents=True, exist_ok=True)
        self.config = data.parent / f"{data.name}.toml"
        self.config.write_text(config, encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "oit_checker", "serve", "--host", self.host,
            "--port", str(self.port), "--data", str(self.data), "--config", str(self.config),
            "--no-ocr", *self.args,
        ]  # fmt: skip

    @property
    def log(self) -> Path:
        """The server's output (a file: a pipe nobody reads would block the server)."""
        return self.data.parent / f"{self.data.name}-serve.log"

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def start(self) -> Serve:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                self.command(), env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited {self.process.returncode}: {self.log_tail()}")
            try:
                httpx.get(f"{self.url}/static/app.css", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("serve did not start")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def restart(self) -> Serve:
        self.stop()
        return self.start()

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)


def wait_job(client: httpx.Client, job_id: int, timeout: float = 120, until: str = "") -> Any:
    """Poll the API until the job has finished (or reached status ``until``)."""
    deadline = time.monotonic() + timeout
    while True:
        data = client.get(f"/api/scans/{job_id}").json()
        if data["status"] == until or (not until and data["status"] not in ("queued", "running")):
            return data
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} still {data['status']}: {data}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def demo_site() -> Iterator[FixtureServer]:
    with FixtureServer(DEMO) as server:
        yield server


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    server = Serve(tmp_path_factory.mktemp("serve") / "data", "--allow-private").start()
    try:
        yield server
    finally:
        server.stop()
