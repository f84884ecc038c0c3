"""The admin's quick-post form, and correcting and removing items in Wagtail's snippet views."""

import pytest
from django.urls import reverse

from newsdesk.conftest import make_user
from newsdesk.livefeed import services
from newsdesk.livefeed.forms import contentstate_from_plain_text
from newsdesk.livefeed.models import FeedItem

pytestmark = pytest.mark.django_db

URL = "/admin/news-feed/"


def quick_post(client, text, **fields):
    return client.post(URL, {"text": contentstate_from_plain_text(text), **fields}, follow=True)


def test_it_posts_an_update_that_readers_see_at_once(client, editor):
    client.force_login(editor)
    page = client.get(URL)
    assert page.status_code == 200 and b"data-quick-post-submit" in page.content

    response = quick_post(client, "Air raid alert in Kyiv Oblast")
    assert "Posted: “Air raid alert in Kyiv Oblast”" in response.content.decode()
    item = FeedItem.objects.get()
    assert item.author == editor and not item.pinned
    assert "Air raid alert in Kyiv Oblast" in client.get("/news-feed/").content.decode()
    assert reverse("wagtailsnippets_livefeed_feeditem:edit", args=[item.pk]) in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write the update before posting."), ("x" * 601, "this one has 601.")],
)
def test_it_explains_bad_text_and_saves_nothing(client, editor, text, message):
    client.force_login(editor)
    response = quick_post(client, text)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FeedItem.objects.exists()


def test_it_offers_the_pin_to_editors_only(client, editor, reporter):
    client.force_login(reporter)
    assert b'name="pinned"' not in client.get(URL).content
    quick_post(client, "A reporter tries to pin", pinned="on")
    assert FeedItem.objects.get().pinned is False

    client.force_login(editor)
    assert b'name="pinned"' in client.get(URL).content
    quick_post(client, "An editor pins", pinned="on")
    assert FeedItem.objects.get(pinned=True).plain_text == "An editor pins"


def test_it_links_one_of_our_articles_by_its_address(client, editor, article_factory):
    article = article_factory(title="Kyiv restores power")
    client.force_login(editor)
    quick_post(client, "Power is back", link=f"http://127.0.0.1:8000{article.url}")
    assert FeedItem.objects.get().article == article

    response = quick_post(client, "Elsewhere", link="https://example.com/news/other/")
    assert "not a published article on this site" in response.content.decode()
    assert FeedItem.objects.count() == 1


def test_it_turns_away_staff_who_may_not_post(client, django_user_model):
    from django.contrib.auth.models import Permission

    clerk = make_user(django_user_model, "clerk")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL, {"text": contentstate_from_plain_text("x")}).status_code in (302, 403)
    assert not FeedItem.objects.exists()


def test_it_corrects_an_item_in_the_snippet_editor_with_a_new_revision(client, editor):
    item = services.post_item(text="<p>Two people injured</p>", author=editor)
    client.force_login(editor)
    url = reverse("wagtailsnippets_livefeed_feeditem:edit", args=[item.pk])
    form = client.get(url)
    assert form.status_code == 200 and b'name="pinned"' in form.content
    text = contentstate_from_plain_text("Three people injured")
    # The form's fields as a browser sends them: the text, and the edition it stays in.
    data = {"text": text, "locale": item.locale_id, "action-publish": "publish"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.plain_text == "Three people injured" and item.edited_at is not None
    assert item.revisions.count() == 2
    assert "Updated" in client.get("/news-feed/").content.decode()


def test_it_removes_an_item_through_the_admin_but_keeps_its_history(client, editor):
    item = services.post_item(text="<p>Posted by mistake</p>", author=editor)
    client.force_login(editor)
    url = reverse("wagtailsnippets_livefeed_feeditem:delete", args=[item.pk])
    assert client.get(url).status_code == 200
    response = client.post(f"{url}?next={URL}", follow=True)
    assert "was removed from the feed" in response.content.decode()
    item.refresh_from_db()
    assert item.is_removed and item.revisions.exists()
    assert "Posted by mistake" not in client.get("/news-feed/").content.decode()
    assert not client.get(URL).context["recent"]
