"""A small rate limiter on Django's cache, for public forms and search.

    decision = ratelimit.hit("signup-ip", ratelimit.client_ip(request), limit=10, window=3600)
    if not decision.allowed:
        ...  # answer 429, say when to try again: decision.retry_after seconds

or, for a whole view:

    @ratelimit.rate_limit("search", limit=30, window=60, methods=("GET",))
    def search(request): ...

Sliding window, approximated from two fixed windows (the previous window's count weighted by how
much of it still overlaps), so a client cannot double its rate at a window boundary. Three cache
operations per hit; `add` + `incr` are atomic in Redis and in the SQLite cache file, so counts hold
with any number of processes sharing either. While the cache cannot be reached nothing is counted
and every request is let through (newsdesk.serving.outage logs the outage). Keys are hashed:
the cache never holds the addresses or IPs themselves.
"""

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from newsdesk.core.context_processors import site_name
from newsdesk.core.editions import home_path


@dataclass(frozen=True)
class Decision:
    allowed: bool
    count: float
    retry_after: int


def _value(setting):
    return setting() if callable(setting) else setting


def hit(scope, key, *, limit, window, cache="default", now=None):
    """Count one request by `key` in `scope`; allowed while at most `limit` per `window` s."""
    limit, window = _value(limit), _value(window)
    now = time.time() if now is None else now
    store = caches[cache]
    digest = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:32]
    current = int(now // window)
    elapsed = now - current * window
    this_key = f"ratelimit:{scope}:{digest}:{current}"
    store.add(this_key, 0, timeout=window * 2)
    try:
        count = store.incr(this_key)
    except ValueError:  # expired between add and incr
        store.set(this_key, 1, timeout=window * 2)
        count = 1
    previous = store.get(f"ratelimit:{scope}:{digest}:{current - 1}", 0)
    weight = (window - elapsed) / window
    estimate = previous * weight + count
    if estimate <= limit:
        return Decision(True, estimate, 0)
    if count > limit or not previous:
        wait = window - elapsed
    else:
        # When the previous window's weight has shrunk enough for this count to fit.
        wait = window * (1 - (limit - count) / previous) - elapsed
    return Decision(False, estimate, max(1, math.ceil(wait)))


def proxy_count():
    """How many proxies in front of the site append to X-Forwarded-For.

    RATELIMIT_PROXY_COUNT when set; otherwise one when USE_X_FORWARDED_FOR is on (the older
    setting, which trusted the last X-Forwarded-For entry), so that behind one proxy neither the
    rate limits nor the login lockout (which asks client_ip() too) count the proxy itself.
    """
    count = settings.RATELIMIT_PROXY_COUNT
    if not count and settings.USE_X_FORWARDED_FOR:
        return 1
    return count


def client_ip(request):
    """The client's address; behind `proxy_count()` proxies, the one the outermost saw.

    IPv6 clients are counted by their /64 network, which is what one household or phone gets.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = proxy_count()
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def wait_text(seconds):
    if seconds < 90:
        return ngettext("%(count)s second", "%(count)s seconds", seconds) % {"count": seconds}
    minutes = round(seconds / 60)
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


TOO_MANY = gettext_lazy("Too many requests")


def refusal(decision, *, heading=TOO_MANY, message="", request=None):
    """A 429 page saying when to try again. Rendered without the request's context processors
    or the site's chrome: a flood of refusals must cost next to nothing. With the `request`,
    it bears the name of the request's edition (from the site the process holds in memory)."""
    body = render_to_string(
        "core/too_many_requests.html",
        {
            "heading": heading,
            "message": message,
            "wait": wait_text(decision.retry_after),
            "SITE_NAME": site_name(request) if request else settings.WAGTAIL_SITE_NAME,
            "HOME_PATH": home_path(),
        },
    )
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(decision.retry_after)
    # Never kept by the page cache, nginx or the browser: the next try must reach the site.
    add_never_cache_headers(response)
    return response


def too_many_requests(request, decision):
    return refusal(decision, request=request)


def rate_limit(
    scope, *, limit, window, key=client_ip, methods=("POST",), response=too_many_requests
):
    """Decorate a view: at most `limit` requests per `window` seconds per `key(request)`.

    `limit` and `window` may be callables (read settings at request time); `response(request,
    decision)` makes the answer when the limit is reached.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                decision = hit(scope, key(request), limit=limit, window=window)
                if not decision.allowed:
                    return response(request, decision)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def form_rate_limit(scope, *, key=client_ip):
    """The limit for a public form: FORM_RATE_LIMIT posts per FORM_RATE_WINDOW seconds per client
    address (or per `key(request)`), counted apart for each form."""
    return rate_limit(
        scope,
        limit=lambda: settings.FORM_RATE_LIMIT,
        window=lambda: settings.FORM_RATE_WINDOW,
        key=key,
        response=lambda request, decision: refusal(
            decision,
            heading=_("Too many attempts"),
            message=_("This form has been sent too many times from your network."),
            request=request,
        ),
    )
