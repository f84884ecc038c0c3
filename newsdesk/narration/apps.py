from django.apps import AppConfig


class NarrationConfig(AppConfig):
    name = "newsdesk.narration"
    label = "narration"
    verbose_name = "Narration"
