from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsdesk.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsdesk.articles.models import ArticlePage
        from newsdesk.newsletters.blocks import NewsletterSignupBlock

        ArticlePage.add_body_block("newsletter_signup", NewsletterSignupBlock())
        from newsdesk.newsletters import (  # noqa: F401  (registers them)
            checks,
            signals,
            subscriber_import,  # noqa: F401  (an import kind)
        )
