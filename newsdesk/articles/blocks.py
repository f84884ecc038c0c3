from wagtail import blocks

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


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    related_story = RelatedStoryBlock()
    embed = NewsEmbedBlock()

    class Meta:
        block_counts = {"heading": {"max_num": 30}}
