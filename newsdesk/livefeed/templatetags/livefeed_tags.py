from django import template

from newsdesk.core.editions import active_language
from newsdesk.livefeed.models import SIDEBAR_COUNT, FeedItem
from newsdesk.serving.compiled import CompiledQuery
from newsdesk.serving.renditions import attach_renditions

register = template.Library()

# The sidebar's one query (items, their article, section and picture, and the stream's cursor),
# compiled to SQL once per process: compiling it cost more than answering it.
SIDEBAR = CompiledQuery(
    lambda language: FeedItem.objects.in_edition(language).for_sidebar().with_current_cursor()
)


@register.inclusion_tag("livefeed/components/sidebar_feed.html")
def news_feed_sidebar(heading_id="news-feed-heading"):
    """The latest updates, pinned first, that the page's script keeps current."""
    # The stream's cursor read with the list, in one statement: later writes reach the stream.
    items = SIDEBAR.all(active_language())
    cursor = (items[0].current_cursor or 0) if items else FeedItem.objects.current_cursor()
    attach_renditions([item.image for item in items], "card")
    return {
        "items": items,
        "cursor": cursor,
        "heading_id": heading_id,
        "limit": SIDEBAR_COUNT,
    }
