"""Updates from staff who may not publish (Reporters, by default) wait for an editor.

Publishing is a permission of the group (`livefeed.publish_feeditem`, Editors'): a held update
is on no reader's page, feed, sidebar or stream until an editor publishes it, in one click from
the news feed page; it then reaches the streams that are open.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from newsdesk.livefeed import services
from newsdesk.livefeed.forms import contentstate_from_plain_text
from newsdesk.livefeed.models import FeedItem
from newsdesk.livefeed.tests.helpers import EventStream
from newsdesk.testing import web_server

QUICK_POST = "/admin/news-feed/"


def quick_post(client, text):
    return client.post(QUICK_POST, {"text": contentstate_from_plain_text(text)}, follow=True)


def public_pages(client):
    """Everything a reader can see the feed on, as one text."""
    pages = ["/", "/news-feed/", "/news-feed/rss/", "/search/?q=substation"]
    return "".join(client.get(url).content.decode() for url in pages)


@pytest.mark.django_db
def test_only_editors_may_publish_by_default():
    editors = Group.objects.get(name="Editors").permissions
    reporters = Group.objects.get(name="Reporters").permissions
    assert editors.filter(codename="publish_feeditem").exists()
    assert not reporters.filter(codename="publish_feeditem").exists()


@pytest.mark.django_db
def test_a_reporters_update_waits_for_an_editor_then_goes_out_dated_then(
    client, reporter, editor, home
):
    services.post_item(text="<p>Earlier update</p>", author=editor)
    cursor = FeedItem.objects.current_cursor()
    client.force_login(reporter)
    page = quick_post(client, "Substation fire is out")
    assert "Sent to the editors" in page.content.decode()
    assert "An editor publishes your update" in page.content.decode()
    item = FeedItem.objects.get(text__contains="Substation")
    assert not item.live and item.cursor is None and item.fragment == ""
    assert FeedItem.objects.current_cursor() == cursor  # no stream moves on

    reader = type(client)()
    assert "Substation fire" not in public_pages(reader)
    assert reader.get(f"/news-feed/{item.pk}/").status_code == 404

    client.force_login(editor)
    waiting = client.get(QUICK_POST).content.decode()
    assert "Waiting for an editor" in waiting and "Substation fire is out" in waiting
    publish = reverse("livefeed_admin:publish", args=[item.pk])
    assert publish in waiting
    before = timezone.now()
    done = client.post(publish, follow=True).content.decode()
    assert "Published: “Substation fire is out”" in done
    item.refresh_from_db()
    assert item.live and item.cursor == cursor + 1 and item.published_at >= before
    assert item.author == reporter
    assert "Substation fire is out" in public_pages(reader)
    assert "Waiting for an editor" not in client.get(QUICK_POST).content.decode()


@pytest.mark.django_db
def test_a_reporters_correction_waits_while_the_published_text_stays(
    client, reporter, editor, home
):
    item = services.post_item(text="<p>Two substations damaged</p>", author=editor)
    cursor = item.cursor
    held = services.correct_item(item=item, user=reporter, text="<p>Three substations damaged</p>")
    assert held.plain_text == "Two substations damaged" and held.cursor == cursor
    reader = type(client)()
    assert "Three substations" not in public_pages(reader)

    client.force_login(editor)
    waiting = client.get(QUICK_POST).content.decode()
    assert "Correction · </strong>Three substations damaged" in waiting
    client.post(reverse("livefeed_admin:publish", args=[item.pk]))
    item.refresh_from_db()
    assert item.plain_text == "Three substations damaged" and item.edited_at is not None
    assert item.cursor > cursor and "Three substations" in public_pages(reader)


@pytest.mark.django_db
def test_reporters_cannot_publish_nor_change_what_is_published(client, reporter, editor):
    held = services.post_item(text="<p>Held</p>", author=reporter)
    client.force_login(reporter)
    page = client.get(QUICK_POST).content.decode()
    assert "Held" in page and reverse("livefeed_admin:publish", args=[held.pk]) not in page
    response = client.post(reverse("livefeed_admin:publish", args=[held.pk]))
    assert response.status_code in (302, 403)
    # The snippet editor offers them a draft, and refuses a publish they ask for anyway.
    url = reverse("wagtailsnippets_livefeed_feeditem:edit", args=[held.pk])
    text = contentstate_from_plain_text("Published anyway")
    client.post(url, {"text": text, "action-publish": "publish"})
    held.refresh_from_db()
    assert not held.live and held.cursor is None


@pytest.mark.django_db
def test_a_group_given_the_permission_publishes_at_once(client, reporter, home):
    Group.objects.get(name="Reporters").permissions.add(
        Permission.objects.get(codename="publish_feeditem")
    )
    client.force_login(reporter)
    page = quick_post(client, "Substation back online").content.decode()
    assert "Posted: " in page
    assert "Substation back online" in public_pages(type(client)())


@pytest.mark.django_db
def test_feed_post_as_a_reporter_holds_the_update(reporter):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("feed_post", "Substation inspected", user="reporter", stdout=out)
    assert "waits for an editor" in out.getvalue()
    assert not FeedItem.objects.get().live


@pytest.mark.django_db
def test_unpublishing_takes_the_update_off_like_a_removal(client, editor):
    item = services.post_item(text="<p>Posted too soon</p>", author=editor)
    cursor = item.cursor
    client.force_login(editor)
    url = reverse("wagtailsnippets_livefeed_feeditem:unpublish", args=[item.pk])
    client.post(url)
    item.refresh_from_db()
    assert item.is_removed and item.cursor > cursor and not item.live
    assert "Posted too soon" not in type(client)().get("/news-feed/").content.decode()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_held_update_reaches_open_streams_when_it_is_published(django_user_model):
    from newsdesk.conftest import make_user

    reporter = make_user(django_user_model, "reporter", "Reporters")
    editor = make_user(django_user_model, "editor", "Editors")
    fast = {"LIVEFEED_POLL_SECONDS": "0.2", "LIVEFEED_KEEPALIVE_SECONDS": "1"}
    with web_server(env=fast) as url, EventStream(url) as stream:
        stream.wait_for_comment("connected")
        held = services.post_item(text="<p>Held for review</p>", author=reporter)
        published = services.post_item(text="<p>Published at once</p>", author=editor)
        event = stream.next_event()
        assert event.item_id == f"feed-item-{published.pk}"
        assert stream.next_event(timeout=1) is None  # nothing of the held one

        held = services.publish_item(item=held, user=editor)
        event = stream.next_event()
        assert event.event == "item" and event.item_id == f"feed-item-{held.pk}"
        assert int(event.id) == held.cursor > published.cursor
        assert "Held for review" in event.data

    # A browser that reconnects from before it gets both, in order.
    with web_server(env=fast) as url, EventStream(url, last_event_id=0) as stream:
        ids = [stream.next_event().item_id for _ in range(2)]
        assert ids == [f"feed-item-{published.pk}", f"feed-item-{held.pk}"]
