"""A reader in Chromium: signs in with the code mailed to the test SMTP server, starts a
monthly membership (as far as the local Stripe server goes: its Checkout page), and sees it on
the account page once Stripe's event arrives; support, account and thank-you pages are clean
for axe-core. A member's browser hides the support prompts that the cached page carries.

The site runs in granian (as in production) against localstripe, both on loopback.
"""

import re
import urllib.request

import pytest

from newsdesk.conftest import csp_violations
from newsdesk.members.models import Membership
from newsdesk.members.tests.conftest import WEBHOOK_SECRET
from newsdesk.members.tests.helpers import code_from
from newsdesk.testing import wait_until
from newsdesk.testing.browser import open_page, screenshot, serious_violations
from newsdesk.testing.stripe import complete_checkout, event, signed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def deliver(site, stripe_event):
    """Post `stripe_event` to the site's webhook, signed as Stripe signs."""
    payload, header = signed(stripe_event, WEBHOOK_SECRET)
    request = urllib.request.Request(
        f"{site}/members/stripe/webhook/",
        data=payload.encode(),
        headers={"Content-Type": "application/json", "Stripe-Signature": header},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def prompt_visible(page):
    return page.locator(".support-prompt--article_end").is_visible()


def test_a_reader_signs_in_and_becomes_a_member(browser, site, smtp, stripe_server, tier, section):
    from newsdesk.conftest import make_article, paragraphs

    story = make_article(section, title="A story worth paying for")
    anonymous = open_page(browser, site + story.url)
    assert prompt_visible(anonymous)
    anonymous.context.close()

    page = open_page(browser, site + "/account/")
    assert serious_violations(page) == []
    page.get_by_label("Email address").fill("new.member@example.org")
    page.get_by_role("button", name="Email me a code").click()
    page.get_by_label("6-digit code").wait_for()
    [message] = smtp.wait_for(1)
    page.get_by_label("6-digit code").fill(code_from(message.message))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Signed in as").wait_for()
    assert serious_violations(page) == []
    screenshot(page, "members-account-signed-in", full_page=True)

    page.goto(site + "/support/", wait_until="networkidle")
    assert serious_violations(page) == []
    screenshot(page, "members-support", full_page=True)
    page.get_by_role("button", name="Join Friend monthly").click()
    page.wait_for_url(re.compile(re.escape(stripe_server.url) + r"/_config/checkout/cs_test_\w+"))
    session_id = page.url.rsplit("/", 1)[1]

    # What Stripe does when the reader pays, and the event it then sends.
    session = complete_checkout(stripe_server.client(), session_id, email="new.member@example.org")
    deliver(site, event("checkout.session.completed", session))
    page.get_by_role("link", name="Pay").click()
    page.wait_for_url(re.compile(r"/support/thanks/"))
    assert serious_violations(page) == []

    page.goto(site + "/account/", wait_until="networkidle")
    assert "Friend: Active" in page.locator(".rv-membership").inner_text()
    assert wait_until(lambda: Membership.objects.get().status == "active")

    page.goto(site + story.url, wait_until="networkidle")
    assert page.evaluate("document.documentElement.classList.contains('nd-member')")
    assert not prompt_visible(page)
    assert not page.get_by_role("link", name="Support us").is_visible()
    assert csp_violations(page) == []

    # A members-only story: the page is everyone's (cached), the rest comes to the member's
    # browser from a request that is never cached.
    locked = make_article(
        section,
        title="For members",
        body=paragraphs("Open opening.", "Open second.", "Locked third.", "Locked fourth."),
        members_only=True,
    )
    page.goto(site + locked.url, wait_until="networkidle")
    page.get_by_text("Locked fourth.").wait_for()
    assert page.get_by_text("Open opening.").is_visible()
    page.goto(site + story.url, wait_until="networkidle")

    # The membership ends; the browser's cookie outlives it until the daily check.
    cancelled = stripe_server.client().subscriptions.cancel(session["subscription"]).to_dict()
    deliver(site, event("customer.subscription.deleted", cancelled))
    assert wait_until(lambda: Membership.objects.get().status == "cancelled")
    page.reload(wait_until="networkidle")
    assert not prompt_visible(page)  # checked less than a day ago
    page.evaluate("localStorage.removeItem('nd-member-checked')")  # a day later
    page.reload(wait_until="networkidle")
    page.locator(".support-prompt--article_end").wait_for(state="visible")
    assert "nd_member" not in {cookie["name"] for cookie in page.context.cookies()}
