"""The cache backends: Redis with one client per process, fragments kept in memory first."""

import pytest

from newsdesk.conftest import make_article


@pytest.fixture
def production_caches(redis_cache):
    return redis_cache


def test_the_redis_cache_reuses_one_client(production_caches):
    redis = production_caches["default"]
    redis.set_many({"a": 1, "b": {"page": "x"}})
    assert redis.get_many(["a", "b", "c"]) == {"a": 1, "b": {"page": "x"}}
    assert redis.incr("a") == 2
    assert redis._cache.get_client() is redis._cache.get_client(write=True)


def test_fragments_are_read_from_memory_once_read_from_the_shared_cache(production_caches):
    fragments, shared = production_caches["template_fragments"], production_caches["default"]
    shared.set("fragment:v1", "<p>one</p>")
    assert fragments.get("fragment:v1") == "<p>one</p>"
    shared.delete("fragment:v1")  # evicted from Redis: this process still has its copy
    assert fragments.get("fragment:v1") == "<p>one</p>"
    fragments.set("fragment:v2", "<p>two</p>", 60)  # rendered here: stored in both
    assert shared.get("fragment:v2") == "<p>two</p>"
    assert fragments.get("missing", "default") == "default"
    assert fragments.add("fragment:v2", "other") is False
    assert fragments.get("fragment:v2") == "<p>two</p>"


@pytest.mark.django_db
def test_a_published_change_shows_through_fragments_kept_in_memory(
    production_caches, client, section, settings
):
    settings.PAGE_CACHE_ENABLED = False  # every request renders, from its fragments
    article = make_article(section, title="The first headline")
    assert "The first headline" in client.get(article.url).text
    assert "The first headline" in client.get(article.url).text  # fragments from memory
    revision = article.get_latest_revision_as_object()
    revision.title = "The corrected headline"
    revision.save_revision().publish()
    page = client.get(article.url).text
    assert "The corrected headline" in page and "The first headline" not in page
