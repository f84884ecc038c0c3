"""A shared cache that cannot be reached (Redis at a closed port, a cache file that cannot be
opened): every reader page is rendered uncached, rate limits let requests through, and the log
says so once, not on every request."""

import logging

import pytest
from django.test import Client

from newsdesk.conftest import make_article
from newsdesk.testing import free_port
from newsdesk.testing.asgi import asgi_call, run_calls

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Kherson's water returns after six days"
ITEM = "Ferry crossings resume at noon."


@pytest.fixture(params=["redis", "sqlite"])
def unreachable_cache(request, settings, tmp_path, newsroom):
    """The caches switched to one that cannot be reached, once the newsroom is in place."""
    if request.param == "redis":
        shared = {
            "BACKEND": "newsdesk.serving.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    else:
        (tmp_path / "not-a-directory").write_text("")
        shared = {
            "BACKEND": "newsdesk.serving.sqlite_cache.SQLiteCache",
            "LOCATION": str(tmp_path / "not-a-directory" / "cache.sqlite3"),
        }
    settings.CACHES = {
        "default": shared,
        "template_fragments": {
            "BACKEND": "newsdesk.serving.fragments.FragmentCache",
            "LOCATION": "outage",
            "OPTIONS": {"SHARED": "default"},
        },
    }
    settings.ALLOWED_HOSTS = ["testserver"]
    return newsroom


@pytest.fixture
def newsroom(section):
    from newsdesk.livefeed.services import post_item

    article = make_article(section, title=TITLE)
    post_item(text=f"<p>{ITEM}</p>")
    return {
        "/": TITLE,
        article.url: "six days",
        "/search/?q=Kherson": article.url,
        "/news-feed/": ITEM,
        "/feeds/latest/": TITLE,
        "/news/": TITLE,
    }


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "newsdesk.cache" and "unavailable" in r.message]


def text(body):
    return body.decode().replace("&#x27;", "'").replace("&#39;", "'")


def test_reader_pages_render_uncached_and_the_log_says_why_once(unreachable_cache, caplog):
    caplog.set_level(logging.WARNING, logger="newsdesk.cache")
    reader = Client()
    for _ in range(3):
        for path, expected in unreachable_cache.items():
            response = reader.get(path)
            assert response.status_code == 200, path
            assert expected in text(response.content), path
            assert response.get("X-Cache") != "HIT", path
    [warning] = outage_warnings(caplog)
    assert "rendered uncached" in warning.getMessage()


def served(app, path):
    path, _, query = path.partition("?")
    [(status, _, body)] = run_calls(asgi_call(app, path, query=query.encode()))
    return status, body


def test_the_asgi_front_and_djangos_async_handler_render_uncached(unreachable_cache):
    from newsdesk.asgi import application, django_application

    for app in (application, django_application):  # the front, and the async middleware
        for path, expected in unreachable_cache.items():
            status, body = served(app, path)
            assert status == 200, (app, path)
            assert expected in text(body), (app, path)


def test_rate_limits_let_requests_through_while_nothing_can_count_them(unreachable_cache, settings):
    settings.SEARCH_RATE_LIMIT = 1
    reader = Client()
    statuses = [reader.get("/search/", {"q": f"Kherson {n}"}).status_code for n in range(4)]
    assert statuses == [200] * 4


def test_an_outage_is_reported_once_a_minute_and_its_end_once(caplog):
    from newsdesk.serving.outage import Outage

    caplog.set_level(logging.WARNING, logger="newsdesk.cache")
    now = [1000.0]
    outage = Outage("test cache", clock=lambda: now[0])
    outage.failed(ConnectionRefusedError("refused"))
    assert outage.skipping()  # the server is left alone for a moment
    now[0] += Outage.RETRY_SECONDS
    assert not outage.skipping()
    for _ in range(5):
        outage.failed(ConnectionRefusedError("refused"))
    now[0] += Outage.LOG_SECONDS
    outage.failed(ConnectionRefusedError("refused"))
    outage.answered()
    outage.answered()
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 3, messages
    assert "unavailable" in messages[0] and "(1 failed operations)" in messages[0]
    assert "(6 failed operations)" in messages[1]
    assert messages[2] == "Cache test cache available again"


def test_no_operation_on_an_unreachable_cache_file_counts_as_an_answer(tmp_path, caplog):
    from newsdesk.serving.outage import Outage
    from newsdesk.serving.sqlite_cache import SQLiteCache

    caplog.set_level(logging.WARNING, logger="newsdesk.cache")
    (tmp_path / "not-a-directory").write_text("")
    store = SQLiteCache(str(tmp_path / "not-a-directory" / "cache.sqlite3"), {})
    now = [1000.0]
    store.outage = Outage("test file", clock=lambda: now[0])
    operations = [
        lambda: store.get("a"),
        lambda: store.get_many(["a", "b"]),
        lambda: store.set("a", 1),
        lambda: store.set_many({"a": 1}),
        lambda: store.add("a", 1),
        lambda: store.touch("a"),
        lambda: store.delete("a"),
        lambda: store.delete_many(["a"]),
        lambda: store.has_key("a"),
        lambda: store.get_or_set("a", 1),
        store.clear,
    ]
    for operation in operations:
        now[0] += Outage.RETRY_SECONDS  # past the pause: each one tries the file again
        operation()
    now[0] += Outage.RETRY_SECONDS
    with pytest.raises(ValueError):
        store.incr("a")
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1 and "unavailable" in messages[0], messages
