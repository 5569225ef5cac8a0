"""HTTPS sites with broken certificates: checked without verification unless --strict-tls."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit_checker.fixture_server import FixtureServer
from oit_checker.models import FetchError
from tests.support.servers import PDF, by_path, crawl, fast_config, page, tls_material, write_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {"index.html": page("หน้าแรก", ("/ita.pdf", "ITA o1")), "ita.pdf": PDF},
    )


def test_untrusted_certificate_checked_unverified(tmp_path: Path, site: Path) -> None:
    tls = tls_material(tmp_path)
    with FixtureServer(site, tls=tls.server_ctx) as srv:
        assert srv.url.startswith("https://")
        result = crawl(fast_config(srv.url, tmp_path / "c"))  # CA not trusted
    codes = [f.code for f in result.site_findings]
    assert "tls_error" in codes and "tls_unverified" in codes
    tls_error = next(f for f in result.site_findings if f.code == "tls_error")
    assert "certificate" in tls_error.message_en.lower()
    assert result.reachable and result.stats.tls_unverified
    res = by_path(result)
    assert res["/"].ok and not res["/"].tls_verified
    assert res["/ita.pdf"].ok and Path(res["/ita.pdf"].body_path or "").read_bytes() == PDF


def test_strict_tls_makes_site_unreachable(tmp_path: Path, site: Path) -> None:
    tls = tls_material(tmp_path)
    with FixtureServer(site, tls=tls.server_ctx) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c", strict_tls=True))
        hits = srv.total_hits
    assert not result.reachable and result.partial
    assert result.resources[0].error == FetchError.TLS
    codes = [f.code for f in result.site_findings]
    assert "tls_error" in codes and "site_unreachable" in codes and "tls_unverified" not in codes
    assert hits == 0  # the handshake failed: no HTTP request reached the server
    assert len(result.resources) == 1


def test_trusted_certificate_verified(tmp_path: Path, site: Path) -> None:
    tls = tls_material(tmp_path)
    with FixtureServer(site, tls=tls.server_ctx) as srv:
        result = crawl(fast_config(srv.url, tmp_path / "c", ca_file=tls.ca_file, strict_tls=True))
    assert result.reachable and not result.site_findings
    assert all(r.tls_verified for r in result.resources)
    assert by_path(result)["/ita.pdf"].ok


@pytest.mark.parametrize("problem", ["expired", "wrong_host"])
def test_expired_or_wrong_host_certificate(tmp_path: Path, site: Path, problem: str) -> None:
    if problem == "expired":
        tls = tls_material(tmp_path, expired=True)
    else:
        tls = tls_material(tmp_path, identity="other.example.go.th")
    with FixtureServer(site, tls=tls.server_ctx) as srv:
        strict = crawl(fast_config(srv.url, tmp_path / "c1", ca_file=tls.ca_file, strict_tls=True))
        lenient = crawl(fast_config(srv.url, tmp_path / "c2", ca_file=tls.ca_file))
    detail = next(f for f in strict.site_findings if f.code == "tls_error").params["detail"]
    assert ("expired" if problem == "expired" else "match") in detail.lower()
    assert not strict.reachable
    assert lenient.reachable and by_path(lenient)["/ita.pdf"].ok
