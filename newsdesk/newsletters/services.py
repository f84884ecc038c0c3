"""Newsletter workflows: sign-up and double opt-in, unsubscribing, suppression, sending issues.

Views, tasks, webhooks and management commands call these; none of them does the work itself.
"""

import logging
import re
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from wagtail.models import ModelLogEntry

from newsdesk.newsletters import addresses, composer, sending, tokens
from newsdesk.newsletters.models import (
    Delivery,
    Issue,
    Newsletter,
    Subscriber,
    Subscription,
)

logger = logging.getLogger(__name__)
Status = Subscription.Status


def _tasks():
    from newsdesk.newsletters import tasks

    return tasks


def enqueue(task, *args, run_after=None):
    """Enqueue once the current transaction commits; `run_after` if the backend can wait.

    Backends that run tasks in-process (tests) cannot wait, and need not: nothing they run can
    be left behind by a dead worker.
    """

    def go():
        chosen = task
        if run_after is not None:
            if not task.get_backend().supports_defer:
                if run_after > timezone.now():
                    return
            else:
                chosen = task.using(run_after=run_after)
        chosen.enqueue(*args)

    transaction.on_commit(go)


# Sign-up and double opt-in -----------------------------------------------------------------


def sign_up(*, email, newsletters, source_url=""):
    """Subscribe `email` (canonical) to `newsletters`, pending confirmation by mail.

    Whatever the address's state (new, pending, already confirmed, suppressed), the reader sees
    the same answer; only a mail to the address itself tells them more.
    """
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(
            email=email, defaults={"source_url": source_url[:300]}
        )
        if subscriber.suppressed:
            return subscriber
        needs_confirmation = False
        for newsletter in newsletters:
            subscription, _ = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter=newsletter
            )
            if subscription.status == Status.UNSUBSCRIBED:
                subscription.status = Status.PENDING
                subscription.save(update_fields=["status"])
            needs_confirmation |= subscription.status == Status.PENDING
        if needs_confirmation:
            if not subscriber.confirm_nonce:
                subscriber.confirm_nonce = get_random_string(20)
                subscriber.save(update_fields=["confirm_nonce"])
            enqueue(_tasks().send_confirmation, subscriber.pk)
    return subscriber


def add_imported_subscriber(*, email, newsletter, consented_at=None, state="confirmed"):
    """A subscriber brought over from another platform (Ghost, Mailchimp, Substack), where they
    already confirmed: subscribed as confirmed since `consented_at`, with no confirmation mail.

    `state` "unsubscribed" records that they left there; "bounced" suppresses the address. An
    address suppressed here stays suppressed, and a reader who unsubscribed here is not
    subscribed again. Returns "created", "updated", "unchanged" or "suppressed" (kept so);
    ValidationError for an address that is not one.
    """
    email = addresses.normalise(email)
    now = timezone.now()
    consented_at = min(consented_at or now, now)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"created_at": consented_at}
        )
        if state == "bounced":
            if subscriber.suppressed:
                return "unchanged"
            subscriber.suppressed = True
            subscriber.suppressed_reason = Subscriber.Suppression.BOUNCE
            subscriber.suppressed_at = now
            subscriber.save(update_fields=["suppressed", "suppressed_reason", "suppressed_at"])
            return "created" if created else "updated"
        if subscriber.suppressed:
            return "suppressed"
        confirmed = state == "confirmed"
        subscription, new = Subscription.objects.get_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={
                "status": Status.CONFIRMED if confirmed else Status.UNSUBSCRIBED,
                "created_at": consented_at,
                "confirmed_at": consented_at if confirmed else None,
                "unsubscribed_at": None if confirmed else now,
            },
        )
        if new:
            return "created" if created else "updated"
        if confirmed and subscription.status == Status.PENDING:
            subscription.status = Status.CONFIRMED
            subscription.confirmed_at = consented_at
            subscription.save(update_fields=["status", "confirmed_at"])
            return "updated"
    return "unchanged"


