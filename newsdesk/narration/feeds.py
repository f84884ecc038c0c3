"""Podcast feeds of narrated articles: /podcast.xml and /podcast/<section>.xml.

RSS 2.0 with the iTunes tags podcast apps require (image, category, explicit, duration) and
Podcasting 2.0 tags (guid, locked, medium, transcript: the article itself). Every episode says in
its description that the audio is created with AI assistance.
"""

import copy
import uuid
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsdesk.articles.models import SectionPage
from newsdesk.core.context_processors import site_name
from newsdesk.core.editions import active_language, home_path
from newsdesk.core.models import NewsroomSettings
from newsdesk.core.text import CleanFeed
from newsdesk.narration.models import Narration
from newsdesk.narration.script import names

DISCLOSURE = gettext_lazy("This audio is created with AI assistance")
FEED_LENGTH = 50
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
# The namespace Podcasting 2.0 defines for podcast:guid (a UUIDv5 of the feed URL sans scheme).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def absolute(url):
    return urljoin(settings.SITE_URL + "/", url)


class PodcastRss(CleanFeed, Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS, "xmlns:podcast": PODCAST_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.startElement("image", {})
        handler.addQuickElement("url", feed["cover"])
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.endElement("image")
        handler.addQuickElement("itunes:author", feed["publisher"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", attrs={"href": feed["cover"]})
        handler.startElement("itunes:category", {"text": "News"})
        handler.addQuickElement("itunes:category", attrs={"text": "Daily News"})
        handler.endElement("itunes:category")
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["publisher"])
        if feed["owner_email"]:
            handler.addQuickElement("itunes:email", feed["owner_email"])
        handler.endElement("itunes:owner")
        handler.addQuickElement("podcast:guid", feed["podcast_guid"])
        handler.addQuickElement("podcast:locked", "no")
        handler.addQuickElement("podcast:medium", "podcast")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["title"])
        if item["authors"]:
            handler.addQuickElement("itunes:author", item["authors"])
        handler.addQuickElement("itunes:summary", item["description"])
        handler.addQuickElement("itunes:duration", str(item["seconds"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement(
            "podcast:transcript", attrs={"url": item["link"], "type": "text/html"}
        )


class PodcastFeed(Feed):
    feed_type = PodcastRss
    language = None  # the edition's (Django's Feed takes the active language)

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (urls.py): each gets a copy holding its request,
        # for the edition's name.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return None

    def narrations(self, section):
        narrations = (
            Narration.objects.for_podcast()
            .filter(article__locale__language_code=active_language())
            .prefetch_related("article__article_authors__author")
        )
        if section is not None:
            narrations = narrations.filter(article__path__startswith=section.path)
        return narrations[:FEED_LENGTH]

    def items(self, section):
        return self.narrations(section)

    def title(self, section):
        # The edition's name, as its pages show it.
        name = site_name(self.request)
        return f"{name}: {section.title}" if section else name

    def link(self, section):
        return absolute(section.url if section else home_path())

    def feed_url(self, section):
        return absolute(self.path(section))

    def path(self, section):
        if section is None:
            return reverse("podcast")
        return reverse("podcast_section", args=[section.slug])

    def description(self, section):
        site = site_name(self.request)
        if section:
            text = _(
                "%(section)s stories from %(site)s, read aloud by a synthetic voice as soon as "
                "they are published."
            ) % {"section": section.title, "site": site}
        else:
            text = _(
                "Stories from %(site)s, read aloud by a synthetic voice as soon as they are "
                "published."
            ) % {"site": site}
        return f"{text} {DISCLOSURE}."

    def feed_extra_kwargs(self, section):
        newsroom = NewsroomSettings.load()
        feed_url = self.feed_url(section)
        return {
            "cover": absolute(reverse("podcast_cover")),
            "publisher": newsroom.copyright_holder or site_name(self.request),
            "owner_email": newsroom.contact_email,
            "podcast_guid": str(uuid.uuid5(PODCAST_GUID_NAMESPACE, feed_url.split("://", 1)[1])),
        }

    def item_title(self, narration):
        return narration.article.title

    def item_description(self, narration):
        standfirst = narration.article.standfirst.strip()
        return f"{standfirst}\n\n{DISCLOSURE}." if standfirst else f"{DISCLOSURE}."

    def item_link(self, narration):
        return absolute(narration.article.url)

    def item_guid(self, narration):
        return f"newsdesk-narration-{narration.article_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, narration):
        return narration.article.published_at or narration.article.first_published_at

    def item_enclosure_url(self, narration):
        return absolute(narration.audio.url)

    def item_enclosure_length(self, narration):
        return narration.byte_size

    item_enclosure_mime_type = "audio/mpeg"

    def item_author_name(self, narration):
        return names(author.localized_name for author in narration.article.authors) or None

    def item_extra_kwargs(self, narration):
        return {
            "seconds": round(narration.duration or 0),
            "authors": names(author.localized_name for author in narration.article.authors),
        }


class SectionPodcastFeed(PodcastFeed):
    def get_object(self, request, section):
        return get_object_or_404(SectionPage.objects.live().public().in_edition(), slug=section)
