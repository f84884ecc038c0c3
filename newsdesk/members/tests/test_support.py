"""/support/: tiers of the reader's edition, the donation form with the server's errors on it,
and a site without Stripe's keys that says so instead of failing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from newsdesk.members.forms import parse_amount
from newsdesk.members.models import Tier
from newsdesk.members.tests.helpers import code_from

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_stripe(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens: any call would fail


def test_it_lists_each_editions_own_tiers(client, tier, uk_home):
    Tier.objects.create(
        name="Прихильник",
        benefits="Листи від редакції",
        currency="uah",
        monthly_amount=40000,
        yearly_amount=400000,
        locale=Locale.objects.get(language_code="uk"),
    )
    english = client.get("/support/").content.decode()
    ukrainian = client.get("/uk/support/").content.decode()

    assert "Friend" in english and "Прихильник" not in english
    assert "Прихильник" in ukrainian and "Friend" not in ukrainian
    assert "400\xa0₴" in ukrainian and "4\xa0000\xa0₴" in ukrainian
    # The donation form starts in the edition's currency.
    assert 'value="uah" checked' in ukrainian and 'value="usd" checked' in english


def test_without_stripe_it_says_payments_are_not_set_up(client, tier, no_stripe, superuser):
    page = client.get("/support/").content.decode()

    assert "Payments are not set up yet" in page
    assert page.count('disabled aria-describedby="payments-notice"') == 3  # two tier buttons
    assert "Friend" in page and "No support prompts" in page  # still a complete page
    assert "STRIPE_SECRET_KEY" not in page  # the setting's name is for staff

    response = client.post(
        reverse("members:checkout"),
        {"kind": "donation", "frequency": "once", "amount": "10", "currency": "usd"},
    )
    assert response.status_code == 503
    assert "Payments are not set up yet" in response.content.decode()

    client.force_login(superuser)
    assert "STRIPE_SECRET_KEY" in client.get("/support/").content.decode()


def test_with_stripe_the_buttons_work(client, tier, stripe_api):
    page = client.get("/support/").content.decode()
    assert "Payments are not set up yet" not in page and " disabled" not in page


def test_it_shows_the_servers_errors_on_the_form_and_keeps_the_choices(client, stripe_api):
    response = client.post(
        reverse("members:checkout"),
        {"kind": "donation", "frequency": "monthly", "custom_amount": "20000", "currency": "eur"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "The other amount must be between 1 and 10,000." in page
    assert 'aria-invalid="true"' in page and 'value="20000"' in page
    assert 'value="monthly" checked' in page and 'value="eur" checked' in page

    response = client.post(
        reverse("members:checkout"), {"kind": "donation", "frequency": "once", "currency": "usd"}
    )
    assert response.status_code == 400
    assert "Choose an amount or enter your own." in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_checkout_posted_from_another_site_is_refused(client, stripe_server, stripe_api, headers):
    donation = {"kind": "donation", "frequency": "once", "amount": "10", "currency": "usd"}

    refused = client.post(reverse("members:checkout"), donation, **headers)
    assert refused.status_code == 403

    same_site = client.post(
        reverse("members:checkout"), donation, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert same_site.status_code == 303
    assert same_site["Location"].startswith(stripe_server.url)


def test_it_reads_the_other_amount_as_readers_write_it():
    assert parse_amount("12,50") == Decimal("12.50")
    assert parse_amount("12.5") == Decimal("12.5")
    assert parse_amount(" 1 000 ") == Decimal("1000")
    assert parse_amount("1,000.50") == Decimal("1000.50")
    assert parse_amount("1,000") == Decimal("1000")
    assert parse_amount("ten") is None
    assert parse_amount("-5") is None


def test_the_staff_note_never_reaches_the_page_cache(client, tier, no_stripe, superuser, settings):
    settings.PAGE_CACHE_ENABLED = True
    staff = Client()
    staff.force_login(superuser)
    assert "STRIPE_SECRET_KEY" in staff.get("/support/").content.decode()
    first, second = Client().get("/support/"), Client().get("/support/")
    for response in (first, second):
        page = response.content.decode()
        assert "Payments are not set up yet" in page and "STRIPE_SECRET_KEY" not in page
    # Not kept while payments are not set up: set the keys, and the next reader can pay.
    assert second.get("X-Cache") != "HIT"
    settings.STRIPE_SECRET_KEY = "sk_test_set_now"
    page = Client().get("/support/").content.decode()
    assert "Payments are not set up yet" not in page and " disabled" not in page
    assert Client().get("/support/")["X-Cache"] == "HIT"


def test_a_reader_who_picks_a_tier_signs_in_and_comes_back_to_the_tiers(
    client, tier, stripe_api, mailbox
):
    response = client.post(
        reverse("members:checkout"), {"kind": "membership", "tier": tier.pk, "interval": "year"}
    )
    assert response.status_code == 302 and response["Location"] == "/account/?next=support"
    page = client.get(response["Location"]).content.decode()
    assert "Membership goes with an account" in page
    assert '<input type="hidden" name="next" value="support">' in page

    page = client.post(
        reverse("members:request_code"), {"email": "joining@example.org", "next": "support"}
    ).content.decode()
    assert '<input type="hidden" name="next" value="support">' in page
    mailbox.wait_for(1)
    [message] = mailbox.messages_to("joining@example.org")
    response = client.post(
        reverse("members:enter_code"),
        {"email": "joining@example.org", "code": code_from(message), "next": "support"},
    )
    assert response.status_code == 302 and response["Location"] == "/support/"
    # Anywhere else is not a place to go: the account page, as without `next`.
    elsewhere = Client().get("/account/?next=https://example.com/").content.decode()
    assert 'name="next"' not in elsewhere and "example.com" not in elsewhere
