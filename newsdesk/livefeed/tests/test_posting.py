"""Posting, correcting and removing items through the services the admin and scripts share."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from newsdesk.livefeed import services
from newsdesk.livefeed.models import FeedItem

pytestmark = pytest.mark.django_db


def test_it_posts_an_item_with_a_revision_and_the_next_cursor(editor, article_factory):
    article = article_factory(title="Power restored on the left bank")
    first = services.post_item(text="<p>First</p>", author=editor)
    second = services.post_item(text="<p>With a <b>link</b></p>", author=editor, article=article)
    assert second.cursor == first.cursor + 1
    assert second.revisions.count() == 1 and second.latest_revision.user == editor
    assert second.section == article.section  # the article's section, unless one is chosen
    assert f'id="feed-item-{second.pk}"' in second.fragment
    assert "Power restored on the left bank" in second.fragment


def test_it_marks_a_corrected_item_updated_but_not_a_newly_pinned_one(editor):
    item = services.post_item(text="<p>Three drones shot down</p>", author=editor)
    cursor = item.cursor

    services.correct_item(item=item, user=editor, pinned=True)
    item.refresh_from_db()
    assert item.pinned and item.edited_at is None and item.cursor > cursor

    services.correct_item(item=item, user=editor, text="<p>Four drones shot down</p>")
    item.refresh_from_db()
    assert item.edited_at is not None
    assert "Updated" in item.fragment and "Four drones" in item.fragment
    assert item.revisions.count() == 3


def test_it_removes_an_item_from_readers_but_keeps_it_and_its_revisions(editor):
    item = services.post_item(text="<p>Posted by mistake</p>", author=editor)
    cursor = item.cursor
    services.remove_item(item=item, user=editor)
    item.refresh_from_db()
    assert item.is_removed and item.cursor > cursor
    assert not FeedItem.objects.visible().exists()
    assert item.revisions.count() == 1


def test_it_lets_only_editors_pin(reporter, editor):
    with pytest.raises(PermissionDenied, match="Only editors can pin"):
        services.post_item(text="<p>Pinned by a reporter</p>", author=reporter, pinned=True)
    item = services.post_item(text="<p>Posted by a reporter</p>", author=reporter)
    with pytest.raises(PermissionDenied, match="Only editors can pin"):
        services.correct_item(item=item, user=reporter, pinned=True)
    services.correct_item(item=item, user=editor, pinned=True)
    assert FeedItem.objects.get().pinned


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write the update"),
        ("<p>   </p>", "Write the update"),
        ("<p>" + "x" * 601 + "</p>", "this one has 601"),
    ],
)
def test_it_refuses_empty_or_over_long_text_and_saves_nothing(editor, text, message):
    with pytest.raises(ValidationError, match=message):
        services.post_item(text=text, author=editor)
    assert not FeedItem.objects.exists()


def test_it_counts_what_readers_read_not_the_markup(editor):
    text = '<p><a href="https://example.org/a-very-long-address">' + "x" * 600 + "</a></p>"
    assert services.post_item(text=text, author=editor).plain_text == "x" * 600
