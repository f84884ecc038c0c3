"""Searching as a reader does, in Chromium, at phone and desktop widths, in light and dark mode."""

import pytest

from newsdesk.conftest import make_article, make_author, make_image, make_section, paragraphs
from newsdesk.testing.browser import screenshot, serious_violations, viewport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(home, section):
    world = make_section(home, "World")
    author = make_author("Olena Marchuk", role="Senior correspondent", photo=make_image())
    bridge = make_article(
        section,
        title="Pontoon bridge reopens across the Dnipro",
        standfirst="Engineers finished repairs overnight; traffic resumes at noon.",
        body=paragraphs("The pontoon bridge carries lorries and buses between both banks."),
        authors=[author],
        lead_image=make_image(),
        tags=["transport"],
    )
    make_article(
        world,
        title="Danube ferries add sailings",
        body=paragraphs("Ferry operators say the new bridge will not replace them soon."),
        tags=["transport"],
    )
    return bridge


def test_it_searches_from_the_masthead_on_a_desktop(browser, live_server, newsroom):
    page = browser.new_page(viewport=viewport("desktop"))
    page.goto(live_server.url + "/")

    page.get_by_role("searchbox", name="Search the site").fill("bridge")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=bridge")

    hits = page.locator(".search-hit__headline")
    assert hits.count() == 2
    assert hits.first.inner_text() == newsroom.title
    assert hits.first.locator("mark").inner_text() == "bridge"
    screenshot(page, "search-desktop", full_page=True)
    assert serious_violations(page) == []

    page.get_by_label("Section", exact=True).select_option("world")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**section=world**")
    assert page.locator(".search-hit__headline").all_inner_texts() == [
        "Danube ferries add sailings"
    ]
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_it_searches_on_a_phone(browser, live_server, newsroom, scheme):
    page = browser.new_page(viewport=viewport("phone"), color_scheme=scheme)
    page.goto(live_server.url + newsroom.url)

    assert not page.get_by_role("searchbox", name="Search the site").is_visible()
    page.get_by_role("link", name="Search", exact=True).click()
    page.wait_for_url("**/search/")
    assert page.get_by_role("link", name="#transport").is_visible()
    assert serious_violations(page) == []

    page.get_by_role("searchbox", name="Search for").fill("Marchuk")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Marchuk**")
    assert page.locator(".search-people__name").inner_text() == "Olena Marchuk"

    page.get_by_role("searchbox", name="Search for").fill("nothing like this")
    page.get_by_label("From", exact=True).fill("2026-05-01")
    page.get_by_label("To", exact=True).fill("2026-04-01")
    page.keyboard.press("Enter")
    page.wait_for_url("**end=2026-04-01**")
    assert page.get_by_text("The “to” date is before the “from” date.").is_visible()
    assert page.get_by_role("heading", name="No articles match with these filters").is_visible()
    screenshot(page, f"search-phone-{scheme}", full_page=True)
    assert serious_violations(page) == []
    page.close()
