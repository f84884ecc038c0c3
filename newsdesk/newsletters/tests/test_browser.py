"""Signing up in Chromium: in place with JavaScript, through a result page without it; every
form on a page with ids of its own, accessible, within the Content-Security-Policy.

Pages are served by granian over ASGI as in production: they carry the live feed, whose stream
would tie up the threads of a WSGI test server.
"""

import pytest

from newsdesk.conftest import csp_violations
from newsdesk.newsletters.models import Subscriber
from newsdesk.newsletters.views import THANKS
from newsdesk.testing import web_server
from newsdesk.testing.browser import (
    WIDTHS,
    fits_width,
    open_page,
    screenshot,
    serious_violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def duplicate_ids(page):
    return page.evaluate(
        """() => {
            const ids = [...document.querySelectorAll("[id]")].map(el => el.id);
            return ids.filter((id, i) => ids.indexOf(id) !== i);
        }"""
    )


@pytest.fixture
def story(newsletter, weekly, article_factory):
    return article_factory(title="Kyiv restores power to most districts")


@pytest.fixture
def site(smtp):
    """The site, sending its mail (at once, as tests do) to the test SMTP server."""
    env = {
        "EMAIL_URL": smtp.url,
        "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
    }
    with web_server(env=env) as url:
        yield url


def test_it_signs_up_in_place_with_javascript(browser, site, smtp, story):
    page = open_page(browser, site + story.url)
    assert page.locator("form[data-newsletter-form]").count() == 3
    assert duplicate_ids(page) == []
    url = page.url

    form = page.locator(".nl-box--article_end form")
    email = form.get_by_label("Email address")
    email.fill("reader@example")
    form.get_by_role("button", name="Sign up").click()
    error = form.locator("[data-error-for=email]")
    error.wait_for(state="visible")
    assert error.inner_text() == "Please enter a valid email address"
    assert email.input_value() == "reader@example"  # what was typed stays
    assert email.get_attribute("aria-invalid") == "true"
    assert email.get_attribute("aria-describedby") == error.get_attribute("id")
    assert email.evaluate("el => el === document.activeElement")
    assert page.url == url
    screenshot(page, "newsletter-error-desktop")

    email.fill("reader@example.org")
    form.get_by_role("button", name="Sign up").click()
    status = form.locator(".nl-form__status")
    page.wait_for_function(
        "el => el.textContent.length > 0", arg=status.element_handle(), timeout=10_000
    )
    assert status.inner_text() == THANKS
    assert not email.is_visible()
    assert page.url == url
    assert Subscriber.objects.get().email == "reader@example.org"
    assert smtp.wait_for(1)[0].rcpt_tos == ["reader@example.org"]
    # The other forms on the page are untouched.
    assert page.locator(".nl-box--sidebar input[type=email]").is_visible()
    assert serious_violations(page) == []
    assert csp_violations(page) == []


def test_it_signs_up_through_a_result_page_without_javascript(browser, site, smtp, story):
    page = open_page(browser, site + story.url, javascript=False)
    form = page.locator(".site-footer form")
    form.get_by_label("The Explainer").check()
    form.get_by_label("The Morning Brief").check()
    email = form.get_by_label("Email address")
    email.fill("reader@example")
    form.get_by_role("button", name="Sign up").click()
    page.wait_for_load_state()
    assert page.url.endswith("/newsletters/subscribe/")
    again = page.locator("main form")
    error = again.locator("[data-error-for=email]")
    assert error.is_visible() and error.inner_text() == "Please enter a valid email address"
    assert again.get_by_label("Email address").input_value() == "reader@example"
    assert again.get_by_label("The Explainer").is_checked()
    assert again.get_by_label("The Morning Brief").is_checked()
    assert duplicate_ids(page) == []

    again.get_by_label("Email address").fill("reader@example.org")
    again.get_by_role("button", name="Sign up").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Check your inbox"
    assert str(THANKS) in page.locator("main").inner_text()
    subscriber = Subscriber.objects.get()
    assert sorted(subscriber.subscriptions.values_list("newsletter__slug", flat=True)) == [
        "morning-brief",
        "the-explainer",
    ]
    assert smtp.wait_for(1)
    assert csp_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_newsletter_boxes_and_pages_are_accessible(browser, site, story, width):
    for name, path in [("article", story.url), ("front", "/"), ("index", "/newsletters/")]:
        page = open_page(browser, site + path, width)
        assert duplicate_ids(page) == []
        assert serious_violations(page) == [], name
        assert csp_violations(page) == [], name
        assert fits_width(page, width)
        for box in page.locator(".nl-box").all():
            if width == "phone" and "nl-box--sidebar" in box.get_attribute("class"):
                # The sidebar follows the article on a phone, just after the article-end box.
                assert not box.is_visible()
                continue
            box.scroll_into_view_if_needed()
            assert box.is_visible()
        screenshot(page, f"newsletters-{name}-{width}", full_page=True)
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_it_keeps_the_box_in_place_after_signing_up(browser, site, smtp, story, width):
    page = open_page(browser, site + story.url, width)
    box = page.locator(".nl-box--article_end")
    box.scroll_into_view_if_needed()
    where = """() => {
        const box = document.querySelector(".nl-box--article_end").getBoundingClientRect();
        const footer = document.querySelector(".site-footer").getBoundingClientRect();
        return {height: box.height, footer: footer.top + scrollY, scroll: scrollY};
    }"""
    before = page.evaluate(where)

    box.get_by_label("Email address").fill("reader@example.org")
    box.get_by_role("button", name="Sign up").click()
    status = box.locator(".nl-form__status")
    page.wait_for_function(
        "el => el.textContent.length > 0", arg=status.element_handle(), timeout=10_000
    )
    assert status.inner_text() == THANKS and status.is_visible()
    assert not box.get_by_label("Email address").is_visible()
    after = page.evaluate(where)
    # The thanks takes the form's place: nothing below moves and the reader stays where they were.
    assert after == pytest.approx(before, abs=0.5)
    assert csp_violations(page) == []
