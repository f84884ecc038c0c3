"""The sign-up form editors place in an article's body (ArticlePage.add_body_block)."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class NewsletterSignupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=100, help_text="Leave empty for “Get our newsletters”."
    )
    newsletter = SnippetChooserBlock(
        "newsletters.Newsletter",
        required=False,
        help_text="Leave empty to let readers choose among all newsletters.",
    )

    class Meta:
        icon = "mail"
        template = "newsletters/blocks/signup.html"
        label = "Newsletter sign-up"
        description = "A newsletter sign-up form: one newsletter, or a choice of all of them."
        preview_value = {"heading": "Get our newsletters"}
