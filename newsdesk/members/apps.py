from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "newsdesk.members"
    label = "members"
    verbose_name = "Members and donations"

    def ready(self):
        from newsdesk.members import checks, signals  # noqa: F401  (registers them)
