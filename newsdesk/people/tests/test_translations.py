"""An author's name, role and biography in each edition's language: one person, one row."""

import json
import re

import pytest
from django.urls import reverse

from newsdesk.conftest import make_article, make_author
from newsdesk.narration import script
from newsdesk.narration.lexicon import Lexicon
from newsdesk.people.models import Author

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

UKRAINIAN = {"name": "Олена Марчук", "role": "Старша кореспондентка", "bio": "Пише з Києва."}
JSON_LD = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.S)


@pytest.fixture
def olena(db):
    return make_author(
        role="Senior correspondent", bio="Reports from Kyiv.", translations={"uk": UKRAINIAN}
    )


@pytest.fixture
def stories(section, uk_section, olena):
    english = make_article(section, title="Grid holds", authors=[olena])
    ukrainian = make_article(uk_section, title="Мережа витримала", authors=[olena])
    return english, ukrainian


def people_in(page_html):
    """Every Person named in a page's structured data."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("@type") == "Person":
                found.append(value["name"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for block in JSON_LD.findall(page_html):
        walk(json.loads(block))
    return found


def test_each_edition_prints_the_byline_in_its_language(client, stories):
    english, ukrainian = stories
    english_page = client.get(english.url).content.decode()
    ukrainian_page = client.get(ukrainian.url).content.decode()
    assert 'rel="author">Olena Marchuk</a>' in english_page
    assert 'rel="author">Олена Марчук</a>' in ukrainian_page
    assert "Olena Marchuk" not in ukrainian_page
    assert people_in(english_page) == ["Olena Marchuk"]
    assert people_in(ukrainian_page) == ["Олена Марчук"]


def test_the_author_page_and_feed_are_in_the_edition_s_language(client, stories, olena):
    page = client.get(f"/uk/authors/{olena.slug}/").content.decode()
    assert "<h1>Олена Марчук</h1>" in page
    assert "Старша кореспондентка" in page and "Пише з Києва." in page
    assert "Senior correspondent" not in page and "Reports from Kyiv." not in page
    feed = client.get(f"/uk/feeds/authors/{olena.slug}/").content.decode()
    assert "Олена Марчук" in feed and "Olena Marchuk" not in feed
    english = client.get(f"/authors/{olena.slug}/").content.decode()
    assert "<h1>Olena Marchuk</h1>" in english and "Олена" not in english


def test_words_left_untranslated_are_the_default_language_s(client, uk_section):
    taras = make_author("Taras Hnatyuk", role="Economics editor", translations={"uk": {}})
    story = make_article(uk_section, title="Ціни на хліб", authors=[taras])
    assert 'rel="author">Taras Hnatyuk</a>' in client.get(story.url).content.decode()
    partly = make_author("Iryna Sobko", role="Kharkiv correspondent")
    partly.translations = {"uk": {"name": "Ірина Собко"}}
    partly.save()
    page = client.get(f"/uk/authors/{partly.slug}/").content.decode()
    assert "<h1>Ірина Собко</h1>" in page and "Kharkiv correspondent" in page


def test_the_authors_list_is_in_the_edition_s_alphabetical_order(client, db):
    for english, ukrainian in [
        ("Olena Marchuk", "Олена Марчук"),
        ("Iryna Sobko", "Ірина Собко"),
        ("Andriy Lysenko", "Андрій Лисенко"),
        ("Yevhen Hrytsenko", "Євген Гриценко"),
    ]:
        make_author(english, translations={"uk": {"name": ukrainian}})
    heading = re.compile(r"<h2><a [^>]+>([^<]+)</a></h2>")
    assert heading.findall(client.get("/uk/authors/").content.decode()) == [
        "Андрій Лисенко",
        "Євген Гриценко",
        "Ірина Собко",
        "Олена Марчук",
    ]
    assert heading.findall(client.get("/authors/").content.decode()) == [
        "Andriy Lysenko",
        "Iryna Sobko",
        "Olena Marchuk",
        "Yevhen Hrytsenko",
    ]


def test_each_edition_s_search_finds_the_author_by_its_name(client, olena):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    page = client.get("/uk/search/?q=Марчук").content.decode()
    assert 'class="search-people__name"' in page and ">Олена Марчук</a>" in page


def test_a_ukrainian_narration_reads_the_ukrainian_byline(uk_section, olena):
    story = make_article(uk_section, title="Мережа витримала", authors=[olena])
    built = script.build(story, lexicon=Lexicon([]), voice="test-voice")
    byline = next(segment for segment in built.segments if segment.kind == "byline")
    assert "Олена Марчук" in byline.text and "Olena" not in byline.text


def test_the_admin_form_keeps_each_language_s_words(admin_client, olena):
    url = reverse("wagtailsnippets_people_author:edit", args=[olena.pk])
    form = admin_client.get(url).content.decode()
    assert 'name="name_uk"' in form and 'value="Олена Марчук"' in form
    data = {
        "name": "Olena Marchuk",
        "slug": olena.slug,
        "role": "Senior correspondent",
        "bio": "Reports from Kyiv.",
        "name_uk": "  Олена Марчук ",
        "role_uk": "Кореспондентка",
        "bio_uk": "",
    }
    assert admin_client.post(url, data).status_code == 302
    olena.refresh_from_db()
    assert olena.translations == {"uk": {"name": "Олена Марчук", "role": "Кореспондентка"}}
    data.update(name_uk="", role_uk="")
    admin_client.post(url, data)
    olena.refresh_from_db()
    assert olena.translations == {}
    assert Author.objects.count() == 1


def test_an_over_long_translated_name_is_refused_and_nothing_changes(admin_client, olena):
    url = reverse("wagtailsnippets_people_author:edit", args=[olena.pk])
    data = {"name": "Olena Marchuk", "slug": olena.slug, "name_uk": "Я" * 121}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "at most 120 characters" in response.content.decode()
    olena.refresh_from_db()
    assert olena.translations == {"uk": UKRAINIAN}
