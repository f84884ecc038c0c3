"""The demo newsroom has its three newsletters, readers to send to and a draft to try."""

import io

import pytest

from newsdesk.conftest import make_author
from newsdesk.demo import content
from newsdesk.demo import newsletters as demo_newsletters
from newsdesk.newsletters.models import Issue, Newsletter, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Newsletter.objects.values_list("pk", "name", "host")),
        list(Subscription.objects.values_list("pk", "status")),
        list(Issue.objects.values_list("pk", "subject")),
    )


def test_it_loads_the_newsletters_readers_and_a_draft_once(client, article_factory):
    for author in content.AUTHORS:
        make_author(author["name"])
    articles = [article_factory(title=f"Demo story {n}") for n in range(6)]
    assert demo_newsletters.load(io.StringIO()) > 0
    newsletters = list(Newsletter.objects.all())
    assert [n.slug for n in newsletters] == [spec["slug"] for spec in content.NEWSLETTERS]
    assert Newsletter.objects.get(slug="the-explainer").host.slug == "andriy-lysenko"
    assert Newsletter.objects.get(slug="morning-brief").host is None
    assert Subscription.objects.filter(status="confirmed").count() >= 5
    assert Subscriber.objects.filter(email="kateryna@bücher.example").exists()
    [draft] = Issue.objects.all()
    assert draft.status == "draft" and draft.latest_count == 5
    assert len(draft.get_articles()) == 5

    before = snapshot()
    assert demo_newsletters.load(io.StringIO()) == 0
    assert snapshot() == before

    html = client.get(articles[0].url).content.decode()
    # Sidebar, end of article and footer each have a form, with ids of their own.
    assert html.count("data-newsletter-form") == 3
    for prefix in ("nl-side", "nl-end", "nl-footer"):
        assert html.count(f'id="{prefix}-email"') == 1
    assert html.count("js/site.js") == 1  # one script for every form and feature
    front = client.get("/").content.decode()
    assert front.count("data-newsletter-form") == 2  # the band after "More news", the footer
    assert "Letter from Brussels" in front


def test_it_leaves_a_newsrooms_own_newsletter_alone(article_factory):
    own = Newsletter.objects.create(slug="morning-brief", name="Our own morning letter")
    demo_newsletters.load(io.StringIO())
    own.refresh_from_db()
    assert own.name == "Our own morning letter"
