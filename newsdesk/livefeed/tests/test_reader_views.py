"""The feed readers see without JavaScript: sidebars, /news-feed/, RSS and structured data."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.conftest import make_image
from newsdesk.livefeed import services

pytestmark = pytest.mark.django_db


def post(text, hours_ago=0.0, **fields):
    at = timezone.now() - timedelta(hours=hours_ago)
    return services.post_item(text=f"<p>{text}</p>", published_at=at, **fields)


def sidebar_items(html):
    sidebar = html.split('class="news-feed"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<div class="feed-item__text"><p>(.*?)</p>', sidebar)


def test_it_shows_the_latest_ten_pinned_first_on_the_front_page_and_articles(
    client, article_factory
):
    article = article_factory()
    for n in range(12):
        post(f"Update {n}", hours_ago=12 - n)
    post("Pinned long ago", hours_ago=30, pinned=True)
    for url in ("/", article.url):
        html = client.get(url).content.decode()
        assert sidebar_items(html) == ["Pinned long ago"] + [
            f"Update {n}" for n in range(11, 2, -1)
        ]
        assert 'href="/news-feed/"' in html and 'aria-live="polite"' in html


def test_it_prints_times_in_the_newsrooms_time_zone(client, settings):
    settings.TIME_ZONE = "Europe/Kyiv"
    now = timezone.localtime()
    today = post("Today", hours_ago=0)
    yesterday = post("Yesterday", hours_ago=24 + now.hour)
    older = post("Last week", hours_ago=24 * 6)
    html = client.get("/").content.decode()
    clock = timezone.localtime(today.published_at).strftime("%-I:%M %p")
    assert f'datetime="{timezone.localtime(today.published_at).isoformat()}">{clock}</time>' in html
    assert ">Yesterday</time>" in html
    assert timezone.localtime(yesterday.published_at).isoformat() in html
    older_label = timezone.localtime(older.published_at).strftime("%b %-d")
    assert f">{older_label}" in html


def test_it_lists_every_update_by_day_and_page(client):
    for n in range(35):
        post(f"Item {n}", hours_ago=n * 2)
    removed = post("Removed one", hours_ago=1)
    services.remove_item(item=removed)
    first = client.get("/news-feed/").content.decode()
    assert "Removed one" not in first
    assert first.count('<li class="feed-item') == 30
    assert '<h2 class="feed-day__heading" id="day-' in first and ">Today</h2>" in first
    assert "data-insert" in first
    second = client.get("/news-feed/?page=2").content.decode()
    assert second.count('<li class="feed-item') == 5 and "data-insert" not in second
    assert client.get("/news-feed/?page=oops").status_code == 200
    assert client.get("/news-feed/?page=999").content.decode().count('<li class="feed-item') == 5


def test_it_says_so_when_there_are_no_updates(client):
    html = client.get("/news-feed/").content.decode()
    assert "No updates yet" in html
    assert "No updates yet" in client.get("/").content.decode()


def test_it_describes_the_page_as_a_live_blog(client, settings):
    post("First", hours_ago=3)
    edited = post("Second </script><script>alert(1)</script>", hours_ago=1)
    services.correct_item(item=edited, text="<p>Second, corrected</p>")
    html = client.get("/news-feed/").content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(script)
    assert data["@type"] == "LiveBlogPosting"
    updates = data["liveBlogUpdate"]
    assert [u["articleBody"] for u in updates] == ["Second, corrected", "First"]
    assert updates[0]["dateModified"] > updates[0]["datePublished"]
    assert data["coverageStartTime"] == updates[-1]["datePublished"]


def test_it_offers_the_updates_as_rss(client, article_factory):
    post("Old", hours_ago=5)
    new = post("New with <b>bold</b>", hours_ago=1, article=article_factory(title="Linked"))
    response = client.get("/news-feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["New with bold", "Old"]
    assert "<b>bold</b>" in feed.entries[0].summary
    assert feed.entries[0].link.endswith(f"/news-feed/#feed-item-{new.pk}")


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/news-feed/"])
def test_it_renders_the_feed_in_constant_queries(client, article_factory, url):
    article = article_factory()

    def add(n):
        for i in range(n):
            post(f"Item {i}", article=article, section=article.section, image=make_image())

    add(2)
    small = count_queries(client, url)
    add(8)
    large = count_queries(client, url)
    assert large == small, f"{small} queries with 2 items, {large} with 10"


def test_it_links_each_item_to_its_place_in_the_feed(client):
    from newsdesk.livefeed.views import FEED_PAGE_SIZE

    items = [post(f"Update number {n}") for n in range(FEED_PAGE_SIZE + 2)]
    response = client.get(items[-1].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"/news-feed/#feed-item-{items[-1].pk}"
    oldest = client.get(items[0].get_absolute_url())
    assert oldest["Location"] == f"/news-feed/?page=2#feed-item-{items[0].pk}"
    assert client.get("/news-feed/999999/").status_code == 404
