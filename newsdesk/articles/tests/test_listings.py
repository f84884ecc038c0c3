import pytest

from newsdesk.articles.models import SectionPage
from newsdesk.articles.querysets import LISTING_PAGE_SIZE
from newsdesk.conftest import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def test_it_lists_a_sections_articles_newest_first_in_pages(client, section):
    articles = [make_article(section, title=f"Story {i}") for i in range(LISTING_PAGE_SIZE + 2)]
    html = client.get("/news/").content.decode()
    assert "Page 1 of 2" in html
    assert html.index(articles[-1].title) < html.index(articles[-2].title)
    assert articles[0].title not in html

    html = client.get("/news/?page=2").content.decode()
    assert articles[0].title in html and "Page 2 of 2" in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1e9", "%00"])
def test_it_answers_bad_page_numbers_with_a_normal_page(client, section, page):
    make_article(section, title="The only story", tags=["kyiv"], authors=[make_author()])
    for url in ["/news/", "/tags/kyiv/", "/authors/olena-marchuk/"]:
        response = client.get(url, {"page": page})
        assert response.status_code == 200, url
        assert "The only story" in response.content.decode()


def test_it_lists_only_published_articles_of_the_section(client, home, section):
    world = make_section(home, "World")
    make_article(section, title="In news")
    make_article(world, title="In world")
    make_article(section, title="Draft in news", publish=False)
    html = client.get("/news/").content.decode()
    assert "In news" in html
    assert "In world" not in html and "Draft in news" not in html


def test_it_shows_an_empty_section_sensibly(client, section):
    html = client.get("/news/").content.decode()
    assert "Nothing has been published in News yet." in html
    assert "pagination" not in html


def test_it_lists_a_tags_articles_and_links_tags_from_articles(client, section):
    tagged = make_article(section, title="Grid repairs", tags=["power grid"])
    make_article(section, title="Untagged")
    assert 'href="/tags/power-grid/">#power grid</a>' in client.get(tagged.url).content.decode()
    html = client.get("/tags/power-grid/").content.decode()
    assert "Grid repairs" in html and "Untagged" not in html
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_it_shows_an_author_page_with_their_articles(client, section, author):
    make_article(section, title="Her story", authors=[author])
    make_article(section, title="Someone else's")
    make_article(section, title="Her draft", authors=[author], publish=False)
    html = client.get("/authors/olena-marchuk/").content.decode()
    assert "Olena Marchuk" in html and "Senior correspondent" in html
    assert "Covers energy and the front line." in html
    assert "Her story" in html
    assert "Someone else's" not in html and "Her draft" not in html
    assert client.get("/authors/nobody/").status_code == 404
    assert "Olena Marchuk" in client.get("/authors/").content.decode()


def test_it_shows_a_designed_404_page(client, home):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert 'class="skip-link"' in html and "Go to the front page" in html


def test_it_names_the_section_of_a_card_in_a_section_made_since(client, home, section, settings):
    # Sections are kept under the chrome's version; one made without a publication (as an
    # import makes them) must still be named on the cards of its articles.
    settings.PAGE_CACHE_ENABLED = False
    author = make_author()
    make_article(section, title="An older story", authors=[author])
    assert "An older story" in client.get("/authors/olena-marchuk/").content.decode()
    archive = home.add_child(instance=SectionPage(title="Archive", slug="archive"))
    make_article(archive, title="An imported story", authors=[author])
    html = client.get("/authors/olena-marchuk/").content.decode()
    assert 'href="/archive/">Archive</a>' in html
