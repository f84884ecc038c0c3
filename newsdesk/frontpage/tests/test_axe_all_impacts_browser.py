"""The front page and the listings of each edition pass axe-core with no finding at any impact:
the front page's newsletters band and the footer's sign-up box once shared the region name
"Newsletters", and the listings' card headlines (h3) followed their h1 with no h2."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from newsdesk.conftest import make_article
from newsdesk.newsletters.models import Newsletter
from newsdesk.testing.browser import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def findings(page):
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in Axe().run(page).response["violations"]
    ]


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_front_pages_and_listings_pass_axe(browser, live_server, section, uk_section, width):
    make_article(section, title="Grain ships leave Odesa", tags=["grain"])
    make_article(uk_section, title="Зерновози вийшли з Одеси", tags=["зерно"])
    Newsletter.objects.create(slug="morning", name="Morning briefing", cadence="Weekdays")
    Newsletter.objects.create(
        slug="ranok", name="Ранок", cadence="Щобудня", locale=uk_section.locale
    )
    for path in ("/", "/uk/"):
        page = open_page(browser, live_server.url + path, width)
        assert page.locator(".nl-box--front").count() == 1, path
        assert page.locator(".nl-box--footer").count() == 1, path
        assert findings(page) == [], path
        page.context.close()
    for path in (section.url, uk_section.url, "/tags/grain/", "/uk/tags/зерно/"):
        page = open_page(browser, live_server.url + path, width)
        assert page.locator(".card").count() == 1, path
        assert findings(page) == [], path
        page.context.close()
