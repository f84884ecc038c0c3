from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from newsdesk.core.blocks import (
    HeadingBlock,
    ImageBlock,
    NewsEmbedBlock,
    ParagraphBlock,
    QuoteBlock,
)


class RelatedStoryBlock(blocks.PageChooserBlock):
    """A card linking to another article: its headline and the start of its standfirst."""

    def __init__(self, **kwargs):
        super().__init__(page_type="articles.ArticlePage", **kwargs)

    def get_preview_value(self):
        return self.target_model.objects.live().order_by("-published_at").first()

    class Meta:
        icon = "link"
        template = "components/blocks/related_story.html"
        description = "A card linking to another article, placed between paragraphs."


class NewsletterSignupBlock(blocks.StructBlock):
    """A sign-up form in an article's body. It lives here, not in newsletters, because articles
    sit below newsletters: the chooser names the newsletter model as a snippet type, which Wagtail
    resolves when the editor opens it, and the template renders newsletters' own form tag."""

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


class SupportBlock(blocks.StructBlock):
    """A support prompt between paragraphs. Here, like the sign-up block, because articles sit
    below members: the template renders members' own prompt tag. Hidden for members."""

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


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    related_story = RelatedStoryBlock()
    embed = NewsEmbedBlock()
    newsletter_signup = NewsletterSignupBlock()
    support = SupportBlock()

    class Meta:
        block_counts = {"heading": {"max_num": 30}}
