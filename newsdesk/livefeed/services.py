"""Posting, correcting and removing feed items: one path for the admin, scripts and the demo."""

from django.utils import timezone

from newsdesk.livefeed.actions import CorrectFeedItem, PostFeedItem, RemoveFeedItem
from newsdesk.livefeed.models import FeedItem


def post_item(
    *, text, author=None, article=None, section=None, image=None, pinned=False, published_at=None
):
    """Publish an item now (or at `published_at`, for imports); open pages receive it.

    `author` None means a trusted script; otherwise the author's permissions are checked.
    Raises ValidationError for bad text and PermissionDenied for a pin the author may not make.
    """
    item = FeedItem(
        text=text,
        author=author,
        article=article,
        section=section or (article.section if article else None),
        image=image,
        pinned=pinned,
        published_at=published_at or timezone.now(),
    )
    return PostFeedItem(item, user=author).execute()


def correct_item(*, item, user=None, **changes):
    """Change an item's fields; a change to what readers read shows it as "Updated"."""
    for name, value in changes.items():
        setattr(item, name, value)
    return CorrectFeedItem(item, user=user).execute()


def remove_item(*, item, user=None):
    return RemoveFeedItem(item, user=user).execute()
