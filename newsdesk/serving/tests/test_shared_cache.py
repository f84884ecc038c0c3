"""Every process sees the same site: what a command or a task worker changes shows on the pages a
running web server has cached, within a second, with the default cache and with Redis."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, paragraphs
from newsdesk.testing import ROOT, subprocess_env, wait_until, web_server, worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# Published by this test, not narrated by the worker it starts.
QUIET = {"NARRATION_ON_PUBLISH": "0"}


@pytest.fixture(params=["default", "redis"])
def shared_cache(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), error.read().decode()


def cached(url):
    """Ask twice: the second answer comes from the server's page cache."""
    fetch(url)
    status, x_cache, _ = fetch(url)
    assert x_cache == "HIT", (url, status, x_cache)


def delay_until_shown(url, text, since):
    """Seconds from `since` to sending the first request whose answer shows `text`."""
    sent = []

    def shown():
        sent.append(time.monotonic())
        return text in fetch(url)[2]

    wait_until(shown, timeout=60, what=f"{url} showing {text!r}")
    return sent[-1] - since


def manage(*args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=subprocess_env(**QUIET),
        check=True,
        capture_output=True,
        timeout=300,
    )
    return time.monotonic()


def test_changes_made_by_other_processes_show_on_pages_the_server_cached(shared_cache, section):
    article = make_article(section, title="Power returns", body=paragraphs("Power is back."))
    scheduled = make_article(section, title="The council votes on the budget", publish=False)
    with web_server(env=QUIET) as base:
        for path in ("/", "/news-feed/", article.url):
            cached(base + path)

        # A live feed item posted from a shell.
        done = manage("feed_post", "Bridge over the Dnipro reopened to traffic")
        for path in ("/", "/news-feed/"):
            delay = delay_until_shown(base + path, "Bridge over the Dnipro reopened", done)
            assert delay <= 1, (path, delay)

        # An article narrated in the foreground by `manage.py narrate`.
        done = manage("narrate", str(article.pk))
        assert delay_until_shown(base + article.url, 'class="player"', done) <= 1

        # A scheduled publication, published by a task worker when its time comes.
        scheduled.go_live_at = timezone.now() + timedelta(seconds=3)
        scheduled.save_revision().publish()
        assert not ArticlePage.objects.get(pk=scheduled.pk).live
        url = base + ArticlePage.objects.get(pk=scheduled.pk).url
        assert fetch(url)[0] == 404 and fetch(url)[:2] == (404, "HIT")
        cached(base + "/news/")
        with worker(env={**QUIET, "WORKER_HEARTBEAT_INTERVAL": 1}):
            wait_until(
                lambda: ArticlePage.objects.filter(pk=scheduled.pk, live=True).exists(),
                timeout=60,
                what="the worker publishing it",
            )
            published = time.monotonic()
            assert delay_until_shown(url, "The council votes on the budget", published) <= 1
            assert delay_until_shown(base + "/news/", scheduled.title, published) <= 1


def test_a_site_changed_in_another_process_is_seen_by_the_server(shared_cache, home, section):
    make_article(section, title="Power returns")
    with web_server() as base:
        cached(base + "/")  # the server keeps the site in memory, and the front page cached
        site = Site.objects.get(is_default_site=True)
        site.root_page = section  # the newsroom moves its front page
        site.save()
        changed = time.monotonic()
        assert delay_until_shown(base + "/", "<h1>News</h1>", changed) <= 1
