"""More of the Ukrainian edition in Ukrainian: the pages behind the mail (confirm, unsubscribe
and its offer of the other newsletters), the mail itself (confirmation, welcome, issues), the
search page with its filters, errors and pages, feeds and the podcast feed, the error pages
(404, 429, 500, 503).

Each is rendered in Ukrainian and its visible text checked against the English message ids of
the catalogue (test_translations.py), and for Latin words at all: a string a template forgot to
mark for translation is in no catalogue."""

import re
from email import policy
from email.parser import BytesParser
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from newsdesk.conftest import make_article, paragraphs
from newsdesk.core import outage, views
from newsdesk.core.tests import test_translations
from newsdesk.core.tests.test_translations import english_messages, visible_texts
from newsdesk.narration import script
from newsdesk.narration.lexicon import Lexicon
from newsdesk.newsletters import composer
from newsdesk.newsletters.models import Issue, IssueArticle, Newsletter, Subscriber
from newsdesk.newsletters.tests import conftest as newsletter_fixtures
from newsdesk.newsletters.tests.conftest import confirmed, link_in, path_of
from newsdesk.people.models import Author

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# Fixtures of the first translation tests and of the newsletters' (a real SMTP server).
ukrainian_site = test_translations.ukrainian_site
smtp = newsletter_fixtures.smtp

CATALOGUE_SOURCE = settings.LOCALE_PATHS[0] / "uk" / "LC_MESSAGES" / "django.po"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Addresses and links are not words to translate.
ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|\b[\w.-]+\.(?:org|com|net)\b|/\S*")
# Names that stay as they are in Ukrainian text (formats and the product).
NAMES = ("RSS", "Atom", "Newsdesk", "English")


def english_left(texts):
    """The texts that are English: a message id of the catalogue, or with Latin words in them
    (addresses, links and NAMES aside)."""
    exact, patterns = english_messages()
    found = []
    for text in texts:
        if text in exact or any(pattern.fullmatch(text) for pattern in patterns):
            found.append(text)
            continue
        rest = text
        for name in (*NAMES, settings.TIME_ZONE):
            rest = rest.replace(name, " ")
        rest = ADDRESS.sub(" ", rest)
        if LATIN_WORD.search(rest):
            found.append(text)
    return found


def assert_ukrainian_page(response, where=None):
    where = where or response.request["PATH_INFO"]
    html = response.content.decode()
    assert '<html lang="uk">' in html, where
    assert english_left(visible_texts(html)) == [], where
    return html


def assert_ukrainian_mail(message):
    where = message["Subject"]
    assert english_left([message["Subject"]]) == [], where
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert english_left(line.strip() for line in text.splitlines() if line.strip()) == [], where
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="uk">' in html, where
    assert english_left(visible_texts(html)) == [], where
    return text, html


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ranok(ukrainian_site):
    return Newsletter.objects.get(slug="ranok")


@pytest.fixture
def vechir(ranok):
    host = Author.objects.get(slug="olena-marchuk")
    return Newsletter.objects.create(
        slug="vechir",
        name="Вечір",
        cadence="Щодня о 19:00",
        description="Підсумки дня.",
        locale=ranok.locale,
        host=host,
    )


