"""Where the search page finds more than articles and authors: apps above articles (the live
feed) register a source here, in their AppConfig.ready(), so that the search app never imports
them or looks their models up by name."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class SearchSource:
    """Short dated items readers can find by their words.

    `visible` returns what readers may see (an indexed model's queryset whose search index
    declares the fields it filters on); each item has `text` (HTML), `published_at` and
    `get_absolute_url()`.
    """

    name: str
    visible: Callable[[], QuerySet]


_sources = {}


def register(source):
    """Add `source`, or replace the one of the same name (ready() may run twice in tests)."""
    _sources[source.name] = source


def sources():
    return list(_sources.values())
