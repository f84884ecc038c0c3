"""Fixtures shared by every app's tests: a newsroom to publish into, staff users, a browser."""

import contextlib
import importlib
import itertools
import os
import re
import uuid
from io import BytesIO

import django_tasks
import pytest
from asgiref.local import Local
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.tasks import task_backends
from django.test import override_settings
from django.utils import translation
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.models import Collection, Locale, Page

from newsdesk.articles.models import ArticleAuthor, ArticlePage, Correction, SectionPage
from newsdesk.core.editions import ensure_locales
from newsdesk.core.models import NewsImage
from newsdesk.frontpage.models import HomePage
from newsdesk.people.models import Author

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The Redis server and database that tests running on Redis use; every such test empties it.
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ARTIFACTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "test-artifacts")
_counter = itertools.count(1)


def pytest_addoption(parser):
    parser.addoption(
        "--processes",
        choices=["none", "only"],
        help="none: only the tests that run inside pytest's processes (they may run two at a "
        "time); only: only those that start servers and workers (marked `worker`). "
        "`make test` runs the first part, then the second.",
    )


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    kept = items
    if connection.vendor != "postgresql":
        # Checks of PostgreSQL's own features run in the PostgreSQL suite (.ci/run runs both).
        kept = [item for item in kept if item.get_closest_marker("postgresql") is None]
    part = config.getoption("--processes")
    if part is not None:
        wanted = part == "only"
        kept = [item for item in kept if (item.get_closest_marker("worker") is not None) == wanted]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@receiver(setting_changed)
def _reset_task_backends(setting, **kwargs):
    # Django caches task backends and does not reset them when TASKS changes in a test.
    # Wagtail's and modelsearch's tasks still go through the older `django_tasks` package, whose
    # handler caches its backends separately: reset both.
    if setting == "TASKS":
        for handler in (task_backends, django_tasks.task_backends):
            handler.__dict__.pop("settings", None)
            handler._connections = Local(handler.thread_critical)


def use_task_backend(settings, backend):
    """Switch the task backend for one test: "immediate", "dummy" (queue only) or "database"."""
    paths = {
        "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        "dummy": "django.tasks.backends.dummy.DummyBackend",
        "database": "django_tasks_db.DatabaseBackend",
    }
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": paths[backend]}}


@pytest.fixture(autouse=True)
def _baseline_after_flush(request):
    """Transactional tests end with a flush, which takes the front page and groups that
    migrations created; put them back so every test starts from a freshly migrated site."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    elif marker or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    if not HomePage.objects.exists():
        restore_migrated_data()


def restore_migrated_data():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # the flush recreated content types under new ids
    locale, _ = Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    ensure_locales()
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    for name in (
        "frontpage.migrations.0002_create_front_page",
        "accounts.migrations.0003_editorial_groups",
        "livefeed.migrations.0002_editorial_permissions",
        "livefeed.migrations.0004_editors_publish",
        "newsletters.migrations.0002_editorial_permissions",
        "narration.migrations.0002_editorial_permissions",
        "articles.migrations.0005_editors_translate",
    ):
        migration = importlib.import_module(f"newsdesk.{name}")
        for operation in migration.Migration.operations:
            operation.code(apps, None)


@pytest.fixture(scope="session", autouse=True)
def _session_cache():
    """A shared cache of this test session's own, as it has a database of its own: a SQLite file
    in /tmp named after the session's process, as the SQLite test database is (or, when
    REDIS_URL is set, keys under a prefix of its own). The servers, workers and commands that
    tests start get the same through newsdesk.testing.subprocess_env."""
    default = dict(django_settings.CACHES["default"])
    path = f"/tmp/newsdesk-test-{os.getpid()}-cache.sqlite3"
    if default["BACKEND"] == "newsdesk.serving.sqlite_cache.SQLiteCache":
        default["LOCATION"] = path
    default["KEY_PREFIX"] = f"newsdesk-test-{os.getpid()}"
    with override_settings(CACHES={**django_settings.CACHES, "default": default}):
        yield
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)


@pytest.fixture
def redis_cache(settings):
    """The caches as production sets them (REDIS_URL): Redis at TEST_REDIS_URL (which each test
    empties), and fragments in memory before it."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "newsdesk.serving.redis_cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
        "template_fragments": {
            "BACKEND": "newsdesk.serving.fragments.FragmentCache",
            "LOCATION": prefix,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 100},
        },
    }
    caches["template_fragments"].clear()
    yield caches
    caches["template_fragments"].clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with empty caches: no page, fragment, site, rate-limit count or word
    about the database's reachability carries over."""
    from newsdesk.core import outage
    from newsdesk.serving import sites
    from newsdesk.serving.hot import hot_copies

    for cache in caches.all():
        cache.clear()
    hot_copies.clear()
    sites.clear()
    outage.forget()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language. The edition middleware activates a page's
    language in the thread that serves it, as Django's LocaleMiddleware does, and the test
    client serves in the test's own thread: after a request for /uk/, code called outside a
    request (an import, a URL built for a subscriber) would otherwise run in Ukrainian."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    settings.MEDIA_ROOT = str(tmp_path_factory.getbasetemp() / "media")


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code=django_settings.LANGUAGE_CODE)


