"""The sign-up form as a StreamField block, placeable in any page's body."""

import pytest
from django.test import RequestFactory

from newsdesk.newsletters.blocks import NewsletterSignupBlock

pytestmark = pytest.mark.django_db


def render(value):
    request = RequestFactory().get("/news/a-story/")
    context = {"request": request}
    block = NewsletterSignupBlock()
    return block.render(block.to_python(value), context)


def test_it_renders_a_form_for_the_chosen_newsletter(newsletter, weekly):
    html = render({"heading": "Get the Brief", "newsletter": newsletter.pk})
    assert "Get the Brief" in html and newsletter.description in html
    assert f'<input type="hidden" name="newsletter" value="{newsletter.slug}">' in html
    assert "csrfmiddlewaretoken" not in html  # no per-reader token: the page stays cacheable
    assert 'name="source" value="/news/a-story/"' in html


def test_it_offers_every_newsletter_when_none_is_chosen(newsletter, weekly):
    html = render({})
    assert "Get our newsletters" in html
    assert html.count('type="checkbox" name="newsletter"') == 2


def test_an_inactive_choice_falls_back_to_the_active_newsletters(newsletter, weekly):
    weekly.active = False
    weekly.save()
    html = render({"newsletter": weekly.pk})
    assert f'value="{weekly.slug}"' not in html
    assert f'<input type="hidden" name="newsletter" value="{newsletter.slug}">' in html


def test_it_renders_nothing_without_active_newsletters(newsletter):
    newsletter.active = False
    newsletter.save()
    assert render({}).strip() == ""


def test_editors_place_it_in_an_article_body_and_its_ids_stay_unique_when_cached(
    client, section, newsletter, weekly
):
    from newsdesk.conftest import make_article, paragraphs

    body = paragraphs("Before the form.")
    body.append(("newsletter_signup", {"heading": "Get the Brief", "newsletter": newsletter}))
    article = make_article(section, body=body + paragraphs("After the form."))
    for _ in range(3):  # rendered, then with its fragment from the cache, then a cached page
        html = client.get(article.url).content.decode()
        assert "Get the Brief" in html
        assert html.count("data-newsletter-form") == 4  # the block, sidebar, article end, footer
        ids = [part.split('"')[0] for part in html.split(' id="')[1:]]
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