def send_confirmation(*, subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id, suppressed=False).first()
    if subscriber is None or not subscriber.confirm_nonce:
        return False
    newsletters = list(
        Newsletter.objects.filter(
            subscriptions__subscriber=subscriber, subscriptions__status=Status.PENDING
        )
    )
    if not newsletters:
        return False
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    message = composer.templated_email(
        "confirm",
        {
            "newsletters": newsletters,
            "confirm_url": composer.absolute(reverse("newsletters:confirm", args=[token])),
        },
        to=subscriber.email,
        from_email=newsletters[0].from_email if len(newsletters) == 1 else None,
    )
    composer.send(message)
    return True


@dataclass
class TokenCheck:
    """What a confirmation link is: `valid`, `used` (or replaced), `expired` or `invalid`."""

    state: str
    subscriber: Subscriber | None = None
    newsletters: tuple = ()


def check_confirm_token(token):
    try:
        subscriber_id, nonce = tokens.read_confirm_token(token)
    except tokens.ExpiredToken as expired:
        subscriber = Subscriber.objects.filter(pk=expired.subscriber_id).first()
        return TokenCheck("expired" if subscriber else "invalid", subscriber)
    except tokens.InvalidToken:
        return TokenCheck("invalid")
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return TokenCheck("invalid")
    if subscriber.confirm_nonce != nonce or subscriber.suppressed:
        return TokenCheck("used", subscriber)
    pending = Newsletter.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__status=Status.PENDING
    )
    return TokenCheck("valid", subscriber, tuple(pending))


def confirm(*, token):
    """Confirm every pending subscription of the link's subscriber, once; then a welcome mail."""
    check = check_confirm_token(token)
    if check.state != "valid":
        return check
    _, nonce = tokens.read_confirm_token(token)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=check.subscriber.pk)
        if subscriber.confirm_nonce != nonce:  # confirmed by a request that just got here first
            return TokenCheck("used", subscriber)
        confirmed = list(
            subscriber.subscriptions.filter(status=Status.PENDING).values_list("pk", flat=True)
        )
        Subscription.objects.filter(pk__in=confirmed).update(
            status=Status.CONFIRMED, confirmed_at=timezone.now()
        )
        subscriber.confirm_nonce = ""
        subscriber.save(update_fields=["confirm_nonce"])
        if confirmed:
            enqueue(_tasks().send_welcome, subscriber.pk, confirmed)
    return check


def send_new_confirmation(*, token):
    """For a link that expired: a fresh one, if anything is still waiting for confirmation."""
    check = check_confirm_token(token)
    if check.state != "expired" or check.subscriber.suppressed:
        return False
    subscriber = check.subscriber
    if not subscriber.subscriptions.filter(status=Status.PENDING).exists():
        return False
    with transaction.atomic():
        subscriber.confirm_nonce = get_random_string(20)
        subscriber.save(update_fields=["confirm_nonce"])
        enqueue(_tasks().send_confirmation, subscriber.pk)
    return True


def send_welcome(*, subscriber_id, subscription_ids):
    subscriptions = list(
        Subscription.objects.filter(
            pk__in=subscription_ids,
            subscriber_id=subscriber_id,
            status=Status.CONFIRMED,
            subscriber__suppressed=False,
        ).select_related("newsletter", "subscriber")
    )
    if not subscriptions:
        return False
    items = [
        {
            "newsletter": subscription.newsletter,
            "unsubscribe_url": composer.unsubscribe_url(
                subscription.subscriber_id, subscription.newsletter_id
            ),
        }
        for subscription in subscriptions
    ]
    newsletters = [item["newsletter"] for item in items]
    message = composer.templated_email(
        "welcome",
        {"subscriptions": items, "newsletters": newsletters},
        to=subscriptions[0].subscriber.email,
        from_email=newsletters[0].from_email if len(newsletters) == 1 else None,
    )
    composer.send(message)
    return True


