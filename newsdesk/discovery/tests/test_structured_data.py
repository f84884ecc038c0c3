import json
import re
from html.parser import HTMLParser

import pytest

from newsdesk.conftest import make_article, make_author, make_image
from newsdesk.discovery.logo import LOGO_FILE, render_logo

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


class HeadReader(HTMLParser):
    """The JSON-LD blocks, <meta> tags and canonical link of a page, as a crawler reads them."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.meta, self.canonical = [], {}, None
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json = True
            self.json_ld.append("")
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_ld[-1] += data


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    reader.data = [json.loads(block) for block in reader.json_ld]
    return reader


@pytest.fixture
def story(section, author):
    return make_article(
        section,
        title="Kyiv restores power after overnight strikes",
        standfirst="Engineers reconnected most districts by morning.",
        authors=[author, make_author("Taras Hnatyuk")],
        tags=["energy"],
        corrections=["An earlier version misstated the number of districts."],
        lead_image=make_image(size=(1600, 1000)),
    )


def test_it_describes_an_article_as_a_news_article(client, story, author):
    (data,) = read(client, story.url).data

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.title
    assert data["url"] == data["mainEntityOfPage"]["@id"] == SITE + story.url
    assert data["datePublished"] == story.published_at.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert data["articleSection"] == "News"
    assert data["keywords"] == ["energy"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Olena Marchuk",
            "url": f"{SITE}/authors/olena-marchuk/",
            "jobTitle": "Senior correspondent",
        },
        {"@type": "Person", "name": "Taras Hnatyuk", "url": f"{SITE}/authors/taras-hnatyuk/"},
    ]
    publisher = data["publisher"]
    assert publisher["name"] == "The Meridian Ledger"
    assert publisher["logo"]["url"] == f"{SITE}/static/discovery/publisher-logo.png"
    (correction,) = data["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "An earlier version misstated the number of districts."


def test_it_gives_the_lead_photo_in_three_shapes(client, story):
    (data,) = read(client, story.url).data

    sizes = []
    for url in data["image"]:
        assert url.startswith(f"{SITE}/media/images/")
        rendition = story.lead_image.renditions.get(file=url.removeprefix(f"{SITE}/media/"))
        sizes.append((rendition.width, rendition.height))
    assert sizes == [(1200, 675), (1200, 900), (1000, 1000)]


def test_it_escapes_text_that_could_close_the_script(client, section):
    article = make_article(
        section,
        title="</script><script>alert(1)</script> & <!-- more",
        standfirst='Quotes " and \u2028 separators.',
    )

    response = client.get(article.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', response, re.S)

    assert "</script" not in block.group(1) and "<!--" not in block.group(1)
    (data,) = read(client, article.url).data
    assert data["headline"] == article.title
    assert data["description"] == article.standfirst


def test_it_tags_an_article_for_sharing(client, story):
    page = read(client, story.url)

    assert page.canonical == SITE + story.url
    assert page.meta["og:type"] == ["article"]
    assert page.meta["og:title"] == [story.title]
    assert page.meta["og:url"] == [SITE + story.url]
    assert page.meta["og:image"][0].startswith(f"{SITE}/media/images/")
    assert page.meta["og:image:width"] == ["1200"]
    assert page.meta["article:author"] == [
        f"{SITE}/authors/olena-marchuk/",
        f"{SITE}/authors/taras-hnatyuk/",
    ]
    assert page.meta["twitter:card"] == ["summary_large_image"]
    assert page.meta["twitter:image"] == page.meta["og:image"]


def test_it_falls_back_to_the_logo_without_a_photo(client, section):
    article = make_article(section, title="No photo")

    page = read(client, article.url)

    (data,) = page.data
    assert "image" not in data
    assert page.meta["og:image"] == [f"{SITE}/static/discovery/publisher-logo.png"]
    assert page.meta["twitter:card"] == ["summary"]


def test_it_describes_section_and_tag_pages_as_collections(client, story):
    section = read(client, "/news/")
    tag = read(client, "/tags/energy/")

    for page, name in ((section, "News"), (tag, "#energy")):
        (data,) = page.data
        assert data["@type"] == "CollectionPage"
        assert data["name"] == name
        assert data["mainEntity"]["itemListElement"] == [
            {"@type": "ListItem", "position": 1, "url": SITE + story.url}
        ]
    assert section.canonical == f"{SITE}/news/"
    assert tag.canonical == f"{SITE}/tags/energy/"


def test_it_gives_later_listing_pages_their_own_canonical_url(client, section):
    for n in range(13):
        make_article(section, title=f"Story {n}")

    assert read(client, "/news/?page=2").canonical == f"{SITE}/news/?page=2"
    assert read(client, "/news/?page=1").canonical == f"{SITE}/news/"


def test_it_describes_an_author_page_as_a_profile(client, story, author):
    author.photo = make_image(size=(600, 600))
    author.save()

    page = read(client, author.get_absolute_url())

    (data,) = page.data
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Olena Marchuk"
    assert person["url"] == f"{SITE}/authors/olena-marchuk/"
    assert person["image"].startswith(f"{SITE}/media/images/")
    assert page.meta["og:type"] == ["profile"]


def test_it_describes_the_front_page_as_the_website_and_publisher(client, story):
    (data,) = read(client, "/").data

    website, publisher = data["@graph"]
    assert website["@type"] == "WebSite"
    assert (
        website["potentialAction"]["target"]["urlTemplate"] == f"{SITE}/search/?q={{search_term}}"
    )
    assert publisher["@type"] == "NewsMediaOrganization"


def test_it_ships_the_logo_this_code_draws():
    from PIL import Image

    with Image.open(LOGO_FILE) as shipped:
        assert shipped.size == (512, 512)
        assert shipped.convert("RGBA").tobytes() == render_logo().tobytes()
