"""The page cache per edition: a publication purges its edition's pages and its translations,
never the other edition's."""

import pytest
from django.test import Client
from wagtail.models import Locale

from newsdesk.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def cache_state(client, url):
    return client.get(url)["X-Cache"]


def test_a_publication_purges_its_edition_and_its_translations_only(section, uk_section):
    reader = Client()
    english = make_article(section, title="Grain ships leave Odesa")
    other_english = make_article(section, title="Unrelated story")
    ukrainian = english.copy_for_translation(Locale.objects.get(language_code="uk"))
    ukrainian.title = "Зерновози вийшли з Одеси"
    ukrainian.save_revision().publish()
    ukrainian.refresh_from_db()
    pages = ["/", "/uk/", english.url, other_english.url, ukrainian.url, "/uk/feeds/latest/"]
    for url in pages:
        reader.get(url)
        assert cache_state(reader, url) == "HIT", url

    ukrainian.title = "Зерновози знову вийшли з Одеси"
    ukrainian.save_revision().publish()

    assert cache_state(reader, "/uk/") == "MISS"
    assert cache_state(reader, ukrainian.url) == "MISS"
    assert cache_state(reader, "/uk/feeds/latest/") == "MISS"
    assert cache_state(reader, english.url) == "MISS", "its translation links to it"
    assert cache_state(reader, "/") == "HIT"
    assert cache_state(reader, other_english.url) == "HIT"


def test_an_editions_exempt_views_are_exempt_in_any_language():
    from newsdesk.serving.exempt import exempt

    assert exempt("/news-feed/stream/") and exempt("/uk/news-feed/stream/")
    assert exempt("/uk/newsletters/subscribe/")
    assert not exempt("/uk/news-feed/")
