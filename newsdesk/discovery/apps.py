from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "newsdesk.discovery"
    label = "discovery"
    verbose_name = "Discovery"
