"""Authors: one row a person, whichever editions they write for.

An author's name, role and biography in the other editions' languages are kept with the
person (`translations`, e.g. {"uk": {"name": "Олена Марчук", ...}}) rather than as Wagtail
translatable snippets: a translatable snippet is a row per language, and a person's bylines,
staff login and author page would be split between rows. Pages print the words of the edition
being served (`localized_name`...), falling back to the default language's; they come with
the row, so a byline costs no query more.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from newsdesk.core.editions import active_language

# The words of an author that editions translate, with their form fields.
WORDS = {
    "name": lambda: forms.CharField(max_length=120, required=False),
    "role": lambda: forms.CharField(max_length=120, required=False),
    "bio": lambda: forms.CharField(max_length=1000, required=False, widget=forms.Textarea),
}


def other_languages():
    return settings.LANGUAGES[1:]


class TranslatedWordsForm(WagtailAdminModelForm):
    """The author's form, with the name, role and biography for each other edition (blank:
    that edition prints the default language's); the fields are added below, per language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _ in other_languages():
            words = (self.instance.translations or {}).get(code, {})
            for word in WORDS:
                if f"{word}_{code}" in self.fields:
                    self.fields[f"{word}_{code}"].initial = words.get(word, "")

    def save(self, commit=True):
        translations = dict(self.instance.translations or {})
        for code, _ in other_languages():
            words = {
                word: self.cleaned_data.get(f"{word}_{code}", "").strip()
                for word in WORDS
                if f"{word}_{code}" in self.cleaned_data
            }
            words = {word: text for word, text in words.items() if text}
            if words:
                translations[code] = words
            else:
                translations.pop(code, None)
        self.instance.translations = translations
        return super().save(commit=commit)


AuthorForm = type(TranslatedWordsForm)(
    "AuthorForm",
    (TranslatedWordsForm,),
    {f"{word}_{code}": field() for code, _ in other_languages() for word, field in WORDS.items()}
    | {"__module__": __name__},
)


def translation_panels():
    return [
        MultiFieldPanel(
            [
                FieldPanel(f"name_{code}", heading="Name"),
                FieldPanel(f"role_{code}", heading="Role"),
                FieldPanel(f"bio_{code}", heading="Bio"),
            ],
            heading=f"In the {name} edition",
            help_text=f"As the {name} edition prints them; left blank, it prints the above.",
        )
        for code, name in other_languages()
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
    translations = models.JSONField(
        default=dict,
        blank=True,
        help_text="Name, role and bio in the other editions' languages, by language code.",
    )

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
        """`word` (name, role, bio) as the edition of `language` (the one being served) prints
        it: its translation, or the default language's."""
        language = language or active_language()
        return (self.translations or {}).get(language, {}).get(word) or getattr(self, word)

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
        return " ".join(
            words.get(word, "")
            for words in (self.translations or {}).values()
            for word in ("name", "role")
        )
