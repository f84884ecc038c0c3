import hmac
import ipaddress
import sys

from django.conf import settings
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from newsdesk.core import outage
from newsdesk.core.editions import home_path
from newsdesk.core.health import health


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # The 503 page when the database is what failed (a failure in a middleware, which
    # DatabaseOutageMiddleware does not see). Both without context processors: they query.
    if outage.unavailable_after_error(request, sys.exception()):
        return outage.unavailable_response()
    return HttpResponseServerError(get_template("500.html").render({"HOME_PATH": home_path()}))


PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def may_see_health_details(request):
    """With HEALTHZ_TOKEN as a bearer token or `?token=`, or from this machine directly (a
    request a proxy on this machine relays carries its forwarding headers)."""
    token = settings.HEALTHZ_TOKEN
    if token:
        given = request.GET.get("token") or request.headers.get("Authorization", "").removeprefix(
            "Bearer "
        )
        if hmac.compare_digest(given.encode(), token.encode()):
            return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback and not any(name in request.META for name in PROXY_HEADERS)


@never_cache
def healthz(request):
    ok, checks = health()
    if not may_see_health_details(request):
        checks = {name: {"ok": check["ok"]} for name, check in checks.items()}
    return JsonResponse({"ok": ok, "checks": checks}, status=200 if ok else 503)
