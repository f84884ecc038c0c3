"""A query compiled once, run with other values: the same answers as the queryset it stands for."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, make_image
from newsdesk.serving.compiled import CompiledQuery

pytestmark = pytest.mark.django_db


def test_it_answers_as_the_queryset_does_for_each_value(section):
    first = make_article(section, title="First story", lead_image=make_image())
    second = make_article(section, title="Second story")
    for article in (first, second):
        with CaptureQueriesContext(connection) as queries:
            found = ArticlePage.reader_page(article.url_path)
            assert found.title == article.title
            assert found.lead_image_id == article.lead_image_id
            assert found.locale.language_code == "en"  # joined
            assert found.live_translations == f"en {article.url_path}"  # annotated
            if found.lead_image:
                assert found.lead_image.title  # joined
        assert len(queries) == 1
    assert ArticlePage.reader_page("/nowhere/") is None


def test_every_run_reads_the_database_afresh(section):
    article = make_article(section, title="Before")
    assert ArticlePage.reader_page(article.url_path).title == "Before"
    ArticlePage.objects.filter(pk=article.pk).update(title="After")
    assert ArticlePage.reader_page(article.url_path).title == "After"
    article.unpublish()
    assert ArticlePage.reader_page(article.url_path) is None  # live() is in the SQL


def test_the_value_must_be_one_parameter(section):
    both = CompiledQuery(lambda v: ArticlePage.objects.filter(title=v, slug=v))
    with pytest.raises(ValueError):
        both.first("x")


def test_the_front_page_row_with_its_editions(client, home):
    from newsdesk.frontpage.models import FRONT_PAGE

    found = FRONT_PAGE.first(home.pk)
    assert found.pk == home.pk
    assert found.live_translations == f"en {home.url_path}"
    assert FRONT_PAGE.first(home.pk + 1000) is None
    assert client.get("/").status_code == 200


def test_a_listing_answers_as_its_queryset_does_for_each_value(section, uk_section):
    english = [make_article(section, title=f"Story {n}") for n in range(3)]
    ukrainian = [make_article(uk_section, title=f"Новина {n}") for n in range(2)]
    listing = CompiledQuery(
        lambda locale_id: ArticlePage.objects.live().filter(locale_id=locale_id).order_by("pk"),
        placeholder=-1_999_999_999,
    )
    assert [a.title for a in listing.all(section.locale_id)] == [a.title for a in english]
    assert [a.title for a in listing.all(uk_section.locale_id)] == [a.title for a in ukrainian]
    english[0].unpublish()
    assert [a.pk for a in listing.all(section.locale_id)] == [a.pk for a in english[1:]]
    assert listing.first(uk_section.locale_id).pk == ukrainian[0].pk
