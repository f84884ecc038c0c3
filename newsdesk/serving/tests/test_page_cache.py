"""The anonymous page cache: what is stored, what is served, what is purged and when."""

import gzip

import brotli
import pytest
from django.test import Client

from newsdesk.conftest import make_article, make_author

pytestmark = pytest.mark.django_db(transaction=True)


def get(client, url, **headers):
    return client.get(url, headers=headers)


@pytest.fixture
def reader():
    return Client()


def test_it_serves_the_second_anonymous_request_from_the_cache(reader, section):
    article = make_article(section, title="Cached story")
    first = get(reader, article.url)
    second = get(reader, article.url)
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert first.content == second.content
    assert "Cached story" in second.content.decode()
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-while-revalidate=" in control
    assert "Cookie" not in second.get("Vary", "")
    assert not second.cookies


def test_it_answers_a_repeated_request_with_304(reader, section):
    article = make_article(section)
    etag = get(reader, article.url)["ETag"]
    assert etag
    assert get(reader, article.url, if_none_match=etag).status_code == 304
    assert get(reader, article.url, if_none_match='"other"').status_code == 200


def test_it_compresses_with_brotli_or_gzip_as_asked(reader, section):
    article = make_article(section, body=[("paragraph", "<p>" + "Words. " * 400 + "</p>")])
    plain = get(reader, article.url).content
    for _ in range(2):  # a miss, then a hit
        br = get(reader, article.url, accept_encoding="gzip, br")
        assert br["Content-Encoding"] == "br"
        assert brotli.decompress(br.content) == plain
        gz = get(reader, article.url, accept_encoding="gzip")
        assert gz["Content-Encoding"] == "gzip"
        assert gzip.decompress(gz.content) == plain
    assert "Accept-Encoding" in br["Vary"]


def test_it_never_serves_or_fills_the_cache_for_staff(reader, section, editor):
    article = make_article(section, title="Staff see it live")
    staff = Client()
    staff.force_login(editor)
    response = get(staff, article.url)
    assert "X-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()
    assert get(reader, article.url)["X-Cache"] == "MISS", "staff filled the cache"
    assert get(staff, article.url).get("X-Cache") is None
    assert "wagtail-userbar" not in get(reader, article.url).content.decode()


def test_it_does_not_cache_unknown_query_strings_or_the_admin(reader, section):
    article = make_article(section)
    assert "X-Cache" not in get(reader, article.url + "?utm_source=x")
    assert "X-Cache" not in get(reader, "/admin/login/")


def test_it_purges_on_publish_unpublish_and_delete(reader, section):
    author = make_author("Nadia Bondar")
    article = make_article(section, title="First headline", authors=[author], tags=["kyiv"])
    pages = [article.url, "/news/", "/authors/nadia-bondar/", "/tags/kyiv/", "/"]
    for url in pages:
        get(reader, url)
        assert get(reader, url)["X-Cache"] == "HIT", url

    article.title = "Second headline"
    article.save_revision().publish()
    for url in pages:
        response = get(reader, url)
        assert response["X-Cache"] == "MISS", url
        assert "Second headline" in response.content.decode(), url

    article.unpublish()
    assert get(reader, article.url).status_code == 404
    assert "Second headline" not in get(reader, "/news/").content.decode()


def test_it_purges_the_front_page_when_the_editors_change_it(reader, home, section):
    article = make_article(section, title="Now leading")
    get(reader, "/")
    home.lead_story = article
    home.featured_kicker = "New kicker"
    home.save_revision().publish()
    response = get(reader, "/")
    assert response["X-Cache"] == "MISS" and "Now leading" in response.content.decode()


def test_it_purges_the_feed_pages_when_an_item_is_posted(reader, home):
    from newsdesk.livefeed.services import post_item

    for url in ("/", "/news-feed/"):
        get(reader, url)
    post_item(text="<p>Air raid alert lifted.</p>")
    for url in ("/", "/news-feed/"):
        response = get(reader, url)
        assert "Air raid alert lifted." in response.content.decode(), url


def test_purging_a_path_renews_the_version_its_fragments_are_keyed_on():
    from newsdesk.serving.purge import purge_paths
    from newsdesk.serving.versions import FragmentVersions

    before = FragmentVersions("/news/a-story/").path
    other = FragmentVersions("/news/another-story/").path
    purge_paths(["/news/a-story/"])
    after = FragmentVersions("/news/a-story/")
    assert isinstance(after.path, int) and after.path != before
    assert FragmentVersions("/news/another-story/").path == other


def test_a_cached_article_shows_a_new_feed_item_in_its_sidebar(reader, home, section):
    from newsdesk.livefeed.services import post_item

    article = make_article(section, title="Story with a feed beside it")
    get(reader, article.url)
    assert get(reader, article.url)["X-Cache"] == "HIT"
    post_item(text="<p>Power restored in Kharkiv.</p>")
    response = get(reader, article.url)
    assert response["X-Cache"] == "MISS"
    assert "Power restored in Kharkiv." in response.content.decode()
    assert get(reader, article.url)["X-Cache"] == "HIT"


def test_a_renamed_newsletter_shows_on_every_cached_page(reader, home, section):
    from newsdesk.newsletters.models import Newsletter

    newsletter = Newsletter.objects.create(slug="brief", name="The Morning Brief")
    article = make_article(section)
    for url in ("/", article.url):
        get(reader, url)
    newsletter.name = "The Evening Brief"
    newsletter.save()
    for url in ("/", article.url):
        html = get(reader, url).content.decode()
        assert "The Evening Brief" in html and "The Morning Brief" not in html, url


