import re

import pytest
from django.utils import timezone

from newsdesk.conftest import make_article, make_author, make_image, paragraphs

pytestmark = pytest.mark.django_db


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_every_part_of_the_article(client, section, image, author):
    second = make_author("Taras Bondar")
    related = make_article(
        section,
        title="Grain corridor reopens",
        standfirst="Ships left Odesa at dawn under escort. " * 8,
    )
    article = make_article(
        section,
        title="Power returns to the left bank",
        standfirst="Crews worked through the night after the strike.",
        authors=[author, second],
        tags=["energy", "kyiv"],
        lead_image=image,
        corrections=["An earlier version misstated the number of substations."],
        body=[
            *paragraphs("The lights came back at 5 a.m."),
            ("heading", "What the engineers found"),
            ("quote", {"text": "We will rebuild it again.", "attribution": "Ihor, engineer"}),
            ("related_story", related),
            *paragraphs("Repairs will take weeks."),
        ],
    )
    html = get_html(client, article)

    assert '<p class="kicker"><a href="/news/">News</a></p>' in html
    assert '<h1 class="article__headline" id="headline">Power returns to the left bank</h1>' in html
    assert "Crews worked through the night after the strike." in html
    assert (
        'href="/authors/olena-marchuk/" rel="author">Olena Marchuk</a> and '
        '<a href="/authors/taras-bondar/"' in html
    )
    local = timezone.localtime(article.first_published_at)
    assert f'<time datetime="{local.isoformat()}">' in html
    assert "1 min read" in html
    assert "Smoke rises over the left bank." in html
    assert "(Photo: Ivan Petrenko / Ledger)" in html
    assert 'fetchpriority="high"' in html
    assert '<h2 class="body-heading">What the engineers found</h2>' in html
    assert "We will rebuild it again." in html and "<figcaption>Ihor, engineer</figcaption>" in html
    assert 'href="/tags/energy/">#energy</a>' in html
    assert "An earlier version misstated the number of substations." in html
    card = re.search(r'<aside class="related-card".*?</aside>', html, re.S).group(0)
    assert "Grain corridor reopens" in card
    excerpt = re.search(r'related-card__excerpt">(.*?)</span>', card).group(1)
    assert excerpt.endswith("…") and len(excerpt) <= 151
    assert excerpt[:-1] == excerpt[:-1].rstrip(), "cut at a word boundary"


def test_it_prints_nothing_for_missing_optional_parts(client, section):
    article = make_article(section, title="Bare article", standfirst="Only the essentials.")
    html = get_html(client, article)

    assert "<figcaption" not in html
    assert "(Photo:" not in html
    assert "By " not in html
    assert "Topics" not in html
    assert "Corrections" not in html
    assert "related-card" not in html
    assert 'class="article__lead"' not in html
    meta = re.search(r'<div class="article__meta">(.*?)</div>', html, re.S).group(1)
    assert re.fullmatch(
        r'\s*<p class="dateline"><span><time datetime="[^"]+">[^<]+</time></span>'
        r"<span>1 min read</span></p>\s*",
        meta,
    ), meta


def test_it_prints_caption_without_credit_and_credit_without_caption(client, section):
    captioned = make_article(section, lead_image=make_image(caption="A quiet street."))
    credited = make_article(section, lead_image=make_image(photographer="Anna Koval"))

    html = get_html(client, captioned)
    assert "A quiet street." in html and "(Photo:" not in html
    html = get_html(client, credited)
    assert "(Photo: Anna Koval)" in html and 'class="caption"' not in html


def test_it_uses_the_per_article_caption_and_credit_over_the_images(client, section, image):
    article = make_article(
        section,
        lead_image=image,
        lead_image_caption="Firefighters at the depot.",
        lead_image_credit="Maria Lysenko / Meridian",
    )
    html = get_html(client, article)
    assert "Firefighters at the depot." in html
    assert "(Photo: Maria Lysenko / Meridian)" in html
    assert "Smoke rises over the left bank." not in html


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (230, 1), (231, 2), (690, 3)])
def test_it_computes_reading_time_at_230_words_a_minute(section, words, minutes):
    article = make_article(section, body=paragraphs(" ".join(["word"] * words)) if words else [])
    assert article.word_count == words
    assert article.reading_minutes == minutes


def test_it_marks_an_article_updated_only_when_its_text_changes(client, section):
    article = make_article(section, body=paragraphs("Original text."))
    assert article.text_updated_at is None

    article.tags.set(["energy"])
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.text_updated_at is None

    article.body = paragraphs("Corrected text.")
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.text_updated_at is not None
    assert "Updated <time" in get_html(client, article)


def test_it_keeps_the_date_an_editor_set(section):
    shown = timezone.now() - timezone.timedelta(days=3)
    article = make_article(section, display_date=shown)
    assert article.published_at == shown
    assert article.first_published_at > shown


def test_it_hides_drafts_and_unpublished_articles_from_readers(client, section):
    draft = make_article(section, title="Still a draft", publish=False)
    withdrawn = make_article(section, title="Withdrawn story")
    withdrawn.unpublish()

    assert client.get(f"/news/{draft.slug}/").status_code == 404
    response = client.get(f"/news/{withdrawn.slug}/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_it_skips_related_cards_to_unpublished_articles(client, section):
    target = make_article(section, title="Pulled story")
    article = make_article(section, body=[("related_story", target), *paragraphs("Text.")])
    target.unpublish()
    assert "Pulled story" not in get_html(client, article)
