from django.apps import AppConfig


class LivefeedConfig(AppConfig):
    name = "newsdesk.livefeed"
    label = "livefeed"
    verbose_name = "Live feed"
