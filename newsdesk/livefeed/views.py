from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.db.models import Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from newsdesk.articles.querysets import paginate
from newsdesk.core.context_processors import site_name
from newsdesk.core.editions import active_language
from newsdesk.livefeed.models import FeedItem
from newsdesk.livefeed.stream import event_stream, missed_events, parse_event_id

FEED_PAGE_SIZE = 30


def day_label(day, today):
    """The heading of a day's updates, in the edition's language."""
    if day == today:
        return gettext("Today")
    if day == today - timedelta(days=1):
        return gettext("Yesterday")
    if day.year == today.year:
        return date_format(day, pgettext("weekday and day", "l, F j"))
    return date_format(day, pgettext("weekday and date", "l, F j, Y"))


def group_by_day(items):
    today = timezone.localdate()
    return [
        {"date": day, "label": day_label(day, today), "items": list(day_items)}
        for day, day_items in groupby(items, key=lambda item: timezone.localdate(item.published_at))
    ]


def live_blog_json_ld(request, items):
    """schema.org LiveBlogPosting for the updates on this page, for search engines."""
    url = settings.SITE_URL + request.get_full_path()
    name = site_name(request)
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": f"{gettext('News feed')} — {name}",
        "inLanguage": active_language(),
        "url": url,
        "publisher": {"@type": "NewsMediaOrganization", "name": name},
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": str(item),
                "articleBody": item.plain_text,
                "datePublished": item.published_at.isoformat(),
                "dateModified": (item.edited_at or item.published_at).isoformat(),
                "url": f"{settings.SITE_URL}{reverse('livefeed:index')}#{item.stream_id}",
            }
            for item in items
        ],
    }
    if items:
        data["coverageStartTime"] = items[-1].published_at.isoformat()
        data["dateModified"] = max(i.edited_at or i.published_at for i in items).isoformat()
    # json_script escapes <, > and & so no update's text can end the script element.
    script = json_script(data).replace('type="application/json"', 'type="application/ld+json"', 1)
    return mark_safe(script)  # noqa: S308 - json_script's output, with only its type changed


def news_feed(request):
    cursor = FeedItem.objects.current_cursor()  # before the list: later writes reach the stream
    items = FeedItem.objects.visible().in_edition().for_display().latest_first()
    page = paginate(request, items, FEED_PAGE_SIZE)
    items = list(page.object_list)
    return render(
        request,
        "livefeed/news_feed.html",
        {
            "page_obj": page,
            "days": group_by_day(items),
            "cursor": cursor,
            "live_inserts": page.number == 1,
            "json_ld": live_blog_json_ld(request, items),
            "time_zone": timezone.get_current_timezone_name(),
        },
    )


def permalink(request, pk):
    """The feed page that shows an item, scrolled to it (the address search results link to)."""
    item = get_object_or_404(FeedItem.objects.visible().in_edition(), pk=pk)
    newer = (
        FeedItem.objects.visible()
        .in_edition()
        .filter(
            Q(published_at__gt=item.published_at) | Q(published_at=item.published_at, pk__gt=pk)
        )
        .count()
    )
    page = newer // FEED_PAGE_SIZE + 1
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{reverse('livefeed:index')}{query}#{item.stream_id}")


async def stream(request):
    """New, corrected and removed items as Server-Sent Events (needs an ASGI server)."""
    after = parse_event_id(request.headers.get("Last-Event-ID") or request.GET.get("after"))
    if isinstance(request, ASGIRequest):
        response = StreamingHttpResponse(
            event_stream(
                after, seconds=settings.LIVEFEED_STREAM_SECONDS, language=active_language()
            ),
            content_type="text/event-stream",
        )
    else:
        # A WSGI server (runserver, a test's live server): an open stream would hold one of its
        # threads for good, so it answers with what was missed and the browser asks again.
        response = HttpResponse(
            await missed_events(after, active_language()), content_type="text/event-stream"
        )
    response["Cache-Control"] = "no-cache, no-store"
    response["X-Accel-Buffering"] = "no"  # nginx: pass events on as they come
    return response
