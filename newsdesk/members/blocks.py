"""The support prompt editors place in an article's body (ArticlePage.add_body_block)."""

from wagtail import blocks


class SupportBlock(blocks.StructBlock):
    """A support prompt between paragraphs (members registers it: ArticlePage.add_body_block).
    Hidden for members."""

    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Leave empty for the default."
    )
    text = blocks.TextBlock(
        required=False, max_length=500, help_text="Leave empty for the default."
    )

    class Meta:
        icon = "pick"
        template = "members/blocks/support.html"
        label = "Support prompt"
        description = "Asks readers to become members or donate; members do not see it."
        preview_value = {"heading": "Independent journalism needs you"}
