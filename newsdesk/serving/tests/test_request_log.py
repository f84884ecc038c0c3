"""The request log: a line at INFO for each page Django rendered, at DEBUG for cache hits."""

import logging
import time

import pytest

from newsdesk.asgi import application
from newsdesk.conftest import make_article
from newsdesk.core.middleware import log_request
from newsdesk.testing.asgi import asgi_call, run_calls

pytestmark = pytest.mark.django_db(transaction=True)


def request_lines(caplog, level=logging.INFO):
    return [
        record
        for record in caplog.records
        if record.name == "newsdesk.request" and record.levelno >= level
    ]


def test_a_cache_hit_logs_nothing_at_info_and_a_miss_one_line(section, settings, caplog):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 5
    article = make_article(section, title="Logged once")
    caplog.set_level(logging.INFO, logger="newsdesk.request")
    [(_, first, _)] = run_calls(asgi_call(application, article.url))
    [miss] = request_lines(caplog)
    assert first["x-cache"] == "MISS"
    assert (miss.status, miss.path, miss.cache) == (200, article.url, "MISS")

    caplog.clear()
    # The front's full lookup, then its in-memory copy.
    [(_, second, _)] = run_calls(asgi_call(application, article.url))
    [(_, third, _)] = run_calls(asgi_call(application, article.url))
    assert second["x-cache"] == third["x-cache"] == "HIT"
    assert request_lines(caplog) == []


def test_a_cache_hit_is_logged_at_debug(section, settings, caplog):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section)
    run_calls(asgi_call(application, article.url))
    caplog.set_level(logging.DEBUG, logger="newsdesk.request")
    run_calls(asgi_call(application, article.url))
    [hit] = request_lines(caplog, logging.DEBUG)
    assert (hit.levelno, hit.status, hit.cache) == (logging.DEBUG, 200, "HIT")


def test_django_s_own_cache_hits_log_nothing_at_info(section, settings, client, caplog):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section)
    caplog.set_level(logging.INFO, logger="newsdesk.request")
    assert client.get(article.url)["X-Cache"] == "MISS"
    assert client.get(article.url)["X-Cache"] == "HIT"
    [miss] = request_lines(caplog)
    assert miss.cache == "MISS"


def test_pages_without_the_cache_and_errors_stay_at_info(client, caplog):
    caplog.set_level(logging.INFO, logger="newsdesk.request")
    client.get("/healthz")
    [line] = request_lines(caplog)
    assert line.path == "/healthz"


def test_a_slow_hit_is_logged_at_info(caplog):
    caplog.set_level(logging.INFO, logger="newsdesk.request")
    log_request("GET", "/slow/", 200, time.perf_counter() - 2, cache="HIT")
    log_request("GET", "/fast/", 200, time.perf_counter(), cache="HIT")
    assert [line.path for line in request_lines(caplog)] == ["/slow/"]
