"""Reader pages run a fixed number of queries, however many authors, tags, cards or articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.conftest import make_article, make_author, make_image, paragraphs

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site and rendition caches, as a running server has them
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


def rich_article(section, n):
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
