from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "newsdesk.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        from newsdesk.discovery import signals  # noqa: F401 (connects the receivers)
