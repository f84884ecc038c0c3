from django.core.cache import cache
from django.db.models import Count, Q
from taggit.models import Tag

from newsdesk.core.editions import active_language
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import content_version

TOPIC_COUNT = 12


def popular_topics(count=TOPIC_COUNT):
    """The tags on most published articles, for the search page before anything is typed."""
    language = active_language()  # the edition's own articles' tags
    key = f"discovery:topics:{language}:{content_version('articles')}:{count}"
    topics = cache.get(key)
    if topics is None:
        live = Q(
            articles_articletag_items__content_object__live=True,
            articles_articletag_items__content_object__locale__language_code=language,
        )
        topics = list(
            Tag.objects.annotate(uses=Count("articles_articletag_items", filter=live))
            .filter(uses__gt=0)
            .order_by("-uses", "name")
            .values("name", "slug", "uses")[:count]
        )
        cache.set(key, topics, lifetimes.versioned)
    return topics
