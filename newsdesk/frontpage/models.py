from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from newsdesk.articles.models import ArticlePage, SectionPage, attach_sections

MORE_NEWS_COUNT = 8


class HomePage(Page):
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
    max_count = 1

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
        picks = self.picks.prefetch_related(
            models.Prefetch("article", queryset=ArticlePage.objects.for_listing())
        )
        return attach_sections([pick.article for pick in picks if pick.article])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects(
            [self],
            *[
                models.Prefetch(
                    f"{relation}__article",
                    queryset=ArticlePage.objects.for_listing(),
                )
                for relation in ("top_stories", "picks")
            ],
        )
        chosen = {
            a.pk: a
            for a in ArticlePage.objects.for_listing().filter(
                pk__in=[self.lead_story_id, self.featured_article_id]
            )
        }
        curated = {
            "lead": chosen.get(self.lead_story_id),
            "featured": chosen.get(self.featured_article_id),
            "top": [s.article for s in self.top_stories.all() if s.article],
            "picks": [p.article for p in self.picks.all() if p.article],
        }
        shown = {a.pk for a in curated["top"] + curated["picks"]}
        shown |= {a.pk for a in (curated["lead"], curated["featured"]) if a}
        latest = list(
            ArticlePage.objects.for_listing().exclude(pk__in=shown)[: MORE_NEWS_COUNT + 1]
        )
        if curated["lead"] is None and latest:
            curated["lead"] = latest.pop(0)
        all_cards = [curated["lead"], curated["featured"], *curated["top"], *curated["picks"]]
        attach_sections([a for a in all_cards if a] + latest)
        context.update(
            lead=curated["lead"],
            top_stories=curated["top"],
            featured=curated["featured"],
            featured_teaser=self.featured_teaser
            or (curated["featured"].standfirst if curated["featured"] else ""),
            picks=curated["picks"],
            more_news=latest[:MORE_NEWS_COUNT],
            sections=SectionPage.objects.live().public().child_of(self),
        )
        return context


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