@pytest.fixture
def uk_home(home):
    """The Ukrainian edition's front page: a live translation of the English one."""
    page = home.copy_for_translation(Locale.objects.get(language_code="uk"))
    page.title = "Меридіанський вісник"
    page.save_revision().publish()
    return HomePage.objects.get(pk=page.pk)


@pytest.fixture
def uk_section(uk_home, section):
    """The Ukrainian translation of `section`, with its own name and slug."""
    page = section.copy_for_translation(uk_home.locale)
    page.title, page.slug = "Новини", "novyny"
    page.save_revision().publish()
    return SectionPage.objects.get(pk=page.pk)


@pytest.fixture
def section(home):
    return make_section(home, "News")


def make_section(home, title, slug=None):
    section = SectionPage(title=title, slug=slug or slugify(title), show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_image(
    title="Kyiv skyline at dusk", caption="", photographer="", agency="", size=(1200, 675)
):
    picture = Image.new("RGB", size, (40, 60, 90))
    draw = ImageDraw.Draw(picture)
    n = next(_counter)
    draw.rectangle(
        (size[0] // 4, size[1] // 3, size[0] // 2, size[1]), fill=(200, 120 + n % 100, 60)
    )
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=70)
    image = NewsImage(
        title=title,
        alt_text=f"{title} (alt)",
        caption=caption,
        photographer=photographer,
        agency=agency,
        file=ImageFile(BytesIO(buffer.getvalue()), name=f"test-{n}.jpg"),
    )
    image.save()
    return image


@pytest.fixture
def image(db):
    return make_image(
        caption="Smoke rises over the left bank.", photographer="Ivan Petrenko", agency="Ledger"
    )


def make_author(name="Olena Marchuk", **fields):
    return Author.objects.create(name=name, slug=slugify(name), **fields)


@pytest.fixture
def author(db):
    return make_author(role="Senior correspondent", bio="Covers energy and the front line.")


def paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def make_article(
    section,
    title=None,
    standfirst="A short summary of what happened and why it matters.",
    body=None,
    authors=(),
    tags=(),
    corrections=(),
    publish=True,
    **fields,
):
    n = next(_counter)
    title = title or f"Article number {n}"
    article = ArticlePage(
        title=title,
        slug=f"{slugify(title)[:40]}-{n}",
        standfirst=standfirst,
        body=body if body is not None else paragraphs("First paragraph of the story."),
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    for order, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=order))
    article.tags.set(list(tags))
    for text in corrections:
        article.corrections.add(Correction(text=text))
    revision = article.save_revision()
    if publish:
        revision.publish()
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def article_factory(section):
    def factory(**kwargs):
        return make_article(kwargs.pop("section", section), **kwargs)

    return factory


PASSWORD = "correct-horse-battery"


def make_user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reporter(db, django_user_model):
    return make_user(django_user_model, "reporter", "Reporters")


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", "Editors")


@pytest.fixture
def no_page_cache(settings):
    """Every request renders (`pytest.mark.usefixtures("no_page_cache")`): for tests of what a
    page prints, not of what the page cache keeps."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


# Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).


BROWSERS = []  # the one launched in this process, once a test has asked for it


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # tests between browser steps are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        BROWSERS.append(browser)
        yield browser
        BROWSERS.remove(browser)
        browser.close()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    """Close every page a test left open before its fixtures go: a page left open keeps
    reopening its news feed stream on the in-process live server, and those requests (with no
    database allowed after the test) failed inside the next test's client requests (Django's
    test client re-raises any request's exception signalled while it waits)."""
    for browser in BROWSERS:
        for context in list(browser.contexts):
            context.close()


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def watch_csp(context):
    """Record Content-Security-Policy violations on every page of a browser context."""
    context.add_init_script(CSP_LISTENER)


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def admin_page(browser, base_url, username, password=PASSWORD):
    """A new browser tab signed in to the admin of the server at `base_url`.

    A server in another process (`web_server`) checks passwords with the production hasher: give
    its users a PBKDF2 hash (`make_password(PASSWORD, hasher="pbkdf2_sha256")`)."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


@pytest.fixture
def screenshot_dir():
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def s3():
    """A real S3 API server (moto's) on loopback, for a test module."""
    from newsdesk.testing.s3 import s3_server

    with s3_server() as server:
        yield server


@pytest.fixture
def s3_bucket(s3, settings):
    """Media in a fresh bucket of that server, set up as settings.py sets it for a bucket."""
    bucket = s3.bucket()
    settings.STORAGES = bucket.storages(settings.STORAGES)
    settings.MEDIA_ORIGIN = bucket.origin
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    return bucket
