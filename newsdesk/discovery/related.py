"""Related stories for the end of an article whose editor placed no related-story card.

Candidates are recent published articles sharing a tag or the section, found with one grouped
query; each scores by what it shares (a tag counts twice a section), halved for every
RELATED_HALF_LIFE of age. The chosen ids are cached per article and version of the published
articles ("articles"), so a reader's request costs one cache read plus the card queries, however
many stories are shown.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Q, Value
from django.utils import timezone
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage, cards_ready
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import content_version

RELATED_COUNT = 3
RELATED_WINDOW = timedelta(days=365)
RELATED_HALF_LIFE = timedelta(days=30)
CANDIDATES = 60
TAG_WEIGHT = 2
SECTION_WEIGHT = 1


def editor_chose_related(article):
    return any(block.block_type == "related_story" for block in article.body)


def score(shared_tags, same_section, age):
    closeness = TAG_WEIGHT * shared_tags + SECTION_WEIGHT * same_section
    return closeness * 0.5 ** (max(age, timedelta(0)) / RELATED_HALF_LIFE)


def related_ids(article, count=RELATED_COUNT, now=None):
    """Ids of the `count` most similar recent articles, best first (one query)."""
    now = now or timezone.now()
    tag_ids = [tag.pk for tag in article.tags.all()]
    section_path = article.path[: -Page.steplen]
    same_section = Q(path__startswith=section_path, depth=article.depth)
    candidates = (
        ArticlePage.objects.published()
        .filter(locale_id=article.locale_id)
        .exclude(pk=article.pk)
        .filter(published_at__gt=now - RELATED_WINDOW, published_at__lte=now)
    )
    if tag_ids:
        shares_tag = Q(tagged_items__tag_id__in=tag_ids)
        candidates = candidates.filter(shares_tag | same_section).annotate(
            shared=Count("tagged_items", filter=shares_tag, distinct=True)
        )
    else:
        candidates = candidates.filter(same_section).annotate(shared=Value(0))
    rows = candidates.order_by("-shared", "-published_at").values_list(
        "pk", "shared", "path", "published_at"
    )[:CANDIDATES]
    scored = [
        (score(shared, path.startswith(section_path), now - published_at), published_at, pk)
        for pk, shared, path, published_at in rows
    ]
    scored.sort(reverse=True)
    return [pk for _, _, pk in scored[:count]]


def related_articles(article, count=RELATED_COUNT):
    """The related articles ready for cards, in order; [] when the editor placed a card."""
    if editor_chose_related(article):
        return []
    version = content_version("articles", article.locale.language_code)
    key = f"discovery:related:{article.pk}:{version}:{count}"
    ids = cache.get(key)
    if ids is None:
        ids = related_ids(article, count)
        cache.set(key, ids, lifetimes.versioned)
    if not ids:
        return []
    found = ArticlePage.objects.for_cards().in_bulk(ids)
    return cards_ready([found[pk] for pk in ids if pk in found], "thumb")
