from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "newsdesk.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from newsdesk.core import signals  # noqa: F401
