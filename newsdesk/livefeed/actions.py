"""What posting, correcting and removing a feed item mean, for Wagtail's snippet views and ours.

Registered with Wagtail's action registry (see wagtail_hooks.py), so the admin's create, edit and
delete views run them too. The row's cursor and pushed fragment are kept by `FeedItem.save()`.
Publishing is Wagtail's draft state: an item or a correction saved without `publish` waits for
someone with the publish permission.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.actions.create import CreateAction, CreatePermissionError
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction, EditPermissionError
from wagtail.log_actions import log

PIN_PERMISSION = "livefeed.pin_feeditem"
PIN_REFUSED = "Only editors can pin updates."
PUBLISH_PERMISSION = "livefeed.publish_feeditem"


def can_pin(user):
    # No user means a trusted script on the server (manage.py feed_post).
    return user is None or user.has_perm(PIN_PERMISSION)


def can_publish(user):
    return user is None or user.has_perm(PUBLISH_PERMISSION)


class PostFeedItem(CreateAction):
    def execute(self, skip_permission_checks=False):
        # Checked even when the view has checked "add": pinning is a separate right.
        if self.instance.pinned and not can_pin(self.user):
            raise CreatePermissionError(PIN_REFUSED)
        return super().execute(skip_permission_checks=skip_permission_checks)


class CorrectFeedItem(EditAction):
    def execute(self, skip_permission_checks=False):
        stored = type(self.instance).objects.get(pk=self.instance.pk)
        if self.instance.pinned != stored.pinned and not can_pin(self.user):
            raise EditPermissionError(PIN_REFUSED)
        if self.publish:
            self.instance.date_publication()
        return super().execute(skip_permission_checks=skip_permission_checks)


class RemoveFeedItem(DeleteAction):
    """Take an item off the feed (and off every open page) but keep it and its revisions."""

    def __init__(self, instance, user=None, *, log_action="livefeed.remove"):
        super().__init__(instance, user=user, log_action=log_action)

    def _delete(self):
        with transaction.atomic():
            if self.log_action:
                log(instance=self.instance, action=self.log_action, user=self.user)
            self.instance.removed_at = timezone.now()
            self.instance.save()
        return self.instance
