from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "newsdesk.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self):
        from newsdesk.articles import signals  # noqa: F401
