"""The player in Chromium, served by granian as `make run` serves it (media with Range)."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from newsdesk.conftest import csp_violations, make_author
from newsdesk.narration.models import Narration
from newsdesk.testing import web_server

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def wait_until(page, expression, timeout=10):
    """Poll `expression` from Python: Playwright's wait_for_function evals a string in the
    page, which the site's Content-Security-Policy forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"{expression} still false after {timeout} s"
        time.sleep(0.05)


def serious_violations(page):
    results = Axe().run(page).response
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def narrated(publish):
    article = publish(authors=[make_author("Olena Marchuk")])
    return article, Narration.objects.get(article=article)


def test_the_player_plays_seeks_to_a_paragraph_and_is_accessible(browser, narrated, screenshot_dir):
    article, narration = narrated
    third = narration.body_starts[2]
    with web_server() as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(base + article.url, wait_until="networkidle")
        player = page.locator("[data-player]")
        assert player.locator(".player__disclosure").inner_text() == (
            "This audio is created with AI assistance"
        )
        assert player.locator(".player__disclosure").is_visible()
        assert page.locator(".player__time time").inner_text() == narration.duration_label
        assert serious_violations(page) == []

        play = page.get_by_role("button", name="Listen", exact=True)
        play.click()
        wait_until(page, "document.querySelector('audio').currentTime > 0.5")
        assert page.get_by_role("button", name="Pause").is_visible()

        paragraph = page.locator(f'[data-block-id="{third["id"]}"]')
        paragraph.get_by_role("button", name="Listen from here").click()
        position = page.evaluate("document.querySelector('audio').currentTime")
        assert third["start"] <= position < third["start"] + 1.5
        wait_until(page, f"document.querySelector('audio').currentTime > {third['start'] + 0.3}")
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
        wait_until(page, "!document.querySelector('audio').paused")
        page.locator("[data-play]").focus()
        page.keyboard.press("Space")
        wait_until(page, "document.querySelector('audio').paused")
        assert serious_violations(page) == []
        assert csp_violations(page) == []
        page.screenshot(path=f"{screenshot_dir}/narration-player-playing-1280.png")
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_player_looks_right_on_phone_and_desktop(browser, narrated, screenshot_dir, scheme):
    article, _ = narrated
    with web_server() as base:
        for name, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            page = context.new_page()
            page.goto(base + article.url, wait_until="networkidle")
            controls = page.locator(".player__controls")
            assert controls.is_visible()
            box = controls.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width  # no overflow
            assert page.locator(".player__audio").is_hidden()  # the script took over
            assert serious_violations(page) == []
            page.locator(".player").screenshot(
                path=f"{screenshot_dir}/narration-player-{name}-{scheme}.png"
            )
            page.screenshot(path=f"{screenshot_dir}/narration-article-{name}-{scheme}.png")
            context.close()


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
