"""Wagtail's database search backend, ranking headline matches first and fast on PostgreSQL.

Used as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]`. Indexing and the index itself are
Wagtail's (modelsearch's); what changes is how a search is scored and, on PostgreSQL, how it is
joined to the searched rows.

Scoring:
- SQLite FTS5: the stock score weighs every column alike, so an article that repeats a word in
  its body outranks the one with the word in its headline. Here the title column weighs ten times
  the body column.
- PostgreSQL: the stock score scales the title rank by the title's length relative to the average
  and maps boosts to weights only 2x apart, so long headlines lose to busy bodies. Here the title
  rank is not scaled and the weights are far apart: a headline match (weight A) scores at least
  0.6, a standfirst match (B) at most 0.4 and a body match (D) at most 0.1.

PostgreSQL plans (measured on 100,000 articles, see docs/performance.md):
- The stock query joins the index to the searched table on `object_id = id::text`, which no index
  on the searched table serves, so every search reads that whole table. Here the matching index
  rows come first (from the GIN index on `title || body`, see migration 0001) and the searched
  rows are fetched by primary key; the score is read for those rows only.
- When more than DENSE_MATCHES documents match and the order is not relevance (newest first),
  the stock join is kept: the database walks the order's index and checks each row's match
  (about 20 µs each: the document's vector is decompressed), which stops after one page. Below
  that, fetching every match by key and sorting them is cheaper.

Editions (PostgreSQL): each edition's words are stemmed by its own text search configuration,
`SEARCH_CONFIGS` ({language: configuration}, from settings' SEARCH_CONFIG): `english` for the
English edition, `simple` for the Ukrainian one (PostgreSQL ships no Ukrainian dictionary; see
the README). modelsearch takes one configuration (`SEARCH_CONFIG`) for everything, read in two
places: the indexer reads `backend.config` for each object, a search asks its compiler's
`get_config()`. So the index here groups the objects it adds by the language of their `locale`
and adds each group with that language's configuration (stock `add_items`, given a view of the
backend with another `config`), and the compiler answers the configuration of the edition
being served for models that have a locale. Objects without one (authors, images) keep
`SEARCH_CONFIG`, the default edition's, when indexed and searched alike. The admin searches
the pages of every edition with its own language's configuration: `english` and `simple` read
Cyrillic words alike, but an English word in a Ukrainian page is found only as written there.
SQLite's FTS5 has no stemming: it searches every edition as before.
"""

import copy
import functools
from collections import defaultdict
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.db.models import F, FloatField, Func, OuterRef, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.conf import get_app_config
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from newsdesk.core.editions import active_language

# ts_rank's weights in its order: D, C, B, A.
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# FTS5 bm25() weights per column of the index table, in its order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 10.0)
# Above this many matching documents, a search in another order than relevance walks that order.
DENSE_MATCHES = 2000
INTEGER_KEYS = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}


class WeightedBM25(Func):
    """FTS5's bm25() with a weight per column (negative: the lower, the better the match)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
        return f"bm25({table}, {weights})", []


def matching_entries(model, tsquery):
    IndexEntry = get_app_config().get_model("IndexEntry")
    return (
        IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
        .annotate(document=CombinedExpression(F("title"), "||", F("body")))
        .filter(document=tsquery)
    )


def count_entries(entries, limit):
    """How many of `entries` exist, counting up to `limit`, read from the GIN index.

    The planner does not know that checking a match row by row means decompressing each
    document's vector (about 20 µs), so for frequent words it would walk the table instead.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        try:
            return entries.values("pk")[:limit].count()
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan")


def without_phrases(query):
    """`query` with every phrase replaced by all of its words, in any order."""
    if isinstance(query, Phrase):
        return PlainText(query.query_string, operator="and")
    if isinstance(query, (And, Or)):
        return type(query)([without_phrases(subquery) for subquery in query.subqueries])
    return query


def integer_key(model):
    key = model._meta.pk
    while key.is_relation:
        key = key.target_field
    return key.get_internal_type() in INTEGER_KEYS


