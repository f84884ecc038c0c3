"""The reader's account page: membership, donations, newsletters; change email; delete all."""

import pytest
import stripe
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from newsdesk.members.models import (
    Donation,
    Membership,
    MembershipChange,
    Reader,
    SignInCode,
)
from newsdesk.members.tests.helpers import post_event, sign_in
from newsdesk.members.tests.test_payments import buy_membership, checkout
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription
from newsdesk.testing.stripe import complete_checkout, event

pytestmark = pytest.mark.django_db


def test_the_account_page_shows_membership_donations_and_newsletters(
    client, stripe_api, mailbox, tier
):
    buy_membership(client, stripe_api, mailbox, tier, email="full@example.org")
    session_id = checkout(
        client, {"kind": "donation", "frequency": "once", "amount": "10", "currency": "usd"}
    )
    post_event(
        client,
        event(
            "checkout.session.completed",
            complete_checkout(stripe_api, session_id, email="full@example.org"),
        ),
    )
    newsletter = Newsletter.objects.create(name="The Morning Brief", slug="brief")
    subscriber = Subscriber.objects.create(email="full@example.org")
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter, status="confirmed")

    page = client.get(reverse("members:account")).content.decode()

    assert '<span class="rv-membership__tier">Friend</span>: <strong' in page
    assert ">Active</strong>" in page and "€5 a month" in page
    assert "$10, one-off donation" in page
    assert "The Morning Brief: confirmed" in page
    assert client.cookies["nd_member"].value == "1"


def test_deleting_the_account_removes_every_personal_row(client, stripe_api, mailbox, tier):
    membership, _ = buy_membership(client, stripe_api, mailbox, tier, email="gone@example.org")
    Donation.objects.create(
        reader=membership.reader, email="gone@example.org", amount=500, currency="usd",
        frequency="once", stripe_reference="cs_gone",
    )  # fmt: skip
    newsletter = Newsletter.objects.create(name="The Morning Brief", slug="brief")
    subscriber = Subscriber.objects.create(email="gone@example.org")
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    customer_id = membership.reader.stripe_customer_id
    reader_id = membership.reader.pk
    staff = User.objects.create_user("editor", is_staff=True)
    # As the admin logs an edit: the label is str(), the address.
    log(membership.reader, "wagtail.edit", user=staff)
    log(subscriber, "wagtail.edit", user=staff)

    response = client.post(reverse("members:delete"), {"confirm": "on"})

    assert response.status_code == 200
    for model in (Reader, Membership, MembershipChange, Donation, SignInCode, Subscriber):
        assert not model.objects.exists(), model
    assert not Subscription.objects.exists()
    with pytest.raises(stripe.InvalidRequestError):
        stripe_api.customers.retrieve(customer_id)
    assert "nd_reader" not in client.cookies or not client.cookies["nd_reader"].value
    # The admin's history keeps who did what and when, without the address.
    assert sorted(ModelLogEntry.objects.values_list("label", "user_id")) == [
        (f"Reader {reader_id} (deleted)", staff.pk),
        (f"Subscriber {subscriber.pk} (deleted)", staff.pk),
    ]


def test_deleting_needs_the_confirmation_box(client, mailbox):
    sign_in(client, mailbox, "stay@example.org")
    assert client.post(reverse("members:delete")).status_code == 400
    assert Reader.objects.filter(email="stay@example.org").exists()


def test_it_moves_the_account_to_a_confirmed_new_address(client, mailbox):
    sign_in(client, mailbox, "old@example.org")

    client.post(reverse("members:change_email"), {"email": "new@example.org"})
    mailbox.wait_for(2)
    [message] = mailbox.messages_to("new@example.org")
    body = message.get_body(("plain",)).get_content()
    path = next(line for line in body.splitlines() if "/account/link/" in line)
    path = path.split("127.0.0.1:8000", 1)[-1].strip()
    assert Reader.objects.get().email == "old@example.org"  # not before the link is used
    client.post(path)

    assert Reader.objects.get().email == "new@example.org"
    assert b"new@example.org" in client.get(reverse("members:account")).content


def test_the_status_request_tells_the_browser_about_membership(client, stripe_api, mailbox, tier):
    assert client.get(reverse("members:status")).json() == {"signed_in": False, "member": False}
    buy_membership(client, stripe_api, mailbox, tier)
    response = client.get(reverse("members:status"))
    assert response.json() == {"signed_in": True, "member": True}
    assert "no-cache" in response["Cache-Control"]
