"""Page chrome in the shapes CMS themes build it: links marked as navigation, content not."""

from __future__ import annotations

from oit_checker.extract.chrome import repeated_links
from oit_checker.extract.html import extract_html
from oit_checker.models import Link

PAGE = "http://127.0.0.1/ita/o08.html"


def _nav(html: str) -> dict[str, bool]:
    return {link.text: link.nav for link in extract_html(html, PAGE).links}


def test_wordpress_theme_menus_widgets_and_footer_are_chrome() -> None:
    html = (
        "<body><div id='page'><div class='site-header-wrap'><div class='main-navigation'>"
        "<ul id='primary-menu'><li class='menu-item'><a href='/'>หน้าแรก</a></li></ul></div></div>"
        "<div id='content'><div id='primary'><article class='post'><header class='entry-header'>"
        "<a href='/category/ita'>หมวด ITA</a></header><div class='entry-content'>"
        "<p><a href='/o8.pdf'>คู่มือการปฏิบัติงาน</a></p></div></article></div>"
        "<div id='secondary' class='widget-area'><section class='widget widget_nav_menu'>"
        "<ul><li><a href='/ita/o1.html'>O1 โครงสร้าง</a></li></ul></section></div></div>"
        "<div class='site-info'><a href='/contact'>ติดต่อเรา</a></div></div></body>"
    )
    nav = _nav(html)
    assert nav["หน้าแรก"] and nav["O1 โครงสร้าง"]
    assert not nav["คู่มือการปฏิบัติงาน"] and not nav["หมวด ITA"]


def test_semantic_tags_and_roles_are_chrome_but_an_article_header_is_not() -> None:
    html = (
        "<body><header><a href='/'>หน้าแรก</a></header><nav><a href='/a'>เกี่ยวกับเรา</a></nav>"
        "<div role='navigation'><a href='/b'>บริการ</a></div><aside><a href='/c'>ลิงก์</a></aside>"
        "<main><article><header><a href='/d.pdf'>แผนปฏิบัติการ</a></header>"
        "<footer><a href='/e.pdf'>ไฟล์แนบ</a></footer></article></main>"
        "<footer><a href='/f'>แผนผังเว็บไซต์</a></footer></body>"
    )
    nav = _nav(html)
    assert nav["หน้าแรก"] and nav["เกี่ยวกับเรา"] and nav["บริการ"] and nav["ลิงก์"]
    assert nav["แผนผังเว็บไซต์"]
    assert not nav["แผนปฏิบัติการ"] and not nav["ไฟล์แนบ"]


def test_page_builder_blocks_accordions_and_cards_are_content() -> None:
    html = (
        "<body><div class='elementor-widget elementor-widget-text-editor'>"
        "<a href='/o1.pdf'>O1 โครงสร้าง</a></div>"
        "<div class='accordion'><div class='card'><div class='card-header'>"
        "<a href='#c2'>O2 ข้อมูลผู้บริหาร</a></div><div class='card-body'>"
        "<a href='/o2.pdf'>ดาวน์โหลด</a></div></div></div>"
        "<div class='col-md-3 sidebar-left'><a href='/x'>เมนูด้านข้าง</a></div>"
        "<ul class='nav nav-tabs'><li><a href='#y2567'>ปี 2567</a></li></ul></body>"
    )
    nav = _nav(html)
    assert not nav["O1 โครงสร้าง"] and not nav["O2 ข้อมูลผู้บริหาร"] and not nav["ดาวน์โหลด"]
    assert nav["เมนูด้านข้าง"] and nav["ปี 2567"]


def test_links_repeated_on_most_pages_are_the_sites_menu() -> None:
    menu = [Link(url=f"http://h/ita/o{n}.html", text=f"O{n}") for n in range(1, 6)]
    pages = [[*menu, Link(url=f"http://h/doc{n}.pdf", text="ดาวน์โหลด")] for n in range(4)] + [
        [Link(url="http://h/ita.html", text="ITA")]
    ]
    repeated = repeated_links(pages)
    assert ("http://h/ita/o1.html", "O1") in repeated
    assert ("http://h/doc1.pdf", "ดาวน์โหลด") not in repeated
    # two pages are too few to call anything repeated
    assert repeated_links(pages[:2]) == frozenset()