def has_locale(model):
    """Whether `model`'s rows belong to an edition (a `locale` of Wagtail's)."""
    try:
        field = model._meta.get_field("locale")
    except FieldDoesNotExist:
        return False
    return field.is_relation and field.related_model is Locale


def edition_config(backend, language):
    return backend.configs.get(language, backend.config)


class EditionIndex(PostgresIndex):
    """Indexes each object with the text search configuration of its edition's language."""

    def add_items(self, model, objs):
        if not has_locale(model) or not self.backend.configs:
            return super().add_items(model, objs)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            groups[edition_config(self.backend, languages.get(obj.locale_id))].append(obj)
        for config, group in groups.items():
            # The stock indexer reads these two attributes of the backend, nothing else.
            backend = SimpleNamespace(
                config=config, autocomplete_config=self.backend.autocomplete_config
            )
            edition_index = copy.copy(self)
            edition_index.backend = backend
            PostgresIndex.add_items(edition_index, model, group)
        return None


class HeadlineFirstPostgresCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_weights = POSTGRES_WEIGHTS

    def get_config(self, backend):
        """The configuration of the edition being served, for rows that belong to one (they
        were indexed with their edition's, EditionIndex)."""
        if has_locale(self.queryset.model):
            return edition_config(backend, active_language())
        return backend.config

    def get_index_vectors(self, search_query):
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]

    def count_matches(self, limit, config=None):
        # Phrases are counted as their words: checking word positions decompresses every
        # candidate's vector, and this count only measures how common the words are.
        tsquery = self.build_tsquery(without_phrases(self.query), config=config)
        return count_entries(matching_entries(self.queryset.model, tsquery), limit)

    def search(self, config, start, stop, score_field=None, backend=None):
        stock = (
            self.fields is not None
            or isinstance(self.query, (MatchAll, Fuzzy, Not))
            or not integer_key(self.queryset.model)
        )
        if stock or (
            not self.order_by_relevance
            and self.count_matches(DENSE_MATCHES + 1, config) > DENSE_MATCHES
        ):
            return super().search(config, start, stop, score_field, backend)
        entries = matching_entries(self.queryset.model, self.build_tsquery(self.query, config))
        ids = entries.annotate(key=Cast("object_id", models.BigIntegerField())).values("key")
        queryset = self.queryset.filter(pk__in=ids)
        if self.order_by_relevance:
            rank = self._build_rank_expression([(F("title"), 1.0), (F("body"), 1.0)], config)
            own_entry = entries.filter(object_id=Cast(OuterRef("pk"), models.CharField()))
            score = Subquery(own_entry.annotate(rank=rank).values("rank")[:1], FloatField())
            queryset = queryset.annotate(_search_rank=score).order_by("-_search_rank", "-pk")
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: F("_search_rank")})
        else:
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: F("pk")})
        return queryset[start:stop]


@functools.cache
def headline_first_sqlite_compiler():
    # Imported here: the SQLite module looks up a model that exists only on SQLite.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    class HeadlineFirstSQLiteCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            # One bm25() scores the whole MATCH expression across all columns.
            return WeightedBM25()

        def count_matches(self, limit, config=None):
            return self.search(config, 0, limit).count()

    return HeadlineFirstSQLiteCompiler


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    backend = database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        backend.query_compiler_class = HeadlineFirstPostgresCompiler
        backend.index_class = EditionIndex
        backend.configs = params.get("SEARCH_CONFIGS", {})
    elif connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        backend.query_compiler_class = headline_first_sqlite_compiler()
    return backend


def count_matches(query, model, limit):
    """How many objects of `model` match the search `query`, counting up to `limit`.

    Only the index is read: filters on the objects themselves (live, section, dates) are not
    applied. A cheap measure of how common the words are.
    """
    backend = get_search_backend()
    compiler = backend.query_compiler_class(model.objects.all(), query, order_by_relevance=False)
    return compiler.count_matches(limit, compiler.get_config(backend))
