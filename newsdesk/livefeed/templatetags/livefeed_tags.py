from django import template

from newsdesk.livefeed.models import SIDEBAR_COUNT, FeedItem

register = template.Library()


@register.inclusion_tag("livefeed/components/sidebar_feed.html")
def news_feed_sidebar(heading_id="news-feed-heading"):
    """The latest updates, pinned first, that the page's script keeps current."""
    cursor = FeedItem.objects.current_cursor()  # before the list: later writes reach the stream
    return {
        "items": list(FeedItem.objects.in_edition().for_sidebar()),
        "cursor": cursor,
        "heading_id": heading_id,
        "limit": SIDEBAR_COUNT,
    }
