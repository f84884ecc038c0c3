"""`manage.py import_ghost`: a Ghost JSON export (html first; Lexical or Mobiledoc when a post has
no html) becomes articles with their authors, tags and photos."""

from datetime import UTC, datetime

import pytest
from taggit.models import Tag

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.models import ImportItem
from newsdesk.imports.tests.conftest import FIXTURES, last_run, picture, run_command
from newsdesk.people.models import Author

pytestmark = pytest.mark.django_db
GHOST = FIXTURES / "ghost.json"


@pytest.fixture
def images(tmp_path):
    """A local copy of the Ghost site's content/images folder."""
    folder = tmp_path / "images"
    for name in ("2024/01/wind.jpg", "2024/01/ridge.jpg", "2024/02/cables.jpg"):
        picture(folder / name, color=(len(name), 100, 100))
    picture(folder / "2023/05/lena.png", size=(120, 120), kind="PNG")
    return folder


def import_ghost(*args):
    return run_command("import_ghost", GHOST, *args)


def blocks(page):
    return [(block.block_type, block.value) for block in page.body]


def test_it_maps_a_post_from_its_html(images):
    import_ghost("--images-dir", images)
    wind = ArticlePage.objects.get(title="Wind farm approved")
    assert wind.live and wind.slug == "wind-farm-approved"
    assert wind.get_parent().title == "Regional news"  # the primary (first public) tag
    assert sorted(wind.tags.names()) == ["Energy", "Regional news"]  # not the internal #feature
    assert not Tag.objects.filter(name="#feature").exists()
    assert [a.name for a in wind.authors] == ["Sam Okafor", "Lena Vogt"]  # Ghost's order
    assert wind.standfirst == "Twelve turbines will rise on the ridge by 2026."
    assert wind.first_published_at == datetime(2024, 1, 10, 8, 30, tzinfo=UTC)
    assert wind.last_published_at == datetime(2024, 1, 11, 9, 0, tzinfo=UTC)
    assert wind.lead_image.alt_text == "Turbines on the ridge"
    assert wind.lead_image_caption == "Turbines at dawn"
    assert (wind.seo_title, wind.search_description) == (
        "Ridge wind farm approved",
        "Twelve turbines approved.",
    )
    lena = Author.objects.get(name="Lena Vogt")
    assert lena.bio == "Lena covers energy and the coast." and lena.photo is not None

    kinds = blocks(wind)
    assert [kind for kind, _ in kinds] == ["paragraph", "image", "embed", "paragraph", "paragraph"]
    assert kinds[1][1]["caption"] == "The ridge in winter"
    assert kinds[2][1].url == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert (
        kinds[3][1].source
        == '<p><a href="https://energy.example/decision">The decision in full</a></p>'
    )
    # Event handlers, javascript: links, scripts and frames from other sites are gone.
    assert kinds[4][1].source == "<p>Contact us.</p>"
    item = ImportItem.objects.get(source_id="p1")
    assert "an embedded frame from ads.example removed" in item.reason


def test_posts_without_html_are_read_from_lexical_or_mobiledoc(images):
    import_ghost("--images-dir", images)
    grid = ArticlePage.objects.get(title="Grid upgrade delayed")
    wind = ArticlePage.objects.get(title="Wind farm approved")
    assert (
        blocks(grid)[0][1].source
        == "<p>The regulator <b>postponed</b> the grid upgrade by a year.</p>"
    )
    assert blocks(grid)[1] == ("heading", "Why it matters")
    assert blocks(grid)[2][1].source == "<p>1. Bills stay higher</p>"
    assert blocks(grid)[3][1].source == (
        f'<p>2. <a linktype="page" id="{wind.pk}"><i>The wind farm</i></a> waits</p>'
    )
    assert blocks(grid)[4][1]["text"] == "We need the cables first."
    assert blocks(grid)[5][1]["caption"] == "Cable drums at the depot"
    assert blocks(grid)[6][1].url == "https://vimeo.com/76979871"
    # The wind farm post links forward to the grid post: the link follows the new page.
    assert f'<a linktype="page" id="{grid.pk}">the grid</a>' in blocks(wind)[0][1].source

    harbour = ArticlePage.objects.get(title="Harbour board minutes")
    assert [kind for kind, _ in blocks(harbour)] == [
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
    ]
    assert blocks(harbour)[0][1].source == (
        '<p>The harbour board met <b>twice</b> and published <a href="https://example.org/minutes">'
        "its minutes</a>.</p>"
    )
    assert [a.name for a in harbour.authors] == ["Sam Okafor"]  # the post's author_id
    assert harbour.get_parent().slug == "archive"  # no tag
    reason = ImportItem.objects.get(source_id="p3").reason
    assert "picture https://images.example/old-harbour.jpg" in reason


def test_statuses_and_pages(images):
    import_ghost("--images-dir", images)
    assert not ArticlePage.objects.get(title="Members briefing").live
    assert "for members only" in ImportItem.objects.get(source_id="p4").reason
    election = ArticlePage.objects.get(title="Election night plans")
    assert not election.live and election.go_live_at == datetime(2099, 5, 1, 18, 0, tzinfo=UTC)
    assert not ArticlePage.objects.get(title="Half-written profile").live
    assert ImportItem.objects.get(source_id="p7").outcome == "skipped"
    assert not ArticlePage.objects.filter(title="About us").exists()


def test_old_ghost_addresses_redirect(client, images):
    import_ghost("--images-dir", images)
    wind = ArticlePage.objects.get(title="Wind farm approved")
    expected = {
        "/wind-farm-approved/": wind.url,
        "/tag/energy/": "/tags/energy/",
        "/author/lena/": "/authors/lena/",
        "/author/lena/rss/": "/feeds/authors/lena/",
        "/rss/": "/feeds/latest/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (old, response.status_code, response["Location"]) == (old, 301, new)
    assert client.get("/members-briefing/").status_code == 404  # never public


def test_a_second_run_changes_nothing(images):
    import_ghost("--images-dir", images)
    import_ghost("--images-dir", images)
    assert last_run().report["counts"] == {"post": {"unchanged": 6}, "page": {"skipped": 1}}
