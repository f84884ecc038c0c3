"""Sign-up through /newsletters/subscribe/, double opt-in by mail, and what bad input gets."""

import pytest
from django.test import Client
from django.utils.html import escape

from newsdesk.newsletters.models import Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import confirmed, link_in, path_of
from newsdesk.newsletters.tokens import read_confirm_token
from newsdesk.newsletters.views import THANKS

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def sign_up(
    client, capture, email, *slugs, headers=None, website="", source="/news/a-story/", ip=None
):
    data = {"email": email, "newsletter": list(slugs), "source": source, "website": website}
    with capture(execute=True):
        return client.post(
            "/newsletters/subscribe/", data, REMOTE_ADDR=ip or "127.0.0.1", **(headers or {})
        )


def nothing_stored():
    return not Subscriber.objects.exists() and not Subscription.objects.exists()


def test_it_signs_up_confirms_by_mail_and_welcomes(
    client, django_capture_on_commit_callbacks, smtp, newsletter, weekly
):
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "Reader@Example.ORG",
        newsletter.slug,
        weekly.slug,
    )
    assert response.status_code == 200
    assert escape(str(THANKS)) in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.source_url == "/news/a-story/"
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"pending"}

    [confirmation] = smtp.wait_for(1)
    assert confirmation.rcpt_tos == ["reader@example.org"]
    message = confirmation.message
    assert "confirm" in message["Subject"].lower()
    assert message.get_body(preferencelist=("html",)) is not None
    confirm_url = link_in(message, "/newsletters/confirm/")

    # Opening the link (as a mail scanner would) changes nothing; the button does.
    page = client.get(path_of(confirm_url))
    assert page.status_code == 200
    assert b">Confirm</button>" in page.content
    assert not Subscription.objects.filter(status="confirmed").exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path_of(confirm_url))
    assert done.status_code == 200
    assert "You're subscribed" in done.content.decode()
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"confirmed"}

    _, welcome = smtp.wait_for(2)
    assert welcome.rcpt_tos == ["reader@example.org"]
    assert welcome.message["Subject"].startswith("Welcome")
    unsubscribe_url = link_in(welcome.message, "/newsletters/unsubscribe/")
    assert client.get(path_of(unsubscribe_url)).status_code == 200


def test_it_answers_the_script_with_json(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "reader@example.org",
        newsletter.slug,
        headers=JSON,
    )
    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": THANKS, "errors": {}}
    smtp.wait_for(1)


def test_it_accepts_internationalised_domains(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    sign_up(client, django_capture_on_commit_callbacks, "olena@Приклад.Укр", newsletter.slug)
    sign_up(
        client, django_capture_on_commit_callbacks, "olena@xn--80aikifvh.xn--j1amh", newsletter.slug
    )
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["olena@приклад.укр"]
    # One subscriber, asked to confirm again (the same subscriber and nonce: the links differ
    # only in their signing time when a second passes between the two sign-ups).
    mails = smtp.wait_for(2)
    assert [mail.rcpt_tos for mail in mails] == [["olena@xn--80aikifvh.xn--j1amh"]] * 2
    first, second = (link_in(mail.message, "confirm").rstrip("/") for mail in mails)
    assert read_confirm_token(first.rsplit("/", 1)[1]) == read_confirm_token(
        second.rsplit("/", 1)[1]
    )


def test_it_answers_the_same_for_an_address_already_subscribed(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    confirmed(newsletter, "reader@example.org")
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "reader@example.org",
        newsletter.slug,
        headers=JSON,
    )
    assert response.json() == {"ok": True, "message": THANKS, "errors": {}}
    assert Subscription.objects.get().status == "confirmed"
    assert smtp.count == 0


def test_it_mails_a_suppressed_address_nothing(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    Subscriber.objects.create(
        email="bounced@example.org", suppressed=True, suppressed_reason="bounce"
    )
    response = sign_up(
        client, django_capture_on_commit_callbacks, "bounced@example.org", newsletter.slug
    )
    assert escape(str(THANKS)) in response.content.decode()
    assert not Subscription.objects.exists()
    assert smtp.count == 0


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Please enter a valid email address"),
        ("not-an-address", "Please enter a valid email address"),
        ("reader@example", "Please enter a valid email address"),
        ("reader@@example.org", "Please enter a valid email address"),
        ("reader@exa mple.org", "Please enter a valid email address"),
        ("reader@example.org\r\nBcc: everyone@example.org", "Please enter a valid email address"),
        ("reader@example.org\nSubject: hi", "Please enter a valid email address"),
        ("reader\x00@example.org", "Please enter a valid email address"),
        ("a" * 10_240 + "@example.org", "That address is too long"),
        ("читач@example.org", "Latin letters"),
    ],
)
def test_it_refuses_bad_addresses_clearly_and_stores_nothing(
    client, django_capture_on_commit_callbacks, smtp, newsletter, email, message
):
    page = sign_up(client, django_capture_on_commit_callbacks, email, newsletter.slug)
    assert page.status_code == 400
    html = page.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html

    answer = sign_up(
        client, django_capture_on_commit_callbacks, email, newsletter.slug, headers=JSON
    )
    assert answer.status_code == 400
    assert message in answer.json()["errors"]["email"][0]
    assert nothing_stored()
    assert smtp.count == 0


