"""Real WordPress exports written by others (../shared/import-samples, or IMPORT_SAMPLES_DIR):
every one imports, and sample.xml does what acceptance 1 of the issue asks on the demo site."""

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import call_command

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.models import ImportItem, ImportRun
from newsdesk.imports.tests.conftest import last_run, picture, run_command
from newsdesk.testing import ROOT

pytestmark = pytest.mark.django_db
SAMPLES = Path(os.environ.get("IMPORT_SAMPLES_DIR", ROOT.parent / "shared" / "import-samples"))
WORDPRESS = SAMPLES / "wordpress"
ATTACHMENT_URL = re.compile(
    r"<wp:attachment_url>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</wp:attachment_url>"
)


def wordpress_samples():
    assert WORDPRESS.is_dir(), f"No {WORDPRESS}: set IMPORT_SAMPLES_DIR to the samples folder."
    return sorted(WORDPRESS.glob("*.xml"))


def uploads_for(export, folder):
    """A media folder holding a picture for every attachment of `export`, where a copy of the
    site's uploads folder would have it."""
    folder.mkdir(parents=True)
    for number, url in enumerate(ATTACHMENT_URL.findall(export.read_text())):
        path = unquote(urlsplit(url.replace("&amp;", "&")).path)
        relative = path.split("/wp-content/uploads/", 1)[-1].lstrip("/")
        picture(folder / relative, color=(number * 40 % 255, 90, 150))
    return folder


def test_every_sample_imports_and_a_second_run_changes_nothing(tmp_path):
    for export in wordpress_samples():
        media = uploads_for(export, tmp_path / export.stem)
        run_command("import_wordpress", export, "--media-dir", media)
        run = last_run()
        assert run.status == ImportRun.Status.FINISHED, (export.name, run.error)
        assert not run.items.filter(outcome="failed").exists(), export.name
        run_command("import_wordpress", export, "--media-dir", media)
        counts = last_run().report["counts"].get("post", {})
        assert not counts.get("created") and not counts.get("updated"), (export.name, counts)
    assert ArticlePage.objects.filter(title="My Podcast Episode", live=True).exists()
    described = ArticlePage.objects.get(title="Post with Described Image")
    assert described.lead_caption == "The caption from the attachment description."


def test_sample_on_the_demo_site(client, tmp_path):
    call_command("load_demo", verbosity=0)
    export = WORDPRESS / "sample.xml"
    media = uploads_for(export, tmp_path / "uploads")
    run_command("import_wordpress", export, "--media-dir", media)

    basic = ArticlePage.objects.get(title="Basic Post")
    another = ArticlePage.objects.get(title="Another Post")
    for article, date in ((basic, "2013-06-07"), (another, "2012-06-07")):
        page = client.get(article.url)  # an anonymous reader
        html = page.content.decode()
        assert page.status_code == 200
        assert ">Hermione Granger</a>" in html
        assert f'<time datetime="{date}' in html
        assert 'class="article__lead"' in html and "<img" in html
        assert '<span class="caption">exc-5134cbefe4b0c6fb04df8065</span>' in html
    for old, article in (("/blog/basic-post.html", basic), ("/?p=4", basic),
                         ("/blog/another-post.html", another), ("/?p=14", another)):  # fmt: skip
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, article.url)
    draft = ArticlePage.objects.get(title="Draft Post")
    assert not draft.live and client.get(draft.url).status_code == 404

    output = run_command("import_wordpress", export, "--media-dir", media)
    counts = last_run().report["counts"]["post"]
    assert counts == {"unchanged": 3} and "articles: 3 unchanged" in output
    changed = ImportItem.objects.filter(run=last_run(), outcome__in=["created", "updated"])
    assert not changed.exists()
