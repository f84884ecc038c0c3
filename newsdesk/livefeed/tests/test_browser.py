"""Acceptance: updates posted in the admin reach open reader pages in Chromium, live."""

import re
import time

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password

from newsdesk.conftest import (
    PASSWORD,
    admin_page,
    csp_violations,
    make_article,
    make_user,
    watch_csp,
)
from newsdesk.livefeed import services
from newsdesk.livefeed.models import FeedItem
from newsdesk.testing import wait_until, web_server
from newsdesk.testing.browser import (
    WIDTHS,
    fits_width,
    open_page,
    screenshot,
    serious_violations,
    viewport,
)

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(section, django_user_model):
    article = make_article(section, title="Kyiv restores power after overnight strikes")
    editor = make_user(django_user_model, "editor", "Editors")
    # The server runs production hashers, not the tests' fast one.
    editor.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    editor.save()
    for n in range(3):
        services.post_item(text=f"<p>Earlier update {n}</p>")
    return article


def write(page, text, replace=False):
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    if replace:
        page.keyboard.press("Control+A")
    page.keyboard.type(text)


def post(admin, url, text, pin=False):
    admin.goto(f"{url}/admin/news-feed/")
    write(admin, text)
    if pin:
        admin.check("input[name=pinned]")
    with admin.expect_navigation():
        admin.click("[data-quick-post-submit]")
    assert admin.get_by_text(f"Posted: “{text}”").is_visible()
    return time.monotonic()


def feed_texts(page):
    return page.locator(".news-feed .feed-item .feed-item__text").all_inner_texts()


def wait_in_all(readers, text, since, within=2.0):
    """Wait until `text` shows on every reader's page, at most `within` seconds after `since`
    (the save): the feed's promise to readers, kept by the stream, not by a reload."""
    for reader in readers:
        remaining = max(0.1, within - (time.monotonic() - since))
        reader.locator(".news-feed .feed-item", has_text=text).wait_for(timeout=remaining * 1000)


@pytest.fixture
def desk(browser, newsroom):
    """A server, a reader on the front page (desktop) and one on the article (phone), and an
    editor signed in to the admin."""
    with web_server() as url:
        readers = []
        for path, width in (("/", "desktop"), (newsroom.url, "phone")):
            reader = open_page(browser, url + path, width)
            reader.evaluate("window.notReloaded = true")
            readers.append(reader)
        yield url, readers, admin_page(browser, url, "editor")


def test_it_pushes_a_new_update_to_open_pages_and_announces_it_politely(desk):
    url, readers, admin = desk
    saved = post(admin, url, "Air raid alert in Kyiv Oblast")
    wait_in_all(readers, "Air raid alert in Kyiv Oblast", saved)
    for reader in readers:
        assert feed_texts(reader)[0] == "Air raid alert in Kyiv Oblast"
        announcer = reader.locator("[data-feed-announcer]")
        assert announcer.get_attribute("aria-live") == "polite"
        assert "Air raid alert in Kyiv Oblast" in announcer.inner_text()
        assert reader.evaluate("window.notReloaded") is True


def test_it_replaces_a_corrected_update_in_place_on_open_pages(desk):
    # An editor's main button publishes a correction; a reporter's saves a draft for an editor.
    url, readers, admin = desk
    saved = post(admin, url, "Air raid alert in Kyiv Oblast")
    wait_in_all(readers, "Air raid alert in Kyiv Oblast", saved)
    admin.get_by_role("link", name="Edit").first.click()
    write(admin, "Air raid alert in Kyiv city and Oblast", replace=True)
    with admin.expect_navigation():
        admin.get_by_role("button", name="Publish", exact=True).click()
    wait_in_all(readers, "Air raid alert in Kyiv city and Oblast", time.monotonic())
    for reader in readers:
        corrected = reader.locator(".news-feed .feed-item").first
        assert "Air raid alert in Kyiv city and Oblast" in corrected.inner_text()
        assert "Updated" in corrected.inner_text()
        assert reader.locator(".news-feed .feed-item", has_text="Air raid alert").count() == 1