# Unsubscribing and suppression --------------------------------------------------------------


def unsubscribe(*, subscriber_id, newsletter_id):
    """Stop `newsletter` for the subscriber, including any issue still waiting to go out."""
    with transaction.atomic():
        changed = (
            Subscription.objects.filter(subscriber_id=subscriber_id, newsletter_id=newsletter_id)
            .exclude(status=Status.UNSUBSCRIBED)
            .update(status=Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        )
        Delivery.objects.filter(
            subscriber_id=subscriber_id,
            issue__newsletter_id=newsletter_id,
            status=Delivery.Status.QUEUED,
        ).update(status=Delivery.Status.SKIPPED)
    return bool(changed)


def resubscribe(*, subscriber_id, newsletter_id):
    """Undo an unsubscribe from the page the newsletter's own link opened. The reader confirmed
    this subscription once, so it needs no second confirmation; False if they never did (or
    the newsletter is closed, or the address suppressed): then only sign_up() may add it."""
    subscription = Subscription.objects.filter(
        subscriber_id=subscriber_id,
        newsletter_id=newsletter_id,
        newsletter__active=True,
        subscriber__suppressed=False,
        confirmed_at__isnull=False,
    ).first()
    if subscription is None:
        return False
    if subscription.status != Status.CONFIRMED:
        subscription.status = Status.CONFIRMED
        subscription.save(update_fields=["status"])
    return True


def forget_address_in_history(*, subscriber_id):
    """The admin's history names a subscriber by address (Wagtail logs str()); once the
    subscriber is deleted it keeps who did what, and when, to subscriber number N only."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber_id)
    ).update(label=f"Subscriber {subscriber_id} (deleted)", data={})


def suppress(*, email, reason):
    """Never send to `email` again (a hard bounce or a complaint); stop what is queued."""
    try:
        email = addresses.normalise(email)
    except Exception:
        return False
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            return False
        if not subscriber.suppressed:
            subscriber.suppressed = True
            subscriber.suppressed_reason = reason
            subscriber.suppressed_at = timezone.now()
            subscriber.save(update_fields=["suppressed", "suppressed_reason", "suppressed_at"])
        Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SKIPPED
        )
    return True


def record_tracking_event(*, event, esp_name):
    """An Anymail tracking event: hard bounces and complaints suppress the recipient."""
    reason = {
        "bounced": Subscriber.Suppression.BOUNCE,
        "complained": Subscriber.Suppression.COMPLAINT,
    }.get(event.event_type)
    if event.event_type == "rejected" and event.reject_reason in ("bounced", "invalid"):
        reason = Subscriber.Suppression.BOUNCE
    if reason and event.recipient:
        logger.info("%s: %s for a subscriber, suppressing", esp_name, event.event_type)
        return suppress(email=event.recipient, reason=reason)
    if event.event_type == "unsubscribed" and event.recipient:
        try:
            email = addresses.normalise(event.recipient)
        except Exception:
            return False
        for subscription in Subscription.objects.filter(subscriber__email=email):
            unsubscribe(
                subscriber_id=subscription.subscriber_id,
                newsletter_id=subscription.newsletter_id,
            )
        return True
    return False


UNSUBSCRIBE_SUBJECT = re.compile(r"unsubscribe\s+([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def record_inbound_unsubscribe(*, message):
    """A mail to List-Unsubscribe's mailto: address (via an Anymail inbound webhook)."""
    match = UNSUBSCRIBE_SUBJECT.search(message.subject or "")
    if not match:
        return False
    try:
        subscriber_id, newsletter_id = tokens.read_unsubscribe_token(match.group(1))
    except tokens.InvalidToken:
        return False
    unsubscribe(subscriber_id=subscriber_id, newsletter_id=newsletter_id)
    return True


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


def schedule(*, issue, when):
    """Send `issue` at `when` (now, if `when` is not in the future)."""
    now = timezone.now()
    when = max(when, now)
    if when > now + timedelta(seconds=1) and not _tasks().send_issue.get_backend().supports_defer:
        raise SendingError("This site's task backend cannot run tasks later: send it now.")
    with transaction.atomic():
        updated = Issue.objects.filter(
            pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]
        ).update(status=Issue.Status.SCHEDULED, scheduled_at=when)
        if not updated:
            raise SendingError("This issue is already being sent or has been sent.")
        enqueue(_tasks().send_issue, issue.pk, when.isoformat(), run_after=when)
    issue.refresh_from_db()
    return issue


