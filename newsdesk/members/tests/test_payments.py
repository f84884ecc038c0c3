"""Donations and memberships against localstripe, with the events Stripe would send, signed."""

import time

import pytest
from django.urls import reverse

from newsdesk.members.models import Donation, Membership, MembershipChange, ProcessedEvent
from newsdesk.members.tests.helpers import post_event, sign_in
from newsdesk.testing.stripe import complete_checkout, event, signed

pytestmark = pytest.mark.django_db


def checkout(client, data):
    response = client.post(reverse("members:checkout"), data)
    assert response.status_code == 303, response.content
    session_id = response["Location"].rsplit("/", 1)[1]
    return session_id


def test_it_takes_a_one_off_donation_and_mails_a_receipt(client, stripe_api, mailbox):
    session_id = checkout(
        client, {"kind": "donation", "frequency": "once", "amount": "25", "currency": "uah"}
    )
    session = complete_checkout(stripe_api, session_id, email="giver@example.org")
    assert stripe_api.payment_intents.retrieve(session["payment_intent"]).status == "succeeded"

    response = post_event(client, event("checkout.session.completed", session))

    assert response.status_code == 200
    donation = Donation.objects.get()
    assert (donation.amount, donation.currency, donation.frequency) == (2500, "uah", "once")
    mailbox.wait_for(1)
    [receipt] = mailbox.messages_to("giver@example.org")
    assert "₴25" in receipt["Subject"]
    assert session_id in receipt.get_body(("plain",)).get_content()


def test_it_takes_a_custom_monthly_donation_each_month(client, stripe_api, mailbox):
    session_id = checkout(
        client,
        {"kind": "donation", "frequency": "monthly", "custom_amount": "7.50", "currency": "usd"},
    )
    session = complete_checkout(stripe_api, session_id, email="monthly@example.org")
    subscription = stripe_api.subscriptions.retrieve(session["subscription"])
    assert subscription.status == "active"
    post_event(client, event("checkout.session.completed", session))
    assert not Donation.objects.exists()  # monthly gifts are counted by their invoices

    for month in range(2):
        invoice = {
            "id": f"in_month_{month}",
            "subscription": subscription.id,
            "customer": session["customer"],
            "customer_email": "monthly@example.org",
            "amount_paid": 750,
            "currency": "usd",
            "billing_reason": "subscription_cycle" if month else "subscription_create",
            "metadata": {},
        }
        post_event(client, event("invoice.paid", invoice))

    assert sorted(Donation.objects.values_list("frequency", "amount")) == [("monthly", 750)] * 2
    mailbox.wait_for(2)
    assert len(mailbox.messages_to("monthly@example.org")) == 2


def buy_membership(client, stripe_api, mailbox, tier, email="member@example.org"):
    sign_in(client, mailbox, email)
    session_id = checkout(client, {"kind": "membership", "tier": tier.pk, "interval": "month"})
    tier.refresh_from_db()
    assert stripe_api.plans.retrieve(tier.stripe_monthly_price_id).amount == 500
    session = complete_checkout(stripe_api, session_id, email=email)
    post_event(client, event("checkout.session.completed", session))
    return Membership.objects.get(), session


def test_it_follows_a_membership_from_purchase_to_cancellation(client, stripe_api, mailbox, tier):
    membership, session = buy_membership(client, stripe_api, mailbox, tier)
    assert (membership.status, membership.amount, membership.currency) == ("active", 500, "eur")
    assert membership.stripe_subscription_id == session["subscription"]
    now = int(time.time())

    def last_subject():
        mailbox.wait_for(mailbox.count)
        return mailbox.messages_to("member@example.org")[-1]["Subject"]

    assert last_subject().startswith("Welcome, member")

    renewal = {"id": "in_renew", "subscription": session["subscription"], "amount_paid": 500,
               "currency": "eur", "billing_reason": "subscription_cycle"}  # fmt: skip
    post_event(client, event("invoice.paid", renewal, created=now + 10))
    membership.refresh_from_db()
    assert (membership.status, membership.renewals) == ("active", 1)
    assert "membership is renewed" in last_subject()

    failed = {**renewal, "id": "in_fail", "amount_paid": 0}
    mails_before = mailbox.count
    post_event(client, event("invoice.payment_failed", failed, created=now + 20))
    membership.refresh_from_db()
    assert membership.status == "past_due"
    mailbox.wait_for(mails_before + 1)
    [notice] = mailbox.messages_to("member@example.org")[-1:]
    assert "did not go through" in notice["Subject"]

    cancelled = stripe_api.subscriptions.cancel(session["subscription"]).to_dict()
    post_event(client, event("customer.subscription.deleted", cancelled, created=now + 30))
    membership.refresh_from_db()
    assert membership.status == "cancelled"
    assert membership.ended_at is not None
    assert "membership has ended" in last_subject()
    assert list(MembershipChange.objects.values_list("status", flat=True)) == [
        "active", "past_due", "cancelled",
    ]  # fmt: skip


