"""Shared recognisers (rules/shared/recognizers.yaml): each one's examples, read by the
assessment's recogniser, and how packs refer to them (``use:``), as the loader validates it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml

from oit_checker.assess.recognize import Source, recognize
from oit_checker.rules import load_pack
from oit_checker.rules.loader import RulePackError
from oit_checker.rules.recognizer import Recognizer
from oit_checker.rules.shared import bundled_recognizers, shared_path
from oit_checker.thai.text import normalize
from tests.rules_packs.conftest import RULES

SHARED = bundled_recognizers()


def _found(rec: Recognizer, text: str) -> bool:
    return recognize(rec, Source(url="http://127.0.0.1/x", text=normalize(text))).found


@pytest.mark.parametrize("name", sorted(SHARED))
def test_examples_next_to_each_shared_recognizer(name: str) -> None:
    rec = SHARED[name]
    assert len(rec.examples.match) >= 10, f"{name}: give at least ten real phrasings"
    assert len(rec.examples.miss) >= 5, f"{name}: give at least five near misses"
    missed = [t for t in rec.examples.match if not _found(rec, t)]
    assert not missed, f"{name} does not recognise {missed}"
    wrongly = [t for t in rec.examples.miss if _found(rec, t)]
    assert not wrongly, f"{name} wrongly recognises {wrongly}"


def test_mailto_and_tel_links_count() -> None:
    mail = Source(
        url="http://127.0.0.1/c", text="ส่งอีเมลถึงเรา", link_urls=["mailto:saraban@chumsaeng.go.th"]
    )
    tel = Source(url="http://127.0.0.1/c", text="โทรหาเรา", link_urls=["tel:+6644681234"])
    assert recognize(SHARED["email_address"], mail).found
    assert recognize(SHARED["phone_number"], tel).found
    assert not recognize(SHARED["phone_number"], mail).found


def test_every_pack_phone_and_email_element_uses_the_shared_pattern() -> None:
    for path in sorted(RULES.glob("nacc-*.yaml")):
        pack = load_pack(path)
        for item in pack.items:
            for element in item.elements:
                if element.id in ("phone", "email"):
                    assert element.recognize.use, f"{path.name} {item.id}.{element.id}"


def _pack_file(
    tmp_path: Path, recognize: dict[str, object], own: Mapping[str, object] | None = None
) -> Path:
    data = yaml.safe_load((RULES / "nacc-2567.yaml").read_text("utf-8"))
    data["items"][0]["elements"][0]["recognize"] = recognize
    if own is not None:
        data["recognizers"] = dict(own)
    path = tmp_path / "custom-2567.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_an_unknown_shared_name_is_reported_with_its_place(tmp_path: Path) -> None:
    path = _pack_file(tmp_path, {"use": ["phone_numbr"]})
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    message = str(err.value)
    assert "custom-2567.yaml" in message
    assert "items[0].elements[0].recognize.use" in message
    assert "phone_numbr" in message and "phone_number" in message


def test_a_pack_may_define_and_override_shared_recognizers(tmp_path: Path) -> None:
    own = {
        "phone_number": {"th": "เบอร์ภายใน", "en": "Internal extension", "regex": [r"ต่อ\s*\d{3}"]},
        "org_chart_word": {"th": "แผนภูมิ", "en": "Chart word", "any_of": ["ผังองค์กร"]},
    }
    pack = load_pack(_pack_file(tmp_path, {"use": ["org_chart_word", "email_address"]}, own))
    rec = pack.items[0].elements[0].recognize
    assert _found(rec, "ผังองค์กร อบต.ชุมแสง")
    assert _found(rec, "saraban@chumsaeng.go.th")
    phone = next(e for i in pack.items for e in i.elements if e.id == "phone").recognize
    assert _found(phone, "ต่อ 123") and not _found(phone, "โทร. 0-4412-3456")


def test_a_cycle_between_shared_recognizers_is_refused(tmp_path: Path) -> None:
    own = {
        "a_words": {"th": "ก", "en": "a", "use": ["b_words"]},
        "b_words": {"th": "ข", "en": "b", "use": ["a_words"]},
    }
    with pytest.raises(RulePackError, match="uses itself"):
        load_pack(_pack_file(tmp_path, {"use": ["a_words"]}, own))


def test_the_shared_file_is_bundled_with_the_packs() -> None:
    assert shared_path() == RULES / "shared" / "recognizers.yaml"
