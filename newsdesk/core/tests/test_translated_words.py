"""A photo shared by an article and its translation says what it shows in each edition's
language (alt text, and the caption where the article has none of its own); each edition's
feeds describe themselves in its language."""

import re

import pytest
from django.urls import reverse
from lxml import etree
from wagtail.models import Locale

from newsdesk.conftest import make_article, make_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

ALT_UK = "Дим над лівим берегом удосвіта"
CAPTION_UK = "Дим над лівим берегом."


@pytest.fixture
def photo(db):
    photo = make_image(title="Left bank", caption="Smoke over the left bank.")
    photo.translations = {"uk": {"alt_text": ALT_UK, "caption": CAPTION_UK}}
    photo.save()
    return photo


@pytest.fixture
def pair(section, uk_section, photo):
    english = make_article(section, title="Smoke over Kyiv", lead_image=photo)
    ukrainian = english.copy_for_translation(Locale.objects.get(language_code="uk"))
    ukrainian.title, ukrainian.slug = "Дим над Києвом", "dym"
    ukrainian.body = [("image", {"image": photo, "caption": "", "credit": ""})]
    ukrainian.save_revision().publish()
    ukrainian.refresh_from_db()
    return english, ukrainian


def alts(html):
    return set(re.findall(r'<img [^>]*alt="([^"]*)"', html))


def test_each_edition_prints_the_photo_s_words_in_its_language(client, pair):
    english, ukrainian = pair
    english_page = client.get(english.url).content.decode()
    ukrainian_page = client.get(ukrainian.url).content.decode()
    assert alts(english_page) == {"Left bank (alt)"}
    assert alts(ukrainian_page) == {ALT_UK}
    assert f'<meta property="og:image:alt" content="{ALT_UK}">' in ukrainian_page
    assert "Smoke over the left bank." in english_page
    assert CAPTION_UK in ukrainian_page and "Smoke over the left bank." not in ukrainian_page


def test_a_photo_without_the_edition_s_words_keeps_the_default_ones(client, uk_section):
    photo = make_image(title="Grain port")
    story = make_article(uk_section, title="Порт працює", lead_image=photo)
    assert alts(client.get(story.url).content.decode()) == {"Grain port (alt)"}


def test_the_image_form_keeps_each_language_s_words(admin_client, photo):
    url = reverse("wagtailimages:edit", args=[photo.pk])
    form = admin_client.get(url).content.decode()
    assert 'name="alt_text_uk"' in form and f'value="{ALT_UK}"' in form
    assert "Alt text (Ukrainian)" in form
    data = {
        "title": "Left bank",
        "alt_text": "Smoke rising over the left bank at dawn",
        "caption": "",
        "photographer": "",
        "agency": "",
        "collection": photo.collection_id,
        "tags": "",
        "alt_text_uk": "Дим над Дніпром",
        "caption_uk": " ",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    photo.refresh_from_db()
    assert photo.translations == {"uk": {"alt_text": "Дим над Дніпром"}}
    assert photo.alt_text == "Smoke rising over the left bank at dawn"


def test_each_edition_s_feed_describes_itself_in_its_language(client, uk_home, section):
    uk_home.search_description = "Незалежні новини з Києва"
    uk_home.save_revision().publish()
    channel = etree.fromstring(client.get("/uk/feeds/latest/").content).find("channel")
    assert channel.findtext("description") == "Незалежні новини з Києва"
    english = etree.fromstring(client.get("/feeds/latest/").content).find("channel")
    assert english.findtext("description") != "Незалежні новини з Києва"
