"""Posting, correcting and removing feed items: one path for the admin, scripts and the demo."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.livefeed.actions import (
    CorrectFeedItem,
    PostFeedItem,
    RemoveFeedItem,
    can_publish,
)
from newsdesk.livefeed.models import FeedItem


def post_item(
    *,
    text,
    author=None,
    article=None,
    section=None,
    image=None,
    pinned=False,
    published_at=None,
    trusted=False,
    locale=None,
):
    """Post an item (dated `published_at`, for imports); open pages receive it once published.

    `author` None means a trusted script; otherwise the author's permissions are checked, and
    an author who may not publish leaves the item held for an editor. `trusted`: the caller
    (the demo loader) publishes in the author's name whatever the author may do. Raises
    ValidationError for bad text and PermissionDenied for a pin the author may not make.
    """
    item = FeedItem(
        text=text,
        author=author,
        article=article,
        section=section or (article.section if article else None),
        image=image,
        pinned=pinned,
        published_at=published_at or timezone.now(),
        # The edition of the linked article, or the one named, or the default one.
        locale=locale or (article.locale if article else Locale.get_default()),
    )
    action = PostFeedItem(item, user=author, publish=trusted or can_publish(author))
    action.execute(skip_permission_checks=trusted)
    return FeedItem.objects.get(pk=item.pk)


def correct_item(*, item, user=None, trusted=False, **changes):
    """Change an item's fields; a change to what readers read shows it as "Updated". From
    someone who may not publish, the change waits as a draft for an editor (see post_item
    for `trusted`)."""
    for name, value in changes.items():
        setattr(item, name, value)
    action = CorrectFeedItem(item, user=user, publish=trusted or can_publish(user))
    action.execute(skip_permission_checks=trusted)
    return FeedItem.objects.get(pk=item.pk)


def publish_item(*, item, user=None):
    """Publish an item's latest version, held or corrected: open pages receive it."""
    if not can_publish(user):
        raise PermissionDenied("Only editors can publish updates.")
    item.date_publication()
    if item.first_published_at is None:
        item.save()  # still held: only its date changes, which the revision below takes up
    revision = item.get_latest_revision() or item.save_revision(user=user)
    revision.publish(user=user)
    return FeedItem.objects.get(pk=item.pk)


def remove_item(*, item, user=None):
    return RemoveFeedItem(item, user=user).execute()
