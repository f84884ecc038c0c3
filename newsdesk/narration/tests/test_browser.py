"""The player in Chromium, served by granian as `make run` serves it (media with Range)."""

import pytest

from newsdesk.conftest import csp_violations, make_author
from newsdesk.narration.models import Narration
from newsdesk.testing import wait_until, web_server
from newsdesk.testing.browser import WIDTHS, open_page, screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def until_true(page, expression):
    """Poll `expression` from Python: Playwright's wait_for_function evals a string in the
    page, which the site's Content-Security-Policy forbids."""
    wait_until(lambda: page.evaluate(expression), what=expression)


@pytest.fixture
def narrated(publish):
    article = publish(authors=[make_author("Olena Marchuk")])
    return article, Narration.objects.get(article=article)


def test_the_player_plays_seeks_to_a_paragraph_and_is_accessible(browser, narrated):
    article, narration = narrated
    third = narration.body_starts[2]
    with web_server() as base:
        page = open_page(browser, base + article.url)
        player = page.locator("[data-player]")
        assert player.locator(".player__disclosure").inner_text() == (
            "This audio is created with AI assistance"
        )
        assert player.locator(".player__disclosure").is_visible()
        assert page.locator(".player__time time").inner_text() == narration.duration_label
        assert serious_violations(page) == []

        play = page.get_by_role("button", name="Listen", exact=True)
        play.click()
        until_true(page, "document.querySelector('audio').currentTime > 0.5")
        assert page.get_by_role("button", name="Pause").is_visible()

        paragraph = page.locator(f'[data-block-id="{third["id"]}"]')
        paragraph.get_by_role("button", name="Listen from here").click()
        position = page.evaluate("document.querySelector('audio').currentTime")
        assert third["start"] <= position < third["start"] + 1.5
        until_true(page, f"document.querySelector('audio').currentTime > {third['start'] + 0.3}")
        assert "is-speaking" in paragraph.get_attribute("class")
        assert page.locator(".spoken-block.is-speaking").count() == 1

        speed = page.locator("[data-speed]")
        assert speed.get_attribute("aria-label") == "Playback speed 1x"
        speed.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector('audio').playbackRate") == 1.25
        assert speed.inner_text() == "1.25x"
        assert speed.get_attribute("aria-label") == "Playback speed 1.25x"

        first = narration.body_starts[0]["id"]
        page.locator(f'[data-block-id="{first}"] .listen-here').click()
        until_true(page, "!document.querySelector('audio').paused")
        page.locator("[data-play]").focus()
        page.keyboard.press("Space")
        until_true(page, "document.querySelector('audio').paused")
        assert serious_violations(page) == []
        assert csp_violations(page) == []
        screenshot(page, "narration-player-playing-1280")
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_player_looks_right_on_phone_and_desktop(browser, narrated, scheme):
    article, _ = narrated
    with web_server() as base:
        for name, (width, _) in WIDTHS.items():
            page = open_page(browser, base + article.url, name, color_scheme=scheme)
            controls = page.locator(".player__controls")
            assert controls.is_visible()
            box = controls.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no overflow
            assert page.locator(".player__audio").is_hidden()  # the script took over
            assert serious_violations(page) == []
            screenshot(page.locator(".player"), f"narration-player-{name}-{scheme}")
            screenshot(page, f"narration-article-{name}-{scheme}")
            page.context.close()


def test_without_javascript_the_native_player_works(browser, narrated):
    article, narration = narrated
    with web_server() as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + article.url)
        audio = page.locator("audio.player__audio")
        assert audio.is_visible()
        assert audio.get_attribute("src") == narration.audio.url
        assert page.locator(".player__controls").is_hidden()
        assert page.locator(".player__disclosure").is_visible()
        context.close()
