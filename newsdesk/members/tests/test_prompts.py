"""Support prompts on every page and members-only story bodies: the cached page is the same
for everyone; the rest of a members-only story comes from a request that is never cached."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from newsdesk.conftest import make_article, paragraphs
from newsdesk.members import signin
from newsdesk.members.models import Membership, Reader, SupportSettings

pytestmark = pytest.mark.django_db


def client_for(reader):
    response = HttpResponse()
    signin.sign_in(response, reader)
    client = Client()
    client.cookies.update(response.cookies)
    return client


@pytest.fixture
def locked(section):
    return make_article(
        section,
        title="For members",
        body=paragraphs("Open opening.", "Open second.", "Locked third.", "Locked fourth."),
        members_only=True,
    )


def test_an_anonymous_reader_gets_the_teaser_only(client, locked):
    page = client.get(locked.url).content.decode()

    assert "Open opening." in page and "Open second." in page
    assert "Locked third." not in page and "Locked fourth." not in page
    assert f'data-members-body="/members/body/{locked.pk}/"' in page
    assert "The rest of this story is for members." in page
    assert client.get(reverse("members:body", args=[locked.pk])).status_code == 403


def test_a_member_gets_the_members_only_body_uncached(locked):
    reader = Reader.objects.create(email="m@example.org")
    Membership.objects.create(reader=reader, status="active", amount=500)
    member = client_for(reader)

    response = member.get(reverse("members:body", args=[locked.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Locked third." in body and "Locked fourth." in body and "Open opening." not in body
    assert "no-store" in response["Cache-Control"]
    assert "Locked third." not in member.get(locked.url).content.decode()


def test_a_signed_in_reader_who_is_not_a_member_gets_no_body(locked):
    lapsed = Reader.objects.create(email="lapsed@example.org")
    Membership.objects.create(reader=lapsed, status="cancelled", amount=500)
    assert client_for(lapsed).get(reverse("members:body", args=[locked.pk])).status_code == 403


def test_an_open_story_has_no_members_body(client, section):
    story = make_article(section, body=paragraphs("One.", "Two.", "Three."))
    page = client.get(story.url).content.decode()
    assert "Three." in page and "data-members-body" not in page
    assert client.get(reverse("members:body", args=[story.pk])).status_code == 404


def test_every_page_carries_prompts_that_members_hide(client, section, home):
    story = make_article(section)
    article = client.get(story.url).content.decode()
    front = client.get("/").content.decode()

    assert 'href="/support/">Support us</a>' in article
    assert "support-prompt--article_end" in article
    assert "support-prompt--front" in front
    assert article.count("data-support-prompt") >= 2  # hidden in the browser for members


def test_editors_change_the_prompts_in_the_admin_settings(client, section):
    story = make_article(section)
    client.get(story.url)
    prompts = SupportSettings.for_site(Site.objects.get(is_default_site=True))
    prompts.header_link_text = "Donate"
    prompts.article_prompt_heading = "Keep us independent"
    prompts.save()

    page = client.get(story.url).content.decode()

    assert 'href="/support/">Donate</a>' in page
    assert "Keep us independent" in page


def test_editors_place_a_support_block_in_a_body(client, section):
    story = make_article(
        section,
        body=[
            *paragraphs("Before."),
            ("support", {"heading": "Fund the next story", "text": "It costs money."}),
        ],
    )
    page = client.get(story.url).content.decode()
    assert "support-prompt--article_body" in page and "Fund the next story" in page


def test_the_narration_of_a_members_only_story_reads_the_teaser_only(locked):
    from newsdesk.narration import script
    from newsdesk.narration.models import LexiconEntry

    spoken = script.build(locked, lexicon=LexiconEntry.objects.lexicon(), voice="test")

    said = " ".join(segment.text for segment in spoken.body)
    assert "Open second" in said and "Locked third" not in said
    assert locked.word_count == 8  # the whole story still counts for reading time
