"""Test host names for the address guard, all on 127.0.0.0/8: ``agency.test`` resolves to
127.0.0.2 and counts as public, ``intranet.test`` resolves to 127.0.0.3 and stays private (as
loopback is), ``rebind.test`` answers 127.0.0.2 and 127.0.0.3 in turns (DNS rebinding) and
``missing.test`` does not resolve."""

from __future__ import annotations

import itertools
import socket

from oit_checker.crawl.guard import AddressGuard, loop_resolve, non_public

AGENCY_IP = "127.0.0.2"
INTRANET_IP = "127.0.0.3"


def loopback_guard() -> AddressGuard:
    turns = itertools.cycle([AGENCY_IP, INTRANET_IP])

    async def resolve(host: str, port: int) -> list[str]:
        if host == "agency.test":
            return [AGENCY_IP]
        if host == "intranet.test":
            return [INTRANET_IP]
        if host == "rebind.test":
            return [next(turns)]
        if host == "missing.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return await loop_resolve(host, port)

    def classify(address: str) -> str | None:
        return None if address == AGENCY_IP else non_public(address)

    return AddressGuard(resolve=resolve, classify=classify)


__all__ = ["AGENCY_IP", "INTRANET_IP", "loopback_guard"]
