"""Channel items (Q&A, E-Service, corruption complaint channel) pass on a page that lets people
in (a form, an embedded service, a link to the system), and are ``review`` — never ``fail`` —
on a page that only names the channel. Real pages read by the real extractor, the real 2567
rule pack, the real assessment."""

from __future__ import annotations

import pytest

from oit_checker.assess import assess_item
from oit_checker.assess.recognize import on_hosts
from oit_checker.extract.html import extract_html
from oit_checker.models import Document, FetchError, ItemResult, Resource, Verdict
from oit_checker.problems.assess import NOTE_CODES
from oit_checker.rules.schema import Item
from tests.assess.docs import cand, failed, pack, site
from tests.support import channel_pages
from tests.support.channel_pages import SITE

PACK = pack(2567)
TODAY = PACK.fiscal_year_end.replace(month=5, day=2)
CODE = "channel_not_usable_on_page"


def _doc(path: str, html: str) -> Document:
    return extract_html(html, SITE + path)


def _assess(
    item_id: str,
    page: Document,
    *others: Document,
    resources: tuple[Resource, ...] = (),
    item: Item | None = None,
) -> ItemResult:
    item = item or PACK.item(item_id)
    evidence = site([page, *others], resources=resources)
    return assess_item(item, PACK, [cand(item_id, page.url)], evidence, {}, today=TODAY)


def _codes(result: ItemResult) -> set[str]:
    return {p.code for p in result.problems}


def test_e_service_page_with_its_own_form_passes() -> None:
    result = _assess("o13", _doc("eservice.html", channel_pages.SERVICE_FORM))
    assert result.verdict is Verdict.PASS, result.problems
    assert CODE not in _codes(result)


def test_e_service_page_with_only_search_boxes_is_review() -> None:
    page = _doc("eservice.html", channel_pages.SEARCH_ONLY)
    result = _assess("o13", page)
    assert result.verdict is Verdict.REVIEW
    problem = next(p for p in result.problems if p.code == CODE)
    assert problem.url == page.url
    assert problem.message_th.startswith("หน้านี้กล่าวถึงช่องทาง")
    assert "ไม่พบแบบฟอร์มหรือลิงก์ไปยังระบบที่ใช้งานได้" in problem.message_th
    assert page.url in problem.message_en
    # the page stays the evidence, and the fix tells the webmaster what to add (Thai first)
    assert page.url in {e.url for e in result.evidence}
    first_fix = result.remediation_th.splitlines()[0]
    assert first_fix.startswith("o13:") and "แบบฟอร์ม" in first_fix and page.url in first_fix
    assert "form" in result.remediation_en.splitlines()[0]
    assert result.reason_th == problem.message_th


def test_complaint_page_with_an_embedded_google_form_passes() -> None:
    result = _assess("o22", _doc("complaint.html", channel_pages.GOOGLE_FORM_IFRAME))
    assert result.verdict is Verdict.PASS, result.problems


def test_q_and_a_page_naming_the_channel_only_is_review_not_fail() -> None:
    result = _assess("o06", _doc("qa.html", channel_pages.NAMED_ONLY))
    assert result.verdict is Verdict.REVIEW
    assert _codes(result) - NOTE_CODES == {CODE}


def test_log_in_box_is_no_way_in() -> None:
    result = _assess("o13", _doc("eservice.html", channel_pages.LOGIN_ONLY))
    assert result.verdict is Verdict.REVIEW and CODE in _codes(result)


def test_link_to_a_line_official_account_is_a_way_in() -> None:
    result = _assess("o06", _doc("qa.html", channel_pages.LINE_OA))
    assert result.verdict is Verdict.PASS, result.problems


@pytest.mark.parametrize(
    ("href", "target", "verdict"),
    [
        ("/webboard/index.php", "fetched", Verdict.PASS),
        ("https://webboard.example.org/chumsaeng", "external", Verdict.PASS),
        ("/webboard/index.php", "dead", Verdict.REVIEW),
        ("/webboard/index.php", "not fetched", Verdict.REVIEW),
        ("#", "placeholder", Verdict.REVIEW),
    ],
)
def test_link_naming_the_channel_counts_when_its_target_answers(
    href: str, target: str, verdict: Verdict
) -> None:
    page = _doc("qa-info.html", channel_pages.named_link(href))
    others: list[Document] = []
    resources: tuple[Resource, ...] = ()
    board = SITE + href.lstrip("/")
    if target == "fetched":
        others.append(_doc(href.lstrip("/"), channel_pages.agency_page("เว็บบอร์ด", "<p>กระทู้</p>")))
    elif target == "dead":
        resources = (failed(board, status=404),)
    elif target == "not fetched":
        resources = (failed(board, FetchError.NOT_FETCHED),)
    result = _assess("o06", page, *others, resources=resources)
    assert result.verdict is verdict, result.problems
    assert result.verdict is not Verdict.FAIL
    assert (CODE in _codes(result)) is (verdict is Verdict.REVIEW)