def test_it_applies_a_repeated_event_once(client, stripe_api, mailbox):
    session_id = checkout(
        client, {"kind": "donation", "frequency": "once", "amount": "10", "currency": "eur"}
    )
    session = complete_checkout(stripe_api, session_id, email="twice@example.org")
    completed = event("checkout.session.completed", session)

    assert post_event(client, completed).content == b"ok"
    assert post_event(client, completed).content == b"already applied"
    assert Donation.objects.count() == 1
    assert ProcessedEvent.objects.count() == 1
    mailbox.wait_for(1)
    assert mailbox.count == 1


def test_it_keeps_the_newest_state_when_events_arrive_out_of_order(
    client, stripe_api, mailbox, tier
):
    membership, session = buy_membership(client, stripe_api, mailbox, tier)
    now = int(time.time())
    cancelled = stripe_api.subscriptions.cancel(session["subscription"]).to_dict()
    older = {**cancelled, "status": "active"}

    post_event(client, event("customer.subscription.deleted", cancelled, created=now + 60))
    post_event(client, event("customer.subscription.updated", older, created=now + 30))

    membership.refresh_from_db()
    assert membership.status == "cancelled"


def test_it_refuses_a_bad_signature_and_changes_nothing(client, stripe_api):
    forged = event(
        "checkout.session.completed",
        {"id": "cs_forged", "mode": "payment", "amount_total": 100, "currency": "usd",
         "metadata": {"kind": "donation"}, "customer": None},
    )  # fmt: skip
    payload, header = signed(forged, "whsec_someone_else")
    response = client.post(
        reverse("members:stripe_webhook"),
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    unsigned = client.post(
        reverse("members:stripe_webhook"), payload, content_type="application/json"
    )

    assert (response.status_code, unsigned.status_code) == (400, 400)
    assert not Donation.objects.exists()
    assert not ProcessedEvent.objects.exists()


def test_membership_needs_a_signed_in_reader(client, stripe_api, tier):
    response = client.post(
        reverse("members:checkout"), {"kind": "membership", "tier": tier.pk, "interval": "year"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:account"))


def test_a_plan_changed_in_the_portal_moves_the_membership_to_that_tier(
    client, stripe_api, mailbox, tier
):
    membership, session = buy_membership(client, stripe_api, mailbox, tier)
    patron = tier.__class__.objects.create(
        name="Patron", currency="eur", monthly_amount=2000, yearly_amount=20000
    )
    portal = client.post(reverse("members:portal"))
    assert portal.status_code == 303 and "/_config/portal/cus_" in portal["Location"]

    from newsdesk.members import stripe_gateway

    stripe_gateway.sync_tier(patron)
    patron.refresh_from_db()
    yearly = stripe_api.plans.retrieve(patron.stripe_yearly_price_id).to_dict()
    changed = {"id": session["subscription"], "status": "active",
               "items": {"data": [{"plan": yearly}]}}  # fmt: skip
    post_event(client, event("customer.subscription.updated", changed, created=time.time() + 5))

    membership.refresh_from_db()
    assert (membership.tier, membership.interval, membership.amount) == (patron, "year", 20000)


def test_members_receive_members_only_newsletters_while_current(client, stripe_api, mailbox, tier):
    from newsdesk.newsletters.models import Newsletter, Subscription

    letter = Newsletter.objects.create(name="The Members' Letter", slug="members",
                                       members_only=True)  # fmt: skip
    Newsletter.objects.create(name="The Morning Brief", slug="brief")
    listing = client.get("/newsletters/").content.decode()
    assert "The Morning Brief" in listing and "Members&#x27; Letter" not in listing

    membership, session = buy_membership(client, stripe_api, mailbox, tier)
    subscription = Subscription.objects.get(newsletter=letter)
    assert subscription.subscriber.email == "member@example.org"
    assert subscription.status == "confirmed"

    cancelled = stripe_api.subscriptions.cancel(session["subscription"]).to_dict()
    post_event(client, event("customer.subscription.deleted", cancelled, created=time.time() + 9))
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    assert Subscription.objects.filter(newsletter__slug="brief").count() == 0
