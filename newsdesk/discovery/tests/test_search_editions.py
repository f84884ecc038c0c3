"""Search per edition: each edition's words indexed and searched with its own PostgreSQL text
search configuration (SEARCH_CONFIG), results only from the reader's edition, on either
database."""

import re

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from wagtail.search.models import IndexEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, paragraphs
from newsdesk.livefeed.services import post_item
from newsdesk.settings import search_configs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

RESULT = re.compile(r'class="search-hit__headline"><a href="([^"]+)"')
on_postgresql = pytest.mark.postgresql  # text search configurations are PostgreSQL's


def results(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return RESULT.findall(response.content.decode())


@pytest.fixture
def editions(section, uk_section):
    english = make_article(
        section,
        title="Election day in Kyiv",
        standfirst="Polling stations opened at eight.",
        body=paragraphs("The election commission counted every ballot by morning."),
    )
    ukrainian = make_article(
        uk_section,
        title="Вибори в Києві",
        standfirst="Дільниці відкрилися о восьмій.",
        body=paragraphs("Київ обирав мера. Спостерігачі з OSCE назвали це elections."),
    )
    return english, ukrainian


def vector_of(article, column="body"):
    entry = IndexEntry.objects.get(
        content_type=ContentType.objects.get_for_model(ArticlePage), object_id=str(article.pk)
    )
    return str(getattr(entry, column))


def test_settings_give_each_language_a_configuration():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIGS"] == {
        "en": "english",
        "uk": "simple",
    }
    assert search_configs("", ["en", "uk", "de"]) == {
        "en": "english",
        "uk": "simple",
        "de": "german",
    }
    # One name alone is the first language's, as before editions.
    assert search_configs("english", ["en", "uk"]) == {"en": "english", "uk": "simple"}
    assert search_configs("en=english, uk=public.uk_hunspell", ["en", "uk"]) == {
        "en": "english",
        "uk": "public.uk_hunspell",
    }
    with pytest.raises(ImproperlyConfigured):
        search_configs("fr=french", ["en", "uk"])
    with pytest.raises(ImproperlyConfigured):
        search_configs("uk=simple; drop table", ["en", "uk"])


@on_postgresql
def test_each_edition_is_indexed_with_its_own_configuration(editions):
    english, ukrainian = editions
    # English: stems and drops stop words.
    assert "'elect':" in vector_of(english, "title") and "'day':" in vector_of(english, "title")
    assert "'the'" not in vector_of(english)
    # Ukrainian (simple): every word as written, lower-cased; English words are not stemmed.
    assert "'вибори':" in vector_of(ukrainian, "title")
    assert "'elections':" in vector_of(ukrainian) and "'elect':" not in vector_of(ukrainian)


@on_postgresql
def test_english_words_are_stemmed_in_the_english_edition(client, editions):
    english, _ = editions
    assert results(client, "/search/?q=elections") == [english.url]
    assert results(client, "/search/?q=counting+ballots") == [english.url]


def test_a_ukrainian_search_finds_the_ukrainian_articles(client, editions):
    _, ukrainian = editions
    assert results(client, "/uk/search/?q=вибори") == [ukrainian.url]
    assert results(client, "/uk/search/?q=Вибори+Києві") == [ukrainian.url]
    assert results(client, "/uk/search/?q=спостерігачі") == [ukrainian.url]


def test_results_never_cross_editions(client, editions):
    english, ukrainian = editions
    # Words both editions use.
    for words in ("Kyiv", "OSCE elections", "election"):
        assert ukrainian.url not in results(client, f"/search/?q={words}")
        assert english.url not in results(client, f"/uk/search/?q={words}")
    assert results(client, "/uk/search/?q=elections") == [ukrainian.url]
    assert results(client, "/search/?q=Kyiv") == [english.url]


def test_live_feed_results_never_cross_editions(client, home, uk_home):
    post_item(text="<p>Power is back in Kharkiv.</p>", locale=home.locale)
    post_item(text="<p>Світло повернулося в Kharkiv.</p>", locale=uk_home.locale)
    english = client.get("/search/?q=Kharkiv").content.decode()
    ukrainian = client.get("/uk/search/?q=Kharkiv").content.decode()
    assert "Power is back in" in english and "Світло повернулося" not in english
    assert "Світло повернулося" in ukrainian and "Power is back in" not in ukrainian
