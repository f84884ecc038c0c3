"""StreamField blocks any page can use. Article-specific blocks live in articles.blocks."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

BODY_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=BODY_RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph.html"
        description = "A paragraph of body text."
        preview_value = (
            "<p>Repair crews restored power to most of the district by evening, "
            "the regional grid operator said.</p>"
        )


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        description = "A subheading that splits a long article into parts."
        preview_value = "What happens next"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, help_text="Who said it, and their role.")

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        description = "A pull quote with the name of the person quoted."
        preview_value = {
            "text": "We rebuilt the substation twice this winter. We will do it again.",
            "attribution": "Ihor Tkachenko, shift engineer",
        }


class FirstImageChooserBlock(ImageChooserBlock):
    def get_preview_value(self):
        return get_image_model().objects.order_by("-created_at").first()


class ImageBlock(blocks.StructBlock):
    image = FirstImageChooserBlock()
    caption = blocks.CharBlock(required=False, help_text="Leave empty to use the image's caption.")
    credit = blocks.CharBlock(required=False, help_text="Leave empty to use the image's credit.")

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"
        description = "A photo inside the article, with caption and credit."


class NewsEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "components/blocks/embed.html"
        description = "A video or post from another site, by its URL."
        preview_value = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
