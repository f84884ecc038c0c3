"""A query compiled to SQL once per process, then run with another value.

Django compiles a queryset to SQL every time it runs, and a query with joins and a subquery
costs more to compile than to answer: the article page's own row (its photo, locale, narration
and editions, newsdesk.articles.models.ArticlePage.reader_page) took half the time of a page
whose fragments are all cached. This compiles the queryset once, with a placeholder where the
value goes, and runs the same SQL with the value in its place, through Django's own ModelIterable
(select_related objects and annotations as usual). Only what the SQL says is kept; every run
reads the database afresh.
"""

import copy

from django.db import connections
from django.db.models.query import ModelIterable

PLACEHOLDER = "\x00compiled-query-placeholder\x00"


class CompiledQuery:
    def __init__(self, build, placeholder=PLACEHOLDER):
        """`build(value)`: the queryset for one value, a filter on it at one place;
        `placeholder`: a value of the filter's type that no query asks for (an integer for a
        primary key). The queryset's SQL must follow from the value alone: not from rows read
        while building it (Wagtail's `public()` lists the restricted pages' paths in it)."""
        self.build = build
        self.placeholder = placeholder
        self._compiled = {}

    def forget(self):
        self._compiled = {}

    def first(self, value):
        """The first row for `value`, or None."""
        return next(iter(self._rows(value, first=True)), None)

    def all(self, value):
        """Every row for `value` (the queryset's own slice, if it has one)."""
        return list(self._rows(value, first=False))

    def _rows(self, value, first):
        queryset, compiler, sql, params, index = self._compile(first)
        run = copy.copy(compiler)  # its select and klass_info, made once, are only read
        run.connection = connections[queryset.db]  # this thread's connection
        params = list(params)
        params[index] = value
        run.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        query = copy.copy(queryset.query)
        query.get_compiler = lambda *args, **kwargs: run
        # A new QuerySet (copying one would evaluate it: QuerySet.__getstate__).
        chained = type(queryset)(model=queryset.model, query=query, using=queryset._db)
        return ModelIterable(chained)

    def _compile(self, first):
        key = "first" if first else "all"
        found = self._compiled.get(key)
        if found is None:
            queryset = self.build(self.placeholder)
            if first:
                queryset = queryset[:1]
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            places = [i for i, param in enumerate(params) if param == self.placeholder]
            if len(places) != 1:
                raise ValueError("the value must be the query's parameter at one place")
            found = self._compiled[key] = (queryset, compiler, sql, params, places[0])
        return found
