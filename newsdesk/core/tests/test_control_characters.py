"""Control characters pasted from Word: removed on save, and never written into feeds or
sitemaps, also for rows saved before they were removed."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.files.base import ContentFile
from taggit.models import Tag
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, make_author, make_image, paragraphs
from newsdesk.core.models import NewsImage
from newsdesk.livefeed.models import FeedItem
from newsdesk.livefeed.services import post_item
from newsdesk.narration.models import Narration
from newsdesk.people.models import Author

pytestmark = pytest.mark.django_db

# A vertical tab (Word's line break), a form feed, an escape, a C1 control.
PASTED = "Bridge\x0breopens\x0cafter\x1b repairs\x92"
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def test_it_removes_control_characters_when_content_is_saved(section):
    author = make_author(name="Olena\x0bMarchuk")
    image = make_image(caption=f"Caption: {PASTED}", photographer="Ivan\x0bPetrenko")
    article = make_article(
        section,
        title=PASTED,
        standfirst=f"Standfirst: {PASTED}",
        body=paragraphs(f"Body: {PASTED}"),
        authors=[author],
        lead_image=image,
    )
    item = post_item(text=f"<p>Feed: {PASTED}</p>")

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Bridge reopens after repairs"
    assert article.standfirst == "Standfirst: Bridge reopens after repairs"
    assert article.body.raw_data[0]["value"] == "<p>Body: Bridge reopens after repairs</p>"
    assert Author.objects.get(pk=author.pk).name == "Olena Marchuk"
    image = NewsImage.objects.get(pk=image.pk)
    assert image.caption == "Caption: Bridge reopens after repairs"
    assert image.photographer == "Ivan Petrenko"
    item = FeedItem.objects.get(pk=item.pk)
    assert item.text == "<p>Feed: Bridge reopens after repairs</p>"
    assert not FORBIDDEN.search(item.fragment)


def test_it_keeps_tabs_and_line_breaks_in_text(section):
    article = make_article(section, title="Plain", standfirst="One line.\nAnother.\tTabbed.\r\n")
    assert ArticlePage.objects.get(pk=article.pk).standfirst == "One line.\nAnother.\tTabbed.\r\n"


@pytest.fixture
def old_rows(section, author):
    """An article, its author, tags, narration and a feed item as rows saved before control
    characters were removed on save: written with raw updates, which skip the models' save."""
    article = make_article(
        section,
        title="Bridge reopens",
        authors=[author],
        tags=["kyiv"],
        lead_image=make_image(caption="Crews at work."),
    )
    narration = Narration.objects.create(
        article=article,
        status=Narration.Status.READY,
        audio=ContentFile(b"ID3" + bytes(64), name="bridge.mp3"),
        duration=12.5,
        byte_size=67,
    )
    item = post_item(text="<p>Power is back.</p>")
    Page.objects.filter(pk=article.pk).update(title=PASTED)
    ArticlePage.objects.filter(pk=article.pk).update(standfirst=PASTED)
    Author.objects.filter(pk=author.pk).update(name="Olena\x0bMarchuk", bio=PASTED)
    Tag.objects.filter(name="kyiv").update(name="kyiv\x0b")
    FeedItem.objects.filter(pk=item.pk).update(text=f"<p>{PASTED}</p>")
    NewsImage.objects.filter(pk=article.lead_image_id).update(caption=PASTED, alt_text=PASTED)
    return article, narration


FEEDS = [
    "/feeds/latest/",
    "/feeds/latest/atom/",
    "/feeds/news/",
    "/feeds/news/atom/",
    "/feeds/authors/olena-marchuk/",
    "/feeds/authors/olena-marchuk/atom/",
    "/news-feed/rss/",
    "/podcast.xml",
    "/podcast/news.xml",
]
SITEMAPS = ["/sitemap.xml", "/sitemap-pages.xml", "/news-sitemap.xml"]


@pytest.mark.parametrize("url", FEEDS + SITEMAPS)
def test_feeds_and_sitemaps_stay_valid_xml_with_old_rows(client, old_rows, url):
    response = client.get(url)
    assert response.status_code == 200
    ET.fromstring(response.content)  # raises on anything that is not well-formed XML
    if url in FEEDS:
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert any("Bridge reopens after repairs" in entry.title for entry in feed.entries)
    else:
        assert not FORBIDDEN.search(response.content.decode())
    if url == "/news-sitemap.xml":
        assert "<news:title>Bridge reopens after repairs</news:title>" in response.content.decode()
