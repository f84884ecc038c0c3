"""Revenue figures for the admin: monthly recurring revenue, donations per month, members won
and lost per month, each per currency (amounts in different currencies are never added up),
and bar charts drawn as SVG on the server (no charting library, no script: a few rectangles
are all a bar chart needs)."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from newsdesk.members.models import Donation, Membership, money

MONTHS = 12


def months(now=None, count=MONTHS):
    """The first day of each of the last `count` months, oldest first."""
    now = now or timezone.localdate()
    year, month = now.year, now.month
    firsts = []
    for _ in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return firsts[::-1]


def monthly_recurring_revenue(now=None):
    """Per currency: current memberships (yearly ones as a twelfth) and monthly donations that
    paid an invoice within the last 35 days."""
    now = now or timezone.now()
    totals = defaultdict(int)
    for membership in Membership.objects.filter(
        status__in=[Membership.Status.ACTIVE, Membership.Status.PAST_DUE]
    ):
        totals[membership.currency] += membership.monthly_value
    latest = {}
    for gift in Donation.objects.filter(
        frequency=Donation.Frequency.MONTHLY, created_at__gte=now - timedelta(days=35)
    ).order_by("created_at"):
        latest[gift.stripe_subscription_id] = gift
    for gift in latest.values():
        totals[gift.currency] += gift.amount
    return {currency: money(amount, currency) for currency, amount in sorted(totals.items())}


def _per_month(queryset, field, value):
    rows = (
        queryset.annotate(month=TruncMonth(field))
        .values("month", "currency")
        .annotate(value=value)
        .order_by()
    )
    series = defaultdict(lambda: defaultdict(int))
    for row in rows:
        if row["month"] is not None:
            month = row["month"]
            month = month.date() if hasattr(month, "date") else month
            series[row["currency"]][month.replace(day=1)] += row["value"] or 0
    return series


def figures(now=None):
    firsts = months(now)
    donations = _per_month(
        Donation.objects.filter(created_at__date__gte=firsts[0]), "created_at", Sum("amount")
    )
    won = _per_month(
        Membership.objects.filter(started_at__date__gte=firsts[0]), "started_at", Count("pk")
    )
    lost = _per_month(
        Membership.objects.filter(ended_at__date__gte=firsts[0]), "ended_at", Count("pk")
    )
    return {
        "mrr": monthly_recurring_revenue(),
        "donation_charts": [
            chart(f"Donations per month ({currency.upper()})", firsts, by_month, currency)
            for currency, by_month in sorted(donations.items())
        ],
        "member_charts": [
            chart("New members per month", firsts, _merge(won)),
            chart("Members lost per month", firsts, _merge(lost)),
        ],
    }


def _merge(series):
    merged = defaultdict(int)
    for by_month in series.values():
        for month, value in by_month.items():
            merged[month] += value
    return merged


def chart(title, firsts, by_month, currency=None, width=600, height=180):
    """A bar chart: the SVG's bars with their labels, for members/admin/revenue.html."""
    values = [by_month.get(first, 0) for first in firsts]
    top = max(values) or 1
    slot = width / len(firsts)
    bars = []
    for index, (first, value) in enumerate(zip(firsts, values, strict=True)):
        bar_height = round((height - 30) * value / top)
        bars.append(
            {
                "x": round(index * slot + 4),
                "y": height - 20 - bar_height,
                "width": round(slot - 8),
                "height": bar_height,
                "label": first.strftime("%b"),
                "label_x": round(index * slot + slot / 2),
                "value": money(value, currency) if currency else str(value),
            }
        )
    rows = [(bar["label"], bar["value"]) for bar in bars]
    return {"title": title, "width": width, "height": height, "bars": bars, "rows": rows}
