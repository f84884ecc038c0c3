"""The import graph keeps the shape README's "How it is built" draws."""

from pathlib import Path

from newsdesk.testing.architecture import LAYERS, check

PACKAGE = Path(__file__).resolve().parents[2]
FAKE_LAYERS = {"core": 0, "articles": 1, "livefeed": 2, "discovery": 2}


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def fake_site(tmp_path, extra=None):
    """A tiny app tree that keeps every rule, plus `extra` files (relative path: source)."""
    root = tmp_path / "site"
    write(
        root,
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/models.py": "class Base: ...\n",
            "articles/__init__.py": "",
            "articles/models.py": (
                "from django.db import models\n"
                "from site.core.models import Base\n\n"
                "class Article(Base):\n"
                "    author = models.ForeignKey('core.Person', on_delete=models.CASCADE)\n"
            ),
            "livefeed/__init__.py": "",
            "livefeed/models.py": "from site.articles.models import Article\n",
            "livefeed/tests/__init__.py": "",
            "livefeed/tests/test_it.py": "from site.discovery import views\n",
            "livefeed/migrations/__init__.py": "",
            "livefeed/migrations/0001_initial.py": (
                "def forwards(apps, schema_editor):\n    apps.get_model('articles', 'Article')\n"
            ),
            "discovery/__init__.py": "",
            "discovery/views.py": "from . import search\n",
            "discovery/search.py": "from site.articles import models\n",
            **(extra or {}),
        },
    )
    return root


def test_the_project_keeps_the_rules():
    findings = check(PACKAGE)
    assert not findings, "\n".join(findings)


def test_every_app_has_a_floor():
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    assert apps <= set(LAYERS), apps - set(LAYERS)


def test_it_passes_a_tree_that_keeps_the_rules(tmp_path):
    assert check(fake_site(tmp_path), FAKE_LAYERS) == []


def test_it_fails_on_an_upward_import(tmp_path):
    root = fake_site(tmp_path, {"core/signals.py": "from site.articles.models import Article\n"})

    assert check(root, FAKE_LAYERS) == ["upward import: site.core.signals -> site.articles.models"]


def test_it_fails_on_an_import_between_peers_even_inside_a_function(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "discovery/feeds.py": "def items():\n    from site.livefeed.models import Article\n",
        },
    )

    assert check(root, FAKE_LAYERS) == [
        "side import between peers: site.discovery.feeds -> site.livefeed.models"
    ]


def test_it_fails_on_modules_importing_each_other(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "articles/services.py": "from site.articles import tasks\n",
            "articles/tasks.py": "def run():\n    from site.articles.services import go\n",
        },
    )

    assert check(root, FAKE_LAYERS) == [
        "import cycle: site.articles.services <-> site.articles.tasks"
    ]


def test_it_fails_on_a_longer_circle(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "core/a.py": "from site.core import b\n",
            "core/b.py": "from site.core import c\n",
            "core/c.py": "import site.core.a\n",
        },
    )

    assert check(root, FAKE_LAYERS) == ["import cycle: site.core.a <-> site.core.b <-> site.core.c"]


def test_it_fails_on_a_model_looked_up_by_name(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "discovery/search.py": (
                "from django.apps import apps\n\n"
                "def items():\n    return apps.get_model('livefeed', 'FeedItem').objects.all()\n"
            ),
            "articles/feeds.py": (
                "from django.apps import apps\nITEM = apps.get_model('livefeed.Item')\n"
            ),
        },
    )

    assert check(root, FAKE_LAYERS) == [
        "model looked up by name across apps: site.articles.feeds -> livefeed",
        "model looked up by name across apps: site.discovery.search -> livefeed",
    ]


def test_it_fails_on_a_relation_to_an_upper_app_by_name(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "articles/links.py": (
                "from django.db import models\n\n"
                "class Link(models.Model):\n"
                "    item = models.ForeignKey('livefeed.FeedItem', on_delete=models.CASCADE)\n"
            ),
        },
    )

    assert check(root, FAKE_LAYERS) == [
        "ForeignKey to an upper or peer app by name: site.articles.links -> livefeed"
    ]


def test_it_fails_on_page_types_and_choosers_naming_an_upper_app(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "articles/pages.py": (
                "from wagtail import blocks\n\n"
                "class Section:\n"
                "    parent_page_types = ['wagtailcore.Page', 'livefeed.FeedPage']\n"
                "    subpage_types = ['articles.Article']\n\n"
                "class Signup(blocks.StructBlock):\n"
                "    feed = SnippetChooserBlock('livefeed.FeedItem')\n"
                "    page = blocks.PageChooserBlock(page_type=['discovery.SearchPage'])\n"
            ),
        },
    )

    assert sorted(check(root, FAKE_LAYERS)) == [
        "PageChooserBlock to an upper or peer app by name: site.articles.pages -> discovery",
        "SnippetChooserBlock to an upper or peer app by name: site.articles.pages -> livefeed",
        "parent_page_types to an upper or peer app by name: site.articles.pages -> livefeed",
    ]


def test_a_migration_may_not_look_up_an_upper_app(tmp_path):
    root = fake_site(
        tmp_path,
        {
            "articles/migrations/__init__.py": "",
            "articles/migrations/0002_x.py": (
                "def f(apps, s):\n    apps.get_model('livefeed.Item')\n"
            ),
        },
    )

    assert check(root, FAKE_LAYERS) == [
        "model looked up by name across apps: site.articles.migrations.0002_x -> livefeed"
    ]