def test_it_keeps_what_was_typed_when_the_address_is_wrong(
    client, django_capture_on_commit_callbacks, newsletter, weekly
):
    page = sign_up(client, django_capture_on_commit_callbacks, "reader@example", weekly.slug)
    html = page.content.decode()
    assert 'value="reader@example"' in html
    assert f'value="{weekly.slug}" checked' in html
    assert f'value="{newsletter.slug}" checked' not in html


@pytest.mark.parametrize(
    "slugs, message",
    [
        (["no-such-newsletter"], "Please choose one of our newsletters."),
        (["morning-brief", "../../etc/passwd"], "Please choose one of our newsletters."),
        ([], "Please choose at least one newsletter."),
    ],
)
def test_it_refuses_unknown_newsletters(
    client, django_capture_on_commit_callbacks, smtp, newsletter, weekly, slugs, message
):
    answer = sign_up(
        client, django_capture_on_commit_callbacks, "reader@example.org", *slugs, headers=JSON
    )
    assert answer.status_code == 400
    assert answer.json()["errors"]["newsletter"] == [message]
    page = sign_up(client, django_capture_on_commit_callbacks, "reader@example.org", *slugs)
    assert message in page.content.decode()
    assert nothing_stored()


def test_it_refuses_inactive_newsletters(client, django_capture_on_commit_callbacks, newsletter):
    newsletter.active = False
    newsletter.save()
    answer = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "reader@example.org",
        newsletter.slug,
        headers=JSON,
    )
    assert answer.status_code == 400
    assert nothing_stored()


def test_it_thanks_bots_that_fill_the_honeypot_and_stores_nothing(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    answer = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "bot@example.org",
        newsletter.slug,
        website="http://spam.example",
        headers=JSON,
    )
    assert answer.json()["ok"] is True
    assert nothing_stored()
    assert smtp.count == 0


def test_it_ignores_a_source_that_is_not_a_path_here(
    client, django_capture_on_commit_callbacks, smtp, newsletter
):
    sign_up(
        client,
        django_capture_on_commit_callbacks,
        "reader@example.org",
        newsletter.slug,
        source="https://elsewhere.example/\r\nX-Header: 1",
    )
    assert Subscriber.objects.get().source_url == ""


def test_it_limits_sign_ups_per_client(
    client, django_capture_on_commit_callbacks, settings, smtp, newsletter
):
    settings.NEWSLETTER_SIGNUPS_PER_IP = 3
    for number in range(3):
        answer = sign_up(
            client,
            django_capture_on_commit_callbacks,
            f"r{number}@example.org",
            newsletter.slug,
            headers=JSON,
        )
        assert answer.status_code == 200
    refused = sign_up(
        client, django_capture_on_commit_callbacks, "r9@example.org", newsletter.slug, headers=JSON
    )
    assert refused.status_code == 429
    assert "Too many sign-ups" in refused.json()["message"]
    assert int(refused["Retry-After"]) > 0
    page = sign_up(client, django_capture_on_commit_callbacks, "r9@example.org", newsletter.slug)
    assert page.status_code == 429 and "Too many sign-ups" in page.content.decode()
    assert Subscriber.objects.count() == 3

    # Another client is not held back by the first one.
    other = sign_up(
        client,
        django_capture_on_commit_callbacks,
        "r9@example.org",
        newsletter.slug,
        ip="192.0.2.44",
        headers=JSON,
    )
    assert other.status_code == 200


def test_it_stops_mailing_one_address_signed_up_again_and_again(
    client, django_capture_on_commit_callbacks, settings, smtp, newsletter
):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = 2
    for number in range(5):
        answer = sign_up(
            client,
            django_capture_on_commit_callbacks,
            "victim@example.org",
            newsletter.slug,
            ip=f"198.51.100.{number}",
            headers=JSON,
        )
        assert answer.json() == {"ok": True, "message": THANKS, "errors": {}}
    assert smtp.wait_for(2) and smtp.count == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://attacker.example"},
        {"Origin": "null"},
    ],
)
def test_it_refuses_posts_from_other_sites(newsletter, headers):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/newsletters/subscribe/",
        {"email": "reader@example.org", "newsletter": newsletter.slug},
        headers=headers,
    )
    assert response.status_code == 403
    assert nothing_stored()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        {"Origin": "http://testserver"},
    ],
)
def test_it_takes_posts_from_its_own_pages_without_a_token_or_cookie(newsletter, headers):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/newsletters/subscribe/",
        {"email": "reader@example.org", "newsletter": newsletter.slug},
        headers=headers,
    )
    assert response.status_code == 200 and not response.cookies
    assert Subscriber.objects.filter(email="reader@example.org").exists()


def test_it_only_takes_posts(client, newsletter):
    assert client.get("/newsletters/subscribe/").status_code == 405


def test_it_lists_the_active_newsletters_with_a_form_each(client, newsletter, weekly, author):
    weekly.host = author
    weekly.save()
    make_inactive = type(newsletter).objects.create(slug="old", name="Old letter", active=False)
    html = client.get("/newsletters/").content.decode()
    assert newsletter.name in html and weekly.name in html and author.name in html
    assert make_inactive.name not in html
    assert html.count("data-newsletter-form") == 3  # one per newsletter, one in the footer
    ids = [chunk.split('"')[0] for chunk in html.split(' id="')[1:]]
    assert len(ids) == len(set(ids)), "ids repeat on the page"
