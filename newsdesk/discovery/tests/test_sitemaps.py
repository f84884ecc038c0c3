from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from newsdesk.conftest import make_article, make_image

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SITE = "http://127.0.0.1:8000"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def page_entries(client):
    """Every <url> of the page sitemaps the index lists, by location."""
    index = xml(client, "/sitemap.xml")
    entries = {}
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        assert loc.text.startswith(f"{SITE}/sitemap-pages.xml")
        for url in xml(client, loc.text.removeprefix(SITE)).findall("sm:url", NS):
            entries[url.findtext("sm:loc", namespaces=NS)] = url
    return entries


def test_it_lists_live_pages_with_lastmod_and_photos(client, section):
    photo = make_image()
    article = make_article(section, title="With photo", lead_image=photo)
    plain = make_article(section, title="Without photo")

    entries = page_entries(client)

    assert {f"{SITE}/", f"{SITE}/news/", SITE + article.url, SITE + plain.url} <= set(entries)
    entry = entries[SITE + article.url]
    lastmod = entry.findtext("sm:lastmod", namespaces=NS)
    assert lastmod.startswith(timezone.localtime(article.last_published_at).date().isoformat())
    images = [loc.text for loc in entry.findall("image:image/image:loc", NS)]
    assert images == [SITE + photo.file.url]
    assert entries[SITE + plain.url].find("image:image", NS) is None


def test_it_leaves_out_unpublished_and_draft_articles(
    client, section, django_capture_on_commit_callbacks
):
    live = make_article(section, title="Live")
    withdrawn = make_article(section, title="Withdrawn")
    draft = make_article(section, title="Draft", publish=False)
    assert SITE + withdrawn.url in page_entries(client)
    news = xml(client, "/news-sitemap.xml").findall("sm:url/sm:loc", NS)
    assert SITE + withdrawn.url in [loc.text for loc in news]

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()

    entries = page_entries(client)
    assert SITE + live.url in entries
    assert not any(("withdrawn" in loc or "draft" in loc) for loc in entries), entries.keys()
    news = xml(client, "/news-sitemap.xml").findall("sm:url/sm:loc", NS)
    assert [loc.text for loc in news] == [SITE + live.url]
    assert draft.live is False


def test_it_lists_only_the_last_48_hours_in_the_news_sitemap(client, section):
    now = timezone.now()
    fresh = make_article(section, title="Fresh & new", display_date=now - timedelta(hours=47))
    make_article(section, title="Stale", display_date=now - timedelta(hours=49))
    gone = make_article(section, title="Gone", display_date=now - timedelta(hours=1))
    gone.unpublish()

    urls = xml(client, "/news-sitemap.xml").findall("sm:url", NS)

    assert [url.findtext("sm:loc", namespaces=NS) for url in urls] == [SITE + fresh.url]
    news = urls[0].find("news:news", NS)
    assert news.findtext("news:title", namespaces=NS) == "Fresh & new"
    assert news.findtext("news:publication/news:name", namespaces=NS) == "The Meridian Ledger"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published == timezone.localtime(fresh.published_at).isoformat()


def test_it_names_both_sitemaps_in_robots_txt(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/news-sitemap.xml" in lines


def test_it_answers_a_bad_sitemap_page_with_404(client, db):
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404
