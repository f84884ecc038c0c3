"""Search engines and readers find each edition: hreflang, sitemaps, feeds, search."""

import json
import re

import pytest
from wagtail.models import Locale

from newsdesk.conftest import make_article

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.SITE_URL = "https://news.example.org"


@pytest.fixture
def translated(section, uk_section):
    english = make_article(section, title="Grain ships leave Odesa", tags=["grain"])
    ukrainian = english.copy_for_translation(Locale.objects.get(language_code="uk"))
    ukrainian.title = "Зерновози вийшли з Одеси"
    ukrainian.slug = "zernovozy"
    ukrainian.save_revision().publish()
    ukrainian.refresh_from_db()
    return english, ukrainian


def alternates(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return dict(ALTERNATE.findall(response.content.decode()))


def test_translations_link_each_other_with_hreflang_and_x_default(client, translated):
    english, ukrainian = translated
    expected = {
        "en": f"https://news.example.org{english.url}",
        "uk": "https://news.example.org/uk/novyny/zernovozy/",
        "x-default": f"https://news.example.org{english.url}",
    }
    assert alternates(client, english.url) == expected
    assert alternates(client, ukrainian.url) == expected  # reciprocal
    for language, url in expected.items():  # valid: every target answers
        assert client.get(url.removeprefix("https://news.example.org")).status_code == 200
        assert language in {"en", "uk", "x-default"}


def test_an_article_without_translation_has_no_alternates(client, uk_section):
    article = make_article(uk_section, title="Лише українською")
    assert alternates(client, article.url) == {}
    html = client.get(article.url).content.decode()
    assert '<a href="/" hreflang="en" lang="en"' in html  # the switcher: the other front page


def test_the_header_switches_to_the_translation(client, translated):
    english, ukrainian = translated
    html = client.get(english.url).content.decode()
    assert f'<a href="{ukrainian.url}" hreflang="uk" lang="uk">Українська</a>' in html


def test_each_edition_declares_its_language(client, translated):
    english, ukrainian = translated
    html = client.get(ukrainian.url).content.decode()
    assert '<html lang="uk">' in html
    ld = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert '"inLanguage": "uk"' in ld[1] or json.loads(ld[1])["inLanguage"] == "uk"
    assert "<language>uk</language>" in client.get("/uk/feeds/latest/").content.decode()
    assert "<language>en" in client.get("/feeds/latest/").content.decode()


def test_sitemaps_list_both_editions_with_alternates(client, translated):
    english, ukrainian = translated
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert f"<loc>https://news.example.org{ukrainian.url}</loc>" in sitemap
    assert (
        f'<xhtml:link rel="alternate" hreflang="uk" href="https://news.example.org{ukrainian.url}"/>'
        in sitemap
    )
    news = client.get("/news-sitemap.xml").content.decode()
    assert "<news:language>uk</news:language>" in news
    assert "<news:language>en</news:language>" in news


def test_search_in_one_edition_never_returns_the_other(client, section, uk_section):
    english = make_article(section, title="Kyiv power cuts grain")
    ukrainian = make_article(uk_section, title="Kyiv power cuts зерно")
    found = {path: RESULT.findall(client.get(path).content.decode()) for path in SEARCHES}
    assert found["/search/?q=Kyiv"] == [english.url]
    assert found["/uk/search/?q=Kyiv"] == [ukrainian.url]


RESULT = re.compile(r'class="search-hit__headline"><a href="([^"]+)"')
SEARCHES = ["/search/?q=Kyiv", "/uk/search/?q=Kyiv"]


def test_a_translation_behind_a_password_is_no_alternate(client, translated):
    """The editions come with the article's own row; while a view restriction exists they are
    looked up with Wagtail's public() instead, which leaves the hidden translation out."""
    from wagtail.models import PageViewRestriction

    english, ukrainian = translated
    assert set(alternates(client, english.url)) == {"en", "uk", "x-default"}
    PageViewRestriction.objects.create(page=ukrainian, restriction_type="password", password="x")
    assert alternates(client, english.url) == {}
    unpublished = ukrainian.specific
    PageViewRestriction.objects.all().delete()
    unpublished.unpublish()
    assert alternates(client, english.url) == {}
