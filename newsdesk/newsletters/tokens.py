"""Signed tokens in the links newsletters mail out.

Confirmation tokens carry the subscriber and a nonce that confirming clears, so a link works once
and for at most a week. Unsubscribe tokens carry the subscriber and the newsletter and never
expire: RFC 8058 expects the link in an old issue to keep working. Both are URL-safe (letters,
digits, `-`, `_`, `.` and `:`), so they go into URLs and HTML without escaping.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
_confirm = signing.TimestampSigner(salt="newsdesk.newsletters.confirm")
_unsubscribe = signing.Signer(salt="newsdesk.newsletters.unsubscribe")


class InvalidToken(Exception):
    """A token that was tampered with or is not one of ours."""


class ExpiredToken(Exception):
    """A genuine confirmation token older than CONFIRM_MAX_AGE."""

    def __init__(self, subscriber_id):
        super().__init__(subscriber_id)
        self.subscriber_id = subscriber_id


def _ids(value, count):
    parts = value.split(".")
    if len(parts) != count:
        raise InvalidToken(value)
    return parts


def make_confirm_token(subscriber_id, nonce):
    return _confirm.sign(f"{subscriber_id}.{nonce}")


def read_confirm_token(token):
    """(subscriber id, nonce) from a confirmation token, or InvalidToken / ExpiredToken."""
    try:
        value = _confirm.unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        # The signature is good, only old: say whose it was so a new mail can be offered.
        subscriber_id, _ = _ids(_confirm.unsign(token), 2)
        raise ExpiredToken(int(subscriber_id)) from None
    except signing.BadSignature:
        raise InvalidToken(token) from None
    subscriber_id, nonce = _ids(value, 2)
    if not subscriber_id.isdigit() or not nonce:
        raise InvalidToken(token)
    return int(subscriber_id), nonce


def make_unsubscribe_token(subscriber_id, newsletter_id):
    return _unsubscribe.sign(f"{subscriber_id}.{newsletter_id}")


def read_unsubscribe_token(token):
    """(subscriber id, newsletter id) from an unsubscribe token, or InvalidToken."""
    try:
        value = _unsubscribe.unsign(token)
    except signing.BadSignature:
        raise InvalidToken(token) from None
    subscriber_id, newsletter_id = _ids(value, 2)
    if not (subscriber_id.isdigit() and newsletter_id.isdigit()):
        raise InvalidToken(token)
    return int(subscriber_id), int(newsletter_id)
