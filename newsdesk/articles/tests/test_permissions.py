"""Reporters write and submit for review; only editors publish."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.conftest import make_article

pytestmark = pytest.mark.django_db


def article_form(title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "standfirst": "Filed from the newsroom.",
            "article_authors": inline_formset([]),
            "lead_image": "",
            "lead_image_caption": "",
            "lead_image_credit": "",
            "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
            "tags": "",
            "corrections": inline_formset([]),
            "display_date": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    data["slug"] = title.lower().replace(" ", "-")
    data[action] = "1"
    return data


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk])


def test_it_lets_a_reporter_file_but_not_publish(client, section, reporter):
    client.force_login(reporter)
    response = client.post(add_url(section), article_form("Reporter story", "action-publish"))
    assert response.status_code in (200, 302, 403)

    article = ArticlePage.objects.filter(slug="reporter-story").first()
    assert article is None or not article.live
    assert not make_article(section).permissions_for_user(reporter).can_publish()


def test_it_sends_a_reporters_article_to_the_editors_for_review(client, section, reporter, editor):
    client.force_login(reporter)
    response = client.post(add_url(section), article_form("Needs review", "action-submit"))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="needs-review")
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"
    task_state = state.current_task_state
    assert task_state.task.specific.groups.filter(name="Editors").exists()

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Good to go."})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_it_lets_an_editor_publish_directly(client, section, editor):
    client.force_login(editor)
    response = client.post(add_url(section), article_form("Editor story", "action-publish"))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="editor-story")
    assert article.live
    assert article.permissions_for_user(editor).can_publish()


def test_it_shows_staff_the_user_bar_and_readers_nothing(client, section, editor):
    article = make_article(section)
    assert "wagtail-userbar" not in client.get(article.url).content.decode()
    client.force_login(editor)
    html = client.get(article.url).content.decode()
    assert "wagtail-userbar" in html
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in html


def test_sections_are_made_under_a_front_page_and_never_at_the_root(home, section):
    assert SectionPage.can_create_at(home)
    assert not SectionPage.can_create_at(Page.objects.get(depth=1))
    assert not SectionPage.can_create_at(section)
    assert ArticlePage.can_create_at(section) and not ArticlePage.can_create_at(home)
