"""Reader revenue workflows: starting a checkout, applying Stripe's events, deleting a reader.

Events are applied once each (ProcessedEvent, unique on the event id, in the same transaction
as their effect), and a subscription event older than the newest one applied to a membership is
ignored, so duplicates and events arriving out of order leave the state Stripe has now.
"""

from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from newsdesk.core import personal_data
from newsdesk.core.tasks import enqueue_on_commit
from newsdesk.members import stripe_gateway as gateway
from newsdesk.members import tasks
from newsdesk.members.models import (
    Donation,
    Membership,
    ProcessedEvent,
    Reader,
    SignInCode,
    Tier,
)

STATUSES = {
    "active": Membership.Status.ACTIVE,
    "trialing": Membership.Status.ACTIVE,
    "past_due": Membership.Status.PAST_DUE,
    "unpaid": Membership.Status.PAST_DUE,
    "canceled": Membership.Status.CANCELLED,
    "incomplete_expired": Membership.Status.CANCELLED,
}


def remember_language(reader, language):
    """The edition the reader last used: their mail comes in its language."""
    if reader is not None and language and reader.language != language:
        reader.language = language
        reader.save(update_fields=["language"])


def start_donation(
    *, reader, email, amount, currency, monthly, success_url, cancel_url, language=""
):
    """A Checkout session for a donation; the reader pays on Stripe's page."""
    remember_language(reader, language)
    customer_id = gateway.ensure_customer(reader) if reader else None
    metadata = {
        "kind": "donation",
        "reader_id": str(reader.pk) if reader else "",
        "language": language,
    }
    line = gateway.amount_line(
        amount=amount,
        currency=currency,
        name="Monthly donation" if monthly else "Donation",
        monthly=monthly,
    )
    return gateway.checkout(
        customer_id=customer_id,
        line=line,
        recurring=monthly,
        metadata=metadata,
        success_url=success_url,
        cancel_url=cancel_url,
    )


def start_membership(*, reader, tier, interval, success_url, cancel_url, language=""):
    remember_language(reader, language)
    if not tier.price_id(interval):
        gateway.sync_tier(tier)
    customer_id = gateway.ensure_customer(reader)
    metadata = {
        "kind": "membership",
        "reader_id": str(reader.pk),
        "tier_id": str(tier.pk),
        "interval": interval,
        "language": language,
    }
    return gateway.checkout(
        customer_id=customer_id,
        line=gateway.price_line(tier.price_id(interval)),
        recurring=True,
        metadata=metadata,
        success_url=success_url,
        cancel_url=cancel_url,
    )


def apply_event(event):
    """Apply one verified Stripe event (a dict); False when it was applied before."""
    handler = HANDLERS.get(event["type"])
    if ProcessedEvent.objects.filter(event_id=event["id"]).exists():
        return False  # the same event, delivered again
    try:
        with transaction.atomic():
            ProcessedEvent.objects.create(event_id=event["id"], type=event["type"])
            if handler is not None:
                handler(event["data"]["object"], at=_time(event["created"]))
    except IntegrityError:
        return False  # the same event, delivered twice at once: the other delivery applied it
    return True


def _time(timestamp):
    return datetime.fromtimestamp(int(timestamp), tz=UTC)


def _reader(metadata, customer_id):
    reader_id = (metadata or {}).get("reader_id")
    if reader_id and reader_id.isdigit():
        reader = Reader.objects.filter(pk=reader_id).first()
        if reader is not None:
            return reader
    if customer_id:
        return Reader.objects.filter(stripe_customer_id=customer_id).first()
    return None


def _record_donation(
    *, reader, email, amount, currency, frequency, reference, subscription="", language=""
):
    donation, made = Donation.objects.get_or_create(
        stripe_reference=reference,
        defaults={
            "reader": reader,
            "email": email or (reader.email if reader else ""),
            "amount": amount,
            "currency": currency,
            "frequency": frequency,
            "stripe_subscription_id": subscription or "",
            "language": language or (reader.language if reader else ""),
        },
    )
    if made:
        enqueue_on_commit(tasks.send_receipt, donation.pk)
    return donation


def checkout_completed(session, *, at):
    metadata = session.get("metadata") or {}
    reader = _reader(metadata, session.get("customer"))
    if metadata.get("kind") == "membership" and reader is not None:
        membership, _ = Membership.objects.get_or_create(reader=reader)
        membership.tier_id = int(metadata["tier_id"]) if metadata.get("tier_id") else None
        membership.interval = metadata.get("interval", "month")
        membership.amount = session.get("amount_total") or 0
        membership.currency = session.get("currency") or "usd"
        membership.stripe_subscription_id = session.get("subscription") or ""
        membership.save()
        if _apply_status(membership, Membership.Status.ACTIVE, at=at):
            _mail(membership, "member_welcome")
    elif metadata.get("kind") == "donation" and session.get("mode") == "payment":
        details = session.get("customer_details") or {}
        _record_donation(
            reader=reader,
            email=details.get("email") or session.get("customer_email"),
            amount=session["amount_total"],
            currency=session["currency"],
            frequency=Donation.Frequency.ONCE,
            reference=session["id"],
            language=metadata.get("language", ""),
        )


