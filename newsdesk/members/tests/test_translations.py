"""The members' pages and mail in Ukrainian on the Ukrainian edition: no interface string of
any catalogue is left in English on /uk/support/, /uk/account/ (signed out and in), the
sign-in steps and the thank-you page; the reader's mail (sign-in code, receipt, failed renewal)
comes in the language of the edition they signed in or paid on."""

import time

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from newsdesk.core.tests.test_translations import english_messages, visible_texts
from newsdesk.members.models import Donation, Membership, Reader, Tier
from newsdesk.members.tests.helpers import code_from, post_event
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription
from newsdesk.testing.stripe import complete_checkout, event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def uk_tier(uk_home):
    return Tier.objects.create(
        name="Прихильник",
        description="Оплачує день роботи репортера.",
        benefits="Листи від редакції\nЗустрічі з авторами",
        currency="uah",
        monthly_amount=40000,
        yearly_amount=400000,
        locale=Locale.objects.get(language_code="uk"),
    )


def uk(name, *args):
    with translation.override("uk"):
        return reverse(name, args=args)


def assert_ukrainian(html, where):
    exact, patterns = english_messages()
    assert '<html lang="uk">' in html, where
    for text in visible_texts(html):
        assert text not in exact, f"{where}: {text!r} is English"
        for pattern in patterns:
            assert not pattern.fullmatch(text), f"{where}: {text!r} is English"


def sign_in_uk(client, mailbox, email):
    """Sign in on the Ukrainian edition, checking each page and the code's mail on the way."""
    assert_ukrainian(client.get("/uk/account/").content.decode(), "/uk/account/ (signed out)")
    joining = client.get("/uk/account/?next=support").content.decode()
    assert "Членство прив’язане до облікового запису" in joining
    assert_ukrainian(joining, "/uk/account/?next=support")
    response = client.post(uk("members:request_code"), {"email": email})
    assert_ukrainian(response.content.decode(), "the code form")
    mailbox.wait_for(mailbox.count)
    [message] = mailbox.messages_to(email)[-1:]
    assert "ваш код для входу" in message["Subject"]
    link = message.get_body(("plain",)).get_content()
    assert "Або відкрийте посилання" in link and "/uk/account/link/" in link
    assert_ukrainian(message.get_body(("html",)).get_content(), "the sign-in mail")

    wrong = client.post(uk("members:enter_code"), {"email": email, "code": "000000"})
    assert wrong.status_code == 400
    assert "Код неправильний" in wrong.content.decode()
    assert_ukrainian(wrong.content.decode(), "a wrong code")
    response = client.post(uk("members:enter_code"), {"email": email, "code": code_from(message)})
    assert response.status_code == 302 and response["Location"] == "/uk/account/"


def test_the_support_page_speaks_ukrainian(client, uk_tier, stripe_api):
    # The same check finds the members' English words on the English edition's page.
    exact, _ = english_messages()
    english = set(visible_texts(client.get("/support/").content.decode()))
    assert {"Make a donation", "How often", "Continue to payment"} <= exact & english

    html = client.get("/uk/support/").content.decode()
    assert "Прихильник" in html and "Перейти до оплати" in html
    assert_ukrainian(html, "/uk/support/")

    refused = client.post(
        uk("members:checkout"),
        {"kind": "donation", "frequency": "once", "custom_amount": "багато", "currency": "uah"},
    )
    assert refused.status_code == 400
    assert "Введіть іншу суму числом" in refused.content.decode()
    assert_ukrainian(refused.content.decode(), "/uk/support/ with errors")

    assert_ukrainian(client.get(uk("members:thanks")).content.decode(), "/uk/support/thanks/")


def test_the_support_page_without_stripe_speaks_ukrainian(client, uk_tier, settings):
    settings.STRIPE_SECRET_KEY = ""
    html = client.get("/uk/support/").content.decode()
    assert "Платежі ще не налаштовано" in html
    assert_ukrainian(html, "/uk/support/ without Stripe")
    refused = client.post(
        uk("members:checkout"),
        {"kind": "donation", "frequency": "once", "amount": "200", "currency": "uah"},
    )
    assert refused.status_code == 503
    assert_ukrainian(refused.content.decode(), "checkout without Stripe")


