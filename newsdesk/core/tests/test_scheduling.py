"""Scheduled publishing, which every task worker runs at each heartbeat."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article
from newsdesk.core.scheduling import publish_due

pytestmark = pytest.mark.django_db


def scheduled(section, **fields):
    """An article whose publication (go_live_at) or withdrawal (expire_at) is an hour away."""
    article = make_article(section, publish="expire_at" in fields)
    for name, value in fields.items():
        setattr(article, name, value)
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def the_time_comes(article):
    """The hour passes, as far as the stored schedule can tell."""
    past = timezone.now() - timedelta(seconds=1)
    revision = article.scheduled_revision
    if revision is not None:
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
    ArticlePage.objects.filter(pk=article.pk, expire_at__isnull=False).update(expire_at=past)


def test_it_publishes_what_is_due_once_and_leaves_the_rest(section, client):
    in_an_hour = timezone.now() + timedelta(hours=1)
    due = scheduled(section, go_live_at=in_an_hour)
    later = scheduled(section, go_live_at=in_an_hour)
    assert publish_due() == 0
    assert not due.live and client.get(due.url).status_code == 404

    the_time_comes(due)
    assert publish_due() == 1
    assert publish_due() == 0
    assert ArticlePage.objects.get(pk=due.pk).live
    assert not ArticlePage.objects.get(pk=later.pk).live
    assert client.get(due.url).status_code == 200
    logged = PageLogEntry.objects.filter(page=due, action="wagtail.publish.scheduled")
    assert logged.count() == 1


def test_it_unpublishes_what_expired(section, client):
    article = scheduled(section, expire_at=timezone.now() + timedelta(hours=1))
    assert publish_due() == 0 and client.get(article.url).status_code == 200
    the_time_comes(article)
    assert publish_due() == 1
    assert publish_due() == 0
    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get(article.url).status_code == 404
