"""Every cache lifetime comes from settings, through newsdesk.serving.lifetimes."""

import re

import pytest

from newsdesk.conftest import make_article
from newsdesk.testing import ROOT

pytestmark = pytest.mark.django_db(transaction=True)


def test_templates_cache_fragments_for_the_lifetime_settings_give():
    templates = list((ROOT / "newsdesk" / "templates").rglob("*.html"))
    tags = [tag for t in templates for tag in re.findall(r"{% cache (\S+)", t.read_text())]
    assert tags and set(tags) == {"lifetimes.fragment"}


def test_a_page_s_cache_headers_follow_the_settings(client, section, settings):
    settings.PAGE_CACHE_SECONDS = 123
    settings.PAGE_CACHE_STALE_SECONDS = 7
    response = client.get(make_article(section).url)
    assert "s-maxage=123, stale-while-revalidate=7" in response["Cache-Control"]
