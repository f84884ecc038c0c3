"""Unsubscribe links: one click from a mail program (RFC 8058), or a page with a button."""

import pytest
from django.test import Client

from newsdesk.newsletters import composer, tokens
from newsdesk.newsletters.models import Subscription
from newsdesk.newsletters.tests.conftest import confirmed, path_of

pytestmark = pytest.mark.django_db


def status(subscriber, newsletter):
    return Subscription.objects.get(subscriber=subscriber, newsletter=newsletter).status


def test_it_unsubscribes_on_a_one_click_post_without_cookies_or_csrf(newsletter, weekly):
    reader, other = confirmed(newsletter, "reader@example.org", "other@example.org")
    confirmed(weekly, "reader@example.org")
    url = composer.unsubscribe_url(reader.pk, newsletter.pk)
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        path_of(url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert status(reader, newsletter) == "unsubscribed"
    assert Subscription.objects.get(subscriber=reader, newsletter=newsletter).unsubscribed_at
    assert status(reader, weekly) == "confirmed"
    assert status(other, newsletter) == "confirmed"
    # Clicking twice is harmless.
    assert (
        mail_program.post(
            path_of(url),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )


def test_it_shows_a_page_with_a_button_and_the_other_newsletters(client, newsletter, weekly):
    [reader] = confirmed(newsletter, "reader@example.org")
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    page = client.get(url).content.decode()
    assert f"Unsubscribe from {newsletter.name}" in page
    assert ">Unsubscribe</button>" in page
    assert weekly.name in page and "Subscribe<span" in page
    assert status(reader, newsletter) == "confirmed"  # looking is not unsubscribing

    done = client.post(url, {"action": "unsubscribe"}).content.decode()
    assert "You're unsubscribed" in done or "You&#x27;re unsubscribed" in done
    assert status(reader, newsletter) == "unsubscribed"

    # The page's link proves the address, so the other newsletter needs no second confirmation.
    client.post(url, {"action": "subscribe", "newsletter": weekly.pk})
    assert status(reader, weekly) == "confirmed"
    client.post(url, {"action": "subscribe"})
    assert status(reader, newsletter) == "confirmed"


@pytest.mark.parametrize("token", ["nonsense", "1.2:forged-signature", "x" * 3000])
def test_it_says_a_tampered_link_is_not_valid(client, newsletter, token):
    [reader] = confirmed(newsletter, "reader@example.org")
    for method in (client.get, client.post):
        page = method(f"/newsletters/unsubscribe/{token}/")
        assert page.status_code == 400
        assert "This link is not valid" in page.content.decode()
    assert status(reader, newsletter) == "confirmed"


def test_it_says_there_is_nothing_to_stop_for_a_deleted_subscriber(client, newsletter):
    [reader] = confirmed(newsletter, "reader@example.org")
    token = tokens.make_unsubscribe_token(reader.pk, newsletter.pk)
    reader.delete()
    page = client.post(f"/newsletters/unsubscribe/{token}/")
    assert page.status_code == 200
    assert "not subscribed" in page.content.decode()
