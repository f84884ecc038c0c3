"""news_picture and news_time remember what they drew under everything it follows from."""

import re

import pytest

from newsdesk.conftest import make_image
from newsdesk.core.models import NewsImage
from newsdesk.core.templatetags.news_tags import news_picture

pytestmark = pytest.mark.django_db


def fresh(image):
    return NewsImage.objects.get(pk=image.pk)  # as another request (or process) reads it


def test_the_same_picture_is_drawn_alike():
    image = make_image()
    assert str(news_picture(fresh(image), "card")) == str(news_picture(fresh(image), "card"))
    assert 'loading="lazy"' in news_picture(fresh(image), "card")
    assert 'fetchpriority="high"' in news_picture(fresh(image), "card", eager=True)


def test_a_new_alt_text_shows():
    image = make_image()
    assert 'alt="Kyiv skyline at dusk (alt)"' in news_picture(fresh(image), "card")
    image.alt_text = "Вечірній Київ"
    image.save()
    assert 'alt="Вечірній Київ"' in news_picture(fresh(image), "card")


def test_a_new_focal_point_shows_the_new_renditions():
    image = make_image()
    before = set(re.findall(r'src="([^"]+)"', str(news_picture(fresh(image), "card"))))
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    after = set(re.findall(r'src="([^"]+)"', str(news_picture(fresh(image), "card"))))
    assert before and after and not before & after


def test_news_time_follows_the_language_the_time_zone_and_the_day(settings):
    from datetime import UTC, datetime, timedelta

    from django.utils import timezone, translation

    from newsdesk.core.templatetags.news_tags import news_time

    moment = datetime(2026, 3, 4, 9, 46, tzinfo=UTC)
    with timezone.override("Europe/Kyiv"):
        with translation.override("en"):
            assert ">Mar 4, 2026 11:46 AM<" in news_time(moment)
        with translation.override("uk"):
            assert "березня" in news_time(moment)
    with timezone.override("UTC"), translation.override("en"):
        assert ">Mar 4, 2026 9:46 AM<" in news_time(moment)
        now = timezone.now()
        assert "Yesterday" in news_time(now - timedelta(days=1), "relative")
        assert "Yesterday" not in news_time(now, "relative")
