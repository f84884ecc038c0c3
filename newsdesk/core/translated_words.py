"""A row's words in the other editions' languages, kept with the row.

Authors (name, role, bio) and images (alt text, caption) are shared by the editions: a
Ukrainian translation of an article keeps its photo and its authors. What differs between
editions is only their words, so each such model has a `translations` field, e.g.
{"uk": {"name": "Олена Марчук", "role": "..."}}, and pages print the words of the edition
being served, or the default language's where a translation is blank.

Ours rather than Wagtail's translatable models (`TranslatableMixin`): those are a row per
language, and a person's bylines, staff login and author page, or a photo's file, renditions
and uses, would be split between rows. The words come with the row, so printing them costs no
query more. The admin forms get a field per word and language (`words_form`), saved into
`translations`.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db import models

from newsdesk.core.editions import active_language


def other_languages():
    """(code, English name) of every edition but the default one, for the admin's labels
    ("Ukrainian"; settings.LANGUAGES has each name in its own language)."""
    return [(code, LANG_INFO.get(code, {}).get("name", code)) for code, _ in settings.LANGUAGES[1:]]


def translations_field():
    return models.JSONField(
        default=dict,
        blank=True,
        help_text="Words in the other editions' languages, by language code.",
    )


def in_language(instance, word, language=None):
    """`word` of `instance` as the edition of `language` (the one being served) prints it:
    its translation, or the default language's."""
    language = language or active_language()
    return (instance.translations or {}).get(language, {}).get(word) or getattr(instance, word)


def field_name(word, code):
    return f"{word}_{code}"


def words_form(base, words, name):
    """A subclass of the form class `base` with a field per word and other language (from
    `words`: {word: a function making its form field}), filled from and saved into the
    instance's `translations` (a translation left blank is removed)."""

    class WordsForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for code, _ in other_languages():
                saved = (self.instance.translations or {}).get(code, {})
                for word in words:
                    if field_name(word, code) in self.fields:
                        self.fields[field_name(word, code)].initial = saved.get(word, "")

        def save(self, commit=True):
            translations = dict(self.instance.translations or {})
            for code, _ in other_languages():
                given = {
                    word: (self.cleaned_data.get(field_name(word, code)) or "").strip()
                    for word in words
                    if field_name(word, code) in self.cleaned_data
                }
                given = {word: text for word, text in given.items() if text}
                if given:
                    translations[code] = given
                else:
                    translations.pop(code, None)
            self.instance.translations = translations
            return super().save(commit=commit)

    fields = {}
    for code, language in other_languages():
        for word, make_field in words.items():
            field = fields[field_name(word, code)] = make_field()
            field.label = f"{word.replace('_', ' ').capitalize()} ({language})"
    return type(base)(name, (WordsForm,), fields)


def words_in_every_language(instance, words):
    """Every translation of `words`, in one string: what search indexes for each edition."""
    return " ".join(
        saved.get(word, "") for saved in (instance.translations or {}).values() for word in words
    )