def test_it_keeps_a_pinned_update_on_top_when_newer_ones_arrive(desk):
    url, readers, admin = desk
    saved = post(admin, url, "Shelters are open across the city", pin=True)
    wait_in_all(readers, "Shelters are open across the city", saved)
    saved = post(admin, url, "Metro trains run to the normal timetable")
    wait_in_all(readers, "Metro trains run to the normal timetable", saved)
    for reader in readers:
        assert feed_texts(reader)[:2] == [
            "Shelters are open across the city",
            "Metro trains run to the normal timetable",
        ]
    for reader, name in zip(readers, ("front-desktop", "article-phone"), strict=True):
        reader.locator(".news-feed").scroll_into_view_if_needed()
        screenshot(reader, f"livefeed-{name}")


def test_it_takes_a_removed_update_off_open_pages(desk):
    url, readers, admin = desk
    saved = post(admin, url, "Metro trains run to the normal timetable")
    wait_in_all(readers, "Metro trains run to the normal timetable", saved)
    admin.goto(f"{url}/admin/news-feed/")
    admin.locator("tr", has_text="Metro trains run").get_by_role("link", name="Remove").click()
    with admin.expect_navigation():
        admin.get_by_role("button", name=re.compile("Yes")).click()
    for reader in readers:
        reader.locator(".news-feed .feed-item", has_text="Metro trains run").wait_for(
            state="detached", timeout=2000
        )
        assert reader.evaluate("window.notReloaded") is True
    admin.goto(f"{url}/admin/news-feed/")
    screenshot(admin, "livefeed-admin", full_page=True)


def test_it_posts_what_was_typed_when_post_is_clicked_at_once(browser, newsroom):
    # Draftail copies the text into the form 250 ms after the last keystroke; a click on Post
    # sooner than that must still send every word.
    text = "Bridge reopens to traffic after repairs"
    with web_server() as url:
        admin = admin_page(browser, url, "editor")
        admin.goto(f"{url}/admin/news-feed/")
        write(admin, text)
        with admin.expect_navigation():
            admin.click("[data-quick-post-submit]")
        assert admin.get_by_text(f"Posted: “{text}”").is_visible()
    assert text in FeedItem.objects.visible().latest_first().first().text


def test_a_reporters_update_reaches_open_pages_when_an_editor_publishes_it(
    browser, newsroom, django_user_model
):
    reporter = make_user(django_user_model, "reporter", "Reporters")
    reporter.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    reporter.save()
    with web_server() as url:
        reader = open_page(browser, url + "/")

        desk = admin_page(browser, url, "reporter")
        desk.goto(f"{url}/admin/news-feed/")
        write(desk, "Substation fire is out")
        with desk.expect_navigation():
            desk.click("[data-quick-post-submit]")
        assert desk.get_by_text("Sent to the editors: “Substation fire is out”").is_visible()
        waiting = desk.locator("tr", has_text="Substation fire is out")
        assert waiting.is_visible() and waiting.get_by_role("button").count() == 0

        admin = admin_page(browser, url, "editor")
        admin.goto(f"{url}/admin/news-feed/")
        screenshot(admin, "livefeed-admin-waiting", full_page=True)
        assert "Substation fire is out" not in " ".join(feed_texts(reader))
        row = admin.locator("tr", has_text="Substation fire is out")
        with admin.expect_navigation():
            row.get_by_role("button", name=re.compile("^Publish")).click()
        published = time.monotonic()
        assert admin.get_by_text("Published: “Substation fire is out”").is_visible()
        wait_in_all([reader], "Substation fire is out", published)
        assert feed_texts(reader)[0] == "Substation fire is out"


