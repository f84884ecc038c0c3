"""How articles and sections are read for listings: the querysets, and pages of a listing."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Concat
from wagtail.models import Page, PageManager, PageQuerySet

from newsdesk.core.editions import active_language
from newsdesk.serving.restrictions import PublicPagesQuerySetMixin

LISTING_PAGE_SIZE = 12


def paginate(request, items, per_page=LISTING_PAGE_SIZE):
    """A page of `items` for ?page=N; bad or out-of-range numbers fall back to the first/last."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def with_translations(queryset):
    """`queryset` with `live_translations` on each page: "<language> <url_path>" of every live
    page sharing its translation key (itself included), separated by tabs (neither can contain
    one). The page's editions come in the query that reads the page (editions.page_editions)."""
    translations = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), live=True)
        .order_by()
        .values("translation_key")
        .annotate(
            found=StringAgg(
                Concat("locale__language_code", Value(" "), "url_path", output_field=TextField()),
                Value("\t"),
                output_field=TextField(),
            )
        )
        .values("found")
    )
    return queryset.annotate(live_translations=Subquery(translations))


class EditionQuerySet(PublicPagesQuerySetMixin, PageQuerySet):
    def in_edition(self, language=None):
        """Pages of one edition: the language served (newsdesk.core.editions) by default."""
        return self.filter(locale__language_code=language or active_language())


EditionPageManager = PageManager.from_queryset(EditionQuerySet)


class ArticlePageQuerySet(EditionQuerySet):
    def with_translations(self):
        return with_translations(self)

    def published(self):
        return self.live().public()

    def for_listing(self):
        """Published articles, newest first, with what cards print fetched in bulk."""
        return (
            self.published()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions", "article_authors__author")
            .order_by("-published_at", "-pk")
        )

    def for_cards(self):
        """Published articles, newest first, with what a card prints and nothing else: no body,
        no bylines (cards_ready() adds the sections and the photos' renditions)."""
        return (
            self.published()
            .defer_streamfields()
            .select_related("lead_image")
            .order_by("-published_at", "-pk")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


SectionPageManager = EditionPageManager
