"""Stripe's webhook: each event's signature is checked with the official library before
anything is read from it; a forged or broken one gets 400 and changes nothing."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsdesk.members import services
from newsdesk.members import stripe_gateway as gateway


@csrf_exempt  # Stripe signs its posts instead
@require_POST
def stripe_webhook(request):
    try:
        event = gateway.verified_event(request.body, request.headers.get("Stripe-Signature"))
    except (gateway.SignatureError, ValueError):
        return HttpResponse("bad signature", status=400, content_type="text/plain")
    applied = services.apply_event(event)
    return HttpResponse("ok" if applied else "already applied", content_type="text/plain")
