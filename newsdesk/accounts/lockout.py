"""Refuse sign-ins after repeated failures, per account and per address.

Every attempt is counted as failed before its password is checked, by one conditional UPDATE per
counter that only counts below the limit, and gives its count back when it succeeds. A check
made before the password and a record made after it let parallel attempts all pass the check
before any was recorded (40 at once had 15 passwords tried against a limit of 5); the database
serialises the UPDATEs, so at most the limit is ever tried.

After LOGIN_MAX_FAILURES failures for an account, every further attempt for it is refused, even
with the right password and code, until LOGIN_LOCKOUT_WINDOW has passed since the last attempt
(attempts during a lockout prolong it). Addresses get a larger allowance
(LOGIN_MAX_FAILURES_PER_IP) because an office shares one. Every attempt is also kept as a
LoginAttempt row, for audit.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from newsdesk.accounts.models import LoginAttempt, SignInCounter
from newsdesk.core.ratelimit import client_ip

logger = logging.getLogger("newsdesk.security")


class LockedOut(Exception):
    """Sign-ins for this account or from this address are refused for now."""


def window():
    return timedelta(seconds=settings.LOGIN_LOCKOUT_WINDOW)


def address_of(request):
    """The client as the rate limits count it (one `client_ip` decides for both, proxies and
    IPv6 networks included); None without a request or a usable address, because the audit
    row's column holds addresses only."""
    ip = client_ip(request) if request is not None else None
    return ip if ip and ip != "unknown" else None


def normalise(username):
    return (username or "").strip().lower()[:150]


def counters(username, ip):
    """(key, limit) of each counter an attempt for `username` from `ip` counts in."""
    keys = [(f"account:{normalise(username)}", settings.LOGIN_MAX_FAILURES)]
    if ip:
        keys.append((f"address:{ip}", settings.LOGIN_MAX_FAILURES_PER_IP))
    return keys


def take(key, limit, now):
    """Count one failure for `key` unless it has reached `limit` (a count whose last attempt is
    a window ago starts again at one); True if it was counted."""
    SignInCounter.objects.bulk_create([SignInCounter(key=key, last_at=now)], ignore_conflicts=True)
    expired = Q(last_at__lt=now - window())
    counted = SignInCounter.objects.filter(Q(key=key) & (Q(failures__lt=limit) | expired)).update(
        failures=Case(When(expired, then=Value(1)), default=F("failures") + 1), last_at=now
    )
    return counted == 1


def give_back(key):
    SignInCounter.objects.filter(key=key, failures__gt=0).update(failures=F("failures") - 1)


def reserve(username, request):
    """Count an attempt as failed before its password is checked. Raises LockedOut, counting
    nothing, when the account or the address has reached its limit."""
    ip = address_of(request)
    now = timezone.now()
    taken = []
    for key, limit in counters(username, ip):
        if not take(key, limit, now):
            for earlier in taken:
                give_back(earlier)
            SignInCounter.objects.filter(key=key).update(last_at=now)
            LoginAttempt.objects.create(username=normalise(username), ip=ip, succeeded=False)
            logger.warning(
                "Sign-in refused during lockout: username=%s ip=%s locked=%s",
                normalise(username),
                ip,
                key.split(":", 1)[0],
            )
            raise LockedOut(key)
        taken.append(key)
    return Attempt(username, ip)


class Attempt:
    """A sign-in attempt counted as failed (by reserve) until it is known to have succeeded."""

    def __init__(self, username, ip):
        self.username = normalise(username)
        self.ip = ip

    def finish(self, *, succeeded):
        LoginAttempt.objects.create(username=self.username, ip=self.ip, succeeded=succeeded)
        keys = counters(self.username, self.ip)
        if succeeded:
            for key, _limit in keys:
                give_back(key)
            return
        key, limit = keys[0]
        if SignInCounter.objects.filter(key=key, failures__gte=limit).exists():
            logger.warning(
                "Sign-in locked out: username=%s ip=%s window=%ss",
                self.username,
                self.ip,
                int(window().total_seconds()),
            )
