"""Every reader page answers in each edition, with that edition's content only."""

import pytest

from newsdesk.conftest import make_article, make_author

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_it_serves_the_ukrainian_front_page_under_its_prefix(client, section, uk_section):
    make_article(section, title="Power restored in Kyiv")
    make_article(uk_section, title="У Києві відновили світло")
    english = client.get("/").content.decode()
    ukrainian = client.get("/uk/").content.decode()
    assert "Power restored in Kyiv" in english and "У Києві відновили світло" not in english
    assert "У Києві відновили світло" in ukrainian and "Power restored in Kyiv" not in ukrainian


def test_it_answers_every_reader_page_in_both_editions(client, section, uk_section):
    author = make_author("Olena Marchuk")
    english = make_article(section, title="Grain ships", authors=[author], tags=["grain"])
    ukrainian = make_article(uk_section, title="Зерно", authors=[author], tags=["зерно"])
    paths = [
        "/",
        "/authors/",
        "/authors/olena-marchuk/",
        "/search/?q=grain",
        "/news-feed/",
        "/newsletters/",
        "/feeds/latest/",
        "/podcast.xml",
    ]
    for path in paths:
        assert client.get(path).status_code == 200, path
        assert client.get(f"/uk{path}").status_code == 200, f"/uk{path}"
    assert client.get(english.url).status_code == 200
    assert ukrainian.url.startswith("/uk/novyny/")
    assert client.get(ukrainian.url).status_code == 200
    assert client.get("/uk/novyny/").status_code == 200
    assert client.get("/tags/grain/").status_code == 200
    assert client.get("/uk/tags/зерно/").status_code == 200
    assert client.get("/uk/tags/grain/").status_code == 404  # no Ukrainian article carries it


def test_it_answers_404_for_an_unknown_prefix(client, uk_home):
    assert client.get("/de/").status_code == 404
    assert client.get("/xx/news-feed/").status_code == 404
    response = client.get("/uk/no-such-page/")
    assert response.status_code == 404
