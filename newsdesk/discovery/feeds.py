"""RSS 2.0 and Atom feeds of published articles: latest, per section and per author.

Each entry carries the standfirst in full, every author, the section and tags as categories, the
lead photo as Media RSS `media:content`, the publication and last-change dates, and a GUID that
survives a changed slug or section (a tag URI on the article's id and first publication day).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from newsdesk.articles.models import ArticlePage, SectionPage, attach_sections
from newsdesk.core.context_processors import edition_tagline
from newsdesk.core.context_processors import site_name as edition_name
from newsdesk.core.models import NewsroomSettings
from newsdesk.core.text import CleanFeed
from newsdesk.discovery.links import absolute, page_url, site_host
from newsdesk.people.models import Author

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
# The same 16:9 rendition the article page's lead photo and structured data use.
FEED_IMAGE_SPEC = "fill-1200x675|format-jpeg"


def add_media(handler, image):
    if not image:
        return
    attrs = {
        "url": image["url"],
        "medium": "image",
        "type": "image/jpeg",
        "width": str(image["width"]),
        "height": str(image["height"]),
    }
    handler.startElement("media:content", attrs)
    if image["alt"]:
        handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
    if image["credit"]:
        handler.addQuickElement("media:credit", image["credit"])
    handler.endElement("media:content")


class MediaRssFeed(CleanFeed, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:dc": DC_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        add_media(handler, item["image"])


class MediaAtomFeed(CleanFeed, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        add_media(handler, item["image"])


class ArticleFeed(Feed):
    feed_type = MediaRssFeed
    kind = "latest"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_articles(self, obj):
        return ArticlePage.objects.for_listing().in_edition()

    def items(self, obj):
        articles = self.get_articles(obj).prefetch_related("tags")[:FEED_LENGTH]
        return attach_sections(articles)

    # The feed

    def title(self, obj):
        return _("%(site)s: latest news") % {"site": edition_name(self.request)}

    def link(self, obj):
        return absolute("/")

    def description(self, obj):
        tagline = edition_tagline(self.request)  # another edition's: its front page's words
        if tagline is None:
            tagline = NewsroomSettings.load(request_or_site=self.request).tagline
        return tagline or self.title(obj)

    def feed_url(self, obj):
        return absolute(self.request.path)

    def feed_guid(self, obj):
        return absolute(self.request.path)

    def feed_copyright(self, obj):
        holder = NewsroomSettings.load(request_or_site=self.request).copyright_holder
        return f"© {holder or edition_name(self.request)}"

    # Each article

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # Feed readers take descriptions and summaries as HTML; the standfirst is plain text.
        return escape(article.standfirst)

    def item_link(self, article):
        return page_url(article, self.request)

    def item_guid(self, article):
        first = article.first_published_at or article.published_at
        return f"tag:{site_host()},{first:%Y-%m-%d}:article-{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return max((d for d in (article.published_at, article.text_updated_at) if d), default=None)

    def item_categories(self, article):
        section = [article.section.title] if article.section else []
        return section + [tag.name for tag in article.tags.all()]

    def item_extra_kwargs(self, article):
        return {"authors": self.authors(article), "image": self.image(article)}

    def authors(self, article):
        return [
            {"name": author.localized_name, "url": absolute(author.get_absolute_url())}
            for author in article.authors
        ]

    def image(self, article):
        if not article.lead_image:
            return None
        rendition = article.lead_image.get_rendition(FEED_IMAGE_SPEC)
        return {
            "url": absolute(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": article.lead_image.default_alt_text,
            "credit": article.lead_credit,
        }


class LatestAtomFeed(ArticleFeed):
    feed_type = MediaAtomFeed
    subtitle = ArticleFeed.description


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(
            SectionPage.objects.live().public().in_edition(),
            slug=slug,
        )

    def get_articles(self, section):
        return ArticlePage.objects.child_of(section).for_listing()

    def title(self, section):
        return f"{edition_name(self.request)}: {section.title}"

    def link(self, section):
        return page_url(section, self.request)

    def description(self, section):
        return section.intro or _("The latest articles in %(section)s.") % {
            "section": section.title
        }


class SectionAtomFeed(SectionFeed):
    feed_type = MediaAtomFeed
    subtitle = SectionFeed.description


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            raise Http404("No such author")
        return author

    def get_articles(self, author):
        return ArticlePage.objects.for_listing().in_edition().filter(article_authors__author=author)

    def title(self, author):
        return _("%(site)s: articles by %(name)s") % {
            "site": edition_name(self.request),
            "name": author.localized_name,
        }

    def link(self, author):
        return absolute(author.get_absolute_url())

    def description(self, author):
        return author.localized_bio or _("The latest articles by %(name)s.") % {
            "name": author.localized_name
        }


class AuthorAtomFeed(AuthorFeed):
    feed_type = MediaAtomFeed
    subtitle = AuthorFeed.description


def feed_links(section=None, author=None):
    """(title, type, url) of the feeds a page offers for autodiscovery, the general ones last."""
    pairs = []
    if section is not None:
        pairs.append((section.title, "feed_section", [section.slug]))
    if author is not None:
        pairs.append((author.localized_name, "feed_author", [author.slug]))
    pairs.append((_("Latest news"), "feed_latest", []))
    site = settings.WAGTAIL_SITE_NAME
    return [
        link
        for name, route, args in pairs
        for link in (
            (f"{site}: {name} (RSS)", "rss", reverse(route, args=args)),
            (f"{site}: {name} (Atom)", "atom", reverse(f"{route}_atom", args=args)),
        )
    ]