def test_the_account_pages_and_mail_speak_ukrainian(client, mailbox, uk_tier):
    sign_in_uk(client, mailbox, "chytach@example.org")
    reader = Reader.objects.get()
    assert reader.language == "uk"
    Membership.objects.create(
        reader=reader, tier=uk_tier, status="active", amount=40000, currency="uah"
    )
    Donation.objects.create(
        reader=reader, email=reader.email, amount=20000, currency="uah", frequency="once",
        stripe_reference="cs_uk_1",
    )  # fmt: skip

    ranok = Newsletter.objects.create(
        slug="ranok", name="Ранок", locale=Locale.objects.get(language_code="uk")
    )
    Subscription.objects.create(
        subscriber=Subscriber.objects.create(email=reader.email),
        newsletter=ranok,
        status=Subscription.Status.CONFIRMED,
    )

    html = client.get("/uk/account/").content.decode()
    assert "Ранок: підтверджено" in html
    assert "Ви ввійшли як" in html and "400\xa0₴ на місяць" in html and "разовий внесок" in html
    assert_ukrainian(html, "/uk/account/ (signed in)")

    response = client.post(uk("members:change_email"), {"email": "nova@example.org"})
    assert_ukrainian(response.content.decode(), "the email change page")
    mailbox.wait_for(mailbox.count)
    [message] = mailbox.messages_to("nova@example.org")
    assert "Підтвердьте нову адресу" in message["Subject"]
    assert_ukrainian(message.get_body(("html",)).get_content(), "the email change mail")

    token = message.get_body(("plain",)).get_content().split("/uk/account/link/")[1].split("/")[0]
    assert_ukrainian(client.get(uk("members:link", token)).content.decode(), "the link page")
    assert_ukrainian(client.get(uk("members:link", "spent")).content.decode(), "a dead link")


def test_receipts_and_failed_renewals_come_in_the_readers_language(
    client, mailbox, stripe_api, uk_tier
):
    # A donation made on the Ukrainian edition, without an account: its receipt in Ukrainian.
    response = client.post(
        uk("members:checkout"),
        {"kind": "donation", "frequency": "once", "amount": "200", "currency": "uah"},
    )
    session_id = response["Location"].rsplit("/", 1)[1]
    session = complete_checkout(stripe_api, session_id, email="dar@example.org")
    post_event(client, event("checkout.session.completed", session))
    assert Donation.objects.get().language == "uk"
    mailbox.wait_for(1)
    [receipt] = mailbox.messages_to("dar@example.org")
    # A header's no-break space reaches the reader as a space (RFC 2047 words).
    assert receipt["Subject"].startswith("Ваша квитанція: 200 ₴")
    text = receipt.get_body(("plain",)).get_content()
    assert "Ми отримали ваш разовий внесок — 200\xa0₴" in text and "/uk/account/" in text
    assert_ukrainian(receipt.get_body(("html",)).get_content(), "the receipt")

    # A member who joined on the Ukrainian edition: the failed renewal's mail in Ukrainian,
    # sent by the webhook, whatever language the request that carried it had.
    sign_in_uk(client, mailbox, "chlen@example.org")
    response = client.post(
        uk("members:checkout"), {"kind": "membership", "tier": uk_tier.pk, "interval": "month"}
    )
    session = complete_checkout(
        stripe_api, response["Location"].rsplit("/", 1)[1], email="chlen@example.org"
    )
    post_event(client, event("checkout.session.completed", session))
    failed = {"id": "in_fail_uk", "subscription": session["subscription"], "amount_paid": 0,
              "currency": "uah", "billing_reason": "subscription_cycle"}  # fmt: skip
    before = mailbox.count
    post_event(client, event("invoice.payment_failed", failed, created=int(time.time()) + 20))
    mailbox.wait_for(before + 1)
    [notice] = mailbox.messages_to("chlen@example.org")[-1:]
    assert notice["Subject"] == "Платіж за членство в «Меридіанський вісник» не пройшов"
    assert "платіж на 400\xa0₴ не пройшов" in notice.get_body(("plain",)).get_content()
    assert_ukrainian(notice.get_body(("html",)).get_content(), "the failed renewal mail")
    welcome = mailbox.messages_to("chlen@example.org")[-2]
    assert welcome["Subject"].startswith("Вітаємо в спільноті")
