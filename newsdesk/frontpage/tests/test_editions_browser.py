"""Switching editions in Chromium, on a phone and a desktop: to the translation of the page
when there is one, else to the other edition's front page; the Ukrainian pages pass axe-core.

Pages are served by granian over ASGI as in production (they carry the live feed's stream).
"""

import pytest
from wagtail.models import Locale

from newsdesk.conftest import ARTIFACTS, csp_violations, make_article
from newsdesk.testing import web_server
from newsdesk.testing.browser import WIDTHS, fits_width, open_page, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def articles(section, uk_section):
    english = make_article(section, title="Grain ships leave Odesa")
    translation = english.copy_for_translation(Locale.objects.get(language_code="uk"))
    translation.title = "Зерновози вийшли з Одеси"
    translation.slug = "zernovozy"
    translation.save_revision().publish()
    only_ukrainian = make_article(uk_section, title="Вінницькі пекарі печуть між відключеннями")
    return english, translation, only_ukrainian


def switch_to(page, name):
    page.locator(".masthead__editions").get_by_role("link", name=name).click()
    page.wait_for_load_state("networkidle")


def check_ukrainian(page, width):
    assert page.evaluate("document.documentElement.lang") == "uk"
    assert serious_violations(page) == [], page.url
    assert fits_width(page, width), page.url
    assert csp_violations(page) == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_it_switches_language_with_and_without_a_translation(browser, articles, width):
    english, translation, only_ukrainian = articles
    with web_server() as site:
        page = open_page(browser, site + english.url, width)
        switch_to(page, "Українська")
        assert page.url == site + "/uk/novyny/zernovozy/"
        assert page.get_by_role("heading", level=1).inner_text() == "Зерновози вийшли з Одеси"
        check_ukrainian(page, width)
        page.screenshot(path=f"{ARTIFACTS}/edition-uk-article-{width}.png")
        switch_to(page, "English")
        assert page.url == site + english.url
        page.context.close()

        page = open_page(browser, site + only_ukrainian.url, width)
        check_ukrainian(page, width)
        switch_to(page, "English")  # no translation: the English front page
        assert page.url == site + "/"
        switch_to(page, "Українська")
        assert page.url == site + "/uk/"
        check_ukrainian(page, width)
        page.context.close()
