"""Reader pages run a fixed number of queries, however many authors, tags, cards or articles."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.conftest import make_article, make_author, make_image, paragraphs
from newsdesk.serving.versions import content_version_key, path_version_key, renew_versions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Counted here is rendering; a page served from the page cache runs no query at all.
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url, *, fragments="cold"):
    """Queries of one request for `url`, with every cache empty ("cold": fragments, versions,
    navigation, renditions, as after a restart of the cache), with everything cached under the
    shared versions out of date ("published": the first reader after a publication, a feed
    post and a change of the site's chrome; bench/render.py's "cold") or with the fragments
    filled ("warm": every later reader when the page cache is off)."""
    client.get(url)  # Wagtail's site and rendition rows exist, as on a running server
    if fragments == "cold":
        for cache in caches.all():
            cache.clear()
    elif fragments == "published":
        renew_versions(
            [
                path_version_key(url),
                *(content_version_key(n) for n in ("articles", "feed", "chrome")),
            ]
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def card_article(section, **fields):
    """An article as listings show it: with a photo and an author."""
    return make_article(
        section,
        lead_image=make_image(),
        authors=[make_author(f"Byline {make_image().pk}")],
        **fields,
    )


def add_newsletters(n):
    from newsdesk.newsletters.models import Newsletter

    start = Newsletter.objects.count()
    for i in range(start, start + n):
        Newsletter.objects.create(slug=f"letter-{i}", name=f"Letter {i}")


def rich_article(section, n):
    add_newsletters(n)  # the sign-up boxes offer each
    authors = [make_author(f"Writer {n} {i}") for i in range(n)]
    related = [card_article(section, title=f"Related {n} {i}") for i in range(n)]
    for _ in range(6):
        card_article(section)
    body = paragraphs("Intro.")
    for story in related:
        body += [("related_story", story), ("image", {"image": make_image(), "caption": ""})]
    return make_article(
        section,
        authors=authors,
        tags=[f"tag-{n}-{i}" for i in range(n)],
        lead_image=make_image(),
        corrections=[f"Correction {i}" for i in range(n)],
        body=body,
    )


def test_it_renders_an_article_in_constant_queries(client, section):
    small = count_queries(client, rich_article(section, 1).url)
    large = count_queries(client, rich_article(section, 5).url)
    assert large == small, f"{small} queries with 1 of each, {large} with 5"
    # The article's row (with its locale, narration and editions); bylines, tags, corrections,
    # the cards in its body and the renditions of its photos; the sections; newsletters, the
    # feed and its photos; "More news" and its photos; the editors' picks and theirs; the site
    # (the versions were lost with the cache) and every edition's front page and root path
    # (newsdesk.serving.sites); the newsroom's settings and the support prompts' texts;
    # whether any page is restricted.
    assert large <= 24
    # The first reader after a publication: the sections and the site are known, the photos'
    # renditions cached (bench/render.py's "cold").
    published = count_queries(client, rich_article(section, 3).url, fragments="published")
    # With the support prompts' texts, read again with the chrome. Two more than the demo's
    # article in bench/render.py (12): the body's pictures and cards.
    assert published <= 14
    # Every later reader: the article's fragments come from the cache.
    # With its fragments cached, only the article's row: the site and its root page, from which
    # routing starts, are known to the process.
    assert count_queries(client, rich_article(section, 2).url, fragments="warm") == 1


@pytest.mark.parametrize("kind", ["section", "author", "tag"])
def test_it_renders_listings_in_constant_queries(client, section, kind):
    author = make_author("Listed Writer")

    def add(n):
        for _ in range(n):
            make_article(section, authors=[author], tags=["grid"], lead_image=make_image())

    url = {"section": "/news/", "author": "/authors/listed-writer/", "tag": "/tags/grid/"}[kind]
    add(2)
    small = count_queries(client, url)
    add(6)
    large = count_queries(client, url)
    assert large == small, f"{small} queries with 2 articles, {large} with 8"


def test_it_renders_the_front_page_in_constant_queries(client, home, section):
    from newsdesk.frontpage.models import EditorsPick, TopStory

    def curate(n):
        add_newsletters(n)
        stories = [card_article(section) for _ in range(n)]
        for _ in range(n):  # and as many for "More news"
            card_article(section)
        home.lead_story = stories[0]
        home.featured_article = stories[-1]
        home.top_stories.set([TopStory(article=story) for story in stories[:n]])
        home.picks.set([EditorsPick(article=story) for story in stories[:n]])
        home.save_revision().publish()

    curate(2)
    small = count_queries(client, "/")
    curate(6)
    large = count_queries(client, "/")
    assert large == small, f"{small} queries with 2 stories, {large} with 6"
    # Its row; each list once (lead and featured, top stories, picks, the latest), then the
    # sections and the photos of all of them; the feed; newsletters; settings; the support
    # prompts' texts; the site and every edition's front page and root path; whether any page is
    # restricted.
    assert large <= 21
    assert count_queries(client, "/", fragments="published") <= 11  # with the prompts' texts
    assert count_queries(client, "/", fragments="warm") == 1  # the front page's own row


@pytest.mark.parametrize(
    "url", ["/news-feed/", "/search/?q=story", "/authors/", "/newsletters/", "/feeds/latest/"]
)
def test_it_renders_the_other_reader_pages_in_constant_queries(client, section, url):
    from newsdesk.livefeed.services import post_item
    from newsdesk.newsletters.models import Newsletter

    def add(n):
        for i in range(n):
            author = make_author(f"Reporter {make_image().pk}")
            make_article(section, title=f"A story {i}", authors=[author], lead_image=make_image())
            post_item(text=f"<p>Update {i}</p>", section=section)
            Newsletter.objects.create(slug=f"letter-{author.pk}", name=f"Letter {author.pk}")

    add(2)
    small = count_queries(client, url)
    add(6)
    large = count_queries(client, url)
    assert large == small, f"{url}: {small} queries with 2 of each, {large} with 8"
