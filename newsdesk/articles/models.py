import hashlib
import json
import math

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from newsdesk.articles.blocks import ArticleBodyBlock
from newsdesk.articles.querysets import ArticlePageManager, SectionPageManager, paginate
from newsdesk.serving.compiled import CompiledQuery
from newsdesk.serving.fragments import versioned_cache
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.renditions import attach_renditions
from newsdesk.serving.restrictions import ViewRestrictionsMixin, view_restrictions_exist
from newsdesk.serving.urls import RememberedUrlMixin
from newsdesk.serving.versions import content_version, fragment_versions

WORDS_PER_MINUTE = 230
MORE_NEWS_COUNT = 6  # of the 7 latest articles: all but the page's own
# The lead photo's shapes in the article's head (Open Graph, JSON-LD): discovery's
# ARTICLE_IMAGE_SPECS, which articles does not import (discovery is above it).
HEAD_IMAGE_SPECS = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)


def attach_sections(articles):
    """Set `section` on every article of a listing, from sections_by_path()."""
    articles = list(articles)
    if articles:
        sections = sections_by_path()
        parent_paths = {article.path[: -Page.steplen] for article in articles}
        if not parent_paths <= sections.keys():  # made since (by an import, without publishing)
            found = SectionPage.objects.filter(path__in=parent_paths - sections.keys())
            sections = {**sections, **{section.path: section for section in found}}
        for article in articles:
            article.__dict__["section"] = sections.get(article.path[: -Page.steplen])
    return articles


def sections_by_path():
    """{tree path: SectionPage} of every section, one query kept until the site's chrome
    changes (a section added, renamed, moved or taken down renews it, as for the navigation)."""
    return versioned_cache().get_or_set(
        f"articles:sections:{content_version('chrome')}",
        lambda: {section.path: section for section in SectionPage.objects.select_related("locale")},
        lifetimes.versioned,
    )


def cards_ready(articles, layout):
    """Articles of a listing with what their cards print: the section, and the renditions of
    the photo in `layout` (the one their cards print: only those are fetched)."""
    articles = attach_sections(articles)
    attach_renditions([a.lead_image for a in articles], layout)
    return articles


