"""/podcast.xml and the section feeds: valid RSS whose enclosures are the stored audio."""

import xml.etree.ElementTree as ET
from io import BytesIO

import feedparser
import pytest
from django.core.files.storage import default_storage
from PIL import Image

from newsdesk.conftest import make_section, paragraphs
from newsdesk.narration.feeds import ITUNES_NS, PODCAST_NS
from newsdesk.narration.models import Narration

pytestmark = pytest.mark.django_db
TINY = paragraphs("Power is back.")


@pytest.fixture
def episodes(publish, home, section):
    world = make_section(home, "World")
    return {
        "news": publish(title="Power returns", body=TINY),
        "world": publish(title="Border reopens", body=TINY, section=world),
        "draft": publish(title="Not yet", body=TINY, publish=False),
    }


def test_it_is_valid_rss_with_podcast_tags(client, episodes):
    response = client.get("/podcast.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert channel.find(f"{{{ITUNES_NS}}}image").get("href").endswith("/podcast/cover.png")
    assert channel.find(f"{{{ITUNES_NS}}}category").get("text") == "News"
    assert channel.find(f"{{{ITUNES_NS}}}explicit").text == "false"
    assert channel.find(f"{{{PODCAST_NS}}}guid").text
    assert channel.find("language").text == "en"
    assert "created with AI assistance" in channel.find("description").text
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == ["Border reopens", "Power returns"]
    for entry in feed.entries:
        assert "This audio is created with AI assistance." in entry.summary
        assert int(entry.itunes_duration) > 0


def test_its_enclosures_are_the_stored_audio(client, episodes):
    feed = feedparser.parse(client.get("/podcast.xml").content)
    for entry in feed.entries:
        [enclosure] = entry.enclosures
        narration = Narration.objects.get(article__title=entry.title)
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == narration.byte_size
        assert enclosure.href.startswith("http://127.0.0.1:8000/media/narration/")
        fetched = client.get(enclosure.href.removeprefix("http://127.0.0.1:8000"))
        assert fetched.status_code == 200
        with default_storage.open(narration.audio.name) as stored:
            assert b"".join(fetched.streaming_content) == stored.read()


def test_a_section_feed_lists_only_that_section(client, episodes):
    feed = feedparser.parse(client.get("/podcast/world.xml").content)
    assert feed.feed.title == "The Meridian Ledger: World"
    assert [e.title for e in feed.entries] == ["Border reopens"]
    assert client.get("/podcast/nowhere.xml").status_code == 404


def test_it_leaves_out_unpublished_articles(client, episodes):
    episodes["news"].unpublish()
    feed = feedparser.parse(client.get("/podcast.xml").content)
    assert [e.title for e in feed.entries] == ["Border reopens"]


def test_it_is_an_empty_but_valid_feed_without_narrations(client, db):
    feed = feedparser.parse(client.get("/podcast.xml").content)
    assert not feed.bozo and feed.entries == []


def test_its_cover_is_square_podcast_artwork(client, db):
    response = client.get("/podcast/cover.png")
    assert response["Content-Type"] == "image/png"
    assert Image.open(BytesIO(response.content)).size == (1400, 1400)


def test_the_footer_links_the_podcast(client, episodes):
    assert '<a href="/podcast.xml">Podcast</a>' in client.get(episodes["news"].url).text
