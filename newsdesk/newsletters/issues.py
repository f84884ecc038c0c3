"""Sending newsletter issues: schedule, fix the content, create one delivery row per subscriber,
send in batches with several senders, watch for senders that died, report progress.

These return what is left to do (`Later`: a sender to start, a watch to come back) instead of
queueing it; `newsletters.tasks` queues it. `sending` holds the batch claims and the SMTP work.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from newsdesk.core.tasks import Later
from newsdesk.newsletters import addresses, composer, sending
from newsdesk.newsletters.models import Delivery, Issue, Subscriber, Subscription

logger = logging.getLogger(__name__)
Status = Subscription.Status


# Sending issues -----------------------------------------------------------------------------


class SendingError(Exception):
    """An issue that cannot be sent or scheduled as asked; the message says why."""


def send_test(*, issue, to):
    """The issue as it would go out now, to one address, marked as a test."""
    mail = composer.IssueMail.for_issue(issue, frozen=False, subject_prefix="[Test] ")
    message = mail.message_for(
        email_address=addresses.normalise(to),
        subscriber_id=0,
        url=composer.absolute(reverse("newsletters:index")),
    )
    return composer.send(message)


def schedule(*, issue, when, can_wait):
    """Send `issue` at `when` (now, if `when` is not in the future); returns the task that
    sends it. `can_wait`: whether the site's task backend can run a task later."""
    now = timezone.now()
    when = max(when, now)
    if when > now + timedelta(seconds=1) and not can_wait:
        raise SendingError("This site's task backend cannot run tasks later: send it now.")
    if not Issue.objects.filter(pk=issue.pk).schedule(when):
        raise SendingError("This issue is already being sent or has been sent.")
    issue.refresh_from_db()
    return [Later("send_issue", (issue.pk, when.isoformat()), run_after=when)]


def resume(*, issue):
    """One more sender for an issue that is sending, e.g. after its workers were lost."""
    if issue.status != Issue.Status.SENDING:
        raise SendingError(f"The issue is not being sent (it is {issue.get_status_display()}).")
    return [Later("deliver_issue", (issue.pk,))]


def cancel_schedule(*, issue):
    updated = Issue.objects.filter(pk=issue.pk).unschedule()
    issue.refresh_from_db()
    return bool(updated)


def create_deliveries(issue):
    """One queued row per confirmed, unsuppressed subscriber, in one statement."""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(Delivery._meta.db_table)} "
        "(issue_id, subscriber_id, status, claim, attempts, error) "
        "SELECT %s, s.id, %s, '', 0, '' "
        f"FROM {quote(Subscriber._meta.db_table)} s "
        f"INNER JOIN {quote(Subscription._meta.db_table)} sub ON sub.subscriber_id = s.id "
        "WHERE sub.newsletter_id = %s AND sub.status = %s AND s.suppressed = %s "
        "ORDER BY s.id "
        "ON CONFLICT (issue_id, subscriber_id) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [issue.pk, Delivery.Status.QUEUED, issue.newsletter_id, Status.CONFIRMED, False]
        )
        return cursor.rowcount


def start_sending(*, issue_id, scheduled_for=None):
    """Task body: fix the issue's content, create its delivery rows; returns what happened and
    what is left: the senders and the watch to start (or this task again, when early)."""
    now = timezone.now()
    with transaction.atomic():
        issue = (
            Issue.objects.select_for_update()
            .select_related("newsletter")
            .filter(pk=issue_id)
            .first()
        )
        if issue is None or issue.status != Issue.Status.SCHEDULED:
            return "not scheduled", []
        if scheduled_for and issue.scheduled_at.isoformat() != scheduled_for:
            return "rescheduled", []  # an earlier schedule's task; the current one has its own
        if issue.scheduled_at > now:
            return "early", [
                Later("send_issue", (issue.pk, scheduled_for), run_after=issue.scheduled_at)
            ]
        subject, html, text = composer.render_issue(issue)
        Issue.objects.filter(pk=issue.pk).start_sending(
            subject=subject, html=html, text=text, now=now
        )
        created = create_deliveries(issue)
    logger.info("issue %s: sending to %s subscribers", issue_id, created)
    if not created:
        finish_if_done(issue_id=issue_id)
    watch_at = now + timedelta(seconds=settings.NEWSLETTER_WATCH_SECONDS)
    senders = [Later("deliver_issue", (issue_id,))] * max(1, settings.NEWSLETTER_SENDERS)
    return "started", [*senders, Later("watch_issue", (issue_id,), run_after=watch_at)]


