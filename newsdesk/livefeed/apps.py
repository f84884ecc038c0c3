from django.apps import AppConfig


class LivefeedConfig(AppConfig):
    name = "newsdesk.livefeed"
    label = "livefeed"
    verbose_name = "Live feed"

    def ready(self):
        from newsdesk.core import search_sources
        from newsdesk.livefeed.models import FeedItem

        search_sources.register(
            search_sources.SearchSource(name="livefeed", visible=FeedItem.objects.visible)
        )
