from django.urls import path

from newsdesk.livefeed import views
from newsdesk.livefeed.feeds import FeedItemsRSS

app_name = "livefeed"

urlpatterns = [
    path("news-feed/", views.news_feed, name="index"),
    path("news-feed/stream/", views.stream, name="stream"),
    path("news-feed/<int:pk>/", views.permalink, name="item"),
    path("news-feed/rss/", FeedItemsRSS(), name="rss"),
]
