"""The Ukrainian pages whose words were translated last (search with its filters, unsubscribe with
the other newsletters, the refusal of too many searches) in Chromium: at phone and desktop widths,
light and dark, nothing wider than the screen, axe-core clean. Screenshots in the artifacts."""

import pytest

from newsdesk.conftest import make_article, paragraphs
from newsdesk.newsletters import composer
from newsdesk.newsletters.models import Newsletter
from newsdesk.newsletters.tests.conftest import confirmed
from newsdesk.testing.browser import fits_width, open_page, screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(uk_home, uk_section):
    for number in range(12):
        make_article(
            uk_section,
            title=f"Світло повернулося в район {number + 1}",
            standfirst="Енергетики працювали всю ніч, щоб відновити живлення.",
            body=paragraphs("Світло в домівках з'явилося до ранку."),
        )
    ranok = Newsletter.objects.create(
        slug="ranok", name="Ранок", cadence="Щобудня о 7:00", locale=uk_home.locale
    )
    Newsletter.objects.create(
        slug="vechir",
        name="Вечір",
        cadence="Щодня о 19:00",
        description="Підсумки дня за п'ять хвилин.",
        locale=uk_home.locale,
    )
    [reader] = confirmed(ranok, "chytachka@example.org")
    with composer.in_language("uk"):
        unsubscribe = "/" + composer.unsubscribe_url(reader.pk, ranok.pk).split("/", 3)[3]
    return {
        "search": "/uk/search/?q=світло&sort=newest",
        "search-filters": "/uk/search/?q=жодногозбігу&start=2026-05-01&end=2026-04-01",
        "unsubscribe": unsubscribe,
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_ukrainian_pages_fit_and_are_accessible(browser, live_server, pages, width, scheme):
    for name, path in pages.items():
        page = open_page(browser, live_server.url + path, width, color_scheme=scheme)
        assert page.locator("html").get_attribute("lang") == "uk", name
        assert fits_width(page, width), name
        assert serious_violations(page) == [], name
        screenshot(page, f"uk-{name}-{width}-{scheme}", full_page=True)
        page.context.close()