def send_now(*, issue):
    return schedule(issue=issue, when=timezone.now())


def resume(*, issue):
    """One more sender for an issue that is sending, e.g. after its workers were lost."""
    if issue.status != Issue.Status.SENDING:
        raise SendingError(f"The issue is not being sent (it is {issue.get_status_display()}).")
    with transaction.atomic():
        enqueue(_tasks().deliver_issue, issue.pk)


def cancel_schedule(*, issue):
    updated = Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
        status=Issue.Status.DRAFT, scheduled_at=None
    )
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
    """Task body: fix the issue's content, create its delivery rows, start the senders."""
    now = timezone.now()
    with transaction.atomic():
        issue = (
            Issue.objects.select_for_update()
            .select_related("newsletter")
            .filter(pk=issue_id)
            .first()
        )
        if issue is None or issue.status != Issue.Status.SCHEDULED:
            return "not scheduled"
        if scheduled_for and issue.scheduled_at.isoformat() != scheduled_for:
            return "rescheduled"  # an earlier schedule's task; the current one has its own
        if issue.scheduled_at > now:
            enqueue(_tasks().send_issue, issue.pk, scheduled_for, run_after=issue.scheduled_at)
            return "early"
        issue.sent_subject, issue.sent_html, issue.sent_text = composer.render_issue(issue)
        issue.status = Issue.Status.SENDING
        issue.started_at = now
        issue.save()
        created = create_deliveries(issue)
        for _ in range(max(1, settings.NEWSLETTER_SENDERS)):
            enqueue(_tasks().deliver_issue, issue.pk)
        enqueue(
            _tasks().watch_issue,
            issue.pk,
            run_after=now + timedelta(seconds=settings.NEWSLETTER_WATCH_SECONDS),
        )
    logger.info("issue %s: sending to %s subscribers", issue_id, created)
    if not created:
        finish_if_done(issue_id=issue_id)
    return "started"


def finish_if_done(*, issue_id):
    sending.give_up_on_exhausted(issue_id)
    if Delivery.objects.unfinished().filter(issue_id=issue_id).exists():
        return False
    Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
        status=Issue.Status.SENT, finished_at=timezone.now(), send_error=""
    )
    return True


def deliver(*, issue_id):
    """Task body: send batches until none is left or the task's time is up, then hand over."""
    issue = Issue.objects.select_related("newsletter").filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return {"sent": 0}
    mail = composer.IssueMail.for_issue(issue)
    deadline = time.monotonic() + settings.NEWSLETTER_TASK_SECONDS
    totals = {"sent": 0, "failed": 0, "batches": 0}
    with sending.fast_commits():
        while True:
            if time.monotonic() > deadline:
                if Delivery.objects.claimable().filter(issue_id=issue_id).exists():
                    with transaction.atomic():
                        enqueue(_tasks().deliver_issue, issue_id)
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
    return totals


def watch(*, issue_id):
    """Task body, every NEWSLETTER_WATCH_SECONDS while an issue is sending: start a sender
    when rows were left by a dead worker or nothing has been sent for a whole interval."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return "idle"
    if finish_if_done(issue_id=issue_id):
        return "finished"
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
    with transaction.atomic():
        if abandoned or stalled:
            enqueue(_tasks().deliver_issue, issue_id)
        enqueue(_tasks().watch_issue, issue_id, run_after=now + interval)
    return "restarted" if abandoned or stalled else "watching"


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
