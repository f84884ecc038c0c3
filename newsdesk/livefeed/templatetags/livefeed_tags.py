from django import template

from newsdesk.livefeed.models import SIDEBAR_COUNT, FeedItem
from newsdesk.serving.renditions import attach_renditions

register = template.Library()


@register.inclusion_tag("livefeed/components/sidebar_feed.html")
def news_feed_sidebar(heading_id="news-feed-heading"):
    """The latest updates, pinned first, that the page's script keeps current."""
    # The stream's cursor read with the list, in one statement: later writes reach the stream.
    items = list(FeedItem.objects.in_edition().for_sidebar().with_current_cursor())
    cursor = (items[0].current_cursor or 0) if items else FeedItem.objects.current_cursor()
    attach_renditions([item.image for item in items], "card")
    return {
        "items": items,
        "cursor": cursor,
        "heading_id": heading_id,
        "limit": SIDEBAR_COUNT,
    }
