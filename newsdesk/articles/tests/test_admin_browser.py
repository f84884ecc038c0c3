"""Every page type staff create, made through the admin in Chromium as a person would make it
(only the fields a person fills; the slug comes from the title), then read as a reader."""

import re

import pytest
from playwright.sync_api import expect

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.conftest import admin_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLISH = "Publish"
SUBMIT = "Submit to Editorial review"


def add_child_page(page, base_url, parent):
    page.goto(f"{base_url}/admin/pages/{parent.pk}/")
    page.get_by_role("link", name="Add child page").first.click()


def finish(page, action):
    # Wagtail fills the slug from the title a moment after the title field loses focus (a
    # debounced Stimulus action): publishing before that would send an empty slug.
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=action).click()
    messages = page.locator(".messages").inner_text()
    assert "validation errors" not in messages, messages
    return messages


def create_section(page, base_url, parent, *, title, intro, action):
    add_child_page(page, base_url, parent)
    page.get_by_placeholder(re.compile("title", re.IGNORECASE)).fill(title)
    page.get_by_role("textbox", name="Intro").fill(intro)
    return finish(page, action)


def create_article(page, base_url, section, *, headline, standfirst, paragraph, action):
    add_child_page(page, base_url, section)
    page.get_by_placeholder("Headline*").fill(headline)
    page.get_by_role("textbox", name="Standfirst").fill(standfirst)
    body = page.locator("[data-contentpath=body]")
    body.get_by_title("Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator(".public-DraftEditor-content").click()
    page.keyboard.type(paragraph)
    return finish(page, action)


def approve(page, base_url, title):
    """An editor takes a page awaiting review from the dashboard and publishes it."""
    page.goto(f"{base_url}/admin/")
    page.get_by_role("link", name=title).click()
    return finish(page, "Approve and Publish")


def read(browser, url):
    reader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    response = reader.goto(url)
    assert response.status == 200, url
    return reader


def test_an_editor_creates_and_publishes_a_section_and_an_article(
    browser, live_server, home, editor
):
    url = live_server.url
    admin = admin_page(browser, url, "editor")

    message = create_section(
        admin, url, home, title="Culture", intro="Books, film and music.", action=PUBLISH
    )
    assert "published" in message
    section = SectionPage.objects.get(title="Culture")
    assert section.live and section.slug == "culture"

    message = create_article(
        admin,
        url,
        section,
        headline="Trams return to the left bank",
        standfirst="The city restored power to the tram network overnight.",
        paragraph="Trams ran again on the left bank this morning.",
        action=PUBLISH,
    )
    assert "published" in message
    article = ArticlePage.objects.get(title="Trams return to the left bank")
    assert article.live and article.url == "/culture/trams-return-to-the-left-bank/"

    reader = read(browser, url + article.url)
    assert reader.locator("h1").inner_text() == "Trams return to the left bank"
    assert reader.get_by_text("The city restored power to the tram network").is_visible()
    assert reader.get_by_text("Trams ran again on the left bank this morning.").is_visible()
    reader = read(browser, url + section.url)
    assert reader.get_by_role("link", name="Trams return to the left bank").is_visible()


def test_a_reporter_submits_a_section_and_an_article_that_an_editor_publishes(
    browser, live_server, home, section, reporter, editor
):
    url = live_server.url
    desk = admin_page(browser, url, "reporter")
    message = create_section(
        desk, url, home, title="Sport", intro="Football, boxing and the rest.", action=SUBMIT
    )
    assert "submitted for moderation" in message
    message = create_article(
        desk,
        url,
        section,
        headline="Stadium opens as a shelter",
        standfirst="The city's largest stadium takes in families from the east.",
        paragraph="Volunteers set up beds in the stands overnight.",
        action=SUBMIT,
    )
    assert "submitted for moderation" in message
    drafts = {p.title: p for p in SectionPage.objects.filter(title="Sport")}
    drafts.update({p.title: p for p in ArticlePage.objects.filter(title__startswith="Stadium")})
    assert {title: p.live for title, p in drafts.items()} == {
        "Sport": False,
        "Stadium opens as a shelter": False,
    }

    editor_desk = admin_page(browser, url, "editor")
    for title in ("Sport", "Stadium opens as a shelter"):
        approve(editor_desk, url, title)

    sport = SectionPage.objects.get(title="Sport")
    article = ArticlePage.objects.get(title="Stadium opens as a shelter")
    assert sport.live and article.live
    assert article.url == f"{section.url}stadium-opens-as-a-shelter/"
    reader = read(browser, url + article.url)
    assert reader.locator("h1").inner_text() == "Stadium opens as a shelter"
    assert reader.get_by_text("Volunteers set up beds in the stands overnight.").is_visible()
    reader = read(browser, url + sport.url)
    assert reader.locator("h1").inner_text() == "Sport"
