import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.tasks import task_backends
from wagtail.models import Locale, Page, ReferenceIndex, Revision

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.conftest import make_article, use_task_backend
from newsdesk.core.models import NewsImage
from newsdesk.demo import content
from newsdesk.frontpage.models import HomePage
from newsdesk.livefeed.models import FeedItem
from newsdesk.members.models import Tier
from newsdesk.newsletters.models import Newsletter
from newsdesk.people.models import Author

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "path")),
        "revisions": Revision.objects.count(),
        "images": NewsImage.objects.count(),
        "authors": list(Author.objects.values_list("pk", "name", "bio")),
    }


def test_it_loads_a_believable_newsroom_once(settings):
    use_task_backend(settings, "dummy")
    call_command("load_demo")

    articles = ArticlePage.objects.live().in_edition("en")
    assert articles.count() >= 24
    assert SectionPage.objects.live().count() >= 4
    assert Author.objects.exclude(photo=None).count() >= 6
    assert all(200 <= a.word_count <= 1500 for a in articles), [a.word_count for a in articles]
    assert articles.exclude(lead_image=None).count() >= 20
    assert articles.filter(tagged_items__isnull=False).distinct().count() == articles.count()
    home = HomePage.objects.get(locale__language_code="en")
    assert home.lead_story and home.featured_article and home.picks.count() >= 3
    assert home.title == content.SITE_NAME
    # In the editors' order (the database returns rows without sort_order in any order).
    assert [t.article.slug for t in home.top_stories.all()] == content.HOME["top_stories"]
    assert [p.article.slug for p in home.picks.all()] == content.HOME["editors_picks"]

    check_ukrainian_edition(home)
    # Membership tiers on each edition's /support/, in its language and currency.
    for language, currency in (("en", "usd"), ("uk", "uah")):
        tiers = Tier.objects.filter(locale__language_code=language, active=True)
        assert tiers.count() == 3 and {t.currency for t in tiers} == {currency}

    before = snapshot()
    call_command("load_demo")
    assert snapshot() == before


def check_ukrainian_edition(english_home):
    """Eight articles of its own language, four of them translations of English ones, in
    sections with Ukrainian names, with its own curation, feed items and newsletter; their
    authors' names, roles and biographies in Ukrainian."""
    uk = Locale.objects.get(language_code="uk")
    home = HomePage.objects.get(locale=uk)
    assert home.translation_key == english_home.translation_key and home.live
    articles = ArticlePage.objects.live().filter(locale=uk)
    assert articles.count() >= 8
    english_keys = set(
        ArticlePage.objects.in_edition("en").values_list("translation_key", flat=True)
    )
    translations = [a for a in articles if a.translation_key in english_keys]
    assert len(translations) == 4
    assert all(
        a.lead_image_id
        for a in translations
        if a.get_translation(Locale.get_default()).lead_image_id
    )
    assert {s.title for s in SectionPage.objects.filter(locale=uk)} >= {"Новини", "Україна", "Світ"}
    assert home.lead_story.locale_id == uk.pk and home.picks.count() >= 3
    assert FeedItem.objects.visible().filter(locale=uk).count() >= 5
    assert Newsletter.objects.filter(locale=uk, active=True).exists()
    for article in articles:
        assert re.search("[іїєґ]", article.title + article.standfirst), article.slug
    bylines = {author for article in articles for author in article.authors}
    for author in bylines:  # every byline of the edition in its own letters
        words = author.translations["uk"]
        assert re.fullmatch(r"[А-ЯІЇЄҐ][а-яіїєґ']+ [А-ЯІЇЄҐ][а-яіїєґ']+", words["name"]), words
        assert re.search("[а-яіїєґ]", words["role"] + words["bio"]), author.slug


def test_it_leaves_a_newsrooms_own_content_alone(settings, home, client):
    use_task_backend(settings, "dummy")
    own = SectionPage(title="Our News", slug="news", intro="Ours.")
    home.add_child(instance=own)
    own.save_revision().publish()
    story = make_article(own, title="Our own story", standfirst="Written by us.")
    home.lead_story = story
    home.save_revision().publish()

    call_command("load_demo")

    own.refresh_from_db()
    story.refresh_from_db()
    assert own.title == "Our News" and own.intro == "Ours."
    assert story.title == "Our own story" and story.live
    home.refresh_from_db()
    assert home.lead_story_id == story.pk
    assert "Our own story" in client.get("/").content.decode()


def test_it_leaves_the_worker_no_index_or_rendition_tasks(
    settings, client, django_capture_on_commit_callbacks
):
    use_task_backend(settings, "dummy")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    queued = Counter(result.task.name for result in task_backends["default"].results)
    # Wagtail's index tasks (one per save: 650 for the demo) and the photos' renditions (45).
    assert not queued.keys() & {
        "insert_or_update_object_task",
        "update_reference_index_task",
        "generate_renditions",
    }, queued
    articles = len(content.ARTICLES) + len(content.edition("uk")["articles"])
    assert sum(queued.values()) <= articles, queued  # a share picture per article at most

    # Indexed all the same, once, by the loader: search finds an article by its headline and
    # the image library knows where each lead photo is used.
    spec = content.ARTICLES[0]
    article = ArticlePage.objects.get(slug=spec["slug"])
    found = ArticlePage.objects.live().search(spec["headline"])
    assert article.pk in [page.pk for page in found]
    assert article.title in client.get("/search/", {"q": spec["headline"]}).content.decode()
    photo = ArticlePage.objects.exclude(lead_image=None).first().lead_image
    assert ReferenceIndex.get_references_to(photo).exists()
    # The signal handlers are back: what is saved after the load is indexed as it should be.
    task_backends["default"].clear()
    article.save_revision().publish()
    assert "insert_or_update_object_task" in {r.task.name for r in task_backends["default"].results}


def test_it_refuses_to_load_on_a_production_site(settings):
    settings.PRODUCTION = True
    with pytest.raises(Exception, match="production site"):
        call_command("load_demo")
    assert not ArticlePage.objects.exists()
