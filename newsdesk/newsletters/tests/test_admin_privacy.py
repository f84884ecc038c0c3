"""Readers' addresses are shown in the admin only to staff with a subscriber permission.

Rather than a list of known pages, the test visits every URL the admin registers (viewsets,
choosers, bulk actions, reports, editing sessions, hooks...), filled in with the subscriber's id,
app and model name, as a reporter: a view added later cannot show an address unnoticed. As a
control, an editor (who may see subscribers) finds the address through the same crawl.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from newsdesk.newsletters.models import Subscriber
from newsdesk.newsletters.tests.conftest import confirmed

pytestmark = pytest.mark.django_db

ADDRESS = "hidden-reader@example.org"
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")
MODEL_PARAMETERS = {
    "app_label": "newsletters",
    "app_name": "newsletters",
    "content_type_app_name": "newsletters",
    "model_name": "subscriber",
    "content_type_model_name": "subscriber",
    "action": "delete",
    "action_name": "delete",
}


def routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name != "wagtailadmin_logout":
            # (Signing out would end the crawl.)
            yield prefix + str(pattern.pattern)


def admin_urls(subscriber):
    """Every admin URL, its parameters filled in to point at `subscriber` where they can."""
    urls = set()
    for route in routes(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue

        def fill(match):
            name = match.group("name") or match.group("group")
            return MODEL_PARAMETERS.get(name, str(subscriber.pk))

        url = "/" + PARAMETER.sub(fill, route).replace("^", "").replace("$", "")
        if re.search(r"[\\()*?\[\]]", url):
            continue  # a catch-all pattern (Wagtail's admin 404), nothing to fill in
        urls.add(url)
    return sorted(urls)


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def urls_showing_the_address(user, subscriber):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    showing = []
    for url in admin_urls(subscriber):
        requests = [client.get(url, {"id": subscriber.pk})]
        if "subscriber" in url:
            requests.append(client.post(url, {"id": subscriber.pk}))
        if any(ADDRESS in body(response) for response in requests):
            showing.append(url)
    return showing


def test_it_visits_every_admin_url_that_names_the_subscriber(newsletter):
    [subscriber] = confirmed(newsletter, ADDRESS)
    urls = admin_urls(subscriber)
    subscriber_urls = [url for url in urls if "subscriber" in url]
    assert f"/admin/snippets/newsletters/subscriber/edit/{subscriber.pk}/" in urls
    assert f"/admin/snippets/choose/newsletters/subscriber/chosen/{subscriber.pk}/" in urls
    assert "/admin/bulk/newsletters/subscriber/delete/" in urls
    assert len(subscriber_urls) >= 15


def test_reporters_see_no_address_anywhere_in_the_admin(reporter, newsletter):
    [subscriber] = confirmed(newsletter, ADDRESS)
    showing = urls_showing_the_address(reporter, subscriber)
    assert showing == [], "\n".join(showing)
    assert Subscriber.objects.filter(pk=subscriber.pk, email=ADDRESS).exists()


def test_editors_see_addresses_where_the_crawl_looks(editor, newsletter):
    [subscriber] = confirmed(newsletter, ADDRESS)
    client = Client()
    client.force_login(editor)
    for url in [
        "/admin/snippets/newsletters/subscriber/",
        f"/admin/snippets/newsletters/subscriber/edit/{subscriber.pk}/",
        "/admin/snippets/choose/newsletters/subscriber/results/",
        f"/admin/snippets/choose/newsletters/subscriber/chosen/{subscriber.pk}/",
        "/admin/bulk/newsletters/subscriber/delete/",
    ]:
        assert url in admin_urls(subscriber)
        assert ADDRESS in body(client.get(url, {"id": subscriber.pk})), url
