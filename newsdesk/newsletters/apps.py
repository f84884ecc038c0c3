from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsdesk.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsdesk.newsletters import signals  # noqa: F401  (connects the receivers)
