from django.urls import path

from newsdesk.livefeed import views
from newsdesk.livefeed.feeds import FeedItemsRSS
from newsdesk.serving.exempt import page_cache_exempt

app_name = "livefeed"

urlpatterns = [
    path("news-feed/", views.news_feed, name="index"),
    # An open stream of events: never a page to cache, and kept off the page threads.
    page_cache_exempt(path("news-feed/stream/", views.stream, name="stream")),
    path("news-feed/<int:pk>/", views.permalink, name="item"),
    path("news-feed/rss/", FeedItemsRSS(), name="rss"),
]
