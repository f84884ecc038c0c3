"""Sign-in by emailed code or link: single use, 15 minutes, no account enumeration."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.members import signin
from newsdesk.members.models import Reader, SignInCode
from newsdesk.members.tests.helpers import code_from, sign_in

pytestmark = pytest.mark.django_db


def test_it_signs_a_new_reader_in_with_the_emailed_code(client, mailbox):
    sign_in(client, mailbox, "Reader@Example.ORG")

    assert Reader.objects.get().email == "Reader@example.org"
    page = client.get(reverse("members:account"))
    assert b"Signed in as" in page.content
    assert page["Cache-Control"].startswith("max-age=0")


def test_a_code_works_once(client, mailbox):
    sign_in(client, mailbox, "once@example.org")
    code = code_from(mailbox.messages_to("once@example.org")[0])
    other = client.__class__()

    response = other.post(
        reverse("members:enter_code"), {"email": "once@example.org", "code": code}
    )

    assert response.status_code == 400
    assert signin.READER_COOKIE not in other.cookies


def test_a_code_expires_after_fifteen_minutes(db):
    issued_at = timezone.now()
    row, code, token = signin.issue(email="late@example.org", now=issued_at)
    too_late = issued_at + timedelta(minutes=15, seconds=1)

    assert signin.redeem_code(email="late@example.org", code=code, now=too_late) is None
    assert signin.redeem_link(token, now=too_late) is None
    in_time = issued_at + timedelta(minutes=14, seconds=59)
    assert signin.redeem_code(email="late@example.org", code=code, now=in_time) == row


def test_five_wrong_codes_spend_it(db):
    row, code, token = signin.issue(email="guess@example.org")
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(signin.MAX_FAILED_ATTEMPTS):
        assert signin.redeem_code(email="guess@example.org", code=wrong) is None
    assert signin.redeem_code(email="guess@example.org", code=code) is None


def test_the_link_asks_before_it_signs_in(client, mailbox):
    client.post(reverse("members:request_code"), {"email": "link@example.org"})
    mailbox.wait_for(1)
    body = mailbox.messages_to("link@example.org")[0].get_body(("plain",)).get_content()
    link = next(line for line in body.splitlines() if "/account/link/" in line)
    path = link.split("127.0.0.1:8000", 1)[-1].strip()

    shown = client.get(path)
    assert b"Continue" in shown.content and signin.READER_COOKIE not in client.cookies
    client.post(path)
    assert signin.READER_COOKIE in client.cookies
    assert client.post(path).status_code == 400  # used


def test_it_answers_the_same_for_known_and_unknown_addresses(client, mailbox):
    Reader.objects.create(email="known@example.org")

    known = client.post(reverse("members:request_code"), {"email": "known@example.org"})
    unknown = client.post(reverse("members:request_code"), {"email": "nobody@example.org"})

    def page_text(response):
        text = response.content.decode().replace("known@", "X@").replace("nobody@", "X@")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

    assert known.status_code == unknown.status_code == 200
    assert page_text(known) == page_text(unknown)


def test_it_mails_one_address_a_limited_number_of_codes(client, mailbox, settings):
    settings.SIGNIN_EMAIL_LIMIT = 2
    for _ in range(4):
        response = client.post(reverse("members:request_code"), {"email": "flood@example.org"})
        assert response.status_code == 200
    assert SignInCode.objects.filter(email="flood@example.org").count() == 2
    assert len(mailbox.messages_to("flood@example.org")) == 2


def test_it_mails_one_new_address_a_limited_number_of_links(client, mailbox, settings):
    settings.SIGNIN_EMAIL_LIMIT = 2
    sign_in(client, mailbox, "mover@example.org")
    for _ in range(4):
        response = client.post(reverse("members:change_email"), {"email": "flood@example.org"})
        assert response.status_code == 200
    assert SignInCode.objects.filter(email="flood@example.org", purpose="change-email").count() == 2
    assert len(mailbox.messages_to("flood@example.org")) == 2


def test_email_changes_are_rate_limited_per_network(client, mailbox, settings):
    sign_in(client, mailbox, "mover@example.org")  # two of the sign-in forms' posts
    settings.FORM_RATE_LIMIT = 3
    answers = [
        client.post(reverse("members:change_email"), {"email": f"r{n}@example.org"}).status_code
        for n in range(5)
    ]
    assert answers == [200, 429, 429, 429, 429]


def test_sign_in_forms_are_rate_limited_per_network(client, mailbox, settings):
    settings.FORM_RATE_LIMIT = 3
    answers = [
        client.post(reverse("members:request_code"), {"email": f"r{n}@example.org"}).status_code
        for n in range(5)
    ]
    assert answers[-1] == 429


def test_reader_forms_need_the_csrf_token(mailbox):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("members:request_code"), {"email": "x@example.org"})
    assert response.status_code == 403


def test_a_reader_is_not_a_user_and_never_reaches_the_admin(client, mailbox):
    sign_in(client, mailbox, "reader@example.org")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert "sessionid" not in client.cookies


def test_sign_out_ends_the_session(client, mailbox):
    sign_in(client, mailbox, "out@example.org")
    client.post(reverse("members:sign_out"))
    assert b"Email me a code" in client.get(reverse("members:account")).content
