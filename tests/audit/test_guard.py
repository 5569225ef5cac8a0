"""The private-address guard: loopback, private, link-local and names resolving to them."""

from __future__ import annotations

import pytest

from oit_checker.audit.guard import HostGuard, non_public, resolve_host
from oit_checker.errors import UsageError


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:8080/ita/", "loopback"),
        ("http://10.0.0.5/", "private"),
        ("https://192.168.1.20/o1.pdf", "private"),
        ("http://169.254.1.1/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://localhost/", "loopback"),  # resolved through /etc/hosts, no network
    ],
)
def test_refused_targets(url: str, why: str) -> None:
    reason = HostGuard().refusal(url)
    assert reason is not None and why in reason


def test_public_literals_pass_without_resolving() -> None:
    guard = HostGuard(resolver=lambda host: pytest.fail(f"resolved {host}"))
    assert guard.refusal("https://1.1.1.1/") is None
    assert guard.refusal("https://[2606:4700:4700::1111]/") is None


def test_a_name_is_refused_when_any_of_its_addresses_is_private() -> None:
    answers = {"mixed.example": ["8.8.8.8", "10.1.2.3"], "public.example": ["8.8.4.4"]}
    guard = HostGuard(resolver=lambda host: answers.get(host, []))
    assert "10.1.2.3 (private)" in (guard.refusal("https://mixed.example/a") or "")
    assert guard.refusal("https://public.example/a") is None
    # a name that does not resolve is fetched and reported as a DNS error, not refused
    assert guard.refusal("https://unknown.example/a") is None


def test_check_all_raises_one_line_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        HostGuard().check_all(["https://1.1.1.1/", "http://10.0.0.5/o1.pdf"])
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("refusing http://10.0.0.5/o1.pdf: 10.0.0.5 is a private address")
    assert "--allow-private" in message


def test_resolve_host_reads_the_hosts_file() -> None:
    assert "127.0.0.1" in resolve_host("localhost") or "::1" in resolve_host("localhost")
    assert non_public("8.8.8.8") is None
    assert non_public("not an address") == "invalid"
