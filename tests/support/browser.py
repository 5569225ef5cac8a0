"""Helpers for tests in headless Chromium: which fonts actually drew an element's text."""

from __future__ import annotations

import subprocess
from typing import Any


def platform_fonts(page: Any, selector: str) -> list[dict[str, Any]]:
    """The fonts Chromium used to draw the text of ``selector`` (``familyName``, ``glyphCount``),
    read through the DevTools protocol."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts: list[dict[str, Any]] = cdp.send(
        "CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]}
    )["fonts"]
    return fonts


def thai_font_families() -> set[str]:
    """Font families fontconfig says cover Thai."""
    out = subprocess.run(
        ["fc-list", ":lang=th", "family"], capture_output=True, text=True, check=True
    ).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}
