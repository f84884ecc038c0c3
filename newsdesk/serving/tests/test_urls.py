"""Page URLs remembered by each process: keyed on what they follow from, never out of date."""

import re
from unittest.mock import patch

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import Locale, Site

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, make_section
from newsdesk.serving.versions import read_versions

pytestmark = pytest.mark.django_db


def test_a_renamed_article_has_its_new_url(section):
    article = make_article(section, title="Before the rename")
    assert ArticlePage.objects.get(pk=article.pk).url == f"/news/{article.slug}/"
    article.slug = "after-the-rename"
    article.save_revision().publish()
    # Another process reads the row afresh: its url_path is new, so is the key.
    assert ArticlePage.objects.get(pk=article.pk).url == "/news/after-the-rename/"


def test_a_moved_article_has_its_new_url(home, section):
    article = make_article(section)
    assert ArticlePage.objects.get(pk=article.pk).url == f"/news/{article.slug}/"
    world = make_section(home, "World")
    ArticlePage.objects.get(pk=article.pk).move(world, pos="last-child")
    assert ArticlePage.objects.get(pk=article.pk).url == f"/world/{article.slug}/"


def test_a_second_site_changes_the_full_url(section):
    article = make_article(section)
    assert ArticlePage.objects.get(pk=article.pk).full_url.startswith("http://localhost")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "news.example.org", 443
    site.save()  # Wagtail renews its cached site root paths
    assert ArticlePage.objects.get(pk=article.pk).full_url == (
        f"https://news.example.org/news/{article.slug}/"
    )


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.text).group(1)


def test_a_renamed_root_page_gives_its_pages_their_urls_in_the_next_request(
    home, section, settings, django_capture_on_commit_callbacks
):
    # Reader requests take the site and its root paths from the process's memory, under the
    # sites' version: a root page with a new slug renews it (Wagtail's page_slug_changed).
    # Rendered anew, fragments too (the cached copies stay right: the URL is the same).
    settings.PAGE_CACHE_ENABLED, settings.FRAGMENT_CACHE_SECONDS = False, 0
    home.save_revision().publish()  # once before: its first publication renews the sites too
    article = make_article(section, title="Under a renamed root")
    reader = Client()
    assert canonical(reader.get(article.url)).endswith(f"/news/{article.slug}/")
    home.refresh_from_db()  # as the admin edits it: published before
    home.slug = "front"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals it once committed
        home.save_revision().publish()
    response = reader.get(f"/news/{article.slug}/")
    assert response.status_code == 200
    assert canonical(response).endswith(f"/news/{article.slug}/")
    assert ArticlePage.objects.get(pk=article.pk).url_path.startswith("/front/")


def test_a_new_edition_root_renews_the_sites_version(home):
    before = read_versions("/")["sites"]
    home.copy_for_translation(Locale.objects.get(language_code="uk"))  # a draft, not live
    assert read_versions("/")["sites"] != before


def test_a_reader_page_reads_the_shared_cache_once_with_its_fragments_cached(section, settings):
    # The versions, the page-cache entry's absence and the view restriction flag: one round
    # trip, however often the page asks whether pages are restricted or for its URLs.
    article = make_article(section, title="One round trip")
    settings.PAGE_CACHE_ENABLED = False
    reader = Client()
    reader.get(article.url)  # fills the fragments and this process's memory
    shared = caches["default"]
    reads = []
    with (
        patch.object(shared, "get", side_effect=record(reads, "get", shared.get)),
        patch.object(shared, "get_many", side_effect=record(reads, "get_many", shared.get_many)),
    ):
        response = reader.get(article.url)
    assert response.status_code == 200 and "One round trip" in response.text
    assert [name for name, _ in reads] == ["get_many"], reads


def record(reads, name, method):
    def call(*args, **kwargs):
        reads.append((name, args[0] if args else None))
        return method(*args, **kwargs)

    return call
