"""Wagtail's database search backend, with a ranking that puts headline matches first.

Used as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]`. Indexing, filtering and querying are
Wagtail's (modelsearch's); only the relevance score changes:

- SQLite FTS5: the stock score weighs every column alike, so an article that repeats a word in
  its body outranks the one with the word in its headline. Here the title column weighs ten times
  the body column.
- PostgreSQL: the stock score scales the title rank by the title's length relative to the average
  and maps boosts to weights only 2x apart, so long headlines lose to busy bodies. Here the
  title rank is not scaled and the weights are far apart: a headline match (weight A) scores at
  least 0.6, a standfirst match (B) at most 0.4 and a body match (D) at most 0.1.
"""

import functools

from django.db import connection
from django.db.models import F, FloatField, Func
from modelsearch.backends import database
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.conf import get_app_config

# ts_rank's weights in its order: D, C, B, A.
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# FTS5 bm25() weights per column of the index table, in its order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class WeightedBM25(Func):
    """FTS5's bm25() with a weight per column (negative: the lower, the better the match)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
        return f"bm25({table}, {weights})", []


class HeadlineFirstPostgresCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_weights = POSTGRES_WEIGHTS

    def get_index_vectors(self, search_query):
        return [(F("index_entries__title"), 1.0), (F("index_entries__body"), 1.0)]


@functools.cache
def headline_first_sqlite_compiler():
    # Imported here: the SQLite module looks up a model that exists only on SQLite.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    class HeadlineFirstSQLiteCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            # One bm25() scores the whole MATCH expression across all columns.
            return WeightedBM25()

    return HeadlineFirstSQLiteCompiler


def SearchBackend(params):  # noqa: N802 (modelsearch looks the backend up by this name)
    backend = database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        backend.query_compiler_class = HeadlineFirstPostgresCompiler
    elif connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        backend.query_compiler_class = headline_first_sqlite_compiler()
    return backend
