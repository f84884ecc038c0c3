from django.apps import AppConfig


class NarrationConfig(AppConfig):
    name = "newsdesk.narration"
    label = "narration"
    verbose_name = "Narration"

    def ready(self):
        from newsdesk.articles.models import ArticlePage
        from newsdesk.narration import signals  # noqa: F401
        from newsdesk.narration.panels import NarrationPanel

        ArticlePage.add_content_panel(NarrationPanel())
        ArticlePage.add_reader_relation("narration")  # the player, in the page's own query
