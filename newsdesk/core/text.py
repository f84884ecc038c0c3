"""Text without control characters: removed when content is saved and again when XML is written.

Text pasted from Word carries vertical tabs (its line breaks) and other control characters that
no reader sees and XML 1.0 forbids: one in a headline made Django's feed writer refuse every feed
and the podcast, and the news sitemap invalid XML. Every text field of Newsdesk's own models is
cleaned before it is saved (one receiver of pre_save, so no model and no import path can forget
it), and the feeds and sitemaps clean what they write, for rows saved before this existed.
"""

import re

from django.db import models
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.fields import StreamField

# Breaks (vertical tab, form feed, next line) become spaces; other C0 and C1 controls, lone
# surrogates and the two non-characters XML excludes go. Tab, line feed and carriage return stay.
BREAKS = re.compile("[\x0b\x0c\x85]")
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value):
    """`value` without control characters; lists, tuples and dicts are cleaned throughout and
    anything that is not text is returned as it is."""
    if isinstance(value, str):
        if CONTROLS.search(value) is None:
            return value
        return CONTROLS.sub("", BREAKS.sub(" ", value))
    if type(value) in (list, tuple):
        return type(value)(clean_text(item) for item in value)
    if isinstance(value, dict):
        return {key: clean_text(item) for key, item in value.items()}
    return value


def clean_instance(instance):
    """Clean the text fields of one of Newsdesk's own models before it is saved (fields left
    deferred are not loaded for it)."""
    app = instance._meta.app_config  # None for the migration recorder and historical models
    if app is None or not app.name.startswith("newsdesk."):
        return
    deferred = instance.get_deferred_fields()
    for field in instance._meta.concrete_fields:
        if field.attname in deferred:
            continue
        if isinstance(field, StreamField):
            value = field.get_prep_value(field.value_from_object(instance))
        elif isinstance(field, models.CharField | models.TextField):
            value = field.value_from_object(instance)
        else:
            continue
        cleaned = clean_text(value)
        if cleaned != value:
            setattr(instance, field.attname, cleaned)


class CleanFeed:
    """A mixin for django.utils.feedgenerator feeds: everything given to the feed is cleaned, as
    Django's XML writer refuses the whole feed over one control character."""

    def __init__(self, *args, **kwargs):
        super().__init__(*clean_text(args), **clean_text(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*clean_text(args), **clean_text(kwargs))


class CleanRssFeed(CleanFeed, Rss201rev2Feed):
    pass
