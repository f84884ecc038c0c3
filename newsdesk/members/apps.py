from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "newsdesk.members"
    label = "members"
    verbose_name = "Members and donations"

    def ready(self):
        from newsdesk.articles.models import ArticlePage
        from newsdesk.members.blocks import SupportBlock

        ArticlePage.add_body_block("support", SupportBlock())
        from newsdesk.members import checks, signals  # noqa: F401  (registers them)
