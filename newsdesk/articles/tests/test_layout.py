"""Where things sit on the reader pages, in Chromium at phone and desktop widths.

Positions, not pictures: each test measures the boxes a reader would notice out of place (a gap,
a jump, a ragged edge) with a tolerance that survives small font and content changes.
"""

import pytest
from django.core.management import call_command

from newsdesk.articles.tests.test_browser import complete_demo_article
from newsdesk.conftest import make_section, use_task_backend
from newsdesk.testing.browser import fits_width, serious_violations, viewport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = viewport("phone")
DESKTOP = viewport("desktop")

BOX = """(selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY};
}"""


@pytest.fixture
def demo(settings, live_server):
    use_task_backend(settings, "dummy")
    call_command("load_demo")
    return live_server


def open_page(browser, url, viewport, scheme="light"):
    page = browser.new_page(viewport=viewport, color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    return page


def box(page, selector):
    found = page.evaluate(BOX, selector)
    assert found, f"{selector} is not on the page"
    return found


def test_it_keeps_the_masthead_on_one_line_of_sections_on_a_phone(browser, live_server, home):
    for title in ("News", "Ukraine", "World", "Opinion", "Explainers"):
        make_section(home, title)
    page = open_page(browser, live_server.url + "/", PHONE)

    tops = page.eval_on_selector_all(
        ".masthead__nav li", "items => items.map(li => li.getBoundingClientRect().top)"
    )
    assert len(tops) == 5 and len(set(tops)) == 1, f"the sections wrap: {tops}"
    search = page.get_by_role("link", name="Search", exact=True)
    assert search.is_visible()
    # Search is a control like the sections, not greyed out as if it were disabled.
    colour = "el => getComputedStyle(el).color"
    assert search.evaluate(colour) == page.locator(".masthead__nav a").first.evaluate(colour)
    assert fits_width(page, "phone")
    assert serious_violations(page) == []
    page.close()

    page = open_page(browser, live_server.url + "/", DESKTOP)
    tops = page.eval_on_selector_all(
        ".masthead__nav li", "items => items.map(li => li.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, f"the sections wrap: {tops}"
    assert page.get_by_role("searchbox", name="Search the site").is_visible()
    page.close()


def test_it_shows_the_main_stories_first_beside_or_before_the_feed(browser, demo, screenshot_dir):
    for scheme in ("light", "dark"):
        page = open_page(browser, demo.url + "/", PHONE, scheme)
        lead, top = box(page, ".lead-story"), box(page, "#top-stories")
        assert top["top"] - lead["bottom"] < 150, "Top stories follow the lead story"
        assert box(page, ".front-sidebar")["top"] > box(page, ".band--top")["bottom"]
        # On a phone the feed is its latest few updates and the way to the rest.
        shown = page.locator(".front-sidebar .feed-item:visible").count()
        assert 1 <= shown <= 4, f"{shown} updates shown"
        assert page.get_by_role("link", name="All updates").is_visible()
        assert serious_violations(page) == []
        page.screenshot(path=f"{screenshot_dir}/front-layout-phone-{scheme}.png", full_page=True)
        page.close()

        page = open_page(browser, demo.url + "/", DESKTOP, scheme)
        feed, top = box(page, ".front-sidebar .news-feed"), box(page, "#top-stories")
        assert top["top"] < feed["bottom"], "Top stories sit beside the feed, not below it"
        main_end = page.evaluate(
            "document.querySelector('.front-main').lastElementChild.getBoundingClientRect()"
            ".bottom + scrollY"
        )
        assert feed["bottom"] - main_end < 250, "no long empty column beside the feed"
        assert serious_violations(page) == []
        page.screenshot(path=f"{screenshot_dir}/front-layout-desktop-{scheme}.png", full_page=True)
        page.close()


def test_it_gives_the_article_column_one_edge_on_a_desktop(browser, demo):
    article = complete_demo_article()
    for scheme in ("light", "dark"):
        page = open_page(browser, demo.url + article.url, DESKTOP, scheme)
        photo = box(page, ".article__lead img")
        for selector in (
            ".article__header",
            ".article__body",
            ".article__body p",
            ".related-card",
            ".corrections",
            ".nl-box--article_end",
        ):
            edges = box(page, selector)
            assert abs(edges["left"] - photo["left"]) < 1, selector
            assert abs(edges["right"] - photo["right"]) < 1, selector
        assert serious_violations(page) == []
        page.close()
