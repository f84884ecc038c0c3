"""The demo's steps are tested through the pages they fill, which the page cache (local memory)
would serve from an earlier test: ids, and so URLs, repeat between tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
