"""Bounces and complaints arrive through Anymail's webhooks (any provider it supports) and
suppress the address; a mail to List-Unsubscribe's mailto: address unsubscribes."""

import base64
import json
import re

import pytest
from django.core.checks import run_checks
from django.utils.timezone import now

from newsdesk.newsletters import issues, tasks, tokens, webhooks
from newsdesk.newsletters.models import Delivery, Issue, Subscriber, Subscription
from newsdesk.newsletters.tests.conftest import confirmed

pytestmark = pytest.mark.django_db

AUTH = "hooks:correct-horse-battery-staple"


# Keys of the providers that sign their posts or fetch inbound mail, for the tests that
# configure every provider in turn (none of them is ever contacted).
KEYS = {
    "BREVO_API_KEY": "k",
    "MAILERSEND_INBOUND_SECRET": "k",
    "MAILERSEND_SIGNING_SECRET": "k",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "k",
    "MAILTRAP_API_TOKEN": "k",
    "MANDRILL_WEBHOOK_KEY": "k",
    "POSTAL_WEBHOOK_KEY": "k",
    "RESEND_API_KEY": "k",
    "SENDINBLUE_API_KEY": "k",
    "UNISENDER_GO_API_KEY": "k",
}


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": AUTH}
    settings.NEWSLETTER_WEBHOOK_PROVIDER = "postmark"


def paths_of(provider):
    return [
        "/newsletters/webhooks/" + re.sub(r"\^|\$|\\Z|\(_mime\)\?", "", str(pattern.pattern))
        for pattern in webhooks.urlpatterns
        if webhooks.provider_of(pattern) == provider
    ]


def post(client, path, payload, auth=AUTH):
    headers = {}
    if auth:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    return client.post(path, json.dumps(payload), content_type="application/json", **headers)


def postmark_bounce(email, kind="HardBounce"):
    return {
        "RecordType": "Bounce",
        "Type": kind,
        "TypeCode": 1,
        "ID": 4323372036854775807,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": email,
        "BouncedAt": "2026-11-29T10:00:00Z",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    }


def test_a_hard_bounce_suppresses_the_address_and_stops_queued_mail(client, newsletter):
    bounced, other = confirmed(newsletter, "gone@example.org", "reader@example.org")
    issue = Issue.objects.create(newsletter=newsletter, subject="Queued", status="sending")
    issues.create_deliveries(issue)
    response = post(
        client, "/newsletters/webhooks/postmark/tracking/", postmark_bounce("Gone@Example.org")
    )
    assert response.status_code == 200
    bounced.refresh_from_db()
    assert bounced.suppressed and bounced.suppressed_reason == "bounce" and bounced.suppressed_at
    assert Delivery.objects.get(subscriber=bounced).status == "skipped"
    assert Delivery.objects.get(subscriber=other).status == "queued"
    assert not Subscriber.objects.get(pk=other.pk).suppressed


def test_a_transient_bounce_changes_nothing(client, newsletter):
    [reader] = confirmed(newsletter, "reader@example.org")
    post(
        client,
        "/newsletters/webhooks/postmark/tracking/",
        postmark_bounce(reader.email, "Transient"),
    )
    reader.refresh_from_db()
    assert not reader.suppressed


def test_a_complaint_from_another_provider_suppresses_too(client, settings, newsletter):
    settings.NEWSLETTER_WEBHOOK_PROVIDER = "mailjet"
    [reader] = confirmed(newsletter, "reader@example.org")
    events = [
        {
            "event": "spam",
            "time": 1764410000,
            "MessageID": 19421777396190490,
            "email": "reader@example.org",
            "source": "JMRPP",
        }
    ]
    response = post(client, "/newsletters/webhooks/mailjet/tracking/", events)
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.suppressed and reader.suppressed_reason == "complaint"


