from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, make_author, make_image, make_section, paragraphs
from newsdesk.discovery.related import related_articles, related_ids, score

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_it_prefers_shared_tags_then_section_and_recency(home, section):
    world = make_section(home, "World")
    article = make_article(section, title="Grid repairs", tags=["energy", "kyiv"])
    two_tags = make_article(
        world, title="Two tags", tags=["energy", "kyiv"], display_date=days_ago(3)
    )
    one_tag_old = make_article(
        world, title="One tag, old", tags=["energy"], display_date=days_ago(200)
    )
    one_tag = make_article(world, title="One tag", tags=["kyiv"], display_date=days_ago(2))
    same_section = make_article(section, title="Same section", display_date=days_ago(1))
    make_article(world, title="Nothing shared", display_date=days_ago(1))
    make_article(section, title="Too old", tags=["energy", "kyiv"], display_date=days_ago(400))

    ids = related_ids(article, count=5)

    assert ids == [two_tags.pk, one_tag.pk, same_section.pk, one_tag_old.pk]


def test_it_weighs_recency_by_half_lives():
    assert score(1, False, timedelta(0)) == 2
    assert score(1, False, timedelta(days=30)) == pytest.approx(1)
    assert score(0, True, timedelta(days=0)) > score(1, False, timedelta(days=61))


def test_it_shows_related_stories_at_the_end_of_an_article(client, section):
    article = make_article(section, title="Grid repairs", tags=["energy"])
    related = make_article(section, title="Substation rebuilt", tags=["energy"])

    page = client.get(article.url).content.decode()

    assert "Related stories" in page
    block = page[page.index("Related stories") :]
    assert related.url in block[: block.index("</section>")]


def test_it_leaves_the_choice_to_the_editor(client, section):
    chosen = make_article(section, title="Chosen by the editor", tags=["energy"])
    make_article(section, title="Also about energy", tags=["energy"])
    article = make_article(
        section,
        title="With a card",
        tags=["energy"],
        body=[*paragraphs("Intro."), ("related_story", chosen)],
    )

    assert related_articles(article) == []
    assert "Related stories" not in client.get(article.url).content.decode()


def test_it_caches_the_choice_until_the_published_set_changes(
    section, django_capture_on_commit_callbacks
):
    article = make_article(section, title="Grid repairs", tags=["energy"])
    first = make_article(section, title="First", tags=["energy"])
    article = ArticlePage.objects.get(pk=article.pk)

    assert [a.pk for a in related_articles(article)] == [first.pk]
    with CaptureQueriesContext(connection) as queries:
        related_articles(article)
    assert not any("GROUP BY" in q["sql"] for q in queries.captured_queries)

    with django_capture_on_commit_callbacks(execute=True):
        second = make_article(section, title="Second", tags=["energy"])

    assert [a.pk for a in related_articles(article)] == [second.pk, first.pk]


def test_it_renders_an_article_in_constant_queries_however_many_related(
    client, section, django_capture_on_commit_callbacks, settings
):
    settings.PAGE_CACHE_ENABLED = False  # the page is rendered, not read from the page cache

    def page_queries(article):
        client.get(article.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)
        assert response.content.decode().count('class="card card--row"') == expected
        return len(queries)

    author = make_author("Related Writer")
    article = make_article(section, title="Grid repairs", tags=["energy"], lead_image=make_image())
    make_article(section, title="One", tags=["energy"], lead_image=make_image(), authors=[author])
    expected = 1
    small = page_queries(article)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            make_article(
                section,
                title=f"More {n}",
                tags=["energy"],
                lead_image=make_image(),
                authors=[make_author(f"Writer {n}")],
            )
    expected = 3
    large = page_queries(article)

    assert large == small, f"{small} queries with 1 related story, {large} with 3"
