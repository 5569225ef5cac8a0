"""Turn matching findings into user-visible problems (codes in oit_checker.problems.match)."""

from __future__ import annotations

import re

from oit_checker.match.hub import HubPage
from oit_checker.models import Candidate, Problem, SignalKind
from oit_checker.problems import make
from oit_checker.rules.schema import Pack

_MISMATCH = re.compile(r'^(hub|link) label "(.*)" says (o\d{2}) but the content matches (o\d{2})')


def candidate_problems(candidate: Candidate, pack: Pack) -> list[Problem]:
    """Label/content mismatches recorded on a candidate, as problems for the report."""
    problems: list[Problem] = []
    for signal in candidate.signals:
        if signal.kind is not SignalKind.NEGATIVE:
            continue
        m = _MISMATCH.match(signal.detail)
        if not m:
            continue
        source, label, item, other = m.groups()
        code = "hub_label_mismatch" if source == "hub" else "link_label_mismatch"
        problems.append(
            make(
                code,
                url=candidate.url,
                label=label,
                item=item,
                other_item=other,
                other_title=_title(pack, other),
            )
        )
    return problems


def hub_problems(hub: HubPage, pack: Pack) -> list[Problem]:
    """Rows of a hub page without a usable link, and rows whose code is another item's."""
    problems: list[Problem] = []
    for row in hub.rows:
        if row.item_id and not any(link.url for link in row.links):
            problems.append(make("hub_row_no_link", url=hub.url, label=row.label, item=row.item_id))
        if row.code is not None and row.code_item and row.item_id and row.code_item != row.item_id:
            problems.append(
                make(
                    "hub_code_differs",
                    url=hub.url,
                    row_code=f"O{row.code}",
                    label=row.label,
                    item=row.item_id,
                    year=pack.year,
                )
            )
    return problems


def _title(pack: Pack, item_id: str) -> str:
    try:
        return pack.item(item_id).title_th
    except KeyError:
        return item_id


__all__ = ["candidate_problems", "hub_problems"]
