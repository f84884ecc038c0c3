"""The demo newsroom's live feed: two days of updates, loaded once."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsdesk.conftest import use_task_backend
from newsdesk.livefeed.models import FeedItem

pytestmark = pytest.mark.django_db


def test_it_gives_the_demo_newsroom_two_days_of_updates_once(settings):
    use_task_backend(settings, "dummy")
    call_command("load_demo")
    items = FeedItem.objects.visible().in_edition("en")  # the Ukrainian edition has its own
    assert 35 <= items.count() <= 45
    oldest = items.order_by("published_at").first().published_at
    assert timezone.now() - timedelta(hours=49) < oldest < timezone.now() - timedelta(hours=40)
    assert items.filter(pinned=True).exists() and items.exclude(edited_at=None).exists()
    assert items.exclude(article=None).count() >= 15 and items.exclude(image=None).exists()
    assert items.exclude(author=None).count() == items.count()
    # Posted in time order, as a newsroom would have: cursors follow publication.
    assert list(items.order_by("cursor")) == list(items.order_by("published_at"))

    before = list(FeedItem.objects.values_list("pk", "cursor", "text"))
    call_command("load_demo")
    assert list(FeedItem.objects.values_list("pk", "cursor", "text")) == before
