"""The image form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, with the alt text and caption for
each other edition (newsdesk.core.translated_words)."""

from django import forms
from wagtail.images.forms import BaseImageForm

from newsdesk.core import translated_words

WORDS = {
    "alt_text": lambda: forms.CharField(
        max_length=300,
        required=False,
        help_text="What the picture shows, in this edition's language; blank: the alt text above.",
    ),
    "caption": lambda: forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2})),
}

NewsImageForm = translated_words.words_form(BaseImageForm, WORDS, "NewsImageForm")
