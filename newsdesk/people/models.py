"""Authors: one row a person, whichever editions they write for; their name, role and bio in
the other editions' languages kept with them (`newsdesk.core.translated_words`)."""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from newsdesk.core import translated_words

# The words of an author that editions translate, with their form fields.
WORDS = {
    "name": lambda: forms.CharField(max_length=120, required=False),
    "role": lambda: forms.CharField(max_length=120, required=False),
    "bio": lambda: forms.CharField(max_length=1000, required=False, widget=forms.Textarea),
}

AuthorForm = translated_words.words_form(WagtailAdminModelForm, WORDS, "AuthorForm")


def translation_panels():
    return [
        MultiFieldPanel(
            [
                FieldPanel(translated_words.field_name(word, code), heading=word.capitalize())
                for word in WORDS
            ],
            heading=f"In the {name} edition",
            help_text=f"As the {name} edition prints them; left blank, it prints the above.",
        )
        for code, name in translated_words.other_languages()
    ]


class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in the author page URL.")
    role = models.CharField(max_length=120, blank=True, help_text="e.g. Senior correspondent")
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(blank=True, max_length=1000, help_text="Two or three sentences.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The staff login of this author, if any.",
    )
    translations = translated_words.translations_field()

    base_form_class = AuthorForm

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
        *translation_panels(),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.SearchField("translated_words"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("author", kwargs={"slug": self.slug})

    def in_language(self, word, language=None):
        return translated_words.in_language(self, word, language)

    @property
    def localized_name(self):
        return self.in_language("name")

    @property
    def localized_role(self):
        return self.in_language("role")

    @property
    def localized_bio(self):
        return self.in_language("bio")

    def translated_words(self):
        """Every edition's name and role, so that each edition's search finds the author."""
        return translated_words.words_in_every_language(self, ("name", "role"))