class SectionPage(RememberedUrlMixin, ViewRestrictionsMixin, Page):
    """A section of the newsroom (News, Ukraine, World...): the parent of its articles."""

    intro = models.TextField(blank=True, max_length=400)

    objects = SectionPageManager()

    subpage_types = ["articles.ArticlePage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "section"

    @classmethod
    def can_create_at(cls, parent):
        """Under a site's front page, which offers sections among its subpage types (articles
        does not name the front page's model, which lives in an app above it); never at the
        tree's root."""
        return super().can_create_at(parent) and not parent.is_root()

    def get_articles(self):
        return ArticlePage.objects.child_of(self).for_listing()

    def get_listing(self, request):
        page = paginate(request, self.get_articles())
        for article in page.object_list:
            article.__dict__["section"] = self
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = lambda: self.get_listing(request)
        context["page_number"] = request.GET.get("page", "1")[:12]
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(RememberedUrlMixin, ViewRestrictionsMixin, Page):
    standfirst = models.TextField(
        max_length=300, help_text="One or two sentences under the headline that tell the story."
    )
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.TextField(
        blank=True, help_text="Leave empty to use the image's own caption."
    )
    lead_image_credit = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to use the image's own credit."
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    display_date = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The date readers see. Leave empty to use the time of first publication.",
    )
    # Kept by save(): the date listings sort by, and when the text last changed after publication.
    published_at = models.DateTimeField(null=True, editable=False, db_index=True)
    text_updated_at = models.DateTimeField(null=True, editable=False)
    published_text_hash = models.CharField(max_length=64, blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    members_only = models.BooleanField(
        default=False,
        help_text="Everyone sees the headline, standfirst and first two blocks; the rest of the "
        "body only members (it is never in the cached page).",
    )

    objects = ArticlePageManager()

    parent_page_types = ["articles.SectionPage"]
    subpage_types = []

    content_panels = [
        # TitleFieldPanel fills the slug (on the Promote tab) from the headline as it is typed.
        TitleFieldPanel("title", heading="Headline", placeholder="Headline*"),
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label="Author", min_num=0, heading="Authors"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead photo",
        ),
        FieldPanel("body"),
        FieldPanel("members_only"),
        FieldPanel("tags"),
        InlinePanel("corrections", label="Correction", heading="Corrections"),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldRowPanel([FieldPanel("display_date")], heading="Date shown to readers"),
    ]
    # Panels that apps above articles add to the Content tab (narration's status and audio),
    # through add_content_panel() from their AppConfig.ready(): articles never imports them.
    extra_content_panels = []

    search_fields = [
        *Page.search_fields,
        # Boosts become PostgreSQL weights A (title) and B (standfirst); the body is D.
        index.SearchField("title", boost=10),
        index.SearchField("standfirst", boost=4),
        index.SearchField("searchable_body"),  # a members-only story's teaser only
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = "article"

    # One-to-one relations of apps above articles that the article page prints (narration's
    # audio), added through add_reader_relation() from their AppConfig.ready(): the query that
    # reads the page for a reader joins them (reader_pages()).
    reader_relations = []

    @classmethod
    def add_reader_relation(cls, name):
        if name not in cls.reader_relations:
            cls.reader_relations.append(name)
            READER_PAGE.forget()

    @classmethod
    def reader_pages(cls):
        """Live articles as their page reads them: the photo, the locale, the relations apps
        above registered and the editions (with_translations()), in one query."""
        return (
            cls.objects.live()
            .select_related("lead_image", "locale", *cls.reader_relations)
            .with_translations()
        )

    @classmethod
    def reader_page(cls, url_path):
        """The live article at `url_path` as its page reads it (reader_pages()), by SQL
        compiled once per process: its joins and subquery cost more to compile than to run."""
        return READER_PAGE.first(url_path)

    @classmethod
    def add_content_panel(cls, panel):
        """Show `panel` at the end of the Content tab (once, however often it is added)."""
        if not any(type(known) is type(panel) for known in cls.extra_content_panels):
            cls.extra_content_panels.append(panel)

    @classmethod
    def add_body_block(cls, name, block):
        """Offer `block` in the body, after the article's own blocks: apps above articles add
        theirs (newsletters' sign-up form) from their AppConfig.ready(), before any body is read
        or any migration is made, so articles never imports them."""
        stream = cls._meta.get_field("body").stream_block
        if name not in stream.child_blocks:
            block.set_name(name)
            stream.child_blocks[name] = block

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs, with the panels other apps added at the end of the Content tab."""
        tabs = [
            (heading, panels)
            for heading, panels in [
                (_("Content"), [*cls.content_panels, *cls.extra_content_panels]),
                (_("Promote"), cls.promote_panels),
                (_("Settings"), cls.settings_panels),
            ]
            if panels
        ]
        handler = TabbedInterface(
            [ObjectList(panels, heading=heading) for heading, panels in tabs],
            base_form_class=cls.base_form_class,
        )
        return handler.bind_to_model(cls)

    TEASER_BLOCKS = 2  # of a members-only story, what everyone reads (and hears)

    @property
    def public_body(self):
        """The blocks every reader gets: all of them, or a members-only story's teaser."""
        return list(self.body)[: self.TEASER_BLOCKS] if self.members_only else list(self.body)

    def searchable_body(self):
        """The body's words for the search index: only what every reader gets, so a search
        finds (and quotes) no word of the rest of a members-only story."""
        return [
            text
            for block in self.public_body
            for text in block.block.get_searchable_content(block.value)
        ]

    # What the article says, in reading order; the basis of word count, "Updated" and narration
    # (which reads only what every reader gets: `public=True`).
    def get_text_blocks(self, *, public=False):
        blocks = []
        for block in self.public_body if public else self.body:
            if block.block_type == "paragraph":
                text = strip_tags(block.value.source).strip()
                if text:
                    blocks.append({"type": "paragraph", "text": text, "id": block.id})
            elif block.block_type == "heading":
                blocks.append({"type": "heading", "text": block.value, "id": block.id})
            elif block.block_type == "quote":
                blocks.append(
                    {
                        "type": "quote",
                        "text": block.value["text"],
                        "attribution": block.value["attribution"],
                        "id": block.id,
                    }
                )
        return blocks

    def get_text_hash(self):
        texts = [self.title, self.standfirst]
        texts += [f"{b['text']}|{b.get('attribution', '')}" for b in self.get_text_blocks()]
        return hashlib.sha256(json.dumps(texts).encode()).hexdigest()

    def save(self, *args, **kwargs):
        # Wagtail saves drafts with update_fields; a full save of a live page is a publication.
        if kwargs.get("update_fields") is None:
            self.word_count = sum(len(b["text"].split()) for b in self.get_text_blocks())
            self.published_at = self.display_date or self.first_published_at
            if self.live:
                text_hash = self.get_text_hash()
                if self.published_text_hash and text_hash != self.published_text_hash:
                    self.text_updated_at = timezone.now()
                self.published_text_hash = text_hash
        super().save(*args, **kwargs)

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def date(self):
        return self.published_at or self.display_date or self.first_published_at

    @property
    def lead_caption(self):
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.localized_caption if self.lead_image else ""

    @property
    def lead_credit(self):
        if self.lead_image_credit:
            return self.lead_image_credit
        return self.lead_image.credit if self.lead_image else ""

    @cached_property
    def authors(self):
        links = self.article_authors.all()
        if "article_authors" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("author")
        return [link.author for link in links]

    @cached_property
    def section(self):
        section = sections_by_path().get(self.path[: -Page.steplen])
        if section is None:  # not under a section (as a test may place it): its parent
            parent = self.get_parent()
            return parent.specific if parent else None
        return section

    @cached_property
    def prepared(self):
        """This article with everything its page prints fetched in bulk; used only when the
        cached fragment of the article is rendered anew."""
        authors = ArticleAuthor.objects.select_related("author")
        prefetch_related_objects(
            [self], Prefetch("article_authors", queryset=authors), "tags", "corrections"
        )
        body_images = [b.value["image"] for b in self.body if b.block_type == "image"]
        # The renditions the page prints, from the renditions cache (a query only for what it
        # lacks): the lead photo's layout and its three shapes in the head, the body's layout.
        attach_renditions([self.lead_image], "lead", specs=HEAD_IMAGE_SPECS)
        attach_renditions([image for image in body_images if image], "inline")
        return self

    @property
    def section_path(self):
        """The path of this article's section, from its own URL (no query)."""
        url = self.url or ""
        return url.rsplit("/", 2)[0] + "/" if url.count("/") > 2 else None

    def get_more_news(self):
        latest = self.__dict__.get("latest_cards")
        if latest is None:
            latest = latest_cards(self.locale_id)
        return cards_ready([a for a in latest if a.pk != self.pk][:MORE_NEWS_COUNT], "card")

    def more_news_key(self, request):
        """Which "More news" this page shows: the same six latest articles on every article
        page but the latest few, which leave themselves out. One cached fragment serves them
        all, rendered once after each publication."""

        def latest_ids():  # the fragment is missing too: its cards come from this query
            latest = self.__dict__["latest_cards"] = latest_cards(self.locale_id)
            return [article.pk for article in latest]

        key = f"articles:latest:{self.locale_id}:{fragment_versions(request).articles}"
        latest = versioned_cache().get_or_set(key, latest_ids, lifetimes.versioned)
        return self.pk if self.pk in latest else "latest"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: only rendered when the cached fragments showing them are out of date.
        context["more_news"] = self.get_more_news
        context["more_news_key"] = lambda: self.more_news_key(request)
        return context


READER_PAGE = CompiledQuery(lambda url_path: ArticlePage.reader_pages().filter(url_path=url_path))

# The latest articles of an edition as cards ("More news"), by SQL compiled once per process.
LATEST_CARDS = CompiledQuery(
    lambda locale_id: ArticlePage.objects.for_cards().filter(locale_id=locale_id)[:7],
    placeholder=-1_999_999_999,  # no locale has it; within every database's integer range
)


def latest_cards(locale_id):
    if view_restrictions_exist():  # Wagtail's public() puts the restricted paths in the SQL
        return list(ArticlePage.objects.for_cards().filter(locale_id=locale_id)[:7])
    return LATEST_CARDS.all(locale_id)


class ArticleAuthor(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "people.Author", on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "author"


class Correction(Orderable):
    """A dated note at the end of an article saying what was wrong and what was changed."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    date = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=1000)

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "correction"
