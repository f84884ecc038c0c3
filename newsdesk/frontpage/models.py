from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from newsdesk.articles.models import ArticlePage, attach_sections, cards_ready
from newsdesk.articles.querysets import with_translations
from newsdesk.serving.compiled import CompiledQuery
from newsdesk.serving.renditions import attach_renditions
from newsdesk.serving.restrictions import ViewRestrictionsMixin, view_restrictions_exist
from newsdesk.serving.sites import EditionRootMixin
from newsdesk.serving.urls import RememberedUrlMixin

MORE_NEWS_COUNT = 8


class HomePage(RememberedUrlMixin, EditionRootMixin, ViewRestrictionsMixin, Page):
    """The front page: stories an editor placed, then the latest news not already shown."""

    lead_story = models.ForeignKey(
        ArticlePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The biggest story of the moment. Leave empty to lead with the latest article.",
    )
    featured_article = models.ForeignKey(
        ArticlePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually an explainer, shown as a band across the page.",
    )
    featured_kicker = models.CharField(max_length=60, blank=True, default="Explainer")
    featured_teaser = models.TextField(
        max_length=300, blank=True, help_text="Leave empty to use the article's standfirst."
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]
    # One per edition: further ones are translations of the first (the admin's "Translate").
    max_count = 1
    # A translation starts with its own, empty curation: its edition's articles are others.
    exclude_fields_in_copy = ["lead_story", "featured_article", "top_stories", "picks"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead_story"),
        InlinePanel("top_stories", label="Top story", max_num=4, heading="Top stories"),
        MultiFieldPanel(
            [
                FieldPanel("featured_article"),
                FieldPanel("featured_kicker"),
                FieldPanel("featured_teaser"),
            ],
            heading="Featured slot",
        ),
        InlinePanel("picks", label="Pick", max_num=6, heading="Editors' picks"),
    ]

    class Meta:
        verbose_name = "front page"

    def get_picks(self):
        """Editors' picks that are live, in the order the editor set, ready for cards."""
        return cards_ready(chosen_articles(EditorsPick, self.pk), "card")

    def route(self, request, path_components):
        if not path_components:
            # This object may be the site's root page as a process remembers it between
            # requests (newsdesk.serving.sites), to route from: the front page is read afresh.
            fresh = FRONT_PAGE.first(self.pk)
            if fresh is None:
                raise Http404
            return super(HomePage, fresh).route(request, path_components)
        # /<section>/<article>/ in one query instead of Wagtail's four (two per level).
        if len(path_components) == 2:
            url_path = f"{self.url_path}{path_components[0]}/{path_components[1]}/"
            article = ArticlePage.reader_page(url_path)
            if article is not None:
                return RouteResult(article)
        # Not super().route(): Treebeard's get_children() trusts numchild, which on a remembered
        # root page may predate the first section (a new newsroom's section answered 404).
        child = Page.objects.child_of(self).filter(slug=path_components[0]).first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.specific.route(request, path_components[1:])

    def get_curation(self):
        """What the front page shows: the editors' choices, then the latest not already shown.
        One query for each list, then the sections and photos of all of them together."""
        chosen = ArticlePage.objects.for_cards().in_bulk(
            [pk for pk in (self.lead_story_id, self.featured_article_id) if pk]
        )
        lead = chosen.get(self.lead_story_id)
        featured = chosen.get(self.featured_article_id)
        top = chosen_articles(TopStory, self.pk)
        picks = chosen_articles(EditorsPick, self.pk)
        shown = {a.pk for a in [*top, *picks, lead, featured] if a}
        latest = list(
            ArticlePage.objects.for_cards()
            .filter(locale_id=self.locale_id)
            .exclude(pk__in=shown)[: MORE_NEWS_COUNT + 1]
        )
        if lead is None and latest:
            lead = latest.pop(0)
        attach_sections([a for a in [lead, featured, *top, *picks] if a] + latest)
        attach_renditions([a.lead_image for a in [featured, *top, *picks] if a], "card")
        attach_renditions([lead.lead_image] if lead else [], "lead")
        attach_renditions([a.lead_image for a in latest[:MORE_NEWS_COUNT]], "thumb")
        return {
            "lead": lead,
            "top_stories": top,
            "featured": featured,
            "featured_teaser": self.featured_teaser or (featured.standfirst if featured else ""),
            "picks": picks,
            "more_news": latest[:MORE_NEWS_COUNT],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: only computed when the cached fragments of the front page are out of date.
        context["front"] = SimpleLazyObject(self.get_curation)
        return context


# The front page's own row with its editions, by SQL compiled once per process.
FRONT_PAGE = CompiledQuery(
    lambda pk: with_translations(HomePage.objects.filter(pk=pk)),
    placeholder=-1_999_999_999,  # no page has it; within every database's integer range
)


def chosen_rows(model, page_id):
    return (
        model.objects.filter(page_id=page_id, article__in=ArticlePage.objects.published())
        .select_related("article", "article__lead_image")
        .defer("article__body")
        .order_by("sort_order")
    )


# The same query for every front page, compiled once per process for each kind of row.
CHOSEN_ROWS = {}


def chosen_articles(model, page_id):
    """The published articles of a front page's TopStory or EditorsPick rows, in the editor's
    order, with what cards print (one query, compiled once per process while no page is
    restricted: Wagtail's public() puts the restricted pages' paths in the SQL)."""
    if view_restrictions_exist():
        rows = chosen_rows(model, page_id)
    else:
        compiled = CHOSEN_ROWS.get(model)
        if compiled is None:
            compiled = CHOSEN_ROWS[model] = CompiledQuery(
                lambda pk: chosen_rows(model, pk), placeholder=-1_999_999_999
            )
        rows = compiled.all(page_id)
    return [row.article for row in rows]


class TopStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_stories")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class EditorsPick(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="picks")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "editors' pick"