def test_the_footer_form_keeps_its_own_ids_when_served_from_a_fragment(reader, home, section):
    from newsdesk.newsletters.models import Newsletter

    Newsletter.objects.create(slug="brief", name="The Morning Brief")
    article = make_article(section)
    get(reader, article.url)  # fills the footer fragment
    for url in ("/", article.url, "/newsletters/"):
        html = get(reader, url).content.decode()
        ids = [part.split('"')[0] for part in html.split(' id="')[1:]]
        assert len(ids) == len(set(ids)), (url, sorted(i for i in ids if ids.count(i) > 1))
        assert 'id="nl-footer-email"' in html


def test_cached_sign_up_forms_name_the_page_they_are_on(reader, home, section):
    from newsdesk.newsletters.models import Newsletter

    Newsletter.objects.create(slug="brief", name="The Morning Brief")
    first, second = make_article(section, title="First"), make_article(section, title="Second")
    get(reader, first.url)  # fills the fragments of the first page
    html = get(reader, second.url).content.decode()
    sources = [part.split('"')[0] for part in html.split('name="source" value="')[1:]]
    assert sources == [second.url] * 3  # end of article, sidebar, footer


def republish(article, **fields):
    revision = article.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(revision, name, value)
    revision.save_revision().publish()


def test_a_card_of_a_changed_article_is_renewed_in_the_articles_carrying_it(reader, section):
    linked = make_article(section, title="The old headline")
    carrier = make_article(section, body=[("related_story", linked)])
    assert "The old headline" in get(reader, carrier.url).content.decode()
    republish(linked, title="The corrected headline")
    html = get(reader, carrier.url).content.decode()
    assert "The corrected headline" in html and "The old headline" not in html


def test_an_author_renamed_shows_on_their_cached_articles(reader, section):
    author = make_author("Olena Marchuk")
    article = make_article(section, authors=[author])
    get(reader, article.url)
    author.name = "Olena Marchuk-Shevchenko"
    author.save()
    assert "Olena Marchuk-Shevchenko" in get(reader, article.url).content.decode()


def test_more_news_is_shared_and_leaves_out_the_article_itself(reader, section):
    older = [make_article(section, title=f"Older story {i}") for i in range(8)]
    get(reader, older[0].url)
    newest = make_article(section, title="Breaking: the newest story")
    for article in (older[0], older[1]):
        more = get(reader, article.url).content.decode().split('id="more-news"')[1]
        assert "Breaking: the newest story" in more
    more = get(reader, newest.url).content.decode().split('id="more-news"')[1]
    assert "Breaking: the newest story" not in more and "Older story 7" in more


def test_one_reader_renews_a_page_whose_surroundings_changed_while_others_get_the_copy(
    reader, home, section
):
    from newsdesk.livefeed.services import post_item

    article = make_article(section, title="Story beside the feed")
    get(reader, article.url)
    post_item(text="<p>Shelling reported near Kherson.</p>")
    # The lookup that finds the page out of date takes the renewal; a second reader arriving
    # before it is stored still gets the previous copy, from the cache.
    from newsdesk.serving.store import lookup

    request = reader.get(article.url).wsgi_request  # this one renewed and stored the page
    assert lookup(request)[1] is not None
    post_item(text="<p>Air raid alert in Kyiv.</p>")
    assert lookup(request)[1] is None  # this caller renews
    assert lookup(request)[1] is not None  # everyone else: the copy, until it is renewed
    response = get(reader, article.url)
    assert "Air raid alert in Kyiv." not in response.content.decode()  # stale while renewing


@pytest.mark.parametrize(
    "header, expected",
    [
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0, br;q=0", None),
        ("gzip;q=0", None),
        ("gzip, br;q=0.5", "gzip"),
        ("br;q=0.9, gzip;q=0.9", "br"),
        ("GZIP;Q=0.8, BR;Q=0.001", "gzip"),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("identity", None),
        ("", None),
        ("br;q=2, gzip;q=nonsense", None),
        ("x-gzip", "gzip"),
    ],
)
def test_it_reads_the_weights_of_accept_encoding(header, expected):
    from newsdesk.serving.http import encoding_for

    assert encoding_for(header) == expected


def test_a_refused_encoding_is_never_sent(reader, section):
    article = make_article(section, body=[("paragraph", "<p>" + "Words. " * 400 + "</p>")])
    plain = get(reader, article.url).content
    for _ in range(2):  # a miss, then a hit
        response = get(reader, article.url, accept_encoding="br;q=0, gzip")
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == plain
        response = get(reader, article.url, accept_encoding="gzip;q=0, br;q=0")
        assert "Content-Encoding" not in response and response.content == plain


def test_pages_for_signed_in_staff_are_private_and_not_stored(reader, section, editor):
    article = make_article(section)
    staff = Client()
    staff.force_login(editor)
    for url in (article.url, "/", "/news/", "/search/?q=story"):
        control = get(staff, url)["Cache-Control"]
        assert "private" in control and "no-store" in control, url
        assert "public" not in control and "s-maxage" not in control, url
    assert "public" in get(reader, article.url)["Cache-Control"]
