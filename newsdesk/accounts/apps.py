from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "newsdesk.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from newsdesk.accounts import signals  # noqa: F401
