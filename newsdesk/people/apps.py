from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "newsdesk.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from newsdesk.people import signals  # noqa: F401  (registers them)
