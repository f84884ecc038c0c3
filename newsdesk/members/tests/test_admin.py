"""The admin: tiers synced to Stripe, members and donors (with the permission only), revenue."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.checks import run_checks
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.conftest import make_user
from newsdesk.members import revenue
from newsdesk.members.models import Donation, Membership, Reader, Tier

pytestmark = pytest.mark.django_db


@pytest.fixture
def paying_readers():
    now = timezone.now()
    member = Reader.objects.create(email="member.person@example.org")
    membership = Membership.objects.create(
        reader=member, amount=120000, currency="usd", interval="year", status="pending"
    )
    membership.move_to("active", at=now - timedelta(days=40))
    donor = Reader.objects.create(email="donor.person@example.org")
    Donation.objects.create(reader=donor, email=donor.email, amount=2500, currency="uah",
                            frequency="once", stripe_reference="cs_1")  # fmt: skip
    Donation.objects.create(reader=donor, email=donor.email, amount=500, currency="usd",
                            frequency="monthly", stripe_reference="in_1",
                            stripe_subscription_id="sub_1")  # fmt: skip
    return member, donor


def test_staff_without_the_permission_see_no_reader(client, editor, paying_readers):
    client.force_login(editor)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200  # signed in to the admin
    assert (
        b"/admin/revenue/" not in dashboard.content and b"/admin/readers/" not in dashboard.content
    )
    for url in ("/admin/readers/", "/admin/readers/?export=csv", "/admin/revenue/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"member.person@example.org" not in response.content


def test_staff_with_the_permission_list_and_export_members_and_donors(
    client, django_user_model, paying_readers
):
    user = make_user(django_user_model, "finance", "Editors")
    user.user_permissions.add(*Permission.objects.filter(codename="view_reader"))
    client.force_login(user)

    listing = client.get("/admin/readers/").content.decode()
    assert "member.person@example.org" in listing and "donor.person@example.org" in listing
    assert "Active" in listing

    export = client.get("/admin/readers/?export=csv")
    text = b"".join(export.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    by_email = {row[0]: row for row in rows[1:]}
    assert by_email["member.person@example.org"][2] == "Active"
    assert "Donation" in by_email["donor.person@example.org"][-1]


def test_the_revenue_view_shows_totals_and_charts(client, django_user_model, paying_readers):
    user = make_user(django_user_model, "publisher", "Editors")
    user.user_permissions.add(*Permission.objects.filter(codename="view_revenue"))
    client.force_login(user)

    page = client.get(reverse("members_revenue")).content.decode()

    assert "$105" in page  # MRR: $1,200 a year is $100 a month, plus a $5 monthly gift
    assert "Donations per month (UAH)" in page and "₴25" in page
    assert "<svg" in page and "New members per month" in page
    assert "member.person@example.org" not in page
    assert client.get("/admin/readers/").status_code in (302, 403)
    assert b"/admin/revenue/" in client.get("/admin/").content  # in the menu


def test_mrr_is_counted_per_currency(paying_readers):
    assert revenue.monthly_recurring_revenue() == {"usd": "$105"}


def test_a_saved_tier_gets_a_stripe_product_and_prices(
    client, superuser, stripe_api, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailsnippets_members_tier:add"),
            {"name": "Patron", "description": "", "benefits": "A mug", "currency": "uah",
             "monthly_amount": "20000", "yearly_amount": "200000", "active": "on",
             "sort_order": "0", "locale": str(Locale.get_default().pk)},
        )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    tier = Tier.objects.get()
    assert stripe_api.products.retrieve(tier.stripe_product_id).name == "Patron"
    yearly = stripe_api.plans.retrieve(tier.stripe_yearly_price_id)
    assert (yearly.amount, yearly.currency, yearly.interval) == (200000, "uah", "year")


def test_production_needs_the_stripe_keys(settings):
    settings.PRODUCTION = True
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""
    found = {message.id for message in run_checks(include_deployment_checks=True)}
    assert {"members.E001", "members.E002"} <= found
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_live_x", "whsec_x"
    found = {message.id for message in run_checks(include_deployment_checks=True)}
    assert not found & {"members.E001", "members.E002"}


def test_the_tier_list_names_each_tiers_edition(client, superuser, tier, uk_home):
    client.force_login(superuser)
    response = client.get(reverse("wagtailsnippets_members_tier:list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Friend" in page and "English" in page and "Edition" in page
    ukrainian = Locale.objects.get(language_code="uk").pk
    filtered = client.get(reverse("wagtailsnippets_members_tier:list"), {"locale": ukrainian})
    assert "Friend" not in filtered.content.decode()
