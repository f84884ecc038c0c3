"""Production settings (SITE_URL is https) through a real server: headers and cookie flags."""

import http.client
import re
import subprocess
import sys
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.contrib.auth.hashers import make_password

from newsdesk.conftest import make_article, make_user
from newsdesk.testing import ROOT, free_port, subprocess_env, web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SECRET = "test-only-secret-key-abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGHIJ"


def production_env(port):
    return {
        "SITE_URL": f"https://127.0.0.1:{port}",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "smtp://127.0.0.1:2525",
        # Bounce and complaint webhooks refuse unsigned calls (newsletters.W001 without it).
        "ANYMAIL_WEBHOOK_SECRET": "bench:webhook-secret-for-tests",
        # Donations and memberships (members.E001, members.E002 without them).
        "STRIPE_SECRET_KEY": "sk_test_for_tests",
        "STRIPE_WEBHOOK_SECRET": "whsec_for_tests",
    }


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **(headers or {})}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def cookies(response):
    jar = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            jar[name] = (morsel.value, header)
    return jar


SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "Referrer-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture
def server(section, django_user_model):
    """(port, article): a production server with one article and an editor who can sign in."""
    article = make_article(section, title="Headers story")
    editor = make_user(django_user_model, "editor", "Editors")
    # The server is not a test process: it knows only the production password hashers.
    editor.password = make_password("correct-horse-battery", hasher="pbkdf2_sha256")
    editor.save()
    port = free_port()
    with web_server(port=port, env=production_env(port)):
        yield port, article


def test_it_sends_plain_http_to_https(server):
    port, article = server
    plain = request(port, "GET", article.url, headers={"X-Forwarded-Proto": "http"})
    assert plain.status == 301
    assert plain.headers["Location"] == f"https://127.0.0.1:{port}{article.url}"


def test_it_sends_every_security_header(server):
    port, article = server
    page = request(port, "GET", article.url)
    assert page.status == 200
    headers = page.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


def test_a_copy_from_the_page_cache_carries_the_same_headers(server):
    # Served again from the page cache in front of Django: the same page, the same headers.
    port, article = server
    headers = request(port, "GET", article.url).headers
    again = request(port, "GET", article.url)
    assert headers["X-Cache"] == "MISS" and again.headers["X-Cache"] == "HIT"
    for name in (*SECURITY_HEADERS, "Content-Type", "ETag"):
        assert again.headers[name] == headers[name], name
    assert again.headers["X-Request-ID"] != headers["X-Request-ID"]
    # Plain http is still sent to https, however the page is cached.
    assert request(port, "GET", article.url, headers={"X-Forwarded-Proto": "http"}).status == 301


def test_the_admin_sets_secure_cookies(server):
    port, _ = server
    login = request(port, "GET", "/admin/login/")
    admin_csp = login.headers["Content-Security-Policy"]
    assert "object-src 'none'" in admin_csp and "frame-ancestors 'self'" in admin_csp
    csrf_value, csrf_header = cookies(login)["csrftoken"]
    assert "Secure" in csrf_header and "SameSite=Lax" in csrf_header

    body = urlencode(
        {
            "username": "editor",
            "password": "correct-horse-battery",
            "csrfmiddlewaretoken": csrf_value,
        }
    )
    signed_in = request(
        port,
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_value}",
            "Origin": f"https://127.0.0.1:{port}",
            "Referer": f"https://127.0.0.1:{port}/admin/login/",
        },
    )
    assert signed_in.status == 302
    _, session_header = cookies(signed_in)["sessionid"]
    for flag in ("Secure", "HttpOnly", "SameSite=Lax"):
        assert flag in session_header


def test_it_passes_djangos_deployment_checks_with_production_settings():
    env = subprocess_env(**production_env(443))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SECRET_KEY", "", "SECRET_KEY"),
        ("ALLOWED_HOSTS", "", "ALLOWED_HOSTS"),
        ("DEBUG", "maybe", "DEBUG must be one of"),
        ("EMAIL_URL", "pigeon://coop", "EMAIL_URL must start with"),
        ("TASK_STALE_AFTER", "soon", "TASK_STALE_AFTER must be a whole number"),
    ],
)
def test_it_stops_with_one_line_on_bad_configuration(variable, value, message):
    env = subprocess_env(**production_env(443))
    env[variable] = value
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert message in result.stderr.strip().splitlines()[-1]
