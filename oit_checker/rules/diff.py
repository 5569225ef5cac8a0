"""What changed between two rule packs (usually two assessment years of one scheme).

Items are paired by topic key (``Item.key``), not by number, so a renumbered or renamed item is
reported as such rather than as one removed and one added item.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from oit_checker.rules.schema import Confidence, EvidenceKind, Item, ItemStatus, Pack, TimeWindow


class ItemRef(BaseModel):
    key: str
    id: str
    title_th: str
    title_en: str


class Renamed(BaseModel):
    key: str
    old_id: str
    new_id: str
    old_title_th: str
    new_title_th: str


class Renumbered(BaseModel):
    key: str
    old_id: str
    new_id: str
    title_th: str


class Merged(BaseModel):
    new: ItemRef
    old: list[ItemRef]
    """The earlier items (present in the old pack) that the new item combines; when the new
    item keeps the key of one of them, that one comes first."""


class ElementChange(BaseModel):
    key: str
    old_id: str
    new_id: str
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class WindowChange(BaseModel):
    key: str
    old_id: str
    new_id: str
    old: TimeWindow
    new: TimeWindow
    old_alternatives: list[TimeWindow] = Field(default_factory=list)
    new_alternatives: list[TimeWindow] = Field(default_factory=list)
    """Other periods also accepted (``Item.window_alternatives``)."""


class EvidenceKindChange(BaseModel):
    key: str
    old_id: str
    new_id: str
    old: EvidenceKind
    new: EvidenceKind


class ProvenanceChange(BaseModel):
    """Where an item's content comes from, or how sure it is, changed (e.g. a new public
    source settled an item, or a carried-forward list names the list it was copied from)."""

    key: str
    old_id: str
    new_id: str
    old_confidence: Confidence
    new_confidence: Confidence
    old_source: str
    new_source: str
    old_status: ItemStatus
    new_status: ItemStatus


class PackDiff(BaseModel):
    old_pack: str
    new_pack: str
    added: list[ItemRef] = Field(default_factory=list)
    removed: list[ItemRef] = Field(default_factory=list)
    renamed: list[Renamed] = Field(default_factory=list)
    renumbered: list[Renumbered] = Field(default_factory=list)
    merged: list[Merged] = Field(default_factory=list)
    elements: list[ElementChange] = Field(default_factory=list)
    windows: list[WindowChange] = Field(default_factory=list)
    evidence_kinds: list[EvidenceKindChange] = Field(default_factory=list)
    provenance: list[ProvenanceChange] = Field(default_factory=list)
    old_status: str = ""
    new_status: str = ""
    """Pack statuses (official, reconstructed, provisional)."""

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.renamed
            or self.renumbered
            or self.merged
            or self.elements
            or self.windows
            or self.evidence_kinds
            or self.provenance
        )


def _ref(item: Item) -> ItemRef:
    return ItemRef(key=item.key, id=item.id, title_th=item.title_th, title_en=item.title_en)


def diff_packs(old: Pack, new: Pack) -> PackDiff:
    """Items added, removed, renamed, renumbered and merged, and changed elements, time windows
    and evidence kinds of the items both packs share."""
    old_by_key = {item.key: item for item in old.items}
    new_by_key = {item.key: item for item in new.items}
    result = PackDiff(
        old_pack=old.id,
        new_pack=new.id,
        old_status=str(old.status),
        new_status=str(new.status),
    )

    merged_away: set[str] = set()
    for item in new.items:
        persists = old_by_key.get(item.key)
        # merged_from is honoured even when the new item keeps an old key (2569 o10 E-Service
        # keeps ``e_service`` and takes in ``service_statistics``): the other key is merged,
        # not removed.
        sources = [old_by_key[k] for k in item.merged_from if k in old_by_key and k != item.key]
        if sources:
            combined = [persists, *sources] if persists is not None else sources
            result.merged.append(Merged(new=_ref(item), old=[_ref(s) for s in combined]))
            merged_away.update(s.key for s in sources)
        elif persists is None:
            result.added.append(_ref(item))
    for item in old.items:
        if item.key not in new_by_key and item.key not in merged_away:
            result.removed.append(_ref(item))

    for key, before in old_by_key.items():
        after = new_by_key.get(key)
        if after is None:
            continue
        if before.id != after.id:
            result.renumbered.append(
                Renumbered(key=key, old_id=before.id, new_id=after.id, title_th=after.title_th)
            )
        if before.title_th != after.title_th:
            result.renamed.append(
                Renamed(
                    key=key,
                    old_id=before.id,
                    new_id=after.id,
                    old_title_th=before.title_th,
                    new_title_th=after.title_th,
                )
            )
        old_elements = [e.id for e in before.elements]
        new_elements = [e.id for e in after.elements]
        added = [e for e in new_elements if e not in old_elements]
        removed = [e for e in old_elements if e not in new_elements]
        if added or removed:
            result.elements.append(
                ElementChange(
                    key=key, old_id=before.id, new_id=after.id, added=added, removed=removed
                )
            )
        if before.window != after.window or set(before.window_alternatives) != set(
            after.window_alternatives
        ):
            result.windows.append(
                WindowChange(
                    key=key,
                    old_id=before.id,
                    new_id=after.id,
                    old=before.window,
                    new=after.window,
                    old_alternatives=before.window_alternatives,
                    new_alternatives=after.window_alternatives,
                )
            )
        if before.evidence_kind != after.evidence_kind:
            result.evidence_kinds.append(
                EvidenceKindChange(
                    key=key,
                    old_id=before.id,
                    new_id=after.id,
                    old=before.evidence_kind,
                    new=after.evidence_kind,
                )
            )
        old_p, new_p = before.provenance, after.provenance
        if (old_p.confidence, old_p.source, before.status) != (
            new_p.confidence,
            new_p.source,
            after.status,
        ):
            result.provenance.append(
                ProvenanceChange(
                    key=key,
                    old_id=before.id,
                    new_id=after.id,
                    old_confidence=old_p.confidence,
                    new_confidence=new_p.confidence,
                    old_source=old_p.source,
                    new_source=new_p.source,
                    old_status=before.status,
                    new_status=after.status,
                )
            )
    return result


__all__ = ["PackDiff", "ProvenanceChange", "diff_packs"]
