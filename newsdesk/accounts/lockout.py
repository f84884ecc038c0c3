"""Refuse sign-ins after repeated failures, per account and per address.

After LOGIN_MAX_FAILURES failed attempts for an account within LOGIN_LOCKOUT_WINDOW, every further
attempt for it is refused, even with the right password, until the window has passed. Addresses
get a larger allowance (LOGIN_MAX_FAILURES_PER_IP) because an office shares one.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from newsdesk.accounts.models import LoginAttempt

logger = logging.getLogger("newsdesk.security")


def window():
    return timedelta(seconds=getattr(settings, "LOGIN_LOCKOUT_WINDOW", 15 * 60))


def client_ip(request):
    if request is None:
        return None
    if getattr(settings, "USE_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def normalise(username):
    return (username or "").strip().lower()[:150]


def lock_reason(username, ip):
    """Why sign-ins for this account or address are refused right now, or None."""
    since = timezone.now() - window()
    failures = LoginAttempt.objects.failed_since(since)
    if username and failures.filter(username=normalise(username)).count() >= getattr(
        settings, "LOGIN_MAX_FAILURES", 5
    ):
        return "account"
    if ip and failures.filter(ip=ip).count() >= getattr(settings, "LOGIN_MAX_FAILURES_PER_IP", 20):
        return "address"
    return None


def record(username, request, succeeded):
    ip = client_ip(request)
    LoginAttempt.objects.create(username=normalise(username), ip=ip, succeeded=succeeded)
    if not succeeded and lock_reason(username, ip):
        logger.warning(
            "Sign-in locked out: username=%s ip=%s window=%ss",
            normalise(username),
            ip,
            int(window().total_seconds()),
        )


def refused(username, request):
    """True, and the refusal logged, when this attempt must be refused whatever the password."""
    ip = client_ip(request)
    reason = lock_reason(username, ip)
    if reason:
        logger.warning(
            "Sign-in refused during lockout: username=%s ip=%s locked=%s",
            normalise(username),
            ip,
            reason,
        )
    return bool(reason)