def finish_if_done(*, issue_id):
    sending.give_up_on_exhausted(issue_id)
    if Delivery.objects.unfinished().filter(issue_id=issue_id).exists():
        return False
    Issue.objects.filter(pk=issue_id).mark_sent()
    return True


def deliver(*, issue_id):
    """Task body: send batches until none is left or the task's time is up; returns the totals
    and what is left (another sender, to take over when time was up)."""
    issue = Issue.objects.select_related("newsletter").filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return {"sent": 0}, []
    mail = composer.IssueMail.for_issue(issue)
    deadline = time.monotonic() + settings.NEWSLETTER_TASK_SECONDS
    totals = {"sent": 0, "failed": 0, "batches": 0}
    later = []
    with sending.fast_commits():
        while True:
            if time.monotonic() > deadline:
                if Delivery.objects.claimable().filter(issue_id=issue_id).exists():
                    later.append(Later("deliver_issue", (issue_id,)))
                break
            claim = sending.claim_batch(issue_id)
            if not claim.rows:
                break
            result = sending.send_batch(mail, claim)
            totals["sent"] += result.sent
            totals["failed"] += result.failed
            totals["batches"] += 1
            if result.error:
                Issue.objects.filter(pk=issue_id).update(send_error=result.error[:500])
                logger.warning("issue %s: %s", issue_id, result.error)
                break
            if issue.send_error:
                Issue.objects.filter(pk=issue_id).update(send_error="")
                issue.send_error = ""
    finish_if_done(issue_id=issue_id)
    return totals, later


def watch(*, issue_id):
    """Task body, every NEWSLETTER_WATCH_SECONDS while an issue is sending: a sender to start
    when rows were left by a dead worker or nothing has been sent for a whole interval, and
    this watch again."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return "idle", []
    if finish_if_done(issue_id=issue_id):
        return "finished", []
    now = timezone.now()
    interval = timedelta(seconds=settings.NEWSLETTER_WATCH_SECONDS)
    claimable = Delivery.objects.claimable(now).filter(issue_id=issue_id)
    abandoned = claimable.filter(status=Delivery.Status.CLAIMED).exists()
    stalled = (
        claimable.filter(status=Delivery.Status.QUEUED).exists()
        and not Delivery.objects.filter(
            issue_id=issue_id, status=Delivery.Status.SENT, sent_at__gte=now - interval
        ).exists()
    )
    later = [Later("deliver_issue", (issue_id,))] if abandoned or stalled else []
    later.append(Later("watch_issue", (issue_id,), run_after=now + interval))
    return "restarted" if abandoned or stalled else "watching", later


@dataclass
class Progress:
    status: str
    total: int
    sent: int
    failed: int
    skipped: int
    queued: int
    claimed: int
    rate: float  # messages a second, over the last RATE_WINDOW while sending, overall after
    started_at: object
    finished_at: object
    error: str

    RATE_WINDOW = 10

    @property
    def remaining(self):
        return self.queued + self.claimed

    @property
    def percent(self):
        done = self.sent + self.failed + self.skipped
        return round(100 * done / self.total) if self.total else 100

    @property
    def eta_seconds(self):
        return round(self.remaining / self.rate) if self.rate and self.remaining else None


def get_progress(issue):
    counts = dict(
        Delivery.objects.filter(issue_id=issue.pk)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    sent = counts.get(Delivery.Status.SENT, 0)
    rate = 0.0
    if issue.status == Issue.Status.SENT and issue.started_at and issue.finished_at:
        seconds = (issue.finished_at - issue.started_at).total_seconds()
        rate = sent / seconds if seconds > 0 else float(sent)
    elif issue.status == Issue.Status.SENDING:
        since = timezone.now() - timedelta(seconds=Progress.RATE_WINDOW)
        recent = Delivery.objects.filter(
            issue_id=issue.pk, status=Delivery.Status.SENT, sent_at__gte=since
        ).count()
        rate = recent / Progress.RATE_WINDOW
    return Progress(
        status=issue.status,
        total=sum(counts.values()),
        sent=sent,
        failed=counts.get(Delivery.Status.FAILED, 0),
        skipped=counts.get(Delivery.Status.SKIPPED, 0),
        queued=counts.get(Delivery.Status.QUEUED, 0),
        claimed=counts.get(Delivery.Status.CLAIMED, 0),
        rate=rate,
        started_at=issue.started_at,
        finished_at=issue.finished_at,
        error=issue.send_error,
    )


def recipient_count(issue):
    """How many subscribers the issue would go to if it were sent now."""
    return Subscription.objects.filter(
        newsletter_id=issue.newsletter_id,
        status=Status.CONFIRMED,
        subscriber__suppressed=False,
    ).count()