def test_a_link_back_to_the_page_itself_is_no_way_in() -> None:
    page = _doc("qa.html", channel_pages.named_link("/qa.html#top"))
    result = _assess("o06", page)
    assert result.verdict is Verdict.REVIEW and CODE in _codes(result)


def test_channel_the_pack_recognises_by_text_only_is_not_asked_for_a_form() -> None:
    """A channel element without ``link_hosts`` (the pack accepts text, e.g. a phone line) is
    met by the page naming it: the form check follows the pack."""
    qa = PACK.item("o06")
    by_text = qa.model_copy(
        update={
            "elements": [
                e.model_copy(
                    update={"recognize": e.recognize.model_copy(update={"link_hosts": []})}
                )
                for e in qa.elements
            ]
        }
    )
    page = _doc("qa.html", channel_pages.NAMED_ONLY)
    assert _assess("o06", page).verdict is Verdict.REVIEW
    assert _assess("o06", page, item=by_text).verdict is Verdict.PASS


def test_off_site_channel_is_not_asked_for_a_form() -> None:
    """The hub links the Google Form itself: the evidence is the channel, not a page about it."""
    form = "https://docs.google.com/forms/d/e/1FAIpQLSchumsaeng-eservice/viewform"
    hub = _doc(
        "ita/index.html",
        channel_pages.agency_page(
            "ITA 2567",
            f'<table><tr><td>o13 E-Service</td><td><a href="{form}">E-Service</a></td></tr>'
            "</table>",
        ),
    )
    evidence = site([hub])
    result = assess_item(
        PACK.item("o13"), PACK, [cand("o13", form, hub=hub.url)], evidence, {}, today=TODAY
    )
    assert result.verdict is Verdict.PASS, result.problems


@pytest.mark.parametrize(
    ("src", "verdict"),
    [
        ("https://eservice.chumsaeng.go.th/request/new", Verdict.PASS),
        ("/eservice/app/index.php", Verdict.PASS),
        ("https://www.google.com/maps/embed?pb=!1m18!chumsaeng", Verdict.REVIEW),
        ("https://www.youtube.com/embed/howto-eservice", Verdict.REVIEW),
        ("/files/eservice-manual.pdf", Verdict.REVIEW),
    ],
)
def test_an_embedded_service_is_a_way_in_a_map_video_or_file_is_not(
    src: str, verdict: Verdict
) -> None:
    body = (
        "<p>ระบบบริการออนไลน์ (E-Service) ยื่นคำร้องออนไลน์ได้ที่นี่</p>"
        f'<iframe src="{src}" width="800" height="600"></iframe>'
    )
    result = _assess("o13", _doc("eservice.html", channel_pages.agency_page("E-Service", body)))
    assert result.verdict is verdict, result.problems


@pytest.mark.parametrize(
    ("url", "hosts", "found"),
    [
        ("https://docs.google.com/forms/d/e/x/viewform", ["docs.google.com/forms"], True),
        ("https://docs.google.com/document/d/x", ["docs.google.com/forms"], False),
        ("https://www.google.com/maps/place/x", ["google.com/maps"], True),
        ("https://www.google.com/maps/place/x", ["www.google.com/maps"], True),
        ("https://www.google.com/search?q=maps", ["google.com/maps"], False),
        ("https://page.line.me/chumsaeng", ["line.me"], True),
        ("https://notline.me/x", ["line.me"], False),
        ("mailto:saraban@chumsaeng.go.th", ["chumsaeng.go.th"], False),
    ],
)
def test_link_hosts_match_hosts_subdomains_and_path_prefixes(
    url: str, hosts: list[str], found: bool
) -> None:
    assert on_hosts(url, hosts) is found
