"""A listing's renditions: one cache read for all its pictures, one query for what it lacks."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.conftest import make_image
from newsdesk.core.images import LAYOUTS
from newsdesk.core.models import NewsImage
from newsdesk.serving.renditions import attach_renditions

pytestmark = pytest.mark.django_db


def fetched(images):
    """The images afresh, as a listing's query gives them; one of them twice (two cards)."""
    found = list(NewsImage.objects.filter(pk__in=[image.pk for image in images]))
    return [*found, NewsImage.objects.get(pk=images[0].pk)]


def urls(image):
    return {spec: r.url for spec, r in image.get_renditions(*LAYOUTS["card"].filters).items()}


def test_it_reads_renditions_in_one_query_then_from_the_cache():
    images = [make_image() for _ in range(3)]
    expected = {image.pk: urls(image) for image in images}  # made, as the worker makes them
    for cache in caches.all():
        cache.clear()

    cold = fetched(images)
    with CaptureQueriesContext(connection) as queries:
        attach_renditions(cold, "card")
        found = {image.pk: urls(image) for image in cold}
    assert len(queries) == 1
    assert found == expected

    warm = fetched(images)
    with CaptureQueriesContext(connection) as queries:
        attach_renditions(warm, "card")
        assert [urls(image) for image in warm] == [expected[image.pk] for image in warm]
    assert len(queries) == 0


def test_each_card_of_the_same_picture_has_its_own_renditions():
    image = make_image()
    urls(image)
    first, second = fetched([image])[0], fetched([image])[1]
    second.alt_text = "Seen from the river"
    attach_renditions([first, second], "card")
    assert all(r.image is first for r in first.prefetched_renditions)
    assert all(r.image is second for r in second.prefetched_renditions)


def test_a_spec_asked_twice_is_one_rendition_and_found_in_the_cache():
    """The lead layout and the head's 16:9 shape share a spec: the cache's answer is complete."""
    image = make_image()
    extra = [LAYOUTS["lead"].specs("jpeg")[2], "fill-1200x900|format-jpeg"]
    image.get_renditions(*LAYOUTS["lead"].filters, *extra)  # made, as the worker makes them
    attach_renditions([NewsImage.objects.get(pk=image.pk)], "lead", specs=extra)  # cached
    again = NewsImage.objects.get(pk=image.pk)
    with CaptureQueriesContext(connection) as queries:
        attach_renditions([again], "lead", specs=extra)
    assert len(queries) == 0
    assert len(again.prefetched_renditions) == len(LAYOUTS["lead"].filters) + 1
