"""Searches per client address are limited: generous for people, a wall for scripts."""

from types import SimpleNamespace

import pytest

from newsdesk.core import ratelimit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The limiter's clock stands one second into a minute: no test straddles two windows."""
    now = 1_000_000 * 60 + 1
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now))


@pytest.fixture
def limit(settings):
    settings.SEARCH_RATE_LIMIT = 5
    settings.SEARCH_RATE_WINDOW = 60
    return 5


def search(client, q, ip="203.0.113.5", **headers):
    return client.get("/search/", {"q": q}, REMOTE_ADDR=ip, **headers)


def test_it_allows_sixty_searches_a_minute_by_default(client, article_factory, settings):
    article_factory(title="Energy")
    assert (settings.SEARCH_RATE_LIMIT, settings.SEARCH_RATE_WINDOW) == (60, 60)
    statuses = [search(client, f"energy {n}").status_code for n in range(61)]
    assert statuses == [200] * 60 + [429]


def test_it_refuses_with_a_readable_page_and_retry_after(client, limit):
    for n in range(limit):
        assert search(client, f"power {n}").status_code == 200
    refused = search(client, "one more")
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/html")
    page = refused.content.decode()
    assert "<h1>Too many searches</h1>" in page and "try again" in page
    assert refused["Retry-After"] == "59"
    assert "59 seconds" in page
    assert "no-store" in refused["Cache-Control"] and "private" in refused["Cache-Control"]


def test_it_counts_addresses_apart(client, limit):
    for n in range(limit + 1):
        search(client, f"grid {n}", ip="198.51.100.1")
    assert search(client, "grid", ip="198.51.100.1").status_code == 429
    assert search(client, "grid", ip="198.51.100.2").status_code == 200


def test_it_serves_repeated_searches_from_the_page_cache_without_counting(client, limit):
    first = search(client, "kyiv")
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    for _ in range(limit * 2):
        again = search(client, "kyiv")
        assert again.status_code == 200 and again["X-Cache"] == "HIT"
    # Only the first reached the view: the address has limit - 1 searches left.
    statuses = [search(client, f"other {n}").status_code for n in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]


def test_it_never_caches_a_refusal(client, limit, settings):
    for n in range(limit):
        search(client, f"bridge {n}")
    assert search(client, "bridge").status_code == 429
    settings.SEARCH_RATE_LIMIT = 100
    # The same URL again, from the same address: answered anew, not a stored 429.
    assert search(client, "bridge").status_code == 200


def test_it_counts_readers_behind_a_proxy_by_their_own_address(client, limit, settings):
    settings.USE_X_FORWARDED_FOR = True  # the deployment's setting (deploy/newsdesk.env.example)
    for n in range(limit + 1):
        search(client, f"dam {n}", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")
    refused = search(client, "dam", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert refused.status_code == 429
    other = search(client, "dam", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.11")
    assert other.status_code == 200
