"""The front page of each edition, with its newsletters band and the footer's sign-up box, passes
axe-core with no finding at any impact (the two once shared the region name "Newsletters")."""

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
def test_each_front_page_has_no_axe_finding(browser, live_server, section, uk_section, width):
    make_article(section, title="Grain ships leave Odesa")
    make_article(uk_section, title="Зерновози вийшли з Одеси")
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
