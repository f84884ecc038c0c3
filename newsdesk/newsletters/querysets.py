"""How newsletters, issues and deliveries are read and moved on: their querysets. Status
changes of an issue are conditional UPDATEs here, one place for each."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from newsdesk.core.editions import active_language


class NewsletterQuerySet(models.QuerySet):
    def active(self):
        """Newsletters readers can sign up for: active, and not only for members."""
        return self.filter(active=True, members_only=False)

    def in_edition(self, language=None):
        """Newsletters of one edition: the language served (newsdesk.core.editions) by default."""
        return self.filter(locale__language_code=language or active_language())


class IssueQuerySet(models.QuerySet):
    def with_progress(self):
        """Delivery counts by state, for listings, in the same query."""
        statuses = self.model._meta.get_field("deliveries").related_model.Status
        return self.annotate(
            **{
                f"{status.value}_count": Count("deliveries", filter=Q(deliveries__status=status))
                for status in statuses
            }
        )

    # Every change of an issue's `status` is one of these conditional UPDATEs: the admin, the
    # scheduled task and the senders never overwrite each other. Each returns the rows changed.

    def schedule(self, when):
        """Drafts and scheduled issues go out at `when`."""
        return self.filter(
            status__in=[self.model.Status.DRAFT, self.model.Status.SCHEDULED]
        ).update(status=self.model.Status.SCHEDULED, scheduled_at=when)

    def unschedule(self):
        return self.filter(status=self.model.Status.SCHEDULED).update(
            status=self.model.Status.DRAFT, scheduled_at=None
        )

    def start_sending(self, *, subject, html, text, now):
        """Scheduled issues start going out with this content, fixed for every subscriber."""
        return self.filter(status=self.model.Status.SCHEDULED).update(
            status=self.model.Status.SENDING,
            started_at=now,
            sent_subject=subject,
            sent_html=html,
            sent_text=text,
        )

    def mark_sent(self):
        return self.filter(status=self.model.Status.SENDING).update(
            status=self.model.Status.SENT, finished_at=timezone.now(), send_error=""
        )


class DeliveryQuerySet(models.QuerySet):
    def claimable(self, now=None):
        """Rows waiting to be sent (a deferred row once its retry time came), and rows whose
        claim ran out (their worker died).

        A claimed row always has a lease and a queued row has one only while it waits to be
        retried, so both cases are "unfinished, and no lease in the future"; said that way the
        condition is the "to do" index's own, which the database then reads in order.
        """
        now = now or timezone.now()
        return self.unfinished().filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))

    def unfinished(self):
        return self.filter(status__in=[self.model.Status.QUEUED, self.model.Status.CLAIMED])