def test_it_shows_the_feed_page_accessibly_at_phone_and_desktop_width(browser, newsroom):
    services.post_item(text='<p><b>Metro:</b> <a href="https://example.org">timetable</a></p>')
    with web_server() as url:
        for width in WIDTHS:
            for path in ("/news-feed/", "/"):
                page = open_page(browser, url + path, width)
                times = page.locator(".news-feed .feed-item time[datetime]:visible")
                assert times.first.is_visible()
                assert fits_width(page, width)
                assert serious_violations(page) == [], path
                page.context.close()
            page = open_page(browser, url + "/news-feed/", width)
            screenshot(page, f"livefeed-page-{width}", full_page=True)
            page.context.close()


STRICT_CSP = {
    "default-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
    "connect-src": {"'self'"},  # the stream, from this site only
}


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def assert_strict_csp(header):
    directives = csp_directives(header)
    for name, sources in STRICT_CSP.items():
        assert directives.get(name) == sources, (name, header)
    for name in ("script-src", "style-src"):
        sources = directives[name]
        assert "'self'" in sources, (name, header)
        assert not sources & {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"}, (name, header)
        assert all(s == "'self'" or s.startswith("'nonce-") for s in sources), (name, header)


def test_it_runs_the_feed_page_without_csp_violations(browser, newsroom):
    services.post_item(
        text='<p><b>Metro:</b> trains run. <a href="https://example.org/">Timetable</a></p>'
    )
    with web_server() as url:
        context = browser.new_context(viewport=viewport("desktop"))
        watch_csp(context)
        page = context.new_page()
        response = page.goto(url + "/news-feed/", wait_until="networkidle")
        assert response.status == 200
        assert_strict_csp(response.headers["content-security-policy"])
        # A copy from the page cache carries the same policy.
        again = requests.get(url + "/news-feed/", timeout=10)
        assert again.headers.get("X-Cache") == "HIT"
        assert_strict_csp(again.headers["Content-Security-Policy"])
        assert page.locator(".news-feed .feed-item").count() == 4

        # Posted while the page is open: the script inserts it from the stream.
        page.evaluate("window.notReloaded = true")
        services.post_item(text='<p>Air raid alert <a href="https://example.org/a">in Kyiv</a></p>')
        page.locator(".news-feed .feed-item", has_text="Air raid alert").wait_for(timeout=5000)
        assert feed_texts(page)[0] == "Air raid alert in Kyiv"
        assert page.evaluate("window.notReloaded") is True

        # An inline script, which the policy refuses: violation events arrive in order and
        # asynchronously, so once its report is in, any earlier one would be too.
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.inlineRan = true";
                document.body.append(script);
            }"""
        )
        page.wait_for_function("window.__cspViolations.length > 0", timeout=2000)
        assert page.evaluate("window.inlineRan") is None
        [violation] = csp_violations(page)
        assert violation.startswith("script-src")
        page.context.close()


def test_a_stream_the_server_never_answers_is_opened_again(browser, newsroom):
    """A web process may drop a request of a burst as it starts, leaving the connection open
    with no answer (see Crowd): the page opens its stream again rather than wait for good."""
    with web_server() as url:
        context = browser.new_context(viewport=viewport("desktop"))
        page = context.new_page()
        page.clock.install()
        streams = []

        def first_one_unanswered(route):
            streams.append(route.request.url)
            if len(streams) > 1:
                route.continue_()
            # else: left without an answer, as the dropped request was

        page.route("**/news-feed/stream/**", first_one_unanswered)
        page.goto(url + "/", wait_until="load")
        # Route handlers run while Playwright is called (page.evaluate).
        assert wait_until(lambda: page.evaluate("1") and len(streams) == 1, timeout=10)
        page.clock.fast_forward(9_000)
        assert len(streams) == 1  # still waiting, as EventSource alone would for good
        page.clock.fast_forward(2_000)
        page.clock.resume()
        assert wait_until(lambda: page.evaluate("1") and len(streams) == 2, timeout=10)

        item = services.post_item(text="<p>Heard on the second stream</p>")
        page.locator(".news-feed .feed-item", has_text="Heard on the second stream").wait_for(
            timeout=10_000
        )
        assert item.cursor
        context.close()
