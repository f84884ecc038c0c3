"""The search page, through the real search backend of the database under test."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.conftest import make_article, make_author, make_section, paragraphs
from newsdesk.discovery.highlight import highlight, snippet, term_pattern
from newsdesk.discovery.search import parse_query, search_articles

pytestmark = pytest.mark.django_db

RESULT_LINK = re.compile(r'class="search-hit__headline"><a href="([^"]+)"')


def result_urls(response):
    assert response.status_code == 200
    return RESULT_LINK.findall(response.content.decode())


def search(client, q, **params):
    return client.get("/search/", {"q": q, **params})


def test_it_finds_an_article_by_a_body_phrase(client, article_factory):
    wanted = article_factory(
        title="Port workers return",
        body=paragraphs("Nothing here.", "At dawn the night shift unloads barley from lorries."),
    )
    article_factory(title="Unrelated", body=paragraphs("Barley prices and other shifts."))

    assert result_urls(search(client, "night shift unloads barley")) == [wanted.url]
    assert result_urls(search(client, '"unloads barley"')) == [wanted.url]
    assert result_urls(search(client, '"barley unloads"')) == []


def test_it_ranks_a_headline_match_first(client, article_factory):
    in_body = article_factory(
        title="A day at the port",
        body=paragraphs(*["The corridor was busy. The corridor stayed open."] * 4),
    )
    in_standfirst = article_factory(
        title="Ships keep sailing",
        standfirst="Insurers watch the corridor closely.",
        body=paragraphs("Nothing to report."),
    )
    in_headline = article_factory(
        title="Black Sea corridor reopens after a week",
        body=paragraphs("Ships sail again."),
    )

    urls = result_urls(search(client, "corridor"))

    assert urls[0] == in_headline.url
    assert set(urls) == {in_headline.url, in_standfirst.url, in_body.url}
    if connection.vendor == "postgresql":
        # SQLite's index keeps the standfirst with the body; PostgreSQL weighs it on its own.
        assert urls == [in_headline.url, in_standfirst.url, in_body.url]


def test_it_marks_the_readers_words_and_escapes_the_text(client, article_factory):
    article_factory(
        title="Power <b>crews</b> at work",
        standfirst="Crews restored power to 90% of homes & offices.",
        body=paragraphs("Nothing else."),
    )

    page = search(client, "power crews").content.decode()

    assert "<mark>Power</mark> &lt;b&gt;<mark>crews</mark>&lt;/b&gt; at work" in page
    assert "<mark>Crews</mark> restored <mark>power</mark> to 90% of homes &amp; offices." in page


def test_it_marks_other_forms_of_a_word_as_the_stemmer_matches_them():
    pattern = term_pattern(["restore", "cities"])

    marked = highlight("Restoring power restored to the city; a restaurant opens.", pattern)

    assert marked == (
        "<mark>Restoring</mark> power <mark>restored</mark> to the <mark>city</mark>; "
        "a restaurant opens."
    )


def test_it_cuts_a_snippet_around_the_best_passage():
    pattern = term_pattern(["barley", "lorry"])
    passages = ["The standfirst mentions barley.", "x " * 100 + "lorry with barley " + "y " * 100]

    text = snippet(passages, pattern, length=120)

    assert text.startswith("…") and text.endswith("…")
    assert "<mark>lorry</mark> with <mark>barley</mark>" in text
    assert len(text.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_it_filters_by_section_and_date_range(client, home, section):
    world = make_section(home, "World")
    now = timezone.now()
    old_news = make_article(section, title="Harbour news", display_date=now - timedelta(days=40))
    new_news = make_article(section, title="Harbour update", display_date=now - timedelta(days=2))
    world_news = make_article(world, title="Harbour abroad", display_date=now - timedelta(days=2))

    assert set(result_urls(search(client, "harbour"))) == {
        old_news.url,
        new_news.url,
        world_news.url,
    }
    assert set(result_urls(search(client, "harbour", section="world"))) == {world_news.url}
    recent = {"start": (now - timedelta(days=7)).date().isoformat()}
    assert set(result_urls(search(client, "harbour", **recent))) == {new_news.url, world_news.url}
    until = {"end": (now - timedelta(days=30)).date().isoformat()}
    assert result_urls(search(client, "harbour", **until)) == [old_news.url]
    both = {**recent, "section": "news"}
    assert result_urls(search(client, "harbour", **both)) == [new_news.url]


def test_it_orders_by_date_on_request(client, section):
    now = timezone.now()
    older = make_article(section, title="Kherson ferry", display_date=now - timedelta(days=3))
    newer = make_article(
        section,
        title="Ferry",
        body=paragraphs("Kherson ferry news."),
        display_date=now - timedelta(days=1),
    )

    assert result_urls(search(client, "kherson ferry")) == [older.url, newer.url]
    assert result_urls(search(client, "kherson ferry", sort="newest")) == [newer.url, older.url]


def test_it_paginates_and_keeps_the_query_and_filters(client, section):
    for n in range(12):
        make_article(section, title=f"Bridge repair {n}")

    first = search(client, "bridge", section="news")
    second = search(client, "bridge", section="news", page=2)

    assert len(result_urls(first)) == 10
    assert len(result_urls(second)) == 2
    assert set(result_urls(first)).isdisjoint(result_urls(second))
    assert 'href="?page=2&amp;q=bridge&amp;section=news"' in first.content.decode()
    assert "12 articles for “bridge” in News" in first.content.decode()


def test_it_lists_the_newest_first_when_most_articles_match(client, section, monkeypatch):
    monkeypatch.setattr("newsdesk.discovery.search.RANKED_LIMIT", 3)
    monkeypatch.setattr("newsdesk.discovery.views.RESULTS_PER_PAGE", 2)
    now = timezone.now()
    newest = [
        make_article(section, title=f"Story {n}", body=paragraphs("Energy prices rose."),
                     display_date=now - timedelta(days=n))
        for n in range(5)
    ]  # fmt: skip
    oldest = make_article(section, title="Energy news", display_date=now - timedelta(days=9))

    first = search(client, "energy")
    third = search(client, "energy", page=3)
    beyond = search(client, "energy", page=4)

    assert "Many articles match “energy”: the newest come first." in first.content.decode()
    assert result_urls(first) == [newest[0].url, newest[1].url]
    assert 'rel="next" href="?page=2&amp;q=energy"' in first.content.decode()
    assert result_urls(third) == [newest[4].url, oldest.url]
    assert 'rel="next"' not in third.content.decode()
    assert result_urls(beyond) == [newest[0].url, newest[1].url]


def test_it_shows_matching_journalists(client, article_factory):
    author = make_author("Iryna Sobko", role="Kharkiv correspondent")
    article_factory(title="Kharkiv schools", authors=[author])

    page = search(client, "Sobko").content.decode()

    assert f'<a class="search-people__name" href="{author.get_absolute_url()}">Iryna Sobko</a>' in (
        page
    )
    assert "Kharkiv correspondent" in page


def test_it_shows_matching_live_feed_items(client, section):
    """Live feed items are searched through the source the livefeed app registers."""
    from newsdesk.livefeed.models import FeedItem

    item = FeedItem.objects.create(
        text="<p>Air raid alert lifted in <b>Zaporizhzhia</b> oblast.</p>",
        published_at=timezone.now() - timedelta(minutes=5),
    )
    FeedItem.objects.create(text="<p>Trains run on time.</p>", published_at=timezone.now())

    page = search(client, "zaporizhzhia").content.decode()

    assert "From the live feed" in page
    assert f'href="{item.get_absolute_url()}"' in page
    assert "alert lifted in <mark>Zaporizhzhia</mark> oblast." in page
    assert "Trains run on time" not in page


def test_it_drops_an_unpublished_article_at_once(
    client, article_factory, django_capture_on_commit_callbacks
):
    article = article_factory(title="Dam inspection finds cracks")
    assert result_urls(search(client, "dam inspection")) == [article.url]

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert result_urls(search(client, "dam inspection")) == []


def test_it_forgets_a_deleted_article(client, article_factory, django_capture_on_commit_callbacks):
    from wagtail.search.models import IndexEntry

    article = article_factory(title="Ferry timetable changes")
    assert IndexEntry.objects.filter(object_id=str(article.pk)).exists()
    assert result_urls(search(client, "ferry timetable")) == [article.url]

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert not IndexEntry.objects.filter(object_id=str(article.pk)).exists()
    assert result_urls(search(client, "ferry timetable")) == []


def test_it_offers_sections_and_topics_before_a_search(client, article_factory):
    article_factory(title="Grid", tags=["energy", "kyiv"])
    article_factory(title="Grid two", tags=["energy"])

    page = client.get("/search/").content.decode()

    assert "Browse by section" in page
    assert page.index("#energy") < page.index("#kyiv")
    assert 'href="/tags/energy/"' in page
    assert "search-hit" not in page


def test_it_suggests_what_to_do_when_nothing_matches(client, article_factory):
    latest = article_factory(title="Latest story")

    page = search(client, "zzyzx", section="news").content.decode()

    assert "No articles match with these filters" in page
    assert 'href="/search/?q=zzyzx">Search all sections and dates</a>' in page
    assert "Latest stories" in page
    assert latest.url in page


BAD_INPUT = [
    {"q": ""},
    {"q": "   "},
    {"q": "x" * 5000},
    {"q": "energy " * 1000},
    {"q": "'; DROP TABLE wagtailcore_page; --"},
    {"q": '" OR 1=1 -- "'},
    {"q": "power NEAR/2 grid AND (kyiv OR -lviv) title:* ^2"},
    {"q": "\\ ' \" ( ) * : & | ! < > { }"},
    {"q": "Київ енергетика 電力 القدرة 🔌⚡️ Ωmega ǅ"},
    {"q": "e\u0301nergy \u202eevil\u202c \u200b\ufeff zero\x00byte"},
    {"q": "a" * 3000 + " b"},
    {"q": "energy", "page": "-1"},
    {"q": "energy", "page": "9999999999999999999999"},
    {"q": "energy", "page": "two"},
    {"q": "energy", "start": "2026-02-31"},
    {"q": "energy", "start": "0001-01-01", "end": "9999-12-31"},
    {"q": "energy", "start": "yesterday", "end": "🙂"},
    {"q": "energy", "start": "2026-05-01", "end": "2026-04-01"},
    {"q": "energy", "section": "no-such-section"},
    {"q": "energy", "sort": "random()"},
]


@pytest.mark.parametrize("params", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_it_answers_bad_input_with_a_normal_page(client, article_factory, params):
    article_factory(title="Energy")

    response = client.get("/search/", params)

    assert response.status_code == 200
    assert b"<h1>Search</h1>" in response.content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-02-31"}, "Enter a date as year-month-day, like 2026-03-04."),
        ({"start": "0001-01-01"}, "Choose a date between 1900 and 2100."),
        ({"start": "2026-05-01", "end": "2026-04-01"}, "The “to” date is before the “from” date."),
        ({"section": "nowhere"}, "There is no section by that name: showing all."),
    ],
)
def test_it_explains_a_bad_filter_and_searches_without_it(client, article_factory, params, message):
    article = article_factory(title="Energy prices", display_date=timezone.now())

    response = search(client, "energy", **params)

    assert message in response.content.decode()
    assert result_urls(response) == [article.url]


def test_it_says_when_a_long_query_was_shortened(client, article_factory):
    page = search(client, " ".join(f"word{n}" for n in range(30))).content.decode()

    assert "Long searches are shortened" in page


def test_it_keeps_only_words_from_a_query():
    query = parse_query('  "Grain  deal" power\x00 -- grid; DROP (x) "  ')

    assert query.phrases == [["Grain", "deal"]]
    assert query.words == ["power", "grid", "DROP", "x"]
    assert not parse_query("!!! ... 🙂 ---")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=st.text(max_size=300))
def test_it_searches_any_text_without_error(section, raw):
    query = parse_query(raw)
    if query:
        page = search_articles(query=query).page(1, 10)
        assert len(page.object_list) <= 10
