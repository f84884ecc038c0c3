from django.apps import AppConfig


class NarrationConfig(AppConfig):
    name = "newsdesk.narration"
    label = "narration"
    verbose_name = "Narration"

    def ready(self):
        from newsdesk.narration import panels, signals  # noqa: F401

        panels.add_to_article_editor()
