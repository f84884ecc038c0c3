from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsdesk.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsdesk.articles.models import ArticlePage
        from newsdesk.core import personal_data
        from newsdesk.newsletters.blocks import NewsletterSignupBlock

        ArticlePage.add_body_block("newsletter_signup", NewsletterSignupBlock())
        from newsdesk.newsletters import (  # noqa: F401  (registers them)
            checks,
            services,
            signals,
            subscriber_import,  # noqa: F401  (an import kind)
        )

        personal_data.register(
            personal_data.Holder(
                name="Newsletters",
                describe=services.subscriptions_of,
                delete=services.forget_address,
                move=services.move_address,
                membership=services.follow_membership,
            )
        )