def test_the_catalogue_translates_every_message():
    """Untranslated or fuzzy messages are left out of the compiled catalogue, so they show in
    English and the checks against it miss them."""
    entries = CATALOGUE_SOURCE.read_text().split("\n\n")[1:]
    fuzzy = [entry for entry in entries if "#, fuzzy" in entry and not entry.startswith("#~")]
    # An empty msgstr with no continuation lines after it.
    empty = [entry for entry in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', entry, re.M)]
    assert fuzzy == [] and empty == []


def test_the_reader_pages_have_no_english_left(client, ukrainian_site):
    article = ukrainian_site
    for path in [
        "/uk/",
        "/uk/novyny/",
        article.url,
        "/uk/tags/енергетика/",
        "/uk/authors/",
        "/uk/authors/olena-marchuk/",
        "/uk/news-feed/",
        "/uk/newsletters/",
    ]:
        assert_ukrainian_page(client.get(path))
    missing = client.get("/uk/no-such-page/")
    assert missing.status_code == 404
    assert_ukrainian_page(missing)


def test_the_search_page_and_its_filters_are_ukrainian(client, ukrainian_site, uk_section):
    page = assert_ukrainian_page(client.get("/uk/search/"))
    assert "Усі розділи" in page and "Спершу новіші" in page
    for _ in range(11):
        make_article(uk_section, title="Світло повернулося", body=paragraphs("Світло в домівках."))

    first = assert_ukrainian_page(client.get("/uk/search/?q=світло&sort=newest"))
    assert 'rel="next"' in first and "Сторінка 1 з 2" in first
    assert 'value="newest" selected' in first
    assert_ukrainian_page(client.get("/uk/search/?q=світло&page=2"))
    # Filters the form refuses, each with its message.
    wrong = assert_ukrainian_page(
        client.get("/uk/search/?q=світло&section=nema&start=2026-13-01&end=1800-01-01&sort=x")
    )
    assert "Розділу з такою назвою немає" in wrong and "Введіть дату" in wrong
    backwards = assert_ukrainian_page(
        client.get("/uk/search/?q=світло&start=2026-03-04&end=2026-03-01")
    )
    assert "Дата «до» раніша за дату «від»" in backwards
    none = assert_ukrainian_page(
        client.get("/uk/search/?q=жодногозбігу&section=novyny&start=2020-01-01")
    )
    assert "Натомість <a" in none and "шукайте в усіх розділах" in none


def test_too_many_searches_are_refused_in_ukrainian(client, settings, ukrainian_site):
    settings.SEARCH_RATE_LIMIT = 1
    client.get("/uk/search/?q=світло")
    refused = client.get("/uk/search/?q=світло")
    assert refused.status_code == 429
    html = assert_ukrainian_page(refused)
    assert "Забагато пошукових запитів" in html and 'href="/uk/"' in html


def texts_of_feed(xml):
    """The words of a feed a reader sees: titles, descriptions, authors, rights (categories are
    the sections' and tags' names, or Apple's fixed podcast categories)."""
    shown = {"title", "description", "subtitle", "summary", "copyright", "rights", "author", "name"}
    texts = []
    for element in ElementTree.fromstring(xml).iter():
        if element.tag.rsplit("}", 1)[-1] in shown:
            texts.append(element.text or "")
    return [text.strip() for text in texts if text.strip()]


def test_the_feeds_and_the_podcast_speak_ukrainian(client, ukrainian_site):
    for path in [
        "/uk/feeds/latest/",
        "/uk/feeds/latest/atom/",
        "/uk/feeds/novyny/",
        "/uk/feeds/novyny/atom/",
        "/uk/feeds/authors/olena-marchuk/",
        "/uk/podcast.xml",
        "/uk/podcast/novyny.xml",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        texts = texts_of_feed(response.content)
        assert texts and english_left(texts) == [], path
    latest = texts_of_feed(client.get("/uk/feeds/latest/").content)
    assert "Меридіанський вісник: останні новини" in latest
    podcast = texts_of_feed(client.get("/uk/podcast.xml").content)
    assert podcast[0] == "Меридіанський вісник"
    assert "Це аудіо створено за допомогою штучного інтелекту." in podcast[1]
    english = texts_of_feed(client.get("/podcast.xml").content)
    assert "This audio is created with AI assistance." in english[1]


def test_the_sign_up_pages_and_mail_are_ukrainian(
    client, django_capture_on_commit_callbacks, smtp, ranok, vechir
):
    refused = client.post("/uk/newsletters/subscribe/", {"email": "ні", "newsletter": ["ranok"]})
    assert refused.status_code == 400
    assert_ukrainian_page(refused)
    data = {"email": "chytachka@example.org", "newsletter": ["ranok", "vechir"], "source": "/uk/"}
    with django_capture_on_commit_callbacks(execute=True):
        assert_ukrainian_page(client.post("/uk/newsletters/subscribe/", data))
    [confirmation] = smtp.wait_for(1)
    text, _ = assert_ukrainian_mail(confirmation.message)
    assert "Меридіанський вісник" in text
    confirm_path = path_of(link_in(confirmation.message, "/uk/newsletters/confirm/"))
    assert_ukrainian_page(client.get(confirm_path))
    with django_capture_on_commit_callbacks(execute=True):
        assert_ukrainian_page(client.post(confirm_path))
    [_, welcome] = smtp.wait_for(2)
    assert_ukrainian_mail(welcome.message)
    # The same link again, and one cut short.
    assert_ukrainian_page(client.get(confirm_path))
    assert_ukrainian_page(client.get(confirm_path[:-6] + "/"))


def test_the_issue_mail_is_ukrainian(ukrainian_site, ranok, vechir):
    author = Author.objects.get(slug="olena-marchuk")
    second = make_article(
        ukrainian_site.get_parent(),
        title="Метро відкрилося",
        standfirst="Станції знову приймають пасажирів.",
        authors=[author],
    )
    for newsletter in (ranok, vechir):
        issue = Issue.objects.create(
            newsletter=newsletter, subject="Неділя: світло і метро", intro="<p>Доброго ранку.</p>"
        )
        for article in (ukrainian_site, second):
            IssueArticle.objects.create(issue=issue, article=article)
        [reader] = confirmed(newsletter, f"{newsletter.slug}@example.org")
        mail = composer.IssueMail.for_issue(issue, frozen=False)
        prepared = mail.message_for(email_address=reader.email, subscriber_id=reader.pk)
        message = BytesParser(policy=policy.default).parsebytes(prepared.message().as_bytes())
        text, html = assert_ukrainian_mail(message)
        assert "/uk/newsletters/unsubscribe/" in text and "Відписатися" in html
        assert "Текст: Олена Марчук" in text and "Читати матеріал" in html
        assert re.search(r"(?i)неділя|понеділок|вівторок|середа|четвер|п.ятниця|субота", text)
    assert "веде Олена Марчук" in text and "(Щодня о 19:00)" in html


def test_the_unsubscribe_pages_and_the_other_newsletters_are_ukrainian(
    client, django_capture_on_commit_callbacks, smtp, ranok, vechir
):
    third = Newsletter.objects.create(slug="tyzhden", name="Тиждень", locale=ranok.locale)
    [reader] = confirmed(ranok, "chytach@example.org")
    confirmed(vechir, "chytach@example.org")
    with composer.in_language(ranok.language):
        path = path_of(composer.unsubscribe_url(reader.pk, ranok.pk))
    assert path.startswith("/uk/")
    page = assert_ukrainian_page(client.get(path))
    assert "Інші наші розсилки" in page and "Тиждень" in page

    done = assert_ukrainian_page(client.post(path, {"action": "unsubscribe"}))
    assert "Ви відписалися" in done
    assert_ukrainian_page(client.post(path, {"action": "subscribe"}))
    assert_ukrainian_page(client.post(path, {"action": "unsubscribe", "newsletter": vechir.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.post(path, {"action": "subscribe", "newsletter": third.pk})
    assert "Перевірте поштову скриньку" in assert_ukrainian_page(pending)
    [confirmation] = smtp.wait_for(1)
    assert_ukrainian_mail(confirmation.message)
    # The waiting newsletter, then the one-click unsubscribe of a mail program.
    assert_ukrainian_page(client.get(path))
    one_click = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert_ukrainian_page(one_click)
    refused = client.post(path, {"action": "subscribe", "newsletter": 999_999})
    assert refused.status_code == 400
    assert_ukrainian_page(refused)

    invalid = client.get("/uk/newsletters/unsubscribe/not-a-token/")
    assert invalid.status_code == 400
    assert_ukrainian_page(invalid)
    Subscriber.objects.filter(pk=reader.pk).delete()
    assert_ukrainian_page(client.get(path))


def test_the_error_pages_are_ukrainian(rf, ukrainian_site):
    """500 and 503 render without the site's context (the database may be what failed)."""
    with translation.override("uk"):
        failed = views.server_error(rf.get("/uk/"))
        unavailable = outage.unavailable_response()
    for response in (failed, unavailable):
        html = response.content.decode()
        assert '<html lang="uk">' in html
        assert english_left(visible_texts(html)) == [], response.status_code
    assert 'href="/uk/"' in failed.content.decode()


def test_the_voice_reads_the_words_around_a_ukrainian_article_in_ukrainian(uk_section):
    """The byline and the words around quotes are the voice's, not the article's: a Ukrainian
    voice must not read them in English."""
    article = make_article(
        uk_section,
        title="Міст відкрили",
        standfirst="Рух відновили опівдні.",
        authors=[
            Author.objects.create(name="Олена Марчук", slug="olena"),
            Author.objects.create(name="Тарас Гнатюк", slug="taras"),
        ],
        body=[
            ("quote", {"text": "Ми відбудуємо його знову", "attribution": "Ігор, інженер"}),
            ("quote", {"text": "Ніхто цього не казав", "attribution": ""}),
        ],
    )
    spoken = [text for _, _, text in script.raw_segments(article)]
    assert spoken[1] == "Текст: Олена Марчук і Тарас Гнатюк."
    assert spoken[3] == "Ось що каже Ігор, інженер: Ми відбудуємо його знову"
    assert spoken[4] == "Цитата. Ніхто цього не казав. Кінець цитати."
    assert english_left(spoken) == []
    # As the voice gets it: Ukrainian words and numbers as written, for the voice to read in
    # Ukrainian (the English voice's rules would transliterate and spell numbers in English).
    article.body = [("paragraph", "<p>Рух відновили о 12:00, 5 березня 2026 року &amp; 🚗.</p>")]
    article.save_revision().publish()
    article.refresh_from_db()
    built = script.build(article, lexicon=Lexicon(()), voice="uk-voice")
    assert built.language == "uk"
    assert [segment.text for segment in built.segments] == [
        "Міст відкрили.",
        "Текст: Олена Марчук і Тарас Гнатюк.",
        "Рух відновили опівдні.",
        "Рух відновили о 12:00, 5 березня 2026 року &.",
    ]
