"""The front page and a demo article in Chromium at phone and desktop widths."""

import pytest
from django.core.management import call_command

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import csp_violations, use_task_backend
from newsdesk.demo import content
from newsdesk.testing.browser import (
    WIDTHS,
    fits_width,
    open_page,
    screenshot,
    scroll_through,
    serious_violations,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def complete_demo_article():
    """A demo article that has every part the article page can show."""
    for spec in content.ARTICLES:
        kinds = {kind for kind, _ in spec["body"]}
        if spec["lead_image"] and spec["corrections"] and {"related", "quote"} <= kinds:
            return ArticlePage.objects.get(slug=spec["slug"])
    raise AssertionError("the demo has no article with every part")


@pytest.fixture
def demo(settings, live_server):
    use_task_backend(settings, "dummy")
    call_command("load_demo")
    return live_server


def test_it_shows_the_article_page_completely_and_accessibly(browser, demo):
    article = complete_demo_article()
    for width in WIDTHS:
        check_article_page(browser, demo.url + article.url, article, width)


def check_article_page(browser, url, article, width):
    page = open_page(browser, url, width)

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible() and skip.inner_text() == "Skip to content"

    visible = {
        "section": ".article__header .kicker a",
        "headline": "h1.article__headline",
        "standfirst": ".article__standfirst",
        "byline": ".byline a[rel=author]",
        "date": ".dateline time[datetime]",
        "lead image": ".article__lead img",
        "caption": ".article__lead .caption",
        "credit": ".article__lead .credit",
        "paragraph": ".article__body p",
        "quote": ".article__body .quote blockquote",
        "related card": ".related-card__headline",
        "tags": ".article__tags a",
        "corrections": ".corrections li",
        "more news": "#more-news",
        "editors' picks": "#editors-picks",
    }
    scroll_through(page)
    for name, selector in visible.items():
        assert page.locator(selector).first.is_visible(), f"{name} is not visible"
    assert page.locator("h1.article__headline").inner_text() == article.title
    assert "min read" in page.locator(".dateline").inner_text()
    lead = page.locator(".article__lead img")
    assert lead.evaluate("img => img.complete && img.naturalWidth > 0")
    assert lead.get_attribute("width") and lead.get_attribute("height")
    excerpt = page.locator(".related-card__excerpt").first.inner_text()
    assert len(excerpt) <= 151
    assert fits_width(page, width)

    assert serious_violations(page) == []
    assert csp_violations(page) == []
    screenshot(page, f"article-{width}", full_page=True)
    page.context.close()


def test_it_shows_the_front_page_accessibly(browser, demo):
    for width in WIDTHS:
        check_front_page(browser, demo.url, width)


def check_front_page(browser, url, width):
    page = open_page(browser, url + "/", width)
    scroll_through(page)

    for selector in [
        ".lead-story__headline",
        "#top-stories",
        ".featured__headline",
        "#editors-picks",
        "#more-news",
        ".masthead__nav a",
    ]:
        assert page.locator(selector).first.is_visible(), selector
    broken = page.evaluate(
        "[...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)"
    )
    assert broken == []
    assert fits_width(page, width)
    assert serious_violations(page) == []
    assert csp_violations(page) == []
    screenshot(page, f"front-{width}", full_page=True)
    page.context.close()
