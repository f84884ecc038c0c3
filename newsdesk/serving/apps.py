from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "newsdesk.serving"
    label = "serving"
    verbose_name = "Serving"

    def ready(self):
        from newsdesk.serving import signals, sites  # noqa: F401
