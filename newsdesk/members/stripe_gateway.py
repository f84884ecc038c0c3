"""Everything Newsdesk asks of Stripe, in one module, so another provider could stand beside it.

The rest of the app speaks of customers, tiers, checkouts and events; only here are Stripe's
names and the official `stripe` library. Card data never reaches Newsdesk: readers pay on
Stripe Checkout's pages and manage their membership in Stripe's customer portal.

STRIPE_API_BASE points the library at another server (tests and CI use localstripe on
loopback); empty means Stripe itself.
"""

import contextlib

import stripe
from django.conf import settings

Error = stripe.StripeError
SignatureError = stripe.SignatureVerificationError


def configured():
    """Whether payments can start: without a secret key the support page says they cannot."""
    return bool(settings.STRIPE_SECRET_KEY)


def client():
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY or "sk_test_unset", base_addresses=base, max_network_retries=1
    ).v1


def ensure_customer(reader):
    """The reader's Stripe customer id, made on first need."""
    if not reader.stripe_customer_id:
        customer = client().customers.create(
            params={"email": reader.email, "metadata": {"reader_id": str(reader.pk)}}
        )
        reader.stripe_customer_id = customer.id
        reader.save(update_fields=["stripe_customer_id"])
    return reader.stripe_customer_id


def delete_customer(customer_id):
    """Stripe forgets the customer (and ends their subscriptions)."""
    if customer_id:
        with contextlib.suppress(stripe.InvalidRequestError):  # already gone
            client().customers.delete(customer_id)


def sync_tier(tier):
    """A product for the tier and a monthly and a yearly price. Prices cannot change in
    Stripe: a changed amount gets a new price (members keep theirs until they change plan)."""
    api = client()
    if not tier.stripe_product_id:
        product = api.products.create(params={"name": tier.name, "type": "service"})
        tier.stripe_product_id = product.id
    else:
        api.products.update(tier.stripe_product_id, params={"name": tier.name})
    for interval, amount, field in (
        ("month", tier.monthly_amount, "stripe_monthly_price_id"),
        ("year", tier.yearly_amount, "stripe_yearly_price_id"),
    ):
        current = getattr(tier, field)
        if current:
            plan = api.plans.retrieve(current)
            if plan.amount == amount and plan.currency == tier.currency:
                continue
        # Plans are prices to Stripe (a plan id works wherever a price id does), and the
        # local test server knows them.
        plan = api.plans.create(
            params={
                "product": tier.stripe_product_id,
                "amount": amount,
                "currency": tier.currency,
                "interval": interval,
                "metadata": {"tier_id": str(tier.pk)},
            }
        )
        setattr(tier, field, plan.id)
    tier.save(
        update_fields=["stripe_product_id", "stripe_monthly_price_id", "stripe_yearly_price_id"]
    )


def checkout(*, customer_id, line, recurring, metadata, success_url, cancel_url):
    """A Stripe Checkout session; the reader is sent to its `url`."""
    params = {
        "mode": "subscription" if recurring else "payment",
        "customer": customer_id,
        "line_items": [line],
        "metadata": metadata,
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if recurring:
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["payment_intent_data"] = {"metadata": metadata}
        params["invoice_creation"] = {"enabled": True}  # Stripe's receipt and invoice too
    return client().checkout.sessions.create(params=params)


def price_line(price_id):
    return {"price": price_id, "quantity": 1}


def amount_line(*, amount, currency, name, monthly):
    data = {"currency": currency, "unit_amount": amount, "product_data": {"name": name}}
    if monthly:
        data["recurring"] = {"interval": "month"}
    return {"price_data": data, "quantity": 1}


def portal_url(*, customer_id, return_url):
    """Stripe's customer portal: change tier, change card, cancel."""
    session = client().billing_portal.sessions.create(
        params={"customer": customer_id, "return_url": return_url}
    )
    return session.url


def verified_event(payload, signature):
    """The event a webhook carries, as a dict, once its signature is checked (SignatureError,
    ValueError on a forged or broken one)."""
    event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    return event.to_dict()
