"""Views opt out of the page cache where they are declared (newsdesk.serving.exempt)."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

from newsdesk.serving.exempt import exempt, page_cache_exempt
from newsdesk.serving.front import rendered_in_threads

pytestmark = pytest.mark.django_db(transaction=True)


@page_cache_exempt
def personal(request):
    return HttpResponse("yours alone " * 100)


def shared(request):
    return HttpResponse("everyone's " * 100)


inner = [path("page/", shared)]
urlpatterns = [
    path("personal/", personal),
    path("shared/", shared),
    page_cache_exempt(path("private/", include(inner))),
]


@pytest.fixture
def urls(settings):
    settings.ROOT_URLCONF = __name__


def test_a_decorated_view_and_every_view_under_a_marked_pattern_are_exempt(urls):
    assert exempt("/personal/") and exempt("/private/page/")
    assert not exempt("/shared/") and not exempt("/nowhere/")


def test_an_exempt_view_is_never_stored_nor_served_from_the_cache(urls):
    client = Client()
    assert [client.get("/shared/")["X-Cache"] for _ in range(2)] == ["MISS", "HIT"]
    assert [client.get("/personal/").get("X-Cache") for _ in range(2)] == [None, None]
    assert client.get("/private/page/").get("X-Cache") is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/news-feed/stream/", True),
        ("/admin/pages/", True),
        ("/newsletters/subscribe/", True),
        ("/newsletters/confirm/token/", True),
        ("/healthz", True),
        ("/documents/1/file.pdf", True),
        ("/", False),
        ("/news-feed/", False),
        ("/newsletters/", False),
    ],
)
def test_the_apps_opt_out_their_streams_forms_personal_links_and_the_admin(path, expected):
    assert exempt(path) is expected
    assert rendered_in_threads({"method": "GET", "path": path}) is not expected
