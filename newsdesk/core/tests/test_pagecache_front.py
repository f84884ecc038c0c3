"""The page cache's ASGI front (newsdesk.asgi.application), called as granian calls it."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdesk.asgi import application
from newsdesk.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)


async def call(path, headers=()):
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent = asyncio.Event()
    messages = []

    async def receive():
        if not sent.is_set():
            sent.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)

    async def send(message):
        messages.append(message)

    await application(scope, receive, send)
    start = messages[0]
    headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], headers, body


def run(*calls):
    async def gather():
        return await asyncio.gather(*calls)

    # In a thread of its own: a browser test may have left an event loop running in this one.
    with ThreadPoolExecutor(1) as runner:
        return runner.submit(asyncio.run, gather()).result()


def test_it_answers_a_cached_page_before_django_with_the_stored_headers(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section, title="Served from the front")
    [(status, first, body)] = run(call(article.url))
    [(_, second, again)] = run(call(article.url, [(b"accept-encoding", b"identity")]))
    assert status == 200 and first["x-cache"] == "MISS" and second["x-cache"] == "HIT"
    assert again == body and b"Served from the front" in again
    for name in ("content-type", "content-security-policy", "x-frame-options", "etag"):
        assert second[name] == first[name], name
    assert second["x-request-id"] != first["x-request-id"]


def test_signed_in_staff_never_get_the_cached_copy(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section)
    run(call(article.url), call(article.url))
    [(_, headers, _)] = run(call(article.url, [(b"cookie", b"sessionid=abc")]))
    assert headers.get("x-cache") != "HIT"
