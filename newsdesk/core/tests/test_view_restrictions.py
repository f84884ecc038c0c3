"""Making a page private (or public again) purges like an unpublish (or a publish) does: the
page itself, the listings, feeds, sitemaps and search that show it, in the page cache and in the
front-end cache."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from newsdesk.conftest import make_article, make_author
from newsdesk.frontpage.models import EditorsPick, chosen_articles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def purges(settings):
    """A front-end cache (as nginx's purge server in deploy/) that records what it is told."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (http.server's naming)
            received.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield received
    server.shutdown()
    server.server_close()


@pytest.fixture
def story(section):
    author = make_author("Iryna Koval")
    return make_article(
        section,
        title="Emails show the contract was agreed in advance",
        body=[("paragraph", "<p>The documents were leaked to the newsroom.</p>")],
        authors=[author],
        tags=["city-hall"],
    )


LISTINGS = ["/", "/news/", "/tags/city-hall/", "/authors/iryna-koval/", "/feeds/latest/"]
LISTINGS += ["/feeds/news/", "/news-sitemap.xml", "/search/?q=contract"]


def cache_everything(reader, story):
    for url in [story.url, *LISTINGS]:
        reader.get(url)
        response = reader.get(url)
        assert response["X-Cache"] == "HIT", url
        assert lists(response, story), url


def lists(response, story):
    return story.url in response.text  # a card, an item, a result, a sitemap entry


def test_a_password_on_a_cached_article_hides_it_and_its_headline_everywhere(story, purges):
    reader = Client()
    cache_everything(reader, story)

    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-s3cret"
    )
    for _ in range(2):  # also when the answer to the first reader is in the cache
        page = reader.get(story.url)
        assert page.status_code == 200 and 'name="password"' in page.text
        assert "The documents were leaked" not in page.text
    for url in LISTINGS:
        assert not lists(reader.get(url), story), url
    assert story.url in purges and "/" in purges and "/news/" in purges

    purges.clear()
    restriction.delete()
    page = reader.get(story.url)
    assert "The documents were leaked" in page.text
    for url in LISTINGS:
        assert lists(reader.get(url), story), url
    assert story.url in purges and "/feeds/latest/" in purges


def test_a_login_restriction_on_a_section_sends_readers_to_sign_in(story, section, home):
    reader = Client()
    cache_everything(reader, story)

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    for url in (story.url, "/news/"):
        response = reader.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    front = reader.get("/")
    assert not lists(front, story)
    assert 'href="/news/"' not in front.text  # the menus list public sections only
    assert not lists(reader.get("/feeds/latest/"), story)


def test_privacy_set_in_the_admin_reaches_the_cached_pages(story, superuser):
    reader, admin = Client(), Client()
    admin.force_login(superuser)
    cache_everything(reader, story)

    url = f"/admin/pages/{story.pk}/privacy/"
    response = admin.post(url, {"restriction_type": "password", "password": "s3cret-s3cret"})
    assert response.status_code == 200
    assert 'name="password"' in reader.get(story.url).text
    assert not lists(reader.get("/news/"), story)

    admin.post(url, {"restriction_type": "none"})
    assert "The documents were leaked" in reader.get(story.url).text
    assert lists(reader.get("/news/"), story)


def test_more_news_leaves_out_an_article_made_private_after_it_was_listed(story, section):
    # "More news" runs SQL compiled once per process while no page is restricted; Wagtail's
    # public() puts the restricted paths in the SQL, so that SQL must not serve once one is.
    other = make_article(section, title="Trams run again on the right bank")
    reader = Client()
    assert lists(reader.get(other.url), story)
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-s3cret"
    )
    assert not lists(reader.get(other.url), story)
    later = make_article(section, title="Bridge reopens to cars")
    page = reader.get(other.url)
    assert later.url in page.text and not lists(page, story)
    restriction.delete()
    assert lists(reader.get(other.url), story)


def test_editors_picks_leave_out_an_article_made_private_after_they_were_listed(story, home):
    # The picks and top stories run SQL compiled once per process while no page is restricted.
    EditorsPick.objects.create(page=home, article=story, sort_order=0)
    assert chosen_articles(EditorsPick, home.pk) == [story]
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-s3cret"
    )
    assert chosen_articles(EditorsPick, home.pk) == []
    restriction.delete()
    assert chosen_articles(EditorsPick, home.pk) == [story]
