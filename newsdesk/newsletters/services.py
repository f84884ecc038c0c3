"""Newsletter workflows of readers: sign-up and double opt-in, unsubscribing, suppression.
Sending issues is in `issues`.

Views, tasks, webhooks and management commands call these; none of them does the work itself.
A workflow that leaves mail to send returns it (`Later`); `newsletters.tasks` queues it.
"""

import logging
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import pgettext_lazy

from newsdesk.core import personal_data
from newsdesk.core.tasks import Later
from newsdesk.newsletters import addresses, composer, tokens
from newsdesk.newsletters.models import Delivery, Newsletter, Subscriber, Subscription

logger = logging.getLogger(__name__)
Status = Subscription.Status


@dataclass
class SignUp:
    """The subscriber, and the confirmation mail to send (`later`), if one is due."""

    subscriber: Subscriber
    later: list = field(default_factory=list)


# Sign-up and double opt-in -----------------------------------------------------------------


def sign_up(*, email, newsletters, source_url="", language=""):
    """Subscribe `email` (canonical) to `newsletters`, pending confirmation by mail.

    Whatever the address's state (new, pending, already confirmed, suppressed), the reader sees
    the same answer; only a mail to the address itself tells them more.
    """
    later = []
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(
            email=email, defaults={"source_url": source_url[:300]}
        )
        if subscriber.suppressed:
            return SignUp(subscriber)
        if language and subscriber.language != language:
            subscriber.language = language
            subscriber.save(update_fields=["language"])
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
            later.append(Later("send_confirmation", (subscriber.pk,)))
    return SignUp(subscriber, later)


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
    with composer.in_language(subscriber.language):
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
    """What a confirmation link is: `valid`, `used` (or replaced), `expired` or `invalid`; and,
    once confirmed, the welcome mail to send (`later`)."""

    state: str
    subscriber: Subscriber | None = None
    newsletters: tuple = ()
    later: list = field(default_factory=list)


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
            check.later.append(Later("send_welcome", (subscriber.pk, confirmed)))
    return check


def send_new_confirmation(*, token):
    """For a link that expired: a fresh one (the mail to send), if anything is still waiting for
    confirmation; else nothing to do."""
    check = check_confirm_token(token)
    if check.state != "expired" or check.subscriber.suppressed:
        return []
    subscriber = check.subscriber
    if not subscriber.subscriptions.filter(status=Status.PENDING).exists():
        return []
    subscriber.confirm_nonce = get_random_string(20)
    subscriber.save(update_fields=["confirm_nonce"])
    return [Later("send_confirmation", (subscriber.pk,))]


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
    with composer.in_language(subscriptions[0].subscriber.language):
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
    personal_data.forget_in_history(Subscriber, subscriber_id)


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


SUBSCRIPTION_STATES = {
    Subscription.Status.PENDING: pgettext_lazy("subscription", "waiting for confirmation"),
    Subscription.Status.CONFIRMED: pgettext_lazy("subscription", "confirmed"),
    Subscription.Status.UNSUBSCRIBED: pgettext_lazy("subscription", "unsubscribed"),
}


def subscriptions_of(email):
    """For the reader's account page: each newsletter and the subscription's state, in the
    language of the page."""
    return [
        f"{subscription.newsletter.name}: {SUBSCRIPTION_STATES[subscription.status]}"
        for subscription in Subscription.objects.filter(subscriber__email=email)
        .select_related("newsletter")
        .order_by("newsletter__name")
    ]


def forget_address(email):
    """A reader deleted their account: the subscriber and its subscriptions go too."""
    for subscriber in Subscriber.objects.filter(email=email):
        subscriber_id = subscriber.pk
        subscriber.delete()
        forget_address_in_history(subscriber_id=subscriber_id)


def move_address(old, new):
    """A reader confirmed a new address: their subscriptions follow, unless it has its own."""
    if not Subscriber.objects.filter(email=new).exists():
        Subscriber.objects.filter(email=old).update(email=new)


def follow_membership(email, current):
    """Members receive the members-only newsletters while their membership is current."""
    newsletters = list(Newsletter.objects.filter(active=True, members_only=True))
    if not newsletters:
        return
    subscriber, _ = Subscriber.objects.get_or_create(email=addresses.normalise(email))
    for newsletter in newsletters:
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"status": Status.CONFIRMED, "confirmed_at": timezone.now()}
            if current
            else {"status": Status.UNSUBSCRIBED},
        )