def invoice_paid(invoice, *, at):
    subscription = invoice.get("subscription") or ""
    membership = Membership.objects.filter(stripe_subscription_id=subscription).first()
    if subscription and membership is not None:
        if invoice.get("billing_reason") == "subscription_cycle":
            membership.renewals += 1
            membership.save(update_fields=["renewals"])
            _mail(membership, "member_renewed")
        _apply_status(membership, Membership.Status.ACTIVE, at=at)
        return
    lines = (invoice.get("lines") or {}).get("data") or [{}]
    metadata = {**(lines[0].get("metadata") or {}), **(invoice.get("metadata") or {})}
    if subscription and metadata.get("kind", "donation") == "donation":
        _record_donation(
            reader=_reader(metadata, invoice.get("customer")),
            email=invoice.get("customer_email"),
            amount=invoice["amount_paid"],
            currency=invoice["currency"],
            frequency=Donation.Frequency.MONTHLY,
            reference=invoice["id"],
            subscription=subscription,
            language=metadata.get("language", ""),
        )


def invoice_failed(invoice, *, at):
    membership = Membership.objects.filter(
        stripe_subscription_id=invoice.get("subscription") or "-"
    ).first()
    if membership is not None and _apply_status(membership, Membership.Status.PAST_DUE, at=at):
        _mail(membership, "payment_failed")


def subscription_changed(subscription, *, at):
    """A state change, or a change of plan made in the customer portal (another tier, or
    yearly instead of monthly): the membership follows the subscription's price."""
    membership = Membership.objects.filter(stripe_subscription_id=subscription["id"]).first()
    status = STATUSES.get(subscription.get("status"))
    if membership is None or status is None:
        return
    if membership.last_event_at is None or at >= membership.last_event_at:
        _follow_plan(membership, subscription)
    if _apply_status(membership, status, at=at) and status == Membership.Status.CANCELLED:
        _mail(membership, "member_cancelled")


def _mail(membership, name):
    enqueue_on_commit(tasks.send_membership_mail, membership.pk, name)


def _follow_plan(membership, subscription):
    items = (subscription.get("items") or {}).get("data") or []
    price = (items[0].get("price") or items[0].get("plan") or {}) if items else {}
    price_id = price.get("id")
    if not price_id:
        return
    tier = Tier.objects.filter(
        Q(stripe_monthly_price_id=price_id) | Q(stripe_yearly_price_id=price_id)
    ).first()
    if tier is not None:
        membership.tier = tier
        membership.interval = "year" if tier.stripe_yearly_price_id == price_id else "month"
        membership.amount = price.get("unit_amount") or price.get("amount") or membership.amount
        membership.currency = price.get("currency") or membership.currency
        membership.save(update_fields=["tier", "interval", "amount", "currency"])


def _apply_status(membership, status, *, at):
    """Move to `status` unless a newer event was applied already; True if it changed."""
    if membership.last_event_at is not None and at < membership.last_event_at:
        return False
    membership.last_event_at = at
    membership.save(update_fields=["last_event_at"])
    changed = membership.move_to(status, at=at)
    if changed:
        personal_data.membership_changed(membership.reader.email, membership.is_current)
    return changed


HANDLERS = {
    "checkout.session.completed": checkout_completed,
    "invoice.paid": invoice_paid,
    "invoice.payment_failed": invoice_failed,
    "customer.subscription.created": subscription_changed,
    "customer.subscription.updated": subscription_changed,
    "customer.subscription.deleted": subscription_changed,
}


def change_email(*, reader, email):
    """Move the reader (and their newsletter subscriptions) to a confirmed new address."""
    with transaction.atomic():
        if Reader.objects.filter(email=email).exclude(pk=reader.pk).exists():
            return False
        personal_data.move(reader.email, email)
        Donation.objects.filter(reader=reader).update(email=email)
        reader.email = email
        reader.session_version += 1
        reader.save(update_fields=["email", "session_version"])
    return True


def delete_reader(*, reader):
    """Everything about the reader: account, sign-in codes, membership, donations, newsletter
    subscriptions; Stripe forgets the customer (which ends their subscriptions)."""
    customer_id = reader.stripe_customer_id
    with transaction.atomic():
        SignInCode.objects.filter(email=reader.email).delete()
        personal_data.delete(reader.email)
        Donation.objects.filter(email=reader.email).delete()
        reader.delete()
    gateway.delete_customer(customer_id)