def test_an_unknown_address_is_ignored(client, newsletter):
    response = post(
        client, "/newsletters/webhooks/postmark/tracking/", postmark_bounce("stranger@example.org")
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_webhooks_need_the_secret(client, newsletter):
    [reader] = confirmed(newsletter, "reader@example.org")
    for auth in (None, "hooks:wrong"):
        response = post(
            client,
            "/newsletters/webhooks/postmark/tracking/",
            postmark_bounce(reader.email),
            auth=auth,
        )
        assert response.status_code == 400
    reader.refresh_from_db()
    assert not reader.suppressed


def test_a_suppressed_address_is_never_sent_to_again(client, smtp, newsletter):
    bounced, reader = confirmed(newsletter, "gone@example.org", "reader@example.org")
    post(client, "/newsletters/webhooks/postmark/tracking/", postmark_bounce(bounced.email))
    issue = Issue.objects.create(
        newsletter=newsletter, subject="After the bounce", status="scheduled", scheduled_at=now()
    )
    tasks.send_issue.call(issue.pk)
    tasks.deliver_issue.call(issue.pk)
    assert list(smtp.recipients()) == ["reader@example.org"]
    assert not Delivery.objects.filter(subscriber=bounced).exists()


def test_a_mail_to_the_unsubscribe_address_unsubscribes(client, newsletter, weekly):
    [reader] = confirmed(newsletter, "reader@example.org")
    confirmed(weekly, "reader@example.org")
    token = tokens.make_unsubscribe_token(reader.pk, newsletter.pk)
    raw = (
        "From: Reader <reader@example.org>\r\n"
        "To: newsroom@localhost\r\n"
        f"Subject: unsubscribe {token}\r\n"
        "\r\n"
        "This message was sent by my mail program's unsubscribe button.\r\n"
    )
    payload = {"RawEmail": raw, "OriginalRecipient": "newsroom@localhost", "MessageID": "x-1"}
    response = post(client, "/newsletters/webhooks/postmark/inbound/", payload)
    assert response.status_code == 200
    statuses = dict(Subscription.objects.values_list("newsletter__slug", "status"))
    assert statuses == {newsletter.slug: "unsubscribed", weekly.slug: "confirmed"}


def test_a_mail_with_a_forged_token_unsubscribes_nobody(client, newsletter):
    [reader] = confirmed(newsletter, "reader@example.org")
    raw = (
        "From: x@example.org\r\nTo: newsroom@localhost\r\n"
        "Subject: unsubscribe 1.1:forged\r\n\r\nx\r\n"
    )
    post(client, "/newsletters/webhooks/postmark/inbound/", {"RawEmail": raw, "MessageID": "x-2"})
    assert Subscription.objects.get().status == "confirmed"


def check_ids():
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_deploy_checks_ask_for_the_secret(settings):
    settings.ANYMAIL = {}
    assert "newsletters.W001" in check_ids()
    settings.ANYMAIL = {"WEBHOOK_SECRET": AUTH}
    assert "newsletters.W001" not in check_ids()
    # A provider that signs its posts needs no login, and no provider takes no events at all.
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": "k"}
    settings.NEWSLETTER_WEBHOOK_PROVIDER = "mailgun"
    assert not {"newsletters.W001", "newsletters.W002"} & check_ids()
    settings.NEWSLETTER_WEBHOOK_PROVIDER = ""
    assert "newsletters.W001" not in check_ids()


def test_checks_name_an_unknown_provider_and_a_missing_key(settings):
    settings.NEWSLETTER_WEBHOOK_PROVIDER = "postmarc"
    assert "newsletters.E001" in check_ids()
    settings.NEWSLETTER_WEBHOOK_PROVIDER = "mailgun"
    [problem, *_] = [m for m in run_checks() if m.id == "newsletters.W002"]
    assert "MAILGUN_WEBHOOK_SIGNING_KEY" in problem.msg


def test_only_the_configured_providers_webhooks_answer(client, settings, newsletter):
    [reader] = confirmed(newsletter, "reader@example.org")
    for provider in webhooks.PROVIDERS:
        for path in paths_of(provider):
            response = post(client, path, postmark_bounce(reader.email))
            assert (response.status_code == 404) == (provider != "postmark"), path
    settings.NEWSLETTER_WEBHOOK_PROVIDER = ""
    for path in paths_of("postmark"):
        assert post(client, path, postmark_bounce(reader.email)).status_code == 404
    assert Subscriber.objects.filter(suppressed=True).count() == 1  # by the first bounce


@pytest.mark.parametrize("provider", ["mailgun", "postal"])
def test_a_provider_without_its_key_is_unavailable_not_an_error(client, settings, provider):
    settings.NEWSLETTER_WEBHOOK_PROVIDER = provider
    for path in paths_of(provider):
        for auth in (AUTH, None):
            assert post(client, path, {"event": "bounced"}, auth=auth).status_code == 503


# Bodies no provider sends: not JSON, JSON of the wrong shape, a form, nothing.
MALFORMED = [
    ("{not json", "application/json"),
    ("[]", "application/json"),
    ('{"Type": 1, "RecordType": ["Bounce"]}', "application/json"),
    ("[1, null]", "application/json"),
    ('"a string"', "application/json"),
    ("x=1&event=bounced", "application/x-www-form-urlencoded"),
    ("", "application/json"),
    ("\xff\xfe", "application/json"),
]


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_a_malformed_post_is_a_bad_request_for_every_provider(client, settings, provider):
    settings.NEWSLETTER_WEBHOOK_PROVIDER = provider
    settings.ANYMAIL = {"WEBHOOK_SECRET": AUTH, **KEYS}
    headers = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(AUTH.encode()).decode()}
    for path in paths_of(provider):
        for payload, content_type in MALFORMED:
            response = client.post(path, payload, content_type=content_type, **headers)
            assert 400 <= response.status_code < 500 or response.status_code == 200, (
                path,
                payload,
                response.status_code,
            )
    assert not Subscriber.objects.exists()
