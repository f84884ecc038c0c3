"""The members' pages in Chromium on both editions, at a phone's and a desktop's width, light
and dark: screenshots for a person to look at, axe-core clean, no CSP violation, nothing wider
than the screen. The support page's controls work with the keyboard and mouse (monthly/yearly
prices, amounts that follow the currency, the server's errors); a reader changes their email
address with the link mailed to the new one (read from the test SMTP server).

The site runs in granian (as in production) against localstripe, both on loopback.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.conftest import csp_violations
from newsdesk.members.models import Donation, Membership, Reader, Tier
from newsdesk.members.tests.helpers import code_from
from newsdesk.testing import free_port, web_server
from newsdesk.testing.browser import (
    WIDTHS,
    fits_width,
    open_page,
    screenshot,
    serious_violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"(http://\S+/account/link/[^/\s]+/)")


@pytest.fixture
def tiers(uk_home):
    uk = Locale.objects.get(language_code="uk")
    specs = [
        ("Reader", "usd", 500, 5000, Locale.get_default(), "Members-only stories\nNo prompts"),
        ("Patron", "usd", 3000, 30000, Locale.get_default(), "Everything in Reader\nOpen day"),
        ("Читач", "uah", 15000, 150000, uk, "Матеріали для членів спільноти\nБез закликів"),
        ("Прихильник", "uah", 40000, 400000, uk, "Усе, що має «Читач»\nЗустрічі з редакцією"),
    ]
    for position, (name, currency, monthly, yearly, locale, benefits) in enumerate(specs):
        Tier.objects.create(
            name=name, description="", benefits=benefits, currency=currency,
            monthly_amount=monthly, yearly_amount=yearly, locale=locale, sort_order=position,
        )  # fmt: skip


def sign_in(page, site, smtp, email, prefix=""):
    page.goto(f"{site}{prefix}/account/", wait_until="networkidle")
    page.locator("#id_email").fill(email)
    before = smtp.count
    page.locator("form[action$='/account/sign-in/'] button").click()
    page.locator("#id_code").wait_for()
    assert serious_violations(page) == []
    screenshot(page, f"members-enter-code{prefix.replace('/', '-') or '-en'}", full_page=True)
    smtp.wait_for(before + 1)
    message = smtp.messages_to(email)[-1]
    page.locator("#id_code").fill(code_from(message))
    page.locator("form[action$='/account/code/'] button").click()
    page.locator(".rv-hero--account").wait_for()


def look(page, name):
    """Screenshots at both widths in both colour schemes; each clean for axe and the CSP."""
    for width in WIDTHS:
        for scheme in ("light", "dark"):
            page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
            page.emulate_media(color_scheme=scheme)
            page.reload(wait_until="networkidle")
            assert serious_violations(page) == [], (name, width, scheme)
            assert fits_width(page, width), (name, width)
            screenshot(page, f"members-{name}-{width}-{scheme}", full_page=True)
    assert csp_violations(page) == []


def test_the_members_pages_look_finished(browser, site, smtp, tiers):
    page = open_page(browser, site + "/uk/support/")
    assert page.locator("html").get_attribute("lang") == "uk"
    look(page, "support-uk")
    page.goto(site + "/support/", wait_until="networkidle")
    look(page, "support-en")
    page.goto(site + "/uk/support/thanks/", wait_until="networkidle")
    look(page, "thanks-uk")
    page.goto(site + "/uk/account/", wait_until="networkidle")
    look(page, "sign-in-uk")

    sign_in(page, site, smtp, "chytachka@example.org", prefix="/uk")
    assert "Ви ввійшли як" in page.locator(".rv-hero--account").inner_text()
    look(page, "account-uk")

    # A member whose last renewal failed, with donations: the account page says so.
    reader = Reader.objects.get()
    Reader.objects.filter(pk=reader.pk).update(stripe_customer_id="cus_look")
    tier = Tier.objects.get(name="Прихильник")
    Membership.objects.create(
        reader=reader, tier=tier, status="past_due", amount=40000, currency="uah",
        started_at=timezone.now() - timedelta(days=40),
    )  # fmt: skip
    for number, (amount, frequency) in enumerate([(20000, "once"), (10000, "monthly")]):
        Donation.objects.create(
            reader=reader, email=reader.email, amount=amount, currency="uah",
            frequency=frequency, stripe_reference=f"cs_look_{number}",
        )  # fmt: skip
    page.reload(wait_until="networkidle")
    membership = page.locator(".rv-membership").inner_text()
    assert membership == "Прихильник: Платіж не пройшов"
    assert page.get_by_text("Останній платіж не пройшов").is_visible()
    assert page.get_by_role("button", name="Змінити або скасувати членство").is_visible()
    look(page, "account-uk-member")
    page.context.close()


def test_without_stripe_the_support_page_is_complete_and_says_so(browser, tiers):
    port = free_port()
    env = {"SITE_URL": f"http://127.0.0.1:{port}", "STRIPE_SECRET_KEY": ""}
    with web_server(port=port, env=env) as site:
        for edition, notice in (("", "Payments are not set up yet"),
                                ("/uk", "Платежі ще не налаштовано")):  # fmt: skip
            page = open_page(browser, f"{site}{edition}/support/")
            assert page.get_by_role("heading", name=notice).is_visible()
            assert page.locator(".rv-tier").count() == 2
            buttons = page.locator("form[action$='/support/checkout/'] button:visible")
            assert buttons.count() == 3  # each tier's (monthly) and the donation's
            for button in buttons.all():
                assert button.is_disabled()
                assert button.get_attribute("aria-describedby") == "payments-notice"
            look(page, f"support-no-stripe{edition.replace('/', '-') or '-en'}")
            page.context.close()


def test_the_support_page_controls(browser, site, tiers):
    page = open_page(browser, site + "/uk/support/", width="phone")
    tiers_list = page.locator("[data-tiers]")

    # Monthly prices first; the switch shows the yearly ones (and the yearly buttons).
    assert page.get_by_text("150\xa0₴", exact=True).is_visible()
    assert not page.get_by_text("1\xa0500\xa0₴", exact=True).is_visible()
    page.get_by_role("group", name="Показати ціни").get_by_role("radio", name="Щороку").check()
    assert tiers_list.get_attribute("data-interval") == "year"
    assert page.get_by_text("1\xa0500\xa0₴", exact=True).is_visible()
    assert page.get_by_role("button", name="Обрати «Читач», щорічно").is_visible()
    assert not page.get_by_role("button", name="Обрати «Читач», щомісячно").is_visible()

    # Hryvnia amounts first (the edition's currency); dollars show the dollar amounts.
    amounts = page.locator(".rv-chips--amounts:visible .rv-chip--amount")
    assert amounts.all_inner_texts() == ["100\xa0₴", "200\xa0₴", "500\xa0₴", "1\xa0000\xa0₴"]
    assert page.locator(".rv-chip--amount:visible input:checked").get_attribute("value") == "200"
    page.locator(".rv-chip", has_text="USD").click()
    assert amounts.all_inner_texts() == ["5\xa0$", "10\xa0$", "25\xa0$", "50\xa0$"]
    assert page.locator(".rv-money__sign").inner_text() == "$"
    page.locator(".rv-chip", has_text="EUR").click()
    assert amounts.all_inner_texts() == ["5\xa0€", "10\xa0€", "25\xa0€", "50\xa0€"]

    # Keyboard: the frequency chips are radio buttons.
    frequency = page.get_by_role("group", name="Як часто")
    frequency.get_by_role("radio", name="Разово").focus()
    page.keyboard.press("ArrowRight")
    assert frequency.get_by_role("radio", name="Щомісяця").is_checked()

    # Another amount replaces the chips; a wrong one comes back from the server, explained.
    page.get_by_label("Або введіть іншу суму").fill("20 000")
    assert page.locator("input[name=amount]:checked").count() == 0
    page.get_by_role("button", name="Перейти до оплати").click()
    page.wait_for_load_state("networkidle")
    alert = page.get_by_role("alert")
    assert "Інша сума має бути від 1 до 10 000." in alert.inner_text()
    assert page.evaluate("document.activeElement.id") == "donate-errors"
    assert page.get_by_label("Або введіть іншу суму").input_value() == "20 000"
    assert frequency.get_by_role("radio", name="Щомісяця").is_checked()
    assert page.locator(".rv-chip", has_text="EUR").locator("input").is_checked()
    assert serious_violations(page) == []
    screenshot(page, "members-support-uk-error-phone", full_page=True)
    assert csp_violations(page) == []
    page.context.close()


def test_a_reader_changes_their_email_address_with_the_mailed_link(browser, site, smtp, uk_home):
    page = open_page(browser, site + "/uk/account/")
    sign_in(page, site, smtp, "stara@example.org", prefix="/uk")

    page.get_by_label("Нова адреса електронної пошти").fill("nova@example.org")
    page.get_by_role("button", name="Надіслати посилання для підтвердження").click()
    page.get_by_role("heading", name="Перевірте нову скриньку").wait_for()
    smtp.wait_for(2)
    [message] = smtp.messages_to("nova@example.org")
    link = LINK.search(message.get_body(("plain",)).get_content()).group(1)
    assert "/uk/account/link/" in link
    assert Reader.objects.get().email == "stara@example.org"  # not before the link is used

    page.goto(link, wait_until="networkidle")  # what a mail scanner would do changes nothing
    assert Reader.objects.get().email == "stara@example.org"
    assert serious_violations(page) == []
    page.get_by_role("button", name="Продовжити").click()
    page.locator(".rv-hero--account").wait_for()
    assert "nova@example.org" in page.locator(".rv-hero--account").inner_text()
    assert Reader.objects.get().email == "nova@example.org"

    page.goto(link, wait_until="networkidle")  # a link works once
    assert page.get_by_role("heading", name="Це посилання вже не діє").is_visible()
    assert csp_violations(page) == []
    page.context.close()


def test_without_javascript_the_support_page_shows_every_price_and_button(browser, site, tiers):
    page = open_page(browser, site + "/support/", javascript=False)
    assert not page.locator("[data-interval-switch]").is_visible()
    for text in ("$5", "$50", "$30", "$300"):
        assert page.get_by_text(text, exact=True).first.is_visible(), text
    for name in ("Join Reader monthly", "Join Reader yearly", "Join Patron yearly"):
        assert page.get_by_role("button", name=name).is_visible()
    # Both amount lists, each in its own currency, since nothing follows the currency chosen.
    assert page.locator(".rv-chip--amount").all_inner_texts() == [
        "$5", "$10", "$25", "$50", "₴100", "₴200", "₴500", "₴1,000",
    ]  # fmt: skip
    page.context.close()
