"""Unsubscribe links: one click from a mail program (RFC 8058), or a page with a button."""

import pytest
from django.test import Client

from newsdesk.newsletters import composer, tokens
from newsdesk.newsletters.models import Subscription
from newsdesk.newsletters.tests.conftest import confirmed, link_in, path_of

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

    # Changing one's mind: the link's own newsletter, confirmed before, needs no new confirmation.
    again = client.post(url, {"action": "subscribe"}).content.decode()
    assert f"subscribed to <strong>{newsletter.name}</strong> again" in again
    assert status(reader, newsletter) == "confirmed"


def test_another_newsletter_waits_for_confirmation_by_mail(
    client, django_capture_on_commit_callbacks, smtp, newsletter, weekly
):
    """An unsubscribe link can be forwarded with the mail: it proves nothing about who uses it,
    so a newsletter the reader never had starts with the usual double opt-in."""
    [reader] = confirmed(newsletter, "reader@example.org")
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"action": "subscribe", "newsletter": weekly.pk})
    assert page.status_code == 200
    assert "check your inbox" in page.content.decode().lower()
    assert status(reader, weekly) == "pending"
    [confirmation] = smtp.wait_for(1)
    assert confirmation.rcpt_tos == ["reader@example.org"]
    confirm = path_of(link_in(confirmation.message, "/newsletters/confirm/"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    assert status(reader, weekly) == "confirmed"
    assert status(reader, newsletter) == "confirmed"


def test_a_newsletter_unsubscribed_elsewhere_and_never_confirmed_waits_too(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    [reader] = confirmed(newsletter, "reader@example.org")
    Subscription.objects.filter(subscriber=reader).update(status="unsubscribed", confirmed_at=None)
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "subscribe"})
    assert status(reader, newsletter) == "pending"
    assert smtp.wait_for(1)


def test_a_closed_newsletter_takes_no_subscription_from_its_old_link(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    [reader] = confirmed(newsletter, "reader@example.org")
    Subscription.objects.filter(subscriber=reader).update(status="unsubscribed", confirmed_at=None)
    newsletter.active = False
    newsletter.save()
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    assert "Subscribe again" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "subscribe"})
    assert status(reader, newsletter) == "unsubscribed"
    assert smtp.count == 0


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"},
     {"HTTP_ORIGIN": "null"}],
)  # fmt: skip
def test_it_refuses_the_pages_forms_posted_from_another_site(newsletter, weekly, headers):
    reader, _ = confirmed(newsletter, "reader@example.org", "other@example.org")
    confirmed(weekly, "reader@example.org")
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    browser = Client(enforce_csrf_checks=True)
    for data in (
        {"action": "unsubscribe"},
        {"action": "unsubscribe", "newsletter": weekly.pk},
        {"action": "subscribe", "newsletter": weekly.pk},
    ):
        assert browser.post(url, data, **headers).status_code == 403
    assert status(reader, newsletter) == "confirmed"
    assert status(reader, weekly) == "confirmed"
    # The same forms from the page itself work.
    same_site = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    assert browser.post(url, {"action": "unsubscribe"}, **same_site).status_code == 200
    assert status(reader, newsletter) == "unsubscribed"


def test_one_click_stays_open_to_mail_providers_whatever_their_origin(newsletter, weekly):
    """RFC 8058: the mail provider posts `List-Unsubscribe=One-Click`, from its servers or from
    a webmail page in the reader's browser; it can only unsubscribe from the link's newsletter."""
    [reader] = confirmed(newsletter, "reader@example.org")
    confirmed(weekly, "reader@example.org")
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    webmail = Client(enforce_csrf_checks=True)
    response = webmail.post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="https://mail.example.com",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 200
    assert status(reader, newsletter) == "unsubscribed"
    assert status(reader, weekly) == "confirmed"


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "1e3", "-1", "99999999999999999999", "abc"])
def test_it_says_a_bad_newsletter_choice_is_not_valid(client, newsletter, weekly, value):
    [reader] = confirmed(newsletter, "reader@example.org")
    url = path_of(composer.unsubscribe_url(reader.pk, newsletter.pk))
    for action in ("unsubscribe", "subscribe"):
        page = client.post(url, {"action": action, "newsletter": value})
        assert page.status_code == 400
        assert "Please choose one of our newsletters." in page.content.decode()
    assert status(reader, newsletter) == "confirmed"
    assert not Subscription.objects.filter(newsletter=weekly).exists()


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
