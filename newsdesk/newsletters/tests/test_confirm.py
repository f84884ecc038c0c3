"""Confirmation links: they work once, for a week; anything else gets a clear page."""

import time

import pytest
from django.core import signing

from newsdesk.newsletters import services, tokens
from newsdesk.newsletters.models import Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import link_in, path_of

pytestmark = pytest.mark.django_db


def pending(newsletter, email="reader@example.org", nonce="abc123nonce"):
    subscriber = Subscriber.objects.create(email=email, confirm_nonce=nonce)
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    return subscriber


def token_made_days_ago(monkeypatch, subscriber, days):
    real = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: real - days * 86400)
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    monkeypatch.setattr(signing.time, "time", lambda: real)
    return token


def snapshot():
    return list(
        Subscription.objects.values_list("subscriber__email", "status", "confirmed_at")
    ), list(Subscriber.objects.values_list("email", "confirm_nonce"))


def test_it_confirms_on_post_only(client, newsletter):
    subscriber = pending(newsletter)
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    page = client.get(f"/newsletters/confirm/{token}/")
    assert page.status_code == 200 and newsletter.name in page.content.decode()
    assert Subscription.objects.get().status == "pending"
    client.post(f"/newsletters/confirm/{token}/")
    subscription = Subscription.objects.get()
    assert subscription.status == "confirmed" and subscription.confirmed_at
    assert Subscriber.objects.get().confirm_nonce == ""


def test_it_says_a_replayed_link_was_used_and_changes_nothing(client, newsletter):
    subscriber = pending(newsletter)
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    client.post(f"/newsletters/confirm/{token}/")
    services.unsubscribe(subscriber_id=subscriber.pk, newsletter_id=newsletter.pk)
    before = snapshot()
    for method in (client.get, client.post):
        page = method(f"/newsletters/confirm/{token}/")
        assert page.status_code == 200
        assert "already been used" in page.content.decode()
    assert snapshot() == before  # an old link does not subscribe someone who left


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-3] + "AAA",
        lambda token: "9999." + token.split(".", 1)[1],
        lambda token: token.split(":")[0],
        lambda token: "nonsense",
        lambda token: "x" * 5000,
        lambda token: "%0d%0aSet-Cookie:x=1",
    ],
)
def test_it_says_a_tampered_link_is_not_valid(client, newsletter, mangle):
    subscriber = pending(newsletter)
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    before = snapshot()
    for method in (client.get, client.post):
        page = method(f"/newsletters/confirm/{mangle(token)}/")
        assert page.status_code in (400, 404)
        if page.status_code == 400:
            assert "This link is not valid" in page.content.decode()
    assert snapshot() == before


def test_it_offers_a_new_mail_for_an_expired_link(
    client, django_capture_on_commit_callbacks, monkeypatch, smtp, newsletter
):
    subscriber = pending(newsletter)
    token = token_made_days_ago(monkeypatch, subscriber, days=8)
    before = snapshot()
    page = client.post(f"/newsletters/confirm/{token}/")
    assert page.status_code == 410
    assert "This link has expired" in page.content.decode()
    assert "Send me a new link" in page.content.decode()
    assert snapshot() == before

    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(f"/newsletters/confirm/{token}/resend/")
    assert "sent you a new confirmation email" in resent.content.decode()
    [mail] = smtp.wait_for(1)
    fresh = link_in(mail.message, "/newsletters/confirm/")
    client.post(path_of(fresh))
    assert Subscription.objects.get().status == "confirmed"
    # The expired link stays useless, even for asking again.
    again = client.post(f"/newsletters/confirm/{token}/resend/")
    assert "sent you a new" not in again.content.decode()


def test_a_link_six_days_old_still_works(client, monkeypatch, newsletter):
    subscriber = pending(newsletter)
    token = token_made_days_ago(monkeypatch, subscriber, days=6)
    client.post(f"/newsletters/confirm/{token}/")
    assert Subscription.objects.get().status == "confirmed"


def test_it_says_not_valid_for_a_deleted_subscriber(client, newsletter):
    subscriber = pending(newsletter)
    token = tokens.make_confirm_token(subscriber.pk, subscriber.confirm_nonce)
    subscriber.delete()
    page = client.post(f"/newsletters/confirm/{token}/")
    assert page.status_code == 400
    assert not Subscriber.objects.exists()
