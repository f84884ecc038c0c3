"""Live feed items per edition: an item reaches the open pages and lists of its edition only."""

import json
import re

import pytest
from wagtail.models import Locale

from newsdesk.livefeed import services
from newsdesk.livefeed.tests.helpers import EventStream
from newsdesk.testing import web_server

FAST = {"LIVEFEED_POLL_SECONDS": "0.2", "LIVEFEED_KEEPALIVE_SECONDS": "1"}


def post(text, language):
    locale = Locale.objects.get(language_code=language)
    return services.post_item(text=f"<p>{text}</p>", locale=locale)


def connected(base_url, path):
    stream = EventStream(base_url, path=path)
    assert stream.status == 200
    stream.wait_for_comment("connected")
    return stream


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_item_reaches_only_its_editions_open_pages():
    with (
        web_server(env=FAST) as url,
        connected(url, "/news-feed/stream/") as english,
        connected(url, "/uk/news-feed/stream/") as ukrainian,
    ):
        item = post("Тривогу в Києві скасовано", "uk")
        event = ukrainian.next_event()
        assert event.event == "item" and event.item_id == f"feed-item-{item.pk}"
        assert "Тривогу в Києві скасовано" in event.data
        item = post("Metro back to normal", "en")
        event = english.next_event()
        assert "Metro back to normal" in event.data  # the Ukrainian item never came first
        assert ukrainian.next_event(timeout=1) is None


@pytest.mark.django_db
def test_each_editions_pages_list_its_own_items(client, settings, uk_home):
    settings.PAGE_CACHE_ENABLED = False
    post("Тривогу скасовано", "uk")
    post("Alert lifted", "en")
    for path, shown, hidden in [
        ("/", "Alert lifted", "Тривогу скасовано"),
        ("/news-feed/", "Alert lifted", "Тривогу скасовано"),
        ("/uk/", "Тривогу скасовано", "Alert lifted"),
        ("/uk/news-feed/", "Тривогу скасовано", "Alert lifted"),
        ("/uk/news-feed/rss/", "Тривогу скасовано", "Alert lifted"),
    ]:
        html = client.get(path).content.decode()
        assert shown in html and hidden not in html, path
    # A reconnecting page without a streaming server catches up on its edition's items only.
    caught_up = client.get("/uk/news-feed/stream/?after=0").content.decode()
    assert "Тривогу скасовано" in caught_up and "Alert lifted" not in caught_up


@pytest.mark.django_db
def test_each_editions_live_blog_data_is_in_its_language(client, settings, uk_home):
    settings.PAGE_CACHE_ENABLED = False
    post("Тривогу скасовано", "uk")
    for path, language, headline in [
        ("/news-feed/", "en", f"News feed — {settings.WAGTAIL_SITE_NAME}"),
        ("/uk/news-feed/", "uk", f"Стрічка новин — {uk_home.title}"),
    ]:
        html = client.get(path).content.decode()
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(script.group(1))
        assert (data["inLanguage"], data["headline"]) == (language, headline), path
        assert data["publisher"]["name"] == headline.split(" — ")[1]
