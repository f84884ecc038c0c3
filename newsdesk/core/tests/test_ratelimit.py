"""The cache-based rate limiter shared by public forms, on the local cache and on Redis."""

import uuid

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from newsdesk.conftest import REDIS_TEST_URL
from newsdesk.core import ratelimit

WINDOW = 60
START = 1_000_000 * WINDOW  # the start of a window


@pytest.fixture(params=["locmem", "redis", "sqlite"])
def cache_settings(request, settings, tmp_path):
    if request.param == "redis":
        backend = {
            "BACKEND": "newsdesk.serving.redis_cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": f"test-ratelimit-{uuid.uuid4().hex}",
        }
    elif request.param == "sqlite":
        backend = {
            "BACKEND": "newsdesk.serving.sqlite_cache.SQLiteCache",
            "LOCATION": str(tmp_path / "cache.sqlite3"),
        }
    else:
        backend = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": uuid.uuid4().hex,
        }
    settings.CACHES = {**settings.CACHES, "default": backend}
    yield request.param
    caches["default"].clear()


def hits(key, times, now, limit=3):
    return [
        ratelimit.hit("test", key, limit=limit, window=WINDOW, now=now).allowed
        for _ in range(times)
    ]


def test_it_allows_the_limit_and_refuses_the_rest(cache_settings):
    assert hits("a", 5, START + 1) == [True, True, True, False, False]
    assert hits("b", 1, START + 1) == [True]  # keys are counted apart
    refused = ratelimit.hit("test", "a", limit=3, window=WINDOW, now=START + 1)
    assert refused.retry_after == WINDOW - 1


def test_it_slides_instead_of_resetting_at_the_window_boundary(cache_settings):
    assert hits("a", 3, START + WINDOW - 1) == [True] * 3
    # Just after the boundary the previous window still weighs almost fully.
    assert hits("a", 1, START + WINDOW + 1) == [False]
    # Most of a window later it has faded enough for one more.
    later = ratelimit.hit("test", "a", limit=3, window=WINDOW, now=START + 2 * WINDOW - 5)
    assert later.allowed


def test_it_forgets_after_two_windows(cache_settings):
    hits("a", 10, START)
    assert hits("a", 3, START + 2 * WINDOW + 1) == [True] * 3


def test_it_reads_limits_given_as_callables(cache_settings):
    allowed = [
        ratelimit.hit("test", "c", limit=lambda: 1, window=lambda: WINDOW, now=START).allowed
        for _ in range(2)
    ]
    assert allowed == [True, False]


def test_it_never_stores_the_key_itself(cache_settings):
    ratelimit.hit("test", "reader@example.org", limit=3, window=WINDOW)
    if cache_settings == "locmem":
        stored = list(caches["default"]._cache)
    elif cache_settings == "sqlite":
        rows = caches["default"]._connection().execute("SELECT key FROM cache").fetchall()
        stored = [key for (key,) in rows]
    else:
        client = caches["default"]._cache.get_client()
        stored = [key.decode() for key in client.keys("*test-ratelimit*")]
    assert stored and not any("reader@example.org" in key for key in stored)


@pytest.mark.parametrize(
    "remote, forwarded, proxies, expected",
    [
        ("203.0.113.9", "", 0, "203.0.113.9"),
        ("10.0.0.2", "198.51.100.7, 10.0.0.1", 0, "10.0.0.2"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.7", 1, "198.51.100.7"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2, "198.51.100.7"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
        ("2001:db8:1:2:3:4:5:6", "", 0, "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.1", "", 0, "192.0.2.1"),
        ("not an address", "", 0, "not an address"),
    ],
)
def test_it_finds_the_client_address(settings, remote, forwarded, proxies, expected):
    settings.RATELIMIT_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert ratelimit.client_ip(request) == expected


@pytest.mark.parametrize(
    "use_x_forwarded_for, proxies, expected",
    [(False, 0, "10.0.0.2"), (True, 0, "198.51.100.7"), (True, 1, "198.51.100.7")],
)
def test_it_counts_the_same_client_as_the_login_lockout(
    settings, use_x_forwarded_for, proxies, expected
):
    from newsdesk.accounts import lockout

    settings.USE_X_FORWARDED_FOR = use_x_forwarded_for
    settings.RATELIMIT_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    assert ratelimit.client_ip(request) == lockout.client_ip(request) == expected


def test_the_decorator_answers_429_with_retry_after(cache_settings):
    @ratelimit.rate_limit("decorated", limit=2, window=WINDOW)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    statuses = [view(factory.post("/", REMOTE_ADDR="192.0.2.1")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = view(factory.post("/", REMOTE_ADDR="192.0.2.1"))
    assert int(refused["Retry-After"]) > 0 and b"Too many requests" in refused.content
    assert view(factory.get("/", REMOTE_ADDR="192.0.2.1")).status_code == 200  # GET not limited
    assert view(factory.post("/", REMOTE_ADDR="192.0.2.2")).status_code == 200
