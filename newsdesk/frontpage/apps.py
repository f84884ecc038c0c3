from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "newsdesk.frontpage"
    label = "frontpage"
    verbose_name = "Front page"

    def ready(self):
        from newsdesk.frontpage import signals  # noqa: F401
