from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from newsdesk.core.text import CleanRssFeed
from newsdesk.livefeed.models import FeedItem

RSS_COUNT = 50


class FeedItemsRSS(Feed):
    """The latest updates as RSS, for feed readers and other newsrooms' tickers."""

    description = "Short updates from the newsroom as events unfold."
    feed_type = CleanRssFeed

    def title(self):
        return _("%(SITE_NAME)s: news feed") % {"SITE_NAME": settings.WAGTAIL_SITE_NAME}

    def link(self):
        return reverse("livefeed:index")

    def items(self):
        return (
            FeedItem.objects.visible()
            .in_edition()
            .select_related("article")
            .latest_first()[:RSS_COUNT]
        )

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return expand_db_html(item.text)

    def item_link(self, item):
        return f"{reverse('livefeed:index')}#{item.stream_id}"

    def item_guid(self, item):
        return f"{settings.SITE_URL}{self.item_link(item)}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.edited_at
