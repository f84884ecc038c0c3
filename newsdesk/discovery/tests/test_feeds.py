import html
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from newsdesk.conftest import make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db

FEEDS = {
    "latest RSS": "/feeds/latest/",
    "latest Atom": "/feeds/latest/atom/",
    "section RSS": "/feeds/news/",
    "section Atom": "/feeds/news/atom/",
    "author RSS": "/feeds/authors/olena-marchuk/",
    "author Atom": "/feeds/authors/olena-marchuk/atom/",
}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')!r}"
    return feed


@pytest.fixture
def story(section, author):
    other = make_author("Taras Hnatyuk")
    return make_article(
        section,
        title="Kyiv restores power after overnight strikes",
        standfirst="Engineers reconnected most districts by morning & schools reopen <today>.",
        authors=[author, other],
        tags=["energy", "kyiv"],
        lead_image=make_image(caption="Repair crews at work.", photographer="Ivan Petrenko"),
    )


@pytest.mark.parametrize("name", FEEDS)
def test_it_serves_valid_feeds_with_full_entries(client, story, name):
    feed = parse(client, FEEDS[name])

    assert feed.version in {"rss20", "atom10"}
    (entry,) = feed.entries
    assert entry.title == story.title
    assert entry.link == f"http://127.0.0.1:8000{story.url}"
    assert html.unescape(entry.summary) == story.standfirst
    assert entry.id == f"tag:127.0.0.1,{story.first_published_at:%Y-%m-%d}:article-{story.pk}"
    assert entry.published_parsed[:5] == story.published_at.utctimetuple()[:5]
    assert [a.name for a in entry.authors] == ["Olena Marchuk", "Taras Hnatyuk"]
    assert {tag.term for tag in entry.tags} == {"News", "energy", "kyiv"}
    (media,) = entry.media_content
    assert media["medium"] == "image"
    assert (media["width"], media["height"]) == ("1200", "675")
    assert media["url"].startswith("http://127.0.0.1:8000/media/images/")


def test_it_gives_atom_entries_an_update_time_after_a_text_change(client, story):
    story.display_date = timezone.now() - timedelta(hours=2)
    story.save_revision().publish()
    story.refresh_from_db()
    story.standfirst = "A new summary."
    story.save_revision().publish()

    (entry,) = parse(client, "/feeds/latest/atom/").entries

    assert entry.summary == "A new summary."
    assert entry.updated_parsed > entry.published_parsed


def test_it_keeps_each_feed_to_its_own_articles(client, home, section, author):
    world = make_section(home, "World")
    mine = make_article(section, title="By Olena", authors=[author])
    abroad = make_article(world, title="From abroad")

    assert [e.title for e in parse(client, "/feeds/world/").entries] == [abroad.title]
    assert [e.title for e in parse(client, "/feeds/authors/olena-marchuk/").entries] == [mine.title]
    assert {e.title for e in parse(client, "/feeds/latest/").entries} == {
        mine.title,
        abroad.title,
    }


def test_it_lists_the_newest_thirty(client, section):
    now = timezone.now()
    for n in range(32):
        make_article(section, title=f"Story {n}", display_date=now - timedelta(hours=n))

    titles = [e.title for e in parse(client, "/feeds/latest/").entries]

    assert titles == [f"Story {n}" for n in range(30)]


def test_it_drops_an_unpublished_article(client, story, django_capture_on_commit_callbacks):
    for url in FEEDS.values():
        assert len(parse(client, url).entries) == 1

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    for url in FEEDS.values():
        assert parse(client, url).entries == []


def test_it_answers_unknown_sections_and_authors_with_404(client, db):
    assert client.get("/feeds/nowhere/").status_code == 404
    assert client.get("/feeds/nowhere/atom/").status_code == 404
    assert client.get("/feeds/authors/nobody/").status_code == 404


def test_it_offers_feeds_for_autodiscovery(client, story, author):
    home = client.get("/").content.decode()
    section = client.get("/news/").content.decode()
    profile = client.get(author.get_absolute_url()).content.decode()

    assert 'type="application/rss+xml" title="The Meridian Ledger: Latest news (RSS)"' in home
    assert 'href="/feeds/latest/atom/"' in home
    assert 'href="/feeds/news/"' in section and 'href="/feeds/news/atom/"' in section
    assert 'href="/feeds/authors/olena-marchuk/"' in profile
    assert 'href="/feeds/latest/">RSS feed</a>' in home
