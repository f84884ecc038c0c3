import re

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from newsdesk.articles.tests.test_query_counts import card_article, count_queries
from newsdesk.frontpage.models import MORE_NEWS_COUNT

pytestmark = pytest.mark.django_db


def test_it_renders_the_front_page_in_constant_queries(client, home, section):
    def curate(n):
        articles = [card_article(section) for _ in range(n)]
        home.lead_story = articles[0]
        home.featured_article = articles[1]
        home.top_stories.set([home.top_stories.model(article=a) for a in articles[2:6]])
        home.picks.set([home.picks.model(article=a) for a in articles[6 : 6 + n // 3]])
        home.save_revision().publish()

    for _ in range(MORE_NEWS_COUNT + 1):
        card_article(section)
    curate(9)
    small = count_queries(client, "/")
    curate(18)
    large = count_queries(client, "/")
    assert large == small, f"{small} queries with 9 articles, {large} with 18"


def test_it_dates_the_lead_story_as_articles_are_dated(client, home, section):
    lead = card_article(section)  # published a moment ago: today
    home.lead_story = lead
    home.save_revision().publish()

    html = client.get("/").content.decode()
    story = re.search(r'<article class="lead-story".*?</article>', html, re.S).group(0)
    local = timezone.localtime(lead.first_published_at)
    # Absolute, as on the article page: a clock time alone says nothing a day later.
    full = date_format(local, "M j, Y g:i A")
    assert f'<time datetime="{local.isoformat()}">{full}</time>' in story
