"""The renditions of a listing's pictures, read for all of them at once.

Ours because Wagtail offers two halves of it: its renditions cache (CACHES["renditions"], in each
process's memory first) is read image by image, a round trip each and then a query each for the
images it lacks, and its `prefetch_renditions` always queries. A listing of twenty cards needs
one cache read, and one query only for what the cache lacks.
"""

from collections import defaultdict
from copy import copy

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from newsdesk.core.images import LAYOUTS
from newsdesk.serving.lifetimes import lifetimes


def filters_of(spec):
    """Wagtail's Filter for one spec, made once (a Filter parses its spec on first use)."""
    found = FILTERS.get(spec)
    if found is None:
        found = FILTERS[spec] = Filter(spec=spec)
    return found


FILTERS = {}


def attach_renditions(images, *layouts, specs=()):
    """Give every image the renditions that `layouts` (and the filter `specs`) print, as
    Wagtail's prefetched renditions
    (`image.prefetched_renditions`): from the renditions cache, read once for all of them, and
    for the images it lacks from the database, in one query, then cached. Their keys name the
    image's file and focal point, so a cached rendition is never out of date."""
    by_pk = defaultdict(list)  # one photo can be on several cards, as objects of its own
    for image in images:
        if image is not None:
            by_pk[image.pk].append(image)
    filters = [f for name in dict.fromkeys(layouts) for f in LAYOUTS[name].filters]
    filters += [filters_of(spec) for spec in specs]
    filters = list({f.spec: f for f in filters}.values())  # a spec twice is one rendition
    if not by_pk or not filters:
        return
    Rendition = get_image_model().get_rendition_model()
    keys = {
        Rendition.construct_cache_key(image, f.get_cache_key(image), f.spec): pk
        for pk, (image, *_) in by_pk.items()
        for f in filters
    }
    found = defaultdict(list)
    for key, rendition in Rendition.cache_backend.get_many(list(keys)).items():
        found[keys[key]].append(rendition)
    missing = [same[0] for pk, same in by_pk.items() if len(found[pk]) < len(filters)]
    if missing:
        specs = [f.spec for f in filters]
        renditions = Rendition.objects.filter(filter_spec__in=specs)
        prefetch = Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        prefetch_related_objects(missing, prefetch)
        for image in missing:
            found[image.pk] = image.prefetched_renditions
        remember(Rendition, missing)
    for pk, same in by_pk.items():
        for n, image in enumerate(same):
            image.prefetched_renditions = [copy(r) if n else r for r in found[pk]]
            for rendition in image.prefetched_renditions:
                rendition.image = image  # its alt text and focal point are this object's


def remember(Rendition, images):
    """Cache the renditions found in the database, without the image each one points to."""
    entries = {}
    for image in images:
        for rendition in image.prefetched_renditions:
            stored = copy(rendition)  # with a state of its own (Django's Model.__reduce__)
            stored._state.fields_cache = {}
            key = Rendition.construct_cache_key(image, stored.focal_point_key, stored.filter_spec)
            entries[key] = stored
    Rendition.cache_backend.set_many(entries, lifetimes.rendition)
