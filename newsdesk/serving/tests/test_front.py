"""The page cache's ASGI front (newsdesk.asgi.application), called as granian calls it."""

import time

import pytest

from newsdesk.asgi import application
from newsdesk.conftest import make_article
from newsdesk.serving.hot import hot_copies
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump, cache, path_version_key
from newsdesk.testing.asgi import asgi_call, run_calls

pytestmark = pytest.mark.django_db(transaction=True)


def call(path, headers=(), method="GET", query=b""):
    return asgi_call(application, path, headers, method, query)


def test_it_answers_a_cached_page_before_django_with_the_stored_headers(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section, title="Served from the front")
    [(status, first, body)] = run_calls(call(article.url))
    [(_, second, again)] = run_calls(call(article.url, [(b"accept-encoding", b"identity")]))
    assert status == 200 and first["x-cache"] == "MISS" and second["x-cache"] == "HIT"
    assert again == body and b"Served from the front" in again
    for name in ("content-type", "content-security-policy", "x-frame-options", "etag"):
        assert second[name] == first[name], name
    assert second["x-request-id"] != first["x-request-id"]


def test_signed_in_staff_never_get_the_cached_copy(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section)
    run_calls(call(article.url), call(article.url))
    [(_, headers, _)] = run_calls(call(article.url, [(b"cookie", b"sessionid=abc")]))
    assert headers.get("x-cache") != "HIT"


def test_a_hot_copy_answers_from_memory_until_it_expires(section, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 1.5
    now = [1000.0]
    monkeypatch.setattr(hot_copies, "clock", lambda: now[0])
    article = make_article(section, title="Kept in memory")
    run_calls(call(article.url))
    [(_, _, body)] = run_calls(call(article.url))  # read from the cache: now a hot copy
    # Another process purges the page: it renews the path's version in the shared cache.
    cache().set(path_version_key(article.url), time.time_ns(), None)
    now[0] += 1.4
    [(status, headers, again)] = run_calls(call(article.url))
    assert headers["x-cache"] == "HIT" and again == body
    now[0] += 0.2
    [(_, headers, _)] = run_calls(call(article.url))
    assert status == 200 and headers["x-cache"] == "MISS"


def test_a_change_made_in_this_process_drops_hot_copies_at_once(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 30
    article = make_article(section)
    run_calls(call(article.url), call(article.url))
    purge_paths([article.url])
    [(_, headers, _)] = run_calls(call(article.url))
    assert headers["x-cache"] == "MISS"


def test_hot_copies_keep_encodings_apart_and_answer_head_without_a_body(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 30
    article = make_article(section)
    brotli = [(b"accept-encoding", b"gzip, deflate, br")]
    run_calls(call(article.url), call(article.url), call(article.url, brotli))
    [(_, plain, plain_body), (_, br, br_body), (_, head, head_body)] = run_calls(
        call(article.url), call(article.url, brotli), call(article.url, brotli, method="HEAD")
    )
    assert plain["x-cache"] == br["x-cache"] == head["x-cache"] == "HIT"
    assert "content-encoding" not in plain and br["content-encoding"] == "br"
    assert len(br_body) < len(plain_body) and head_body == b""
    assert head["content-length"] == br["content-length"] == str(len(br_body))
    [(_, staff, _)] = run_calls(call(article.url, [(b"cookie", b"sessionid=abc")]))
    assert staff.get("x-cache") != "HIT"


def test_reader_pages_are_rendered_by_the_threaded_handler_like_any_other(
    section, settings, client, editor
):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section, title="Zaporizhzhia's grid: what the repairs need")
    [(status, headers, body)] = run_calls(call("/search/", query=b"q=Zaporizhzhia%27s+grid"))
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "Zaporizhzhia" in body.decode() and article.url in body.decode()
    [(status, headers, body)] = run_calls(call("/search/", method="HEAD", query=b"q=grid"))
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0
    [(status, _, _)] = run_calls(call("/no-such-page/"))
    assert status == 404
    # Two Cookie headers (HTTP/2 sends them apart) reach Django as one: the editor's session.
    client.force_login(editor)
    session = f"sessionid={client.cookies['sessionid'].value}".encode()
    cookies = [(b"cookie", b"theme=dark"), (b"cookie", session)]
    [(status, headers, body)] = run_calls(call(article.url, cookies))
    assert status == 200 and headers.get("x-cache") is None, headers.get("x-cache")
    assert f"/admin/pages/{article.pk}/edit/" in body.decode()


def test_a_page_whose_shared_content_changed_is_renewed_by_the_next_reader(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 0
    article = make_article(section)
    run_calls(call(article.url), call(article.url))
    bump("chrome")  # the footer and navigation every page prints
    [(_, renewing, _)] = run_calls(call(article.url))
    [(_, after, _)] = run_calls(call(article.url))
    assert renewing["x-cache"] == "MISS" and after["x-cache"] == "HIT"


def test_static_files_are_served_whole_through_the_front(settings):
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    settings.ALLOWED_HOSTS = ["testserver"]
    url = static("css/site.css")
    with open(finders.find("css/site.css"), "rb") as file:
        expected = file.read()
    [(status, headers, body)] = run_calls(call(url))
    assert status == 200 and headers["content-type"].startswith("text/css")
    assert body == expected
    [(status, headers, body)] = run_calls(call(url, method="HEAD"))
    assert status == 200 and body == b"" and headers["content-length"] == str(len(expected))


def test_hot_copies_respect_refused_encodings(section, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_HOT_SECONDS = 30
    article = make_article(section)
    brotli = [(b"accept-encoding", b"gzip, br")]
    no_brotli = [(b"accept-encoding", b"br;q=0, gzip")]
    run_calls(call(article.url), call(article.url, brotli), call(article.url, brotli))  # hot: br
    [(_, first, _), (_, second, _)] = run_calls(
        call(article.url, no_brotli), call(article.url, no_brotli)
    )
    assert first["content-encoding"] == second["content-encoding"] == "gzip"
    assert second["x-cache"] == "HIT"


def test_staff_pages_through_the_front_are_private(section, settings, client, editor):
    settings.ALLOWED_HOSTS = ["testserver"]
    article = make_article(section)
    client.force_login(editor)
    session = f"sessionid={client.cookies['sessionid'].value}".encode()
    [(status, headers, _)] = run_calls(call(article.url, [(b"cookie", session)]))
    assert status == 200 and "private" in headers["cache-control"]
    assert "no-store" in headers["cache-control"]
