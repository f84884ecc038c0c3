from django.conf import settings
from django.urls import path

from newsdesk.narration import feeds, media, views

urlpatterns = [
    path("podcast.xml", feeds.PodcastFeed(), name="podcast"),
    path("podcast/cover.png", views.podcast_cover, name="podcast_cover"),
    path("podcast/<slug:section>.xml", feeds.SectionPodcastFeed(), name="podcast_section"),
]

# Media from the local disk, with Range requests so audio can seek (see media.py). Whether the
# storage is the disk is asked per request (media.serve): the URLconf is loaded once per process,
# whatever the storage was at that moment (a test's S3 bucket, say).
if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media")
    )
