"""The rest of a members-only story reaches no one but members: not the cached page, its
structured data or Open Graph, search (index and snippets), the RSS and Atom feeds, the
narration (its MP3 and the podcast are public), nor newsletter issues. Search engines are told
which part is for members (Google's markup for paywalled content)."""

import json
import re

import pytest
from django.core.management import call_command

from newsdesk.conftest import make_article, paragraphs
from newsdesk.discovery.structured_data import MEMBERS_ONLY_SELECTOR
from newsdesk.narration import script
from newsdesk.newsletters import composer
from newsdesk.newsletters.models import Issue, Newsletter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SECRET = "zanzibarite"  # a word only the members-only part has
RESULT_LINK = re.compile(r'class="search-hit__headline"><a href="([^"]+)"')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def locked(section):
    return make_article(
        section,
        title="Grain deal details",
        standfirst="What the ministers agreed on shipments.",
        body=paragraphs(
            "Opening paragraph about barley shipments.",
            "Second open paragraph about ports.",
            f"Locked paragraph naming the {SECRET} supplier.",
            f"Another locked paragraph: {SECRET} again.",
        ),
        members_only=True,
    )


def results(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return RESULT_LINK.findall(response.content.decode())


def article_data(html):
    for block in JSON_LD.findall(html):
        data = json.loads(block)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle JSON-LD")


def test_its_structured_data_marks_the_members_only_part(client, locked, section):
    html = client.get(locked.url).content.decode()
    data = article_data(html)

    assert data["isAccessibleForFree"] is False
    assert data["hasPart"] == {
        "@type": "WebPageElement",
        "isAccessibleForFree": False,
        "cssSelector": MEMBERS_ONLY_SELECTOR,
    }
    # The selector names the element the members' part goes into on the page.
    assert re.search(r'<div class="[^"]*\bmembers-body\b[^"]*" data-members-body=', html)
    assert MEMBERS_ONLY_SELECTOR == ".members-body"
    assert SECRET not in html

    free = make_article(section, title="Free to read", body=paragraphs("All of it."))
    free_data = article_data(client.get(free.url).content.decode())
    assert free_data["isAccessibleForFree"] is True and "hasPart" not in free_data


def test_its_description_for_sharing_is_the_standfirst(client, locked):
    html = client.get(locked.url).content.decode()
    assert '<meta property="og:description" content="What the ministers agreed on shipments.">' in (
        html
    )


def test_search_finds_the_teaser_but_not_the_members_only_words(client, locked):
    assert SECRET not in " ".join(locked.searchable_body())
    assert "Opening paragraph about barley shipments." in " ".join(locked.searchable_body())

    assert results(client, "barley") == [locked.url]
    assert results(client, "supplier") == []
    assert results(client, SECRET) == []
    # The snippet quotes the teaser, never the members' part, whatever it matched.
    page = client.get("/search/", {"q": "paragraph"}).content.decode()
    assert results(client, "paragraph") == [locked.url] and SECRET not in page
    assert "Opening <mark>paragraph</mark>" in page

    call_command("update_index", verbosity=0)  # a rebuilt index leaves it out too
    assert results(client, SECRET) == []


@pytest.mark.parametrize(
    "path", ["/feeds/latest/", "/feeds/latest/atom/", "/feeds/news/", "/feeds/news/atom/"]
)
def test_feeds_carry_no_members_only_words(client, locked, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = response.content.decode()
    assert "Grain deal details" in feed
    assert SECRET not in feed


def test_its_narration_reads_only_the_teaser(locked):
    spoken = " ".join(text for _, _, text in script.raw_segments(locked))
    assert "Opening paragraph about barley shipments." in spoken
    assert SECRET not in spoken and "Locked paragraph" not in spoken


def test_a_newsletter_issue_carries_the_teaser_and_a_link(locked):
    newsletter = Newsletter.objects.create(slug="brief", name="Brief")
    issue = Issue.objects.create(newsletter=newsletter, subject="Today", latest_count=5)

    _, html, text = composer.render_issue(issue)

    assert "Grain deal details" in html and "What the ministers agreed" in text
    assert locked.url in html and locked.url in text
    assert SECRET not in html and SECRET not in text


def test_the_narration_panel_says_what_the_audio_of_a_members_only_story_reads(
    client, locked, superuser
):
    client.force_login(superuser)
    edit = client.get(f"/admin/pages/{locked.pk}/edit/").content.decode()
    assert "Members-only story: the audio reads only what everyone reads" in edit
    locked.members_only = False
    locked.save_revision().publish()
    edit = client.get(f"/admin/pages/{locked.pk}/edit/").content.decode()
    assert "Members-only story" not in edit
