"""Sign-in without passwords, and the reader's own cookie.

A sign-in mails a 6-digit code and a link; either works once, for SIGNIN_CODE_MINUTES. The
code is kept as an HMAC keyed with SECRET_KEY (a database leak does not give out live codes),
and five wrong guesses spend it. The link carries the row's nonce, signed.

The signed-in reader is a signed cookie (READER_COOKIE), not Django's session: Django's session
cookie means "staff" to the page cache (newsdesk.serving), which would then render every page
for the reader, and a reader must never be a Django user who could reach the admin. The cookie
holds the reader's id and session version; raising the version signs them out everywhere.
Beside it, MEMBER_COOKIE ("1") is not secret: the browser reads it to hide support prompts on
pages that every reader gets from the same cache.

`now` is a parameter throughout, so tests move the clock instead of waiting.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from newsdesk.members.models import Reader, SignInCode

READER_COOKIE = "nd_reader"
MEMBER_COOKIE = "nd_member"
MAX_FAILED_ATTEMPTS = 5
LINK_SALT = "newsdesk.members.link"
COOKIE_SALT = "newsdesk.members.reader"


def normalise(email):
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def code_hash(code):
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def issue(*, email, purpose="sign-in", reader=None, now=None):
    """A new code for `email`: (row, code, link token). Earlier unused codes stop working."""
    now = now or timezone.now()
    code = f"{secrets.randbelow(1_000_000):06d}"
    with transaction.atomic():
        SignInCode.objects.filter(email=email, purpose=purpose, used_at=None).update(used_at=now)
        row = SignInCode.objects.create(
            email=email,
            purpose=purpose,
            reader=reader,
            code_hash=code_hash(code),
            nonce=secrets.token_hex(16),
            created_at=now,
            expires_at=now + timedelta(minutes=settings.SIGNIN_CODE_MINUTES),
        )
    return row, code, signing.dumps(row.nonce, salt=LINK_SALT)


def _spend(row, now):
    """Mark `row` used, if no other request did first: each code signs in once."""
    return SignInCode.objects.filter(pk=row.pk, used_at=None).update(used_at=now) == 1


def redeem_code(*, email, code, purpose="sign-in", now=None):
    """The SignInCode `code` opens for `email`, spent; None if wrong, used or expired."""
    now = now or timezone.now()
    row = SignInCode.objects.filter(email=email, purpose=purpose, used_at=None).first()
    if row is None or row.expires_at <= now:
        return None
    if not hmac.compare_digest(row.code_hash, code_hash(code.strip())):
        row.failed_attempts += 1
        row.save(update_fields=["failed_attempts"])
        if row.failed_attempts >= MAX_FAILED_ATTEMPTS:
            _spend(row, now)
        return None
    return row if _spend(row, now) else None


def link_row(token, *, now=None):
    """The unused, unexpired SignInCode a link token names, without spending it."""
    now = now or timezone.now()
    try:
        nonce = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    return SignInCode.objects.filter(nonce=nonce, used_at=None, expires_at__gt=now).first()


def redeem_link(token, *, now=None):
    now = now or timezone.now()
    row = link_row(token, now=now)
    return row if row is not None and _spend(row, now) else None


def reader_for(row):
    """The reader a redeemed sign-in code opens: made on first sign-in."""
    reader, _ = Reader.objects.get_or_create(email=row.email)
    return reader


def current_reader(request):
    """The signed-in reader, or None. Cached on the request."""
    if not hasattr(request, "_reader"):
        request._reader = None
        value = request.get_signed_cookie(
            READER_COOKIE,
            default=None,
            salt=COOKIE_SALT,
            max_age=settings.READER_SESSION_DAYS * 86400,
        )
        if value and value.count(":") == 1:
            pk, version = value.split(":")
            request._reader = (
                Reader.objects.select_related("membership")
                .filter(pk=pk, session_version=version)
                .first()
            )
    return request._reader


def secure_cookies():
    return settings.SESSION_COOKIE_SECURE


def sign_in(response, reader):
    response.set_signed_cookie(
        READER_COOKIE,
        f"{reader.pk}:{reader.session_version}",
        salt=COOKIE_SALT,
        max_age=settings.READER_SESSION_DAYS * 86400,
        httponly=True,
        secure=secure_cookies(),
        samesite="Lax",
    )
    set_member_cookie(response, reader)


def set_member_cookie(response, reader):
    if reader is not None and reader.active_membership is not None:
        response.set_cookie(
            MEMBER_COOKIE,
            "1",
            max_age=settings.READER_SESSION_DAYS * 86400,
            secure=secure_cookies(),
            samesite="Lax",
        )
    else:
        response.delete_cookie(MEMBER_COOKIE, samesite="Lax")


def sign_out(response):
    response.delete_cookie(READER_COOKIE, samesite="Lax")
    response.delete_cookie(MEMBER_COOKIE, samesite="Lax")
