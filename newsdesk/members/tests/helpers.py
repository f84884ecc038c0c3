"""Steps the members tests share: signing in through the real views, posting signed events."""

import re

from django.test import TestCase
from django.urls import reverse

from newsdesk.members.signin import READER_COOKIE
from newsdesk.members.tests.conftest import WEBHOOK_SECRET
from newsdesk.testing.stripe import signed

CODE = re.compile(r"\b(\d{6})\b")


def code_from(message):
    return CODE.search(message["Subject"]).group(1)


def sign_in(client, mailbox, email):
    """Ask for a code, read it from the SMTP server, enter it: the client is signed in."""
    before = len(mailbox.messages_to(email))
    client.post(reverse("members:request_code"), {"email": email})
    mailbox.wait_for(mailbox.count)
    message = mailbox.messages_to(email)[before]
    response = client.post(
        reverse("members:enter_code"), {"email": email, "code": code_from(message)}
    )
    assert response.status_code == 302, response.content
    assert READER_COOKIE in client.cookies
    return response


def post_event(client, event, *, secret=WEBHOOK_SECRET):
    """Post `event` as Stripe would; mail it queues is sent before this returns."""
    payload, header = signed(event, secret)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("members:stripe_webhook"),
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=header,
        )
