"""A local Stripe for tests: localstripe (a stateful Stripe API server, a test dependency) in its
own process on a loopback port, and events signed with the official library's own code.

localstripe has customers, plans, products, payment methods, payment intents, subscriptions and
invoices, but no Checkout or customer portal. The process adds those two as thin stand-ins
(STAND_INS): a Checkout session is stored as asked and its `url` is a page on the same server
that links to the session's success URL (under /_config/, where localstripe asks for no API
key); a portal session points to a page there. What Stripe
would then do (take the payment, start the subscription) the tests do with real localstripe
objects (`complete_checkout`), and they post the event Stripe would send, signed.

    with local_stripe() as server:
        settings.STRIPE_API_BASE = server.url
"""

import json
import secrets
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import stripe

from newsdesk.testing import free_port, wait_until

STAND_INS = r"""
import secrets, sys
from aiohttp import web
from localstripe.resources import Plan
from localstripe.server import app, get_post_data, json_response

port = int(sys.argv[1])
sessions = {}


def amount_of(line):
    if "price_data" in line:
        return int(line["price_data"]["unit_amount"]) * int(line.get("quantity", 1))
    return Plan._api_retrieve(line["price"]).amount * int(line.get("quantity", 1))


async def create_checkout(request):
    data = await get_post_data(request)
    session_id = "cs_test_" + secrets.token_hex(12)
    line = data["line_items"][0]
    currency = line.get("price_data", {}).get("currency")
    if currency is None:
        currency = Plan._api_retrieve(line["price"]).currency
    sessions[session_id] = {
        "id": session_id, "object": "checkout.session", "status": "open",
        "mode": data["mode"], "customer": data.get("customer"),
        "metadata": data.get("metadata", {}), "line_items": data["line_items"],
        "amount_total": amount_of(line), "currency": currency,
        "success_url": data["success_url"], "cancel_url": data["cancel_url"],
        "url": f"http://127.0.0.1:{port}/_config/checkout/{session_id}",
    }
    return json_response(sessions[session_id])


async def retrieve_checkout(request):
    return json_response(sessions[request.match_info["id"]])


async def checkout_page(request):
    session = sessions[request.match_info["id"]]
    done = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session["id"])
    html = ('<!doctype html><html lang="en"><head><title>Test checkout</title></head><body>'
            f'<main><h1>Test checkout</h1><p><a href="{done}">Pay</a></p></main></body></html>')
    return web.Response(text=html, content_type="text/html")


async def create_portal(request):
    data = await get_post_data(request)
    return json_response({"id": "bps_" + secrets.token_hex(8), "object": "billing_portal.session",
                          "url": f"http://127.0.0.1:{port}/_config/portal/{data['customer']}"})


app.router.add_post("/v1/checkout/sessions", create_checkout)
app.router.add_get("/v1/checkout/sessions/{id}", retrieve_checkout)
app.router.add_get("/_config/checkout/{id}", checkout_page)  # no API key there
app.router.add_post("/v1/billing_portal/sessions", create_portal)
web.run_app(app, host="127.0.0.1", port=port, print=None)
"""


class LocalStripe:
    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-c", STAND_INS, str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=20)
        return self

    def _answers(self):
        try:
            with urllib.request.urlopen(f"{self.url}/v1/plans?key=sk_test_x", timeout=1):
                return True
        except OSError as error:
            return getattr(error, "code", None) is not None  # any HTTP answer will do

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def client(self, key="sk_test_local"):
        return stripe.StripeClient(key, base_addresses={"api": self.url}).v1


@contextmanager
def local_stripe():
    server = LocalStripe().start()
    try:
        yield server
    finally:
        server.stop()


def event(type, obj, *, created=None):
    """A Stripe event around `obj` (a dict), as Stripe posts it."""
    return {
        "id": "evt_" + secrets.token_hex(12),
        "object": "event",
        "type": type,
        "created": int(created if created is not None else time.time()),
        "livemode": False,
        "data": {"object": obj},
    }


def signed(event_or_payload, secret, *, timestamp=None):
    """(payload, Stripe-Signature header) signed by the stripe library's own code."""
    payload = (
        event_or_payload if isinstance(event_or_payload, str) else json.dumps(event_or_payload)
    )
    header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)
    return payload, header


def paying_customer(api, customer_id):
    """Give a localstripe customer a card (Stripe's test number) as its default."""
    card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2035, "cvc": "123"}
    method = api.payment_methods.create(params={"type": "card", "card": card})
    api.payment_methods.attach(method.id, params={"customer": customer_id})
    api.customers.update(
        customer_id, params={"invoice_settings": {"default_payment_method": method.id}}
    )
    return method


def complete_checkout(api, session_id, *, email):
    """What Stripe does when the reader pays on the Checkout page, done in localstripe: the
    payment (or the subscription, with its first invoice paid); returns the completed session
    as the `checkout.session.completed` event carries it."""
    session = api.checkout.sessions.retrieve(session_id).to_dict()
    customer = session["customer"] or api.customers.create(params={"email": email}).id
    method = paying_customer(api, customer)
    if session["mode"] == "payment":
        intent = api.payment_intents.create(
            params={
                "amount": session["amount_total"],
                "currency": session["currency"],
                "customer": customer,
                "payment_method": method.id,
                "confirm": True,
            }
        )
        extra = {"payment_intent": intent.id}
    else:
        line = session["line_items"][0]
        plan = (
            line.get("price")
            or api.plans.create(
                params={
                    "amount": session["amount_total"],
                    "currency": session["currency"],
                    "interval": "month",
                    "product": api.products.create(params={"name": "Donation"}).id,
                }
            ).id
        )
        subscription = api.subscriptions.create(
            params={"customer": customer, "items": [{"plan": plan}]}
        )
        extra = {"subscription": subscription.id}
    return {
        **session,
        **extra,
        "customer": customer,
        "status": "complete",
        "payment_status": "paid",
        "customer_details": {"email": email},
    }
