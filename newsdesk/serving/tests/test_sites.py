"""The request's Wagtail site, remembered by the process between requests."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from newsdesk.conftest import make_article, make_section
from newsdesk.serving import sites

pytestmark = pytest.mark.django_db


def test_pages_after_the_first_do_not_look_the_site_up(client, section, settings):
    settings.PAGE_CACHE_ENABLED = False
    article = make_article(section)
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_each_request_gets_its_own_copy():
    request = RequestFactory().get("/")
    first = sites.find_for_request(request)
    first.root_page.specific  # noqa: B018  (Wagtail caches the specific page on the instance)
    first.site_name = "Changed on this copy only"
    second = sites.find_for_request(RequestFactory().get("/"))
    assert second.pk == first.pk and second is not first
    assert second.root_page is not first.root_page
    assert "specific" not in vars(second.root_page)
    assert second.site_name != "Changed on this copy only"


def test_a_site_saved_in_this_process_is_seen_at_once():
    sites.find_for_request(RequestFactory().get("/"))
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed newsroom"
    site.save()
    assert sites.find_for_request(RequestFactory().get("/")).site_name == "Renamed newsroom"


def test_the_front_page_shows_its_latest_version_though_routing_starts_from_a_kept_copy(
    client, home, section, settings
):
    settings.PAGE_CACHE_ENABLED = False
    article = make_article(section, title="Bridges reopen across the city")
    client.get("/")  # the process now keeps the site and its root page
    revision = home.get_latest_revision_as_object()
    revision.featured_article = article
    revision.featured_teaser = "What the new schedule means for commuters."
    revision.save_revision().publish()
    page = client.get("/").content.decode()
    assert "What the new schedule means for commuters." in page
    assert client.get(article.url).status_code == 200


def test_a_first_section_is_found_though_routing_starts_from_a_kept_copy(client, home, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")  # the process keeps the root page while it has no children
    section = make_section(home, "Culture")
    article = make_article(section, title="Trams return to the left bank")
    assert client.get("/culture/").status_code == 200
    assert client.get(article.url).status_code == 200
    assert client.get("/no-such-section/").status_code == 404
