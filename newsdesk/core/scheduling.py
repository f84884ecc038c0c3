"""Scheduled publishing: what Wagtail's `publish_scheduled` command does, run by every task worker
at each heartbeat instead of by a cron job that a newsroom would have to set up.

Editors schedule a page with "Go live date" (and withdraw it with "Expiry date"); Wagtail only
records the schedule. Several workers may look at once, so each scheduled revision and each
expired page is claimed with a conditional UPDATE, in the transaction that publishes it: one
worker acts on it, and a worker that dies half-way leaves it to the next look.
"""

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

logger = logging.getLogger("newsdesk.scheduling")


def publish_due():
    """Publish the revisions whose time has come and unpublish the pages that expired; return
    how many were acted on."""
    now = timezone.now()  # Wagtail's publishing compares with the same clock
    changed = 0
    for page in Page.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"):
        with transaction.atomic():
            if Page.objects.filter(pk=page.pk, live=True, expired=False).update(expired=True):
                page.specific.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                changed += 1
    due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    for revision in due:
        with transaction.atomic():
            claimed = Revision.objects.filter(
                pk=revision.pk, approved_go_live_at=revision.approved_go_live_at
            ).update(approved_go_live_at=None)
            if claimed:
                revision.publish(log_action="wagtail.publish.scheduled")
                changed += 1
                logger.info("Published %s as scheduled", revision.object_str)
    return changed
