import logging
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.accounts import totp
from newsdesk.accounts.forms import INVALID_MESSAGE, LOCKED_MESSAGE
from newsdesk.accounts.models import LoginAttempt, SignInCounter, TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def sign_in(client, username, password, ip="203.0.113.7", **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=ip,
    )


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def test_it_signs_staff_in_with_the_right_password(client, editor):
    assert signed_in(sign_in(client, "editor", PASSWORD))
    assert LoginAttempt.objects.get().succeeded


def test_it_refuses_the_sixth_attempt_even_with_the_right_password(client, editor, caplog):
    for _ in range(5):
        response = sign_in(client, "editor", "wrong-password")
        assert response.status_code == 200 and not signed_in(response)

    with caplog.at_level(logging.WARNING, logger="newsdesk.security"):
        response = sign_in(client, "editor", PASSWORD)
    assert not signed_in(response)
    assert LOCKED_MESSAGE in response.content.decode()
    assert any("locked" in record.getMessage() for record in caplog.records)
    assert "username=editor" in caplog.text


def test_it_lets_the_account_in_again_after_the_window(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "wrong-password")
    SignInCounter.objects.update(last_at=timezone.now() - timedelta(minutes=16))
    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_it_does_not_count_attempts_that_succeed(client, editor):
    for _ in range(8):
        assert signed_in(sign_in(client, "editor", PASSWORD))
        client.logout()
    assert LoginAttempt.objects.filter(succeeded=True).count() == 8


def test_it_says_the_same_about_an_unknown_user_and_a_wrong_password(client, editor):
    unknown = sign_in(client, "nobody", PASSWORD).content.decode()
    wrong = sign_in(client, "editor", "wrong-password").content.decode()
    assert INVALID_MESSAGE in unknown and INVALID_MESSAGE in wrong


def test_it_counts_usernames_case_insensitively(client, editor):
    for name in ["Editor", "EDITOR", "editor ", "eDitor", "editor"]:
        sign_in(client, name, "wrong-password")
    assert LOCKED_MESSAGE in sign_in(client, "editor", PASSWORD).content.decode()


def test_it_locks_out_an_address_that_tries_many_accounts(client, editor):
    for n in range(20):
        sign_in(client, f"guess{n}", "wrong-password", ip="198.51.100.9")
    assert not signed_in(sign_in(client, "editor", PASSWORD, ip="198.51.100.9"))
    assert signed_in(sign_in(client, "editor", PASSWORD, ip="198.51.100.10"))


def test_it_does_not_lock_out_other_accounts(client, editor, reporter):
    for _ in range(6):
        sign_in(client, "editor", "wrong-password", ip="192.0.2.1")
    assert signed_in(sign_in(client, "reporter", PASSWORD, ip="192.0.2.2"))


def enable_totp(client, user):
    client.force_login(user)
    url = reverse("accounts_two_factor")
    assert "Key:" in client.get(url).content.decode()
    device = TOTPDevice.objects.get(user=user)
    step = totp.current_step() - 1
    response = client.post(url, {"code": totp.code_at(device.secret, step)})
    assert response.status_code == 302
    client.logout()
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_it_asks_for_a_code_once_two_factor_is_on(client, editor):
    device = enable_totp(client, editor)

    response = sign_in(client, "editor", PASSWORD)
    assert not signed_in(response)
    assert INVALID_MESSAGE in response.content.decode()

    code = totp.code_at(device.secret, totp.current_step())
    assert signed_in(sign_in(client, "editor", PASSWORD, otp=code))
    client.logout()
    replay = sign_in(client, "editor", PASSWORD, otp=code)
    assert not signed_in(replay), "a code must not work twice"


def page_without_tokens(response):
    """The page as the reader sees it: the per-response CSRF token and CSP nonces left out."""
    html = response.content.decode()
    return re.sub(r"[A-Za-z0-9+/=_-]{32,}", "", html)


def test_it_counts_wrong_codes_and_locks_out_after_the_limit(client, editor):
    device = enable_totp(client, editor)
    for guess in ("000000", "111111", "222222", "333333", "444444"):
        assert not signed_in(sign_in(client, "editor", PASSWORD, otp=guess))

    code = totp.code_at(device.secret, totp.current_step())
    response = sign_in(client, "editor", PASSWORD, otp=code)
    assert not signed_in(response)
    assert LOCKED_MESSAGE in response.content.decode()
    assert LoginAttempt.objects.filter(succeeded=False).count() == 6


def test_a_wrong_code_reads_like_a_wrong_password(client, editor):
    enable_totp(client, editor)
    for code in ("000000", ""):
        wrong_password = page_without_tokens(sign_in(client, "editor", "wrong", otp=code))
        wrong_code = page_without_tokens(sign_in(client, "editor", PASSWORD, otp=code))
        assert INVALID_MESSAGE in wrong_code
        assert wrong_code == wrong_password


def test_it_does_not_protect_sign_ins_with_an_unconfirmed_setup(client, editor):
    client.force_login(editor)
    client.get(reverse("accounts_two_factor"))
    client.logout()
    assert signed_in(sign_in(client, "editor", PASSWORD))


def test_it_refuses_a_wrong_confirmation_code(client, editor):
    client.force_login(editor)
    url = reverse("accounts_two_factor")
    client.get(url)
    response = client.post(url, {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.get(user=editor).confirmed


def test_it_computes_rfc_6238_codes():
    # RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
    import base64

    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.code_at(secret, 1111111109 // 30) == "081804"
    assert totp.matching_step(secret, "081804", 0, now=1111111109) == 1111111109 // 30
    assert totp.matching_step(secret, "081804", 1111111109 // 30, now=1111111109) is None
