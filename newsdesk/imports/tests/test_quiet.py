"""An import is not an editor publishing thousands of stories one by one: no narration (but from
--narrate-since), no news feed items or mail, one purge at the end; the search index follows."""

import logging

import pytest

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import use_task_backend
from newsdesk.core.models import NewsImage
from newsdesk.imports.tests.conftest import FIXTURES, last_run, run_command
from newsdesk.livefeed.models import FeedItem
from newsdesk.narration.models import Narration

pytestmark = pytest.mark.django_db
COURIER = FIXTURES / "courier.xml"


def test_the_caches_are_purged_once_and_nothing_is_posted_or_sent(
    uploads, caplog, mailoutbox, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG, logger="newsdesk.pagecache")
    with django_capture_on_commit_callbacks(execute=True):
        run_command("import_wordpress", COURIER, "--media-dir", uploads)
    purges = [record for record in caplog.records if record.getMessage().startswith("purged")]
    assert len(purges) == 1
    paths = purges[0].paths
    assert {"/", "/weather/", "/weather/river-rises/", "/council/bridge-closed/"} <= set(paths)
    assert {"/feeds/latest/", "/sitemap.xml", "/authors/mara-kowalczyk/"} <= set(paths)
    assert not FeedItem.objects.exists() and mailoutbox == []


@pytest.fixture
def narration_on(settings):
    settings.NARRATION_ON_PUBLISH = True  # what publishing would do: an import must not
    use_task_backend(settings, "dummy")


def test_imported_articles_are_not_narrated(uploads, narration_on):
    run_command("import_wordpress", COURIER, "--media-dir", uploads)
    assert ArticlePage.objects.live().count() == 3
    assert not Narration.objects.exists()


def test_narration_is_queued_only_for_articles_since_the_date_given(uploads, narration_on):
    run_command(
        "import_wordpress", COURIER, "--media-dir", uploads, "--narrate-since", "2024-03-06"
    )
    assert [n.article.title for n in Narration.objects.all()] == ["Bridge closed after inspection"]
    assert Narration.objects.get().status == Narration.Status.QUEUED


def test_narrate_since_on_a_second_run_narrates_without_changing_articles(uploads, narration_on):
    run_command("import_wordpress", COURIER, "--media-dir", uploads)
    since = ["--narrate-since", "2024-03-01"]
    run_command("import_wordpress", COURIER, "--media-dir", uploads, *since)
    assert last_run().report["counts"]["post"] == {"unchanged": 6, "skipped": 1}
    titles = sorted(n.article.title for n in Narration.objects.all())
    assert titles == ["Bridge closed after inspection", "River rises past the old mill"]


def test_imported_articles_and_pictures_are_found_by_search(uploads):
    run_command("import_wordpress", COURIER, "--media-dir", uploads)
    found = ArticlePage.objects.live().search("sandbags")
    assert [page.title for page in found] == ["River rises past the old mill"]
    assert [image.title for image in NewsImage.objects.search("wheel")] == ["Mill wheel"]
